"""NumPy kernels of the scatter family (scatter, scatter_add, index_add/fill/copy, masked_select,
masked_scatter, take, put): each returns a new array; the index arguments are engine tensors
(the formulas use them as tensors), read here through `_array`."""

import numpy as np


def _array(index):
    return np.asarray(getattr(index, "_data", index)).astype(np.int64, copy=False)


def _at_least_1d(*arrays):
    return [a.reshape(1) if a.ndim == 0 else a for a in arrays]


def _scatter_key(index, dim):
    """out[key] is out[index[i][j]][j] (dim 0): index along dim, aranges along the others."""
    grids = np.ogrid[tuple(slice(0, n) for n in index.shape)]
    return tuple(index if d == dim else grids[d] for d in range(index.ndim))


def _leading_part(src, index):
    return src[tuple(slice(0, n) for n in index.shape)]


def _scatter_with(a, index, dim, write):
    out, index = _at_least_1d(a.copy(), _array(index))
    if index.size:
        write(out, _scatter_key(index, dim))
    return out.reshape(a.shape)


def _shape(index):
    shape = _array(index).shape
    return shape if shape else (1,)


def scatter_src(a, src, dim, indices, reduce=None):
    src, = _at_least_1d(src)
    part = _leading_part(src, np.empty(_shape(indices)))

    return _scatter_with(a, indices, dim, _writer(
        lambda out, key: part.astype(out.dtype, copy=False), reduce))


def scatter_value(a, dim, indices, value, reduce=None):
    return _scatter_with(a, indices, dim, _writer(
        lambda out, key: np.broadcast_to(np.asarray(value).astype(out.dtype), key[0].shape),
        reduce))


def _writer(values_for, reduce):
    """write(out, key): the values put at out[key], added or multiplied in for `reduce`."""
    def write(out, key):
        values = values_for(out, key)
        if reduce == "add":
            np.add.at(out, key, values)
        elif reduce == "multiply":
            np.multiply.at(out, key, values)
        else:
            out[key] = values
    return write


def scatter_add(a, src, dim, indices):
    return scatter_src(a, src, dim, indices, "add")


def _along(a, dim):
    """a viewed with dim first (writes go through to a)."""
    a, = _at_least_1d(a)
    return np.moveaxis(a, dim, 0)


def index_add(a, source, dim, indices, alpha):
    out = a.copy()
    values = source * alpha if alpha != 1 else source
    target = _along(out, dim)
    index = _array(indices).reshape(-1)
    np.add.at(target, index, _along(np.asarray(values).astype(out.dtype), dim).reshape(
        index.shape + target.shape[1:]))
    return out


def index_fill(a, dim, indices, value):
    out = a.copy()
    _along(out, dim)[_array(indices).reshape(-1)] = np.asarray(value).astype(out.dtype)
    return out


def index_fill_tensor(a, value, dim, indices):
    return index_fill(a, dim, indices, value)


def index_copy(a, source, dim, indices):
    out = a.copy()
    target = _along(out, dim)
    index = _array(indices).reshape(-1)
    target[index] = _along(source.astype(out.dtype), dim).reshape(index.shape + target.shape[1:])
    return out


def masked_select(a, mask):
    return np.broadcast_to(a, mask.shape)[mask]


def masked_scatter(a, source, mask):
    out = np.broadcast_to(a, mask.shape).copy()
    out[mask] = source.reshape(-1)[:int(mask.sum())]
    return out


def take(a, indices):
    return a.reshape(-1)[_array(indices)]


def put(a, source, indices, accumulate):
    out = a.copy()
    flat = out.reshape(-1)
    index = _array(indices).reshape(-1)
    values = source.reshape(-1).astype(out.dtype, copy=False)
    if accumulate:
        np.add.at(flat, index, values)
    else:
        flat[index] = values
    return out
