"""More torch.nn.functional losses and distances: margin_ranking, hinge_embedding,
soft_margin, multilabel_soft_margin, multi_margin, multilabel_margin, cosine_embedding,
triplet_margin, poisson_nll, gaussian_nll, pairwise_distance, pdist.

ATen's composite losses (aten/src/ATen/native/Loss.cpp, Distance.cpp) are built here from
the same ops in the same order, so the graph has PyTorch's nodes: inside them a Python
number is a C++ Scalar argument (`cos - margin` is SubBackward1, `margin - x` a fill and
a SubBackward0). The Python ones of torch/nn/functional.py are plain engine code; the
ones with a kernel of their own are table ops (derivatives_nn.py)."""

import contextlib
import math

import numpy as np

from .. import derivatives as _d
from .. import dtypes as _dtypes
from .. import grad_mode as _grad_mode
from ..dispatch import call as _call
from ..formula_helpers import _scalar_minus

__all__ = ["margin_ranking_loss", "hinge_embedding_loss", "soft_margin_loss",
           "multilabel_soft_margin_loss", "multi_margin_loss", "multilabel_margin_loss",
           "cosine_embedding_loss", "triplet_margin_loss", "poisson_nll_loss",
           "gaussian_nll_loss", "pairwise_distance", "pdist"]

_EPSILON = float(np.float32(1e-12))  # Loss.cpp's `constexpr float EPSILON = 1e-12`


@contextlib.contextmanager
def _cpp_scalars():
    """Python numbers as C++ Scalar arguments (AddBackward1, not AddBackward0)."""
    state = _grad_mode.IN_FORMULA
    old, state.active = state.active, True
    try:
        yield
    finally:
        state.active = old


def _reduction(reduction, size_average=None, reduce=None):
    from .functional import _reduction as reduction_of
    return reduction_of(reduction, size_average, reduce)


def _apply_reduction(loss, reduction):
    if reduction == "mean":
        return loss.mean()
    return loss.sum() if reduction == "sum" else loss


def margin_ranking_loss(input1, input2, target, margin=0, size_average=None, reduce=None,
                        reduction="mean"):
    reduction = _reduction(reduction, size_average, reduce)
    if input1.dim() != input2.dim() or input1.dim() != target.dim():
        raise RuntimeError("margin_ranking_loss : All input tensors should have same dimension "
                           "but got sizes: input1: %r, input2: %r, target: %r "
                           % (input1.shape, input2.shape, target.shape))
    with _cpp_scalars():
        output = (-target * (input1 - input2) + float(margin)).clamp_min_(0)
    return _apply_reduction(output, reduction)


def hinge_embedding_loss(input, target, margin=1.0, size_average=None, reduce=None,
                         reduction="mean"):
    from ..creation import zeros_like
    from ..ops_select import where
    reduction = _reduction(reduction, size_average, reduce)
    zeros = zeros_like(input)
    margin_clamp = _scalar_minus(float(margin), input).clamp_min_(0)
    output_margin = where(target != 1, margin_clamp, zeros)
    output_self = where(target != -1, input, zeros)
    return _apply_reduction(output_margin + output_self, reduction)


def soft_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """ATen's soft_margin_loss_out: neg, mul_, exp_, log1p_ into a tensor of the input's
    dtype (a double target still gives a float loss; an integer input cannot hold it)."""
    from ..shape_util import broadcast_shapes
    from .functional_more import _not_differentiable
    reduction = _reduction(reduction, size_average, reduce)
    _not_differentiable("soft_margin_loss", "target", target)
    broadcast_shapes(tuple(input.shape), tuple(target.shape))
    dtype = input.dtype
    if dtype.category != 2:
        raise RuntimeError("result type %s can't be cast to the desired output type %s"
                           % (_dtypes.get_default_dtype().scalar_name, dtype.scalar_name))
    t = np.asarray(target._data, _dtypes.promote_types(dtype, target.dtype).np_dtype)
    return _call(_d.SOFT_MARGIN_LOSS, (input,), (t, reduction), dtype)


def multilabel_soft_margin_loss(input, target, weight=None, size_average=None, reduce=None,
                                reduction="mean"):
    from .functional_more import logsigmoid
    if size_average is not None or reduce is not None:
        reduction = _reduction(reduction, size_average, reduce)
    loss = -(target * logsigmoid(input) + (1 - target) * logsigmoid(-input))
    if weight is not None:
        loss = loss * weight
    class_dim = input.dim() - 1
    classes = input.shape[class_dim]
    loss = loss.sum(dim=class_dim) / classes
    if reduction == "none":
        return loss
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    raise ValueError(reduction + " is not valid")


