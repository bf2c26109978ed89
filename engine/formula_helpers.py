"""Functions the derivative formulas call, written with engine ops so they differentiate again."""

import math

import numpy as np

from . import derivatives as d
from .dispatch import call
from .creation import zeros, zeros_like
from .grad_mode import GRAD
from .dtypes import promote_types
from .dtypes import bool_
from .tensor import Tensor, wrap


def numel_of(sizes):
    return math.prod(sizes)


def count_of(sizes, dims):
    return math.prod(sizes[i] for i in dims)


def reduce_backward(grad, sizes, dims, keepdim):
    """The gradient of a reduction over dims: put the reduced dims back, then expand."""
    if not keepdim:
        for dim in dims:  # ascending, so each insertion lands where it was
            grad = grad.unsqueeze(dim)
    return grad.expand(sizes)


def pow_backward(grad, self, exponent):
    if exponent == 0:
        return grad * 0
    return grad * (exponent * self.pow(exponent - 1))


def pow_backward_self(grad, self, exponent):
    """PyTorch's: zero where the exponent is 0, else grad * (exponent * self ** (exponent - 1))."""
    from .ops_select import where
    return where(exponent == 0.0, 0.0, grad * (exponent * self.pow(exponent - 1)))


def pow_backward_exponent(grad, self, exponent, result):
    """d(self ** exponent)/d(exponent), zero where self == 0 and exponent >= 0 (PyTorch's rule)."""
    if isinstance(self, Tensor):
        from .ops_select import where
        return grad * where((self == 0) & (exponent >= 0), 0.0, result * self.log())
    if self == 0:
        from .ops_select import where
        return grad * where(exponent >= 0, 0.0, result * math.log(self) if self > 0 else
                            result * float("nan"))
    return grad * (result * math.log(self)) if self > 0 else grad * (result * float("nan"))


def inverse_permutation(dims):
    inverse = [0] * len(dims)
    for i, p in enumerate(dims):
        inverse[p] = i
    return tuple(inverse)


def select_key(dim, index):
    return (slice(None),) * dim + (index,)


def slice_key(dim, start, end, step):
    return (slice(None),) * dim + (slice(start, end, step),)


def embed(grad, sizes, key):
    """A zero tensor of `sizes` with grad added at `key`: the backward of indexing."""
    return call(d.EMBED, (grad,), (sizes, key), grad._dtype)


def embed_along(grad, sizes, key):
    """embed for gather/index_select, whose key reads a 0-dim input as a one-element vector."""
    if not sizes:
        return embed(grad, (1,), key).reshape(())
    return embed(grad, sizes, key)


def index_backward(grad, sizes, key):
    """The backward of x[tensor key]: zeros with grad accumulated at key (IndexPutImplBackward0
    under create_graph, as PyTorch's _index_put_impl_)."""
    return call(d.INDEX_PUT_IMPL, (zeros(sizes, dtype=grad._dtype), grad), (key,), grad._dtype)


def stack_grads(grads, sizes, dim):
    """The backward of unbind: the outputs' gradients stacked, zeros for the missing ones."""
    from .ops_join import stack
    count = sizes[dim]
    shape = sizes[:dim] + sizes[dim + 1:]
    filled = []
    dtype = next(g for g in grads if g is not None)._dtype
    for i in range(count):
        g = grads[i] if i < len(grads) else None
        filled.append(g if g is not None else zeros(shape, dtype=dtype))
    return stack(filled, dim)


def offset_of(sizes, i, dim):
    """Where input i of a cat starts along dim."""
    return sum(s[dim] for s in sizes[:i])


def zeros_at(grad, key):
    """A mask of ones with zeros where `key` wrote: the part of the old value that survives."""
    from .tensor import wrap
    mask = np.ones(grad._data.shape, dtype=grad._data.dtype)
    mask[key] = 0
    return wrap(mask, grad._dtype)


def clamp_min_backward(grad, self, min, max):
    """clamp(self, min, max)'s gradient for a tensor min: where self is below it, unless
    min is above max (then max wins everywhere): PyTorch's clamp_backward_min_max."""
    from .ops_select import where
    below = self < min
    return where(below & (min < max) if max is not None else below, grad, 0.0)


def clamp_max_backward(grad, self, min, max):
    from .ops_select import where
    above = self > max
    return where(above | (max < min) if min is not None else above, grad, 0.0)


def within(self, low, high):
    """Where clamp passes its input through: the gradient mask of clamp."""
    mask = None
    if low is not None:
        mask = self >= low
    if high is not None:
        upper = self <= high
        mask = upper if mask is None else mask & upper
    return mask if mask is not None else self * 0 + 1


def outer(a, b):
    return a.unsqueeze(1) * b.unsqueeze(0)


