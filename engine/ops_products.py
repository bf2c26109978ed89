"""More products as torch functions: inner and tensordot (composed as ATen composes them:
permute, reshape, then mm or dot), vdot, and the fused addmv, addr, baddbmm, addbmm."""

import math

from . import derivatives as d
from . import dtypes
from .dispatch import call
from .ops_linalg import _check, dot, mm
from .ops_shape import expand, permute, reshape
from .shape_util import wrap_dim
from .tensor import Tensor


# ---- inner and tensordot ---------------------------------------------------------------------

def inner(input, other):
    _check(input, "input")
    _check(other, "other")
    if input._data.ndim == 0 or other._data.ndim == 0:
        return input * other
    if input._data.shape[-1] != other._data.shape[-1]:
        raise RuntimeError("inner() the last dimension must match on both input tensors but got "
                           "shapes %s and %s" % (_sizes(input), _sizes(other)))
    return _tensordot(input, other, [-1], [-1])


def _sizes(t):
    return "[" + ", ".join(map(str, t._data.shape)) + "]"


def tensordot(a, b, dims=2, out=None):
    """torch/functional.py's argument handling, then ATen's tensordot."""
    if isinstance(dims, bool) or not isinstance(dims, (tuple, list, Tensor, int)):
        raise RuntimeError("tensordot expects dims to be int or tuple[list[int], list[int]] or "
                           "list[list[int]] containing two lists, but got dims=%s" % (dims,))
    if isinstance(dims, (tuple, list)):
        dims_a, dims_b = dims
    elif isinstance(dims, Tensor):
        if dims._data.size > 1:
            dims_a, dims_b = dims._data[0].tolist(), dims._data[1].tolist()
        else:
            count = int(dims._data.item())
            if count < 0:
                raise RuntimeError("tensordot expects dims >= 0, but got dims=%r" % dims)
            dims_a, dims_b = list(range(-count, 0)), list(range(count))
    else:
        if dims < 0:
            raise RuntimeError("tensordot expects dims >= 0, but got dims=%d" % dims)
        if dims > min(a._data.ndim, b._data.ndim):
            raise RuntimeError("tensordot expects dims < ndim_a or ndim_b, but got dims=%d"
                               % dims)
        dims_a, dims_b = list(range(-dims, 0)), list(range(dims))
    dims_a = [dims_a] if isinstance(dims_a, int) else list(dims_a)
    dims_b = [dims_b] if isinstance(dims_b, int) else list(dims_b)
    return _tensordot(a, b, dims_a, dims_b)


def _tensordot(input1, input2, dims1, dims2):
    if len(dims1) != len(dims2):
        raise RuntimeError("both dimension lists should have same length")
    if input1._dtype is not input2._dtype:
        raise RuntimeError("both inputs should have same dtype")
    t1, t2 = input1, input2
    csize = 1
    for x1, x2 in zip(dims1, dims2):
        s1 = input1._data.shape[wrap_dim(x1, input1._data.ndim)]
        s2 = input2._data.shape[wrap_dim(x2, input2._data.ndim)]
        if s2 == 1:  # broadcast dimensions are summed right away
            t1 = t1.sum(x1, True)
        elif s1 == 1:
            t2 = t2.sum(x2, True)
        else:
            if s1 != s2:
                raise RuntimeError("contracted dimensions need to match, but first has size %d "
                                   "in dim %d and second has size %d in dim %d"
                                   % (s1, x1, s2, x2))
            csize *= s1
    contracted1 = {wrap_dim(x, input1._data.ndim) for x in dims1}
    contracted2 = {wrap_dim(x, input2._data.ndim) for x in dims2}
    free1 = [i for i in range(input1._data.ndim) if i not in contracted1]
    free2 = [i for i in range(input2._data.ndim) if i not in contracted2]
    rsizes = [t1._data.shape[i] for i in free1] + [t2._data.shape[i] for i in free2]
    size1 = math.prod(t1._data.shape[i] for i in free1)
    size2 = math.prod(t2._data.shape[i] for i in free2)
    t1 = permute(t1, free1 + [wrap_dim(x, input1._data.ndim) for x in dims1])
    t2 = permute(t2, [wrap_dim(x, input2._data.ndim) for x in dims2] + free2)
    if not rsizes:  # a full contraction: one dot of the flattened operands
        flat1 = t1 if t1._data.ndim == 1 else reshape(t1, csize)
        flat2 = t2 if t2._data.ndim == 1 else reshape(t2, csize)
        return reshape(dot(flat1, flat2), ())
    return reshape(mm(reshape(t1, size1, csize), reshape(t2, csize, size2)), tuple(rsizes))


