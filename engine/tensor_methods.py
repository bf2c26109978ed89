"""Tensor methods and Python operators, bound to the torch functions that implement them."""

import numbers
import re

import numpy as np

from . import creation
from . import derivatives as d
from .dispatch import binary_forward, half_scalar
from . import dtypes
from .dtypes import float16, float64
from .grad_mode import IN_FORMULA
from . import inplace
from . import inplace_view
from . import ops_compose as cmp
from . import ops_convert as conv
from . import ops_gamma as gam
from . import ops_index
from . import ops_index_put as iput
from . import ops_scatter as sct
from . import ops_split as spl
from . import ops_gather as gat
from . import ops_join as join
from . import ops_linalg as la
from . import ops_linalg_more as lam
from . import ops_clamp as clp
from . import ops_pointwise as pw
from . import ops_products as prd
from . import ops_quantile as qnt
from . import ops_reduce as red
from . import ops_select as sel
from . import ops_layout as lay
from . import ops_shape as shp
from . import ops_sort as srt
from . import ops_statistics as stat
from . import ops_special as spc
from . import ops_stats as sts
from . import random as rnd
from . import multinomial_sampling as mnl
from . import autograd_hooks
from .tensor import Tensor
from .nn import activations as act

# x.name(...) is torch.name(x, ...) for each of these.
_SAME_AS_FUNCTION = {
    pw: ("add sub subtract mul multiply div divide true_divide floor_divide pow neg negative "
         "reciprocal exp log sqrt sin cos tanh sinh cosh sigmoid relu abs absolute sign sgn log1p "
         "rsqrt tan floor ceil round trunc fix maximum minimum remainder fmod square "
         "logical_and logical_or logical_xor isnan isinf isfinite isclose allclose equal "
         "eq ne lt le gt ge less less_equal greater greater_equal not_equal "
         "bitwise_and bitwise_or bitwise_xor bitwise_not logical_not float_power "
         "bitwise_left_shift bitwise_right_shift log2 log10 exp2 expm1 asin acos atan sinh cosh "
         "asinh acosh atanh arcsin arccos arctan arcsinh arccosh arctanh erf sgn frac"),
    red: ("sum mean max min argmax argmin amax amin prod var std norm logsumexp softmax "
          "log_softmax cumsum any all nonzero"),
    la: "matmul mm mv dot bmm outer ger addmm",
    lam: "inverse det logdet slogdet cholesky qr svd cross matrix_power pinverse kron",
    shp: ("view view_as reshape reshape_as flatten expand expand_as sum_to_size contiguous "
          "clone t transpose swapaxes swapdims permute squeeze unsqueeze unbind select repeat "
          "split chunk tile is_contiguous stride storage_offset"),
    join: "narrow",
    gat: "gather index_select masked_fill tril triu flip",
    iput: "index_put index_put_",
    spl: "split_with_sizes tensor_split hsplit vsplit dsplit",
    sct: ("scatter scatter_add index_add index_fill index_copy masked_select masked_scatter take "
          "take_along_dim put"),
    conv: "to type_as cpu cuda double half long short char byte",
    creation: "new_zeros new_ones new_empty new_full new_tensor new",
    rnd: "uniform_ normal_ random_ bernoulli_ bernoulli exponential_",
    mnl: "multinomial",
    qnt: "quantile nanquantile histc",
    srt: "msort topk kthvalue median mode unique bincount",
    lay: "diag diagonal diag_embed trace roll movedim moveaxis unflatten argwhere",
    spc: ("nan_to_num atan2 arctan2 hypot lerp addcmul addcdiv logit xlogy fmax fmin heaviside signbit isposinf "
          "isneginf logaddexp clamp_min clamp_max"),
    sts: "cumprod cummax cummin count_nonzero nansum nanmean aminmax",
    cmp: "diff broadcast_to ravel fliplr flipud adjoint positive diagflat",
    gam: ("lgamma digamma mvlgamma erfc erfinv sinc logaddexp2 logcumsumexp copysign deg2rad "
          "rad2deg gcd lcm nextafter ldexp frexp i0"),
    prd: "inner vdot addmv addr baddbmm addbmm",
    stat: "cov corrcoef dist nanmedian unique_consecutive",
}

_RENAMED = {"float": conv.float_, "int": conv.int_, "bool": conv.bool_,
            "clamp": clp.clamp, "clip": clp.clip, "clamp_": clp.clamp_, "sort": srt.sort_method, "argsort": srt.argsort_method, "clip_": clp.clip_,
            "zero_": inplace.zero_, "fill_": inplace.fill_, "copy_": inplace.copy_,
            "prelu": act.prelu, "polygamma": gam.polygamma_method,
            "repeat_interleave": cmp.repeat_interleave_method, "rot90": cmp.rot90_method, "hardshrink": act.hardshrink}

