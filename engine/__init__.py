"""gradrepl's autograd engine: a torch-like namespace on NumPy (imported as `torch` in sessions)."""

import numpy as _np

# Division by zero, overflow and nan are values in PyTorch, never warnings.
_np.seterr(all="ignore")

from . import dtypes as _dtypes
from .dtypes import (Size, get_default_dtype, set_default_dtype,
                     bool_ as bool, uint8, int8, int16, int32, int64, float16, float32, float64)
from .dtypes import DType as dtype
from .type_info import finfo, iinfo
from .cpp_warnings import set_warn_always, is_warn_always_enabled
from .device import device, get_default_device, set_default_device
from .layouts import layout, strided
from .tensor import Tensor
from .grad_mode import (no_grad, enable_grad, set_grad_enabled, is_grad_enabled, inference_mode,
                        is_inference_mode_enabled)
from .anomaly_mode import is_anomaly_enabled, is_anomaly_check_nan_enabled
from .creation import (tensor, as_tensor, from_numpy, ones, zeros, empty, full, ones_like,
                       zeros_like, empty_like, full_like, eye, arange, linspace, logspace,
                       scalar_tensor,
                       FloatTensor, DoubleTensor, HalfTensor, LongTensor, IntTensor,
                       ShortTensor, CharTensor, ByteTensor, BoolTensor)
from .random import (manual_seed, seed, initial_seed, get_rng_state, set_rng_state, rand,
                     randn, randint, randperm, rand_like, randn_like, randint_like, normal,
                     bernoulli, Generator, default_generator)
from .ops_clamp import clamp, clip
from .ops_pointwise import (add, sub, subtract, rsub, mul, multiply, div, divide, true_divide,
                            floor_divide, reciprocal, neg, negative, pow, exp, log, sqrt, sin,
                            cos, tanh, sinh, cosh, sigmoid, relu, abs, absolute, sign, sgn, eq,
                            ne, lt, le, gt,
                            ge, less, less_equal, greater, greater_equal, not_equal,
                            bitwise_and, bitwise_or, bitwise_xor, bitwise_not, logical_not,
                            log1p, rsqrt, tan, floor, ceil, round, trunc, fix, maximum, minimum,
                            remainder, fmod, square, logical_and, logical_or,
                            logical_xor, isnan, isinf, isfinite, isclose, allclose, equal,
                            float_power, bitwise_left_shift, bitwise_right_shift,
                            log2, log10, exp2, expm1, asin, acos, atan, sinh, cosh, asinh, acosh,
                            atanh, arcsin, arccos, arctan, arcsinh, arccosh, arctanh, erf, sgn,
                            frac)
from .ops_reduce import (sum, mean, max, min, argmax, argmin, amax, amin, prod, var, std, norm,
                         logsumexp, softmax, log_softmax, cumsum, any, all, nonzero)
from .ops_linalg import matmul, mm, mv, dot, bmm, outer, ger, addmm
from .ops_shape import (flatten, t, transpose, swapaxes, swapdims, squeeze,
                        unsqueeze, unbind, clone, select, split, chunk, tile)
from .ops_shape import torch_reshape as reshape, torch_permute as permute
from .ops_split import tensor_split, hsplit, vsplit, dsplit, split_with_sizes
from .ops_join import cat, concat, concatenate, stack, narrow
from .ops_select import where
from .ops_gather import gather, index_select, masked_fill, tril, triu, flip
from .ops_index_put import index_put, index_put_
from .ops_scatter import (scatter, scatter_add, index_add, index_fill, index_copy, masked_select,
                          masked_scatter, take, take_along_dim, put)
from .multinomial_sampling import multinomial
from .ops_quantile import quantile, nanquantile, histc
from .ops_sort import sort, argsort, msort, topk, kthvalue, median, mode, unique, bincount
from .ops_stats import (cumprod, cummax, cummin, count_nonzero, nansum, nanmean, aminmax,
                        std_mean, var_mean)
from .ops_layout import (diag, diagonal, diag_embed, trace, roll, movedim, moveaxis, unflatten,
                         atleast_1d, atleast_2d, atleast_3d, hstack, vstack, row_stack, dstack,
                         column_stack, argwhere, meshgrid)
from .ops_einsum import einsum
from .ops_linalg_more import (inverse, det, logdet, slogdet, cholesky, qr, svd, cross,
                              matrix_power, pinverse, kron, trapezoid, trapz)
