"""Cases for test_vs_torch.py: ops given dims, sizes or indices on unusual shapes (0-dim,
empty, size-1 dims, negative dims), forward and backward, and their errors. Found by
tests/sweep_shapes.py; registered into torch_cases.CASES."""

from torch_cases import add, T

_SHAPES = {"scalar": (), "empty": (0,), "rows_empty": (2, 0), "cols_empty": (0, 3),
           "one": (1,), "column": (3, 1)}


def _leaf(t, shape):
    n = 1
    for s in shape:
        n *= s
    return (t.arange(float(n)) * 1.5 - 2).reshape(shape).requires_grad_()


def _run(t, shape, fn):
    """fn(x) on a leaf of `shape`, its grad_fn, then the leaf's gradient after a weighted
    backward of its first output (x.grad None where PyTorch's gradient is undefined)."""
    x = _leaf(t, shape)
    out = fn(t, x)
    y = out[0] if isinstance(out, tuple) else out
    if not (isinstance(y, t.Tensor) and y.requires_grad):
        return out
    (y * t.arange(1.0, y.numel() + 1.0).reshape(y.shape)).sum().backward()
    return out, type(y.grad_fn).__name__, x.grad


def shape_case(id, shape, fn, error=False):
    add("shapes/%s/%s" % (id, shape), lambda t: _run(t, _SHAPES[shape], fn), error)


# ---- a 0-dim tensor takes dim 0 and -1 (maybe_wrap_dim's wrap_scalar) -------------------------
for _dim in (0, -1):
    for _id, _fn in [
            ("max", lambda t, x, d=_dim: x.max(d)),
            ("min_keepdim", lambda t, x, d=_dim: x.min(d, keepdim=True)),
            ("flip", lambda t, x, d=_dim: x.flip(d)),
            ("flip_list", lambda t, x, d=_dim: x.flip((d,))),
            ("squeeze", lambda t, x, d=_dim: x.squeeze(d)),
            ("squeeze_dims", lambda t, x, d=_dim: x.squeeze((d,))),
            ("transpose", lambda t, x, d=_dim: x.transpose(d, 0)),
            ("movedim", lambda t, x, d=_dim: x.movedim(d, 0)),
            ("gather", lambda t, x, d=_dim: x.gather(d, t.tensor(0))),
            ("gather_vector_index", lambda t, x, d=_dim: x.gather(d, t.tensor([0, 0]))),
            ("index_select", lambda t, x, d=_dim: x.index_select(d, t.tensor([0]))),
            ("index_select_0dim_index", lambda t, x, d=_dim: x.index_select(d, t.tensor(0))),
            ("sort", lambda t, x, d=_dim: x.sort(d)),
            ("kthvalue", lambda t, x, d=_dim: x.kthvalue(1, d)),
            ("topk", lambda t, x, d=_dim: x.topk(1, d)),
            ("cumsum", lambda t, x, d=_dim: x.cumsum(d)),
            ("softmax", lambda t, x, d=_dim: x.softmax(d)),
            ("flatten", lambda t, x, d=_dim: x.flatten(d)),
            ("mT", lambda t, x, d=_dim: x.mT)]:
        shape_case("%s_dim%d" % (_id, _dim), "scalar", _fn)

