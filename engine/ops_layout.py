"""Layout ops as torch functions: diag, diagonal, diag_embed, trace, roll, movedim, unflatten,
atleast_Nd, hstack/vstack/dstack/column_stack, argwhere, meshgrid.

The composites are built from the ops PyTorch builds them from (torch/functional.py,
aten/src/ATen/native/TensorShape.cpp), so their graphs have PyTorch's nodes."""


from . import derivatives as d
from .dispatch import call_unary
from .ops_join import cat, _tensors
from .ops_reduce import nonzero
from .ops_shape import link_view, permute, view, view_op, reshape, unsqueeze, expand
from .shape_util import wrap_dim, infer_view_size, shape_str
from .size_args import int_arg, int_list
from .tensor import Tensor
from .type_names import c_type_name
from . import cpp_warnings


def _diagonal_dims(input, dim1, dim2):
    ndim = input._data.ndim
    return _distinct_dims(dim1, dim2, ndim)


def _distinct_dims(dim1, dim2, ndim):
    """Two dims wrapped, or PyTorch's error naming them as given."""
    wrapped1, wrapped2 = wrap_dim(dim1, ndim), wrap_dim(dim2, ndim)
    if wrapped1 == wrapped2:
        raise RuntimeError("diagonal dimensions cannot be identical %d, %d" % (dim1, dim2))
    return wrapped1, wrapped2


def diagonal(input, offset=0, dim1=0, dim2=1):
    """A view: writes through it reach the input, as in PyTorch."""
    offset = int_arg("diagonal", "offset", 1, offset)
    dim1, dim2 = _diagonal_dims(input, dim1, dim2)
    params = (offset, dim1, dim2)
    return link_view(call_unary(d.DIAGONAL, input, *params), input,
                     lambda t: call_unary(d.DIAGONAL, t, *params))


def diag(input, diagonal=0):
    diagonal = int_arg("diag", "diagonal", 1, diagonal)
    ndim = input._data.ndim
    if ndim == 1:
        return call_unary(d.DIAG_EMBED, input, diagonal, 0, 1)
    if ndim == 2:
        return call_unary(d.DIAG_COPY, input, diagonal, 0, 1)
    raise RuntimeError("diag(): Supports 1D or 2D tensors. Got %dD" % ndim)


def diag_embed(input, offset=0, dim1=-2, dim2=-1):
    offset = int_arg("diag_embed", "offset", 1, offset)
    dim1, dim2 = _distinct_dims(dim1, dim2, input._data.ndim + 1)
    return call_unary(d.DIAG_EMBED, input, offset, dim1, dim2)


def trace(input):
    if input._dtype.name == "bool":  # the CPU kernel's dtype dispatch comes first
        raise NotImplementedError("\"trace\" not implemented for 'Bool'")
    if input._data.ndim != 2:
        raise RuntimeError("trace: expected a matrix, but got tensor with dim %d"
                           % input._data.ndim)
    return call_unary(d.TRACE, input)


def roll(input, shifts, dims=None):
    ndim = input._data.ndim
    shifts = int_list("roll", "shifts", 1, shifts)
    if dims is None:
        if len(shifts) != 1:
            raise RuntimeError("shifts and dimensions must align. shifts: %d, dims:0"
                               % len(shifts))
        return call_unary(d.ROLL, input, shifts[0], None)
    dims = tuple(dims) if isinstance(dims, (tuple, list)) else (dims,)
    if len(shifts) != len(dims):
        raise RuntimeError("shifts and dimensions must align. shifts: %d, dims:%d"
                           % (len(shifts), len(dims)))
    if input._data.size == 0:
        # ATen's roll returns a clone of an empty tensor before it reads any dim.
        return call_unary(d.ROLL, input, 0, None)
    # Each dim is read by self.size(dim): a 0-dim tensor has none to roll.
    dims = tuple(wrap_dim(x, ndim, wrap_scalar=False) for x in dims)
    return call_unary(d.ROLL, input, shifts, dims)


def _dim_list(dims):
    return list(dims) if isinstance(dims, (tuple, list)) else [dims]


def movedim(input, source, destination):
    """A permute (PermuteBackward0), as PyTorch's movedim."""
    ndim = input._data.ndim
    source, destination = _dim_list(source), _dim_list(destination)
    if len(source) != len(destination):
        raise RuntimeError("movedim: Invalid source or destination dims: source (%s dims) should "
                           "contain the same number of dims as destination (%s dims)"
                           % (shape_str(source), shape_str(destination)))
    src = [wrap_dim(x, ndim) for x in source]
    dst = [wrap_dim(x, ndim) for x in destination]
    for name, given, wrapped in (("source", source, src), ("destination", destination, dst)):
        if len(set(wrapped)) != len(wrapped):
            raise RuntimeError("movedim: repeated dim in `%s` (%s)" % (name, shape_str(given)))
    if ndim == 0:  # ATen's movedim returns an alias of a 0-dim tensor
        return view_op(d.ALIAS, input)
    order = [None] * ndim
    for s, t in zip(src, dst):
        order[t] = s
    rest = iter(i for i in range(ndim) if i not in src)
    order = [o if o is not None else next(rest) for o in order]
    return permute(input, tuple(order))