# x.name_(...) writes torch.name(x, ...) back into x.
_INPLACE_OF = {"masked_fill_": gat.masked_fill, "tril_": gat.tril, "triu_": gat.triu,
               "nan_to_num_": spc.nan_to_num, "atan2_": spc.atan2, "arctan2_": spc.arctan2,
               "hypot_": spc.hypot, "lerp_": spc.lerp, "addcmul_": spc.addcmul,
               "addcdiv_": spc.addcdiv, "logit_": spc.logit, "xlogy_": spc.xlogy,
               "clamp_min_": spc.clamp_min,
               "clamp_max_": spc.clamp_max, "cumprod_": sts.cumprod,
               "scatter_": sct.scatter, "scatter_add_": sct.scatter_add,
               "index_add_": sct.index_add, "index_fill_": sct.index_fill,
               "index_copy_": sct.index_copy, "masked_scatter_": sct.masked_scatter,
               "put_": sct.put, "lgamma_": gam.lgamma, "digamma_": gam.digamma,
               "polygamma_": gam.polygamma_inplace_of, "mvlgamma_": gam.mvlgamma,
               "erfc_": gam.erfc, "erfinv_": gam.erfinv, "sinc_": gam.sinc,
               "copysign_": gam.copysign, "deg2rad_": gam.deg2rad, "rad2deg_": gam.rad2deg,
               "gcd_": gam.gcd, "lcm_": gam.lcm, "addmv_": prd.addmv, "addr_": prd.addr,
               "baddbmm_": prd.baddbmm, "addbmm_": prd.addbmm, "nextafter_": gam.nextafter,
               "ldexp_": gam.ldexp, "i0_": gam.i0}
_INPLACE_OF.update({"remainder_": pw.remainder, "fmod_": pw.fmod,
                    "bitwise_and_": pw.bitwise_and, "bitwise_or_": pw.bitwise_or,
                    "bitwise_xor_": pw.bitwise_xor,
                    "bitwise_left_shift_": pw.bitwise_left_shift,
                    "bitwise_right_shift_": pw.bitwise_right_shift,
                    "logical_and_": pw.logical_and, "logical_or_": pw.logical_or,
                    "logical_xor_": pw.logical_xor})
# Ops whose kernel refuses some dtypes: in place, the cast of the common dtype into the
# output is checked first (as TensorIterator does), so it is that error which shows.
# (Of these, the ones without a Scalar overload take a number as the parser's TypeError.)
_TENSOR_ONLY = frozenset((spc.hypot, spc.logaddexp, gam.nextafter, gam.gcd, gam.lcm))
_CAST_CHECKED_FIRST = _TENSOR_ONLY | frozenset((
    pw.bitwise_and, pw.bitwise_or, pw.bitwise_xor, pw.bitwise_left_shift,
    pw.bitwise_right_shift, pw.remainder, pw.fmod))
_INPLACE = ("add sub mul div pow neg reciprocal exp log sqrt sin cos tanh sigmoid relu abs "
            "sign floor_divide true_divide log1p rsqrt tan floor ceil round trunc log2 log10 "
            "exp2 expm1 asin acos atan sinh cosh asinh acosh atanh erf sgn frac square")


def _inplace_method(function):
    cast_first = function in _CAST_CHECKED_FIRST
    name = function.__name__

    def method(self, *args, **kwargs):
        if cast_first and args and (isinstance(args[0], Tensor) or function not in _TENSOR_ONLY):
            inplace.check_common_dtype_castable(self, args[0])
        try:
            return inplace.apply_inplace(self, function, *args, **kwargs)
        except TypeError as error:
            raise _as_method_error(error, name, name + "_") from None
    method.__name__ = name + "_"
    return method


# Methods whose parser errors name a Tensor argument by position: as methods, self is not
# counted (x.maximum(2): 'other' (position 1)); the hot arithmetic ones are left unwrapped.
_COUNTED_WITHOUT_SELF = ("maximum minimum fmax fmin atan2 arctan2 hypot logaddexp logaddexp2 "
                         "nextafter gcd lcm heaviside isclose allclose equal logical_and "
                         "logical_or logical_xor ldexp addcmul addcdiv")


def _method_of(function, name):
    def method(self, *args, **kwargs):
        try:
            return function(self, *args, **kwargs)
        except TypeError as error:
            raise _as_method_error(error, name, name) from None
    method.__name__ = method.__qualname__ = name
    return method


_PARSER_ARGUMENT = re.compile(r"^(\w+)\(\): argument '(\w+)' \(position (\d+)\)")


def _as_method_error(error, name, method_name):
    """The parser's "name(): argument 'other' (position 2) ..." as the method x.name(...)
    or x.name_(...) reports it: self is not among its arguments."""
    text = str(error)
    match = _PARSER_ARGUMENT.match(text)
    if match is None or match.group(1) != name or match.group(3) == "1":
        return error
    return TypeError("%s(): argument '%s' (position %d)%s" % (
        method_name, match.group(2), int(match.group(3)) - 1, text[match.end():]))


