"""Ordering as torch functions: sort, argsort, msort, topk, kthvalue, median, mode, unique."""

import numpy as np

from . import derivatives as d
from . import dtypes
from .dispatch import call
from .return_types import return_type
from .shape_util import wrap_dim
from .tensor import Tensor, wrap
from .tensor_queries import invalid_combination, tensor_argument

return_sort = return_type("sort")
return_topk = return_type("topk")
return_kthvalue = return_type("kthvalue")
return_median = return_type("median")
return_mode = return_type("mode")

_NOT_GIVEN = object()


def _size_along(input, dim):
    shape = input._data.shape
    return shape[dim] if shape else 1


def _check_nonempty_dim(input, dim, name):
    if input._data.ndim and input._data.shape[dim] == 0:
        raise IndexError("%s(): Expected reduction dim %d to have non-zero size." % (name, dim))


# The two overloads of sort and argsort: (*, stable, dim, descending) and (dim, descending).
# A positional dim next to a stable= keyword fits neither: the parser lists them, as
# functions (with the input and out arguments) or as Tensor methods.
_OVERLOADS = {
    ("sort", False): (
        "Tensor input, *, bool stable, int dim = -1, bool descending = False, "
        "tuple of Tensors out = None",
        "Tensor input, int dim = -1, bool descending = False, *, tuple of Tensors out = None"),
    ("argsort", False): (
        "Tensor input, *, bool stable, int dim = -1, bool descending = False, Tensor out = None",
        "Tensor input, int dim = -1, bool descending = False"),
    ("sort", True): ("*, bool stable, int dim = -1, bool descending = False",
                     "int dim = -1, bool descending = False"),
}
_OVERLOADS["argsort", True] = _OVERLOADS["sort", True]


def _sort_args(name, input, args, dim, descending, stable, method):
    if stable is not _NOT_GIVEN and args:
        positional = tuple(args) if method else (input,) + tuple(args)
        raise invalid_combination(name, positional, {"stable": stable}, _OVERLOADS[name, method])
    if args:
        dim = args[0]
    if len(args) > 1:
        descending = args[1]
    return wrap_dim(dim, input._data.ndim), bool(descending)


def sort(input, *args, stable=_NOT_GIVEN, dim=-1, descending=False, _method=False):
    """Values and indices along dim; a `stable=` keyword (even None or False) picks the
    stable overload, whose node is SortBackward1."""
    dim, descending = _sort_args("sort", input, args, dim, descending, stable, _method)
    if stable is _NOT_GIVEN:
        return return_sort(*call(d.SORT, (input,), (dim, descending)))
    return return_sort(*call(d.SORT_STABLE, (input,), (dim, descending, bool(stable))))


def argsort(input, *args, stable=_NOT_GIVEN, dim=-1, descending=False, _method=False):
    dim, descending = _sort_args("argsort", input, args, dim, descending, stable, _method)
    from .kernels_sort import sort as sort_kernel
    stable = stable is not _NOT_GIVEN and bool(stable)
    return wrap(sort_kernel(input._data, dim, descending, stable)[1], dtypes.int64)


def sort_method(self, *args, **kwargs):
    return sort(self, *args, _method=True, **kwargs)


def argsort_method(self, *args, **kwargs):
    return argsort(self, *args, _method=True, **kwargs)


def msort(input):
    return sort(input, 0).values


def _int_arg(name, value, position, arg):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s(): argument '%s' (position %d) must be int, not %s"
                        % (name, arg, position, type(value).__name__))
    return value


def topk(input, k, dim=-1, largest=True, sorted=True):
    k = _int_arg("topk", k, 1, "k")
    dim = wrap_dim(dim, input._data.ndim)
    if not 0 <= k <= _size_along(input, dim):
        raise RuntimeError("selected index k out of range")
    if input._dtype is dtypes.bool_:  # the kernel's check, after ATen's meta function's
        raise RuntimeError("topk does not support bool dtypes on CPU")
    return return_topk(*call(d.TOPK, (input,), (k, dim, bool(largest), bool(sorted))))


