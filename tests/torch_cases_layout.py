"""Cases for test_vs_torch.py: layout ops (diag, diagonal, diag_embed, trace, roll, movedim,
unflatten, atleast_Nd, the stacks, argwhere, meshgrid, einsum). Registered into
torch_cases.CASES."""

from torch_cases import add, case, T, L, A, I, V, W, graph, grad_case

M = [[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]]   # (3, 4)
SQ = [[1.0, -2.0, 3.0], [0.5, 4.0, -1.5], [2.0, 0.0, 1.0]]                # (3, 3)

# ---- diag / diagonal / diag_embed / trace -----------------------------------------------------
grad_case("diag_grad/vector", lambda t, x: t.diag(x), V)
grad_case("diag_grad/vector_offset", lambda t, x: x.diag(1), V)
grad_case("diag_grad/vector_negative_offset", lambda t, x: t.diag(x, -2), V)
grad_case("diag_grad/matrix", lambda t, x: t.diag(x), M)
grad_case("diag_grad/matrix_offset", lambda t, x: x.diag(1), M)
add("diag/matrix_offsets", lambda t: (T(t, M).diag(-2), T(t, M).diag(5), T(t, I).diag()))
add("diag/3d", lambda t: t.diag(t.ones(2, 2, 2)), error=True)
add("diag/0d", lambda t: t.diag(T(t, 1.0)), error=True)
grad_case("diagonal_grad/default", lambda t, x: x.diagonal(), M)
grad_case("diagonal_grad/offset_dims", lambda t, x: t.diagonal(x, offset=1, dim1=1, dim2=0), M)
grad_case("diagonal_grad/batched", lambda t, x: x.reshape(2, 2, 3).diagonal(0, 1, 2), M)
add("diagonal/same_dims", lambda t: T(t, M).diagonal(0, 0, 0), error=True)
add("diagonal/empty_offset", lambda t: T(t, M).diagonal(7))


@case("diagonal/is_a_view")
def _(t):
    x = t.zeros(3, 3)
    x.diagonal().fill_(1.0)
    x.diagonal(1).add_(2.0)
    return x


@case("diagonal/write_through_view_grad")
def _(t):
    a = L(t, SQ)
    y = a * 1
    y.diagonal().mul_(3.0)
    y.sum().backward()
    return y, a.grad


grad_case("diag_embed_grad/default", lambda t, x: t.diag_embed(x), A)
grad_case("diag_embed_grad/offset_dims", lambda t, x: t.diag_embed(x, 1, 0, 2), A)
add("diag_embed/0d", lambda t: t.diag_embed(T(t, 1.0)), error=True)
grad_case("trace_grad/square", lambda t, x: x.trace(), SQ)
grad_case("trace_grad/wide", lambda t, x: t.trace(x), M)
add("trace/int_and_errors", lambda t: (t.trace(T(t, [[1, 2], [3, 4]])), t.trace(t.ones(2, 3))))
add("trace/vector", lambda t: t.trace(T(t, V)), error=True)
add("trace/bool", lambda t: t.trace(T(t, [[True, False], [True, True]])), error=True)

# ---- roll / movedim / unflatten --------------------------------------------------------------------
grad_case("roll_grad/flat", lambda t, x: x.roll(2), M)
grad_case("roll_grad/dim", lambda t, x: t.roll(x, 1, 0), M)
grad_case("roll_grad/dims", lambda t, x: x.roll((1, -1), (0, 1)), M)
add("roll/negative_dim_and_list", lambda t: (T(t, M).roll(-5, -1), T(t, V).roll([1])))
add("roll/dim_out_of_range", lambda t: T(t, V).roll(1, 5), error=True)
add("roll/misaligned", lambda t: T(t, V).roll((1, 2), (0,)), error=True)
grad_case("movedim_grad/one", lambda t, x: x.reshape(3, 2, 2).movedim(0, -1), M)
grad_case("movedim_grad/several", lambda t, x: t.moveaxis(x.reshape(3, 2, 2), (0, 1), (2, 0)), M)
add("movedim/same_place", lambda t: L(t, M).movedim(0, 0))
add("movedim/count_mismatch", lambda t: t.movedim(t.ones(2, 3), (0, 1), (1,)), error=True)
add("movedim/repeated", lambda t: t.movedim(t.ones(2, 3), (0, 0), (1, 0)), error=True)
grad_case("unflatten_grad/dim1", lambda t, x: x.unflatten(1, (2, 2)), M)
add("unflatten/infer", lambda t: t.unflatten(T(t, M), -1, (-1, 2)))
add("unflatten/bad_sizes", lambda t: T(t, M).unflatten(1, (3, -1)), error=True)
add("unflatten/empty_sizes", lambda t: T(t, M).unflatten(1, ()), error=True)

# ---- atleast_Nd, stacks, argwhere -------------------------------------------------------------------
add("atleast/nd", lambda t: (t.atleast_1d(T(t, 1.0)), t.atleast_2d(T(t, V)), t.atleast_2d(T(t, 1.0)),
                             t.atleast_3d(T(t, V)).shape, t.atleast_3d(T(t, A)).shape,
                             t.atleast_1d(T(t, V), T(t, 2.0)), t.atleast_2d([T(t, V), T(t, A)])))
add("atleast/graphs", lambda t: [graph(f(L(t, d)).grad_fn) for f, d in (
    (t.atleast_1d, 1.0), (t.atleast_2d, 1.0), (t.atleast_2d, V), (t.atleast_3d, V),
    (t.atleast_3d, A), (t.atleast_3d, 2.0))])
