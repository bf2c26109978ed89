"""More cases for test_vs_torch.py: torch.autograd.functional (jacobian, hessian, vjp, jvp,
hvp, vhp) and torch.autograd.gradcheck/gradgradcheck. Registered into torch_cases.CASES."""

from torch_cases import add, case, T, L, A, V, W, graph


def F(t):
    return t.autograd.functional


def D(t, data):
    """A float64 leaf that requires grad (what gradcheck wants)."""
    return t.tensor(data, dtype=t.float64, requires_grad=True)


def _cube_sum(x):
    return (x ** 3).sum()


def _mixed(a, b):
    return (a * b.exp()).sum() + (a ** 2).sum()


# ---- jacobian: the returned structure follows how inputs and outputs were given ----------------
add("jacobian/vector", lambda t: F(t).jacobian(lambda x: x * x, T(t, V)))
add("jacobian/matrix_input", lambda t: F(t).jacobian(lambda x: x.sin() * 2, T(t, A)))
add("jacobian/matrix_to_vector", lambda t: F(t).jacobian(lambda x: x.exp().sum(dim=1), T(t, A)))
add("jacobian/scalar_in_scalar_out", lambda t: F(t).jacobian(lambda x: x * x, T(t, 3.0)))
add("jacobian/vector_to_scalar", lambda t: F(t).jacobian(lambda x: (x * x).sum(), T(t, V)))
add("jacobian/tuple_inputs", lambda t: F(t).jacobian(lambda a, b: a * b, (T(t, V), T(t, W))))
add("jacobian/one_tuple_input", lambda t: F(t).jacobian(lambda x: x * 3, (T(t, V),)))
add("jacobian/tuple_outputs", lambda t: F(t).jacobian(lambda x: (x * 2, x.sum()), T(t, V)))
add("jacobian/tuple_in_tuple_out",
    lambda t: F(t).jacobian(lambda a, b: (a + b, a * b, (a * b).sum()), (T(t, V), T(t, W))))
add("jacobian/float64", lambda t: F(t).jacobian(lambda x: x.tanh(), T(t, V, t.float64)))
add("jacobian/identity", lambda t: F(t).jacobian(lambda x: x, T(t, V)))
add("jacobian/independent_input", lambda t: F(t).jacobian(lambda a, b: a * 2, (T(t, V), T(t, W))))
add("jacobian/constant_output", lambda t: F(t).jacobian(lambda x: t.ones(2), T(t, V)))
add("jacobian/leaf_keeps_no_grad", lambda t: (lambda x: (F(t).jacobian(lambda y: y * y, x),
                                                         x.grad))(L(t, V)))
add("jacobian/vectorize", lambda t: F(t).jacobian(lambda x: (x * x, x.sum()), T(t, V),
                                                  vectorize=True))
add("jacobian/vectorize_tuple_independent",
    lambda t: F(t).jacobian(lambda a, b: a.sin(), (T(t, V), T(t, A)), vectorize=True))


@case("jacobian/under_no_grad")
def _(t):
    with t.no_grad():
        return F(t).jacobian(lambda x: x * x, T(t, V)), F(t).vjp(lambda x: x * x, T(t, V), T(t, W))


@case("jacobian/create_graph")
def _(t):
    x = L(t, V)
    jac = F(t).jacobian(lambda y: y ** 3, x, create_graph=True)
    return jac, graph(jac.grad_fn), t.autograd.grad(jac.sum(), x)


@case("jacobian/create_graph_tuple")
def _(t):
    a, b = L(t, V), T(t, W)
    jac = F(t).jacobian(lambda p, q: p * q, (a, b), create_graph=True)
    return jac, [graph(j.grad_fn) for j in jac]


add("jacobian/vectorize_create_graph",
    lambda t: (lambda j: (j, graph(j.grad_fn)))(
        F(t).jacobian(lambda x: x ** 3, L(t, V), create_graph=True, vectorize=True)))

# ---- jacobian: errors ------------------------------------------------------------------------------
add("jacobian/strict_independent",
    lambda t: F(t).jacobian(lambda a, b: a * 2, (T(t, V), T(t, W)), strict=True), error=True)
add("jacobian/strict_constant_output",
    lambda t: F(t).jacobian(lambda x: t.ones(2), T(t, V), strict=True), error=True)
add("jacobian/strict_create_graph_linear",
    lambda t: F(t).jacobian(lambda x: x * 2, T(t, V), strict=True, create_graph=True),
    error=True)
