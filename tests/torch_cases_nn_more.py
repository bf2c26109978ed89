"""Cases for test_vs_torch.py: the activations and losses of engine/nn/activations.py and
engine/nn/losses.py (selu, celu, hardswish, mish, glu, prelu, rrelu, margin and embedding
losses, pairwise_distance, pdist ...): values, gradients, node names (in-place ones too),
second-order nodes, argument errors. Registered into torch_cases.CASES."""

from torch_cases import add, T, L, A, graph, grad_case

# Kinks included: 0, +-0.5 (the shrinks' lambda), +-3 (hardswish / hardsigmoid).
X = [-4.0, -3.0, -1.5, -0.5, -0.25, 0.0, 0.3, 0.5, 2.0, 3.0, 3.5]
W2 = [[0.5, -1.0, 2.0, 1.5], [-0.3, 0.8, -2.2, 0.1]]     # (2, 4)
W2B = [[1.5, 0.5, -1.0, 0.2], [0.3, -0.6, 1.2, -0.9]]    # (2, 4)
SIGNS = [[1.0, -1.0, -1.0, 1.0], [-1.0, 1.0, 1.0, 1.0]]


def F(t):
    return t.nn.functional


def _activation_case(name, call):
    def fn(t, x):
        return eval(call, {"F": F(t), "torch": t, "x": x})
    grad_case("nn_act/%s" % name, fn, X)
    # prelu's float32 weight with a double input: its "Type promoting not supported" error
    grad_case("nn_act/%s/double" % name, lambda t, x: fn(t, x.double()), X,
              error="prelu" in call)


def _second_order(t, call, data):
    x = L(t, data, t.float64)
    y = eval(call, {"F": F(t), "torch": t, "x": x})
    g, = t.autograd.grad((y * y).sum(), x, create_graph=True)
    gg, = t.autograd.grad(g.sum(), x)
    return g, graph(g.grad_fn, 3), gg


for _name, _call in (
        ("selu", "F.selu(x)"), ("torch_selu", "torch.selu(x)"), ("celu", "F.celu(x)"),
        ("celu_alpha", "F.celu(x, 0.5)"), ("torch_celu", "torch.celu(x, 2.0)"),
        ("elu_alpha", "F.elu(x, 0.3)"), ("hardswish", "F.hardswish(x)"),
        ("hardsigmoid", "F.hardsigmoid(x)"), ("mish", "F.mish(x)"),
        ("softshrink", "F.softshrink(x)"), ("softshrink_lambd", "F.softshrink(x, 1.5)"),
        ("hardshrink", "F.hardshrink(x)"), ("hardshrink_lambd", "F.hardshrink(x, 1.5)"),
        ("tensor_hardshrink", "x.hardshrink(0.25)"), ("torch_hardshrink", "torch.hardshrink(x)"),
        ("tanhshrink", "F.tanhshrink(x)"), ("softsign", "F.softsign(x)"),
        ("threshold", "F.threshold(x, 0.3, -7.0)"), ("torch_threshold", "torch.threshold(x, 0., 2.)"),
        ("rrelu_eval", "F.rrelu(x)"), ("rrelu_bounds", "F.rrelu(x, 0.1, 0.5)"),
        ("torch_rrelu", "torch.rrelu(x)"), ("logsigmoid", "F.logsigmoid(x)"),
        ("softmin", "F.softmin(x, 0)"), ("softmin_double", "F.softmin(x, 0, dtype=torch.float64)"),
        ("relu6", "F.relu6(x)"), ("hardtanh_bounds", "F.hardtanh(x, -2.0, 2.5)"),
        ("leaky_relu", "F.leaky_relu(x, 0.2)"), ("silu", "F.silu(x)"),
        ("gelu_tanh", "F.gelu(x, approximate='tanh')"), ("softplus", "F.softplus(x, 2, 3)"),
        ("sigmoid", "F.sigmoid(x)"), ("glu", "F.glu(x[1:])"),
        ("prelu_scalar_weight", "F.prelu(x, torch.tensor([0.25]))"),
        ("torch_prelu", "torch.prelu(x, torch.tensor(0.1))")):
    _activation_case(_name, _call)

