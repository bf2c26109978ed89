"""The vector width PyTorch's CPU kernels would run with on this machine.

ATen compiles some kernels (softmax among them) once per CPU capability and picks the
widest the processor supports: AVX512 (64-byte vectors) needs AVX512F, VL, BW and DQ with
FMA; otherwise AVX2 (32 bytes). The environment variable ATEN_CPU_CAPABILITY caps it, as in
PyTorch. A kernel's summation order depends on that width, so its float32 last bits do too.
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
