"""NumPy kernels of the ordering and statistics ops (sort, topk, kthvalue, median, mode,
unique, cumprod, cummax/cummin, nansum, aminmax).

Where PyTorch's CPU kernels break ties in a definite way, these do the same: sort is
stable, median(dim) takes the middle of the stable order, kthvalue runs PyTorch's own
quickselect (Sedgewick's partition, aten/src/ATen/native/Sorting.cpp), mode reports
the last occurrence of the smallest most frequent value.
"""

import numpy as np

from . import stl_select
from .kernels import CUMULATIVE_ACCUMULATOR


def _stable_order(a, axis, descending):
    """Indices sorting `a` along axis, equal values in their original order; nan sorts
    above everything (last ascending, first descending), as in PyTorch."""
    if not descending:
        return np.argsort(a, axis=axis, kind="stable")
    # Descending and still stable: sort the reversed array ascending and read it backwards.
    n = a.shape[axis]
    reversed_order = np.argsort(np.flip(a, axis), axis=axis, kind="stable")
    return n - 1 - np.flip(reversed_order, axis)


# Tensors larger than this are ordered with NumPy's stable sort: the step-for-step ports of
# PyTorch's algorithms run in Python (equal values may then come out in another order).
_STL_SORT_LIMIT = 100_000


def _comparator(descending):
    """PyTorch's KeyValueCompAsc/Desc on (value, index) pairs: nan is the largest."""
    if descending:
        def less(x, y):
            return (x[0] != x[0] and y[0] == y[0]) or x[0] > y[0]
    else:
        def less(x, y):
            return (x[0] == x[0] and y[0] != y[0]) or x[0] < y[0]
    return less


def _rows(a, dim):
    moved = np.moveaxis(a, dim, -1)
    return moved, rows_of(moved)


def rows_of(moved):
    """The 1-d slices along the last dim as rows of a matrix; an empty tensor has as many
    rows as its other dims make (reshape(-1, n) cannot tell them with n = 0)."""
    return moved.reshape(int(np.prod(moved.shape[:-1])), moved.shape[-1])


def sort(a, dim, descending, stable=False):
    """PyTorch's CPU sort: std::stable_sort when stable, else std::sort (an introsort,
    whose order of equal values is its own; insertion sort, so stable, up to 16)."""
    if a.ndim == 0:
        return a.copy(), np.zeros((), np.int64)
    n = a.shape[dim]
    if stable or n <= 16 or a.size > _STL_SORT_LIMIT:
        order = _stable_order(a, dim, descending)
        return np.take_along_axis(a, order, axis=dim), order.astype(np.int64)
    less = _comparator(descending)
    moved, rows = _rows(a, dim)
    order = np.empty(rows.shape, np.int64)
    for r, row in enumerate(rows):
        items = list(zip(row.tolist(), range(n)))
        stl_select.sort(items, 0, n, less)
        order[r] = [i for _, i in items]
    order = np.moveaxis(order.reshape(moved.shape), -1, dim)
    return np.take_along_axis(a, order, axis=dim), order


def topk(a, k, dim, largest, sorted_):
    """PyTorch's topk_impl_loop: libstdc++'s partial_sort when k * 64 <= n, else
    nth_element (and std::sort of the first k - 1 when sorted), on (value, index) pairs
    compared by value, nan counting as the largest; so ties come out as in PyTorch."""
    if a.ndim == 0:
        return a.copy(), np.zeros((), np.int64)
    if a.size > _STL_SORT_LIMIT:
        order = np.take(_stable_order(a, dim, largest), np.arange(k), axis=dim)
        return np.take_along_axis(a, order, axis=dim), order.astype(np.int64)
    less = _comparator(largest)
    moved = np.moveaxis(a, dim, -1)
    rows = rows_of(moved)
    values = np.empty((rows.shape[0], k), a.dtype)
    indices = np.empty((rows.shape[0], k), np.int64)
    n = rows.shape[1]
    for r, row in enumerate(rows):
        items = list(zip(row.tolist(), range(n)))
        if k * 64 <= n:
            stl_select.partial_sort(items, k, less)
        elif k > 0:
            stl_select.nth_element(items, k - 1, less)
            if sorted_:
                stl_select.sort(items, 0, k - 1, less)
        for j in range(k):
            values[r, j], indices[r, j] = items[j]
    shape = moved.shape[:-1] + (k,)
    return (np.moveaxis(values.reshape(shape), -1, dim),
            np.moveaxis(indices.reshape(shape), -1, dim))


def _gt_or_nan(x, y):
    return (x != x and y == y) or x > y


def _quickselect(values, indices, k):
    """PyTorch's quick_select_template: partially orders values (with their indices) so
    that position k holds the k-th smallest, nan counting as the largest."""
    left, right = 0, len(values) - 1

    def swap(i, j):
        values[i], values[j] = values[j], values[i]
        indices[i], indices[j] = indices[j], indices[i]

    while True:
        if right <= left:
            return
        if right == left + 1:
            if _gt_or_nan(values[left], values[right]):
                swap(left, right)
            return
        swap((left + right) >> 1, left + 1)
        if _gt_or_nan(values[left + 1], values[right]):
            swap(left + 1, right)
        if _gt_or_nan(values[left], values[right]):
            swap(left, right)
        if _gt_or_nan(values[left + 1], values[left]):
            swap(left + 1, left)
        i, j, pivot = left + 1, right, values[left]
        while True:
            i += 1
            while _gt_or_nan(pivot, values[i]):
                i += 1
            j -= 1
            while _gt_or_nan(values[j], pivot):
                j -= 1
            if j < i:
                break
            swap(i, j)
        swap(left, j)
        if j <= k:
            left = i
        if j >= k:
            right = j - 1


