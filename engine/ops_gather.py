"""Gathering and masking as torch functions: gather, index_select, masked_fill, tril, triu, flip."""

import numbers

import numpy as np

from . import derivatives as d
from . import dtypes
from .dispatch import call, call_unary
from .shape_util import broadcast_shapes, wrap_dim, wrap_dims
from .size_args import int_arg
from .tensor import Tensor


def _check_index(name, index, allowed, allowed_text):
    if not isinstance(index, Tensor):
        raise TypeError("%s(): argument 'index' (position 2) must be Tensor, not %s"
                        % (name, type(index).__name__))
    if index._dtype not in allowed:
        raise RuntimeError("%s(): Expected dtype %s for index" % (name, allowed_text))
    return index._data


def gather(input, dim, index, *, sparse_grad=False):
    """out[i][j] = input[i][index[i][j]] (dim 1): a NumPy key of index along dim and
    aranges along the others, so the backward is the indexing ops' embed."""
    idx = _check_index("gather", index, (dtypes.int64, dtypes.int32), "int32/int64")
    ndim = input._data.ndim
    dim = wrap_dim(dim, ndim)
    if idx.ndim != ndim and not (idx.ndim <= 1 and ndim <= 1):
        raise RuntimeError("Index tensor must have the same number of dimensions as input tensor")
    shape = input._data.shape or (1,)  # a 0-dim input is read as one element along dim 0
    for d_ in range(idx.ndim):
        if d_ != dim and idx.shape[d_] > shape[d_]:
            raise RuntimeError("Size does not match at dimension %d expected index %s to be no "
                               "larger than self %s apart from dimension %d"
                               % (d_, list(idx.shape), list(shape), dim))
    bad = (idx < 0) | (idx >= shape[dim])
    if bad.any():
        raise RuntimeError("index %d is out of bounds for dimension %d with size %d"
                           % (idx[bad].flat[0], dim, shape[dim]))
    grids = np.ogrid[tuple(slice(0, n) for n in idx.shape)]
    key = tuple(idx.astype(np.int64) if d_ == dim else grids[d_] for d_ in range(idx.ndim))
    return call_unary(d.GATHER, input, key or (idx.astype(np.int64),))


def index_select(input, dim, index):
    idx = _check_index("index_select", index, (dtypes.int32, dtypes.int64), "int32 or int64")
    if idx.ndim > 1:
        raise IndexError("index_select(): Index is supposed to be a vector")
    dim = wrap_dim(dim, input._data.ndim)
    size = input._data.shape[dim] if input._data.ndim else 1
    if input._data.ndim == 0 and idx.size != 1:
        raise RuntimeError("index_select(): Index to scalar can have only 1 value, got %d "
                           "value(s)" % idx.size)
    _check_index_select_range(input._data, dim, idx, size)
    # A 0-dim input gives a 0-dim result: its one index is read as a scalar.
    idx = idx.reshape(-1 if input._data.ndim else ()).astype(np.int64)
    key = (slice(None),) * dim + (idx,)
    return call_unary(d.INDEX_SELECT, input, key)


def _check_index_select_range(data, dim, idx, size):
    """index_select_out_cpu_'s range errors, which depend on the path its CPU kernel takes:
    dim 1 of a tensor of 2+ dims (and any dim of an empty one) checks all indices up front
    ("INDICES element ..."), the other paths check each index as they copy it."""
    bad = (idx < 0) | (idx >= size)
    if data.ndim > 1 and idx.size == 0:
        return
    if data.ndim > 1 and data.size == 0 and size == 0:
        raise RuntimeError("index_select(): self indexing axis dim should be positive")
    if not bad.any():
        return
    if data.ndim > 1 and (dim == 1 or data.size == 0):
        raise RuntimeError("INDICES element is out of DATA bounds, id=%d axis_dim=%d"
                           % (idx[bad].flat[0], size))
    raise IndexError("index out of range in self")


def masked_fill(input, mask, value):
    if not isinstance(mask, Tensor) or mask._dtype is not dtypes.bool_:
        raise RuntimeError("masked_fill_ only supports boolean masks, but got mask with dtype %s"
                           % (mask._dtype.c_name if isinstance(mask, Tensor)
                              else type(mask).__name__))
    broadcast_shapes(mask._data.shape, input._data.shape)  # PyTorch's size mismatch message
    mask_data = mask._data
    if isinstance(value, Tensor):
        if value._data.ndim != 0:
            raise RuntimeError("masked_fill_ only supports a 0-dimensional value tensor, but got "
                               "tensor with %d dimension(s)." % value._data.ndim)
        dtypes.scalar_to(value._data.item(), input._dtype)  # ATen fills value.item(), checked
        return call(d.MASKED_FILL_TENSOR, (input, value), (mask_data,), input._dtype)
    if isinstance(value, numbers.Number):
        value = dtypes.scalar_to(value, input._dtype)
    return call(d.MASKED_FILL, (input,), (mask_data, value), input._dtype)


def _triangle(op, name):
    def triangle(input, diagonal=0):
        diagonal = int_arg(name, "diagonal", 1, diagonal)
        if input._data.ndim < 2:
            raise RuntimeError("%s: input tensor must have at least 2 dimensions" % name)
        return call_unary(op, input, diagonal)
    triangle.__name__ = name
    return triangle


tril = _triangle(d.TRIL, "tril")
triu = _triangle(d.TRIU, "triu")


def flip(input, *dims):
    if len(dims) == 1 and isinstance(dims[0], (tuple, list)):
        dims = tuple(dims[0])
    return call_unary(d.FLIP, input, wrap_dims(dims, input._data.ndim))


