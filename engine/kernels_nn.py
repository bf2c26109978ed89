"""NumPy kernels of torch.nn.functional's activations and their backward functions.

Computed in float64 and rounded to the input's dtype (as kernels.via_float64 does), so
float32 results agree with PyTorch's vectorised kernels to the printed digits.
"""

import math

import numpy as np

_SQRT_2_OVER_PI = math.sqrt(2 / math.pi)
_GELU_CUBIC = 0.044715
_erf = np.vectorize(math.erf, otypes=[np.float64])


def _in_float64(kernel):
    def run(*arrays_and_params):
        arrays = [a for a in arrays_and_params if isinstance(a, np.ndarray)]
        dtype = arrays[0].dtype
        wide = [a.astype(np.float64) if isinstance(a, np.ndarray) else a
                for a in arrays_and_params]
        return np.asarray(kernel(*wide)).astype(dtype)
    run.__name__ = kernel.__name__
    return run


@_in_float64
def leaky_relu(a, negative_slope):
    return np.where(a > 0, a, a * negative_slope)


@_in_float64
def leaky_relu_backward(grad, a, negative_slope):
    return np.where(a > 0, grad, grad * negative_slope)


@_in_float64
def elu(a, alpha):
    return np.where(a > 0, a, alpha * np.expm1(a))


@_in_float64
def elu_backward(grad, a, alpha):
    return np.where(a > 0, grad, grad * alpha * np.exp(a))


@_in_float64
def softplus(a, beta, threshold):
    return np.where(a * beta > threshold, a, np.log1p(np.exp(a * beta)) / beta)


@_in_float64
def softplus_backward(grad, a, beta, threshold):
    z = np.exp(a * beta)
    return np.where(a * beta > threshold, grad, grad * z / (z + 1))


@_in_float64
def silu(a):
    return a / (1 + np.exp(-a))


def _gelu_tanh_parts(a):
    inner = _SQRT_2_OVER_PI * (a + _GELU_CUBIC * a ** 3)
    return np.tanh(inner), _SQRT_2_OVER_PI * (1 + 3 * _GELU_CUBIC * a * a)


@_in_float64
def gelu(a, approximate):
    if approximate == "tanh":
        return 0.5 * a * (1 + _gelu_tanh_parts(a)[0])
    return 0.5 * a * (1 + _erf(a / math.sqrt(2)))


@_in_float64
def gelu_backward(grad, a, approximate):
    if approximate == "tanh":
        t, dinner = _gelu_tanh_parts(a)
        return grad * (0.5 * (1 + t) + 0.5 * a * (1 - t * t) * dinner)
    cdf = 0.5 * (1 + _erf(a / math.sqrt(2)))
    pdf = np.exp(-0.5 * a * a) / math.sqrt(2 * math.pi)
    return grad * (cdf + a * pdf)
