"""Cases for test_vs_torch.py: torch.linalg and torch's linear-algebra functions (values,
gradients first and second order, node names, return types, errors). Registered into
torch_cases.CASES.

Eigen- and singular vectors of matrices above 2x2 can differ in sign between LAPACKs
(PyTorch links MKL, NumPy OpenBLAS): the cases on 3x3 inputs look at quantities that do
not depend on the signs.
"""

from torch_cases import add, case, T, L, graph, grad_case, backprop, seeded

SPD = [[4.0, 1.0, 0.5], [1.0, 3.0, -0.5], [0.5, -0.5, 2.0]]   # symmetric positive definite
G = [[2.0, -1.0, 0.5], [1.0, 3.0, 2.0], [0.0, 1.5, -1.0]]      # general, invertible
S2 = [[2.0, 1.0], [1.0, 3.0]]
W = [[1.0, 2.0, 0.5], [-1.0, 0.5, 3.0]]                          # (2, 3)
SING = [[1.0, 2.0], [2.0, 4.0]]
V3 = [1.0, -2.0, 0.5]


def _second(t, f, data, dtype=None):
    """f's gradient recorded with create_graph, and the gradient of its sum (second order)."""
    x = L(t, data, dtype or t.float64)
    g, = t.autograd.grad(f(t, x), x, create_graph=True)
    g2, = t.autograd.grad((g * g * t.arange(1.0, g.numel() + 1).reshape(g.shape)).sum(), x)
    return g.detach(), g2


def grad_case64(id, f, *datas):
    """grad_case in float64, where float32 LAPACK rounding would decide a printed digit."""
    add(id, lambda t: backprop(t, f, *datas, dtype=t.float64))


def second_case(id, f, data):
    add(id, lambda t: _second(t, f, data))


# ---- solve / inv / det ----------------------------------------------------------------------
grad_case64("linalg/solve_vector", lambda t, a, b: t.linalg.solve(a, b), G, V3)
grad_case64("linalg/solve_matrix", lambda t, a, b: t.linalg.solve(a, b), G, W[::-1] + [V3])
grad_case64("linalg/solve_right", lambda t, a, b: t.linalg.solve(a, b, left=False), G, W)
grad_case("linalg/solve_broadcast", lambda t, a, b: t.linalg.solve(a.expand(2, 3, 3), b), G,
          [[1.0], [2.0], [-1.0]])
grad_case("linalg/inv", lambda t, a: t.linalg.inv(a), G)
grad_case("linalg/inverse_method", lambda t, a: a.inverse(), S2)
grad_case("linalg/det", lambda t, a: t.linalg.det(a), G)
grad_case("linalg/det_method_batched", lambda t, a: a.reshape(1, 3, 3).expand(2, 3, 3).det(), G)
grad_case("linalg/logdet", lambda t, a: t.logdet(a), SPD)
grad_case("linalg/slogdet_logabsdet", lambda t, a: t.linalg.slogdet(a).logabsdet, G)
add("linalg/slogdet_return_types", lambda t: (t.slogdet(T(t, G)), t.linalg.slogdet(L(t, S2))))
add("linalg/det_singular_values", lambda t: (t.det(T(t, SING)), t.det(T(t, [[1.0, 2, 3], [4, 5, 6],
                                                                              [7, 8, 9]])),
                                             t.slogdet(T(t, SING)), t.logdet(T(t, SING)),
                                             t.logdet(T(t, [[0.0, 1], [1, 0]]))))


@case("linalg/det_singular_grad")
def _(t):
    a = L(t, SING)
    t.det(a).backward()
    b = L(t, SING, t.float64)
    g, = t.autograd.grad(t.det(b), b, create_graph=True)
    return a.grad, g


