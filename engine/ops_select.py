"""Selecting ops as torch functions: where, clamp, maximum, minimum."""

import numpy as np

from . import derivatives as d
from . import dtypes
from .dispatch import promoted, record
from .grad_mode import GRAD
from .shape_util import broadcast_shapes
from .tensor import Tensor, wrap




def where(condition, input=None, other=None):
    if input is None and other is None:
        from .ops_reduce import nonzero
        return nonzero(condition, as_tuple=True)
    if not isinstance(condition, Tensor) or condition._dtype is not dtypes.bool_:
        raise RuntimeError("where expected condition to be a boolean tensor, but got a tensor "
                           "with dtype %s" % (condition.dtype.scalar_name
                                              if isinstance(condition, Tensor) else "?"))
    if not isinstance(input, Tensor) and not isinstance(other, Tensor):
        dtype = dtypes.result_type(input, other)
        input = wrap(np.asarray(input, dtype=dtype.np_dtype), dtype)
    if isinstance(input, Tensor):
        ad, bd, dtype = promoted(input, other)
    else:
        bd, ad, dtype = promoted(other, input)
    for number in (input, other):  # an integer result reads a Scalar as its type, checked
        if not isinstance(number, Tensor) and dtype.category == 1:
            dtypes.scalar_to(number, dtype)
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


