"""torch.nn.functional's activations with an ATen kernel of their own (elu, selu, celu,
leaky_relu, threshold, rrelu, hardswish, hardsigmoid, mish, softshrink, hardshrink, glu,
prelu) and the composite tanhshrink; also the torch.* functions of the same ops.

In-place calls (inplace=True, torch.selu_ ...) go through apply_inplace; where PyTorch
names their node apart (elu_ -> EluBackward1) they run the table's in-place entry."""

import numpy as np

from .. import derivatives as _d
from ..dispatch import call as _call
from ..size_args import number_arg as _number_arg

__all__ = ["elu", "selu", "celu", "leaky_relu", "threshold", "rrelu", "hardswish", "hardsigmoid",
           "mish", "softshrink", "hardshrink", "tanhshrink", "glu", "prelu",
           "elu_", "selu_", "celu_", "leaky_relu_", "threshold_", "rrelu_", "relu_"]

# torch.* functions of the same ops (torch.selu, torch.rrelu_ ...); see engine/__init__.py.
TORCH_FUNCTIONS = ["selu", "selu_", "celu", "celu_", "rrelu", "rrelu_", "threshold",
                   "threshold_", "hardshrink", "prelu", "relu_", "sigmoid_"]

_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946


def _floating_only(input, kernel_name):
    if input.dtype.category != 2:
        raise NotImplementedError('"%s" not implemented for \'%s\''
                                  % (kernel_name, input.dtype.scalar_name))


def _run(op, kernel_name, input, params=(), inplace=False, inplace_op=None):
    _floating_only(input, kernel_name)
    if inplace:
        from ..inplace import apply_inplace
        chosen = inplace_op or op
        return apply_inplace(input, lambda x: _call(chosen, (x,), params, x.dtype))
    return _call(op, (input,), params, input.dtype)


def elu(input, alpha=1.0, inplace=False):
    return _run(_d.ELU, "elu_cpu", input, (alpha, 1.0, 1.0), inplace, _d.ELU_INPLACE)


def elu_(input, alpha=1.0):
    return elu(input, alpha, inplace=True)


def selu(input, inplace=False):
    return _run(_d.ELU, "elu_cpu", input, (_SELU_ALPHA, _SELU_SCALE, 1.0), inplace,
                _d.ELU_INPLACE)


def selu_(input):
    return selu(input, inplace=True)


def celu(input, alpha=1.0, inplace=False):
    if alpha == 0:
        raise RuntimeError("ZeroDivisionError: alpha cannot be 0 for CELU")
    return _run(_d.CELU, "elu_cpu", input, (alpha,), inplace, _d.CELU_INPLACE)


def celu_(input, alpha=1.0):
    return celu(input, alpha, inplace=True)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    return _run(_d.LEAKY_RELU, "leaky_relu_cpu", input, (negative_slope,), inplace,
                _d.LEAKY_RELU_INPLACE)


def leaky_relu_(input, negative_slope=0.01):
    return leaky_relu(input, negative_slope, inplace=True)


def _in_dtype(value, dtype):
    """A Scalar argument as the kernel reads it: cast to an integer tensor's type."""
    return int(value) if dtype.category != 2 and not isinstance(value, bool) else value


def threshold(input, threshold, value, inplace=False):
    dtype = input.dtype
    if dtype.category == 0:
        raise NotImplementedError('"threshold_cpu" not implemented for \'Bool\'')
    params = (_in_dtype(threshold, dtype), _in_dtype(value, dtype))
    if inplace:
        from ..inplace import apply_inplace
        return apply_inplace(input, lambda x: _call(_d.THRESHOLD_INPLACE, (x,), params, x.dtype))
    return _call(_d.THRESHOLD, (input,), params, dtype)


def threshold_(input, threshold_value, value):
    return threshold(input, threshold_value, value, inplace=True)


