"""The scatter family as torch functions: scatter, scatter_add, index_add, index_fill, index_copy,
masked_select, masked_scatter, take, take_along_dim, put; ATen's checks in ATen's order."""

import numbers

import numpy as np

from . import derivatives as d
from . import dtypes
from .dispatch import call
from .shape_util import broadcast_shapes, dim_size, shape_str, wrap_dim
from .tensor import Tensor
from . import cpp_warnings

_INT_INDEX = (dtypes.int64, dtypes.int32)
REDUCE_WARNING = ("The reduce argument of torch.scatter with Tensor src is deprecated and will be "
                  "removed in a future PyTorch release. Use torch.scatter_reduce instead for "
                  "more reduction options.")


def _tensor_arg(name, arg, position, value):
    if not isinstance(value, Tensor):
        raise TypeError("%s(): argument '%s' (position %d) must be Tensor, not %s"
                        % (name, arg, position, type(value).__name__))


def _nonempty(shape):
    return shape if shape else (1,)


def _first_bad(index, low, high):
    bad = (index < low) | (index >= high)
    return int(index[bad].flat[0]) if bad.any() else None


# ---- scatter, scatter_add ---------------------------------------------------------------------

def _scatter_checks(name, input, dim, index, src):
    """scatter_meta_impl: the dim, the dtypes, then the shapes (scatter_shape_check)."""
    _tensor_arg(name, "index", 2, index)
    ndim = input._data.ndim
    dim = wrap_dim(dim, ndim)
    idx = index._data
    # scatter_meta_impl's dtype checks say scatter() for scatter_add too.
    if idx.size and index._dtype not in _INT_INDEX:
        raise RuntimeError("scatter(): Expected dtype int32/int64 for index")
    if src is not None and src._dtype is not input._dtype:
        raise RuntimeError("scatter(): Expected self.dtype to be equal to src.dtype")
    if not idx.size:
        return dim
    self_shape, index_shape = _nonempty(input._data.shape), _nonempty(idx.shape)
    if len(self_shape) != len(index_shape):
        raise RuntimeError("Index tensor must have the same number of dimensions as self tensor")
    wrong = any(index_shape[k] > self_shape[k] for k in range(len(self_shape)) if k != dim)
    if src is not None:
        src_shape = _nonempty(src._data.shape)
        if not wrong:
            wrong = any(k < len(src_shape) and index_shape[k] > src_shape[k]
                        for k in range(len(self_shape)))
        if len(src_shape) != len(index_shape):
            raise RuntimeError("Index tensor must have the same number of dimensions as src "
                               "tensor")
        if wrong:
            raise RuntimeError("Expected index %s to be no larger than self %s apart from "
                               "dimension %d and to be no larger size than src %s"
                               % (shape_str(idx.shape), shape_str(input._data.shape), dim,
                                  shape_str(src._data.shape)))
    elif wrong:
        raise RuntimeError("Expected index %s to be no larger than self %s apart from dimension "
                           "%d" % (shape_str(idx.shape), shape_str(input._data.shape), dim))
    return dim


def _scatter_bounds(input, dim, index):
    size = _nonempty(input._data.shape)[dim]
    bad = _first_bad(index._data, 0, size)
    if bad is not None:
        raise RuntimeError("index %d is out of bounds for dimension %d with size %d"
                           % (bad, dim, size))


def scatter(input, dim, index, src=None, value=None, *, reduce=None):
    """scatter(dim, index, src) / scatter(dim, index, value), with reduce='add'/'multiply'."""
    if src is not None and not isinstance(src, Tensor):
        src, value = None, src
    if src is None and value is None:
        raise TypeError("scatter() missing 1 required positional arguments: \"src\"")
    if value is not None and not isinstance(value, numbers.Number):
        raise TypeError("scatter(): argument 'value' must be Number, not %s"
                        % type(value).__name__)
    dim = _scatter_checks("scatter", input, dim, index, src)
    if reduce is not None:
        if src is not None:
            cpp_warnings.warn(REDUCE_WARNING, cpp_warnings.SCATTER_REDUCE, once=True)
        if reduce not in ("add", "multiply"):
            raise RuntimeError("reduce argument must be either add or multiply.")
    _scatter_bounds(input, dim, index)
    if src is not None:
        if reduce is not None:
            return call(d.SCATTER_REDUCE, (input, src), (dim, index, reduce), input._dtype)
        return call(d.SCATTER, (input, src), (dim, index), input._dtype)
    value = dtypes.scalar_to(value, input._dtype)
    if reduce is not None:
        return call(d.SCATTER_VALUE_REDUCE, (input,), (dim, index, value, reduce), input._dtype)
    return call(d.SCATTER_VALUE, (input,), (dim, index, value), input._dtype)


def scatter_add(input, dim, index, src):
    _tensor_arg("scatter_add", "src", 3, src)
    dim = _scatter_checks("scatter_add", input, dim, index, src)
    _scatter_bounds(input, dim, index)
    return call(d.SCATTER_ADD, (input, src), (dim, index), input._dtype)


