"""Functions the derivative formulas call, written with engine ops so they differentiate again."""

import math

import numpy as np

from . import derivatives as d
from .dispatch import call
from .creation import zeros
from .tensor import Tensor


def numel_of(sizes):
    return math.prod(sizes)


def count_of(sizes, dims):
    return math.prod(sizes[i] for i in dims)


def reduce_backward(grad, sizes, dims, keepdim):
    """The gradient of a reduction over dims: put the reduced dims back, then expand."""
    if not keepdim:
        for dim in dims:  # ascending, so each insertion lands where it was
            grad = grad.unsqueeze(dim)
    return grad.expand(sizes)


def pow_backward(grad, self, exponent):
    if exponent == 0:
        return grad * 0
    return grad * (exponent * self.pow(exponent - 1))


def pow_backward_exponent(grad, self, exponent, result):
    """d(self ** exponent)/d(exponent), zero where self == 0 and exponent >= 0 (PyTorch's rule)."""
    if isinstance(self, Tensor):
        from .ops_select import where
        return grad * where((self == 0) & (exponent >= 0), 0.0, result * self.log())
    if self == 0:
        from .ops_select import where
        return grad * where(exponent >= 0, 0.0, result * math.log(self) if self > 0 else
                            result * float("nan"))
    return grad * (result * math.log(self)) if self > 0 else grad * (result * float("nan"))


def inverse_permutation(dims):
    inverse = [0] * len(dims)
    for i, p in enumerate(dims):
        inverse[p] = i
    return tuple(inverse)


def select_key(dim, index):
    return (slice(None),) * dim + (index,)


def slice_key(dim, start, end, step):
    return (slice(None),) * dim + (slice(start, end, step),)


def embed(grad, sizes, key):
    """A zero tensor of `sizes` with grad added at `key`: the backward of indexing."""
    return call(d.EMBED, (grad,), (sizes, key), grad._dtype)


def stack_grads(grads, sizes, dim):
    """The backward of unbind: the outputs' gradients stacked, zeros for the missing ones."""
    from .ops_join import stack
    count = sizes[dim]
    shape = sizes[:dim] + sizes[dim + 1:]
    filled = []
    dtype = next(g for g in grads if g is not None)._dtype
    for i in range(count):
        g = grads[i] if i < len(grads) else None
        filled.append(g if g is not None else zeros(shape, dtype=dtype))
    return stack(filled, dim)


def offset_of(sizes, i, dim):
    """Where input i of a cat starts along dim."""
    return sum(s[dim] for s in sizes[:i])


def zeros_at(grad, key):
    """A mask of ones with zeros where `key` wrote: the part of the old value that survives."""
    from .tensor import wrap
    mask = np.ones(grad._data.shape, dtype=grad._data.dtype)
    mask[key] = 0
    return wrap(mask, grad._dtype)
