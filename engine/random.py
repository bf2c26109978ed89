"""manual_seed, the random creation functions and the in-place samplers, on PyTorch's stream.

Every function here is what PyTorch composes it from: rand is empty(size).uniform_(0, 1),
randn is normal_(0, 1), randint is random_(low, high), normal(Tensor, float) is
normal_(0, std) then add_(mean) ... so calls consume the generator as PyTorch's do.
"""

import numbers

import numpy as np

from . import derivatives as d
from . import distributions as dist
from . import dtypes
from .creation import parse_size, _check_dtype, _finish
from .device import check_device
from .dispatch import record
from .dtypes import get_default_dtype
from .generator import Generator, default_generator, resolve
from .grad_mode import GRAD
from .inplace import check_writable, _record_write
from .memory import check_allocation
from .ops_shape import expand
from .shape_util import broadcast_shapes
from .tensor import Tensor, wrap
from .tensor_queries import invalid_combination
from . import cpp_warnings


# ---- seeding --------------------------------------------------------------------------------

def manual_seed(seed):
    # torch.manual_seed converts with int() first: 1.5 seeds 1, "a" is int()'s ValueError.
    return default_generator.manual_seed(int(seed))


def seed():
    return default_generator.seed()


def initial_seed():
    return default_generator.initial_seed()


def get_rng_state():
    return default_generator.get_state()


def set_rng_state(new_state):
    default_generator.set_state(new_state)


# ---- arguments ------------------------------------------------------------------------------

def _size(args, size):
    if size is not None:
        if args:
            raise TypeError("size specified twice")
        args = (size,)
    return parse_size(args)


def _numel(shape):
    return int(np.prod(shape, dtype=np.int64))


def _not_implemented(kernel, dtype):
    return NotImplementedError('"%s" not implemented for \'%s\'' % (kernel, dtype.scalar_name))


def _floating(dtype, kernel):
    if dtype.category != 2:
        raise _not_implemented(kernel, dtype)
    return dtype


def _number(value):
    return "%g" % value if value != int(value) or abs(value) >= 1e16 else "%d" % value


# ---- the samplers: fill an array of a dtype, as the in-place ops do -------------------------

def _sample_uniform(generator, shape, dtype, low, high):
    _floating(dtype, "check_uniform_bounds")
    info = np.finfo(dtype.np_dtype)
    for name, value in (("from", low), ("to", high)):
        if not info.min <= value <= info.max:
            raise RuntimeError("%s is out of bounds for %s" % (name, dtype.c_name))
    if low > high:
        raise RuntimeError("uniform_ expects to return a [from, to) range, but found from=%s "
                           "> to=%s" % (_number(low), _number(high)))
    values = dist.uniform(resolve(generator), _numel(shape), dtype.np_dtype, low, high)
    return values.reshape(shape)


def _check_std(std):
    if not std >= 0.0:
        raise RuntimeError("normal expects std >= 0.0, but found std %s" % _number(std))


def _sample_normal(generator, shape, dtype, mean, std, contiguous=True):
    _check_std(std)
    _floating(dtype, "normal_kernel_cpu")
    n = _numel(shape)
    if n == 0:
        return np.zeros(shape, dtype=dtype.np_dtype)
    values = dist.normal(resolve(generator), n, dtype.np_dtype, mean, std, contiguous)
    return values.reshape(shape)


def _integer(value, name, function):
    """An int argument; `name` may carry its position: "high (position 1)"."""
    if isinstance(value, Tensor) and value._data.ndim == 0 and value._dtype.category < 2:
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        name, _, position = name.partition(" ")
        raise TypeError("%s(): argument '%s'%s must be int, not %s"
                        % (function, name, position and " " + position, type(value).__name__))
    return int(value)


def _as_int64(value):
    # C++'s static_cast<int64_t> of an infinite float gives INT64_MIN on x86.
    return int(value) if np.isfinite(value) else -(1 << 63)


def _dtype_limits(dtype):
    if dtype.category == 2:
        info = np.finfo(dtype.np_dtype)
        return float(info.min), float(info.max)
    if dtype.category == 0:
        return 0, 1
    info = np.iinfo(dtype.np_dtype)
    return int(info.min), int(info.max)


def _float_digits(dtype):
    return np.finfo(dtype.np_dtype).nmant + 1