# ---- in place: PyTorch names some of these nodes apart (EluBackward1 ...) ------------------------
for _name, _call in (
        ("elu", "F.elu(x, 0.5, inplace=True)"), ("selu", "F.selu(x, inplace=True)"),
        ("torch_selu_", "torch.selu_(x)"), ("celu", "F.celu(x, 0.5, inplace=True)"),
        ("torch_celu_", "torch.celu_(x)"), ("leaky_relu", "F.leaky_relu(x, 0.2, inplace=True)"),
        ("threshold", "F.threshold(x, 0.3, -7.0, inplace=True)"),
        ("torch_threshold_", "torch.threshold_(x, 0.3, -7.0)"),
        ("rrelu", "F.rrelu(x, inplace=True)"), ("torch_rrelu_", "torch.rrelu_(x)"),
        ("hardswish", "F.hardswish(x, inplace=True)"),
        ("hardsigmoid", "F.hardsigmoid(x, inplace=True)"), ("mish", "F.mish(x, inplace=True)"),
        ("hardtanh", "F.hardtanh(x, inplace=True)"), ("relu6", "F.relu6(x, inplace=True)"),
        ("relu", "F.relu(x, inplace=True)"), ("torch_relu_", "torch.relu_(x)"),
        ("silu", "F.silu(x, inplace=True)"), ("torch_sigmoid_", "torch.sigmoid_(x)")):
    grad_case("nn_inplace/%s" % _name,
              lambda t, x, c=_call: eval(c, {"F": F(t), "torch": t, "x": x * 1}), X)

add("nn_inplace/leaky_relu_negative_slope_backward", lambda t: (lambda x: F(t).leaky_relu(
    x * 1, -0.1, inplace=True).sum().backward())(L(t, X)), error=True)
add("nn_inplace/threshold_leaf", lambda t: F(t).threshold(L(t, X), 0.5, 0.0, inplace=True),
    error=True)
add("nn_inplace/selu_values", lambda t: (lambda x: (t.selu_(x), x))(T(t, X)))

# ---- second order: the backward functions' own nodes ---------------------------------------------
for _name, _call in (
        ("selu", "F.selu(x)"), ("celu", "F.celu(x, 0.5)"), ("elu_inplace", "F.elu(x * 1, inplace=True)"),
        ("hardswish", "F.hardswish(x)"), ("mish", "F.mish(x)"), ("softshrink", "F.softshrink(x)"),
        ("hardshrink", "F.hardshrink(x)"), ("threshold", "F.threshold(x, 0.3, 1.0)"),
        ("rrelu", "F.rrelu(x)"),
        ("prelu", "F.prelu(x, torch.tensor([0.25], dtype=torch.float64))")):
    add("nn_second_order/%s" % _name, lambda t, c=_call: _second_order(t, c, X))
add("nn_second_order/glu", lambda t: _second_order(t, "F.glu(x)", X[1:]))
add("nn_second_order/hardsigmoid", lambda t: _second_order(t, "F.hardsigmoid(x)", X), error=True)

# ---- glu, prelu with channels ---------------------------------------------------------------------
grad_case("nn_glu/dim0", lambda t, x: F(t).glu(x, 0), W2)
grad_case("nn_glu/dim_last", lambda t, x: F(t).glu(x), W2)
grad_case("nn_prelu/channels", lambda t, x, w: F(t).prelu(x, w), W2, [0.1, 0.2, 0.3, 0.4])
grad_case("nn_prelu/one_weight", lambda t, x, w: F(t).prelu(x, w), W2, [0.3])
grad_case("nn_prelu/zero_d_input", lambda t, x, w: F(t).prelu(x, w), -2.0, [0.3])
grad_case("nn_prelu/zero_d_weight", lambda t, x, w: F(t).prelu(x, w), W2, 0.3)
grad_case("nn_prelu/method", lambda t, x, w: x.prelu(w), W2, [0.3])

