"""Cases for test_vs_torch.py: the functions learners reach for beyond the core set --
repeat_interleave, diff, broadcast_to, ravel, fliplr/flipud/rot90, diagflat, block_diag,
cartesian_prod, combinations, tril/triu_indices, unravel_index, positive, adjoint; the
special functions and torch.special; products and statistics. Registered into
torch_cases.CASES."""

from torch_cases import add, T, L, A, V, W, I, grad_case, forward_graph

M = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
V3 = [1.0, 2.0, 3.0]

# ---- repeat_interleave -------------------------------------------------------------------
grad_case("repeat_interleave_grad/int_flat", lambda t, x: x.repeat_interleave(2), A)
grad_case("repeat_interleave_grad/int_dim", lambda t, x: t.repeat_interleave(x, 3, dim=1), A)
grad_case("repeat_interleave_grad/int_output_size",
          lambda t, x: x.repeat_interleave(2, dim=0, output_size=4), A)
grad_case("repeat_interleave_grad/tensor_dim",
          lambda t, x: x.repeat_interleave(t.tensor([1, 2]), dim=0), A)
grad_case("repeat_interleave_grad/tensor_flat",
          lambda t, x: x.repeat_interleave(t.tensor([1, 0, 2, 1, 1, 3])), A)
grad_case("repeat_interleave_grad/one_repeat", lambda t, x: x.repeat_interleave(t.tensor([2]), 1), A)
grad_case("repeat_interleave_grad/zero_dim_repeat",
          lambda t, x: x.repeat_interleave(t.tensor(2), dim=-1), V)
add("repeat_interleave/counts", lambda t: (t.repeat_interleave(T(t, [1, 2, 3])),
                                           t.repeat_interleave(T(t, [2, 0, 1], t.int32)),
                                           t.repeat_interleave(T(t, [], t.int64)),
                                           T(t, 3.0).repeat_interleave(2),
                                           T(t, A).repeat_interleave(0, dim=1)))
add("repeat_interleave/wrong_size",
    lambda t: T(t, A).repeat_interleave(T(t, [1, 2, 3]), dim=0), error=True)
add("repeat_interleave/two_dim_repeats",
    lambda t: T(t, A).repeat_interleave(T(t, [[2]]), dim=0), error=True)
add("repeat_interleave/negative_repeats",
    lambda t: T(t, A).repeat_interleave(T(t, [1, -2]), dim=0), error=True)
add("repeat_interleave/float_repeats",
    lambda t: T(t, A).repeat_interleave(T(t, [1.0, 2.0]), dim=0), error=True)
add("repeat_interleave/negative_int", lambda t: T(t, A).repeat_interleave(-1), error=True)
add("repeat_interleave/dim_out_of_range", lambda t: T(t, A).repeat_interleave(2, dim=2),
    error=True)
add("repeat_interleave/output_size_wrong",
    lambda t: T(t, A).repeat_interleave(T(t, [1, 2]), dim=0, output_size=4), error=True)
add("repeat_interleave/counts_two_dim", lambda t: t.repeat_interleave(T(t, [[1, 2]])),
    error=True)
add("repeat_interleave/counts_zero_dim", lambda t: t.repeat_interleave(T(t, 2)), error=True)

# ---- diff --------------------------------------------------------------------------------
grad_case("diff_grad/default", lambda t, x: x.diff(), A)
grad_case("diff_grad/dim0", lambda t, x: t.diff(x, dim=0), A)
grad_case("diff_grad/second_order", lambda t, x: x.diff(n=2), [1.0, 4.0, 9.0, 16.0])
grad_case("diff_grad/n_past_size", lambda t, x: x.diff(n=5), A)
grad_case("diff_grad/n_zero", lambda t, x: x.diff(n=0), A)
grad_case("diff_grad/prepend_append",
          lambda t, x: x.diff(prepend=t.tensor([0.0]), append=t.tensor([9.0, 8.0])), V)
grad_case("diff_grad/prepend_leaf", lambda t, x, p: x.diff(dim=0, prepend=p), A, [[7.0, 8.0, 9.0]])
add("diff/bool_and_int", lambda t: (T(t, [True, False, False]).diff(), T(t, [1, 5, 2]).diff(),
                                    T(t, [1, 5, 2]).diff(prepend=T(t, [1.5])),
                                    T(t, V3).diff(prepend=T(t, [1.0], t.float64))))
add("diff/zero_dim", lambda t: T(t, 1.0).diff(), error=True)
add("diff/negative_n", lambda t: T(t, A).diff(n=-1), error=True)
add("diff/dim_out_of_range", lambda t: T(t, A).diff(dim=2), error=True)
add("diff/prepend_ndim", lambda t: T(t, A).diff(prepend=T(t, V3)), error=True)
add("diff/prepend_shape", lambda t: T(t, A).diff(prepend=T(t, [[0.0]])), error=True)
add("diff/append_zero_dim", lambda t: T(t, A).diff(append=T(t, 0.0)), error=True)

# ---- views, flips, rotations ---------------------------------------------------------------
grad_case("broadcast_to_grad/tuple", lambda t, x: x.broadcast_to((2, 3)), V)
grad_case("broadcast_to_grad/function", lambda t, x: t.broadcast_to(x, [4, 2, 3]), A)
add("broadcast_to/varargs_and_bad", lambda t: (T(t, V).broadcast_to(2, 3),
                                               T(t, V).broadcast_to((3, 2))), error=True)
