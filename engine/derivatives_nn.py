"""The derivative table, continued: torch.nn.functional's activations and losses with a
node of their own in PyTorch (EluBackward0, HardswishBackward0, GluBackward0,
SoftMarginLossBackward0, MultiMarginLossBackward0 ...), and their backward functions.

Same rules as derivatives.py (which re-exports these, so every entry is one table);
formulas follow tools/autograd/derivatives.yaml. The in-place variants PyTorch names
apart (elu_ -> EluBackward1, its formula reading the result) are entries of their own.
"""

from . import kernels_activation as ka
from . import kernels_loss as kl
from . import kernels as k
from . import kernels_nn as kn
from .opspec import OpSpec, op, FLOAT

__all__ = []


def _celu(a, alpha):
    return ka.elu(a, alpha, 1.0, 1.0 / alpha)


def _elu_backward_kernel(grad, x, alpha, scale, input_scale, is_result):
    return ka.elu_backward(grad, x, alpha, scale, input_scale, is_result)


# ---- the elu family: elu, selu (scale), celu (input_scale = 1 / alpha) ---------------------
ELU = op("elu", "EluBackward0", "self; alpha, scale, input_scale", ka.elu,
         self="elu_backward(grad, self, alpha, scale, input_scale, False)")
ELU_INPLACE = op("elu_", "EluBackward1", "self; alpha, scale, input_scale", ka.elu,
                 self="elu_backward(grad, result, alpha, scale, input_scale, True)")
CELU = op("celu", "CeluBackward0", "self; alpha", _celu,
          self="elu_backward(grad, self, alpha, 1.0, 1.0 / alpha, False)")
CELU_INPLACE = op("celu_", "CeluBackward1", "self; alpha", _celu,
                  self="elu_backward(grad, result, alpha, 1.0, 1.0 / alpha, True)")
ELU_BACKWARD = op("elu_backward", "EluBackwardBackward0",
                  "grad_output, self_or_result; alpha, scale, input_scale, is_result",
                  _elu_backward_kernel,
                  grad_output="elu_backward(grad, self_or_result, alpha, scale, input_scale, "
                              "is_result)",
                  self_or_result="elu_double_backward(grad, grad_output, alpha, scale, "
                                 "input_scale, is_result, self_or_result)")
LEAKY_RELU_INPLACE = op("leaky_relu_", "LeakyReluBackward1", "self; negative_slope",
                        k.leaky_relu,
                        self="leaky_relu_backward_of_result(grad, result, negative_slope)")

# ---- threshold and rrelu ------------------------------------------------------------------
THRESHOLD = op("threshold", "ThresholdBackward0", "self; threshold, value", ka.threshold,
               self="threshold_backward(grad, self, threshold)")
THRESHOLD_INPLACE = op("threshold_", "ThresholdBackward1", "self; threshold, value",
                       ka.threshold, self="threshold_backward(grad, self, threshold)")
RRELU = op("rrelu_with_noise", "RreluWithNoiseBackward0", "self; noise, lower, upper, training",
           ka.rrelu_with_noise,
           self="rrelu_with_noise_backward(grad, self, noise, lower, upper, training, False)")
RRELU_INPLACE = op("rrelu_with_noise_", "RreluWithNoiseBackward1",
                   "self; noise, lower, upper, training", ka.rrelu_with_noise,
                   self="rrelu_with_noise_backward(grad, result, noise, lower, upper, training, "
                        "True)")
RRELU_BACKWARD = op("rrelu_with_noise_backward", "RreluWithNoiseBackwardBackward0",
                    "grad_output, self; noise, lower, upper, training, self_is_result",
                    ka.rrelu_with_noise_backward,
                    grad_output="rrelu_with_noise_backward(grad, self, noise, lower, upper, "
                                "training, False)",
                    self="zeros_like(grad)")

# ---- hard activations, mish ---------------------------------------------------------------
HARDSWISH = op("hardswish", "HardswishBackward0", "self", ka.hardswish,
               self="hardswish_backward(grad, self)")
HARDSWISH_BACKWARD = op("hardswish_backward", "HardswishBackwardBackward0", "grad_output, self",
                        ka.hardswish_backward, grad_output="hardswish_backward(grad, self)",
                        self="where((self > -3.0) & (self < 3.0), grad * grad_output / 3.0, 0.0)")
HARDSIGMOID = op("hardsigmoid", "HardsigmoidBackward0", "self", ka.hardsigmoid,
                 self="hardsigmoid_backward(grad, self)")
# derivatives.yaml has no entry for hardsigmoid_backward: its node is NotImplemented.
HARDSIGMOID_BACKWARD = op("hardsigmoid_backward", "NotImplemented", "grad_output, self",
                          ka.hardsigmoid_backward,
                          grad_output="not_implemented('aten::hardsigmoid_backward')",
                          self="not_implemented('aten::hardsigmoid_backward')")
LOG_SIGMOID = op("log_sigmoid", "LogSigmoidBackward0", "self", ka.log_sigmoid,
                 self="log_sigmoid_backward(grad, self)")
# The buffer exp(-|x|) ATen saves is recomputed from self by the kernel.
LOG_SIGMOID_BACKWARD = op("log_sigmoid_backward", "LogSigmoidBackwardBackward0",
                          "grad_output, self", ka.log_sigmoid_backward,
                          grad_output="log_sigmoid_backward(grad, self)",
                          self="log_sigmoid_double_backward(grad * grad_output, self)")
