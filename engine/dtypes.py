"""Dtypes, PyTorch's type-promotion rules and torch.Size."""

import math
import operator

import numpy as np

from .type_names import name_as_torch


class DType:
    """A tensor element type, printed as PyTorch prints it (`torch.float32`)."""

    __slots__ = ("name", "np_dtype", "is_floating_point", "is_signed", "itemsize",
                 "legacy_name", "category", "scalar_name", "c_name", "code")

    def __init__(self, name, np_dtype, category, legacy_name, c_name):
        np_dtype = np.dtype(np_dtype)
        # scalar_name and c_name are how PyTorch's error messages name a dtype
        # ("Float", "float"); legacy_name is the tensor type ("FloatTensor").
        fields = dict(name=name, np_dtype=np_dtype, category=category,
                      is_floating_point=category == 2,
                      is_signed=category == 2 or np_dtype.kind == "i",
                      itemsize=np_dtype.itemsize, legacy_name=legacy_name,
                      scalar_name=legacy_name[:-len("Tensor")],
                      c_name=c_name)
        # category: 0 bool, 1 integer, 2 floating, the ranks of type promotion.
        for field, value in fields.items():
            object.__setattr__(self, field, value)

    def __setattr__(self, name, value):
        # dtypes are shared by every tensor: they never change once made.
        raise AttributeError("torch.dtype objects are read-only")

    def __repr__(self):
        return "torch." + self.name

    def __reduce__(self):
        return (by_name, (self.name,))

    def to_real(self):
        return self

    @property
    def is_complex(self):
        return False


bool_ = DType("bool", np.bool_, 0, "BoolTensor", "bool")
uint8 = DType("uint8", np.uint8, 1, "ByteTensor", "unsigned char")
int8 = DType("int8", np.int8, 1, "CharTensor", "signed char")
int16 = DType("int16", np.int16, 1, "ShortTensor", "short int")
int32 = DType("int32", np.int32, 1, "IntTensor", "int")
int64 = DType("int64", np.int64, 1, "LongTensor", "long int")
float16 = DType("float16", np.float16, 2, "HalfTensor", "c10::Half")
float32 = DType("float32", np.float32, 2, "FloatTensor", "float")
float64 = DType("float64", np.float64, 2, "DoubleTensor", "double")

ALL_DTYPES = (bool_, uint8, int8, int16, int32, int64, float16, float32, float64)
# The dtype a Python number becomes where torch takes a tensor (a wrapped number).
PYTHON_NUMBER_DTYPES = {float: float64, int: int64, bool: bool_}
for _code, _dtype in enumerate(ALL_DTYPES):
    object.__setattr__(_dtype, "code", _code)  # a node records input dtypes by code

# The names torch exports for each dtype, aliases included.
DTYPE_NAMES = {
    "bool": bool_, "uint8": uint8, "int8": int8, "int16": int16, "short": int16,
    "int32": int32, "int": int32, "int64": int64, "long": int64,
    "float16": float16, "half": float16, "float32": float32, "float": float32,
    "float64": float64, "double": float64,
}

_BY_NP = {d.np_dtype: d for d in ALL_DTYPES}
DType.__qualname__ = "dtype"
name_as_torch(DType, "torch")


def by_name(name):
    return DTYPE_NAMES[name]


def from_numpy_dtype(np_dtype):
    """The engine dtype of a NumPy dtype; TypeError for ones torch has no match for."""
    try:
        return _BY_NP[np.dtype(np_dtype)]
    except KeyError:
        raise TypeError(
            "can't convert np.ndarray of type numpy.%s. The only supported types are: "
            "float64, float32, float16, complex64, complex128, int64, int32, int16, int8, "
            "uint64, uint32, uint16, uint8, and bool." % np.dtype(np_dtype).name) from None


# ---- the default dtype -------------------------------------------------------

_default = [float32]


def get_default_dtype():
    return _default[0]


def set_default_dtype(dtype):
    if not isinstance(dtype, DType):
        raise TypeError("invalid dtype object: only floating-point types are supported as the "
                        "default type")
    if not dtype.is_floating_point:
        raise TypeError("only floating-point types are supported as the default type")
    _default[0] = dtype


# ---- type promotion (c10/core/ScalarType.h, ATen's ResultTypeState) ----------

def promote_types(a, b):
    """torch.promote_types: the smallest dtype both a and b convert to safely."""
    if a is b:
        return a
    if a.category != b.category:
        return a if a.category > b.category else b
    if a.category == 2:
        return a if a.itemsize >= b.itemsize else b
    if a.category == 0:
        return a
    return _BY_NP[np.promote_types(a.np_dtype, b.np_dtype)]


