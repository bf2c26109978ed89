"""Elementwise ops as torch functions: arithmetic, comparisons and the maths functions."""

import numbers

import numpy as np

from . import derivatives as d
from . import dtypes
from .dispatch import call_unary, call_binary, call_scalar, promoted, record
from .shape_util import broadcast_shapes
from .tensor import Tensor, wrap, wrapped_number
from .tensor_queries import TENSOR_OR_NUMBER_OTHER, invalid_combination, tensor_argument

_NUMBER = (int, float, bool, numbers.Real)


def _check_operand(x, name="other"):
    if isinstance(x, Tensor):
        return x
    if isinstance(x, _NUMBER):
        return x.item() if isinstance(x, np.generic) else x
    if isinstance(x, np.bool_):
        return float(x)  # torch's argument parser reads a NumPy bool as a double
    raise TypeError("%s must be a Tensor or a number, not %s" % (name, type(x).__name__))




_PLAIN_OPERANDS = frozenset((Tensor, float, int))


def _as_tensor_first(input, other):
    if type(input) is Tensor and type(other) in _PLAIN_OPERANDS:
        return input, other
    if not isinstance(input, Tensor):
        # torch.add(2, x): PyTorch's argument parser wraps a number passed for a Tensor
        # parameter as a 0-dim tensor (so the node keeps two inputs: AddBackward0).
        input = _check_operand(input, "input")
        if not isinstance(other, Tensor):
            other = _scalar_like(_check_operand(other), None)
        return _scalar_like(input, other), other
    return input, _check_operand(other)


# ---- arithmetic ----------------------------------------------------------------------------

def add(input, other, *, alpha=1, out=None):
    input, other = _as_tensor_first(input, other)
    if alpha != 1 or alpha is True:
        return call_binary_alpha(d.ADD_ALPHA, input, other, alpha)
    return call_binary(d.ADD, input, other)


def _check_sub_operands(a, b):
    """PyTorch refuses bools on either side of a subtraction (a Python bool is a bool
    tensor there too): `x - True` and `True - x` raise, whatever x's dtype. The argument
    parser reads a Python int Scalar before that check."""
    for v in (a, b):
        if type(v) is int:
            dtypes.check_scalar_int(v)
    a_bool, b_bool = (isinstance(v, bool) or (isinstance(v, Tensor) and v._dtype is dtypes.bool_)
                      for v in (a, b))
    if a_bool and b_bool:
        raise RuntimeError("Subtraction, the `-` operator, with two bool tensors is not "
                           "supported. Use the `^` or `logical_xor()` operator instead.")
    if a_bool or b_bool:
        raise RuntimeError("Subtraction, the `-` operator, with a bool tensor is not supported. "
                           "If you are trying to invert a mask, use the `~` or `logical_not()` "
                           "operator instead.")


def sub(input, other, *, alpha=1, out=None):
    input, other = _as_tensor_first(input, other)
    _check_sub_operands(input, other)
    if alpha != 1 or alpha is True:
        return call_binary_alpha(d.SUB_ALPHA, input, other, alpha)
    return call_binary(d.SUB, input, other)


subtract = sub


def call_binary_alpha(op, a, b, alpha):
    dtype = dtypes.result_type(a, b)
    if isinstance(alpha, bool) and dtype.category != 0:
        raise RuntimeError("Boolean alpha only supported for Boolean results.")
    if isinstance(alpha, float) and dtype.category != 2:
        raise RuntimeError("For integral input tensors, argument alpha must not be a floating "
                           "point number.")
    ad, bd, dtype = promoted(a, b)
    result = wrap(np.asarray(op.forward(ad, bd, alpha)).astype(dtype.np_dtype, copy=False), dtype)
    if _needs_grad(a, b):
        record(op, (a, b, alpha), (result,))
    return result


def _needs_grad(*xs):
    from .grad_mode import GRAD
    return GRAD.enabled and any(isinstance(x, Tensor) and x._requires_grad for x in xs)


def rsub(input, other, alpha=1):
    """other - alpha * input (what `2 - x` runs)."""
    if not isinstance(input, Tensor):
        raise invalid_combination("rsub", (input, other), overloads=(
            "Tensor input, Tensor other, *, Number alpha = 1",
            "Tensor input, Number other, Number alpha = 1"))
    if isinstance(other, Tensor):
        return sub(other, input, alpha=alpha)
    _check_sub_operands(other, _check_operand(input, "self"))
    if alpha != 1 or alpha is True:
        input = mul(input, alpha)
    return call_scalar(d.RSUB, input, other)


