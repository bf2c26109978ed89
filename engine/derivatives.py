"""THE table: every differentiable op, its forward kernel, node name and gradient formulas.

One rule a line, in the vocabulary of PyTorch's tools/autograd/derivatives.yaml:
`grad` is the gradient of the output, `result` the output, `self`/`other`/... the
inputs, `self_sizes` an input's shape. Formulas are written with engine ops, so a
backward pass run with create_graph=True is itself recorded and differentiates
again. Broadcast gradients are summed back to their input's shape by the backward
walk (autograd.py), never here.
"""

import numpy as np

from . import kernels as k
from . import kernels_layout as kl
from . import kernels_linalg as kla
from . import kernels_nn as kn
from . import kernels_scatter as ksc
from . import kernels_softmax as ksm
from . import kernels_sort as ks
from . import kernels_variance as kv
from . import kernels_special as kx
from .opspec import op, FLOAT, PROMOTE, TRUE_DIV, CUSTOM


# ---- arithmetic ---------------------------------------------------------------------
ADD = op("add", "AddBackward0", "self, other", np.add, PROMOTE, self="grad", other="grad")
ADD_ALPHA = op("add", "AddBackward0", "self, other; alpha", k.add_alpha, PROMOTE,
               self="grad", other="grad * alpha")
SUB = op("sub", "SubBackward0", "self, other", np.subtract, PROMOTE, self="grad", other="-grad")
SUB_ALPHA = op("sub", "SubBackward0", "self, other; alpha", k.sub_alpha, PROMOTE,
               self="grad", other="-grad * alpha")
RSUB = op("rsub", "RsubBackward1", "self; other", k.rsub_scalar, PROMOTE, self="-grad")
MUL = op("mul", "MulBackward0", "self, other", np.multiply, PROMOTE,
         self="grad * other", other="grad * self")
DIV = op("div", "DivBackward0", "self, other", np.true_divide, TRUE_DIV,
         self="grad / other", other="-grad * ((self / other) / other)")
# Inside gradient formulas a Python number is a Scalar argument, as in PyTorch's C++
# formulas: `grad * 2` there is MulBackward1 (one input), while a user's `x * 2` wraps
# the 2 as a tensor (MulBackward0). Only visible in create_graph=True graphs.
ADD.scalar_variant = op("add", "AddBackward1", "self; other", np.add, self="grad")
SUB.scalar_variant = op("sub", "SubBackward1", "self; other", np.subtract, self="grad")
MUL.scalar_variant = op("mul", "MulBackward1", "self; other", np.multiply, self="grad * other")
DIV.scalar_variant = op("div", "DivBackward1", "self; other", np.true_divide, TRUE_DIV,
                        self="grad / other")
NEG = op("neg", "NegBackward0", "self", np.negative, self="-grad")
POW_SCALAR = op("pow", "PowBackward0", "self; exponent", k.pow_scalar,
                self="pow_backward(grad, self, exponent)")
POW_TENSOR = op("pow", "PowBackward1", "self, exponent", k.power, PROMOTE,
                self="pow_backward_self(grad, self, exponent)",
                exponent="pow_backward_exponent(grad, self, exponent, result)")
RPOW = op("pow", "PowBackward2", "exponent; self", k.scalar_pow,
          exponent="pow_backward_exponent(grad, self, exponent, result)")
# A Python number as `other` is a Scalar argument here (one input), not a wrapped tensor.
REMAINDER_SCALAR = op("remainder", "RemainderBackward0", "self; other", k.remainder,
                      self="grad")
REMAINDER = op("remainder", "RemainderBackward1", "self, other", k.remainder, PROMOTE,
               self="grad", other="-grad * self.div(other, rounding_mode='floor')")
FMOD_SCALAR = op("fmod", "FmodBackward0", "self; other", np.fmod, self="grad")
FMOD = op("fmod", "FmodBackward1", "self, other", np.fmod, PROMOTE,
          self="grad", other="-grad * self.div(other, rounding_mode='trunc')")
DIV_ROUNDED = op("div", "DivBackward2", "self, other; rounding_mode", None, PROMOTE,
                 self="grad * 0", other="grad * 0")
# Ops PyTorch gives no derivative: their results still require grad, and backward says so.
FLOOR_DIVIDE = op("floor_divide", "NotImplemented", "self, other", None, PROMOTE,
                  self="not_implemented('aten::floor_divide')",
                  other="not_implemented('aten::floor_divide')")
FLOOR_DIVIDE_SCALAR = op("floor_divide", "NotImplemented", "self; other", None,
                         self="not_implemented('aten::floor_divide')")
REMAINDER_OF_SCALAR = op("remainder", "NotImplemented", "other; self", None,
                         other="not_implemented('aten::remainder')")
RECIPROCAL = op("reciprocal", "ReciprocalBackward0", "self", np.reciprocal, FLOAT,
                self="-grad * (result * result)")

# ---- elementwise functions ------------------------------------------------------------
EXP = op("exp", "ExpBackward0", "self", k.exp, FLOAT, self="grad * result")
LOG = op("log", "LogBackward0", "self", k.log, FLOAT, self="grad / self")
SQRT = op("sqrt", "SqrtBackward0", "self", np.sqrt, FLOAT, self="grad / (2 * result)")
SIN = op("sin", "SinBackward0", "self", k.sin, FLOAT, self="grad * self.cos()")
COS = op("cos", "CosBackward0", "self", k.cos, FLOAT, self="grad * -self.sin()")
TANH = op("tanh", "TanhBackward0", "self", k.tanh, FLOAT,
          self="tanh_backward(grad, result)")