def _representable_from(low, dtype):
    """update_from: move `from` up to the next value the float dtype holds exactly."""
    cast = _as_int64(dtype.np_dtype.type(low + 1))
    if cast < low:
        n = abs(low + 1).bit_length() - 1
        low = cast + (1 << (n - _float_digits(dtype) + 1))
    return low


def _representable_to(high, dtype):
    cast = _as_int64(dtype.np_dtype.type(high - 1))
    if cast >= high:
        n = abs(high - 1).bit_length() - 1
        high = cast - (1 << (n - _float_digits(dtype) + 1))
    return high


def _check_random_bounds(low, high_inclusive, dtype):
    """check_from_to_in_range of aten/src/ATen/native/DistributionTemplates.h."""
    smallest, largest = _dtype_limits(dtype)
    for name, value in (("from", low), ("to - 1", high_inclusive)):
        if not smallest <= value <= largest:
            raise RuntimeError("%s is out of bounds for %s" % (name, dtype.c_name))
    if dtype.category == 2:
        digits = _float_digits(dtype)
        for name, value in (("from", low), ("to - 1", high_inclusive)):
            if not -(1 << digits) <= value <= 1 << digits:
                cpp_warnings.warn(
                    "%s is out of bounds [-(2^%d), 2^%d]. Due to precision limitations %s can "
                    "support discrete uniform distribution only within this range. This "
                    "warning will become an error in version 1.7 release, please fix the code "
                    "in advance" % (name, digits, digits, dtype.c_name),
                    cpp_warnings.RANDOM_FROM if name == "from" else cpp_warnings.RANDOM_TO,
                    stacklevel=3)


def _sample_random(generator, shape, dtype, low=None, high=None):
    """random_(), random_(to), random_(from, to) of random_from_to_impl."""
    n = _numel(shape)
    np_dtype = dtype.np_dtype
    if low is None:
        return dist.random_default(resolve(generator), n, np_dtype).reshape(shape)
    if high is not None:
        if low >= high:
            raise RuntimeError("random_ expects 'from' to be less than 'to', but got from=%d "
                               ">= to=%d" % (low, high))
        if dtype.category == 2:
            low, high = _representable_from(low, dtype), _representable_to(high, dtype)
            if low >= high:
                raise RuntimeError("random_ expects 'from' casted to dtype to be less than 'to' "
                                   "casted to dtype, but got from=%d >= to=%d" % (low, high))
        _check_random_bounds(low, high - 1, dtype)
        values = dist.random_from_to(resolve(generator), n, np_dtype, high - low, low)
        return values.reshape(shape)
    if low == -(1 << 63):
        return dist.random_full_range(resolve(generator), n, np_dtype).reshape(shape)
    # random_(from, None): [from, the dtype's largest integer].
    if dtype.category == 2:
        high_inclusive = min(1 << _float_digits(dtype), (1 << 63) - 1)
        low = _representable_from(low, dtype)
    else:
        high_inclusive = _dtype_limits(dtype)[1]
    _check_random_bounds(low, high_inclusive, dtype)
    values = dist.random_from_to(resolve(generator), n, np_dtype, high_inclusive - low + 1, low)
    return values.reshape(shape)


# ---- creation -------------------------------------------------------------------------------

def _created(shape, dtype, sample, requires_grad):
    check_allocation(shape, dtype)
    return _finish(wrap(np.asarray(sample(), dtype=dtype.np_dtype, order="C"), dtype),
                   requires_grad)


def rand(*args, size=None, generator=None, out=None, dtype=None, layout=None, device=None,
         requires_grad=False, pin_memory=False):
    check_device(device, "rand")
    shape = _size(args, size)
    dtype = _check_dtype(dtype) or get_default_dtype()
    return _created(shape, dtype, lambda: _sample_uniform(generator, shape, dtype, 0.0, 1.0),
                    requires_grad)


def randn(*args, size=None, generator=None, out=None, dtype=None, layout=None, device=None,
          requires_grad=False, pin_memory=False):
    check_device(device, "randn")
    shape = _size(args, size)
    dtype = _check_dtype(dtype) or get_default_dtype()
    return _created(shape, dtype, lambda: _sample_normal(generator, shape, dtype, 0.0, 1.0),
                    requires_grad)


