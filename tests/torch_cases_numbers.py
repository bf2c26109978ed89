"""More cases for test_vs_torch.py: Python numbers stored into tensors of each dtype --
torch.tensor's data (a float checked as a double, an int unpacked then range-checked) and
the fills (torch.full, fill_, masked_fill, index_fill: Scalar::to<T>(), whose overflow
error names the C++ type). Registered into torch_cases.CASES."""

from torch_cases import add

_INT_DTYPES = ("uint8", "int8", "int16", "int32", "int64")
_FLOATS = {"neg_one": -1.0, "neg_half": -0.5, "255_5": 255.5, "neg_128_5": -128.5,
           "127_9": 127.9, "2_pow_31_half": 2147483647.5, "neg_9e18": -9.3e18, "1e19": 1e19,
           "nan": float("nan"), "inf": float("inf"), "2_pow_63": 2.0 ** 63}
_INTS = {"2_pow_63": 2 ** 63, "neg_2_pow_63_less_1": -2 ** 63 - 1, "neg_one": -1,
         "neg_255": -255, "neg_256": -256, "256": 256}


def _stored(t, value, dtype, mixed=False):
    data = [value, 1.5] if mixed else [value]
    return t.tensor(data, dtype=getattr(t, dtype))


for _dtype in _INT_DTYPES:
    for _name, _value in _FLOATS.items():
        add("tensor_data/float_%s_to_%s" % (_name, _dtype),
            lambda t, v=_value, d=_dtype: _stored(t, v, d), error=None)
    for _name, _value in _INTS.items():
        add("tensor_data/int_%s_to_%s" % (_name, _dtype),
            lambda t, v=_value, d=_dtype: _stored(t, v, d), error=None)
        add("tensor_data/int_%s_beside_float_to_%s" % (_name, _dtype),
            lambda t, v=_value, d=_dtype: _stored(t, v, d, mixed=True), error=None)

_FILLS = {"uint8": (-1, -255, -256, 300, -1.0, -1e-3, 255.99, 2 ** 64),
          "int8": (300, -128, 1.5, True), "int16": (-1.5, 40000.0),
          "int32": (2 ** 40, float("inf")), "int64": (float("nan"), 2 ** 63, 1e30, 2 ** 70,
                                                       -2 ** 63 - 1),
          "float32": (1e40, -1e40, float("inf"), 2 ** 63, 3.4e38), "float16": (1e5, 70000, 65504, -1e300),
          "float64": (1e300,), "bool": (float("nan"), 5.0)}
for _dtype, _values in _FILLS.items():
    for _i, _value in enumerate(_values):
        _id = "%s_%d" % (_dtype, _i)
        add("fill_value/full_" + _id,
            lambda t, v=_value, d=_dtype: t.full((2,), v, dtype=getattr(t, d)), error=None)
        add("fill_value/fill__" + _id,
            lambda t, v=_value, d=_dtype: t.zeros(2, dtype=getattr(t, d)).fill_(v), error=None)
        add("fill_value/masked_fill_" + _id,
            lambda t, v=_value, d=_dtype: t.zeros(2, dtype=getattr(t, d)).masked_fill(
                t.tensor([True, False]), v), error=None)
        add("fill_value/index_fill_" + _id,
            lambda t, v=_value, d=_dtype: t.zeros(2, dtype=getattr(t, d)).index_fill(
                0, t.tensor([1]), v), error=None)
# One element is written by a path that converts to float16 unchecked.
add("fill_value/single_float16", lambda t: (t.full((1,), 1e5, dtype=t.float16),
                                            t.zeros((1, 1), dtype=t.float16).fill_(-1e300)))
add("fill_value/full_inferred_huge_int", lambda t: t.full((1,), 2 ** 64), error=True)
add("fill_value/fill_by_tensor_unchecked", lambda t: (
    t.zeros(1).fill_(t.tensor(1e40, dtype=t.float64)),
    t.zeros(1, dtype=t.uint8).fill_(t.tensor(-1))))

