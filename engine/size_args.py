"""Arguments PyTorch's argument parser reads as `int` or `tuple of ints` (sizes, dims,
split sizes), with its TypeErrors: an element that is not an int, or an argument of the
wrong type altogether."""

import numbers

import numpy as np

from .shape_util import wrap_dim
from .tensor import Tensor
from .type_names import c_type_name


def _type_name(value):
    return "Tensor" if isinstance(value, Tensor) else c_type_name(value)


def as_int(value):
    """value as an int if the parser takes it as one (ints, NumPy ints, integer 0-dim tensors),
    else None."""
    if type(value) is int:
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, Tensor) and value._data.ndim == 0 and value._dtype.category == 1:
        return int(value._data)
    return None


def int_list(function, argument, position, value):
    """A `tuple of ints` argument: a list, tuple or torch.Size of ints, or one int."""
    if isinstance(value, tuple) and all(type(item) is int for item in value):
        return tuple(value)  # the common case, sizes read off a tensor
    single = as_int(value)
    if single is not None:
        return (single,)
    if not isinstance(value, (list, tuple)):
        raise TypeError("%s(): argument '%s' (position %d) must be tuple of ints, not %s"
                        % (function, argument, position, _type_name(value)))
    items = []
    for i, item in enumerate(value):
        n = as_int(item)
        if n is None and i and isinstance(item, bool):
            n = int(item)  # unpacked with __index__ after the first, which must be an int
        if n is None:
            raise TypeError("%s(): argument '%s' failed to unpack the object at pos %d with error "
                            "\"type must be tuple of ints,but got %s\""
                            % (function, argument, i + 1, _type_name(item)))
        items.append(n)
    return tuple(items)


def queried_dim(function, dim, ndim):
    """The dim of x.size(dim) or x.stride(dim): an int (as the parser reads it) within the
    tensor's dims; a 0-dim tensor has none to ask about."""
    n = as_int(dim)
    if n is None:
        raise TypeError("%s(): argument 'dim' (position 1) must be int, not %s"
                        % (function, _type_name(dim)))
    if ndim == 0:
        raise IndexError("Dimension specified as %d but tensor has no dimensions" % n)
    return wrap_dim(n, ndim)


def number_arg(function, argument, position, value, kind="float", optional=False):
    """A `float` (or `Number`, kind="Number") argument: a number, a NumPy number or a
    tensor passes; anything else is the parser's TypeError (None too unless optional)."""
    if value is None and optional:
        return value
    if isinstance(value, (numbers.Number, np.generic, Tensor)) and not isinstance(value, str):
        return value
    raise TypeError("%s(): argument '%s' (position %d) must be %s, not %s"
                    % (function, argument, position, kind, _type_name(value)))


def int_arg(function, argument, position, value):
    """An `int` argument."""
    n = as_int(value)
    if n is None:  # bools and other objects with __index__ are refused, as the parser does
        raise TypeError("%s(): argument '%s' (position %d) must be int, not %s"
                        % (function, argument, position, _type_name(value)))
    return n


def size_args(function, argument, args, method=True):
    """The `tuple of ints` parameter of a Tensor method that also takes it as varargs
    (x.view(2, 3), x.view((2, 3)), x.view(torch.Size(...))), as the argument parser reads it:
    several arguments are the tuple only when the first is an int; a list whose first
    element is not an int is refused with that element's type, a later one when unpacked."""
    if not args:
        raise TypeError('%s() missing 1 required positional arguments: "%s"'
                        % (function, argument))
    position = 1 if method else 2
    if len(args) == 1:
        value = args[0]
        if type(value) is tuple and all(type(item) is int for item in value):
            return value  # the common case, sizes read off a tensor (a formula's self_sizes)
        if as_int(value) is None and isinstance(value, (list, tuple)) and value and \
                as_int(value[0]) is None:
            raise TypeError("%s(): argument '%s' (position %d) must be tuple of ints, but found "
                            "element of type %s at pos 0" % (function, argument, position,
                                                              _type_name(value[0])))
        return int_list(function, argument, position, value)
    if method and as_int(args[0]) is not None:
        return int_list(function, argument, position, tuple(args))
    count = position
    raise TypeError("%s() takes %d positional argument%s but %d were given"
                    % (function, count, "" if count == 1 else "s", len(args) + position - 1))
