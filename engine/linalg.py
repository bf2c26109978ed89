"""torch.linalg: its functions, argument checks and PyTorch's composite definitions.

The differentiable decompositions and solves are ops of the derivative table (one node
each, as LinalgSvdBackward0 ...); the norms, matrix_power and multi_dot are composed of
other ops exactly as ATen composes them, so that their graphs are PyTorch's.
"""

import math

import numpy as np

from . import derivatives as d
from . import dtypes
from . import kernels_linalg as kla
from .dispatch import call
from .ops_linalg import matmul, mm
from .ops_reduce import norm as _norm_op
from .return_types import return_type
from .shape_util import broadcast_shapes, wrap_dim
from .tensor import Tensor, wrap

LinAlgError = kla.LinAlgError

__all__ = ["LinAlgError", "norm", "vector_norm", "matrix_norm", "solve", "solve_triangular",
           "inv", "det", "slogdet", "cholesky", "qr", "eigh", "eigvalsh", "svd", "svdvals",
           "pinv", "lstsq", "matrix_power", "matrix_rank", "cross", "multi_dot", "diagonal",
           "matmul", "inv_ex", "cholesky_ex"]

slogdet_result = return_type("linalg_slogdet", ("sign", "logabsdet"))
qr_result = return_type("linalg_qr", ("Q", "R"))
eigh_result = return_type("linalg_eigh", ("eigenvalues", "eigenvectors"))
svd_result = return_type("linalg_svd", ("U", "S", "Vh"))
lstsq_result = return_type("linalg_lstsq", ("solution", "residuals", "rank", "singular_values"))
inv_ex_result = return_type("linalg_inv_ex", ("inverse", "info"))
cholesky_ex_result = return_type("linalg_cholesky_ex", ("L", "info"))


# ---- checks (ATen's LinearAlgebraUtils.h) ----------------------------------------------------

def _tensor(x, name, arg="A"):
    if not isinstance(x, Tensor):
        raise TypeError("%s(): argument '%s' (position 1) must be Tensor, not %s"
                        % (name, arg, type(x).__name__))


def check_matrix(A, name, arg="A"):
    if A._data.ndim < 2:
        raise RuntimeError("%s: The input tensor %s must have at least 2 dimensions."
                           % (name, arg))


def check_square(A, name, arg="A"):
    check_matrix(A, name, arg)
    m, n = A._data.shape[-2:]
    if m != n:
        raise RuntimeError("%s: %s must be batches of square matrices, but they are %d by %d "
                           "matrices" % (name, arg, m, n))


def check_float(A, name, low_precision=True):
    if A._dtype.category != 2:
        raise RuntimeError("%s: Expected a floating point or complex tensor as input. Got %s"
                           % (name, A._dtype.scalar_name))
    if not low_precision and A._dtype.itemsize < 4:
        raise RuntimeError("%s: Low precision dtypes not supported. Got %s"
                           % (name, A._dtype.scalar_name))


def check_lapack_dtype(A, kernel):
    """The float16/bfloat16 inputs LAPACK has no kernel for."""
    if A._dtype.itemsize < 4:
        raise NotImplementedError('"%s" not implemented for \'%s\''
                                  % (kernel, A._dtype.scalar_name))


def _square_float(A, name, kernel=None, low_precision=True):
    _tensor(A, name.replace("linalg.", "linalg_"))
    check_square(A, name)
    check_float(A, name, low_precision)
    if kernel is not None:
        check_lapack_dtype(A, kernel)


# ---- solves and inverses ---------------------------------------------------------------------

def solve(A, B, *, left=True, out=None):
    _tensor(A, "linalg_solve")
    check_float(A, "linalg.solve")
    if A._dtype is not B._dtype:
        raise RuntimeError("linalg.solve: Expected A and B to have the same dtype, but found A "
                           "of type %s and B of type %s instead"
                           % (A._dtype.scalar_name, B._dtype.scalar_name))
    check_float(A, "linalg.solve", low_precision=False)
    vector = B._data.ndim == 1 or (A._data.ndim - 1 == B._data.ndim
                                   and B._data.shape == A._data.shape[:-1])
    b_shape = B._data.shape + (1,) if vector else B._data.shape
    check_square(A, "linalg.solve")
    if len(b_shape) < 2:
        raise RuntimeError("linalg.solve: The input tensor B must have at least 2 dimensions.")
    n = A._data.shape[-1]
    if (b_shape[-2] if left else b_shape[-1]) != n:
        raise RuntimeError("linalg.solve: Incompatible shapes of A and B for the equation %s "
                           "(%dx%d and %dx%d)" % ("AX = B" if left else "XA = B", n, n,
                                                  b_shape[-2], b_shape[-1]))
    broadcast_shapes(b_shape[:-2], A._data.shape[:-2])
    return call(d.LINALG_SOLVE, (A, B), (left,), A._dtype)