# ---- float tensors cast to integer dtypes beyond their range (C++ leaves it undefined; x86
# PyTorch goes through int64 for uint8 and int64, through int32 for the others) -----------------
_WIDE = [1e10 - 17, -1e10 + 3, float("nan"), float("inf"), -1.5, 1e30, 2.0 ** 63, -2.0 ** 63,
         300.7, 3e9 + 1]
for _src in ("float64", "float32", "float16"):
    for _dtype in _INT_DTYPES:
        add("float_cast/%s_to_%s" % (_src, _dtype), lambda t, s=_src, d=_dtype: t.tensor(
            _WIDE, dtype=getattr(t, s)).to(getattr(t, d)))
add("float_cast/copy_into_uint8", lambda t: t.zeros(3, dtype=t.uint8).copy_(
    t.tensor([1e10 - 17, -1.0, float("nan")], dtype=t.float64)))
add("float_cast/tensor_of_tensor_uint8", lambda t: t.tensor(
    t.tensor([1e10 - 17, -1.0], dtype=t.float64).tolist(), dtype=t.float64).byte())

# ---- float64 to float16 goes through float32 (c10::Half is made from a float): rounded twice ---
_TIES = [1588.50001, 675.749999, 560.250001, 0.1]
add("half_rounding/tensor_data", lambda t: t.tensor(_TIES, dtype=t.float16))
add("half_rounding/cast", lambda t: t.tensor(_TIES, dtype=t.float64).to(t.float16))
add("half_rounding/fills", lambda t: (t.full((2,), 1588.50001, dtype=t.float16),
                                      t.zeros(1, dtype=t.float16).fill_(1588.50001),
                                      t.scalar_tensor(1588.50001, dtype=t.float16)))
add("half_rounding/python_float_operand", lambda t: (
    t.zeros(2, dtype=t.float16) + 1588.50001, t.ones(2, dtype=t.float16) * 1588.50001,
    1588.50001 + t.zeros(2, dtype=t.float16), t.ones(1, dtype=t.float16) + 1588.50001))


def _half_setitem(t):
    h = t.zeros(3, dtype=t.float16)
    h[0] = 1588.50001
    h[1] = 1e5  # x[i] = v casts to float16 unchecked
    h[2] = t.tensor(1588.50001, dtype=t.float64)
    return h


add("half_rounding/setitem", _half_setitem)

# ---- a Python int met by a float tensor's operator (x * 2, 3 + x, x / 7): the tensor's dtype,
# the int rounded once to it, at and past 2 ** 53 and 2 ** 24 where float32 rounds -------------
_OPERAND_INTS = (2, -3, 2 ** 24 + 1, 2 ** 53, 2 ** 53 + 1, -2 ** 53 - 1, 2 ** 63 - 1, 2 ** 64 - 1)
for _dtype in ("float16", "float32", "float64"):
    for _i, _value in enumerate(_OPERAND_INTS):
        add("int_operand/%s_%d" % (_dtype, _i), lambda t, v=_value, d=_dtype: (
            lambda x: (x * v, v * x, x + v, v + x, x / v, x - v))(
                t.tensor([1.5, -0.25], dtype=getattr(t, d))))
add("int_operand/graph", lambda t: (lambda x: (x * 2, 3 + x, (x / 7).grad_fn.next_functions))(
    t.tensor([1.5, 2.0], requires_grad=True)))
add("int_operand/backward", lambda t: (lambda x: ((x * 3 + 2).pow(2).sum().backward(), x.grad))(
    t.tensor([1.5, -2.0], requires_grad=True)))
add("pow_one/values_and_grad", lambda t: (lambda x: (x.pow(1), x ** 1, (x ** 2).sum().backward(),
                                                     x.grad))(
    t.tensor([1.5, -2.0, float("nan"), -0.0], requires_grad=True)))