grad_case("ravel_grad/contiguous", lambda t, x: x.ravel(), A)
grad_case("ravel_grad/transposed", lambda t, x: t.ravel(x.t()), A)
grad_case("fliplr_grad/matrix", lambda t, x: x.fliplr(), A)
grad_case("flipud_grad/matrix", lambda t, x: t.flipud(x), A)
grad_case("flipud_grad/vector", lambda t, x: x.flipud(), V)
add("fliplr/vector", lambda t: T(t, V).fliplr(), error=True)
add("flipud/zero_dim", lambda t: T(t, 1.0).flipud(), error=True)
grad_case("rot90_grad/default", lambda t, x: x.rot90(), A)
grad_case("rot90_grad/k2", lambda t, x: t.rot90(x, 2), A)
grad_case("rot90_grad/negative", lambda t, x: x.rot90(-1, [0, 1]), A)
grad_case("rot90_grad/k0", lambda t, x: x.rot90(0), A)
grad_case("rot90_grad/reversed_dims", lambda t, x: x.rot90(5, (1, 0)), A)
add("rot90/vector", lambda t: T(t, V).rot90(), error=True)
add("rot90/one_dim_given", lambda t: T(t, A).rot90(1, [0]), error=True)
add("rot90/same_dims", lambda t: T(t, A).rot90(1, [0, 0]), error=True)
add("rot90/same_wrapped", lambda t: T(t, A).rot90(1, [1, -1]), error=True)
add("rot90/dim_out_of_range", lambda t: T(t, A).rot90(1, [0, 2]), error=True)
grad_case("adjoint_grad/matrix", lambda t, x: x.adjoint(), A)
grad_case("adjoint_grad/function", lambda t, x: t.adjoint(x), [A, A])
add("adjoint/vector", lambda t: T(t, V).adjoint(), error=True)
add("positive/values", lambda t: (t.positive(T(t, [1, 2])), L(t, A).positive()))
add("positive/bool", lambda t: T(t, [True]).positive(), error=True)
grad_case("diagflat_grad/matrix", lambda t, x: x.diagflat(), A)
grad_case("diagflat_grad/offset", lambda t, x: t.diagflat(x, -1), V)

# ---- block_diag, cartesian_prod, combinations -------------------------------------------------
grad_case("block_diag_grad/mixed", lambda t, a, b, c: t.block_diag(a, b, c), A, V, 5.0)
grad_case("block_diag_grad/with_constant",
          lambda t, a: t.block_diag(a, t.tensor([[1, 2]]), t.tensor(5.0)), A)
add("block_diag/dtypes_and_empty", lambda t: (t.block_diag(),
                                              t.block_diag(T(t, [1, 2]), T(t, [[1.5]])),
                                              t.block_diag(t.ones(2, 0), t.ones(0, 3)),
                                              t.block_diag(T(t, [1, 2]), T(t, 3, t.int32))))
add("block_diag/three_dims", lambda t: t.block_diag(t.ones(1, 1, 1)), error=True)
grad_case("cartesian_prod_grad/two", lambda t, a, b: t.cartesian_prod(a, b), V, [4.0, 5.0])
grad_case("cartesian_prod_grad/three", lambda t, a: t.cartesian_prod(a, a, a), [1.0, 2.0])
add("cartesian_prod/one", lambda t: t.cartesian_prod(L(t, V)))
add("cartesian_prod/ints", lambda t: t.cartesian_prod(T(t, [1, 2]), T(t, [3, 4, 5])))
add("cartesian_prod/matrix", lambda t: t.cartesian_prod(T(t, A)), error=True)
add("cartesian_prod/dtypes_differ", lambda t: t.cartesian_prod(T(t, V), T(t, [1, 2])),
    error=True)
add("cartesian_prod/none", lambda t: t.cartesian_prod(), error=True)
grad_case("combinations_grad/pairs", lambda t, x: t.combinations(x), [1.0, 2.0, 3.0, 4.0])
grad_case("combinations_grad/triples", lambda t, x: t.combinations(x, 3), [1.0, 2.0, 3.0, 4.0])
grad_case("combinations_grad/with_replacement",
          lambda t, x: t.combinations(x, 2, with_replacement=True), V)
add("combinations/edges", lambda t: (t.combinations(T(t, V), 0), t.combinations(T(t, V), 4),
                                     t.combinations(T(t, [1, 2, 3]), r=3, with_replacement=True)))
add("combinations/matrix", lambda t: t.combinations(T(t, A)), error=True)
add("combinations/negative_r", lambda t: t.combinations(T(t, V), -1), error=True)

# ---- index arithmetic ------------------------------------------------------------------------
add("tril_indices/shapes", lambda t: (t.tril_indices(3, 3), t.tril_indices(4, 3, -1),
                                      t.tril_indices(3, 3, dtype=t.int32), t.tril_indices(0, 3),
                                      t.tril_indices(2, 5, 2)))
add("triu_indices/shapes", lambda t: (t.triu_indices(3, 4, 1), t.triu_indices(3, 3, 5),
                                      t.triu_indices(3, 3, -5), t.triu_indices(4, 2)))
add("tril_indices/float_dtype", lambda t: t.tril_indices(3, 3, dtype=t.float32), error=True)
add("tril_indices/negative_col", lambda t: t.tril_indices(3, -3), error=True)
add("triu_indices/negative_row", lambda t: t.triu_indices(-1, 3), error=True)
add("unravel_index/values", lambda t: (t.unravel_index(T(t, [4, 1]), (2, 3)),
                                       t.unravel_index(T(t, 4), (2, 3)),
                                       t.unravel_index(T(t, [4, 10, -1]), (2, 3)),
                                       t.unravel_index(T(t, [[1, 2], [3, 5]]), (2, 3)),
                                       t.unravel_index(T(t, [1]), 6),
                                       t.unravel_index(T(t, [1], t.int32), t.Size([2, 3])),
                                       t.unravel_index(T(t, [0]), ())))
add("unravel_index/float", lambda t: t.unravel_index(T(t, [1.0]), (2, 3)), error=True)
add("unravel_index/bool", lambda t: t.unravel_index(T(t, [True]), (2, 3)), error=True)
add("unravel_index/negative_shape", lambda t: t.unravel_index(T(t, [1]), (2, -3)), error=True)
add("unravel_index/float_shape", lambda t: t.unravel_index(T(t, [1]), (2, 3.0)), error=True)

