"""Gradient formulas of torch.linalg, after PyTorch's FunctionsManual.cpp, in engine ops.

Written with engine operations (matmul, linalg.solve, solve_triangular ...), so that a
backward run with create_graph=True records them and differentiates again. Where PyTorch
takes a cheaper path when no further gradient is recorded (LU solves with the forward's
factorization, a nudged LU for singular determinants), so do we: the values agree.
Real dtypes only: the complex branches of PyTorch's formulas are left out.
"""

import numpy as np

from . import kernels_linalg as kla
from .grad_mode import GRAD
from .tensor import wrap


def _la():
    from . import linalg
    return linalg


def is_vector_rhs(a_shape, b_shape):
    """linalg_solve_is_vector_rhs: B is a vector when 1-D or A's shape without the last dim."""
    return len(b_shape) == 1 or (len(a_shape) - 1 == len(b_shape)
                                 and tuple(b_shape) == tuple(a_shape[:-1]))


def _eye(n, like):
    return wrap(np.eye(n, dtype=like._dtype.np_dtype), like._dtype)


def _diag_embed(v):
    return v.unsqueeze(-1) * _eye(v.shape[-1], v)


# ---- solve / inverse ---------------------------------------------------------------------

def _solve_grad_b(grad, A, left):
    """gB = A^{-H} gX (as a matrix)."""
    if GRAD.enabled:
        return _la().solve(A.mH, grad, left=left)
    return wrap(kla.solve(np.swapaxes(A._data, -1, -2), grad._data, left), grad._dtype)


def linalg_solve_backward_B(grad, A, B, left):
    vector = is_vector_rhs(A.shape, B.shape)
    gB = _solve_grad_b(grad.unsqueeze(-1) if vector else grad, A, left)
    return gB.squeeze(-1) if vector else gB


def linalg_solve_backward_A(grad, result, A, B, left):
    vector = is_vector_rhs(A.shape, B.shape)
    gB = _solve_grad_b(grad.unsqueeze(-1) if vector else grad, A, left)
    X = result.unsqueeze(-1) if vector else result
    return -gB.matmul(X.mH) if left else -X.mH.matmul(gB)


def solve_triangular_backward_A(grad, A, X, upper, left, unitriangular):
    gB = _la().solve_triangular(A.mH, grad, upper=not upper, left=left,
                                unitriangular=unitriangular)
    gA = -gB.matmul(X.mH) if left else -X.mH.matmul(gB)
    return gA.triu(int(unitriangular)) if upper else gA.tril(-int(unitriangular))


def solve_triangular_backward_B(grad, A, upper, left, unitriangular):
    return _la().solve_triangular(A.mH, grad, upper=not upper, left=left,
                                  unitriangular=unitriangular)


# ---- determinants ------------------------------------------------------------------------

def prod_safe_zeros_backward(grad, inp, dim):
    """The gradient of prod over `dim` that needs no division (zeros allowed)."""
    from .ops_join import cat
    if inp.numel() == 0:
        return grad.expand_as(inp)
    n = inp.shape[dim]
    ones_shape = list(inp.shape)
    ones_shape[dim] = 1
    ones = wrap(np.ones(ones_shape, dtype=inp._dtype.np_dtype), inp._dtype)
    normal = cat([ones, inp.narrow(dim, 0, n - 1)], dim).cumprod(dim)
    reverse = cat([ones, inp.narrow(dim, 1, n - 1).flip(dim)], dim).cumprod(dim).flip(dim)
    return grad * (normal * reverse)


def _det_backward_no_graph(grad, det, A):
    """PyTorch's lu_solve of A^T X = det * grad * I with zero pivots nudged to eps: where
    det is exactly 0 the right side is zero and LAPACK's substitutions leave it as it is,
    permuted by the LU's row swaps (signed zeros included)."""
    a = np.swapaxes(A._data, -1, -2)
    n = a.shape[-1]
    d = np.zeros(a.shape, dtype=a.dtype)
    d[..., np.arange(n), np.arange(n)] = (grad._data * det._data)[..., None]
    out = np.empty_like(d)
    flat_a, flat_d, flat_out = a.reshape(-1, n, n), d.reshape(-1, n, n), out.reshape(-1, n, n)
    dets = det._data.reshape(-1)
    for i in range(flat_a.shape[0]):
        if dets[i] == 0:
            rows = flat_d[i].copy()
            for k, p in enumerate(kla.lu_swaps(flat_a[i])):
                rows[[k, p]] = rows[[p, k]]
            flat_out[i] = rows
        else:
            flat_out[i] = np.linalg.solve(flat_a[i], flat_d[i])
    return wrap(out, grad._dtype)