def mul(input, other, *, out=None):
    input, other = _as_tensor_first(input, other)
    return call_binary(d.MUL, input, other)


multiply = mul


def div(input, other, *, rounding_mode=None, out=None):
    input, other = _as_tensor_first(input, other)
    if rounding_mode is None:
        return call_binary(d.DIV, input, other)
    if rounding_mode in ("floor", "trunc"):
        rounding = np.floor if rounding_mode == "floor" else np.trunc
        return _rounded_div(input, other, rounding, d.DIV_ROUNDED, rounding_mode)
    raise RuntimeError("div expected rounding_mode to be one of None, 'trunc', or 'floor' "
                       "but found '%s'" % rounding_mode)


divide = div
true_divide = div


def floor_divide(input, other):
    return _rounded_div(input, other, np.floor, d.FLOOR_DIVIDE)


def remainder(input, other):
    if not isinstance(input, Tensor):  # 3 % x: PyTorch has no derivative for it
        result = remainder(_scalar_like(input, other), other.detach())
        if _needs_grad(other):
            record(d.REMAINDER_OF_SCALAR, (other, input), (result,))
        return result
    return _mod(d.REMAINDER_SCALAR, d.REMAINDER, input, _check_operand(other))


def fmod(input, other):
    _number_first("fmod", input, other)
    return _mod(d.FMOD_SCALAR, d.FMOD, input, _check_operand(other))


def _mod(scalar_op, tensor_op, input, other):
    ad, b, dtype = promoted(input, other)
    _check_shapes(ad, b)  # TensorIterator sizes the result before the kernel's dtype checks
    _not_for_bool(dtype, scalar_op.name + "_cpu")
    if isinstance(other, Tensor):
        if dtype.category != 2 and np.any(other._data == 0):
            raise RuntimeError("ZeroDivisionError")
        return call_binary(tensor_op, input, other)
    if dtype.category != 2 and b == 0:
        raise RuntimeError("ZeroDivisionError")
    return call_scalar(scalar_op, input, other)


def mul_scalar(input, number):
    """input * number with the number as a Scalar argument (MulBackward1), as PyTorch's
    own composite functions multiply."""
    return call_scalar(d.MUL.scalar_variant, input, number)


def div_scalar(input, number):
    """input / number with the number as a Scalar argument (DivBackward1)."""
    return call_scalar(d.DIV.scalar_variant, input, number)


def _scalar_like(value, tensor):
    """A Python number as a 0-dim tensor, for ops whose first operand is the number: what
    PyTorch's argument parser makes of it, a 'wrapped number', which type promotion ranks
    below every tensor (`3 // uint8_tensor` is uint8)."""
    if type(value) is int:
        dtypes.check_scalar_int(value)
    if type(value) is int and value >= 2 ** 63 and isinstance(tensor, Tensor):
        # a uint64 there: it only ever meets the tensor's dtype, cast to it (mod 2**64)
        dtypes.check_unsigned_promotion(value, tensor._dtype)
        value = float(value) if tensor._dtype.category == 2 else value - 2 ** 64
    number = wrapped_number(value)
    number._is_wrapped_number = True
    return number


def square(input):
    return pow(input, 2)


def _rounded_div(input, other, rounding, op, *params):
    scalar_first = not isinstance(input, Tensor)
    if scalar_first:  # 3 // x
        input = _scalar_like(input, other)
    input, other = _as_tensor_first(input, other)
    ad, bd, dtype = promoted(input, other)
    _check_shapes(ad, bd)
    _not_for_bool(dtype, "div_floor_cpu" if rounding is np.floor else "div_trunc_cpu")
    if dtype.category == 2:
        # floor: c10::div_floor_floating, the quotient of fmod (NumPy's floor_divide is the
        # same algorithm), not floor(a / b): 1.96 // 0.02 is 97.0
        out = np.floor_divide(ad, bd) if rounding is np.floor else np.trunc(np.true_divide(ad, bd))
    else:
        if np.any(np.asarray(bd) == 0):
            raise RuntimeError("ZeroDivisionError")
        out = np.floor_divide(ad, bd) if rounding is np.floor else np.trunc(
            np.true_divide(ad, bd)).astype(dtype.np_dtype)
    result = wrap(np.asarray(out, dtype=dtype.np_dtype), dtype)
    if _needs_grad(input, other):
        if op is d.FLOOR_DIVIDE and not isinstance(other, Tensor):
            record(d.FLOOR_DIVIDE_SCALAR, (input, other), (result,))
        elif op is d.FLOOR_DIVIDE and scalar_first:  # 3 // x: one input, as in PyTorch
            record(d.FLOOR_DIVIDE_SCALAR, (other, input), (result,))
        else:
            record(op, (input, other) + params, (result,))
    return result


