"""torch.nn.functional's classification losses: nll_loss and cross_entropy.

They follow ATen's nll_loss_nd: a 1-D or 2-D input is one NllLossBackward0 node, a 4-D
input (N, C, H, W) one NllLoss2DBackward0 node, and any other rank (N, C, d1, ...) is viewed
as (N, C, 1, -1) for nll_loss2d, its unreduced loss viewed back to (N, d1, ...). The checks
run in ATen's order, so the first problem of a bad call is the one reported."""

import math

from .. import derivatives as _d
from .. import ops_pointwise as _pw
from .. import ops_reduce as _red
from ..dispatch import call as _call
from ..tensor import Tensor as _Tensor


def _reduction(reduction, size_average=None, reduce=None):
    from .functional import _reduction as reduction_of
    return reduction_of(reduction, size_average, reduce)


def _sizes(tensor):
    return list(tensor.shape)


def _target_batch(target):
    return target.shape[0] if target.dim() else 0


def _check_target_dtype(target):
    if target.dtype.name not in ("int64", "uint8"):
        raise RuntimeError("expected target dtype to be Long or Byte, but got %s"
                           % target.dtype.scalar_name)


def _check_kernel_dtypes(input, weight, kernel_name):
    """The checks of the CPU kernel, after the shape checks: input and weight dtypes."""
    if input.dtype.category != 2:
        raise NotImplementedError('"%s" not implemented for \'%s\''
                                  % (kernel_name, input.dtype.scalar_name))
    if weight is not None and weight.dtype is not input.dtype:
        raise RuntimeError("expected scalar type %s but found %s"
                           % (input.dtype.scalar_name, weight.dtype.scalar_name))


def _check_bounds(target, classes, ignore_index):
    t = target._data.reshape(-1)
    bad = (t != ignore_index) & ((t < 0) | (t >= classes))
    if bad.any():
        raise IndexError("Target %d is out of bounds." % t[bad][0])


def _nll_loss(op, input, target, weight, reduction, ignore_index, kernel_name):
    classes = input.shape[1] if input.dim() > 1 else input.shape[0]
    _check_kernel_dtypes(input, weight, kernel_name)
    _check_bounds(target, classes, ignore_index)
    w = None if weight is None else weight._data
    return _call(op, (input,), (target._data, w, reduction, ignore_index), input.dtype)


def _nll_loss_1d_2d(input, target, weight, reduction, ignore_index):
    if target.dim() > 1:
        raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
    _check_target_dtype(target)
    if input.dim() == 1 and target.dim() == 1 and target.shape[0] != 1:
        raise ValueError("For 1D input, 1D target must have size 1, but got target size: %d"
                         % target.shape[0])
    classes = input.shape[-1]
    if weight is not None and (weight.dim() != 1 or weight.numel() != classes):
        raise RuntimeError("weight tensor should be defined either for all %d classes or no "
                           "classes but got weight tensor of shape: %s"
                           % (classes, _sizes(weight)))
    return _nll_loss(_d.NLL_LOSS, input, target, weight, reduction, ignore_index,
                     "nll_loss_out_frame")


def _nll_loss2d(input, target, weight, reduction, ignore_index):
    if target.dim() != 3:
        raise RuntimeError("only batches of spatial targets supported (3D tensors) but got "
                           "targets of dimension: %d" % target.dim())
    if weight is not None and weight.numel() != input.shape[1]:
        raise RuntimeError("weight tensor should be defined either for all or no classes")
    if (input.shape[0], *input.shape[2:]) != tuple(target.shape):
        raise RuntimeError("size mismatch (got input: %s , target: %s"
                           % (_sizes(input), _sizes(target)))
    _check_target_dtype(target)
    if weight is not None:
        weight = weight.reshape(-1)
    return _nll_loss(_d.NLL_LOSS2D, input, target, weight, reduction, ignore_index,
                     "nll_loss2d_forward_out_frame")