add("jacobian/strict_ok", lambda t: F(t).jacobian(lambda x: x * x, T(t, V), strict=True))
add("jacobian/returns_int", lambda t: F(t).jacobian(lambda x: 3, T(t, V)), error=True)
add("jacobian/returns_list", lambda t: F(t).jacobian(lambda x: [x, x], T(t, V)), error=True)
add("jacobian/returns_tuple_with_float",
    lambda t: F(t).jacobian(lambda x: (x, 1.5), T(t, V)), error=True)
add("jacobian/inputs_list", lambda t: F(t).jacobian(lambda x: x, [T(t, V)]), error=True)
add("jacobian/inputs_tuple_with_int",
    lambda t: F(t).jacobian(lambda x, n: x * n, (T(t, V), 2)), error=True)
add("jacobian/int_input", lambda t: F(t).jacobian(lambda x: x * 2, T(t, [1, 2])), error=True)
add("jacobian/bad_strategy",
    lambda t: F(t).jacobian(lambda x: x, T(t, V), strategy="forward"), error=True)
add("jacobian/forward_mode_not_vectorized",
    lambda t: F(t).jacobian(lambda x: x, T(t, V), strategy="forward-mode"), error=True)
add("jacobian/forward_mode_create_graph",
    lambda t: F(t).jacobian(lambda x: x, T(t, V), strategy="forward-mode", create_graph=True),
    error=True)
add("jacobian/forward_mode_strict",
    lambda t: F(t).jacobian(lambda x: x, T(t, V), strategy="forward-mode", strict=True,
                            vectorize=True), error=True)
add("jacobian/vectorize_strict",
    lambda t: F(t).jacobian(lambda x: x, T(t, V), strict=True, vectorize=True), error=True)

# ---- hessian -----------------------------------------------------------------------------------------
add("hessian/vector", lambda t: F(t).hessian(_cube_sum, T(t, V)))
add("hessian/matrix", lambda t: F(t).hessian(lambda x: (x.sin() * x).sum(), T(t, A)))
add("hessian/tuple_inputs", lambda t: F(t).hessian(_mixed, (T(t, V), T(t, W))))
add("hessian/one_element_output", lambda t: F(t).hessian(lambda x: (x ** 3).sum(0, keepdim=True),
                                                         T(t, V)))
add("hessian/linear_is_zero", lambda t: F(t).hessian(lambda x: (x * 2).sum(), T(t, V)))
add("hessian/vectorize", lambda t: F(t).hessian(_mixed, (T(t, V), T(t, W)), vectorize=True))
add("hessian/vector_output", lambda t: F(t).hessian(lambda x: x ** 2, T(t, V)), error=True)
add("hessian/tuple_output", lambda t: F(t).hessian(lambda x: (x.sum(),), T(t, V)), error=True)
add("hessian/returns_float", lambda t: F(t).hessian(lambda x: 2.0, T(t, V)), error=True)
add("hessian/strict_linear",
    lambda t: F(t).hessian(lambda x: (x * 2).sum(), T(t, V), strict=True), error=True)
add("hessian/strict_independent",
    lambda t: F(t).hessian(lambda a, b: (a ** 3).sum(), (T(t, V), T(t, W)), strict=True),
    error=True)
add("hessian/bad_strategy",
    lambda t: F(t).hessian(_cube_sum, T(t, V), outer_jacobian_strategy="x"), error=True)
add("hessian/forward_mode",
    lambda t: F(t).hessian(_cube_sum, T(t, V), outer_jacobian_strategy="forward-mode"),
    error=True)


@case("hessian/create_graph")
def _(t):
    x = L(t, V)
    h = F(t).hessian(_cube_sum, x, create_graph=True)
    return h, graph(h.grad_fn, depth=3)


# ---- vjp and jvp ---------------------------------------------------------------------------------
add("vjp/vector", lambda t: F(t).vjp(lambda x: x.exp().sum(dim=1), T(t, A), T(t, [1.0, 2.0])))
add("vjp/scalar_output_no_v", lambda t: F(t).vjp(lambda x: (x * x).sum(), T(t, V)))
add("vjp/tuple_inputs", lambda t: F(t).vjp(lambda a, b: 2 * a + 3 * b, (T(t, V), T(t, W)),
                                           T(t, [1.0, 1.0, 1.0])))
add("vjp/tuple_outputs", lambda t: F(t).vjp(lambda x: (x * 2, x.sum()), T(t, V),
                                            (T(t, W), T(t, 2.0))))
add("vjp/independent_input", lambda t: F(t).vjp(lambda a, b: a.sum(), (T(t, V), T(t, W))))
add("vjp/v_none_vector_output", lambda t: F(t).vjp(lambda x: x * 2, T(t, V)), error=True)
add("vjp/v_wrong_size", lambda t: F(t).vjp(lambda x: x * 2, T(t, V), T(t, [1.0, 2.0])),
    error=True)
