"""torch.nn.Parameter: a leaf tensor that requires grad and says so in its repr."""

from .. import creation
from ..tensor import Tensor

__all__ = ["Parameter"]

FACTORY_GRAD_ERROR = "Only Tensors of floating point and complex dtype can require gradients"


class Parameter(Tensor):
    """torch/nn/parameter.py's Parameter over a plain tensor: Tensor._make_subclass(cls,
    data, requires_grad) shares the data's array and version counter, as a leaf. What is
    computed from a parameter is a plain Tensor (the ops make Tensors)."""

    __slots__ = ()

    def __new__(cls, data=None, requires_grad=True):
        if data is None:
            data = creation.empty(0)
        if not isinstance(data, Tensor):  # torch's path for other tensors calls detach()
            raise AttributeError("'%s' object has no attribute 'detach'" % type(data).__name__)
        if type(requires_grad) is not bool:
            raise TypeError("_make_subclass(): argument 'require_grad' (position 3) must be "
                            "bool, not %s" % type(requires_grad).__name__)
        if requires_grad and data._dtype.category != 2:
            raise RuntimeError(FACTORY_GRAD_ERROR)
        source = data.detach()
        t = object.__new__(cls)
        for name in Tensor.__slots__:
            if not name.startswith("__"):  # __weakref__ and __dict__ are Python's own
                object.__setattr__(t, name, getattr(source, name))
        t._requires_grad = requires_grad
        return t

    def __repr__(self):
        return "Parameter containing:\n" + super().__repr__()

    __str__ = __repr__


Parameter.__module__ = "torch.nn.parameter"