def nll_loss_nd(input, target, weight, reduction, ignore_index):
    """ATen's nll_loss_nd: the checks and the routing by rank."""
    dim = input.dim()
    if dim < 1:
        raise ValueError("Expected 1 or more dimensions (got %d)" % dim)
    if dim != 1 and input.shape[0] != _target_batch(target):
        raise ValueError("Expected input batch_size (%d) to match target batch_size (%d)."
                         % (input.shape[0], _target_batch(target)))
    if dim <= 2:
        return _nll_loss_1d_2d(input, target, weight, reduction, ignore_index)
    if dim == 4:
        return _nll_loss2d(input, target, weight, reduction, ignore_index)
    n, c = input.shape[0], input.shape[1]
    out_size = [n] + _sizes(input)[2:]
    if _sizes(target)[1:] != _sizes(input)[2:]:
        raise RuntimeError("Expected target size %s, got %s" % (out_size, _sizes(target)))
    input, target = input.contiguous(), target.contiguous()
    input = input.view(n, c, 1, -1) if input.numel() else input.view(n, c, 0, 0)
    target = target.view(n, 1, -1) if target.numel() else target.view(n, 0, 0)
    out = _nll_loss2d(input, target, weight, reduction, ignore_index)
    return out.view(out_size) if reduction == "none" else out


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
             reduction="mean"):
    reduction = _reduction(reduction, size_average, reduce)
    if not isinstance(target, _Tensor):
        raise RuntimeError("expected target dtype to be Long or Byte, but got %s"
                           % type(target).__name__)
    return nll_loss_nd(input, target, weight, reduction, ignore_index)


def _check_label_smoothing(label_smoothing):
    if label_smoothing > 1.0:
        raise RuntimeError("label_smoothing must be between 0.0 and 1.0. Got: %g"
                           % label_smoothing)


def _class_shape(log_p, class_dim, weight):
    """weight viewed to broadcast along the class dim of log_p."""
    shape = [1] * log_p.dim()
    shape[class_dim] = weight.shape[0]
    return weight.view(*shape)


def _cross_entropy_probabilities(input, target, weight, reduction, label_smoothing):
    """ATen's cross_entropy_loss_prob_target: target holds class probabilities."""
    class_dim = 0 if input.dim() == 1 else 1
    classes = input.shape[class_dim]
    if weight is not None and (weight.dim() != 1 or weight.numel() != classes):
        raise RuntimeError("cross_entropy: weight tensor should be defined either for all %d "
                           "classes or no classes but got weight tensor of shape: %s"
                           % (classes, _sizes(weight)))
    log_p = _red.log_softmax(input, class_dim)
    if label_smoothing > 0.0:
        _check_label_smoothing(label_smoothing)
        target = target * (1 - label_smoothing) + label_smoothing / classes
    terms = log_p * target
    if weight is not None:
        terms = terms * (_class_shape(log_p, class_dim, weight) if input.dim() > 1 else weight)
    if reduction == "none":
        return -terms.sum(class_dim)
    if reduction == "sum":
        return -terms.sum()
    if input.numel() == 0:
        return -terms.sum().fill_(math.nan)
    return _pw.div_scalar(-terms.sum(), input.numel() // classes)


def _cross_entropy_smoothed(log_p, class_dim, target, weight, reduction, ignore_index,
                            label_smoothing):
    """ATen's cross_entropy_loss_label_smoothing: (1 - s) * nll + s / C * smooth, where
    smooth is -(weighted) log p summed over classes, zero at ignored targets."""
    loss = nll_loss_nd(log_p, target, weight, reduction, ignore_index)
    classes = log_p.shape[class_dim]
    if weight is not None:
        smooth = -(log_p * _class_shape(log_p, class_dim, weight)).sum(class_dim)
    else:
        smooth = -log_p.sum(class_dim)
    ignored = target == ignore_index
    smooth = smooth.masked_fill(ignored, 0.0)
    if reduction == "mean":
        if weight is not None:
            smooth = smooth.sum() / weight[target[~ignored].flatten()].sum()
        else:
            smooth = smooth.sum() / (~ignored).sum()
    elif reduction == "sum":
        smooth = smooth.sum()
    return (_pw.mul_scalar(loss, 1 - label_smoothing)
            + _pw.mul_scalar(smooth, label_smoothing / classes))


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
                  reduction="mean", label_smoothing=0.0):
    reduction = _reduction(reduction, size_average, reduce)
    if tuple(input.shape) == tuple(target.shape):
        # A target shaped like the input holds class probabilities, whatever its dtype.
        if not target.dtype.is_floating_point:
            raise RuntimeError("Expected floating point type for target with class "
                               "probabilities, got %s" % target.dtype.scalar_name)
        if ignore_index >= 0:
            raise RuntimeError("ignore_index is not supported for floating point target")
        return _cross_entropy_probabilities(input, target, weight, reduction, label_smoothing)
    class_dim = 0 if input.dim() == 1 else 1
    log_p = _red.log_softmax(input, class_dim)
    if label_smoothing > 0.0:
        _check_label_smoothing(label_smoothing)
        return _cross_entropy_smoothed(log_p, class_dim, target, weight, reduction, ignore_index,
                                       label_smoothing)
    return nll_loss_nd(log_p, target, weight, reduction, ignore_index)
