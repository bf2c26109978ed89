"""NumPy forward kernels the table's ops run (arrays in, arrays out)."""

import numpy as np


def add_alpha(a, b, alpha):
    return a + b * alpha


def sub_alpha(a, b, alpha):
    return a - b * alpha


def rsub_scalar(a, other):
    return other - a


def scalar_pow(exponent, base):
    return np.power(base, exponent)


def sigmoid(a):
    # Split by sign so neither branch overflows: PyTorch's sigmoid is finite everywhere.
    out = np.empty_like(a)
    pos = a >= 0
    out[pos] = 1 / (1 + np.exp(-a[pos]))
    e = np.exp(a[~pos])
    out[~pos] = e / (1 + e)
    return out


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
    return np.mean(a, dtype=a.dtype)


def mean_dim(a, dim, keepdim):
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


def unsqueeze(a, dim):
    return np.expand_dims(a, dim)


def select(a, dim, index):
    return a[(slice(None),) * dim + (index,)]


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