# ---- special functions ---------------------------------------------------------------------
INF = float("inf")
NAN = float("nan")
EDGES = [-2.5, -1.0, 0.0, 0.5, 1.0, 3.7, 12.0, INF, NAN, -0.0]
POS = [0.5, 1.5, 2.5, 7.25]
UNIT = [-0.9, -0.3, 0.0, 0.45, 0.99]
MANY = [(-7.3 + 0.61 * i) * (1 if i % 3 else 0.37) for i in range(40)]

grad_case("lgamma_grad/positive", lambda t, x: x.lgamma(), POS)
grad_case("digamma_grad/positive", lambda t, x: t.digamma(x), POS)
grad_case("polygamma_grad/n0", lambda t, x: t.polygamma(0, x), POS)
grad_case("polygamma_grad/n1", lambda t, x: x.polygamma(1), POS)
grad_case("polygamma_grad/n3", lambda t, x: t.polygamma(3, x), POS)
grad_case("mvlgamma_grad/p2", lambda t, x: x.mvlgamma(2), [1.5, 2.5, 4.0])
grad_case("mvlgamma_grad/p3", lambda t, x: t.mvlgamma(x, p=3), [[1.5, 2.5], [4.0, 9.0]])
grad_case("erfc_grad/values", lambda t, x: x.erfc(), V)
grad_case("erfinv_grad/values", lambda t, x: t.erfinv(x), UNIT)
grad_case("sinc_grad/values", lambda t, x: x.sinc(), [0.0, 0.5, -1.5, 2.25])
grad_case("logaddexp2_grad/broadcast", lambda t, x, y: t.logaddexp2(x, y), A, V)
grad_case("logcumsumexp_grad/dim1", lambda t, x: x.logcumsumexp(1), A)
grad_case("logcumsumexp_grad/dim0", lambda t, x: t.logcumsumexp(x, dim=0), A)
grad_case("copysign_grad/tensors", lambda t, x, y: x.copysign(y), V, [-1.0, 0.0, -0.0])
grad_case("copysign_grad/scalar", lambda t, x: t.copysign(x, -1.0), V)
grad_case("deg2rad_grad/values", lambda t, x: x.deg2rad(), V)
grad_case("rad2deg_grad/values", lambda t, x: t.rad2deg(x), V)
add("special_functions/edges", lambda t: (t.tensor(EDGES).lgamma(), t.tensor(EDGES).digamma(),
                                          t.tensor(EDGES).polygamma(1),
                                          t.tensor(EDGES).polygamma(2),
                                          t.tensor(EDGES).polygamma(3), t.tensor(EDGES).erfc(),
                                          t.tensor(EDGES).sinc(), t.tensor(EDGES).deg2rad(),
                                          t.tensor(EDGES).rad2deg(),
                                          (t.tensor(EDGES) + 3).mvlgamma(2)))
add("special_functions/float32_bits", lambda t: [
    [v.item() for v in f(t.tensor(MANY))] for f in (
        lambda x: x.digamma(), lambda x: x.polygamma(1), lambda x: x.polygamma(2),
        lambda x: x.sinc(), lambda x: (x / 8).erfinv(), lambda x: x.deg2rad(),
        lambda x: x.logcumsumexp(0))])
add("special_functions/float64", lambda t: (t.tensor(MANY, dtype=t.float64).digamma(),
                                            t.tensor(MANY, dtype=t.float64).polygamma(3),
                                            t.tensor(MANY, dtype=t.float64).sinc()))
add("special_functions/ints", lambda t: (t.lgamma(T(t, [1, 2, 3])), t.digamma(T(t, [1, 2, 3])),
                                         t.polygamma(2, T(t, [1, 2])), t.erfc(T(t, [1, 2])),
                                         t.erfinv(T(t, [1, 0])), t.sinc(T(t, [1, 2])),
                                         t.copysign(T(t, [1, 2]), -1), t.deg2rad(T(t, [90])),
                                         t.mvlgamma(T(t, [2, 3]), 1)))
add("special_functions/inplace", lambda t: (T(t, POS).lgamma_(), T(t, POS).digamma_(),
                                            T(t, POS).polygamma_(2), T(t, POS).erfc_(),
                                            T(t, [0.5]).erfinv_(), T(t, POS).sinc_(),
                                            T(t, POS).copysign_(-1.0), T(t, POS).deg2rad_(),
                                            T(t, POS).rad2deg_(), T(t, POS).mvlgamma_(1)))
add("special_functions/inplace_nodes", lambda t: [
    (lambda y: (f(y), y.grad_fn)[1])(L(t, POS) * 1) for f in (
        lambda y: y.lgamma_(), lambda y: y.polygamma_(2), lambda y: y.copysign_(-1.0))])
add("logcumsumexp/edges", lambda t: (t.tensor([-INF, 0.0]).logcumsumexp(0),
                                     t.tensor(EDGES).logcumsumexp(0),
                                     t.tensor(2.0).logcumsumexp(0)))
add("logcumsumexp/int", lambda t: t.logcumsumexp(T(t, [1, 2]), 0), error=True)
add("logcumsumexp/dim", lambda t: t.logcumsumexp(T(t, V), 1), error=True)
add("logaddexp2/int", lambda t: t.logaddexp2(T(t, [1]), T(t, [2])), error=True)
add("logaddexp2/values", lambda t: t.tensor(EDGES).logaddexp2(t.tensor(EDGES).flip(0)))
add("polygamma/negative_n", lambda t: t.polygamma(-1, T(t, V)), error=True)
add("polygamma/float_n", lambda t: t.polygamma(2.5, T(t, V)), error=True)
add("mvlgamma/p0", lambda t: t.mvlgamma(T(t, V), 0), error=True)
add("mvlgamma/bool", lambda t: t.mvlgamma(T(t, [True]), 1), error=True)
add("copysign/zeros_and_nan", lambda t: (T(t, [1.0, 2.0]).copysign(T(t, [-0.0, NAN])),
                                         t.copysign(T(t, EDGES), T(t, [1]))))