def solve_triangular(A, B, *, upper, left=True, unitriangular=False, out=None):
    name = "linalg.solve_triangular"
    check_float(A, name)
    if A._dtype is not B._dtype:
        raise RuntimeError("%s: Expected A and B to have the same dtype, but found A of type %s "
                           "and B of type %s instead" % (name, A._dtype.scalar_name,
                                                         B._dtype.scalar_name))
    check_square(A, name)
    check_matrix(B, name, "B")
    n = A._data.shape[-1]
    if (B._data.shape[-2] if left else B._data.shape[-1]) != n:
        raise RuntimeError("%s: Incompatible shapes of A and B for the equation %s (%dx%d and "
                           "%dx%d)" % (name, "AX = B" if left else "XA = B", n, n,
                                       B._data.shape[-2], B._data.shape[-1]))
    broadcast_shapes(B._data.shape[:-2], A._data.shape[:-2])
    return call(d.LINALG_SOLVE_TRIANGULAR, (A, B), (bool(upper), bool(left), bool(unitriangular)),
                A._dtype)


def inv(A, *, out=None):
    _square_float(A, "linalg.inv", low_precision=False)
    return call(d.LINALG_INV, (A,), (), A._dtype)


def inv_ex(A, *, check_errors=False, out=None):
    inverse = inv(A)
    return inv_ex_result(inverse, _info(A))


def _info(A):
    from . import dtypes
    return wrap(np.zeros(A._data.shape[:-2], dtype=np.int32), dtypes.int32)


def det(A, *, out=None):
    _square_float(A, "linalg.det", "lu_cpu")
    return call(d.LINALG_DET, (A,), (), A._dtype)


def slogdet(A, *, out=None, _result=slogdet_result, _name="linalg.slogdet"):
    _square_float(A, _name, "lu_cpu")
    return _result(*call(d.LINALG_SLOGDET, (A,), (), A._dtype))


def cholesky(A, *, upper=False, out=None):
    _square_float(A, "linalg.cholesky", "cholesky_cpu")
    return call(d.LINALG_CHOLESKY, (A,), (bool(upper),), A._dtype)


def cholesky_ex(A, *, upper=False, check_errors=False, out=None):
    return cholesky_ex_result(cholesky(A, upper=upper), _info(A))


# ---- decompositions ---------------------------------------------------------------------------

def qr(A, mode="reduced", *, out=None, _result=qr_result):
    _tensor(A, "linalg_qr")
    check_matrix(A, "linalg.qr")
    check_float(A, "linalg.qr")
    if mode not in ("reduced", "r", "complete"):
        raise RuntimeError("qr received unrecognized mode '%s' but expected one of 'reduced' "
                           "(default), 'r', or 'complete'" % mode)
    check_lapack_dtype(A, "linalg_qr_cpu")
    return _result(*call(d.LINALG_QR, (A,), (mode,), A._dtype))


def _eigh(A, UPLO, name):
    _tensor(A, name.replace(".", "_"))
    check_square(A, "linalg.eigh")
    if A._dtype.category != 2 or A._dtype.itemsize < 4:
        raise NotImplementedError('"linalg_eigh_cpu" not implemented for \'%s\''
                                  % A._dtype.scalar_name)
    if UPLO not in ("L", "U"):
        raise RuntimeError("Expected UPLO argument to be 'L' or 'U', but got %s" % UPLO)
    return call(d.LINALG_EIGH, (A,), (UPLO,), A._dtype)


def eigh(A, UPLO="L", *, out=None):
    return eigh_result(*_eigh(A, UPLO, "linalg.eigh"))


def eigvalsh(A, UPLO="L", *, out=None):
    return _eigh(A, UPLO, "linalg.eigvalsh")[0]


