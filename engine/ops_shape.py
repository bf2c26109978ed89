"""Shape ops as torch functions: view, reshape, expand, transpose, squeeze ... (views share memory)."""

import weakref

import numpy as np

from . import derivatives as d
from .creation import parse_size
from .memory import check_allocation
from .dispatch import call_unary
from .grad_mode import GRAD, INFERENCE
from .tensor import wrap
from .tensor_queries import tensor_argument
from .views_no_grad import mark_view
from . import kernels as k
from .shape_util import wrap_dim, wrap_dims, infer_view_size, shape_str
from .size_args import int_arg, queried_dim, size_args
from . import cpp_warnings

VIEW_STRIDE_ERROR = (
    "view size is not compatible with input tensor's size and stride (at least one dimension "
    "spans across two contiguous subspaces). Use .reshape(...) instead.")


def view_op(op, input, *params):
    """Run a view op of the table: the result shares input's memory and version counter."""
    return link_view(call_unary(op, input, *params), input,
                     lambda t: call_unary(op, t, *params))


def link_view(result, input, step):
    """Make result a view of input's base, remembering how to derive it from the base
    (`step` re-applies this view op): in-place writes through a view use it to rewrite
    the base's history, as PyTorch's CopySlices does."""
    result._version = input._shared_version()
    if input._base is not None:
        result._base = input._base
        result._extra_state().view_fn = ViewReplay(input._extra.view_fn, step)
    else:
        result._base = input
        result._extra_state().view_fn = step
    if INFERENCE.active:
        result._extra.inference = input.is_inference()  # a view of a normal tensor is normal
    if input._requires_grad and (not GRAD.enabled or (
            input._extra is not None and input._extra.made_without_grad is not None)):
        mark_view(result, input)
    if GRAD.enabled:
        # A write into the base later re-derives this view's history (inplace.refresh_views).
        extra = result._base._extra_state()
        if extra.views is None:
            extra.views = weakref.WeakSet()
        extra.views.add(result)
    return result


class ViewReplay:
    """A view of a view, derived from the base: the parent's derivation, then `step`.

    Applied in a loop, not by nested calls, so that a chain of 100 000 views (y = y[:]
    in a loop) replays without reaching Python's recursion limit."""

    __slots__ = ("parent", "step")

    def __init__(self, parent, step):
        self.parent = parent
        self.step = step

    def __call__(self, t):
        steps = []
        link = self
        while type(link) is ViewReplay:
            steps.append(link.step)
            link = link.parent
        t = link(t)  # the first view's own step
        for step in reversed(steps):
            t = step(t)
        return t


def _view_possible(array, size):
    try:
        array.reshape(size, copy=False)
        return True
    except (ValueError, AttributeError):
        return False


def view(input, *size):
    from .dtypes import DType
    if len(size) == 1 and isinstance(size[0], DType):
        from .ops_convert import view_as_dtype
        return view_as_dtype(input, size[0])
    # a size of the wrong type: parser_signatures gives view's "invalid combination"
    size = size_args("view", "size", size)
    size = infer_view_size(size, input._data.size)
    if not _view_possible(input._data, size):
        raise RuntimeError(VIEW_STRIDE_ERROR)
    return view_op(d.VIEW, input, size)


def _other_tensor(function, other):
    tensor_argument(other, function, "other")
    return other._data.shape


def view_as(input, other):
    return view(input, _other_tensor("view_as", other))


def reshape(input, *shape, method=True):
    # PyTorch's reshape: a contiguous tensor is viewed (ViewBackward0), another one that
    # strides can still describe is aliased (_reshape_alias: ReshapeAliasBackward0),
    # anything else is copied (clone + _unsafe_view).
    size = infer_view_size(size_args("reshape", "shape", shape, method), input._data.size)
    if input._data.flags.c_contiguous:
        return view_op(d.VIEW, input, size)
    if _view_possible(input._data, size):
        return view_op(d.RESHAPE_ALIAS, input, size)
    return call_unary(d.RESHAPE_COPY, clone(input), size)


def reshape_as(input, other):
    return reshape(input, _other_tensor("reshape_as", other))


def parse_size_allowing_minus(args):
    if len(args) == 1 and isinstance(args[0], (tuple, list)):
        args = tuple(args[0])
    return tuple(int(a) for a in args)


def flatten(input, start_dim=0, end_dim=-1):
    start_dim = int_arg("flatten", "start_dim", 1, start_dim)
    end_dim = int_arg("flatten", "end_dim", 2, end_dim)
    ndim = input._data.ndim
    start, end = wrap_dim(start_dim, ndim), wrap_dim(end_dim, ndim)
    if ndim == 0:
        return reshape(input, 1)
    if start > end:
        raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
    if start == end:
        return input
    shape = input._data.shape
    return reshape(input, shape[:start] + (-1,) + shape[end + 1:])


