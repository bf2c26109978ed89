"""Cases for test_vs_torch.py: nll_loss and cross_entropy as ATen's nll_loss_nd routes them
(1-D/2-D inputs, (N, C, H, W) and other ranks with their NllLoss2DBackward0 and views), their
checks in ATen's order, class-probability targets, and F.softmin. Registered into
torch_cases.CASES."""

from torch_cases import add, T, L, grad_case

LOGITS3 = [[[1.0, -0.5, 2.0, 0.0], [0.5, 1.5, -1.0, 0.25], [-2.0, 0.0, 1.0, 3.0]],
           [[0.0, 1.0, -1.0, 2.5], [2.0, -2.0, 0.5, 0.0], [1.0, 1.0, 1.0, -0.5]]]  # (2, 3, 4)
TARGET3 = [[0, 1, 2, 1], [2, -100, 0, 1]]                                           # (2, 4)
LOGITS4 = [[[[0.5, -1.0], [2.0, 0.0]], [[1.0, 0.5], [-0.5, 1.5]], [[0.0, 2.0], [1.0, -1.0]]]]
TARGET4 = [[[0, 2], [1, -100]]]                                                     # (1, 2, 2)
W3 = [1.0, 2.0, 0.5]


def F(t):
    return t.nn.functional


def Lg(t, data):
    return t.tensor(data, dtype=t.long)


# ---- K-dimensional inputs: (N, C, d1, ...) ------------------------------------------------------
for reduction in ("mean", "sum", "none"):
    grad_case("nll_nd/cross_entropy_3d_" + reduction, lambda t, x, r=reduction: F(t).cross_entropy(
        x, Lg(t, TARGET3), reduction=r), LOGITS3)
    grad_case("nll_nd/nll_loss_4d_weight_" + reduction, lambda t, x, r=reduction: F(t).nll_loss(
        x, Lg(t, TARGET4), weight=T(t, W3), reduction=r), LOGITS4)
grad_case("nll_nd/cross_entropy_5d", lambda t, x: F(t).cross_entropy(
    x.reshape(1, 3, 1, 2, 2), Lg(t, TARGET4).reshape(1, 1, 2, 2)), LOGITS4)
grad_case("nll_nd/cross_entropy_3d_smoothing_weight", lambda t, x: F(t).cross_entropy(
    x, Lg(t, TARGET3), weight=T(t, W3), label_smoothing=0.2), LOGITS3)
grad_case("nll_nd/cross_entropy_3d_probabilities", lambda t, x: F(t).cross_entropy(
    x, F(t).softmax(T(t, LOGITS3) * 2, 1)), LOGITS3)
grad_case("nll_nd/cross_entropy_3d_probabilities_none", lambda t, x: F(t).cross_entropy(
    x, F(t).softmax(T(t, LOGITS3) * 2, 1), reduction="none"), LOGITS3)
grad_case("nll_nd/nll_loss_transposed_input", lambda t, x: F(t).nll_loss(
    x.transpose(1, 2), Lg(t, [[0, 1], [2, 0]])), [[[1.0, 2.0, 0.5], [0.0, -1.0, 1.0]],
                                                         [[0.5, 0.5, 2.0], [1.5, 0.0, -0.5]]])
add("nll_nd/all_ignored_mean", lambda t: F(t).nll_loss(T(t, LOGITS3), Lg(t, [[-100] * 4] * 2)))
add("nll_nd/ignored_is_positive_zero", lambda t: F(t).nll_loss(
    T(t, [[0.0, 1.0], [2.0, 0.0]]), Lg(t, [0, -100]), reduction="none"))