def _rrelu_noise(input, lower, upper, generator=None):
    """ATen's _rrelu_with_noise_train: one uniform_real_distribution<double>(lower, upper)
    draw (a random64, 53 bits) per element <= 0, in order; 1 elsewhere."""
    from ..generator import resolve
    data = input._data
    negative = (data <= 0).reshape(-1)
    bits = resolve(generator).random64(int(negative.sum()))
    draws = (bits & np.uint64((1 << 53) - 1)).astype(np.float64) * (1.0 / (1 << 53))
    noise = np.ones(data.size, np.float64)
    noise[negative] = draws * (upper - lower) + lower
    return noise.astype(data.dtype).reshape(data.shape)


def rrelu(input, lower=1.0 / 8, upper=1.0 / 3, training=False, inplace=False):
    _floating_only(input, "leaky_relu_cpu" if not training else "rrelu_with_noise_out_cpu")
    if lower > upper:
        raise RuntimeError("Lower bound should be less than or equal to the upper bound")
    noise = _rrelu_noise(input, lower, upper) if training else None
    return _run(_d.RRELU, "leaky_relu_cpu", input, (noise, lower, upper, training), inplace,
                _d.RRELU_INPLACE)


def rrelu_(input, lower=1.0 / 8, upper=1.0 / 3, training=False):
    return rrelu(input, lower, upper, training, inplace=True)


def hardswish(input, inplace=False):
    return _run(_d.HARDSWISH, "hardswish_cpu", input, (), inplace)


def hardsigmoid(input, inplace=False):
    return _run(_d.HARDSIGMOID, "hardsigmoid_cpu", input, (), inplace)


def mish(input, inplace=False):
    return _run(_d.MISH, "mish_cpu", input, (), inplace)


def softshrink(input, lambd=0.5):
    _floating_only(input, "softshrink_check")
    top = float(np.finfo(input.dtype.np_dtype).max)
    if not 0 <= lambd <= top:
        raise RuntimeError("lambda must be in range [0, %s] for input dtype %s, but found %s"
                           % ("%g" % top, input.dtype.scalar_name, "%g" % lambd))
    return _call(_d.SOFTSHRINK, (input,), (lambd,), input.dtype)


def hardshrink(input, lambd=0.5):
    _number_arg("hardshrink", "lambd", 1, lambd, kind="Number")
    return _run(_d.HARDSHRINK, "hardshrink_cpu", input, (lambd,))


def tanhshrink(input):
    return input - input.tanh()


def glu(input, dim=-1):
    if input.dim() == 0:
        raise RuntimeError("glu does not support scalars because halving size must be even")
    from ..shape_util import wrap_dim
    dim = wrap_dim(dim, input.dim())
    if input.shape[dim] % 2:
        raise RuntimeError("Halving dimension must be even, but dimension %d is size %d"
                           % (dim, input.shape[dim]))
    _floating_only(input, "glu_cpu")
    return _call(_d.GLU, (input,), (dim,), input.dtype)


def prelu(input, weight):
    from ..tensor import Tensor
    if not isinstance(weight, Tensor):
        raise TypeError("prelu(): argument 'weight' (position 2) must be Tensor, not %s"
                        % type(weight).__name__)
    if input.dtype is not weight.dtype:
        raise RuntimeError("prelu: Type promoting not supported. Got %s and %s"
                           % (input.dtype.scalar_name, weight.dtype.scalar_name))
    ndim = input.dim()
    if weight.numel() != 1:
        if ndim == 0:
            raise RuntimeError("Not allow zero-dim input tensor.")
        channels = input.shape[1] if ndim > 1 else 1
        if channels != weight.numel():
            raise RuntimeError("Mismatch of parameter numbers and input channel size. Found "
                               "parameter numbers = %d and channel size = %d."
                               % (weight.numel(), channels))
    if weight.dim() > 1:
        raise RuntimeError("prelu: Expected `weight` to be a scalar or 1D tensor, but got: "
                           "ndim = %d" % weight.dim())
    _floating_only(input, "prelu_cpu")
    if ndim != weight.dim():
        shape = [1] * ndim
        if ndim > 1:
            shape[1] = weight.numel()
        weight = weight.view(shape)
    return _call(_d.PRELU, (input, weight), (), input.dtype)


def relu_(input):
    return input.relu_()


def sigmoid_(input):
    return input.sigmoid_()
