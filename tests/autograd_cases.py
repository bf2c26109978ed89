"""More cases for test_vs_torch.py: the autograd API's arguments, hooks, modes and in-place.

Registered into torch_cases.CASES (same helpers, same XFAILS); test_vs_torch imports
this module so its cases run beside the others.
"""

import numpy as np

from torch_cases import A, L, T, V, W, case, graph, grad_case  # noqa: F401


# ---- backward() / autograd.grad(): arguments as PyTorch's Python layer reads them ----------

@case("api/gradient_int_not_iterable", error=True)
def _(t):
    (L(t, V) * 2).backward(5)


@case("api/gradient_list_of_floats", error=True)
def _(t):
    (L(t, V) * 2).backward([1.0, 1.0, 1.0])


@case("api/grad_outputs_float_not_iterable", error=True)
def _(t):
    x = L(t, V)
    t.autograd.grad(x.sum(), x, 3.0)


@case("api/grad_extra_grad_outputs_ignored")
def _(t):
    x = L(t, V)
    return t.autograd.grad([x * 2], [x], [T(t, [1.0, 2.0, 3.0]), T(t, [1.0, 1.0, 1.0])])


@case("api/backward_fewer_gradients", error=True)
def _(t):
    x = L(t, V)
    t.autograd.backward([x * 2, x * 3], [t.ones(3)])


@case("api/gradient_bool_accepted")
def _(t):
    x = L(t, V)
    (x * 2).backward(t.ones(3, dtype=t.bool))
    return x.grad


@case("api/gradient_int_accepted")
def _(t):
    x = L(t, V)
    (x * 2).backward(t.tensor([1, 2, 3]))
    return x.grad


@case("api/mismatch_index_compares_with_eq", error=True)
def _(t):
    # PyTorch finds the mismatching gradient with list.index, which compares tensors.
    x = L(t, V)
    t.autograd.grad([x * 2, x * 2], x, grad_outputs=[t.ones(3), t.ones(4)])


@case("api/grad_empty_inputs", error=True)
def _(t):
    x = L(t, V)
    t.autograd.grad(x.sum(), [])


@case("api/grad_input_int", error=True)
def _(t):
    x = L(t, V)
    t.autograd.grad(x.sum(), [x, 3])


@case("api/grad_output_int", error=True)
def _(t):
    x = L(t, V)
    t.autograd.grad([x.sum(), 3], [x])


@case("api/backward_not_iterable", error=True)
def _(t):
    t.autograd.backward(3)


@case("api/roots_checked_before_inputs", error=True)
def _(t):
    t.autograd.grad(t.tensor(1.0), t.tensor(2.0))


@case("api/grad_same_input_twice")
def _(t):
    x = L(t, V)
    return t.autograd.grad((x * x).sum(), [x, x])


@case("api/grad_dict_inputs")
def _(t):
    x, w = L(t, V), L(t, W)
    return t.autograd.grad((x * w).sum(), {"x": x, "w": w})


@case("api/backward_dict_inputs")
def _(t):
    x, w = L(t, V), L(t, W)
    (x * w).sum().backward(inputs={"x": x})
    return x.grad, w.grad


@case("api/materialize_grads_create_graph")
def _(t):
    x, w = L(t, V), L(t, W)
    return t.autograd.grad((x * x).sum(), [x, w], materialize_grads=True, create_graph=True)


@case("api/only_inputs_false_warns")
def _(t):
    x = L(t, V)
    return t.autograd.grad(x.sum(), x, only_inputs=False)


@case("api/grad_variables_warns")
def _(t):
    x = L(t, V)
    t.autograd.backward((x * 2).sum(), grad_variables=t.tensor(2.0))
    return x.grad


@case("api/grad_tensors_and_grad_variables", error=True)
def _(t):
    x = L(t, V)
    t.autograd.backward(x.sum(), t.tensor(1.0), grad_variables=t.tensor(1.0))


@case("api/backward_input_not_requiring_grad", error=True)
def _(t):
    x = L(t, V)
    x.sum().backward(inputs=[t.tensor(1.0)])


@case("api/backward_input_int", error=True)
def _(t):
    x = L(t, V)
    x.sum().backward(inputs=[3])


@case("api/is_grads_batched")
def _(t):
    x = L(t, V)
    return t.autograd.grad(x * x, x, t.eye(3), is_grads_batched=True)


@case("api/is_grads_batched_mismatch", error=True)
def _(t):
    x = L(t, V)
    t.autograd.grad(x * 2, x, t.eye(4), is_grads_batched=True)


@case("api/is_grads_batched_scalar", error=True)
def _(t):
    x = L(t, V)
    t.autograd.grad(x.sum(), x, is_grads_batched=True)


# ---- retain_grad and .grad of non-leaves ------------------------------------------------------

@case("api/retain_grad_accumulates")
def _(t):
    x = L(t, V)
    y = x * 2
    y.retain_grad()
    z = (y * y).sum()
    z.backward(retain_graph=True)
    first = y.grad
    z.backward()
    return first, y.grad


