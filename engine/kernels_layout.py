"""NumPy kernels of the diagonal and rolling ops (diagonal, diag_embed, trace, roll)."""

import numpy as np


def diagonal_view(a, offset, dim1, dim2):
    """a.diagonal(offset, dim1, dim2) as a writable view (NumPy's own is read-only), so
    writes through torch.diagonal reach the base as in PyTorch."""
    d = np.diagonal(a, offset, dim1, dim2)
    if d.size == 0:
        return d.copy()
    start = [slice(None)] * a.ndim
    start[dim1] = slice(max(-offset, 0), None)
    start[dim2] = slice(max(offset, 0), None)
    return np.lib.stride_tricks.as_strided(a[tuple(start)], d.shape, d.strides)


def diagonal_copy(a, offset, dim1, dim2):
    return np.diagonal(a, offset, dim1, dim2).copy()


def diagonal_key(sizes, offset, dim1, dim2):
    """The NumPy index of the diagonal's elements, shaped as the diagonal itself."""
    n = min(sizes[dim1] - max(-offset, 0), sizes[dim2] - max(offset, 0))
    n = max(n, 0)
    rest = [i for i in range(len(sizes)) if i not in (dim1, dim2)]
    ndim = len(rest) + 1
    key = [None] * len(sizes)
    for position, axis in enumerate(rest):
        shape = [1] * ndim
        shape[position] = sizes[axis]
        key[axis] = np.arange(sizes[axis]).reshape(shape)
    along = np.arange(n).reshape([1] * (ndim - 1) + [n])
    key[dim1] = along + max(-offset, 0)
    key[dim2] = along + max(offset, 0)
    return tuple(key)


def diag_embed(a, offset, dim1, dim2):
    """Each last-dim vector of `a` on the diagonal of a new (dim1, dim2) plane."""
    n = a.shape[-1] + abs(offset)
    ndim = a.ndim + 1
    rest = list(a.shape[:-1])
    shape = []
    for axis in range(ndim):
        shape.append(n if axis in (dim1, dim2) else rest.pop(0))
    out = np.zeros(shape, a.dtype)
    out[diagonal_key(tuple(shape), offset, dim1, dim2)] = a
    return out


def trace(a):
    return np.asarray(np.trace(a, dtype=np.int64 if a.dtype.kind in "biu" else a.dtype))


def roll(a, shifts, dims):
    if dims is None:
        return np.roll(a.reshape(-1), shifts).reshape(a.shape)
    return np.roll(a, shifts, dims)


def rot90(a, k, dims):
    return np.ascontiguousarray(np.rot90(a, k, axes=dims))


def block_diag(*arrays_and_dtype):
    """torch.block_diag: 0-d inputs are 1x1 blocks, 1-d ones a row."""
    *arrays, np_dtype = arrays_and_dtype
    blocks = [a.reshape(1, -1) if a.ndim < 2 else a for a in arrays]
    out = np.zeros((sum(b.shape[0] for b in blocks), sum(b.shape[1] for b in blocks)), np_dtype)
    row = col = 0
    for b in blocks:
        out[row:row + b.shape[0], col:col + b.shape[1]] = b
        row, col = row + b.shape[0], col + b.shape[1]
    return out
