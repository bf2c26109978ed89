"""More of torch.nn.functional: one_hot, binary_cross_entropy_with_logits, smooth_l1_loss,
huber_loss, kl_div, softsign, logsigmoid, normalize, cosine_similarity, pad, embedding.

Where PyTorch's op is one node (BinaryCrossEntropyWithLogitsBackward0, SmoothL1LossBackward0,
HuberLossBackward0, LogSigmoidBackward0, ConstantPadNdBackward0) it is a table op; the
others are built from the ops torch/nn/functional.py and ATen build them from."""

import warnings

import numpy as np

from .. import derivatives as _d
from .. import dtypes as _dtypes
from .. import grad_mode as _grad_mode
from .. import ops_reduce as _red
from ..dispatch import call as _call, call_unary as _call_unary
from ..ops_special import clamp_min as _clamp_min, xlogy as _xlogy
from ..tensor import Tensor as _Tensor, wrap as _wrap

__all__ = ["one_hot", "binary_cross_entropy_with_logits", "smooth_l1_loss", "huber_loss",
           "kl_div", "softsign", "logsigmoid", "normalize", "cosine_similarity", "pad",
           "embedding"]


def _reduction(reduction, size_average=None, reduce=None):
    from .functional import _reduction as reduction_of
    return reduction_of(reduction, size_average, reduce)


def one_hot(tensor, num_classes=-1):
    if tensor._dtype is not _dtypes.int64:
        raise RuntimeError("one_hot is only applicable to index tensor of type LongTensor.")
    data = tensor._data
    if num_classes == -1:
        if data.size == 0:
            raise RuntimeError("Can not infer total number of classes from empty tensor.")
        num_classes = int(data.max()) + 1
    if data.size and data.min() < 0:
        raise RuntimeError("Class values must be non-negative.")
    if data.size and data.max() >= num_classes:
        raise RuntimeError("Class values must be smaller than num_classes.")
    out = (data[..., None] == np.arange(num_classes)).astype(np.int64)
    return _wrap(out, _dtypes.int64)


def _not_differentiable(name, argument, tensor):
    if isinstance(tensor, _Tensor) and tensor.requires_grad and _grad_mode.GRAD.enabled:
        raise RuntimeError("The function '%s' is not differentiable with respect to argument "
                           "'%s'. This input cannot have requires_grad True." % (name, argument))


def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None,
                                     reduction="mean", pos_weight=None):
    reduction = _reduction(reduction, size_average, reduce)
    if target.shape != input.shape:
        raise ValueError("Target size (%r) must be the same as input size (%r)"
                         % (target.shape, input.shape))
    dtype = _dtypes.promote_types(input.dtype, target.dtype)
    if target.dtype.category != 2:  # the loss is computed into the target's dtype
        raise RuntimeError("result type %s can't be cast to the desired output type %s"
                           % (dtype.scalar_name, target.dtype.scalar_name))
    name = "binary_cross_entropy_with_logits"
    _not_differentiable(name, "weight", weight)
    _not_differentiable(name, "pos_weight", pos_weight)
    input, target = input.to(dtype), target.to(dtype)
    weight = None if weight is None else np.broadcast_to(weight._data, input.shape)
    pos_weight = None if pos_weight is None else np.broadcast_to(pos_weight._data, input.shape)
    return _call(_d.BCE_WITH_LOGITS, (input, target), (weight, pos_weight, reduction), dtype)


def pointwise_loss(op, kernel_name, input, target, params, out_dtype=None):
    """mse, smooth L1 and Huber: one node over both inputs as they are (no conversion node);
    the loss is in their common dtype, or in `out_dtype` (Huber's: the input's)."""
    from .functional import _check_sizes, _broadcast_pair
    _check_sizes(input, target)
    if input.shape != target.shape:
        input, target = _broadcast_pair(input, target)
    dtype = _dtypes.promote_types(input.dtype, target.dtype)
    if dtype.category != 2:
        raise NotImplementedError('"%s" not implemented for \'%s\''
                                  % (kernel_name, dtype.scalar_name))
    if out_dtype is not None and out_dtype.category != 2:
        raise RuntimeError("result type %s can't be cast to the desired output type %s"
                           % (dtype.scalar_name, out_dtype.scalar_name))
    return _call(op, (input, target), params, out_dtype or dtype)


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    reduction = _reduction(reduction, size_average, reduce)
    if beta < 0:
        raise RuntimeError("smooth_l1_loss does not support negative values for beta.")
    if beta == 0.0:  # PyTorch's l1_loss then: MeanBackward0(AbsBackward0(SubBackward0))
        from .functional import l1_loss
        return l1_loss(input, target, reduction=reduction)
    return pointwise_loss(_d.SMOOTH_L1_LOSS, "smooth_l1_cpu", input, target, (reduction, beta))