# ---- rrelu in training: the noise comes from the default generator --------------------------------
add("nn_rrelu/training", lambda t: (t.manual_seed(0), (lambda x: (lambda y: (
    y, y.sum().backward(), x.grad, t.rand(2)))(F(t).rrelu(x, training=True)))(L(t, X)))[1])
add("nn_rrelu/training_double", lambda t: (t.manual_seed(3), F(t).rrelu(
    T(t, X, t.float64), 0.2, 0.4, training=True))[1])

# ---- activation errors ----------------------------------------------------------------------------
I3 = [1, -2, 3]
for _name in ("selu", "celu", "elu", "hardswish", "hardsigmoid", "mish", "softshrink",
              "hardshrink", "rrelu", "leaky_relu", "glu"):
    add("nn_act_error/%s_int" % _name, lambda t, n=_name: getattr(F(t), n)(T(t, I3)), error=True)
add("nn_act/tanhshrink_int", lambda t: F(t).tanhshrink(T(t, I3)))
add("nn_act/softsign_int", lambda t: F(t).softsign(T(t, I3)))
add("nn_act/relu6_int", lambda t: F(t).relu6(T(t, [1, -2, 30], t.int8)))
add("nn_act/hardtanh_int", lambda t: F(t).hardtanh(T(t, I3), -1.5, 2.5))
add("nn_act/threshold_int", lambda t: F(t).threshold(T(t, I3), 1.5, 5.5))
add("nn_act/threshold_int_inplace", lambda t: F(t).threshold(T(t, I3), 0.5, 7.7, inplace=True))
add("nn_act_error/threshold_bool", lambda t: F(t).threshold(T(t, [True]), 0, 1), error=True)
add("nn_act_error/hardtanh_bool", lambda t: F(t).relu6(T(t, [True])), error=True)
add("nn_act_error/hardtanh_bounds", lambda t: F(t).hardtanh(T(t, X), 2.0, 1.0), error=True)
add("nn_act_error/glu_odd", lambda t: F(t).glu(T(t, X)), error=True)
add("nn_act_error/glu_scalar", lambda t: F(t).glu(T(t, 1.0)), error=True)
add("nn_act_error/glu_dim", lambda t: F(t).glu(T(t, W2), 5), error=True)
add("nn_act_error/softshrink_negative", lambda t: F(t).softshrink(T(t, X), -1), error=True)
add("nn_act_error/softshrink_inf", lambda t: F(t).softshrink(T(t, X), float("inf")), error=True)
add("nn_act/hardshrink_negative", lambda t: F(t).hardshrink(T(t, X), -1))
add("nn_act_error/celu_zero", lambda t: F(t).celu(T(t, X), 0.0), error=True)
add("nn_act_error/rrelu_bounds", lambda t: F(t).rrelu(T(t, X), 0.5, 0.1), error=True)
add("nn_act_error/prelu_channels", lambda t: F(t).prelu(T(t, W2), T(t, [1.0, 2.0])), error=True)
add("nn_act_error/prelu_1d_channels", lambda t: F(t).prelu(T(t, X[:4]), T(t, [1.0, 2.0, 3.0, 4.0])),
    error=True)
add("nn_act_error/prelu_2d_weight", lambda t: F(t).prelu(T(t, W2), t.ones(1, 1)), error=True)
add("nn_act_error/prelu_dtypes", lambda t: F(t).prelu(T(t, W2), T(t, [0.1], t.float64)),
    error=True)
add("nn_act_error/prelu_number", lambda t: F(t).prelu(T(t, W2), 0.25), error=True)
add("nn_act_error/prelu_int", lambda t: F(t).prelu(T(t, I3), T(t, [1])), error=True)

