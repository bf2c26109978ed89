"""torch.nn.functional: activations and losses built from engine ops."""

import warnings


from .. import derivatives as _d
from .. import ops_linalg as _la
from .. import ops_pointwise as _pw
from .. import ops_reduce as _red
from ..broadcasting import broadcast_shapes as _broadcast_shapes
from ..dispatch import call as _call
from ..tensor import Tensor as _Tensor
from . import functional_more as _more
from . import activations as _act
from .activations import (elu, selu, celu, leaky_relu, threshold, rrelu, hardswish,  # noqa: F401
                          hardsigmoid, mish, softshrink, hardshrink, tanhshrink, glu, prelu,
                          elu_, selu_, celu_, leaky_relu_, threshold_, rrelu_, relu_)
from . import losses as _losses
from .losses import (margin_ranking_loss, hinge_embedding_loss, soft_margin_loss,  # noqa: F401
                     multilabel_soft_margin_loss, multi_margin_loss, multilabel_margin_loss,
                     cosine_embedding_loss, triplet_margin_loss, poisson_nll_loss,
                     gaussian_nll_loss, pairwise_distance, pdist)
from .classification import nll_loss, cross_entropy  # noqa: F401
from .dropout import dropout1d, dropout2d, dropout3d  # noqa: F401
from . import normalization as _normalization
from .normalization import layer_norm, batch_norm, embedding  # noqa: F401
from .functional_more import (one_hot, binary_cross_entropy_with_logits, smooth_l1_loss,  # noqa: F401
                              huber_loss, kl_div, softsign, logsigmoid, normalize,
                              cosine_similarity, pad)

__all__ = (["relu", "sigmoid", "tanh", "softmax", "softmin", "log_softmax", "linear", "mse_loss",
           "l1_loss", "cross_entropy", "nll_loss", "binary_cross_entropy",
           "softplus", "gelu", "silu", "hardtanh", "hardtanh_", "relu6", "dropout"] + _more.__all__ + _act.__all__
           + _losses.__all__ + ["dropout1d", "dropout2d", "dropout3d"] + _normalization.__all__)

_REDUCTIONS = ("mean", "sum", "none")


def _reduction(reduction, size_average=None, reduce=None):
    if size_average is not None or reduce is not None:
        return legacy_reduction(size_average, reduce)
    if reduction not in _REDUCTIONS:
        raise ValueError("%s is not a valid value for reduction" % reduction)
    return reduction


def legacy_reduction(size_average, reduce):
    """torch.nn._reduction.legacy_get_string: the reduction the old arguments mean."""
    size_average = True if size_average is None else size_average
    reduce = True if reduce is None else reduce
    reduction = "mean" if size_average and reduce else "sum" if reduce else "none"
    warnings.warn("size_average and reduce args will be deprecated, please use reduction='%s' "
                  "instead." % reduction, UserWarning)
    return reduction


def relu(input, inplace=False):
    return input.relu_() if inplace else _pw.relu(input)


def sigmoid(input):
    return _pw.sigmoid(input)


def tanh(input):
    return _pw.tanh(input)


def _activation(op, kernel_name, input, params=(), inplace=False):
    if input.dtype.category != 2:
        raise NotImplementedError('"%s" not implemented for \'%s\''
                                  % (kernel_name, input.dtype.scalar_name))
    if inplace:
        from ..inplace import apply_inplace
        return apply_inplace(input, lambda x: _call(op, (x,), params, x.dtype))
    return _call(op, (input,), params, input.dtype)


def softplus(input, beta=1.0, threshold=20.0):
    return _activation(_d.SOFTPLUS, "softplus_cpu", input, (beta, threshold))


def silu(input, inplace=False):
    return _activation(_d.SILU, "silu_cpu", input, (), inplace)


def gelu(input, approximate="none"):
    if approximate not in ("none", "tanh"):
        raise RuntimeError("approximate argument must be either none or tanh.")
    return _activation(_d.GELU, "GeluKernelImpl", input, (approximate,))


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    if min_val > max_val:
        raise ValueError("min_val cannot be greater than max_val")
    if input.dtype.category == 0:
        raise RuntimeError("Bool inputs not supported for hardtanh")
    if input.dtype.name == "uint8" and (min_val < 0 or max_val < 0):
        raise RuntimeError("cannot do hardtanh on an unsigned type with negative limits")
    params = (min_val, max_val)
    if inplace:
        from ..inplace import apply_inplace
        return apply_inplace(input, lambda x: _call(_d.HARDTANH, (x,), params, x.dtype))
    return _call(_d.HARDTANH, (input,), params, input.dtype)


def hardtanh_(input, min_val=-1.0, max_val=1.0):
    return hardtanh(input, min_val, max_val, inplace=True)


def relu6(input, inplace=False):
    return hardtanh(input, 0.0, 6.0, inplace)