def huber_loss(input, target, reduction="mean", delta=1.0, weight=None):
    reduction = _reduction(reduction)
    if delta <= 0:
        raise RuntimeError("huber_loss does not support non-positive values for delta.")
    return pointwise_loss(_d.HUBER_LOSS, "huber_cpu", input, target, (reduction, delta),
                          input.dtype)


_KL_MEAN_WARNING = (
    "reduction: 'mean' divides the total loss by both the batch size and the support size."
    "'batchmean' divides only by the batch size, and aligns with the KL div math definition."
    "'mean' will be changed to behave the same as 'batchmean' in the next major release.")


def kl_div(input, target, size_average=None, reduce=None, reduction="mean", log_target=False):
    if reduction not in ("mean", "sum", "none", "batchmean"):
        raise ValueError("%s is not a valid value for reduction" % reduction)
    if size_average is not None or reduce is not None:
        reduction = _reduction(reduction, size_average, reduce)
    elif reduction == "mean":
        warnings.warn(_KL_MEAN_WARNING, UserWarning, stacklevel=2)
    # ATen's kl_div: exp(t) * (t - x) for a log target, else xlogy(t, t) - t * x.
    if log_target:
        loss = target.exp() * (target - input)
    else:
        loss = _xlogy(target, target) - target * input
    if reduction == "batchmean":
        return loss.sum() / input.shape[0] if input.dim() else loss.sum()
    if reduction == "mean":
        return loss.mean()
    return loss.sum() if reduction == "sum" else loss


def softsign(input):
    return input / (input.abs() + 1)


def logsigmoid(input):
    if input.dtype.category != 2:
        raise NotImplementedError('"log_sigmoid_cpu" not implemented for \'%s\''
                                  % input.dtype.scalar_name)
    return _call_unary(_d.LOG_SIGMOID, input)


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    denom = _clamp_min(input.norm(p, dim, keepdim=True), eps).expand_as(input)
    return input / denom


def cosine_similarity(x1, x2, dim=1, eps=1e-8):
    """ATen's cosine_similarity: each input over its own norm (cloned, then clamped at eps
    outside the graph), multiplied and summed over dim."""
    dtype = _dtypes.promote_types(x1.dtype, x2.dtype)
    if dtype.category != 2:
        raise RuntimeError("expected common dtype to be floating point, yet common dtype is %s"
                           % dtype.scalar_name)
    if x1.shape != x2.shape:
        from ..shape_util import broadcast_shapes
        shape = broadcast_shapes(tuple(x1.shape), tuple(x2.shape))
        x1, x2 = x1.expand(shape), x2.expand(shape)
    x1, x2 = x1.to(dtype), x2.to(dtype)
    n1 = _red.norm(x1, 2, dim, keepdim=True).clone()
    n2 = _red.norm(x2, 2, dim, keepdim=True).clone()
    with _grad_mode.no_grad():
        n1.clamp_min_(eps)
        n2.clamp_min_(eps)
    return ((x1 / n1) * (x2 / n2)).sum(dim)


def pad(input, pad, mode="constant", value=None):
    pad = tuple(pad)
    if len(pad) % 2:
        raise RuntimeError("Padding length must be divisible by 2")
    if len(pad) > 2 * input.dim():
        raise RuntimeError("Padding length should be less than or equal to two times the input "
                           "dimension but got padding length %d and input of dimension %d"
                           % (len(pad), input.dim()))
    if mode != "constant":
        raise NotImplementedError("gradrepl's F.pad supports mode='constant' only, not %r" % mode)
    return _call_unary(_d.CONSTANT_PAD, input, pad, 0 if value is None else value)


