"""NumPy kernels of torch.linalg: factorizations, solves and their LAPACK-style error reports.

Values come from numpy.linalg (LAPACK, as in PyTorch; torch links MKL, NumPy OpenBLAS, so
float32 results can differ in the last bits, and eigen/singular vectors of matrices larger
than 2x2 may differ in sign); solve and inv of matrices up to 7x7 follow MKL's own order of
operations instead, bit for bit (_small_solve). Singularity and definiteness are found by
our own partial-pivoting LU and Cholesky, which report the first zero pivot / failing minor
as LAPACK's `info` does: that number is in PyTorch's error messages.
"""

import numpy as np


class LinAlgError(RuntimeError):
    """torch.linalg.LinAlgError (torch._C._LinAlgError): a RuntimeError."""


LinAlgError.__module__ = "torch._C"
LinAlgError.__name__ = LinAlgError.__qualname__ = "_LinAlgError"


def _batch_prefix(a, index):
    return "(Batch element %d): " % index if a.ndim > 2 else ""


def _first_failure(a, info):
    """(batch index, info) of the first matrix whose info is nonzero, or None."""
    flat = info.reshape(-1)
    bad = np.flatnonzero(flat)
    if bad.size == 0:
        return None
    return int(bad[0]), int(flat[bad[0]])


def _eliminate(a, rhs=None, swaps=None):
    """getrf without the blocking, on each matrix of `a` (..., n, n) in a's dtype, the same
    row operations applied to `rhs` (..., n, k) if given: (U, rhs, sign of the row
    permutation, info), batch dims flattened. info is the 1-based index of the first exactly
    zero pivot, 0 if none; as LAPACK, the elimination goes on past it."""
    n = a.shape[-1]
    u = a.reshape((-1, n, n)).copy()
    count = u.shape[0]
    if rhs is not None:
        rhs = np.broadcast_to(rhs, a.shape[:-2] + rhs.shape[-2:]).reshape((count, n, -1)).copy()
    rows = np.arange(count)
    info = np.zeros(count, dtype=np.int64)
    sign = np.ones(count, dtype=a.dtype)
    for k in range(n):
        p = np.argmax(np.abs(u[:, k:, k]), axis=1) + k
        if swaps is not None:
            swaps.append(p)
        swap = p != k
        if swap.any():
            for m in (u,) if rhs is None else (u, rhs):
                top = m[rows, k].copy()
                m[rows, k] = m[rows, p]
                m[rows, p] = top
            sign[swap] = -sign[swap]
        pivot = u[:, k, k]
        zero = pivot == 0
        info[(info == 0) & zero] = k + 1
        factors = u[:, k + 1:, k] / np.where(zero, 1, pivot)[:, None]
        factors[zero] = 0
        u[:, k + 1:, k:] -= factors[:, :, None] * u[:, k, None, k:]
        if rhs is not None:
            rhs[:, k + 1:] -= factors[:, :, None] * rhs[:, k, None]
    return u, rhs, sign, info


def lu(a, swaps=None):
    """(diagonal of U, sign of the row permutation, info) per matrix of `a` (..., n, n):
    see _eliminate."""
    u, _, sign, info = _eliminate(a, swaps=swaps)
    diag = np.diagonal(u, axis1=-2, axis2=-1)
    shape = a.shape[:-2]
    return diag.reshape(shape + (a.shape[-1],)), sign.reshape(shape), info.reshape(shape)


def lu_swaps(a):
    """The row swapped with row k at each step k of the LU of one matrix (getrf's ipiv)."""
    swaps = []
    lu(a[None], swaps)
    return [int(p[0]) for p in swaps]


# PyTorch's det and slogdet factor the matrix as LAPACK sees its row-major memory, A^T;
# inv and solve factor A itself. Which one decides what is exactly singular.

def det(a):
    """The product of U's diagonal times the permutation's sign, as PyTorch (det of
    [[1, 2], [2, 4]] is -0.)."""
    if a.shape[-1] == 0:
        return np.ones(a.shape[:-2], dtype=a.dtype)
    diag, sign, _ = lu(np.swapaxes(a, -1, -2))
    return (np.prod(diag, axis=-1) * sign).astype(a.dtype)


