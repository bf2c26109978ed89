"""index_put_ / index_put (and x[tensor_key] = value): ATen's _index_put_impl_ with its checks in
its order, recorded as IndexPutBackward0 (CopySlices when written through a view)."""

import numpy as np

from . import derivatives as d
from . import dtypes
from .dispatch import record
from .grad_mode import GRAD
from .index_key import resolve
from .shape_util import shape_str
from .tensor import Tensor, wrap

_MASKS = (dtypes.bool_, dtypes.uint8)


def index_put_(input, indices, values, accumulate=False):
    return index_put_resolved(input, _indices_of("index_put_", input, indices), values,
                              accumulate)


def index_put(input, indices, values, accumulate=False):
    indices = _indices_of("index_put", input, indices)
    _check_values("index_put", values)
    result = wrap(input._data.copy(), input._dtype)
    _put(result, indices, values, accumulate)
    if GRAD.enabled and (input._requires_grad or values._requires_grad):
        key = resolve(input._data.shape, indices)
        record(d.INDEX_PUT_ACC if accumulate else d.INDEX_PUT, (input, values, key), (result,))
    return result


def _indices_of(name, input, indices):
    if not isinstance(indices, (tuple, list)) or not all(
            i is None or isinstance(i, Tensor) for i in indices):
        bad = indices if not isinstance(indices, (tuple, list)) else next(
            i for i in indices if i is not None and not isinstance(i, Tensor))
        raise TypeError("%s(): argument 'indices' (position 1) must be tuple of Tensors, not %s"
                        % (name, type(bad).__name__))
    ndim = input._data.ndim
    if len(indices) > ndim:
        raise IndexError("too many indices for tensor of dimension %d (got %d)"
                         % (ndim, len(indices)))
    placed, dim = [], 0
    for index in indices:
        if index is not None:
            placed.append((dim, index))
            dim += index._data.ndim if index._dtype in _MASKS else 1
        else:
            dim += 1
    return placed


def _check_values(name, values):
    if not isinstance(values, Tensor):
        raise TypeError("%s(): argument 'values' (position 2) must be Tensor, not %s"
                        % (name, type(values).__name__))


def index_put_resolved(input, indices, values, accumulate):
    """input[indices] = values in place; `indices` are [(dim, index tensor)]."""
    from .inplace import check_writable, history_of, _placeholder, take_node, rebase_view, \
        refresh_views, check_inference_write
    _check_values("index_put_", values)
    check_writable(input)
    key = _put(input, indices, values, accumulate)
    input._bump_version()
    check_inference_write(input)
    if GRAD.enabled and (input._requires_grad or values._requires_grad):
        op = d.INDEX_PUT_ACC if accumulate else d.INDEX_PUT
        node = record(op, (history_of(input), values, key), (_placeholder(input),))
        take_node(input, node)
        rebase_view(input)
        refresh_views(input)
    return input


def _put(target, indices, values, accumulate):
    """Write values at the indices into target's data; the NumPy key written."""
    shape = target._data.shape
    if not accumulate and values._data.size == 1 and len(indices) == 1 and \
            indices[0][1]._dtype in _MASKS:
        # canDispatchToMaskedFill: one mask and one value are a masked_fill_ of the value.
        dim, mask = indices[0]
        if mask._dtype is not dtypes.bool_:
            raise RuntimeError("masked_fill_ only supports boolean masks, but got mask with "
                               "dtype %s" % mask._dtype.c_name)
        for j, size in enumerate(mask._data.shape):
            if dim + j >= len(shape) or size != shape[dim + j]:
                raise IndexError("The shape of the mask %s at index %d does not match the shape "
                                 "of the indexed tensor %s at index %d"
                                 % (shape_str(mask._data.shape), j, shape_str(shape), dim + j))
        key = (slice(None),) * dim + (mask._data,)
        _write(target, key, values._data.reshape(()), False)
        return key
    # ATen sizes the indexing result (the value's broadcast) before the kernel checks bounds
    target_shape = np.empty(shape, dtype=np.bool_)[resolve(shape, indices,
                                                           check_bounds=False)].shape
    try:
        np.broadcast_shapes(values._data.shape, target_shape)
        fits = len(values._data.shape) <= len(target_shape)
    except ValueError:
        fits = False
    if not fits or np.broadcast_shapes(values._data.shape, target_shape) != target_shape:
        raise RuntimeError("shape mismatch: value tensor of shape %s cannot be broadcast to "
                           "indexing result of shape %s"
                           % (shape_str(values._data.shape), shape_str(target_shape)))
    if values._dtype is not target._dtype:
        raise RuntimeError("Index put requires the source and destination dtypes match, got %s "
                           "for the destination and %s for the source."
                           % (target._dtype.scalar_name, values._dtype.scalar_name))
    key = resolve(shape, indices)
    _write(target, key, values._data, accumulate)
    return key


def _write(target, key, values, accumulate):
    data = target._data
    if not data.flags.writeable:
        raise RuntimeError("unsupported operation: more than one element of the written-to "
                           "tensor refers to a single memory location. Please clone() the "
                           "tensor before performing the operation.")
    if accumulate:
        np.add.at(data, key, values.astype(data.dtype, copy=False))
    else:
        data[key] = values.astype(data.dtype, copy=False)