def _frames(input):
    """(nframe, dim) of ATen's multi margin losses, and whether the shapes are usable."""
    ndim = input.dim()
    valid = (ndim == 2 and input.shape[1] != 0) or (ndim == 1 and input.shape[0] != 0) \
        or ndim == 0
    if ndim <= 1:
        return 1, (1 if ndim == 0 else input.shape[0]), valid
    return input.shape[0], input.shape[1], valid


def _long_target(target):
    if target.dtype is not _dtypes.int64:
        raise RuntimeError("expected scalar type Long but found %s" % target.dtype.scalar_name)


def multi_margin_loss(input, target, p=1, margin=1.0, weight=None, size_average=None,
                      reduce=None, reduction="mean"):
    reduction = _reduction(reduction, size_average, reduce)
    if p != 1 and p != 2:
        raise ValueError("only p == 1 and p == 2 supported")
    if weight is not None and weight.dim() != 1:
        raise ValueError("weight must be one-dimensional")
    nframe, dim, valid = _frames(input)
    if not valid:
        raise RuntimeError("Expected non-empty vector or matrix with optional 0-dim batch size, "
                           "but got: %s" % list(input.shape))
    if not (target.dim() <= 1 and target.numel() == nframe):
        raise RuntimeError("multi_margin_loss: target tensor should be 1-D with size equal to "
                           "the number of input samples (batch size). Expected target size "
                           "[%d], but got %s. Input has shape %s."
                           % (nframe, list(target.shape), list(input.shape)))
    if weight is not None and not (weight.dim() <= 1 and weight.numel() == dim):
        raise RuntimeError("inconsistent weight size, expected %d but got %s"
                           % (dim, list(weight.shape)))
    _floating_kernel(input, "multi_margin_loss_cpu_kernel")
    _long_target(target)
    t = target._data
    if t.size and (t.min() < 0 or t.max() >= dim):
        raise RuntimeError("target out of range")
    w = None if weight is None else weight._data
    return _call(_d.MULTI_MARGIN_LOSS, (input,), (t, p, margin, w, reduction), input.dtype)


def _floating_kernel(input, kernel):
    if input.dtype.category != 2:
        raise NotImplementedError('"%s" not implemented for \'%s\''
                                  % (kernel, input.dtype.scalar_name))


def multilabel_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    reduction = _reduction(reduction, size_average, reduce)
    nframe, dim, valid = _frames(input)
    if not valid:
        raise RuntimeError("Expected non-empty vector or matrix with optional 0-dim batch size, "
                           "but got: %s" % list(input.shape))
    if input.dim() <= 1:
        ok = target.dim() <= 1 and target.numel() == dim
    else:
        ok = target.dim() == 2 and tuple(target.shape) == (nframe, dim)
    if not ok:
        raise RuntimeError("inconsistent target size: %s for input of size: %s"
                           % (list(target.shape), list(input.shape)))
    _long_target(target)
    t = target._data
    if t.size and (t.min() < -1 or t.max() >= dim):
        raise RuntimeError("argument #2 'target' is out of range")
    _floating_kernel(input, "multilabel_margin_loss_forward_out_frame")
    return _call(_d.MULTILABEL_MARGIN_LOSS, (input,), (t, reduction), input.dtype)[0]


def cosine_embedding_loss(input1, input2, target, margin=0, size_average=None, reduce=None,
                          reduction="mean"):
    from ..creation import zeros_like
    from ..ops_select import where
    reduction = _reduction(reduction, size_average, reduce)
    targ_dim = target.dim()
    if targ_dim not in (0, 1):
        raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
    if targ_dim == 1 and input1.dim() != 2:
        raise RuntimeError("1D target tensor expects 2D input tensors, but found inputs with "
                           "sizes %s and %s." % (list(input1.shape), list(input2.shape)))
    if targ_dim == 0 and input1.dim() != 1:
        raise RuntimeError("0D target tensor expects 1D input tensors, but found inputs with "
                           "sizes %s and %s." % (list(input1.shape), list(input2.shape)))
    with _cpp_scalars():
        prod_sum = (input1 * input2).sum(targ_dim)
        mag_square1 = (input1 * input1).sum(targ_dim) + _EPSILON
        mag_square2 = (input2 * input2).sum(targ_dim) + _EPSILON
        denom = (mag_square1 * mag_square2).sqrt_()
        cos = prod_sum / denom
        zeros = zeros_like(cos)
        pos = _scalar_minus(1, cos)
        neg = (cos - float(margin)).clamp_min_(0)
        output_pos = where(target == 1, pos, zeros)
        output_neg = where(target == -1, neg, zeros)
        return _apply_reduction(output_pos + output_neg, reduction)


def pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False):
    innermost = max(x1.dim(), x2.dim()) - 1
    with _cpp_scalars():
        diff = x1 - x2 + float(eps)
    from ..dispatch import call_unary
    from ..shape_util import wrap_dim
    if diff.dtype.category != 2:
        raise RuntimeError("norm(): input dtype should be either floating point or complex. "
                           "Got %s instead." % diff.dtype.scalar_name)
    dims = (wrap_dim(innermost, diff.dim()),) if diff.dim() else ()
    return call_unary(_d.NORM_DIM, diff, p, dims, keepdim)


def triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-6, swap=False,
                        size_average=None, reduce=None, reduction="mean"):
    from ..ops_pointwise import minimum
    from ..ops_special import clamp_min
    reduction = _reduction(reduction, size_average, reduce)
    if margin <= 0:
        raise ValueError("margin must be greater than 0, got %s" % (margin,))
    a_dim, p_dim, n_dim = anchor.dim(), positive.dim(), negative.dim()
    if not a_dim == p_dim == n_dim:
        raise RuntimeError("The anchor, positive, and negative tensors are expected to have "
                           "the same number of dimensions, but got: anchor %dD, positive %dD, "
                           "and negative %dD inputs" % (a_dim, p_dim, n_dim))
    dist_pos = pairwise_distance(anchor, positive, p, eps)
    dist_neg = pairwise_distance(anchor, negative, p, eps)
    if swap:
        dist_swap = pairwise_distance(positive, negative, p, eps)
        dist_neg = minimum(dist_neg, dist_swap)
    with _cpp_scalars():
        output = clamp_min(float(margin) + dist_pos - dist_neg, 0)
    return _apply_reduction(output, reduction)


def poisson_nll_loss(input, target, log_input=True, full=False, size_average=None, eps=1e-8,
                     reduce=None, reduction="mean"):
    if size_average is not None or reduce is not None:
        reduction = _reduction(reduction, size_average, reduce)
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction + " is not a valid value for reduction")
    with _cpp_scalars():
        if log_input:
            loss = input.exp() - target * input
        else:
            loss = input - target * (input + float(eps)).log()
        if full:
            stirling = (target * target.log() - target
                        + 0.5 * (2 * math.pi * target).log())
            loss += stirling.masked_fill(target <= 1, 0)
    return _apply_reduction(loss, reduction)


def gaussian_nll_loss(input, target, var, full=False, eps=1e-6, reduction="mean"):
    from ..creation import ones_like
    if isinstance(var, float):
        if var < 0:
            raise ValueError("var has negative entry/entries")
        var = var * ones_like(input)
    elif (var < 0).any():
        raise ValueError("var has negative entry/entries")
    if var.shape != input.shape:
        if tuple(input.shape[:-1]) == tuple(var.shape):
            var = var.unsqueeze(-1)
        elif input.dim() == var.dim() and sum(
                y for x, y in zip(input.shape, var.shape) if x != y) == 1:
            pass
        else:
            raise ValueError("var is of incorrect size")
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction + " is not valid")
    var = var.clone()
    with _grad_mode.no_grad():
        var.clamp_(min=eps)
    loss = 0.5 * (var.log() + (input - target) ** 2 / var)
    if full:
        loss += 0.5 * math.log(2 * math.pi)
    if reduction == "mean":
        return loss.mean()
    return loss.sum() if reduction == "sum" else loss


def pdist(input, p=2):
    if input.dim() != 2:
        raise RuntimeError("pdist only supports 2D tensors, got: %dD" % input.dim())
    if input.dtype.category != 2:
        raise RuntimeError("pdist only supports floating-point dtypes")
    if p < 0:
        raise RuntimeError("pdist only supports non-negative p values")
    from ..dispatch import call_unary
    return call_unary(_d.PDIST, input, p)
