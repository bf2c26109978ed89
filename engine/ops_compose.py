"""Shape and index functions PyTorch composes from other ops (CompositeImplicitAutograd):
repeat_interleave, diff, broadcast_to, ravel, fliplr/flipud, diagflat, cartesian_prod,
combinations, unravel_index, positive, adjoint; and rot90, block_diag (nodes of their own),
tril_indices/triu_indices. Each is built from the engine ops ATen uses, so the graph
shows PyTorch's nodes."""

import numpy as np

from . import derivatives as d
from . import dtypes
from .creation import _check_dtype, tensor, zeros_like
from .dispatch import call, call_unary
from .inplace import copy_
from .memory import check_allocation
from .ops_gather import flip, index_select
from .ops_join import cat, stack
from .ops_layout import diag, meshgrid
from .ops_pointwise import floor_divide, logical_xor, remainder
from .ops_scatter import masked_select
from .ops_shape import (clone, contiguous, expand, flatten, matrices_transpose, unsqueeze,
                        view)
from .ops_split import unbind
from .shape_util import wrap_dim
from .size_args import as_int, int_arg, int_list
from .tensor import Tensor


def _sizes(shape):
    return "[" + ", ".join(map(str, shape)) + "]"


# ---- repeat_interleave (ATen's Repeat.cpp) ---------------------------------------------------

_REPEAT_INTERLEAVE_METHOD = (
    " * (Tensor repeats, int dim = None, *, int output_size = None)\n"
    " * (int repeats, int dim = None, *, int output_size = None)\n")
_REPEAT_INTERLEAVE_FUNCTION = (
    " * (Tensor input, Tensor repeats, int dim = None, *, int output_size = None)\n"
    " * (Tensor repeats, *, int output_size = None)\n"
    " * (Tensor input, int repeats, int dim = None, *, int output_size = None)\n")


def repeat_interleave(input, repeats=None, dim=None, *, output_size=None):
    return _repeat_interleave(input, repeats, dim, output_size, method=False)


def repeat_interleave_method(self, repeats, dim=None, *, output_size=None):
    return _repeat_interleave(self, repeats, dim, output_size, method=True)


def _invalid_repeats(repeats, dim, method):
    """The argument parser's text when no overload takes the arguments' types."""
    got = [_type_name(repeats)] + ([] if dim is None else ["dim=" + _type_name(dim)])
    if not method:
        got.insert(0, "Tensor")
    return TypeError("repeat_interleave() received an invalid combination of arguments - got "
                     "(%s), but expected one of:\n%s" % (", ".join(got), _REPEAT_INTERLEAVE_METHOD
                                                        if method else
                                                        _REPEAT_INTERLEAVE_FUNCTION))


def _type_name(value):
    return "Tensor" if isinstance(value, Tensor) else type(value).__name__


def _repeat_interleave(input, repeats, dim, output_size, method):
    if repeats is None:  # torch.repeat_interleave(repeats): each index repeated
        if not isinstance(input, Tensor):
            raise TypeError("repeat_interleave(): argument 'repeats' (position 1) must be "
                            "Tensor, not %s" % type(input).__name__)
        return _repeat_indices(input, output_size)
    if not isinstance(repeats, Tensor) and as_int(repeats) is None or (
            dim is not None and as_int(dim) is None):
        raise _invalid_repeats(repeats, dim, method)
    if dim is None:
        input, dim = flatten(input), 0
    dim = wrap_dim(dim, input._data.ndim)
    if isinstance(repeats, Tensor):
        if repeats._data.ndim == 0 or repeats._data.shape == (1,):
            repeats = expand(repeats.reshape(1), input._data.shape[dim])
        elif repeats._data.ndim == 1:
            if repeats._data.shape[0] != input._data.shape[dim]:
                raise RuntimeError(
                    "repeats must have the same size as input along dim, but got "
                    "repeats.size(0) = %d and input.size(%d) = %d"
                    % (repeats._data.shape[0], dim, input._data.shape[dim]))
        else:
            raise RuntimeError("repeats must be 0-dim or 1-dim tensor")
        return index_select(input, dim, _repeat_indices(repeats, output_size))
    repeats = int_arg("repeat_interleave", "repeats", 2, repeats)
    if repeats < 0:
        raise RuntimeError("Repeats must be non-negative")
    # unsqueeze, expand, a contiguous clone, then the two dims merged (a view).
    shape = list(input._data.shape)
    shape.insert(dim + 1, repeats)
    expanded = expand(unsqueeze(input, dim + 1), tuple(shape))
    return flatten(clone(expanded), dim, dim + 1)


