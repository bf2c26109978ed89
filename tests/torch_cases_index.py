"""Cases for test_vs_torch.py: advanced indexing and index assignment (x[key], x[key] = v,
index_put_), their errors and nodes. Registered into torch_cases.CASES."""

from torch_cases import add, case, T, L, A, graph, weights

X3 = [[[float(i * 12 + j * 4 + k) for k in range(4)] for j in range(3)] for i in range(2)]


def X(t):
    return t.tensor(X3)


def _grad(t, fn, data=X3):
    """y = fn(x) of a leaf x: y, its graph, x.grad after a weighted sum's backward."""
    x = L(t, data)
    y = fn(t, x)
    (y * weights(t, y)).sum().backward()
    return y, graph(y.grad_fn), x.grad


def _set(t, fn, data=X3, dtype=None):
    """fn(x) writes into x (a copy of data): x afterwards."""
    x = T(t, data, dtype)
    fn(t, x)
    return x


# ---- reading: where the indexed dims go, what each item is -----------------------------------
READ = {
    "two_ellipsis_none": lambda t, x: x[..., None, ...],
    "two_ellipsis": lambda t, x: x[..., 0, ...],
    "float_list": lambda t, x: x[[0.0, 1.0]],
    "separated_by_slice": lambda t, x: x[[0, 1], :, [1, 2]],
    "adjacent_after_slice": lambda t, x: x[:, [0, 1], [1, 2]],
    "int_then_slice_then_list": lambda t, x: x[0, :, [1, 2]],
    "list_slice_int": lambda t, x: x[[0], :, 1],
    "list_int_list": lambda t, x: x[[1, 0], 2, [3, 0]],
    "none_list_ellipsis_list": lambda t, x: x[None, [0, 1], ..., [0, 3]],
    "ellipsis_list": lambda t, x: x[..., [0, 2]],
    "ellipsis_list_none": lambda t, x: x[..., [0, 2], None],
    "list_none_list": lambda t, x: x[[0, 1], None, [1, 2]],
    "broadcast_column_row": lambda t, x: x[t.tensor([[0], [1]]), :, t.tensor([1, 2, 3])],
    "broadcast_adjacent": lambda t, x: x[:, t.tensor([[0], [2]]), t.tensor([1, 3])],
    "mask_2d_leading": lambda t, x: x[x.sum(2) > 20],
    "mask_2d_trailing": lambda t, x: x[:, t.tensor([[True, False, True, False]] * 3)],
    "mask_3d": lambda t, x: x[x > 17.5],
    "mask_then_list": lambda t, x: x[t.tensor([True, False]), :, [0, 1]],
    "mask_rows_and_list": lambda t, x: x[:, t.tensor([True, False, True]), [2, 3]],
    "mask_all_false": lambda t, x: x[x > 100],
    "bool_list": lambda t, x: x[[True, False]],
    "python_true_false": lambda t, x: (x[True].shape, x[False].shape, x[None, True].shape),
    "python_true_with_int": lambda t, x: x[True, 1],
    "empty_list": lambda t, x: x[[]],
    "empty_long_tensor": lambda t, x: x[t.tensor([], dtype=t.int64)],
    "negative_tensor_index": lambda t, x: x[:, t.tensor([-1, -3])],
    "int32_index": lambda t, x: x[t.tensor([1, 0], dtype=t.int32)],
    "tuple_key": lambda t, x: x[(1, 2)],
    "nested_list_is_tuple": lambda t, x: x[[[0, 1], [1, 0]]],
    "list_of_slices": lambda t, x: x[[slice(None), 1]],
    "list_with_tensor": lambda t, x: x[[t.tensor(1), t.tensor(0)]],
    "list_of_0dim_tensor_pairs": lambda t, x: x[[0, t.tensor(1)], [2, 2]],
    "slice_then_two_tensors": lambda t, x: x[1:, t.tensor([0, 2]), t.tensor([1, 1])],
    "two_tensors_then_slice": lambda t, x: x[t.tensor([0, 1]), t.tensor([2, 0]), 1:3],
    "index_2d_middle": lambda t, x: x[:, t.tensor([[0, 1], [2, 2]])],
    "three_lists": lambda t, x: x[[0, 1], [2, 0], [3, 3]],
    "select_after_ellipsis": lambda t, x: x[..., 1, [0, 1]],
    "two_ellipsis_advanced": lambda t, x: x[[0, 1], ..., [0, 1], ...],
    "step_slice_and_list": lambda t, x: x[::2, [2, 0], 1::2],
    "0dim_long_and_list": lambda t, x: x[t.tensor(1), [0, 2]],
    "0dim_bool": lambda t, x: (x[t.tensor(True)].shape, x[t.tensor(False)].shape),
    "int_tensor_1d_of_int": lambda t, x: t.tensor([10, 20, 30])[t.tensor([[2, 0], [1, 1]])],
    "bool_tensor_of_bool": lambda t, x: t.tensor([True, False, True])[t.tensor([0, 2])],
    "0dim_none_ellipsis": lambda t, x: (t.tensor(5.0)[None, ...], t.tensor(5.0)[..., None]),
    "0dim_mask": lambda t, x: (t.tensor(5.0)[t.tensor(True)], t.tensor(5.0)[t.tensor(False)]),
}
for _name, _f in READ.items():
    add("index_adv/%s" % _name, lambda t, f=_f: f(t, X(t)))

GRAD = ("separated_by_slice", "adjacent_after_slice", "int_then_slice_then_list",
        "none_list_ellipsis_list", "mask_2d_leading", "mask_3d", "mask_then_list",
        "broadcast_column_row", "step_slice_and_list", "three_lists", "nested_list_is_tuple",
        "0dim_long_and_list", "empty_list", "int32_index")
for _name in GRAD:
    add("index_adv_grad/%s" % _name, lambda t, f=READ[_name]: _grad(t, f))


@case("index_adv_grad/repeated_indices_accumulate")
def _(t):
    x = L(t, [1.0, 2.0, 3.0])
    y = x[[0, 0, 2, 0]]
    (y * t.tensor([1.0, 2.0, 3.0, 4.0])).sum().backward()
    return y, x.grad


@case("index_adv_grad/second_order")
def _(t):
    x = L(t, [1.0, 2.0, 3.0])
    y = (x[[2, 0]] ** 3).sum()
    g, = t.autograd.grad(y, x, create_graph=True)
    h, = t.autograd.grad(g.sum(), x)
    return g, graph(g.grad_fn), h


