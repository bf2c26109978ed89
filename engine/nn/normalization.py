"""torch.nn.functional's layer_norm, batch_norm and embedding: ATen's native ops with their
nodes (NativeLayerNormBackward0, NativeBatchNormBackward0, EmbeddingBackward0), argument
checks and error texts. Kernels in kernels_norm.py.

Their backward functions are ops too (native_layer_norm_backward, ...), so a backward under
create_graph=True records them; differentiating those again is not provided (PyTorch has
formulas for it), except embedding's, which is an index_select."""

import numpy as np

from .. import dtypes
from ..dispatch import call
from ..grad_mode import no_grad
from ..opspec import FORMULA_NAMESPACE, op
from ..tensor import Tensor
from ..tensor_queries import typename
from . import kernels_norm as kn

__all__ = ["layer_norm", "batch_norm", "embedding"]


def _not_implemented(name):
    return "not_implemented('aten::%s')" % name


NATIVE_LAYER_NORM = op(
    "native_layer_norm", "NativeLayerNormBackward0", "input, weight, bias; normalized_shape, eps",
    kn.layer_norm,
    input="native_layer_norm_backward(grad, input, weight, normalized_shape, eps)[0]",
    weight="native_layer_norm_backward(grad, input, weight, normalized_shape, eps)[1]",
    bias="native_layer_norm_backward(grad, input, weight, normalized_shape, eps)[2]")
NATIVE_LAYER_NORM_BACKWARD = op(
    "native_layer_norm_backward", "NativeLayerNormBackwardBackward0",
    "grad_out, input, weight; normalized_shape, eps", kn.layer_norm_backward, n_outputs=3,
    grad_out=_not_implemented("native_layer_norm_backward"),
    input=_not_implemented("native_layer_norm_backward"),
    weight=_not_implemented("native_layer_norm_backward"))
NATIVE_BATCH_NORM = op(
    "native_batch_norm", "NativeBatchNormBackward0",
    "input, weight, bias; save_mean, save_invstd, train",
    lambda x, w, b, mean, invstd, train: kn.batch_norm_apply(x, w, b, mean, invstd),
    input="native_batch_norm_backward(grad, input, weight, save_mean, save_invstd, train)[0]",
    weight="native_batch_norm_backward(grad, input, weight, save_mean, save_invstd, train)[1]",
    bias="native_batch_norm_backward(grad, input, weight, save_mean, save_invstd, train)[2]")
NATIVE_BATCH_NORM_BACKWARD = op(
    "native_batch_norm_backward", "NativeBatchNormBackwardBackward0",
    "grad_out, input, weight; save_mean, save_invstd, train", kn.batch_norm_backward,
    n_outputs=3, grad_out=_not_implemented("native_batch_norm_backward"),
    input=_not_implemented("native_batch_norm_backward"),
    weight=_not_implemented("native_batch_norm_backward"))
EMBEDDING = op(
    "embedding", "EmbeddingBackward0", "weight; indices, padding_idx, scale_grad_by_freq",
    kn.embedding,
    weight="embedding_dense_backward(grad, indices, weight_sizes[0], padding_idx, "
           "scale_grad_by_freq)")
EMBEDDING_DENSE_BACKWARD = op(
    "embedding_dense_backward", "EmbeddingDenseBackwardBackward0",
    "grad_output; indices, num_weights, padding_idx, scale_grad_by_freq",
    kn.embedding_dense_backward,
    grad_output="embedding_dense_double_backward(grad, indices, padding_idx)")


# ---- the functions the formulas call -----------------------------------------------------

def native_layer_norm_backward(grad, input, weight, normalized_shape, eps):
    return call(NATIVE_LAYER_NORM_BACKWARD, (grad, input, weight), (normalized_shape, eps),
                input._dtype)


def native_batch_norm_backward(grad, input, weight, save_mean, save_invstd, train):
    return call(NATIVE_BATCH_NORM_BACKWARD, (grad, input, weight),
                (save_mean, save_invstd, train), input._dtype)


def embedding_dense_backward(grad, indices, num_weights, padding_idx, scale_grad_by_freq):
    return call(EMBEDDING_DENSE_BACKWARD, (grad,),
                (indices, num_weights, padding_idx, scale_grad_by_freq), grad._dtype)


def embedding_dense_double_backward(grad, indices, padding_idx):
    """FunctionsManual's embedding_dense_double_backward: the rows the indices select."""
    rows = grad.index_select(0, indices.reshape(-1))
    if padding_idx >= 0:
        rows = rows.masked_fill((indices == padding_idx).reshape(-1, 1), 0)
    return rows.view(tuple(indices.shape) + (-1,))


FORMULA_NAMESPACE.update({f.__name__: f for f in (
    native_layer_norm_backward, native_batch_norm_backward, embedding_dense_backward,
    embedding_dense_double_backward)})


# ---- torch.nn.functional -----------------------------------------------------------------