add("gcd_lcm/values", lambda t: (t.gcd(T(t, [1, 2, 3]), T(t, [4, 6, 9])),
                                 t.lcm(T(t, [1, 2, 3]), T(t, [4, 6, 9])),
                                 T(t, [1, 2, 3]).lcm(T(t, [-4, 0, 9], t.int32)),
                                 T(t, [12, 18]).gcd_(T(t, [8, 27]))))
add("gcd/float", lambda t: t.gcd(T(t, V), T(t, V)), error=True)
add("gcd/python_number", lambda t: t.gcd(T(t, [1]), 2), error=True)

# ---- torch.special ---------------------------------------------------------------------------
grad_case("special_grad/entr", lambda t, x: t.special.entr(x), [0.0, 0.5, 2.0, -1.0])
grad_case("special_grad/aliases", lambda t, x: t.stack([
    t.special.erf(x), t.special.expit(x), t.special.gammaln(x + 2), t.special.psi(x + 2),
    t.special.digamma(x + 2), t.special.polygamma(1, x + 2), t.special.multigammaln(x + 2, 2),
    t.special.erfc(x), t.special.erfinv(x / 3), t.special.sinc(x), t.special.expm1(x),
    t.special.exp2(x), t.special.log1p(x + 2), t.special.round(x), t.special.ndtr(x),
    t.special.logit(x / 3 + 0.5), t.special.xlogy(x, x + 2)]), V)
grad_case("special_grad/reductions", lambda t, x: t.stack([
    t.special.softmax(x, 0)[0], t.special.log_softmax(x, 1)[0],
    t.special.logsumexp(x, 1)]), [V, W, V])
add("special/round_decimals", lambda t: (t.special.round(T(t, [1.25, 2.5]), decimals=1),
                                         t.special.softmax(T(t, [1, 2]), 0, dtype=t.float64)))
add("special/round_int", lambda t: t.special.round(T(t, [1, 2])), error=True)

# ---- products ----------------------------------------------------------------------------------
B2 = [[1.0, -1.0, 2.0], [0.0, 3.0, 1.0]]
U2 = [1.0, -2.0]
M2 = [[1.0, 2.0], [3.0, 4.0]]
BATCH1 = [[[0.5, 1.0, -1.0], [2.0, 0.0, 1.5]], [[1.0, 1.0, 2.0], [-0.5, 3.0, 0.25]]]
BATCH2 = [[[1.0, 0.5], [-1.0, 2.0], [0.0, 1.0]], [[2.0, -1.0], [1.0, 0.5], [0.5, 0.5]]]

grad_case("inner_grad/vectors", lambda t, a, b: t.inner(a, b), V, W)
grad_case("inner_grad/matrices", lambda t, a, b: a.inner(b), A, B2)
grad_case("inner_grad/matrix_vector", lambda t, a, b: t.inner(a, b), A, V)
grad_case("inner_grad/scalar", lambda t, a, b: t.inner(a, b), V, 2.0)
grad_case("vdot_grad/vectors", lambda t, a, b: a.vdot(b), V, W)
grad_case("tensordot_grad/int", lambda t, a, b: t.tensordot(a, b, 1), A, [[1.0, 2.0], [0.5, -1.0],
                                                                          [2.0, 0.0]])
grad_case("tensordot_grad/lists", lambda t, a, b: t.tensordot(a, b, dims=([1], [1])), A, B2)
grad_case("tensordot_grad/outer", lambda t, a, b: t.tensordot(a, b, 0), V, W)
grad_case("tensordot_grad/full", lambda t, a, b: t.tensordot(a, b, 2), A, B2)
grad_case("tensordot_grad/broadcast_dim", lambda t, a, b: t.tensordot(a, b, ([1, 2], [0, 1])),
          [[[1.0, 2.0, 3.0]], [[4.0, 5.0, 6.0]]], [[0.5, -1.0, 2.0]])
add("tensordot/three_d", lambda t: t.tensordot(t.arange(60.).reshape(3, 4, 5),
                                               t.arange(24.).reshape(4, 3, 2), dims=([1, 0], [0, 1])))
add("tensordot/dims_too_many", lambda t: t.tensordot(T(t, A), T(t, A), 3), error=True)
add("tensordot/dims_negative", lambda t: t.tensordot(T(t, A), T(t, A), -1), error=True)
add("tensordot/mismatch", lambda t: t.tensordot(T(t, A), T(t, A), ([0], [1])), error=True)
add("tensordot/list_lengths", lambda t: t.tensordot(T(t, A), T(t, A), ([0, 1], [1])), error=True)
add("tensordot/dtypes", lambda t: t.tensordot(T(t, A), T(t, A, t.float64), 1), error=True)
add("tensordot/float_dims", lambda t: t.tensordot(T(t, A), T(t, A), dims=1.5), error=True)
add("inner/last_dim", lambda t: t.inner(T(t, A), T(t, U2)), error=True)
add("vdot/errors", lambda t: t.vdot(T(t, A), T(t, A)), error=True)
add("vdot/sizes", lambda t: t.vdot(T(t, V), T(t, U2)), error=True)
add("vdot/int", lambda t: t.vdot(T(t, [1, 2]), T(t, [3, 4])))
grad_case("addmv_grad/default", lambda t, a, m, v: t.addmv(a, m, v), U2, A, V)
grad_case("addmv_grad/beta_alpha", lambda t, a, m, v: a.addmv(m, v, beta=0.5, alpha=2), U2, A, V)
grad_case("addmv_grad/scalar_input", lambda t, a, m, v: t.addmv(a, m, v), 1.0, A, V)
grad_case("addr_grad/default", lambda t, a, u, v: t.addr(a, u, v), A, U2, V)
grad_case("addr_grad/beta_alpha", lambda t, a, u, v: a.addr(u, v, beta=2, alpha=0.5), A, U2, V)
grad_case("addr_grad/broadcast", lambda t, a, u, v: t.addr(a, u, v), [1.0], U2, V)
grad_case("baddbmm_grad/default", lambda t, a, b, c: t.baddbmm(a, b, c), M2, BATCH1, BATCH2)
grad_case("baddbmm_grad/beta_alpha", lambda t, a, b, c: a.baddbmm(b, c, beta=0.5, alpha=2),
          [[[1.0, 2.0], [3.0, 4.0]], [[0.0, 1.0], [1.0, 0.0]]], BATCH1, BATCH2)