def slogdet(a):
    if a.shape[-1] == 0:
        return np.ones(a.shape[:-2], dtype=a.dtype), np.zeros(a.shape[:-2], dtype=a.dtype)
    diag, sign, _ = lu(np.swapaxes(a, -1, -2))
    with np.errstate(divide="ignore"):
        logabs = np.sum(np.log(np.abs(diag)), axis=-1)
    sign = sign * np.prod(np.sign(diag), axis=-1)
    return sign.astype(a.dtype), logabs.astype(a.dtype)


def _check_invertible(a, message):
    if a.size == 0:
        return
    failure = _first_failure(a, lu(a)[2])
    if failure is not None:
        index, info = failure
        raise LinAlgError(message(_batch_prefix(a, index), info))


def inv(a):
    _check_invertible(a, lambda prefix, info: (
        "linalg.inv: %sThe diagonal element %d is zero, the inversion could not be completed "
        "because the input matrix is singular." % (prefix, info)))
    if a.size == 0:
        return a.copy()
    eye = np.broadcast_to(np.eye(a.shape[-1], dtype=a.dtype), a.shape)
    if a.shape[-1] <= _MKL_SMALL_ORDER:  # PyTorch's inv is solve(A, I)
        return _small_solve(a, eye)
    try:
        return np.linalg.inv(a).astype(a.dtype)
    except np.linalg.LinAlgError:
        return _pivoting_solve(a, eye)


def solve(a, b, left):
    """X with AX = B (XA = B when not left); b is already a matrix (..., n, k)."""
    batch = np.broadcast_shapes(b.shape[:-2], a.shape[:-2])
    a = np.broadcast_to(a, batch + a.shape[-2:])
    b = np.broadcast_to(b, batch + b.shape[-2:])
    _check_invertible(a, lambda prefix, info: (
        "torch.linalg.solve: %sThe solver failed because the input matrix is singular."
        % prefix))
    if a.size == 0 or b.size == 0:
        shape = batch + (b.shape[-2:] if left else b.shape[-2:])
        return np.zeros(shape, dtype=a.dtype)
    if left:
        return _solve_left(a, b)
    if a.shape[-1] <= _MKL_SMALL_ORDER_TRANSPOSED:  # XA = B as A^T X^T = B^T, by A's LU
        return np.swapaxes(_small_solve(a, np.swapaxes(b, -1, -2), transposed=True), -1, -2)
    return np.swapaxes(_solve_left(np.swapaxes(a, -1, -2), np.swapaxes(b, -1, -2)), -1, -2)


def _solve_left(a, b):
    if a.shape[-1] <= _MKL_SMALL_ORDER:
        return _small_solve(a, b)
    try:
        return np.linalg.solve(a, b).astype(a.dtype)
    except np.linalg.LinAlgError:
        return _pivoting_solve(a, b)


# Up to these orders MKL's getrf/getrs (PyTorch's solve and inv) run unblocked, in the
# order _small_lu and _small_solve reproduce bit for bit (float32 and float64); larger
# systems go to NumPy's LAPACK.
_MKL_SMALL_ORDER = 7
_MKL_SMALL_ORDER_TRANSPOSED = 4


def _small_lu(a):
    """P A = L U of each matrix of a (count, n, n) as MKL's small getrf: the column below
    each pivot is scaled by the pivot's reciprocal, but divided by it in the last column of
    matrices up to 4x4. (LU with L's unit diagonal implied, the row swapped at each step)."""
    n = a.shape[-1]
    u = a.copy()
    rows = np.arange(u.shape[0])
    swaps = []
    for k in range(n):
        p = np.argmax(np.abs(u[:, k:, k]), axis=1) + k
        swaps.append(p)
        _swap_rows(u, rows, k, p)
        pivot = u[:, k, k, None]
        if k < n - 2 or n >= 5:
            u[:, k + 1:, k] *= np.ones_like(pivot) / pivot
        else:
            u[:, k + 1:, k] /= pivot
        u[:, k + 1:, k + 1:] -= u[:, k + 1:, k, None] * u[:, k, None, k + 1:]
    return u, swaps


