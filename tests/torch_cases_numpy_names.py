"""Cases for test_vs_torch.py: NumPy's axis=/keepdims= spellings, strides and storage offsets
of views, and integer aranges with float steps. Registered into torch_cases.CASES."""

from torch_cases import add, T, L, A

X = [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]

# ---- axis= and keepdims=: native functions take them, Python-level ones do not ----------------------
_ALIASED = {
    "sum": lambda t, x: t.sum(x, axis=0, keepdims=True), "method_sum": lambda t, x: x.sum(axis=1),
    "mean": lambda t, x: x.mean(axis=0), "max": lambda t, x: x.max(axis=0),
    "min_keepdims": lambda t, x: t.min(x, axis=1, keepdims=True),
    "argmax": lambda t, x: x.argmax(axis=1), "amin_dims": lambda t, x: t.amin(x, axis=(0, 1), keepdims=True),
    "prod": lambda t, x: x.prod(axis=0), "std": lambda t, x: x.std(axis=0), "var": lambda t, x: t.var(x, axis=0),
    "logsumexp": lambda t, x: x.logsumexp(axis=0), "softmax": lambda t, x: x.softmax(axis=0),
    "log_softmax": lambda t, x: t.log_softmax(x, axis=0), "cumsum": lambda t, x: x.cumsum(axis=0),
    "any_all": lambda t, x: (x.any(axis=0), t.all(x, axis=0)),
    "cat_stack": lambda t, x: (t.cat([x, x], axis=1), t.stack([x, x], axis=1), t.concat([x], axis=0)),
    "squeeze_unsqueeze": lambda t, x: (x.unsqueeze(axis=0).squeeze(axis=0), x.unbind(axis=0)),
    "sort_median": lambda t, x: (x.sort(axis=0), x.median(axis=0), x.argsort(axis=0)),
    "nan_reductions": lambda t, x: (x.nansum(axis=0), x.nanmean(axis=0), x.count_nonzero(axis=0)),
    "topk_kth_mode": lambda t, x: (x.topk(1, axis=0), x.kthvalue(1, axis=0), x.mode(axis=0)),
    "gather_index_select": lambda t, x: (x.gather(axis=0, index=t.tensor([[0]])),
                                         x.index_select(axis=0, index=t.tensor([0]))),
    "chunk_select_narrow": lambda t, x: (x.chunk(2, axis=1), x.select(axis=0, index=0),
                                         x.narrow(axis=0, start=0, length=1)),
    "stats": lambda t, x: (x.aminmax(axis=0), t.var_mean(x, axis=0), t.std_mean(x, axis=0),
                           x.cumprod(axis=0), x.mean(0, keepdims=True)),
}
for _name, _fn in _ALIASED.items():
    add("numpy_names/" + _name, lambda t, f=_fn: f(t, L(t, X)))
add("numpy_names/dim_and_axis", lambda t: T(t, X).sum(dim=0, axis=0), error=True)
add("numpy_names/roll_axis", lambda t: T(t, X).roll(1, axis=0), error=True)
add("numpy_names/functional_softmax_axis", lambda t: t.nn.functional.softmax(T(t, X), axis=0),
    error=True)

# ---- stride, storage_offset, is_contiguous ---------------------------------------------------------------
_VIEWS = {
    "base": lambda x: x, "transpose": lambda x: x.transpose(0, 2), "select": lambda x: x[:, 1],
    "step_slice": lambda x: x[1:, ::2], "unsqueeze": lambda x: x.unsqueeze(1),
    "expand": lambda x: x.expand(3, 2, 3, 4), "scalar": lambda x: x[0, 0, 0],
    "permute": lambda x: x.permute(2, 0, 1), "keep_one": lambda x: x[:, :1],
    "narrow": lambda x: x.narrow(2, 1, 2), "diagonal": lambda x: x.diagonal(0, 1, 2),
    "last": lambda x: x[..., -1], "chunk": lambda x: x.chunk(2, 2)[1],
    "clone_keeps_layout": lambda x: x.transpose(0, 2).clone(),
    "clone_of_slice": lambda x: x.transpose(0, 2)[::2].clone(),
    "clone_of_expand": lambda x: x[0, 0].expand(2, 4).clone(),
    "contiguous": lambda x: x.transpose(0, 1).contiguous(), "mul_keeps_layout": lambda x: x.mT * 2,
    "reshape_copy": lambda x: x.transpose(0, 1).reshape(6, 4),
}
for _name, _view in _VIEWS.items():
    add("stride/" + _name, lambda t, v=_view: (lambda y: (y.stride(), y.storage_offset(),
                                                         y.is_contiguous()))(
        v(t.arange(24.0).reshape(2, 3, 4))))
add("stride/dim", lambda t: (T(t, A).t().stride(0), T(t, A).stride(-1)))
add("stride/dim_out_of_range", lambda t: T(t, A).stride(2), error=True)

# ---- arange with an integer dtype and float arguments ----------------------------------------------------
add("arange/int64_truncates", lambda t: (t.arange(0, 3, 1.5, dtype=t.int64),
                                         t.arange(0, 3.5, 1.5, dtype=t.int64),
                                         t.arange(-0.5, 2, dtype=t.int64),
                                         t.arange(0.2, 2.7, 1, dtype=t.int64)))
add("arange/int64_step_below_one", lambda t: t.arange(0, 1, 0.5, dtype=t.int64), error=True)
add("arange/int32_float_step", lambda t: (t.arange(0, 1, 0.5, dtype=t.int32),
                                          t.arange(0.2, 2.7, 1, dtype=t.int32),
                                          t.arange(-2.7, 0, dtype=t.int32),
                                          t.arange(0, 1, 0.1, dtype=t.uint8)))
add("arange/zero_step", lambda t: t.arange(0, 1, 0.0, dtype=t.int32), error=True)
add("arange/bool", lambda t: t.arange(0, 3, dtype=t.bool), error=True)