def _repeat_indices(repeats, output_size):
    if repeats._data.ndim != 1:
        raise RuntimeError("repeat_interleave only accept 1D vector as repeat")
    if repeats._dtype.category != 1 or repeats._dtype is dtypes.bool_:
        raise NotImplementedError('"repeat_interleave_cpu" not implemented for \'%s\''
                                  % repeats._dtype.scalar_name)
    counts = repeats._data
    if (counts < 0).any():
        raise RuntimeError("repeats can not be negative")
    if output_size is not None and output_size != int(counts.sum()):
        raise RuntimeError("allocated size does not match required size")
    check_allocation((int(counts.sum()),), repeats._dtype)
    out = np.repeat(np.arange(counts.size, dtype=counts.dtype), counts)
    return tensor(out, dtype=repeats._dtype)


# ---- diff (ATen's ReduceOps.cpp: diff_check, prepend_append_on_dim, diff_helper) -------------

def diff(input, n=1, dim=-1, prepend=None, append=None):
    if input._data.ndim < 1:
        raise RuntimeError("diff expects input to be at least one-dimensional")
    if n < 0:
        raise RuntimeError("order must be non-negative but got %d" % n)
    dim = wrap_dim(dim, input._data.ndim)
    for other in (prepend, append):
        if other is not None:
            _check_compatible(input, other, dim)
    if n == 0:  # a copy written into zeros: its node is CopyBackwards
        return copy_(zeros_like(input), input)
    if prepend is not None or append is not None:
        parts = [t for t in (prepend, input, append) if t is not None]
        input = cat(parts, dim)
    size = input._data.shape[dim]
    result = input
    for _ in range(min(n, size)):
        size -= 1
        later, earlier = result.narrow(dim, 1, size), result.narrow(dim, 0, size)
        result = (logical_xor(later, earlier) if result._dtype is dtypes.bool_
                  else later - earlier)
    return result


def _check_compatible(input, other, dim):
    if other._data.ndim != input._data.ndim:
        raise RuntimeError("diff expects prepend or append to be the same dimension as input")
    for i, (a, b) in enumerate(zip(input._data.shape, other._data.shape)):
        if i != dim and a != b:
            raise RuntimeError(
                "diff expects the shape of tensor to prepend or append to match that of input "
                "except along the differencing dimension; input.size(%d) = %d, but got "
                "tensor.size(%d) = %d" % (i, a, i, b))


# ---- views and flips -------------------------------------------------------------------------

def broadcast_to(input, *size):
    return expand(input, *size)


def ravel(input):
    return view(contiguous(input), -1)


def fliplr(input):
    if input._data.ndim < 2:
        raise RuntimeError("Input must be >= 2-d.")
    return flip(input, 1)


def flipud(input):
    if input._data.ndim < 1:
        raise RuntimeError("Input must be >= 1-d.")
    return flip(input, 0)


def rot90(input, k=1, dims=(0, 1)):
    return _rot90(input, k, dims, 2)


def rot90_method(self, k=1, dims=(0, 1)):
    return _rot90(self, k, dims, 1)


def _rot90(input, k, dims, position):
    k = int_arg("rot90", "k", position, k)
    dims = int_list("rot90", "dims", position + 1, dims)
    ndim = input._data.ndim
    if len(dims) != 2:
        raise RuntimeError("expected total rotation dims == 2, but got dims = %d" % len(dims))
    if ndim < 2:
        raise RuntimeError("expected total dims >= 2, but got total dims = %d" % ndim)
    wrapped = (wrap_dim(dims[0], ndim), wrap_dim(dims[1], ndim))
    if wrapped[0] == wrapped[1]:
        raise RuntimeError("expected rotation dims to be different, but got dim0 = %d and "
                           "dim1 = %d" % dims)
    return call_unary(d.ROT90, input, k, wrapped)


def adjoint(input):
    return matrices_transpose(input, "adjoint()")


def positive(input):
    if input._dtype is dtypes.bool_:
        raise RuntimeError("The `+` operator, on a bool tensor is not supported.")
    return input


def diagflat(input, offset=0):
    return diag(view(contiguous(input), -1), offset)


# ---- block matrices and products of sets ------------------------------------------------------