def expand(input, *sizes):
    sizes = size_args("expand", "size", sizes)
    shape = input._data.shape
    if len(sizes) < len(shape):
        raise RuntimeError(
            "expand(%s{[%s]}, size=[%s]): the number of sizes provided (%d) must "
            "be greater or equal to the number of dimensions in the tensor (%d)"
            % (_type_string(input._dtype), ", ".join(map(str, shape)),
               ", ".join(map(str, sizes)), len(sizes), len(shape)))
    return view_op(d.EXPAND, input, _expanded_shape(shape, sizes))


def _type_string(dtype):
    """ATen's toString of a CPU tensor type: the legacy name, CPUBoolType for bool (which has
    none)."""
    return "CPUBoolType" if dtype.name == "bool" else "torch." + dtype.legacy_name


def _expanded_shape(shape, sizes):
    """ATen's inferExpandGeometry: dimensions checked from the last one, so the first error
    reported is the rightmost; a negative size other than -1 fails only in numel."""
    lead = len(sizes) - len(shape)
    target = list(sizes)
    for i in reversed(range(len(sizes))):
        s = sizes[i]
        if i < lead:
            if s == -1:
                raise RuntimeError("The expanded size of the tensor (-1) isn't allowed in a "
                                   "leading, non-existing dimension %d" % i)
            continue
        current = shape[i - lead]
        if s == -1:
            target[i] = current
        elif current != 1 and s != current:
            raise RuntimeError(
                "The expanded size of the tensor (%d) must match the existing size (%d) at "
                "non-singleton dimension %d.  Target sizes: %s.  Tensor sizes: %s"
                % (s, current, i, shape_str(sizes), shape_str(shape)))
    if any(s < 0 for s in target):
        raise RuntimeError("numel: integer multiplication overflow")
    return tuple(target)


def expand_as(input, other):
    return expand(input, _other_tensor("expand_as", other))


def sum_to_size(input, *size):
    """Sum broadcast dimensions away so the result has `size` (the un-broadcast)."""
    # at::sum_to: one sum over the leading and the broadcast dims (keepdim), then a view
    # dropping the leading ones: SumBackward1 under ViewBackward0, one summation order.
    size = parse_size(size)
    dims = broadcast_dims(input._data.shape, size)
    if not dims:
        return input
    if not (GRAD.enabled and input._requires_grad) and input._dtype.category == 2:
        # Nothing to record: the same sum, without nodes.
        return wrap(unbroadcast(input._data, dims, size), input._dtype)
    if not size:
        return input.sum()  # at::sum_to's 0-dim target: a full sum (SumBackward0)
    result = input.sum(dims, keepdim=True)
    return result.view(size) if len(size) < input._data.ndim else result


def broadcast_dims(shape, size):
    """The dims of `shape` that broadcasting `size` to it added or stretched, in order."""
    lead = len(shape) - len(size)
    return tuple(range(lead)) + tuple(
        lead + i for i, s in enumerate(size) if s == 1 and shape[lead + i] != 1)


def unbroadcast(data, dims, size):
    """The array `data` summed over its broadcast `dims` back to `size` (a float dtype)."""
    return np.asarray(k.sum_axes(data, dims)).reshape(size)


