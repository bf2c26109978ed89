"""More reductions as torch functions: cumprod, cummax, cummin, count_nonzero, nansum, nanmean, aminmax,
std_mean, var_mean."""


import numpy as np

from . import derivatives as d
from . import dtypes
from .dispatch import call, call_unary, call_unary_as
from .ops_reduce import (_correction, _count, _dims, _dims_or_all, _int_dim,
                         _REQUIRED, cumulative)
from .return_types import return_type
from .shape_util import wrap_dim
from .tensor import wrap
from . import cpp_warnings

return_aminmax = return_type("aminmax", ("min", "max"))
return_cummax = return_type("cummax")
return_cummin = return_type("cummin")


def cumprod(input, dim=_REQUIRED, *, dtype=None):
    return cumulative(d.CUMPROD, "cumprod", input, dim, dtype)


def cummax(input, dim):
    return return_cummax(*_cumulative_extreme(d.CUMMAX, "cummax", input, dim))


def cummin(input, dim):
    return return_cummin(*_cumulative_extreme(d.CUMMIN, "cummin", input, dim))


def _cumulative_extreme(op, name, input, dim):
    if isinstance(dim, bool) or not isinstance(dim, int):
        raise TypeError("%s(): argument 'dim' (position 2) must be int, not %s"
                        % (name, type(dim).__name__))
    dim = wrap_dim(dim, input._data.ndim)
    return call(op, (input,), (dim,))


def count_nonzero(input, dim=None):
    data = input._data
    axis = None if dim is None else _dims(input, dim)
    return wrap(np.asarray(np.count_nonzero(data, axis=axis), np.int64), dtypes.int64)


def nansum(input, dim=None, keepdim=False, *, dtype=None):
    if dtype is None and input._dtype.category != 2:
        dtype = dtypes.int64  # as sum: integer and bool inputs sum to int64
    dims = _dims_or_all(input, dim)
    if dtype is not None:
        return call_unary_as(d.NANSUM, input, dtype, dims, keepdim)
    return call_unary(d.NANSUM, input, dims, keepdim)


def nanmean(input, dim=None, keepdim=False, *, dtype=None):
    """nansum over the count of non-nan values, two nodes as in PyTorch (DivBackward0)."""
    if input._dtype.category != 2:
        raise RuntimeError("nanmean(): expected input to have floating point or complex dtype "
                           "but got %s" % input._dtype.scalar_name)
    if dtype is not None and dtype.category != 2:
        raise RuntimeError("nanmean(): could not infer output dtype. Optional dtype must be "
                           "either a floating point or complex dtype. Got: %s" % dtype.scalar_name)
    count = input.isnan().logical_not().sum(dim, keepdim) if dim is not None else \
        input.isnan().logical_not().sum()
    return nansum(input, dim, keepdim, dtype=dtype) / count


def aminmax(input, *, dim=None, keepdim=False):
    if dim is not None:
        dim = wrap_dim(_int_dim("aminmax", dim), input._data.ndim)
        if input._data.ndim and input._data.shape[dim] == 0:
            raise IndexError("aminmax: Expected reduction dim %d to have non-zero size." % dim)
    elif input._data.size == 0:
        raise RuntimeError("aminmax(): cannot compute aminmax over an empty dimension as the "
                           "operation has no identity.")
    return return_aminmax(*call(d.AMINMAX, (input,), (dim, bool(keepdim)), input._dtype))


def _spread_mean(op, name, input, dim, unbiased, keepdim, correction):
    if input._dtype.category != 2:
        raise RuntimeError("%s only support floating point and complex dtypes" % name)
    if isinstance(dim, bool):  # var_mean(x, True): the old unbiased flag in dim's place
        dim, unbiased = None, dim
    dims = None if dim is None or dim == () or dim == [] else _dims(input, dim)
    correction = _correction(unbiased, correction)
    count = input._data.size if dims is None else _count(input._data.shape, dims)
    if count - correction <= 0:
        cpp_warnings.warn_degrees_of_freedom(name, stacklevel=2)
    return call(op, (input,), (dims, correction, bool(keepdim)), input._dtype)


def std_mean(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    return _spread_mean(d.STD_MEAN, "std_mean", input, dim, unbiased, keepdim, correction)


def var_mean(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    return _spread_mean(d.VAR_MEAN, "var_mean", input, dim, unbiased, keepdim, correction)
