"""NumPy kernels of ATen's CPU layer_norm, batch_norm and embedding (forward and backward).

Statistics follow the kernels' accumulation types: batch_norm sums in double (acc_type of
float on CPU) and rounds mean and variance sum to the input's dtype, its running statistics
updated in double; layer_norm's row moments and rstd are the input's dtype. The outputs are
then `x * alpha + beta` (batch_norm) and `(x * rstd + (-rstd * mean)) * gamma + beta`
(layer_norm) in the input's dtype, two roundings each, no fused multiply-add, as the
vectorised kernels compute them."""

import os

import numpy as np

__all__ = []


def intra_op_threads():
    """at::get_num_threads() as torch starts: OMP_NUM_THREADS, else the usable cores. The
    channels-last batch_norm kernels split rows among threads, so their sums depend on it."""
    try:
        return max(1, int(os.environ.get("OMP_NUM_THREADS", "")))
    except ValueError:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
            else (os.cpu_count() or 1)


def _per_thread_sums(terms):
    """Rows (N, C) summed as at::parallel_for(0, N, 1) over the threads: each thread adds
    its contiguous block of rows in order into a buffer of the dtype, then the buffers are
    added in double and rounded back."""
    n = terms.shape[0]
    threads = intra_op_threads()
    chunk = -(-n // threads) if n else 1
    total = np.zeros(terms.shape[1], np.float64)
    for start in range(0, n, chunk):
        total += np.add.accumulate(terms[start:start + chunk], axis=0)[-1]
    return total.astype(terms.dtype)


def _rows(x, normalized_ndim):
    n = int(np.prod(x.shape[x.ndim - normalized_ndim:], dtype=np.int64))
    return x.reshape(-1, n), n


def layer_norm_stats(x, normalized_ndim, eps):
    """(mean, rstd) per row, shaped (M, 1), in x's dtype."""
    rows, _ = _rows(x, normalized_ndim)
    wide = rows.astype(np.float64)
    mean = wide.mean(axis=1, keepdims=True)
    var = ((wide - mean) ** 2).mean(axis=1, keepdims=True)
    dtype = x.dtype.type
    mean, var = mean.astype(x.dtype), var.astype(x.dtype)
    rstd = dtype(1) / np.sqrt(np.maximum(var, dtype(0)) + dtype(eps))
    return mean, rstd


def layer_norm(x, weight, bias, normalized_shape, eps):
    mean, rstd = layer_norm_stats(x, len(normalized_shape), eps)
    rows, n = _rows(x, len(normalized_shape))
    y = rows * rstd + (-rstd * mean)
    if weight is not None:
        y = y * weight.reshape(1, n).astype(x.dtype, copy=False)
    if bias is not None:
        y = y + bias.reshape(1, n).astype(x.dtype, copy=False)
    return y.reshape(x.shape)


def layer_norm_backward(grad, x, weight, normalized_shape, eps):
    """(grad_input, grad_weight, grad_bias) as ATen's LayerNormBackwardKernel, in double."""
    k = len(normalized_shape)
    mean, rstd = layer_norm_stats(x, k, eps)
    rows, n = _rows(x, k)
    dy, _ = _rows(grad, k)
    dy, xs = dy.astype(np.float64), rows.astype(np.float64)
    mean, rstd = mean.astype(np.float64), rstd.astype(np.float64)
    gamma = np.ones(n) if weight is None else weight.reshape(n).astype(np.float64)
    ds = (dy * gamma * xs).sum(axis=1, keepdims=True)
    db = (dy * gamma).sum(axis=1, keepdims=True)
    b = (db * mean - ds) * rstd ** 3 / n
    c = -b * mean - db * rstd / n
    grad_input = (rstd * dy * gamma + b * xs + c).astype(x.dtype).reshape(x.shape)
    grad_weight = (dy * (xs - mean) * rstd).sum(axis=0).astype(x.dtype).reshape(
        normalized_shape)
    grad_bias = dy.sum(axis=0).astype(x.dtype).reshape(normalized_shape)
    return grad_input, grad_weight, grad_bias


def _channels(x):
    """x as (N, C, L): channel statistics reduce over axes 0 and 2."""
    return x.reshape(x.shape[0], x.shape[1], -1)


def batch_norm_stats(x):
    """(mean, var_sum) per channel in x's dtype: summed in double, or, for one value per
    channel and row (N, C), per thread as the channels-last kernel does when N > threads."""
    xs = _channels(x)
    n = xs.size // xs.shape[1]
    if xs.shape[2] == 1 and n > intra_op_threads():
        rows = xs[:, :, 0]
        mean = (_per_thread_sums(rows).astype(np.float64) / n).astype(x.dtype)
        diff = rows - mean
        return mean, _per_thread_sums(diff * diff)
    mean = (xs.astype(np.float64).sum(axis=(0, 2)) / n).astype(x.dtype)
    diff = xs - mean[None, :, None]
    var_sum = (diff * diff).astype(np.float64).sum(axis=(0, 2)).astype(x.dtype)
    return mean, var_sum


def batch_norm_update_stats(x, running_mean, running_var, momentum, eps):
    """(mean, invstd) of the batch; the running statistics (arrays) updated in place."""
    mean, var_sum = batch_norm_stats(x)
    n = x.size // x.shape[1]
    invstd = (1.0 / np.sqrt(var_sum.astype(np.float64) / n + eps)).astype(x.dtype)
    if running_mean is not None:
        running_mean[...] = (momentum * mean.astype(np.float64)
                             + (1 - momentum) * running_mean.astype(np.float64))
    if running_var is not None:
        with np.errstate(divide="ignore", invalid="ignore"):
            unbiased = var_sum.astype(np.float64) / (n - 1)
        running_var[...] = momentum * unbiased + (1 - momentum) * running_var.astype(
            np.float64)
    return mean, invstd


def batch_norm_eval_stats(x, running_mean, running_var, eps):
    dtype = x.dtype.type
    mean = running_mean.astype(x.dtype, copy=False)
    invstd = dtype(1) / np.sqrt(running_var.astype(x.dtype, copy=False) + dtype(eps))
    return mean, invstd


def batch_norm_apply(x, weight, bias, mean, invstd):
    dtype = x.dtype.type
    w = weight.astype(x.dtype, copy=False) if weight is not None else np.ones_like(invstd)
    b = bias.astype(x.dtype, copy=False) if bias is not None else np.zeros_like(invstd)
    alpha = invstd * w
    beta = b - mean * alpha
    shape = (1, -1) + (1,) * (x.ndim - 2)
    out = x * alpha.reshape(shape) + beta.reshape(shape)
    return out.astype(dtype, copy=False)


def batch_norm_backward(grad, x, weight, mean, invstd, train):
    """(grad_input, grad_weight, grad_bias) as batch_norm_cpu_backward: the sums of dy and
    (x - mean) * dy per thread for (N, C) inputs (the channels-last kernel), in double
    otherwise; then the input's dtype throughout."""
    xs, dy = _channels(x), _channels(grad)
    n = xs.size // xs.shape[1]
    centered = xs - mean[None, :, None]
    if xs.shape[2] == 1:
        total = _per_thread_sums(dy[:, :, 0])
        dotp = _per_thread_sums(centered[:, :, 0] * dy[:, :, 0])
    else:
        total = dy.astype(np.float64).sum(axis=(0, 2)).astype(x.dtype)
        dotp = (centered * dy).astype(np.float64).sum(axis=(0, 2)).astype(x.dtype)
    w = np.ones(x.shape[1], x.dtype) if weight is None else weight.astype(x.dtype)
    count = x.dtype.type(n)
    if train:
        k = dotp * invstd * invstd / count
        grad_mean = total / count
        dx = centered * k[None, :, None]
        grad_input = (dy - grad_mean[None, :, None] - dx) * invstd[None, :, None] \
            * w[None, :, None]
    else:
        grad_input = dy * invstd[None, :, None] * w[None, :, None]
    return grad_input.reshape(x.shape), dotp * invstd, total


def embedding(weight, indices, padding_idx, scale_grad_by_freq):
    return weight[indices._data]


def embedding_dense_backward(grad, indices, num_weights, padding_idx, scale_grad_by_freq):
    """Rows of grad added into zeros in index order (ATen's embedding_dense_backward_cpu);
    padding_idx's row gets nothing, scale_grad_by_freq divides by each index's count."""
    flat = indices._data.reshape(-1)
    rows = grad.reshape(flat.size, grad.shape[-1])
    out = np.zeros((num_weights, grad.shape[-1]), grad.dtype)
    keep = flat != padding_idx
    flat, rows = flat[keep], rows[keep]
    if scale_grad_by_freq:
        counts = np.bincount(flat, minlength=num_weights)
        rows = rows * (1.0 / counts[flat])[:, None].astype(grad.dtype)
    np.add.at(out, flat, rows)
    return out