# ---- reading: errors --------------------------------------------------------------------------
ERRORS = {
    "int8_uint8_index": lambda t, x: x[0, t.tensor([2, 1], dtype=t.int8)],
    "int16_index": lambda t, x: x[0, t.tensor([1, 2], dtype=t.int16)],
    "list_out_of_range": lambda t, x: x[[0, 5]],
    "list_out_of_range_dim1": lambda t, x: x[:, [5]],
    "list_out_of_range_dim2": lambda t, x: x[0, 1, [4]],
    "tensor_negative_out_of_range": lambda t, x: x[t.tensor([-3])],
    "two_lists_out_of_range": lambda t, x: x[[0, 1], [0, 3]],
    "mask_wrong_shape_dim1": lambda t, x: x[:, t.tensor([True, False])],
    "mask_wrong_shape_2d": lambda t, x: x[t.tensor([[True, False, True, True]] * 3)],
    "mask_too_many_dims": lambda t, x: x[t.ones(2, 3, 4, 5, dtype=t.bool)],
    "too_many_with_list": lambda t, x: x[[0], 0, 0, 0],
    "too_many_with_mask": lambda t, x: x[0, t.ones(3, 4, 1, dtype=t.bool)],
    "too_many_plain": lambda t, x: x[0, 0, 0, 0],
    "float_index": lambda t, x: x[0.0],
    "float_in_tuple": lambda t, x: x[0, 1.5],
    "float_tensor": lambda t, x: x[t.tensor([0.5])],
    "float64_tensor_0dim": lambda t, x: x[t.tensor(1.0)],
    "negative_step": lambda t, x: x[::-1],
    "zero_step": lambda t, x: x[::0],
    "select_out_of_range_after_list": lambda t, x: x[[0], 5],
    "none_index_of_str": lambda t, x: x[None, "a"],
    "broadcast_mismatch_separated": lambda t, x: x[[0, 1], :, [0, 1, 2]],
    "int_out_of_range_dim2": lambda t, x: x[0, 0, 4],
    "0dim_select": lambda t, x: t.tensor(5.0)[0],
    "0dim_list": lambda t, x: t.tensor(5.0)[[0]],
    "0dim_slice": lambda t, x: t.tensor(5.0)[:],
}
for _name, _f in ERRORS.items():
    add("index_err/%s" % _name, lambda t, f=_f: f(t, X(t)), error=True)


# ---- writing: x[key] = value ------------------------------------------------------------------
WRITE = {
    "separated_value_broadcast": lambda t, x: x.__setitem__(([0, 1], slice(None), [1, 2]),
                                                            t.tensor([-1.0, -2.0, -3.0])),
    "separated_value_full": lambda t, x: x.__setitem__(
        ([0, 1], slice(None), [1, 2]), -t.arange(6.0).reshape(2, 3)),
    "adjacent_value_column": lambda t, x: x.__setitem__(
        (slice(None), [0, 1], [1, 2]), t.tensor([[7.0], [8.0]])),
    "mask_scalar": lambda t, x: x.__setitem__(x > 17.5, -1.0),
    "mask_values_in_order": lambda t, x: x.__setitem__(x > 20, -t.arange(3.0)),
    "mask_2d_rows": lambda t, x: x.__setitem__(x.sum(2) > 20, t.tensor([1.0, 2.0, 3.0, 4.0])),
    "mask_2d_row_values": lambda t, x: x.__setitem__(
        t.tensor([[True, False, True], [False, False, True]]), -t.arange(12.0).reshape(3, 4)),
    "list_rows_tensor": lambda t, x: x.__setitem__([1, 0], t.zeros(3, 4)),
    "int_and_list": lambda t, x: x.__setitem__((0, [2, 0]), 5),
    "int_slice_list": lambda t, x: x.__setitem__((1, slice(None), [0, 3]),
                                                 t.tensor([[9.0, 8.0]])),
    "ellipsis_list": lambda t, x: x.__setitem__((Ellipsis, [0]), -5.0),
    "none_key": lambda t, x: x.__setitem__((None, 0), 2.0),
    "python_true": lambda t, x: x.__setitem__(True, 0.0),
    "python_false": lambda t, x: x.__setitem__(False, 0.0),
    "0dim_tensor_value": lambda t, x: x.__setitem__([0, 1], t.tensor(3.5)),
    "float64_value_cast": lambda t, x: x.__setitem__((slice(None), 0), t.full((2, 4), 1 / 3,
                                                                              dtype=t.float64)),
    "int_value_tensor": lambda t, x: x.__setitem__(0, t.ones(3, 4, dtype=t.int64)),
    "bool_value": lambda t, x: x.__setitem__(0, True),
    "empty_list": lambda t, x: x.__setitem__([], 1.0),
    "int32_index": lambda t, x: x.__setitem__(t.tensor([1], dtype=t.int32), 0.5),
    "uint8_mask": lambda t, x: x[t.tensor([1, 0], dtype=t.uint8)],
    "value_with_leading_ones": lambda t, x: x.__setitem__(0, t.ones(1, 1, 3, 4)),
    "slice_value_broadcast": lambda t, x: x.__setitem__((slice(None), slice(1, 3)),
                                                        t.tensor([[1.0], [2.0]])),
}
for _name, _f in WRITE.items():
    add("setitem_adv/%s" % _name, lambda t, f=_f: _set(t, f))
add("setitem_err/int_tensor_float_value",
    lambda t: _set(t, lambda t, x: x.__setitem__([0], t.tensor([[2.7, -2.7, 0.5]])),
                   [[1, 2, 3], [4, 5, 6]], t.int64), error=True)
add("setitem_adv/int_tensor_mask_float",
    lambda t: _set(t, lambda t, x: x.__setitem__(x > 2, 1.9), [[1, 2, 3], [4, 5, 6]], t.int64))
add("setitem_err/bool_tensor_values",
    lambda t: _set(t, lambda t, x: x.__setitem__([0, 2], t.tensor([1.0, 0.0])),
                   [False, False, True]), error=True)
add("setitem_adv/int_tensor_mask_tensor_value",
    lambda t: _set(t, lambda t, x: x.__setitem__(x > 2, t.tensor([1.9])), [[1, 2, 3], [4, 5, 6]],
                   t.int64))
