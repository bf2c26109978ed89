"""ATen's elementwise CPU loops (cpu_kernel_vec): which elements they compute in whole
vectors and which in the scalar tail, and the exp each part uses.

cpu_kernel_vec runs its vector function on blocks of 2 * Vectorized<T>::size() elements of
each contiguous inner row and its scalar function on the rest: float32 exp is SLEEF's
there (Sleef_expf8_u10) and the C library's in the tail. Their last bits differ, so a
kernel that calls exp matches torch only with the right one at each element.
"""

import numpy as np

from .cpu_capability import VECTOR_BYTES
from .kernels_softmax import sleef_expf


def vectorised_count(n, dtype, vector_bytes=None):
    """How many leading elements of a contiguous row of n go through the vector loop, in a
    kernel whose vectors are `vector_bytes` wide (the machine's widest by default)."""
    block = 2 * ((vector_bytes or VECTOR_BYTES) // np.dtype(dtype).itemsize)
    return (n // block) * block


def vector_mask(shape, dtype, inner=None):
    """True where ATen computes in vectors; `inner` is the length of the contiguous rows the
    loop walks (the whole tensor when it is contiguous)."""
    size = int(np.prod(shape, dtype=np.int64))
    inner = size if inner is None else inner
    if inner == 0:
        return np.zeros(shape, bool)
    column = np.arange(inner) < vectorised_count(inner, dtype)
    return np.broadcast_to(column, (size // inner, inner)).reshape(shape)


def kernel_exp(a, inner=None):
    """exp as a cpu_kernel_vec kernel computes it: SLEEF in the vectors, std::exp in the
    tail (float32; other dtypes through NumPy)."""
    if a.dtype != np.float32:
        return np.exp(a)
    scalar = np.exp(a.astype(np.float64)).astype(np.float32)
    if a.ndim == 0:
        return scalar
    return np.where(vector_mask(a.shape, a.dtype, inner), sleef_expf(a), scalar)