# ... and refuses the ops that read self.size(dim) (wrap_scalar=false), with PyTorch's texts
for _id, _fn in [("roll", lambda t, x: x.roll(1, 0)),
                 ("roll_negative", lambda t, x: x.roll(1, -1)),
                 ("roll_out_of_range", lambda t, x: x.roll(1, 1)),
                 ("cross", lambda t, x: t.linalg.cross(x, x)),
                 ("unbind_negative", lambda t, x: x.unbind(-1)),
                 ("unbind_out_of_range", lambda t, x: x.unbind(-2)),
                 ("take_along_dim", lambda t, x: x.take_along_dim(t.tensor(0), 0)),
                 ("unique_dim", lambda t, x: x.unique(dim=0)),
                 ("trapezoid", lambda t, x: t.trapezoid(x)),
                 ("size", lambda t, x: x.size(0)),
                 ("size_negative", lambda t, x: x.size(-1)),
                 ("stride", lambda t, x: x.stride(0)),
                 ("narrow", lambda t, x: x.narrow(0, 0, 1)),
                 ("narrow_out_of_range", lambda t, x: x.narrow(-2, 0, 1)),
                 ("split_sizes", lambda t, x: x.split([1], 0)),
                 ("index_select_two", lambda t, x: x.index_select(0, t.tensor([0, 0]))),
                 ("index_select_none", lambda t, x: x.index_select(0, t.tensor([], dtype=t.long))),
                 ("all_out_of_range", lambda t, x: x.all(1)),
                 ("any_out_of_range", lambda t, x: x.any(-2)),
                 ("flatten_out_of_range", lambda t, x: x.flatten(0, -2)),
                 ("sum_repeated", lambda t, x: x.sum((-1, 0))),
                 ("gather_out_of_range", lambda t, x: x.gather(0, t.tensor(1)))]:
    shape_case(_id, "scalar", _fn, error=True)

# ---- empty tensors ------------------------------------------------------------------------------
for _shape in ("empty", "rows_empty", "cols_empty"):
    for _id, _fn in [
            ("softmax", lambda t, x: x.softmax(-1)),
            ("log_softmax_first", lambda t, x: t.nn.functional.log_softmax(x, 0)),
            ("topk_zero", lambda t, x: x.topk(0, -1)),
            ("roll", lambda t, x: x.roll(1, 0)),
            ("roll_any_dim", lambda t, x: x.roll((1, 2), (5, -7))),
            ("split", lambda t, x: x.split(1, -1)),
            ("chunk", lambda t, x: x.chunk(2, -1)),
            ("median", lambda t, x: x.median()),
            ("logsumexp_no_dims", lambda t, x: x.logsumexp(())),
            ("narrow_nothing", lambda t, x: x.narrow(-1, 0, 0)),
            ("stride", lambda t, x: x.stride()),
            ("cat_any_dim", lambda t, x: t.cat([x.reshape(-1), x.reshape(-1)], 3)),
            ("index_with_empty_result", lambda t, x: x[t.tensor([5])] if x.dim() == 2 and
             x.shape[1] == 0 else x[t.tensor([], dtype=t.long)])]:
        shape_case(_id, _shape, _fn)
    for _id, _fn in [
            ("amax_dim_as_given", lambda t, x: x.amax(-1)),
            ("amax_checked_before_repeats", lambda t, x: x.amax((-1, -1))),
            ("aminmax_empty_dim", lambda t, x: x.aminmax(dim=-1)),
            ("split_sizes_dim_as_given", lambda t, x: x.split([1], -1)),
            ("take", lambda t, x: x.take(t.tensor([0]))),
            ("put", lambda t, x: x.put(t.tensor([0]), t.tensor([1.0]))),
            ("index_into_empty", lambda t, x: x[t.tensor([0]), ..., t.tensor([0])]),
            ("inf_norm_dim", lambda t, x: x.norm(p=float("inf"), dim=-1)),
            ("negative_norm", lambda t, x: t.linalg.vector_norm(x, -1, dim=(0, -1))),
            ("inf_norm_all", lambda t, x: t.linalg.vector_norm(x, float("-inf")))]:
        # dim -1 of a (0, 3) tensor is not empty: those reduce it
        fine = _shape == "cols_empty" and _id in ("amax_dim_as_given", "aminmax_empty_dim",
                                                  "inf_norm_dim")
        shape_case(_id, _shape, _fn, error=not fine)

shape_case("aminmax_nonempty_dim", "rows_empty", lambda t, x: x.aminmax(dim=0))
shape_case("unique_selected_empty_dim", "rows_empty", lambda t, x: x.unique(dim=1),
           error=True)  # unique has no derivative: the backward raises
