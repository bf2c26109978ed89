"""Reductions as torch functions: sum, mean, max, softmax, ...

This module defines sum/max/min/any/all as torch functions: Python's builtins of
those names are not used here."""


import numpy as np

from . import derivatives as d
from . import dtypes
from .dispatch import call, call_unary, call_unary_as
from .shape_util import shape_str, wrap_dim, wrap_dims
from .return_types import return_type
from .tensor import Tensor, wrap
from . import cpp_warnings


def _dims(input, dim):
    # A 0-dim tensor reduces over "dim 0" (or -1) to itself, as in PyTorch.
    dims = wrap_dims(dim, input._data.ndim)
    return dims if input._data.ndim else ()


def _dims_or_all(input, dim):
    """The dims of a reduction whose empty dim list means every dim (sum(x, dim=()) as
    PyTorch's dim=IntArrayRef overloads read it)."""
    if dim is None or (isinstance(dim, (tuple, list)) and len(dim) == 0):
        return tuple(range(input._data.ndim))
    return _dims(input, dim)


_UNSET = object()  # no dim given at all (x.sum()), unlike an explicit dim=None (x.sum(None))


def _floating_only(input, message):
    if input._dtype.category != 2:
        raise RuntimeError(message % input._dtype.scalar_name)


def sum(input, dim=_UNSET, keepdim=False, *, dtype=None):
    if dtype is None and input._dtype.category != 2:
        dtype = dtypes.int64  # integer and bool sums are int64, as in PyTorch
    if dim is _UNSET:
        return call_unary_as(d.SUM, input, dtype) if dtype else call_unary(d.SUM, input)
    # sum(x, None) and sum(x, ()) are the dim overload over every dim: SumBackward1.
    dims = _dims_or_all(input, dim)
    if dtype:
        return call_unary_as(d.SUM_DIM, input, dtype, dims, keepdim)
    return call_unary(d.SUM_DIM, input, dims, keepdim)


def mean(input, dim=_UNSET, keepdim=False, *, dtype=None):
    if dtype is not None:
        return _mean_as(input, dim, keepdim, dtype)
    if input._dtype.category != 2:
        raise RuntimeError(
            "mean(): could not infer output dtype. Input dtype must be either a floating point "
            "or complex dtype. Got: %s" % input._dtype.scalar_name)
    if dim is _UNSET:
        return call_unary(d.MEAN, input)
    return call_unary(d.MEAN_DIM, input, _dims_or_all(input, dim), keepdim)


def _mean_as(input, dim, keepdim, dtype):
    if dtype.category != 2:
        raise RuntimeError(
            "mean(): could not infer output dtype. Optional dtype must be either a floating "
            "point or complex dtype. Got: %s" % dtype.scalar_name)
    if dim is _UNSET:
        return call_unary_as(d.MEAN, input, dtype)
    return call_unary_as(d.MEAN_DIM, input, dtype, _dims_or_all(input, dim), keepdim)




return_max, return_min = return_type("max"), return_type("min")


def _extreme(input, dim, keepdim, other, all_op, dim_op, result_type, name):
    if isinstance(dim, Tensor):
        other, dim = dim, None
    if other is not None:
        from .ops_pointwise import maximum, minimum
        return (maximum if name == "max" else minimum)(input, other)
    if dim is None:
        if input._data.size == 0:
            raise RuntimeError("%s(): Expected reduction dim to be specified for input.numel() "
                               "== 0. Specify the reduction dim with the 'dim' argument." % name)
        return call_unary(all_op, input)
    dim = wrap_dim(dim, input._data.ndim)
    _check_reduced_size(input, (dim,), name)
    values, indices = call(dim_op, (input,), (dim, keepdim))
    return result_type(values, indices)


def max(input, dim=None, keepdim=False, *, other=None):
    return _extreme(input, dim, keepdim, other, d.MAX_ALL, d.MAX_DIM, return_max, "max")


def min(input, dim=None, keepdim=False, *, other=None):
    return _extreme(input, dim, keepdim, other, d.MIN_ALL, d.MIN_DIM, return_min, "min")


def _check_reduced_size(input, dims, name):
    """PyTorch refuses to take a max (argmax, amax ...) over a dim of size 0."""
    shape = input._data.shape
    for dim in dims:
        if shape and shape[dim] == 0:
            raise IndexError("%s(): Expected reduction dim %d to have non-zero size."
                             % (name, dim))