# ---- losses: values, gradients, graphs, reductions ------------------------------------------------
V4 = [0.5, -1.0, 2.0, 0.1]
V4B = [1.0, -0.5, 2.5, -0.2]
for _reduction in ("mean", "sum", "none"):
    _r = {"reduction": _reduction}
    grad_case("nn_loss/margin_ranking/%s" % _reduction, lambda t, a, b, r=_r: F(t).margin_ranking_loss(
        a, b, T(t, [1.0, -1.0, 1.0, -1.0]), margin=0.3, **r), V4, V4B)
    grad_case("nn_loss/hinge_embedding/%s" % _reduction, lambda t, a, r=_r: F(t).hinge_embedding_loss(
        a, T(t, SIGNS), **r), W2)
    grad_case("nn_loss/soft_margin/%s" % _reduction, lambda t, a, r=_r: F(t).soft_margin_loss(
        a, T(t, SIGNS), **r), W2)
    grad_case("nn_loss/multilabel_soft_margin/%s" % _reduction,
              lambda t, a, r=_r: F(t).multilabel_soft_margin_loss(
                  a, T(t, [[1.0, 0.0, 0.0, 1.0], [0.0, 1.0, 1.0, 1.0]]), **r), W2)
    grad_case("nn_loss/multi_margin/%s" % _reduction, lambda t, a, r=_r: F(t).multi_margin_loss(
        a, T(t, [2, 0]), **r), W2)
    grad_case("nn_loss/multilabel_margin/%s" % _reduction,
              lambda t, a, r=_r: F(t).multilabel_margin_loss(
                  a, T(t, [[3, 0, -1, 1], [1, 2, 0, -1]]), **r), W2)
    grad_case("nn_loss/cosine_embedding/%s" % _reduction,
              lambda t, a, b, r=_r: F(t).cosine_embedding_loss(a, b, T(t, [1, -1]), **r), W2, W2B)
    grad_case("nn_loss/triplet/%s" % _reduction, lambda t, a, b, r=_r: F(t).triplet_margin_loss(
        a, b, a * 2 - b, **r), W2, W2B)
    grad_case("nn_loss/poisson/%s" % _reduction, lambda t, a, r=_r: F(t).poisson_nll_loss(
        a, T(t, [[1.0, 0.0, 3.0, 2.0], [0.5, 4.0, 1.0, 0.0]]), **r), W2)
    grad_case("nn_loss/gaussian/%s" % _reduction, lambda t, a, v, r=_r: F(t).gaussian_nll_loss(
        a, T(t, W2B), v, **r), W2, [[0.5, 1.0, 2.0, 0.1], [1.0, 1.0, 3.0, 0.5]])

grad_case("nn_loss/margin_ranking_margin0", lambda t, a, b: F(t).margin_ranking_loss(
    a, b, T(t, [1.0, 1.0, -1.0, -1.0])), V4, V4B)
grad_case("nn_loss/margin_ranking_target_grad", lambda t, a, b, y: F(t).margin_ranking_loss(
    a, b, y), V4, V4B, [1.0, 1.0, -1.0, -1.0])
grad_case("nn_loss/hinge_embedding_margin", lambda t, a: F(t).hinge_embedding_loss(
    a, T(t, SIGNS), margin=0.5), W2)
grad_case("nn_loss/multi_margin_p2_weight", lambda t, a: F(t).multi_margin_loss(
    a, T(t, [2, 0]), p=2, margin=0.7, weight=T(t, [1.0, 2.0, 0.5, 1.5])), W2)
grad_case("nn_loss/multi_margin_1d", lambda t, a: F(t).multi_margin_loss(a, T(t, [1])), V4)
grad_case("nn_loss/multi_margin_1d_none", lambda t, a: F(t).multi_margin_loss(
    a, T(t, [1]), reduction="none"), V4)
grad_case("nn_loss/multilabel_margin_1d", lambda t, a: F(t).multilabel_margin_loss(
    a, T(t, [2, 1, -1, 0])), V4)
grad_case("nn_loss/multilabel_margin_1d_none", lambda t, a: F(t).multilabel_margin_loss(
    a, T(t, [2, -1, 1, 0]), reduction="none"), V4)
