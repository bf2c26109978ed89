"""NumPy kernels of the gamma-family and other special functions, as ATen's CPU kernels
compute them (aten/src/ATen/native/Math.h): lgamma, digamma, trigamma, polygamma (Cephes'
Hurwitz zeta), erfinv, erfc, sinc, logaddexp2, logcumsumexp, copysign, entr.

float32 inputs run ATen's float code step for step: arithmetic in float32, the C library's
float functions (logf, sinf ...) from libm itself (libm.py). Where PyTorch's contiguous
kernel is MKL's (lgamma, erfc, erfinv in float32) the correctly rounded value stands in.
"""

import math

import numpy as np

from . import libm


def _rounded(fn, x):
    """fn (a float64 ufunc) at x, rounded to x's dtype: a correctly rounded float function."""
    return fn(x.astype(np.float64)).astype(x.dtype, copy=False)


def _float_kind(a):
    return a if a.dtype.kind == "f" else a.astype(np.float32)


def _lgamma_scalar(x):
    try:
        return math.lgamma(x)
    except ValueError:  # a pole (0, -1, -2 ...): +inf, as C's lgamma
        return math.inf


_lgamma64 = np.frompyfunc(_lgamma_scalar, 1, 1)


def _lgamma_f64(x):
    return np.asarray(_lgamma64(np.asarray(x, np.float64)), dtype=np.float64)


def lgamma(a):
    # PyTorch's contiguous lgamma is MKL's vsLGamma/vdLGamma (not reproducible here): for
    # float32 the correctly rounded value agrees with it most often, for float64 glibc's.
    if a.dtype.itemsize < 8:
        return _rounded(_lgamma_f64, a)
    return libm.call("lgamma", a)


# ---- digamma and trigamma (Math.h's calc_digamma / trigamma, from Cephes) ------------------

_PSI_10 = 2.25175258906672110764
_DIGAMMA_A = (8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
              -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3,
              8.33333333333333333333E-2)


def _digamma_positive(x):
    """calc_digamma for x > 0, in x's dtype."""
    t = x.dtype.type
    x = x.copy()
    result = np.zeros_like(x)
    while True:
        small = x < 10
        if not small.any():
            break
        result = np.where(small, result - t(1) / x, result)
        x = np.where(small, x + t(1), x)
    z = t(1) / (x * x)
    poly = np.zeros_like(x)
    for c in _DIGAMMA_A:
        poly = poly * z + t(c)
    y = np.where(x < t(1.0e17), z * poly, t(0))
    out = result + libm.call("log", x) - t(0.5) / x - y
    return np.where(x == 10, result + t(_PSI_10), out)


def digamma(a):
    a = _float_kind(a)
    t = a.dtype.type
    with np.errstate(all="ignore"):
        negative = a < 0
        # digamma(x) = digamma(1 - x) - pi / tan(pi * frac(x)), the tangent in float64
        reflected = np.where(negative, t(1) - a, a)
        out = _digamma_positive(np.where(reflected > 0, reflected, t(1)))
        frac = np.modf(a.astype(np.float64))[0]
        correction = (math.pi / libm.call("tan", math.pi * frac)).astype(a.dtype)
        out = np.where(negative, out - correction, out)
        out = np.where(negative & (a == np.trunc(a)), t(np.nan), out)
        out = np.where(a == 0, np.copysign(t(np.inf), -a), out)
        out = np.where(np.isnan(a), a, out)
        return np.where(a == np.inf, a, out)


def trigamma(a):
    a = _float_kind(a)
    t = a.dtype.type
    with np.errstate(all="ignore"):
        low = a < t(0.5)
        sin_pi_x = libm.call("sin", t(math.pi) * a)
        result = np.where(low, -(t(math.pi) * t(math.pi)) / (sin_pi_x * sin_pi_x), t(0))
        x = np.where(low, t(1) - a, a)
        for _ in range(6):
            result = result + t(1) / (x * x)
            x = x + t(1)
        ixx = t(1) / (x * x)
        tail = ixx * (t(1.0 / 6) - ixx * (t(1.0 / 30) - ixx * t(1.0 / 42)))
        result = result + (t(1) + t(1) / (t(2) * x) + tail) / x
        return np.where(low, -result, result)


# ---- polygamma: (-1)^(n+1) n! zeta(n + 1, x), the Hurwitz zeta in float64 ------------------