def _randint_bounds(args, kwargs, function):
    low = kwargs.pop("low", None)
    high = kwargs.pop("high", None)
    if high is None:
        *rest, high = args if low is None else (low,) + tuple(args)
        low = rest[0] if rest else 0
    elif low is None:
        low = args[0] if args else 0
    high_position = "high (position %d)" % (2 if len(args) == 2 else 1)
    return (_integer(low, "low (position 1)", function),
            _integer(high, high_position, function))


# The overloads torch's argument parser lists when no signature takes the arguments.
_FACTORY_OPTIONS = ("torch.dtype dtype = None, torch.layout layout = None, torch.device device "
                    "= None, bool pin_memory = False, bool requires_grad = False")
_RANDINT_OVERLOADS = tuple(
    "%s tuple of ints size, *, %sTensor out = None, %s" % (bounds, generator, _FACTORY_OPTIONS)
    for bounds in ("int high,", "int low, int high,")
    for generator in ("torch.Generator generator, ", ""))
_RANDINT_LIKE_OVERLOADS = tuple(
    "Tensor input, %s, *, %storch.memory_format memory_format = None, %s"
    % (bounds, generator, _FACTORY_OPTIONS)
    for bounds in ("int low, int high", "Tensor high", "int high")
    for generator in ("torch.Generator generator, ", ""))
_NORMAL_OVERLOADS = (
    "Tensor mean, Tensor std, *, torch.Generator generator = None, Tensor out = None",
    "Tensor mean, float std = 1, *, torch.Generator generator = None, Tensor out = None",
    "float mean, Tensor std, *, torch.Generator generator = None, Tensor out = None",
    "float mean, float std, tuple of ints size, *, torch.Generator generator = None, Tensor out "
    "= None, " + _FACTORY_OPTIONS)


def randint(*args, size=None, generator=None, out=None, dtype=None, layout=None, device=None,
            requires_grad=False, pin_memory=False, low=None, high=None):
    """randint(high, size) or randint(low, high, size): empty(size).random_(low, high)."""
    check_device(device, "randint")
    given = args
    if size is None and args and isinstance(args[-1], (tuple, list)):
        *args, size = args
    if size is None or not isinstance(size, (tuple, list)) or len(args) > 2:
        raise invalid_combination("randint", given, overloads=_RANDINT_OVERLOADS)
    bounds = {k: v for k, v in (("low", low), ("high", high)) if v is not None}
    low, high = _randint_bounds(tuple(args), bounds, "randint")
    shape = parse_size((size,))
    dtype = _check_dtype(dtype) or dtypes.int64
    return _created(shape, dtype, lambda: _sample_random(generator, shape, dtype, low, high),
                    requires_grad)


def randperm(n, *, generator=None, out=None, dtype=None, layout=None, device=None,
             requires_grad=False, pin_memory=False):
    check_device(device, "randperm")
    n = _integer(n, "n (position 1)", "randperm")
    if n < 0:
        raise RuntimeError("Trying to create tensor with negative dimension %d: [%d]" % (n, n))
    dtype = _check_dtype(dtype) or dtypes.int64
    if dtype.category == 2 and n > (1 << _float_digits(dtype)) + 1:
        raise RuntimeError("n cannot be greater than %d for %s type."
                           % ((1 << _float_digits(dtype)) + 1, dtype.scalar_name))
    if dtype.category == 1 and n > 0 and n - 1 > _dtype_limits(dtype)[1]:
        raise RuntimeError("value cannot be converted to type %s_t without overflow"
                           % dtype.np_dtype.name)
    return _created((n,), dtype, lambda: dist.randperm(resolve(generator), n), requires_grad)


def _like_shape(input):
    if not isinstance(input, Tensor):
        raise TypeError("expected Tensor as the first argument, got %s" % type(input).__name__)
    return input._data.shape


def rand_like(input, *, generator=None, dtype=None, layout=None, device=None,
              requires_grad=False, memory_format=None, pin_memory=False):
    if device is not None:
        check_device(device, "rand_like")
    return rand(_like_shape(input), generator=generator, dtype=dtype or input._dtype,
                requires_grad=requires_grad)


def randn_like(input, *, generator=None, dtype=None, layout=None, device=None,
               requires_grad=False, memory_format=None, pin_memory=False):
    if device is not None:
        check_device(device, "randn_like")
    return randn(_like_shape(input), generator=generator, dtype=dtype or input._dtype,
                 requires_grad=requires_grad)