SIGMOID = op("sigmoid", "SigmoidBackward0", "self", k.sigmoid, FLOAT,
             self="sigmoid_backward(grad, result)")
RELU = op("relu", "ReluBackward0", "self", k.relu, self="threshold_backward(grad, result, 0)")
LEAKY_RELU = op("leaky_relu", "LeakyReluBackward0", "self; negative_slope", k.leaky_relu,
                self="leaky_relu_backward(grad, self, negative_slope)")
SOFTPLUS = op("softplus", "SoftplusBackward0", "self; beta, threshold", k.softplus,
              self="softplus_backward(grad, self, beta, threshold)")
GELU = op("gelu", "GeluBackward0", "self; approximate", k.gelu,
          self="gelu_backward(grad, self, approximate)")
# silu's derivative is recorded op by op (infinitely_differentiable_silu_backward)
SILU = op("silu", "SiluBackward0", "self", k.silu, self="silu_backward(grad, self)")
ABS = op("abs", "AbsBackward0", "self", np.abs, self="grad * self.sgn()")
SGN = op("sgn", "SgnBackward0", "self", k.sign, self="zeros_like(grad)")

# ---- reductions -----------------------------------------------------------------------
SUM = op("sum", "SumBackward0", "self", k.sum_all, self="grad.expand(self_sizes)")
SUM_DIM = op("sum", "SumBackward1", "self; dim, keepdim", k.sum_dim,
             self="reduce_backward(grad, self_sizes, dim, keepdim)")
MEAN = op("mean", "MeanBackward0", "self", k.mean_all, FLOAT,
          self="grad.expand(self_sizes) / numel_of(self_sizes)")
MEAN_DIM = op("mean", "MeanBackward1", "self; dim, keepdim", k.mean_dim, FLOAT,
              self="reduce_backward(grad, self_sizes, dim, keepdim) / count_of(self_sizes, dim)")

# ---- shape ----------------------------------------------------------------------------
VIEW = op("view", "ViewBackward0", "self; size", k.reshape_view, self="grad.reshape(self_sizes)")
EXPAND = op("expand", "ExpandBackward0", "self; size", k.expand,
            self="grad.sum_to_size(self_sizes)")
RESHAPE_ALIAS = op("_reshape_alias", "ReshapeAliasBackward0", "self; size", k.reshape_view,
                   self="grad.reshape(self_sizes)")
RESHAPE_COPY = op("reshape", "UnsafeViewBackward0", "self; size", k.reshape_copy,
                  self="grad.reshape(self_sizes)")
CLONE = op("clone", "CloneBackward0", "self", k.clone, self="grad")
CLONE_CONTIGUOUS = op("contiguous", "CloneBackward0", "self", k.clone_contiguous, self="grad")
T = op("t", "TBackward0", "self", k.t, self="grad.t()")
TRANSPOSE = op("transpose", "TransposeBackward0", "self; dim0, dim1", k.transpose,
               self="grad.transpose(dim0, dim1)")
PERMUTE = op("permute", "PermuteBackward0", "self; dims", k.permute,
             self="grad.permute(inverse_permutation(dims))")
SQUEEZE = op("squeeze", "SqueezeBackward0", "self", k.squeeze, self="grad.reshape(self_sizes)")
SQUEEZE_DIM = op("squeeze", "SqueezeBackward1", "self; dim", k.squeeze_dim,
                 self="grad.reshape(self_sizes)")
SQUEEZE_DIMS = op("squeeze", "SqueezeBackward2", "self; dim", k.squeeze_dim,
                  self="grad.reshape(self_sizes)")
ALIAS = op("alias", "AliasBackward0", "self", k.alias, self="grad")
UNSQUEEZE = op("unsqueeze", "UnsqueezeBackward0", "self; dim", k.unsqueeze,
               self="grad.squeeze(dim)")
# The in-place shape ops (x.t_() ...): the same rules, PyTorch's names of their nodes.
T_INPLACE = op("t_", "TBackward1", "self", k.t, self="grad.t()")
TRANSPOSE_INPLACE = op("transpose_", "TransposeBackward1", "self; dim0, dim1", k.transpose,
                       self="grad.transpose(dim0, dim1)")
SQUEEZE_INPLACE = op("squeeze_", "SqueezeBackward3", "self", k.squeeze,
                     self="grad.reshape(self_sizes)")
SQUEEZE_DIMS_INPLACE = op("squeeze_", "SqueezeBackward5", "self; dim", k.squeeze_dim,
                          self="grad.reshape(self_sizes)")
UNSQUEEZE_INPLACE = op("unsqueeze_", "UnsqueezeBackward1", "self; dim", k.unsqueeze,
                       self="grad.squeeze(dim)")

# ---- indexing (`key` is a NumPy index: ints, slices, None, arrays) ------------------------
SELECT = op("select", "SelectBackward0", "self; dim, index", k.select,
            self="embed(grad, self_sizes, select_key(dim, index))")
SLICE = op("slice", "SliceBackward0", "self; dim, start, end, step", k.slice_dim,
           self="embed(grad, self_sizes, slice_key(dim, start, end, step))")
INDEX = op("index", "IndexBackward0", "self; key", k.index,
           self="index_backward(grad, self_sizes, key)")
# index's backward: zeros with grad accumulated at the key (ATen's _index_put_impl_).
INDEX_PUT_IMPL = op("_index_put_impl_", "IndexPutImplBackward0", "self, values; key",
                    k.index_put_accumulate, PROMOTE, self="grad", values="grad[key]")
EMBED = op("embed", "IndexPutBackward0", "grad_in; sizes, key", k.embed,
           grad_in="grad[key]")
