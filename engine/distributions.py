"""PyTorch's CPU sampling kernels on a Generator's stream, as NumPy arrays.

Each function draws exactly the words PyTorch's kernel draws, in its order, and applies
its transformation (aten/src/ATen/core/TransformationHelper.h, DistributionsHelper.h and
native/cpu/DistributionTemplates.h), so values and the stream left behind both match.
"""

import math

import numpy as np

from .float_math import avx_log, avx_sincos, fma_f32, fma_f64, libm_log

_MASK24 = np.uint64((1 << 24) - 1)
_MASK53 = np.uint64((1 << 53) - 1)
_F32 = np.float32
_TWO_PI_F32 = _F32(2.0 * math.pi)


# ---- uniform --------------------------------------------------------------------------------

def uniform01_float(generator, n):
    """uniform_real_distribution<float>(0, 1): 24 bits of a 32-bit word, times 2^-24."""
    return (generator.random32(n) & _MASK24).astype(_F32) * _F32(2.0 ** -24)


def uniform01_double(generator, n):
    """uniform_real_distribution<double>(0, 1): 53 bits of a 64-bit draw, times 2^-53."""
    return (generator.random64(n) & _MASK53).astype(np.float64) * (2.0 ** -53)


def uniform(generator, n, np_dtype, low, high):
    """uniform_(low, high): x * (to - from) + from (fused), in float for float16/float32."""
    if np_dtype == np.float64:
        return fma_f64(uniform01_double(generator, n), high - low, low)
    low32, high32 = _F32(low), _F32(high)
    values = fma_f32(uniform01_float(generator, n), high32 - low32, low32).astype(np_dtype)
    # A value rounded up to `to` by the cast becomes `from`: the range stays [from, to).
    values[values == np_dtype.type(high)] = np_dtype.type(low)
    return values


# ---- normal ---------------------------------------------------------------------------------

def normal(generator, n, np_dtype, mean, std, contiguous=True):
    """normal_(mean, std) of n values: normal_fill for 16 or more contiguous values, else
    the scalar Box-Muller of normal_distribution<double> with its cached second value."""
    if n >= 16 and contiguous:
        if np_dtype == np.float64:
            return _normal_fill(generator, n, uniform01_double, _box_muller_double, mean, std)
        if np_dtype == np.float32:
            return _normal_fill(generator, n, uniform01_float, _box_muller_float, mean, std)
        return _normal_fill_half(generator, n, mean, std).astype(np_dtype)
    return _normal_scalar(generator, n, mean, std).astype(np_dtype)


def _normal_fill(generator, n, uniform01, box_muller, mean, std):
    # All n uniforms first, Box-Muller on each block of 16 (u1 from the first 8, u2 from the
    # last 8), then, when n % 16 != 0, the last 16 values again from 16 fresh uniforms.
    data = uniform01(generator, n)
    whole = n // 16 * 16
    data[:whole] = box_muller(data[:whole], mean, std)
    if n % 16:
        data[n - 16:] = box_muller(uniform01(generator, 16), mean, std)
    return data


def _normal_fill_half(generator, n, mean, std):
    # float16 computes in float, block by block: 16 uniforms then their Box-Muller, so the
    # tail's uniforms follow the last whole block directly.
    whole = n // 16 * 16
    data = np.empty(n, dtype=_F32)
    uniforms = uniform01_float(generator, whole + (16 if n % 16 else 0))
    data[:whole] = _box_muller_float(uniforms[:whole], mean, std)
    if n % 16:
        data[n - 16:] = _box_muller_float(uniforms[whole:], mean, std)
    return data


def _scale(values, mean, std, fma):
    if mean == 0 and std == 1:
        return values
    return fma(values, std, mean)


def _box_muller_float(data, mean, std):
    """NormalFill16<float> of the AVX2 kernel (the one AVX512 machines run too)."""
    blocks = data.reshape(-1, 16)
    radius = np.sqrt(_F32(-2) * avx_log(_F32(1) - blocks[:, :8]))
    sine, cosine = avx_sincos(_TWO_PI_F32 * blocks[:, 8:])
    out = np.concatenate([radius * cosine, radius * sine], axis=1).reshape(-1)
    return _scale(out, _F32(mean), _F32(std), fma_f32)


def _box_muller_double(data, mean, std):
    """NormalFill16<double>: std::log, std::cos, std::sin, std::fma in double."""
    blocks = data.reshape(-1, 16)
    radius = np.sqrt(-2 * libm_log(1 - blocks[:, :8]))
    theta = (2.0 * math.pi) * blocks[:, 8:]
    out = np.concatenate([radius * np.cos(theta), radius * np.sin(theta)], axis=1).reshape(-1)
    return _scale(out, float(mean), float(std), fma_f64)