_MACHEP = 1.11022302462515654042E-16
_ZETA_A = (12.0, -720.0, 30240.0, -1209600.0, 47900160.0, -1.8924375803183791606e9,
           7.47242496e10, -2.950130727918164224e12, 1.1646782814350067249e14,
           -4.5979787224074726105e15, 1.8152105401943546773e17, -7.1661652561756670113e18)


def _zeta(x, q, single):
    """Cephes' zeta(x, q) for one pair of floats (Math.h's zeta: in double, but for its
    first term, std::pow of the arguments' own type: powf for float32)."""
    if x == 1:
        return math.inf
    if x < 1:
        return math.nan
    if q <= 0:
        if q == math.floor(q):
            return math.inf
        if x != math.floor(x):
            return math.nan
    s = libm.powf(q, -x) if single else q ** -x
    a = q
    i = 0
    b = 0.0
    while i < 9 or a <= 9.0:
        i += 1
        a += 1.0
        b = a ** -x
        s += b
        if -_MACHEP * s < b < _MACHEP * s:
            return s
    w = a
    s += b * w / (x - 1.0)
    s -= 0.5 * b
    a = 1.0
    k = 0.0
    for i in range(12):
        a *= x + k
        b /= w
        t = a * b / _ZETA_A[i]
        s = s + t
        if abs(t / s) < _MACHEP:
            return s
        k += 1.0
        a *= x + k
        b /= w
        k += 1.0
    return s


_zeta_ufunc = np.frompyfunc(lambda x, q, single: _zeta(float(x), float(q), single), 3, 1)


def polygamma(n, a):
    a = _float_kind(a)
    if n == 0:
        return digamma(a)
    if n == 1:
        return trigamma(a)
    t = a.dtype.type
    with np.errstate(all="ignore"):
        zeta = np.asarray(_zeta_ufunc(float(n + 1), a.astype(np.float64), a.dtype.itemsize < 8),
                          dtype=np.float64).astype(a.dtype)
        # exp(lgamma(n + 1)) in the dtype: not exactly n! (glibc's lgamma(3.0) is not ln 2)
        factorial = libm.call("exp", libm.call("lgamma", np.asarray(n + 1.0, a.dtype)))
        return t(1 if n % 2 else -1) * factorial * zeta


def mvlgamma(a, p):
    """sum_i lgamma(a + (1 - i) / 2) + p (p - 1) / 4 log(pi), summed in a's dtype."""
    t = a.dtype.type
    args = np.arange(-p * 0.5 + 0.5, 0.5, 0.5).astype(a.dtype) + a[..., None]
    terms = lgamma(args)
    total = terms[..., 0]
    for j in range(1, p):
        total = total + terms[..., j]
    return total + t(p * (p - 1) * math.log(math.pi) * 0.25)


# ---- erfinv (Math.h's calc_erfinv: a rational guess and two Newton steps) --------------------

_ERFINV_A = (0.886226899, -1.645349621, 0.914624893, -0.140543331)
_ERFINV_B = (-2.118377725, 1.442710462, -0.329097515, 0.012229801)
_ERFINV_C = (-1.970840454, -1.624906493, 3.429567803, 1.641345311)
_ERFINV_D = (3.543889200, 1.637067800)
_erfc64 = np.frompyfunc(math.erfc, 1, 1)


def _erfc_f64(x):
    return np.asarray(_erfc64(np.asarray(x, np.float64)), dtype=np.float64)


def erfc(a):
    return _rounded(_erfc_f64, _float_kind(a))


def erfinv(y):
    """Math.h's calc_erfinv. PyTorch's contiguous float32 erfinv is MKL's vsErfInv, which
    agrees with this computed in float64 and rounded; its float64 one (vdErfInv) differs
    from calc_erfinv in the last bit for about a third of the values."""
    y = _float_kind(y)
    if y.dtype.itemsize < 8:
        return erfinv(y.astype(np.float64)).astype(y.dtype)
    t = y.dtype.type
    a, b, c, d = ([t(v) for v in coefs] for coefs in (_ERFINV_A, _ERFINV_B, _ERFINV_C, _ERFINV_D))
    with np.errstate(all="ignore"):
        y_abs = np.abs(y)
        z = y * y
        num = ((a[3] * z + a[2]) * z + a[1]) * z + a[0]
        dem = (((b[3] * z + b[2]) * z + b[1]) * z + b[0]) * z + t(1)
        central = y * num / dem
        z = np.sqrt(-libm.call("log", (t(1) - y_abs) / t(2)))
        num = ((c[3] * z + c[2]) * z + c[1]) * z + c[0]
        dem = (d[1] * z + d[0]) * z + t(1)
        tail = np.copysign(num, y) / dem
        x = np.where(y_abs <= t(0.7), central, tail)
        two_over_sqrt_pi = t(2) * t(1 / math.sqrt(math.pi))
        for _ in range(2):
            x = x - (libm.call("erf", x) - y) / (two_over_sqrt_pi * libm.call("exp", -x * x))
        x = np.where(y_abs == 1, np.copysign(t(np.inf), y), x)
        return np.where(y_abs > 1, t(np.nan), x)


