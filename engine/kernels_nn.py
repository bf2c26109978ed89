"""NumPy kernels of more torch.nn.functional ops (binary_cross_entropy_with_logits,
smooth_l1_loss, huber_loss, constant padding)."""

import numpy as np

from .kernels import _reduce_loss


def _softplus_neg(x):
    """log(1 + exp(-x)), stable: log1p(exp(-|x|)) + max(-x, 0)."""
    return np.log1p(np.exp(-np.abs(x))) + np.maximum(-x, 0)


def bce_with_logits(a, target, weight, pos_weight, reduction):
    dtype = a.dtype
    x, t = a.astype(np.float64), target.astype(np.float64)
    if pos_weight is not None:
        loss = (1 - t) * x + ((pos_weight - 1) * t + 1) * _softplus_neg(x)
    else:
        loss = (1 - t) * x + _softplus_neg(x)
    if weight is not None:
        loss = loss * weight
    return _reduce_loss(loss.astype(dtype), reduction)


def common_float(a, b):
    """a and b in PyTorch's common dtype of a float and any other: an integer or bool
    operand takes the float's dtype (NumPy would widen int64 with float32 to float64)."""
    if a.dtype.kind != "f":
        return a.astype(b.dtype), b
    if b.dtype.kind != "f":
        return a, b.astype(a.dtype)
    dtype = np.promote_types(a.dtype, b.dtype)
    return a.astype(dtype, copy=False), b.astype(dtype, copy=False)


def smooth_l1_loss(a, target, reduction, beta):
    a, target = common_float(a, target)
    d = np.abs(a - target)
    loss = np.where(d < beta, 0.5 * d * d / beta, d - 0.5 * beta)
    return _reduce_loss(loss.astype(a.dtype, copy=False), reduction)


def huber_loss(a, target, reduction, delta):
    a, target = common_float(a, target)
    d = np.abs(a - target)
    loss = np.where(d < delta, 0.5 * d * d, delta * (d - 0.5 * delta))
    return _reduce_loss(loss.astype(a.dtype, copy=False), reduction)


def constant_pad(a, pad, value):
    """F.pad's constant mode: pad = (last dim's left, right, the one before's ...); a
    negative amount crops."""
    crop = [slice(None)] * a.ndim
    widths = [(0, 0)] * a.ndim
    for i in range(len(pad) // 2):
        axis = a.ndim - 1 - i
        left, right = pad[2 * i], pad[2 * i + 1]
        crop[axis] = slice(max(-left, 0), a.shape[axis] - max(-right, 0))
        widths[axis] = (max(left, 0), max(right, 0))
    cropped = a[tuple(crop)]
    if cropped.size == 0 and any(w != (0, 0) for w in widths):
        shape = [n + l + r for n, (l, r) in zip(cropped.shape, widths)]
        return np.full(shape, value, a.dtype)
    return np.pad(cropped, widths, mode="constant", constant_values=value).astype(a.dtype)