grad_case("addbmm_grad/default", lambda t, a, b, c: t.addbmm(a, b, c), M2, BATCH1, BATCH2)
grad_case("addbmm_grad/beta_zero", lambda t, a, b, c: a.addbmm(b, c, beta=0, alpha=2), M2, BATCH1,
          BATCH2)
add("addmv/beta_zero_nan", lambda t: t.addmv(T(t, [NAN, 1.0]), T(t, A), T(t, V), beta=0))
add("addmv/vec_size", lambda t: t.addmv(T(t, U2), T(t, A), T(t, U2)), error=True)
add("addmv/vector_mat", lambda t: t.addmv(T(t, U2), T(t, V), T(t, V)), error=True)
add("addmv/dtypes", lambda t: t.addmv(T(t, U2), T(t, A), T(t, V, t.float64)), error=True)
add("addr/matrix_vec", lambda t: t.addr(T(t, A), T(t, A), T(t, V)), error=True)
add("addr/input_shape", lambda t: t.addr(t.ones(3, 3), T(t, U2), T(t, V)), error=True)
add("addr/int", lambda t: t.addr(t.ones(2, 3, dtype=t.int64), T(t, [1, 2]), T(t, [1, 2, 3]),
                                 alpha=2))
add("addr/int_float_alpha", lambda t: t.addr(t.ones(2, 3, dtype=t.int64), T(t, [1, 2]),
                                             T(t, [1, 2, 3]), alpha=0.5), error=True)
add("baddbmm/batch2_shape", lambda t: t.baddbmm(t.ones(2, 2, 2), t.ones(2, 2, 3),
                                                t.ones(2, 2, 2)), error=True)
add("baddbmm/not_3d", lambda t: t.baddbmm(t.ones(2, 2, 2), t.ones(2, 2), t.ones(2, 2, 2)),
    error=True)
add("addbmm/batches", lambda t: t.addbmm(t.ones(2, 2), t.ones(2, 2, 3), t.ones(3, 3, 2)),
    error=True)
add("addbmm/input_shape", lambda t: t.addbmm(t.ones(3, 3), t.ones(2, 2, 3), t.ones(2, 3, 2)),
    error=True)
add("products/inplace", lambda t: (T(t, U2).addmv_(T(t, A), T(t, V)),
                                   T(t, A).addr_(T(t, U2), T(t, V), alpha=2),
                                   T(t, M2).addbmm_(T(t, BATCH1), T(t, BATCH2))))

# ---- statistics ---------------------------------------------------------------------------------
grad_case("cov_grad/default", lambda t, x: x.cov(), A)
grad_case("cov_grad/correction0", lambda t, x: t.cov(x, correction=0), A)
grad_case("cov_grad/vector", lambda t, x: x.cov(), [1.0, 2.0, 4.0, 7.0])
grad_case("cov_grad/fweights", lambda t, x: t.cov(x, fweights=t.tensor([1, 2, 1])), A)
grad_case("cov_grad/aweights", lambda t, x: t.cov(x, aweights=t.tensor([0.5, 1.0, 2.0])), A)
grad_case("cov_grad/both_weights", lambda t, x: t.cov(x, correction=2, fweights=t.tensor([1, 2, 3]),
                                                      aweights=t.tensor([0.5, 1.0, 2.0])), A)
grad_case("corrcoef_grad/matrix", lambda t, x: x.corrcoef(), [[1.0, 2.0, 4.0], [3.0, 1.0, 0.5],
                                                              [2.0, 2.5, 1.0]])
grad_case("corrcoef_grad/vector", lambda t, x: t.corrcoef(x), V)
add("cov/dof_warning", lambda t: t.cov(T(t, [[1.0, 2.0]]), correction=2))
add("cov/int", lambda t: (t.cov(T(t, I)), t.corrcoef(T(t, I))))
add("cov/three_dims", lambda t: t.cov(t.ones(2, 2, 2)), error=True)
add("cov/bool", lambda t: t.cov(T(t, [True, False])), error=True)
add("cov/fweights_float", lambda t: t.cov(T(t, A), fweights=T(t, [1.0, 2.0, 1.0])), error=True)
add("cov/aweights_int", lambda t: t.cov(T(t, A), aweights=T(t, [1, 2, 1])), error=True)
add("cov/weights_numel", lambda t: t.cov(T(t, A), fweights=T(t, [1, 2])), error=True)
add("cov/weights_negative", lambda t: t.cov(T(t, A), fweights=T(t, [1, -2, 1])), error=True)
add("cov/weights_zero", lambda t: t.cov(T(t, A), fweights=T(t, [0, 0, 0])), error=True)
grad_case("dist_grad/p2", lambda t, a, b: a.dist(b), A, B2)
grad_case("dist_grad/p1_broadcast", lambda t, a, b: t.dist(a, b, 1), A, V)
grad_case("dist_grad/inf", lambda t, a, b: t.dist(a, b, float("inf")), A, B2)
grad_case("dist_grad/p3", lambda t, a, b: t.dist(a, b, p=3), A, B2)
add("dist/p0_and_double", lambda t: (t.dist(T(t, A), T(t, B2), 0),
                                     T(t, V).dist(T(t, W, t.float64))))
add("dist/int", lambda t: t.dist(T(t, [1, 2]), T(t, [0, 0])), error=True)
NANS = [[1.0, 5.0, 3.0, 2.0], [4.0, NAN, 6.0, 0.0], [NAN, NAN, NAN, NAN]]
grad_case("nanmedian_grad/all", lambda t, x: x.nanmedian(), NANS)
grad_case("nanmedian_grad/dim", lambda t, x: t.nanmedian(x, 1)[0], NANS)
grad_case("nanmedian_grad/dim_keep", lambda t, x: x.nanmedian(0, keepdim=True).values, NANS)
add("nanmedian/indices", lambda t: (T(t, NANS).nanmedian(1), T(t, NANS).nanmedian(0),
                                    T(t, [[NAN, NAN]]).nanmedian(), T(t, [3, 1, 2]).nanmedian()))
