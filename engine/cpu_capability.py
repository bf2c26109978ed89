"""The vector width PyTorch's CPU kernels would run with on this machine.

ATen compiles its kernels once per CPU capability. A kernel registered with
ALSO_REGISTER_AVX512_DISPATCH (softmax, sigmoid, silu, glu among those we follow) runs the
widest build the processor supports: AVX512 (64-byte vectors) needs AVX512F, VL, BW and DQ
with FMA; otherwise AVX2 (32 bytes). One registered with plain REGISTER_DISPATCH (softshrink,
log_sigmoid) has no AVX512 build and runs its AVX2 one there: PLAIN_DISPATCH_VECTOR_BYTES.
The environment variable ATEN_CPU_CAPABILITY caps the width, as in PyTorch. Which elements
a kernel computes in vectors, and its summation order, depend on the width, so its float32
last bits do too.
"""

import os

try:
    from numpy._core._multiarray_umath import __cpu_features__ as _FEATURES
except ImportError:  # NumPy 1.x
    try:
        from numpy.core._multiarray_umath import __cpu_features__ as _FEATURES
    except ImportError:
        _FEATURES = {}

_AVX512_NEEDS = ("AVX512F", "AVX512VL", "AVX512BW", "AVX512DQ", "FMA3")


def _has_avx512():
    return all(_FEATURES.get(name, False) for name in _AVX512_NEEDS)


def vector_bytes():
    """64 where PyTorch would dispatch its AVX512 kernels, else 32 (AVX2 and the default
    build both use 32-byte Vectorized<T>)."""
    cap = os.environ.get("ATEN_CPU_CAPABILITY", "").strip().lower()
    if cap and cap != "avx512":
        return 32
    return 64 if _has_avx512() else 32


VECTOR_BYTES = vector_bytes()
PLAIN_DISPATCH_VECTOR_BYTES = 32