GATHER = op("gather", "GatherBackward0", "self; key", k.index_along,
            self="embed_along(grad, self_sizes, key)")
INDEX_SELECT = op("index_select", "IndexSelectBackward0", "self; key", k.index_along,
                  self="embed_along(grad, self_sizes, key)")
MASKED_FILL = op("masked_fill", "MaskedFillBackward0", "self; mask, value", k.masked_fill,
                 self="masked_zero(grad, mask)")
MASKED_FILL_TENSOR = op("masked_fill", "MaskedFillBackward1", "self, value; mask",
                        k.masked_fill_tensor, self="masked_zero(grad, mask)",
                        value="masked_keep(grad, mask)")
TRIL = op("tril", "TrilBackward0", "self; diagonal", k.tril, self="grad.tril(diagonal)")
TRIU = op("triu", "TriuBackward0", "self; diagonal", k.triu, self="grad.triu(diagonal)")
FLIP = op("flip", "FlipBackward0", "self; dims", k.flip, self="grad.flip(dims)")
UNBIND = op("unbind", "UnbindBackward0", "self; dim", k.unbind, n_outputs=-1,
            self="stack_grads(grads, self_sizes, dim)")

# ---- the scatter family (`indices`: the index tensor, saved as PyTorch saves it) ----------------
SCATTER = op("scatter", "ScatterBackward0", "self, src; dim, indices", ksc.scatter_src,
             self="grad.scatter(dim, indices, 0)", src="grad.gather(dim, indices)")
SCATTER_VALUE = op("scatter", "ScatterBackward1", "self; dim, indices, value", ksc.scatter_value,
                   self="grad.scatter(dim, indices, 0)")
# derivatives.yaml has no formula for scatter with reduce=: its node is NotImplemented.
SCATTER_REDUCE = op("scatter", "NotImplemented", "self, src; dim, indices, reduce",
                    ksc.scatter_src, self="not_implemented('aten::scatter')",
                    src="not_implemented('aten::scatter')")
SCATTER_VALUE_REDUCE = op("scatter", "NotImplemented", "self; dim, indices, value, reduce",
                          ksc.scatter_value, self="not_implemented('aten::scatter')")
SCATTER_ADD = op("scatter_add", "ScatterAddBackward0", "self, src; dim, indices", ksc.scatter_add,
                 self="grad", src="grad.gather(dim, indices)")
INDEX_ADD = op("index_add", "IndexAddBackward0", "self, source; dim, indices, alpha",
               ksc.index_add, self="grad",
               source="maybe_multiply(grad.index_select(dim, indices), alpha)")
INDEX_FILL = op("index_fill", "IndexFillBackward0", "self; dim, indices, value", ksc.index_fill,
                self="grad.index_fill(dim, indices, 0)")
INDEX_FILL_TENSOR = op("index_fill", "IndexFillBackward1", "self, value; dim, indices",
                       ksc.index_fill_tensor, self="grad.index_fill(dim, indices, 0)",
                       value="grad.index_select(dim, unique_index(indices)).sum()")
INDEX_COPY = op("index_copy", "IndexCopyBackward0", "self, source; dim, indices", ksc.index_copy,
                self="grad.index_fill(dim, indices, 0)",
                source="grad.index_select(dim, indices)")
MASKED_SELECT = op("masked_select", "MaskedSelectBackward0", "self; mask", ksc.masked_select,
                   self="masked_select_backward(grad, mask)")
MASKED_SCATTER = op("masked_scatter", "MaskedScatterBackward0", "self, source; mask",
                    ksc.masked_scatter, self="masked_zero(grad, mask)",
                    source="masked_scatter_backward(grad, mask, source_sizes)")
TAKE = op("take", "TakeBackward0", "self; indices", ksc.take,
          self="zeros(self_sizes, dtype=grad.dtype).put_(indices, grad, True)")
PUT = op("put", "PutBackward0", "self, source; indices, accumulate", ksc.put,
         self="grad if accumulate else grad.put(indices, zeros_like(source), False)",
         source="grad.take(indices).reshape(source_sizes)")

# ---- selection and joining ------------------------------------------------------------------
WHERE = op("where", "WhereBackward0", "self, other; condition", None, PROMOTE,
           self="where(condition, grad, 0.0)", other="where(condition, 0.0, grad)")
# `*tensors` ops take any number of inputs; their formula runs once per input `i`.
CAT = op("cat", "CatBackward0", "*tensors; dim", k.cat,
         tensors="grad.narrow(dim, offset_of(sizes, i, dim), sizes[i][dim])")
STACK = op("stack", "StackBackward0", "*tensors; dim", k.stack, tensors="grad.select(dim, i)")
TO_COPY = op("to", "ToCopyBackward0", "self; dtype", k.to_dtype, CUSTOM, self="grad")

# ---- in-place writes (the out-of-place ops above serve add_, mul_ ...) ----------------------
ZERO = op("zero_", "ZeroBackward0", "self", k.zeros_like, self="grad * 0")
FILL = op("fill_", "FillBackward2", "self; value", k.fill, self="grad * 0")
FILL_TENSOR = op("fill_", "FillBackward3", "self, value", k.fill, self="grad * 0",
                 value="grad.sum()")
COPY = op("copy_", "CopyBackwards", "self, src", k.copy_from, self="grad * 0", src="grad")

