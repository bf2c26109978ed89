"""Reductions as torch functions: sum, mean, ..."""

from . import derivatives as d
from . import dtypes
from .dispatch import call_unary
from .shape_util import wrap_dims


def _dims(input, dim):
    return wrap_dims(dim, input._data.ndim)


def sum(input, dim=None, keepdim=False, *, dtype=None):
    if dtype is None and input._dtype.category != 2:
        dtype = dtypes.int64  # integer and bool sums are int64, as in PyTorch
    if dtype is not None:
        input = input.to(dtype)
    if dim is None:
        return call_unary(d.SUM, input)
    return call_unary(d.SUM_DIM, input, _dims(input, dim), keepdim)


def mean(input, dim=None, keepdim=False, *, dtype=None):
    if dtype is not None:
        input = input.to(dtype)
    if input._dtype.category != 2:
        raise RuntimeError(
            "mean(): could not infer output dtype. Input dtype must be either a floating point "
            "or complex dtype. Got: %s" % _SCALAR_NAMES[input._dtype.name])
    if dim is None:
        return call_unary(d.MEAN, input)
    return call_unary(d.MEAN_DIM, input, _dims(input, dim), keepdim)


_SCALAR_NAMES = {"int64": "Long", "int32": "Int", "int16": "Short", "int8": "Char",
                 "uint8": "Byte", "bool": "Bool"}
