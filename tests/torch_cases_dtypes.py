"""More cases for test_vs_torch.py: the dtype rules found by tests/sweep_dtypes.py -- Python
ints from 2**63 (uint64 Scalars), a number passed where a tensor comes first (a wrapped
number, below every tensor in promotion), the kernels a dtype has not ("..._cpu" not
implemented for 'Bool'), Scalars read as the tensor's type, in-place casts checked before
the kernel, and the in-place forms of remainder/fmod/bitwise/logical/float_power.
Registered into torch_cases.CASES."""

from torch_cases import add

_DTYPES = ("bool", "uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64")
_VALUES = {"bool": [True, False], "uint8": [3, 250], "int8": [-3, 5], "int16": [7, -2],
           "int32": [-5, 2], "int64": [6, -4], "float16": [2.5, -0.5],
           "float32": [-1.5, 3.25], "float64": [0.75, -2.0]}
# One dtype of each kind (and float16) where every dtype would repeat the same rule.
_KINDS = ("bool", "uint8", "int32", "float16", "float64")


def _x(t, dtype, zero_dim=False):
    values = _VALUES[dtype]
    return t.tensor(values[0] if zero_dim else values, dtype=getattr(t, dtype))


def _inplace(method, *args):
    def run(t, dtype):
        x = _x(t, dtype)
        getattr(x, method)(*(a(t) if callable(a) else a for a in args))
        return x
    return run


# ---- a Python int from 2**63 on is a uint64 Scalar: only a bool tensor lets it decide the type
_BIG = {"add": lambda t, x: x + 2 ** 63, "mul": lambda t, x: t.mul(x, 2 ** 63),
        "div": lambda t, x: x / 2 ** 63, "eq": lambda t, x: x == 2 ** 63,
        "and": lambda t, x: x & 2 ** 63, "floor_divide": lambda t, x: 2 ** 63 // x,
        "where": lambda t, x: t.where(t.tensor([True, False]), x, 2 ** 63),
        "result_type": lambda t, x: t.result_type(x, 2 ** 63),
        "iadd": lambda t, x: x.add_(2 ** 63), "sub_negative": lambda t, x: x - (-2 ** 63 - 1)}
for _dtype in ("bool", "int64", "uint8", "float32"):
    for _name, _fn in _BIG.items():
        add("dtype_uint64_scalar/%s_%s" % (_name, _dtype),
            lambda t, f=_fn, d=_dtype: f(t, _x(t, d, zero_dim=True)), error=None)

# ---- a number first (3 // x, torch.div(-2, x)): a wrapped number, ranked below 0-dim tensors
_NUMBER_FIRST = {"floordiv": lambda t, x: 3 // x, "mod": lambda t, x: 3 % x,
                 "lshift": lambda t, x: 1 << x, "rshift": lambda t, x: 64 >> x,
                 "div": lambda t, x: t.div(-2, x), "floor_divide": lambda t, x: t.floor_divide(-2, x),
                 "sub_bool": lambda t, x: t.sub(True, x), "remainder_float": lambda t, x: t.remainder(2.5, x),
                 "add": lambda t, x: t.add(3, x)}
for _dtype in _DTYPES:
    for _name, _fn in _NUMBER_FIRST.items():
        add("dtype_number_first/%s_%s" % (_name, _dtype),
            lambda t, f=_fn, d=_dtype: f(t, _x(t, d, zero_dim=True)), error=None)

# ---- kernels a dtype has not, and Scalars read as the tensor's type (checked) ----------------
_KERNELS = {
    "lshift": lambda t, x: x << x, "rshift": lambda t, x: x >> 9,
    "pow_negative": lambda t, x: x ** -2, "pow_2_pow_63": lambda t, x: x ** 2 ** 63,
    "pow_2_pow_40": lambda t, x: x.pow(2 ** 40), "pow_300": lambda t, x: x ** 300,
    "clamp_tensors": lambda t, x: t.clamp(x, x, x), "clamp_min_tensor": lambda t, x: t.clamp(x, x),
    "clamp_max_tensor": lambda t, x: x.clamp(max=x), "clamp_number": lambda t, x: t.clamp(x, True),
    "clamp_max_number": lambda t, x: x.clamp(max=1), "clamp_numbers": lambda t, x: x.clamp(0, 1),
    "clamp_float_number": lambda t, x: x.clamp(0.5),
    "addcmul": lambda t, x: t.addcmul(x, x, x), "addcdiv_float_self": lambda t, x: t.addcdiv(
        t.ones(2, dtype=t.float16), x, x),
    "isclose_mixed": lambda t, x: t.isclose(x, t.ones(2, dtype=t.uint8)),
    "allclose_mixed": lambda t, x: t.allclose(x, t.ones(2)),
    "where_300": lambda t, x: t.where(t.tensor([True, False]), x, 300),
    "where_300_first": lambda t, x: t.where(t.tensor([True, False]), 300, x),
}
for _dtype in _KINDS:
    for _name, _fn in _KERNELS.items():
        add("dtype_kernels/%s_%s" % (_name, _dtype), lambda t, f=_fn, d=_dtype: f(t, _x(t, d)),
            error=None)

# ---- a number for a Tensor parameter: the argument parser's TypeError -----------------------
for _name in ("atan2", "hypot", "maximum", "fmin", "logaddexp", "nextafter", "gcd", "heaviside",
              "equal", "isclose"):
    add("dtype_number_for_tensor/%s" % _name,
        lambda t, n=_name: getattr(t, n)(True, t.tensor([1, 2])), error=True)
