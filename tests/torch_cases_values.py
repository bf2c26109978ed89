"""More cases for test_vs_torch.py: the non-tensor values a session prints -- torch.finfo
and torch.iinfo, torch.Size built and combined, Tensor.type() with a legacy class.
Registered into torch_cases.CASES."""

import numpy as np

from torch_cases import add, T, V

# ---- torch.finfo / torch.iinfo: repr (C++'s 6 significant digits) and each field --------------
_FINFO_FIELDS = ("bits", "eps", "max", "min", "tiny", "smallest_normal", "resolution", "dtype")
for _name in ("float16", "float32", "float64"):
    add("finfo/%s" % _name, lambda t, n=_name: t.finfo(getattr(t, n)))
    add("finfo/%s_fields" % _name,
        lambda t, n=_name: tuple(getattr(t.finfo(getattr(t, n)), f) for f in _FINFO_FIELDS))
for _name in ("uint8", "int8", "int16", "int32", "int64"):
    add("iinfo/%s" % _name, lambda t, n=_name: t.iinfo(getattr(t, n)))
    add("iinfo/%s_fields" % _name,
        lambda t, n=_name: tuple(getattr(t.iinfo(getattr(t, n)), f)
                                 for f in ("bits", "max", "min", "dtype")))
add("finfo/default_dtype", lambda t: (t.finfo(), str(t.finfo())))
add("finfo/python_float_and_int", lambda t: (t.finfo(float), t.iinfo(int)))
add("finfo/alias_equal", lambda t: (t.finfo(t.float) == t.finfo(t.float32),
                                    t.finfo(t.half) == t.finfo(t.float64)))
add("finfo/eps_in_arithmetic", lambda t: T(t, V) + t.finfo(t.float32).eps)
add("finfo/of_integer_dtype", lambda t: t.finfo(t.int32), error=True)
add("finfo/of_bool", lambda t: t.finfo(t.bool), error=True)
add("finfo/of_none", lambda t: t.finfo(None), error=True)
add("finfo/of_string", lambda t: t.finfo("float32"), error=True)
add("finfo/of_tensor", lambda t: t.finfo(T(t, V)), error=True)
add("finfo/unknown_field", lambda t: t.finfo().normal, error=True)
add("finfo/unhashable", lambda t: {t.finfo(): 1}, error=True)
add("iinfo/of_float_dtype", lambda t: t.iinfo(t.float32), error=True)
add("iinfo/of_bool", lambda t: t.iinfo(t.bool), error=True)
add("iinfo/no_argument", lambda t: t.iinfo(), error=True)


def _set_eps(t):
    t.finfo().eps = 1.0


add("finfo/read_only", _set_eps, error=True)

# ---- torch.Size: made from ints (or anything an index can be made of), combined as tuples -----
_S = (2, 3, 4)
add("size/repeat_by_ints", lambda t: (t.Size(_S) * 2, 2 * t.Size(_S), t.Size(_S) * 0))
add("size/repeat_by_int_tensor", lambda t: t.Size(_S) * T(t, 2))
add("size/repeat_by_float", lambda t: t.Size(_S) * 2.0, error=True)
add("size/repeat_by_size", lambda t: t.Size(_S) * t.Size(_S), error=True)
add("size/concat", lambda t: (t.Size(_S) + (5,), (5,) + t.Size(_S), t.Size(_S) + t.Size([1])))
add("size/concat_list", lambda t: t.Size(_S) + [5], error=True)
add("size/list_concat", lambda t: [5] + t.Size(_S), error=True)
add("size/concat_int", lambda t: 3 + t.Size(_S), error=True)
add("size/slice_and_index", lambda t: (t.Size(_S)[1:], t.Size(_S)[::-1], t.Size(_S)[-1]))
add("size/index_out_of_range", lambda t: t.Size(_S)[5], error=True)
add("size/index_by_float", lambda t: t.Size(_S)[1.0], error=True)
add("size/shape_index_out_of_range", lambda t: t.ones(2, 3).shape[2], error=True)
add("size/from_index_likes", lambda t: (t.Size([True, T(t, 2), T(t, [3])]), t.Size(range(3)),
                                        t.Size(T(t, [2, 3])), t.Size()))
