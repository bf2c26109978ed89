"""Cases for test_vs_torch.py: more torch.nn.functional (one_hot, BCE with logits, smooth L1,
Huber, KL divergence, softsign, logsigmoid, normalize, cosine_similarity, pad) and the dtype
errors of losses and matrix products. Registered into torch_cases.CASES."""

from torch_cases import add, case, T, L, A, W, U, graph, grad_case

TG = [[1.0, 0.0, 1.0], [0.0, 0.5, 1.0]]


def F(t):
    return t.nn.functional


# ---- one_hot ----------------------------------------------------------------------------------
add("one_hot/infer_and_given", lambda t: (F(t).one_hot(T(t, [0, 2, 1])), F(t).one_hot(T(t, [0, 2]), 4),
                                          F(t).one_hot(T(t, [[1], [0]])), F(t).one_hot(T(t, 2), 3),
                                          F(t).one_hot(t.zeros(0, dtype=t.int64), 3)))
add("one_hot/too_small", lambda t: F(t).one_hot(T(t, [0, 2]), num_classes=2), error=True)
add("one_hot/float", lambda t: F(t).one_hot(T(t, [0.0, 2.0])), error=True)
add("one_hot/negative", lambda t: F(t).one_hot(T(t, [-1, 2])), error=True)
add("one_hot/empty_infer", lambda t: F(t).one_hot(t.zeros(0, dtype=t.int64)), error=True)

# ---- binary_cross_entropy_with_logits ---------------------------------------------------------------
grad_case("bce_logits_grad/mean", lambda t, x, y: F(t).binary_cross_entropy_with_logits(x, y), A, TG)
grad_case("bce_logits_grad/pos_weight_sum",
          lambda t, x, y: F(t).binary_cross_entropy_with_logits(
              x, y, pos_weight=T(t, [1.0, 2.0, 3.0]), reduction="sum"), A, TG)
grad_case("bce_logits_grad/weight_none",
          lambda t, x, y: F(t).binary_cross_entropy_with_logits(
              x, y, weight=T(t, [1.0, 2.0, 3.0]), reduction="none"), A, TG)
add("bce_logits/large_logits", lambda t: F(t).binary_cross_entropy_with_logits(
    T(t, [100.0, -100.0, 0.0]), T(t, [0.0, 1.0, 0.5]), reduction="none"))
add("bce_logits/double_target", lambda t: F(t).binary_cross_entropy_with_logits(
    L(t, A), T(t, TG, t.float64)))
add("bce_logits/long_target", lambda t: F(t).binary_cross_entropy_with_logits(
    T(t, A), T(t, [[1, 0, 1], [0, 0, 1]])), error=True)
add("bce_logits/size_mismatch", lambda t: F(t).binary_cross_entropy_with_logits(
    T(t, A), T(t, TG[0])), error=True)
add("bce_logits/weight_requires_grad", lambda t: F(t).binary_cross_entropy_with_logits(
    L(t, A), T(t, TG), weight=L(t, [1.0, 2.0, 3.0])), error=True)
add("bce/long_target", lambda t: F(t).binary_cross_entropy(T(t, U), T(t, [[1, 0, 1], [0, 0, 1]])),
    error=True)
add("bce/double_target", lambda t: F(t).binary_cross_entropy(T(t, U), T(t, TG, t.float64)),
    error=True)

# ---- smooth_l1 / huber / kl_div ------------------------------------------------------------------
grad_case("smooth_l1_grad/mean", lambda t, x, y: F(t).smooth_l1_loss(x, y), A, TG)
grad_case("smooth_l1_grad/beta_none", lambda t, x, y: F(t).smooth_l1_loss(x, y, beta=0.5,
                                                                           reduction="none"), A, TG)
grad_case("smooth_l1_grad/beta_zero", lambda t, x, y: F(t).smooth_l1_loss(x, y, beta=0.0), A, TG)
add("smooth_l1/negative_beta", lambda t: F(t).smooth_l1_loss(T(t, A), T(t, TG), beta=-1.0),
    error=True)
add("smooth_l1/broadcast_warns", lambda t: F(t).smooth_l1_loss(L(t, A), T(t, TG[0])))
grad_case("huber_grad/mean", lambda t, x, y: F(t).huber_loss(x, y), A, TG)
grad_case("huber_grad/delta_sum", lambda t, x, y: F(t).huber_loss(x, y, delta=0.5,
                                                                   reduction="sum"), A, TG)
add("huber/zero_delta", lambda t: F(t).huber_loss(T(t, A), T(t, TG), delta=0.0), error=True)
grad_case("kl_div_grad/batchmean", lambda t, x, y: F(t).kl_div(x.log_softmax(1), y,
                                                                reduction="batchmean"), A, TG)
grad_case("kl_div_grad/mean_warns", lambda t, x, y: F(t).kl_div(x.log_softmax(1), y), A, TG)
grad_case("kl_div_grad/log_target_sum", lambda t, x, y: F(t).kl_div(
    x.log_softmax(1), y.log_softmax(1), reduction="sum", log_target=True), A, TG)
grad_case("kl_div_grad/none", lambda t, x, y: F(t).kl_div(x, y, reduction="none"), A, TG)
add("kl_div/bad_reduction", lambda t: F(t).kl_div(T(t, A), T(t, TG), reduction="foo"), error=True)