grad_case("nn_loss/multilabel_soft_margin_weight", lambda t, a: F(t).multilabel_soft_margin_loss(
    a, T(t, [[1.0, 0.0, 0.0, 1.0], [0.0, 1.0, 1.0, 1.0]]), weight=T(t, [1.0, 2.0, 0.5, 1.0])), W2)
grad_case("nn_loss/cosine_embedding_margin", lambda t, a, b: F(t).cosine_embedding_loss(
    a, b, T(t, [-1, -1]), margin=-0.5), W2, W2B)
grad_case("nn_loss/cosine_embedding_1d", lambda t, a, b: F(t).cosine_embedding_loss(
    a, b, T(t, 1)), V4, V4B)
grad_case("nn_loss/triplet_swap_p1", lambda t, a, b: F(t).triplet_margin_loss(
    a, b, a * 0.5 + 1, p=1, swap=True, margin=2.0), W2, W2B)
grad_case("nn_loss/poisson_no_log", lambda t, a: F(t).poisson_nll_loss(
    a * a, T(t, [[1.0, 0.0, 3.0, 2.0], [0.5, 4.0, 1.0, 0.0]]), log_input=False), W2)
grad_case("nn_loss/poisson_full", lambda t, a: F(t).poisson_nll_loss(
    a, T(t, [[1.0, 0.0, 3.0, 2.0], [0.5, 4.0, 1.0, 0.0]]), full=True), W2)
grad_case("nn_loss/gaussian_full_homoscedastic", lambda t, a, v: F(t).gaussian_nll_loss(
    a, T(t, W2B), v, full=True), W2, [0.5, 2.0])
grad_case("nn_loss/gaussian_float_var", lambda t, a: F(t).gaussian_nll_loss(a, T(t, W2B), 0.5), W2)
grad_case("nn_dist/pairwise", lambda t, a, b: F(t).pairwise_distance(a, b), W2, W2B)
grad_case("nn_dist/pairwise_p1_keepdim", lambda t, a, b: F(t).pairwise_distance(
    a, b, p=1, keepdim=True), W2, W2B)
grad_case("nn_dist/pairwise_broadcast", lambda t, a, b: F(t).pairwise_distance(a, b), W2, V4)
grad_case("nn_dist/pairwise_1d", lambda t, a, b: t.pairwise_distance(a, b, 3), V4, V4B)
grad_case("nn_dist/pdist", lambda t, a: F(t).pdist(a), [[0.5, 1.0], [2.0, -1.0], [0.0, 0.3]])
grad_case("nn_dist/pdist_p1", lambda t, a: t.pdist(a, 1), [[0.5, 1.0], [2.0, -1.0], [0.0, 0.3]])
grad_case("nn_dist/pdist_p3", lambda t, a: F(t).pdist(a, 3), [[0.5, 1.0], [2.0, -1.0], [0.0, 0.3]])
grad_case("nn_dist/pdist_inf", lambda t, a: F(t).pdist(a, float("inf")),
          [[0.5, 1.0], [2.0, -1.0], [0.0, 0.3]])
add("nn_dist/pdist_one_row", lambda t: F(t).pdist(L(t, [[1.0, 2.0]])))
add("nn_dist/cosine_similarity_torch", lambda t: t.cosine_similarity(L(t, W2), L(t, W2B)))

add("nn_loss/multi_margin_second_order", lambda t: (lambda x: t.autograd.grad(
    t.autograd.grad(F(t).multi_margin_loss(x, T(t, [2, 0])), x, create_graph=True)[0].sum(), x))(
    L(t, W2)), error=True)
add("nn_loss/multi_margin_second_order_node", lambda t: (lambda x: t.autograd.grad(
    F(t).multi_margin_loss(x, T(t, [2, 0])), x, create_graph=True)[0])(L(t, W2)))
add("nn_dist/pdist_second_order", lambda t: (lambda x: t.autograd.grad(
    t.autograd.grad(F(t).pdist(x).sum(), x, create_graph=True)[0].sum(), x))(L(t, W2)), error=True)
add("nn_loss/soft_margin_second_order", lambda t: _second_order(
    t, "F.soft_margin_loss(x, torch.ones(11, dtype=torch.float64))", X))