def _float_power_(self, exponent):
    # float_power computes in double: only a double tensor can take its result in place.
    if type(exponent) is int:
        dtypes.check_scalar_int(exponent)  # the parser reads the Scalar first
    if self._dtype is not float64:
        raise RuntimeError("the base given to float_power_ has dtype %s but the operation's "
                           "result requires dtype Double" % self._dtype.scalar_name)
    return inplace.apply_inplace(self, pw.float_power, exponent)


_OPERAND_TYPES = frozenset((Tensor, float, int, bool))


def _number_or_tensor(other):
    if type(other) in _OPERAND_TYPES:  # the common case, without ABC isinstance checks
        return True
    return isinstance(other, (Tensor, numbers.Number, np.bool_)) and not isinstance(
        other, complex)


def _binary_operator(function):
    # NotImplemented lets Python raise its own TypeError for `x + "a"`, as PyTorch does.
    def operator(self, other):
        if type(other) in _OPERAND_TYPES or _number_or_tensor(other):
            return function(self, other)
        return NotImplemented
    return operator


_EXACT_INT = 2 ** 53  # ints a float64 holds exactly: no overflow or range check needed


def _arithmetic_operator(op, function):
    """x + y, x * y ...: float operands of one dtype go straight to the op's forward (the
    hot path of every experiment); anything else takes the function's argument handling."""
    def operator(self, other):
        dtype = self._dtype
        if dtype.category == 2:
            if type(other) is float:
                return binary_forward(op, self, other, self._data, other if dtype is not float16
                                      else half_scalar(other), dtype)
            if type(other) is Tensor and other._dtype is dtype:
                return binary_forward(op, self, other, self._data, other._data, dtype)
            if type(other) is int and dtype.itemsize >= 4 and -_EXACT_INT <= other <= _EXACT_INT:
                # x * 2: the float tensor's dtype, the int as that dtype's number (promoted()).
                return binary_forward(op, self, other, self._data, dtype.np_dtype.type(other),
                                      dtype)
        if type(other) in _OPERAND_TYPES or _number_or_tensor(other):
            return function(self, other)
        return NotImplemented
    return operator


def _augmented(function):
    cast_first = function in _CAST_CHECKED_FIRST

    def operator(self, other):
        if not _number_or_tensor(other):
            return NotImplemented
        if cast_first:
            inplace.check_common_dtype_castable(self, other)
        return inplace.apply_inplace(self, function, other)
    return operator


def _reflected(function):
    # `3 % x`: the function takes the Python number first, as torch.remainder(3, x) does.
    def operator(self, other):
        if not _number_or_tensor(other):
            return NotImplemented
        return function(other, self)
    return operator


def _rtruediv(self, other):
    # PyTorch's Tensor.__rtruediv__ is self.reciprocal() * other (so: MulBackward0); with
    # an ndarray that `*` is NumPy's (ndarray.__rmul__), as in torch.
    if isinstance(other, np.ndarray):
        return pw.reciprocal(self) * other
    if not _number_or_tensor(other):
        return NotImplemented
    if IN_FORMULA.active and not isinstance(other, Tensor):
        return pw.div(_filled_like(self, other), self)
    return pw.mul(pw.reciprocal(self), other)


def _filled_like(tensor, number):
    """A formula's `2 / t` or `1 - t` is C++'s Scalar-first operator (ATen's
    TensorOperators.h): empty_like(t).fill_(number), then the op with t, so its node has
    no edge for the number (SubBackward0(None, ...), DivBackward0(None, ...))."""
    return creation.full_like(tensor, number)


def _eq(self, other):
    # torch's `x == ndarray` compares with the array as a tensor (`!=` and the others
    # decline it: NumPy's reflected comparison defers back, and Python decides).
    if isinstance(other, np.ndarray):
        other = creation.as_tensor(other)
    if type(other) in _OPERAND_TYPES or _number_or_tensor(other):
        return pw.eq(self, other)
    return NotImplemented


def _rpow(self, other):
    if not _number_or_tensor(other):
        return NotImplemented
    return pw.pow(other, self)


def _rsub(self, other):
    if not _number_or_tensor(other):
        return NotImplemented
    if IN_FORMULA.active and not isinstance(other, Tensor):
        return pw.sub(_filled_like(self, other), self)
    return pw.rsub(self, other)


def _where_method(self, condition, other):
    return sel.where(condition, self, other)


