"""softmax and log_softmax kernels in the arithmetic order of ATen's CPU kernels.

PyTorch's SoftMaxKernel.cpp works in whole CPU vectors (16 float32 lanes on an AVX512
machine, 8 on AVX2; half that for float64, see cpu_capability): over the last dim it
sums a row lane by lane and adds the lanes as a butterfly, its exp is SLEEF's expf_u10,
and softmax multiplies by 1 / sum. Over another dim it sums down the dim one step at a
time, with SLEEF's exp on whole vectors and the C library's exp on the rest, and softmax
divides. The backward kernels' a * b + c are fused multiply-adds (GCC
contracts them). Following that order gives PyTorch's float32 bits, where a plain
NumPy formula differs in the last bit for about half of the values. float16 inputs keep
the plain formula (ATen converts them to float32 with yet another order).
"""

import os

import numpy as np

from .cpu_capability import VECTOR_BYTES

_F32 = np.float32


def _lanes(dtype):
    return VECTOR_BYTES // np.dtype(dtype).itemsize


# ---- SLEEF's expf_u10, in float32 with fused multiply-adds -------------------------------
_R_LN2F = _F32(1.442695040888963407359924681001892137426645954152985934135449406931)
_L2UF = _F32(0.693145751953125)
_L2LF = _F32(1.428606765330187045e-06)
_EXP_POLY = [_F32(c) for c in (0.000198527617612853646278381, 0.00139304355252534151077271,
                               0.00833336077630519866943359, 0.0416664853692054748535156,
                               0.166666671633720397949219, 0.5)]


def _fma32(a, b, c):
    # float32 products are exact in float64, so one rounding of the float64 sum is a fused
    # multiply-add (up to a double rounding once in 2**29).
    return (a.astype(np.float64) * b + c).astype(_F32)


def sleef_expf(x):
    """exp of a float32 array as SLEEF's Sleef_expf16_u10 computes it (Vectorized::exp;
    Sleef_expf8_u10 on AVX2 takes the same steps)."""
    x = np.asarray(x, _F32)
    with np.errstate(over="ignore", invalid="ignore"):
        q = np.rint(x * _R_LN2F)
        s = _fma32(q, -_L2UF, x)
        s = _fma32(q, -_L2LF, s)
        u = np.full_like(s, _EXP_POLY[0])
        for c in _EXP_POLY[1:]:
            u = _fma32(u, s, c)
        u = _F32(1) + _fma32(s * s, u, s)
        out = np.ldexp(u.astype(np.float64), np.nan_to_num(q).astype(np.int32)).astype(_F32)
    out = np.where(x < _F32(-104), _F32(0), out)
    out = np.where(x > _F32(88.72283935546875), _F32(np.inf), out)
    return np.where(np.isnan(x), x, out)


def _fused(a, b, c):
    """a * b + c as the compiled kernel computes it: GCC contracts it to one fused
    multiply-add (emulated exactly for float32 only; float64 rounds twice here)."""
    return _fma32(a, b, c) if a.dtype == np.float32 else a * b + c


def _vector_exp(x):
    """Vectorized<T>::exp: SLEEF for float32; float64's SLEEF exp is within an ulp of NumPy's."""
    return sleef_expf(x) if x.dtype == np.float32 else np.exp(x)


def _scalar_exp(x):
    """std::exp of each element: the C library's, correctly rounded in practice."""
    return np.exp(x.astype(np.float64)).astype(x.dtype) if x.dtype == np.float32 else np.exp(x)


# ---- ATen's vec::reduce_all: the sum of each row of a (rows, n) array ----------------
def row_sums(a):
    lanes = _lanes(a.dtype)
    n = a.shape[1]
    if n < lanes:  # one partial vector, its lanes added in order
        acc = a[:, 0].copy()
        for i in range(1, n):
            acc += a[:, i]
        return acc
    acc = a[:, :lanes].copy()
    full = n - n % lanes
    for start in range(lanes, full, lanes):
        acc += a[:, start:start + lanes]
    if full < n:
        acc[:, :n - full] += a[:, full:]
    step = lanes // 2
    while step:  # the butterfly of vec_reduce_all: lane i with lane i ^ step
        acc = acc + acc[:, np.arange(lanes) ^ step]
        step //= 2
    return acc[:, 0]


def _rows(a, dim):
    """a as (outer, dim_size, inner), C-ordered (ATen makes the input contiguous)."""
    shape = a.shape
    outer = int(np.prod(shape[:dim], dtype=np.int64))
    inner = int(np.prod(shape[dim + 1:], dtype=np.int64))
    return np.ascontiguousarray(a).reshape(outer, shape[dim], inner)


def _is_last(a, dim):
    return a.ndim == 0 or dim == a.ndim - 1


def _plain(a):
    return a.dtype not in (np.float32, np.float64) or a.size == 0


