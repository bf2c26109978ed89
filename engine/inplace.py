"""In-place ops (add_, mul_, zero_, x[i] = v ...): write into the tensor, bump its version,
and, when autograd is on, make the new node the tensor's history (PyTorch's rebase)."""

import numbers

import numpy as np

from . import derivatives as d, dtypes
from .dispatch import record, SavedOutput
from .dtypes import ALL_DTYPES
from .function import AccumulateGrad
from .grad_mode import GRAD, INFERENCE
from .shape_util import broadcast_shapes, shape_str
from .tensor import Tensor, wrap, wrapped_number
from .tensor_queries import tensor_argument
from .views_no_grad import refuse_write

LEAF_INPLACE_ERROR = ("a leaf Variable that requires grad is being used in an in-place "
                      "operation.")
INFERENCE_INPLACE_ERROR = (
    "Inplace update to inference tensor outside InferenceMode is not allowed.You can make a "
    "clone to get a normal tensor before doing inplace update.See "
    "https://github.com/pytorch/rfcs/pull/17 for more details.")
VIEW_OF_LEAF_ERROR = ("a view of a leaf Variable that requires grad is being used in an "
                      "in-place operation.")


def check_writable(x):
    if not GRAD.enabled:
        return
    if x._extra is not None and x._extra.made_without_grad is not None:
        refuse_write(x)
    if x._requires_grad and x._grad_fn is None and x._base is None:
        raise RuntimeError(LEAF_INPLACE_ERROR)
    base = x._base
    if base is not None and base._requires_grad and base._grad_fn is None:
        raise RuntimeError(VIEW_OF_LEAF_ERROR)


def apply_inplace(x, function, *args, **kwargs):
    """x.op_(*args): the out-of-place `function`'s result is written back into x."""
    check_writable(x)
    source = x
    if GRAD.enabled and (x._requires_grad or any(
            isinstance(a, Tensor) and a._requires_grad for a in args)):
        # The node may save x's old value (mul_ does, for the other input's gradient):
        # give it a snapshot, as PyTorch saves `original_self` of in-place ops.
        source = _snapshot(x)
    result = function(source, *args, **kwargs)
    if result._dtype is not x._dtype and result._dtype.category > x._dtype.category:
        raise RuntimeError("result type %s can't be cast to the desired output type %s"
                           % (result._dtype.scalar_name, x._dtype.scalar_name))
    if result._data.shape != x._data.shape:
        raise RuntimeError("output with shape %s doesn't match the broadcast shape %s"
                           % (shape_str(x._data.shape), shape_str(result._data.shape)))
    write(x, result._data)
    if result._grad_fn is not None:
        adopt_history(x, result)
        rebase_view(x)
        refresh_views(x)
    return x


def check_common_dtype_castable(x, other):
    """TensorIterator casts the operands' common dtype into an in-place output before any
    kernel runs: `bool_tensor &= half_tensor` fails on that cast, not on bitwise_and having
    no Half kernel."""
    if isinstance(other, (Tensor, bool, int, float)):
        common = dtypes.result_type(x, other)
        if common.category > x._dtype.category:
            raise RuntimeError("result type %s can't be cast to the desired output type %s"
                               % (common.scalar_name, x._dtype.scalar_name))


def write(x, values):
    data = x._data
    if not data.flags.writeable:
        raise RuntimeError("unsupported operation: more than one element of the written-to "
                           "tensor refers to a single memory location. Please clone() the "
                           "tensor before performing the operation.")
    if isinstance(values, np.ndarray) and values.dtype != data.dtype:
        values = dtypes.cast_array(values, data.dtype)
    np.copyto(data, values, casting="unsafe")
    x._bump_version()
    check_inference_write(x)


def check_inference_write(x):
    # PyTorch raises this after the write: the tensor is updated all the same.
    if x._extra is not None and x._extra.inference and not INFERENCE.active:
        raise RuntimeError(INFERENCE_INPLACE_ERROR)


