"""torch's questions about tensors and dtypes: is_complex, is_nonzero, numel, typename,
promote_types, can_cast ... with the argument parser's type errors."""

from . import dtypes
from .tensor import Tensor
from .type_names import c_type_name


def tensor_argument(value, function, name="input", position=1):
    """The argument parser's check of a Tensor parameter."""
    if not isinstance(value, Tensor):
        raise TypeError("%s(): argument '%s' (position %d) must be Tensor, not %s"
                        % (function, name, position, c_type_name(value)))
    return value


def invalid_combination(name, positional, keywords=None, overloads=()):
    """The argument parser's TypeError when no overload takes these arguments (overloads as
    the parser prints them, without their parentheses)."""
    from .arg_parser import invalid_combination as formatted
    return TypeError(formatted(name, ["(%s)" % o for o in overloads], tuple(positional),
                               dict(keywords or {})))


# The two overloads of a binary op taking a Tensor or a Number `other`: a Python number in
# the `input` place matches neither.
TENSOR_OR_NUMBER_OTHER = ("Tensor input, Tensor other, *, Tensor out = None",
                          "Tensor input, Number other, *, Tensor out = None")


def is_complex(input):
    tensor_argument(input, "is_complex")
    return False  # gradrepl has no complex dtypes


def is_nonzero(input):
    return bool(tensor_argument(input, "is_nonzero"))


def is_signed(input):
    return tensor_argument(input, "is_signed")._dtype.is_signed


def is_same_size(input, other):
    tensor_argument(input, "is_same_size")
    tensor_argument(other, "is_same_size", "other", 2)
    return input._data.shape == other._data.shape


def numel(input):
    return tensor_argument(input, "numel")._data.size


def is_storage(obj):
    return False  # gradrepl has no storages to hand out


def typename(obj):
    """torch.typename: a tensor's legacy type name, else the class's name as torch gives."""
    if isinstance(obj, Tensor):
        return obj.type()
    module = getattr(type(obj), "__module__", "builtins")
    name = type(obj).__qualname__
    return name if module in (None, "builtins") else "%s.%s" % (module, name)


def _dtype_argument(value, function, name, position):
    if not isinstance(value, dtypes.DType):
        raise TypeError("%s(): argument '%s' (position %d) must be torch.dtype, not %s"
                        % (function, name, position, type(value).__name__))


def promote_types(type1, type2):
    _dtype_argument(type1, "promote_types", "type1", 1)
    _dtype_argument(type2, "promote_types", "type2", 2)
    return dtypes.promote_types(type1, type2)


def can_cast(from_, to):
    _dtype_argument(from_, "can_cast", "from_", 1)
    _dtype_argument(to, "can_cast", "to", 2)
    return dtypes.can_cast(from_, to)
