"""Creating tensors: tensor, the legacy Tensor constructors, ones, zeros, full, arange ..."""

import math
import numbers
import warnings

import numpy as np

from . import dtypes
from .device import CPU, check_device, require_cpu
from .type_names import c_type_name
from .dtypes import DType, get_default_dtype
from .float_math import fma_f32, fma_f64
from .memory import check_allocation
from .nested_data import infer_dtype, array_from_data
from .size_args import size_args
from .tensor import Tensor, wrap


FACTORY_GRAD_ERROR = "Only Tensors of floating point and complex dtype can require gradients"


# ---- arguments ---------------------------------------------------------------------------

def parse_size(args, name="size", function=None):
    """ones(2, 3), ones((2, 3)), ones([2, 3]) and ones(torch.Size([2, 3])) alike.

    With `function` (the torch function's name), a bad size raises the TypeError of
    PyTorch's argument parser for an int-list argument."""
    if function is not None and function != "new":
        return _checked_sizes(function, size_args(function, name, args), args)
    single = len(args) == 1 and not isinstance(args[0], (tuple, list))
    if len(args) == 1 and isinstance(args[0], (tuple, list)):
        args = tuple(args[0])
    size = []
    for a in args:
        if isinstance(a, Tensor) and a._data.ndim == 0 and a._dtype.category == 1:
            a = int(a)
        if isinstance(a, bool) or not isinstance(a, numbers.Integral):
            kind = type(a).__name__
            if function is None:
                raise TypeError("%s must be tuple of ints, but found element of type %s at pos %d"
                                % (name, kind, len(size)))
            if single:
                raise TypeError("%s(): argument '%s' (position 1) must be tuple of ints, not %s"
                                % (function, name, kind))
            raise TypeError('%s(): argument \'%s\' failed to unpack the object at pos %d with '
                            'error "type must be tuple of ints,but got %s"'
                            % (function, name, len(size) + 1, kind))
        if a < 0:
            if function == "zeros":  # zeros checks its sizes itself, with its own message
                raise RuntimeError("zeros: Dimension size must be non-negative.")
            raise RuntimeError("Trying to create tensor with negative dimension %d: [%s]"
                               % (a, ", ".join(map(str, args))))
        size.append(int(a))
    return tuple(size)


def _checked_sizes(function, size, args):
    for a in size:
        if a < 0:
            if function == "zeros":  # zeros checks its sizes itself, with its own message
                raise RuntimeError("zeros: Dimension size must be non-negative.")
            raise RuntimeError("Trying to create tensor with negative dimension %d: [%s]"
                               % (a, ", ".join(map(str, size))))
    return size


def _check_dtype(dtype, function=None):
    """dtype as PyTorch's parser takes it: a torch.dtype or None. function: the name its
    TypeError gives (functions of several signatures report otherwise, a known gap)."""
    if dtype is not None and not isinstance(dtype, DType):
        if function is None:
            raise TypeError("dtype must be torch.dtype, not %s" % type(dtype).__name__)
        raise TypeError("%s(): argument 'dtype' must be torch.dtype, not %s"
                        % (function, c_type_name(dtype)))
    return dtype


def _finish(t, requires_grad):
    if requires_grad:
        if t._dtype.category != 2:
            raise RuntimeError(FACTORY_GRAD_ERROR)
        t._requires_grad = True
    return t


def _filled(size, value, dtype, requires_grad):
    check_allocation(size, dtype)
    return _finish(wrap(np.full(size, value, dtype=dtype.np_dtype), dtype), requires_grad)


# ---- from data -----------------------------------------------------------------------------

