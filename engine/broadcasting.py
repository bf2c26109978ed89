"""torch.broadcast_shapes and torch.broadcast_tensors, with torch's errors."""

import numbers
from functools import reduce

from .dtypes import Size
from .shape_util import broadcast_shapes as _broadcast_pair
from .tensor import Tensor


def broadcast_shapes(*shapes):
    """torch/_refs's _broadcast_shapes: ints stand for 1-d shapes, None is skipped; the
    error names the first argument that does not fit, as it was given."""
    shapes = tuple((s,) if isinstance(s, numbers.Integral) else s
                   for s in shapes if s is not None)
    if not shapes:
        return Size.of(())
    for shape in shapes:
        if not isinstance(shape, (tuple, list, str, range)):
            raise RuntimeError("Input shapes should be of type ints, a tuple of ints, or a list "
                               "of ints, got %s" % (shape,))
    common = [1] * max(len(s) for s in shapes)
    for index, shape in enumerate(shapes):
        for dim in range(-1, -1 - len(shape), -1):
            if shape[dim] == common[dim]:
                continue
            if common[dim] == 1:
                if shape[dim] < 0:
                    raise ValueError("Attempting to broadcast a dimension with negative length!")
                common[dim] = shape[dim]
            if shape[dim] == 1:
                continue
            if common[dim] != shape[dim]:
                raise RuntimeError(
                    "Attempting to broadcast a dimension of length %s at %d! Mismatching "
                    "argument at index %d had %s; but expected shape should be broadcastable "
                    "to %s" % (shape[dim], dim, index, _as_given(shape), common))
    return Size.of(tuple(common))


def _as_given(shape):
    return str(shape) if isinstance(shape, Size) else repr(shape)


def broadcast_tensors(*tensors):
    """Each tensor expanded to the common shape (itself where it has that shape already)."""
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise TypeError("expected Tensor as element %d in argument 0, but got %s"
                            % (i, type(t).__name__))
    if not tensors:
        return ()
    shape = reduce(_broadcast_pair, (t._data.shape for t in tensors))
    return tuple(t if t._data.shape == shape else t.expand(shape) for t in tensors)
