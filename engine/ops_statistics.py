"""Statistics as torch functions: cov and corrcoef (composed as ATen's Correlation.cpp),
dist, nanmedian, histc, and the lookups isin, searchsorted, bucketize, unique_consecutive."""

import numpy as np

from . import cpp_warnings
from . import derivatives as d
from . import dtypes
from .creation import tensor
from .dispatch import call
from .ops_linalg import mm
from .ops_clamp import clamp
from .ops_pointwise import sqrt
from .ops_sort import _check_nonempty_dim, _not_for_bool
from .return_types import return_type
from .shape_util import wrap_dim
from .tensor import Tensor, wrap

return_nanmedian = return_type("nanmedian")
_DEGREES_OF_FREEDOM = "aten/src/ATen/native/Correlation.cpp:129"


# ---- cov and corrcoef -------------------------------------------------------------------------

def cov(input, *, correction=1, fweights=None, aweights=None):
    if input._data.ndim > 2:
        raise RuntimeError("cov(): expected input to have two or fewer dimensions but got an "
                           "input with %d dimensions" % input._data.ndim)
    if input._dtype is dtypes.bool_:
        raise RuntimeError("cov(): bool dtype is not supported for input")
    data = input if input._data.ndim == 2 else input.view(1, -1)
    observations = data._data.shape[1]
    w = None
    if fweights is not None:
        _check_weights("fweights", fweights, observations, "integral",
                       fweights._dtype.category == 1 and fweights._dtype is not dtypes.bool_)
        w = fweights
    if aweights is not None:
        _check_weights("aweights", aweights, observations, "floating point",
                       aweights._dtype.category == 2)
        w = aweights if w is None else w * aweights
    w_sum = w.sum() if w is not None else tensor(observations)
    if w is not None and not bool((w_sum != 0)._data):
        raise RuntimeError("cov(): weights sum to zero, can't be normalized")
    avg = (data * w if w is not None else data).sum(1) / w_sum
    if w is not None and correction != 0 and aweights is not None:
        norm_factor = w_sum - correction * (w * aweights).sum() / w_sum
    else:
        norm_factor = w_sum - correction
    if bool((norm_factor <= 0)._data):
        cpp_warnings.warn("cov(): degrees of freedom is <= 0. Correction should be strictly less "
                          "than the number of observations.", _DEGREES_OF_FREEDOM)
        norm_factor = norm_factor * 0
    data = data - avg.unsqueeze(1)
    c = mm(data, (data * w if w is not None else data).t())
    return (c / norm_factor).squeeze()


def _check_weights(name, weights, observations, kind, kind_ok):
    if weights._data.ndim > 1:
        raise RuntimeError("cov(): expected %s to have one or fewer dimensions but got %s with "
                           "%d dimensions" % (name, name, weights._data.ndim))
    if not kind_ok:
        raise RuntimeError("cov(): expected %s to have %s dtype but got %s with %s dtype"
                           % (name, kind, name, weights._dtype.scalar_name))
    if weights._data.size != observations:
        raise RuntimeError("cov(): expected %s to have the same numel as there are observations "
                           "in the input but got %d != %d"
                           % (name, weights._data.size, observations))
    if observations and weights._data.min() < 0:
        raise RuntimeError("cov(): %s cannot be negative" % name)


def corrcoef(input):
    if input._data.ndim > 2:
        raise RuntimeError("corrcoef(): expected input to have two or fewer dimensions but got "
                           "an input with %d dimensions" % input._data.ndim)
    c = cov(input)
    if c._data.ndim == 0:  # nan for a covariance of nan, inf or 0, else 1
        return c / c
    stddev = sqrt(c.diagonal())
    c = c / stddev.view(-1, 1)
    c = c / stddev.view(1, -1)
    return clamp(c, -1, 1)


# ---- dist and nanmedian ------------------------------------------------------------------------

def dist(input, other, p=2):
    dtype = dtypes.result_type(input, other)
    if dtype.category != 2:
        raise RuntimeError("norm(): input dtype should be either floating point or complex. "
                           "Got %s instead." % dtype.scalar_name)
    return call(d.DIST, (input, other), (float(p),), dtype)


def nanmedian(input, dim=None, keepdim=False):
    if dim is None:
        _not_for_bool(input, "nanmedian_cpu")
        if input._data.size == 0:
            return wrap(np.array(np.nan, input._data.dtype), input._dtype)
        return call(d.NANMEDIAN, (input,), (), input._dtype)
    _not_for_bool(input, "nanmedian_out")
    dim = wrap_dim(dim, input._data.ndim)
    _check_nonempty_dim(input, dim, "median")  # ATen shares median's check and text
    return return_nanmedian(*call(d.NANMEDIAN_DIM, (input,), (dim, bool(keepdim))))


