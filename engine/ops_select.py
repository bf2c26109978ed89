"""Selecting ops as torch functions: where, clamp, maximum, minimum."""

import numpy as np

from . import derivatives as d
from . import dtypes
from .dispatch import promoted, record
from .grad_mode import GRAD
from .shape_util import broadcast_shapes
from .tensor import Tensor, wrap


_SCALAR_NAMES = {"float32": "Float", "float64": "Double", "float16": "Half", "int64": "Long",
                 "int32": "Int", "int16": "Short", "int8": "Char", "uint8": "Byte"}


def where(condition, input=None, other=None):
    if input is None and other is None:
        from .ops_reduce import nonzero
        return nonzero(condition, as_tuple=True)
    if not isinstance(condition, Tensor) or condition._dtype is not dtypes.bool_:
        raise RuntimeError("where expected condition to be a boolean tensor, but got a tensor "
                           "with dtype %s" % _SCALAR_NAMES.get(getattr(condition, "dtype", None) and
                                                               condition.dtype.name, "?"))
    if not isinstance(input, Tensor) and not isinstance(other, Tensor):
        dtype = dtypes.result_type(input, other)
        input = wrap(np.asarray(input, dtype=dtype.np_dtype), dtype)
    if isinstance(input, Tensor):
        ad, bd, dtype = promoted(input, other)
    else:
        bd, ad, dtype = promoted(other, input)
    cond = condition._data
    try:
        out = np.where(cond, ad, bd)
    except ValueError:
        shapes = [np.shape(a) for a in (cond, ad, bd)]
        broadcast_shapes(broadcast_shapes(shapes[0], shapes[1]), shapes[2])
        raise
    result = wrap(np.asarray(out), dtype)
    if GRAD.enabled and any(isinstance(t, Tensor) and t._requires_grad for t in (input, other)):
        record(d.WHERE, (input, other, condition), (result,))
    return result
