"""More cases for test_vs_torch.py: the edges of dtype promotion, reductions, creation,
shapes and printing that a learner runs into. Registered into torch_cases.CASES."""

import math

from torch_cases import add, case, T, L, A, I, B, V, graph, weights

# ---- Python numbers meeting integer tensors: wrap-around and integer powers -----------------
_SMALL_INTS = [3, -2, 0]
for _dtype in ("int8", "uint8", "int32", "int64"):
    add("promote/%s_plus_negative" % _dtype,
        lambda t, d=_dtype: T(t, [3, 2, 0], getattr(t, d)) + -2)
    add("promote/%s_times_big" % _dtype,
        lambda t, d=_dtype: T(t, [3, 2, 0], getattr(t, d)) * 200)
    add("promote/%s_compare_negative" % _dtype,
        lambda t, d=_dtype: (T(t, [3, 2, 0], getattr(t, d)) < -2,
                             T(t, [3, 2, 0], getattr(t, d)) == 257))
add("promote/int64_minus_2_63", lambda t: T(t, [1, 2]) - 2 ** 63)
add("promote/int64_plus_2_64", lambda t: T(t, [1, 2]) + 2 ** 64, error=True)
add("promote/int64_plus_below_min", lambda t: T(t, [1, 2]) + (-2 ** 63 - 1), error=True)
add("promote/int8_add_inplace_wraps", lambda t: T(t, [1, 2], t.int8).add_(300))
add("pow/int_base_negative_int_tensor", lambda t: 2 ** T(t, _SMALL_INTS))
add("pow/minus_one_negative_int_tensor", lambda t: T(t, [-1, -1, 1, 0]) ** T(t, [-3, -2, -5, 2]))
add("pow/int_tensor_int_tensor", lambda t: T(t, _SMALL_INTS) ** T(t, _SMALL_INTS))
add("pow/int8_tensor_negative", lambda t: T(t, _SMALL_INTS, t.int8) ** T(t, [1, -1, 2], t.int8))
add("pow/bool_tensor_int_tensor", lambda t: T(t, [True, False, True]) ** T(t, _SMALL_INTS))
add("pow/python_bool_bool_tensor", lambda t: True ** T(t, [True, False]), error=True)
add("pow/python_int_bool_tensor", lambda t: 2 ** T(t, [True, False]))
add("sub/python_bool_minus_int_tensor", lambda t: True - T(t, _SMALL_INTS), error=True)
add("sub/python_int_minus_bool_tensor", lambda t: 2 - T(t, [True, False]), error=True)
add("sub/python_bool_minus_bool_tensor", lambda t: True - T(t, [True, False]), error=True)
add("sub/torch_sub_bool_first", lambda t: t.sub(True, T(t, _SMALL_INTS)), error=True)

# ---- a Python number passed for the first Tensor argument ------------------------------------
add("arith/torch_add_number_first", lambda t: t.add(2, T(t, _SMALL_INTS)))
add("arith/torch_sub_number_first", lambda t: t.sub(2, T(t, _SMALL_INTS)))
add("arith/torch_div_number_first", lambda t: t.div(2, T(t, _SMALL_INTS)))
add("arith/torch_add_float_first", lambda t: t.add(2.5, T(t, _SMALL_INTS)))
add("arith/torch_mul_number_first_grad",
    lambda t: (lambda x: (lambda y: (y, graph(y.grad_fn)))(t.mul(2, x)))(L(t, [1.0, 2.0])))
add("arith/torch_add_two_numbers", lambda t: t.add(2, 3))

# ---- alpha: its type must suit the result's ---------------------------------------------------
add("arith/alpha_float_for_int", lambda t: t.add(T(t, I), 2, alpha=1.5), error=True)
add("arith/alpha_float_for_int_tensors", lambda t: t.add(T(t, I), T(t, I), alpha=0.5), error=True)
add("arith/alpha_bool_for_float", lambda t: t.add(T(t, A), T(t, A), alpha=True), error=True)
add("arith/alpha_bool_for_bool", lambda t: t.add(T(t, B), T(t, B), alpha=True))
add("arith/sub_alpha_float_for_int", lambda t: t.sub(T(t, I), 1, alpha=0.5), error=True)

# ---- shifts and float_power --------------------------------------------------------------------
add("bitwise/left_shift", lambda t: (T(t, _SMALL_INTS) << 1, T(t, _SMALL_INTS) << T(t, [3, 70, -1])))
add("bitwise/right_shift", lambda t: (T(t, [-8, 8, 5]) >> 1, T(t, [-8, 8, 5]) >> T(t, [70, -1, 1])))
add("bitwise/shift_reflected", lambda t: (1 << T(t, _SMALL_INTS), -8 >> T(t, [1, 2, 3])))
add("bitwise/shift_bool_promotes", lambda t: T(t, [True, False]) << 1)
add("bitwise/shift_float_error", lambda t: T(t, A) << 1, error=True)
add("bitwise/shift_by_float_error", lambda t: T(t, I) << 1.5, error=True)
add("bitwise/shift_functions", lambda t: (t.bitwise_left_shift(T(t, I), 2),
                                         T(t, I).bitwise_right_shift(1)))


@case("float_power/grad")
def _(t):
    x = L(t, [1.0, 2.0])
    y = t.float_power(x, 2)
    y.sum().backward()
    return y, graph(y.grad_fn), x.grad