add("setitem_adv/int_tensor_int_value",
    lambda t: _set(t, lambda t, x: x.__setitem__([0], t.tensor([7, 8, 9])), [[1, 2, 3], [4, 5, 6]],
                   t.int64))

WRITE_ERRORS = {
    "value_list": lambda t, x: x.__setitem__((0, 0), [1.0, 2.0, 3.0, 4.0]),
    "uint8_mask": lambda t, x: x.__setitem__(t.tensor([0, 1], dtype=t.uint8), 0.5),
    "empty_mask": lambda t, x: x.__setitem__(x > 100, t.tensor([1.0, 2.0])),
    "int8_uint8_index": lambda t, x: x[0, t.tensor([2, 1], dtype=t.int8)],
    "int16_index": lambda t, x: x[0, t.tensor([1, 2], dtype=t.int16)],
    "mask_value_count": lambda t, x: x.__setitem__(x > 20, t.tensor([1.0, 2.0])),
    "list_value_shape": lambda t, x: x.__setitem__([0, 1], t.ones(2, 2)),
    "separated_value_shape": lambda t, x: x.__setitem__(([0, 1], slice(None), [1, 2]),
                                                        t.ones(3, 2)),
    "value_too_many_dims": lambda t, x: x.__setitem__(0, t.ones(2, 3, 4)),
    "list_out_of_range": lambda t, x: x.__setitem__([3], 1.0),
    "mask_wrong_shape": lambda t, x: x.__setitem__(t.tensor([True]), 1.0),
    "float_index": lambda t, x: x.__setitem__(1.0, 1.0),
    "float_tensor_index": lambda t, x: x.__setitem__(t.tensor([1.0]), 1.0),
    "str_value": lambda t, x: x.__setitem__(0, "a"),
    "none_value": lambda t, x: x.__setitem__(0, None),
    "too_many_indices": lambda t, x: x.__setitem__((0, 0, 0, 0), 1.0),
    "slice_value_shape": lambda t, x: x.__setitem__(slice(0, 1), t.ones(2, 3, 4)),
}
for _name, _f in WRITE_ERRORS.items():
    add("setitem_err/%s" % _name, lambda t, f=_f: _set(t, f), error=True)
add("setitem_err/float_value_list_of_tensors",
    lambda t: _set(t, lambda t, x: x.__setitem__(0, [t.ones(4)] * 3)), error=None)


def _write_graph(t, key, value_shape=None):
    """y = x * 1; y[key] = v (v a leaf when value_shape): the graph and both grads."""
    x = L(t, X3)
    y = x * 1
    v = L(t, [0.5]).expand(value_shape).clone() if value_shape else 2.0
    y[key] = v
    (y * weights(t, y)).sum().backward()
    return y, graph(y.grad_fn), x.grad, graph(getattr(v, "grad_fn", None))


add("setitem_adv_grad/separated", lambda t: _write_graph(t, ([0, 1], slice(None), [1, 2]), (3,)))
add("setitem_adv_grad/adjacent", lambda t: _write_graph(t, (slice(None), [0, 1], [1, 2]), (2, 2)))
add("setitem_adv_grad/mask_scalar", lambda t: _write_graph(t, t.tensor([True, False])))
add("setitem_adv_grad/int_and_list", lambda t: _write_graph(t, (0, [2, 0]), (4,)))
add("setitem_adv_grad/list_only", lambda t: _write_graph(t, [1], (3, 4)))
add("setitem_adv_grad/ellipsis_list", lambda t: _write_graph(t, (Ellipsis, [0, 3])))


@case("setitem_adv_grad/value_leaf")
def _(t):
    x = t.zeros(2, 3)
    w = L(t, [1.0, 2.0])
    x[[0, 1], [2, 0]] = w * 3
    (x * weights(t, x)).sum().backward()
    return x, graph(x.grad_fn), w.grad


@case("setitem_adv_grad/leaf_error", error=True)
def _(t):
    x = L(t, [1.0, 2.0])
    x[[0]] = 5.0


# ---- index_put_ / index_put ----------------------------------------------------------------------
IV = [1.0, 2.0, 3.0, 4.0, 5.0]
PUT = {
    "tuple_of_one": lambda t, x: x.index_put_((t.tensor([0, 2]),), t.tensor([9.0, 8.0])),
    "accumulate_repeated": lambda t, x: x.index_put_((t.tensor([0, 0, 4, 0]),),
                                                     t.tensor([1.0, 2.0, 3.0, 4.0]),
                                                     accumulate=True),
    "accumulate_scalar_value": lambda t, x: x.index_put_((t.tensor([1, 1]),), t.tensor(10.0),
                                                         accumulate=True),
    "mask": lambda t, x: x.index_put_((x > 2,), t.tensor(0.0)),
    "out_of_place": lambda t, x: (x.index_put((t.tensor([3]),), t.tensor([-1.0])), x),
    "torch_function": lambda t, x: t.index_put(x, (t.tensor([1, 3]),), t.tensor([0.0, 0.0]),
                                               True),
    "list_of_indices": lambda t, x: x.index_put_([t.tensor([1])], t.tensor([7.0])),
    "returns_self": lambda t, x: x.index_put_((t.tensor([1]),), t.tensor([7.0])) is x,
}
for _name, _f in PUT.items():
    add("index_put/%s" % _name, lambda t, f=_f: (lambda x: (f(t, x), x))(T(t, IV)))
add("index_put/2d_pairs", lambda t: T(t, A).index_put_(
    (t.tensor([0, 1, 0]), t.tensor([2, 0, 2])), t.tensor([1.0, 2.0, 3.0]), accumulate=True))
add("index_put/2d_rows", lambda t: T(t, A).index_put_((t.tensor([1]),), t.tensor([7.0, 8.0, 9.0])))
add("index_put/int_tensor", lambda t: T(t, [1, 2, 3]).index_put_(
    (t.tensor([0, 0]),), t.tensor([5, 6]), accumulate=True))
add("index_put/value_dtype_mismatch", lambda t: T(t, IV).index_put_(
    (t.tensor([0]),), t.tensor([1.0], dtype=t.float64)), error=True)
add("index_put/value_int_for_float", lambda t: T(t, IV).index_put_(
    (t.tensor([0]),), t.tensor([1])), error=True)
