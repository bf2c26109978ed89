"""NumPy kernels of the fused products addmv, addr, baddbmm, addbmm: beta * input +
alpha * product, as BLAS computes them (beta=0 ignores the input, nan and inf included)."""

import numpy as np


def _fused(bias, product, beta, alpha):
    if alpha != 1:
        product = product * np.asarray(alpha, product.dtype)
    if beta == 0:
        return np.broadcast_to(product, np.broadcast_shapes(bias.shape, product.shape)).copy()
    if beta != 1:
        bias = bias * np.asarray(beta, bias.dtype)
    return (bias + product).astype(product.dtype, copy=False)


def addmv(bias, mat, vec, beta, alpha):
    return _fused(bias, mat @ vec, beta, alpha)


def addr(bias, vec1, vec2, beta, alpha):
    return _fused(bias, np.multiply.outer(vec1, vec2), beta, alpha)


def baddbmm(bias, batch1, batch2, beta, alpha):
    return _fused(bias, np.matmul(batch1, batch2), beta, alpha)


def addbmm(bias, batch1, batch2, beta, alpha):
    # ATen's addbmm: one addmm_ per batch into the result, in batch order.
    total = np.zeros((batch1.shape[1], batch2.shape[2]), np.result_type(batch1, batch2))
    for b1, b2 in zip(batch1, batch2):
        total = total + b1 @ b2
    return _fused(bias, total, beta, alpha)


def vdot(a, b):
    return np.dot(a, b)
