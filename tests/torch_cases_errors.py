"""More cases for test_vs_torch.py: the error texts a learner meets (shapes of products,
expand, views, joins, indexing, dtypes) and the autograd rules found by differential hunts.
Registered into torch_cases.CASES."""

from torch_cases import add, case, T, L, A, V, graph  # noqa: F401

# ---- matrix products: each rank combination's own check, in PyTorch's order -----------------
add("errors/mv_1d_matrix", lambda t: t.mv(t.ones(3), t.ones(3)), error=True)
add("errors/mv_0d_matrix", lambda t: t.mv(t.tensor(2.0), t.ones(3)), error=True)
add("errors/mv_3d_matrix", lambda t: t.mv(t.ones(2, 3, 4), t.ones(3)), error=True)
add("errors/mv_0d_vec", lambda t: t.mv(t.ones(2, 3), t.tensor(1.0)), error=True)

# ---- expand: dimensions checked from the last one (inferExpandGeometry) --------------------
add("errors/expand_rightmost_mismatch_first", lambda t: t.ones(2, 3).expand(2, 3, 2), error=True)
add("errors/expand_fewer_sizes_names_dtype",
    lambda t: t.arange(6).view(2, 3).expand(3), error=True)
add("errors/expand_leading_minus_one_after_mismatch",
    lambda t: t.ones(2, 3).expand(-1, 4, 5), error=True)
add("errors/expand_negative_leading", lambda t: t.ones(3).expand(-2, 3), error=True)
add("errors/expand_negative_over_singleton", lambda t: t.ones(1).expand(-2), error=True)
add("errors/expand_negative_mismatch", lambda t: t.ones(3).expand(2, -2), error=True)

add("errors/outer_2d_self", lambda t: t.outer(t.ones(2, 3), t.ones(3)), error=True)
add("errors/outer_2d_vec2", lambda t: t.outer(t.ones(3), t.ones(2, 3)), error=True)
add("errors/outer_0d", lambda t: t.outer(t.tensor(2.0), t.ones(3)), error=True)
add("outer/promotes", lambda t: t.outer(T(t, V), t.arange(2)))
add("errors/addmm_input_not_expandable",
    lambda t: t.addmm(t.ones(5, 5), t.ones(2, 3), t.ones(3, 2)), error=True)
add("errors/addmm_input_more_dims",
    lambda t: t.addmm(t.ones(2, 1, 2), t.ones(2, 3), t.ones(3, 2)), error=True)
add("errors/addmm_vector_mat1", lambda t: t.addmm(t.ones(2, 2), t.ones(3), t.ones(3, 2)), error=True)
add("errors/addmm_vector_mat2", lambda t: t.addmm(t.ones(2, 2), t.ones(2, 3), t.ones(3)), error=True)
for _i, _dtypes in enumerate([("float32", "float32", "float64"), ("float32", "float64", "float32"),
                              ("float64", "float32", "float32")]):
    add("errors/addmm_dtypes_%d" % _i,
        lambda t, ds=_dtypes: t.addmm(t.ones(2, 2, dtype=getattr(t, ds[0])),
                                      t.ones(2, 3, dtype=getattr(t, ds[1])),
                                      t.ones(3, 2, dtype=getattr(t, ds[2]))), error=True)
add("errors/addmm_dtype_before_shapes",
    lambda t: t.addmm(t.ones(5, 5, dtype=t.float64), t.ones(2, 3), t.ones(2, 3)), error=True)


@case("addmm/beta_alpha_one_node")
def _(t):
    bias, m1, m2 = L(t, [[1.0, 2.0]]), L(t, A), L(t, [[1.0, 0.5], [2.0, -1.0], [0.0, 3.0]])
    y = t.addmm(bias, m1, m2, beta=2, alpha=-0.5)
    y.backward(t.tensor([[1.0, 2.0], [3.0, 4.0]]))
    return y, bias.grad, m1.grad, m2.grad