second_case("linalg/det_second_order", lambda t, a: t.linalg.det(a), G)
second_case("linalg/inv_second_order", lambda t, a: (t.linalg.inv(a) * a).sum(), G)
second_case("linalg/solve_second_order", lambda t, a: t.linalg.solve(a, a[0]).sum(), G)
second_case("linalg/slogdet_second_order", lambda t, a: t.slogdet(a)[1], G)
add("linalg/inv_singular", lambda t: t.linalg.inv(T(t, SING)), error=True)
# Small systems (up to 7x7, 4x4 with left=False) bit for bit as MKL solves them (its own
# order of divisions and reciprocals): Newton's method in float64 prints .item() in full.
add("linalg/solve_inv_small_bits", seeded(4, lambda t: [
    (t.linalg.solve(a, b).tolist(), t.linalg.inv(a).tolist(), t.inverse(a.double()).tolist(),
     t.linalg.solve(a, b.mT, left=False).tolist() if n <= 4 else None)
    for n in range(1, 8) for a, b in [(t.randn(3, n, n), t.randn(3, n, 2))]]))
add("linalg/solve_newton_step_float64_bits", seeded(5, lambda t: [
    t.linalg.solve(h + h.T + 4 * t.eye(2, dtype=t.float64), g).tolist()
    for h, g in [(t.randn(2, 2, dtype=t.float64), t.randn(2, dtype=t.float64))] * 3]))
# Exactly singular in any rounding order ([[1, 2, 3], [4, 5, 6], [7, 8, 9]] is singular
# only to MKL's rounding on some processors).
add("linalg/inverse_singular_3x3", lambda t: t.inverse(T(t, [[1.0, 2, 3], [2, 4, 6], [0, 0, 1]])),
    error=True)
add("linalg/solve_triangular_zero_diagonal",
    lambda t: t.linalg.solve_triangular(T(t, [[1.0, 0], [0, 0]]), t.ones(2, 1), upper=True))
add("linalg/inv_batch_singular", lambda t: t.linalg.inv(t.stack([t.eye(2), T(t, SING)])),
    error=True)
add("linalg/inv_not_square", lambda t: t.linalg.inv(t.ones(2, 3)), error=True)
add("linalg/inv_int", lambda t: t.linalg.inv(T(t, [[1, 2], [3, 4]])), error=True)
add("linalg/inv_1d", lambda t: t.inverse(t.ones(3)), error=True)
add("linalg/inv_half", lambda t: t.linalg.inv(t.eye(2, dtype=t.float16)), error=True)
add("linalg/det_int", lambda t: t.det(T(t, [[1, 2], [3, 4]])), error=True)
add("linalg/det_not_square", lambda t: t.linalg.det(t.ones(2, 3)), error=True)
add("linalg/logdet_int", lambda t: t.logdet(T(t, [[1, 2], [3, 4]])), error=True)
add("linalg/solve_singular", lambda t: t.linalg.solve(T(t, SING), t.ones(2)), error=True)
add("linalg/solve_batch_singular",
    lambda t: t.linalg.solve(t.stack([t.eye(2), T(t, SING)]), t.ones(2)), error=True)
add("linalg/solve_dtypes", lambda t: t.linalg.solve(T(t, S2), t.ones(2, dtype=t.float64)),
    error=True)
add("linalg/solve_int", lambda t: t.linalg.solve(T(t, [[1, 2], [3, 4]]), t.ones(2)), error=True)
add("linalg/solve_shapes", lambda t: t.linalg.solve(t.eye(2), t.ones(3, 4)), error=True)
add("linalg/solve_right_shapes", lambda t: t.linalg.solve(t.eye(2), t.ones(2, 3), left=False),
    error=True)
add("linalg/solve_batch_mismatch",
    lambda t: t.linalg.solve(t.eye(2).expand(3, 2, 2), t.ones(2, 2, 1)), error=True)
add("linalg/solve_batched_vector", lambda t: t.linalg.solve(t.eye(2).expand(3, 2, 2) * 2,
                                                             t.ones(3, 2)))
grad_case("linalg/solve_triangular", lambda t, a, b: t.linalg.solve_triangular(a, b, upper=True),
          G, W[::-1] + [V3])
grad_case("linalg/solve_triangular_left_unit",
          lambda t, a, b: t.linalg.solve_triangular(a, b, upper=False, left=False,
                                                    unitriangular=True), G, W)

