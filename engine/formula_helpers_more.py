"""Formula functions of the ordering, statistics, layout and special ops (derivatives.py)."""

import numpy as np

from .creation import zeros
from .dtypes import bool_, int64
from .formula_helpers import (evenly_distribute_dim, numel_of, count_of, reduce_backward,
                              select_backward_at, unsqueezed, var_backward)
from .tensor import wrap


def value_selecting_backward(grad, dim, indices, sizes, keepdim):
    """sort, topk, kthvalue, median(dim), mode: each output's gradient goes back to the
    element its index names (value_selecting_reduction_backward in PyTorch)."""
    return select_backward_at(grad, dim, indices, sizes, keepdim)


def cumsum_backward(grad, dim):
    """PyTorch's: the reversed cumulative sum, grad.flip(dim).cumsum(dim).flip(dim) (its
    rounding too), or grad itself when there is nothing to sum."""
    if grad._data.size <= 1 or grad._data.shape[dim] == 1:
        return grad
    return grad.flip(dim).cumsum(dim).flip(dim)


def cummaxmin_backward(grad, self, indices, dim):
    """Each output's gradient added to the element its index names (scatter_add)."""
    if self._data.ndim == 0:
        return grad
    from .creation import zeros
    return zeros(self.shape, dtype=grad.dtype).scatter_add(dim, indices, grad)


def cumprod_backward(grad, self, dim, result):
    """d/dx_i of sum_j g_j y_j with y = cumprod(x): sum over j >= i of g_j * prod_{k <= j,
    k != i} x_k. Without zeros that is the reversed cumsum of g * y, over x; with zeros each
    x_i is replaced by one in turn (PyTorch's cumprod_backward handles zeros as well)."""
    if self._data.ndim == 0 or self._data.shape[dim] <= 1:
        return grad
    if (self._data != 0).all():
        return (grad * result).flip(dim).cumsum(dim).flip(dim) / self
    from .ops_join import cat
    from .ops_select import where
    n = self._data.shape[dim]
    shape = [1] * self._data.ndim
    shape[dim] = n
    position = np.arange(n).reshape(shape)
    parts = []
    for i in range(n):
        without_i = where(wrap(position == i, bool_), 1.0, self).cumprod(dim)
        after_i = wrap(np.broadcast_to(position >= i, self._data.shape), bool_)
        parts.append((grad * without_i * after_i).sum(dim, keepdim=True))
    return cat(parts, dim)


def _all_dims(self, dim):
    return tuple(range(self._data.ndim)) if dim is None else (dim,)


def aminmax_backward(grads, self, results, dim, keepdim):
    """Each of min and max shares its gradient among the tied extremes, as amin/amax."""
    dims = _all_dims(self, dim)
    keep = keepdim if dim is not None else False
    total = None
    for g, r in zip(grads, results):
        if g is not None:
            part = evenly_distribute_dim(g, self, r, dims, keep)
            total = part if total is None else total + part
    return total


def _mean_backward(grad, self, dims, keepdim):
    if dims is None:
        return grad.expand(self._data.shape) / numel_of(self._data.shape)
    return reduce_backward(grad, self._data.shape, dims, keepdim) / count_of(self._data.shape, dims)


def var_mean_backward(grads, self, dims, correction, keepdim):
    total = None
    if grads[0] is not None:
        total = var_backward(grads[0], self, dims, correction, keepdim)
    if grads[1] is not None:
        part = _mean_backward(grads[1], self, dims, keepdim)
        total = part if total is None else total + part
    return total


def std_mean_backward(grads, self, results, dims, correction, keepdim):
    total = None
    if grads[0] is not None:
        total = var_backward(grads[0], self, dims, correction, keepdim) / (
            2 * unsqueezed(results[0], dims, keepdim))
    if grads[1] is not None:
        part = _mean_backward(grads[1], self, dims, keepdim)
        total = part if total is None else total + part
    return total


def not_differentiable(name):
    """derivatives.yaml's not_implemented("name") for ops whose backward raises
    NotImplementedError (_unique2)."""
    raise NotImplementedError("the derivative for '%s' is not implemented." % name)


def diagonal_key(sizes, offset, dim1, dim2):
    from .kernels_layout import diagonal_key as key
    return key(sizes, offset, dim1, dim2)


def trace_backward(grad, sizes):
    """PyTorch's trace_backward: grad written on the diagonal of a flat zero matrix, then
    viewed as the input (IndexFillBackward1 under ViewBackward0; the rest stays 0 even
    where grad is inf or nan)."""
    rows, cols = sizes
    flat = zeros(rows * cols, dtype=grad.dtype)
    diagonal = wrap(np.arange(0, rows * cols, cols + 1, dtype=np.int64), int64)
    return flat.index_fill_(0, diagonal, grad).view(sizes)


def negated(shifts):
    return tuple(-s for s in shifts) if isinstance(shifts, tuple) else -shifts


def logit_backward(grad, self, eps):
    """grad / (x (1 - x)); outside [0, 1] nan, or with eps, zero outside [eps, 1 - eps].
    PyTorch has two forms that differ at a nan input: the kernel (x < lo || x > hi ? out :
    g, a nan passes) and, under create_graph, infinitely_differentiable_logit_backward
    (where(lo <= x <= hi, g, out): a nan gets `out`)."""
    from .grad_mode import GRAD
    from .ops_select import where
    g = grad / (self * (1 - self))
    lo, hi, outside = (0, 1, float("nan")) if eps is None else (eps, 1 - eps, 0.0)
    if GRAD.enabled:
        return where((self >= lo) & (self <= hi), g, outside)
    return where((self < lo) | (self > hi), outside, g)


def xlogy(self, other):
    from .ops_special import xlogy as function
    return function(self, other)


def _loss_scale(g, self, reduction, grad):
    if reduction == "mean":
        g = g / numel_of(self._data.shape)
    return g * grad


def bce_logits_backward(grad, self, target, weight, pos_weight, reduction):
    if pos_weight is not None:
        t = target * wrap_like(pos_weight, self)
        g = (t + 1 - target) * self.sigmoid() - t
    else:
        g = self.sigmoid() - target
    if weight is not None:
        g = g * wrap_like(weight, self)
    return _loss_scale(g, self, reduction, grad)


def bce_logits_target_backward(grad, self, target, weight, pos_weight, reduction):
    if pos_weight is not None:
        g = (1 - self.sigmoid()).log() - wrap_like(pos_weight, self) * self.sigmoid().log()
    else:
        g = -self
    if weight is not None:
        g = g * wrap_like(weight, self)
    return _loss_scale(g, self, reduction, grad)


def smooth_l1_backward(grad, self, target, reduction, beta):
    from .ops_select import where
    d = self - target
    g = where(d < -beta, -1.0, where(d > beta, 1.0, d / beta))
    return _loss_scale(g, self, reduction, grad)


def huber_backward(grad, self, target, reduction, delta):
    from .ops_select import where
    if target._dtype is not self._dtype:  # ATen's huber_backward kernel takes one dtype only
        raise RuntimeError("Found dtype %s but expected %s"
                           % (target._dtype.scalar_name, self._dtype.scalar_name))
    d = self - target
    g = where(d < -delta, -delta, where(d > delta, delta, d))
    return _loss_scale(g, self, reduction, grad)


def wrap_like(array, like):
    """A weight saved as an array, as a tensor of like's dtype."""
    return wrap(np.asarray(array, like._data.dtype), like._dtype)


def constant_pad(grad, pad, value):
    from .dispatch import call_unary
    from . import derivatives as d
    return call_unary(d.CONSTANT_PAD, grad, pad, value)