def _normal_scalar(generator, n, mean, std):
    """n draws of normal_distribution<double>: each Box-Muller pair gives r*cos now and keeps
    r*sin for the next draw, across calls, until manual_seed clears it."""
    values = []
    if n and generator.next_double_normal is not None:
        values.append(generator.next_double_normal)
        generator.next_double_normal = None
    missing = n - len(values)
    pairs = (missing + 1) // 2
    if pairs:
        # Python's math module is the C library's: glibc's log1p is not correctly rounded,
        # so no NumPy stand-in gives its last bit.
        u = uniform01_double(generator, 2 * pairs).tolist()
        fresh = []
        for u1, u2 in zip(u[0::2], u[1::2]):
            radius = math.sqrt(-2.0 * math.log1p(-u2))
            theta = 2.0 * math.pi * u1
            fresh += [radius * math.cos(theta), radius * math.sin(theta)]
        if missing % 2:
            generator.next_double_normal = fresh[-1]
        values.extend(fresh[:missing])
    return _scale(np.array(values, dtype=np.float64), float(mean), float(std), fma_f64)


# ---- integers -------------------------------------------------------------------------------

def random_from_to(generator, n, np_dtype, range_, base):
    """random_(from, to): (draw % range) + from. PyTorch 2.13 takes a 64-bit draw once the
    range reaches 2^28, for every dtype (measured: older sources say 2^32, for 64-bit types)."""
    words = generator.random64(n) if range_ >= 1 << 28 else generator.random32(n)
    values = (words % np.uint64(range_)) + np.uint64(base % (1 << 64))
    return values.view(np.int64).astype(np_dtype)


def random_full_range(generator, n, np_dtype):
    """random_(-2^63, None): a whole 64-bit draw as int64."""
    return generator.random64(n).view(np.int64).astype(np_dtype)


def random_default(generator, n, np_dtype):
    """random_() without bounds: [0, max] of an integer type, [0, 2^mantissa] of a float."""
    kind, size = np_dtype.kind, np_dtype.itemsize
    wide = np_dtype in (np.dtype(np.int64), np.dtype(np.float64))
    words = generator.random64(n) if wide else generator.random32(n)
    if kind == "b":
        return (words & np.uint64(1)).astype(np.bool_)
    if kind == "f":
        digits = {2: 11, 4: 24, 8: 53}[size]
        return (words % np.uint64((1 << digits) + 1)).astype(np_dtype)
    modulus = int(np.iinfo(np_dtype).max) + 1
    return (words % np.uint64(modulus)).astype(np_dtype)


def randperm(generator, n):
    """randperm_cpu: a Fisher-Yates pass swapping i with i + random() % (n - i)."""
    if n < 2:
        return np.arange(n, dtype=np.int64)
    offsets = (generator.random32(n - 1) % np.arange(n, 1, -1, dtype=np.uint64)).tolist()
    perm = list(range(n))
    for i, z in enumerate(offsets):
        j = i + z
        perm[i], perm[j] = perm[j], perm[i]
    return np.array(perm, dtype=np.int64)


# ---- bernoulli ------------------------------------------------------------------------------

def bernoulli_scalar(generator, n, p):
    """bernoulli_(p) for a Python p: a double uniform per element, 1 where it is below p.
    (PyTorch's MKL kernel is used instead on Intel CPUs: see README.)"""
    return uniform01_double(generator, n) < p


def bernoulli_tensor(generator, probabilities):
    """bernoulli_(p_tensor): per element a double uniform if p is float64, else a float."""
    p = probabilities.reshape(-1)
    if p.dtype == np.float64:
        return (uniform01_double(generator, p.size) < p).reshape(probabilities.shape)
    return (uniform01_float(generator, p.size) < p.astype(_F32)).reshape(probabilities.shape)


# ---- exponential ----------------------------------------------------------------------------

def exponential(generator, n, np_dtype, lambd):
    """exponential_(lambd): -1/lambd * log1p(-u) of a double uniform per value, in double (glibc's
    log1p), then cast (through float for float16), as exponential_distribution<double>."""
    u = uniform01_double(generator, n)
    values = (-1.0 / lambd) * np.array([math.log1p(-v) for v in u.tolist()], dtype=np.float64)
    if np_dtype == np.float64:
        return values
    return values.astype(_F32).astype(np_dtype)