add("dtype_number_for_tensor/addcdiv", lambda t: t.addcdiv(t.ones(2), 3, 3), error=True)
_NUMBER_INPUT = {"eq": lambda t, x: t.eq(True, x), "lt": lambda t, x: t.lt(2, x),
                 "fmod": lambda t, x: t.fmod(2, x), "copysign": lambda t, x: t.copysign(2.5, x),
                 "rsub": lambda t, x: t.rsub(True, x), "clamp": lambda t, x: t.clamp(True, x),
                 "clamp_max": lambda t, x: t.clamp(1, max=x), "lerp": lambda t, x: t.lerp(x, 1, x),
                 "lerp_weight": lambda t, x: t.lerp(x, 1, 0.5),
                 "hypot_": lambda t, x: x.hypot_(True), "addcmul_": lambda t, x: x.addcmul_(3, 3),
                 "atan2_": lambda t, x: x.atan2_(2.5),
                 "masked_scatter": lambda t, x: t.masked_scatter(x, x > 0, True),
                 "masked_scatter_": lambda t, x: x.masked_scatter_(x > 0, True)}
for _name, _fn in _NUMBER_INPUT.items():
    add("dtype_number_for_tensor/number_%s" % _name,
        lambda t, f=_fn: f(t, t.tensor([1.0, -2.0])), error=True)

# ---- in place: the common dtype's cast is checked before the kernel; the missing methods ------
_INPLACE = {
    "iand_half": lambda t, x: x.__iand__(t.tensor(1.5, dtype=t.float16)),
    "ilshift_float": lambda t, x: x.__ilshift__(t.tensor([1.0, 2.0])),
    "hypot_uint8": _inplace("hypot_", lambda t: t.tensor(3, dtype=t.uint8)),
    "atan2_uint8": _inplace("atan2_", lambda t: t.tensor(3, dtype=t.uint8)),
    "remainder_": _inplace("remainder_", lambda t: t.tensor(2)),
    "remainder_float": _inplace("remainder_", 1.5), "fmod_": _inplace("fmod_", 2),
    "bitwise_and_": _inplace("bitwise_and_", lambda t: t.tensor([True, False])),
    "bitwise_xor_": _inplace("bitwise_xor_", 1),
    "bitwise_left_shift_": _inplace("bitwise_left_shift_", lambda t: t.tensor(1)),
    "logical_and_": _inplace("logical_and_", lambda t: t.tensor([1, 0])),
    "logical_or_": _inplace("logical_or_", lambda t: t.tensor([0.0, 0.0])),
    "float_power_": _inplace("float_power_", 2),
    "float_power_tensor": _inplace("float_power_", lambda t: t.tensor([2.0, 0.5])),
}
for _dtype in _KINDS:
    for _name, _fn in _INPLACE.items():
        if _name.startswith("i"):
            add("dtype_inplace/%s_%s" % (_name, _dtype),
                lambda t, f=_fn, d=_dtype: f(t, _x(t, d)), error=None)
        else:
            add("dtype_inplace/%s_%s" % (_name, _dtype), lambda t, f=_fn, d=_dtype: f(t, d),
                error=None)

# ---- reductions' and norms' dtypes ----------------------------------------------------------
_REDUCTIONS = {"all": lambda t, x: x.all(), "any_dim": lambda t, x: x.any(0, keepdim=True),
               "cumsum_bool": lambda t, x: x.cumsum(0, dtype=t.bool),
               "cumprod_bool": lambda t, x: x.cumprod(0, dtype=t.bool),
               "prod_bool": lambda t, x: x.prod(dtype=t.bool),
               "nanmean_int64": lambda t, x: x.nanmean(dtype=t.int64),
               "nanmean_float64": lambda t, x: x.nanmean(dtype=t.float64),
               "norm_int64": lambda t, x: x.norm(dtype=t.int64),
               "norm_float16": lambda t, x: x.norm(dtype=t.float16),
               "norm_float64": lambda t, x: x.norm(dtype=t.float64),
               "vector_norm_bool": lambda t, x: t.linalg.vector_norm(x, dtype=t.bool),
               "vector_norm_float32": lambda t, x: t.linalg.vector_norm(x, dtype=t.float32),
               "ldexp_bool": lambda t, x: t.ldexp(x, t.tensor([True, False])),
               "allclose_number": lambda t, x: t.allclose(x, 1),
               "bitwise_not": lambda t, x: x.bitwise_not(), "invert": lambda t, x: ~x,
               "round_decimals": lambda t, x: x.round(decimals=1),
               "round_decimals_0": lambda t, x: x.round(decimals=0),
               "hardtanh": lambda t, x: t.nn.functional.hardtanh(x),
               "relu6": lambda t, x: t.nn.functional.relu6(x),
               "float_power_huge": lambda t, x: t.float_power(x, -2 ** 63 - 1),
               "float_power__huge": lambda t, x: x.float_power_(-2 ** 63 - 1),
               "fill_huge": lambda t, x: x.fill_(-2 ** 63 - 1),
               "masked_fill_huge": lambda t, x: x.masked_fill(x != x, 2 ** 64),
               "ldexp_number": lambda t, x: t.ldexp(True, x),
               "masked_fill_tensor": lambda t, x: x.masked_fill(x == x, t.tensor(-1.5)),
               "masked_fill_tensor_300": lambda t, x: x.masked_fill(x == x, t.tensor(300)),
               "index_fill_tensor": lambda t, x: x.index_fill(0, t.tensor([0]), t.tensor(1e5)),
               "method_allclose_number": lambda t, x: x.allclose(1),
               "method_maximum_number": lambda t, x: x.maximum(1),
               "method_addcmul_number": lambda t, x: x.addcmul(x, 2)}
for _dtype in _KINDS:
    for _name, _fn in _REDUCTIONS.items():
        add("dtype_reductions/%s_%s" % (_name, _dtype), lambda t, f=_fn, d=_dtype: f(t, _x(t, d)),
            error=None)