def randint_like(input, *args, generator=None, dtype=None, layout=None, device=None,
                 requires_grad=False, memory_format=None, pin_memory=False, low=None,
                 high=None):
    if device is not None:
        check_device(device, "randint_like")
    shape = _like_shape(input)
    bounds = {k: v for k, v in (("low", low), ("high", high)) if v is not None}
    if not args and not bounds:
        raise invalid_combination("randint_like", (input,), overloads=_RANDINT_LIKE_OVERLOADS)
    if len(args) == 1 and not bounds:
        low, high = 0, _integer(args[0], "high", "randint_like")
    else:
        low, high = _randint_bounds(args, bounds, "randint_like")
    dtype = _check_dtype(dtype) or input._dtype
    return _created(shape, dtype, lambda: _sample_random(generator, shape, dtype, low, high),
                    requires_grad)


# ---- torch.normal: four overloads ------------------------------------------------------------

def _std_tensor_check(std):
    if std._data.size and not (std._data.min() >= 0):
        raise RuntimeError("normal expects all elements of std >= 0.0")


def normal(mean=0.0, std=1.0, size=None, *, generator=None, out=None, dtype=None, layout=None,
           device=None, requires_grad=False, pin_memory=False):
    check_device(device, "normal")
    mean_is_tensor, std_is_tensor = isinstance(mean, Tensor), isinstance(std, Tensor)
    if not mean_is_tensor and not std_is_tensor:
        if size is None:
            raise invalid_combination("normal", (mean, std), overloads=_NORMAL_OVERLOADS)
        shape = parse_size((size,))
        dtype = _check_dtype(dtype) or get_default_dtype()
        return _created(shape, dtype,
                        lambda: _sample_normal(generator, shape, dtype, mean, std),
                        requires_grad)
    if mean_is_tensor and not std_is_tensor:
        # normal_out_impl(Tensor mean, double std): normal_(0, std), then add_(mean).
        _check_std(std)
        values = _sample_normal(generator, mean._data.shape, mean._dtype, 0.0, std)
        data = (values + mean._data).astype(mean._dtype.np_dtype)
        return _recorded(d.NORMAL_TENSOR_FLOAT, (mean,), data, mean._dtype)
    _std_tensor_check(std)
    if not mean_is_tensor:
        # normal_out_impl(double mean, Tensor std): normal_(0, 1), mul_(std), add_(mean).
        dtype = std._dtype
        values = _sample_normal(generator, std._data.shape, dtype, 0.0, 1.0)
        data = (values * std._data + dtype.np_dtype.type(mean)).astype(dtype.np_dtype)
        return _recorded(d.NORMAL_FLOAT_TENSOR, (std,), data, dtype)
    shape = broadcast_shapes(mean._data.shape, std._data.shape)
    dtype = mean._dtype
    values = _sample_normal(generator, shape, dtype, 0.0, 1.0)
    data = (values * std._data + mean._data).astype(dtype.np_dtype)
    return _recorded(d.NORMAL_TENSOR_TENSOR, (mean, std), data, dtype)


def _recorded(op, inputs, data, dtype):
    result = wrap(np.asarray(data, order="C"), dtype)
    if GRAD.enabled and any(t._requires_grad for t in inputs):
        record(op, inputs, (result,))
    return result


def bernoulli(input, p=None, *, generator=None, out=None):
    """bernoulli(input): empty_like(input).bernoulli_(input); bernoulli(input, p): ...(p)."""
    if not isinstance(input, Tensor):
        raise TypeError("bernoulli(): argument 'input' (position 1) must be Tensor, not %s"
                        % type(input).__name__)
    result = wrap(np.zeros(input._data.shape, dtype=input._dtype.np_dtype), input._dtype)
    if p is None:
        _bernoulli_into(result, input, generator)
        op = d.BERNOULLI
    else:
        _bernoulli_into(result, p, generator)
        op = d.BERNOULLI_P
    if GRAD.enabled and input._requires_grad:
        record(op, (input,), (result,))
    return result


def _bernoulli_into(x, p, generator):
    if isinstance(p, Tensor):
        if p._dtype.category != 2:
            raise _not_implemented("bernoulli_tensor_cpu_p_", p._dtype)
        probabilities = expand(p.detach(), x._data.shape)._data
        if probabilities.size and not ((probabilities >= 0) & (probabilities <= 1)).all():
            raise RuntimeError("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  "
                               "(Could this error message be improved?  If so, please report "
                               "an enhancement request to PyTorch.)")
        values = dist.bernoulli_tensor(resolve(generator), probabilities)
    else:
        p = float(p)
        if not 0 <= p <= 1:
            raise RuntimeError("bernoulli_ expects p to be in [0, 1], but got p=%s" % _number(p))
        values = dist.bernoulli_scalar(resolve(generator), x._data.size, p)
    _store(x, values)


