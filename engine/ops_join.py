"""Joining and splitting as torch functions: cat, stack, narrow."""


from . import derivatives as d
from . import dtypes
from .dispatch import call
from .shape_util import wrap_dim
from .tensor import Tensor
from .type_names import c_type_name


def _tensors(tensors, name):
    if isinstance(tensors, Tensor) or not isinstance(tensors, (list, tuple)):
        raise TypeError("%s(): argument 'tensors' (position 1) must be tuple of Tensors, not %s"
                        % (name.replace("torch.", ""), type(tensors).__name__))
    if not tensors:
        if name == "torch.cat":
            raise ValueError("torch.cat(): expected a non-empty list of Tensors")
        raise RuntimeError("%s expects a non-empty TensorList" % name)
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise TypeError("expected Tensor as element %d in argument 0, but got %s"
                            % (i, c_type_name(t)))
    dtype = tensors[0]._dtype
    for t in tensors[1:]:
        dtype = dtypes.promote_types(dtype, t._dtype)
    return [t if t._dtype is dtype else t.to(dtype) for t in tensors], dtype


def cat(tensors, dim=0, *, out=None):
    tensors, dtype = _tensors(tensors, "torch.cat")
    for i, t in enumerate(tensors):
        if t._data.ndim == 0:
            raise RuntimeError("zero-dimensional tensor (at position %d) cannot be concatenated"
                               % i)
    ref = next((t for t in tensors if t._data.shape != (0,)), tensors[0])
    dim = wrap_dim(dim, ref._data.ndim)
    for i, t in enumerate(tensors):
        if t._data.shape == (0,) and ref._data.shape != (0,):
            continue
        if t._data.ndim != ref._data.ndim:
            raise RuntimeError("Tensors must have same number of dimensions: got %d and %d"
                               % (ref._data.ndim, t._data.ndim))
        for axis, (a, b) in enumerate(zip(ref._data.shape, t._data.shape)):
            if axis != dim and a != b:
                raise RuntimeError("Sizes of tensors must match except in dimension %d. Expected "
                                   "size %d but got size %d for tensor number %d in the list."
                                   % (dim, a, b, i))
    tensors = [t for t in tensors if not (t._data.shape == (0,) and ref._data.shape != (0,))]
    return call(d.CAT, tensors, (dim,), dtype)


concat = concatenate = cat


def stack(tensors, dim=0, *, out=None):
    tensors, dtype = _tensors(tensors, "stack")
    dim = wrap_dim(dim, tensors[0]._data.ndim + 1)
    for i, t in enumerate(tensors):
        if t._data.shape != tensors[0]._data.shape:
            raise RuntimeError("stack expects each tensor to be equal size, but got %s at entry "
                               "0 and %s at entry %d" % (_sizes(tensors[0]), _sizes(t), i))
    return call(d.STACK, tensors, (dim,), dtype)


def _sizes(t):
    return "[" + ", ".join(map(str, t._data.shape)) + "]"


def narrow(input, dim, start, length):
    from .ops_index import getitem
    dim = wrap_dim(dim, input._data.ndim)
    size = input._data.shape[dim]
    if not -size <= start <= size:
        raise IndexError("start out of range (expected to be in range of [%d, %d], but got %d)"
                         % (-size, size, start))
    start = start + size if start < 0 else start
    if length < 0:
        raise RuntimeError("narrow(): length must be non-negative.")
    if start + length > size:
        raise RuntimeError("start (%d) + length (%d) exceeds dimension size (%d)."
                           % (start, length, size))
    return getitem(input, (slice(None),) * dim + (slice(start, start + length),))