moveaxis = movedim


def unflatten(input, dim, sizes):
    shape = input._data.shape
    if not shape:  # PyTorch reports its size(dim) error wrapped in this one
        raise RuntimeError("unflatten got an unexpected error:\nDimension specified as %d but "
                           "tensor has no dimensions" % wrap_dim(dim, 0))
    dim = wrap_dim(dim, len(shape))
    if not isinstance(sizes, (list, tuple)):
        # the method's text (torch's Tensor.unflatten is Python, calling the C method);
        # torch.unflatten's (position 3) comes from parser_signatures
        raise TypeError("unflatten(): argument 'sizes' (position 2) must be tuple of ints, not %s"
                        % c_type_name(sizes))
    sizes = list(sizes)
    if not sizes:
        raise RuntimeError("unflatten: sizes must be non-empty")
    try:
        inner = infer_view_size(sizes, shape[dim])
    except RuntimeError:
        raise RuntimeError("unflatten: Provided sizes %s don't multiply up to the size of dim %d "
                           "(%d) in the input tensor" % (shape_str(sizes), dim, shape[dim])) from None
    return view(input, shape[:dim] + tuple(inner) + shape[dim + 1:])


def _each(tensors, fn):
    if len(tensors) == 1 and isinstance(tensors[0], (tuple, list)):
        return tuple(fn(t) for t in tensors[0])
    if len(tensors) == 1:
        return fn(tensors[0])
    return tuple(fn(t) for t in tensors)


def _at_least_1d(t):
    return reshape(t, (1,)) if t._data.ndim == 0 else t


def _at_least_2d(t):
    ndim = t._data.ndim
    return reshape(t, (1, 1)) if ndim == 0 else unsqueeze(t, 0) if ndim == 1 else t


def _at_least_3d(t):
    ndim = t._data.ndim
    if ndim == 0:
        return reshape(t, (1, 1, 1))
    if ndim == 1:
        return unsqueeze(unsqueeze(t, 0), -1)
    return unsqueeze(t, -1) if ndim == 2 else t


def atleast_1d(*tensors):
    return _each(tensors, _at_least_1d)


def atleast_2d(*tensors):
    return _each(tensors, _at_least_2d)


def atleast_3d(*tensors):
    return _each(tensors, _at_least_3d)


def hstack(tensors):
    _tensors(tensors, "hstack")
    tensors = [_at_least_1d(t) for t in tensors]
    return cat(tensors, 0 if tensors[0]._data.ndim == 1 else 1)


def vstack(tensors):
    _tensors(tensors, "vstack")
    return cat([_at_least_2d(t) for t in tensors], 0)


row_stack = vstack


def dstack(tensors):
    _tensors(tensors, "dstack")
    return cat([_at_least_3d(t) for t in tensors], 2)


def column_stack(tensors):
    _tensors(tensors, "column_stack")
    return hstack([reshape(t, (t._data.size, 1)) if t._data.ndim <= 1 else t for t in tensors])


def argwhere(input):
    return nonzero(input)


_MESHGRID_WARNING = ("torch.meshgrid: in an upcoming release, it will be required to pass the "
                     "indexing argument.")


def meshgrid(*tensors, indexing=None):
    if len(tensors) == 1 and isinstance(tensors[0], (tuple, list)):
        tensors = tuple(tensors[0])
    if indexing is None:
        cpp_warnings.warn(_MESHGRID_WARNING, cpp_warnings.MESHGRID_INDEXING, once=True)
        indexing = "ij"
    if indexing not in ("xy", "ij"):
        raise RuntimeError('torch.meshgrid: indexing must be one of "xy" or "ij", but received: '
                           + str(indexing))
    for t in tensors:
        if not isinstance(t, Tensor):
            raise TypeError("meshgrid(): expected Tensor as element %d in argument 0, but got %s"
                            % (tensors.index(t), type(t).__name__))
        if t._data.ndim > 1:
            raise RuntimeError("torch.meshgrid: Expected 0D or 1D tensor in the tensor list but "
                               "got: %s" % t._data.ndim)
        if t._dtype is not tensors[0]._dtype:
            raise RuntimeError("meshgrid expects all tensors to have the same dtype")
    # 'xy' swaps the first two inputs, builds their 'ij' grids, and swaps the grids back.
    swap = indexing == "xy" and len(tensors) >= 2
    order = list(tensors)
    if swap:
        order[0], order[1] = order[1], order[0]
    shape = tuple(t._data.size for t in order)
    grids = []
    for i, t in enumerate(order):
        view_shape = [1] * len(order)
        view_shape[i] = -1
        grids.append(expand(view(t, tuple(view_shape)), shape))
    if swap:
        grids[0], grids[1] = grids[1], grids[0]
    return tuple(grids)