add("float_power/int_negative", lambda t: t.float_power(T(t, _SMALL_INTS), -1))
add("float_power/number_base", lambda t: t.float_power(2, L(t, [1.0, -2.0])))
add("float_power/tensor_exponent", lambda t: T(t, [2.0, 3.0], t.float64).float_power(T(t, [2, 3])))

# ---- dtype queries --------------------------------------------------------------------------------
add("dtypes/result_type", lambda t: (t.result_type(T(t, I), 2.5), t.result_type(2, 3),
                                     t.result_type(T(t, [1], t.int32), T(t, 2)),
                                     t.result_type(T(t, B), T(t, I))))
add("dtypes/can_cast", lambda t: (t.can_cast(t.float32, t.int32), t.can_cast(t.int32, t.float32),
                                  t.can_cast(t.int64, t.bool), t.can_cast(t.int64, t.uint8)))
add("dtypes/is_tensor_is_floating_point",
    lambda t: (t.is_tensor(T(t, I)), t.is_tensor(3), t.is_floating_point(T(t, A)),
               t.is_floating_point(T(t, I))))

# ---- reductions: dim lists, explicit None, 0-dim and empty inputs ----------------------------------
E = [[], []]  # (2, 0)
for _name in ("sum", "mean", "std", "var", "norm", "amax", "amin"):
    add("reduce/%s_empty_dim_list" % _name,
        lambda t, n=_name: getattr(L(t, A), n)(dim=()))
add("reduce/sum_dim_none_is_dim_overload", lambda t: (L(t, A).sum(None), L(t, A).sum(dim=None)))
add("reduce/mean_dim_none_is_dim_overload", lambda t: L(t, A).mean(None))
add("reduce/mean_empty_list", lambda t: L(t, A).mean(dim=[]))
add("reduce/any_empty_dim_list_reduces_nothing",
    lambda t: (T(t, B).any(()), T(t, B).all(dim=[])))
add("reduce/any_all_dim_tuple", lambda t: (t.any(T(t, B), (0, 1)),
                                          T(t, B).all(dim=(0, 1), keepdim=True),
                                          T(t, B).any((-1,))))
add("reduce/zero_dim_sum_dim_out_of_range", lambda t: T(t, 5.0).sum(1), error=True)
add("reduce/zero_dim_max_dim", lambda t: (T(t, 5.0).max(0), T(t, 5.0).max(-1, keepdim=True)))
add("reduce/zero_dim_argmax_dim", lambda t: (T(t, 5.0).argmax(0), T(t, 3.0).argmin(0, True)))
add("reduce/zero_dim_cumsum", lambda t: T(t, 5.0).cumsum(0))
add("reduce/zero_dim_any_dim", lambda t: T(t, 3.0).any(0))
add("reduce/argmax_dim_tuple", lambda t: T(t, A).argmax(dim=(0, 1)), error=True)
add("reduce/cumsum_dim_tuple", lambda t: T(t, A).cumsum(dim=(0,)), error=True)
add("reduce/argmax_empty", lambda t: t.zeros(0, 3).argmax(), error=True)
add("reduce/argmin_empty_dim", lambda t: t.zeros(0, 3).argmin(0), error=True)
add("reduce/argmax_empty_other_dim", lambda t: t.zeros(0, 3).argmax(1))
add("reduce/amax_empty", lambda t: t.zeros(0, 3).amax(), error=True)
add("reduce/amin_empty_dims", lambda t: (t.zeros(2, 0).amin(0), t.zeros(2, 0).amin(())),
    error=True)
add("reduce/amax_empty_dim_tuple", lambda t: t.zeros(2, 0).amax((0, 1)), error=True)
add("reduce/min_empty_dim", lambda t: t.zeros(0, 3).min(0), error=True)
add("reduce/min_empty_other_dim", lambda t: t.zeros(0, 3).min(1))
add("reduce/logsumexp_empty", lambda t: t.zeros(0, 3).logsumexp(0))

# ---- torch.tensor: dtype over all leaves, shape from the first elements, PyTorch's errors ----------
for _i, _data in enumerate([[[1], []], [[1, 2], 3], [1, [2, 3]], [1.0, [2, 3]], [[1.0], 2.0],
                            [[[1, 2]], [3]], [1, None], None, {}]):
    add("create/nested_error_%d" % _i, lambda t, data=_data: t.tensor(data), error=True)
add("create/nested_empty_first_row", lambda t: (t.tensor([[], [1]]), t.tensor([[], [True]])))
add("create/nested_range_rows", lambda t: t.tensor([range(3), range(3)]))
add("create/none_with_dtype", lambda t: (t.tensor([1, None], dtype=t.float32)), error=True)
add("create/none_with_int_dtype", lambda t: (t.tensor([1, None], dtype=t.int64)), error=True)
add("create/multi_element_tensors_inside", lambda t: t.tensor([t.tensor([1.0, 2.0])]),
    error=True)
add("create/multi_element_int_tensors_inside",
    lambda t: t.tensor([t.tensor([1, 2]), t.tensor([3, 4])]), error=True)
add("create/one_element_tensors_inside", lambda t: (
    t.tensor([t.tensor([1.5], dtype=t.float64), 2]), t.tensor([t.tensor(1, dtype=t.int32)]),
    t.tensor([t.tensor(1, dtype=t.int32), 5]), t.tensor([t.tensor(True), 2])))
