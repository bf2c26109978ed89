"""Cases for test_vs_torch.py: ordering and statistics ops (sort, topk, kthvalue, median,
mode, cumprod, nansum, aminmax, std_mean, unique ...). Registered into torch_cases.CASES."""

from torch_cases import add, case, T, L, A, I, graph, grad_case, seeded

TIES = [[3.0, 1.0, 2.0, 1.0], [0.5, -1.0, 4.0, 0.5]]      # (2, 4) with ties in each row
NAN = [2.0, float("nan"), 1.0, -float("inf"), 2.0]
# Longer than 16: std::sort's introsort no longer keeps equal values in order.
LONG = [float(v % 3) for v in range(7, 47)]
WITH_ZEROS = [[3.0, 0.0, 2.0, 1.5], [0.5, -1.0, 0.0, 0.0]]

# ---- sort / argsort / msort ------------------------------------------------------------------
add("sort/default", lambda t: T(t, TIES).sort())
add("sort/function_dim_descending", lambda t: t.sort(T(t, TIES), 0, True))
add("sort/keywords", lambda t: T(t, TIES).sort(dim=0, descending=True))
add("sort/stable_keyword", lambda t: T(t, TIES).sort(stable=True, descending=True))
add("sort/stable_false_keyword", lambda t: L(t, LONG).sort(stable=False))
add("sort/stable_none", lambda t: L(t, TIES).sort(stable=None))
add("sort/long_ties", lambda t: (T(t, LONG).sort(), T(t, LONG).sort(descending=True)))
add("sort/long_ties_stable", lambda t: T(t, LONG).sort(stable=True, descending=True))
add("sort/nan", lambda t: (T(t, NAN).sort(), T(t, NAN).sort(descending=True)))
add("sort/int_bool", lambda t: (T(t, I).sort(), T(t, [True, False, True]).sort()))
add("sort/int8", lambda t: T(t, [3, 1, 2], t.int8).sort())
add("sort/zero_dim", lambda t: T(t, 3.0).sort())
add("sort/empty", lambda t: t.zeros(2, 0).sort(1))
add("sort/dim_out_of_range", lambda t: T(t, TIES).sort(2), error=True)
add("sort/positional_dim_with_stable", lambda t: t.sort(T(t, TIES), 0, stable=True), error=True)
add("sort/fields", lambda t: (T(t, TIES).sort()[0], T(t, TIES).sort().indices,
                              repr(type(T(t, TIES).sort()))))
grad_case("sort_grad/values", lambda t, x: x.sort(1).values, TIES)
grad_case("sort_grad/descending_dim0", lambda t, x: x.sort(0, descending=True)[0], TIES)
grad_case("sort_grad/stable", lambda t, x: x.sort(stable=True).values, TIES)
add("argsort/variants", lambda t: (T(t, TIES).argsort(), t.argsort(T(t, TIES), dim=0, descending=True),
                                   t.argsort(T(t, TIES), stable=True), T(t, LONG).argsort()))
add("argsort/positional_dim_with_stable", lambda t: t.argsort(T(t, TIES), 0, stable=True),
    error=True)
add("msort/rows", lambda t: T(t, TIES).msort())

# ---- topk ------------------------------------------------------------------------------------
add("topk/default", lambda t: T(t, TIES).topk(2))
add("topk/smallest_dim0", lambda t: T(t, TIES).topk(1, dim=0, largest=False))
add("topk/unsorted", lambda t: T(t, TIES).topk(3, sorted=False))
add("topk/ties_int", lambda t: T(t, [1, 5, 2, 5, 3]).topk(2))
add("topk/long_ties", lambda t: (T(t, LONG).topk(5), T(t, LONG).topk(1), T(t, LONG).topk(7, largest=False)))
add("topk/nan", lambda t: (T(t, NAN).topk(2), T(t, NAN).topk(2, largest=False)))
add("topk/k_zero", lambda t: L(t, TIES).topk(0))
add("topk/k_too_big", lambda t: T(t, TIES).topk(5), error=True)
add("topk/k_negative", lambda t: T(t, TIES).topk(-1), error=True)
add("topk/k_float", lambda t: T(t, TIES).topk(2.0), error=True)
add("topk/bool", lambda t: T(t, [True, False]).topk(1), error=True)
add("topk/zero_dim", lambda t: T(t, 5.0).topk(1))
grad_case("topk_grad/values", lambda t, x: x.topk(2).values, TIES)
grad_case("topk_grad/smallest_dim0", lambda t, x: x.topk(1, 0, largest=False)[0], TIES)