def adopt_history(x, result):
    """x now holds result's values: it takes over result's node as its grad_fn."""
    node = result._grad_fn
    x._grad_fn = node
    x._requires_grad = True
    x._output_nr = 0
    if node._outputs is not None:
        node._outputs = (SavedOutput(x, node),)


def fill_(x, value):
    check_writable(x)
    if isinstance(value, Tensor):
        if value._data.ndim != 0:
            raise RuntimeError("fill_ only supports 0-dimension value tensor but got tensor "
                               "with %d dimensions." % value._data.ndim)
        write(x, value._data)
        _record_write(x, d.FILL_TENSOR, (x, value))  # fill_.Tensor: FillBackward3
        return x
    write(x, dtypes.scalar_to(value, x._dtype, single=x._data.size == 1)
          if isinstance(value, numbers.Number) else value)
    _record_write(x, d.FILL, (x, value))
    return x


def zero_(x):
    check_writable(x)
    write(x, 0)
    _record_write(x, d.ZERO, (x,))
    return x


def copy_(x, other, non_blocking=False):
    check_writable(x)
    if type(other) in dtypes.PYTHON_NUMBER_DTYPES:
        src = wrapped_number(other)
    else:
        src = tensor_argument(other, "copy_", "other")
    broadcast_shapes(x._data.shape, src._data.shape)
    write(x, np.broadcast_to(src._data, x._data.shape))
    _record_write(x, d.COPY, (x, src))
    return x


def _record_write(x, op, args):
    if GRAD.enabled and any(isinstance(a, Tensor) and a._requires_grad for a in args):
        old = history_of(x)
        node = record(op, (old,) + args[1:], (_placeholder(x),))
        take_node(x, node)
        rebase_view(x)
        refresh_views(x)


def rebase_view(x):
    """After a recorded write `fn` through view x: the base's history becomes
    CopySlices(old base, fn's other inputs), and x is re-derived from the base
    (AsStridedBackward0), as in PyTorch."""
    base = x._base
    if base is None or x._extra is None or x._extra.view_fn is None or not GRAD.enabled:
        return
    view_fn = x._extra.view_fn
    fn = x._grad_fn
    others = tuple(_edge_of(fn, j) for j in range(1, len(fn._next)))
    node = record(d.COPY_SLICES, (history_of(base),) + others + (view_fn, fn),
                  (_placeholder(base),))
    node._versions = ()  # freed by a backward, as PyTorch's CopySlices drops fn
    take_node(base, node)
    record(d.AS_STRIDED, (history_of(base), view_fn), (x,))


def refresh_views(x):
    """After a recorded write into x: the base's other views are re-derived from its new
    history (AsStridedBackward0), as PyTorch regenerates a view's grad_fn once the base
    changed; without this they would backpropagate through the values before the write."""
    base = x._base if x._base is not None else x
    views = base._extra.views if base._extra is not None else None
    if not views:
        return
    for view in list(views):
        if view is not x and view._extra.view_fn is not None:
            record(d.AS_STRIDED, (history_of(base), view._extra.view_fn), (view,))


def _edge_of(node, j):
    """A stand-in for node's input j that record() reads as the same edge (a number for
    an input without gradient)."""
    nxt = node._next[j]
    if nxt is None:
        return 0
    dtype = ALL_DTYPES[node._dtypes[j]]
    t = wrap(np.broadcast_to(np.zeros((), dtype.np_dtype), node._shapes[j]), dtype)
    t._requires_grad = True
    if type(nxt) is AccumulateGrad:
        t._extra_state().accumulator = nxt
    else:
        t._grad_fn = nxt
        t._output_nr = node._nrs[j]
    return t


def history_of(x):
    """A stand-in carrying x's history before the write (its data is not needed)."""
    t = wrap(x._data, x._dtype)
    t._requires_grad = x._requires_grad
    t._grad_fn = x._grad_fn
    t._output_nr = x._output_nr
    return t


def _snapshot(x):
    t = history_of(x)
    t._data = x._data.copy()
    return t


def _placeholder(x):
    return wrap(x._data, x._dtype)


def take_node(x, node):
    x._grad_fn = node
    x._requires_grad = True
    x._output_nr = 0