MISH = op("mish", "MishBackward0", "self", ka.mish, self="mish_backward(grad, self)")

# ---- shrinks ------------------------------------------------------------------------------
SOFTSHRINK = op("softshrink", "SoftshrinkBackward0", "self; lambd", ka.softshrink,
                self="softshrink_backward(grad, self, lambd)")
SOFTSHRINK_BACKWARD = op("softshrink_backward", "SoftshrinkBackwardBackward0",
                         "grad_output, self; lambd", ka.shrink_backward,
                         grad_output="softshrink_backward(grad, self, lambd)",
                         self="zeros_like(grad)")
HARDSHRINK = op("hardshrink", "HardshrinkBackward0", "self; lambd", ka.hardshrink,
                self="hardshrink_backward(grad, self, lambd)")
HARDSHRINK_BACKWARD = op("hardshrink_backward", "HardshrinkBackwardBackward0",
                         "grad_out, self; lambd", ka.shrink_backward,
                         grad_out="hardshrink_backward(grad, self, lambd)",
                         self="zeros_like(grad)")

# ---- glu, prelu ---------------------------------------------------------------------------
GLU = op("glu", "GluBackward0", "self; dim", ka.glu, self="glu_backward(grad, self, dim)")
GLU_BACKWARD = op("glu_backward", "GluBackwardBackward0", "grad_output, self; dim",
                  ka.glu_backward,
                  grad_output="glu_double_backward_grad_output(grad, self, dim)",
                  self="glu_double_backward(grad, grad_output, self, dim)")
PRELU = op("_prelu_kernel", "PreluKernelBackward0", "self, weight", ka.prelu,
           self="prelu_kernel_backward(grad, self, weight)[0]",
           weight="prelu_kernel_backward(grad, self, weight)[1]")
PRELU_BACKWARD = op("_prelu_kernel_backward", "PreluKernelBackwardBackward0",
                    "grad_output, self, weight", ka.prelu_backward, n_outputs=2,
                    grad_output="prelu_double_backward_grad_output(grads, self, weight)",
                    self="prelu_double_backward_self(grads, grad_output, self)",
                    weight="prelu_double_backward_weight(grads, grad_output, self)")

# ---- losses with their own kernels --------------------------------------------------------
SOFT_MARGIN_LOSS = op("soft_margin_loss", "SoftMarginLossBackward0", "self; target, reduction",
                      kl.soft_margin_loss,
                      self="soft_margin_loss_backward(grad, self, wrap_like(target, self), "
                           "reduction)")
SOFT_MARGIN_LOSS_BACKWARD = op(
    "soft_margin_loss_backward", "SoftMarginLossBackwardBackward0",
    "grad_output, self; target, reduction", kl.soft_margin_loss_backward,
    grad_output="soft_margin_loss_double_backward_grad_output(grad, grad_output, self, "
                "wrap_like(target, self), reduction)",
    self="soft_margin_loss_double_backward(grad * grad_output, self, wrap_like(target, self), "
         "reduction)")
MULTI_MARGIN_LOSS = op("multi_margin_loss", "MultiMarginLossBackward0",
                       "self; target, p, margin, weight, reduction", kl.multi_margin_loss,
                       self="multi_margin_loss_backward(grad, self, target, p, margin, weight, "
                            "reduction)")
MULTI_MARGIN_LOSS_BACKWARD = op(
    "multi_margin_loss_backward", "NotImplemented",
    "grad_output, self; target, p, margin, weight, reduction", kl.multi_margin_loss_backward,
    grad_output="not_implemented('aten::multi_margin_loss_backward')",
    self="not_implemented('aten::multi_margin_loss_backward')")
MULTILABEL_MARGIN_LOSS = op("multilabel_margin_loss_forward", "MultilabelMarginLossBackward0",
                            "self; target, reduction", kl.multilabel_margin_loss, n_outputs=2,
                            self="multilabel_margin_loss_backward(grad, self, target, "
                                 "reduction, results[1])")
MULTILABEL_MARGIN_LOSS_BACKWARD = op(
    "multilabel_margin_loss_backward", "NotImplemented",
    "grad_output, self; target, reduction, is_target", kl.multilabel_margin_loss_backward,
    grad_output="not_implemented('aten::multilabel_margin_loss_backward')",
    self="not_implemented('aten::multilabel_margin_loss_backward')")

# ---- distances ----------------------------------------------------------------------------
# at::norm(x, p, dim): what ATen's pairwise_distance calls (torch.norm runs linalg_vector_norm).
NORM_DIM = op("norm", "NormBackward1", "self; p, dim, keepdim", k.norm, FLOAT,
              self="norm_backward(grad, self, p, result, dim, keepdim)")
PDIST = op("_pdist_forward", "PdistBackward0", "self; p", kl.pdist,
           self="pdist_backward(grad, self, p, result)")
PDIST_BACKWARD = op("_pdist_backward", "PdistBackwardBackward0", "grad_output, self, pdist; p",
                    kl.pdist_backward,
                    grad_output="not_differentiable('_pdist_backward')",
                    self="not_differentiable('_pdist_backward')",
                    pdist="not_differentiable('_pdist_backward')")

__all__ = [name for name, value in list(globals().items()) if isinstance(value, OpSpec)]