# ---- kthvalue / median / mode ------------------------------------------------------------------
add("kthvalue/rows", lambda t: (T(t, TIES).kthvalue(2), T(t, TIES).kthvalue(1, 0, True)))
add("kthvalue/long_ties", lambda t: (T(t, LONG).kthvalue(10), T(t, LONG).kthvalue(33)))
add("kthvalue/nan", lambda t: T(t, NAN).kthvalue(5))
add("kthvalue/out_of_range", lambda t: T(t, TIES).kthvalue(5), error=True)
add("kthvalue/zero", lambda t: T(t, TIES).kthvalue(0), error=True)
add("kthvalue/empty_dim", lambda t: t.zeros(0).kthvalue(1), error=True)
add("kthvalue/bool", lambda t: T(t, [True, False]).kthvalue(1), error=True)
grad_case("kthvalue_grad/keepdim", lambda t, x: x.kthvalue(2, 1, keepdim=True).values, TIES)
add("median/all", lambda t: (L(t, TIES).median(), T(t, [1, 3, 2, 4]).median(),
                             T(t, [1, 2, 3], t.uint8).median()))
add("median/nan", lambda t: (T(t, NAN).median(), T(t, [NAN]).median(1)))
add("median/empty", lambda t: t.zeros(0).median())
add("median/dim", lambda t: (L(t, TIES).median(1), L(t, TIES).median(dim=0, keepdim=True)))
add("median/long_ties", lambda t: T(t, [LONG, LONG[::-1]]).median(1))
add("median/zero_dim", lambda t: T(t, 5.0).median(0))
add("median/empty_dim", lambda t: t.zeros(2, 0).median(1), error=True)
add("median/bool", lambda t: T(t, [True, False]).median(), error=True)
grad_case("median_grad/all_ties", lambda t, x: x.median(), [[1.0, 2.0, 1.0], [3.0, 1.0, 0.0]])
grad_case("median_grad/dim", lambda t, x: x.median(1)[0], TIES)
add("mode/rows", lambda t: (T(t, TIES).mode(), T(t, [1, 2, 2, 3, 3, 1]).mode(),
                            T(t, [[5, 5, 1, 1, 2]]).mode(1)))
add("mode/long_ties", lambda t: T(t, LONG).mode())
add("mode/nan", lambda t: (T(t, [1.0, float("nan"), 2.0, float("nan"), 1.0, 2.0]).mode(),
                           T(t, [float("nan"), float("nan")]).mode()))
add("mode/bool", lambda t: T(t, [True, False, False]).mode())
add("mode/empty_dim", lambda t: t.zeros(2, 0).mode(1), error=True)
grad_case("mode_grad/dim0", lambda t, x: x.mode(0).values, [[1.0, 2.0], [1.0, 3.0], [2.0, 3.0]])

# ---- cumprod ----------------------------------------------------------------------------------
grad_case("cumprod_grad/no_zeros", lambda t, x: x.cumprod(1), A)
grad_case("cumprod_grad/zeros", lambda t, x: x.cumprod(1), WITH_ZEROS)
grad_case("cumprod_grad/zeros_dim0", lambda t, x: t.cumprod(x, dim=0), WITH_ZEROS)


@case("cumprod/second_order_zeros")
def _(t):
    x = L(t, [2.0, 0.0, 3.0, 0.5], t.float64)
    g, = t.autograd.grad(x.cumprod(0).sum(), x, create_graph=True)
    g2, = t.autograd.grad((g * g).sum(), x)
    return g, g2


add("cumprod/int_and_bool", lambda t: (T(t, [1, 2, 3]).cumprod(0), T(t, [True, False]).cumprod(0)))
add("cumprod/dtype", lambda t: T(t, [1, 2, 3], t.int8).cumprod(0, dtype=t.float32))
add("cumprod/zero_dim", lambda t: T(t, 2.0).cumprod(0))
add("cumprod/missing_dim", lambda t: t.cumprod(T(t, A)), error=True)