# ---- loss errors and legacy arguments -------------------------------------------------------------
add("nn_loss_error/margin_ranking_dims", lambda t: F(t).margin_ranking_loss(
    T(t, W2), T(t, V4), T(t, V4)), error=True)
add("nn_loss_error/multi_margin_p", lambda t: F(t).multi_margin_loss(T(t, W2), T(t, [1, 0]), p=3),
    error=True)
add("nn_loss_error/multi_margin_target_size", lambda t: F(t).multi_margin_loss(
    T(t, W2), T(t, [1, 0, 2])), error=True)
add("nn_loss_error/multi_margin_target_range", lambda t: F(t).multi_margin_loss(
    T(t, W2), T(t, [1, 4])), error=True)
add("nn_loss_error/multi_margin_weight_size", lambda t: F(t).multi_margin_loss(
    T(t, W2), T(t, [1, 0]), weight=T(t, [1.0, 2.0])), error=True)
add("nn_loss_error/multi_margin_weight_2d", lambda t: F(t).multi_margin_loss(
    T(t, W2), T(t, [1, 0]), weight=t.ones(2, 2)), error=True)
add("nn_loss_error/multi_margin_empty", lambda t: F(t).multi_margin_loss(
    t.zeros(2, 0), T(t, [1, 0])), error=True)
add("nn_loss_error/multilabel_margin_size", lambda t: F(t).multilabel_margin_loss(
    T(t, W2), T(t, [1, 0])), error=True)
add("nn_loss_error/multilabel_margin_range", lambda t: F(t).multilabel_margin_loss(
    T(t, W2), T(t, [[1, 4, -1, 0], [0, -1, 0, 0]])), error=True)
add("nn_loss_error/cosine_embedding_target_2d", lambda t: F(t).cosine_embedding_loss(
    T(t, W2), T(t, W2B), t.ones(2, 2)), error=True)
add("nn_loss_error/cosine_embedding_1d_target", lambda t: F(t).cosine_embedding_loss(
    T(t, V4), T(t, V4B), T(t, [1])), error=True)
add("nn_loss_error/cosine_embedding_0d_target", lambda t: F(t).cosine_embedding_loss(
    T(t, W2), T(t, W2B), T(t, 1)), error=True)
add("nn_loss_error/triplet_margin", lambda t: F(t).triplet_margin_loss(
    T(t, W2), T(t, W2B), T(t, W2), margin=0), error=True)
add("nn_loss_error/triplet_dims", lambda t: F(t).triplet_margin_loss(
    T(t, W2), T(t, W2B), T(t, V4)), error=True)
add("nn_loss_error/poisson_reduction", lambda t: F(t).poisson_nll_loss(
    T(t, W2), T(t, W2B), reduction="avg"), error=True)
add("nn_loss_error/gaussian_negative_var", lambda t: F(t).gaussian_nll_loss(
    T(t, W2), T(t, W2B), -1.0), error=True)
add("nn_loss_error/gaussian_var_size", lambda t: F(t).gaussian_nll_loss(
    T(t, W2), T(t, W2B), t.ones(3)), error=True)
add("nn_loss_error/gaussian_reduction", lambda t: F(t).gaussian_nll_loss(
    T(t, W2), T(t, W2B), t.ones(2, 4), reduction="avg"), error=True)
add("nn_loss_error/multilabel_soft_margin_reduction", lambda t: F(t).multilabel_soft_margin_loss(
    T(t, W2), T(t, SIGNS), reduction="avg"), error=True)
add("nn_loss_error/hinge_reduction", lambda t: F(t).hinge_embedding_loss(
    T(t, W2), T(t, SIGNS), reduction="avg"), error=True)
add("nn_loss_error/soft_margin_target_grad", lambda t: F(t).soft_margin_loss(
    L(t, W2), L(t, SIGNS)).backward(), error=True)
