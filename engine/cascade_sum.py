"""torch.sum's CPU summation order (aten/src/ATen/native/cpu/SumKernel.cpp), on NumPy arrays.

PyTorch sums float32/float64 with a cascade: lanes of one AVX2 vector (8 floats, 4 doubles;
the sum kernel has no AVX512 build, so AVX512 machines run it too), four interleaved
accumulators ("ilp"), and four levels of partial sums that each take 16 blocks of the level
below.  NumPy's pairwise sum rounds differently, so a float32 loss printed with `.item()`
would differ in its last digits.  This module repeats that order exactly; every step is a
vectorised NumPy operation over all the independent outputs at once.

Layout (the TensorIterator rules): size-1 dims are dropped, adjacent reduced or kept dims
are coalesced, the reduced dims go first (innermost first), then the kept dims.  The first
two iterator dims form the kernel's 2-D loop; the outer dims call it again, accumulating into
the same outputs (`out += partial`) where they are reduced.
"""

import functools
import math
import os

import numpy as np

_VECTOR_BYTES = 32          # AVX2
_ILP = 4                    # interleaved accumulators of row_sum
_LEVELS = 4                 # cascade levels of multi_row_sum
_GRAIN_SIZE = 32768         # at::internal::GRAIN_SIZE: larger full sums are split over threads
_THREADS = max(1, os.cpu_count() or 1)   # PyTorch's default intra-op threads, one per core


def cascade_sum(a, axes):
    """Sum of the float32/float64 array `a` over `axes` (a tuple of non-negative ints) in
    PyTorch's order; the reduced axes are removed from the result."""
    order = _memory_order(a)
    if order is None:
        return _cascade_sum(a, axes)
    # TensorIterator walks a permuted dense tensor (x.T) in memory order: sum that layout,
    # then put the kept dims back in their logical order.
    moved_axes = tuple(sorted(order.index(i) for i in axes))
    kept = [i for i in order if i not in axes]
    out = _cascade_sum(np.transpose(a, order), moved_axes)
    return np.transpose(out, np.argsort(kept)) if len(kept) > 1 else out


def _memory_order(a):
    """The dims of a dense but permuted array, outermost stride first; None when `a` is in
    that order already or is not a permutation of a dense array (broadcast, sliced)."""
    if a.flags.c_contiguous or a.ndim < 2:
        return None
    dims = [i for i in range(a.ndim) if a.shape[i] > 1]
    by_stride = sorted(dims, key=lambda i: -a.strides[i])
    expected = a.itemsize
    for i in reversed(by_stride):
        if a.strides[i] != expected:
            return None
        expected *= a.shape[i]
    if by_stride == dims:
        return None
    ones = [i for i in range(a.ndim) if a.shape[i] <= 1]
    return by_stride + ones