add("index_put/float_index", lambda t: T(t, IV).index_put_(
    (t.tensor([0.0]),), t.tensor([1.0])), error=True)
add("index_put/not_a_tuple", lambda t: T(t, IV).index_put_(t.tensor([0]), t.tensor([1.0])),
    error=True)
add("index_put/value_shape", lambda t: T(t, IV).index_put_(
    (t.tensor([0, 1]),), t.tensor([1.0, 2.0, 3.0])), error=True)
add("index_put/out_of_range", lambda t: T(t, IV).index_put_(
    (t.tensor([7]),), t.tensor([1.0])), error=True)
add("index_put/out_of_range_accumulate", lambda t: T(t, IV).index_put_(
    (t.tensor([7]),), t.tensor([1.0]), accumulate=True), error=True)
add("index_put/too_many", lambda t: T(t, IV).index_put_(
    (t.tensor([0]), t.tensor([0])), t.tensor([1.0])), error=True)


@case("index_put_grad/out_of_place")
def _(t):
    x = L(t, IV)
    v = L(t, [10.0, 20.0])
    y = x.index_put((t.tensor([1, 1]),), v, accumulate=True)
    (y * weights(t, y)).sum().backward()
    return y, graph(y.grad_fn), x.grad, v.grad


@case("index_put_grad/inplace")
def _(t):
    x = L(t, IV)
    v = L(t, [10.0, 20.0])
    y = x.clone()
    y.index_put_((t.tensor([3, 0]),), v)
    (y * weights(t, y)).sum().backward()
    return y, graph(y.grad_fn), x.grad, v.grad


@case("index_put_grad/inplace_accumulate")
def _(t):
    x = L(t, IV)
    v = L(t, [10.0, 20.0])
    y = x * 2
    y.index_put_((t.tensor([3, 3]),), v, accumulate=True)
    (y * weights(t, y)).sum().backward()
    return y, graph(y.grad_fn), x.grad, v.grad