@case("api/retain_grad_create_graph_clones")
def _(t):
    x = L(t, V)
    y = x * 2
    y.retain_grad()
    (y * y).sum().backward(create_graph=True)
    first = y.grad
    (y * y).sum().backward(create_graph=True)
    return first, y.grad


@case("api/backward_inputs_nonleaf_retains")
def _(t):
    x = L(t, V)
    h = x * 3
    (h * h).sum().backward(inputs=[h], retain_graph=True)
    (h * h).sum().backward()
    return h.retains_grad, h.grad, x.grad


@case("api/nonleaf_grad_assigned_no_warning")
def _(t):
    h = L(t, V) * 2
    h.grad = t.ones(3)
    return h.grad


@case("api/accumulate_in_place_into_grad_with_history")
def _(t):
    # Without create_graph AccumulateGrad adds in place: a .grad made by create_graph
    # keeps its grad_fn.
    x = L(t, V)
    (x * x).sum().backward(create_graph=True)
    (x * 3).sum().backward()
    return x.grad


# ---- what a backward frees: saved tensors only, never sizes, dims or indices --------------

def backward_twice(t, f):
    """f(x): the node name and the outcome of backpropagating its sum twice."""
    x = L(t, [[1.0, -2.0, 3.0], [0.5, 4.0, -1.5]])
    y = f(t, x)
    s = y.sum()
    s.backward()
    try:
        s.backward()
        second = "ran again"
    except RuntimeError as e:
        second = str(e)[:40]
    return y.grad_fn.name(), second, x.grad


def _setitem(t, x, key, value):
    y = x * 1
    y[key] = value
    return y


def _in_place(method, *args):
    def f(t, x):
        y = x + 0
        getattr(y, method)(*args)
        return y
    return f


TWICE = {
    "select": lambda t, x: x[0],
    "slice": lambda t, x: x[:, 1:],
    "ellipsis": lambda t, x: x[..., 0],
    "none_index": lambda t, x: x[None],
    "transpose": lambda t, x: x.transpose(0, 1),
    "permute": lambda t, x: x.permute(1, 0),
    "mT": lambda t, x: x.mT,
    "unsqueeze": lambda t, x: x.unsqueeze(1),
    "squeeze_dim": lambda t, x: x[None].squeeze(0),
    "repeat": lambda t, x: x.repeat(2, 1),
    "split": lambda t, x: x.split(2, dim=1)[1],
    "chunk": lambda t, x: x.chunk(2, dim=0)[0],
    "unbind": lambda t, x: x.unbind(1)[2],
    "sum_dim": lambda t, x: x.sum(1),
    "mean_dim": lambda t, x: x.mean(0),
    "narrow": lambda t, x: x.narrow(1, 0, 2),
    "cumsum": lambda t, x: x.cumsum(1),
    "sum_to_size": lambda t, x: x.sum_to_size(1, 3),
    "index_list": lambda t, x: x[[0, 1, 1]],
    "index_mask": lambda t, x: x[x > 0],
    "where": lambda t, x: t.where(x > 0, x, 0.0),
    "nll_loss": lambda t, x: t.nn.functional.nll_loss(x, t.tensor([0, 2])),
    "setitem": lambda t, x: _setitem(t, x, 0, 5.0),
    "setitem_list": lambda t, x: _setitem(t, x, [0, 1], 5.0),
    "view_add_": lambda t, x: _view_write(x),
    "add_": _in_place("add_", 1.0),
    "mul_": _in_place("mul_", 2.0),
    "zero_": _in_place("zero_"),
    "fill_": _in_place("fill_", 2.0),
    "neg_": _in_place("neg_"),
}


def _view_write(x):
    y = x + 0
    y[0].add_(1.0)
    return y


for name, f in TWICE.items():
    case("backward_twice/%s" % name)(lambda t, f=f: backward_twice(t, f))


# ---- node classes of composite ops ------------------------------------------------------------

RESHAPES = {
    "contiguous": lambda t, x: x.reshape(3, 2),
    "transposed_same_shape": lambda t, x: x.t().reshape(3, 2),
    "transposed_viewable": lambda t, x: x.t().reshape(3, 1, 2),
    "transposed_copy": lambda t, x: x.t().reshape(6),
    "expanded_viewable": lambda t, x: x.unsqueeze(0).expand(2, 2, 3).reshape(2, 6),
    "expanded_copy": lambda t, x: x.expand(2, 2, 3).reshape(4, 3),
    "sliced_viewable": lambda t, x: x[:, 1:].reshape(2, 2, 1),
    "flatten_of_unsqueezed_t": lambda t, x: x.t().unsqueeze(0).flatten(0, 1),
    "matmul_3d_3d": lambda t, x: x.unsqueeze(0) @ x.t().unsqueeze(0),
}
for name, f in RESHAPES.items():
    case("graph/reshape/%s" % name)(
        lambda t, f=f: graph(f(t, L(t, [[1.0, -2.0, 3.0], [0.5, 4.0, -1.5]])).grad_fn))

