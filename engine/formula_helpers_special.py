"""Formula helpers of derivatives_more.py's entries (derivatives.yaml's helpers of the same
names), written with engine ops so that create_graph records them."""

import numpy as np


def block_diag_backward(grad, sizes, i):
    """Input i's block of the gradient: 0-d inputs were 1x1 blocks, 1-d ones a row."""
    row = col = 0
    for shape in sizes[:i]:
        row += shape[0] if len(shape) == 2 else 1
        col += shape[-1] if len(shape) else 1
    shape = sizes[i]
    rows = shape[0] if len(shape) == 2 else 1
    cols = shape[-1] if len(shape) else 1
    return grad.narrow(0, row, rows).narrow(1, col, cols).reshape(shape)


def polygamma(n, x):
    from .ops_gamma import polygamma as function
    return function(n, x)


def mvlgamma_backward(grad, self, p):
    """grad * sum_i digamma(self + (1 - i) / 2)."""
    from .creation import arange
    args = arange(-p / 2 + 0.5, 0.5, 0.5, dtype=self.dtype) + self.unsqueeze(-1)
    return grad * args.digamma().sum(-1)


def sinc_backward(grad, self):
    from .creation import zeros
    from .ops_select import where
    self_pi = self * 3.141592653589793
    self_squared_pi = self * self * 3.141592653589793
    out = grad * ((self_pi * self_pi.cos()) - self_pi.sin()) / self_squared_pi
    return where(self_squared_pi == 0.0, zeros((), dtype=grad.dtype), out)


def logcumsumexp_backward(grad, self, result, dim):
    """FunctionsManual.cpp's: the positive and negative parts of grad, each through a
    reversed logcumsumexp, re-exponentiated."""
    from .ops_select import where
    if grad.dim() == 0 or grad.numel() == 0:
        return grad
    lowest = -3.4028234663852886e38 if grad.dtype.itemsize == 4 else -1.7976931348623157e308

    def reverse_logcumsumexp(x):
        return x.flip(dim).logcumsumexp(dim).flip(dim)

    log_abs_grad = grad.abs().log()
    log_grad_positive = where(grad > 0, log_abs_grad, lowest)
    log_grad_negative = where(grad < 0, log_abs_grad, lowest)
    output_pos = (reverse_logcumsumexp(log_grad_positive - result) + self).exp()
    output_neg = (reverse_logcumsumexp(log_grad_negative - result) + self).exp()
    return output_pos - output_neg


def copysign_backward(grad, self, result):
    ratio = result / self
    return grad * ratio.masked_fill(self == 0, 0)


def cdist_backward(grad, x1, x2, p, cdist):
    from . import derivatives as d
    from .dispatch import call
    return call(d.CDIST_BACKWARD, (grad, x1, x2, cdist), (p,), x1.dtype)


def _euclidean_ratio(grad, result):
    return (grad / result).masked_fill(result == 0, 0)


def euclidean_dist_backward_x1(grad, x1, x2, result):
    ratio = _euclidean_ratio(grad, result)
    return x1 * ratio.sum(-1, True) - ratio.matmul(x2)


def euclidean_dist_backward_x2(grad, x1, x2, result):
    ratio = _euclidean_ratio(grad, result)
    return x2 * ratio.sum(-2, False).unsqueeze(-1) - ratio.mT.matmul(x1)


def special_i1(x):
    from .ops_gamma import special_i1 as function
    return function(x)


def special_i1e(x):
    from .ops_gamma import special_i1e as function
    return function(x)


def _safe_self(self):
    """FunctionsManual's i1 backwards: |x| <= eps is replaced (the formula is 0/0 there)."""
    from .creation import full
    from .ops_select import where
    eps = float(np.finfo(self.dtype.np_dtype).eps)
    not_tiny = self.abs() > eps
    return not_tiny, where(not_tiny, self, full((), eps, dtype=self.dtype))


def i1_backward(grad, self, result):
    from .creation import full
    from .ops_select import where
    not_tiny, safe_self = _safe_self(self)
    gradx = safe_self.i0() - result * safe_self.reciprocal()
    return grad * where(not_tiny, gradx, full((), 0.5, dtype=self.dtype))


def i1e_backward(grad, self, result):
    from .creation import full
    from .ops_select import where
    not_tiny, safe_self = _safe_self(self)
    gradx = special_i0e(safe_self) - result * (safe_self.sgn() + safe_self.reciprocal())
    return grad * where(not_tiny, gradx, full((), 0.5, dtype=self.dtype))


def special_i0e(x):
    from .ops_gamma import special_i0e as function
    return function(x)


def special_xlog1py(x, y):
    from .ops_gamma import special_xlog1py as function
    return function(x, y)


def special_zeta(x, q):
    from .ops_gamma import special_zeta as function
    return function(x, q)
