"""Functions the formulas of derivatives_nn.py call (torch/csrc/autograd/FunctionsManual.cpp's
for the activations and losses of torch.nn.functional), written with engine ops."""

import numpy as np

from . import derivatives_nn as dn
from . import kernels_activation as ka
from .dispatch import call
from .dtypes import promote_types
from .grad_mode import GRAD
from .tensor import wrap


def _backward_function(op):
    def function(*args):
        return call(op, args[:op.n_tensors], args[op.n_tensors:],
                    promote_types(args[0]._dtype, args[1]._dtype))
    function.__name__ = op.name
    return function


hardswish_backward = _backward_function(dn.HARDSWISH_BACKWARD)
log_sigmoid_backward = _backward_function(dn.LOG_SIGMOID_BACKWARD)
hardsigmoid_backward = _backward_function(dn.HARDSIGMOID_BACKWARD)
softshrink_backward = _backward_function(dn.SOFTSHRINK_BACKWARD)
hardshrink_backward = _backward_function(dn.HARDSHRINK_BACKWARD)
glu_backward = _backward_function(dn.GLU_BACKWARD)
rrelu_with_noise_backward = _backward_function(dn.RRELU_BACKWARD)


def soft_margin_loss_backward(grad, self, target, reduction):
    return call(dn.SOFT_MARGIN_LOSS_BACKWARD, (grad, self), (target._data, reduction),
                promote_types(grad._dtype, self._dtype))


def multi_margin_loss_backward(grad, self, target, p, margin, weight, reduction):
    return call(dn.MULTI_MARGIN_LOSS_BACKWARD, (grad, self), (target, p, margin, weight, reduction),
                self._dtype)


def multilabel_margin_loss_backward(grad, self, target, reduction, is_target):
    return call(dn.MULTILABEL_MARGIN_LOSS_BACKWARD, (grad, self),
                (target, reduction, is_target._data), self._dtype)


def pdist_backward(grad, self, p, result):
    return call(dn.PDIST_BACKWARD, (grad, self, result), (p,), self._dtype)


def prelu_kernel_backward(grad, self, weight):
    return call(dn.PRELU_BACKWARD, (grad, self, weight), (), promote_types(self._dtype,
                                                                           weight._dtype))


_NEGATIVE_SLOPE_INPLACE = (
    "In-place leakyReLu backward calculation is triggered with a negative slope which is not "
    "supported. This is caused by calling in-place forward function with a negative slope, "
    "please call out-of-place version instead. File an issue at "
    "https://github.com/pytorch/pytorch if you do require supporting in-place leakRelu "
    "backward calculation with negative slope")


def leaky_relu_backward_of_result(grad, result, negative_slope):
    """leaky_relu_'s backward reads the result: its sign is the input's only for a
    non-negative slope (ATen's leaky_relu_backward with self_is_result)."""
    if negative_slope < 0:
        raise RuntimeError(_NEGATIVE_SLOPE_INPLACE)
    from .formula_helpers import leaky_relu_backward
    return leaky_relu_backward(grad, result, negative_slope)


def mish_backward(grad, self):
    """PyTorch: infinitely_differentiable_mish_backward under grad mode (create_graph),
    else the fused mish_backward kernel."""
    from .formula_helpers import _scalar_minus
    if not GRAD.enabled:
        return wrap(ka.mish_backward(grad._data, self._data), self._dtype)
    sigmoid = self.sigmoid()
    tanh_softplus = self.exp().log1p().tanh()
    # grad * (tsp + x * sigmoid * (1.0 - tsp * tsp)), its operands right to left (as GCC)
    right = _scalar_minus(1.0, tanh_softplus * tanh_softplus)
    return grad * (tanh_softplus + self * sigmoid * right)


def log_sigmoid_double_backward(grad, self):
    z = self.sigmoid()
    return grad * (z - 1) * z


def _halves(t, dim):
    n = t.shape[dim] // 2
    return t.narrow(dim, 0, n), t.narrow(dim, n, n)


def glu_double_backward(grad, grad_output, self, dim):
    from .ops_join import cat
    first_half, second_half = _halves(self, dim)
    sig_second_half = second_half.sigmoid()
    one_sub_sig_second_half = 1 - sig_second_half
    sig_one_sub_sig = sig_second_half * one_sub_sig_second_half
    ggi_first_half, ggi_second_half = _halves(grad, dim)
    ggi_second_half_times_first_half = ggi_second_half * first_half
    gi_first_half = ggi_second_half * grad_output * sig_one_sub_sig
    second_order_sh = (sig_one_sub_sig * one_sub_sig_second_half
                       - sig_second_half * sig_one_sub_sig)
    gi_second_half = (ggi_second_half_times_first_half * grad_output * second_order_sh
                      + ggi_first_half * grad_output * sig_one_sub_sig)
    return cat([gi_first_half, gi_second_half], dim)


def glu_double_backward_grad_output(grad, self, dim):
    from .creation import ones
    dim = dim % self.dim()
    sizes = list(self.shape)
    sizes[dim] //= 2
    tmp = grad * glu_backward(ones(sizes, dtype=self.dtype), self, dim)
    first, second = _halves(tmp, dim)
    return first + second


def prelu_double_backward_grad_output(grads, self, weight):
    from .ops_select import where
    g0, g1 = grads
    if g0 is not None:
        if g1 is not None:
            return where(self >= 0, g0, g0 * weight + g1 * self)
        return where(self >= 0, g0, g0 * weight)
    return where(self >= 0, 0.0, g1 * self)


def prelu_double_backward_self(grads, grad_output, self):
    from .ops_select import where
    if grads[1] is None:
        return self * 0
    return where(self >= 0, 0.0, grad_output * grads[1])


def prelu_double_backward_weight(grads, grad_output, self):
    from .ops_select import where
    if grads[0] is None:
        return self * 0
    return where(self >= 0, 0.0, grad_output * grads[0])


def soft_margin_loss_double_backward(grad, self, target, reduction):
    z = (self * -target).exp()
    zplus1 = z + 1
    grad_input = grad * (target * target) * z / (zplus1 * zplus1)
    if reduction == "mean":
        grad_input = grad_input / self.numel()
    return grad_input


def soft_margin_loss_double_backward_grad_output(grad, grad_output, self, target, reduction):
    from .creation import ones_like
    if reduction == "none":
        return soft_margin_loss_backward(grad, self, target, reduction)
    r = soft_margin_loss_backward(ones_like(grad_output), self, target, reduction)
    return (r * grad).sum()


