"""Indexing: x[key] as PyTorch's chain of select/slice/unsqueeze views or one index op."""

import numbers

import numpy as np

from . import derivatives as d
from .dispatch import call_unary
from .grad_mode import GRAD
from .ops_shape import view_op
from .tensor import Tensor

LEAF_INPLACE_ERROR = ("a leaf Variable that requires grad is being used in an in-place "
                      "operation.")


def _is_advanced(item):
    return isinstance(item, (Tensor, list, np.ndarray)) or (
        isinstance(item, tuple) and False)


def _normalize(key):
    return key if isinstance(key, tuple) else (key,)


def _to_numpy_index(item):
    if isinstance(item, Tensor):
        if item._dtype.category == 2:
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        return item._data
    if isinstance(item, list):
        array = np.asarray([_to_numpy_index(i) if isinstance(i, Tensor) else i for i in item])
        if array.dtype.kind == "f":
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        return array
    return item


def _check_item(item):
    if item is None or item is Ellipsis or isinstance(item, slice):
        return
    if isinstance(item, bool) or isinstance(item, (numbers.Integral, Tensor, list, np.ndarray)):
        return
    raise IndexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte "
                     "Variables are valid indices (got %s)" % type(item).__name__)


def getitem(x, key):
    items = _normalize(key)
    for item in items:
        _check_item(item)
    if any(_is_advanced(i) or isinstance(i, bool) for i in items):
        return _advanced(x, items)
    return _basic(x, items, single=not isinstance(key, tuple))


def _advanced(x, items):
    key = tuple(_to_numpy_index(i) for i in items)
    try:
        x._data[key]
    except IndexError as exc:
        raise IndexError(str(exc).replace("axis", "dimension")) from None
    return call_unary(d.INDEX, x, key)


def _basic(x, items, single):
    """Apply the items dim by dim, as PyTorch does, each a view op with its own node."""
    ndim = x._data.ndim
    specified = sum(1 for i in items if i is not None and i is not Ellipsis)
    if specified > ndim:
        raise IndexError("too many indices for tensor of dimension %d" % ndim)
    if sum(1 for i in items if i is Ellipsis) > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    result = x
    dim = 0        # the dim of `result` the next item applies to
    source_dim = 0  # the same dim counted in x, as PyTorch's messages count it
    for item in items:
        if item is Ellipsis:
            dim += ndim - specified
            source_dim += ndim - specified
        elif item is None:
            result = view_op(d.UNSQUEEZE, result, dim)
            dim += 1
        elif isinstance(item, slice):
            size = result._data.shape[dim]
            start, stop, step = item.indices(size)
            if step <= 0:
                raise ValueError("step must be greater than zero")
            stop = max(stop, start)
            if single or not (start == 0 and stop == size and step == 1):
                result = view_op(d.SLICE, result, dim, start, stop, step)
            dim += 1
            source_dim += 1
        else:
            index = int(item)
            size = result._data.shape[dim]
            if not -size <= index < size:
                raise IndexError("index %d is out of bounds for dimension %d with size %d"
                                 % (index, source_dim, size))
            result = view_op(d.SELECT, result, dim, index % size)
            source_dim += 1
    if result is x:
        result = view_op(d.SLICE, x, 0, 0, x._data.shape[0], 1) if ndim else x
    return result


def setitem(x, key, value):
    """x[key] = value, in place (recorded in the graph when x or value requires grad)."""
    items = _normalize(key)
    for item in items:
        _check_item(item)
    np_key = tuple(_to_numpy_index(i) for i in items)
    from .inplace import check_writable
    check_writable(x)
    source = value._data if isinstance(value, Tensor) else value
    try:
        x._data[np_key] = source
    except IndexError as exc:
        raise IndexError(str(exc).replace("axis", "dimension")) from None
    except ValueError as exc:
        raise RuntimeError(str(exc)) from None
    x._bump_version()
    if GRAD.enabled and (x._requires_grad or (isinstance(value, Tensor) and value._requires_grad)):
        from .inplace import record_setitem
        record_setitem(x, np_key, value)