# ---- Tensor.uniform_, normal_, random_, bernoulli_ -------------------------------------------

def _store(x, values):
    """Write samples in TensorIterator's order: memory order, innermost stride fastest."""
    data = x._data
    order = sorted(range(data.ndim), key=lambda i: -abs(data.strides[i]))
    target = np.transpose(data, order)
    np.copyto(target, np.asarray(values).reshape(-1).reshape(target.shape), casting="unsafe")


def _sample_inplace(x, op, sample, *others):
    check_writable(x)
    if not x._data.flags.writeable:
        raise RuntimeError("unsupported operation: more than one element of the written-to "
                           "tensor refers to a single memory location. Please clone() the "
                           "tensor before performing the operation.")
    values = sample()  # the argument checks run on empty tensors too
    if x._data.size:
        _store(x, values)
    x._bump_version()
    _record_write(x, op, (x,) + others)
    return x


def uniform_(self, *args, generator=None, **bounds):
    """uniform_(from=0, to=1): `from` is a Python keyword, hence the **bounds."""
    low, high = _bounds("uniform_", args, bounds, (0.0, 1.0))
    return _sample_inplace(self, d.UNIFORM_, lambda: _sample_uniform(
        generator, self._data.shape, self._dtype, float(low), float(high)))


def _bounds(function, args, bounds, defaults):
    names = ("from", "to")
    values = dict(zip(names, defaults))
    if len(args) > 2 or set(bounds) - set(names):
        raise TypeError("%s() received an invalid combination of arguments" % function)
    values.update(zip(names, args))
    values.update(bounds)
    return values["from"], values["to"]


def normal_(self, mean=0.0, std=1.0, *, generator=None):
    _check_std(std)
    _floating(self._dtype, "normal_kernel_cpu")
    contiguous = self._data.flags.c_contiguous
    return _sample_inplace(self, d.NORMAL_, lambda: _sample_normal(
        generator, self._data.shape, self._dtype, float(mean), float(std), contiguous))


def random_(self, *args, generator=None, **bounds):
    """random_(), random_(to) or random_(from, to) (to=None: up to the dtype's maximum)."""
    if len(args) == 1 and not bounds:
        low, high, op = 0, _integer(args[0], "to", "random_"), d.RANDOM_TO_
    elif not args and not bounds:
        low, high, op = None, None, d.RANDOM_
    elif list(bounds) == ["to"] and not args:
        low, high, op = 0, _integer(bounds["to"], "to", "random_"), d.RANDOM_TO_
    else:
        low, high = _bounds("random_", args, bounds, (None, None))
        low, op = _integer(low, "from", "random_"), d.RANDOM_FROM_TO_
        high = None if high is None else _integer(high, "to", "random_")
    return _sample_inplace(self, op, lambda: _sample_random(
        generator, self._data.shape, self._dtype, low, high))


def exponential_(self, lambd=1.0, *, generator=None):
    if not lambd > 0.0:
        raise RuntimeError("exponential_ expects lambda > 0.0, but found lambda=%s"
                           % _number(lambd))
    if self._dtype.category != 2:
        raise RuntimeError("Exponential distribution is a continuous probability distribution. "
                           "dtype must be a floating point but you specified %s"
                           % self._dtype.scalar_name)
    return _sample_inplace(self, d.EXPONENTIAL_, lambda: dist.exponential(
        resolve(generator), self._data.size, self._dtype.np_dtype, float(lambd)))


def bernoulli_(self, p=0.5, *, generator=None):
    op = d.BERNOULLI_TENSOR_ if isinstance(p, Tensor) else d.BERNOULLI_FLOAT_
    check_writable(self)
    _bernoulli_into(self, p, generator)
    self._bump_version()
    _record_write(self, op, (self, p) if isinstance(p, Tensor) else (self,))
    return self


# What torch.random offers (the samplers are torch's own functions, imported by __init__).
# (torch.random.Generator is typing's, not torch.Generator: left out.)
__all__ = ["default_generator", "manual_seed", "seed", "initial_seed", "get_rng_state",
           "set_rng_state"]