def linalg_det_backward(grad, det, A):
    if A.numel() == 0:
        return None
    if not GRAD.enabled:
        return _det_backward_no_graph(grad, det, A)
    la = _la()
    d = _diag_embed((grad * det).unsqueeze(-1).expand(A.shape[:-1]))

    def singular(A, grad):
        U, S, Vh = la.svd(A)
        alpha = (la.det(U) * la.det(Vh)) * grad
        D = prod_safe_zeros_backward(alpha.unsqueeze(-1), S, S.dim() - 1)
        return (U * D.unsqueeze(-2)).matmul(Vh)

    eps = float(np.finfo(A._dtype.np_dtype).eps)
    mask = det.abs() < 100 * eps
    if A.dim() == 2 or bool(mask.all()) or not bool(mask.any()):
        if bool(mask.all()):
            return singular(A, grad)
        return la.solve(A.mH, d)
    from .creation import zeros_like
    out = zeros_like(A)
    out[mask] = singular(A[mask], grad[mask])
    keep = mask.logical_not()
    out[keep] = la.solve(A[keep].mH, d[keep])
    return out


def slogdet_backward(grads, A):
    g = grads[1]
    if g is None:
        return None
    d = _diag_embed(g.unsqueeze(-1).expand(A.shape[:-1]))
    if GRAD.enabled:
        return _la().solve(A.mH, d)
    with np.errstate(all="ignore"):
        return wrap(np.linalg.solve(np.swapaxes(A._data, -1, -2), d._data), d._dtype)


# ---- factorizations ------------------------------------------------------------------------

def cholesky_backward(gL, upper, L):
    la = _la()
    L_ = L.mH if upper else L
    gL_ = gL.mH if upper else gL
    gA = L_.mH.matmul(gL_).tril()
    gA = 0.5 * (gA + gA.tril(-1).mH)
    gA = la.solve_triangular(L_.mH, gA, upper=True, left=True)
    return la.solve_triangular(L_, gA, upper=False, left=False)


def linalg_qr_backward(grads, results, mode):
    gQ, gR = grads
    Q, R = results
    if mode == "r":
        raise RuntimeError(
            "The derivative of linalg.qr depends on Q, which is not computed when mode='r'. "
            "Please use linalg.qr(A, mode='reduced') if you are going to differentiate "
            "through linalg.qr.")
    m, n = Q.shape[-2], R.shape[-1]
    if mode == "complete" and m > n:
        raise RuntimeError("The QR decomposition is not differentiable when mode='complete' "
                           "and nrows > ncols.")
    if gQ is None and gR is None:
        return None
    la = _la()
    if gQ is not None:
        gA = gR.matmul(R.mH) - Q.mH.matmul(gQ) if gR is not None else -Q.mH.matmul(gQ)
    else:
        gA = gR.matmul(R.mH)
    if m >= n:
        gA = gA.triu()
        gA = Q.matmul(gA + gA.mH - _diag_embed(gA.diagonal(0, -2, -1)))
        if gQ is not None:
            gA = gA + gQ
        return la.solve_triangular(R.mH, gA, upper=False, left=False)
    gA = Q.matmul((-gA - (-gA).mH).tril())
    gA = la.solve_triangular(R.narrow(-1, 0, m).mH, gA, upper=False, left=False)
    from .ops_join import cat
    zeros = wrap(np.zeros(R.shape[:-1] + (n - m,), dtype=gA._dtype.np_dtype), gA._dtype)
    gA = cat([gA, zeros], -1)
    return gA + Q.matmul(gR) if gR is not None else gA


def _fill_diagonal_one(E):
    return E + _eye(E.shape[-1], E)


def linalg_eigh_backward(grads, results):
    gL, gV = grads
    L, V = results
    if gL is None and gV is None:
        return None
    if gV is None:
        return (V * gL.unsqueeze(-2)).matmul(V.mH)
    VhgV = V.mH.matmul(gV)
    VhgV = 0.5 * (VhgV - VhgV.mH)
    E = _fill_diagonal_one(L.unsqueeze(-2) - L.unsqueeze(-1))
    ret = VhgV / E
    if gL is not None:
        ret = ret + _diag_embed(gL)
    return V.matmul(ret.matmul(V.mH))