# ---- other elementwise functions -------------------------------------------------------------

def sinc(a):
    a = _float_kind(a)
    t = a.dtype.type
    with np.errstate(all="ignore"):
        product = t(math.pi) * a
        out = libm.call("sin", product) / product
    return np.where(a == 0, t(1), out)


def logaddexp2(a, b):
    # ATen: m + log1p(exp2(-|a - b|)) / ln 2, or a where a == b is infinite
    t = a.dtype.type
    with np.errstate(all="ignore"):
        m = np.maximum(a, b)
        out = m + _rounded(np.log1p, _rounded(np.exp2, -np.abs(a - b))) * t(1 / math.log(2))
    return np.where(np.isinf(a) & (a == b), a, out)


def logcumsumexp(a, dim):
    """ATen's cumulative log-add-exp, accumulated in float64 (the accumulate type)."""
    if a.ndim == 0:
        return a.copy()
    x = np.moveaxis(a.astype(np.float64), dim, 0)
    out = np.empty_like(x)
    acc = np.full(x.shape[1:], -np.inf)
    with np.errstate(all="ignore"):
        for i in range(x.shape[0]):
            v = x[i]
            low = np.where(np.isnan(acc), acc, np.minimum(v, acc))
            high = np.where(np.isnan(acc), acc, np.maximum(v, acc))
            finite = (low != high) | np.isfinite(low)
            acc = np.where(finite, np.log1p(np.exp(low - high)) + high, v)
            out[i] = acc
    return np.moveaxis(out, 0, dim).astype(a.dtype)


def copysign(a, b):
    return np.copysign(a, b)


def entr(a):
    with np.errstate(all="ignore"):
        out = -a * libm.call("log", a)
    out = np.where(a == 0, 0, out)
    return np.where(a < 0, -np.inf, out).astype(a.dtype)


def polygamma_of(a, n):
    return polygamma(n, a)


def deg2rad(a):
    # ATen multiplies by the constant as a Scalar: rounded to the dtype first
    return a * a.dtype.type(math.pi / 180)


def rad2deg(a):
    return a * a.dtype.type(180 / math.pi)


def ldexp(a, exponent, np_dtype):
    # ATen: self * 2 ** other, in the result's floating dtype
    return a.astype(np_dtype) * np.power(np_dtype.type(2), exponent.astype(np_dtype))


def frexp(a):
    mantissa, exponent = np.frexp(a)
    return mantissa, exponent.astype(np.int32)


def xlog1py(a, b):
    """ATen's kernel: nan where y is nan, 0 where x is 0, else x * log1p(y) (libm's log1p)."""
    dtype = np.result_type(a, b)
    a, b = np.asarray(a, dtype), np.asarray(b, dtype)
    with np.errstate(all="ignore"):
        out = a * libm.call("log1p", b)
    out = np.where(a == 0, dtype.type(0), out)
    return np.where(np.isnan(b), b, out)


def xlog1py_scalar_self(other, self):
    return xlog1py(np.asarray(self, other.dtype), other)


def zeta(x, q):
    """Hurwitz zeta(x, q), Math.h's zeta (its first term in the dtype's own pow)."""
    dtype = np.result_type(x, q)
    x, q = np.broadcast_arrays(np.asarray(x, dtype), np.asarray(q, dtype))
    out = _zeta_ufunc(x.astype(np.float64), q.astype(np.float64), dtype.itemsize < 8)
    return np.asarray(out, dtype=np.float64).astype(dtype)


def zeta_scalar_self(other, self):
    return zeta(np.asarray(self, other.dtype), other)
