"""Dtype conversions (to, float, double, long, int, bool, half, type, cpu) and dtype queries."""

from . import derivatives as d
from . import dtypes
from .dispatch import call_unary
from .dtypes import DType
from .device import device as device_class, require_cpu
from .tensor import Tensor
from .tensor_queries import tensor_argument


def to_dtype(input, dtype, copy=False):
    if dtype is input._dtype and not copy:
        return input
    result = call_unary(d.TO_COPY, input, dtype) if dtype.category == 2 or not \
        input._requires_grad else _no_grad_copy(input, dtype)
    return result


def type_as(input, other):
    return to_dtype(input, tensor_argument(other, "type_as", "other")._dtype)


def _no_grad_copy(input, dtype):
    from .tensor import wrap
    return wrap(dtypes.cast_array(input._data, dtype.np_dtype), dtype)


def to(input, *args, dtype=None, device=None, non_blocking=False, copy=False,
       memory_format=None):
    for a in args:
        if a is None:  # to(None): the device's and the dtype's default
            continue
        if isinstance(a, DType):
            dtype = a
        elif isinstance(a, Tensor):
            dtype = a._dtype
        elif isinstance(a, (str, device_class)) or type(a) is int:
            require_cpu(a)
        elif type(a) in (float, bool):
            # `to` takes a number as a tensor (should_allow_numbers_as_tensors): x.to(1.0) is
            # x.to(tensor(1.0)), a float64 tensor.
            dtype = dtypes.bool_ if type(a) is bool else dtypes.float64
        else:
            raise TypeError("to() received an invalid combination of arguments - got (%s)"
                            % type(a).__name__)
    if device is not None:
        require_cpu(device)
    if dtype is None:
        return input.clone() if copy else input
    return to_dtype(input, dtype, copy)


def _converter(dtype):
    def convert(input, memory_format=None):
        return to_dtype(input, dtype)
    return convert


float_ = _converter(dtypes.float32)
double = _converter(dtypes.float64)
half = _converter(dtypes.float16)
long = _converter(dtypes.int64)
int_ = _converter(dtypes.int32)
short = _converter(dtypes.int16)
char = _converter(dtypes.int8)
byte = _converter(dtypes.uint8)
bool_ = _converter(dtypes.bool_)


def cpu(input, memory_format=None):
    return input


def cuda(input, device=None, non_blocking=False, memory_format=None):
    """Tensor.cuda() of a CPU-only torch: no CUDA, and a bare index names an accelerator."""
    require_cpu("cuda" if device is None else device)
    raise RuntimeError("Invalid device, must be cuda device")


def view_as_dtype(input, dtype):
    raise RuntimeError("view(dtype) is not supported by gradrepl's engine; use .to(dtype)")


def is_tensor(obj):
    return isinstance(obj, Tensor)


def is_floating_point(input):
    return tensor_argument(input, "is_floating_point")._dtype.is_floating_point


def result_type(tensor, other):
    """torch.result_type of two operands, tensors or Python numbers."""
    return dtypes.result_type(tensor, other)