def _not_for_bool(dtype, kernel):
    if dtype.category == 0:
        raise NotImplementedError('"%s" not implemented for \'Bool\'' % kernel)


def _check_shapes(a, b):
    if np.shape(a) != np.shape(b):
        broadcast_shapes(np.shape(a), np.shape(b))


def reciprocal(input):
    return call_unary(d.RECIPROCAL, input)


def neg(input):
    if input._dtype is dtypes.bool_:
        raise RuntimeError("Negation, the `-` operator, on a bool tensor is not supported. If "
                           "you are trying to invert a mask, use the `~` or `logical_not()` "
                           "operator instead.")
    return call_unary(d.NEG, input)


negative = neg


def pow(input, exponent, *, out=None):
    if not isinstance(input, Tensor):
        return _scalar_pow(_check_operand(input, "self"), exponent)
    exponent = _check_operand(exponent, "exponent")
    if input._dtype.category == 0:
        if isinstance(exponent, bool):  # bool ** True stays a bool tensor
            return wrap(input._data | (not exponent), input._dtype)
        if isinstance(exponent, Tensor) and exponent._dtype.category == 0:
            _check_shapes(input._data, exponent._data)
            raise NotImplementedError('"pow" not implemented for \'Bool\'')
    if isinstance(exponent, Tensor):
        return call_binary(d.POW_TENSOR, input, exponent)
    if input._dtype.category != 2 and type(exponent) is int and exponent >= 2 ** 63:
        # an integer base reads the exponent as an int64_t
        raise RuntimeError("value cannot be converted to type int64_t without overflow")
    if exponent < 0 and input._dtype.category != 2 \
            and dtypes.result_type(input, exponent).category != 2:
        # the bool base too: pow's kernel runs bool ** int as an integer power
        raise RuntimeError("Integers to negative integer powers are not allowed.")
    if input._dtype.category != 0 and type(exponent) is int:
        dtypes.scalar_to(exponent, input._dtype)  # read as the base's type, checked
    return call_scalar(d.POW_SCALAR, input, exponent)


def float_power(input, exponent):
    for number in (input, exponent):
        if type(number) is int:
            dtypes.check_scalar_int(number)  # the parser reads the Scalar first
    """pow in double precision: PyTorch casts tensor operands to float64 first (so their
    graph has a ToCopyBackward0 under the pow node) and numbers to Python floats."""
    input = input.to(dtypes.float64) if isinstance(input, Tensor) else float(input)
    exponent = exponent.to(dtypes.float64) if isinstance(exponent, Tensor) else float(exponent)
    return pow(input, exponent)


def _scalar_pow(base, exponent):
    """`2 ** x`: a Python number raised to a tensor (PowBackward2)."""
    if isinstance(base, bool) and exponent._dtype.category == 0:
        raise NotImplementedError('"pow" not implemented for \'Bool\'')
    return call_scalar(d.RPOW, exponent, base)


# ---- elementwise functions -------------------------------------------------------------------

def _unary(op):
    def function(input):
        return call_unary(op, tensor_argument(input, op.name))
    function.__name__ = function.__qualname__ = op.name
    return function


exp, log, log1p, sqrt, rsqrt = (_unary(o) for o in (d.EXP, d.LOG, d.LOG1P, d.SQRT, d.RSQRT))
sin, cos, tan, tanh, sigmoid = (_unary(o) for o in (d.SIN, d.COS, d.TAN, d.TANH, d.SIGMOID))
(log2, log10, exp2, expm1, asin, acos, atan, sinh, cosh, asinh, acosh, atanh, erf) = (
    _unary(o) for o in (d.LOG2, d.LOG10, d.EXP2, d.EXPM1, d.ASIN, d.ACOS, d.ATAN, d.SINH,
                        d.COSH, d.ASINH, d.ACOSH, d.ATANH, d.ERF))