def _per_row(a, dim, keepdim, pick):
    """Apply pick(row) -> (value, index) to every 1-d slice of `a` along dim."""
    if a.ndim == 0:
        return a.copy(), np.zeros((), np.int64)
    moved = np.moveaxis(a, dim, -1)
    rows = rows_of(moved)
    values = np.empty(rows.shape[0], a.dtype)
    indices = np.empty(rows.shape[0], np.int64)
    for r, row in enumerate(rows):
        values[r], indices[r] = pick(row)
    shape = moved.shape[:-1]
    values, indices = values.reshape(shape), indices.reshape(shape)
    if keepdim:
        values, indices = np.expand_dims(values, dim), np.expand_dims(indices, dim)
    return values, indices


def kthvalue(a, k, dim, keepdim):
    if a.size > _STL_SORT_LIMIT:
        def pick(row):
            i = _stable_order(row, 0, False)[k - 1]
            return row[i], i
        return _per_row(a, dim, keepdim, pick)

    def pick(row):
        values, indices = row.tolist(), list(range(len(row)))
        _quickselect(values, indices, k - 1)
        return values[k - 1], indices[k - 1]
    return _per_row(a, dim, keepdim, pick)


def median_all(a):
    flat = a.reshape(-1)
    if flat.size == 0:  # ATen: a float nan converted to the dtype (an integer's minimum)
        with np.errstate(invalid="ignore"):
            return np.array(np.nan).astype(a.dtype)
    if a.dtype.kind == "f" and np.isnan(flat).any():
        return np.array(np.nan, a.dtype)
    return np.sort(flat)[(flat.size - 1) // 2]


def median_dim(a, dim, keepdim):
    # PyTorch's nth_element orders by (value, index): the middle of the stable order; a nan
    # in the row is the median, reported at its first position.
    def pick(row):
        if row.dtype.kind == "f":
            nans = np.flatnonzero(np.isnan(row))
            if nans.size:
                return row[nans[0]], nans[0]
        i = np.argsort(row, kind="stable")[(row.size - 1) // 2]
        return row[i], i
    return _per_row(a, dim, keepdim, pick)


def mode(a, dim, keepdim):
    """PyTorch's mode kernel: std::sort the (value, index) pairs by value, then the last
    pair of the first longest run of equal values (nan equal to nothing)."""
    def less(x, y):
        return x[0] < y[0]

    def pick(row):
        items = list(zip(row.tolist(), range(row.size)))
        if a.size > _STL_SORT_LIMIT:
            items = [items[i] for i in np.argsort(row, kind="stable")]
        else:
            stl_select.sort(items, 0, len(items), less)
        best, best_count, count = items[0], 0, 0
        for i, item in enumerate(items):
            count += 1
            if i == len(items) - 1 or item[0] != items[i + 1][0]:
                if count > best_count:
                    best, best_count = item, count
                count = 0
        return best
    return _per_row(a, dim, keepdim, pick)


def cumprod(a, dim):
    accumulator = CUMULATIVE_ACCUMULATOR.get(a.dtype, a.dtype)
    return np.cumprod(a, axis=dim if a.ndim else None, dtype=accumulator).astype(
        a.dtype, copy=False).reshape(a.shape)


def unique(a, return_inverse, return_counts, dim):
    """(values, inverse, counts) as torch.unique: sorted, nan never equal to nan."""
    if dim is None:
        values, inverse, counts = np.unique(a.reshape(-1), return_inverse=True,
                                            return_counts=True, equal_nan=False)
        inverse = inverse.reshape(a.shape)
    else:
        values, inverse, counts = np.unique(a, return_inverse=True, return_counts=True,
                                            axis=dim)
        inverse = inverse.reshape(-1)
    return values, inverse.astype(np.int64), counts.astype(np.int64)


def nansum(a, dim, keepdim):
    return np.nansum(a, axis=dim, keepdims=keepdim).astype(a.dtype, copy=False)


def aminmax(a, dim, keepdim):
    axis = dim if a.ndim else None
    return (np.min(a, axis=axis, keepdims=keepdim and a.ndim > 0),
            np.max(a, axis=axis, keepdims=keepdim and a.ndim > 0))


def cumulative_extreme(a, dim, take_max):
    """cummax/cummin as ATen's cummax_cummin_helper: the running value moves to an element
    that is nan, or (the running value not nan) >= it for max, <= for min; ties and nans take
    the later index."""
    if a.ndim == 0:
        return a.copy(), np.zeros((), np.int64)
    moved = np.moveaxis(a, dim, 0)
    values = np.empty_like(moved)
    indices = np.empty(moved.shape, np.int64)
    if moved.shape[0]:
        out, idx = moved[0].copy(), np.zeros(moved.shape[1:], np.int64)
        floating = a.dtype.kind == "f"
        for i in range(moved.shape[0]):
            current = moved[i]
            better = current >= out if take_max else current <= out
            if floating:
                better = np.isnan(current) | (~np.isnan(out) & better)
            out = np.where(better, current, out)
            idx = np.where(better, i, idx)
            values[i], indices[i] = out, idx
    return np.moveaxis(values, 0, dim), np.moveaxis(indices, 0, dim)