def _cascade_sum(a, axes):
    if not a.flags.c_contiguous:
        a = np.ascontiguousarray(a)   # only then: it would make a 0-dim array 1-dim
    if len(axes) == a.ndim and a.size:
        row = a if a.ndim == 1 else a.reshape(-1)
        plan = _ROW_PLANS.get((row.shape[0], a.dtype))
        if plan is None:
            plan = _plan_row(row.shape[0], a.dtype)
        return plan(row)
    lanes = _VECTOR_BYTES // a.itemsize
    out_shape = tuple(s for i, s in enumerate(a.shape) if i not in axes)
    if a.size == 0 or not axes:
        return np.sum(a, axis=axes, dtype=a.dtype)
    if axes[-1] == len(axes) - 1:
        # The leading dims reduced, the rest kept (a bias's gradient): the kept dims are
        # one contiguous column block, vectorized_outer_sum's case, without the regrouping.
        columns = math.prod(out_shape)
        rows = a.size // columns
        if rows > 1 and columns > 1:
            partial = _outer_sum(a.reshape(rows, 1, columns), lanes)
            return partial.reshape(out_shape) + a.dtype.type(0)
    groups = _coalesce(a.shape, axes)
    if not any(reduced for _, reduced in groups):
        return a.reshape(out_shape) + a.dtype.type(0)
    x = a.reshape([size for size, _ in groups])
    if len(groups) == 1:
        return np.asarray(_full_sum(x, lanes)).reshape(out_shape)
    kinds = [reduced for _, reduced in groups]
    reduced_axes = [i for i, r in enumerate(kinds) if r]
    inner = reduced_axes[-1]                 # iterator dim 0: the innermost reduced group
    outer_reduced = reduced_axes[:-1]        # the other reduced groups, outermost first
    if inner == len(groups) - 1:
        # The reduced dim is contiguous: vectorized_inner_sum (or scalar_inner_sum) per row.
        rows = np.moveaxis(x, inner, -1)
        partial = _inner_sum(rows.reshape(-1, rows.shape[-1]), lanes).reshape(rows.shape[:-1])
    elif outer_reduced:
        # Two strided reduced dims: scalar_inner_sum, a row_sum over the inner one.
        moved = np.moveaxis(x, inner, 0)
        partial = _row_sum(moved.reshape(moved.shape[0], -1)).reshape(moved.shape[1:])
    else:
        # The kept dim is contiguous: vectorized_outer_sum (or scalar_outer_sum) over columns.
        moved = np.moveaxis(x, inner, 0)
        partial = _outer_sum(moved.reshape(moved.shape[0], -1, moved.shape[-1]), lanes)
        partial = partial.reshape(moved.shape[1:])
    axes_left = [i for i in range(len(groups)) if i != inner]
    # The remaining reduced groups are outer loops: sequential `out += partial`.
    positions = [axes_left.index(i) for i in outer_reduced]
    if positions:
        partial = np.moveaxis(partial, positions, list(range(len(positions))))
        partial = partial.reshape((-1,) + partial.shape[len(positions):])
        partial = _sequential(partial)
    # the kernel's accumulators start at +0.0, so no sum is -0.0
    return np.asarray(partial, dtype=a.dtype).reshape(out_shape) + a.dtype.type(0)


def _coalesce(shape, axes):
    groups = []
    for i, size in enumerate(shape):
        if size == 1:
            continue
        reduced = i in axes
        if groups and groups[-1][1] == reduced:
            groups[-1] = (groups[-1][0] * size, reduced)
        else:
            groups.append((size, reduced))
    return groups


