"""Bit-exact copies of the float maths PyTorch's CPU random kernels use (fused multiply-adds,
the AVX2 kernel's float32 log and sincos, glibc's double log), on NumPy arrays."""

import math

import numpy as np

_F32 = np.float32
_ONE = _F32(1)
_ZERO = _F32(0)


# ---- fused multiply-add ---------------------------------------------------------------------

def fma_f32(a, b, c):
    """round_to_float32(a * b + c) with one rounding, as the FMA instruction does.

    The float64 product of two float32s is exact; the float64 sum is rounded once more,
    which gives the wrong float32 only when it lands exactly on a float32 rounding midpoint
    (its low 29 bits 0x10000000) while the true sum is not: those rare elements are redone
    with round-to-odd, which makes the double rounding exact.
    """
    p = np.multiply(a, b, dtype=np.float64)
    c64 = np.asarray(c, dtype=np.float64)
    s = np.asarray(p + c64)  # an array even for 0-dim operands (ufuncs give scalars)
    result = s.astype(_F32)
    midpoint = (s.view(np.int64) & 0x1FFFFFFF) == 0x10000000
    if midpoint.any():
        p_, c_, s_ = np.broadcast_arrays(p, c64, s)
        p_, c_, s_ = p_[midpoint], c_[midpoint], s_[midpoint]
        back = s_ - c_
        error = (p_ - back) + (c_ - (s_ - back))   # TwoSum: s_ + error == p_ + c_ exactly
        inexact = error != 0
        toward_zero = np.where(inexact & ((error < 0) == (s_ > 0)), np.nextafter(s_, 0), s_)
        odd = np.where(inexact, (toward_zero.view(np.int64) | 1).view(np.float64), s_)
        result[midpoint] = odd.astype(_F32)
    return result


def fma_f64(a, b, c):
    """a * b + c in float64 with (almost always) one rounding: the exact product from
    Veltkamp/Dekker splitting, its low part folded into the sum."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    p = a * b
    split = 134217729.0  # 2**27 + 1
    ta, tb = a * split, b * split
    a_hi = ta - (ta - a)
    b_hi = tb - (tb - b)
    a_lo, b_lo = a - a_hi, b - b_hi
    p_lo = ((a_hi * b_hi - p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo
    s = p + c
    back = s - c
    s_lo = (p - back) + (c - (s - back))
    return s + (s_lo + p_lo)


def fused_multiply_add(a, b, c, dtype):
    """a * b + c in `dtype` as PyTorch's CPU kernels compute it: one fused multiply-add for
    float32 and float64 (the vectorised `vec::fmadd` and the FMA-contracted scalar tail),
    two roundings for the other dtypes."""
    if dtype == np.float32:
        return fma_f32(np.asarray(a, _F32), np.asarray(b, _F32), np.asarray(c, _F32))
    if dtype == np.float64:
        return fma_f64(a, b, c)
    return np.asarray(np.asarray(a, dtype) * np.asarray(b, dtype) + np.asarray(c, dtype)).astype(
        dtype, copy=False)

# ---- the AVX2 kernel's float32 log and sincos -------------------------------------------------
# PyTorch's normal_ on float32 runs Box-Muller with log256_ps and sincos256_ps of
# aten/src/ATen/native/cpu/avx_mathfun.h (cephes polynomials). GCC builds that kernel with
# FMA contraction on, so every `x * y + z` of the source is one fused operation: the
# fma_f32 calls below are where the compiled code fuses.

_LOG_POLY = tuple(_F32(v) for v in (
    -1.1514610310E-1, 1.1676998740E-1, -1.2420140846E-1, 1.4249322787E-1,
    -1.6668057665E-1, 2.0000714765E-1, -2.4999993993E-1, 3.3333331174E-1))
_MIN_NORM = np.array([0x00800000], dtype=np.int32).view(_F32)[0]
_HALF_BITS = np.int32(0x3F000000)


def avx_log(x):
    """log256_ps: float32 natural log, NaN for x <= 0."""
    invalid = x <= 0
    x = np.maximum(x, _MIN_NORM)
    bits = x.view(np.int32)
    e = ((bits >> 23) - 0x7F).astype(_F32) + _ONE
    x = ((bits & np.int32(~0x7F800000)) | _HALF_BITS).view(_F32)
    small = x < _F32(0.707106781186547524)
    x = (x - _ONE) + np.where(small, x, _ZERO)
    e = e - np.where(small, _ONE, _ZERO)
    z = x * x
    y = fma_f32(_F32(7.0376836292E-2), x, _LOG_POLY[0])
    for coefficient in _LOG_POLY[1:]:
        y = fma_f32(y, x, coefficient)
    y = y * x
    y = fma_f32(y, z, e * _F32(-2.12194440e-4))
    y = y - z * _F32(0.5)
    x = fma_f32(e, _F32(0.693359375), x + y)
    return np.where(invalid, _F32(np.nan), x)


def _with_sign(value, sign_bits):
    return (value.view(np.int32) ^ sign_bits).view(_F32)


def avx_sincos(x):
    """sincos256_ps: (sin x, cos x) in float32."""
    sign_sin = x.view(np.int32) & np.int32(-0x80000000)
    x = np.abs(x)
    j = (x * _F32(1.27323954473516)).astype(np.int32)   # cvttps: truncation
    j = (j + 1) & ~1
    y = j.astype(_F32)
    sign_sin = sign_sin ^ ((j & 4) << 29)
    sign_cos = ((~(j - 2)) & 4) << 29
    use_sin_poly = (j & 2) == 0
    x = fma_f32(y, _F32(-0.78515625), x)
    x = fma_f32(y, _F32(-2.4187564849853515625e-4), x)
    x = fma_f32(y, _F32(-3.77489497744594108e-8), x)
    z = x * x
    cos_poly = fma_f32(_F32(2.443315711809948E-005), z, _F32(-1.388731625493765E-003))
    cos_poly = fma_f32(cos_poly, z, _F32(4.166664568298827E-002))
    cos_poly = fma_f32(cos_poly * z, z, -(z * _F32(0.5))) + _ONE
    sin_poly = fma_f32(_F32(-1.9515295891E-4), z, _F32(8.3321608736E-3))
    sin_poly = fma_f32(sin_poly, z, _F32(-1.6666654611E-1))
    sin_poly = fma_f32(sin_poly * z, x, x)
    sin_part = np.where(use_sin_poly, sin_poly, _ZERO)
    cos_part = np.where(use_sin_poly, _ZERO, cos_poly)
    sine = cos_part + sin_part
    cosine = (cos_poly - cos_part) + (sin_poly - sin_part)
    return _with_sign(sine, sign_sin), _with_sign(cosine, sign_cos)


# ---- glibc's double log --------------------------------------------------------------------

def libm_log(x):
    """np.log of a float64 array as glibc's log gives it.

    NumPy's SIMD float64 log is within an ulp but not always the nearest double; glibc's
    is the nearest but for values very close to a rounding midpoint. The 64-bit-mantissa
    long double log, rounded, is kept wherever it is clearly nearer one double; the rest
    (about one in ten) go through Python's math module, which is glibc's.
    """
    precise = np.log(x.astype(np.longdouble))
    result = precise.astype(np.float64)
    off = np.abs((precise - result.astype(np.longdouble)).astype(np.float64))
    unsure = off > 0.45 * np.spacing(np.abs(result))
    if unsure.any():
        result[unsure] = [math.log(v) for v in x[unsure].tolist()]
    return result