# ---- index_add, index_fill, index_copy -------------------------------------------------------------

def index_add(input, dim, index, source, *, alpha=1):
    _tensor_arg("index_add", "index", 2, index)
    _tensor_arg("index_add", "source", 3, source)
    dim = wrap_dim(dim, input._data.ndim)
    idx = index._data
    if idx.ndim > 1:
        raise IndexError("index_add_(): Index is supposed to be a vector, but got dim: %d with "
                         "type: %s and size: %s" % (idx.ndim, index._dtype.scalar_name,
                                                    shape_str(idx.shape)))
    if index._dtype not in _INT_INDEX:
        raise RuntimeError("index_add_(): Expected dtype int32/int64 for index but got: %s"
                           % index._dtype.scalar_name)
    if source._dtype is not input._dtype:
        raise RuntimeError("index_add_(): self (%s) and source (%s) must have the same scalar type"
                           % (input._dtype.scalar_name, source._dtype.scalar_name))
    src_shape, self_shape = source._data.shape, input._data.shape
    along = src_shape[dim] if src_shape else 1
    if idx.size != along:
        raise RuntimeError("index_add_(): Number of indices (%d) should be equal to "
                           "source.size(dim): (%d), for dim: %d" % (idx.size, along, dim))
    rest_self, rest_src = list(self_shape), list(src_shape)
    if src_shape and self_shape:
        del rest_self[dim], rest_src[dim]
    if rest_self != rest_src:
        raise RuntimeError("source tensor shape must match self tensor shape, excluding the "
                           "specified dimension. Got self.shape = %s source.shape = %s"
                           % (shape_str(self_shape), shape_str(src_shape)))
    size = _nonempty(self_shape)[dim]
    bad = _first_bad(idx, 0, size)
    if bad is not None:
        raise RuntimeError("index %d is out of bounds for dimension %d with size %d"
                           % (bad, dim, size))
    return call(d.INDEX_ADD, (input, source), (dim, index, alpha), input._dtype)


def index_fill(input, dim, index, value):
    _tensor_arg("index_fill", "index", 2, index)
    dim = wrap_dim(dim, input._data.ndim)
    if index._dtype is not dtypes.int64:
        raise IndexError("index_fill_(): Expected dtype int64 for index.")
    if isinstance(value, Tensor) and value._data.ndim != 0:
        raise RuntimeError("index_fill_ only supports a 0-dimensional value tensor, but got "
                           "tensor with %d dimension(s)." % value._data.ndim)
    idx = index._data
    if idx.ndim > 1:
        raise RuntimeError("Index has to be a vector/scalar")
    size = _nonempty(input._data.shape)[dim]
    bad = _first_bad(idx, -size, size)
    if bad is not None:
        raise IndexError("index %d is out of bounds for dimension %d with size %d"
                         % (bad, dim, size))
    if isinstance(value, Tensor):
        dtypes.scalar_to(value._data.item(), input._dtype)  # ATen fills value.item(), checked
        return call(d.INDEX_FILL_TENSOR, (input, value), (dim, index), input._dtype)
    if isinstance(value, numbers.Number):
        value = dtypes.scalar_to(value, input._dtype)
    return call(d.INDEX_FILL, (input,), (dim, index, value), input._dtype)


def index_copy(input, dim, index, source):
    _tensor_arg("index_copy", "index", 2, index)
    _tensor_arg("index_copy", "source", 3, source)
    dim = wrap_dim(dim, input._data.ndim)
    idx = index._data
    if idx.ndim >= 2:
        raise IndexError("index_copy_(): Index should have dimension 1 or 0 (got %d)" % idx.ndim)
    src_shape, self_shape = source._data.shape, input._data.shape
    if not src_shape and idx.size != 1:
        raise IndexError("index_copy_(): When source is scalar, index should have one element "
                         "(got %d)" % idx.size)
    if len(src_shape) != len(self_shape) and src_shape and self_shape:
        raise IndexError("index_copy_(): When source and destination are not scalars, their "
                         "dimensionality must match. Source dimensionality (%d), destination "
                         "dimensionality (%d)" % (len(src_shape), len(self_shape)))
    if index._dtype is not dtypes.int64:
        raise RuntimeError("index_copy_(): Expected a long tensor for index, but got %s"
                           % index._dtype.scalar_name)
    if source._dtype is not input._dtype:
        raise RuntimeError("index_copy_(): self and source expected to have the same dtype, but "
                           "got (self) %s and (source) %s"
                           % (input._dtype.scalar_name, source._dtype.scalar_name))
    rest_self = [n for k, n in enumerate(self_shape) if k != dim]
    rest_src = [n for k, n in enumerate(src_shape) if k != dim]
    if rest_self != rest_src:
        raise RuntimeError("index_copy_(): Source/destination tensor must have same slice shapes. "
                           "Destination slice shape: %s at dimension %d and source slice shape: "
                           "%s at dimension 0." % (" ".join(map(str, rest_self)), dim,
                                                   " ".join(map(str, rest_src))))
    if src_shape and idx.size != src_shape[dim]:
        raise IndexError("index_copy_(): Number of indices (%d) should be equal to "
                         "source.size(dim) (%d)" % (idx.size, src_shape[dim]))
    size = _nonempty(self_shape)[dim]
    bad = _first_bad(idx, 0, size)
    if bad is not None:
        raise IndexError("index_copy_(): index %d is out of bounds for dimension %d with size %d"
                         % (bad, dim, size))
    return call(d.INDEX_COPY, (input, source), (dim, index), input._dtype)