add("vjp/v_wrong_size_tuple", lambda t: F(t).vjp(lambda x: (x, x), T(t, V),
                                                 (T(t, W), T(t, [1.0]))), error=True)
add("vjp/v_tuple_wrong_length", lambda t: F(t).vjp(lambda x: (x, x), T(t, V), (T(t, W),)),
    error=True)
add("vjp/v_tuple_for_tensor_output",
    lambda t: F(t).vjp(lambda x: x, T(t, V), (T(t, W), T(t, W))), error=True)
add("vjp/v_not_tensor", lambda t: F(t).vjp(lambda x: x, T(t, V), [1.0, 2.0, 3.0]), error=True)
add("vjp/strict_independent",
    lambda t: F(t).vjp(lambda a, b: a.sum(), (T(t, V), T(t, W)), strict=True), error=True)
add("vjp/returns_none", lambda t: F(t).vjp(lambda x: None, T(t, V)), error=True)


@case("vjp/create_graph")
def _(t):
    x = L(t, A)
    out, vjp = F(t).vjp(lambda y: y.exp().sum(dim=1), x, T(t, [1.0, 2.0]), create_graph=True)
    return out, vjp, graph(out.grad_fn), graph(vjp.grad_fn)


add("jvp/vector", lambda t: F(t).jvp(lambda x: x.exp().sum(dim=1), T(t, A), T(t, A)))
add("jvp/one_element_no_v", lambda t: F(t).jvp(lambda x: x.sin(), T(t, [0.5])))
add("jvp/tuple_inputs", lambda t: F(t).jvp(lambda a, b: 2 * a + 3 * b, (T(t, V), T(t, W)),
                                           (T(t, W), T(t, V))))
add("jvp/tuple_outputs", lambda t: F(t).jvp(lambda x: (x * x, x.sum()), T(t, V), T(t, W)))
add("jvp/independent_output", lambda t: F(t).jvp(lambda x: (x * 2, t.ones(2)), T(t, V), T(t, W)))
add("jvp/v_none_vector_input", lambda t: F(t).jvp(lambda x: x * 2, T(t, V)), error=True)
add("jvp/v_wrong_size", lambda t: F(t).jvp(lambda x: x * 2, T(t, V), T(t, [1.0])), error=True)
add("jvp/strict_linear", lambda t: F(t).jvp(lambda x: x * 2, T(t, V), T(t, W), strict=True))
add("jvp/strict_quadratic", lambda t: F(t).jvp(lambda x: x * x, T(t, V), T(t, W), strict=True))


@case("jvp/create_graph")
def _(t):
    x = L(t, A)
    out, jvp = F(t).jvp(lambda y: y.exp().sum(dim=1), x, T(t, A), create_graph=True)
    return out, jvp, graph(jvp.grad_fn, depth=3)


# ---- hvp and vhp ---------------------------------------------------------------------------------
add("hvp/vector", lambda t: F(t).hvp(_cube_sum, T(t, V), T(t, W)))
add("vhp/vector", lambda t: F(t).vhp(_cube_sum, T(t, V), T(t, W)))
add("hvp/tuple_inputs", lambda t: F(t).hvp(_mixed, (T(t, V), T(t, W)), (T(t, W), T(t, V))))
add("vhp/tuple_inputs", lambda t: F(t).vhp(_mixed, (T(t, V), T(t, W)), (T(t, W), T(t, V))))
add("hvp/one_element_no_v", lambda t: F(t).hvp(lambda x: (x ** 3).sum(), T(t, [2.0])))
add("hvp/linear_is_zero", lambda t: F(t).hvp(lambda x: (x * 2).sum(), T(t, V), T(t, W)))
add("vhp/linear_is_zero", lambda t: F(t).vhp(lambda x: (x * 2).sum(), T(t, V), T(t, W)))
add("hvp/vector_output", lambda t: F(t).hvp(lambda x: x * x, T(t, V), T(t, W)), error=True)
add("vhp/tuple_output", lambda t: F(t).vhp(lambda x: (x.sum(),), T(t, V), T(t, W)), error=True)
add("hvp/v_none_vector_input", lambda t: F(t).hvp(_cube_sum, T(t, V)), error=True)
add("hvp/v_wrong_size", lambda t: F(t).hvp(_cube_sum, T(t, V), T(t, [1.0, 2.0])), error=True)
add("hvp/strict_linear",
    lambda t: F(t).hvp(lambda x: (x * 2).sum(), T(t, V), T(t, W), strict=True), error=True)
add("vhp/strict_linear",
    lambda t: F(t).vhp(lambda x: (x * 2).sum(), T(t, V), T(t, W), strict=True), error=True)