def can_cast(from_, to):
    """torch.can_cast: no cast to a lower category (float to integer, integer to bool)."""
    return from_.category <= to.category


def scalar_dtype(value):
    """The dtype a Python number takes when it meets a tensor (a 'wrapped number')."""
    if isinstance(value, bool):
        return bool_
    if isinstance(value, int):
        return int64
    return _default[0]


def wrapped_scalar(value, dtype):
    """A Python int met by an integer tensor, as PyTorch casts the Scalar: to a 64-bit
    integer (the uint64 range wraps), then a C cast to the tensor's dtype, so `int8 + 200`
    and `uint8 - 2` wrap around instead of failing."""
    check_scalar_int(value)
    return np.uint64(value % 2 ** 64).astype(dtype.np_dtype)


def check_scalar_int(value):
    """PyTorch's argument parser reads a Python int Scalar as an int64, or as a uint64 from
    2**63 on: an int outside both fails, whatever the tensor's dtype."""
    if value >= 2 ** 64:
        raise OverflowError("int too big to convert")
    if value < -2 ** 63:
        raise OverflowError("can't convert negative int to unsigned")


def check_unsigned_promotion(value, dtype):
    """A Python int from 2**63 on is a uint64 Scalar, and PyTorch promotes no uint64: where
    the number's type decides (a bool tensor's op with it), that is an error; an integer or
    floating tensor keeps its own dtype (c10::promoteTypes refuses UInt64 only when asked)."""
    if dtype.category == 0 and type(value) is not bool and isinstance(value, int) \
            and value >= 2 ** 63:
        raise RuntimeError("Promotion for uint16, uint32, uint64 types is not supported, "
                           "attempted to promote Bool and UInt64")


def scalar_to(value, dtype, single=False):
    """A Python number (a Scalar argument) as a NumPy scalar of `dtype`, by c10's
    checked_convert, as fill_, full, masked_fill, index_fill, clamp and x[i] = v convert it:
    an int or float outside the dtype's range is an error (unsigned dtypes take negative
    ints down to -max, which wrap: uint8 reads -1 as 255), a float is truncated toward zero
    for an integer dtype, inf and nan pass only into floating dtypes, bool takes anything.
    A float becomes float16 through float32 (c10::Half is made from a float: 1588.50001 is
    1588, not NumPy's 1589). single: a fill of one element (full, fill_), which PyTorch
    writes by a path that converts to float16 unchecked (1e5 is inf there, an error elsewhere).
    """
    np_type = dtype.np_dtype.type
    if type(value) is int:
        check_scalar_int(value)  # the parser's reading of the Scalar, whatever the dtype
    if dtype is float16 and isinstance(value, (float, np.floating)) and (
            single or not math.isfinite(value) or abs(value) <= 65504.0):
        with np.errstate(over="ignore"):
            return np.float16(np.float32(value))
    if dtype.category == 0 or isinstance(value, (bool, np.bool_)):
        return np_type(bool(value)) if dtype.category == 0 else np_type(value)
    if isinstance(value, (int, np.integer)):
        value = int(value)
        check_scalar_int(value)
        if dtype.category == 1:
            info = np.iinfo(np_type)
            unsigned = info.min == 0
            low = -int(info.max) if unsigned else int(info.min)
            if low <= value <= info.max:
                return np_type(value % (1 << info.bits) if unsigned else value)
        elif abs(value) <= np.finfo(np_type).max:
            return np_type(value)
    else:
        value = float(value)
        if dtype.category == 2:
            if value != value or abs(value) == float("inf") or abs(value) <= np.finfo(np_type).max:
                return np_type(value)
        elif value == value and np.iinfo(np_type).min <= value <= np.iinfo(np_type).max:
            return np_type(int(value))
    raise RuntimeError("value cannot be converted to type %s without overflow"
                       % _CHECKED_CONVERT_NAMES[dtype.name])


# How c10's Scalar accessors spell the C++ types in checked_convert's message.
_CHECKED_CONVERT_NAMES = {"uint8": "uint8_t", "int8": "int8_t", "int16": "int16_t",
                          "int32": "int", "int64": "int64_t", "float16": "c10::Half",
                          "float32": "float", "float64": "double"}


