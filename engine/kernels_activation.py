"""NumPy kernels of torch.nn.functional's activations (elu family, hardswish, hardsigmoid,
mish, shrinks, threshold, glu, prelu) and of their backward functions.

Each computes in the tensor's dtype with the constants rounded to it, in the order of
PyTorch's vectorised CPU kernel (aten/src/ATen/native/cpu/Activation.cpp); the
transcendental steps go through float64 and are rounded back (see kernels.via_float64).
"""

import numpy as np

from .cpu_capability import PLAIN_DISPATCH_VECTOR_BYTES
from .kernels_softmax import sleef_expf
from .vec_math import kernel_exp, vectorised_count
from .kernels import expm1, fma, log1p, tanh, leaky_relu as k_leaky_relu


def _c(a, value):
    return a.dtype.type(value)


def elu(a, alpha, scale, input_scale):
    """x * scale for x > 0, else expm1(x * input_scale) * alpha * scale (selu, celu too)."""
    negcoef = _c(a, alpha) * _c(a, scale)
    negative = expm1(a * _c(a, input_scale)) * negcoef
    return np.where(a > 0, a * _c(a, scale), negative)


def elu_backward(grad, x, alpha, scale, input_scale, is_result):
    """`x` is the input, or the result when is_result (the in-place elu_ saves that)."""
    negcoef = _c(x, alpha) * _c(x, scale)
    negiptcoef = _c(x, input_scale)
    if is_result:
        negative = grad * negiptcoef * (x + negcoef)
    else:
        negative = grad * negiptcoef * negcoef * kernel_exp(x * negiptcoef)
    return np.where(x <= 0, negative, grad * _c(x, scale))  # ATen's test: a nan takes grad


def leaky_relu_backward(grad, x, negative_slope, self_is_result):
    return np.where(x > 0, grad, grad * _c(grad, negative_slope))


def threshold(a, threshold, value):
    return np.where(a <= _c(a, threshold), _c(a, value), a)


def hardsigmoid(a):
    return np.minimum(np.maximum(a + _c(a, 3), _c(a, 0)), _c(a, 6)) / _c(a, 6)


def hardsigmoid_backward(grad, x):
    inside = (x > _c(x, -3)) & (x < _c(x, 3))
    return np.where(inside, grad * _c(grad, 1.0 / 6.0), _c(grad, 0))


def hardswish(a):
    return a * np.minimum(np.maximum(a + _c(a, 3), _c(a, 0)), _c(a, 6)) / _c(a, 6)


def hardswish_backward(grad, x):
    middle = grad * (x / _c(x, 3) + _c(x, 0.5))
    return np.where(x <= _c(x, -3), _c(grad, 0), np.where(x < _c(x, 3), middle, grad))


def mish(a):
    return a * tanh(log1p(kernel_exp(a)))


def mish_backward(grad, x):
    one = _c(x, 1)
    sigmoid = one / (one + kernel_exp(-x))
    tanh_softplus = tanh(log1p(kernel_exp(x)))
    return grad * (tanh_softplus + x * sigmoid * (one - tanh_softplus * tanh_softplus))


def softshrink(a, lambd):
    """|x| <= lambd gives 0: +0 from the vectorised loop (blocks of two vectors), x * 0 (so
    -0 for x < 0) from the scalar loop ATen runs on the remaining tail."""
    lam = _c(a, lambd)
    middle = np.zeros_like(a)
    flat = middle.reshape(-1)
    tail = vectorised_count(a.size, a.dtype, PLAIN_DISPATCH_VECTOR_BYTES)
    flat[tail:] = a.reshape(-1)[tail:] * _c(a, 0)
    return np.where(a > lam, a - lam, np.where(a < -lam, a + lam, middle))


def hardshrink(a, lambd):
    lam = _c(a, lambd)
    return np.where((a >= -lam) & (a <= lam), _c(a, 0), a)


def shrink_backward(grad, x, lambd):
    """softshrink's and hardshrink's: the gradient passes where |x| > lambd."""
    lam = _c(x, lambd)
    return np.where((x >= -lam) & (x <= lam), _c(grad, 0), grad)


def _halves(a, dim):
    n = a.shape[dim] // 2
    return np.take(a, np.arange(n), dim), np.take(a, np.arange(n, 2 * n), dim)


def _half_rows(a, dim):
    """The contiguous run ATen's loop walks in a half of `a` split along dim."""
    return a.shape[dim] // 2 * int(np.prod(a.shape[dim + 1:], dtype=np.int64))


def glu(a, dim):
    first, second = _halves(a, dim)
    one = _c(a, 1)
    return first * (one / (one + kernel_exp(-second, _half_rows(a, dim))))


def glu_backward(grad, x, dim):
    """ATen's glu_backward_cpu: sigmoid of the second half (the sigmoid op, over a
    contiguous copy), then (1 - s) * s * first * grad, and s * grad."""
    from .kernels import sigmoid
    first, second = _halves(x, dim)
    one = _c(x, 1)
    sig = sigmoid(np.ascontiguousarray(second))
    return np.concatenate([sig * grad, (one - sig) * sig * first * grad], axis=dim)


def prelu(a, weight):
    return np.where(a > 0, a, weight * a)


def prelu_backward(grad, x, weight):
    """(input's gradient, weight's gradient before summing to the weight's shape)."""
    zero = _c(grad, 0)
    return (np.where(x > 0, grad, weight * grad), np.where(x > 0, zero, x * grad))


def _log_sigmoid_buffer(x):
    """exp(-|x|), which log_sigmoid's forward keeps for its backward. ATen's loop runs it
    in vectors to the last element (the tail is a partial vector), so float32 takes SLEEF's
    exp everywhere."""
    if x.dtype == np.float32:
        return sleef_expf(-np.abs(x))
    return np.exp(-np.abs(x))


def log_sigmoid(a):
    """ATen's log_sigmoid_forward: min(x, 0) - log1p(exp(-|x|)), each step in the dtype."""
    return np.minimum(a, _c(a, 0)) - log1p(_log_sigmoid_buffer(a))


def log_sigmoid_backward(grad, x):
    """ATen's kernel, from the buffer exp(-|x|) its forward keeps."""
    buffer = _log_sigmoid_buffer(x)
    negative = x < 0
    max_deriv = np.where(negative, _c(x, 1), _c(x, 0))
    sign = np.where(negative, _c(x, 1), _c(x, -1))
    return (max_deriv - sign * (buffer / (_c(x, 1) + buffer))) * grad


def silu_backward(grad, x):
    """ATen's fused kernel: dy * s * (1 + x * (1 - s)), the last product-sum one FMA."""
    one = _c(x, 1)
    sigmoid = one / (one + kernel_exp(-x))
    return grad * sigmoid * fma(x, one - sigmoid, one)


def rrelu_with_noise(a, noise, lower, upper, training):
    """Training: x * noise where x <= 0 (noise drawn by the caller); else leaky_relu with
    the mean slope, as ATen's rrelu_with_noise."""
    if training:
        return np.where(a <= 0, a * noise.astype(a.dtype, copy=False), a)
    return k_leaky_relu(a, (lower + upper) / 2)


def rrelu_with_noise_backward(grad, x, noise, lower, upper, training, self_is_result):
    if training:
        return grad * noise.astype(grad.dtype, copy=False)
    return leaky_relu_backward(grad, x, (lower + upper) / 2, self_is_result)