def _float_kernel(input, kernel_name):
    if input.dtype.category != 2:
        raise NotImplementedError('"%s" not implemented for \'%s\''
                                  % (kernel_name, input.dtype.scalar_name))


def _shape_text(shape):
    return "[%s]" % ", ".join(str(s) for s in shape)


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):
    if isinstance(normalized_shape, int) or not all(
            isinstance(s, int) for s in normalized_shape):
        raise TypeError("layer_norm(): argument 'normalized_shape' (position 2) must be tuple "
                        "of ints, not %s" % type(normalized_shape).__name__)
    shape = tuple(normalized_shape)
    for name, tensor in (("weight", weight), ("bias", bias)):
        if tensor is not None and tuple(tensor.shape) != shape:
            raise RuntimeError("Expected %s to be of same shape as normalized_shape, but got %s "
                               "of shape %s and normalized_shape = %s"
                               % (name, name, _shape_text(tensor.shape), _shape_text(shape)))
    if input.dim() < len(shape) or tuple(input.shape[input.dim() - len(shape):]) != shape:
        raise RuntimeError("Given normalized_shape=%s, expected input with shape [*%s], but got "
                           "input of size%s" % (_shape_text(shape), "".join(
                               ", %d" % s for s in shape), _shape_text(input.shape)))
    _float_kernel(input, "LayerNormKernelImpl")
    return call(NATIVE_LAYER_NORM, (input, weight, bias), (shape, float(eps)), input.dtype)


def _check_channels(name, tensor, channels):
    if tensor is not None and tensor.numel() != channels:
        raise RuntimeError("%s should contain %d elements not %d"
                           % (name, channels, tensor.numel()))


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False,
               momentum=0.1, eps=1e-5):
    if training:
        size = tuple(input.shape)
        if input.dim() < 2:
            input.size(1)  # PyTorch's IndexError for the missing channel dimension
        count = size[0]
        for s in size[2:]:
            count *= s
        if count == 1:
            raise ValueError("Expected more than 1 value per channel when training, got input "
                             "size %s" % (input.shape,))
    if training and eps <= 0.0:
        raise ValueError("batch_norm eps must be positive during training, but got %s" % (eps,))
    if eps < 0.0:
        raise ValueError("batch_norm eps must be non-negative, but got %s" % (eps,))
    channels = input.shape[1] if input.dim() > 1 else 1
    for name, tensor in (("running_mean", running_mean), ("running_var", running_var),
                         ("weight", weight), ("bias", bias)):
        _check_channels(name, tensor, channels)
    _float_kernel(input, "batch_norm")
    x = input._data
    if training:
        mean, invstd = kn.batch_norm_update_stats(
            x, None if running_mean is None else running_mean._data,
            None if running_var is None else running_var._data, momentum, eps)
        for stat in (running_mean, running_var):
            if stat is not None:
                stat._bump_version()
    else:
        mean, invstd = kn.batch_norm_eval_stats(x, running_mean._data, running_var._data, eps)
    return call(NATIVE_BATCH_NORM, (input, weight, bias), (mean, invstd, bool(training)),
                input.dtype)


def padding_row(padding_idx, rows):
    """padding_idx checked against the rows and made non-negative (None stays None)."""
    if padding_idx is not None and not -rows <= padding_idx < max(rows, 1):
        raise AssertionError("Padding_idx must be within num_embeddings")
    return padding_idx + rows if padding_idx is not None and padding_idx < 0 else padding_idx


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0,
              scale_grad_by_freq=False, sparse=False):
    rows = weight.size(0)
    padding_idx = padding_row(padding_idx, rows)
    if padding_idx is None:
        padding_idx = -1
    if not isinstance(input, Tensor):
        raise TypeError("embedding(): argument 'indices' (position 2) must be Tensor, not %s"
                        % type(input).__name__)
    if weight.dim() != 2:
        raise RuntimeError("'weight' must be 2-D")
    if input.dtype not in (dtypes.int64, dtypes.int32):
        raise RuntimeError("Expected tensor for argument #1 'indices' to have one of the "
                           "following scalar types: Long, Int; but got %s instead (while "
                           "checking arguments for embedding)" % typename(input))
    indices = input._data
    if indices.size and (indices.min() < 0 or indices.max() >= rows):
        raise IndexError("index out of range in self")
    if max_norm is not None:
        _embedding_renorm_(weight, input, max_norm, norm_type)
    return call(EMBEDDING, (weight,), (input.detach(), padding_idx, scale_grad_by_freq),
                weight.dtype)


def _embedding_renorm_(weight, input, max_norm, norm_type):
    """ATen's embedding_renorm_: each selected row whose norm exceeds max_norm is scaled by
    max_norm / (norm + 1e-7), in place and untracked."""
    with no_grad():
        data = weight._data
        for i in np.unique(input._data.reshape(-1)):
            row = data[i]
            norm = float(np.sum(np.abs(row.astype(np.float64)) ** norm_type) ** (1.0 / norm_type))
            if norm > max_norm:
                row *= row.dtype.type(max_norm / (norm + 1e-7))
        weight._bump_version()

