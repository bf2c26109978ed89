"""torch.clamp / clip and their in-place forms: the argument parser's two overloads
(Number bounds: ClampBackward1; Tensor bounds, promoted and broadcast: ClampBackward0)."""

import numpy as np

from . import derivatives as d
from . import dtypes
from .dispatch import call_unary, record
from .ops_pointwise import _NUMBER, _needs_grad
from .shape_util import broadcast_shapes
from .tensor import Tensor, wrap
from .tensor_queries import invalid_combination


def clamp(input, *bounds, **keywords):
    """clamp(min=None, max=None), bounds given by position or by name."""
    if len(bounds) > 2 or set(keywords) - {"min", "max"} or \
            set(keywords) & set(("min", "max")[:len(bounds)]):
        raise TypeError("clamp() takes from 1 to 3 arguments with min= and max= keywords")
    if not isinstance(input, Tensor):
        raise invalid_combination("clamp", (input,) + bounds, keywords, overloads=(
            "Tensor input, Tensor min = None, Tensor max = None, *, Tensor out = None",
            "Tensor input, Number min = None, Number max = None, *, Tensor out = None"))
    given = dict(zip(("min", "max"), bounds), **keywords)
    min, max = given.get("min"), given.get("max")
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    min, max = _clamp_overload(min, max, "positional" if bounds and not keywords else "keyword")
    if isinstance(min, Tensor) or isinstance(max, Tensor):
        # Tensor bounds take part in type promotion: clamp(int, max=tensor(1.5)) is float.
        shape = input._data.shape
        for bound in (min, max):
            if bound is not None:
                shape = broadcast_shapes(shape, bound._data.shape)
        dtype = dtypes.result_type(input, *(b for b in (min, max) if b is not None))
        if dtype.category == 0 and min is not None and max is not None:
            # one bound is clamp_min/clamp_max (maximum/minimum, which take bools)
            raise NotImplementedError('"clamp_cpu" not implemented for \'Bool\'')
        input = input.to(dtype)
        low = min.to(dtype) if isinstance(min, Tensor) else _full_as(input, min, lowest=True)
        high = max.to(dtype) if isinstance(max, Tensor) else _full_as(input, max, lowest=False)
        return _clamp_tensor(input, low, high)
    for bound in (min, max):
        if bound is not None and not isinstance(bound, _NUMBER):
            raise TypeError("clamp(): argument 'min' must be Number, not %s"
                            % type(bound).__name__)
    bounds = [b for b in (min, max) if b is not None]
    dtype = dtypes.result_type(input, *bounds)
    if dtype is not input._dtype:  # clamp(int tensor, min=0.5) is a float tensor
        input = input.to(dtype)
    if dtype.category == 0:
        kernel = "clamp_scalar" if len(bounds) == 2 else "clamp_min_scalar" if max is None \
            else "clamp_max_scalar"
        raise NotImplementedError('"%s_cpu" not implemented for \'Bool\'' % kernel)
    min, max = (None if b is None else dtypes.scalar_to(b, dtype) for b in (min, max))
    return call_unary(d.CLAMP, input, min, max)


clip = clamp

def _clamp_overload(min, max, how):
    """The argument parser's choice between clamp(Tensor? min, Tensor? max) and clamp(Number?
    min, Number? max): bounds all tensors (or None) take the first; a Number next to a tensor
    takes the second, the tensor then read as a Number (a 0-dim tensor only)."""
    bounds = [b for b in (min, max) if b is not None]
    if all(isinstance(b, Tensor) for b in bounds) or not any(isinstance(b, Tensor)
                                                             for b in bounds):
        return min, max
    if all(not isinstance(b, Tensor) or b._data.ndim == 0 for b in bounds):
        return tuple(b.item() if isinstance(b, Tensor) else b for b in (min, max))
    overloads = ("Tensor min = None, Tensor max = None", "Number min = None, Number max = None")
    if how == "positional":
        raise invalid_combination("clamp", [b for b in (min, max) if b is not None],
                                  overloads=overloads)
    raise invalid_combination("clamp", (), {k: v for k, v in sorted(
        {"min": min, "max": max}.items()) if v is not None}, overloads=overloads)


def clamp_(input, min=None, max=None):
    from .inplace import apply_inplace
    if not isinstance(min, Tensor) and not isinstance(max, Tensor):
        bounds = [b for b in (min, max) if b is not None and isinstance(b, _NUMBER)]
        dtype = dtypes.result_type(input, *bounds)
        if dtype.category > input._dtype.category:  # the Scalar overload names C types
            raise RuntimeError("result type %s can't be cast to the desired output type %s"
                               % (dtype.scalar_name, input._dtype.c_name))
    return apply_inplace(input, clamp, min, max)


clip_ = clamp_


def _full_as(input, value, lowest):
    """A missing bound as a tensor that never binds: the dtype's lowest or highest value."""
    fill = value
    if value is None and input._dtype.category == 2:
        fill = -np.inf if lowest else np.inf
    elif value is None and input._dtype.category == 0:
        fill = not lowest
    elif value is None:
        info = np.iinfo(input._dtype.np_dtype)
        fill = info.min if lowest else info.max
    return wrap(np.full(input._data.shape, fill, dtype=input._dtype.np_dtype), input._dtype)


def _clamp_tensor(input, low, high):
    out = np.minimum(high._data, np.maximum(low._data, input._data))  # ties keep self
    result = wrap(np.asarray(out).astype(input._data.dtype, copy=False), input._dtype)
    if _needs_grad(input, low, high):
        record(d.CLAMP_TENSOR, (input, low, high), (result,))
    return result


def _clamp_min(input, value):
    return clamp(input, min=value)