def _svd(A, full_matrices):
    _tensor(A, "linalg_svd")
    check_matrix(A, "linalg.svd")
    check_float(A, "linalg.svd")
    check_lapack_dtype(A, "linalg_svd_cpu")
    return call(d.LINALG_SVD, (A,), (bool(full_matrices),), A._dtype)


def svd(A, full_matrices=True, *, driver=None, out=None):
    return svd_result(*_svd(A, full_matrices))


def svdvals(A, *, driver=None, out=None):
    return _svd(A, False)[1]


# ---- pseudo-inverse, rank, least squares -------------------------------------------------------

def _tolerance(value):
    return value._data if isinstance(value, Tensor) else value


def pinv(A, rcond=None, hermitian=False, *, atol=None, rtol=None, out=None):
    if A._data.ndim < 2 or A._dtype.category != 2 or A._dtype.itemsize < 4:
        raise RuntimeError("linalg.pinv(%s{[%s]}): expected a tensor with 2 or more dimensions "
                           "of float, double, cfloat or cdouble types"
                           % (A._dtype.scalar_name, ", ".join(map(str, A._data.shape))))
    if rcond is not None:
        atol, rtol = 0.0, rcond
    return call(d.LINALG_PINV, (A,), (_tolerance(atol), _tolerance(rtol), bool(hermitian)),
                A._dtype)


def matrix_rank(A, tol=None, hermitian=False, *, atol=None, rtol=None, out=None):
    from . import dtypes
    check_matrix(A, "torch.linalg.matrix_rank", "input")
    if A._dtype not in (dtypes.float32, dtypes.float64):
        raise RuntimeError("This function doesn't handle types other than float and double")
    if tol is not None:
        atol, rtol = tol, 0.0
    rank = kla.matrix_rank(A._data, _tolerance(atol), _tolerance(rtol), bool(hermitian))
    return wrap(np.asarray(rank), dtypes.int64)


def lstsq(A, B, rcond=None, *, driver=None):
    from . import dtypes
    check_float(A, "torch.linalg.lstsq")
    if A._dtype is not B._dtype:
        raise RuntimeError("torch.linalg.lstsq: Expected input and other to have the same "
                           "dtype, but got input's dtype %s and other's dtype %s"
                           % (A._dtype.scalar_name, B._dtype.scalar_name))
    check_matrix(A, "torch.linalg.lstsq", "input")
    vector = kla._is_vector_rhs(A._data, B._data)
    b = B._data[..., None] if vector else B._data
    if b.shape[-2] != A._data.shape[-2]:
        raise RuntimeError("torch.linalg.lstsq: input.size(-2) should match other.size(-2)")
    solution, residuals = call(d.LINALG_LSTSQ, (A, B), (), A._dtype)
    rank = kla.lstsq(A._data, b)[1]
    empty = wrap(np.zeros((0,), dtype=A._dtype.np_dtype), A._dtype)
    return lstsq_result(solution, residuals, wrap(rank, dtypes.int64), empty)


# ---- composites -------------------------------------------------------------------------------

def matrix_power(A, n, *, out=None):
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError("linalg_matrix_power(): argument 'n' (position 2) must be int, not %s"
                        % type(n).__name__)
    check_square(A, "linalg.matrix_power")
    if n == 0:
        from .creation import eye
        return A.clone().copy_(eye(A._data.shape[-1], dtype=A._dtype).expand_as(A))
    if n == 1:
        return A.clone()
    if n < 0:
        A, n = inv(A), -n
    if n == 1:
        return A
    if n == 2:
        return matmul(A, A)
    if n == 3:
        return matmul(matmul(A, A), A)
    z = result = None
    while n > 0:
        bit, n = n % 2, n // 2
        z = A if z is None else matmul(z, z)
        if bit:
            result = z if result is None else matmul(result, z)
    return result


def cross(input, other, *, dim=-1, out=None):
    if input._data.ndim != other._data.ndim:
        raise RuntimeError("linalg.cross: inputs must have the same number of dimensions.")
    given, dim = dim, wrap_dim(dim, input._data.ndim, wrap_scalar=False)
    a, b = input._data.shape[dim], other._data.shape[dim]
    if a != 3 or b != 3:
        raise RuntimeError("linalg.cross: inputs dimension %d must have length 3. Got %d and %d"
                           % (given, a, b))
    if input._dtype is not other._dtype:
        raise RuntimeError("expected scalar type %s but found %s"
                           % (input._dtype.scalar_name, other._dtype.scalar_name))
    broadcast_shapes(input._data.shape, other._data.shape)
    if input._dtype.name == "bool":
        raise NotImplementedError("\"cross\" not implemented for 'Bool'")
    return call(d.LINALG_CROSS, (input, other), (dim,), input._dtype)