# ---- count_nonzero / nansum / nanmean ------------------------------------------------------------
add("count_nonzero/variants", lambda t: (t.count_nonzero(T(t, WITH_ZEROS)),
                                         t.count_nonzero(T(t, WITH_ZEROS), dim=1),
                                         T(t, WITH_ZEROS).count_nonzero((0, 1)),
                                         t.count_nonzero(T(t, [True, False]))))
NANS = [[3.0, 0.0, float("nan")], [0.5, -1.0, 0.5]]
grad_case("nansum_grad/all", lambda t, x: x.nansum(), NANS)
grad_case("nansum_grad/dim", lambda t, x: t.nansum(x, 1), NANS)
grad_case("nansum_grad/dims_keepdim", lambda t, x: t.nansum(x, (0, 1), keepdim=True), NANS)
grad_case("nanmean_grad/all", lambda t, x: x.nanmean(), NANS)
grad_case("nanmean_grad/dim", lambda t, x: t.nanmean(x, 1, keepdim=True), NANS)
add("nansum/int_bool_dtype", lambda t: (t.nansum(T(t, [1, 2])), t.nansum(T(t, [True, True])),
                                        t.nansum(T(t, NANS), dtype=t.float64)))
add("nanmean/int", lambda t: T(t, [1, 2, 3]).nanmean(), error=True)

# ---- aminmax / std_mean / var_mean ----------------------------------------------------------------
add("aminmax/all_and_dim", lambda t: (T(t, TIES).aminmax(), t.aminmax(T(t, TIES), dim=1, keepdim=True),
                                      T(t, I).aminmax(), t.aminmax(T(t, [True, False]))))
add("aminmax/fields", lambda t: (T(t, TIES).aminmax().min, T(t, TIES).aminmax(dim=0).max))
add("aminmax/zero_dim", lambda t: T(t, 2.0).aminmax(dim=0))
add("aminmax/empty", lambda t: t.zeros(0).aminmax(), error=True)
add("aminmax/positional_dim", lambda t: t.aminmax(T(t, A), 0), error=True)


@case("aminmax/grad_ties")
def _(t):
    x = L(t, [[3.0, 0.0, 2.0], [0.5, -1.0, 0.5]])
    lo, hi = x.aminmax(dim=1)
    (lo * 2 + hi * 3).sum().backward()
    g1 = x.grad
    x.grad = None
    lo, hi = x.aminmax()
    (lo * 2).backward()
    return lo, hi, g1, x.grad


add("std_mean/variants", lambda t: (t.std_mean(L(t, TIES)), t.var_mean(L(t, TIES), 1),
                                    t.var_mean(L(t, TIES), dim=1, correction=0, keepdim=True),
                                    t.std_mean(L(t, TIES), unbiased=False),
                                    t.var_mean(L(t, TIES), 1, True)))
add("std_mean/int", lambda t: t.std_mean(T(t, [1, 2])), error=True)
add("var_mean/one_element_warns", lambda t: t.var_mean(T(t, [1.0])))


@case("std_mean/grad_both")
def _(t):
    x = L(t, TIES)
    s, m = t.std_mean(x, 1)
    (s * 2 + m * 3).sum().backward()
    g1 = x.grad
    x.grad = None
    v, m = t.var_mean(x)
    v.backward()
    return g1, x.grad, graph(s.grad_fn)


# ---- unique ---------------------------------------------------------------------------------------
U = [3, 1, 2, 3, 1, 5]
add("unique/variants", lambda t: (t.unique(T(t, U)), T(t, U).unique(return_counts=True,
                                                                     return_inverse=True),
                                  t.unique(T(t, U), sorted=False),
                                  t.unique(T(t, [[2, 1], [2, 0]]), return_inverse=True)))
add("unique/float_nan_bool", lambda t: (t.unique(T(t, [2.0, 1.0, 2.0, float("nan"), float("nan")])),
                                        t.unique(T(t, [True, False, True]))))
add("unique/dim", lambda t: t.unique(T(t, [[1, 2], [1, 2], [3, 4]]), dim=0))
add("unique/requires_grad", lambda t: (L(t, TIES).unique(), t.unique(L(t, TIES), dim=1)))


@case("unique/dim_backward_not_implemented", error=True)
def _(t):
    t.unique(L(t, TIES), dim=0).sum().backward()


@case("unique/backward_not_implemented", error=True)
def _(t):
    L(t, TIES).unique().sum().backward()


