"""NumPy kernels of the special elementwise ops (nan_to_num, atan2, hypot, lerp, addcmul,
addcdiv, logit,
xlogy, fmax/fmin, logaddexp, heaviside, clamp_min/clamp_max)."""

import numpy as np

from .float_math import fused_multiply_add


def _in_float64(fn):
    """fn computed in float64 for float32/float16 arrays, rounded back (see kernels.via_float64)."""
    def kernel(*arrays):
        dtype = np.result_type(*arrays)
        if dtype.kind == "f" and dtype.itemsize < 8:
            return np.asarray(fn(*(np.asarray(a, np.float64) for a in arrays))).astype(dtype)
        return fn(*arrays)
    kernel.__name__ = fn.__name__
    return kernel


def nan_to_num(a, nan, posinf, neginf):
    if a.dtype.kind != "f":
        return a.copy()
    info = np.finfo(a.dtype)
    return np.nan_to_num(a, nan=0.0 if nan is None else nan,
                         posinf=info.max if posinf is None else posinf,
                         neginf=info.min if neginf is None else neginf)


atan2 = _in_float64(np.arctan2)
hypot = _in_float64(np.hypot)
logaddexp = _in_float64(np.logaddexp)


def _lerp(start, end, weight):
    # PyTorch's lerp (ATen's Lerp.h): from the nearer end, so that weight 1 gives `end`
    # exactly, each branch one fused multiply-add in float32/float64.
    diff = end - start
    dtype = diff.dtype
    if dtype.kind == "f" and dtype.itemsize >= 4:
        weight = np.asarray(weight, dtype)
        return np.where(np.abs(weight) < 0.5, fused_multiply_add(weight, diff, start, dtype),
                        fused_multiply_add(-diff, 1 - weight, end, dtype))
    return np.where(np.abs(weight) < 0.5, start + weight * diff, end - diff * (1 - weight))


def lerp(start, end, weight):
    dtype = np.result_type(start, end)
    return np.asarray(_lerp(start, end, np.asarray(weight, dtype))).astype(dtype, copy=False)


def addcmul(a, tensor1, tensor2, value):
    # ATen's addcmul kernel: self + (value * tensor1) * tensor2, one fused multiply-add.
    dtype = np.result_type(a, tensor1, tensor2)
    scaled = np.asarray(value, dtype) * tensor1.astype(dtype, copy=False)
    if dtype.kind == "f" and dtype.itemsize >= 4:
        return fused_multiply_add(scaled, tensor2, a, dtype)
    return a + scaled * tensor2


def addcdiv(a, tensor1, tensor2, value):
    # ATen's addcdiv kernel: self + (value * tensor1) / tensor2, rounded at each step.
    dtype = np.result_type(a, tensor1, tensor2)
    return a + np.asarray(value, dtype) * tensor1.astype(dtype, copy=False) / tensor2


def logit(a, eps):
    if eps is not None:
        a = np.clip(a, eps, 1 - eps)
    return np.log(a / (1 - a))


def xlogy(a, b):
    # ATen's kernel: x * std::log(y) in the common dtype, the log rounded to it first
    # (NumPy's float32 log is off in the last bit for a tenth of the values).
    dtype = np.result_type(a, b)
    if dtype.kind == "f":
        a, b = a.astype(dtype, copy=False), b.astype(dtype, copy=False)
    with np.errstate(all="ignore"):
        log_b = np.log(b.astype(np.float64)).astype(b.dtype) if b.dtype.itemsize < 8 else np.log(b)
        out = a * log_b
    # 0 * log(y) is 0 unless y is nan, as in PyTorch (and scipy.special.xlogy).
    return np.where((a == 0) & ~np.isnan(b), np.zeros_like(out), out)


def xlogy_scalar_self(other, self):
    return xlogy(np.asarray(self, other.dtype), other)


def heaviside(a, values):
    return np.where(a == 0, values, (a > 0).astype(a.dtype)).astype(a.dtype, copy=False)


def clamp_min(a, low):
    return np.where(np.isnan(a), a, np.maximum(low, a))  # ties keep self (-0.0), nan stays


def clamp_max(a, high):
    return np.where(np.isnan(a), a, np.minimum(high, a))
