"""The C library's math functions (glibc's libm on Linux), element by element, for the
kernels where ATen calls them one scalar at a time (std::lgamma, erff, expf ...): their
results differ from a correctly rounded value in the last bit often enough to show in
printed float32 digits. Without a loadable libm, the float64 value from Python's math
module (or NumPy) rounded to the dtype stands in."""

import ctypes
import ctypes.util
import math

import numpy as np


def _load():
    for name in (ctypes.util.find_library("m"), "libm.so.6"):
        if not name:
            continue
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    return None


_LIB = _load()
_FALLBACK = {"lgamma": math.lgamma, "erf": math.erf, "erfc": math.erfc, "exp": math.exp,
             "log": math.log, "sin": math.sin, "log1p": math.log1p, "exp2": lambda x: 2.0 ** x,
             "sqrt": math.sqrt, "tan": math.tan}


def _safe(fn):
    def call(x):
        try:
            return fn(x)
        except (ValueError, OverflowError):
            return math.nan
    return call


def _ufunc(name, single):
    if _LIB is not None:
        fn = getattr(_LIB, name + ("f" if single else ""))
        fn.restype = ctypes.c_float if single else ctypes.c_double
        fn.argtypes = [fn.restype]
        return np.frompyfunc(fn, 1, 1)
    return np.frompyfunc(_safe(_FALLBACK[name]), 1, 1)


_UFUNCS = {}


def power(x, exponent):
    """C's pow (powf for float32/float16 arrays) of every element of x to a Python float."""
    single = x.dtype.itemsize < 8
    key = ("pow", single)
    ufunc = _UFUNCS.get(key)
    if ufunc is None:
        if _LIB is None:
            ufunc = np.frompyfunc(_safe(lambda a, b: a ** b), 2, 1)
        else:
            fn = getattr(_LIB, "powf" if single else "pow")
            fn.restype = ctypes.c_float if single else ctypes.c_double
            fn.argtypes = [fn.restype, fn.restype]
            ufunc = np.frompyfunc(fn, 2, 1)
        _UFUNCS[key] = ufunc
    values = np.asarray(ufunc(x.astype(np.float64), float(exponent)), dtype=np.float64)
    return values.astype(x.dtype, copy=False)


def powf(x, y):
    """C's powf (float arguments and result) on two Python floats."""
    if _LIB is None:
        return float(np.float32(np.float32(x) ** np.float32(y)))
    return _POWF(x, y)


if _LIB is not None:
    _POWF = _LIB.powf
    _POWF.restype = ctypes.c_float
    _POWF.argtypes = [ctypes.c_float, ctypes.c_float]


def call(name, x):
    """libm's `name` (its float variant for float32/float16 arrays) on every element of x."""
    single = x.dtype.itemsize < 8
    key = (name, single)
    ufunc = _UFUNCS.get(key)
    if ufunc is None:
        ufunc = _UFUNCS[key] = _ufunc(name, single)
    values = x.astype(np.float64)  # each a Python float (exact for float32 values)
    return np.asarray(ufunc(values), dtype=np.float64).astype(x.dtype, copy=False)
