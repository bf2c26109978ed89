"""NumPy kernels of the fused products addmv, addr, baddbmm, addbmm: beta * input +
alpha * product (beta=0 ignores the input, nan and inf included), the matrix ones as BLAS
computes them."""

import numpy as np

from .float_math import fma_f32, fma_f64


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
    """ATen's addr kernel (elementwise, not BLAS): beta * self + (alpha * vec1) * vec2, the
    first product fused into the sum as PyTorch's x86-64 build mostly does (its vectorised
    and scalar loops contract differently: about 5% of float32 values still differ in the
    last bit)."""
    dtype = np.result_type(bias, vec1, vec2)
    t = dtype.type
    vec1, vec2 = vec1.astype(dtype, copy=False), vec2.astype(dtype, copy=False)
    product = (t(alpha) * vec1)[:, None] * vec2[None, :]
    if beta == 0:
        return product
    bias = np.broadcast_to(bias.astype(dtype, copy=False), product.shape)
    if dtype == np.float32:
        return fma_f32(t(beta), bias, product)
    if dtype == np.float64:
        return np.asarray(fma_f64(t(beta), bias, product))
    return t(beta) * bias + product


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