def multi_dot(tensors, *, out=None):
    n = len(tensors)
    if n < 2:
        raise RuntimeError("multi_dot(): expected at least 2 tensors but got %d" % n)
    first, last = tensors[0], tensors[-1]
    if first._data.ndim not in (1, 2):
        raise RuntimeError("multi_dot(): the first tensor must be 1D or 2D but got %dD"
                           % first._data.ndim)
    if last._data.ndim not in (1, 2):
        raise RuntimeError("multi_dot(): the last tensor must be 1D or 2D but got %dD"
                           % last._data.ndim)
    for i in range(1, n - 1):
        if tensors[i]._data.ndim != 2:
            raise RuntimeError("multi_dot(): tensor %d must be 2D but got %dD"
                               % (i, tensors[i]._data.ndim))
    for i in range(1, n):
        if tensors[i]._dtype is not first._dtype:
            raise RuntimeError("multi_dot(): all tensors must have be the same dtype but tensor "
                               "0 is %s and tensor %d %s" % (first._dtype.c_name, i,
                                                             tensors[i]._dtype.c_name))
    out_shape = []
    mats = list(tensors)
    if first._data.ndim == 1:
        mats[0] = first.unsqueeze(0)
    else:
        out_shape.append(first._data.shape[0])
    if last._data.ndim == 1:
        mats[-1] = last.unsqueeze(-1)
    else:
        out_shape.append(last._data.shape[1])
    for i in range(n - 1):
        if mats[i]._data.shape[1] != mats[i + 1]._data.shape[0]:
            raise RuntimeError("multi_dot(): tensors %d and %d with shapes [%s] and [%s] cannot "
                               "be multiplied" % (i, i + 1, _shape(tensors[i]),
                                                  _shape(tensors[i + 1])))
    if n == 2:
        result = mm(mats[0], mats[1])
    elif n == 3:
        a, b = mats[0]._data.shape
        c, e = mats[2]._data.shape
        if (a * c) * (b + e) > (b * e) * (a + c):
            result = mm(mats[0], mm(mats[1], mats[2]))
        else:
            result = mm(mm(mats[0], mats[1]), mats[2])
    else:
        result = _chain(mats, _chain_order(mats), 0, n - 1)
    return result.view(tuple(out_shape))


def _shape(t):
    return ", ".join(map(str, t._data.shape))


def _chain_order(mats):
    """ATen's matrix_chain_order: the split of each sub-chain with the fewest products."""
    n = len(mats)
    p = [mats[0]._data.shape[0]] + [m._data.shape[1] for m in mats]
    cost = [[0] * n for _ in range(n)]
    split = [[0] * n for _ in range(n)]
    for length in range(1, n):
        for i in range(n - length):
            j = i + length
            cost[i][j] = math.inf
            for k in range(i, j):
                q = cost[i][k] + cost[k + 1][j] + p[i] * p[k + 1] * p[j + 1]
                if q < cost[i][j]:
                    cost[i][j], split[i][j] = q, k
    return split


def _chain(mats, split, i, j):
    if i == j:
        return mats[i]
    k = split[i][j]
    return mm(_chain(mats, split, i, k), _chain(mats, split, k + 1, j))


def diagonal(A, *, offset=0, dim1=-2, dim2=-1):
    return A.diagonal(offset, dim1, dim2)


# ---- norms ------------------------------------------------------------------------------------

def vector_norm(x, *args, **kwargs):
    if args and isinstance(args[0], str):
        raise TypeError("linalg_vector_norm(): argument 'ord' (position 2) must be Number, "
                        "not str")
    return _vector_norm(x, *args, **kwargs)


def _vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None, out=None):
    if isinstance(ord, str):
        raise TypeError("linalg_vector_norm(): argument 'ord' must be Number, not str")
    if dtype is not None:
        x = as_vector_norm_dtype(x, dtype)
    return _norm_op(x, ord, dim, keepdim)