# ---- setitem: which node records the write ------------------------------------------------------
def _write_nodes(t, stmt):
    x = L(t, [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    w = L(t, [1.0, 2.0, 3.0])
    big = L(t, [[1.0, 2.0, 3.0]])
    y = x * 1
    stmt(t, y, w, big)
    y.sum().backward()
    return y, graph(y.grad_fn), x.grad, w.grad, big.grad


NODES = {
    "select_scalar": lambda t, y, w, b: y.__setitem__(0, 0.0),
    "select_tensor": lambda t, y, w, b: y.__setitem__(0, w),
    "select_leading_one": lambda t, y, w, b: y.__setitem__(0, b),
    "select_expand": lambda t, y, w, b: y.__setitem__(0, w[:1]),
    "column_0dim_tensor": lambda t, y, w, b: y.__setitem__((slice(None), 0), t.tensor(2.0)),
    "list_scalar": lambda t, y, w, b: y.__setitem__([0], 1.0),
    "list_tensor": lambda t, y, w, b: y.__setitem__([0], w),
    "list_leading_one": lambda t, y, w, b: y.__setitem__([0], b),
    "list_one_element": lambda t, y, w, b: y.__setitem__([0], w[:1]),
    "mask": lambda t, y, w, b: y.__setitem__(y > 2, 0.0),
    "mask_tensor_values": lambda t, y, w, b: y.__setitem__(y > 3, w),
    "int_and_list": lambda t, y, w, b: y.__setitem__((0, [1]), w[:1]),
    "int_and_list_0dim": lambda t, y, w, b: y.__setitem__((0, [1]), w[0]),
    "ellipsis": lambda t, y, w, b: y.__setitem__(Ellipsis, w),
    "full_slice_scalar": lambda t, y, w, b: y.__setitem__(slice(None), 1.0),
    "full_slice_tensor": lambda t, y, w, b: y.__setitem__(slice(None), w),
    "none": lambda t, y, w, b: y.__setitem__(None, 5.0),
    "true": lambda t, y, w, b: y.__setitem__(True, w),
    "false": lambda t, y, w, b: y.__setitem__(False, w),
    "element": lambda t, y, w, b: y.__setitem__((0, 0), w[0]),
}
for _name, _f in NODES.items():
    add("setitem_nodes/%s" % _name, lambda t, f=_f: _write_nodes(t, f))


@case("setitem_nodes/fill_tensor")
def _(t):
    x = L(t, [1.0, 2.0, 3.0])
    v = L(t, 2.0)
    y = x * 1
    y.fill_(v)
    (y * weights(t, y)).sum().backward()
    return y, graph(y.grad_fn), x.grad, v.grad


@case("setitem_nodes/view_of_leaf", error=True)
def _(t):
    x = L(t, [1.0, 2.0, 3.0])
    x[0] = 5.0


@case("setitem_nodes/ellipsis_of_leaf", error=True)
def _(t):
    x = L(t, [1.0, 2.0, 3.0])
    x[...] = 5.0


@case("setitem_nodes/value_requires_grad_into_plain")
def _(t):
    x = t.zeros(2, 3)
    w = L(t, [1.0, 2.0])
    x[:, [0, 2]] = w[:, None] * 1
    (x * weights(t, x)).sum().backward()
    return x, graph(x.grad_fn), w.grad


@case("setitem_nodes/key_warnings")
def _(t):
    x = t.arange(6.0).reshape(2, 3)
    x[[0, slice(None)]] = 1.0
    x[t.tensor([1, 0], dtype=t.uint8)] = 2.0 * t.ones(3)
    return x


# =====================================================================================
# the scatter family
# =====================================================================================
IDX = [[0, 1, 0], [1, 0, 1]]
S6 = [[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]]


def _two(t, fn, a=A, b=S6):
    """y = fn(x, s) of two leaves: y, its graph, both grads after a weighted sum's backward."""
    x, s = L(t, a), L(t, b)
    y = fn(t, x, s)
    (y * weights(t, y)).sum().backward()
    return y, graph(y.grad_fn), x.grad, s.grad


SCATTER = {
    "src": lambda t, x, s: x.scatter(0, t.tensor([[1, 0, 1]]), s[:1]),
    "src_dim1": lambda t, x, s: t.scatter(x, 1, t.tensor([[2], [0]]), s[:, 1:2]),
    "src_negative_dim": lambda t, x, s: x.scatter(-1, t.tensor([[2, 0], [1, 2]]), s[:, :2]),
    "src_int32_index": lambda t, x, s: x.scatter(0, t.tensor([[1, 0]], dtype=t.int32), s[:1, :2]),
    "src_larger_than_index": lambda t, x, s: x.scatter(0, t.tensor([[1, 0, 1]]), s),
    "add": lambda t, x, s: x.scatter_add(0, t.tensor(IDX), s),
    "add_dim1": lambda t, x, s: t.scatter_add(x, 1, t.tensor([[0, 0], [2, 2]]), s[:, 1:]),
    "index_add": lambda t, x, s: x.index_add(0, t.tensor([1, 1]), s),
    "index_add_alpha": lambda t, x, s: t.index_add(x, 1, t.tensor([2, 0, 2]), s, alpha=0.5),
    "index_copy": lambda t, x, s: x.index_copy(1, t.tensor([2, 0]), s[:, :2]),
    "index_copy_dim0": lambda t, x, s: t.index_copy(x, 0, t.tensor([1, 0]), s),
    "masked_scatter": lambda t, x, s: x.masked_scatter(x > 0.7, s),
    "masked_scatter_broadcast": lambda t, x, s: x.masked_scatter(t.tensor([True, False, True]), s),
    "put": lambda t, x, s: x.put(t.tensor([5, 0, -1]), s[0]),
    "put_accumulate": lambda t, x, s: x.put(t.tensor([1, 1, 4]), s[1], accumulate=True),
    "index_fill_tensor": lambda t, x, s: x.index_fill(1, t.tensor([0, 2, 0]), s[0, 1]),
}
for _name, _f in SCATTER.items():
    add("scatter_grad/%s" % _name, lambda t, f=_f: _two(t, f),
        error=True if _name == "src_larger_than_index" else False)

ONE = {
    "scatter_value": lambda t, x: x.scatter(0, t.tensor([[1, 0, 1]]), 2.5),
    "scatter_value_kw": lambda t, x: t.scatter(x, 1, t.tensor([[0], [2]]), value=-1.0),
    "scatter_value_int": lambda t, x: x.scatter(1, t.tensor([[0], [2]]), 7),
    "index_fill": lambda t, x: x.index_fill(1, t.tensor([0, 2]), -1),
    "index_fill_negative": lambda t, x: t.index_fill(x, 1, t.tensor([-1]), 0.5),
    "index_fill_0dim_index": lambda t, x: x.index_fill(0, t.tensor(1), 9.0),
    "masked_select": lambda t, x: x.masked_select(x > 0.7),
    "masked_select_broadcast": lambda t, x: t.masked_select(x, t.tensor([True, False, True])),
    "masked_select_grows": lambda t, x: x.masked_select(t.ones(2, 2, 3, dtype=t.bool)),
    "take": lambda t, x: x.take(t.tensor([0, 5, -1, 0])),
    "take_2d_index": lambda t, x: t.take(x, t.tensor([[0, 5], [1, 1]])),
    "take_0dim_index": lambda t, x: x.take(t.tensor(2)),
    "take_along_dim": lambda t, x: t.take_along_dim(x, t.tensor([[0], [2]]), 1),
    "take_along_dim_broadcast": lambda t, x: x.take_along_dim(t.tensor([[0, 2, 1, 1]]), dim=1),
    "take_along_dim_flat": lambda t, x: t.take_along_dim(x, t.tensor([[0, 2, 1]])),
    "take_along_dim_argmax": lambda t, x: x.take_along_dim(x.argmax(1, keepdim=True), 1),
    "take_along_dim_dim0": lambda t, x: t.take_along_dim(x, t.tensor([[1, 0, 1]]), 0),
}
for _name, _f in ONE.items():
    add("scatter_grad/%s" % _name, lambda t, f=_f: (lambda x: (lambda y: (
        (y * weights(t, y)).sum().backward(), y, graph(y.grad_fn), x.grad)[1:])(f(t, x)))(L(t, A)))

INPLACE = {
    "scatter_": lambda t, x: x.scatter_(0, t.tensor([[1, 0, 1]]), t.ones(1, 3)),
    "scatter_value_": lambda t, x: x.scatter_(1, t.tensor([[0], [2]]), 5.0),
    "scatter_reduce_add": lambda t, x: x.scatter_(0, t.tensor(IDX), 2.0, reduce="add"),
    "scatter_reduce_multiply": lambda t, x: x.scatter_(0, t.tensor(IDX), t.full((2, 3), 3.0),
                                                       reduce="multiply"),
    "scatter_add_": lambda t, x: x.scatter_add_(1, t.tensor([[0, 0, 0]]), t.ones(1, 3)),
    "index_add_": lambda t, x: x.index_add_(0, t.tensor([0, 0]), t.ones(2, 3), alpha=2),
    "index_fill_": lambda t, x: x.index_fill_(0, t.tensor([1]), 0),
    "index_copy_": lambda t, x: x.index_copy_(0, t.tensor([1]), t.zeros(1, 3)),
    "masked_scatter_": lambda t, x: x.masked_scatter_(x < 0, t.tensor([7.0, 8.0, 9.0])),
    "put_": lambda t, x: x.put_(t.tensor([0, 5]), t.tensor([9.0, 8.0])),
    "put_accumulate_": lambda t, x: x.put_(t.tensor([0, 0]), t.tensor([9.0, 8.0]), True),
    "index_put_": lambda t, x: x.index_put_((t.tensor([1]), t.tensor([2])), t.tensor(0.0)),
}
for _name, _f in INPLACE.items():
    add("scatter_inplace/%s" % _name, lambda t, f=_f: (lambda x: (f(t, x) is x, x))(T(t, A)))
add("scatter_inplace/int_value_truncates", lambda t: (
    T(t, [[1, 2, 3], [4, 5, 6]]).scatter(0, t.tensor([[1, 0, 1]]), 2.5),
    T(t, [[1, 2, 3], [4, 5, 6]]).index_fill(1, t.tensor([0]), 2.5),
    T(t, [[1, 2, 3], [4, 5, 6]]).index_fill(1, t.tensor([0]), t.tensor(2.5))))


@case("scatter_inplace/grad_of_nonleaf")
def _(t):
    x = L(t, A)
    s = L(t, S6)
    y = x * 2
    y.scatter_(1, t.tensor([[2], [0]]), s[:, :1])
    y.index_add_(0, t.tensor([0]), s[:1], alpha=3)
    (y * weights(t, y)).sum().backward()
    return y, graph(y.grad_fn), x.grad, s.grad


@case("scatter_inplace/reduce_backward_not_implemented", error=True)
def _(t):
    x = L(t, A)
    x.scatter(0, t.tensor(IDX), L(t, S6), reduce="add").sum().backward()


@case("scatter_inplace/reduce_warning")
def _(t):
    x = L(t, A)
    return x.scatter(0, t.tensor(IDX), L(t, S6), reduce="add")


@case("scatter_grad/second_order")
def _(t):
    x = L(t, A)
    s = L(t, S6)
    y = x.scatter_add(1, t.tensor([[0, 0], [2, 1]]), (s * s)[:, :2]).index_fill(0, t.tensor([1]),
                                                                               0.0)
    gx, gs = t.autograd.grad((y * y).sum(), (x, s), create_graph=True)
    h = t.autograd.grad((gx.sum() + gs.sum()), (x, s))
    return gx, gs, h


SCATTER_ERRORS = {
    "scatter_float_index": lambda t, x: x.scatter(0, t.tensor([[0.0]]), 1.0),
    "scatter_dtype": lambda t, x: x.scatter(0, t.tensor(IDX), t.ones(2, 3, dtype=t.float64)),
    "scatter_dim": lambda t, x: x.scatter(2, t.tensor(IDX), 1.0),
    "scatter_index_rank": lambda t, x: x.scatter(0, t.tensor([0, 1]), t.ones(2, 3)),
    "scatter_src_rank": lambda t, x: x.scatter(0, t.tensor(IDX), t.tensor(1.0)),
    "scatter_too_large": lambda t, x: x.scatter(0, t.tensor([[0, 1, 0, 1]]), t.ones(2, 3)),
    "scatter_too_large_value": lambda t, x: x.scatter(0, t.tensor([[0, 1, 0, 1]]), 1.0),
    "scatter_larger_than_src": lambda t, x: x.scatter(0, t.tensor([[0, 1]]), t.ones(1, 1)),
    "scatter_out_of_bounds": lambda t, x: x.scatter(0, t.tensor([[0, 5, 0]]), 1.0),
    "scatter_negative": lambda t, x: x.scatter(1, t.tensor([[-1]]), 1.0),
    "scatter_bad_reduce": lambda t, x: x.scatter(0, t.tensor(IDX), 1.0, reduce="mean"),
    "scatter_add_number": lambda t, x: x.scatter_add(0, t.tensor(IDX), 2.0),
    "index_add_count": lambda t, x: x.index_add(0, t.tensor([1]), t.ones(2, 3)),
    "index_add_bounds": lambda t, x: x.index_add(0, t.tensor([1, 5]), t.ones(2, 3)),
    "index_add_negative": lambda t, x: x.index_add(0, t.tensor([-1, 0]), t.ones(2, 3)),
    "index_add_float_index": lambda t, x: x.index_add(0, t.tensor([1.0, 0.0]), t.ones(2, 3)),
    "index_add_matrix_index": lambda t, x: x.index_add(0, t.tensor([[1, 0]]), t.ones(2, 3)),
    "index_add_dtype": lambda t, x: x.index_add(0, t.tensor([1, 0]), t.ones(2, 3).double()),
    "index_add_shape": lambda t, x: x.index_add(0, t.tensor([1, 0]), t.ones(2, 2)),
    "index_add_dim": lambda t, x: x.index_add(3, t.tensor([1, 0]), t.ones(2, 3)),
    "index_fill_value_dims": lambda t, x: x.index_fill(1, t.tensor([0]), t.tensor([1.0])),
    "index_fill_bounds": lambda t, x: x.index_fill(1, t.tensor([0, 5]), 1),
    "index_fill_int32": lambda t, x: x.index_fill(1, t.tensor([0], dtype=t.int32), 1),
    "index_fill_matrix": lambda t, x: x.index_fill(1, t.tensor([[1]]), 1),
    "index_copy_count": lambda t, x: x.index_copy(1, t.tensor([2, 0]), t.ones(2, 3)),
    "index_copy_int32": lambda t, x: x.index_copy(1, t.tensor([2, 0], dtype=t.int32), t.ones(2, 2)),
    "index_copy_bounds": lambda t, x: x.index_copy(1, t.tensor([2, 5]), t.ones(2, 2)),
    "index_copy_negative": lambda t, x: x.index_copy(1, t.tensor([-1, 0]), t.ones(2, 2)),
    "index_copy_rank": lambda t, x: x.index_copy(0, t.tensor([1]), t.ones(3)),
    "index_copy_dtype": lambda t, x: x.index_copy(0, t.tensor([1]), t.ones(1, 3).double()),
    "index_copy_slice_shape": lambda t, x: x.index_copy(1, t.tensor([1, 0]), t.ones(3, 2)),
    "index_copy_matrix_index": lambda t, x: x.index_copy(1, t.tensor([[1, 0]]), t.ones(2, 2)),
    "masked_select_int_mask": lambda t, x: x.masked_select(t.tensor([1, 0, 1])),
    "masked_select_shape": lambda t, x: x.masked_select(t.tensor([True, False])),
    "masked_scatter_int_mask": lambda t, x: x.masked_scatter(t.tensor([1, 0, 1]), t.ones(6)),
    "masked_scatter_dtype": lambda t, x: x.masked_scatter(x > 0, t.ones(6).double()),
    "masked_scatter_too_few": lambda t, x: x.masked_scatter(x > 0, t.ones(2)),
    "take_bounds": lambda t, x: x.take(t.tensor([6])),
    "take_negative_bounds": lambda t, x: x.take(t.tensor([-7])),
    "take_int32": lambda t, x: x.take(t.tensor([0], dtype=t.int32)),
    "take_float": lambda t, x: x.take(t.tensor([0.0])),
    "put_int32": lambda t, x: x.put_(t.tensor([0], dtype=t.int32), t.tensor([1.0])),
    "put_count": lambda t, x: x.put_(t.tensor([0, 1]), t.tensor([9.0])),
    "put_dtype": lambda t, x: x.put_(t.tensor([0, 1]), t.tensor([9.0, 1.0]).double()),
    "put_bounds": lambda t, x: x.put_(t.tensor([0, 9]), t.tensor([9.0, 8.0])),
    "take_along_dim_rank": lambda t, x: x.take_along_dim(t.tensor([0, 1]), 1),
    "take_along_dim_int32": lambda t, x: x.take_along_dim(t.tensor([[0]], dtype=t.int32), 1),
    "take_along_dim_shape": lambda t, x: t.take_along_dim(x, t.tensor([[0], [1], [0]]), 1),
    "take_along_dim_dim": lambda t, x: t.take_along_dim(x, t.tensor([[0, 1]]), 3),
    "index_put_leaf": lambda t, x: L(t, A).index_put_((t.tensor([0]),), t.tensor(1.0)),
    "scatter_leaf_inplace": lambda t, x: L(t, A).scatter_(0, t.tensor(IDX), 1.0),
}
for _name, _f in SCATTER_ERRORS.items():
    add("scatter_err/%s" % _name, lambda t, f=_f: f(t, T(t, A)), error=True)
add("scatter_err/empty_float_index_ok", lambda t: T(t, A).scatter(0, t.tensor([], dtype=t.float32),
                                                                  t.ones(2, 3)))


# =====================================================================================
# clamp with tensor bounds, splitting, and size arguments: statements run on both modules
# =====================================================================================
def _run(t, statement):
    x = t.tensor([[1.0, -2.0, 3.0], [0.5, 4.0, -1.5]], requires_grad=True)
    x24 = t.arange(24.0).reshape(2, 3, 4)
    y = eval(statement, {"torch": t, "x": x, "x24": x24})  # our own table's text
    if isinstance(y, t.Tensor) and y.grad_fn is not None:
        return y, graph(y.grad_fn)
    return y


STATEMENTS_CLAMP_SPLIT = [
    'x.clamp(torch.tensor([0., 0., 0.]))',
    'x.clamp(max=torch.tensor([0., 1., 2.]))',
    'x.clamp(min=torch.tensor(0.), max=torch.tensor([[1.], [2.]]))',
    'x.clamp(min=0.0, max=torch.tensor(1.))',
    'x.clamp(min=torch.tensor(0.), max=1.0)',
    'torch.clamp(x, min=torch.tensor([0., 0., 0.], requires_grad=True))',
    'torch.clamp(x, max=torch.tensor([0., 0., 0.], requires_grad=True))',
    'torch.clamp(x, torch.tensor([0., 0., 0.], requires_grad=True), torch.tensor(1., requires_grad=True))',
    'torch.clip(x, max=torch.tensor([0., 0., 0.]))',
    'x.clamp()',
    'torch.clamp(x)',
    'x.clamp(None, None)',
    'x.clip()',
    'x.detach().clamp_()',
    'x.clamp(min=torch.tensor([0., 0.]))',
    'x.clamp(min=torch.ones(2, 2, 3))',
    'x.detach().clone().clamp_(min=torch.ones(2, 2, 3))',
    'x.clamp(min=0.5)',
    'x.clamp(max=0.5)',
    'x.clamp(0.5, 1)',
    'x.clamp(torch.tensor(1, dtype=torch.int64))',
    'torch.tensor([1, 2, 3]).clamp(torch.tensor([1.5]))',
    'torch.tensor([1, 2, 3]).clamp(min=torch.tensor(2), max=torch.tensor(2.5))',
    'torch.tensor([True, False]).clamp(0, 1)',
    "x.clamp(min=float('nan'))",
    "x.clamp(min=torch.tensor(float('nan')))",
    'x.clamp_min(torch.tensor([1.]))',
    'x.clamp_max(0.)',
    'x24.split([1, 2], 1)',
    'x24.split([1, 1], 1)',
    'x24.split([1, 3], 1)',
    'x24.split(0)',
    'x24.split(-1)',
    'x24.split(2.5)',
    'x24.split([1, 2.0], 1)',
    'x24.split((2,), 0)',
    'x24.split(torch.tensor(1))',
    'x24.split([2, -1], 1)',
    'x24.split([0, 3], 1)',
    'x24.split(5, 2)',
    'x24.split(1, 3)',
    'x24.split_with_sizes([1, 2], 1)',
    'x24.split_with_sizes([1, 1], 1)',
    'torch.split(x24, [3, 1], 2)',
    'torch.split(x24, [3, 1], dim=2)',
    'x24.chunk(3, 2)',
    'x24.chunk(0)',
    'x24.chunk(-1)',
    'x24.chunk(5, 1)',
    'x24.chunk(4, 2)',
    'x24.chunk(2.0)',
    'torch.tensor_split(x24, 3, 2)',
    'torch.tensor_split(x24, [1, 3], 2)',
    'x24.tensor_split(3, dim=1)',
    'x24.tensor_split((1,), dim=1)',
    'x24.tensor_split(torch.tensor([1, 2]), dim=1)',
    'x24.tensor_split(torch.tensor(2), dim=2)',
    'x24.tensor_split(0)',
    'x24.tensor_split([5, 1], 2)',
    'x24.tensor_split(torch.tensor([1.0]), 2)',
    'x24.tensor_split(torch.tensor([[1]]), 2)',
    'torch.unbind(x24, 2)',
    'x24.unbind(-1)',
    'x24.unbind(3)',
    'torch.hsplit(x24, 3)',
    'torch.vsplit(x24, [1])',
    'torch.dsplit(x24, 2)',
    'torch.hsplit(x24, 2)',
    'torch.dsplit(torch.ones(2, 2), 2)',
    'x.split(1)',
    'x.split([1, 2], 1)',
    'x.chunk(2, 1)',
    'x.unbind(1)',
    'x.tensor_split(2, 1)',
    'x.tensor_split([1], 1)',
    'torch.tensor(5.).split(1)',
    'torch.tensor(5.).unbind()',
    'torch.tensor(5.).chunk(1)',
]
STATEMENTS_CLAMP_BOUNDS = [
    'x.clamp(min=0., max=torch.tensor([1.,2.,3.]))',
    'x.clamp(0., torch.tensor([1.,2.,3.]))',
    "x.clamp('a')",
    "x.clamp(min='a', max=1)",
    "torch.clamp(x, min='a')",
    "torch.clamp(x, 'a')",
    'x.clamp(min=torch.tensor(0.), max=torch.tensor(1.))',
    'x.clamp(torch.tensor(0.5), 1.0)',
    'torch.tensor([1, 2, 3]).clamp(torch.tensor(1.5), 2)',
    'x.clamp(min=torch.tensor([0.]), max=None)',
    'x.clamp(None, torch.tensor([0.]))',
]
STATEMENTS_SIZE_ARGS = [
    'x24.view(2.0, 12)',
    'x24.view((2, 12.0))',
    "x24.view([2, 'a'])",
    'x24.view(2, None)',
    'x24.view(torch.Size([4, 6])).shape',
    'x24.view(torch.tensor(4), 6).shape',
    'x24.view(-1, -1)',
    'x24.view(7, -1)',
    'x24.view(0, -1)',
    'x24.view(5, 5)',
    'x24.view(-2, 12)',
    'x24.view(2, (3, 4))',
    'x24.view((2, 12), 1)',
    'x24.view()',
    'x24.view([]).shape',
    'x24.view([24]).shape',
    'x24.view(torch.tensor([4, 6]))',
    'x24.reshape(5, 5)',
    'x24.reshape(2.0, 12)',
    'x24.reshape((2, 12.0))',
    'x24.reshape(-1, -1)',
    'x24.reshape(-1).shape',
    'x24.reshape(torch.Size([4, 6])).shape',
    'x24.reshape([2, -1, 3]).shape',
    'x24.reshape(())',
    'x24.reshape(2, 3, 4, -1).shape',
    'x24.expand(2.0, 3, 4)',
    'x24.expand((2, 3.5, 4))',
    'x24.expand(-2, 3, 4)',
    'x24.expand(2, 3, -1).shape',
    'x24.expand(-1, 2, 3, 4)',
    'x24.expand(3, 3, 4)',
    'x24.expand((2, 2, 3, 4)).shape',
    'x24.expand(torch.Size([2, 2, 3, 4])).shape',
    'x24.expand([2, 3, 4]).shape',
    'x24.permute(0, 1)',
    'x24.permute(0, 1, 1)',
    'x24.permute(0, 1, 2.0)',
    'x24.permute([0, 1, 2.0])',
    'x24.permute((2, 0, 1)).shape',
    'x24.permute([2, 0, 1]).shape',
    'x24.permute(2, 0, 3)',
    'x24.permute(2, 0, -1)',
    'torch.permute(x24, (2, 1, 0)).shape',
    'torch.permute(x24, 2, 1, 0)',
    'x24.repeat(2.0)',
    'x24.repeat(2, 1.0, 1)',
    'x24.repeat([2, 1, 1]).shape',
    'x24.repeat(torch.Size([1, 2, 1, 1])).shape',
    'x24.repeat(2)',
    'x24.repeat(-1, 1, 1)',
    'x24.tile(2.0)',
    'x24.tile((2,)).shape',
    'x24.tile(2).shape',
    'x24.tile(2, 1, 1, 1).shape',
    'torch.tile(x24, (2, 2)).shape',
    'x24.flatten(0.0)',
    'x24.flatten(1).shape',
    'x24.flatten(2, 1)',
    'x24.flatten(0, 5)',
    'x24.new_ones(2.0)',
    'x24.new_ones((2, 3.0))',
    'x24.new_ones(2, 3).shape',
    'x24.new_ones([2, 3]).shape',
    'x24.new_zeros(torch.Size([2])).shape',
    'x24.new_full((2,), 1.5)',
    'x24.new_full(2, 1.5)',
    'x24.new_empty(2.5)',
    'torch.ones(2.5)',
    'torch.ones((2, 2.5))',
    'torch.zeros(2, None)',
    'torch.ones(-1)',
    'torch.full(2, 1.0)',
    'torch.full((2.0,), 1.0)',
    'torch.ones(torch.tensor(2)).shape',
    'torch.ones([torch.tensor(2), 3]).shape',
    'x24.unflatten(1, (3, 1)).shape',
    'x24.unflatten(1, (-1, 1)).shape',
    'x24.unflatten(1, (2, 2))',
    'x24.unsqueeze(1.0)',
    'x24.transpose(0, 1.0)',
    'x24.view(2, 3, 4, 1, 1).shape',
    'x24.reshape(True, 24)',
    'x24.view(True, 24).shape',
    'x24.expand(2, 3, True)',
    'x24.view(2, -1, 2).shape',
    'x24.view(24, 0)',
    'torch.zeros(0).view(0, -1)',
    'torch.zeros(0).view(-1, 0)',
    'torch.zeros(0).reshape(2, -1).shape',
    'x24.view_as(torch.ones(4, 6)).shape',
    'x24.reshape_as(torch.ones(4, 6)).shape',
    'x24.expand_as(torch.ones(2, 2, 3, 4)).shape',
]
STATEMENTS_SIZE_ARGS += [
    'torch.ones((2.5,))',
    'torch.ones([2.5])',
    'x24.view((24.0,))',
    'x24.view([24.0])',
    'x24.reshape((24.0,))',
    'x24.permute([0.0])',
    'x24.expand((24.0,))',
    'torch.ones((2, 2.5, 3.5))',
    "torch.ones(('a', 2))",
    'torch.reshape(x24, 2, 12)',
    'torch.reshape(x24, (2, 12.0))',
    'torch.reshape(x24, (2, 12)).shape',
    'x24.reshape(2, 12.0)',
    'x24.expand(2, 3, 4.0)',
    'x24.repeat(1.0, 2)',
    'x24.reshape()',
    'x24.expand()',
    'x24.permute()',
    'x24.repeat()',
    'x24.tile()',
    'x24.new_ones()',
    'torch.ones()',
]
for _group, _statements in (("clamp_split", STATEMENTS_CLAMP_SPLIT),
                             ("clamp_bounds", STATEMENTS_CLAMP_BOUNDS),
                             ("size_args", STATEMENTS_SIZE_ARGS)):
    for _s in _statements:
        add("%s/%s" % (_group, _s), lambda t, s=_s: _run(t, s), error=None)


# ---- the *_as methods: their Tensor argument and type_as -----------------------------------
for _method in ("view_as", "expand_as", "reshape_as", "type_as"):
    add("as_methods/%s_of_a_number" % _method,
        lambda t, m=_method: getattr(t.ones(2), m)(5), error=True)


@case("as_methods/type_as")
def _(t):
    x = L(t, [1.0, 2.0])
    wide = x.type_as(t.ones(1, dtype=t.float64))
    return wide, x.type_as(x) is x, x.type_as(t.ones(1, dtype=t.long)), graph(wide.grad_fn)