# ---- bincount -------------------------------------------------------------------------------------
add("bincount/counts_minlength_weights", lambda t: (
    t.bincount(T(t, U)), T(t, U).bincount(minlength=8), t.bincount(T(t, U, t.uint8)),
    t.bincount(T(t, [], t.int64)), t.bincount(T(t, [], t.int64), minlength=2),
    t.bincount(T(t, U), T(t, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6])),
    t.bincount(T(t, U), weights=T(t, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], t.float64)),
    t.bincount(T(t, U), weights=T(t, [1, 2, 3, 4, 5, 6]))))
add("bincount/float32_weights_summed_in_order", lambda t: (
    t.manual_seed(0), t.randint(0, 3, (500,)).bincount(t.rand(500)).tolist())[1])
add("bincount/negative", lambda t: t.bincount(T(t, [1, -1])), error=True)
add("bincount/two_dims", lambda t: t.bincount(T(t, [[1, 2]])), error=True)
add("bincount/float_input", lambda t: t.bincount(T(t, [1.0, 2.0])), error=True)
add("bincount/bool_input", lambda t: t.bincount(T(t, [True])), error=True)
add("bincount/negative_minlength", lambda t: t.bincount(T(t, U), minlength=-1), error=True)
add("bincount/weights_length", lambda t: t.bincount(T(t, U), t.ones(2)), error=True)
add("bincount/not_a_tensor", lambda t: t.bincount([1, 2]), error=True)


# ---- the 2-norm's order: ATen's vectorised fast path over dense innermost dims (8 float or
# 4 double lanes, left fold, fused tail; float32 squares groups of 4 tail elements unfused),
# in-order unfused accumulation otherwise. Compared bit for bit through tolist()/item().
add("norm/two_norm_order_bits", seeded(3, lambda t: [
    (x.norm().item(), x.norm(dim=-1).tolist(), x.norm(dim=0).tolist(),
     t.linalg.vector_norm(x, dim=-1, keepdim=True).tolist(), x.T.norm().item(),
     x.T.norm(dim=-1).tolist(), x[:, ::2].norm(dim=-1).tolist(),
     t.nn.functional.normalize(x, dim=-1).norm(dim=-1).tolist())
    for dtype in (t.float32, t.float64) for n in (3, 7, 8, 13, 100)
    for x in [t.randn(4, n, dtype=dtype)]]))
add("norm/two_norm_3d_bits", seeded(4, lambda t: (
    lambda x: (t.linalg.vector_norm(x, dim=(1, 2)).tolist(), x.norm(dim=(0, 1)).tolist(),
               t.linalg.matrix_norm(x).tolist(), x.permute(2, 0, 1).norm().item()))(
        t.randn(3, 5, 6))))


# ---- cummax / cummin: ties and nans take the later index; the gradient goes to the indices
add("cummax/values_indices_ties_nan", lambda t: (
    t.cummax(T(t, [[1.0, 3.0, 3.0], [0.0, -1.0, 5.0]]), 1), t.cummin(T(t, TIES), 0),
    t.cummax(T(t, NAN), 0), t.cummin(T(t, NAN), 0), t.cummax(T(t, [2, 2, 1, 3]), 0),
    t.cummax(t.tensor(2.0), 0), t.cummax(T(t, [True, False]), 0), T(t, TIES).cummin(-1)))
grad_case("cummax/grad", lambda t, x: t.cummax(x, 1).values * t.arange(4.0), TIES)
grad_case("cummin/grad", lambda t, x: x.cummin(0)[0], TIES)
add("cummax/dim_out_of_range", lambda t: t.cummax(T(t, TIES), 2), error=True)
add("cummax/dim_float", lambda t: t.cummax(T(t, TIES), 1.0), error=True)


# ---- var/std: std_var_all_cpu (double sum of squared deviations from torch's mean) for a
# one-element result, WelfordOps in double otherwise and for var_mean/std_mean; bit for bit.
add("var/std_var_orders_bits", seeded(5, lambda t: [
    (x.var().item(), x.std(unbiased=False).item(), x.var(0).tolist(), x.std(-1).tolist(),
     x.var(-1, keepdim=True, correction=0).tolist(), t.var_mean(x)[0].item(),
     [v.tolist() for v in t.std_mean(x, 0)], x.T.var(0).tolist(), x.T.std().item(),
     x[:1].var(1).tolist())
    for dtype in (t.float32, t.float64) for shape in ((8, 4), (3, 17), (40, 9))
    for x in [t.randn(*shape, dtype=dtype)]]))