def _full_sum(x, lanes):
    """All of a 1-D array: one row, or per-thread chunks combined (two_pass_reduction)."""
    n = x.shape[0]
    if n <= _GRAIN_SIZE or _THREADS == 1:
        return _row_of_vectors(x, lanes)
    threads = min(_THREADS, -(-n // _GRAIN_SIZE))
    chunk = -(-n // threads)
    buffer = np.zeros(_THREADS, dtype=x.dtype)
    for t in range(threads):
        buffer[t] = _row_of_vectors(x[t * chunk:(t + 1) * chunk], lanes)
    return _row_of_vectors(buffer, lanes)


_ROW_PLANS = {}
_MAX_ROW_PLANS = 4096


def _plan_row(n, dtype):
    """The full sum of a length-n row as a function, with every size worked out once: the
    small sums of a training loop repeat the same few lengths thousands of times, and then
    the Python steps of _row_of_vectors cost more than its NumPy calls. Rows whose
    multi_row_sum flushes level 1 only (under 8192 floats) get straight-line code in the
    same order; longer rows keep _full_sum."""
    lanes = _VECTOR_BYTES // dtype.itemsize
    width = _ILP * lanes
    vectors, tail = divmod(n, lanes)
    groups, extra = divmod(vectors, _ILP)
    step = 1 << max(4, _ceil_log2(groups) // _LEVELS)
    if n < lanes or groups >= step * step or n > _GRAIN_SIZE:
        plan = functools.partial(_full_sum, lanes=lanes)
    else:
        plan = _short_row_plan(lanes, width, vectors, tail, groups, extra, step, dtype.type(0))
    if len(_ROW_PLANS) < _MAX_ROW_PLANS:
        _ROW_PLANS[(n, dtype)] = plan
    return plan


def _short_row_plan(lanes, width, vectors, tail, groups, extra, step, zero):
    full, left = divmod(groups, step)
    run_end, body, whole = full * step * width, groups * width, vectors * lanes
    reduce, accumulate = np.add.reduce, np.add.accumulate

    def accumulators(x):
        # multi_row_sum: runs of `step` rows in order, the runs added in order, then the
        # leftover rows' sum (the level-0 accumulator) takes that (a + b == b + a).
        if not full:
            return x[:width] if groups == 1 else reduce(x[:body].reshape(groups, width), axis=0)
        runs = reduce(x[:run_end].reshape(full, step, width), axis=1)
        total = runs[0] if full == 1 else reduce(runs, axis=0)
        if left == 1:
            return x[run_end:body] + total
        if left:
            return reduce(x[run_end:body].reshape(left, width), axis=0) + total
        return total

    def row_sum(x):
        if not groups:  # no multi_row_sum: the leftover vectors alone (+0.0 changes nothing)
            lane_sums = reduce(x[:whole].reshape(vectors, lanes), axis=0)
        else:
            acc = accumulators(x).reshape(_ILP, lanes)
            if extra:  # accumulator 0 takes the leftover vectors before 1, 2, 3 join it
                acc = np.concatenate((acc[:1], x[body:whole].reshape(extra, lanes), acc[1:]))
            lane_sums = reduce(acc, axis=0)
        if tail:
            lane_sums = np.concatenate((x[whole:], lane_sums))
        return accumulate(lane_sums)[-1] + zero
    return row_sum


def _row_of_vectors(x, lanes):
    """One contiguous row, as vectorized_inner_sum sums it: the row's whole vectors by
    row_sum (4 interleaved vector accumulators), then 0 + the scalar tail + the lanes.
    Rows shorter than a vector take scalar_inner_sum's row_sum. The result is never -0.0,
    as the kernel's accumulators start at +0.0."""
    n = x.shape[0]
    zero = x.dtype.type(0)
    if n < lanes:
        return np.add.accumulate(x[_scalar_row_order(n)])[-1] + zero
    vectors = n // lanes
    width = _ILP * lanes
    groups = vectors // _ILP
    body = groups * width
    if not groups:
        partials = np.zeros(width, dtype=x.dtype)
    else:
        partials = _multi_row_sum(x[:body].reshape(groups, width))
    if body == vectors * lanes:
        lane_sums = np.add.reduce(partials.reshape(_ILP, lanes), axis=0)
    else:
        # partial 0 takes the leftover vectors, then partials 1, 2, 3, in that order
        partials = partials.reshape(_ILP, lanes)
        leftover = x[body:vectors * lanes].reshape(-1, lanes)
        lane_sums = np.add.reduce(np.concatenate((partials[:1], leftover, partials[1:])), axis=0)
    if vectors * lanes < n:
        lane_sums = np.concatenate((x[vectors * lanes:], lane_sums))
    return np.add.accumulate(lane_sums)[-1] + zero


_ORDERS = {}


def _scalar_row_order(n):
    """The order row_sum adds a row shorter than one vector (n < 8): accumulator k takes
    element k of the first 4, the leftovers join accumulator 0, then 1, 2, 3 are added."""
    order = _ORDERS.get(n)
    if order is None:
        groups = n // _ILP
        columns = [list(range(k, groups * _ILP, _ILP)) for k in range(_ILP)]
        order = columns[0] + list(range(groups * _ILP, n)) + columns[1] + columns[2] + columns[3]
        order = _ORDERS[n] = np.array(order, dtype=np.intp)
    return order


def _inner_sum(rows, lanes):
    """Each row of (M, n) summed as vectorized_inner_sum does (scalar row_sum when n < lanes)."""
    m, n = rows.shape
    if n < lanes:
        return _row_sum(rows.T)
    vectors = n // lanes
    body = rows[:, :vectors * lanes].reshape(m, vectors, lanes).transpose(1, 0, 2)
    vector_acc = _row_sum(body.reshape(vectors, m * lanes)).reshape(m, lanes)
    # final_acc starts at 0, takes the scalar tail, then the vector's lanes in order.
    tail = np.concatenate([rows[:, vectors * lanes:], vector_acc], axis=1)
    return np.add.accumulate(tail, axis=1)[:, -1]


def _outer_sum(x, lanes):
    """(N, B, C) reduced over N, C contiguous: vectorized_outer_sum / scalar_outer_sum.
    Columns in the leading blocks of 4 vectors (or 4 scalars) get one multi_row_sum each;
    the others a row_sum."""
    n, b, c = x.shape
    block = _ILP * lanes if c >= lanes else _ILP
    split = (c // block) * block
    out = np.empty((b, c), dtype=x.dtype)
    if split:
        out[:, :split] = _multi_row_sum(x[:, :, :split].reshape(n, -1)).reshape(b, split)
    if split < c:
        out[:, split:] = _row_sum(x[:, :, split:].reshape(n, -1)).reshape(b, c - split)
    return out


def _row_sum(x):
    """row_sum over axis 0 of (N, L), each of the L lanes independent: 4 interleaved
    accumulators over the rows, the leftover rows into the first, then the four added."""
    n, width = x.shape
    groups = n // _ILP
    if groups:
        partials = _multi_row_sum(x[:groups * _ILP].reshape(groups, _ILP * width))
        partials = partials.reshape(_ILP, width)
    else:
        partials = np.zeros((_ILP, width), dtype=x.dtype)
    first = partials[0]
    for row in x[groups * _ILP:]:
        first = first + row
    for k in range(1, _ILP):
        first = first + partials[k]
    return first


def _multi_row_sum(x):
    """multi_row_sum over axis 0 of (N, L): runs of 2**level_power rows are summed in order;
    level 1 adds the runs in order and hands its sum to level 2 every 2**level_power runs,
    level 2 to level 3 likewise; the leftover rows' sum then takes levels 1, 2, 3."""
    size, width = x.shape
    level_power = max(4, _ceil_log2(size) // _LEVELS)
    step = 1 << level_power
    full = size // step
    # acc[0] takes the leftover rows, then acc[1], acc[2], acc[3] are added to it in turn.
    levels = [_sequential(x[full * step:])] if full * step < size else []
    runs = _sequential_runs(x[:full * step].reshape(full, step, width)) if full else None
    for _ in range(1, _LEVELS - 1):
        if runs is None:
            break
        flushed = runs.shape[0] // step
        if flushed * step < runs.shape[0]:
            levels.append(_sequential(runs[flushed * step:]))
        runs = (_sequential_runs(runs[:flushed * step].reshape(flushed, step, width))
                if flushed else None)
    if runs is not None:
        levels.append(_sequential(runs))
    if not levels:
        return np.zeros(width, dtype=x.dtype)
    result = levels[0]
    for level in levels[1:]:
        result = result + level
    return result


def _sequential_runs(x):
    """(R, S, L): each run's S rows added in order, 0 + r0 + r1 + ..."""
    return np.add.accumulate(x, axis=1)[:, -1] if x.shape[2] == 1 else np.add.reduce(x, axis=1)


def _sequential(x):
    """Axis 0 added in order; NumPy's reduce over a non-innermost axis is sequential, a
    1-wide one would be pairwise, so that one goes through a running sum (add.accumulate)."""
    if x.ndim == 1 or x.shape[1:] == (1,) * (x.ndim - 1):
        return np.add.accumulate(x, axis=0)[-1]
    return np.add.reduce(x, axis=0)


def _ceil_log2(n):
    return 1 if n <= 2 else int(n - 1).bit_length()