add("create/int_dtype_overflow", lambda t: t.tensor([300], dtype=t.uint8), error=True)
add("create/int8_overflow", lambda t: t.tensor([128], dtype=t.int8), error=True)
add("create/uint8_takes_negatives", lambda t: t.tensor([-1, -129, 255], dtype=t.uint8))
add("create/int64_overflow", lambda t: t.tensor([2 ** 63]), error=True)
add("create/huge_int_in_float_list", lambda t: t.tensor([1.5, 2 ** 70]))
add("create/float_list_as_bool", lambda t: t.tensor([1.5, 0.0, 2], dtype=t.bool))

# ---- sizes of the factories: the argument parser's TypeErrors -------------------------------------
for _i, _call in enumerate(["zeros(2, 2.5)", "zeros((2, 2.5))", "ones(2.5)", "ones([2, 'a'])",
                            "zeros(2, None)", "empty(2.5)", "Tensor(2, 2.5)", "Tensor(2.5)",
                            "zeros(True)", "zeros(-1, 2)", "ones((2, -3))", "empty(-1)",
                            "full((2, 2.5), 1)", "full(3, 1.0)", "eye(2.5)", "eye(-1)",
                            "eye(2, -1)"]):
    add("create/bad_size_%d" % _i, lambda t, c=_call: eval("t." + c, {"t": t}), error=True)
add("create/new_zeros_bad_size", lambda t: T(t, A).new_zeros(2.5), error=True)
add("create/new_zeros_negative", lambda t: T(t, A).new_zeros(-1), error=True)
add("create/zeros_of_int_tensor_size", lambda t: t.zeros(t.tensor(2)))
add("create/arange_end_keyword", lambda t: (t.arange(end=4), t.arange(start=2, end=4)))

# ---- linspace: PyTorch's float32 step and one rounding per value --------------------------------------
add("create/linspace_middle_value", lambda t: t.linspace(-1, 1, 7))
add("create/linspace_long", lambda t: t.linspace(0, 1, 100)[45:60])
add("create/linspace_uneven", lambda t: (t.linspace(0.1, 0.7, 13), t.linspace(-3.3, 7.1, 33)))
add("create/linspace_float64", lambda t: t.linspace(-1, 1, 7, dtype=t.float64))

# ---- elementwise functions at nan, inf and -0.0 ------------------------------------------------
EDGE = [float("nan"), float("inf"), -float("inf"), -0.0, 0.0, 1.5, -2.5, 0.5, 2.5, -0.5]
UNIT = [-0.9, -0.5, 0.0, 0.3, 0.99]
for _name in ("sign", "sgn", "frac", "log2", "log10", "exp2", "expm1", "atan", "sinh", "cosh",
              "asinh", "erf", "relu"):
    add("unary_edge/%s" % _name, lambda t, n=_name: getattr(T(t, EDGE), n)())
for _name in ("asin", "acos", "atanh", "log2", "log10", "exp2", "expm1", "atan", "sinh", "cosh",
              "asinh", "erf", "frac"):
    add("unary_grad/%s/unit" % _name, lambda t, n=_name: (lambda x: (lambda y: (
        y, graph(y.grad_fn), y.sum().backward(), x.grad))(getattr(x, n)()))(L(t, UNIT)))
add("unary_grad/acosh", lambda t: (lambda x: (lambda y: (y, y.sum().backward(), x.grad))(
    x.acosh()))(L(t, [1.5, 2.0, 3.0])))
add("unary/int_inputs_float_results", lambda t: (T(t, [1, 2]).log2(), T(t, [True]).erf(),
                                                 T(t, [1, 2]).asinh()))
add("unary/frac_int", lambda t: T(t, [1, 2]).frac(), error=True)
add("unary/inplace_new_functions", lambda t: (T(t, UNIT).asin_(), T(t, UNIT).sinh_(),
                                              T(t, EDGE).frac_()))
add("minmax/ties_keep_self", lambda t: (
    t.maximum(T(t, [-0.0, 0.0]), T(t, [0.0, -0.0])), t.minimum(T(t, [0.0, -0.0]), T(t, [-0.0, 0.0])),
    t.max(T(t, [0.0, -0.0]), T(t, [-0.0, 0.0]))))
add("clamp/negative_zero_kept", lambda t: (T(t, EDGE).clamp(0, 1), T(t, EDGE).clamp(max=0),
                                           T(t, EDGE).clamp(min=t.zeros(10))))
add("clamp/int_tensor_bound_promotes", lambda t: (
    T(t, [3, -2, 0]).clamp(max=T(t, 1.5)), T(t, [3, -2, 0]).clamp(0.5, T(t, 2)),
    T(t, [3, -2, 0]).clamp(T(t, 1, t.int32)), T(t, [3, -2, 0]).clamp(T(t, [0.5, 1.0, 1.0]))))
add("clamp/float_tensor_bound_only_max", lambda t: T(t, EDGE).clamp(max=T(t, 0.0)))
add("clamp/inplace_scalar_cast_error", lambda t: T(t, [3, -2, 0]).clamp_(min=0.5), error=True)
add("clamp/inplace_tensor_cast_error", lambda t: T(t, [3, -2, 0]).clamp_(max=T(t, 1.5)),
    error=True)
add("clamp/clip_inplace_int", lambda t: T(t, [3, -2, 0]).clip_(0, 1))
add("round/int_decimals", lambda t: T(t, [3, -2]).round(decimals=1), error=True)
add("round/int_decimals_zero", lambda t: T(t, [3, -2]).round(decimals=0), error=True)
add("round/decimals_zero_node", lambda t: L(t, [1.5, 2.5]).round(decimals=0))
add("sigmoid/float16", lambda t: T(t, [1.0, 2.0, -3.0], t.float16).sigmoid())