def block_diag(*tensors):
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise TypeError("expected Tensor as element %d in argument 0, but got %s"
                            % (i, type(t).__name__))
        if t._data.ndim > 2:
            raise RuntimeError("torch.block_diag: Input tensors must have 2 or fewer dimensions. "
                               "Input %d has %d dimensions" % (i, t._data.ndim))
    if not tensors:
        return tensor(np.zeros((1, 0)), dtype=dtypes.get_default_dtype())
    dtype = tensors[0]._dtype
    for t in tensors[1:]:
        dtype = dtypes.promote_types(dtype, t._dtype)
    rows = sum(t._data.shape[0] if t._data.ndim == 2 else 1 for t in tensors)
    cols = sum(t._data.shape[-1] if t._data.ndim else 1 for t in tensors)
    check_allocation((rows, cols), dtype)
    return call(d.BLOCK_DIAG, tensors, (dtype.np_dtype,), dtype)


def cartesian_prod(*tensors):
    for t in tensors:
        if t._data.ndim != 1:
            raise RuntimeError("Expect a 1D vector, but got shape %s" % _sizes(t._data.shape))
    if len(tensors) == 1:
        return tensors[0]
    if not tensors:
        raise RuntimeError("meshgrid expects a non-empty TensorList")
    grids = meshgrid(*tensors, indexing="ij")
    return stack([flatten(g) for g in grids], 1)


def combinations(input, r=2, with_replacement=False):
    if input._data.ndim != 1:
        raise RuntimeError("Expect a 1D vector, but got shape %s" % _sizes(input._data.shape))
    if r < 0:
        raise RuntimeError("Expect a non-negative number, but got %d" % r)
    if r == 0:
        return tensor(np.zeros(0), dtype=input._dtype)
    check_allocation((input._data.size,) * r, dtypes.int64)  # the index grids below
    grids = meshgrid(*([input] * r), indexing="ij")
    # ATen's _triu_mask: index tuples in (strictly, without replacement) increasing order.
    index = np.indices((input._data.size,) * r)
    mask = np.ones(index.shape[1:], dtype=bool)
    for a, b in zip(index[:-1], index[1:]):
        mask &= (a <= b) if with_replacement else (a < b)
    mask = tensor(mask)
    return stack([masked_select(g, mask) for g in grids], 1)


# ---- index arithmetic ------------------------------------------------------------------------

def _triangle_indices(name, numpy_indices):
    def function(row, col, offset=0, *, dtype=None, device=None, layout=None):
        for position, (argument, value) in enumerate((("row", row), ("col", col),
                                                      ("offset", offset)), 1):
            int_arg(name, argument, position, value)
        dtype = _check_dtype(dtype) or dtypes.int64
        if row < 0:
            raise RuntimeError("row must be non-negative, got%d" % row)
        if col < 0:
            raise RuntimeError("col must be non-negative, got%d" % col)
        if dtype.category != 1 or dtype is dtypes.bool_:
            raise NotImplementedError('"%s" not implemented for \'%s\''
                                      % (name, dtype.scalar_name))
        check_allocation((2, row, col), dtype)  # at most every (row, col) pair
        rows, cols = numpy_indices(row, offset, col)
        return tensor(np.stack([rows, cols]).reshape(2, -1), dtype=dtype)
    function.__name__ = name
    return function


tril_indices = _triangle_indices("tril_indices", np.tril_indices)
triu_indices = _triangle_indices("triu_indices", np.triu_indices)


def unravel_index(indices, shape):
    """torch/functional.py's unravel_index: floor-divide by the strides, remainder by the
    sizes (no range check: out-of-range indices wrap)."""
    if not isinstance(indices, Tensor):
        raise AttributeError("'%s' object has no attribute 'is_complex'" % type(indices).__name__)
    if indices._dtype.category != 1 or indices._dtype is dtypes.bool_:
        raise TypeError("expected 'indices' to be integer dtype, but got %s" % indices._dtype)
    if isinstance(shape, int) and not isinstance(shape, bool):
        shape = (shape,)
    elif not isinstance(shape, (tuple, list)):
        raise TypeError("expected 'shape' to be int or sequence of ints, but got %s"
                        % type(shape))
    for size in shape:
        if not isinstance(size, int):
            raise TypeError("expected 'shape' sequence to only contain ints, but got %s"
                            % type(size))
    shape = tuple(shape)
    if any(size < 0 for size in shape):
        raise ValueError("'shape' cannot have negative values, but got %s" % (shape,))
    coefs = [1]
    for size in reversed(shape[1:]):
        coefs.insert(0, coefs[0] * size)
    flat = remainder(floor_divide(unsqueeze(indices, -1), tensor(coefs, dtype=dtypes.int64)),
                     tensor(list(shape), dtype=dtypes.int64))
    return unbind(flat, -1)
