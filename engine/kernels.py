"""NumPy forward kernels the table's ops run (arrays in, arrays out)."""

import math

import numpy as np

from . import dtypes
from . import kernels_norm
from . import kernels_variance
from .cascade_sum import cascade_sum
from .float_math import fused_multiply_add
from .shape_util import scalar_as_vector
from .vec_math import kernel_exp


def via_float64(ufunc):
    """ufunc with float32/float16 inputs computed in float64, then rounded back.

    PyTorch's vectorised float32 exp, log, tanh ... are accurate to about half an ulp;
    NumPy's float32 loops are not, and differ from torch in the last bit for a third of
    the values. Rounding the float64 result agrees with torch almost everywhere, so long
    training loops print the same digits as PyTorch.
    """
    def kernel(a):
        if a.dtype.kind == "f" and a.dtype.itemsize < 8:
            return ufunc(a.astype(np.float64)).astype(a.dtype)
        return ufunc(a)
    kernel.__name__ = ufunc.__name__
    return kernel


exp = via_float64(np.exp)
log = via_float64(np.log)
log1p = via_float64(np.log1p)
sin = via_float64(np.sin)
cos = via_float64(np.cos)
tan = via_float64(np.tan)
tanh = via_float64(np.tanh)
log2 = via_float64(np.log2)
log10 = via_float64(np.log10)
exp2 = via_float64(np.exp2)
expm1 = via_float64(np.expm1)
asin = via_float64(np.arcsin)
acos = via_float64(np.arccos)
atan = via_float64(np.arctan)
sinh = via_float64(np.sinh)
cosh = via_float64(np.cosh)
asinh = via_float64(np.arcsinh)
acosh = via_float64(np.arccosh)
atanh = via_float64(np.arctanh)
_erf = np.frompyfunc(math.erf, 1, 1)


def erf(a):
    # a ufunc of Python objects hands back a Python float for a 0-dim array
    return np.asarray(_erf(a.astype(np.float64)), dtype=np.float64).astype(a.dtype)


def sign(a):
    # (0 < a) - (a < 0), as PyTorch's kernel: the sign of nan (and of -0.0) is 0.
    return (a > 0).astype(a.dtype) - (a < 0).astype(a.dtype)


def frac(a):
    return a - np.trunc(a)


# On ties (0.0 and -0.0) PyTorch's maximum and minimum return self; NumPy's the other.
def maximum(a, b):
    return np.maximum(b, a)


def minimum(a, b):
    return np.minimum(b, a)


# PyTorch's add/sub with alpha is one fused multiply-add in floating point (ufunc/add.h:
# `vec::fmadd(other, alpha, self)`; sub is add with -alpha).
def add_alpha(a, b, alpha):
    if a.dtype.kind == "f" and a.dtype == b.dtype and a.dtype.itemsize >= 4:
        return fused_multiply_add(b, alpha, a, a.dtype)
    return a + b * alpha


def sub_alpha(a, b, alpha):
    if a.dtype.kind == "f" and a.dtype == b.dtype and a.dtype.itemsize >= 4:
        return fused_multiply_add(b, -alpha, a, a.dtype)
    return a - b * alpha


def rsub_scalar(a, other):
    return other - a


def pow_scalar(a, exponent):
    """a ** exponent as PyTorch's CPU kernel computes it: the common exponents by
    multiplication and square roots (bit-identical to torch, and far faster than
    np.power's general path), any other by pow."""
    if a.dtype.kind == "f":
        if exponent == 1:  # ATen's pow_out copies the base (pow_backward of x ** 2 takes x ** 1)
            return a.copy()
        if exponent == 2:
            return a * a
        if exponent == 3:
            return a * a * a
        if exponent == 0.5:
            return np.sqrt(a)
        if exponent == -0.5:
            return 1 / np.sqrt(a)
        if exponent == -1:
            return 1 / a
        if exponent == -2:
            return 1 / (a * a)
        if a.dtype.itemsize < 8:
            return np.power(a.astype(np.float64), exponent).astype(a.dtype)
    return np.power(a, exponent)


def scalar_pow(exponent, base):
    return power(base, exponent)


def power(base, exponent):
    """np.power with PyTorch's rule for integers to negative integer powers, where NumPy
    raises: 1 ** -n is 1, (-1) ** -n is +-1, and any other base gives 0 (2 ** -1 is 0)."""
    if np.result_type(base, exponent).kind != "i" or not np.any(np.less(exponent, 0)):
        return np.power(base, exponent)
    negative = np.less(exponent, 0)
    out = np.power(base, np.where(negative, 0, exponent))
    odd = np.remainder(exponent, 2) == 1
    reciprocal = np.where(np.equal(base, 1), 1, np.where(np.equal(base, -1),
                                                         np.where(odd, -1, 1), 0))
    return np.where(negative, reciprocal, out).astype(out.dtype, copy=False)