# ---- factorizations ---------------------------------------------------------------------------
grad_case("linalg/cholesky", lambda t, a: t.linalg.cholesky(a @ a.mT), G)
grad_case("linalg/cholesky_upper", lambda t, a: t.linalg.cholesky(a @ a.mT, upper=True), G)
second_case("linalg/cholesky_second_order", lambda t, a: t.linalg.cholesky(a @ a.mT).sum(), G)
add("linalg/cholesky_not_pd", lambda t: t.linalg.cholesky(T(t, [[1.0, 2], [2, 1]])), error=True)
add("linalg/cholesky_batch_not_pd",
    lambda t: t.linalg.cholesky(t.stack([t.eye(2), T(t, [[1.0, 2], [2, 1]])])), error=True)
add("linalg/cholesky_upper_reads_upper",
    lambda t: (t.linalg.cholesky(T(t, [[4.0, 100], [2, 3]])),
               t.linalg.cholesky(T(t, [[4.0, 2], [100, 3]]), upper=True)))
add("linalg/cholesky_int", lambda t: t.linalg.cholesky(T(t, [[1, 2], [3, 4]])), error=True)
add("linalg/cholesky_ex", lambda t: t.linalg.cholesky_ex(L(t, S2)))
grad_case("linalg/qr_reduced", lambda t, a: t.stack(list(t.linalg.qr(a))), G)
grad_case64("linalg/qr_tall", lambda t, a: t.linalg.qr(a.mT).Q, W)
grad_case("linalg/qr_wide", lambda t, a: t.cat(list(t.linalg.qr(a)), 1), W)
second_case("linalg/qr_second_order", lambda t, a: t.linalg.qr(a).R.sum(), G)
add("linalg/qr_modes", lambda t: (t.linalg.qr(T(t, W).mT, mode="complete"),
                                   t.linalg.qr(T(t, W).mT, mode="r")))
add("linalg/qr_bad_mode", lambda t: t.linalg.qr(T(t, W), mode="x"), error=True)
add("linalg/qr_int", lambda t: t.linalg.qr(T(t, [[1, 2], [3, 4]])), error=True)
grad_case("linalg/eigh_2x2", lambda t, a: (lambda L, V: t.cat([L[None], V]))(*t.linalg.eigh(a)),
          S2)
grad_case("linalg/eigvalsh", lambda t, a: t.linalg.eigvalsh(a + a.mT), G)
grad_case64("linalg/eigh_projector",
            lambda t, a: (lambda L, V: (V ** 4).sum(0) * L)(*t.linalg.eigh(a + a.mT)), G)
second_case("linalg/eigh_second_order",
            lambda t, a: (lambda L, V: ((V ** 4).sum(0) * L).sum())(*t.linalg.eigh(a + a.mT)), G)
add("linalg/eigh_uplo", lambda t: (t.linalg.eigh(T(t, [[1.0, 5], [2, 3]]), UPLO="U"),
                                    t.linalg.eigh(T(t, [[1.0, 5], [2, 3]]))))
add("linalg/eigh_bad_uplo", lambda t: t.linalg.eigh(t.eye(2), UPLO="X"), error=True)
add("linalg/eigh_int", lambda t: t.linalg.eigh(T(t, [[1, 2], [2, 1]])), error=True)
grad_case("linalg/svd_2x2", lambda t, a: t.cat([t.linalg.svd(a).U, t.linalg.svd(a).Vh]), S2)
grad_case("linalg/svdvals", lambda t, a: t.linalg.svdvals(a), W)
grad_case("linalg/svd_invariant", lambda t, a: (lambda U, S, Vh: (U * S) @ Vh)(
    *t.linalg.svd(a, full_matrices=False)), W)
second_case("linalg/svdvals_second_order", lambda t, a: (t.linalg.svdvals(a) ** 3).sum(), G)
add("linalg/svd_return_types", lambda t: (t.linalg.svd(T(t, [[3.0, 0.0], [1.0, 2.0]])),
                                          t.svd(L(t, S2)), t.svd(T(t, W), compute_uv=False)))
add("linalg/svd_int", lambda t: t.linalg.svdvals(T(t, [[1, 2], [3, 4]])), error=True)

