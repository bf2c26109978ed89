"""Matrix products as torch functions: matmul (and @), mm, mv, dot, bmm, outer, addmm."""

from . import derivatives as d
from .dispatch import call
from .ops_shape import reshape
from .memory import check_allocation
from .tensor import Tensor





def _same_dtype(a, b, what="m1 and m2"):
    if a._dtype is not b._dtype:
        raise RuntimeError("expected %s to have the same dtype, but got: %s != %s"
                           % (what, a._dtype.c_name, b._dtype.c_name))


def _check(x, name):
    if not isinstance(x, Tensor):
        raise TypeError("%s must be a Tensor, not %s" % (name, type(x).__name__))


def _dims(t, expected, name):
    if t._data.ndim != expected:
        raise RuntimeError("%s must be a %s" % (name, "matrix" if expected == 2 else
                                                 "%dD tensor" % expected))


def _operands(a, b, ndim, names):
    """Both are tensors of `ndim` dims; their shapes, for the op's own checks."""
    _check(a, "input")
    _check(b, names[1])
    _dims(a, ndim, names[0])
    _dims(b, ndim, names[1])
    return a._data.shape, b._data.shape


def _check_mm(input, mat2):
    a, b = _operands(input, mat2, 2, ("self", "mat2"))
    if a[1] != b[0]:
        raise RuntimeError("mat1 and mat2 shapes cannot be multiplied (%dx%d and %dx%d)"
                           % (a + b))
    _same_dtype(input, mat2)


def mm(input, mat2):
    _check_mm(input, mat2)
    check_allocation((input._data.shape[0], mat2._data.shape[1]), input._dtype)
    return call(d.MM, (input, mat2), (), input._dtype)


def mv(input, vec):
    _check(input, "input")
    _check(vec, "vec")
    _dims(input, 2, "input")
    if vec._data.ndim != 1:
        raise RuntimeError("vector + matrix @ vector expected, got 1, 2, %d" % vec._data.ndim)
    a, n = input._data.shape, vec._data.shape[0]
    if a[1] != n:
        raise RuntimeError("size mismatch, got input (%d), mat (%dx%d), vec (%d)"
                           % (a[0], a[0], a[1], n))
    if input._dtype is not vec._dtype:
        # mv runs addmv into a result of vec's dtype: PyTorch names (result, mat, vec).
        raise RuntimeError("addmv input tensors must have the same dtype, but got %s, %s, and %s"
                           % (vec._dtype.scalar_name, input._dtype.scalar_name,
                              vec._dtype.scalar_name))
    return call(d.MV, (input, vec), (), input._dtype)


def dot(input, tensor):
    _check(input, "input")
    _check(tensor, "tensor")
    if input._data.ndim != 1 or tensor._data.ndim != 1:
        raise RuntimeError("1D tensors expected, but got %dD and %dD tensors"
                           % (input._data.ndim, tensor._data.ndim))
    n, m = input._data.shape[0], tensor._data.shape[0]
    if n != m:
        raise RuntimeError("inconsistent tensor size, expected tensor [%d] and src [%d] to have "
                           "the same number of elements, but got %d and %d elements "
                           "respectively" % (n, m, n, m))
    if input._dtype is not tensor._dtype:
        raise RuntimeError("dot : expected both vectors to have same dtype, but found %s and %s"
                           % (input._dtype.scalar_name, tensor._dtype.scalar_name))
    return call(d.DOT, (input, tensor), (), input._dtype)


def bmm(input, mat2):
    a, b = _operands(input, mat2, 3, ("batch1", "batch2"))
    if b[0] != a[0] or b[1] != a[2]:
        raise RuntimeError("Expected size for first two dimensions of batch2 tensor to be: "
                           "[%d, %d] but got: [%d, %d]." % (a[0], a[2], b[0], b[1]))
    if input._dtype is not mat2._dtype:
        raise RuntimeError("expected scalar type %s but found %s"
                           % (input._dtype.scalar_name, mat2._dtype.scalar_name))
    check_allocation((a[0], a[1], b[2]), input._dtype)
    return call(d.BMM, (input, mat2), (), input._dtype)


def outer(input, vec2):
    return reshape(input, -1, 1) * vec2


ger = outer


def addmm(input, mat1, mat2, *, beta=1, alpha=1):
    if beta != 1 or alpha != 1:
        return input * beta + mm(mat1, mat2) * alpha
    _check_mm(mat1, mat2)
    return call(d.ADDMM, (input, mat1, mat2), (), mat1._dtype)


def matmul(input, other):
    """PyTorch's dispatch by rank: dot, mv, mm, or batched products with broadcasting."""
    _check(input, "input")
    _check(other, "other")
    da, db = input._data.ndim, other._data.ndim
    if da == 0 or db == 0:
        raise RuntimeError("both arguments to matmul need to be at least 1D, but they are "
                           "%dD and %dD" % (da, db))
    if da == 1 and db == 1:
        return dot(input, other)
    if da == 2 and db == 1:
        return mv(input, other)
    if da == 1 and db == 2:
        product = mm(input.unsqueeze(0), other)
        return call(d.SQUEEZE_MATMUL, (product,), ((0,),), product._dtype)
    if da == 2 and db == 2:
        return mm(input, other)
    if da >= 3 and db in (1, 2):
        # Fold the batch into the rows: one mm (or mv), then view back.
        batch = input._data.shape[:-1]
        folded = reshape(input, -1, input._data.shape[-1])
        product = mv(folded, other) if db == 1 else mm(folded, other)
        return _unsafe_view(product, batch + ((other._data.shape[-1],) if db == 2 else ()))
    return _batched(input, other)


def _unsafe_view(t, shape):
    return call(d.RESHAPE_COPY, (t,), (tuple(shape),), t._dtype)


def _batched(input, other):
    import numpy as np
    a = input.unsqueeze(0) if input._data.ndim == 1 else input
    b = other.unsqueeze(-1) if other._data.ndim == 1 else other
    if a._data.shape[-1] != b._data.shape[-2]:
        raise RuntimeError("Expected size for first two dimensions of batch2 tensor to be: "
                           "[%d, %d] but got: [%d, %d]."
                           % (int(np.prod(a._data.shape[:-2])), a._data.shape[-1],
                              int(np.prod(b._data.shape[:-2])), b._data.shape[-2]))
    from .shape_util import broadcast_shapes
    batch = broadcast_shapes(a._data.shape[:-2], b._data.shape[:-2])
    a3 = reshape(a.expand(batch + a._data.shape[-2:]), -1, *a._data.shape[-2:])
    b3 = reshape(b.expand(batch + b._data.shape[-2:]), -1, *b._data.shape[-2:])
    product = bmm(a3, b3)
    shape = batch + (a._data.shape[-2], b._data.shape[-1])
    if input._data.ndim == 1:
        shape = shape[:-2] + shape[-1:]
    if other._data.ndim == 1:
        shape = shape[:-1]
    return _unsafe_view(product, shape)