def remainder(a, b):
    # PyTorch's floor-mod: fmod, moved by b where the signs differ (so -2 % 2 is -0.).
    m = np.fmod(a, b)
    return np.where((m != 0) & ((b < 0) != (m < 0)), m + b, m)


def sigmoid(a):
    # 1 / (1 + exp(-a)) in the tensor's dtype, as PyTorch computes it: exp overflowing to
    # inf gives exactly 0 (float32 sigmoid(-100) is 0, not a denormal).
    if a.dtype.itemsize < 4:  # float16 computes in float32, as PyTorch's opmath type
        return sigmoid(a.astype(np.float32)).astype(a.dtype)
    one = a.dtype.type(1)
    return one / (one + kernel_exp(-a))


def hardtanh(a, min_val, max_val):
    return np.minimum(a.dtype.type(max_val), np.maximum(a.dtype.type(min_val), a))


def relu(a):
    return np.maximum(a.dtype.type(0), a)  # relu(-0.0) is -0.0, as PyTorch's


def sum_all(a):
    if a.dtype in _CASCADE_DTYPES:
        return np.asarray(cascade_sum(a, tuple(range(a.ndim))))
    return np.sum(a, dtype=_sum_dtype(a))


def sum_dim(a, dim, keepdim):
    if a.dtype in _CASCADE_DTYPES:
        axes = _axes(dim, a.ndim)
        result = cascade_sum(a, axes)
        if keepdim:
            return result.reshape([1 if i in axes else n for i, n in enumerate(a.shape)])
        return result
    return np.sum(a, axis=dim, keepdims=keepdim, dtype=_sum_dtype(a))


def sum_axes(a, axes):
    """sum_dim without keepdim, over `axes`: sorted, non-negative, no repeats."""
    if a.dtype in _CASCADE_DTYPES:
        return cascade_sum(a, axes)
    return np.sum(a, axis=axes, dtype=_sum_dtype(a))


# float32 and float64 sums follow PyTorch's summation order; half precision sums
# accumulate in float32 inside PyTorch's kernel with other vector widths (not followed).
_CASCADE_DTYPES = (np.dtype(np.float32), np.dtype(np.float64))


def _axes(dim, ndim):
    dims = dim if isinstance(dim, (tuple, list)) else (dim,)
    return tuple(sorted({d % ndim if ndim else 0 for d in dims}))


def _sum_dtype(a):
    # Integer and bool sums accumulate in int64, as torch.sum does.
    return np.int64 if a.dtype.kind in "biu" else a.dtype


def mean_all(a):
    # On CPU, PyTorch's mean is sum(...).div_(numel): the sum's order, then one division.
    if a.size == 0:
        return np.array(np.nan, dtype=a.dtype)  # without NumPy's empty-slice warning
    if a.dtype in _CASCADE_DTYPES:
        return np.asarray(sum_all(a) / a.dtype.type(a.size), dtype=a.dtype)
    return np.mean(a, dtype=a.dtype)


def mean_dim(a, dim, keepdim):
    if a.size == 0:
        return np.sum(a, axis=dim, keepdims=keepdim, dtype=a.dtype) / np.array(0, a.dtype)
    if a.dtype in _CASCADE_DTYPES:
        count = 1
        for axis in _axes(dim, a.ndim):
            count *= a.shape[axis] if a.ndim else 1
        return np.asarray(sum_dim(a, dim, keepdim) / a.dtype.type(count), dtype=a.dtype)
    return np.mean(a, axis=dim, keepdims=keepdim, dtype=a.dtype)


def reshape_view(a, size):
    return a.reshape(size)


def expand(a, size):
    """a broadcast to `size`, a read-only view (PyTorch's expand: stride 0 where stretched)."""
    size = tuple(size)
    lead = len(size) - a.ndim
    if not a.flags.c_contiguous or a.size == 0 or lead < 0:
        return np.broadcast_to(a, size)
    # np.broadcast_to's Python-level checks cost ~5 µs, ten times this view: every sum's
    # gradient (SumBackward0 expands a 0-d grad) comes through here.
    strides = [0] * lead
    for have, want, stride in zip(a.shape, size[lead:], a.strides):
        if have == want:
            strides.append(stride)
        elif have == 1:
            strides.append(0)
        else:
            return np.broadcast_to(a, size)  # raises NumPy's error for the caller
    view = np.ndarray(size, a.dtype, a, 0, strides)
    view.flags.writeable = False
    return view