for name in ("mT", "mH", "H"):
    for shape in ((3,), (2, 3), (2, 2, 3)):
        case("graph/%s/%dd" % (name, len(shape)), error=None)(
            lambda t, name=name, shape=shape: graph(
                {"mT": lambda x: x.mT, "mH": lambda x: x.mH, "H": lambda x: x.H}[name](
                    t.ones(*shape, requires_grad=True)).grad_fn))


# ---- torch.nn.functional activations: one node each, differentiable twice -----------------

ACTIVATIONS = {
    "leaky_relu": lambda t, x: t.nn.functional.leaky_relu(x),
    "leaky_relu_slope": lambda t, x: t.nn.functional.leaky_relu(x, 0.2),
    "elu": lambda t, x: t.nn.functional.elu(x),
    "elu_alpha": lambda t, x: t.nn.functional.elu(x, 0.5),
    "softplus": lambda t, x: t.nn.functional.softplus(x),
    "softplus_beta_threshold": lambda t, x: t.nn.functional.softplus(x, 2, 3),
    "silu": lambda t, x: t.nn.functional.silu(x),
    "gelu": lambda t, x: t.nn.functional.gelu(x),
    "gelu_tanh": lambda t, x: t.nn.functional.gelu(x, approximate="tanh"),
}
ACTIVATION_INPUT = [1.0, -2.0, 30.0, 0.3, 1.6]


def three_derivatives(t, f):
    x = L(t, ACTIVATION_INPUT)
    y = f(t, x)
    g1, = t.autograd.grad(y.sum(), x, create_graph=True)
    g2, = t.autograd.grad(g1.sum(), x, create_graph=True)
    try:
        g3 = t.autograd.grad(g2.sum(), x)
    except RuntimeError as e:   # leaky_relu: its second derivative is a constant
        g3 = str(e)
    return y, g1, g2, g3, graph(y.grad_fn), graph(g1.grad_fn, 3), graph(g2.grad_fn, 2)


for name, f in ACTIVATIONS.items():
    case("activation_graph/%s" % name)(lambda t, f=f: three_derivatives(t, f))
    case("activation_graph/%s/int_input" % name, error=True)(lambda t, f=f: f(t, t.tensor([1, -2])))
    case("activation_graph/%s/float64" % name)(
        lambda t, f=f: f(t, L(t, ACTIVATION_INPUT, t.float64)))

case("activation_graph/gelu_bad_approximate", error=True)(
    lambda t: t.nn.functional.gelu(L(t, V), approximate="foo"))


# ---- hooks: what a tensor hook may return; post-accumulate hooks -----------------------------

@case("hooks/returns_int", error=True)
def _(t):
    z = L(t, V) * 2
    z.register_hook(lambda g: 5)
    z.sum().backward()


@case("hooks/changes_dtype", error=True)
def _(t):
    z = L(t, V) * 2
    z.register_hook(lambda g: g.double())
    z.sum().backward()


@case("hooks/changes_dtype_to_int", error=True)
def _(t):
    z = L(t, V) * 2
    z.register_hook(lambda g: g.long())
    z.sum().backward()


@case("hooks/post_accumulate_grad")
def _(t):
    w = L(t, V)
    seen = []
    handle = w.register_post_accumulate_grad_hook(lambda p: seen.append(p.grad * 1))
    (w * 2).sum().backward()
    handle.remove()
    (w * 3).sum().backward()
    return seen, w.grad


@case("hooks/post_accumulate_grad_non_leaf", error=True)
def _(t):
    (L(t, V) * 2).register_post_accumulate_grad_hook(lambda p: None)


@case("hooks/post_accumulate_grad_no_grad", error=True)
def _(t):
    T(t, V).register_post_accumulate_grad_hook(lambda p: None)


@case("hooks/node_prehook_replaces_grad")
def _(t):
    x = L(t, V)
    z = x * 3
    z.grad_fn.register_prehook(lambda go: (go[0] * 0 + 1,))
    (z * 5).sum().backward()
    return x.grad


# A node hook's result is checked as PyTorch's check_result does: a tuple, as long as the
# one given, None or a tensor like the gradient it replaces at each place.
NODE_HOOK_RESULTS = {
    "pre_too_many": ("pre", lambda go: (go[0], go[0])),
    "pre_tensor_not_tuple": ("pre", lambda go: go[0]),
    "pre_list_not_tuple": ("pre", lambda go: [go[0]]),
    "pre_other_size": ("pre", lambda go: (go[0][:1],)),
    "pre_other_dtype": ("pre", lambda go: (go[0].double(),)),
    "pre_none_drops_grad": ("pre", lambda go: (None,)),
    "post_too_few": ("post", lambda gi, go: (gi[0] + 1,)),
    "post_replaces_none": ("post", lambda gi, go: (gi[0], go[0])),
    "post_int_item": ("post", lambda gi, go: (3, None)),
    "post_int_not_tuple": ("post", lambda gi, go: 5),
    "post_none_items": ("post", lambda gi, go: (None, None)),
    "post_replaces_grad": ("post", lambda gi, go: (gi[0] * 10, None)),
}


