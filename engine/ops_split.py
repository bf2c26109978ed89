"""Splitting as torch functions: split, split_with_sizes, chunk, tensor_split, hsplit, vsplit,
dsplit, unbind (every piece a view of the input)."""

from . import derivatives as d
from . import dtypes
from .dispatch import call
from .shape_util import dim_size, wrap_dim
from .size_args import as_int, int_arg, int_list
from .tensor import Tensor


def _pick(op, params, i):
    return lambda t: call(op, (t,), params, t._dtype)[i]


def _pieces(op, input, params):
    from .ops_shape import link_view
    outputs = call(op, (input,), params, input._dtype)
    return tuple(link_view(o, input, _pick(op, params, i)) for i, o in enumerate(outputs))


def split(input, split_size_or_sections, dim=0):
    """Tensor.split: an int (or integer 0-dim tensor) size, else a list of sizes."""
    size = as_int(split_size_or_sections)
    if size is None:
        return split_with_sizes(input, split_size_or_sections, dim)
    if input._data.ndim == 0:
        raise RuntimeError("split expects at least a 1-dimensional tensor")
    if size < 0:
        raise RuntimeError("split expects split_size be non-negative, but got split_size=%d"
                           % size)
    dim = wrap_dim(dim, input._data.ndim)
    length = input._data.shape[dim]
    if size == 0 and length:
        raise RuntimeError("split_size can only be 0 if dimension size is 0, but got dimension "
                           "size of %d" % length)
    # At least one piece (ATen's num_splits is max(ceil(length / size), 1)): an empty dim
    # splits into one empty piece.
    sections = [size] * (length // size) + ([length % size] if length % size else []) \
        if size and length else [0]
    return _pieces(d.SPLIT, input, (tuple(sections), dim))


def split_with_sizes(input, split_sizes, dim=0):
    sections = list(int_list("split_with_sizes", "split_sizes", 2, split_sizes))
    if input._data.ndim == 0:
        raise RuntimeError("split expects at least a 1-dimensional tensor")
    given, dim = dim, wrap_dim(dim, input._data.ndim)
    length = input._data.shape[dim]
    if any(s < 0 for s in sections):
        raise RuntimeError("split_with_sizes expects split_sizes have only non-negative entries, "
                           "but got split_sizes=%s" % sections)
    if sum(sections) != length:
        raise RuntimeError("split_with_sizes expects split_sizes to sum exactly to %d (input "
                           "tensor's size at dimension %d), but got split_sizes=%s"
                           % (length, given, sections))
    return _pieces(d.SPLIT_SIZES, input, (tuple(sections), dim))


def chunk(input, chunks, dim=0):
    chunks = int_arg("chunk", "chunks", 1, chunks)
    if input._data.ndim == 0:
        raise RuntimeError("chunk expects at least a 1-dimensional tensor")
    if chunks <= 0:
        raise RuntimeError("chunk expects `chunks` to be greater than 0, got: %d" % chunks)
    length = input._data.shape[wrap_dim(dim, input._data.ndim)]
    if length == 0:  # ATen's chunk: `chunks` empty pieces, by split_with_sizes
        return split_with_sizes(input, [0] * chunks, dim)
    return split(input, -(-length // chunks), dim)


def unbind(input, dim=0):
    from .ops_shape import link_view
    dim = wrap_dim(dim, input._data.ndim)
    dim_size(input._data.shape, dim)  # a 0-dim tensor has nothing to unbind
    results = call(d.UNBIND, (input,), (dim,), input._dtype)
    return tuple(link_view(r, input, _pick(d.UNBIND, (dim,), i)) for i, r in enumerate(results))


# ---- tensor_split and its h/v/d forms ------------------------------------------------------------

def tensor_split(input, indices_or_sections, dim=0):
    """Sections (an int: the first size % n pieces one longer) or split indices; each piece a
    slice of the input (SliceBackward0)."""
    from .ops_shape import view_op
    if input._data.ndim == 0:
        raise RuntimeError("tensor_split expected at least a 1-dimensional tensor, but got a "
                           "tensor with 0 dims")
    if isinstance(indices_or_sections, Tensor):
        index = indices_or_sections
        if index._dtype is not dtypes.int64:
            raise RuntimeError("tensor_split expected tensor_indices_or_sections to have dtype of "
                               "long, but got %s" % index._dtype.scalar_name)
        if index._data.ndim > 1:
            raise RuntimeError("tensor_split expected tensor_indices_or_sections to be a "
                               "zero-dimensional or one-dimensional tensor, but got a tensor "
                               "with %d dims" % index._data.ndim)
        indices_or_sections = int(index._data) if index._data.ndim == 0 else \
            [int(i) for i in index._data]
    dim = wrap_dim(dim, input._data.ndim)
    length = input._data.shape[dim]
    sections = as_int(indices_or_sections)
    if sections is not None:
        if sections <= 0:
            raise RuntimeError("number of sections must be larger than 0, got %d" % sections)
        small, extra = divmod(length, sections)
        bounds, start = [], 0
        for i in range(sections):
            stop = start + small + (1 if i < extra else 0)
            bounds.append((start, stop))
            start = stop
    else:
        indices = int_list("tensor_split", "indices", 2, indices_or_sections)
        edges = [0] + [_clamp_index(i, length) for i in indices] + [length]
        bounds = list(zip(edges[:-1], edges[1:]))
    return tuple(view_op(d.SLICE, input, dim, start, max(start, stop), 1)
                 for start, stop in bounds)


def _clamp_index(i, length):
    if i < 0:
        i += length
    return min(max(i, 0), length)


def _directional(name, dim_of, min_dims):
    def split_along(input, indices_or_sections):
        ndim = input._data.ndim
        if ndim < min_dims:
            raise RuntimeError("torch.%s requires a tensor with at least %d dimension, but got a "
                               "tensor with %d dimensions!" % (name, min_dims, ndim))
        dim = dim_of(ndim)
        sections = as_int(indices_or_sections)
        if sections is not None and sections and input._data.shape[dim] % sections:
            raise RuntimeError("torch.%s attempted to split along dimension %d, but the size of "
                               "the dimension %d is not divisible by the split_size %d!"
                               % (name, dim, input._data.shape[dim], sections))
        return tensor_split(input, indices_or_sections, dim)
    split_along.__name__ = name
    return split_along


hsplit = _directional("hsplit", lambda ndim: 1 if ndim > 1 else 0, 1)
vsplit = _directional("vsplit", lambda ndim: 0, 2)
dsplit = _directional("dsplit", lambda ndim: 2, 3)