add("size/float_item", lambda t: t.Size([2, 2.5]), error=True)
add("size/float_tensor_item", lambda t: t.Size([T(t, 2.0)]), error=True)
add("size/list_item", lambda t: t.Size([[1]]), error=True)
add("size/not_iterable", lambda t: t.Size(3), error=True)
add("size/overflow", lambda t: t.Size([2 ** 63]), error=True)
add("size/int64_min", lambda t: t.Size([-2 ** 63]))

# ---- Tensor.type(): a dtype, a type name, or a legacy tensor class ----------------------------
add("type/legacy_classes", lambda t: (T(t, V).type(t.DoubleTensor), T(t, V).type(t.LongTensor),
                                      T(t, V).type(t.Tensor), T(t, V).type("torch.Tensor")))
add("type/python_class", lambda t: T(t, V).type(float), error=True)
add("type/not_a_type", lambda t: T(t, V).type(3), error=True)

# ---- torch's C types are named with their module in Python's own messages ---------------------
add("type_names/dtype_format_spec", lambda t: f"{t.float32:>10}", error=True)
add("type_names/device_format_spec", lambda t: f"{t.ones(1).device:>5}", error=True)
add("type_names/dtype_not_callable", lambda t: t.float32(), error=True)
add("type_names/dtype_no_len", lambda t: len(t.float64), error=True)
add("type_names/dtype_unknown_attribute", lambda t: t.float32.foo, error=True)
add("type_names/device_plus_int", lambda t: t.ones(1).device + 1, error=True)
add("type_names/return_type_unknown_attribute", lambda t: T(t, V).max(0).foo, error=True)
add("type_names/return_type_method", lambda t: T(t, V).max(0).count)
add("type_names/generator_unknown_attribute", lambda t: t.manual_seed(0).foo, error=True)
add("type_names/size_for_size_argument", lambda t: t.ones(t.float32), error=True)
add("type_names/classes", lambda t: (type(t.float32), type(t.ones(1).device), type(t.Size([1])),
                                     type(t.finfo()), type(t.iinfo(t.int8)),
                                     type(T(t, V).sort()), type(t.manual_seed(0))))

# ---- torch.device: parsed, printed and compared as torch does; tensors stay on the CPU --------
add("device/strings", lambda t: (t.device("cpu"), t.device("cuda"), t.device("cuda:1"),
                                 t.device("meta"), str(t.device("cuda:1")), t.device("cpu:0")))
add("device/type_and_index", lambda t: (t.device("cuda", 0), t.device("cpu", index=2),
                                        t.device("cpu", None), t.device(t.device("cuda:3")),
                                        t.device("cuda:2").type, t.device("cuda:2").index,
                                        t.ones(1).device.index))
add("device/equality", lambda t: (t.device("cpu") == t.device("cpu"),
                                  t.device("cpu", 0) == t.device("cpu"),
                                  t.device("cuda:0") == t.device("cuda", 0),
                                  t.ones(1).device == "cpu", t.ones(1).device != "cpu",
                                  {t.device("cpu"): 1}))
for _i, _bad in enumerate(["gpu", "CPU", " cpu", "cuda:", "cuda:01", "cpu:0:1", "cpu:-1",
                           "cuda:a"]):
    add("device/bad_string_%d" % _i, lambda t, s=_bad: t.device(s), error=True)
add("device/index_in_string_and_argument", lambda t: t.device("cpu:0", 1), error=True)
add("device/negative_index", lambda t: t.device("cpu", -1), error=True)
add("device/float_index", lambda t: t.device("cpu", 1.5), error=True)
add("device/bool_index", lambda t: t.device("cpu", True), error=True)
add("device/bare_index", lambda t: t.device(1), error=True)
add("device/of_none", lambda t: t.device(None), error=True)
add("device/no_argument", lambda t: t.device(), error=True)
add("device/device_and_index", lambda t: t.device(t.device("cpu"), 0), error=True)
add("device/to_cpu_with_index", lambda t: (T(t, V).to("cpu:0"), T(t, V).to(t.device("cpu", 3)),
                                           T(t, V).to(t.device("cpu"), t.float64)))