# ---- lookups (no gradients) ---------------------------------------------------------------

def _c_float(value):
    return "nan" if value != value else repr(value)


def _as_tensor(value, like):
    return value if isinstance(value, Tensor) else tensor(value, dtype=like._dtype
                                                          if isinstance(value, float) and
                                                          like._dtype.category == 2 else None)


def _index_dtype(out_int32):
    return dtypes.int32 if out_int32 else dtypes.int64


def searchsorted(sorted_sequence, input, *, out_int32=False, right=False, side=None,
                 sorter=None, out=None):
    if side is not None:
        if side not in ("left", "right"):
            raise RuntimeError("torch.searchsorted(): side can only be 'left' or 'right' but "
                               "got %s" % side)
        if (side == "right") != bool(right) and right:
            raise RuntimeError("torch.searchsorted(): side and right can't be set to opposites, "
                               "got side of %s while right was True" % side)
        right = side == "right"
    values = _as_tensor(input, sorted_sequence)
    boundaries = sorted_sequence._data
    if sorter is not None:
        boundaries = np.take_along_axis(boundaries, sorter._data, -1)
    how = "right" if right else "left"
    dtype = _index_dtype(out_int32)
    if boundaries.ndim <= 1:
        out = np.searchsorted(boundaries, values._data, side=how)
        return wrap(np.asarray(out, dtype=dtype.np_dtype), dtype)
    if boundaries.shape[:-1] != values._data.shape[:-1]:
        raise RuntimeError(
            "torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 "
            "dimensions of boundaries tensor and input value tensor must match, but we got "
            "boundaries tensor %s and input value tensor %s"
            % (_sizes(sorted_sequence._data.shape), _sizes(values._data.shape)))
    rows = boundaries.reshape(-1, boundaries.shape[-1])
    queries = values._data.reshape(rows.shape[0], -1)
    out = np.stack([np.searchsorted(r, q, side=how) for r, q in zip(rows, queries)])
    return wrap(out.reshape(values._data.shape).astype(dtype.np_dtype), dtype)


def _sizes(shape):
    return "[" + ", ".join(map(str, shape)) + "]"


def bucketize(input, boundaries, *, out_int32=False, right=False, out=None):
    if boundaries._data.ndim != 1:
        raise RuntimeError("boundaries tensor must be 1 dimension, but got dim(%d)"
                           % boundaries._data.ndim)
    return searchsorted(boundaries, input, out_int32=out_int32, right=right)


def isin(elements, test_elements, *, assume_unique=False, invert=False):
    if not isinstance(elements, Tensor) and not isinstance(test_elements, Tensor):
        raise TypeError("isin() received an invalid combination of arguments")
    a = elements._data if isinstance(elements, Tensor) else np.asarray(elements)
    b = test_elements._data if isinstance(test_elements, Tensor) else np.asarray(test_elements)
    return wrap(np.asarray(np.isin(a, b, invert=invert)), dtypes.bool_)


def unique_consecutive(input, return_inverse=False, return_counts=False, dim=None):
    data = input._data
    if dim is None:
        flat = data.reshape(-1)
        starts = np.ones(flat.size, dtype=bool)
        starts[1:] = flat[1:] != flat[:-1]
        values = wrap(flat[starts], input._dtype)
        inverse_shape = data.shape
    else:
        dim = wrap_dim(dim, data.ndim)
        moved = np.moveaxis(data, dim, 0)
        starts = np.ones(moved.shape[0], dtype=bool)
        if moved.shape[0] > 1:
            starts[1:] = (moved[1:] != moved[:-1]).reshape(moved.shape[0] - 1, -1).any(1)
        values = wrap(np.ascontiguousarray(np.moveaxis(moved[starts], 0, dim)), input._dtype)
        inverse_shape = (moved.shape[0],)
    if not (return_inverse or return_counts):
        return values
    result = [values]
    if return_inverse:
        result.append(wrap((np.cumsum(starts) - 1).reshape(inverse_shape), dtypes.int64))
    if return_counts:
        positions = np.append(np.flatnonzero(starts), starts.size)
        result.append(wrap(np.diff(positions).astype(np.int64), dtypes.int64))
    return tuple(result)
