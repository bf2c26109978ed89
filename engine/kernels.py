"""NumPy forward kernels the table's ops run (arrays in, arrays out)."""

import warnings

import numpy as np


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
sinh = via_float64(np.sinh)
cosh = via_float64(np.cosh)


def masked_fill(a, mask, value):
    return np.where(np.asarray(mask), value, a).astype(a.dtype, copy=False)


def masked_fill_tensor(a, value, mask):
    return np.where(np.asarray(mask), value, a).astype(a.dtype, copy=False)


def add_alpha(a, b, alpha):
    return a + b * alpha


def sub_alpha(a, b, alpha):
    return a - b * alpha


def rsub_scalar(a, other):
    return other - a


def pow_scalar(a, exponent):
    """a ** exponent as PyTorch's CPU kernel computes it: the common exponents by
    multiplication and square roots (bit-identical to torch, and far faster than
    np.power's general path), any other by pow."""
    if a.dtype.kind == "f":
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
    return np.power(base, exponent)


def remainder(a, b):
    # PyTorch's floor-mod: fmod, moved by b where the signs differ (so -2 % 2 is -0.).
    m = np.fmod(a, b)
    return np.where((m != 0) & ((b < 0) != (m < 0)), m + b, m)


def sigmoid(a):
    # 1 / (1 + exp(-a)) in the tensor's dtype, as PyTorch computes it: exp overflowing to
    # inf gives exactly 0 (float32 sigmoid(-100) is 0, not a denormal).
    one = a.dtype.type(1)
    return one / (one + exp(-a))


def relu(a):
    return np.maximum(a, 0).astype(a.dtype, copy=False)


def sum_all(a):
    return np.sum(a, dtype=_sum_dtype(a))


def sum_dim(a, dim, keepdim):
    return np.sum(a, axis=dim, keepdims=keepdim, dtype=_sum_dtype(a))


def _sum_dtype(a):
    # Integer and bool sums accumulate in int64, as torch.sum does.
    return np.int64 if a.dtype.kind in "biu" else a.dtype


def mean_all(a):
    if a.size == 0:
        return np.array(np.nan, dtype=a.dtype)  # without NumPy's empty-slice warning
    return np.mean(a, dtype=a.dtype)


def mean_dim(a, dim, keepdim):
    if a.size == 0:
        return np.sum(a, axis=dim, keepdims=keepdim, dtype=a.dtype) / np.array(0, a.dtype)
    return np.mean(a, axis=dim, keepdims=keepdim, dtype=a.dtype)


def reshape_view(a, size):
    return a.reshape(size)


def expand(a, size):
    return np.broadcast_to(a, size)


def reshape_copy(a, size):
    return np.ascontiguousarray(a).reshape(size)


def clone(a):
    return a.copy()


def t(a):
    return a.T


def transpose(a, dim0, dim1):
    return np.swapaxes(a, dim0, dim1)


def permute(a, dims):
    return np.transpose(a, dims)


def squeeze(a):
    return a.reshape(tuple(s for s in a.shape if s != 1))


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


def embed(grad, sizes, key):
    """A zero array of `sizes` with grad added at `key` (repeated indices accumulate)."""
    out = np.zeros(sizes, dtype=grad.dtype)
    np.add.at(out, key, grad)
    return out


def unbind(a, dim):
    return tuple(np.moveaxis(a, dim, 0))


def to_dtype(a, dtype):
    return a.astype(dtype.np_dtype)


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
        out = np.where(np.isnan(out), out, np.maximum(out, low))
    if high is not None:
        out = np.where(np.isnan(out), out, np.minimum(out, high))
    return np.asarray(out).astype(a.dtype, copy=False)


def addmm(bias, mat1, mat2):
    return bias + mat1 @ mat2


def _reduce_with_index(a, dim, keepdim, pick, arg):
    if a.shape[dim] == 0:
        raise IndexError("max(): Expected reduction dim %d to have non-zero size." % dim)
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


def var(a, dim, correction, keepdim):
    with warnings.catch_warnings():  # the op warns PyTorch's way when dof <= 0
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.var(a, axis=dim, ddof=correction, keepdims=keepdim, dtype=a.dtype)


def std(a, dim, correction, keepdim):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.std(a, axis=dim, ddof=correction, keepdims=keepdim, dtype=a.dtype)


def norm(a, p, dim, keepdim):
    x = np.abs(a)
    if p == float("inf"):
        return np.max(x, axis=dim, keepdims=keepdim)
    if p == float("-inf"):
        return np.min(x, axis=dim, keepdims=keepdim)
    if p == 0:
        return np.sum(x != 0, axis=dim, keepdims=keepdim).astype(a.dtype)
    if p == 2:
        return np.sqrt(np.sum(x * x, axis=dim, keepdims=keepdim))
    return np.sum(x ** p, axis=dim, keepdims=keepdim) ** (1.0 / p)


def logsumexp(a, dim, keepdim):
    m = np.max(a, axis=dim, keepdims=True)
    m = np.where(np.isfinite(m), m, 0)
    out = np.log(np.sum(np.exp(a - m), axis=dim, keepdims=True)) + m
    return out if keepdim else np.squeeze(out, axis=dim)


def softmax(a, dim):
    e = np.exp(a - np.max(a, axis=dim, keepdims=True))
    return e / np.sum(e, axis=dim, keepdims=True)


def log_softmax(a, dim):
    shifted = a - np.max(a, axis=dim, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=dim, keepdims=True))


def cumsum(a, dim):
    return np.cumsum(a, axis=dim, dtype=_sum_dtype(a))


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
    d = a - target
    return _reduce_loss(d * d, reduction)


def nll_loss(a, target, weight, reduction, ignore_index):
    batched = a.ndim > 1
    logp = a if batched else a[None]
    t = np.asarray(target).reshape(-1)
    valid = t != ignore_index
    safe = np.where(valid, t, 0)
    w = np.ones(a.shape[-1] if not batched else a.shape[1], dtype=a.dtype) if weight is None \
        else weight
    picked = -logp[np.arange(len(t)), safe] * w[safe] * valid
    if reduction == "mean":
        total = np.sum(w[safe] * valid, dtype=a.dtype)
        return np.asarray(np.sum(picked, dtype=a.dtype) / total, dtype=a.dtype)
    if reduction == "sum":
        return np.sum(picked, dtype=a.dtype)
    return picked if batched else picked[0]


def binary_cross_entropy(a, target, weight, reduction):
    # PyTorch clamps each log at -100 so that log(0) stays finite.
    loss = -(target * np.maximum(np.log(a), -100) + (1 - target) * np.maximum(np.log1p(-a), -100))
    if weight is not None:
        loss = loss * weight
    return _reduce_loss(loss.astype(a.dtype, copy=False), reduction)


def tanh_backward(grad, output):
    return grad * (1 - output * output)


def sigmoid_backward(grad, output):
    return grad * ((1 - output) * output)


def threshold_backward(grad, self, threshold):
    return np.where(self > threshold, grad, 0).astype(grad.dtype, copy=False)


def softmax_backward(grad, output, dim):
    return output * (grad - np.sum(grad * output, axis=dim, keepdims=True))


def log_softmax_backward(grad, output, dim):
    return grad - np.exp(output) * np.sum(grad, axis=dim, keepdims=True)