def unsqueezed(t, dims, keepdim):
    """A reduction's result with its reduced dims put back (for broadcasting)."""
    if keepdim or dims is None:
        return t
    for dim in sorted(dims):
        t = t.unsqueeze(dim)
    return t


def evenly_distribute(grad, self, result):
    """max()/min()/median() over everything: the gradient shared among the tied extremes
    (among the nans when the result is nan), written into zeros, as PyTorch's CPU
    evenly_distribute_backward does: the others get +0.0 whatever the gradient's sign."""
    mask = self.isnan() if result.isnan().item() else self == result
    return grad.new_zeros(self.shape).masked_fill_(mask, grad / mask.sum())


def evenly_distribute_dim(grad, self, result, dims, keepdim):
    mask = self == unsqueezed(result, dims, keepdim)
    return mask * (unsqueezed(grad, dims, keepdim) / mask.sum(dims, keepdim=True))


def select_backward_at(grad, dim, indices, sizes, keepdim):
    """max(dim)/min(dim): the gradient goes to the selected index along dim (all of it
    for a 0-dim input, its own max along dim 0)."""
    if not sizes:
        return grad
    if not keepdim:
        grad = grad.unsqueeze(dim)
        indices = indices.unsqueeze(dim)
    key = list(np.indices(indices._data.shape, sparse=True))
    key[dim] = indices._data
    return embed(grad, sizes, tuple(key))


def prod_backward(grad, self, result):
    """PyTorch's prod_backward: result / self without zeros; with zeros the product of the
    others by exclusive cumulative products (differentiable again), or, outside
    create_graph with several zeros, zeros."""
    if self._data.ndim == 0:
        return grad
    zeros = int((self._data == 0).sum())
    if zeros == 0:
        return grad * (result / self)
    if not GRAD.enabled and zeros > 1:
        return zeros_like(self)
    return _prod_safe_zeros_backward(grad, self.contiguous().view(-1), 0).view_as(self)


def prod_backward_dim(grad, self, result, dim, keepdim):
    if self._data.ndim == 0:
        return grad
    grad, result = unsqueezed(grad, (dim,), keepdim), unsqueezed(result, (dim,), keepdim)
    if (self._data != 0).all():
        return grad * (result / self)
    return _prod_safe_zeros_backward(grad, self, dim)


def _prod_safe_zeros_backward(grad, inp, dim):
    """Each element's product of the others along dim, safe with zeros:
    cumprod(exclusive, normal) * cumprod(exclusive, reverse), as PyTorch builds it."""
    from .ops_join import cat
    if inp._data.size == 0:
        return grad.expand_as(inp)
    size = inp._data.shape[dim]
    if size == 1:
        return grad
    ones_size = list(inp._data.shape)
    ones_size[dim] = 1
    ones = wrap(np.ones(ones_size, dtype=grad._data.dtype), grad._dtype)
    exclusive_normal = cat([ones, inp.narrow(dim, 0, size - 1)], dim).cumprod(dim)
    narrow_reverse = inp.narrow(dim, 1, size - 1).flip(dim)
    exclusive_reverse = cat([ones, narrow_reverse], dim).cumprod(dim).flip(dim)
    return grad * (exclusive_normal * exclusive_reverse)


def var_backward(grad, self, dims, correction, keepdim):
    """PyTorch's var_backward: (2 / dof) * grad * (self - mean), the right operand first; a
    full reduction without degrees of freedom is grad * where(self == mean, nan, inf)."""
    from .ops_select import where
    if self._data.ndim == 0 or dims is None:
        dof = numel_of(self._data.shape) - correction
        if dof <= 0:
            return grad * where(self == self.mean(), float("nan"), float("inf"))
        return (2.0 / dof) * grad * (self - self.mean())
    if not keepdim and self._data.ndim > 1:  # a vector's 0-dim gradient broadcasts as it is
        grad = unsqueezed(grad, dims, keepdim)
    dof = count_of(self._data.shape, dims) - correction
    scale = 2.0 / dof if dof else float("inf")  # C++'s 2.0 / 0.0
    return scale * grad * (self - self.mean(dims, keepdim=True))


def std_backward(grad, self, result, dims, correction, keepdim):
    """PyTorch's std_backward: var_backward of grad / (2 std), zero where std is 0."""
    grad_var = (grad / (result * 2)).masked_fill(result == 0, 0)
    return var_backward(grad_var, self, dims, correction, keepdim)