add("device/to_cuda_device", lambda t: T(t, V).to(t.device("cuda")), error=True)
add("device/to_cuda_keyword", lambda t: T(t, V).to(device="cuda:0"), error=True)
add("device/to_bare_index", lambda t: T(t, V).to(0), error=True)
add("device/cuda_method", lambda t: T(t, V).cuda(), error=True)
add("device/cuda_method_index", lambda t: T(t, V).cuda(0), error=True)
add("device/cuda_method_cpu", lambda t: T(t, V).cuda("cpu"), error=True)
add("device/get_device", lambda t: T(t, V).get_device())
add("device/legacy_constructor_cpu_device", lambda t: t.Tensor(2, device=t.device("cpu")).shape)

# ---- x.size(dim) and x.stride(dim): the parser's int, a 0-dim tensor has no dims to ask about ----
for _query in ("size", "stride"):
    add("%s_query/dims" % _query, lambda t, q=_query: tuple(
        getattr(t.ones(2, 3), q)(d) for d in (0, -1, t.tensor(1))) + (getattr(t.ones(2, 3), q)(None),))
    add("%s_query/keyword" % _query, lambda t, q=_query: getattr(t.ones(2, 3), q)(dim=1))
    for _i, _dim in enumerate((5, -3, True, 1.0, "a")):
        add("%s_query/bad_dim_%d" % (_query, _i),
            lambda t, q=_query, d=_dim: getattr(t.ones(2, 3), q)(d), error=True)
    add("%s_query/tensor_dim" % _query, lambda t, q=_query: getattr(t.ones(2, 3), q)(
        t.tensor(1.0)), error=True)
    add("%s_query/numpy_float_dim" % _query, lambda t, q=_query: getattr(t.ones(2, 3), q)(
        np.float64(1)), error=True)
    for _dim in (0, -1, 1):
        add("%s_query/zero_dim_tensor_%d" % (_query, _dim),
            lambda t, q=_query, d=_dim: getattr(t.tensor(1.0), q)(d), error=True)

# ---- x.numpy(): no positional argument, a keyword-only bool `force` ----------------------------
add("numpy/force", lambda t: t.ones(2, requires_grad=True).numpy(force=True).tolist())
for _i, _call in enumerate((lambda x: x.numpy(True), lambda x: x.numpy(1, 2),
                            lambda x: x.numpy(force=1), lambda x: x.numpy(force=None),
                            lambda x: x.numpy(force=True, foo=1),
                            lambda x: x.numpy(force=x[0] > 0))):
    add("numpy/bad_arguments_%d" % _i, lambda t, c=_call: c(t.ones(2)), error=True)

# ---- dtype= that is not a torch.dtype: the parser's TypeError names the function ---------------
_DTYPE_TAKERS = {
    "tensor": lambda t, d: t.tensor([1.0], dtype=d),
    "as_tensor": lambda t, d: t.as_tensor([1.0], dtype=d),
    "as_tensor_of_tensor": lambda t, d: t.as_tensor(t.ones(1), dtype=d),
    "ones": lambda t, d: t.ones(1, dtype=d), "zeros": lambda t, d: t.zeros(1, dtype=d),
    "empty": lambda t, d: t.empty(1, dtype=d), "full": lambda t, d: t.full((1,), 2, dtype=d),
    "ones_like": lambda t, d: t.ones_like(t.ones(1), dtype=d),
    "zeros_like": lambda t, d: t.zeros_like(t.ones(1), dtype=d),
    "empty_like": lambda t, d: t.empty_like(t.ones(1), dtype=d),
    "full_like": lambda t, d: t.full_like(t.ones(1), 2, dtype=d),
    "new_ones": lambda t, d: t.ones(1).new_ones(2, dtype=d),
    "new_zeros": lambda t, d: t.ones(1).new_zeros((2,), dtype=d),
    "new_empty": lambda t, d: t.ones(1).new_empty((2,), dtype=d),
    "new_full": lambda t, d: t.ones(1).new_full((2,), 3, dtype=d),
    "new_tensor": lambda t, d: t.ones(1).new_tensor([1], dtype=d),
    "scalar_tensor": lambda t, d: t.scalar_tensor(1, dtype=d),
}
for _name, _make in _DTYPE_TAKERS.items():
    add("dtype_argument/%s_str" % _name, lambda t, m=_make: m(t, "float32"), error=True)
    add("dtype_argument/%s_numpy_type" % _name, lambda t, m=_make: m(t, np.float32), error=True)