def _swap_rows(m, rows, k, p):
    top = m[rows, k].copy()
    m[rows, k] = m[rows, p]
    m[rows, p] = top


def _small_solve(a, b, transposed=False):
    """AX = B (A^T X = B if transposed) as MKL's getrs after _small_lu: each row subtracts
    its dot product with the rows solved (summed from the first, or from the far end of U
    going up) and U's diagonal is applied by its reciprocal. a (..., n, n), b (..., n, k)."""
    n = a.shape[-1]
    x = np.array(b.reshape((-1,) + b.shape[-2:]), dtype=a.dtype)
    rows = np.arange(x.shape[0])
    with np.errstate(all="ignore"):
        lu, swaps = _small_lu(a.reshape((-1, n, n)))
        if not transposed:
            for k, p in enumerate(swaps):
                _swap_rows(x, rows, k, p)
            _substitute_rows(x, lu, range(n), lambda i: range(i), unit=True)
            _substitute_rows(x, lu, range(n - 1, -1, -1), lambda i: range(n - 1, i, -1))
        else:  # U^T and L^T, read from the transpose of lu
            lu_t = np.swapaxes(lu, -1, -2)
            _substitute_rows(x, lu_t, range(n), lambda i: range(i))
            _substitute_rows(x, lu_t, range(n - 1, -1, -1), lambda i: range(n - 1, i, -1),
                             unit=True)
            for k in range(n - 1, -1, -1):
                _swap_rows(x, rows, k, swaps[k])
    return x.reshape(b.shape)


def _substitute_rows(x, t, order, solved, unit=False):
    for i in order:
        total = np.zeros_like(x[:, 0])
        for j in solved(i):
            total += t[:, i, j, None] * x[:, j]
        x[:, i] -= total
        if not unit:
            x[:, i] *= np.ones_like(t[:, i, i, None]) / t[:, i, i, None]


def _pivoting_solve(a, b):
    """AX = B by our LU with partial pivoting, for the matrices whose pivots our LU finds
    nonzero but NumPy's LAPACK rounds to an exact zero ([[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    in float64): PyTorch's MKL solves those too, to huge values."""
    u, x, _, _ = _eliminate(a, b)
    out = _substitute(u, x, upper=True)
    return out.reshape(a.shape[:-2] + out.shape[-2:])


def _substitute(t, b, upper):
    """X with TX = B for triangular T, row by row as LAPACK's trtrs: a zero on the diagonal
    gives inf and nan, not an error."""
    n = t.shape[-1]
    x = np.empty(np.broadcast_shapes(t.shape[:-1], b.shape[:-1]) + b.shape[-1:], dtype=t.dtype)
    order = range(n - 1, -1, -1) if upper else range(n)
    done = []
    with np.errstate(all="ignore"):
        for i in order:
            rest = b[..., i, :]
            if done:
                rest = rest - np.einsum("...j,...jk->...k", t[..., i, done], x[..., done, :])
            x[..., i, :] = rest / t[..., i, i, None]
            done.append(i)
    return x


def solve_triangular(a, b, upper, left, unitriangular):
    """The triangle of A (with a unit diagonal if asked) solved by a general solver: the
    other triangle is ignored, as LAPACK's trtrs does."""
    n = a.shape[-1]
    t = np.triu(a) if upper else np.tril(a)
    if unitriangular:
        t = t - t * np.eye(n, dtype=a.dtype) + np.eye(n, dtype=a.dtype)
    batch = np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    t = np.broadcast_to(t, batch + t.shape[-2:])
    b = np.broadcast_to(b, batch + b.shape[-2:])
    if left:
        return _substitute(t, b, upper)
    return np.swapaxes(_substitute(np.swapaxes(t, -1, -2), np.swapaxes(b, -1, -2), not upper),
                       -1, -2)