def reshape_copy(a, size):
    return np.ascontiguousarray(a).reshape(size)


def clone(a):
    # PyTorch's clone keeps the input's layout (preserve_format): a transposed tensor's
    # clone is transposed too; an expanded one (zero strides) comes out contiguous.
    return a.copy(order="C" if 0 in a.strides else "K")


def clone_contiguous(a):
    return np.ascontiguousarray(a)


def t(a):
    return a.T


@scalar_as_vector
def transpose(a, dim0, dim1):
    return np.swapaxes(a, dim0, dim1)


def permute(a, dims):
    return np.transpose(a, dims)


def squeeze(a):
    return a.reshape(tuple(s for s in a.shape if s != 1))


@scalar_as_vector
def squeeze_dim(a, dim):
    dims = tuple(d for d in dim if a.shape[d] == 1)
    return a.reshape(tuple(s for i, s in enumerate(a.shape) if i not in dims))


def alias(a):
    return a[...]


def unsqueeze(a, dim):
    return np.expand_dims(a, dim)


def select(a, dim, index):
    # The trailing Ellipsis keeps a 0-d result a view (a bare a[i] would copy a scalar out).
    return a[(slice(None),) * dim + (index, Ellipsis)]


def slice_dim(a, dim, start, end, step):
    return a[(slice(None),) * dim + (slice(start, end, step),)]


def index(a, key):
    return a[key]


def index_along(a, key):
    """a[key] for gather/index_select, whose key names a 0-dim a's dim 0 (of size 1)."""
    return (a.reshape(1) if a.ndim == 0 else a)[key]


def embed(grad, sizes, key):
    """A zero array of `sizes` with grad added at `key` (repeated indices accumulate)."""
    out = np.zeros(sizes, dtype=grad.dtype)
    np.add.at(out, key, grad)
    return out


def index_put_accumulate(a, values, key):
    out = a.copy()
    np.add.at(out, key, values.astype(out.dtype, copy=False))
    return out


def masked_fill(a, mask, value):
    return np.where(mask, np.asarray(value).astype(a.dtype), a)


def masked_fill_tensor(a, value, mask):
    return np.where(mask, value.astype(a.dtype), a)


def tril(a, diagonal):
    return np.tril(a, diagonal)


def triu(a, diagonal):
    return np.triu(a, diagonal)


@scalar_as_vector
def flip(a, dims):
    return np.flip(a, axis=dims).copy()


def unbind(a, dim):
    return tuple(np.moveaxis(a, dim, 0))


def to_dtype(a, dtype):
    return dtypes.cast_array(a, dtype.np_dtype)


def cat(*arrays_and_dim):
    *arrays, dim = arrays_and_dim
    return np.concatenate(arrays, axis=dim)


def stack(*arrays_and_dim):
    *arrays, dim = arrays_and_dim
    return np.stack(arrays, axis=dim)


def zeros_like(a):
    return np.zeros_like(a)


def fill(a, value):
    return np.full_like(a, value)


def copy_from(a, src):
    return np.broadcast_to(src, a.shape).astype(a.dtype)


def rsqrt(a):
    return 1 / np.sqrt(a)


def clamp(a, low, high):
    # PyTorch applies min then max, so min > max gives max everywhere; nan stays nan.
    out = a
    if low is not None:
        out = np.where(np.isnan(out), out, np.maximum(low, out))  # ties keep self (-0.0)
    if high is not None:
        out = np.where(np.isnan(out), out, np.minimum(high, out))
    return np.asarray(out).astype(a.dtype, copy=False)


def addmm(bias, mat1, mat2, beta, alpha):
    product = mat1 @ mat2
    if alpha != 1:
        product = product * alpha
    # beta=0 ignores the input, nan and inf included (BLAS gemm's rule, which PyTorch keeps).
    if beta == 0:
        return np.broadcast_to(product, np.broadcast_shapes(bias.shape, product.shape)).copy()
    return (bias if beta == 1 else bias * beta) + product


def _reduce_with_index(a, dim, keepdim, pick, arg):
    if a.ndim == 0:  # a 0-dim tensor is its own max over dim 0
        return a.copy(), np.zeros((), np.int64)
    indices = arg(a, axis=dim, keepdims=True)
    # nan wins a max or min in PyTorch: it propagates, and its index is reported.
    nan_index = np.argmax(np.isnan(a), axis=dim, keepdims=True)
    has_nan = np.any(np.isnan(a), axis=dim, keepdims=True)
    indices = np.where(has_nan, nan_index, indices)
    values = np.take_along_axis(a, indices, axis=dim)
    if not keepdim:
        values, indices = values.squeeze(dim), indices.squeeze(dim)
    return values, indices.astype(np.int64)