def _softmax_dim(ndim):
    return 0 if ndim in (0, 1, 3) else 1


def _implicit_dim(name, input, dim):
    if dim is None:
        warnings.warn("Implicit dimension choice for %s has been deprecated. Change the "
                      "call to include dim=X as an argument." % name, UserWarning)
        dim = _softmax_dim(input.dim())
    return dim


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    return _red.softmax(input, _implicit_dim("softmax", input, dim), dtype=dtype)


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    return _red.softmax(_pw.neg(input), _implicit_dim("softmin", input, dim), dtype=dtype)


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    return _red.log_softmax(input, _implicit_dim("log_softmax", input, dim), dtype=dtype)


def linear(input, weight, bias=None):
    for position, (name, value) in enumerate((("input", input), ("weight", weight)), 1):
        if not isinstance(value, _Tensor):
            raise TypeError("linear(): argument '%s' (position %d) must be Tensor, not %s"
                            % (name, position, type(value).__name__))
    if bias is not None and input.dim() == 2:
        return _la.addmm(bias, input, weight.t())
    if bias is not None and input.dim() >= 1 and input.is_contiguous() and (
            input.dim() == 3 or bias.dim() == 1):
        # ATen's _flatten_nd_linear: the leading dimensions flattened into one addmm's rows,
        # the result viewed back (a 1-D input is one row).
        sizes = tuple(input.shape)
        rows = 1
        for size in sizes[:-1]:
            rows *= size
        out = _la.addmm(bias, input.reshape(rows, sizes[-1]), weight.t())
        return out.view(*sizes[:-1], out.shape[1])
    out = _la.matmul(input, weight.t())
    return out + bias if bias is not None else out


def _check_sizes(input, target):
    for value in (target, input):  # torch's `target.size() == input.size()`
        if not isinstance(value, _Tensor):
            raise AttributeError("'%s' object has no attribute 'size'" % type(value).__name__)
    if input.shape != target.shape:
        warnings.warn("Using a target size (%r) that is different to the input size (%r). This "
                      "will likely lead to incorrect results due to broadcasting. Please ensure "
                      "they have the same size." % (target.shape, input.shape), UserWarning)


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    reduction = _reduction(reduction, size_average, reduce)
    return _more.pointwise_loss(_d.MSE_LOSS, "mse_cpu", input, target, (reduction,))


def _broadcast_pair(a, b):
    # torch.broadcast_tensors: only a tensor whose shape changes gets an ExpandBackward0.
    from ..shape_util import broadcast_shapes
    shape = broadcast_shapes(tuple(a.shape), tuple(b.shape))  # PyTorch's size-mismatch error
    return tuple(t if tuple(t.shape) == shape else t.expand(shape) for t in (a, b))


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    reduction = _reduction(reduction, size_average, reduce)
    _check_sizes(input, target)
    loss = (input - target).abs()
    return loss.mean() if reduction == "mean" else loss.sum() if reduction == "sum" else loss


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None,
                         reduction="mean"):
    reduction = _reduction(reduction, size_average, reduce)
    if target.shape != input.shape:
        raise ValueError("Using a target size (%r) that is different to the input size (%r) is "
                         "deprecated. Please ensure they have the same size."
                         % (target.shape, input.shape))
    if target.dtype is not input.dtype:
        raise RuntimeError("Found dtype %s but expected %s"
                           % (target.dtype.scalar_name, input.dtype.scalar_name))
    if weight is not None:  # torch.nn.functional's: weight.expand(broadcast_shapes(...))
        weight = weight.expand(_broadcast_shapes(target.shape, weight.shape))
        if weight.shape != input.shape:
            raise RuntimeError("output with shape %s doesn't match the broadcast shape %s"
                               % (list(input.shape), list(weight.shape)))
    if ((input._data < 0) | (input._data > 1)).any():
        raise RuntimeError("all elements of input should be between 0 and 1")
    return _call(_d.BCE, (input, target), (weight, reduction), input.dtype)


def dropout(input, p=0.5, training=True, inplace=False):
    """ATen's _dropout_impl on CPU: input * (bernoulli_(1 - p) noise / (1 - p)), a
    MulBackward0; p == 0, eval mode and empty inputs give the input itself."""
    if p < 0.0 or p > 1.0:
        raise ValueError("dropout probability has to be between 0 and 1, but got %s" % (p,))
    if p == 0 or not training or input.numel() == 0:
        return input
    if p == 1:
        zero = _Tensor.new_zeros(input, ())
        return input.mul_(zero) if inplace else _pw.mul(input, zero)
    noise = _Tensor.new_empty(input, input.shape).bernoulli_(1 - p)
    noise.div_(1 - p)
    return input.mul_(noise) if inplace else _pw.mul(input, noise)
