"""Dimension and shape arithmetic shared by the ops, with PyTorch's error messages."""


def wrap_dim(dim, ndim):
    """A possibly negative dim as an index, or PyTorch's IndexError."""
    if isinstance(dim, bool) or not isinstance(dim, int):
        try:
            dim = dim.__index__()
        except AttributeError:
            raise TypeError("dim must be an int, not %s" % type(dim).__name__) from None
    low, high = (-1, 0) if ndim == 0 else (-ndim, ndim - 1)
    if not low <= dim <= high:
        raise IndexError("Dimension out of range (expected to be in range of [%d, %d], but got %d)"
                         % (low, high, dim))
    return dim + ndim if dim < 0 else (0 if ndim == 0 else dim)


def wrap_dims(dims, ndim):
    """An int or a sequence of ints as a sorted tuple of distinct dims."""
    if isinstance(dims, int):
        dims = (dims,)
    elif not isinstance(dims, (tuple, list)):
        wrap_dim(dims, ndim)  # one dim of another type: its TypeError
        dims = (dims,)
    wrapped = []
    for d in dims:
        d = wrap_dim(d, ndim)
        if d in wrapped:
            raise RuntimeError("dim %d appears multiple times in the list of dims" % d)
        wrapped.append(d)
    return tuple(sorted(wrapped))


def broadcast_shapes(a, b):
    """The broadcast of two shapes, or PyTorch's size-mismatch RuntimeError."""
    ndim = max(len(a), len(b))
    out = [0] * ndim
    for i in range(ndim - 1, -1, -1):
        offset = ndim - 1 - i
        da = a[len(a) - 1 - offset] if offset < len(a) else 1
        db = b[len(b) - 1 - offset] if offset < len(b) else 1
        if da != db and da != 1 and db != 1:
            raise RuntimeError("The size of tensor a (%d) must match the size of tensor b (%d) "
                               "at non-singleton dimension %d" % (da, db, i))
        out[i] = db if da == 1 else da
    return tuple(out)


def infer_view_size(size, numel):
    """A view/reshape size with at most one -1 resolved, or PyTorch's error."""
    size = list(size)
    infer = None
    known = 1
    for i, s in enumerate(size):
        if s == -1:
            if infer is not None:
                raise RuntimeError("only one dimension can be inferred")
            infer = i
        elif s < 0:
            raise RuntimeError("invalid shape dimension %d at index %d of shape %s"
                               % (s, i, shape_str(size)))
        else:
            known *= s
    if infer is not None:
        if known == 0 and numel == 0:
            raise RuntimeError("cannot reshape tensor of 0 elements into shape %s because the "
                               "unspecified dimension size -1 can be any value and is ambiguous"
                               % shape_str(size))
        if known == 0 or numel % known != 0:
            raise RuntimeError("shape '[%s]' is invalid for input of size %d"
                               % (", ".join(map(str, size)), numel))
        size[infer] = numel // known
    elif known != numel:
        raise RuntimeError("shape '[%s]' is invalid for input of size %d"
                           % (", ".join(map(str, size)), numel))
    return tuple(size)


def shape_str(shape):
    return "[" + ", ".join(map(str, shape)) + "]"
