"""The gamma family and other special functions as torch functions: lgamma, digamma,
polygamma, mvlgamma, erfc, erfinv, sinc, logaddexp2, logcumsumexp, copysign,
deg2rad/rad2deg, gcd/lcm, nextafter, ldexp, frexp, the Bessel i0 (i0e, i1, i1e in
torch.special), special_entr, xlog1py, zeta; and torch.X_, the in-place methods as torch
functions (torch.erfc_, torch.addmv_ ...)."""

import numpy as np

from . import derivatives as d
from . import dtypes
from .dispatch import call, call_binary, call_scalar, call_unary
from .ops_pointwise import _NUMBER, _unary
from .return_types import return_type
from .shape_util import wrap_dim
from .size_args import int_arg
from .tensor import Tensor, wrap
from .tensor_queries import TENSOR_OR_NUMBER_OTHER, invalid_combination


# One tensor in, the op's node out (torch.lgamma(2.0) is the parser's TypeError).
(lgamma, digamma, erfc, erfinv, sinc, deg2rad, rad2deg, special_entr, i0, special_i0e, special_i1,
 special_i1e) = (_unary(op) for op in (d.LGAMMA, d.DIGAMMA, d.ERFC, d.ERFINV, d.SINC, d.DEG2RAD,
                                       d.RAD2DEG, d.SPECIAL_ENTR, d.I0, d.SPECIAL_I0E,
                                       d.SPECIAL_I1, d.SPECIAL_I1E))


def _not_implemented(kernel, dtype):
    return NotImplementedError('"%s" not implemented for \'%s\'' % (kernel, dtype.scalar_name))


def _tensor_argument(function, name, position, value):
    if not isinstance(value, Tensor):
        raise TypeError("%s(): argument '%s' (position %d) must be Tensor, not %s"
                        % (function, name, position, type(value).__name__))


def polygamma(n, input):
    n = int_arg("polygamma", "n", 1, n)
    if n < 0:
        raise RuntimeError("polygamma(n, x) does not support negative n.")
    return call_unary(d.POLYGAMMA, input, n)


def polygamma_method(self, n):
    return polygamma(n, self)


def polygamma_inplace_of(self, n):
    """What x.polygamma_(n) writes back: its node is PolygammaBackward1."""
    polygamma(n, self)  # the argument checks
    return call_unary(d.POLYGAMMA_INPLACE, self, n)


def mvlgamma(input, p):
    p = int_arg("mvlgamma", "p", 2, p)
    if input._dtype is dtypes.bool_:
        raise RuntimeError("The input tensor may not be a boolean tensor.")
    if p < 1:
        raise RuntimeError("p has to be greater than or equal to 1")
    return call_unary(d.MVLGAMMA, input, p)


def _floating_binary(name, op):
    """A binary op of two tensors with a floating kernel only (`name`_cpu)."""
    def function(input, other):
        _tensor_argument(name, "input", 1, input)
        _tensor_argument(name, "other", 2, other)
        dtype = dtypes.result_type(input, other)
        if dtype.category != 2:
            raise _not_implemented(name + "_cpu", dtype)
        return call_binary(op, input, other)
    function.__name__ = name
    return function


logaddexp2 = _floating_binary("logaddexp2", d.LOGADDEXP2)
nextafter = _floating_binary("nextafter", d.NEXTAFTER)


def logcumsumexp(input, dim):
    dim = wrap_dim(int_arg("logcumsumexp", "dim", 2, dim), input._data.ndim)
    if input._dtype.category != 2:
        raise _not_implemented("logcumsumexp_out_cpu", input._dtype)
    return call_unary(d.LOGCUMSUMEXP, input, dim)


def copysign(input, other):
    if not isinstance(input, Tensor):
        raise invalid_combination("copysign", (input, other), overloads=TENSOR_OR_NUMBER_OTHER)
    if isinstance(other, Tensor):
        return call_binary(d.COPYSIGN, input, other)
    if not isinstance(other, _NUMBER):
        raise TypeError("copysign(): argument 'other' (position 2) must be Number, not %s"
                        % type(other).__name__)
    return call_scalar(d.COPYSIGN_SCALAR, input, other)


def _integer_binary(name, ufunc):
    def function(input, other):
        _tensor_argument(name, "input", 1, input)
        _tensor_argument(name, "other", 2, other)
        dtype = dtypes.result_type(input, other)
        if dtype.category != 1 or dtype is dtypes.bool_:
            raise _not_implemented(name + "_cpu", dtype)
        a, b = input._data.astype(dtype.np_dtype), other._data.astype(dtype.np_dtype)
        return wrap(np.asarray(ufunc(a, b), dtype=dtype.np_dtype), dtype)
    function.__name__ = name
    return function


gcd = _integer_binary("gcd", np.gcd)
lcm = _integer_binary("lcm", np.lcm)


def ldexp(input, other):
    """input * 2 ** other, in input's floating dtype (the default one for integers)."""
    _tensor_argument("ldexp", "input", 1, input)
    _tensor_argument("ldexp", "other", 2, other)
    if other._dtype is dtypes.bool_ and input._dtype.category == 2:
        # (an integer or bool input is made floating first, and takes a bool exponent)
        raise _not_implemented("ldexp_cpu_exp", other._dtype)
    dtype = dtypes.result_type(input, other)
    if dtype.category != 2:
        dtype = dtypes.get_default_dtype()
    return call(d.LDEXP, (input, other), (dtype.np_dtype,), dtype)


return_frexp = return_type("frexp", ("mantissa", "exponent"))


def frexp(input):
    if input._dtype.category != 2:
        raise RuntimeError("torch.frexp() only supports floating-point dtypes")
    return return_frexp(*call(d.FREXP, (input,)))


def _scalar_or_tensor_binary(name, op, scalar_self, scalar_other):
    """special_xlog1py / special_zeta: a Python number on either side is a Scalar argument
    (nodes ...Backward1 / ...Backward2), as for xlogy."""
    def function(input, other):
        if not isinstance(input, Tensor):
            if not isinstance(other, Tensor):
                raise TypeError("%s(): argument 'self' (position 1) must be Tensor, not %s"
                                % (name, type(input).__name__))
            return call_scalar(scalar_self, other, input)
        if not isinstance(other, Tensor):
            return call_scalar(scalar_other, input, other)
        return call_binary(op, input, other)
    function.__name__ = name
    return function


special_xlog1py = _scalar_or_tensor_binary("special_xlog1py", d.SPECIAL_XLOG1PY,
                                           d.SPECIAL_XLOG1PY_SCALAR_SELF,
                                           d.SPECIAL_XLOG1PY_SCALAR_OTHER)
special_zeta = _scalar_or_tensor_binary("special_zeta", d.SPECIAL_ZETA,
                                        d.SPECIAL_ZETA_SCALAR_SELF, d.SPECIAL_ZETA_SCALAR_OTHER)


def _torch_inplace(name):
    """torch.X_(input, ...): the Tensor method X_ (torch.erfc_, torch.gcd_ ...)."""
    def function(input, *args, **kwargs):
        return getattr(input, name)(*args, **kwargs)
    function.__name__ = name
    return function


(erfc_, sinc_, xlogy_, deg2rad_, rad2deg_, gcd_, lcm_, ldexp_, addmv_, i0_) = (
    _torch_inplace(name) for name in
    ("erfc_", "sinc_", "xlogy_", "deg2rad_", "rad2deg_", "gcd_", "lcm_", "ldexp_", "addmv_",
     "i0_"))
