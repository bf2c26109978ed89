"""NumPy kernels of nanmedian, dist, histc, bucketize/searchsorted, isin and
unique_consecutive, with ATen's conventions (nan-last orders, lower medians, int64 indices)."""

import numpy as np

from . import kernels as k
from . import libm
from .float_math import fma_f32, fma_f64
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


# ---- cdist (ATen's Distance.cpp) -----------------------------------------------------------------

def _differences(x1, x2):
    return x1[..., :, None, :] - x2[..., None, :, :]


def cdist(x1, x2, p):
    """_cdist_forward: the p-norm of every row difference.

    For p = 2, PyTorch 2.13's x86-64 build sums `diff * diff` over the columns in order,
    the products rounded over the leading multiple of 16 bytes' worth of columns (4 float32,
    2 float64) and fused into the sum (FMA) for the remaining ones: measured bit for bit
    against it for 1 to 17 columns."""
    diff = _differences(x1, x2)
    if p != 2:
        return _cdist_other(np.abs(diff), p)
    fma = fma_f32 if diff.dtype == np.float32 else fma_f64
    columns = diff.shape[-1]
    rounded = columns - columns % (16 // diff.dtype.itemsize)
    agg = np.zeros(diff.shape[:-1], diff.dtype)
    for c in range(rounded):
        agg = agg + diff[..., c] * diff[..., c]
    for c in range(rounded, columns):
        agg = np.asarray(fma(diff[..., c], diff[..., c], agg), dtype=diff.dtype)
    return np.sqrt(agg)


def _cdist_other(diff, p):
    """ATen's zdist/odist/idist/pdist: map each column's |diff|, reduce in column order,
    finish (pdist: std::pow(agg, 1 / p))."""
    if p == np.inf:
        return diff.max(-1) if diff.shape[-1] else np.zeros(diff.shape[:-1], diff.dtype)
    if p == 0:
        mapped = (diff != 0).astype(diff.dtype)
    elif p == 1:
        mapped = diff
    else:
        mapped = libm.power(diff, p)
    agg = np.zeros(diff.shape[:-1], diff.dtype)
    for c in range(diff.shape[-1]):
        agg = agg + mapped[..., c]
    if p in (0, 1):
        return agg
    # std::pow(agg, 1.0 / p): a double exponent, so the double pow, rounded
    return libm.power(agg.astype(np.float64), 1 / float(diff.dtype.type(p))).astype(diff.dtype)


def distance_backward_terms(grad, diff, dist, p):
    """ATen's Dist<>::backward (cdist's and pdist's): d|x - y|_p / dx times grad for each
    difference, 0 where the distance is 0 (and for p = 0), in diff's dtype."""
    t = diff.dtype.type
    with np.errstate(all="ignore"):
        if p == 0:
            return np.zeros_like(diff)
        if p == 1:
            return grad * np.sign(diff)
        if p == 2:
            return np.where(dist == 0, t(0), grad * diff / dist)
        if p == np.inf:
            return grad * np.sign(diff) * (np.abs(diff) == dist)
        if p < 2:
            return np.where((dist == 0) | ((diff == 0) & (p < 1)), t(0),
                            np.sign(diff) * np.abs(diff) ** t(p - 1) * grad / dist ** t(p - 1))
        return np.where(dist == 0, t(0),
                        diff * np.abs(diff) ** t(p - 2) * grad / dist ** t(p - 1))


def cdist_backward(grad, x1, x2, dist, p):
    """_cdist_backward: d dist[i, j] / d x1[i] weighted by grad and summed over j."""
    step = distance_backward_terms(grad[..., None], _differences(x1, x2), dist[..., None], p)
    total = step[..., 0, :]
    for j in range(1, step.shape[-2]):  # summed over the other rows in order
        total = total + step[..., j, :]
    return total.astype(x1.dtype)


def euclidean_dist(x1, x2):
    """ATen's _euclidean_dist: one matrix product of [-2 x1, |x1|^2, 1] and [x2, 1, |x2|^2],
    clamped at 1e-30, square-rooted."""
    t = x1.dtype.type
    x1_norm = (x1 * x1).sum(-1, keepdims=True)
    x2_norm = (x2 * x2).sum(-1, keepdims=True)
    x1_ = np.concatenate([x1 * t(-2), x1_norm, np.ones_like(x1_norm)], -1)
    x2_ = np.concatenate([x2, np.ones_like(x2_norm), x2_norm], -1)
    return np.sqrt(np.maximum(np.matmul(x1_, np.swapaxes(x2_, -1, -2)), t(1e-30)))