add("nanmedian/empty_dim", lambda t: t.ones(2, 0).nanmedian(1), error=True)
add("histc/values", lambda t: (t.histc(L(t, [1.0, 2, 1, 4, 2.5, -1, 7]), bins=4),
                               t.histc(T(t, [1.0, 2, 1, 4, 2.5, -1, 7]), bins=4, min=0, max=3),
                               T(t, [1.0, 2, 1, 4, 2.5, -1, 7]).histc(5, 1, 1),
                               t.histc(T(t, [1.0, 2, 1], t.float64), 3),
                               t.histc(T(t, [0.1, 0.2, 0.3, 0.7]), 10, 0, 1),
                               t.histc(T(t, [2.0, 2.0]), 4)))
add("histc/int", lambda t: t.histc(T(t, [1, 2]), 2), error=True)
add("histc/min_above_max", lambda t: t.histc(T(t, V), 4, 3, 0), error=True)
add("histc/nan_range", lambda t: t.histc(T(t, [NAN]), 2), error=True)
add("histc/no_bins_positional", lambda t: t.histc(T(t, V), 0), error=True)

# ---- lookups -------------------------------------------------------------------------------------
SEQ = [1.0, 3.0, 5.0, 7.0, 9.0]
VALUES = [[3.0, 6.0, 9.0], [0.0, 10.0, 5.0]]
add("searchsorted/forms", lambda t: (
    t.searchsorted(T(t, SEQ), T(t, VALUES)), t.searchsorted(T(t, SEQ), T(t, VALUES), right=True),
    t.searchsorted(T(t, SEQ), T(t, VALUES), side="right"),
    t.searchsorted(T(t, SEQ), T(t, VALUES), out_int32=True), t.searchsorted(T(t, SEQ), 4.0),
    t.searchsorted(T(t, SEQ), T(t, 4.0)), t.searchsorted(T(t, SEQ), T(t, [1, 4])),
    t.searchsorted(T(t, [[1.0, 2, 3], [2, 4, 6]]), T(t, [[2.5], [2.5]])),
    t.searchsorted(T(t, [5.0, 1, 3]), T(t, VALUES), sorter=T(t, [1, 2, 0]))))
add("searchsorted/rows_mismatch", lambda t: t.searchsorted(T(t, [[1.0, 2, 3], [2, 4, 6]]),
                                                           T(t, [2.5])), error=True)
add("searchsorted/side_right_opposite", lambda t: t.searchsorted(T(t, SEQ), T(t, VALUES),
                                                                 side="left", right=True),
    error=True)
add("searchsorted/side_bad", lambda t: t.searchsorted(T(t, SEQ), T(t, VALUES), side="middle"),
    error=True)
add("bucketize/forms", lambda t: (t.bucketize(T(t, VALUES), T(t, SEQ)),
                                  t.bucketize(T(t, VALUES), T(t, SEQ), right=True),
                                  t.bucketize(3.0, T(t, SEQ)),
                                  t.bucketize(T(t, VALUES), T(t, SEQ), out_int32=True)))
add("bucketize/two_dim", lambda t: t.bucketize(T(t, VALUES), t.ones(2, 2)), error=True)
add("isin/forms", lambda t: (t.isin(T(t, VALUES), T(t, [3.0, 5.0])), t.isin(T(t, VALUES), 5.0),
                             t.isin(5.0, T(t, VALUES)),
                             t.isin(T(t, VALUES), T(t, [3.0, 5.0]), invert=True),
                             t.isin(T(t, [1, 2, 3]), T(t, [2.0, 3.5])),
                             t.isin(T(t, VALUES), T(t, [3.0, 5.0]), assume_unique=True)))
RUNS = [1, 1, 2, 2, 3, 1, 1, 2]
add("unique_consecutive/forms", lambda t: (
    t.unique_consecutive(T(t, RUNS)), T(t, RUNS).unique_consecutive(return_inverse=True),
    t.unique_consecutive(T(t, RUNS), return_counts=True),
    t.unique_consecutive(T(t, RUNS), return_inverse=True, return_counts=True),
    t.unique_consecutive(T(t, [[1, 1], [1, 1], [2, 3], [1, 1]]), dim=0),
    t.unique_consecutive(T(t, [[1, 1], [1, 1], [2, 3], [1, 1]]), return_counts=True, dim=1),
    t.unique_consecutive(T(t, [[1.0, 1], [2, 2]]))))

# ---- quantile / nanquantile ----------------------------------------------------------------------
QDATA = [[1.0, 5.0, 3.0, 2.0], [4.0, NAN, 6.0, 0.0]]
SAMPLE = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0]
for mode in ("linear", "lower", "higher", "midpoint", "nearest"):
    grad_case("quantile_grad/%s" % mode,
              lambda t, x, mode=mode: x.quantile(0.3, interpolation=mode), SAMPLE)
    grad_case("quantile_grad/%s_q_tensor" % mode,
              lambda t, x, mode=mode: t.quantile(x, t.tensor([0.1, 0.5, 0.85]), dim=1,
                                                 interpolation=mode), A)
    grad_case("nanquantile_grad/%s" % mode,
              lambda t, x, mode=mode: x.nanquantile(0.4, dim=1, keepdim=True,
                                                    interpolation=mode), QDATA)
grad_case("quantile_grad/dim0_keepdim", lambda t, x: x.quantile(0.4, dim=0, keepdim=True), QDATA)
grad_case("quantile_grad/keepdim_no_dim", lambda t, x: t.quantile(x, 0.5, keepdim=True), A)
grad_case("nanquantile_grad/all_nan_row", lambda t, x: t.nanquantile(x, t.tensor([0.1, 0.9]), 1),
          [[NAN, NAN], [1.0, 2.0]])
