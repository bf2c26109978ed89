"""var, std, var_mean and std_mean in the arithmetic of ATen's CPU kernels (ReduceOps.cpp).

var/std with a one-element result run std_var_all_cpu: the mean as torch.mean gives it
(the tensor's dtype, PyTorch's summation order), then the squared deviations summed in
double in memory order (per thread chunk above GRAIN_SIZE elements), divided, rooted, cast.
Every other case (a reduction to several values, and var_mean/std_mean always) runs
WelfordOps in double over each output's elements in memory order (multiply, then add),
chunks combined as WelfordOps::combine where one output's reduction is split over threads.
"""

import numpy as np

from .cascade_sum import _GRAIN_SIZE, _THREADS

_ALL_DTYPES = (np.float32, np.float64)


def var(a, dim, correction, keepdim, take_sqrt=False):
    axes = _axes(dim, a.ndim)
    if _one_output(a, axes) and a.dtype in _ALL_DTYPES:
        value = _var_all(a, correction, take_sqrt)
        out = np.full(_out_shape(a.shape, axes, keepdim), value)
        return out.astype(a.dtype)
    variance, _ = _welford(a, axes, correction, keepdim, take_sqrt)
    return variance


def std(a, dim, correction, keepdim):
    return var(a, dim, correction, keepdim, take_sqrt=True)


def var_mean(a, dim, correction, keepdim, take_sqrt=False):
    return _welford(a, _axes(dim, a.ndim), correction, keepdim, take_sqrt)


def std_mean(a, dim, correction, keepdim):
    return var_mean(a, dim, correction, keepdim, take_sqrt=True)


def _axes(dim, ndim):
    if dim is None:
        return tuple(range(ndim))
    dims = (dim,) if isinstance(dim, int) else dim
    return tuple(sorted({d % ndim for d in dims})) if ndim else ()


def _one_output(a, axes):
    return all(a.shape[i] == 1 for i in range(a.ndim) if i not in axes)


def _out_shape(shape, axes, keepdim):
    if keepdim:
        return tuple(1 if i in axes else n for i, n in enumerate(shape))
    return tuple(n for i, n in enumerate(shape) if i not in axes)


def _memory_order(a, axes):
    """a's reduced axes moved last, in memory order (outermost stride first)."""
    kept = [i for i in range(a.ndim) if i not in axes]
    reduced = sorted(axes, key=lambda i: -abs(a.strides[i]))
    moved = np.transpose(a, kept + reduced)
    return moved.reshape(tuple(a.shape[i] for i in kept) + (-1,))


def _var_all(a, correction, take_sqrt):
    from .kernels import mean_all
    mean = float(mean_all(a))
    deviations = np.ravel(a, order="K").astype(np.float64) - mean
    squares = deviations * deviations
    n = squares.size
    if n <= _GRAIN_SIZE or _THREADS == 1:
        total = float(np.cumsum(squares)[-1])
    else:
        threads = min(_THREADS, -(-n // _GRAIN_SIZE))
        chunk = -(-n // threads)
        total = 0.0
        for t in range(threads):
            total += float(np.cumsum(squares[t * chunk:(t + 1) * chunk])[-1])
    with np.errstate(all="ignore"):
        variance = np.float64(total) / np.float64(max(0.0, n - correction))
        return np.sqrt(variance) if take_sqrt else variance


def _welford(a, axes, correction, keepdim, take_sqrt):
    rows = _memory_order(a, axes).astype(np.float64)
    length = rows.shape[-1]
    flat = rows.reshape(-1, length)
    if flat.shape[0] == 1 and length > _GRAIN_SIZE and _THREADS > 1:
        mean, m2, count = _welford_split(flat[0])
        mean, m2, count = np.array([mean]), np.array([m2]), float(count)
    else:
        mean, m2 = _welford_rows(flat)
        count = float(length)
    divisor = count - correction if count > correction else 0.0
    with np.errstate(all="ignore"):
        variance = m2 / divisor
        if take_sqrt:
            variance = np.sqrt(variance)
    shape = _out_shape(a.shape, axes, keepdim)
    return variance.reshape(shape).astype(a.dtype), mean.reshape(shape).astype(a.dtype)


def _welford_rows(flat):
    """WelfordOps::reduce over each row, all rows at once."""
    mean = np.zeros(flat.shape[0])
    m2 = np.zeros(flat.shape[0])
    with np.errstate(all="ignore"):
        for i in range(flat.shape[1]):
            x = flat[:, i]
            delta = x - mean
            mean = mean + delta / float(i + 1)
            m2 = m2 + delta * (x - mean)
    return mean, m2


def _welford_split(values):
    """One output's elements in per-thread chunks, combined in thread order."""
    threads = min(_THREADS, -(-values.size // _GRAIN_SIZE))
    chunk = -(-values.size // threads)
    mean, m2, count = 0.0, 0.0, 0.0
    for t in range(threads):
        part = values[t * chunk:(t + 1) * chunk]
        b_mean, b_m2 = _welford_rows(part[None])
        b_mean, b_m2, b_count = float(b_mean[0]), float(b_m2[0]), float(part.size)
        if count == 0:
            mean, m2, count = b_mean, b_m2, b_count
            continue
        delta = b_mean - mean
        new_count = count + b_count
        nb_over_n = b_count / new_count
        mean, m2 = mean + delta * nb_over_n, m2 + b_m2 + delta * delta * count * nb_over_n
        count = new_count
    return mean, m2, count