# ---- checks, in ATen's order --------------------------------------------------------------------
BAD = {
    "input_0d": lambda t: F(t).nll_loss(T(t, 1.0), Lg(t, 0)),
    "batch_mismatch_2d": lambda t: F(t).cross_entropy(T(t, LOGITS3[0]), Lg(t, [[0, 1, 2]])),
    "batch_of_0d_target": lambda t: F(t).cross_entropy(T(t, LOGITS3[0]), Lg(t, 1)),
    "multi_target": lambda t: F(t).cross_entropy(T(t, LOGITS3[0]), Lg(t, [[0], [1], [2]])),
    "1d_input_long_target": lambda t: F(t).nll_loss(T(t, [0.0, 1.0]), Lg(t, [0, 1])),
    "float_target_before_size": lambda t: F(t).nll_loss(T(t, [0.0, 1.0]), T(t, [0.0, 1.0])),
    "weight_size": lambda t: F(t).nll_loss(T(t, LOGITS3[0]), Lg(t, [0, 1, 2]), weight=T(t, [1.0])),
    "weight_dtype": lambda t: F(t).cross_entropy(T(t, LOGITS3[0]), Lg(t, [0, 1, 2]),
                                                 weight=T(t, W3, t.float64)),
    "long_input": lambda t: F(t).nll_loss(Lg(t, [[0, 1]]), Lg(t, [0])),
    "3d_target_size": lambda t: F(t).cross_entropy(T(t, LOGITS3), Lg(t, [[0, 1, 2], [0, 1, 2]])),
    "3d_batch": lambda t: F(t).cross_entropy(T(t, LOGITS3), Lg(t, [[0, 1, 2, 0]])),
    "4d_target_rank": lambda t: F(t).nll_loss(T(t, LOGITS4), Lg(t, [[0, 1, 2, 0]])),
    "4d_target_size": lambda t: F(t).nll_loss(T(t, LOGITS4), Lg(t, [[[0, 1]]])),
    "4d_weight_size": lambda t: F(t).nll_loss(T(t, LOGITS4), Lg(t, TARGET4), weight=T(t, [1.0])),
    "4d_float_target": lambda t: F(t).nll_loss(T(t, LOGITS4), T(t, [[[0.0, 1.0], [1.0, 0.0]]])),
    "4d_out_of_bounds": lambda t: F(t).nll_loss(T(t, LOGITS4), Lg(t, [[[0, 3], [1, 0]]])),
    "probabilities_int_target": lambda t: F(t).cross_entropy(T(t, [[0.0, 1.0]]), Lg(t, [[0, 1]])),
    "probabilities_ignore_index": lambda t: F(t).cross_entropy(
        T(t, [[0.0, 1.0]]), T(t, [[0.5, 0.5]]), ignore_index=1),
    "probabilities_weight_size": lambda t: F(t).cross_entropy(
        T(t, [[0.0, 1.0]]), T(t, [[0.5, 0.5]]), weight=T(t, W3)),
    "label_smoothing_above_one": lambda t: F(t).cross_entropy(
        T(t, LOGITS3[0]), Lg(t, [0, 1, 2]), label_smoothing=1.5),
    "probabilities_smoothing_above_one": lambda t: F(t).cross_entropy(
        T(t, [[0.0, 1.0]]), T(t, [[0.5, 0.5]]), label_smoothing=2.0),
    "0d_input_0d_target": lambda t: F(t).cross_entropy(T(t, 1.0), Lg(t, 0)),
}
for name, fn in BAD.items():
    add("nll_checks/" + name, fn, error=True)

# ---- class probabilities and smoothing ------------------------------------------------------------
grad_case("ce_probabilities/weight", lambda t, x: F(t).cross_entropy(
    x, T(t, [[0.2, 0.8, 0.0, 0.0], [0.1, 0.1, 0.8, 0.0], [0.0, 0.0, 0.0, 1.0]]),
    weight=T(t, [1.0, 2.0, 0.5, 4.0])), LOGITS3[0])
grad_case("ce_probabilities/1d_weight", lambda t, x: F(t).cross_entropy(
    x, T(t, [0.2, 0.3, 0.5, 0.0]), weight=T(t, [1.0, 2.0, 3.0, 4.0])), LOGITS3[0][0])
grad_case("ce_probabilities/double_target", lambda t, x: F(t).cross_entropy(
    x, T(t, [[0.2, 0.8, 0.0, 0.0]] * 3, t.float64)), LOGITS3[0])
add("ce_probabilities/negative_ignore_index", lambda t: F(t).cross_entropy(
    L(t, [[0.0, 1.0]]), T(t, [[0.5, 0.5]]), ignore_index=-5))
add("ce_probabilities/empty_batch", lambda t: F(t).cross_entropy(
    L(t, [[0.0] * 3][:0]).reshape(0, 3), T(t, []).reshape(0, 3)))
add("ce_smoothing/negative_is_off", lambda t: F(t).cross_entropy(
    L(t, LOGITS3[0]), Lg(t, [0, 1, 2]), label_smoothing=-0.1))

# ---- softmin --------------------------------------------------------------------------------
grad_case("softmin/dim1", lambda t, x: F(t).softmin(x, 1), LOGITS3[0])
grad_case("softmin/implicit_dim_warns", lambda t, x: F(t).softmin(x), LOGITS3[0])
add("softmin/dtype", lambda t: F(t).softmin(L(t, LOGITS3[0]), dim=0, dtype=t.float64))