def _cholesky_info(a):
    """potrf's info per matrix: the order of the first leading minor that is not positive
    definite (NaN included), 0 if none. Reads the lower triangle."""
    n = a.shape[-1]
    m = a.reshape((-1, n, n)).astype(np.float64)
    info = np.zeros(m.shape[0], dtype=np.int64)
    low = np.zeros_like(m)
    for j in range(n):
        d = m[:, j, j] - np.sum(low[:, j, :j] ** 2, axis=-1)
        bad = ~(d > 0)
        info[(info == 0) & bad] = j + 1
        root = np.sqrt(np.where(bad, 1.0, d))
        low[:, j, j] = root
        done = np.einsum("bik,bk->bi", low[:, j + 1:, :j], low[:, j, :j])
        low[:, j + 1:, j] = (m[:, j + 1:, j] - done) / root[:, None]
    return info.reshape(a.shape[:-2])


def cholesky(a, upper, name="linalg.cholesky"):
    """L (lower) from A's lower triangle, or U = L^H from A's upper triangle."""
    source = np.swapaxes(a, -1, -2) if upper else a
    if a.size == 0:
        return a.copy()
    failure = _first_failure(a, _cholesky_info(source))
    if failure is not None:
        index, info = failure
        raise LinAlgError(
            "%s: %sThe factorization could not be completed because the input is not "
            "positive-definite (the leading minor of order %d is not positive-definite)."
            % (name, _batch_prefix(a, index), info))
    lower = np.tril(source)
    low = np.linalg.cholesky(lower + np.swapaxes(np.tril(source, -1), -1, -2)).astype(a.dtype)
    return np.swapaxes(low, -1, -2).copy() if upper else low


def qr(a, mode):
    if mode == "r":
        r = np.linalg.qr(a, mode="r") if a.size else np.zeros(
            a.shape[:-2] + (min(a.shape[-2:]), a.shape[-1]), a.dtype)
        return np.zeros((0,), dtype=a.dtype), np.asarray(r, dtype=a.dtype)
    q, r = np.linalg.qr(a, mode=mode)
    return q.astype(a.dtype), r.astype(a.dtype)


def eigh(a, uplo, compute_v=True):
    w, v = np.linalg.eigh(a, UPLO=uplo)
    if not compute_v:
        return w.astype(a.dtype), np.zeros((0,), dtype=a.dtype)
    return w.astype(a.dtype), v.astype(a.dtype)


def svd(a, full_matrices, compute_uv=True):
    m, n = a.shape[-2:]
    if not compute_uv:
        s = np.linalg.svd(a, compute_uv=False) if a.size else np.zeros(
            a.shape[:-2] + (min(m, n),), a.dtype)
        empty = np.zeros((0,), dtype=a.dtype)
        return empty, s.astype(a.dtype), empty
    if a.size == 0:
        k = min(m, n)
        u = np.zeros(a.shape[:-2] + (m, m if full_matrices else k), a.dtype)
        vh = np.zeros(a.shape[:-2] + (n if full_matrices else k, n), a.dtype)
        if full_matrices:
            u[...] = np.eye(m, dtype=a.dtype)
            vh[...] = np.eye(n, dtype=a.dtype)
        return u, np.zeros(a.shape[:-2] + (k,), a.dtype), vh
    u, s, vh = np.linalg.svd(a, full_matrices=full_matrices)
    return u.astype(a.dtype), s.astype(a.dtype), vh.astype(a.dtype)


def tolerance(s_max, atol, rtol, eps_rtol):
    """max(atol, rtol * largest singular value), PyTorch's rule for pinv and matrix_rank:
    rtol defaults to eps * max(m, n) when neither tolerance is given, else to 0."""
    if rtol is None:
        rtol = eps_rtol if atol is None or np.all(np.asarray(atol) == 0) else 0.0
    atol = 0.0 if atol is None else atol
    return np.maximum(atol, rtol * s_max)