# ---- softsign / logsigmoid / normalize / cosine_similarity / pad ----------------------------------------
grad_case("softsign_grad/values", lambda t, x: F(t).softsign(x), A)
grad_case("logsigmoid_grad/values", lambda t, x: F(t).logsigmoid(x), A)
add("logsigmoid/large", lambda t: F(t).logsigmoid(T(t, [20.0, -100.0, 0.0])))
grad_case("normalize_grad/default", lambda t, x: F(t).normalize(x), A)
grad_case("normalize_grad/p1_dim0", lambda t, x: F(t).normalize(x, p=1, dim=0), A)
add("normalize/zeros", lambda t: F(t).normalize(T(t, [0.0, 0.0]), dim=0))
grad_case("cosine_grad/rows", lambda t, x, y: F(t).cosine_similarity(x, y), A, TG)
grad_case("cosine_grad/dim0", lambda t, x, y: F(t).cosine_similarity(x, y, dim=0), A, TG)
grad_case("cosine_grad/broadcast", lambda t, x, y: F(t).cosine_similarity(x, y), A, W)
add("cosine/int", lambda t: F(t).cosine_similarity(T(t, [1, 2]), T(t, [2, 3]), dim=0), error=True)
grad_case("pad_grad/last_dim", lambda t, x: F(t).pad(x, (1, 2)), A)
grad_case("pad_grad/two_dims_value", lambda t, x: F(t).pad(x, (1, 1, 2, 0), value=9.0), A)
grad_case("pad_grad/crop", lambda t, x: F(t).pad(x, [-1, 1]), A)
add("pad/int_value_cast", lambda t: F(t).pad(T(t, [1, 2]), (1, 1), value=2.5))
add("pad/crop_all", lambda t: F(t).pad(L(t, A), (-3, 0)))
add("pad/odd_length", lambda t: F(t).pad(T(t, A), (1,)), error=True)
add("pad/too_long", lambda t: F(t).pad(T(t, A), (1, 1, 1, 1, 1, 1)), error=True)


@case("pad/second_order_graph")
def _(t):
    x = L(t, A, t.float64)
    y = (F(t).pad(x, (1, 1)) ** 2).sum()
    g, = t.autograd.grad(y, x, create_graph=True)
    return g, graph(g.grad_fn)


# ---- matrix products of two dtypes: each rank combination's own message -------------------------
_RANKS = {"2d_1d": ((2, 3), (3,)), "2d_2d": ((2, 3), (3, 2)), "1d_1d": ((3,), (3,)),
          "1d_2d": ((3,), (3, 2)), "3d_2d": ((2, 2, 3), (3, 2)), "3d_3d": ((2, 2, 3), (2, 3, 2)),
          "2d_3d": ((2, 3), (2, 3, 2)), "1d_3d": ((3,), (2, 3, 2)), "3d_1d": ((2, 2, 3), (3,))}
for _name, (_a, _b) in _RANKS.items():
    add("matmul_dtype/float_double_%s" % _name,
        lambda t, a=_a, b=_b: t.ones(*a) @ t.ones(*b).double(), error=True)
    add("matmul_dtype/double_float_%s" % _name,
        lambda t, a=_a, b=_b: t.ones(*a).double() @ t.ones(*b), error=True)
add("matmul_dtype/mv_bmm_functions", lambda t: t.mv(t.ones(2, 3), t.ones(3).double()), error=True)
add("matmul_dtype/bmm_function", lambda t: t.bmm(t.ones(2, 2, 3), t.ones(2, 3, 2).double()),
    error=True)

# ---- mse / smooth L1 / Huber with mixed dtypes: one node over both inputs as given ------------
for _name, _f in (("mse", lambda t: F(t).mse_loss), ("smooth_l1", lambda t: F(t).smooth_l1_loss),
                  ("huber", lambda t: F(t).huber_loss)):
    grad_case("loss_dtypes/%s_double_target" % _name,
              lambda t, x, f=_f: f(t)(x, T(t, TG, t.float64)), A,
              error=_name == "huber")  # ATen's Huber backward refuses two dtypes
    add("loss_dtypes/%s_long_target" % _name, lambda t, f=_f: f(t)(
        L(t, A), T(t, [[1, 0, 1], [0, 2, 1]]), reduction="none"))
    add("loss_dtypes/%s_long_both" % _name, lambda t, f=_f: f(t)(
        T(t, [[1, 0]]), T(t, [[0, 2]])), error=True)
    add("loss_dtypes/%s_long_input" % _name, lambda t, f=_f: f(t)(
        T(t, [[1, 0]]), T(t, [[0.5, 2.0]])), error=None)
grad_case("loss_dtypes/mse_long_target_grad", lambda t, x: F(t).mse_loss(
    x, T(t, [[1, 0, 1], [0, 2, 1]])), A)
add("loss_dtypes/huber_backward_mixed", lambda t: F(t).huber_loss(
    L(t, A), T(t, TG, t.float64)).backward(), error=True)

# ---- binary_cross_entropy's weight: expanded to the target's shape first ---------------------------
grad_case("bce_weight/row_weight_none", lambda t, x: F(t).binary_cross_entropy(
    x, T(t, TG), weight=T(t, [1.0, 2.0, 3.0]), reduction="none"), U)
grad_case("bce_weight/column_weight", lambda t, x: F(t).binary_cross_entropy(
    x, T(t, TG), weight=T(t, [[1.0], [2.0]])), U)
add("bce_weight/not_broadcastable", lambda t: F(t).binary_cross_entropy(
    T(t, U), T(t, TG), weight=T(t, [1.0, 2.0])), error=True)
add("bce_weight/larger_than_input", lambda t: F(t).binary_cross_entropy(
    T(t, U), T(t, TG), weight=t.ones(2, 2, 3)), error=True)