def _arg(np_fn):
    def arg(input, dim=None, keepdim=False):
        name = np_fn.__name__
        if input._dtype.category == 0:
            raise RuntimeError("%s(): does not support bool input" % name)
        data = input._data
        if dim is None:
            if data.size == 0:
                raise IndexError("%s(): Expected reduction dim to be specified for "
                                 "input.numel() == 0." % name)
            out = np_fn(data.reshape(-1))
            if keepdim:
                out = np.full((1,) * data.ndim, out)
        else:
            dim = wrap_dim(_int_dim(name, dim), data.ndim)
            _check_reduced_size(input, (dim,), name)
            out = np_fn(data, axis=dim if data.ndim else None, keepdims=keepdim and data.ndim)
        return wrap(np.asarray(out, dtype=np.int64), dtypes.int64)
    return arg


argmax = _arg(np.argmax)
argmin = _arg(np.argmin)


def _int_dim(name, dim):
    """A dim that must be one int, with the TypeError of PyTorch's argument parser."""
    if isinstance(dim, (tuple, list)):
        raise TypeError("%s(): argument 'dim' must be int, not %s" % (name, type(dim).__name__))
    return dim


def _amax_like(op, name, input, dim, keepdim):
    if input._data.size == 0:
        if dim is None or isinstance(dim, (tuple, list)) and not dim:
            raise RuntimeError("%s(): Expected reduction dim to be specified for input.numel() "
                               "== 0. Specify the reduction dim with the 'dim' argument." % name)
        empty = _first_empty_dim(input, dim)
        if empty is not None:
            raise IndexError("%s(): Expected reduction dim %d to have non-zero size."
                             % (name, empty))
    return call_unary(op, input, _dims_or_all(input, dim), keepdim)


def _first_empty_dim(input, dim):
    """The first of the dims (an int or a list) of size 0, as given: ATen checks each dim of
    a reduction with no identity before the list is checked for repeats."""
    shape = input._data.shape
    for given in (dim if isinstance(dim, (tuple, list)) else (dim,)):
        if shape and shape[wrap_dim(given, len(shape))] == 0:
            return given
    return None


def amax(input, dim=(), keepdim=False):
    return _amax_like(d.AMAX, "amax", input, dim, keepdim)


def amin(input, dim=(), keepdim=False):
    return _amax_like(d.AMIN, "amin", input, dim, keepdim)


def prod(input, dim=None, keepdim=False, *, dtype=None):
    if dtype is None and input._dtype.category != 2:
        dtype = dtypes.int64
    if dtype is not None:
        input = input.to(dtype)
    if dim is None:
        return call_unary(d.PROD, input)
    return call_unary(d.PROD_DIM, input, wrap_dim(dim, input._data.ndim), keepdim)


def _correction(unbiased, correction):
    if correction is not None:
        return correction
    return 1 if unbiased is None or unbiased else 0


_STD_VAR_DTYPE = "std and var only support floating point and complex dtypes"


def _spread(op, input, dim, unbiased, keepdim, correction):
    if input._dtype.category != 2:
        raise RuntimeError(_STD_VAR_DTYPE)
    if isinstance(dim, bool):  # x.var(False): the old unbiased flag in dim's place
        dim, unbiased = None, dim
    dims = None if dim is None or dim == () or dim == [] else _dims(input, dim)
    correction = _correction(unbiased, correction)
    shape = input._data.shape
    count = input._data.size if dims is None else _count(shape, dims)
    if count - correction <= 0:
        cpp_warnings.warn_degrees_of_freedom(op.name, stacklevel=2)
    return call_unary(op, input, dims, correction, keepdim)


def _count(shape, dims):
    count = 1
    for d_ in dims:
        count *= shape[d_]
    return count


