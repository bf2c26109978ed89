"""Indexing: x[key] and x[key] = value as PyTorch's python_variable_indexing.cpp does them:
ints, slices, None and bools applied first as views (select, slice, unsqueeze), in order, the
tensor indices then applied together by one index (or index_put_) op."""

import operator

import numpy as np

from . import derivatives as d
from . import dtypes
from .dispatch import call_unary
from .index_key import (count_specified, is_int, is_sequence, key_items, resolve,
                        sequence_to_index)
from .ops_shape import view_op
from .tensor import Tensor, wrap

_ZERO_DIM_SELECT = ("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                    "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")


def getitem(x, key):
    if key is None:
        return view_op(d.UNSQUEEZE, x, 0)
    if key is Ellipsis:
        return view_op(d.ALIAS, x)
    if is_int(key):
        return _select(x, 0, int(key), 0)
    if isinstance(key, slice):
        return _slice(x, 0, key, True)
    result, indices = apply_slicing(x, key_items(key))
    if indices:
        return call_unary(d.INDEX, result, resolve(result._data.shape, indices))
    if result is x:
        return view_op(d.ALIAS, x)  # x[:, :] and x[()] are new tensors: aliases
    return result


def apply_slicing(x, items, disable_slice_optimization=False):
    """ATen's applySlicing: the items' views of x in order, and the tensor indices met on the
    way as [(dim of the result, index tensor)]."""
    ndim = x._data.ndim
    specified = count_specified(items)
    if specified > ndim:
        raise IndexError("too many indices for tensor of dimension %d" % ndim)
    result, dim, indices = x, 0, []
    # An out-of-range int names the dim by the item's position in the key, as ATen's
    # applySlicing passes its loop index as real_dim (x[None, 5] names dimension 1).
    for position, item in enumerate(items):
        if item is None:
            result = view_op(d.UNSQUEEZE, result, dim)
            dim += 1
        elif item is Ellipsis:
            dim += ndim - specified
        elif isinstance(item, bool):
            result, dim = _bool_index(result, dim, item, indices)
        elif is_int(item):
            result = _select(result, dim, int(item), position)
        elif isinstance(item, slice):
            result = _slice(result, dim, item, disable_slice_optimization)
            dim += 1
        else:
            if not isinstance(item, Tensor):
                if not is_sequence(item):
                    result = _select(result, dim, _as_index(item), position)
                    continue
                item = sequence_to_index(item)
            if item._data.ndim == 0 and item._dtype.category == 1 and \
                    item._dtype is not dtypes.uint8:
                result = _select(result, dim, int(item._data), position)
            elif item._data.ndim == 0 and item._dtype.category == 0 or \
                    item._data.ndim == 0 and item._dtype is dtypes.uint8:
                result, dim = _bool_index(result, dim, bool(item._data), indices)
            else:
                indices.append((dim, item))
                mask = item._dtype.category == 0 or item._dtype is dtypes.uint8
                step = item._data.ndim if mask else 1
                dim += step
    return result, indices


def _as_index(item):
    try:
        return operator.index(item)
    except TypeError:
        raise IndexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte "
                         "Variables are valid indices (got %s)" % type(item).__name__) from None


def _bool_index(result, dim, value, indices):
    """A Python or 0-dim bool: a new dim of size 1, indexed by [0] (True) or [] (False)."""
    from .creation import tensor
    result = view_op(d.UNSQUEEZE, result, dim)
    indices.append((dim, tensor([0] if value else [], dtype=dtypes.int64)))
    return result, dim + 1


def _select(x, dim, index, shown_dim):
    """x[..., index] along dim, a SelectBackward0 view; errors name the user's dim."""
    shape = x._data.shape
    if not shape:
        if index == 0 and dim == 0:
            raise IndexError(_ZERO_DIM_SELECT)
        raise IndexError("index %d is out of bounds for dimension 0 with size 0" % index)
    size = shape[dim]
    if not -size <= index < size:
        raise IndexError("index %d is out of bounds for dimension %d with size %d"
                         % (index, shown_dim, size))
    return view_op(d.SELECT, x, dim, index % size)