def _not_for_bool(input, kernel):
    if input._dtype is dtypes.bool_:
        raise NotImplementedError('"%s" not implemented for \'Bool\'' % kernel)


def kthvalue(input, k, dim=-1, keepdim=False):
    k = _int_arg("kthvalue", k, 1, "k")
    dim = wrap_dim(dim, input._data.ndim)
    _check_nonempty_dim(input, dim, "kthvalue")
    if not 0 < k <= _size_along(input, dim):
        raise RuntimeError("kthvalue(): selected number k out of range for dimension %d" % dim)
    if input._data.ndim:  # ATen copies a 0-dim input before dispatching on the dtype
        _not_for_bool(input, "kthvalue_cpu")
    return return_kthvalue(*call(d.KTHVALUE, (input,), (k, dim, bool(keepdim))))


def median(input, dim=None, keepdim=False):
    """The lower of the two middle values (no averaging), nan if there is one."""
    if dim is None:
        if input._data.size:  # an empty input's nan comes before the dtype dispatch
            _not_for_bool(input, "median_cpu")
        return call(d.MEDIAN, (input,), (), input._dtype)
    dim = wrap_dim(dim, input._data.ndim)
    _check_nonempty_dim(input, dim, "median")
    _not_for_bool(input, "median_out")
    return return_median(*call(d.MEDIAN_DIM, (input,), (dim, bool(keepdim))))


def mode(input, dim=-1, keepdim=False):
    dim = wrap_dim(dim, input._data.ndim)
    _check_nonempty_dim(input, dim, "mode")
    return return_mode(*call(d.MODE, (input,), (dim, bool(keepdim))))


def unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None):
    """torch.unique: PyTorch's CPU kernel returns sorted values even for sorted=False."""
    op = d.UNIQUE
    if dim is not None:
        op, dim = d.UNIQUE_DIM, wrap_dim(dim, input._data.ndim, wrap_scalar=False)
        shape = input._data.shape
        if input._data.size == 0:  # ATen's _unique_dim_cpu_template, in its order
            if shape.count(0) > 1:
                raise RuntimeError("Number of zero sized dimensions is more than one, so unique "
                                   "cannot be applied ")
            if shape[dim]:
                raise RuntimeError("There are 0 sized dimensions, and they aren't selected, so "
                                   "unique cannot be applied")
    values, inverse, counts = call(op, (input,), (return_inverse, return_counts, dim))
    if return_inverse and return_counts:
        return values, inverse, counts
    if return_inverse:
        return values, inverse
    if return_counts:
        return values, counts
    return values


def bincount(input, weights=None, minlength=0):
    """How often each value 0..max occurs (summed weights if given: float32 weights stay
    float32, others count in float64, as ATen's _bincount_cpu)."""
    input = tensor_argument(input, "bincount")
    if input._dtype.category != 1:
        raise NotImplementedError('"bincount_cpu" not implemented for \'%s\''
                                  % input._dtype.scalar_name)
    minlength = _int_arg("bincount", minlength, 3, "minlength")
    if minlength < 0:
        raise RuntimeError("minlength should be >= 0")
    values = input._data
    if values.ndim != 1 or (values.size and values.min() < 0):
        raise RuntimeError("bincount only supports 1-d non-negative integral inputs.")
    if weights is None:
        return wrap(np.bincount(values, minlength=minlength).astype(np.int64), dtypes.int64)
    weights = tensor_argument(weights, "bincount", "weights", 2)
    if weights._data.ndim != 1 or weights._data.shape[0] != values.shape[0]:
        raise RuntimeError("weights should be 1-d and have the same length as input")
    dtype = dtypes.float32 if weights._dtype is dtypes.float32 else dtypes.float64
    size = max(minlength, int(values.max()) + 1 if values.size else 0)
    counts = np.zeros(size, dtype.np_dtype)
    np.add.at(counts, values, weights._data.astype(dtype.np_dtype))  # in order, as ATen's loop
    return wrap(counts, dtype)