# ---- pinv, lstsq, rank ---------------------------------------------------------------------------
grad_case("linalg/pinv_wide", lambda t, a: t.linalg.pinv(a), W)
grad_case("linalg/pinverse_tall", lambda t, a: a.mT.pinverse(), W)
grad_case("linalg/pinv_hermitian", lambda t, a: t.linalg.pinv(a, hermitian=True), SPD)
add("linalg/pinv_singular_and_rcond", lambda t: (t.linalg.pinv(T(t, SING)),
                                                  t.linalg.pinv(T(t, SING), rcond=0.5)))
add("linalg/pinv_int", lambda t: t.linalg.pinv(T(t, [[1, 2], [3, 4]])), error=True)
grad_case("linalg/lstsq_solution", lambda t, a, b: t.linalg.lstsq(a, b).solution,
          [[1.0, 0.5], [2.0, -1.0], [0.5, 3.0]], [[1.0], [-2.0], [0.25]])
add("linalg/lstsq_return_type", lambda t: t.linalg.lstsq(L(t, S2), T(t, [1.0, 2.0])))
add("linalg/matrix_rank", lambda t: (t.linalg.matrix_rank(T(t, SING)),
                                     t.linalg.matrix_rank(t.stack([t.eye(2), T(t, SING)])),
                                     t.linalg.matrix_rank(T(t, G), hermitian=True),
                                     t.linalg.matrix_rank(T(t, SING), atol=1.0, rtol=0.0)))
add("linalg/matrix_rank_int", lambda t: t.linalg.matrix_rank(T(t, [[1, 2], [3, 4]])), error=True)

# ---- composites: matrix_power, multi_dot, cross, kron, trapezoid, diagonal -----------------------
for _n in (0, 1, 2, 3, 5, -1, -2):
    grad_case("linalg/matrix_power_%d" % _n, lambda t, a, n=_n: t.linalg.matrix_power(a, n), S2)
add("linalg/matrix_power_int", lambda t: (t.linalg.matrix_power(T(t, [[1, 2], [3, 4]]), 3),
                                          t.matrix_power(T(t, [[1, 2], [3, 4]]), 0)))
add("linalg/matrix_power_float_n", lambda t: t.linalg.matrix_power(T(t, S2), 1.5), error=True)
add("linalg/matrix_power_not_square", lambda t: t.linalg.matrix_power(t.ones(2, 3), 2),
    error=True)
grad_case("linalg/multi_dot_2", lambda t, a: t.linalg.multi_dot([a, a.mT]), W)
grad_case("linalg/multi_dot_3", lambda t, a: t.linalg.multi_dot([a, a.mT, a]), W)
grad_case("linalg/multi_dot_4", lambda t, a: t.linalg.multi_dot([a.mT, a, a.mT, a]), W)
grad_case("linalg/multi_dot_vectors", lambda t, a: t.linalg.multi_dot([a[:, 0], a, a[0]]), W)
add("linalg/multi_dot_errors", lambda t: t.linalg.multi_dot([T(t, S2)]), error=True)
add("linalg/multi_dot_shapes", lambda t: t.linalg.multi_dot([T(t, S2), T(t, W).mT]), error=True)
add("linalg/multi_dot_dtypes", lambda t: t.linalg.multi_dot([T(t, S2), T(t, S2, t.float64)]),
    error=True)