add("nn_dist_error/pdist_3d", lambda t: F(t).pdist(t.ones(2, 2, 2)), error=True)
add("nn_dist_error/pdist_int", lambda t: F(t).pdist(T(t, [[1, 2], [3, 4]])), error=True)
add("nn_dist_error/pdist_negative_p", lambda t: F(t).pdist(T(t, W2), -1), error=True)
add("nn_loss/legacy_size_average", lambda t: F(t).margin_ranking_loss(
    T(t, V4), T(t, V4B), T(t, [1.0, -1.0, 1.0, -1.0]), size_average=False))
add("nn_loss/legacy_reduce", lambda t: F(t).soft_margin_loss(T(t, W2), T(t, SIGNS), reduce=False))
add("nn_loss/legacy_multilabel_soft_margin", lambda t: F(t).multilabel_soft_margin_loss(
    T(t, W2), T(t, SIGNS), size_average=True))
add("nn_loss/legacy_poisson", lambda t: F(t).poisson_nll_loss(T(t, W2), T(t, W2B), reduce=False))
add("nn_loss/mse_legacy_both", lambda t: F(t).mse_loss(T(t, A), T(t, A) * 2, size_average=False,
                                                       reduce=True))
add("nn_act_error/logsigmoid_int", lambda t: F(t).logsigmoid(T(t, I3)), error=True)
add("nn_second_order/logsigmoid", lambda t: _second_order(t, "F.logsigmoid(x)", X))
add("nn_second_order/silu", lambda t: _second_order(t, "F.silu(x)", X))
add("nn_second_order/tanh_sigmoid", lambda t: _second_order(t, "x.tanh() * x.sigmoid()", X))
for _name in ("relu_", "elu_", "leaky_relu_", "hardtanh_", "rrelu_", "celu_", "selu_"):
    grad_case("nn_inplace/F.%s" % _name, lambda t, x, n=_name: getattr(F(t), n)(x * 1), X)
grad_case("nn_inplace/F.threshold_", lambda t, x: F(t).threshold_(x * 1, 0.0, 1.0), X)


# ---- embedding: rows by index (EmbeddingBackward0), padding_idx rows get no gradient,
# scale_grad_by_freq divides by the index's count, max_norm renormalises used rows in place.
EMB_W = [[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [-2.0, 1.0, 0.0], [3.0, 4.0, 0.0], [0.1, 0.2, 0.3]]
EMB_I = [[0, 2], [4, 2]]


def _embedding(t, **options):
    w = L(t, EMB_W)
    e = F(t).embedding(T(t, EMB_I), w, **options)
    (e * t.arange(12.0).reshape(2, 2, 3)).sum().backward()
    return e, graph(e.grad_fn), w.grad


add("embedding/rows_and_grad", lambda t: _embedding(t))
add("embedding/padding_idx", lambda t: _embedding(t, padding_idx=2))
add("embedding/padding_idx_negative_scaled", lambda t: _embedding(
    t, padding_idx=-1, scale_grad_by_freq=True))
add("embedding/int32_indices", lambda t: F(t).embedding(T(t, EMB_I, t.int32), T(t, EMB_W)))


def _renormed(t, **options):
    w = T(t, EMB_W) * 2
    out = F(t).embedding(T(t, [1, 3, 1]), w, **options)
    return out, w


add("embedding/max_norm", lambda t: _renormed(t, max_norm=1.0))
add("embedding/max_norm_l1", lambda t: _renormed(t, max_norm=2.0, norm_type=1.0))
add("embedding/float_indices", lambda t: F(t).embedding(T(t, [0.0]), T(t, EMB_W)), error=True)
add("embedding/weight_1d", lambda t: F(t).embedding(T(t, [0]), T(t, [1.0])), error=True)
add("embedding/out_of_range", lambda t: F(t).embedding(T(t, [5]), T(t, EMB_W)), error=True)
add("embedding/negative_index", lambda t: F(t).embedding(T(t, [-1]), T(t, EMB_W)), error=True)
add("embedding/padding_out_of_range",
    lambda t: F(t).embedding(T(t, [0]), T(t, EMB_W), padding_idx=5), error=True)