shape_case("unique_unselected_empty_dim", "rows_empty", lambda t, x: x.unique(dim=0), error=True)
shape_case("index_add", "rows_empty", lambda t, x: x.index_add(-2, t.tensor([0]), t.ones(1, 0)))
shape_case("index_copy", "cols_empty",
           lambda t, x: x.index_copy(-1, t.tensor([0]), t.ones(0, 1)))
shape_case("scatter_add", "cols_empty",
           lambda t, x: x.scatter_add(-1, t.zeros(0, 3, dtype=t.long), x.detach()))
add("shapes/unique_two_empty_dims", lambda t: t.zeros(0, 0).unique(dim=1), error=True)
add("shapes/median_empty_int", lambda t: (t.tensor([], dtype=t.int64).median(),
                                          t.tensor([], dtype=t.int32).median(),
                                          t.tensor([], dtype=t.bool).median()))

# ---- size-1 dims and dims named as given in errors ---------------------------------------------
shape_case("narrow_whole", "one", lambda t, x: x.narrow(0, 0, 1))
shape_case("logsumexp_no_dims", "one", lambda t, x: x.logsumexp(()), error=True)
shape_case("logsumexp_no_dims_keepdim", "column", lambda t, x: x.logsumexp((), keepdim=True))
shape_case("norm_p0_no_gradient", "column", lambda t, x: x.norm(p=0, dim=0))
shape_case("diagonal_same_dims", "column", lambda t, x: x.diagonal(0, -1, 1), error=True)
shape_case("diag_embed_same_dims", "column", lambda t, x: x.diag_embed(0, -1, 2), error=True)

# ---- dtype checks come after the dim checks, as ATen's meta functions run first --------------------
add("shapes/bool_topk_dim_first", lambda t: T(t, [True, False]).topk(1, 2), error=True)
add("shapes/bool_topk_k_first", lambda t: T(t, [True, False]).topk(3), error=True)
add("shapes/bool_median_dim_first", lambda t: T(t, [True]).median(1), error=True)
add("shapes/bool_kthvalue_scalar", lambda t: T(t, True).kthvalue(1))
add("shapes/bool_cross", lambda t: T(t, [True, False, True]).cross(T(t, [True] * 3), 0),
    error=True)
add("shapes/bool_products", lambda t: [_error_text(lambda: f(T(t, a), T(t, b))) for f, a, b in [
    (lambda a, b: a @ b, [True], [True]), (lambda a, b: a.mm(b), [[True]], [[True]]),
    (lambda a, b: a.mv(b), [[True]], [True]), (lambda a, b: a.bmm(b), [[[True]]], [[[True]]])]])
add("shapes/bool_expand_error", lambda t: T(t, [True]).expand(()), error=True)
add("shapes/scatter_add_dtype_error",
    lambda t: t.zeros(3).scatter_add(0, t.tensor([0]), t.ones(3, dtype=t.long)), error=True)

# ---- bad arguments: the argument parser's TypeErrors, not Python's own (found by
# tests/sweep_arguments.py) -----------------------------------------------------------------------
add("shapes/args_cross_other", lambda t: t.cross(t.ones(3), None), error=True)
add("shapes/args_equal_other", lambda t: t.equal(t.ones(3), "a"), error=True)
add("shapes/args_allclose_other", lambda t: t.ones(3).allclose(3), error=True)
add("shapes/args_diag_diagonal", lambda t: t.ones(3).diag(None), error=True)
add("shapes/args_diag_embed_offset", lambda t: t.ones(3).diag_embed("a"), error=True)
add("shapes/args_diagonal_offset", lambda t: t.ones(2, 2).diagonal(1.5), error=True)


def _error_text(fn):
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - the error is the outcome compared
        return "%s: %s" % (type(e).__name__, e)