grad_case("linalg/cross", lambda t, a, b: t.linalg.cross(a, b), W, [V3, V3[::-1]])
grad_case("linalg/cross_broadcast_dim0", lambda t, a, b: t.cross(a.mT, b, dim=0), W, [[1.0], [2.0], [3.0]])
add("linalg/cross_errors", lambda t: t.linalg.cross(t.ones(2), t.ones(2)), error=True)
add("linalg/cross_ndim", lambda t: t.linalg.cross(t.ones(2, 3), T(t, V3)), error=True)
add("linalg/cross_int", lambda t: t.linalg.cross(T(t, [1, 2, 3]), T(t, [4, 5, 6])))
grad_case("linalg/kron", lambda t, a, b: t.kron(a, b), S2, W)
grad_case("linalg/kron_vector_matrix", lambda t, a, b: a.kron(b), V3, S2)
add("linalg/kron_int", lambda t: t.kron(T(t, [1, 2]), T(t, [[1, 2], [3, 4]])))
grad_case("linalg/trapz", lambda t, y: t.trapz(y), V3)
grad_case("linalg/trapezoid_dx_dim", lambda t, y: t.trapezoid(y, dx=0.5, dim=0), W)
grad_case("linalg/trapezoid_x", lambda t, y, x: t.trapezoid(y, x), W, [0.0, 1.0, 3.0])
add("linalg/trapezoid_int_empty", lambda t: (t.trapezoid(T(t, [1, 2, 3])), t.trapz(t.ones(0))))
add("linalg/trapezoid_bad_x", lambda t: t.trapz(T(t, W), t.arange(2.0)), error=True)
grad_case("linalg/diagonal", lambda t, a: t.linalg.diagonal(a.reshape(1, 2, 3), offset=1), W)

# ---- norms -----------------------------------------------------------------------------------
grad_case("linalg/norm_default", lambda t, a: t.linalg.norm(a), G)
grad_case("linalg/norm_vector_ord", lambda t, a: t.linalg.norm(a, 1), V3)
grad_case("linalg/norm_dim", lambda t, a: t.linalg.norm(a, dim=1), G)
grad_case("linalg/vector_norm_inf", lambda t, a: t.linalg.vector_norm(a, float("inf")), V3)
grad_case("linalg/vector_norm_dims", lambda t, a: t.linalg.vector_norm(a, 3, (0, 1)), W)
for _ord in ("fro", "nuc", 2, -2, 1, -1, float("inf"), float("-inf")):
    grad_case("linalg/matrix_norm_%s" % _ord, lambda t, a, o=_ord: t.linalg.matrix_norm(a, o), G)
    add("linalg/matrix_norm_keepdim_%s" % _ord,
        lambda t, o=_ord: t.linalg.matrix_norm(t.arange(12.0).reshape(2, 3, 2) - 5, o,
                                               dim=(0, 2), keepdim=True))
grad_case("linalg/norm_nuc", lambda t, a: t.norm(a, "nuc"), W)
grad_case("linalg/norm_matrix_ord", lambda t, a: t.linalg.norm(a, 2), W)
add("linalg/norm_errors_3d", lambda t: t.linalg.norm(t.ones(2, 2, 2), 2), error=True)
add("linalg/norm_errors_dims", lambda t: t.linalg.norm(t.ones(2, 3), 1, dim=(0, 1, 2)),
    error=True)
add("linalg/matrix_norm_bad_ord", lambda t: t.linalg.matrix_norm(t.ones(2, 2), 3), error=True)
add("linalg/matrix_norm_bad_str", lambda t: t.linalg.matrix_norm(t.ones(2, 2), "abc"),
    error=True)
add("linalg/matrix_norm_same_dims", lambda t: t.linalg.matrix_norm(t.ones(2, 2), dim=(0, 0)),
    error=True)
add("linalg/matrix_norm_int", lambda t: t.linalg.matrix_norm(t.ones(2, 2, dtype=t.int64)),
    error=True)
add("linalg/norm_fro_vector", lambda t: t.linalg.norm(t.ones(3), "fro"), error=True)
add("linalg/norm_nuc_3d", lambda t: t.ones(2, 3, 2).norm("nuc"), error=True)
add("linalg/vector_norm_str", lambda t: t.linalg.vector_norm(t.ones(2), "fro"), error=True)


@case("linalg/graphs")
def _(t):
    a = L(t, S2)
    return [graph(f(a).grad_fn) for f in (
        lambda a: t.logdet(a), lambda a: t.linalg.matrix_power(a, 5),
        lambda a: t.linalg.matrix_power(a, -2), lambda a: t.linalg.matrix_norm(a, 2),
        lambda a: t.linalg.multi_dot([a[0], a, a[1]]), lambda a: t.kron(a, a),
        lambda a: t.trapz(a, a[0]), lambda a: t.svd(a)[2], lambda a: t.linalg.svdvals(a))]