def _slice(x, dim, item, always):
    """x[..., item] along dim, a SliceBackward0 view; a full slice is x itself unless
    `always` (a lone `x[:]` is still a slice node in PyTorch)."""
    if not x._data.ndim:
        raise IndexError("slice() cannot be applied to a 0-dim tensor.")
    size = x._data.shape[dim]
    start, stop, step = item.indices(size)
    if step <= 0:
        raise ValueError("step must be greater than zero")
    stop = max(stop, start)
    # ATen's applySlice skips a slice whose start, as written, is 0 (a negative start that
    # comes to 0, x[-4:] of 4 rows, is still a slice) and whose stop reaches the end.
    written_start = 0 if item.start is None else item.start
    if always or not (written_start == 0 and stop == size and step == 1):
        return view_op(d.SLICE, x, dim, start, stop, step)
    return x


# ---- x[key] = value ----------------------------------------------------------------------------

def setitem(x, key, value):
    """x[key] = value as at::indexing::set_item: the key's views of x, then a copy into them
    (copy_, fill_ of a 0-dim value) or, with tensor indices, index_put_ of the value."""
    from .ops_index_put import index_put_resolved
    value = _value_tensor(x, value)
    if key is False:
        return
    if key is None or key is True:
        _copy_to(view_op(d.UNSQUEEZE, x, 0), value)
        return
    if key is Ellipsis:
        _copy_to(x, value)
        return
    if is_int(key):
        _copy_to(_select(x, 0, int(key), 0), value)
        return
    if isinstance(key, slice):
        _copy_to(_slice(x, 0, key, False), value)
        return
    sliced, indices = apply_slicing(x, key_items(key))
    if not indices:
        _copy_to(sliced, value)
        return
    stripped = _strip_leading_ones(value._data.shape)
    if stripped != value._data.shape:
        value = view_op(d.VIEW, value, stripped)
    index_put_resolved(sliced, indices, value, False)


def _value_tensor(x, value):
    """valueToTensor: a tensor as it is, a Python number as a 0-dim tensor of x's dtype."""
    if isinstance(value, Tensor):
        return value
    if isinstance(value, (bool, int, float, np.integer, np.floating)) and \
            not isinstance(value, complex):
        # valueToTensor reads an int as a C long long, then at::indexing::scalarToTensor
        # fills a 0-dim tensor: checked as fill_ checks it, but for float16, which it casts.
        if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)) \
                and not -2 ** 63 <= value < 2 ** 63:
            raise ValueError("Overflow when unpacking long long")
        if x._dtype is dtypes.float16:
            if isinstance(value, (float, np.floating)):  # unchecked, but through float32
                value = dtypes.scalar_to(value, x._dtype, single=True)
            return wrap(np.array(value, dtype=np.float16), x._dtype)
        return wrap(np.array(dtypes.scalar_to(value, x._dtype)), x._dtype)
    raise TypeError("can't assign a %s to a torch.%s" % (type(value).__name__,
                                                          x._dtype.legacy_name))


def _strip_leading_ones(shape):
    i = 0
    while i < len(shape) and shape[i] == 1:
        i += 1
    return shape[i:]


def _copy_to(dst, src):
    """indexing's copy_to: copy_ of the same shape, fill_ of a 0-dim value, else copy_ of the
    value viewed without its leading ones and expanded (expand's errors, as PyTorch's)."""
    from .inplace import copy_, fill_
    from .ops_shape import expand
    if dst._data.shape == src._data.shape:
        copy_(dst, src)
    elif src._data.ndim == 0:
        fill_(dst, src)
    else:
        src = view_op(d.VIEW, src, _strip_leading_ones(src._data.shape))
        if src._data.shape != dst._data.shape:
            src = expand(src, dst._data.shape)
        copy_(dst, src)