from .ops_special import (nan_to_num, atan2, arctan2, hypot, lerp, addcmul, addcdiv, logit, xlogy, fmax, fmin,
                          heaviside, signbit, isposinf, isneginf, logaddexp, clamp_min, clamp_max)
from .ops_compose import (repeat_interleave, diff, broadcast_to, ravel, fliplr, flipud, rot90,
                          adjoint, positive, diagflat, block_diag, cartesian_prod, combinations,
                          tril_indices, triu_indices, unravel_index)
from .ops_gamma import (lgamma, digamma, polygamma, mvlgamma, erfc, erfinv, sinc, logaddexp2,
                        logcumsumexp, copysign, deg2rad, rad2deg, gcd, lcm, nextafter, ldexp,
                        frexp, i0, erfc_, sinc_, xlogy_, deg2rad_, rad2deg_, gcd_, lcm_,
                        ldexp_, addmv_, i0_)
from .ops_products import inner, vdot, tensordot, addmv, addr, baddbmm, addbmm
from .ops_statistics import (cov, corrcoef, dist, nanmedian, searchsorted, bucketize, isin,
                             unique_consecutive)
from .ops_cdist import cdist
from .ops_convert import is_tensor, is_floating_point, result_type
from .nn.activations import (selu, selu_, celu, celu_, rrelu, rrelu_, threshold, threshold_,
                             hardshrink, prelu, relu_, sigmoid_)
from .nn.losses import pdist, pairwise_distance
from .nn.functional_more import cosine_similarity
from .tensor_queries import (is_complex, is_nonzero, is_signed, is_same_size, numel,
                             is_storage, typename, promote_types, can_cast)
from .broadcasting import broadcast_shapes, broadcast_tensors
from .tensor_str import set_printoptions
from . import autograd
from . import nn
from . import optim
from . import linalg
from . import cuda
from . import backends
from . import special
from . import opspec as _opspec
from . import formula_helpers as _formula_helpers
from . import formula_helpers_more as _formula_helpers_more
from . import formula_helpers_index as _formula_helpers_index
from . import formula_helpers_nn as _formula_helpers_nn
from . import formula_helpers_special as _formula_helpers_special
from . import linalg_backward as _linalg_backward
from . import tensor_methods as _tensor_methods

_tensor_methods.install()
from . import numpy_names as _numpy_names
_numpy_names.install(globals(), Tensor)
_opspec.FORMULA_NAMESPACE.update(
    {k: v for k, v in vars(_formula_helpers).items() if not k.startswith("__")})
_opspec.FORMULA_NAMESPACE.update(
    {k: v for k, v in vars(_formula_helpers_more).items() if not k.startswith("__")})
_opspec.FORMULA_NAMESPACE.update(
    {k: v for k, v in vars(_formula_helpers_index).items() if not k.startswith("__")})
_opspec.FORMULA_NAMESPACE.update(
    {k: v for k, v in vars(_formula_helpers_nn).items() if not k.startswith("__")})
_opspec.FORMULA_NAMESPACE.update(
    {k: v for k, v in vars(_formula_helpers_special).items() if not k.startswith("__")})
_opspec.FORMULA_NAMESPACE.update(
    {k: v for k, v in vars(_linalg_backward).items() if not k.startswith("_")})
_opspec.FORMULA_NAMESPACE.update({"where": where, "zeros": zeros, "linalg_cross": linalg.cross})

# torch's constants (torch/__init__.py re-exports math's, and newaxis = None).
from math import pi, e, inf, nan
newaxis = None

float = float32
double = float64
half = float16
long = int64
int = int32
short = int16

__version__ = "2.13.0+gradrepl"

from . import out_arg as _out_arg
_out_arg.install(globals())
from . import parser_signatures as _parser_signatures
_parser_signatures.install(globals(), Tensor)
from . import callable_reprs as _callable_reprs
_callable_reprs.install(globals(), Tensor, nn.functional)

# The names a session's `torch` exposes: everything public above, nothing imported by the way.
__all__ = sorted(
    name for name, value in list(globals().items())
    if not name.startswith("_")
    and (not isinstance(value, type(_np))
         or name in ("autograd", "nn", "optim", "linalg", "cuda", "backends", "random",
                     "special"))
)
