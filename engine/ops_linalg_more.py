"""The torch.* linear algebra functions: inverse, det, logdet, the old cholesky/qr/svd, cross,
pinverse, kron, trapezoid, cdist. Most are torch.linalg's under another name."""

import math

import numpy as np

from . import derivatives as d
from . import linalg
from .dispatch import call
from .ops_pointwise import div_scalar, mul_scalar
from .ops_select import where
from .return_types import return_type
from .shape_util import broadcast_shapes, wrap_dim
from .tensor_queries import tensor_argument
from .size_args import number_arg
from .tensor import Tensor, wrap
from . import cpp_warnings

slogdet_result = return_type("slogdet", ("sign", "logabsdet"))
qr_result = return_type("qr", ("Q", "R"))
svd_result = return_type("svd", ("U", "S", "V"))


inverse = linalg.inv
det = linalg.det
matrix_power = linalg.matrix_power


def slogdet(input):
    return linalg.slogdet(input, _result=slogdet_result, _name="linalg.slogdet")


def logdet(input):
    """ATen: where(sign == -1, nan, logabsdet) from slogdet (WhereBackward0)."""
    linalg._tensor(input, "logdet", "input")
    linalg.check_square(input, "logdet")
    linalg.check_float(input, "logdet", low_precision=False)
    sign, logabsdet = linalg.slogdet(input)
    return where(sign == -1.0, math.nan, logabsdet)


def cholesky(input, upper=False):
    cpp_warnings.warn((
        "torch.cholesky is deprecated in favor of torch.linalg.cholesky and will be removed in "
        "a future PyTorch release.\nL = torch.cholesky(A)\nshould be replaced with\n"
        "L = torch.linalg.cholesky(A)\nand\nU = torch.cholesky(A, upper=True)\nshould be "
        "replaced with\nU = torch.linalg.cholesky(A).mH\nThis transform will produce "
        "equivalent results for all valid (symmetric positive definite) inputs."),
        cpp_warnings.DEPRECATED_CHOLESKY, once=True)
    linalg._square_float(input, "cholesky", "cholesky_cpu")
    return call(d.CHOLESKY, (input,), (bool(upper),), input._dtype)


def qr(input, some=True):
    cpp_warnings.warn((
        "torch.qr is deprecated in favor of torch.linalg.qr and will be removed in a future "
        "PyTorch release.\nThe boolean parameter 'some' has been replaced with a string "
        "parameter 'mode'.\nQ, R = torch.qr(A, some)\nshould be replaced with\nQ, R = "
        "torch.linalg.qr(A, 'reduced' if some else 'complete')"),
        cpp_warnings.DEPRECATED_QR, once=True)
    return linalg.qr(input, "reduced" if some else "complete", _result=qr_result)


def svd(input, some=True, compute_uv=True):
    """The old torch.svd: V instead of Vh (its transpose, a TransposeBackward0 view);
    compute_uv=False gives zero-filled full-size U and V."""
    if not compute_uv:
        S = linalg.svdvals(input)
        m, n = input._data.shape[-2:]
        batch = input._data.shape[:-2]
        zeros = [wrap(np.zeros(batch + (k, k), dtype=input._dtype.np_dtype), input._dtype)
                 for k in (m, n)]
        return svd_result(zeros[0], S, zeros[1])
    U, S, Vh = linalg.svd(input, full_matrices=not some)
    return svd_result(U, S, Vh.mH)


def pinverse(input, rcond=1e-15):
    number_arg("pinverse", "rcond", 1, rcond)
    return linalg.pinv(input, rtol=rcond, atol=0.0)


def cross(input, other, dim=None):
    tensor_argument(other, "cross", "other", 2)
    if dim is None:
        cpp_warnings.warn((
            "Using torch.cross without specifying the dim arg is deprecated.\nPlease either "
            "pass the dim explicitly or simply use torch.linalg.cross.\nThe default value of "
            "dim will change to agree with that of linalg.cross in a future release."),
        cpp_warnings.DEPRECATED_CROSS, once=True)
        shape = broadcast_shapes(input._data.shape, other._data.shape)
        dim = next((i for i, s in enumerate(shape) if s == 3), None)
        if dim is None:
            raise RuntimeError("no dimension of size 3 in input")
    return linalg.cross(input, other, dim=dim)


def kron(input, other):
    """ATen's kron: both viewed with interleaved unit dims, multiplied, viewed back."""
    tensor_argument(other, "kron", "other", 2)
    n = max(input._data.ndim, other._data.ndim)
    pad_a, pad_b = n - input._data.ndim, n - other._data.ndim
    a_shape, b_shape, out_shape = [], [], []
    for i in range(n):
        a = input._data.shape[i - pad_a] if i >= pad_a else 1
        b = other._data.shape[i - pad_b] if i >= pad_b else 1
        a_shape += [a, 1]
        b_shape += [1, b]
        out_shape.append(a * b)
    product = _unsafe_view(input, a_shape) * _unsafe_view(other, b_shape)
    return _unsafe_view(product, out_shape)


def _unsafe_view(t, shape):
    return call(d.RESHAPE_COPY, (t,), (tuple(shape),), t._dtype)


def trapezoid(y, x=None, *, dx=None, dim=-1):
    dim = wrap_dim(dim, y._data.ndim)
    if y._data.shape[dim] == 0:
        shape = y._data.shape[:dim] + y._data.shape[dim + 1:]
        return wrap(np.zeros(shape, dtype=y._dtype.np_dtype), y._dtype)
    if y._dtype.name == "bool" or (isinstance(x, Tensor) and x._dtype.name == "bool"):
        raise RuntimeError("trapezoid: received a bool input for `x` or `y`, but bool is not "
                           "supported")
    n = y._data.shape[dim]
    if isinstance(x, Tensor):
        if x._data.ndim == 1:
            if x._data.shape[0] != n:
                raise RuntimeError("trapezoid: There must be one `x` value for each sample point")
            sizes = [1] * y._data.ndim
            sizes[dim] = n
            x = x.view(sizes)
        elif x._data.ndim < y._data.ndim:
            x = x.view((1,) * (y._data.ndim - x._data.ndim) + x._data.shape)
        step = x.narrow(dim, 1, x._data.shape[dim] - 1) - x.narrow(dim, 0, x._data.shape[dim] - 1)
        return div_scalar(((y.narrow(dim, 0, n - 1) + y.narrow(dim, 1, n - 1)) * step).sum(dim),
                          2.0)
    spacing = 1 if x is None and dx is None else (dx if dx is not None else x)
    ends = mul_scalar(y.select(dim, 0) + y.select(dim, -1), 0.5)
    return mul_scalar(y.sum(dim) - ends, spacing)


trapz = trapezoid
