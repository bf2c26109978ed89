"""torch.nn.functional's channel-wise dropouts: dropout1d/2d/3d over ATen's feature_dropout
(one bernoulli_(1 - p) draw per (batch, channel), scaled by 1 / (1 - p), multiplied in)."""

import warnings

from .. import ops_pointwise as _pw
from ..tensor import Tensor as _Tensor

__all__ = ["dropout1d", "dropout2d", "dropout3d", "feature_dropout"]

_DIM_WARNING = (
    "dropout%dd: Received a %d-D input to dropout%dd, which is deprecated and will result in "
    "an error in a future release. To retain the behavior and silence this warning, please use "
    "dropout instead. Note that dropout%dd exists to provide channel-wise dropout on inputs "
    "with %d spatial dimensions, a channel dimension, and an optional batch dimension (i.e. "
    "%dD or %dD inputs).")
_DROPOUT2D_3D = (
    "dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout "
    "behavior is desired - input is interpreted as shape (N, C, L), where C is the channel dim. "
    "This behavior will change in a future release to interpret the input as one without a "
    "batch dimension, i.e. shape (C, H, W). To maintain the 1D channel-wise dropout behavior, "
    "please switch to using dropout1d instead.")


def _check_p(p):
    if p < 0.0 or p > 1.0:
        raise ValueError("dropout probability has to be between 0 and 1, but got %s" % (p,))


def feature_dropout(input, p, train, inplace=False):
    """ATen's _dropout_impl with feature_dropout: p == 0, eval mode and empty inputs give
    the input itself; p == 1 multiplies by a 0-dim zero."""
    if p == 0 or not train or input.numel() == 0:
        return input
    if input.dim() < 2:
        raise RuntimeError("Feature dropout requires at least 2 dimensions in the input")
    if p == 1:
        noise = _Tensor.new_zeros(input, ())
    else:
        noise = _Tensor.new_empty(input, tuple(input.shape[:2]) + (1,) * (input.dim() - 2))
        noise.bernoulli_(1 - p)
        noise.div_(1 - p)
    return input.mul_(noise) if inplace else _pw.mul(input, noise)


def dropout1d(input, p=0.5, training=True, inplace=False):
    _check_p(p)
    ndim = input.dim()
    if ndim not in (2, 3):
        raise RuntimeError(
            "dropout1d: Expected 2D or 3D input, but received a %dD input. Note that dropout1d "
            "exists to provide channel-wise dropout on inputs with 1 spatial dimension, a "
            "channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs)." % ndim)
    if ndim == 2:
        input = input.unsqueeze_(0) if inplace else input.unsqueeze(0)
    result = feature_dropout(input, p, training, inplace)
    if ndim == 2:
        result = result.squeeze_(0) if inplace else result.squeeze(0)
    return result


def _spatial_dropout(spatial, input, p, training, inplace):
    _check_p(p)
    ndim = input.dim()
    if ndim not in (spatial + 1, spatial + 2):
        warnings.warn(_DIM_WARNING % (spatial, ndim, spatial, spatial, spatial, spatial + 1,
                                      spatial + 2), UserWarning, stacklevel=3)
    return ndim


def dropout2d(input, p=0.5, training=True, inplace=False):
    if _spatial_dropout(2, input, p, training, inplace) == 3:
        warnings.warn(_DROPOUT2D_3D, UserWarning, stacklevel=2)
    return feature_dropout(input, p, training, inplace)


def dropout3d(input, p=0.5, training=True, inplace=False):
    # torch runs anything but a 5-D input as a batch of one
    if _spatial_dropout(3, input, p, training, inplace) == 5:
        return feature_dropout(input, p, training, inplace)
    input = input.unsqueeze_(0) if inplace else input.unsqueeze(0)
    result = feature_dropout(input, p, training, inplace)
    return result.squeeze_(0) if inplace else result.squeeze(0)