def tensor(data, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """torch.tensor: always copies; the dtype is inferred from the data unless given."""
    return _copied(data, dtype, device, requires_grad, "torch.tensor")


def _copied(data, dtype, device, requires_grad, function):
    _check_dtype(dtype, function.rpartition(".")[2])
    if isinstance(data, range):
        data = list(data)
    if isinstance(data, Tensor):
        _warn_copy_construct(function + "(sourceTensor)")
    if dtype is None:
        dtype = infer_dtype(data)
    check_device(device, "tensor")  # after the data's dtype, as torch's tensor_new.cpp
    t = wrap(array_from_data(data, dtype), dtype)
    return _finish(t, requires_grad)


def _warn_copy_construct(instead_of):
    warnings.warn(
        "To copy construct from a tensor, it is recommended to use "
        "sourceTensor.detach().clone() or sourceTensor.detach().clone().requires_grad_(True), "
        "rather than %s." % instead_of, UserWarning, stacklevel=4)


def as_tensor(data, dtype=None, device=None):
    _check_dtype(dtype, "as_tensor")
    if isinstance(data, Tensor):
        if device is not None:
            check_device(device, "as_tensor")
        # torch's as_tensor of a tensor is data.to(dtype): no copy warning, a graph kept.
        return data if dtype is None else data.to(_check_dtype(dtype, "as_tensor"))
    if isinstance(data, np.ndarray) and dtype in (None, dtypes.from_numpy_dtype(data.dtype)):
        check_device(device, "as_tensor")
        return from_numpy(data)  # shares the array's memory, as torch's as_tensor does
    return tensor(data, dtype=dtype, device=device)


def from_numpy(array):
    if not isinstance(array, np.ndarray):
        raise TypeError("expected np.ndarray (got %s)" % c_type_name(array))
    return wrap(array, dtypes.from_numpy_dtype(array.dtype))


def legacy_tensor(dtype, *args, **kwargs):
    """torch.Tensor(...) / FloatTensor(...): a size, a sequence of numbers, or nothing."""
    where = kwargs.pop("device", None)
    if where is not None:
        require_cpu(where)
    if kwargs:
        raise TypeError("new() received an invalid combination of arguments - got %s"
                        % ", ".join(kwargs))
    if not args:
        return wrap(np.zeros((0,), dtype=dtype.np_dtype), dtype)
    if len(args) == 1 and isinstance(args[0], Tensor):
        source = args[0]
        if source._dtype is not dtype:
            raise TypeError("expected %s (got %s)" % (dtype.np_dtype.name, source._dtype.name))
        return source.detach()
    if len(args) == 1 and isinstance(args[0], (list, tuple, np.ndarray)) and not isinstance(
            args[0], dtypes.Size):
        return wrap(array_from_data(args[0], dtype), dtype)
    if len(args) == 1 and isinstance(args[0], numbers.Real) and not isinstance(
            args[0], numbers.Integral):
        raise TypeError("new(): data must be a sequence (got %s)" % type(args[0]).__name__)
    size = parse_size(args, function="new")
    check_allocation(size, dtype)
    return wrap(np.zeros(size, dtype=dtype.np_dtype), dtype)


class _LegacyConstructor(type):
    """Makes isinstance(x, torch.FloatTensor) true for float32 tensors, as in PyTorch."""

    def __instancecheck__(cls, obj):
        return isinstance(obj, Tensor) and obj._dtype is cls.dtype

    def __call__(cls, *args, **kwargs):
        return legacy_tensor(cls.dtype, *args, **kwargs)

    def __repr__(cls):
        return "<class 'torch.%s'>" % cls.__name__


def _legacy(dtype):
    return _LegacyConstructor(dtype.legacy_name, (), {"dtype": dtype, "__module__": "torch"})


FloatTensor = _legacy(dtypes.float32)
DoubleTensor = _legacy(dtypes.float64)
HalfTensor = _legacy(dtypes.float16)
LongTensor = _legacy(dtypes.int64)
IntTensor = _legacy(dtypes.int32)
ShortTensor = _legacy(dtypes.int16)
CharTensor = _legacy(dtypes.int8)
ByteTensor = _legacy(dtypes.uint8)
BoolTensor = _legacy(dtypes.bool_)


# ---- filled -----------------------------------------------------------------------------------

def ones(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False):
    check_device(device, "ones")
    return _filled(parse_size(size, function="ones"), 1, _check_dtype(dtype, "ones") or get_default_dtype(), requires_grad)


def zeros(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False):
    check_device(device, "zeros")
    return _filled(parse_size(size, function="zeros"), 0, _check_dtype(dtype, "zeros") or get_default_dtype(), requires_grad)


def empty(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False,
          memory_format=None):
    check_device(device, "empty")
    # Uninitialised memory in PyTorch; zeros here, so results never depend on garbage.
    return _filled(parse_size(size, function="empty"), 0, _check_dtype(dtype, "empty") or
                   get_default_dtype(), requires_grad)


def full(size, fill_value, out=None, dtype=None, layout=None, device=None, requires_grad=False,
         function="full"):
    check_device(device, function)
    if dtype is None:
        if isinstance(fill_value, Tensor):
            fill_value = fill_value.item()
        elif isinstance(fill_value, np.generic):  # a Scalar to torch's parser (bool: double)
            fill_value = float(fill_value) if isinstance(fill_value, np.bool_) else \
                fill_value.item()
        dtype = infer_dtype(fill_value)
    if not isinstance(size, (tuple, list)):
        raise TypeError("%s(): argument 'size' (position 1) must be tuple of ints, not %s"
                        % (function, type(size).__name__))
    dtype = _check_dtype(dtype, function)
    size = parse_size((size,), function=function)
    return _filled(size, _fill_value(fill_value, dtype, single=math.prod(size) == 1), dtype,
                   requires_grad)


def _fill_value(value, dtype, single=False):
    """fill_value as full's fill_ converts it (a 0-dim tensor by its item)."""
    if isinstance(value, Tensor):
        value = value.item()
    return dtypes.scalar_to(value, dtype, single) if isinstance(value, _NUMBERS) else value


_NUMBERS = (bool, int, float, np.bool_, np.integer, np.floating)


def _like(function, input, value, dtype, requires_grad):
    if not isinstance(input, Tensor):
        raise TypeError("expected Tensor as the first argument, got %s" % type(input).__name__)
    return _filled(input._data.shape, value, _check_dtype(dtype, function) or input._dtype,
                   requires_grad)


def ones_like(input, dtype=None, layout=None, device=None, requires_grad=False,
              memory_format=None):
    if device is not None:
        check_device(device, "ones_like")
    return _like("ones_like", input, 1, dtype, requires_grad)


def zeros_like(input, dtype=None, layout=None, device=None, requires_grad=False,
               memory_format=None):
    if device is not None:
        check_device(device, "zeros_like")
    return _like("zeros_like", input, 0, dtype, requires_grad)


def empty_like(input, dtype=None, layout=None, device=None, requires_grad=False,
               memory_format=None):
    if device is not None:
        check_device(device, "empty_like")
    return _like("empty_like", input, 0, dtype, requires_grad)


def full_like(input, fill_value, dtype=None, layout=None, device=None, requires_grad=False,
              memory_format=None):
    if device is not None:
        check_device(device, "full_like")
    if isinstance(input, Tensor):
        fill_value = _fill_value(fill_value, _check_dtype(dtype, "full_like") or input._dtype,
                                 single=input._data.size == 1)
    return _like("full_like", input, fill_value, dtype, requires_grad)


def eye(n, m=None, out=None, dtype=None, layout=None, device=None, requires_grad=False):
    check_device(device, "eye")
    m = n if m is None else m
    for name, value in (("n", n), ("m", m)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError("eye(): argument '%s' (position %d) must be int, not %s"
                            % (name, 1 if name == "n" else 2, type(value).__name__))
        if value < 0:
            raise RuntimeError("%s must be greater or equal to 0, got %d" % (name, value))
    dtype = _check_dtype(dtype) or get_default_dtype()
    check_allocation((n, m), dtype)
    return _finish(wrap(np.eye(n, m, dtype=dtype.np_dtype), dtype), requires_grad)


# ---- x.new_*: same dtype as x unless given ----------------------------------------------------

def _new_size(args, size, function):
    """x.new_zeros(2, 3), (2, 3) or size=(2, 3): torch's parser reads one IntArrayRef."""
    if size is not None:
        if args:
            raise TypeError("%s() got multiple values for argument 'size'" % function)
        if not isinstance(size, (tuple, list)):
            raise TypeError("%s(): argument 'size' must be tuple of ints, not %s"
                            % (function, type(size).__name__))
        args = (size,)
    elif not args:
        raise TypeError('%s() missing 1 required positional arguments: "size"' % function)
    return parse_size(args, function=function)


def _new_filled(function, self, args, size, value, dtype, device, requires_grad):
    shape = _new_size(args, size, function)
    if device is not None:
        check_device(device, function)
    return _filled(shape, value, _check_dtype(dtype, function) or self._dtype, requires_grad)


def new_zeros(self, *args, size=None, dtype=None, device=None, requires_grad=False):
    return _new_filled("new_zeros", self, args, size, 0, dtype, device, requires_grad)


def new_ones(self, *args, size=None, dtype=None, device=None, requires_grad=False):
    return _new_filled("new_ones", self, args, size, 1, dtype, device, requires_grad)


def new_empty(self, *args, size=None, dtype=None, device=None, requires_grad=False):
    return _new_filled("new_empty", self, args, size, 0, dtype, device, requires_grad)


_MISSING = object()


def new_full(self, size=_MISSING, fill_value=_MISSING, dtype=None, device=None,
             requires_grad=False):
    for name, value in (("size", size), ("fill_value", fill_value)):
        if value is _MISSING:
            raise TypeError('new_full() missing 1 required positional arguments: "%s"' % name)
    if device is not None:
        check_device(device, "new_full")
    return full(size, fill_value, dtype=self._dtype if dtype is None else dtype,
                requires_grad=requires_grad, function="new_full")


def new_tensor(self, data=_MISSING, dtype=None, device=None, requires_grad=False):
    if data is _MISSING:
        raise TypeError('new_tensor() missing 1 required positional arguments: "data"')
    return _copied(data, self._dtype if dtype is None else dtype, device or CPU, requires_grad,
                   "tensor.new_tensor")


def new(self, *args, **kwargs):
    """x.new(...): the legacy constructor of x's dtype (torch.FloatTensor(...) for floats)."""
    return legacy_tensor(self._dtype, *args, **kwargs)


# ---- ranges ---------------------------------------------------------------------------------

def _number(x):
    return x.item() if isinstance(x, Tensor) else x


def _arange_number(x, name, position):
    """A Number parameter of arange: a Python or NumPy number, or a 0-dim tensor."""
    if not isinstance(x, (Tensor, numbers.Number)):
        where = " (position %d)" % position if position else ""
        raise TypeError("arange(): argument '%s'%s must be Number, not %s"
                        % (name, where, c_type_name(x)))
    return _number(x)


def arange(start=None, end=None, step=1, out=None, dtype=None, layout=None, device=None,
           requires_grad=False):
    check_device(device, "arange")
    if start is None and end is None:
        raise TypeError("arange() missing required argument 'end'")
    if end is None:
        start, end = 0, _arange_number(start, "end", 1)
    elif start is None:  # arange(end=4)
        start, end = 0, _arange_number(end, "end", None)
    start, end = _arange_number(start, "start", 1), _arange_number(end, "end", 2)
    step = _arange_number(step, "step", 3)
    if step == 0:
        raise RuntimeError("step must be nonzero")
    if (end - start) * step < 0:
        raise RuntimeError("upper bound and lower bound inconsistent with step sign")
    if dtype is None:
        is_float = any(isinstance(v, float) for v in (start, end, step))
        dtype = get_default_dtype() if is_float else dtypes.int64
    if dtype is dtypes.bool_:
        raise NotImplementedError("\"arange_cpu\" not implemented for 'Bool'")
    if dtype is dtypes.int64:
        # An int64 arange takes its bounds and step as int64 first (truncated): a float
        # step below 1 becomes 0, which PyTorch reports as a ValueError.
        start, end, step = (int(v) for v in (start, end, step))
        if step == 0:
            raise ValueError("step must be nonzero")
    count = max(0, math.ceil((end - start) / step))
    check_allocation((count,), dtype)
    if dtype.category != 2:
        # Other integer dtypes count the values with the float bounds, then step from the
        # truncated start by the truncated step (0.5 steps give zeros, as in PyTorch).
        values = int(start) + np.arange(count, dtype=np.int64) * int(step)
        return _finish(wrap(values.astype(dtype.np_dtype), dtype), requires_grad)
    # Computed as start + i * step in double precision, as PyTorch does.
    values = start + np.arange(count, dtype=np.float64) * step
    return _finish(wrap(values.astype(dtype.np_dtype), dtype), requires_grad)


def _spaced_arguments(start, end, steps, dtype):
    """linspace's and logspace's shared checks: the numbers, the dtype, the step count."""
    start, end = _number(start), _number(end)
    dtype = _check_dtype(dtype) or get_default_dtype()
    if steps < 0:
        raise RuntimeError("number of steps must be non-negative")
    check_allocation((steps,), dtype)
    return start, end, dtype


def linspace(start, end, steps, out=None, dtype=None, layout=None, device=None,
             requires_grad=False):
    check_device(device, "linspace")
    start, end, dtype = _spaced_arguments(start, end, steps, dtype)
    values = _linspace_values(start, end, steps, dtype)
    return _finish(wrap(values, dtype), requires_grad)


def logspace(start, end, steps, base=10.0, out=None, dtype=None, layout=None, device=None,
             requires_grad=False):
    check_device(device, "logspace")
    start, end, dtype = _spaced_arguments(start, end, steps, dtype)
    # PyTorch's kernel: exponents from start for the first half and from end for the second,
    # with a double step, then base ** exponent.
    if steps == 1:
        exponents = np.array([start], np.float64)
    else:
        step = (end - start) / (steps - 1)
        i = np.arange(steps)
        exponents = np.where(i < steps // 2, start + step * i, end - step * (steps - i - 1))
    values = np.power(np.float64(base), exponents)
    return _finish(wrap(values.astype(dtype.np_dtype), dtype), requires_grad)


def scalar_tensor(s, dtype=None, layout=None, device=None, pin_memory=None,
                  requires_grad=False):
    """A 0-dim tensor of the default float dtype (whatever the number's type), as PyTorch."""
    check_device(device, "scalar_tensor")
    dtype = _check_dtype(dtype, "scalar_tensor") or get_default_dtype()
    value = _number(s)
    array = (dtypes.cast_array(np.array(value, dtype=np.float64), dtype.np_dtype)
             if dtype is dtypes.float16 else np.array(value, dtype=dtype.np_dtype))
    return _finish(wrap(array, dtype), requires_grad)


def _linspace_values(start, end, steps, dtype):
    # PyTorch fills the first half forwards from start and the second half backwards
    # from end, in the result dtype (double for integer results); GCC contracts
    # `start + step * idx` into one fused multiply-add, so the values are fma results.
    np_dtype = dtype.np_dtype if dtype.category == 2 else np.dtype(np.float64)
    if dtype.category != 2:
        start, end = int(start), int(end)   # Scalar.to<int64_t>() truncates, as C++ casts do
    if steps == 1:
        return np.array([start], dtype=dtype.np_dtype)
    step = np_dtype.type(np_dtype.type(end) - np_dtype.type(start)) / np_dtype.type(steps - 1)
    i = np.arange(steps)
    halfway = steps // 2
    fma = {np.dtype(np.float32): fma_f32, np.dtype(np.float64): fma_f64}.get(np_dtype)
    forward, backward = i.astype(np_dtype), (steps - i - 1).astype(np_dtype)
    if fma is None:
        values = np.where(i < halfway, np_dtype.type(start) + step * forward,
                          np_dtype.type(end) - step * backward)
    else:
        values = np.where(i < halfway, fma(step, forward, np_dtype.type(start)),
                          fma(-step, backward, np_dtype.type(end)))
    return values.astype(dtype.np_dtype)