@case("addmm/beta_zero_ignores_nan")
def _(t):
    bias = L(t, [float("nan"), 1.0])
    y = t.addmm(bias, T(t, A), t.ones(3, 2), beta=0)
    y.sum().backward()
    return y, bias.grad

# ---- index_select's range errors follow the path its CPU kernel takes ------------------------
_INDEX_SELECT = [("2d_dim0", (2, 3), 0, [2]), ("2d_dim1", (2, 3), 1, [3]),
                 ("2d_dim1_negative", (2, 3), 1, [-1]), ("3d_dim1", (2, 3, 4), 1, [1, 3]),
                 ("3d_dim2", (2, 3, 4), 2, [4]), ("1d_negative", (3,), 0, [-1]),
                 ("0d", (), 0, [1]), ("empty_dim0", (2, 0), 0, [5]),
                 ("empty_axis", (0, 3), 0, [0]), ("empty_dim1", (0, 3), 1, [5])]
for _name, _shape, _dim, _index in _INDEX_SELECT:
    add("errors/index_select_out_of_range_%s" % _name,
        lambda t, s=_shape, d=_dim, i=_index: t.zeros(s).index_select(d, t.tensor(i)), error=True)
add("index_select/empty_self_in_range", lambda t: t.ones(2, 0).index_select(0, t.tensor([1])))

# ---- select() and int arguments as PyTorch's parser reads them -----------------------------
add("errors/select_out_of_range", lambda t: t.ones(2, 3).select(1, 3), error=True)
add("errors/select_negative_out_of_range", lambda t: t.ones(2, 3).select(1, -4), error=True)
add("errors/select_0d", lambda t: t.tensor(1.0).select(0, 0), error=True)
add("errors/select_float_dim", lambda t: t.ones(2).select(0.0, 1), error=True)
add("errors/int_argument_bool", lambda t: t.ones(2).select(0, True), error=True)
add("errors/int_argument_numpy_bool",
    lambda t: t.ones(2).unsqueeze(__import__("numpy").bool_(True)), error=True)
add("unsqueeze/int_tensor_dim", lambda t: t.ones(2).unsqueeze(t.tensor(0)))


# ---- autograd: accumulating into a .grad of another shape (after x.data = ...) ------------
@case("errors/accumulate_into_grad_of_other_shape", error=True)
def _(t):
    x = L(t, [1.0, 2.0])
    x.grad = t.ones(2)
    x.data = t.ones(3)
    x[0].backward()


@case("errors/accumulate_into_grad_broadcastable", error=True)
def _(t):
    x = L(t, [1.0])
    x.grad = t.ones(1)
    x.data = t.ones(3)
    (x * 2).sum().backward()


# ---- the argument parser's type errors on common functions --------------------------------
add("errors/unary_function_of_float", lambda t: t.exp(1.0), error=True)
add("errors/unary_function_of_str", lambda t: t.sin("a"), error=True)
add("errors/relu_of_float", lambda t: t.relu(1.0), error=True)
add("errors/functional_relu_of_float", lambda t: t.nn.functional.relu(1.0), error=True)
add("errors/arange_str", lambda t: t.arange("a"), error=True)
add("errors/arange_end_keyword_str", lambda t: t.arange(end="a"), error=True)
add("arange/zero_dim_tensor_end", lambda t: t.arange(t.tensor(3)))
add("errors/requires_grad_method_str", lambda t: t.ones(2).requires_grad_("yes"), error=True)
add("errors/requires_grad_method_int", lambda t: t.ones(2).requires_grad_(1), error=True)


@case("errors/requires_grad_setter_int", error=True)
def _(t):
    x = t.ones(2)
    x.requires_grad = 1


add("errors/cat_element_not_tensor", lambda t: t.cat([t.ones(2, 3), 1]), error=True)
add("errors/stack_element_not_tensor", lambda t: t.stack([t.ones(2), t.ones(2), "a"]), error=True)
