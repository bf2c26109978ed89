"""In-place shape ops (t_, transpose_, squeeze_, unsqueeze_): the tensor itself takes the
view's shape and a new version, and the view op's node becomes its history (TBackward1)."""

from . import derivatives as d
from .dispatch import call_unary
from .inplace import check_writable, history_of, take_node
from .ops_shape import check_t
from .shape_util import wrap_dim, wrap_dims


def t_(x):
    check_t(x, "t_")
    return _restride(x, d.T_INPLACE)


def transpose_(x, dim0, dim1):
    ndim = x._data.ndim
    return _restride(x, d.TRANSPOSE_INPLACE, wrap_dim(dim0, ndim), wrap_dim(dim1, ndim))


def squeeze_(x, dim=None):
    if dim is None:
        return _restride(x, d.SQUEEZE_INPLACE)
    op = d.SQUEEZE_DIMS_INPLACE if isinstance(dim, (tuple, list)) else d.SQUEEZE_MATMUL
    return _restride(x, op, wrap_dims(dim, x._data.ndim))


def unsqueeze_(x, dim):
    return _restride(x, d.UNSQUEEZE_INPLACE, wrap_dim(dim, x._data.ndim + 1))


def _restride(x, op, *params):
    check_writable(x)
    result = call_unary(op, history_of(x), *params)
    x._data = result._data
    x._bump_version()
    if result._grad_fn is not None:
        take_node(x, result._grad_fn)
    if x._base is not None and x._extra.view_fn is not None:
        # A view stays a view of its base, one more step away from it.
        parent = x._extra.view_fn
        x._extra.view_fn = lambda t: call_unary(op, parent(t), *params)
    return x