grad_case("stack_grad/hstack_1d", lambda t, x, y: t.hstack([x, y]), V, W)
grad_case("stack_grad/hstack_2d", lambda t, x, y: t.hstack((x, y)), A, A)
grad_case("stack_grad/vstack_1d", lambda t, x, y: t.vstack([x, y]), V, W)
grad_case("stack_grad/vstack_2d", lambda t, x: t.vstack([x, x]), A)
grad_case("stack_grad/row_stack", lambda t, x, y: t.row_stack([x, y]), V, W)
grad_case("stack_grad/dstack_1d", lambda t, x, y: t.dstack([x, y]), V, W)
grad_case("stack_grad/dstack_2d", lambda t, x: t.dstack([x, x]), A)
grad_case("stack_grad/column_stack", lambda t, x, y: t.column_stack([x, y]), V, W)
grad_case("stack_grad/column_stack_mixed", lambda t, x, y: t.column_stack([x.reshape(3, 2), y]),
          A, V)
add("stack/hstack_scalars_promote", lambda t: t.hstack([T(t, 1.0), T(t, 2)]))
add("stack/hstack_empty", lambda t: t.hstack([]), error=True)
add("stack/hstack_tensor", lambda t: t.hstack(T(t, V)), error=True)
add("stack/vstack_mismatch", lambda t: t.vstack([T(t, V), T(t, [1.0, 2.0])]), error=True)
add("argwhere/int_and_bool", lambda t: (t.argwhere(T(t, [[0, 1], [2, 0]])),
                                        T(t, [True, False, True]).argwhere(), t.argwhere(T(t, 3.0))))

# ---- meshgrid -----------------------------------------------------------------------------------
add("meshgrid/ij", lambda t: t.meshgrid(L(t, V), T(t, [4.0, 5.0]), indexing="ij"))
add("meshgrid/xy", lambda t: t.meshgrid([L(t, V), T(t, [4.0, 5.0])], indexing="xy"))
add("meshgrid/xy_three", lambda t: [g.shape for g in t.meshgrid(
    T(t, V), T(t, [4.0, 5.0]), T(t, [1.0]), indexing="xy")])
add("meshgrid/no_indexing_warns", lambda t: t.meshgrid(T(t, V), T(t, [4.0, 5.0])))
add("meshgrid/graph", lambda t: graph(t.meshgrid(L(t, V), T(t, W), indexing="xy")[0].grad_fn))
add("meshgrid/one_and_0d", lambda t: (t.meshgrid(T(t, V), indexing="ij"),
                                      t.meshgrid(T(t, 1.0), T(t, W), indexing="ij")))
add("meshgrid/bad_indexing", lambda t: t.meshgrid(T(t, V), indexing="foo"), error=True)
add("meshgrid/dtypes_differ", lambda t: t.meshgrid(T(t, V), T(t, V, t.float64), indexing="ij"),
    error=True)


@case("meshgrid/grad")
def _(t):
    a, b = L(t, V), L(t, [4.0, 5.0])
    x, y = t.meshgrid(a, b, indexing="xy")
    (x * y * t.arange(6.0).reshape(2, 3)).sum().backward()
    return a.grad, b.grad


# ---- einsum -------------------------------------------------------------------------------------
B3 = [[[1.0, 2.0], [0.5, -1.0]], [[2.0, 0.0], [1.0, 3.0]]]
EINSUM = [("mm", "ij,jk->ik", (A, [[1.0, 0.5], [2.0, -1.0], [0.0, 1.0]])),
          ("implicit", "ij,jk", (A, [[1.0, 0.5], [2.0, -1.0], [0.0, 1.0]])),
          ("sum", "ij->", (A,)), ("transpose", "ij->ji", (A,)), ("outer", "i,j->ij", (V, W)),
          ("dot", "i,i->", (V, W)), ("bmm", "bij,bjk->bik", (B3, B3)), ("diag", "ii->i", (SQ,)),
          ("trace_implicit", "ii", (SQ,)), ("hadamard", "ij,ij->ij", (A, A)),
          ("rowsum", "ij->i", (A,)), ("mv", "ij,j->i", (A, V)),
          ("ellipsis", "...j,jk->...k", (B3, [[1.0, 2.0], [3.0, 4.0]])),
          ("spaces_upper", "i J -> J", (A,)), ("three", "i,j,k->ijk", (V, W, [1.0, 2.0]))]
for _name, _eq, _datas in EINSUM:
    grad_case("einsum_grad/" + _name, lambda t, *xs, e=_eq: t.einsum(e, *xs), *_datas)
add("einsum/list_and_promotion", lambda t: (t.einsum("ij,jk->ik", [T(t, A), T(t, A).t()]),
                                            t.einsum("i,j", T(t, [1, 2]), T(t, [1.0, 2.0]))))
add("einsum/size_mismatch", lambda t: t.einsum("ij,jk->ik", t.ones(2, 3), t.ones(4, 5)), error=True)
add("einsum/too_few", lambda t: t.einsum("ij,jk->ik", t.ones(2, 3)), error=True)
add("einsum/too_many", lambda t: t.einsum("ij->ij", t.ones(2, 3), t.ones(2)), error=True)
add("einsum/rank_mismatch", lambda t: t.einsum("ijk,jk->ik", t.ones(2, 3), t.ones(2, 3)),
    error=True)
add("einsum/unknown_output", lambda t: t.einsum("ij->iz", t.ones(2, 3)), error=True)
add("einsum/repeated_output", lambda t: t.einsum("ij,jk->ii", t.ones(2, 3), t.ones(3, 2)),
    error=True)