arcsin, arccos, arctan, arcsinh, arccosh, arctanh = asin, acos, atan, asinh, acosh, atanh
_abs = _unary(d.ABS)
_sign = _unary(d.SIGN)
_relu = _unary(d.RELU)


def abs(input):
    _not_for_bool(input._dtype, "abs_cpu")
    return _abs(input)


def sign(input):
    if input._dtype.category == 0:
        return input.clone()  # the sign of a bool is itself
    return _sign(input)


def sgn(input):
    if input._dtype.category == 0:
        return input.clone()
    return call_unary(d.SGN, input)


def frac(input):
    if tensor_argument(input, "frac")._dtype.category != 2:
        raise NotImplementedError('"frac_cpu" not implemented for \'%s\'' % input._dtype.scalar_name)
    return call_unary(d.FRAC, input)


def relu(input):
    if tensor_argument(input, "relu")._dtype.category == 0:
        raise RuntimeError("Boolean inputs not supported for relu")
    return _relu(input)


absolute = abs


def _rounding(op):
    def rounding(input, *, decimals=None):
        if decimals is None or decimals == 0:  # decimals != 0: the round_cpu kernel below
            _not_for_bool(input._dtype, op.name + "_vml_cpu")
        if input._dtype.category != 2:
            if decimals is not None:  # round(int, decimals=...) has no integer kernel
                raise NotImplementedError('"round%s_cpu" not implemented for \'%s\''
                                          % ("_vml" if decimals == 0 else "",
                                             input._dtype.scalar_name))
            return input.clone()
        if decimals is not None:  # any explicit decimals is the decimals overload
            return call_unary(d.ROUND_DECIMALS, input, decimals)
        return call_unary(op, input)
    rounding.__name__ = op.name
    return rounding


floor = _rounding(d.FLOOR)
ceil = _rounding(d.CEIL)
round = _rounding(d.ROUND)
trunc = _rounding(d.TRUNC)
fix = trunc


def maximum(input, other):
    tensor_argument(input, "maximum", "input", 1)
    if not isinstance(other, Tensor):
        raise TypeError("maximum(): argument 'other' (position 2) must be Tensor, not %s"
                        % type(other).__name__)
    return call_binary(d.MAXIMUM, input, other)


def minimum(input, other):
    tensor_argument(input, "minimum", "input", 1)
    if not isinstance(other, Tensor):
        raise TypeError("minimum(): argument 'other' (position 2) must be Tensor, not %s"
                        % type(other).__name__)
    return call_binary(d.MINIMUM, input, other)


# ---- comparisons (never differentiable) ---------------------------------------------------------

def _number_first(name, input, other):
    """torch.eq(2, x), torch.fmod(2, x): no overload of these takes a number as `input`."""
    if not isinstance(input, Tensor):
        raise invalid_combination(name, (input, other), overloads=TENSOR_OR_NUMBER_OTHER)


def _compare(ufunc, name):
    def compare(input, other):
        _number_first(name, input, other)
        input, other = _as_tensor_first(input, other)
        ad, bd, _ = promoted(input, other)
        try:
            out = ufunc(ad, bd)
        except ValueError:
            if isinstance(other, Tensor):
                broadcast_shapes(input._data.shape, other._data.shape)
            raise
        return wrap(np.asarray(out), dtypes.bool_)
    compare.__name__ = ufunc.__name__
    return compare


eq = _compare(np.equal, "eq")
ne = _compare(np.not_equal, "ne")
lt = _compare(np.less, "lt")
le = _compare(np.less_equal, "le")
gt = _compare(np.greater, "gt")
ge = _compare(np.greater_equal, "ge")
less, less_equal, greater, greater_equal, not_equal = lt, le, gt, ge, ne


def _logical(ufunc, name):
    def logical(input, other):
        input, other = _as_tensor_first(input, other)
        ad, bd, dtype = promoted(input, other)
        if dtype.category == 2:
            raise NotImplementedError('"%s_cpu" not implemented for \'%s\''
                                      % (name, dtype.scalar_name))
        return wrap(np.asarray(ufunc(ad, bd)), dtype)
    return logical


bitwise_and = _logical(np.bitwise_and, "bitwise_and")
bitwise_or = _logical(np.bitwise_or, "bitwise_or")
bitwise_xor = _logical(np.bitwise_xor, "bitwise_xor")