def max_dim(a, dim, keepdim):
    return _reduce_with_index(a, dim, keepdim, np.max, np.argmax)


def min_dim(a, dim, keepdim):
    return _reduce_with_index(a, dim, keepdim, np.min, np.argmin)


def amax(a, dim, keepdim):
    return np.max(a, axis=dim, keepdims=keepdim)


def amin(a, dim, keepdim):
    return np.min(a, axis=dim, keepdims=keepdim)


def prod_all(a):
    return np.prod(a, dtype=_sum_dtype(a))


def prod_dim(a, dim, keepdim):
    return np.prod(a, axis=dim, keepdims=keepdim, dtype=_sum_dtype(a))


var = kernels_variance.var
std = kernels_variance.std


def norm(a, p, dim, keepdim):
    x = np.abs(a)
    if p == float("inf"):
        return np.max(x, axis=dim, keepdims=keepdim)
    if p == float("-inf"):
        return np.min(x, axis=dim, keepdims=keepdim)
    if p == 0:
        return np.sum(x != 0, axis=dim, keepdims=keepdim).astype(a.dtype)
    if p == 2:
        return kernels_norm.norm2(a, dim, keepdim)
    return np.sum(x ** p, axis=dim, keepdims=keepdim) ** (1.0 / p)


def logsumexp(a, dim, keepdim):
    if a.size == 0:  # the log of an empty sum
        return np.log(np.sum(np.exp(a), axis=dim, keepdims=keepdim))
    m = np.max(a, axis=dim, keepdims=True)
    m = np.where(np.isfinite(m), m, 0)
    out = np.log(np.sum(np.exp(a - m), axis=dim, keepdims=True)) + m
    return out if keepdim else np.squeeze(out, axis=dim)


# PyTorch's CPU cumulative kernels run at::acc_type<scalar_t, false>: a float32 running sum
# (or product) is kept in float64, a float16 one in float32, each output rounded from it.
CUMULATIVE_ACCUMULATOR = {np.dtype(np.float32): np.float64, np.dtype(np.float16): np.float32}


def cumsum(a, dim):
    accumulator = CUMULATIVE_ACCUMULATOR.get(a.dtype)
    if accumulator is not None:
        return np.cumsum(a, axis=dim, dtype=accumulator).astype(a.dtype).reshape(a.shape)
    return np.cumsum(a, axis=dim, dtype=_sum_dtype(a)).reshape(a.shape)  # 0-dim stays 0-dim


def repeat(a, repeats):
    lead = len(repeats) - a.ndim
    return np.tile(a.reshape((1,) * lead + a.shape), repeats)


def split(a, sections, dim):
    bounds = np.cumsum(sections)[:-1]
    return tuple(np.split(a, bounds, axis=dim))


def _reduce_loss(loss, reduction):
    if reduction == "mean":
        return np.mean(loss, dtype=loss.dtype)
    if reduction == "sum":
        return np.sum(loss, dtype=loss.dtype)
    return loss


def mse_loss_backward(grad, a, target, reduction):
    scale = 2.0 / a.size if reduction == "mean" else 2.0
    return (scale * (a - target) * grad).astype(np.result_type(a, target), copy=False)


def mse_loss(a, target, reduction):
    from .kernels_nn import common_float
    a, target = common_float(a, target)
    d = a - target
    return _reduce_loss(d * d, reduction)


def nll_rows(a, target):
    """An nll_loss input as rows of class scores, one per target element, and the targets
    flattened: (N, C) as is, (C,) as one row, (N, C, H, W) with the class dim moved last."""
    t = np.asarray(target).reshape(-1)
    if a.ndim == 1:
        return a[None], t
    return np.moveaxis(a, 1, -1).reshape(-1, a.shape[1]), t


def nll_loss(a, target, weight, reduction, ignore_index):
    rows, t = nll_rows(a, target)
    valid = t != ignore_index
    safe = np.where(valid, t, 0)
    w = np.ones(rows.shape[1], dtype=a.dtype) if weight is None else weight
    # an ignored target's loss is +0, as PyTorch writes it (not -0 from -x * 0)
    picked = np.where(valid, -rows[np.arange(len(t)), safe] * w[safe], a.dtype.type(0))
    if reduction == "mean":
        total = np.sum(w[safe] * valid, dtype=a.dtype)
        return np.asarray(np.sum(picked, dtype=a.dtype) / total, dtype=a.dtype)
    if reduction == "sum":
        return np.sum(picked, dtype=a.dtype)
    return picked.reshape(np.shape(target)) if a.ndim > 1 else picked[0]