# ---- activations of torch.nn.functional: one node each -------------------------------------------
ACT = [-3.0, -1.0, -0.25, 0.0, 0.5, 2.0, 25.0]
for _name, _call in (("leaky_relu", "F.leaky_relu(x)"), ("leaky_relu_slope", "F.leaky_relu(x, 0.2)"),
                     ("elu", "F.elu(x)"), ("elu_alpha", "F.elu(x, alpha=0.5)"),
                     ("softplus", "F.softplus(x)"), ("softplus_beta", "F.softplus(x, beta=2, threshold=5)"),
                     ("silu", "F.silu(x)"), ("gelu", "F.gelu(x)"),
                     ("gelu_tanh", "F.gelu(x, approximate='tanh')"), ("hardtanh", "F.hardtanh(x)"),
                     ("relu6", "F.relu6(x)")):
    add("activation/%s" % _name, lambda t, c=_call: (lambda x: (lambda y: (
        y, graph(y.grad_fn), (y * t.arange(1.0, 8.0)).sum().backward(), x.grad))(
        eval(c, {"F": t.nn.functional, "x": x})))(L(t, ACT)))
add("activation/softplus_far_negative", lambda t: t.nn.functional.softplus(T(t, [-30.0, -90.0])))
add("activation/gelu_bad_approximate", lambda t: t.nn.functional.gelu(T(t, ACT), approximate="x"),
    error=True)
add("activation/leaky_relu_inplace", lambda t: (lambda x: (
    t.nn.functional.leaky_relu(x, 0.1, inplace=True), x))(T(t, ACT)))

# ---- shape errors ---------------------------------------------------------------------------------
add("shape/view_invalid_negative", lambda t: T(t, A).view(-2, 3), error=True)
add("shape/narrow_past_end", lambda t: T(t, A).narrow(1, 2, 2), error=True)
add("shape/narrow_negative_start", lambda t: T(t, A).narrow(0, -1, 1))
add("shape/narrow_start_out_of_range", lambda t: T(t, A).narrow(1, -4, 1), error=True)
add("shape/narrow_negative_length", lambda t: T(t, A).narrow(1, 1, -1), error=True)
add("shape/cat_of_a_tensor", lambda t: t.cat(T(t, A)), error=True)
add("shape/stack_of_a_tensor", lambda t: t.stack(T(t, A)), error=True)
add("index/broadcast_mismatch", lambda t: T(t, A)[[0, 1], [0, 1, 2]], error=True)
add("index/broadcast_mismatch_2d", lambda t: T(t, A)[t.tensor([[0, 1]]), t.tensor([0, 1, 2])],
    error=True)

# ---- gather, index_select, masked_fill, tril/triu, flip ---------------------------------------------
MASK = [[False, True, False], [True, False, True]]


def _grad_case(t, fn, data=A):
    x = L(t, data)
    y = fn(t, x)
    (y * weights(t, y)).sum().backward()
    return y, graph(y.grad_fn), x.grad


add("masked_fill/scalar", lambda t: _grad_case(t, lambda t, x: x.masked_fill(T(t, MASK), 2)))
add("masked_fill/broadcast_mask", lambda t: _grad_case(
    t, lambda t, x: x.masked_fill(T(t, [True, False, True]), -1.0)))
add("masked_fill/mask_grows_result", lambda t: T(t, A).masked_fill(t.ones(2, 2, 3, dtype=t.bool), 1))
add("masked_fill/neg_inf_softmax", lambda t: _grad_case(
    t, lambda t, x: x.masked_fill(T(t, MASK), float("-inf")).softmax(1)))
add("masked_fill/value_tensor", lambda t: (lambda v: (_grad_case(
    t, lambda t, x: x.masked_fill(T(t, MASK), v)), v.grad))(L(t, 2.0)))
add("masked_fill/int_tensor_float_value", lambda t: (T(t, I).masked_fill(T(t, MASK), 0.5),
                                                    T(t, I).masked_fill(T(t, MASK), T(t, 0.5))))
add("masked_fill/inplace", lambda t: (lambda x: (x.masked_fill_(T(t, MASK), 7), x))(T(t, A)))
add("masked_fill/function", lambda t: t.masked_fill(T(t, A), T(t, MASK), 1.0))
add("masked_fill/int_mask", lambda t: T(t, A).masked_fill(T(t, I), 2), error=True)
add("masked_fill/mask_mismatch", lambda t: T(t, A).masked_fill(T(t, [True, False]), 1),
    error=True)
add("masked_fill/value_not_0dim", lambda t: T(t, A).masked_fill(T(t, MASK), T(t, [2.0])),
    error=True)
add("gather/grad", lambda t: _grad_case(t, lambda t, x: x.gather(1, T(t, [[2, 2], [0, 1]]))))
add("gather/dim0_and_longer", lambda t: (T(t, A).gather(0, T(t, [[1, 1, 0]])),
                                         T(t, A).gather(1, T(t, [[0, 1, 2, 0]])),
                                         t.gather(T(t, A), 1, T(t, [[0, 1]], t.int32))))
