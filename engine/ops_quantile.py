"""Where values fall in their distribution: torch.quantile, torch.nanquantile and torch.histc.

quantile is built from the ops ATen's quantile_impl uses (native/Sorting.cpp): flatten or
move the dim last, sort, view, ranks from q in the input's dtype, gather below and above,
lerp, then squeeze_ (or unsqueeze_/transpose_/squeeze_ for a vector q), so values and the
graph (SqueezeBackward4 over LerpBackward1 ...) are PyTorch's."""

import builtins

from . import dtypes
from .tensor import Tensor
from .tensor_queries import tensor_argument

_INTERPOLATIONS = ("linear", "lower", "higher", "midpoint", "nearest")
_HISTOGRAM_GRAIN = 200  # HistogramKernel.cpp's HISTOGRAM_GRAIN_SIZE: parallel_for's grain


def quantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):
    return _quantile(input, q, dim, keepdim, interpolation, ignore_nan=False)


def nanquantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):
    return _quantile(input, q, dim, keepdim, interpolation, ignore_nan=True)


def _quantile(input, q, dim, keepdim, interpolation, ignore_nan):
    from .creation import tensor as make_tensor
    input = tensor_argument(input, "quantile")
    if not isinstance(q, Tensor):
        q = float(q)
        if not 0 <= q <= 1:
            raise RuntimeError("quantile() q must be in the range [0, 1] but got %s" % q)
        q = make_tensor(q, dtype=input.dtype)
    _check(input, q, interpolation)
    ndim = input.dim()
    wrapped = 0 if dim is None else _wrap(dim, ndim)
    out_shape = _out_shape(input, q, dim, keepdim, wrapped)
    if not bool(((q >= 0) & (q <= 1)).all()):
        raise RuntimeError("quantile() q values must be in the range [0, 1]")
    if dim is None:
        values = input.flatten()
    elif wrapped == ndim - 1:
        values = input
    else:
        values = input.unsqueeze(-1).transpose(wrapped, -1)
    ordered = values.sort()[0]
    if q.dim() == 0:
        out_shape.insert(0, 1)
    in_shape = out_shape[1:] + [ordered.shape[-1]]
    ordered = ordered.view(in_shape)
    ranks = _ranks(ordered, q, ignore_nan)
    if interpolation == "lower":
        ranks = ranks.floor()
    elif interpolation == "higher":
        ranks = ranks.ceil()
    elif interpolation == "nearest":
        ranks = ranks.round()
    below = ranks.to(dtypes.int64)
    result = ordered.gather(-1, below)
    if interpolation in ("linear", "midpoint"):
        weights = ranks.new_full(ranks.shape, 0.5) if interpolation == "midpoint" else \
            ranks - below
        above = ordered.gather(-1, ranks.ceil().to(dtypes.int64))
        result = result.lerp(above, weights)
    if q.dim() == 0:
        return result.squeeze_(-1)
    return result.unsqueeze_(0).transpose_(0, -1).squeeze_(-1)


def _check(input, q, interpolation):
    if input.numel() == 0:
        raise RuntimeError("quantile() input tensor must be non-empty")
    if q.dim() > 1:
        raise RuntimeError("quantile() q must be a scalar or 1D tensor")
    if input.dtype not in (dtypes.float32, dtypes.float64):
        raise RuntimeError("quantile() input tensor must be either float or double dtype")
    if q.dtype is not input.dtype:
        raise RuntimeError("quantile() q tensor must be same dtype as the input tensor")
    if interpolation not in _INTERPOLATIONS:
        raise RuntimeError("quantile() interpolation must be one of linear, lower, higher, "
                           "midpoint or nearest, but got %s" % interpolation)


def _wrap(dim, ndim):
    from .shape_util import wrap_dim
    return wrap_dim(dim, max(ndim, 1))


def _out_shape(input, q, dim, keepdim, wrapped):
    """q's size first (for a vector q), then the input's shape without (or with a 1 for)
    the reduced dim, or all ones with keepdim and no dim."""
    if dim is not None and input.dim() > 0:
        shape = list(input.shape)
        if keepdim:
            shape[wrapped] = 1
        else:
            del shape[wrapped]
    else:
        shape = [1] * input.dim() if keepdim else []
    if q.dim() > 0:
        shape.insert(0, q.numel())
    return shape


def _ranks(ordered, q, ignore_nan):
    """q scaled to positions in each sorted row: over the non-nan values for nanquantile,
    the last position for a row with a nan for quantile."""
    from .broadcasting import broadcast_tensors
    if ignore_nan:
        ranks = q * (ordered.isnan().logical_not().sum(-1, True) - 1)
        return ranks.masked_fill(ranks < 0, 0)
    last = ordered.shape[-1] - 1
    scaled, has_nan = broadcast_tensors(q * last, ordered.isnan().any(-1, True))
    return scaled.masked_fill(has_nan, last)


def histc(input, bins=100, min=0, max=0, *, out=None):
    """torch.histc: bins equal-width bins over [min, max] (the data's extremes when they are
    equal), elements outside ignored, the last bin closed; counts in the input's dtype. As
    ATen's histogramdd linear kernel: pos = (x - left) * bins / (right - left), truncated,
    in the input's dtype. Not differentiable: the result never requires grad."""
    import numpy as np
    from .tensor import wrap
    input = tensor_argument(input, "histc")
    if input.dtype.category != 2:
        raise NotImplementedError("\"histogram_cpu\" not implemented for '%s'"
                                  % input.dtype.scalar_name)
    if bins <= 0:
        raise RuntimeError("torch.histogram(): bins must be > 0, but got %d for dimension 0"
                           % bins)
    data = input._data.reshape(-1)
    left, right = float(min), float(max)
    if left == right and data.size:
        left, right = float(data.min()), float(data.max())
    if left == right:
        left, right = left - 1, right + 1
    if not (np.isfinite(left) and np.isfinite(right)):
        raise RuntimeError("torch.histc: range of [%s, %s] is not finite"
                           % (_c_double(left), _c_double(right)))
    if not left < right:
        raise RuntimeError("torch.histc: max must be larger than min")
    scalar = data.dtype.type
    low, high = scalar(left), scalar(right)
    with np.errstate(all="ignore"):
        pos = ((data - low) * scalar(bins) / (high - low)).astype(np.int64)
    pos[pos == bins] = bins - 1
    pos[~((data >= low) & (data <= high))] = -1
    # Each thread counts its chunk in the input's dtype (adding 1 stops at 2**(mantissa + 1)),
    # then the per-thread histograms are summed.
    from .cascade_sum import _THREADS
    threads = builtins.min(_THREADS, -(-data.size // _HISTOGRAM_GRAIN)) if data.size else 1
    chunk = -(-data.size // threads) if data.size else 0
    ceiling = 2.0 ** (np.finfo(data.dtype).nmant + 1)
    total = np.zeros(bins)
    for t in range(threads):
        part = pos[t * chunk:(t + 1) * chunk]
        total += np.minimum(np.bincount(part[part >= 0], minlength=bins), ceiling)
    return wrap(total.astype(data.dtype), input.dtype)


def _c_double(value):
    """A double as C++'s ostream prints it (6 significant digits, -nan for a negative nan)."""
    import math
    if math.isnan(value):
        return "-nan" if math.copysign(1.0, value) < 0 else "nan"
    return "%g" % value
