"""Special elementwise ops as torch functions: nan_to_num, atan2, hypot, lerp, addcmul,
addcdiv, logit, xlogy,
fmax/fmin, heaviside, signbit, isposinf/isneginf, logaddexp, clamp_min/clamp_max."""

import numpy as np

from . import derivatives as d
from . import dtypes
from .dispatch import call, call_binary, call_scalar, call_unary
from .ops_pointwise import _NUMBER, bool_predicate
from .size_args import number_arg
from .tensor import Tensor
from .tensor_queries import invalid_combination, tensor_argument


def _tensor_operands(name, input, other):
    """The argument parser's checks of a (Tensor input, Tensor other) signature."""
    tensor_argument(input, name, "input", 1)
    tensor_argument(other, name, "other", 2)


def _floating_kernel(name, dtype):
    if dtype.category != 2:
        raise NotImplementedError('"%s" not implemented for \'%s\'' % (name, dtype.scalar_name))


def nan_to_num(input, nan=0.0, posinf=None, neginf=None):
    for position, (name, value) in enumerate((("nan", nan), ("posinf", posinf),
                                              ("neginf", neginf)), 1):
        number_arg("nan_to_num", name, position, value, optional=True)
    if input._dtype.category != 2:
        return input.clone()
    return call_unary(d.NAN_TO_NUM, input, nan, posinf, neginf)


def atan2(input, other):
    _tensor_operands("atan2", input, other)
    return call_binary(d.ATAN2, input, other)


def arctan2(input, other):
    _tensor_operands("arctan2", input, other)
    return call_binary(d.ATAN2, input, other)


def hypot(input, other):
    _tensor_operands("hypot", input, other)
    _floating_kernel("hypot_cpu", dtypes.result_type(input, other))
    return call_binary(d.HYPOT, input, other)


def logaddexp(input, other):
    _tensor_operands("logaddexp", input, other)
    _floating_kernel("logaddexp_cpu", dtypes.result_type(input, other))
    return call_binary(d.LOGADDEXP, input, other)


def lerp(input, end, weight):
    if not isinstance(input, Tensor) or not isinstance(end, Tensor):
        raise invalid_combination("lerp", (input, end, weight), overloads=(
            "Tensor input, Tensor end, Tensor weight, *, Tensor out = None",
            "Tensor input, Tensor end, Number weight, *, Tensor out = None"))
    if end._dtype is not input._dtype:
        raise RuntimeError("expected dtype %s for `end` but got dtype %s"
                           % (input._dtype.c_name, end._dtype.c_name))
    if isinstance(weight, Tensor):
        _floating_kernel("lerp_kernel_tensor", input._dtype)
        return call(d.LERP_TENSOR, (input, end, weight), (), input._dtype)
    _floating_kernel("lerp_kernel_scalar", input._dtype)
    return call(d.LERP, (input, end), (weight,), input._dtype)


def addcmul(input, tensor1, tensor2, *, value=1):
    return _addc(d.ADDCMUL, input, tensor1, tensor2, value)


def addcdiv(input, tensor1, tensor2, *, value=1):
    _addc_tensors("addcdiv", input, tensor1, tensor2)
    if tensor1._dtype.category != 2 and tensor2._dtype.category != 2:
        raise RuntimeError(_ADDCDIV_INTEGER)
    return _addc(d.ADDCDIV, input, tensor1, tensor2, value)


_ADDCDIV_INTEGER = (
    "Integer division with addcdiv is no longer supported, and in a future  release addcdiv "
    "will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be "
    "implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for "
    "integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future "
    "addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), "
    "for all dtypes.")


def _addc_tensors(function, input, tensor1, tensor2):
    for position, (name, t) in enumerate((("input", input), ("tensor1", tensor1),
                                          ("tensor2", tensor2)), 1):
        tensor_argument(t, function, name, position)


def _addc(op, input, tensor1, tensor2, value):
    _addc_tensors(op.name, input, tensor1, tensor2)
    dtype = dtypes.result_type(input, tensor1, tensor2)
    if dtype.category == 0:
        raise NotImplementedError('"%s_cpu_out" not implemented for \'Bool\'' % op.name)
    return call(op, (input, tensor1, tensor2), (value,), dtype)


def logit(input, eps=None):
    number_arg("logit", "eps", 1, eps, optional=True)
    return call_unary(d.LOGIT, input, eps)


def xlogy(input, other):
    if not isinstance(input, Tensor):
        return call_scalar(d.XLOGY_SCALAR_SELF, other, input)
    if not isinstance(other, Tensor):
        return call_scalar(d.XLOGY_SCALAR_OTHER, input, other)
    return call_binary(d.XLOGY, input, other)


def _fmax_like(op, name):
    def function(input, other):
        _tensor_operands(name, input, other)
        return call_binary(op, input, other)
    function.__name__ = name
    return function


fmax = _fmax_like(d.FMAX, "fmax")
fmin = _fmax_like(d.FMIN, "fmin")


def heaviside(input, values):
    tensor_argument(input, "heaviside", "input", 1)
    if not isinstance(values, Tensor):
        raise TypeError("heaviside(): argument 'values' (position 2) must be Tensor, not %s"
                        % type(values).__name__)
    if values._dtype is not input._dtype:
        raise RuntimeError("heaviside is not yet implemented for tensors with different dtypes.")
    return call_binary(d.HEAVISIDE, input, values)


signbit = bool_predicate(np.signbit, "signbit")
isposinf = bool_predicate(np.isposinf, "isposinf")
isneginf = bool_predicate(np.isneginf, "isneginf")


def _one_sided_clamp(op, tensor_op, name):
    def function(input, bound):
        if isinstance(bound, Tensor):
            return call_binary(tensor_op, input, bound)
        if not isinstance(bound, _NUMBER):
            raise TypeError("%s(): argument '%s' (position 2) must be Number, not %s"
                            % (name, name[-3:], type(bound).__name__))
        dtype = dtypes.result_type(input, bound)
        if dtype is not input._dtype:  # clamp_min(int tensor, 2.5) is a float tensor
            input = input.to(dtype)
        return call_unary(op, input, bound)
    function.__name__ = name
    return function


clamp_min = _one_sided_clamp(d.CLAMP_MIN, d.CLAMP_MIN_TENSOR, "clamp_min")
clamp_max = _one_sided_clamp(d.CLAMP_MAX, d.CLAMP_MAX_TENSOR, "clamp_max")