def norm_backward(grad, self, p, result, dims, keepdim):
    if p == 0:
        return None  # ATen's norm_backward: an undefined gradient (x.grad stays None)
    grad, result = unsqueezed(grad, dims, keepdim), unsqueezed(result, dims, keepdim)
    if p == 2:
        return grad * (self / result).masked_fill(result == 0, 0)
    if p == 1:
        return self.sgn() * grad
    if p in (float("inf"), float("-inf")):
        # amax(abs(self))'s derivative respecting nans: the argmax is where |self| is the
        # norm, or is nan (PyTorch's norm_backward).
        self_abs = self.abs()
        mask = (self_abs == result) | self_abs.isnan()
        count = mask.sum(dims or tuple(range(self.ndim)), keepdim=True)
        return self.sgn() * ((grad / count) * mask)
    # PyTorch's norm_backward for other p: self_scaled * (grad / norm^(p-1)), 0 where norm is 0.
    if p < 1:
        self_scaled = self.sgn() * self.abs().pow(p - 1).masked_fill(self == 0, 0)
        return self_scaled * grad * result.pow(1 - p)
    if p < 2:
        self_scaled = self.sgn() * self.abs().pow(p - 1)
    else:
        self_scaled = self * self.abs().pow(p - 2)
    scale_v = (grad / result.pow(p - 1)).masked_fill(result == 0, 0)
    return self_scaled * scale_v


def repeat_backward(grad, repeats, sizes):
    lead = len(repeats) - len(sizes)
    full = (1,) * lead + tuple(sizes)
    interleaved = []
    for r, s in zip(repeats, full):
        interleaved += [r, s]
    g = grad.reshape(interleaved).sum(tuple(range(0, 2 * len(full), 2)))
    return g.reshape(sizes)


def split_backward(grads, sections, dim, sizes):
    from .ops_join import cat
    dtype = next(g for g in grads if g is not None)._dtype
    parts = []
    for i, size in enumerate(sections):
        g = grads[i] if i < len(grads) else None
        if g is None:
            shape = sizes[:dim] + (size,) + sizes[dim + 1:]
            g = zeros(shape, dtype=dtype)
        parts.append(g)
    return cat(parts, dim)


def masked_zero(grad, mask):
    """The gradient of masked_fill's self: zero where the mask filled."""
    from .ops_gather import masked_fill
    return masked_fill(grad, wrap(mask, bool_), 0)


def masked_keep(grad, mask):
    """The gradient of masked_fill's value tensor: what flowed to the filled places."""
    from .ops_gather import masked_fill
    return masked_fill(grad, wrap(~mask, bool_), 0)


def mse_loss_double_backward(grad, input, reduction):
    grad_input = 2 * grad
    return grad_input / numel_of(input.shape) if reduction == "mean" else grad_input


def mse_loss_double_backward_grad_output(grad, grad_output, self, target, reduction):
    if reduction == "none":
        return mse_loss_backward(grad, self, target, reduction)
    r = mse_loss_backward(zeros_like(grad_output) + 1, self, target, reduction)
    return (r * grad).sum()


def nll_loss_backward(grad, sizes, target, weight, reduction, ignore_index):
    """-weight[t] * grad at each target's class, zero elsewhere and at ignored targets; the
    input is (C,), (N, C) or (N, C, H, W) with the class dim 1."""
    from .tensor import wrap
    t = target.reshape(-1)
    valid = t != ignore_index
    safe = np.where(valid, t, 0)
    classes = sizes[1] if len(sizes) > 1 else sizes[0]
    w = np.ones(classes) if weight is None else weight
    per_sample = -(w[safe] * valid)
    if reduction == "mean":
        per_sample = per_sample / np.sum(w[safe] * valid)
    coeff = wrap(per_sample.astype(grad._data.dtype), grad._dtype)
    if reduction == "none":
        coeff = coeff * grad.reshape(-1)
    else:
        coeff = coeff * grad
    if len(sizes) == 1:
        return embed(coeff, sizes, (safe,))
    at = np.indices(np.shape(target)).reshape(len(sizes) - 1, -1)
    return embed(coeff, sizes, (at[0], safe) + tuple(at[1:]))


def bce_backward(grad, self, target, weight, reduction):
    from .ops_clamp import _clamp_min
    g = grad * (self - target) / _clamp_min((1 - self) * self, 1e-12)
    if weight is not None:
        g = g * weight
    return g / numel_of(self.shape) if reduction == "mean" else g


def bce_target_backward(grad, self, target, weight, reduction):
    g = grad * ((1 - self).log() - self.log())
    if weight is not None:
        g = g * weight
    return g / numel_of(self.shape) if reduction == "mean" else g


def outside_view(grad, view_fn):
    """A mask of ones with zeros on the elements a view covers (the base's part a write
    through the view replaced)."""
    from .tensor import wrap
    mask = wrap(np.ones(grad._data.shape, dtype=grad._data.dtype), grad._dtype)
    from .grad_mode import no_grad
    with no_grad():
        view_fn(mask)._data[...] = 0
    return mask


