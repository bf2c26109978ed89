"""The `out=` argument of torch functions: the result written into the given tensor.

As PyTorch's out= overloads: no autograd (an input that requires grad, with grad mode on, is
an error), the result cast to out's dtype when promotion allows it, out resized (with
PyTorch's deprecation warning when it had elements) to the result's shape, and out
returned. Single-output functions only; creation and random functions keep their own.
"""

import functools
import warnings

import numpy as np

from . import dtypes
from .grad_mode import GRAD
from .tensor import Tensor

_RESIZED = ("An output with one or more elements was resized since it had shape %s, which does "
            "not match the required output shape %s. This behavior is deprecated, and in a "
            "future PyTorch release outputs will not be resized unless they have zero "
            "elements. You can explicitly reuse an out tensor t by resizing it, inplace, to "
            "zero elements with t.resize_(0).")


def accepts_out(function, name=None):
    """function with PyTorch's out= handling in front (its own `out` parameter, if any, is
    no longer reached)."""
    name = name or function.__name__

    @functools.wraps(function)
    def with_out(*args, out=None, **kwargs):
        if out is None:
            return function(*args, **kwargs)
        if not isinstance(out, Tensor):
            raise TypeError("%s(): argument 'out' must be Tensor, not %s"
                            % (name, type(out).__name__))
        if GRAD.enabled and any(_requires_grad(a) for a in list(args) + list(kwargs.values())):
            raise RuntimeError("%s(): functions with out=... arguments don't support automatic "
                               "differentiation, but one of the arguments requires grad." % name)
        return write_into(out, function(*args, **kwargs))
    return with_out


def _requires_grad(value):
    if isinstance(value, Tensor):
        return value._requires_grad
    if isinstance(value, (list, tuple)):
        return any(_requires_grad(v) for v in value)
    return False


def write_into(out, result):
    if not dtypes.can_cast(result._dtype, out._dtype):
        raise RuntimeError("result type %s can't be cast to the desired output type %s"
                           % (result._dtype.scalar_name, out._dtype.scalar_name))
    values = result._data.astype(out._dtype.np_dtype)
    if not out._data.flags.writeable:  # an expanded view: many elements, one memory location
        raise RuntimeError("unsupported operation: more than one element of the written-to "
                           "tensor refers to a single memory location. Please clone() the "
                           "tensor before performing the operation.")
    if out._data.shape != values.shape:
        if out._data.size:
            warnings.warn(_RESIZED % (_shape(out._data.shape), _shape(values.shape)),
                          UserWarning, stacklevel=3)
        out._data = np.array(values)
    else:
        np.copyto(out._data, values)
    out._bump_version()
    return out


def _shape(shape):
    return "[%s]" % ", ".join(str(n) for n in shape)


# Functions that declare `out` but create their values (zeros, rand ...) keep their own.
_OWN_OUT_MODULES = ("creation", "random")
# torch functions with an out= overload whose engine function has no `out` parameter.
ALSO_WITH_OUT = ("matmul mm bmm mv dot outer exp log sqrt sin cos tanh sigmoid abs neg "
                 "clamp sum mean prod cumsum maximum minimum remainder floor_divide "
                 "addmm").split()


def install(namespace):
    """Give the torch functions of namespace (a dict) PyTorch's out= handling."""
    import inspect
    for name, value in list(namespace.items()):
        if name.startswith("_") or not inspect.isfunction(value):
            continue
        if value.__module__.rsplit(".", 1)[-1] in _OWN_OUT_MODULES:
            continue
        try:
            declared = "out" in inspect.signature(value).parameters
        except (TypeError, ValueError):
            continue
        if declared or name in ALSO_WITH_OUT:
            namespace[name] = accepts_out(value, name)