def cast_array(array, np_dtype):
    """array.astype(np_dtype) with the values PyTorch's conversions give.

    float64 to float16 goes through float32 in PyTorch (c10::Half is made from a float),
    rounding twice: 1588.50001 becomes 1588 where NumPy's direct rounding gives 1589.
    A float beyond the integer range converts through a wider integer on x86, and NumPy
    agrees with PyTorch except for uint8, which PyTorch reaches through int64 (so 1e10 - 17
    wraps to 239, and nan or a value past int64 gives int64's minimum, 0 as a byte) where
    NumPy goes through int32.
    """
    if np_dtype == np.float16 and array.dtype == np.float64:
        return array.astype(np.float32).astype(np.float16)
    if np_dtype == np.uint8 and array.dtype.kind == "f":
        low = -2.0 ** 63
        with np.errstate(invalid="ignore"):
            inside = (array >= low) & (array < -low)  # nan: outside
            ints = np.where(inside, array, 0).astype(np.int64)
        ints[~inside] = np.iinfo(np.int64).min
        return ints.astype(np.uint8)
    return array.astype(np_dtype)


def _combine_categories(higher, lower):
    # Lower-priority operands (0-dim tensors, Python numbers) only win when they
    # are of a higher category: int tensor + 2.5 is float, float32 tensor + 2.5 stays float32.
    if higher is None:
        return lower
    if lower is None or higher.category == 2:
        return higher
    if higher.category == 0 or lower.category == 2:
        return promote_types(higher, lower)
    return higher


def result_type(*operands):
    """torch.result_type over tensors (objects with .dtype and .ndim) and Python numbers."""
    dim_result = zero_result = wrapped_result = None
    big_ints = []
    for op in operands:
        if isinstance(op, (bool, int, float)):
            if type(op) is not bool and isinstance(op, int) and not -2 ** 63 <= op < 2 ** 63:
                check_scalar_int(op)
                big_ints.append(op)
            d = scalar_dtype(op)
            wrapped_result = d if wrapped_result is None else promote_types(wrapped_result, d)
        elif op._is_wrapped_number:
            d = op._dtype if op._dtype.category != 2 else _default[0]
            wrapped_result = d if wrapped_result is None else promote_types(wrapped_result, d)
        elif op._data.ndim == 0:
            d = op.dtype
            zero_result = d if zero_result is None else promote_types(zero_result, d)
        else:
            d = op.dtype
            dim_result = d if dim_result is None else promote_types(dim_result, d)
    tensors_result = _combine_categories(dim_result, zero_result)
    if tensors_result is not None and wrapped_result is int64:
        for op in big_ints:
            check_unsigned_promotion(op, tensors_result)
    return _combine_categories(dim_result, _combine_categories(zero_result, wrapped_result))


# ---- torch.Size ----------------------------------------------------------------

class Size(tuple):
    """torch.Size: a tuple of ints printed as `torch.Size([2, 3])`.

    Shapes the engine makes come from `Size.of`; `torch.Size(...)` checks its items as
    torch does.
    """

    __slots__ = ()

    def __new__(cls, sizes=()):
        try:
            sizes = iter(sizes)
        except TypeError as error:
            raise TypeError(str(error)) from None  # "'int' object is not iterable"
        return tuple.__new__(cls, [_size_item(i, item) for i, item in enumerate(sizes)])

    @classmethod
    def of(cls, shape):
        """A Size of ints already checked (a NumPy shape), without torch.Size's checks."""
        return tuple.__new__(cls, shape)

    def __repr__(self):
        return "torch.Size([%s])" % ", ".join(str(int(s)) for s in self)

    __str__ = __repr__

    def numel(self):
        n = 1
        for s in self:
            n *= s
        return n

    def __getitem__(self, item):
        if isinstance(item, slice):
            return Size.of(tuple.__getitem__(self, item))
        try:
            return tuple.__getitem__(self, item)
        except (IndexError, TypeError) as error:
            raise type(error)(str(error)) from None  # the user's mistake, not ours

    def __add__(self, other):
        if not isinstance(other, tuple):
            raise TypeError("can only concatenate tuple (not %s) to torch.Size"
                            % type(other).__name__)
        return Size.of(tuple.__add__(self, other))

    def __radd__(self, other):
        if not isinstance(other, tuple):
            return NotImplemented  # Python then says: can only concatenate list (not ...)
        return Size.of(tuple.__add__(other, tuple(self)))

    def __mul__(self, times):
        try:
            times = operator.index(times)
        except TypeError:
            raise TypeError("can't multiply sequence by non-int of type '%s'"
                            % type(times).__name__) from None
        return Size.of(tuple.__mul__(self, times))

    __rmul__ = __mul__


def _size_item(position, item):
    """One dimension given to torch.Size(): an int, or anything an index can be made of."""
    try:
        value = operator.index(item)
    except TypeError:
        raise TypeError("torch.Size() takes an iterable of 'int' (item %d is '%s')"
                        % (position, type(item).__name__)) from None
    if not -2 ** 63 <= value < 2 ** 63:
        raise ValueError("Overflow when unpacking long long")
    return value


name_as_torch(Size, "torch")
