"""torch.finfo and torch.iinfo: the limits of a floating-point or integer dtype."""

import math

_MISSING = object()

import numpy as np

from . import dtypes
from .type_names import name_as_torch

# As in torch, a Python type stands for the dtype a number of that type becomes.
_PYTHON_TYPES = dtypes.PYTHON_NUMBER_DTYPES


def _dtype_argument(function, value):
    """The dtype named by `value`, with the argument error torch's parser gives."""
    if isinstance(value, type) and value in _PYTHON_TYPES:
        return _PYTHON_TYPES[value]
    if not isinstance(value, dtypes.DType):
        raise TypeError("%s(): argument 'type' (position 1) must be torch.dtype, not %s"
                        % (function, type(value).__name__))
    return value


def _c_float(value):
    """A number as C++'s `std::ostream <<` prints it (6 significant digits), as torch's
    repr does."""
    return "%g" % value


class _Info:
    """Read-only limits; equal when they describe the same dtype."""

    __slots__ = ("_dtype",)
    _FIELDS = ()

    def __setattr__(self, name, value):
        if name in type(self)._FIELDS:
            raise AttributeError("attribute '%s' of '%s' objects is not writable"
                                 % (name, type(self).__name__))
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._dtype is other._dtype

    __hash__ = None  # torch's finfo and iinfo are unhashable

    @property
    def dtype(self):
        return self._dtype.name

    @property
    def bits(self):
        return self._dtype.itemsize * 8


class finfo(_Info):
    """torch.finfo(dtype): eps, max, min, tiny, resolution, ... of a floating-point dtype."""

    __slots__ = ()
    _FIELDS = ("bits", "eps", "max", "min", "tiny", "smallest_normal", "resolution", "dtype")

    def __init__(self, type=_MISSING):
        dtype = (dtypes.get_default_dtype() if type is _MISSING
                 else _dtype_argument("finfo", type))
        if not dtype.is_floating_point:
            raise TypeError("torch.finfo() requires a floating point input type. "
                            "Use torch.iinfo to handle 'torch.finfo'")
        object.__setattr__(self, "_dtype", dtype)

    def _np(self):
        return np.finfo(self._dtype.np_dtype)

    @property
    def eps(self):
        return float(self._np().eps)

    @property
    def max(self):
        return float(self._np().max)

    @property
    def min(self):
        return float(self._np().min)

    @property
    def smallest_normal(self):
        return float(self._np().smallest_normal)

    tiny = smallest_normal

    @property
    def resolution(self):
        # 10 ** -(decimal digits of precision), the digits being floor(mantissa bits * log10(2)).
        return 10.0 ** -math.floor(self._np().nmant * math.log10(2))

    def __repr__(self):
        return ("finfo(resolution=%s, min=%s, max=%s, eps=%s, smallest_normal=%s, tiny=%s, "
                "dtype=%s)" % (_c_float(self.resolution), _c_float(self.min),
                               _c_float(self.max), _c_float(self.eps),
                               _c_float(self.smallest_normal), _c_float(self.tiny), self.dtype))


class iinfo(_Info):
    """torch.iinfo(dtype): bits, max and min of an integer dtype."""

    __slots__ = ()
    _FIELDS = ("bits", "max", "min", "dtype")

    def __init__(self, type=_MISSING):
        if type is _MISSING:
            raise TypeError('iinfo() missing 1 required positional arguments: "type"')
        dtype = _dtype_argument("iinfo", type)
        if dtype is dtypes.bool_:
            raise TypeError("torch.bool is not supported by torch.iinfo")
        if dtype.is_floating_point:
            raise TypeError("torch.iinfo() requires an integer input type. "
                            "Use torch.finfo to handle 'torch.iinfo'")
        object.__setattr__(self, "_dtype", dtype)

    @property
    def max(self):
        return int(np.iinfo(self._dtype.np_dtype).max)

    @property
    def min(self):
        return int(np.iinfo(self._dtype.np_dtype).min)

    def __repr__(self):
        # torch prints the limits through a C++ double: int32's max is 2.14748e+09.
        return "iinfo(min=%s, max=%s, dtype=%s)" % (_c_float(self.min), _c_float(self.max),
                                                    self.dtype)


name_as_torch(finfo, "torch")
name_as_torch(iinfo, "torch")