def _node_hook_case(kind, hook):
    def run(t):
        x = L(t, V)
        z = x * 5   # MulBackward0: two inputs, the number's without a gradient
        (z.grad_fn.register_prehook if kind == "pre" else z.grad_fn.register_hook)(hook)
        z.sum().backward()
        return x.grad
    return run


for _name, (_kind, _hook) in NODE_HOOK_RESULTS.items():
    case("hooks/node_%s" % _name, error=None)(_node_hook_case(_kind, _hook))


def _unnamed_hook(go):
    return (go[0], go[0])


@case("hooks/node_hook_without_name", error=True)
def _(t):
    import functools
    z = L(t, V) * 2
    z.grad_fn.register_prehook(functools.partial(_unnamed_hook))
    z.sum().backward()


@case("hooks/accumulate_grad_node_hooks")
def _(t):
    x = L(t, V)
    seen = []
    y = x * 2
    acc = y.grad_fn.next_functions[0][0]
    acc.register_prehook(lambda go: seen.append(("pre", go)))
    acc.register_hook(lambda gi, go: seen.append(("post", gi, go)))
    y.sum().backward()
    return seen, x.grad


@case("hooks/node_prehook_of_multi_output_node")
def _(t):
    seen = []
    x = L(t, [1.0, 2.0, 3.0])
    parts = x.unbind()
    parts[0].grad_fn.register_prehook(lambda go: seen.append(go))
    (parts[0] + parts[2]).backward()
    values, indices = L(t, [[1.0, 5.0], [4.0, 2.0]]).max(1)
    values.grad_fn.register_prehook(lambda go: seen.append(go))
    values.sum().backward()
    return seen, x.grad


# ---- grad modes: decorators with and without parentheses, set_grad_enabled, inference_mode ----

@case("modes/no_grad_decorator_without_parentheses")
def _(t):
    @t.no_grad
    def f(a):
        return a * 2, t.is_grad_enabled()
    return f(L(t, V)), t.is_grad_enabled()


@case("modes/enable_grad_decorator_without_parentheses")
def _(t):
    @t.enable_grad
    def f(a):
        return a * 2
    with t.no_grad():
        return f(L(t, V))


@case("modes/set_grad_enabled_decorator_restores_at_once")
def _(t):
    @t.set_grad_enabled(False)
    def f(a):
        return a * 2
    during = t.is_grad_enabled()
    return during, f(L(t, V)), t.is_grad_enabled()


@case("modes/set_grad_enabled_int", error=True)
def _(t):
    t.set_grad_enabled(1)


@case("modes/grad_mode_module")
def _(t):
    return t.autograd.grad_mode.no_grad, t.autograd.grad_mode.set_grad_enabled(True)


@case("modes/inference_mode")
def _(t):
    x = L(t, V)
    with t.inference_mode():
        y = x * 2
        inside = (t.is_inference_mode_enabled(), t.is_grad_enabled(), y.requires_grad,
                  y.is_inference())
    return inside, y, t.is_inference_mode_enabled(), y.is_inference(), x.is_inference()


@case("modes/inference_mode_false")
def _(t):
    with t.inference_mode():
        with t.inference_mode(False):
            return t.is_inference_mode_enabled(), t.is_grad_enabled(), t.ones(2).is_inference()


@case("modes/inference_mode_decorators")
def _(t):
    @t.inference_mode()
    def f(a):
        return a * 2

    @t.inference_mode
    def g(a):
        return a * 3
    x = L(t, V)
    return f(x), f(x).is_inference(), g(x).is_inference(), t.is_inference_mode_enabled()


def _inference_tensor(t):
    with t.inference_mode():
        return t.ones(3)


@case("modes/inference_tensor_saved_for_backward", error=True)
def _(t):
    return L(t, V) * _inference_tensor(t)


@case("modes/inference_tensor_not_saved")
def _(t):
    return L(t, V) + _inference_tensor(t)


@case("modes/inference_tensor_requires_grad", error=True)
def _(t):
    _inference_tensor(t).requires_grad_()


@case("modes/inference_tensor_in_place")
def _(t):
    w = _inference_tensor(t)
    try:
        w.add_(1)
    except RuntimeError as e:
        return str(e), w   # PyTorch writes, then raises


@case("modes/inference_tensor_clone")
def _(t):
    c = _inference_tensor(t).clone()
    return c.is_inference(), (L(t, V) * c).grad_fn


@case("modes/enable_grad_inside_inference_mode")
def _(t):
    # Inference mode records nothing, whatever the grad mode says inside it.
    x = L(t, V)
    with t.inference_mode():
        with t.enable_grad():
            inner = (t.is_grad_enabled(), t.is_inference_mode_enabled(), (x * 2).requires_grad)
        with t.set_grad_enabled(True):
            inner += ((x * 2).requires_grad,)
    with t.inference_mode(False):
        outer = (t.is_grad_enabled(), (x * 2).requires_grad)
    return inner, outer, t.is_grad_enabled()