# ---- forward ------------------------------------------------------------------------------
def softmax(a, dim):
    if a.size == 0:
        return a.copy()
    if _plain(a):
        e = np.exp(a - np.max(a, axis=dim, keepdims=True))
        return e / np.sum(e, axis=dim, keepdims=True)
    if _is_last(a, dim):
        rows = a.reshape(-1, a.shape[-1] if a.ndim else 1)
        e = _vector_exp(rows - rows.max(axis=1, keepdims=True))
        scale = a.dtype.type(1) / row_sums(e)
        return (e * scale[:, None]).reshape(a.shape)
    x = _rows(a, dim)
    vector = _softmax_vector_mask(x.shape[0], x.shape[2], x.shape[1], _lanes(a.dtype))
    shifted = x - x.max(axis=1, keepdims=True)
    e = np.where(vector[:, None, :], _vector_exp(shifted), _scalar_exp(shifted))
    return (e / _sum_down(e)).reshape(a.shape)


def _sum_down(x):
    """The sum over dim 1 of (outer, dim, inner), one step at a time from zero, kept."""
    acc = np.zeros_like(x[:, 0])
    for d in range(x.shape[1]):
        acc += x[:, d]
    return acc[:, None, :]


def _softmax_vector_mask(outer, inner, dim_size, lanes):
    """Which (outer, inner) positions ATen's _vec_softmax computes in whole vectors.

    Its parallel_for (grain 1) gives each thread one contiguous run of the outer * inner
    positions; in a run, a position starts a vector when a full vector fits both in its
    inner row and in the run, and the rest of the row goes element by element."""
    total = outer * inner
    threads = max(1, min(_threads(), total))
    chunk = -(-total // threads)
    mask = np.zeros(total, dtype=bool)
    for begin in range(0, total, chunk):
        end = min(begin + chunk, total)
        idx = begin
        while idx < end:
            in_row = idx % inner
            if in_row + lanes <= inner and idx + lanes <= end:
                mask[idx:idx + lanes] = True
                idx += lanes
            else:
                idx += min(end - idx, inner - in_row)
    return mask.reshape(outer, inner)


def _threads():
    # PyTorch's default intra-op thread count: one per core the process may run on.
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def _chunk_vector_mask(inner, dim_size, dtype):
    """Which inner positions ATen's chunked kernels (log_softmax and the backwards over a
    dim that is not last) compute in whole vectors: all but the tail of each chunk."""
    lanes = _lanes(dtype)
    chunk = max((128 * 1024) // dim_size // dtype.itemsize, lanes) // lanes * lanes
    pos = np.arange(inner)
    size = np.minimum(chunk, inner - pos // chunk * chunk)
    return pos % chunk < size - size % lanes


def log_softmax(a, dim):
    if a.size == 0:
        return a.copy()
    if _plain(a):
        shifted = a - np.max(a, axis=dim, keepdims=True)
        return shifted - np.log(np.sum(np.exp(shifted), axis=dim, keepdims=True))
    if _is_last(a, dim):
        rows = a.reshape(-1, a.shape[-1] if a.ndim else 1)
        shifted = rows - rows.max(axis=1, keepdims=True)
        log_sum = _log(row_sums(_vector_exp(shifted)))
        return (shifted - log_sum[:, None]).reshape(a.shape)
    x = _rows(a, dim)
    vector = _chunk_vector_mask(x.shape[2], x.shape[1], a.dtype)[None, None, :]
    shifted = x - x.max(axis=1, keepdims=True)
    e = np.where(vector, _vector_exp(shifted), _scalar_exp(shifted))
    return (shifted - _log(_sum_down(e))).reshape(a.shape)


def _log(x):
    return np.log(x.astype(np.float64)).astype(x.dtype) if x.dtype == np.float32 else np.log(x)


# ---- backward ---------------------------------------------------------------------------
def softmax_backward(grad, output, dim):
    dtype = np.result_type(grad, output)
    grad, output = grad.astype(dtype, copy=False), output.astype(dtype, copy=False)
    if _plain(grad):
        return output * (grad - np.sum(grad * output, axis=dim, keepdims=True))
    if _is_last(grad, dim):
        n = grad.shape[-1] if grad.ndim else 1
        g, o = grad.reshape(-1, n), output.reshape(-1, n)
        return ((g - row_sums(g * o)[:, None]) * o).reshape(grad.shape)
    g, o = _rows(grad, dim), _rows(output, dim)
    acc = np.zeros_like(g[:, 0])
    for d in range(g.shape[1]):
        acc = _fused(g[:, d], o[:, d], acc)
    return (o * (g - acc[:, None, :])).reshape(grad.shape)


def log_softmax_backward(grad, output, dim):
    dtype = np.result_type(grad, output)
    grad, output = grad.astype(dtype, copy=False), output.astype(dtype, copy=False)
    if _plain(grad):
        return grad - np.exp(output) * np.sum(grad, axis=dim, keepdims=True)
    if _is_last(grad, dim):
        n = grad.shape[-1] if grad.ndim else 1
        g, o = grad.reshape(-1, n), output.reshape(-1, n)
        return _fused(-_vector_exp(o), row_sums(g)[:, None], g).reshape(grad.shape)
    g, o = _rows(grad, dim), _rows(output, dim)
    vector = _chunk_vector_mask(g.shape[2], g.shape[1], g.dtype)[None, None, :]
    e = np.where(vector, _vector_exp(o), _scalar_exp(o))
    return _fused(-e, _sum_down(g), g).reshape(grad.shape)