def as_vector_norm_dtype(x, dtype):
    """x in the dtype= of a vector norm: a floating input, a floating dtype it widens to."""
    check_float(x, "linalg.vector_norm")
    if dtype.category != 2:
        raise RuntimeError("linalg.vector_norm: dtype should be floating point or complex, but "
                           "got %s" % dtype.scalar_name)
    if dtypes.promote_types(x._dtype, dtype) is not dtype:
        raise RuntimeError("linalg.vector_norm: the dtype of the input (%s) should be "
                           "convertible without narrowing to the specified dtype (%s)"
                           % (x._dtype.scalar_name, dtype.scalar_name))
    return x.to(dtype)


def _backshift(dim0, dim1, ndim):
    return [i for i in range(ndim) if i not in (dim0, dim1)] + [dim0, dim1]


def _matrix_dims(A, dim, low_precision):
    check_matrix(A, "linalg.matrix_norm")
    check_float(A, "linalg.matrix_norm", low_precision)
    dim = list(dim) if isinstance(dim, (tuple, list)) else [dim]
    if len(dim) != 2:
        raise RuntimeError("linalg.matrix_norm: dim must be a 2-tuple. Got %s"
                           % " ".join(map(str, dim)))
    dim = [wrap_dim(x, A._data.ndim) for x in dim]
    if dim[0] == dim[1]:
        raise RuntimeError("linalg.matrix_norm: dims must be different. Got (%d, %d)" % tuple(dim))
    return dim


def _svdvals_moved(A, dim, dtype):
    A = A.to(dtype) if dtype is not None else A
    perm = _backshift(dim[0], dim[1], A._data.ndim)
    return svdvals(A.permute(perm)), perm


def _unshift(result, perm, keepdim):
    if not keepdim:
        return result
    reverse = [perm.index(i) for i in range(len(perm))]
    return result.unsqueeze(-1).permute(reverse)


def matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=False, *, dtype=None, out=None):
    if isinstance(ord, str):
        if ord not in ("fro", "nuc"):
            raise RuntimeError("linalg.matrix_norm: Order %s not supported." % ord)
        dim = _matrix_dims(A, dim, ord != "nuc")
        if ord == "fro":
            return vector_norm(A, 2, tuple(dim), keepdim, dtype=dtype)
        s, perm = _svdvals_moved(A, dim, dtype)
        return _unshift(s.sum(-1, keepdim), perm, keepdim)
    abs_ord = abs(ord)
    if abs_ord not in (1, 2, math.inf):
        raise RuntimeError("linalg.matrix_norm: Order %s not supported." % _number(ord))
    dim = _matrix_dims(A, dim, abs_ord != 2)

    def max_min(t, d):
        return t.amax(d, keepdim) if ord > 0 else t.amin(d, keepdim)

    if abs_ord == 2:
        s, perm = _svdvals_moved(A, dim, dtype)
        return _unshift(max_min(s, -1), perm, keepdim)
    if abs_ord == math.inf:
        dim = [dim[1], dim[0]]
    if not keepdim and dim[0] < dim[1]:
        dim[1] -= 1
    return max_min(vector_norm(A, 1, (dim[0],), keepdim, dtype=dtype), dim[1])


def _number(ord):
    return repr(ord) if isinstance(ord, float) and not ord.is_integer() else "%d" % ord \
        if not isinstance(ord, float) or math.isfinite(ord) else repr(ord)


def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None, out=None):
    if isinstance(dim, int):
        dim = (dim,)
    if dim is not None:
        if len(dim) not in (1, 2):
            raise RuntimeError("linalg.norm: If dim is specified, it %s be of length 1 or 2. "
                               "Got [%s]" % ("mut" if isinstance(ord, str) else "must",
                                             ", ".join(map(str, dim))))
    elif ord is not None and A._data.ndim not in (1, 2):
        raise RuntimeError("linalg.norm: If dim is not specified but ord is, the input must be "
                           "1D or 2D. Got %dD." % A._data.ndim)
    if isinstance(ord, str):
        return matrix_norm(A, ord, dim if dim is not None else (0, 1), keepdim, dtype=dtype)
    if ord is not None and ((dim is not None and len(dim) == 2)
                            or (dim is None and A._data.ndim == 2)):
        return matrix_norm(A, ord, dim if dim is not None else (0, 1), keepdim, dtype=dtype)
    return vector_norm(A, 2 if ord is None else ord, dim, keepdim, dtype=dtype)
