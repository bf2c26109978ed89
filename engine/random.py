"""manual_seed and the random creation functions (NumPy's generator, not PyTorch's stream)."""

import numpy as np

from . import dtypes
from .creation import parse_size, _check_dtype, _finish
from .dtypes import get_default_dtype
from .memory import check_allocation
from .tensor import Tensor, wrap


class Generator:
    """torch.Generator: what manual_seed returns."""

    def __init__(self, device="cpu"):
        self._rng = np.random.default_rng()
        self._seed = None

    def manual_seed(self, seed):
        seed = int(seed)
        self._seed = seed
        self._rng = np.random.default_rng(seed & 0xFFFFFFFFFFFFFFFF)
        return self

    def initial_seed(self):
        return self._seed if self._seed is not None else 0

    def seed(self):
        seed = int(np.random.SeedSequence().entropy) & 0xFFFFFFFFFFFFFFFF
        self.manual_seed(seed)
        return seed


Generator.__module__ = "torch._C"

default_generator = Generator()


def manual_seed(seed):
    return default_generator.manual_seed(seed)


def seed():
    return default_generator.seed()


def initial_seed():
    return default_generator.initial_seed()


def _rng(generator):
    return (generator or default_generator)._rng


def _float_dtype(dtype, name):
    dtype = _check_dtype(dtype) or get_default_dtype()
    if dtype.category != 2:
        raise RuntimeError('"%s" not implemented for \'%s\'' % (name, dtype.name.capitalize()))
    return dtype


def rand(*size, generator=None, out=None, dtype=None, layout=None, device=None,
         requires_grad=False):
    size = parse_size(size)
    dtype = _float_dtype(dtype, "check_uniform_bounds")
    check_allocation(size, dtype)
    data = _rng(generator).random(size, dtype=np.float64).astype(dtype.np_dtype)
    return _finish(wrap(data, dtype), requires_grad)


def randn(*size, generator=None, out=None, dtype=None, layout=None, device=None,
          requires_grad=False):
    size = parse_size(size)
    dtype = _float_dtype(dtype, "normal_kernel_cpu")
    check_allocation(size, dtype)
    data = _rng(generator).standard_normal(size).astype(dtype.np_dtype)
    return _finish(wrap(data, dtype), requires_grad)


def randint(low, high=None, size=None, *, generator=None, dtype=None, device=None,
            requires_grad=False):
    if high is None:
        low, high = 0, low
    if size is None:
        raise TypeError("randint() missing 1 required positional argument: 'size'")
    size = parse_size((size,))
    dtype = _check_dtype(dtype) or dtypes.int64
    if low >= high:
        raise RuntimeError("random_ expects 'from' to be less than 'to', but got from=%d >= to=%d"
                           % (low, high))
    check_allocation(size, dtype)
    data = _rng(generator).integers(low, high, size).astype(dtype.np_dtype)
    return _finish(wrap(data, dtype), requires_grad)


def randperm(n, *, generator=None, dtype=None, device=None, requires_grad=False):
    dtype = _check_dtype(dtype) or dtypes.int64
    return wrap(_rng(generator).permutation(n).astype(dtype.np_dtype), dtype)


def _like(fn, input, dtype, requires_grad):
    if not isinstance(input, Tensor):
        raise TypeError("expected Tensor as the first argument, got %s" % type(input).__name__)
    return fn(input._data.shape, dtype=dtype or input._dtype, requires_grad=requires_grad)


def rand_like(input, dtype=None, layout=None, device=None, requires_grad=False,
              memory_format=None):
    return _like(rand, input, dtype, requires_grad)


def randn_like(input, dtype=None, layout=None, device=None, requires_grad=False,
               memory_format=None):
    return _like(randn, input, dtype, requires_grad)


def normal(mean=0.0, std=1.0, size=None, *, generator=None, dtype=None, requires_grad=False):
    if isinstance(mean, Tensor) or isinstance(std, Tensor):
        mean_data = mean._data if isinstance(mean, Tensor) else mean
        std_data = std._data if isinstance(std, Tensor) else std
        ref = mean if isinstance(mean, Tensor) else std
        data = _rng(generator).normal(mean_data, std_data).astype(ref._dtype.np_dtype)
        return wrap(np.asarray(data), ref._dtype)
    t = randn(size, generator=generator, dtype=dtype)
    t._data = (t._data * std + mean).astype(t._data.dtype)
    return _finish(t, requires_grad)