add("quantile/values", lambda t: (t.quantile(T(t, QDATA), 0.5, dim=1),
                                  t.nanquantile(T(t, QDATA), T(t, [0.1, 0.9])),
                                  t.quantile(T(t, SAMPLE, t.float64), T(t, [0.25, 0.75], t.float64)),
                                  T(t, 2.0).quantile(0.5), T(t, SAMPLE).quantile(0.123456)))
add("quantile/q_range", lambda t: t.quantile(T(t, V), 1.5), error=True)
add("quantile/q_tensor_range", lambda t: t.quantile(T(t, V), T(t, [0.5, -0.1])), error=True)
add("quantile/q_2d_function", lambda t: t.quantile(T(t, V), T(t, [[0.5]])), error=True)
add("quantile/int_input_function", lambda t: t.quantile(T(t, [1, 2]), 0.5), error=True)
add("quantile/q_dtype_function", lambda t: t.quantile(T(t, V), T(t, [0.5], t.float64)), error=True)
add("quantile/empty_function", lambda t: t.quantile(t.ones(0), 0.5), error=True)
add("quantile/mode", lambda t: t.quantile(T(t, V), 0.5, interpolation="cubic"), error=True)

# ---- cdist ----------------------------------------------------------------------------------------
PTS = [[0.0, 1.0], [2.0, 3.0], [1.5, -1.0]]
CENTERS = [[1.0, 1.0], [0.0, -2.0]]
MANY_PTS = [[(i * 0.37) % 3, (i * 0.73 + 0.5) % 3] for i in range(30)]
for p in (2.0, 1.0, 0.0, 3.0, 1.5, 0.5, float("inf")):
    grad_case("cdist_grad/p%s" % p, lambda t, a, b, p=p: t.cdist(a, b, p=p), PTS, CENTERS)
grad_case("cdist_grad/mm", lambda t, a, b: t.cdist(a, b, compute_mode="use_mm_for_euclid_dist"),
          PTS, CENTERS)
grad_case("cdist_grad/batched_mm", lambda t, a, b: t.cdist(a.unsqueeze(0).expand(2, 3, 2), b,
                                                           compute_mode="use_mm_for_euclid_dist"),
          PTS, CENTERS)
grad_case("cdist_grad/batched", lambda t, a, b: t.cdist(a.unsqueeze(0), b.unsqueeze(0).expand(2, 2, 2)),
          PTS, CENTERS)
grad_case("cdist_grad/many_rows_direct",
          lambda t, a, b: t.cdist(a, b, compute_mode="donot_use_mm_for_euclid_dist"), MANY_PTS,
          CENTERS)
add("cdist/many_rows_graph", lambda t: forward_graph(t, lambda t, a, b: t.cdist(a, b), MANY_PTS,
                                                     CENTERS)[1])
add("cdist/double_backward", lambda t: (lambda a: t.autograd.grad(
    t.cdist(a, T(t, CENTERS), p=1).sum(), a, create_graph=True)[0])(L(t, PTS)))
add("cdist/double_backward_raises", lambda t: (lambda a: t.autograd.grad(
    t.cdist(a, T(t, CENTERS), p=1).sum(), a, create_graph=True)[0].sum().backward())(L(t, PTS)),
    error=True)
add("cdist/mode", lambda t: t.cdist(T(t, PTS), T(t, CENTERS), compute_mode="foo"), error=True)
add("cdist/one_dim", lambda t: t.cdist(T(t, V), T(t, CENTERS)), error=True)
add("cdist/columns", lambda t: t.cdist(T(t, PTS), T(t, [[1.0], [2.0]])), error=True)
add("cdist/negative_p", lambda t: t.cdist(T(t, PTS), T(t, CENTERS), -1), error=True)
add("cdist/dtypes", lambda t: t.cdist(T(t, PTS, t.float64), T(t, CENTERS)), error=True)
add("cdist/int", lambda t: t.cdist(T(t, [[1, 2]]), T(t, [[1, 2]])), error=True)
WIDE1 = [[((i * 7 + j * 3) % 11) * 0.37 - 1.5 for j in range(7)] for i in range(4)]
WIDE2 = [[((i * 5 + j * 2) % 13) * 0.29 - 1.0 for j in range(7)] for i in range(3)]
add("cdist/bits", lambda t: [t.cdist(T(t, WIDE1, dtype), T(t, WIDE2, dtype), p=p).tolist()
                             for dtype in (t.float32, t.float64)
                             for p in (2.0, 1.0, 3.0, 0.5, 1.7, float("inf"), 0.0)])

# ---- nextafter, ldexp, frexp ---------------------------------------------------------------------
grad_case("nextafter_grad/ties", lambda t, x, o: t.nextafter(x, o), [0.5, 1.0, -3.0], [1.0, 1.0, 2.0])
grad_case("ldexp_grad/int_exponent", lambda t, x: t.ldexp(x, t.tensor([1, 2, -3])), V)
grad_case("ldexp_grad/double_exponent",
          lambda t, x: x.ldexp(t.tensor([1.0, 2.0, 3.0], dtype=t.float64)), V)
grad_case("frexp_grad/mantissa", lambda t, x: t.frexp(x * 3).mantissa, [0.5, 1.5, -3.0, 0.0])
add("frexp/values", lambda t: (t.frexp(T(t, [0.5, 1.5, -3.0, 0.0, INF, NAN])),
                               T(t, [1e-40, 3e38]).frexp(),
                               t.frexp(T(t, [6.0], t.float64))))
add("frexp/int", lambda t: t.frexp(T(t, [1, 2])), error=True)
add("ldexp/ints", lambda t: t.ldexp(T(t, [1, 2]), T(t, [1, 2])))
add("ldexp/python_number", lambda t: t.ldexp(T(t, V), 2), error=True)
add("nextafter/values", lambda t: (t.nextafter(T(t, [0.0, 1.0, -1.0]), T(t, 1.0)),
                                   t.nextafter(T(t, [1.0], t.float64), T(t, [2.0], t.float64))))