add("dtype_argument/as_tensor_of_tensor_keeps_graph", lambda t: (
    t.as_tensor(t.ones(2, requires_grad=True), dtype=t.float64),
    t.as_tensor(t.ones(2, requires_grad=True), dtype=t.int64)))

# ---- a Tensor parameter given something else: the parser's TypeError ---------------------------
for _name, _call in (("cross", lambda t, x: t.cross(x, 1.5)), ("kron", lambda t, x: t.kron(x, "a")),
                     ("equal", lambda t, x: t.equal(x, None)), ("equal_int", lambda t, x: t.equal(x, 1)),
                     ("outer", lambda t, x: t.outer(x[0], None))):
    add("tensor_parameter/" + _name, lambda t, c=_call: c(t, t.ones(2, 3)), error=True)

# ---- a reduction's dim as the parser takes it: an int-like (NumPy int, integer 0-dim tensor) -----
add("reduce_dim/int_likes", lambda t: (
    T(t, [[1.5, -2.0], [0.5, 3.0]]).sum(t.tensor(1)), T(t, [[1.5, -2.0], [0.5, 3.0]]).sum(
        np.int64(0)), T(t, [[1.5, -2.0], [0.5, 3.0]]).amax(t.tensor(1)),
    T(t, [[1.5, -2.0], [0.5, 3.0]]).sum(t.tensor([1]))))

# ---- an `int` parameter given something else: the parser's TypeError (x.method form) ------------
for _name, _call in (("diag", lambda x, v: x.diag(v)), ("diagonal", lambda x, v: x.diagonal(v)),
                     ("diag_embed", lambda x, v: x.diag_embed(v)),
                     ("tril", lambda x, v: x.tril(v)), ("triu", lambda x, v: x.triu(v))):
    for _i, _value in enumerate((1.5, None, "a", [1])):
        add("int_parameter/%s_%d" % (_name, _i),
            lambda t, c=_call, v=_value: c(t.ones(2, 2), v), error=True)
    add("int_parameter/%s_int_likes" % _name, lambda t, c=_call: (
        c(t.ones(2, 2), t.tensor(1)), c(t.ones(2, 2), np.int64(-1))))
for _name in ("logical_and", "logical_or", "logical_xor"):
    add("tensor_parameter/%s_number_other" % _name,
        lambda t, n=_name: getattr(t, n)(t.ones(2), 1), error=True)
    add("tensor_parameter/%s_number_input" % _name,
        lambda t, n=_name: getattr(t, n)(True, t.ones(2)), error=True)

# ---- a `float`/`Number` parameter given something else (x.method form, first parameter) ---------
for _name, _call in (("logit", lambda x, v: x.logit(v)), ("nan_to_num", lambda x, v: x.nan_to_num(v)),
                     ("pinverse", lambda x, v: x.pinverse(v)),
                     ("hardshrink", lambda x, v: x.hardshrink(v))):
    for _i, _value in enumerate(("a", [1])):
        add("number_parameter/%s_%d" % (_name, _i),
            lambda t, c=_call, v=_value: c(t.ones(2, 2) / 3, v), error=True)
add("number_parameter/none_where_optional", lambda t: (
    (t.ones(2) / 3).logit(None), t.tensor([float("nan"), 1.0]).nan_to_num(None, None, None)))
add("number_parameter/pinverse_none", lambda t: t.ones(2, 2).pinverse(None), error=True)
add("number_parameter/tensor_values", lambda t: (
    (t.ones(2) / 3).logit(t.tensor(0.1)), t.ones(2).hardshrink(t.tensor(1.0))))
add("int_parameter/roll_shifts", lambda t: (t.arange(6.0).reshape(2, 3).roll(t.tensor(1)),
                                            t.arange(6.0).roll((2,))))
for _i, _value in enumerate(("a", None, 1.5)):
    add("int_parameter/roll_shifts_%d" % _i,
        lambda t, v=_value: t.arange(6.0).reshape(2, 3).roll(v), error=True)