# ---- random sampling (values drawn in random.py; the gradient of a sample is zero) ----------
NORMAL_ = op("normal_", "NormalBackward0", "self", None, self="grad * 0")
UNIFORM_ = op("uniform_", "UniformBackward0", "self", None, self="grad * 0")
EXPONENTIAL_ = op("exponential_", "ExponentialBackward0", "self", None, self="grad * 0")
RANDOM_FROM_TO_ = op("random_", "RandomBackward0", "self", None, self="grad * 0")
RANDOM_TO_ = op("random_", "RandomBackward1", "self", None, self="grad * 0")
RANDOM_ = op("random_", "RandomBackward2", "self", None, self="grad * 0")
BERNOULLI_TENSOR_ = op("bernoulli_", "BernoulliBackward1", "self, p", None,
                       self="grad * 0", p="grad * 0")
BERNOULLI_FLOAT_ = op("bernoulli_", "BernoulliBackward2", "self", None, self="grad * 0")
BERNOULLI = op("bernoulli", "BernoulliBackward0", "self", None, self="grad * 0")
# derivatives.yaml marks bernoulli.p "not_implemented": its node is called NotImplemented.
BERNOULLI_P = op("bernoulli", "NotImplemented", "self", None,
                 self="not_implemented('bernoulli')")
NORMAL_TENSOR_FLOAT = op("normal", "NormalBackward1", "mean", None, mean="grad * 0")
NORMAL_FLOAT_TENSOR = op("normal", "NormalBackward2", "std", None, std="grad * 0")
NORMAL_TENSOR_TENSOR = op("normal", "NormalBackward3", "mean, std", None,
                          mean="grad * 0", std="grad * 0")
# An in-place op `fn` on a view: PyTorch's CopySlices wraps fn, its inputs are the base's
# old history and fn's other inputs; the view is then re-derived as AsStridedBackward0.
COPY_SLICES = op("copy_slices", "CopySlices", "*tensors; view_fn, fn", None,
                 tensors="copy_slices_backward(grad, i, view_fn, fn)")
AS_STRIDED = op("as_strided", "AsStridedBackward0", "self; view_fn", None,
                self="view_scatter(grad, self_sizes, view_fn)")
INDEX_PUT = op("index_put_", "IndexPutBackward0", "self, value; key", None,
               self="grad * zeros_at(grad, key)", value="grad[key]")
INDEX_PUT_ACC = op("index_put_", "IndexPutBackward0", "self, value; key", None,
                   self="grad", value="grad[key]")

# ---- more elementwise functions -------------------------------------------------------------
LOG1P = op("log1p", "Log1PBackward0", "self", k.log1p, FLOAT, self="grad / (self + 1)")
RSQRT = op("rsqrt", "RsqrtBackward0", "self", k.rsqrt, FLOAT,
           self="-0.5 * grad * result.pow(3)")
TAN = op("tan", "TanBackward0", "self", k.tan, FLOAT, self="grad * (1 + result.pow(2))")
FLOOR = op("floor", "FloorBackward0", "self", np.floor, self="zeros_like(grad)")
CEIL = op("ceil", "CeilBackward0", "self", np.ceil, self="zeros_like(grad)")
ROUND = op("round", "RoundBackward0", "self", np.round, self="zeros_like(grad)")
ROUND_DECIMALS = op("round", "RoundBackward1", "self; decimals", np.round, self="zeros_like(grad)")
TRUNC = op("trunc", "TruncBackward0", "self", np.trunc, self="zeros_like(grad)")
SIGN = op("sign", "SignBackward0", "self", k.sign, self="zeros_like(grad)")
FRAC = op("frac", "FracBackward0", "self", k.frac, self="grad")
LOG2 = op("log2", "Log2Backward0", "self", k.log2, FLOAT, self="grad / (self * 0.6931471805599453)")
LOG10 = op("log10", "Log10Backward0", "self", k.log10, FLOAT,
           self="grad / (self * 2.302585092994046)")
EXP2 = op("exp2", "Exp2Backward0", "self", k.exp2, FLOAT, self="grad * result * 0.6931471805599453")
EXPM1 = op("expm1", "Expm1Backward0", "self", k.expm1, FLOAT, self="grad * (result + 1)")
ASIN = op("asin", "AsinBackward0", "self", k.asin, FLOAT, self="grad * (-self * self + 1).rsqrt()")
ACOS = op("acos", "AcosBackward0", "self", k.acos, FLOAT,
          self="grad * -((-self * self + 1).rsqrt())")
ATAN = op("atan", "AtanBackward0", "self", k.atan, FLOAT, self="grad / (self * self + 1)")
SINH = op("sinh", "SinhBackward0", "self", k.sinh, FLOAT, self="grad * self.cosh()")
COSH = op("cosh", "CoshBackward0", "self", k.cosh, FLOAT, self="grad * self.sinh()")
ASINH = op("asinh", "AsinhBackward0", "self", k.asinh, FLOAT,
           self="grad * (self.pow(2) + 1).rsqrt()")
ACOSH = op("acosh", "AcoshBackward0", "self", k.acosh, FLOAT,
           self="grad * (self.pow(2) - 1).rsqrt()")
ATANH = op("atanh", "AtanhBackward0", "self", k.atanh, FLOAT, self="grad * 1 / (1 - self.pow(2))")
ERF = op("erf", "ErfBackward0", "self", k.erf, FLOAT,
         self="1.1283791670955126 * (-(self.pow(2))).exp() * grad")
MAXIMUM = op("maximum", "MaximumBackward0", "self, other", k.maximum, PROMOTE,
             self="where(self == other, grad / 2, grad).masked_fill(self < other, 0)",
             other="where(self == other, grad / 2, grad).masked_fill(self > other, 0)")