add("gather/out_of_bounds", lambda t: T(t, A).gather(1, T(t, [[0, 3]])), error=True)
add("gather/negative_index", lambda t: T(t, A).gather(1, T(t, [[0, -1]])), error=True)
add("gather/float_index", lambda t: T(t, A).gather(1, T(t, [[0.0, 1.0]])), error=True)
add("gather/rank_mismatch", lambda t: T(t, A).gather(1, T(t, [0, 1])), error=True)
add("gather/too_large", lambda t: T(t, A).gather(1, T(t, [[0], [2], [1]])), error=True)
add("index_select/grad", lambda t: _grad_case(t, lambda t, x: x.index_select(1, T(t, [2, 0, 2]))))
add("index_select/function", lambda t: t.index_select(T(t, A), 0, T(t, [1, 1])))
add("index_select/out_of_bounds", lambda t: T(t, A).index_select(1, T(t, [3])), error=True)
add("index_select/matrix_index", lambda t: T(t, A).index_select(1, T(t, [[0]])), error=True)
add("index_select/float_index", lambda t: T(t, A).index_select(1, T(t, [0.0])), error=True)
add("index_select/list_index", lambda t: T(t, A).index_select(1, [0]), error=True)
for _name, _fn in (("tril", lambda t, x: x.tril()), ("tril_k", lambda t, x: x.tril(-1)),
                   ("triu", lambda t, x: t.triu(x, 1)), ("flip", lambda t, x: x.flip(0)),
                   ("flip_both", lambda t, x: x.flip((0, 1))), ("flip_fn", lambda t, x: t.flip(x, [1]))):
    add("triangle_flip/%s" % _name, lambda t, f=_fn: _grad_case(t, f))
add("triangle_flip/tril_1d", lambda t: T(t, V).tril(), error=True)
add("triangle_flip/flip_bad_dim", lambda t: T(t, A).flip(2), error=True)
add("triangle_flip/inplace", lambda t: (lambda x: (x.tril_(), x.triu_(1), x))(T(t, [[1.0, 2.0], [3.0, 4.0]])))
add("functional/mse_loss_size_mismatch", lambda t: t.nn.functional.mse_loss(t.ones(3), t.zeros(2)),
    error=True)

# ---- Python's protocols on torch.Size, dtype and device: PyTorch's C types ------------------
# Python's messages quote a C type's dotted name ('torch.Size' object ...).
_S = lambda t: T(t, [[1.0, 2.0, 3.0]]).shape  # noqa: E731
add("size/concatenate_tuple", lambda t: (_S(t) + (4,), (4,) + _S(t), _S(t) + _S(t)))
add("size/concatenate_list", lambda t: _S(t) + [4], error=True)
add("size/list_plus_size", lambda t: [4] + _S(t), error=True)
add("size/concatenate_int", lambda t: _S(t) + 1, error=True)
add("size/int_plus_size", lambda t: 1 + _S(t), error=True)
add("size/concatenate_tensor", lambda t: _S(t) + T(t, [1]), error=True)
add("size/repeat", lambda t: (_S(t) * 2, 2 * _S(t), _S(t) * T(t, 2)))
add("size/repeat_float", lambda t: _S(t) * 1.5, error=True)
add("size/float_repeat", lambda t: 1.5 * _S(t), error=True)
add("size/item_assignment", lambda t: _S(t).__setitem__(0, 5), error=True)
add("size/not_callable", lambda t: _S(t)(), error=True)
add("size/missing_attribute", lambda t: _S(t).numl, error=True)
add("size/compare_int", lambda t: _S(t) < 3, error=True)
add("dtype/not_callable", lambda t: t.float32(), error=True)
add("dtype/no_len", lambda t: len(t.float32), error=True)
add("dtype/plus_int", lambda t: t.float32 + 1, error=True)
add("dtype/compare", lambda t: t.float32 < t.float64, error=True)
add("dtype/not_subscriptable", lambda t: t.float32[0], error=True)
add("dtype/missing_attribute", lambda t: t.float32.is_floating, error=True)
add("device/missing_attribute", lambda t: T(t, [1.0]).device.foo, error=True)
add("return_types/missing_attribute", lambda t: T(t, [2.0, 1.0]).sort().foo, error=True)
add("return_types/not_callable", lambda t: T(t, [2.0, 1.0]).max(0)(), error=True)
add("generator/missing_attribute", lambda t: t.Generator().foo, error=True)


# ---- Scalars written into a tensor (fill_, full, masked_fill, x[i] = v, clamp bounds ...):
# c10's checked_convert to the tensor's dtype, unlike arithmetic, which wraps ----------------
def _mask(t):
    return T(t, [True, False, True])


_FILL_WRITERS = {
    "fill_": lambda t, x, v: x.fill_(v),
    "full": lambda t, x, v: t.full((2,), v, dtype=x.dtype),
    "full_like": lambda t, x, v: t.full_like(x, v),
    "new_full": lambda t, x, v: x.new_full((2,), v),
    "masked_fill": lambda t, x, v: x.masked_fill(_mask(t), v),
    "index_fill": lambda t, x, v: x.index_fill(0, T(t, [1]), v),
    "scatter_value": lambda t, x, v: x.scatter(0, T(t, [0]), v),
    "setitem_int": lambda t, x, v: x.__setitem__(0, v) or x,
    "setitem_slice": lambda t, x, v: x.__setitem__(slice(0, 2), v) or x,
    "setitem_mask": lambda t, x, v: x.__setitem__(_mask(t), v) or x,
    "clamp_min": lambda t, x, v: x.clamp(min=v),
    "clamp_max_": lambda t, x, v: x.clamp_(max=v),
}
_FILL_VALUES = {
    "int8": [127, 128, -129, -2.7, 2.5e10, float("nan"), True],
    "uint8": [-1, -255, -256, 256, -1.0, 255.9],
    "int32": [2 ** 31, -2 ** 31, float("inf")],
    "int64": [2 ** 63 - 1, 2 ** 63, -2 ** 63, 2 ** 64, -2 ** 63 - 1],
    "float16": [65504, 100000, 1e5, float("inf")],
    "float32": [1e300, -1e300, 2 ** 64 - 1, float("nan")],
    "float64": [1e300, 2 ** 64 - 1],
    "bool": [5, 0.0, -1],
}
for _dtype, _values in _FILL_VALUES.items():
    for _value in _values:
        for _name, _writer in _FILL_WRITERS.items():
            add("checked_convert/%s_%s_%r" % (_name, _dtype, _value),
                lambda t, d=_dtype, v=_value, w=_writer: w(t, T(t, [1, 0, 1], getattr(t, d)), v),
                error=None)