def copy_slices_backward(grad, i, view_fn, fn):
    """CopySlices' input i: fn's gradient for the view's part of grad; the base (input 0)
    also keeps grad outside the view."""
    from .graph_walk import node_input_gradient
    through = node_input_gradient(fn, i, view_fn(grad))
    if i > 0:
        return through
    kept = grad * outside_view(grad, view_fn)
    return kept if through is None else kept + view_scatter(through, grad.shape, view_fn)


def view_scatter(values, sizes, view_fn):
    """Zeros of `sizes` with values where the view lies: the backward of a view."""
    from .inplace import copy_
    from .ops_shape import link_view
    base = zeros(sizes, dtype=values.dtype)
    copy_(link_view(view_fn(base), base, view_fn), values)  # recorded under create_graph
    return base


def _backward_function(op):
    def function(*args):
        return call(op, args[:op.n_tensors], args[op.n_tensors:],
                    promote_types(args[0]._dtype, args[1]._dtype))
    return function


tanh_backward = _backward_function(d.TANH_BACKWARD)
sigmoid_backward = _backward_function(d.SIGMOID_BACKWARD)
threshold_backward = _backward_function(d.THRESHOLD_BACKWARD)
softmax_backward_data = _backward_function(d.SOFTMAX_BACKWARD)
log_softmax_backward_data = _backward_function(d.LOG_SOFTMAX_BACKWARD)
leaky_relu_backward = _backward_function(d.LEAKY_RELU_BACKWARD)
mse_loss_backward = _backward_function(d.MSE_LOSS_BACKWARD)
elu_backward = _backward_function(d.ELU_BACKWARD)
softplus_backward = _backward_function(d.SOFTPLUS_BACKWARD)
gelu_backward = _backward_function(d.GELU_BACKWARD)


def _scalar_minus(number, t):
    """C++ `Scalar - Tensor`: empty_like(t).fill_(number).sub_(t), so SubBackward0(None, t)."""
    from .creation import full_like
    return full_like(t, number) - t


# PyTorch's C++ formulas below are single expressions whose operands GCC evaluates right to
# left: computing the right operand first numbers the nodes as PyTorch does, which fixes
# the order gradients meet in (the operands of an AddBackward0 in a create_graph graph).

def silu_backward(grad, self):
    """PyTorch's infinitely_differentiable_silu_backward under create_graph, else the fused
    silu_backward kernel (derivatives.yaml picks on GradMode)."""
    from .grad_mode import GRAD
    if not GRAD.enabled:
        from .kernels_activation import silu_backward as kernel
        return wrap(kernel(grad._data, self._data), promote_types(grad._dtype, self._dtype))
    sigmoid = self.sigmoid()
    right = 1.0 + self * _scalar_minus(1.0, sigmoid)
    return grad * sigmoid * right


def elu_double_backward(grad, grad_output, alpha, scale, input_scale, is_result, self_or_result):
    """PyTorch's elu_double_backward: elu_backward again (or, of the result, the identity),
    masked to x < 0."""
    mask = (self_or_result < 0).to(grad.dtype)
    if is_result:
        return grad * grad_output * input_scale * mask
    return elu_backward(grad * grad_output * input_scale, self_or_result, alpha, scale,
                        input_scale, is_result) * mask


def softplus_double_backward(grad, self, beta, threshold):
    x = self * beta
    mask = (x < threshold).to(grad.dtype)
    return sigmoid_backward(grad, x.sigmoid()) * mask * beta


def gelu_double_backward(ggI, gO, self, approximate):
    """PyTorch's gelu_double_backward: the second derivative of gelu, times ggI * gO."""
    if approximate == "tanh":
        beta, kappa = math.sqrt(2) * (2 / math.sqrt(math.pi)) * 0.5, 0.044715
        inner = beta * (self + kappa * self.pow(3))
        tanh_inner = inner.tanh()
        sech_inner = inner.cosh().reciprocal() * 1   # C++ `Scalar / Tensor`
        f = 0.5 * self
        g = _scalar_minus(1, tanh_inner * tanh_inner)
        h = beta * (1 + 3 * kappa * self * self)
        f_prime_gh = 0.5 * g * h
        right = -sech_inner * tanh_inner * h
        g_prime = (2 * sech_inner) * right
        g_prime_fh = f * h * g_prime
        h_prime = 6 * kappa * self * beta
        h_prime_fg = f * g * h_prime
        second = f_prime_gh + f_prime_gh + g_prime_fh + h_prime_fg
        return ggI * gO * second
    beta = (2 / math.sqrt(math.pi)) * math.sqrt(0.5) * 0.5
    input_sq = self * self
    pdf = beta * (-0.5 * input_sq).exp()
    right = input_sq * pdf
    return ggI * gO * (2 * pdf - right)


def not_implemented(name):
    raise RuntimeError("derivative for %s is not implemented" % name)