def stride(input, dim=None):
    """Strides in elements, read from the NumPy array (views share their base's memory and
    have its strides, as PyTorch's do)."""
    data = input._data
    if data.size == 0:  # NumPy gives an empty array any strides; PyTorch's are contiguous
        strides, step = [], 1
        for n in reversed(data.shape):
            strides.insert(0, step)
            step *= max(n, 1)
        strides = tuple(strides)
    else:
        strides = tuple(s // data.itemsize for s in data.strides)
    if dim is None:
        return strides
    return strides[queried_dim("stride", dim, data.ndim)]


def storage_offset(input):
    """Where the tensor starts in its base's memory, in elements."""
    data = root = input._data
    while isinstance(root.base, np.ndarray):
        root = root.base
    if data.size == 0:
        return 0
    return (data.__array_interface__["data"][0] - root.__array_interface__["data"][0]) \
        // data.itemsize


def is_contiguous(input, memory_format=None):
    return bool(input._data.flags.c_contiguous)


def contiguous(input, memory_format=None):
    if input._data.flags.c_contiguous:
        return input
    check_allocation(input._data.shape, input._dtype)
    return call_unary(d.CLONE_CONTIGUOUS, input)


def clone(input, *, memory_format=None):
    # An expanded view costs nothing until copied: the memory limit applies here.
    check_allocation(input._data.shape, input._dtype)
    return call_unary(d.CLONE, input)


def check_t(input, name="t"):
    if input._data.ndim > 2:
        raise RuntimeError("%s() expects a tensor with <= 2 dimensions, but self is %dD"
                           % (name, input._data.ndim))


def t(input):
    check_t(input)
    return view_op(d.T, input)


def transpose(input, dim0, dim1):
    dim0 = int_arg("transpose", "dim0", 1, dim0)
    dim1 = int_arg("transpose", "dim1", 2, dim1)
    ndim = input._data.ndim
    return view_op(d.TRANSPOSE, input, wrap_dim(dim0, ndim), wrap_dim(dim1, ndim))


swapaxes = swapdims = transpose


def permute(input, *dims, method=True):
    dims = size_args("permute", "dims", dims, method)
    ndim = input._data.ndim
    if len(dims) != ndim:
        raise RuntimeError("permute(sparse_coo): number of dimensions in the tensor input does "
                           "not match the length of the desired ordering of dimensions i.e. "
                           "input.dim() = %d is not equal to len(dims) = %d" % (ndim, len(dims)))
    wrapped = tuple(wrap_dim(x, ndim) for x in dims)
    if len(set(wrapped)) != ndim:
        raise RuntimeError("permute(): duplicate dims are not allowed.")
    return view_op(d.PERMUTE, input, wrapped)


def matrix_transpose(input):
    """x.T: the dims reversed (PermuteBackward0), as PyTorch's Tensor.T."""
    if input._data.ndim != 2:
        cpp_warnings.warn(
            "The use of `x.T` on tensors of dimension other than 2 to reverse their shape is "
            "deprecated and it will throw an error in a future release. Consider `x.mT` to "
            "transpose batches of matrices or `x.permute(*torch.arange(x.ndim - 1, -1, -1))` "
            "to reverse the dimensions of a tensor.", cpp_warnings.TRANSPOSE_T, once=True)
    return permute(input, tuple(range(input._data.ndim - 1, -1, -1)))


def matrices_transpose(input, name="mT"):
    """x.mT / x.mH (the adjoint: the same for real dtypes): the last two dims swapped."""
    ndim = input._data.ndim
    if ndim == 0:  # deprecated, the identity: the tensor itself
        cpp_warnings.warn(
            "Tensor.mT is deprecated on 0-D tensors. This function is the identity in these "
            "cases." if name == "mT" else
            "Tensor.mH is deprecated on 0-D tensors. Consider using x.conj().",
            cpp_warnings.SCALAR_MT if name == "mT" else cpp_warnings.SCALAR_MH, once=True)
        return input
    if ndim < 2:
        raise RuntimeError("tensor.%s is only supported on matrices or batches of matrices. "
                           "Got %d-D tensor." % (name, ndim))
    return transpose(input, -2, -1)


def adjoint_2d(input):
    """x.H: the adjoint of a matrix (2-D only)."""
    ndim = input._data.ndim
    if ndim == 0:
        cpp_warnings.warn("Tensor.H is deprecated on 0-D tensors. Consider using x.conj().",
                          cpp_warnings.SCALAR_H, once=True)
        return input
    if ndim != 2:
        raise RuntimeError("tensor.H is only supported on matrices (2-D tensors). Got %d-D "
                           "tensor.%s" % (ndim, " For batches of matrices, consider using "
                                          "tensor.mH" if ndim > 2 else ""))
    return transpose(input, 0, 1)


def squeeze(input, dim=None):
    if dim is None:
        return view_op(d.SQUEEZE, input)
    op = d.SQUEEZE_DIMS if isinstance(dim, (tuple, list)) else d.SQUEEZE_DIM
    return view_op(op, input, wrap_dims(dim, input._data.ndim))


def unsqueeze(input, dim):
    dim = int_arg("unsqueeze", "dim", 1, dim)
    return view_op(d.UNSQUEEZE, input, wrap_dim(dim, input._data.ndim + 1))


def select(input, dim, index):
    from .ops_index import getitem
    dim = int_arg("select", "dim", 1, dim)
    index = int_arg("select", "index", 2, index)
    shape = input._data.shape
    if not shape:
        raise IndexError("select() cannot be applied to a 0-dim tensor.")
    dim = wrap_dim(dim, len(shape))
    if not -shape[dim] <= index < shape[dim]:
        raise IndexError("select(): index %d out of range for tensor of size %s at dimension %d"
                         % (index, shape_str(shape), dim))
    return getitem(input, (slice(None),) * dim + (index,))


def repeat(input, *repeats):
    repeats = size_args("repeat", "repeats", repeats)
    if len(repeats) < input._data.ndim:
        raise RuntimeError("Number of dimensions of repeat dims can not be smaller than number "
                           "of dimensions of tensor")
    lead = len(repeats) - input._data.ndim
    shape = (1,) * lead + input._data.shape
    target = tuple(r * s for r, s in zip(repeats, shape))
    for n in target:
        if n < 0:
            raise RuntimeError("Trying to create tensor with negative dimension %d: %s"
                               % (n, shape_str(target)))
    check_allocation(tuple(r * s for r, s in zip(repeats, shape)), input._dtype)
    return call_unary(d.REPEAT, input, repeats)


def tile(input, *dims):
    """repeat with the dims padded with leading ones to the input's rank."""
    dims = size_args("tile", "dims", dims)
    pad = input._data.ndim - len(dims)
    return repeat(input, (1,) * pad + tuple(dims))


def _function_form(method):
    """torch.reshape(x, shape) / torch.permute(x, dims): the size is one argument, not varargs."""
    def function(input, *args):
        return method(input, *args, method=False)
    function.__name__ = method.__name__
    return function


torch_reshape = _function_form(reshape)
torch_permute = _function_form(permute)


# Splitting ops live in ops_split.py; re-exported for the modules that import them here.
from .ops_split import split, chunk, unbind  # noqa: E402,F401