# ---- assigning to a tensor's attributes ----------------------------------------------------
for _name in ("shape", "dtype", "device", "is_leaf", "grad_fn", "ndim", "T", "mT", "layout",
              "output_nr", "retains_grad", "is_cuda"):
    add("setattr/read_only_%s" % _name,
        lambda t, n=_name: setattr(L(t, V), n, None), error=True)
for _flag in ("yes", 1, None, 1.0):
    add("setattr/requires_grad_%r" % (_flag,),
        lambda t, f=_flag: setattr(L(t, V), "requires_grad", f), error=True)


@case("setattr/own_attributes_as_on_any_python_object")
def _own_attributes(t):
    x = L(t, V)
    x.label = "weights"
    x.step = 3
    y = x.detach()
    return x.label, x.step, hasattr(y, "label"), x * 2


# ---- gradients at nan, at ties and at the boundaries: ATen's comparisons decide -------------
_SPECIAL = [1.5, float("nan"), -1.0, 0.0, 6.0, -4.0, 1.0]


def _grad_at_special(t, f):
    x = L(t, _SPECIAL)
    return t.autograd.grad(f(t, x).sum(), x)[0]


_AT_SPECIAL = {
    "relu": lambda t, x: x.relu(),
    "elu": lambda t, x: t.nn.functional.elu(x),
    "selu": lambda t, x: t.nn.functional.selu(x),
    "celu": lambda t, x: t.nn.functional.celu(x),
    "hardtanh": lambda t, x: t.nn.functional.hardtanh(x),
    "relu6": lambda t, x: t.nn.functional.relu6(x),
    "threshold": lambda t, x: t.nn.functional.threshold(x, 0.5, 2.0),
    "leaky_relu": lambda t, x: t.nn.functional.leaky_relu(x),
    "hardshrink": lambda t, x: t.nn.functional.hardshrink(x),
    "hardsigmoid": lambda t, x: t.nn.functional.hardsigmoid(x),
    "hardswish": lambda t, x: t.nn.functional.hardswish(x),
    "clamp": lambda t, x: x.clamp(0, 1),
    "maximum": lambda t, x: t.maximum(x, T(t, [1.0, 0.0, float("nan"), 0.0, 6.0, 2.0, 1.0])),
    "minimum": lambda t, x: t.minimum(x, T(t, [1.0, 0.0, float("nan"), 0.0, 6.0, 2.0, 1.0])),
    "norm_inf": lambda t, x: x.norm(p=float("inf")),
    "norm_inf_no_nan": lambda t, x: t.where(x.isnan(), T(t, 6.0), x).norm(p=float("inf")),
    "max": lambda t, x: x.max(),
    "abs": lambda t, x: x.abs(),
}
for _name, _f in _AT_SPECIAL.items():
    add("grad_at_special/%s" % _name, lambda t, f=_f: _grad_at_special(t, f))
def _zero_gradient_under_inf(t, name):
    """floor & co. have zeros_like(grad) as gradient: an infinite gradient above gives 0."""
    x = L(t, [1.5, -2.0, float("nan")])
    g, = t.autograd.grad((getattr(x, name)() * T(t, [float("inf"), -1.0, 1.0])).sum(), x,
                         create_graph=True)
    return g, g.requires_grad


for _name in ("floor", "ceil", "round", "trunc", "sign"):
    add("grad_at_special/%s_under_inf" % _name, lambda t, n=_name: _zero_gradient_under_inf(t, n))


# ---- found by a random differential search ----------------------------------------------------
add("fuzz/erf_of_a_0dim_tensor", lambda t: (T(t, 0.5).erf(), T(t, 1).erf(), T(t, [1, 2]).nansum().erf()))
add("fuzz/matmul_with_a_number", lambda t: T(t, A) @ 0.5, error=True)
add("fuzz/matmul_with_a_list", lambda t: T(t, A) @ [1.0, 2.0, 3.0], error=True)
add("fuzz/number_matmul_tensor", lambda t: 0.5 @ T(t, A), error=True)


@case("fuzz/median_gradient_is_written_into_zeros")
def _median_zeros(t):
    b = L(t, [[1.11, -0.49, -1.4], [-0.55, -0.19, 0.27]])
    (b + b).median().norm(p=1).backward()
    return b.grad


@case("fuzz/max_and_min_of_everything_share_into_zeros")
def _max_min_zeros(t):
    x = L(t, [1.0, 3.0, 3.0, -2.0])
    gmax, = t.autograd.grad(x.max() * -2, x)
    gmin, = t.autograd.grad(x.min() * -2, x)
    y = L(t, [1.0, float("nan"), 3.0, float("nan")])
    gnan, = t.autograd.grad(y.max() * -2, y)
    return gmax, gmin, gnan
