"""The 2-norm in the order of ATen's norm kernel (native/cpu/ReduceOpsKernel.cpp).

A float32 or float64 reduction over the fastest-moving, dense dims (x.norm(), x.norm(dim=-1)
of a contiguous x) runs its vectorised fast path: one Vectorized<T> accumulator (the AVX2
build: 8 floats or 4 doubles, norm_stub has no AVX512 build) adds each lane's square
(multiply, then add), the lanes are folded left to right, and the remainder is added element
by element, `acc += x * x`, which GCC contracts to a fused multiply-add; for float32 it
first squares groups of four remainder elements in one vector multiply (not fused). Other
reductions (binary_kernel_reduce's NormTwoOps) add the squares in order, unfused.
"""

import numpy as np

from .cpu_capability import PLAIN_DISPATCH_VECTOR_BYTES
from .float_math import fma_f32, fma_f64


def norm2(a, dim, keepdim):
    rows = _dense_rows(a, dim)
    if rows is None:
        out = _sequential_norm2(a, dim)
    else:
        block, kept_shape = rows
        out = _lastdim_norm2(block).reshape(kept_shape)
    if keepdim:
        out = out.reshape([1 if _reduced(i, dim, a.ndim) else n for i, n in enumerate(a.shape)])
    return out


def _sequential_norm2(a, dim):
    """binary_kernel_reduce's NormTwoOps: acc + x * x over the reduced elements in order."""
    reduced = [i for i in range(a.ndim) if _reduced(i, dim, a.ndim)]
    kept = [i for i in range(a.ndim) if i not in reduced]
    moved = np.moveaxis(a, reduced, range(len(reduced)))
    kept_shape = tuple(a.shape[i] for i in kept)
    squares = (moved * moved).reshape((-1,) + kept_shape)
    # cumsum adds in order (NumPy's sum may pair up its terms).
    total = np.cumsum(squares, axis=0)[-1] if squares.shape[0] else np.zeros(kept_shape, a.dtype)
    return np.sqrt(total)


def _reduced(axis, dim, ndim):
    return dim is None or axis in [d % ndim for d in dim]


def _dense_rows(a, dim):
    """a as (kept elements, reduced block) in memory order when ATen would take the fast
    path: float32/float64, the reduced dims (size 1 aside) the fastest-moving ones of a
    dense block with unit stride. None otherwise."""
    if a.dtype not in (np.float32, np.float64) or a.size == 0 or a.ndim == 0:
        return None
    reduced = [i for i in range(a.ndim) if _reduced(i, dim, a.ndim) and a.shape[i] > 1]
    kept = [i for i in range(a.ndim) if not _reduced(i, dim, a.ndim)]
    if not reduced:
        return None
    reduced.sort(key=lambda i: -a.strides[i])
    stride = a.itemsize
    for i in reversed(reduced):
        if a.strides[i] != stride:
            return None
        stride *= a.shape[i]
    if any(a.shape[i] > 1 and abs(a.strides[i]) < stride for i in kept):
        return None
    moved = np.moveaxis(a, kept + reduced, range(len(kept) + len(reduced)))
    kept_shape = tuple(a.shape[i] for i in kept)
    block = moved.reshape((int(np.prod(kept_shape)), -1))
    return block, kept_shape


def _lastdim_norm2(rows):
    lanes = PLAIN_DISPATCH_VECTOR_BYTES // rows.itemsize
    n = rows.shape[1]
    whole = n - n % lanes
    vectors = rows[:, :whole].reshape(rows.shape[0], -1, lanes)
    # Each lane adds its squares vector after vector (cumsum adds in order).
    acc = np.cumsum(vectors * vectors, axis=1)[:, -1] if whole else np.zeros(
        (rows.shape[0], lanes), rows.dtype)
    total = acc[:, 0].copy()
    for j in range(1, lanes):
        total += acc[:, j]
    fma = fma_f32 if rows.dtype == np.float32 else fma_f64
    grouped = (n - whole) // 4 * 4 if rows.dtype == np.float32 else 0
    for d in range(whole, n):
        x = rows[:, d]
        total = total + x * x if d < whole + grouped else fma(x, x, total)
    return np.sqrt(total)