MINIMUM = op("minimum", "MinimumBackward0", "self, other", k.minimum, PROMOTE,
             self="where(self == other, grad / 2, grad).masked_fill(self > other, 0)",
             other="where(self == other, grad / 2, grad).masked_fill(self < other, 0)")
CLAMP = op("clamp", "ClampBackward1", "self; min, max", k.clamp,
           self="where(within(self, min, max), grad, 0.0)")
CLAMP_TENSOR = op("clamp", "ClampBackward0", "self, min, max", k.clamp, PROMOTE,
                  self="where(within(self, min, max), grad, 0.0)",
                  min="clamp_min_backward(grad, self, min, max)",
                  max="clamp_max_backward(grad, self, min, max)")

# ---- special elementwise functions -------------------------------------------------------------
NAN_TO_NUM = op("nan_to_num", "NanToNumBackward0", "self; nan, posinf, neginf", kx.nan_to_num,
                self="grad * self.isfinite()")
ATAN2 = op("atan2", "Atan2Backward0", "self, other", kx.atan2, TRUE_DIV,
           self="grad * other / (self * self + other * other)",
           other="grad * -self / (self * self + other * other)")
HYPOT = op("hypot", "HypotBackward0", "self, other", kx.hypot, PROMOTE,
           self="grad * self / result", other="grad * other / result")
LERP = op("lerp", "LerpBackward0", "self, end; weight", kx.lerp, PROMOTE,
          self="grad * (1 - weight)", end="grad * weight")
LERP_TENSOR = op("lerp", "LerpBackward1", "self, end, weight", kx.lerp, PROMOTE,
                 self="grad * (1 - weight)", end="grad * weight", weight="grad * (end - self)")
ADDCMUL = op("addcmul", "AddcmulBackward0", "self, tensor1, tensor2; value", kx.addcmul,
             PROMOTE, self="grad", tensor1="grad * (tensor2 * value)",
             tensor2="grad * (tensor1 * value)")
ADDCDIV = op("addcdiv", "AddcdivBackward0", "self, tensor1, tensor2; value", kx.addcdiv,
             PROMOTE, self="grad", tensor1="grad * (value / tensor2)",
             tensor2="-grad * (value * tensor1 / (tensor2 * tensor2))")
LOGIT = op("logit", "LogitBackward0", "self; eps", kx.logit, FLOAT,
           self="logit_backward(grad, self, eps)")
XLOGY = op("xlogy", "XlogyBackward0", "self, other", kx.xlogy, TRUE_DIV,
           self="grad * xlogy(self != 0, other)", other="grad * self / other")
XLOGY_SCALAR_SELF = op("xlogy", "XlogyBackward1", "other; self", kx.xlogy_scalar_self, TRUE_DIV,
                       other="grad * self / other")
XLOGY_SCALAR_OTHER = op("xlogy", "XlogyBackward2", "self; other", kx.xlogy, TRUE_DIV,
                        self="grad * xlogy(self != 0, other)")
FMAX = op("fmax", "FmaxBackward0", "self, other", np.fmax, PROMOTE,
          self="grad.masked_fill(((self >= other) | other.isnan()).logical_not(), 0)",
          other="grad.masked_fill((self >= other) | other.isnan(), 0)")
FMIN = op("fmin", "FminBackward0", "self, other", np.fmin, PROMOTE,
          self="grad.masked_fill(((self <= other) | other.isnan()).logical_not(), 0)",
          other="grad.masked_fill((self <= other) | other.isnan(), 0)")
LOGADDEXP = op("logaddexp", "LogaddexpBackward0", "self, other", kx.logaddexp, PROMOTE,
               self="grad / (1 + (other - self).exp())", other="grad / (1 + (self - other).exp())")
HEAVISIDE = op("heaviside", "NotImplemented", "self, values", kx.heaviside, PROMOTE,
               self="not_implemented('aten::heaviside')",
               values="not_implemented('aten::heaviside')")
CLAMP_MIN = op("clamp_min", "ClampMinBackward0", "self; min", kx.clamp_min,
               self="where(self >= min, grad, 0.0)")
CLAMP_MIN_TENSOR = op("clamp_min", "ClampMinBackward1", "self, min", kx.clamp_min, PROMOTE,
                      self="where(self >= min, grad, 0.0)", min="where(self < min, grad, 0.0)")
CLAMP_MAX = op("clamp_max", "ClampMaxBackward0", "self; max", kx.clamp_max,
               self="where(self <= max, grad, 0.0)")
CLAMP_MAX_TENSOR = op("clamp_max", "ClampMaxBackward1", "self, max", kx.clamp_max, PROMOTE,
                      self="where(self <= max, grad, 0.0)", max="where(self > max, grad, 0.0)")

# ---- linear algebra --------------------------------------------------------------------------
MM = op("mm", "MmBackward0", "self, mat2", np.matmul, self="grad.mm(mat2.t())",
        mat2="self.t().mm(grad)")
MV = op("mv", "MvBackward0", "self, vec", np.matmul, self="outer(grad, vec)",
        vec="self.t().mv(grad)")
DOT = op("dot", "DotBackward0", "self, tensor", np.dot, self="grad * tensor",
         tensor="grad * self")
BMM = op("bmm", "BmmBackward0", "self, mat2", np.matmul,
         self="grad.bmm(mat2.transpose(1, 2))", mat2="self.transpose(1, 2).bmm(grad)")
ADDMM = op("addmm", "AddmmBackward0", "self, mat1, mat2; beta, alpha", k.addmm, PROMOTE,
           self="maybe_multiply(grad, beta)", mat1="maybe_multiply(grad.mm(mat2.t()), alpha)",
           mat2="maybe_multiply(mat1.t().mm(grad), alpha)")
