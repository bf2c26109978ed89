"""Indexing: x[key] as PyTorch's chain of select/slice/unsqueeze views or one index op."""

import numbers
import re

import numpy as np

from . import derivatives as d
from .dispatch import call_unary
from .grad_mode import GRAD
from .ops_shape import view_op
from .tensor import Tensor

def _no_grad():
    from .grad_mode import no_grad
    return no_grad()




def _as_int_if_scalar_index(item):
    """x[torch.tensor(1)] is x[1] (a select), as in PyTorch."""
    if isinstance(item, Tensor) and item._data.ndim == 0 and item._dtype.category == 1:
        return int(item._data)
    return item


def _check_masks(x, items):
    dim = 0
    for item in items:
        if isinstance(item, Tensor) and item._dtype.category == 0:
            shape = item._data.shape
            target = x._data.shape[dim:dim + len(shape)]
            for i, (m, t) in enumerate(zip(shape, target)):
                if m != t:
                    raise IndexError(
                        "The shape of the mask [%s] at index %d does not match the shape of the "
                        "indexed tensor [%s] at index %d" % (", ".join(map(str, shape)), i,
                                                             ", ".join(map(str, x._data.shape)),
                                                             dim + i))
            dim += len(shape)
        elif item is not None:
            dim += 1


def _is_advanced(item):
    return isinstance(item, (Tensor, list, np.ndarray))


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


_SHAPE = re.compile(r"\(([\d, ]*)\)")


def _index_error(exc):
    """NumPy's IndexError in PyTorch's words (dimensions, tensors, shapes as [2, 3])."""
    text = str(exc)
    if text.startswith("shape mismatch: indexing arrays"):
        shapes = ["[%s]" % ", ".join(n.strip() for n in s.split(",") if n.strip())
                  for s in _SHAPE.findall(text)]
        return IndexError("shape mismatch: indexing tensors could not be broadcast together "
                          "with shapes " + ", ".join(shapes))
    return IndexError(text.replace("axis", "dimension"))


def getitem(x, key):
    items = tuple(_as_int_if_scalar_index(i) for i in _normalize(key))
    for item in items:
        _check_item(item)
    if x._data.ndim == 0 and any(i is not None and i is not Ellipsis for i in items):
        raise IndexError("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                         "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
    if len(items) == 1 and items[0] is Ellipsis:
        from .ops_shape import view_op
        return view_op(d.ALIAS, x)
    if any(_is_advanced(i) or isinstance(i, bool) for i in items):
        return _advanced(x, items)
    return _basic(x, items, single=not isinstance(key, tuple))


def _advanced(x, items):
    """PyTorch's applySlicing, then one index op: ints, slices, None and Python bools are
    applied first as views (select, slice, unsqueeze), in order; the tensor indices are
    then applied together to that view (IndexBackward0 over SliceBackward0 ...)."""
    _check_masks(x, items)
    ndim = x._data.ndim
    specified = sum(_dims_consumed(i) for i in items)
    if specified > ndim:
        raise IndexError("too many indices for tensor of dimension %d" % ndim)
    result, dim, indices = x, 0, {}
    for item in items:
        if item is Ellipsis:
            dim += ndim - specified
        elif item is None:
            result = view_op(d.UNSQUEEZE, result, dim)
            dim += 1
        elif isinstance(item, bool):
            # True is an index [0] into a new dim of size 1, False an empty index.
            result = view_op(d.UNSQUEEZE, result, dim)
            indices[dim] = np.zeros(1 if item else 0, dtype=np.int64)
            dim += 1
        elif isinstance(item, slice):
            result = _slice(result, dim, item, False)
            dim += 1
        elif _is_advanced(item):
            index = _to_numpy_index(item)
            indices[dim] = index
            dim += index.ndim if index.dtype == np.bool_ else 1
        else:
            result = _select(result, dim, int(item), dim)
    key, position = [], 0
    for start in sorted(indices):
        key.extend([slice(None)] * (start - position))
        key.append(indices[start])
        position = start + (indices[start].ndim if indices[start].dtype == np.bool_ else 1)
    key = tuple(key)
    try:
        result._data[key]
    except IndexError as exc:
        raise _index_error(exc) from None
    return call_unary(d.INDEX, result, key)


def _select(x, dim, index, shown_dim):
    """x[..., index] along dim, a SelectBackward0 view; errors name the user's dim."""
    size = x._data.shape[dim]
    if not -size <= index < size:
        raise IndexError("index %d is out of bounds for dimension %d with size %d"
                         % (index, shown_dim, size))
    return view_op(d.SELECT, x, dim, index % size)


def _slice(x, dim, item, always):
    """x[..., item] along dim, a SliceBackward0 view; a full slice is x itself unless
    `always` (a lone `x[:]` is still a slice node in PyTorch)."""
    size = x._data.shape[dim]
    start, stop, step = item.indices(size)
    if step <= 0:
        raise ValueError("step must be greater than zero")
    stop = max(stop, start)
    if always or not (start == 0 and stop == size and step == 1):
        return view_op(d.SLICE, x, dim, start, stop, step)
    return x


def _dims_consumed(item):
    if item is None or item is Ellipsis or isinstance(item, bool):
        return 0
    if isinstance(item, Tensor) and item._dtype.category == 0:
        return item._data.ndim
    return 1


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
            result = _slice(result, dim, item, single)
            dim += 1
            source_dim += 1
        else:
            result = _select(result, dim, int(item), source_dim)
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
    advanced = any(isinstance(k, np.ndarray) for k in np_key)
    from .inplace import check_writable, VIEW_OF_LEAF_ERROR
    if GRAD.enabled and x._requires_grad and x._grad_fn is None and not advanced:
        raise RuntimeError(VIEW_OF_LEAF_ERROR)  # x[i] = v writes through the view x[i]
    check_writable(x)
    source = value._data if isinstance(value, Tensor) else value
    if isinstance(value, Tensor):
        from .ops_shape import expand
        try:
            target = x._data[np_key].shape
        except IndexError as exc:
            raise _index_error(exc) from None
        with _no_grad():
            expand(value, target)  # PyTorch's message when value does not fit
    try:
        x._data[np_key] = source
    except IndexError as exc:
        raise _index_error(exc) from None
    except ValueError as exc:
        raise RuntimeError(str(exc)) from None
    x._bump_version()
    from .inplace import check_inference_write
    check_inference_write(x)
    if GRAD.enabled and (x._requires_grad or (isinstance(value, Tensor) and value._requires_grad)):
        from .inplace import record_setitem
        record_setitem(x, np_key, value)