def _shift(kernel, name):
    def shift(input, other):
        if not isinstance(input, Tensor):  # 1 << x
            input = _scalar_like(_check_operand(input, "self"), other)
        input, other = _as_tensor_first(input, other)
        ad, bd, dtype = promoted(input, other)
        if dtype.category != 1:
            raise NotImplementedError('"%s_cpu" not implemented for \'%s\''
                                      % (name, dtype.scalar_name))
        try:
            out = kernel(ad, bd)
        except ValueError:
            broadcast_shapes(np.shape(ad), np.shape(bd))
            raise
        return wrap(np.asarray(out).astype(dtype.np_dtype, copy=False), dtype)
    shift.__name__ = name
    return shift


def _left_shift(a, b):
    # PyTorch's CPU kernel: a shift by a negative amount or by the width or more gives 0.
    bits = np.dtype(np.result_type(a, b)).itemsize * 8
    out_of_range = (np.asarray(b) < 0) | (np.asarray(b) >= bits)
    return np.where(out_of_range, 0, np.left_shift(a, np.where(out_of_range, 0, b)))


def _right_shift(a, b):
    # Out-of-range shifts fill with the sign bit (a >> (bits - 1)), as PyTorch's kernel does.
    # An unsigned value shifted out of range is 0.
    bits = np.dtype(np.result_type(a, b)).itemsize * 8
    out_of_range = (np.asarray(b) < 0) | (np.asarray(b) >= bits)
    if np.result_type(a, b).kind == "u":
        return np.where(out_of_range, 0, np.right_shift(a, np.where(out_of_range, 0, b)))
    return np.right_shift(a, np.where(out_of_range, bits - 1, b))


bitwise_left_shift = _shift(_left_shift, "lshift")
bitwise_right_shift = _shift(_right_shift, "rshift")


def bitwise_not(input):
    if input._dtype.category == 2:
        raise NotImplementedError('"bitwise_not_cpu" not implemented for \'%s\''
                                  % input._dtype.scalar_name)
    return wrap(np.invert(input._data), input._dtype)


def invert(input):
    """`~x`: torch's Tensor.__invert__ refuses a floating tensor before bitwise_not."""
    if input._dtype.category == 2:
        raise TypeError("~ (operator.invert) is only implemented on integer and Boolean-type "
                        "tensors")
    return bitwise_not(input)


def logical_not(input):
    return wrap(np.logical_not(input._data), dtypes.bool_)


def _logical_binary(ufunc):
    name = ufunc.__name__

    def logical(input, other):
        # Two Tensor parameters: a Python number is refused (the parser's TypeError).
        tensor_argument(input, name, "input", 1)
        tensor_argument(other, name, "other", 2)
        try:
            return wrap(np.asarray(ufunc(input._data, other._data)), dtypes.bool_)
        except ValueError:
            broadcast_shapes(input._data.shape, other._data.shape)
            raise
    logical.__name__ = ufunc.__name__
    return logical


logical_and = _logical_binary(np.logical_and)
logical_or = _logical_binary(np.logical_or)
logical_xor = _logical_binary(np.logical_xor)


def bool_predicate(np_function, name):
    """A torch function testing each element (isnan ...): a bool tensor, never a node."""
    def predicate(input):
        return wrap(np_function(input._data), dtypes.bool_)
    predicate.__name__ = name
    return predicate


isnan = bool_predicate(np.isnan, "isnan")
isinf = bool_predicate(np.isinf, "isinf")
isfinite = bool_predicate(np.isfinite, "isfinite")


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    tensor_argument(input, "isclose", "input", 1)
    tensor_argument(other, "isclose", "other", 2)
    if input._dtype is not other._dtype:  # no type promotion: ATen's TORCH_CHECK
        raise RuntimeError("%s did not match %s" % (input._dtype.scalar_name,
                                                    other._dtype.scalar_name))
    ad, bd, _ = promoted(input, other)
    return wrap(np.asarray(np.isclose(ad, bd, rtol=rtol, atol=atol, equal_nan=equal_nan)),
                dtypes.bool_)


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    tensor_argument(input, "allclose", "input", 1)
    tensor_argument(other, "allclose", "other", 2)
    return bool(isclose(input, other, rtol, atol, equal_nan)._data.all())


def equal(input, other):
    tensor_argument(input, "equal", "input", 1)
    tensor_argument(other, "equal", "other", 2)
    return input._data.shape == other._data.shape and bool(
        np.array_equal(input._data, other._data))
