"""NumPy kernels of nanmedian, dist, histc, bucketize/searchsorted, isin and
unique_consecutive, with ATen's conventions (nan-last orders, lower medians, int64 indices)."""

import numpy as np

from . import kernels as k
from . import stl_select
from .kernels_sort import _per_row


def nanmedian_all(a):
    flat = a.reshape(-1)
    if a.dtype.kind == "f":
        flat = flat[~np.isnan(flat)]
    if flat.size == 0:
        return np.array(np.nan, a.dtype)
    return np.sort(flat)[(flat.size - 1) // 2]


def nanmedian_dim(a, dim, keepdim):
    """ATen's median_with_indices_impl with ignore_nan: std::nth_element of the indices at
    k = (count of non-nan - 1) / 2 (rounded toward zero), ordered by (value, index) with
    nans last and unordered among themselves (so which nan of a row of nans is libstdc++'s)."""
    def pick(row):
        values = row.tolist()

        def less(i, j):
            x, y = values[i], values[j]
            return x < y or (x == y and i < j) or (y != y and x == x)

        count = row.size - (int(np.isnan(row).sum()) if row.dtype.kind == "f" else 0)
        order = list(range(row.size))
        k = int((count - 1) / 2)  # C++ division truncates toward zero
        stl_select.nth_element(order, k, less)
        return row[order[k]], order[k]
    return _per_row(a, dim, keepdim, pick)


def dist(a, b, p):
    return k.norm(a - b, p, None, False)


def histc(a, bins, low, high):
    """torch.histc: equal bins over [low, high] (the data's range if both are 0), the last
    bin closed; values outside are ignored. Counts in a's dtype."""
    data = a.reshape(-1)
    if low == high and data.size:  # no range given: the data's
        low, high = float(data.min()), float(data.max())
    if low == high:
        low, high = low - 1, high + 1
    inside = data[(data >= low) & (data <= high)]
    # ATen's bin: (x - min) * bins / (max - min), computed in the input's dtype
    t = a.dtype.type
    position = ((inside - t(low)) * t(bins) / (t(high) - t(low))).astype(np.int64)
    position = np.minimum(position, bins - 1)
    return np.bincount(position, minlength=bins).astype(a.dtype)