SQUEEZE_MATMUL = op("squeeze_", "SqueezeBackward4", "self; dim", k.squeeze_dim,
                    self="grad.reshape(self_sizes)")

# ---- torch.linalg: FunctionsManual.cpp's formulas, in linalg_backward.py ------------------
LINALG_SOLVE = op("linalg_solve", "LinalgSolveExBackward0", "A, B; left", kla.solve_rhs,
                  A="linalg_solve_backward_A(grad, result, A, B, left)",
                  B="linalg_solve_backward_B(grad, A, B, left)")
LINALG_SOLVE_TRIANGULAR = op(
    "linalg_solve_triangular", "LinalgSolveTriangularBackward0",
    "self, B; upper, left, unitriangular", kla.solve_triangular,
    self="solve_triangular_backward_A(grad, self, result, upper, left, unitriangular)",
    B="solve_triangular_backward_B(grad, self, upper, left, unitriangular)")
LINALG_INV = op("linalg_inv", "LinalgInvExBackward0", "A", kla.inv,
                A="-result.mH.matmul(grad.matmul(result.mH))")
LINALG_DET = op("linalg_det", "LinalgDetBackward0", "A", kla.det,
                A="linalg_det_backward(grad, result, A)")
LINALG_SLOGDET = op("linalg_slogdet", "LinalgSlogdetBackward0", "A", kla.slogdet, n_outputs=2,
                    A="slogdet_backward(grads, A)")
LINALG_CHOLESKY = op("linalg_cholesky", "LinalgCholeskyExBackward0", "A; upper", kla.cholesky,
                     A="cholesky_backward(grad, upper, result)")
CHOLESKY = op("cholesky", "CholeskyBackward0", "self; upper", kla.cholesky_legacy,
              self="cholesky_backward(grad, upper, result)")
LINALG_QR = op("linalg_qr", "LinalgQrBackward0", "A; mode", kla.qr, n_outputs=2,
               A="linalg_qr_backward(grads, results, mode)")
LINALG_EIGH = op("linalg_eigh", "LinalgEighBackward0", "A; UPLO", kla.eigh, n_outputs=2,
                 A="linalg_eigh_backward(grads, results)")
LINALG_SVD = op("linalg_svd", "LinalgSvdBackward0", "A; full_matrices", kla.svd, n_outputs=3,
                A="svd_backward_full(grads, results, full_matrices)")
LINALG_PINV = op("linalg_pinv", "LinalgPinvBackward0", "self; atol, rtol, hermitian", kla.pinv,
                 self="pinv_backward(grad, result, self)")
LINALG_LSTSQ = op("linalg_lstsq", "LinalgLstsqBackward0", "self, b", kla.lstsq_outputs,
                  n_outputs=2, self="lstsq_backward_A(grads, self, b)",
                  b="lstsq_backward_b(grads, self, b)")
LINALG_CROSS = op("linalg_cross", "LinalgCrossBackward0", "self, other; dim", kla.cross,
                  self="linalg_cross(other, grad, dim=dim)",
                  other="linalg_cross(grad, self, dim=dim)")

# ---- more reductions -------------------------------------------------------------------------
MAX_ALL = op("max", "MaxBackward1", "self", np.max, self="evenly_distribute(grad, self, result)")
MIN_ALL = op("min", "MinBackward1", "self", np.min, self="evenly_distribute(grad, self, result)")
MAX_DIM = op("max", "MaxBackward0", "self; dim, keepdim", k.max_dim, n_outputs=2,
             self="select_backward_at(grad, dim, results[1], self_sizes, keepdim)")
MIN_DIM = op("min", "MinBackward0", "self; dim, keepdim", k.min_dim, n_outputs=2,
             self="select_backward_at(grad, dim, results[1], self_sizes, keepdim)")
AMAX = op("amax", "AmaxBackward0", "self; dim, keepdim", k.amax,
          self="evenly_distribute_dim(grad, self, result, dim, keepdim)")
AMIN = op("amin", "AminBackward0", "self; dim, keepdim", k.amin,
          self="evenly_distribute_dim(grad, self, result, dim, keepdim)")
PROD = op("prod", "ProdBackward0", "self", k.prod_all, self="prod_backward(grad, self, result)")
PROD_DIM = op("prod", "ProdBackward1", "self; dim, keepdim", k.prod_dim,
              self="prod_backward_dim(grad, self, result, dim, keepdim)")
VAR = op("var", "VarBackward0", "self; dim, correction, keepdim", k.var, FLOAT,
         self="var_backward(grad, self, dim, correction, keepdim)")
STD = op("std", "StdBackward0", "self; dim, correction, keepdim", k.std, FLOAT,
         self="std_backward(grad, self, result, dim, correction, keepdim)")
NORM = op("norm", "LinalgVectorNormBackward0", "self; p, dim, keepdim", k.norm, FLOAT,
          self="norm_backward(grad, self, p, result, dim, keepdim)")
LOGSUMEXP = op("logsumexp", "LogsumexpBackward0", "self; dim, keepdim", k.logsumexp, FLOAT,
               self="unsqueezed(grad, dim, keepdim) * (self - unsqueezed(result, dim, keepdim)).exp()")
SOFTMAX = op("softmax", "SoftmaxBackward0", "self; dim", ksm.softmax, FLOAT,
             self="softmax_backward_data(grad, result, dim)")
LOG_SOFTMAX = op("log_softmax", "LogSoftmaxBackward0", "self; dim", ksm.log_softmax, FLOAT,
                 self="log_softmax_backward_data(grad, result, dim)")