add("var/large_and_3d_bits", seeded(6, lambda t: (
    lambda x, y: (x.var().item(), t.var_mean(x)[0].item(), t.std_mean(x)[1].item(),
                  y.var((0, 2)).tolist(), y.std(1).tolist()))(
        t.randn(70000), t.randn(3, 5, 6))))
# A permuted dense tensor (x.T) is summed in memory order, as TensorIterator walks it.
add("reduce/sum_permuted_memory_order_bits", seeded(7, lambda t: [
    (x.T.sum().item(), x.T.sum(0).tolist(), x.T.sum(-1).tolist(), x.T.mean().item(),
     x.permute(1, 0).sum(1, keepdim=True).tolist())
    for dtype in (t.float32, t.float64) for x in [t.randn(50, 30, dtype=dtype)]]))


# ---- quantile / nanquantile: ATen's composite (sort, view, gather, lerp, squeeze_), every
# interpolation, nan rows, vector q, and the graph it records.
QX = [[3.0, 1.0, 4.0, 1.5, 2.0], [2.0, 7.0, float("nan"), 8.0, 1.0]]
QS = [0.0, 0.3, 0.5, 0.625, 1.0]
add("quantile/interpolations", lambda t: [
    (T(t, QX).quantile(T(t, QS), dim=1, interpolation=i),
     T(t, QX).nanquantile(T(t, QS), dim=1, interpolation=i))
    for i in ("linear", "lower", "higher", "midpoint", "nearest")])
add("quantile/shapes", lambda t: (
    t.tensor([float("nan")] * 3).nanquantile(0.5), t.tensor(3.0).quantile(0.5),
    T(t, TIES).quantile(0.5, dim=0, keepdim=True), T(t, TIES).quantile(0.5, keepdim=True),
    t.quantile(T(t, TIES, t.float64), T(t, [0.25, 0.75], t.float64), dim=0)))
add("quantile/graph_and_grad", lambda t: (
    lambda y: (lambda q, r: (q, graph(q.grad_fn), graph(r.grad_fn),
                             t.autograd.grad(q + r.sum(), y)[0]))(
        y.quantile(0.3), y.quantile(T(t, [0.2, 0.9]), dim=1)))(L(t, TIES)))
add("quantile/q_out_of_range", lambda t: T(t, TIES).quantile(1.5), error=True)
add("quantile/q_tensor_out_of_range", lambda t: T(t, TIES).quantile(T(t, [0.5, 1.2])),
    error=True)
add("quantile/q_dtype", lambda t: T(t, TIES).quantile(T(t, [0.5], t.float64)), error=True)
add("quantile/int_input", lambda t: T(t, [1, 2]).quantile(0.5), error=True)
add("quantile/bad_interpolation",
    lambda t: T(t, TIES).quantile(0.5, interpolation="foo"), error=True)
add("quantile/empty", lambda t: t.tensor([]).quantile(0.5), error=True)
add("quantile/q_2d", lambda t: T(t, TIES).quantile(T(t, [[0.5]])), error=True)


# ---- histc: the linear bin of each value in the input's dtype, the last bin closed; per-thread
# counts in the input's dtype (float16's stop at 2048) summed.
add("histc/bins_ranges_dtypes", seeded(8, lambda t: (
    lambda x: (t.histc(x, bins=5, min=-2, max=2), t.histc(x, bins=7), x.histc(13, -1.1, 0.7),
               t.histc(x.double(), bins=10), t.histc(x.half(), bins=6),
               t.histc(T(t, [2.0, 2.0]), bins=4), t.histc(t.tensor([]), bins=3),
               T(t, [0.1, 0.2, 0.3, 0.7]).histc(bins=3, min=0, max=0.9),
               t.histc(L(t, [1.0, 2.0, 3.0]), 4)))(t.randn(10000))))
add("histc/int_input", lambda t: t.histc(T(t, [1, 2, 3]), bins=3), error=True)
add("histc/no_bins", lambda t: t.histc(T(t, [1.0, 2.0]), bins=0), error=True)
add("histc/max_below_min", lambda t: t.histc(T(t, [1.0, 2.0]), bins=3, min=3, max=1), error=True)
add("histc/infinite_range", lambda t: t.histc(T(t, [1.0, float("inf")]), bins=3), error=True)