def install():
    for module, names in _SAME_AS_FUNCTION.items():
        for name in names.split():
            setattr(Tensor, name, getattr(module, name))
    for name, function in _RENAMED.items():
        setattr(Tensor, name, function)
    for name in _COUNTED_WITHOUT_SELF.split():
        setattr(Tensor, name, _method_of(getattr(Tensor, name), name))
    for name in _INPLACE.split():
        setattr(Tensor, name + "_", _inplace_method(getattr(pw, name)))
    for name, function in _INPLACE_OF.items():
        setattr(Tensor, name, _inplace_method(function))
    Tensor.where = _where_method
    Tensor.float_power_ = _float_power_
    for name in ("t_", "transpose_", "squeeze_", "unsqueeze_"):
        setattr(Tensor, name, getattr(inplace_view, name))
    Tensor.swapdims_ = Tensor.swapaxes_ = inplace_view.transpose_
    Tensor.register_post_accumulate_grad_hook = autograd_hooks.add_post_accumulate_grad_hook
    Tensor.T = property(shp.matrix_transpose)
    Tensor.mT = property(shp.matrices_transpose)
    Tensor.mH = property(lambda self: shp.matrices_transpose(self, "mH"))
    Tensor.H = property(shp.adjoint_2d)
    _refuse_writes_to_read_only_properties()

    operators = {
        "__add__": pw.add, "__radd__": pw.add, "__sub__": pw.sub, "__mul__": pw.mul,
        "__rmul__": pw.mul, "__truediv__": pw.div, "__pow__": pw.pow,
        "__floordiv__": pw.floor_divide, "__eq__": pw.eq, "__ne__": pw.ne, "__lt__": pw.lt,
        "__le__": pw.le, "__gt__": pw.gt, "__ge__": pw.ge, "__and__": pw.bitwise_and,
        "__rand__": pw.bitwise_and, "__or__": pw.bitwise_or, "__ror__": pw.bitwise_or,
        "__xor__": pw.bitwise_xor, "__rxor__": pw.bitwise_xor,
        "__lshift__": pw.bitwise_left_shift, "__rshift__": pw.bitwise_right_shift,
    }
    for name, function in operators.items():
        setattr(Tensor, name, _binary_operator(function))
    for name, op, function in (("__add__", d.ADD, pw.add), ("__radd__", d.ADD, pw.add),
                               ("__sub__", d.SUB, pw.sub), ("__mul__", d.MUL, pw.mul),
                               ("__rmul__", d.MUL, pw.mul), ("__truediv__", d.DIV, pw.div)):
        setattr(Tensor, name, _arithmetic_operator(op, function))
    Tensor.__rsub__ = _rsub
    Tensor.__eq__ = _eq
    Tensor.__mod__ = _binary_operator(pw.remainder)
    Tensor.__rmod__ = _reflected(pw.remainder)
    Tensor.__rfloordiv__ = _reflected(pw.floor_divide)
    Tensor.__rlshift__ = _reflected(pw.bitwise_left_shift)
    Tensor.__rrshift__ = _reflected(pw.bitwise_right_shift)
    Tensor.__rtruediv__ = _rtruediv
    Tensor.__rpow__ = _rpow
    # torch wraps matmul's TypeError into NotImplemented: `x @ 2` is Python's own TypeError.
    Tensor.__matmul__ = lambda self, other: la.matmul(self, other) if isinstance(
        other, Tensor) else NotImplemented
    Tensor.__rmatmul__ = lambda self, other: la.matmul(other, self) if isinstance(
        other, Tensor) else NotImplemented
    Tensor.__neg__ = pw.neg
    Tensor.__pos__ = lambda self: self
    Tensor.__abs__ = pw.abs
    Tensor.__invert__ = pw.invert
    Tensor.__getitem__ = ops_index.getitem
    Tensor.__setitem__ = ops_index.setitem
    for name, function in {"__iadd__": pw.add, "__isub__": pw.sub, "__imul__": pw.mul,
                           "__itruediv__": pw.div, "__ipow__": pw.pow,
                           "__ifloordiv__": pw.floor_divide, "__imod__": pw.remainder,
                           "__iand__": pw.bitwise_and,
                           "__ior__": pw.bitwise_or, "__ixor__": pw.bitwise_xor,
                           "__ilshift__": pw.bitwise_left_shift,
                           "__irshift__": pw.bitwise_right_shift}.items():
        setattr(Tensor, name, _augmented(function))


def _refuse_writes_to_read_only_properties():
    """x.shape = ..., x.grad_fn = ...: PyTorch's getters without a setter are C getsets of
    TensorBase, which refuse with CPython's message for them."""
    for name, attribute in list(vars(Tensor).items()):
        if isinstance(attribute, property) and attribute.fset is None:
            setattr(Tensor, name, attribute.setter(_not_writable(name)))


def _not_writable(name):
    def refuse(self, value):
        raise AttributeError("attribute '%s' of 'torch._C.TensorBase' objects is not writable"
                             % name)
    return refuse