CUMSUM = op("cumsum", "CumsumBackward0", "self; dim", k.cumsum,
            self="cumsum_backward(grad, dim)")

# ---- ordering and statistics (values picked by index: the gradient goes back to them) ---------
SORT = op("sort", "SortBackward0", "self; dim, descending", ks.sort, n_outputs=2,
          self="value_selecting_backward(grad, dim, results[1], self_sizes, True)")
SORT_STABLE = op("sort", "SortBackward1", "self; dim, descending, stable", ks.sort,
                 n_outputs=2, self="value_selecting_backward(grad, dim, results[1], self_sizes, True)")
TOPK = op("topk", "TopkBackward0", "self; k, dim, largest, sorted", ks.topk, n_outputs=2,
          self="value_selecting_backward(grad, dim, results[1], self_sizes, True)")
KTHVALUE = op("kthvalue", "KthvalueBackward0", "self; k, dim, keepdim", ks.kthvalue,
              n_outputs=2, self="value_selecting_backward(grad, dim, results[1], self_sizes, keepdim)")
MEDIAN = op("median", "MedianBackward0", "self", ks.median_all,
            self="evenly_distribute(grad, self, result)")
MEDIAN_DIM = op("median", "MedianBackward1", "self; dim, keepdim", ks.median_dim, n_outputs=2,
                self="value_selecting_backward(grad, dim, results[1], self_sizes, keepdim)")
MODE = op("mode", "ModeBackward0", "self; dim, keepdim", ks.mode, n_outputs=2,
          self="value_selecting_backward(grad, dim, results[1], self_sizes, keepdim)")
CUMMAX = op("cummax", "CummaxBackward0", "self; dim", lambda a, dim: ks.cumulative_extreme(
    a, dim, True), n_outputs=2, self="cummaxmin_backward(grad, self, results[1], dim)")
CUMMIN = op("cummin", "CumminBackward0", "self; dim", lambda a, dim: ks.cumulative_extreme(
    a, dim, False), n_outputs=2, self="cummaxmin_backward(grad, self, results[1], dim)")
CUMPROD = op("cumprod", "CumprodBackward0", "self; dim", ks.cumprod,
             self="cumprod_backward(grad, self, dim, result)")
NANSUM = op("nansum", "NansumBackward0", "self; dim, keepdim", ks.nansum,
            self="reduce_backward(grad, self_sizes, dim, keepdim) * self.isnan().logical_not()")
AMINMAX = op("aminmax", "AminmaxBackward0", "self; dim, keepdim", ks.aminmax, n_outputs=2,
             self="aminmax_backward(grads, self, results, dim, keepdim)")
STD_MEAN = op("std_mean", "StdMeanBackward0", "self; dim, correction, keepdim", kv.std_mean,
              FLOAT, n_outputs=2,
              self="std_mean_backward(grads, self, results, dim, correction, keepdim)")
VAR_MEAN = op("var_mean", "VarMeanBackward0", "self; dim, correction, keepdim", kv.var_mean,
              FLOAT, n_outputs=2,
              self="var_mean_backward(grads, self, dim, correction, keepdim)")
# derivatives.yaml: _unique2 is not_implemented, so its node exists and backward says so.
UNIQUE = op("unique", "Unique2Backward0", "self; return_inverse, return_counts, dim", ks.unique,
            n_outputs=3, self="not_differentiable('_unique2')")
UNIQUE_DIM = op("unique_dim", "UniqueDimBackward0", "self; return_inverse, return_counts, dim",
                ks.unique, n_outputs=3, self="not_differentiable('unique_dim')")

# ---- diagonals and rolls ---------------------------------------------------------------------------
DIAGONAL = op("diagonal", "DiagonalBackward0", "self; offset, dim1, dim2", kl.diagonal_view,
              self="embed(grad, self_sizes, diagonal_key(self_sizes, offset, dim1, dim2))")
# torch.diag of a matrix runs diagonal_copy: the same gradient, a node of its own name.
DIAG_COPY = op("diag", "DiagonalBackward0_copy", "self; offset, dim1, dim2", kl.diagonal_copy,
               self="embed(grad, self_sizes, diagonal_key(self_sizes, offset, dim1, dim2))")
DIAG_EMBED = op("diag_embed", "DiagEmbedBackward0", "self; offset, dim1, dim2", kl.diag_embed,
                self="grad.diagonal(offset, dim1, dim2)")
TRACE = op("trace", "TraceBackward0", "self", kl.trace, CUSTOM,
           self="trace_backward(grad, self_sizes)")
ROLL = op("roll", "RollBackward0", "self; shifts, dims", kl.roll,
          self="grad.roll(negated(shifts), dims)")

# ---- more shape ops ---------------------------------------------------------------------------
REPEAT = op("repeat", "RepeatBackward0", "self; repeats", k.repeat,
            self="repeat_backward(grad, repeats, self_sizes)")
SPLIT = op("split", "SplitBackward0", "self; sections, dim", k.split, n_outputs=-1,
           self="split_backward(grads, sections, dim, self_sizes)")
SPLIT_SIZES = op("split_with_sizes", "SplitWithSizesBackward0", "self; sections, dim", k.split,
                 n_outputs=-1, self="split_backward(grads, sections, dim, self_sizes)")

# ---- activations (torch.nn.functional): one node each, as in PyTorch -----------------------
HARDTANH = op("hardtanh", "HardtanhBackward0", "self; min_val, max_val", k.hardtanh,
              self="where((self <= min_val) | (self >= max_val), 0.0, grad)")