# ---- masks ----------------------------------------------------------------------------------------

def masked_select(input, mask):
    _tensor_arg("masked_select", "mask", 1, mask)
    if mask._dtype is not dtypes.bool_:
        raise RuntimeError("masked_select: expected BoolTensor for mask")
    shape = broadcast_shapes(mask._data.shape, input._data.shape)
    full = np.broadcast_to(mask._data, shape)
    return call(d.MASKED_SELECT, (input,), (full,), input._dtype)


def masked_scatter(input, mask, source):
    _tensor_arg("masked_scatter", "mask", 2, mask)
    _tensor_arg("masked_scatter", "source", 3, source)
    if mask._dtype is not dtypes.bool_:
        raise RuntimeError("masked_scatter_ only supports boolean masks, but got mask with dtype "
                           "%s" % mask._dtype.scalar_name)
    if source._dtype is not input._dtype:
        raise RuntimeError("masked_scatter: expected self and source to have same dtypes but got"
                           "%s and %s" % (input._dtype.scalar_name, source._dtype.scalar_name))
    shape = broadcast_shapes(mask._data.shape, input._data.shape)
    full = np.broadcast_to(mask._data, shape)
    if int(full.sum()) > source._data.size:
        raise RuntimeError("Number of elements of source < number of ones in mask")
    return call(d.MASKED_SCATTER, (input, source), (full,), input._dtype)


# ---- take, put, take_along_dim -------------------------------------------------------------------

def _flat_bounds(input, index, name):
    numel = input._data.size
    if numel == 0 and index._data.size:
        raise IndexError("take(): tried to take from an empty tensor" if name == "take" else
                         "put_(): Tried to put elements into an empty tensor")
    bad = _first_bad(index._data, -numel, numel)
    if bad is not None:
        raise IndexError("out of range: tried to access index %d on a tensor of %d elements."
                         % (bad, numel))


def take(input, index):
    _tensor_arg("take", "index", 1, index)
    if index._dtype is not dtypes.int64:
        raise RuntimeError("take(): Expected a long tensor for index, but got %s"
                           % index._dtype.scalar_name)
    _flat_bounds(input, index, "take")
    return call(d.TAKE, (input,), (index,), input._dtype)


def put(input, index, source, accumulate=False):
    _tensor_arg("put", "index", 1, index)
    _tensor_arg("put", "source", 2, source)
    if index._dtype is not dtypes.int64:
        raise RuntimeError("put_(): Expected a long tensor for index, but got %s"
                           % index._dtype.scalar_name)
    if source._dtype is not input._dtype:
        raise RuntimeError("put_(): self and source expected to have the same dtype, but got "
                           "self.dtype = %s and source.dtype = %s"
                           % (input._dtype.scalar_name, source._dtype.scalar_name))
    if source._data.size != index._data.size:
        raise IndexError("put_(): Expected source and index to have the same number of elements, "
                         "but got source.numel() = %d, index.numel() = %d"
                         % (source._data.size, index._data.size))
    _flat_bounds(input, index, "put")
    return call(d.PUT, (input, source), (index, bool(accumulate)), input._dtype)


def take_along_dim(input, indices, dim=None):
    """ATen's composite: with a dim, both broadcast apart from dim, then gather; without,
    a gather of the flattened input."""
    from .ops_gather import gather
    from .ops_shape import expand, view
    _tensor_arg("take_along_dim", "indices", 1, indices)
    if indices._dtype is not dtypes.int64:
        raise RuntimeError("torch.take_along_dim(): dtype of indices should be Long but got %s"
                           % indices._dtype.scalar_name)
    if dim is None:
        return gather(view(input, -1), 0, view(indices, -1))
    ndim = input._data.ndim
    if ndim != indices._data.ndim:
        raise RuntimeError("torch.take_along_dim(): input and indices should have the same "
                           "number of dimensions, but got %d dimensions for input, and %d "
                           "dimensions for indices" % (ndim, indices._data.ndim))
    dim = wrap_dim(dim, ndim)
    dim_size(input._data.shape, dim)  # ATen reads self.size(dim): a 0-dim input has none
    self_shape, index_shape = list(input._data.shape), list(indices._data.shape)
    self_shape[dim] = index_shape[dim] = 1
    common = list(broadcast_shapes(tuple(self_shape), tuple(index_shape)))
    self_target, index_target = list(common), list(common)
    self_target[dim] = input._data.shape[dim]
    index_target[dim] = indices._data.shape[dim]
    return gather(expand(input, self_target), dim, expand(indices, index_target))