add("fuzz/floor_divide_is_fmods_quotient",
    lambda t: (T(t, [1.96], t.float64) // 0.02, T(t, [1.96, -1.96, 7.0, -0.5]) // T(t, [0.02, 0.02, -2.0, 2.0]),
               t.div(T(t, [1.96], t.float64), 0.02, rounding_mode="floor")))


@case("grad_at_special/clamp_tensor_bounds_min_above_max_and_infinite_gradient")
def _clamp_tensor_bounds(t):
    x = L(t, [0.5, 2.0, -1.0, float("nan"), 3.0])
    lo, hi = L(t, [0.0, 0.0, 0.0, 0.0, 4.0]), L(t, [1.0, 1.0, 1.0, 1.0, 2.0])
    y = x.clamp(lo, hi)
    return y, t.autograd.grad((y * T(t, [1.0, 2.0, 3.0, 4.0, float("inf")])).sum(), (x, lo, hi))


@case("grad_at_special/fmax_fmin_under_an_infinite_gradient")
def _fmax_fmin_inf(t):
    a, b = L(t, [1.0, float("nan"), 2.0, 3.0]), L(t, [1.0, 0.0, float("nan"), 1.0])
    weight = T(t, [float("inf"), 1.0, 1.0, 1.0])
    return [t.autograd.grad((f(a, b) * weight).sum(), (a, b)) for f in (t.fmax, t.fmin)]


@case("grad_at_special/trace_writes_into_zeros")
def _trace_zeros(t):
    x = L(t, [[-0.05, -1.29, -0.84], [0.08, 1.96, -1.5], [-1.76, 1.08, 0.2]])
    y = (x ** x) ** x.trace()
    y.sum().backward()
    g, = t.autograd.grad(x.trace() * x.sum(), x, create_graph=True)
    return y, x.grad, g, graph(g.grad_fn)


# ---- what the kernels refuse, after TensorIterator has sized the result ----------------------
_BOOL_M, _BOOL_V = [[True, False], [False, True]], [True, False]
for _name, _f in {"mm": lambda t: T(t, _BOOL_M) @ T(t, _BOOL_M),
                  "mv": lambda t: T(t, _BOOL_M) @ T(t, _BOOL_V),
                  "vm": lambda t: T(t, _BOOL_V) @ T(t, _BOOL_M),
                  "dot": lambda t: T(t, _BOOL_V) @ T(t, _BOOL_V),
                  "bmm": lambda t: T(t, [_BOOL_M]) @ T(t, [_BOOL_M]),
                  "batched_mv": lambda t: T(t, [_BOOL_M]) @ T(t, _BOOL_V),
                  "addmm": lambda t: t.addmm(T(t, _BOOL_M), T(t, _BOOL_M), T(t, _BOOL_M))}.items():
    add("bool_kernels/%s" % _name, _f, error=True)