def var(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    return _spread(d.VAR, input, dim, unbiased, keepdim, correction)


def std(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    return _spread(d.STD, input, dim, unbiased, keepdim, correction)


def norm(input, p="fro", dim=None, keepdim=False, dtype=None):
    if isinstance(p, str) and not (p == "fro" and (dim is None or isinstance(dim, int)
                                                   or len(dim) <= 2)):
        # torch.functional.norm: the nuclear norm (or an error) from linalg.matrix_norm
        from .linalg import matrix_norm
        dims = tuple(range(input._data.ndim)) if dim is None else dim
        return matrix_norm(input, p, dims, keepdim, dtype=dtype)
    if p == "fro" or p is None:
        p = 2
    if dtype is not None:
        from .linalg import as_vector_norm_dtype
        input = as_vector_norm_dtype(input, dtype)
    _floating_only(input, "linalg.vector_norm: Expected a floating point or complex tensor as "
                          "input. Got %s")
    every = dim is None or dim == () or dim == []
    if input._data.size == 0 and (p < 0 or p == float("inf")):
        _check_norm_identity(input, float(p), None if every else dim)
    dims = None if every else _dims(input, dim)
    return call_unary(d.NORM, input, float(p), dims, keepdim)


def _check_norm_identity(input, p, dim):
    """linalg.vector_norm of an empty tensor with a p that has no identity (inf and the
    negative ones): refused when a reduced dim is empty, named as given."""
    order = ("%g" % p).replace("e+", "e")  # C++'s default double format
    if dim is None:
        raise RuntimeError("linalg.vector_norm cannot compute the %s norm on an empty tensor "
                           "because the operation does not have an identity" % order)
    empty = _first_empty_dim(input, dim)
    if empty is not None:
        raise RuntimeError("linalg.vector_norm cannot compute the %s norm on the dimension %d"
                           "because this dimension is empty and the operation does not have an "
                           "identity" % (order, empty))


class _Required:
    """A default that marks an argument PyTorch requires (its own TypeError says so)."""


_REQUIRED = _Required()


def _require_dim(name, dim):
    if dim is _REQUIRED:
        raise TypeError('%s() missing 1 required positional arguments: "dim"' % name)


def logsumexp(input, dim=_REQUIRED, keepdim=False):
    _require_dim("logsumexp", dim)
    if isinstance(dim, (tuple, list)) and not dim:
        # An empty list reduces every dim, as sum's; ATen's kernel then adds the maxes it
        # kept (keepdim) into the 0-dim result, which fails unless the input is empty.
        shape = input._data.shape
        if shape and input._data.size and not keepdim:
            raise RuntimeError("output with shape [] doesn't match the broadcast shape %s"
                               % shape_str((1,) * len(shape)))
        return call_unary(d.LOGSUMEXP, input, tuple(range(len(shape))), keepdim)
    return call_unary(d.LOGSUMEXP, input, _dims(input, dim), keepdim)


def _softmax_like(op, name, input, dim, dtype):
    if dtype is not None:
        input = input.to(dtype)
    dim = wrap_dim(dim, input._data.ndim)
    if input._dtype.category != 2:
        last = input._data.ndim - 1 if input._data.ndim else 0
        kernel = "_lastdim" if dim == last else ""
        raise NotImplementedError('"%s%s_kernel_impl" not implemented for \'%s\''
                                  % (name, kernel, input._dtype.scalar_name))
    return call_unary(op, input, dim)


def softmax(input, dim=_REQUIRED, dtype=None):
    _require_dim("softmax", dim)
    return _softmax_like(d.SOFTMAX, "softmax", input, dim, dtype)


def log_softmax(input, dim=_REQUIRED, dtype=None):
    _require_dim("log_softmax", dim)
    return _softmax_like(d.LOG_SOFTMAX, "log_softmax", input, dim, dtype)


def cumsum(input, dim=_REQUIRED, *, dtype=None):
    return cumulative(d.CUMSUM, "cumsum", input, dim, dtype)


def cumulative(op, name, input, dim, dtype):
    """cumsum/cumprod: integer and bool inputs accumulate in int64, as in PyTorch."""
    _require_dim(name, dim)
    if dtype is None and input._dtype.category != 2:
        dtype = dtypes.int64
    if dtype is dtypes.bool_:
        raise NotImplementedError('"%s_out_cpu" not implemented for \'Bool\'' % name)
    if dtype is not None:
        input = input.to(dtype)
    return call_unary(op, input, wrap_dim(_int_dim(name, dim), input._data.ndim))


def _logical_reduction(np_fn):
    def reduce(input, dim=None, keepdim=False):
        data = input._data
        if dim is None:
            out = np_fn(data)
        else:  # an empty dim list reduces nothing here (unlike sum's)
            axes = _dims(input, dim)  # checked on a 0-dim tensor too
            out = np_fn(data, axis=axes if data.ndim else None,
                        keepdims=keepdim and data.ndim > 0)
        # uint8 keeps its dtype (ATen's all/any kernels' legacy byte case)
        dtype = dtypes.uint8 if input._dtype is dtypes.uint8 else dtypes.bool_
        return wrap(np.asarray(out, dtype=dtype.np_dtype), dtype)
    return reduce


any = _logical_reduction(np.any)
all = _logical_reduction(np.all)


def nonzero(input, *, as_tuple=False):
    if input._data.ndim == 0:
        # A 0-dim tensor is one element with no dims: (1, 0) or (0, 0) indices, as PyTorch;
        # as a tuple, it reads as a one-element vector.
        count = int(bool(input._data))
        if as_tuple:
            return (wrap(np.zeros(count, np.int64), dtypes.int64),)
        return wrap(np.zeros((count, 0), np.int64), dtypes.int64)
    found = np.nonzero(input._data)
    if as_tuple:
        return tuple(wrap(i.astype(np.int64), dtypes.int64) for i in found)
    return wrap(np.stack(found, axis=1).astype(np.int64) if found else
                np.zeros((0, 0), np.int64), dtypes.int64)
