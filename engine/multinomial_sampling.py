"""torch.multinomial as ATen's CPU multinomial_out draws it (native/Distributions.cpp).

Without replacement, or for one sample, PyTorch's fast path divides the probabilities by
Exp(1) noise (exponential_ on the generator) and takes the argmax / topk; with replacement
each row's cumulative distribution is normalised and searched for one double uniform per
sample (native/cpu/MultinomialKernel.cpp).
"""

import numpy as np

from . import distributions as dist
from . import dtypes
from .generator import resolve
from .kernels_sort import topk
from .tensor import wrap
from .tensor_queries import tensor_argument


def multinomial(input, num_samples, replacement=False, *, generator=None):
    input = tensor_argument(input, "multinomial")
    if isinstance(num_samples, bool) or not isinstance(num_samples, int):
        raise TypeError("multinomial(): argument 'num_samples' (position 2) must be int, not %s"
                        % type(num_samples).__name__)
    probs = input._data
    if probs.ndim not in (1, 2):
        raise RuntimeError("prob_dist must be 1 or 2 dim")
    if input._dtype.category != 2:
        raise RuntimeError("multinomial only supports floating-point dtypes for input, got: %s"
                           % input._dtype.scalar_name)
    if num_samples <= 0:
        raise RuntimeError("cannot sample n_sample <= 0 samples")
    if not replacement and num_samples > probs.shape[-1]:
        raise RuntimeError("cannot sample n_sample > prob_dist.size(-1) samples without "
                           "replacement")
    rows = probs if probs.ndim == 2 else probs[None]
    generator = resolve(generator)
    if not replacement or num_samples == 1:
        samples = _by_exponential_noise(rows, num_samples, generator)
    else:
        samples = np.stack([_by_cumulative_search(row, num_samples, generator) for row in rows])
    return wrap(samples.reshape(probs.shape[:-1] + (num_samples,)), dtypes.int64)


def _by_exponential_noise(rows, num_samples, generator):
    if rows.size == 0:
        raise RuntimeError("aminmax(): cannot compute aminmax over an empty dimension as the "
                           "operation has no identity.")
    if not (np.all(rows < np.inf) and np.all(rows >= 0)):
        raise RuntimeError("probability tensor contains either `inf`, `nan` or element < 0")
    if np.any(np.all(rows == 0, axis=1)):
        raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
    noise = dist.exponential(generator, rows.size, rows.dtype, 1.0).reshape(rows.shape)
    keys = rows / noise
    if num_samples == 1:
        return np.argmax(keys, axis=1)[:, None].astype(np.int64)
    return topk(keys, num_samples, 1, True, True)[1]


def _by_cumulative_search(row, num_samples, generator):
    # float16 rows accumulate in float, as the kernel's reduced-precision overload does.
    accumulate = np.float64 if row.dtype == np.float64 else np.float32
    total = accumulate(0)
    cumulative = np.empty(row.shape, accumulate)
    for j, value in enumerate(row.astype(accumulate).tolist()):
        if not value >= 0:
            raise RuntimeError("invalid multinomial distribution (encountering probability "
                               "entry < 0)")
        if not np.isfinite(value):
            raise RuntimeError("invalid multinomial distribution (encountering probability "
                               "entry = infinity or NaN)")
        total = accumulate(total + accumulate(value))
        cumulative[j] = total
    if not total > 0:
        raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
    cumulative /= total
    cumulative[-1] = 1
    uniforms = dist.uniform01_double(generator, num_samples)
    # The first slot whose cumulative probability is not below the uniform (a binary search).
    return np.searchsorted(cumulative.astype(np.float64), uniforms, side="left").astype(np.int64)