def pinv(a, atol, rtol, hermitian):
    m, n = a.shape[-2:]
    if a.size == 0:
        return np.zeros(a.shape[:-2] + (n, m), a.dtype)
    eps = np.finfo(a.dtype).eps * max(m, n)
    if hermitian:
        s, u = np.linalg.eigh(a)
        s_max = np.max(np.abs(s), axis=-1, keepdims=True)
        tol = tolerance(s_max, atol, rtol, eps)
        s_inv = np.where(np.abs(s) > tol, 1 / np.where(s == 0, 1, s), 0)
        return ((u * s_inv[..., None, :]) @ np.swapaxes(u, -1, -2)).astype(a.dtype)
    u, s, vh = np.linalg.svd(a, full_matrices=False)
    tol = tolerance(s[..., :1], atol, rtol, eps)
    s_inv = np.where(s > tol, 1 / np.where(s == 0, 1, s), 0)
    return ((np.swapaxes(vh, -1, -2) * s_inv[..., None, :]) @ np.swapaxes(u, -1, -2)).astype(
        a.dtype)


def matrix_rank(a, atol, rtol, hermitian):
    m, n = a.shape[-2:]
    if a.size == 0:
        return np.zeros(a.shape[:-2], np.int64)
    s = np.abs(np.linalg.eigvalsh(a)) if hermitian else np.linalg.svd(a, compute_uv=False)
    s_max = np.max(s, axis=-1, keepdims=True)
    tol = tolerance(s_max, atol, rtol, np.finfo(a.dtype).eps * max(m, n))
    return np.sum(s > tol, axis=-1).astype(np.int64)


def lstsq(a, b):
    """The minimum-norm least-squares solution of each AX = B (b a matrix), and the rank."""
    batch = np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    a = np.broadcast_to(a, batch + a.shape[-2:]).reshape((-1,) + a.shape[-2:])
    b = np.broadcast_to(b, batch + b.shape[-2:]).reshape((-1,) + b.shape[-2:])
    n, k = a.shape[-1], b.shape[-1]
    xs, ranks = [], []
    for ai, bi in zip(a, b):
        x, _, rank, _ = np.linalg.lstsq(ai, bi, rcond=None)
        xs.append(x)
        ranks.append(rank)
    x = np.array(xs, dtype=a.dtype).reshape(batch + (n, k))
    return x, np.array(ranks, dtype=np.int64).reshape(batch)


def cross(a, b, dim):
    shape = np.broadcast_shapes(a.shape, b.shape)
    return np.cross(np.broadcast_to(a, shape), np.broadcast_to(b, shape), axis=dim)


def cdist(x1, x2, p):
    diff = np.abs(x1[..., :, None, :] - x2[..., None, :, :])
    if p == 0:
        return np.sum(diff != 0, axis=-1).astype(x1.dtype)
    if p == float("inf"):
        return np.max(diff, axis=-1, initial=0).astype(x1.dtype)
    if p == 2:
        return np.sqrt(np.sum(diff * diff, axis=-1)).astype(x1.dtype)
    if p == 1:
        return np.sum(diff, axis=-1).astype(x1.dtype)
    return (np.sum(diff ** p, axis=-1) ** (1.0 / p)).astype(x1.dtype)


def _is_vector_rhs(a, b):
    return b.ndim == 1 or (a.ndim - 1 == b.ndim and b.shape == a.shape[:-1])


def solve_rhs(a, b, left):
    """linalg.solve's forward: a vector right side (see _is_vector_rhs) solved as a column."""
    if _is_vector_rhs(a, b):
        return solve(a, b[..., None], left)[..., 0]
    return solve(a, b, left)


def lstsq_outputs(a, b):
    """(solution, residuals) of linalg.lstsq's default CPU driver, gelsy, which leaves the
    residuals empty."""
    vector = _is_vector_rhs(a, b)
    x, _ = lstsq(a, b[..., None] if vector else b)
    return (x[..., 0] if vector else x), np.zeros((0,), dtype=a.dtype)


def cholesky_legacy(a, upper):
    return cholesky(a, upper, "cholesky")