def binary_cross_entropy(a, target, weight, reduction):
    # PyTorch clamps each log at -100 so that log(0) stays finite.
    loss = -(target * np.maximum(np.log(a), -100) + (1 - target) * np.maximum(np.log1p(-a), -100))
    if weight is not None:
        loss = loss * weight._data  # a tensor (the formulas use it as such)
    return _reduce_loss(loss.astype(a.dtype, copy=False), reduction)


# ---- activations of torch.nn.functional with their own CPU kernels -------------------
# Each computes in the tensor's dtype as PyTorch's kernel does, the transcendental part
# through float64 (see via_float64).

def silu(a):
    return a / (a.dtype.type(1) + kernel_exp(-a))


def leaky_relu(a, negative_slope):
    return np.where(a > 0, a, a * a.dtype.type(negative_slope))


def leaky_relu_backward(grad, self, negative_slope):
    return np.where(self > 0, grad, grad * grad.dtype.type(negative_slope))


def softplus(a, beta, threshold):
    scaled = a * a.dtype.type(beta)
    soft = via_float64(np.log1p)(kernel_exp(scaled)) / a.dtype.type(beta)
    return np.where(scaled > threshold, a, soft)


def softplus_backward(grad, self, beta, threshold):
    z = kernel_exp(self * self.dtype.type(beta))
    return np.where(self * self.dtype.type(beta) > threshold, grad, grad * z / (z + 1))


_SQRT1_2 = 0.70710678118654752440
_GELU_PDF = 2 / np.sqrt(np.pi) * _SQRT1_2 * 0.5     # M_2_SQRTPI * M_SQRT1_2 * 0.5
_GELU_TANH = np.sqrt(2.0) * 2 / np.sqrt(np.pi) * 0.5  # M_SQRT2 * M_2_SQRTPI * 0.5
_GELU_CUBIC = 0.044715


def fma(a, b, c):
    """a * b + c rounded once, as the FMA instructions ATen's float32 kernels compile to
    (float64 holds a float32 product exactly); other dtypes as two operations."""
    if np.result_type(a, b, c) == np.float32:
        return (np.multiply(a, b, dtype=np.float64) + c).astype(np.float32)
    return a * b + c


def gelu(a, approximate):
    f = a.dtype.type
    if approximate == "tanh":  # ATen's order: kBeta * (x + kKappa * (x * x * x)), one FMA
        inner = f(_GELU_TANH) * fma(f(_GELU_CUBIC), a * a * a, a)
        return f(0.5) * a * (f(1) + tanh(inner))
    return a * f(0.5) * (f(1) + erf(a * f(_SQRT1_2)))


def gelu_backward(grad, self, approximate):
    f = self.dtype.type
    x = self
    if approximate == "tanh":
        x_sq = x * x
        # The products feeding an add are fused (the compiler's FMA contraction): 1 - t * t
        # near t = +-1 is exact there, so the gradient far from 0 has torch's digits.
        inner = f(_GELU_TANH) * fma(f(_GELU_CUBIC), x_sq * x, x)
        t = tanh(inner)
        left, right = f(0.5) * x, f(1) + t
        left_derivative = f(0.5) * right
        inner_derivative = f(_GELU_TANH) * fma(f(3) * f(_GELU_CUBIC), x_sq, f(1))
        right_derivative = left * fma(-t, t, f(1)) * inner_derivative
        return grad * (left_derivative + right_derivative)
    cdf = f(0.5) * (f(1) + erf(x * f(_SQRT1_2)))
    pdf = exp(f(-0.5) * x * x) * f(_GELU_PDF)
    return grad * (cdf + x * pdf)


def tanh_backward(grad, output):
    # ATen: a * (1 - b * b), the compiler fusing 1 - b * b into one FMA for float32
    one = output.dtype.type(1) if output.dtype.kind == "f" else 1
    return grad * fma(-output, output, one)


def sigmoid_backward(grad, output):
    return grad * (1 - output) * output  # ATen's order: (a * (1 - b)) * b


def threshold_backward(grad, self, threshold):
    # ATen's `self <= threshold ? 0 : grad`: a nan passes the gradient through.
    return np.where(self <= threshold, 0, grad).astype(grad.dtype, copy=False)