@case("modes/grad_mode_inside_hooks")
def _(t):
    seen = []
    x = L(t, V)
    y = x * 2
    y.register_hook(lambda g: seen.append(t.is_grad_enabled()))
    y.sum().backward(retain_graph=True)
    y.sum().backward(create_graph=True)
    return seen, t.is_grad_enabled()


# ---- .data = ...: the tensor keeps its autograd state, takes the new values and dtype ----------

@case("data/set_int_on_requires_grad", error=True)
def _(t):
    x = L(t, V)
    x.data = t.tensor([1, 2, 3])


@case("data/set_int_on_non_leaf", error=True)
def _(t):
    y = L(t, V) * 2
    y.data = t.tensor([1, 2, 3])


@case("data/set_not_a_tensor", error=True)
def _(t):
    x = L(t, V)
    x.data = [1.0, 2.0]


@case("data/set_other_shape_and_dtype")
def _(t):
    x = L(t, V)
    x.data = t.ones(2, 2, dtype=t.float64)
    y = t.tensor([1, 2])
    y.data = L(t, [1.0, 2.0])
    return x, x.dtype, y, y.requires_grad


# ---- writes through views: CopySlices wraps the in-place node; the view is AsStrided ---------

def _write_view(t, write):
    x, w = L(t, V), L(t, W)
    y = x * 2
    z = write(t, y, w)
    (y * t.tensor([1.0, 2.0, 3.0])).sum().backward(retain_graph=True)
    return graph(y.grad_fn), graph(z.grad_fn) if z is not None else None, x.grad, w.grad


VIEW_WRITES = {
    "add_scalar": lambda t, y, w: y[1:].add_(1),
    "mul_tensor": lambda t, y, w: y[1:].mul_(w[:2]),
    "zero_": lambda t, y, w: y[1:].zero_(),
    "exp_": lambda t, y, w: y[:2].exp_(),
    "copy_": lambda t, y, w: y[::2].copy_(w[1:] * 3),
    "select_fill_": lambda t, y, w: y[0].fill_(5.0),
    "view_of_view": lambda t, y, w: y[1:][1:].mul_(2),
    "augmented_item": lambda t, y, w: _augment_item(y),
}


def _augment_item(y):
    y[0] += 1
    return None


for name, write in VIEW_WRITES.items():
    case("view_write/%s" % name)(lambda t, write=write: _write_view(t, write))