for _name, _f in {"remainder": lambda t, a, b: a % b, "pow": lambda t, a, b: a ** b,
                  "floor_divide": lambda t, a, b: a // b}.items():
    add("bool_kernels/%s_shapes_first" % _name,
        lambda t, f=_f: f(t, T(t, [True, False]), T(t, [True, False, True])), error=True)
    add("bool_kernels/%s_dtype" % _name,
        lambda t, f=_f: f(t, T(t, [True, False]), T(t, [True, True])), error=True)
add("int_kernels/remainder_by_zero_after_shapes",
    lambda t: T(t, [[4], [0]]) % T(t, [[1, 0, 2], [0, 2, 1], [3, 0, 2]]), error=True)
for _shape in ((3,), (2, 2), ()):
    add("bool_kernels/trace_%dd" % len(_shape), lambda t, s=_shape: t.ones(s, dtype=t.bool).trace(),
        error=True)


@case("shapes/transposes_of_a_0dim_tensor")
def _transposes_0dim(t):
    y = L(t, 2.0) * 1
    return [(getattr(y, name) is y, getattr(y, name)) for name in ("mT", "mH", "H")]


# ---- cumulative ops: float32 accumulates in float64 (acc_type), the gradient is reversed_cumsum
@case("cumulative/long_float32_sums_and_products_in_the_accumulator_type")
def _long_cumulative(t):
    y = t.linspace(0.993, 1.0071, 3001)
    return (y.cumsum(0)[-3:].tolist(), y.cumprod(0)[-3:].tolist(),
            y.half().cumsum(0)[-3:].tolist(), y.double().cumsum(0)[-3:].tolist())


@case("cumulative/cumsum_gradient_is_the_reversed_cumsum")
def _cumsum_gradient(t):
    x = L(t, [[0.1, 0.7, -0.3], [1.1, -0.9, 0.25]])
    w = t.linspace(-1.0, 1.7, 3001)
    z = w.clone().requires_grad_()
    g_long, = t.autograd.grad((z.cumsum(0) * w).sum(), z)
    g, = t.autograd.grad((x.cumsum(1).tanh() * x).sum(), x, create_graph=True)
    return g_long[:4].tolist(), g, graph(g.grad_fn)


# ---- double-backward graphs: formulas written as PyTorch's C++ (a Scalar-first `1 - t` is
# empty_like(t).fill_(1).sub_(t): SubBackward0 with no edge for the number) ---------------------
@case("double_backward/scalar_first_operators_in_formulas")
def _scalar_first(t):
    x = L(t, [0.2, -0.4, 0.6])
    out = []
    for f in (lambda v: v.atanh(), lambda v: v.asin(), lambda v: v.acos(), lambda v: v.logit(),
              lambda v: v.logit(eps=0.1), lambda v: v.log1p()):
        g, = t.autograd.grad(f(x).sum(), x, create_graph=True)
        out.append((g, graph(g.grad_fn)))
    return out


@case("grad_at_special/logit_with_eps_at_nan_backward_and_double_backward")
def _logit_nan(t):
    x = L(t, [0.5, float("nan"), -0.1, 1.0, 0.005])
    plain = t.autograd.grad(x.logit(eps=0.01).sum(), x)
    g, = t.autograd.grad(x.logit(eps=0.01).sum(), x, create_graph=True)
    return plain, g


@case("double_backward/unbroadcast_to_a_0dim_input_is_a_full_sum")
def _sum_to_scalar(t):
    b = L(t, 0.5)
    x = L(t, [[1.0, 2.0, -1.0], [0.5, 0.0, 3.0]])
    g, = t.autograd.grad((x * b).exp().sum(), b, create_graph=True)
    return g, graph(g.grad_fn), x.sum_to_size(()), t.ones(2, 3, requires_grad=True).sum_to_size(())


# ---- indexing as ATen's applySlicing walks the key ------------------------------------------
for _key in ("None, 5", "..., 5", "0, ..., 5", "None, None, 0, 7", ":, None, 7", "[0], 7",
             "..., None, 9", "True, 5", "None, ..., 9", "None, torch.tensor(5)"):
    # an out-of-range int names the dim by its position in the key
    add("indexing/out_of_range_names_key_position_[%s]" % _key,
        lambda t, k=_key: eval("x[%s]" % k, {"x": t.ones(2, 3, 4), "torch": t}), error=True)
for _key in ("None, -4:", "None, 0:4", "None, :", ":, -3:", ":, 0:3", ":, -3:3", "None, -100:"):
    # a slice is skipped only when its start, as written, is 0 and it reaches the end
    add("indexing/full_slice_node_[%s]" % _key,
        lambda t, k=_key: graph(eval("x[%s]" % k, {"x": L(t, A * 2) * 1}).grad_fn, 2))


@case("indexing/setitem_checks_the_value_shape_before_index_bounds", error=True)
def _setitem_order(t):
    z = t.zeros(3, 4)
    z[None, [3, -2]] = T(t, [1.0, 2.0])


@case("indexing/setitem_through_a_written_negative_slice_is_copy_slices")
def _setitem_negative_slice(t):
    w = L(t, [[1.0, 2.0, 3.0]]) * 1
    w[-1:] = -1.0
    return w, graph(w.grad_fn, 2)


# ---- anomaly detection ------------------------------------------------------------------------
@case("anomaly/check_nan_names_the_node", error=True)
def _anomaly_nan(t):
    x = L(t, [0.0, 1.0])
    y = x.sqrt() * 0  # made before detection is on: the warning has no forward stack
    with t.autograd.set_detect_anomaly(True):
        y.sum().backward()


@case("anomaly/version_error_hint_while_detecting", error=True)
def _anomaly_version(t):
    a = L(t, [1.0, 2.0])
    b = a.exp()
    c = b.exp()
    b.add_(1)
    with t.autograd.set_detect_anomaly(True, check_nan=False):
        c.sum().backward()


@case("anomaly/modes")
def _anomaly_modes(t):
    states = [t.is_anomaly_enabled()]
    with t.autograd.set_detect_anomaly(True, check_nan=False):
        states += [t.is_anomaly_enabled(), t.is_anomaly_check_nan_enabled()]
    states.append(t.is_anomaly_enabled())
    x = L(t, [0.0, 1.0])
    with t.autograd.set_detect_anomaly(True, check_nan=False):
        g, = t.autograd.grad((x.sqrt() * 0).sum(), x)  # nan allowed without check_nan
    return states, g, t.is_anomaly_check_nan_enabled()


@case("double_backward/var_and_std_graphs_and_no_degrees_of_freedom")
def _var_std_graphs(t):
    out = []
    for shape, kw in [((3,), dict(dim=0)), ((2, 3), dict(dim=1)), ((2, 3), {}),
                      ((2,), dict(dim=0, correction=2)), ((2,), dict(correction=2))]:
        for name in ("var", "std"):
            x = (t.arange(float(math.prod(shape))).reshape(shape) * 0.7 - 1).requires_grad_()
            g, = t.autograd.grad((getattr(x, name)(**kw) * 1.5).sum(), x, create_graph=True)
            out.append((g, graph(g.grad_fn, 4)))
    return out


@case("double_backward/prod_with_zeros_is_differentiable_again")
def _prod_zeros(t):
    out = []
    for data in ([[0.0, -1.91, -0.11], [1.83, -1.1, 1.18]], [0.0, -2.0, 0.0], [[0.0, 2.0], [0.0, 3.0]]):
        for kw in ({}, {"dim": 0}, {"dim": -1, "keepdim": True}):
            x = L(t, data)
            g, = t.autograd.grad(x.prod(**kw).sum(), x, create_graph=True)
            h, = t.autograd.grad(g.sum(), x, allow_unused=True)
            plain, = t.autograd.grad(x.prod(**kw).sum(), x)
            out.append((g, graph(g.grad_fn, 3), h, plain))
    return out


# ---- the random factories' overload lists, through the one invalid-combination formatter -----
add("parser/randint_without_size", lambda t: t.randint(3), error=True)
add("parser/randint_too_many_bounds", lambda t: t.randint(1, 2, 3, (2,)), error=True)
add("parser/randint_like_without_high", lambda t: t.randint_like(t.ones(2)), error=True)
add("parser/normal_of_two_numbers_without_size", lambda t: t.normal(0.0, 1.0), error=True)