add("hvp/strict_quadratic_in_one",
    lambda t: F(t).hvp(lambda a, b: (a ** 2).sum() + (b * 2).sum(), (T(t, V), T(t, W)),
                       (T(t, W), T(t, V)), strict=True), error=True)


@case("hvp/create_graph")
def _(t):
    x = L(t, V)
    out, hvp = F(t).hvp(_cube_sum, x, T(t, W), create_graph=True)
    return out, hvp, graph(hvp.grad_fn, depth=3)


@case("vhp/create_graph")
def _(t):
    x = L(t, V)
    out, vhp = F(t).vhp(_cube_sum, x, T(t, W), create_graph=True)
    return out, vhp, graph(vhp.grad_fn, depth=3)


# ---- gradcheck -------------------------------------------------------------------------------------
add("gradcheck/passes", lambda t: t.autograd.gradcheck(lambda x: x.sin() * x, (D(t, V),)))
add("gradcheck/tensor_input", lambda t: t.autograd.gradcheck(lambda x: x.exp(), D(t, A)))
add("gradcheck/several_inputs_and_outputs", lambda t: t.autograd.gradcheck(
    lambda a, b, n: (a * b * n, a.sin(), b.sum()), (D(t, V), D(t, W), 3)))
add("gradcheck/input_without_grad", lambda t: t.autograd.gradcheck(
    lambda a, b: a * b, (D(t, V), T(t, W, t.float64))))
add("gradcheck/float32_warns", lambda t: t.autograd.gradcheck(
    lambda x: x * 2, L(t, V), raise_exception=False))
add("gradcheck/float32_loose", lambda t: t.autograd.gradcheck(
    lambda x: x * 2, L(t, V), atol=0.1, rtol=0.1))
add("gradcheck/mismatch", lambda t: t.autograd.gradcheck(
    lambda x: x.sin().detach() * x, (D(t, V),)), error=True)
add("gradcheck/mismatch_second_input", lambda t: t.autograd.gradcheck(
    lambda a, b: (a * b, a * b.detach()), (D(t, V), D(t, W))), error=True)
add("gradcheck/mismatch_float32", lambda t: t.autograd.gradcheck(
    lambda x: x * 2, L(t, [1.0, 2.0])), error=True)
add("gradcheck/mismatch_no_raise", lambda t: t.autograd.gradcheck(
    lambda x: x.sin().detach() * x, (D(t, V),), raise_exception=False))
add("gradcheck/custom_eps_atol", lambda t: t.autograd.gradcheck(
    lambda x: x.sin().detach() * x, (D(t, V),), eps=1e-3, atol=2.0, rtol=0.0))
add("gradcheck/no_input_requires_grad", lambda t: t.autograd.gradcheck(
    lambda x: x * 2, (T(t, V, t.float64),)), error=True)
add("gradcheck/expanded_input", lambda t: t.autograd.gradcheck(
    lambda x: x * 2, (D(t, [1.0]).expand(3),)), error=True)
add("gradcheck/no_differentiable_outputs", lambda t: t.autograd.gradcheck(
    lambda x: x.detach() * 2, (D(t, V),)), error=True)
add("gradcheck/integer_output_only", lambda t: t.autograd.gradcheck(
    lambda x: x.argmax(), (D(t, V),)))
add("gradcheck/eps_positional", lambda t: t.autograd.gradcheck(
    lambda x: x, (D(t, V),), 1e-6), error=True)
add("gradcheck/error_is_runtime_error", lambda t: (lambda e: (type(e).__name__, isinstance(
    e, RuntimeError)))(_raised(lambda: t.autograd.gradcheck(lambda x: x.detach() * x, D(t, V)))))


def _raised(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - the case returns the exception itself
        return e
    return None


# ---- gradgradcheck: random grad_outputs from PyTorch's generator ------------------------------
add("gradgradcheck/passes", lambda t: (t.manual_seed(0), t.autograd.gradgradcheck(
    lambda x: (x ** 3).sin(), (D(t, V),)), t.rand(2))[1:])
add("gradgradcheck/several", lambda t: (t.manual_seed(1), t.autograd.gradgradcheck(
    lambda a, b: (a * b.exp(), a.sum() * b), (D(t, V), D(t, W))), t.rand(2))[1:])
add("gradgradcheck/given_grad_outputs", lambda t: t.autograd.gradgradcheck(
    lambda x: x.tanh(), D(t, V), D(t, W)))
add("gradgradcheck/mismatch", lambda t: (t.manual_seed(0), t.autograd.gradgradcheck(
    lambda x: x * x.detach(), (D(t, V),)))[1], error=True)
add("gradgradcheck/mismatch_no_raise", lambda t: (t.manual_seed(0), t.autograd.gradgradcheck(
    lambda x: x * x.detach(), (D(t, V),), raise_exception=False))[1])