@case("view_write/second_order")
def _(t):
    x, v = L(t, [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), L(t, [0.5, -1.0])
    y = x * 1
    y[1:, 0].mul_(v)
    gx, gv = t.autograd.grad((y * y).sum(), [x, v], create_graph=True)
    return gx, gv, t.autograd.grad((gx * gx).sum() + gv.sum(), [x, v])


@case("view_write/backward_twice", error=True)
def _(t):
    y = L(t, V) * 1
    y[1:].add_(1)
    s = y.sum()
    s.backward()
    s.backward()


# ---- numbers passed for tensors are wrapped 0-dim tensors in the backward formulas ------------

@case("create_graph/wrapped_number_mul")
def _(t):
    x = L(t, V)
    g, = t.autograd.grad(((x * 2) ** 2).sum(), x, create_graph=True)
    return g, graph(g.grad_fn)


@case("create_graph/wrapped_number_div")
def _(t):
    x = L(t, V)
    g, = t.autograd.grad(((x / 2) ** 2).sum(), x, create_graph=True)
    return g, graph(g.grad_fn)


@case("create_graph/wrapped_number_int_tensor_op")
def _(t):
    x = L(t, V)
    g, = t.autograd.grad(((3 * x) * x).sum(), x, create_graph=True)
    return g, graph(g.grad_fn)


# ---- masked_fill and sgn (the nodes PyTorch's own backward formulas use) ----------------------

MASK = [[True, False, True], [False, False, True]]
MASKED = {
    "number": lambda t, x: x.masked_fill(T(t, MASK), 0.5),
    "function": lambda t, x: t.masked_fill(x, x > 1, 7),
    "broadcast_mask": lambda t, x: x.masked_fill(T(t, [True, False, True]), -1.0),
    "broadcast_self": lambda t, x: x[:, :1].masked_fill(T(t, [True, False]), 1.0),
    "tensor_value": lambda t, x: x.masked_fill(x > 1, t.tensor(2.0)),
    "tensor_value_grad": lambda t, x: x.masked_fill(x > 1, L(t, 2.0) * 1),
    "in_place_non_leaf": lambda t, x: (x * 1).masked_fill_(x > 2, 0),
    "sgn": lambda t, x: x.sgn(),
    "torch_sgn": lambda t, x: t.sgn(x * 2),
}
for name, f in MASKED.items():
    case("masked_fill_graph/%s" % name)(
        lambda t, f=f: (lambda y: (y, graph(y.grad_fn)))(f(t, L(t, [[1.0, -2.0, 3.0],
                                                                  [4.0, 0.5, 6.0]]))))
    if "sgn" not in name:  # PyTorch's sgn gradient is an unallocated zero tensor
        grad_case("masked_fill_grad/%s" % name, f, [[1.0, -2.0, 3.0], [4.0, 0.5, 6.0]])

case("masked_fill_graph/float_mask", error=True)(
    lambda t: T(t, V).masked_fill(T(t, [1.0, 0.0, 1.0]), 0))
case("masked_fill_graph/mask_mismatch", error=True)(
    lambda t: T(t, A).masked_fill(T(t, [True, False]), 0))
case("masked_fill_graph/value_not_0d", error=True)(
    lambda t: T(t, A).masked_fill(T(t, A) > 0, T(t, V)))
case("masked_fill_graph/int_tensor_float_value")(
    lambda t: (T(t, [1, 2]).masked_fill(T(t, [True, False]), 2.5),
               T(t, [1, 2]).masked_fill_(T(t, [True, False]), 2.5)))
case("masked_fill_graph/in_place_broadcast_mask", error=True)(
    lambda t: t.ones(2, 1).masked_fill_(T(t, [True, False]), 1))


# ---- matmul: PyTorch's choice between folding into mm/mv and bmm --------------------------

MATMUL_SHAPES = [((1, 2, 3), (4, 3, 5)), ((4, 2, 3), (1, 3, 5)), ((1, 2, 3), (1, 3, 5)),
                 ((2, 1, 2, 3), (4, 3, 5)), ((1, 2, 3), (2, 4, 3, 5)), ((3,), (2, 3, 4)),
                 ((2, 3), (2, 3, 4)), ((3,), (2, 2, 3, 4)), ((2, 2, 4, 3), (3, 5))]


def _matmul_case(t, a, b, ra, rb):
    x = t.arange(float(np.prod(a))).reshape(a).requires_grad_(ra)
    y = t.arange(float(np.prod(b))).reshape(b).requires_grad_(rb)
    z = x @ y
    z.sum().backward()
    return z, graph(z.grad_fn), x.grad, y.grad


for a, b in MATMUL_SHAPES:
    for ra, rb in ((True, True), (True, False), (False, True)):
        case("matmul_fold/%s@%s/%s%s" % ("x".join(map(str, a)), "x".join(map(str, b)),
                                         "g" if ra else "-", "g" if rb else "-"))(
            lambda t, a=a, b=b, ra=ra, rb=rb: _matmul_case(t, a, b, ra, rb))

MATMUL_MISMATCHES = [((3, 1, 2), (4, 3, 5)), ((3, 2, 1, 1), (4, 3, 5)), ((2, 1, 4), (2, 2, 3, 4)),
                     ((2, 3), (2, 2, 4)), ((2, 2, 3), (1, 2, 4))]
for a, b in MATMUL_MISMATCHES:
    case("matmul_fold/mismatch/%s@%s" % ("x".join(map(str, a)), "x".join(map(str, b))),
         error=True)(lambda t, a=a, b=b: t.ones(*a) @ t.ones(*b, requires_grad=True))


# ---- indexing with basic and advanced items mixed: views first, then one IndexBackward0 -------

MIXED_KEYS = {
    "int_slice_list": lambda x: x[1, :, [0, 1]],
    "list_int_list": lambda x: x[[0, 1], 1, [0, 2]],
    "list_slice_int": lambda x: x[[1, 0], :, 2],
    "slice_list_slice": lambda x: x[:, [2, 0], 1:],
    "none_list": lambda x: x[None, [1]],
    "ellipsis_list": lambda x: x[..., [3, 0]],
    "mask_int": lambda x: x[x[:, :, 0] > 0, 1],
    "false": lambda x: x[False],
    "true_slice": lambda x: x[True, 1:],
    "list_step": lambda x: x[[0, 1], ::2],
    "two_lists_apart": lambda x: x[[0, 1], :, [1, 2]],
}
for name, f in MIXED_KEYS.items():
    grad_case("index_mixed/%s" % name, lambda t, x, f=f: f(x),
              np.arange(24.0).reshape(2, 3, 4) - 10)


# ---- requires_grad setter on non-leaves; node classes ----------------------------------------

@case("attrs/set_requires_grad_true_on_non_leaf", error=True)
def _(t):
    y = L(t, V) * 2
    y.requires_grad = True


@case("attrs/set_requires_grad_false_on_non_leaf", error=True)
def _(t):
    y = L(t, V) * 2
    y.requires_grad = False


@case("attrs/requires_grad_method_true_on_non_leaf")
def _(t):
    y = L(t, V) * 2
    return y.requires_grad_(True)


@case("attrs/node_types")
def _(t):
    y = L(t, V) * 2
    acc = y.grad_fn.next_functions[0][0]
    return repr(type(y.grad_fn)), repr(type(acc)), acc.name(), acc.next_functions


# ---- views see writes into their base: their history is re-derived (AsStridedBackward0) ------

@case("view_refresh/base_written")
def _(t):
    x = L(t, V)
    y = x * 1
    v = y[0:2]
    y.mul_(3)
    (v * 1).sum().backward()
    return v, x.grad


@case("view_refresh/base_setitem")
def _(t):
    x = L(t, V)
    y = x * 1
    v = y[1:]
    y[0] = 7.0
    (v * v).sum().backward()
    return v.grad_fn, x.grad


@case("view_refresh/sibling_view_written")
def _(t):
    x = L(t, V)
    y = x * 1
    v, w = y[1:], y[:2]
    w.mul_(2)
    (v * 1).sum().backward()
    return graph(v.grad_fn), x.grad


@case("view_refresh/saved_view_version_error", error=True)
def _(t):
    x = L(t, V)
    y = x * 1
    z = y[0:2] * y[1:]
    y[0] = 0.0
    z.sum().backward()


@case("inplace/version_error_of_leaf", error=True)
def _(t):
    x = L(t, [1.0, 2.0])
    y = x * x
    with t.no_grad():
        x.mul_(2)
    y.sum().backward()


# ---- create_graph graphs of more formulas, as PyTorch writes them ------------------------------

SECOND_ORDER_MORE = {
    "tan": lambda x: x.tan(),
    "prod": lambda x: x.prod(),
    "prod_dim": lambda x: x.view(1, 3).prod(1),
    "norm_p3": lambda x: x.norm(p=3),
    "norm_p1_5": lambda x: x.norm(p=1.5),
    "norm_p0_5": lambda x: x.norm(p=0.5),
    "outer": lambda x: x.outer(x * x),
    "broadcast_add": lambda x: (x.view(3, 1) * x + x).sum(0),
}
for name, f in SECOND_ORDER_MORE.items():
    case("create_graph/%s" % name)(lambda t, f=f: (lambda x: (lambda g: (
        g, graph(g.grad_fn, 5), t.autograd.grad(g.sum(), x)))(
        t.autograd.grad(f(x).sum(), x, create_graph=True)[0]))(L(t, [0.5, 1.2, 2.0])))

case("create_graph/norm_p1")(lambda t: (lambda x: (lambda g: (g, graph(g.grad_fn)))(
    t.autograd.grad(x.norm(p=1), x, create_graph=True)[0]))(L(t, [0.5, -1.2, 2.0])))

for size in ((3,), (1, 3), (2, 1), (1,), (2, 3)):
    case("sum_to_size/%s" % "x".join(map(str, size)))(
        lambda t, size=size: (lambda y: (y, y.grad_fn))(
            L(t, [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]).sum_to_size(*size)))


@case("inplace/detach_view", error=True)
def _(t):
    t.ones(3)[1:].detach_()


@case("inplace/detach_non_leaf")
def _(t):
    y = L(t, V) * 2
    return y.detach_(), y.requires_grad, y.is_leaf, y.grad_fn


@case("inplace/square_")
def _(t):
    w = L(t, V) * 1
    return w.square_(), T(t, [1, 2]).square_()


for reduction in ("mean", "sum", "none"):
    @case("create_graph/mse_loss_%s" % reduction)
    def _(t, reduction=reduction):
        x, target = L(t, [0.5, 1.2, 2.0]), L(t, [1.0, 0.0, 1.0])
        y = t.nn.functional.mse_loss(x * x, target, reduction=reduction)
        gx, gt = t.autograd.grad(y.sum(), [x, target], create_graph=True)
        return (gx, gt, graph(gx.grad_fn, 4), graph(gt.grad_fn, 4),
                t.autograd.grad((gx * gx).sum() + gt.sum(), [x, target]))


# ---- in-place shape ops: the tensor takes the new shape, its node is the op's in-place node ----

INPLACE_SHAPE_OPS = {
    "t_": lambda z: z.t_(),
    "transpose_": lambda z: z.transpose_(0, 1),
    "swapdims_": lambda z: z.swapdims_(1, 0),
    "swapaxes_": lambda z: z.swapaxes_(0, -1),
    "squeeze_all": lambda z: z.unsqueeze(1).squeeze_(),
    "squeeze_dim": lambda z: z.unsqueeze(0).squeeze_(0),
    "squeeze_dims": lambda z: z.unsqueeze(0).squeeze_((0, 1)),
    "unsqueeze_": lambda z: z.unsqueeze_(1),
    "unsqueeze_negative": lambda z: z.unsqueeze_(-1),
}


def _inplace_shape_case(f):
    def run(t):
        x = L(t, A)
        z = f(x * 1)
        (z * T(t, np.arange(z.numel(), dtype=float).reshape(tuple(z.shape)).tolist())).sum().backward()
        return z, graph(z.grad_fn), x.grad
    return run


for _name, _f in INPLACE_SHAPE_OPS.items():
    case("inplace_shape/" + _name)(_inplace_shape_case(_f))


@case("inplace_shape/leaf", error=True)
def _(t):
    L(t, A).t_()


@case("inplace_shape/view_of_leaf", error=True)
def _(t):
    L(t, A)[0].unsqueeze_(0)


@case("inplace_shape/t_3d", error=True)
def _(t):
    t.ones(2, 3, 4).t_()


@case("inplace_shape/plain_tensor")
def _(t):
    a = t.arange(6.0).reshape(2, 3)
    a.t_()
    a[0, 1] = 100.0
    b = t.ones(3)
    b.unsqueeze_(0).t_()
    return a, a.is_contiguous(), a.stride(), b, b.shape


@case("inplace_shape/under_no_grad")
def _(t):
    x = L(t, A)
    with t.no_grad():
        x.t_()
    return x, x.is_leaf


@case("inplace_shape/view_of_non_leaf")
def _(t):
    x = L(t, A)
    y = x * 1
    v = y[0]
    v.unsqueeze_(0)
    v.mul_(2)
    y.sum().backward()
    return v, y, x.grad


@case("inplace_shape/saved_then_transposed", error=True)
def _(t):
    # The version error names the node by its forward op, suffix kept: 'T1'.
    b = L(t, [[1.0, 2.0], [3.0, 4.0]]) * 1
    m = b * b
    b.t_()
    b.sin()
    m.sum().backward()


@case("inplace/version_error_names_sum1", error=True)
def _(t):
    b = L(t, A).sum(0)
    c = b * b
    with t.no_grad():
        b.add_(1)
    c.sum().backward()


# ---- views made under no_grad / inference_mode of a tensor that requires grad -----------------
# They require grad but pass no gradient on; writing into them with grad mode on, or using them
# once they or their base were written to, is PyTorch's error.

def _no_grad_view(t, x, mode="no_grad"):
    with (t.no_grad() if mode == "no_grad" else t.inference_mode()):
        return x[:2]


@case("views_no_grad/flags")
def _(t):
    x = L(t, V)
    v = _no_grad_view(t, x)
    with t.no_grad():
        a, b = x.split(2)
        r, e = x.reshape(3, 1), x.expand(2, 3)
        d, c = x.detach()[:2], x.clone()
    return (v, v.requires_grad, v.is_leaf, v.grad_fn, a.requires_grad, b.requires_grad,
            r.requires_grad, e.requires_grad, d.requires_grad, c.requires_grad)


@case("views_no_grad/no_gradient_flows")
def _(t):
    x = L(t, V)
    v = _no_grad_view(t, x)
    seen = []
    v.register_hook(lambda g: seen.append(g))
    y = v * 2
    y.sum().backward()
    w = v.view(2)
    return y, graph(y.grad_fn), graph(w.grad_fn), v.grad, x.grad, seen


@case("views_no_grad/backward_of_the_view", error=True)
def _(t):
    _no_grad_view(t, L(t, V)).backward(t.ones(2))


@case("views_no_grad/written_with_grad_on", error=True)
def _(t):
    _no_grad_view(t, L(t, V)).mul_(2)


@case("views_no_grad/view_of_it_written", error=True)
def _(t):
    _no_grad_view(t, L(t, V) * 1).view(2).add_(1)


@case("views_no_grad/written_under_no_grad_then_used", error=True)
def _(t):
    x = L(t, V) * 1
    v = _no_grad_view(t, x)
    with t.no_grad():
        v.mul_(2)
    return v * 2


@case("views_no_grad/base_written_then_used", error=True)
def _(t):
    x = L(t, V) * 1
    v = _no_grad_view(t, x)
    x.mul_(2)
    v.grad_fn


@case("views_no_grad/printed_once_written")
def _(t):
    x = L(t, V)
    v = _no_grad_view(t, x)
    with t.no_grad():
        v.mul_(2)
    return repr(v), v.requires_grad, x


@case("views_no_grad/both_inside_no_grad")
def _(t):
    x = L(t, V)
    with t.no_grad():
        v = x[:2]
        v.mul_(2)
        w = v * 3
    return x, w


@case("views_inference/flags")
def _(t):
    x, y = L(t, V), T(t, V)
    v = _no_grad_view(t, x, "inference")
    u = _no_grad_view(t, y, "inference")
    u.mul_(2)
    return v.requires_grad, v.is_inference(), u.is_inference(), u.requires_grad, y


@case("views_inference/written_in_normal_mode", error=True)
def _(t):
    _no_grad_view(t, L(t, V), "inference").mul_(2)


@case("views_inference/view_of_it_written", error=True)
def _(t):
    _no_grad_view(t, L(t, V), "inference").view(2).mul_(2)


@case("views_inference/written_then_used", error=True)
def _(t):
    v = _no_grad_view(t, L(t, V), "inference")
    with t.inference_mode():
        v.mul_(2)
    return v * 2


@case("views_no_grad/grad_with_respect_to_it")
def _(t):
    x = L(t, V)
    v = _no_grad_view(t, x)
    y = (v * 2).sum()
    unused = t.autograd.grad(y, [v], allow_unused=True, retain_graph=True)
    y.backward(inputs=[v])
    return unused, v.grad, x.grad