def vdot(input, other):
    _check(input, "input")
    _check(other, "other")
    dot(input.detach(), other.detach())  # dot's checks and messages, which vdot shares
    return call(d.VDOT, (input, other), (), input._dtype)


# ---- beta * input + alpha * product ------------------------------------------------------------

def _integral_scalars(dtype, beta, alpha):
    if dtype.category != 2 and (isinstance(alpha, float) or isinstance(beta, float)):
        raise RuntimeError("For integral input tensors, argument alpha must not be a floating "
                           "point number.")


def addmv(input, mat, vec, *, beta=1, alpha=1):
    for name, t in (("input", input), ("mat", mat), ("vec", vec)):
        _check(t, name)
    if mat._data.ndim != 2 or vec._data.ndim != 1 or input._data.ndim > 1:
        raise RuntimeError("vector + matrix @ vector expected, got %d, %d, %d"
                           % (input._data.ndim, mat._data.ndim, vec._data.ndim))
    rows, cols = mat._data.shape
    if cols != vec._data.shape[0] or (input._data.size != rows and input._data.size != 1):
        raise RuntimeError("size mismatch, got input (%d), mat (%dx%d), vec (%d)"
                           % (input._data.shape[0] if input._data.ndim else 1, rows, cols,
                              vec._data.shape[0]))
    if not input._dtype is mat._dtype is vec._dtype:
        raise RuntimeError("addmv input tensors must have the same dtype, but got %s, %s, and %s"
                           % (input._dtype.scalar_name, mat._dtype.scalar_name,
                              vec._dtype.scalar_name))
    return call(d.ADDMV, (input, mat, vec), (beta, alpha), mat._dtype)


def addr(input, vec1, vec2, *, beta=1, alpha=1):
    for name, t in (("input", input), ("vec1", vec1), ("vec2", vec2)):
        _check(t, name)
    for name, t in (("vec1", vec1), ("vec2", vec2)):
        if t._data.ndim != 1:
            raise RuntimeError("addr: Expected 1-D argument %s, but got %d-D"
                               % (name, t._data.ndim))
    dtype = dtypes.result_type(input, vec1, vec2)
    _integral_scalars(dtype, beta, alpha)
    expand(input, vec1._data.shape[0], vec2._data.shape[0])
    return call(d.ADDR, (input, vec1, vec2), (beta, alpha), dtype)


def _check_batches(batch1, batch2):
    for name, t in (("batch1", batch1), ("batch2", batch2)):
        if t._data.ndim != 3:
            raise RuntimeError("%s must be a 3D tensor" % name)


def baddbmm(input, batch1, batch2, *, beta=1, alpha=1):
    for name, t in (("input", input), ("batch1", batch1), ("batch2", batch2)):
        _check(t, name)
    _check_batches(batch1, batch2)
    a, b = batch1._data.shape, batch2._data.shape
    if b[0] != a[0] or b[1] != a[2]:
        raise RuntimeError("Expected size for first two dimensions of batch2 tensor to be: "
                           "[%d, %d] but got: [%d, %d]." % (a[0], a[2], b[0], b[1]))
    expand(input, a[0], a[1], b[2])
    return call(d.BADDBMM, (input, batch1, batch2), (beta, alpha), batch1._dtype)


def addbmm(input, batch1, batch2, *, beta=1, alpha=1):
    for name, t in (("input", input), ("batch1", batch1), ("batch2", batch2)):
        _check(t, name)
    if batch1._data.ndim >= 2 and batch2._data.ndim >= 3:  # ATen sizes the result first
        expand(input, batch1._data.shape[1], batch2._data.shape[2])
    _check_batches(batch1, batch2)
    a, b = batch1._data.shape, batch2._data.shape
    if a[0] != b[0]:
        raise RuntimeError("batch1 and batch2 must have same number of batches, got %d and %d"
                           % (a[0], b[0]))
    if a[2] != b[1]:
        raise RuntimeError("Incompatible matrix sizes for bmm (%dx%d and %dx%d)"
                           % (a[1], a[2], b[1], b[2]))
    expand(input, a[1], b[2])
    return call(d.ADDBMM, (input, batch1, batch2), (beta, alpha), batch1._dtype)