# ---- losses (torch.nn.functional) --------------------------------------------------------------
MSE_LOSS = op("mse_loss", "MseLossBackward0", "self, target; reduction", k.mse_loss, PROMOTE,
              self="mse_loss_backward(grad, self, target, reduction)",
              target="mse_loss_backward(grad, target, self, reduction)")
NLL_LOSS = op("nll_loss", "NllLossBackward0", "self; target, weight, reduction, ignore_index",
              k.nll_loss, self="nll_loss_backward(grad, self_sizes, target, weight, reduction, "
                               "ignore_index)")
NLL_LOSS2D = op("nll_loss2d", "NllLoss2DBackward0", "self; target, weight, reduction, ignore_index",
                k.nll_loss, self="nll_loss_backward(grad, self_sizes, target, weight, reduction, "
                                 "ignore_index)")
BCE = op("binary_cross_entropy", "BinaryCrossEntropyBackward0", "self, target; weight, reduction",
         k.binary_cross_entropy, PROMOTE,
         self="bce_backward(grad, self, target, weight, reduction)",
         target="bce_target_backward(grad, self, target, weight, reduction)")

BCE_WITH_LOGITS = op("binary_cross_entropy_with_logits", "BinaryCrossEntropyWithLogitsBackward0",
                     "self, target; weight, pos_weight, reduction", kn.bce_with_logits, PROMOTE,
                     self="bce_logits_backward(grad, self, target, weight, pos_weight, reduction)",
                     target="bce_logits_target_backward(grad, self, target, weight, pos_weight, "
                            "reduction)")
SMOOTH_L1_LOSS = op("smooth_l1_loss", "SmoothL1LossBackward0", "self, target; reduction, beta",
                    kn.smooth_l1_loss, PROMOTE,
                    self="smooth_l1_backward(grad, self, target, reduction, beta)",
                    target="smooth_l1_backward(grad, target, self, reduction, beta)")
HUBER_LOSS = op("huber_loss", "HuberLossBackward0", "self, target; reduction, delta",
                kn.huber_loss, PROMOTE,
                self="huber_backward(grad, self, target, reduction, delta)",
                target="huber_backward(grad, target, self, reduction, delta)")
CONSTANT_PAD = op("constant_pad_nd", "ConstantPadNdBackward0", "self; pad, value", kn.constant_pad,
                  self="constant_pad(grad, negated(pad), 0)")

# ---- backward functions: one fused kernel for a formula, differentiable in turn --------------
TANH_BACKWARD = op("tanh_backward", "TanhBackwardBackward0", "grad_output, output",
                   k.tanh_backward, PROMOTE,
                   grad_output="tanh_backward(grad, output)",
                   output="grad * (-2 * output * grad_output)")
SIGMOID_BACKWARD = op("sigmoid_backward", "SigmoidBackwardBackward0", "grad_output, output",
                      k.sigmoid_backward, PROMOTE,
                      grad_output="sigmoid_backward(grad, output)",
                      output="grad * grad_output * (-2 * output + 1)")
THRESHOLD_BACKWARD = op("threshold_backward", "ThresholdBackwardBackward0",
                        "grad_output, self; threshold", k.threshold_backward, PROMOTE,
                        grad_output="threshold_backward(grad, self, threshold)",
                        self="grad * 0")
LEAKY_RELU_BACKWARD = op("leaky_relu_backward", "LeakyReluBackwardBackward0",
                         "grad_output, self; negative_slope", k.leaky_relu_backward, PROMOTE,
                         grad_output="leaky_relu_backward(grad, self, negative_slope)",
                         self="zeros_like(grad)")
SOFTPLUS_BACKWARD = op("softplus_backward", "SoftplusBackwardBackward0",
                       "grad_output, self; beta, threshold", k.softplus_backward, PROMOTE,
                       grad_output="softplus_backward(grad, self, beta, threshold)",
                       self="softplus_double_backward(grad * grad_output, self, beta, threshold)")
GELU_BACKWARD = op("gelu_backward", "GeluBackwardBackward0", "grad_output, self; approximate",
                   k.gelu_backward, PROMOTE,
                   grad_output="gelu_backward(grad, self, approximate)",
                   self="gelu_double_backward(grad, grad_output, self, approximate)")
SOFTMAX_BACKWARD = op("softmax_backward_data", "SoftmaxBackwardDataBackward0",
                      "grad_output, output; dim", ksm.softmax_backward, PROMOTE,
                      grad_output="softmax_backward_data(grad, output, dim)",
                      output="grad * (grad_output - (grad_output * output).sum(dim, keepdim=True))"
                             " - grad_output * (grad * output).sum(dim, keepdim=True)")
LOG_SOFTMAX_BACKWARD = op("log_softmax_backward_data", "LogSoftmaxBackwardDataBackward0",
                          "grad_output, output; dim", ksm.log_softmax_backward, PROMOTE,
                          grad_output="grad - (grad * output.exp()).sum(dim, keepdim=True)",
                          output="-grad_output.sum(dim, keepdim=True) * output.exp() * grad")
MSE_LOSS_BACKWARD = op("mse_loss_backward", "MseLossBackwardBackward0",
                       "grad_output, self, target; reduction", k.mse_loss_backward, PROMOTE,
                       grad_output="mse_loss_double_backward_grad_output(grad, grad_output, "
                                   "self, target, reduction)",
                       self="mse_loss_double_backward(grad * grad_output, self, reduction)",
                       target="-mse_loss_double_backward(grad * grad_output, target, reduction)")

# ---- torch.nn.functional's activations and losses: derivatives_nn.py, part of this table ------
from .derivatives_nn import *  # noqa: E402,F401,F403
from .derivatives_more import *  # noqa: E402,F401,F403
