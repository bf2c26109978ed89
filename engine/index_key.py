"""Reading an index key as PyTorch does: which keys are tuples, lists made index tensors, and
ATen's checks of the index tensors (types, masks, broadcasting, bounds) in ATen's order."""

import numbers

import numpy as np

from . import dtypes
from .shape_util import shape_str
from .tensor import Tensor
from . import cpp_warnings

SEQUENCE_WARNING = (
    "Using a non-tuple sequence for multidimensional indexing is deprecated and will be changed "
    "in pytorch 2.9; use x[tuple(seq)] instead of x[seq]. In pytorch 2.9 this will be "
    "interpreted as tensor index, x[torch.tensor(seq)], which will result either in an error or "
    "a different result")
UINT8_WARNING = ("indexing with dtype torch.uint8 is now deprecated, please use a dtype "
                 "torch.bool instead.")
INDEX_TYPES_ERROR = "tensors used as indices must be long, int, byte or bool tensors"
_INDEX_DTYPES = (dtypes.int64, dtypes.int32, dtypes.uint8, dtypes.bool_)
_MASK_DTYPES = (dtypes.uint8, dtypes.bool_)


def is_sequence(value):
    return isinstance(value, (list, tuple, str, range, np.ndarray))


def is_int(value):
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def key_items(key):
    """The key as a tuple of items (python_variable_indexing.cpp's treatSequenceAsTuple):
    a short list holding a tensor, a sequence, a slice, None or Ellipsis is read as a tuple
    (with PyTorch's deprecation warning); any other list is one index."""
    if isinstance(key, tuple):
        return key
    if isinstance(key, Tensor) or not is_sequence(key) or isinstance(key, np.ndarray):
        return (key,)
    if len(key) >= 32:
        return (key,)
    for item in key:
        if (isinstance(item, (Tensor, slice)) or is_sequence(item) or item is None
                or item is Ellipsis):
            cpp_warnings.warn(SEQUENCE_WARNING, cpp_warnings.SEQUENCE_INDEX, stacklevel=3)
            return tuple(key)
    return (key,)


def count_specified(items):
    """Dims the items index (a mask its ndim; None, Ellipsis and Python bools none)."""
    count = 0
    for item in items:
        if isinstance(item, Tensor):
            count += item._data.ndim if item._dtype in _MASK_DTYPES else 1
        elif item is not None and item is not Ellipsis and not isinstance(item, bool):
            count += 1
    return count


def sequence_to_index(seq):
    """A list as an index tensor (indexing_tensor_from_data): bool stays bool, anything
    else becomes int64 (floats truncated)."""
    from .creation import tensor
    _refuse_strings(seq)
    if isinstance(seq, np.ndarray) and seq.dtype == np.uint8:
        return tensor(seq)
    result = tensor(seq)
    if result._dtype in _MASK_DTYPES:
        return result
    return tensor(seq, dtype=dtypes.int64)


def _refuse_strings(seq):
    stack = [seq]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            raise TypeError("new(): invalid data type 'str'")
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        elif item is None:
            raise RuntimeError("Could not infer dtype of NoneType")


def resolve(shape, indices, stacklevel=4, check_bounds=True):
    """The NumPy key indexing an array of `shape` with index tensors at dims
    ([(dim, tensor)], dims in order), after ATen's checks: index dtypes, each mask's shape,
    the broadcast of all indices, then their bounds (the dim an error names is the index's
    position among the index tensors, masks counting one per dim, as the kernel counts).
    Without check_bounds, out-of-range indices are clipped: the key only sizes the result."""
    for _, index in indices:
        if index._dtype not in _INDEX_DTYPES:
            raise IndexError(INDEX_TYPES_ERROR)
    placed = []  # (dim, int array)
    for dim, index in indices:
        data = index._data
        if index._dtype in _MASK_DTYPES:
            if index._dtype is dtypes.uint8 and check_bounds:
                cpp_warnings.warn(UINT8_WARNING, cpp_warnings.UINT8_INDEX,
                                  stacklevel=stacklevel - 1)
            for j, size in enumerate(data.shape):
                if dim + j >= len(shape) or size != shape[dim + j]:
                    raise IndexError(
                        "The shape of the mask %s at index %d does not match the shape of the "
                        "indexed tensor %s at index %d" % (shape_str(data.shape), j,
                                                           shape_str(shape), dim + j))
            placed.extend((dim + j, nz) for j, nz in enumerate(np.nonzero(data)))
        else:
            placed.append((dim, data.astype(np.int64, copy=False)))
    arrays = [a for _, a in placed]
    try:
        arrays = np.broadcast_arrays(*arrays)
    except ValueError:
        raise IndexError("shape mismatch: indexing tensors could not be broadcast together with "
                         "shapes " + ", ".join(shape_str(a.shape) for a in arrays)) from None
    sizes = [shape[dim] for dim, _ in placed]
    if not check_bounds or _reads_nothing(arrays, shape, {dim for dim, _ in placed}):
        # Any index will do (NumPy checks them all): in range, the result is as empty.
        arrays = [np.clip(a, -s, s - 1) if s else a for a, s in zip(arrays, sizes)]
    else:
        _check_bounds(arrays, sizes, shape)
    key, position = [], 0
    for (dim, _), array in zip(placed, arrays):
        key.extend([slice(None)] * (dim - position))
        key.append(array)
        position = dim + 1
    return tuple(key)


def _reads_nothing(arrays, shape, indexed_dims):
    """True when the result is empty: ATen's index kernel then checks no index."""
    return (not arrays or arrays[0].size == 0
            or any(n == 0 for d, n in enumerate(shape) if d not in indexed_dims))


def _check_bounds(arrays, sizes, shape):
    """The first index out of range, in the order the kernel meets them: element by element
    of the broadcast result, index tensor by index tensor (any index into an empty input)."""
    if 0 in shape:
        raise IndexError("index is out of bounds for dimension with size 0")
    bad = np.stack([((a < -s) | (a >= s)).reshape(-1) for a, s in zip(arrays, sizes)])
    if not bad.any():
        return
    element = int(np.argmax(bad.any(axis=0)))
    i = int(np.argmax(bad[:, element]))
    raise IndexError("index %d is out of bounds for dimension %d with size %d"
                     % (arrays[i].reshape(-1)[element], i, sizes[i]))