def svd_backward_full(grads, results, full_matrices):
    """derivatives.yaml narrows U and Vh (and their gradients) to k = min(m, n) columns/rows
    for full_matrices=True, then runs svd_backward."""
    gU, gS, gVh = grads
    U, S, Vh = results
    if full_matrices:
        k = S.shape[-1]
        U, Vh = U.narrow(-1, 0, k), Vh.narrow(-2, 0, k)
        gU = gU.narrow(-1, 0, k) if gU is not None else None
        gVh = gVh.narrow(-2, 0, k) if gVh is not None else None
    return svd_backward(gU, gS, gVh, U, S, Vh)


def svd_backward(gU, gS, gVh, U, S, Vh):
    if gS is None and gU is None and gVh is None:
        return None
    m, n = U.shape[-2], Vh.shape[-1]
    if gU is None and gVh is None:
        return U.matmul(gS.unsqueeze(-1) * Vh) if m >= n else (U * gS.unsqueeze(-2)).matmul(Vh)
    UhgU = None if gU is None else U.mH.matmul(gU)
    UhgU = None if UhgU is None else UhgU - UhgU.mH
    VhgV = None if gVh is None else Vh.matmul(gVh.mH)
    VhgV = None if VhgV is None else VhgV - VhgV.mH
    S2 = S * S
    E = _fill_diagonal_one(S2.unsqueeze(-2) - S2.unsqueeze(-1))
    if gU is not None and gVh is not None:
        gA = (UhgU * S.unsqueeze(-2) + S.unsqueeze(-1) * VhgV) / E
    elif gU is not None:
        gA = (UhgU / E) * S.unsqueeze(-2)
    else:
        gA = S.unsqueeze(-1) * (VhgV / E)
    if gS is not None:
        gA = gA + _diag_embed(gS)
    if m > n and gU is not None:
        gA = U.matmul(gA)
        gUSinv = gU / S.unsqueeze(-2)
        gA = gA + gUSinv - U.matmul(U.mH.matmul(gUSinv))
        return gA.matmul(Vh)
    if m < n and gVh is not None:
        gA = gA.matmul(Vh)
        SinvgVh = gVh / S.unsqueeze(-1)
        gA = gA + SinvgVh - SinvgVh.matmul(Vh.mH).matmul(Vh)
        return U.matmul(gA)
    return U.matmul(gA.matmul(Vh)) if m >= n else U.matmul(gA).matmul(Vh)


# ---- pseudo-inverse and least squares -------------------------------------------------------

def pinv_backward(grad, pinvA, A):
    m, n = A.shape[-2], A.shape[-1]
    pinvAh = pinvA.mH
    gradh = grad.mH
    if m <= n:
        K = gradh.matmul(pinvA)
        KpinvAh = K.matmul(pinvAh)
        return (-(pinvA.matmul(K)).mH + KpinvAh - A.matmul(pinvA).matmul(KpinvAh)
                + pinvAh.matmul(pinvA).matmul(gradh - K.matmul(A)))
    K = pinvA.matmul(gradh)
    pinvAhK = pinvAh.matmul(K)
    return (-(K.matmul(pinvA)).mH + (gradh - A.matmul(K)).matmul(pinvA).matmul(pinvAh)
            + pinvAhK - pinvAhK.matmul(pinvA).matmul(A))


def lstsq_backward_A(grads, self, b):
    gX = grads[0]
    if gX is None:
        return None
    vector = is_vector_rhs(self.shape, b.shape)
    gX = gX.unsqueeze(-1) if vector else gX
    B = b.unsqueeze(-1) if vector else b
    pinvA = _la().pinv(self)
    return pinv_backward(gX.matmul(B.mH), pinvA, self)


def lstsq_backward_b(grads, self, b):
    gX = grads[0]
    if gX is None:
        return None
    vector = is_vector_rhs(self.shape, b.shape)
    gX = gX.unsqueeze(-1) if vector else gX
    gB = _la().pinv(self).mH.matmul(gX)
    return gB.squeeze(-1) if vector else gB