add("nextafter/int", lambda t: t.nextafter(T(t, [1]), T(t, [2])), error=True)
add("nextafter/python_number", lambda t: t.nextafter(T(t, V), 1.0), error=True)

# ---- argument types (the parser's texts) ------------------------------------------------------
add("repeat_interleave/float_repeats_method", lambda t: T(t, V).repeat_interleave(2.5), error=True)
add("repeat_interleave/list_repeats", lambda t: T(t, V).repeat_interleave([1, 2, 3]), error=True)
add("repeat_interleave/float_repeats_function", lambda t: t.repeat_interleave(T(t, V), 2.5),
    error=True)
add("repeat_interleave/float_dim", lambda t: T(t, V).repeat_interleave(2, dim=1.5), error=True)
add("repeat_interleave/number_only", lambda t: t.repeat_interleave(2.5), error=True)
add("rot90/float_k_method", lambda t: T(t, V).rot90(1.5), error=True)
add("rot90/float_k_function", lambda t: t.rot90(T(t, A), 1.5), error=True)
add("tril_indices/float_offset", lambda t: t.tril_indices(3, 3, 1.5), error=True)
add("xlogy_/inplace_nodes", lambda t: ((L(t, V) * 1).xlogy_(T(t, [2.0, 3.0, 0.0])),
                                       (L(t, V) * 1).xlogy_(2.0)))
add("edges/empty_and_zero_dim", lambda t: (t.ones(2, 0).diff(dim=0), t.diagflat(T(t, 3.0)),
                                           t.combinations(t.tensor([])),
                                           t.cartesian_prod(T(t, [1.0]), t.tensor([])),
                                           t.block_diag(T(t, [[1, 2]]), T(t, [[True]])),
                                           t.diff(T(t, [[1, 2], [4, 8]]), n=2, dim=0)))

# ---- modified Bessel functions ------------------------------------------------------------------
BESSEL = [0.0, 0.5, -1.5, 7.9, 9.0, -20.0]
grad_case("i0_grad/values", lambda t, x: x.i0(), BESSEL)
grad_case("special_grad/i0e", lambda t, x: t.special.i0e(x), BESSEL)
grad_case("special_grad/i1", lambda t, x: t.special.i1(x), BESSEL)
grad_case("special_grad/i1e", lambda t, x: t.special.i1e(x), BESSEL)
add("bessel/bits", lambda t: [[v.item() for v in f(t.tensor(MANY, dtype=dtype))]
                              for dtype in (t.float32, t.float64)
                              for f in (t.i0, t.special.i0e, t.special.i1, t.special.i1e)])
add("bessel/edges", lambda t: (t.i0(T(t, [INF, -INF, NAN])), t.special.i1(T(t, [1, 2])),
                               T(t, [0.5]).i0_(), t.special.i1e(T(t, [INF, -INF]))))
grad_case("special_grad/xlog1py", lambda t, x, y: t.special.xlog1py(x, y), [0.0, 1.5, 2.0, 0.0],
          [NAN, 0.5, -0.5, -1.0])
grad_case("special_grad/xlog1py_scalars", lambda t, x: t.stack([
    t.special.xlog1py(x, 2.0), t.special.xlog1py(2.0, x), t.special.xlog1py(x, -1.5)]),
    [0.0, 1.5, 2.0])
grad_case("special_grad/zeta", lambda t, q: t.stack([
    t.special.zeta(t.tensor([2.0, 3.5, 4.0]), q), t.special.zeta(3.0, q)]), [0.5, 1.5, 7.0])
add("special/zeta_values", lambda t: (t.special.zeta(T(t, [2, 3]), T(t, [1, 2])),
                                      t.special.zeta(T(t, MANY[20:]), 2.0),
                                      [v.item() for v in t.special.zeta(
                                          T(t, [1.5, 2.0, 3.3, 7.0, 12.5]), T(t, [0.3, 1.0, 2.5, 9.0, 30.0]))],
                                      t.special.xlog1py(T(t, [1, 2]), T(t, [1, 2]))))
add("special/zeta_self_grad", lambda t: (lambda x: t.special.zeta(x, T(t, [1.0, 2.0])).sum()
                                         .backward())(L(t, [2.0, 3.0])), error=True)

# ---- NumPy's axis=/keepdims= spellings (the C++ parser's, for native functions with dim) ------
add("numpy_names/ops2", lambda t: (t.diff(T(t, A), axis=0), T(t, A).diff(axis=0),
                                   t.quantile(T(t, A), 0.5, axis=0),
                                   T(t, A).nanquantile(0.5, axis=1, keepdims=True),
                                   t.nanmedian(T(t, A), axis=0), T(t, A).logcumsumexp(axis=1),
                                   T(t, A).repeat_interleave(2, axis=0)))
add("keywords/ops2", lambda t: (t.polygamma(1, input=T(t, V)), t.diff(input=T(t, V)),
                                t.cdist(x1=T(t, A), x2=T(t, A)),
                                t.tensordot(a=T(t, A), b=T(t, A).t(), dims=1),
                                t.histc(T(t, V), bins=2, min=-1, max=2),
                                t.isin(elements=T(t, V), test_elements=T(t, [2.0]))))
add("torch_inplace/functions", lambda t: (
    (lambda y: (t.erfc_(y), y.grad_fn)[1])(L(t, V) * 1), t.sinc_(T(t, V)),
    t.xlogy_(T(t, [1.0]), T(t, [2.0])), t.deg2rad_(T(t, V)), t.rad2deg_(T(t, V)),
    t.gcd_(T(t, [4]), T(t, [6])), t.lcm_(T(t, [4]), T(t, [6])), t.ldexp_(T(t, [1.0]), T(t, [2])),
    t.addmv_(t.ones(2), t.ones(2, 2), t.ones(2), beta=2), t.i0_(T(t, V))))
