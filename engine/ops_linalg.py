"""Matrix products as torch functions: matmul (and @), mm, mv, dot, bmm, outer, addmm."""

import numpy as np

from . import derivatives as d
from .dispatch import call
from .ops_shape import expand, reshape
from .memory import check_allocation
from .tensor_queries import tensor_argument
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
    # PyTorch's mv sizes its result by input.size(0), then runs addmv's checks on it.
    if input._data.ndim == 0:
        raise IndexError("Dimension specified as 0 but tensor has no dimensions")
    if input._data.ndim != 2 or vec._data.ndim != 1:
        raise RuntimeError("vector + matrix @ vector expected, got 1, %d, %d"
                           % (input._data.ndim, vec._data.ndim))
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
    tensor_argument(input, "outer", "input", 1)
    tensor_argument(vec2, "outer", "vec2", 2)
    for name, t in (("self", input), ("vec2", vec2)):
        if t._data.ndim != 1:
            raise RuntimeError("outer: Expected 1-D argument %s, but got %d-D"
                               % (name, t._data.ndim))
    return reshape(input, -1, 1) * vec2


ger = outer


def addmm(input, mat1, mat2, *, beta=1, alpha=1):
    """PyTorch's addmm checks: both matrices, then dtypes (self against mat2 first), then
    shapes, then input expanded to the product's shape with expand's own errors."""
    _check(input, "input")
    _check(mat1, "mat1")
    _check(mat2, "mat2")
    for name, m in (("mat1", mat1), ("mat2", mat2)):
        if m._data.ndim != 2:
            raise RuntimeError("%s must be a matrix, got %d-D tensor" % (name, m._data.ndim))
    for name, t in (("self", input), ("mat1", mat1)):
        if t._dtype is not mat2._dtype:
            raise RuntimeError("%s and mat2 must have the same dtype, but got %s and %s"
                               % (name, t._dtype.scalar_name, mat2._dtype.scalar_name))
    a, b = mat1._data.shape, mat2._data.shape
    if a[1] != b[0]:
        raise RuntimeError("mat1 and mat2 shapes cannot be multiplied (%dx%d and %dx%d)"
                           % (a + b))
    expand(input, a[0], b[1])
    return call(d.ADDMM, (input, mat1, mat2), (beta, alpha), mat1._dtype)


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
    if da == 3 and db == 3:
        # PyTorch drops a size-1 batch of an operand requiring grad, so that the product
        # folds into one mm: (1, n, m) @ (b, m, k) is (n, m) @ (b, m, k).
        if input._data.shape[0] == 1 != other._data.shape[0] and input._requires_grad:
            return matmul(input.squeeze(0), other)
        if other._data.shape[0] == 1 != input._data.shape[0] and other._requires_grad:
            return matmul(input, other.squeeze(0))
    if _should_fold(input, other):
        return _folded(input, other)
    return _batched(input, other)


def _should_fold(input, other):
    """PyTorch's should_fold: fold the batch of the larger operand (>= 3-D, the other one
    1-D or 2-D) into one mm/mv when that needs no copy, or when the smaller one requires grad."""
    larger_first = input._data.ndim >= other._data.ndim
    t1 = input if larger_first else other.mT
    smaller = other if larger_first else input
    if not (t1._data.ndim >= 3 and smaller._data.ndim <= 2):
        return False
    if smaller._requires_grad:
        return True
    if input._data.ndim == 2:
        return False  # mm on the transposed operand would need a copy back
    if t1._data.size == 0:
        return True
    shape, strides = t1._data.shape, t1._data.strides
    return all(strides[i] == strides[i + 1] * shape[i + 1] for i in range(len(shape) - 1))


def _folded(input, other):
    """PyTorch's folded matmul: (..., n) rows in one mm/mv, viewed back; a 1-D/2-D first
    operand multiplies the transposed batch, and the 2-D result is transposed back."""
    transpose = other._data.ndim > input._data.ndim
    t1 = other.mT if transpose else input
    t2 = (input.t() if input._data.ndim == 2 else input) if transpose else other
    output_shape = t1._data.shape[:-1]
    folded = reshape(t1, -1, t1._data.shape[-1]) if t1._data.shape[-1] else reshape(
        t1, int(np.prod(output_shape)), 0)
    if t2._data.ndim == 2:
        output = _unsafe_view(mm(folded, t2), output_shape + (t2._data.shape[1],))
        return output.mT.contiguous() if transpose else output
    return _unsafe_view(mv(folded, t2), output_shape)


def _unsafe_view(t, shape):
    return call(d.RESHAPE_COPY, (t,), (tuple(shape),), t._dtype)


def _batched(input, other):
    a = input.unsqueeze(0) if input._data.ndim == 1 else input
    b = other.unsqueeze(-1) if other._data.ndim == 1 else other
    from .shape_util import broadcast_shapes
    # PyTorch broadcasts the batch dims first, then bmm checks the expanded operands.
    batch = broadcast_shapes(a._data.shape[:-2], b._data.shape[:-2])
    if a._data.shape[-1] != b._data.shape[-2]:
        n = int(np.prod(batch))
        raise RuntimeError("Expected size for first two dimensions of batch2 tensor to be: "
                           "[%d, %d] but got: [%d, %d]."
                           % (n, a._data.shape[-1], n, b._data.shape[-2]))
    a3 = reshape(a.expand(batch + a._data.shape[-2:]), -1, *a._data.shape[-2:])
    b3 = reshape(b.expand(batch + b._data.shape[-2:]), -1, *b._data.shape[-2:])
    product = bmm(a3, b3)
    shape = batch + (a._data.shape[-2], b._data.shape[-1])
    if input._data.ndim == 1:
        shape = shape[:-2] + shape[-1:]
    if other._data.ndim == 1:
        shape = shape[:-1]
    return _unsafe_view(product, shape)
