"""torch.tensor's reading of nested Python data: its dtype, its shape, and its errors.

Follows torch/csrc/utils/tensor_new.cpp: the dtype is inferred over every leaf; the
shape is read off the first element at each level; then each element is stored with
its level's length checked, so a ragged list fails where PyTorch's does and with
PyTorch's message. Tensors inside the data are scalars (one element each).
"""

import numbers

import numpy as np

from . import dtypes
from .dtypes import get_default_dtype, promote_types
from .tensor import Tensor
from .type_names import c_type_name

_SEQUENCE = (list, tuple, range)


def _leaf_dtype(item):
    if isinstance(item, Tensor):
        return item._dtype
    if isinstance(item, (bool, np.bool_)):
        return dtypes.bool_
    if isinstance(item, np.generic):
        return dtypes.from_numpy_dtype(item.dtype)
    if isinstance(item, numbers.Integral):
        return dtypes.int64
    if isinstance(item, numbers.Real):
        return get_default_dtype()
    if isinstance(item, str):
        raise TypeError("new(): invalid data type 'str'")
    raise RuntimeError("Could not infer dtype of %s" % type(item).__name__)


def infer_dtype(data):
    """torch.tensor's dtype for data: the promotion of its leaves' dtypes (Python bools,
    ints and floats are bool, int64 and the default dtype), the default for no leaves."""
    if isinstance(data, (Tensor, np.ndarray, np.generic)):
        return data._dtype if isinstance(data, Tensor) else dtypes.from_numpy_dtype(data.dtype)
    result = None
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, _SEQUENCE) and item:
            stack.extend(item)
            continue
        if isinstance(item, np.ndarray):  # an array inside the data: its own dtype
            leaf = dtypes.from_numpy_dtype(item.dtype)
            result = leaf if result is None else promote_types(result, leaf)
            continue
        # An empty sequence counts as the default dtype: tensor([[], [1]]) is float32.
        leaf = get_default_dtype() if isinstance(item, _SEQUENCE) else _leaf_dtype(item)
        result = leaf if result is None else promote_types(result, leaf)
    return get_default_dtype() if result is None else result


def _needs_torch_path(data):
    """Tensors (scalars to torch) or 0-dim arrays (an error) in the data?"""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, _SEQUENCE):
            stack.extend(item)
        elif isinstance(item, Tensor) or isinstance(item, np.ndarray) and item.ndim == 0:
            return True
    return False


def _shape_of(data):
    shape = []
    item = data
    while isinstance(item, _SEQUENCE):
        shape.append(len(item))
        if not item:
            break
        item = item[0]
    if isinstance(item, np.ndarray) and shape:  # a sequence to torch: len() of its rows
        if item.ndim == 0:
            raise TypeError("len() of unsized object")
        shape.extend(item.shape)
    return tuple(shape)


def _scalar(item, dtype):
    """One element converted as PyTorch's store_scalar does for dtype, with its errors."""
    if isinstance(item, Tensor):
        item = item.__index__() if dtype.category != 2 else item.__float__()
    elif dtype.category == 2:
        if isinstance(item, np.bool_):
            return float(item)
        if isinstance(item, _SEQUENCE) or not isinstance(item, numbers.Real):
            raise TypeError("must be real number, not %s" % c_type_name(item))
    elif isinstance(item, float) or isinstance(item, np.floating):
        pass  # truncated by the cast below, as PyTorch's
    elif dtype.category == 0 and isinstance(item, np.bool_):
        pass
    elif isinstance(item, _SEQUENCE) or not isinstance(item, numbers.Integral):
        raise TypeError("'%s' object cannot be interpreted as an integer" % c_type_name(item))
    return item


def _store(data, shape, dtype):
    flat = []
    stack = [(data, 0)]
    while stack:
        item, dim = stack.pop()
        if dim == len(shape):
            flat.append(_scalar(item, dtype))
            continue
        if isinstance(item, np.ndarray):
            item = list(item)  # its rows, or its elements as NumPy scalars
        if not isinstance(item, _SEQUENCE):
            raise TypeError("not a sequence")
        if len(item) != shape[dim]:
            raise ValueError("expected sequence of length %d at dim %d (got %d)"
                             % (shape[dim], dim, len(item)))
        stack.extend((x, dim + 1) for x in reversed(item))
    return _cast(flat, dtype).reshape(shape)


def _cast(values, dtype):
    if dtype.category == 2:
        return dtypes.cast_array(np.array(values, dtype=np.float64), dtype.np_dtype)
    if dtype.category == 0:
        return np.array([bool(v) for v in values], dtype=np.bool_)
    return np.array([_checked_int(v, dtype) for v in values], dtype=np.int64).astype(
        dtype.np_dtype)


def _checked_int(value, dtype):
    """An integer element as PyTorch stores it, with its errors.

    A Python int is unpacked to a C long long first (out of its range: ValueError), then
    checked by c10's checked_convert: in the dtype's range, or for an unsigned dtype down
    to -max too, which wraps (uint8 takes -1 as 255). A float is checked as a double
    (c10's overflows<T, double>): nan, or beyond [lowest, max] with max widened to double,
    overflows; the rest is truncated toward zero.
    """
    info = np.iinfo(dtype.np_dtype)
    if isinstance(value, (float, np.floating)):
        if not info.min <= value <= float(info.max):
            raise _overflow(dtype)
        value = int(value)
        # float(int64 max) is 2**63, which passes the check; x86's conversion makes it min.
        return info.min if value > info.max else value
    value = int(value)
    if not _INT64.min <= value <= _INT64.max:
        raise ValueError("Overflow when unpacking long long")
    low = -info.max if info.min == 0 else info.min
    if not low <= value <= info.max:
        raise _overflow(dtype)
    return value


_INT64 = np.iinfo(np.int64)


def _overflow(dtype):
    return RuntimeError("value cannot be converted to type %s without overflow"
                        % dtype.np_dtype.name)


def _floats_overflow(array, dtype):
    """Whether a float array holds a value c10 refuses to store in the integer dtype."""
    info = np.iinfo(dtype.np_dtype)
    with np.errstate(invalid="ignore"):
        return bool(np.any(~((array >= info.min) & (array <= float(info.max)))))


def array_from_data(data, dtype):
    """The array torch.tensor(data, dtype=dtype) holds."""
    if isinstance(data, Tensor):
        return dtypes.cast_array(data._data, dtype.np_dtype)
    if isinstance(data, np.ndarray):
        return dtypes.cast_array(data, dtype.np_dtype)
    if isinstance(data, _SEQUENCE) and not _needs_torch_path(data):
        try:  # the fast path; anything NumPy refuses or would wrap takes PyTorch's path
            with np.errstate(over="raise", invalid="raise"):
                array = np.array(data)
                if array.dtype.kind == "f" and dtype.category == 1 and _floats_overflow(
                        array, dtype):
                    pass  # element by element below: a Python int there has other rules
                elif array.dtype.kind in "bf" or array.dtype.kind == "i" and (
                        dtype.category == 2 or dtype is dtypes.int64):
                    return dtypes.cast_array(array, dtype.np_dtype)
        except (ValueError, TypeError, OverflowError, FloatingPointError):
            pass
    shape = _shape_of(data)
    if 0 in shape:
        return np.zeros(shape, dtype=dtype.np_dtype)  # nothing stored, so nothing checked
    return _store(data, shape, dtype)
