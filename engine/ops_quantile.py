"""torch.quantile and torch.nanquantile, composed as ATen's quantile_impl (Sorting.cpp):
sort, view as (..., n), ranks from q, gather below (and above), an in-place lerp_, then the
in-place squeeze_ / unsqueeze_-transpose_ that shape the result -- PyTorch's graph."""

from . import dtypes
from .broadcasting import broadcast_tensors
from .creation import full_like, scalar_tensor
from .ops_gather import gather
from .ops_sort import sort
from .shape_util import wrap_dim
from .tensor import Tensor

_MODES = ("linear", "lower", "higher", "midpoint", "nearest")


def quantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):
    return _quantile(input, q, dim, keepdim, interpolation, ignore_nan=False)


def nanquantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):
    return _quantile(input, q, dim, keepdim, interpolation, ignore_nan=True)


def _quantile(self, q, dim, keepdim, interpolation, ignore_nan):
    if not isinstance(q, Tensor):
        q = float(q)
        if not 0 <= q <= 1:
            raise RuntimeError("quantile() q must be in the range [0, 1] but got %s"
                               % _c_double(q))
        q = scalar_tensor(q, dtype=self._dtype)
    if interpolation not in _MODES:
        raise RuntimeError("quantile() interpolation must be one of linear, lower, higher, "
                           "midpoint or nearest, but got %s" % interpolation)
    _checks(self, q)
    shape = _output_shape(self, q, dim, keepdim)
    if dim is None:
        sorted_ = sort(self.flatten())[0]
    else:
        dim = wrap_dim(dim, self._data.ndim)
        if dim == self._data.ndim - 1:
            sorted_ = sort(self)[0]
        else:
            sorted_ = sort(self.unsqueeze(-1).transpose(dim, -1))[0]
    if q._data.ndim == 0:
        shape.insert(0, q._data.size)
    in_shape = shape[1:] + [sorted_._data.shape[-1]]
    sorted_ = sorted_.view(in_shape)
    if ignore_nan:
        ranks = q * (sorted_.isnan().logical_not().sum(-1, keepdim=True) - 1)
        ranks.masked_fill_(ranks < 0, 0)
    else:
        last_index = sorted_._data.shape[-1] - 1
        scaled, has_nan = broadcast_tensors(q * last_index, sorted_.isnan().any(-1, keepdim=True))
        ranks = scaled.masked_fill(has_nan, last_index)
    if interpolation == "lower":
        ranks.floor_()
    elif interpolation == "higher":
        ranks.ceil_()
    elif interpolation == "nearest":
        ranks.round_()
    ranks_below = ranks.to(dtypes.int64)
    values_below = gather(sorted_, -1, ranks_below)
    if interpolation in ("linear", "midpoint"):
        weights = full_like(ranks, 0.5) if interpolation == "midpoint" else ranks - ranks_below
        ranks_above = ranks.ceil_().to(dtypes.int64)
        values_above = gather(sorted_, -1, ranks_above)
        values_below.lerp_(values_above, weights)
    if q._data.ndim == 0:
        values_below.squeeze_(-1)
    else:
        values_below.unsqueeze_(0).transpose_(0, -1).squeeze_(-1)
    return values_below


def _c_double(value):
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def _checks(self, q):
    if self._data.size == 0:
        raise RuntimeError("quantile() input tensor must be non-empty")
    if q._data.ndim > 1:
        raise RuntimeError("quantile() q must be a scalar or 1D tensor")
    if self._dtype not in (dtypes.float32, dtypes.float64):
        raise RuntimeError("quantile() input tensor must be either float or double dtype")
    if q._dtype is not self._dtype:
        raise RuntimeError("quantile() q tensor must be same dtype as the input tensor")
    if q._data.size and not ((q._data >= 0) & (q._data <= 1)).all():
        raise RuntimeError("quantile() q values must be in the range [0, 1]")


def _output_shape(self, q, dim, keepdim):
    if dim is not None and self._data.ndim > 0:
        shape = list(self._data.shape)
        axis = wrap_dim(dim, self._data.ndim)
        if keepdim:
            shape[axis] = 1
        else:
            del shape[axis]
    elif keepdim:
        shape = [1] * self._data.ndim
    else:
        shape = []
    if q._data.ndim > 0:
        shape.insert(0, q._data.size)
    return shape
