"""A differential sweep of the ops that take dims, sizes or indices, on unusual shapes.

Not a test (pytest does not collect it): a search tool. Every op template below runs on
0-dim, empty, size-1 and ordinary tensors, with every dim in range and one past each end,
on real torch and on the engine; the value, grad_fn name, the input's gradient after a
weighted backward, and the error text must agree, and no error of ours may be an internal
one (what the shell reports as "a bug in gradrepl").

    python tests/sweep_shapes.py [FILTER [DTYPES]]   # FILTER: a substring of the templates;
                                                     # DTYPES: e.g. float64,int64,bool
"""

import re
import sys
import warnings

import numpy as np
import torch

import gradrepl_engine as ge
from gradrepl.session import _is_internal

SHAPES = [(), (0,), (1,), (3,), (2, 0), (0, 3), (1, 3), (3, 1), (2, 3), (2, 1, 3)]

# {d} and {e}: dims; x: a float64 leaf requiring grad; ix: zeros shaped like x (int64);
# i1: tensor([0]), i0: an empty int64 index; s: x's data times 2 (no grad).
ONE_DIM = [
    "x.sum({d})", "x.sum({d}, keepdim=True)", "x.mean({d})", "x.mean({d}, keepdim=True)",
    "x.prod({d})", "x.prod({d}, keepdim=True)", "x.std({d})", "x.var({d}, keepdim=True)",
    "x.nansum({d})", "x.nanmean({d})", "x.amax({d})", "x.amin({d}, keepdim=True)",
    "x.logsumexp({d})", "x.norm(dim={d})", "x.norm(1, {d}, keepdim=True)",
    "x.count_nonzero({d})", "x.all({d})", "x.any({d})", "x.argmax({d})", "x.argmin({d}, True)",
    "x.max({d})", "x.min({d}, keepdim=True)", "x.median({d})", "x.mode({d})",
    "x.aminmax(dim={d})", "x.kthvalue(1, {d})", "x.topk(1, {d})", "x.topk(0, {d})",
    "x.sort({d})", "x.sort({d}, descending=True)", "x.argsort({d})", "x.cumsum({d})",
    "x.cumprod({d})", "x.softmax({d})", "x.log_softmax({d})", "torch.var_mean(x, {d})",
    "torch.std_mean(x, {d})", "x.flip({d})", "x.roll(1, {d})", "x.unsqueeze({d})",
    "x.squeeze({d})", "x.squeeze(({d},))", "x.narrow({d}, 0, 1)", "x.narrow({d}, 0, 0)",
    "x.narrow({d}, -1, 1)", "x.select({d}, 0)", "x.select({d}, -1)", "x.split(1, {d})",
    "x.split([1], {d})", "x.chunk(2, {d})", "x.tensor_split(2, {d})", "x.unbind({d})",
    "x.flatten({d})", "x.flatten(0, {d})", "x.unflatten({d}, (1, -1))", "x.movedim({d}, 0)",
    "torch.cat([x, x], {d})", "torch.stack([x, x], {d})", "x.gather({d}, ix)",
    "x.index_select({d}, i1)", "x.index_select({d}, i0)", "x.take_along_dim(ix, {d})",
    "x.index_add({d}, i1, s.narrow({d}, 0, 1) if x.dim() else s)",
    "x.index_fill({d}, i1, -1.)", "x.index_fill({d}, i0, -1.)",
    "x.index_copy({d}, i1, s.narrow({d}, 0, 1) if x.dim() else s)",
    "x.scatter({d}, ix, s)", "x.scatter_add({d}, ix, s)", "x.scatter({d}, ix, 5.)",
    "torch.nn.functional.normalize(x, dim={d})", "torch.nn.functional.softmax(x, {d})",
    "torch.cosine_similarity(x, x + 1, {d})", "x.diag({d})", "x.tril({d})", "x.triu({d})",
    "x.diagonal({d})", "x.diag_embed({d})", "x.msort()", "x.cross(x, {d})",
    "torch.nn.functional.glu(x, {d})", "x.sum(({d},))", "x.mean([{d}])", "x.std(({d},))",
    "x.amax(({d},))", "x.logsumexp(({d},))", "x.flip(({d},))", "x.roll((1,), ({d},))",
    "x.all(({d},))", "x.count_nonzero(({d},))", "x.var({d}, correction=0)",
    "x.nansum(({d},))", "x.norm(2, ({d},))", "x.sum(({d}, {d}))",
    "torch.nn.functional.log_softmax(x, {d})", "torch.nn.functional.one_hot(ix, 2)",
    "x.unique(dim={d})", "x.transpose({d}, {d})", "x.swapaxes(0, {d})", "x.movedim(({d},), (0,))",
    "x.clone().squeeze_({d})", "x.clone().unsqueeze_({d})", "x.clone().transpose_({d}, 0)",
    "x.clone().index_fill_({d}, i1, 2.)", "x.clone().scatter_({d}, ix, s)",
    "torch.sum(x, {d})", "torch.max(x, {d}, True)", "torch.argmax(x, {d}, True)",
    "torch.median(x, {d}, True)", "torch.mode(x, {d}, True)", "torch.kthvalue(x, 1, {d}, True)",
    "torch.logsumexp(x, {d}, True)", "torch.cumprod(x, {d})", "x.std({d}, keepdim=True)",
    "x.nanmean({d}, keepdim=True)", "x.count_nonzero(dim={d})", "x.any({d}, keepdim=True)",
    "x.prod({d}, dtype=torch.float32)", "x.sum({d}, dtype=torch.float32)",
    "x.softmax({d}, dtype=torch.float32)", "x.cumsum({d}, dtype=torch.float32)",
    "torch.select(x, {d}, 0)", "torch.narrow(x, {d}, 0, 1)", "torch.flip(x, ({d},))",
    "torch.roll(x, 1, {d})", "torch.squeeze(x, {d})", "torch.unsqueeze(x, {d})",
    "torch.index_select(x, {d}, i1)", "torch.gather(x, {d}, ix)", "torch.chunk(x, 3, {d})",
    "torch.split(x, 2, {d})", "torch.unbind(x, {d})", "torch.tensor_split(x, [1], {d})",
    "torch.cat([x], {d})", "torch.stack([x], {d})", "torch.hstack([x])", "x.size({d})",
    "x.stride({d})", "x.sort({d}, stable=True)", "torch.sort(x, dim={d})", "x.msort()",
    "x.argsort({d}, descending=True)",
    "x.norm(p='fro', dim={d})", "x.norm(p=0, dim={d})", "x.norm(p=float('inf'), dim={d})",
    "torch.linalg.vector_norm(x, dim={d})", "torch.nn.functional.normalize(x, p=1, dim={d})",
    "torch.var(x, {d}, unbiased=False)", "torch.std_mean(x, {d}, keepdim=True)",
    "torch.nn.functional.cosine_similarity(x, x, dim={d})",
    "torch.nn.functional.pairwise_distance(x, x)", "x.topk(1, {d}, largest=False)",
    "x.tile(({d} + 2,))",
]
TWO_DIM = [
    "x.transpose({d}, {e})", "x.movedim({d}, {e})", "x.flatten({d}, {e})",
    "x.diagonal(0, {d}, {e})", "x.diag_embed(0, {d}, {e})", "x.sum(({d}, {e}))",
    "x.amax(({d}, {e}))", "x.flip(({d}, {e}))", "x.roll((1, 1), ({d}, {e}))",
    "x.mean(({d}, {e}), keepdim=True)", "x.std(({d}, {e}))", "x.norm(dim=({d}, {e}))",
    "x.permute({d}, {e})", "x.squeeze(({d}, {e}))", "x.logsumexp(({d}, {e}))",
    "x.count_nonzero(({d}, {e}))", "torch.var_mean(x, ({d}, {e}))",
]
NO_DIM = [
    "x.sum()", "x.max()", "x.min()", "x.median()", "x.mean()", "x.prod()", "x.std()",
    "x.var()", "x.norm()", "x.argmax()", "x.argmin()", "x.aminmax()", "x.logsumexp(())",
    "x.amax(())", "x.sum(())", "x.mean(())", "x.flatten()", "x.squeeze()", "x.t()", "x.T",
    "x.mT", "x.trace()", "x.diag()", "x.cumsum(0)", "x.sort()", "x.topk(1)", "x.kthvalue(1)",
    "x.msort()", "x.nonzero()", "x.argwhere()", "x.unique()", "x.flip(())", "x.roll(1)",
    "x.repeat(2)", "x.repeat(2, 2)", "x.tile((2,))", "x.expand(2, *x.shape)", "x.view(-1)",
    "x.reshape(-1)", "x.reshape(0, -1)", "x.view(1, -1)", "x.reshape(())", "x.view(())",
    "x.expand(())", "x.expand_as(x)", "x.permute(())", "x.chunk(0)", "x.split(0)",
    "x.tensor_split(0)", "x.unbind()", "x[None]", "x[...]", "x[..., None]", "x[0]", "x[-1]",
    "x[:0]", "x[ix > 0]", "x[ix]", "x[i1]", "x[i0]", "x.masked_select(ix > 0)",
    "x.take(i1)", "x.take(i0)", "x.put(i1, s.reshape(-1)[:1])", "x.masked_fill(ix == 0, 3.)",
    "x.where(ix == 0, 3.)", "x.clamp(0, 1)", "x @ x", "x.matmul(x)", "x.dot(x)", "x.outer(x)",
    "x.mv(x)", "x.mm(x)", "x.kron(x)", "x.diag_embed()", "x.cumprod(-1)", "x.median(-1)",
    "x.nanmean()", "x.nansum()", "x.count_nonzero()", "x.all()", "x.any()",
    "torch.nn.functional.pad(x, (1, 1))", "torch.nn.functional.one_hot(ix)",
    "torch.atleast_1d(x)", "torch.atleast_2d(x)", "torch.atleast_3d(x)", "torch.hstack([x, x])",
    "torch.vstack([x, x])", "torch.dstack([x, x])", "torch.column_stack([x, x])",
    "x.hsplit(1)", "x.vsplit(1)", "x.dsplit(1)", "torch.trapezoid(x)",
    "torch.broadcast_tensors(x, s)", "x.sum_to_size(*x.shape)", "x.new_zeros(x.shape)",
    "x.unsqueeze(-1).expand(*x.shape, 2)", "x.softmax(-1)", "torch.meshgrid(x.reshape(-1), x.reshape(-1), indexing='ij')",
    "torch.nn.functional.normalize(x)",
    "torch.linalg.vector_norm(x)", "torch.linalg.norm(x)", "x.det()", "x.inverse()",
    "torch.linalg.matrix_norm(x)", "x.pinverse()", "torch.einsum('...->...', x)",
]


def dims_for(shape):
    n = len(shape)
    return list(range(-max(n, 1) - 1, max(n, 1) + 1))


def make(mod, shape, dtype):
    n = int(np.prod(shape)) if shape else 1
    data = (np.arange(n, dtype=np.float64) * 1.5 - 2).tolist()
    s = mod.tensor(data, dtype=mod.float64).reshape(shape)  # (0, 3) survives, unlike tolist()
    x = s.clone().requires_grad_() if dtype == "float64" else s.to(getattr(mod, dtype))
    return {"torch": mod, "x": x, "ix": mod.zeros(shape, dtype=mod.int64),
            "i1": mod.tensor([0]), "i0": mod.tensor([], dtype=mod.int64), "s": s * 2}


def first_tensor(value, mod):
    if isinstance(value, mod.Tensor):
        return value
    if isinstance(value, (tuple, list)):
        for v in value:
            if isinstance(v, mod.Tensor) and v.requires_grad:
                return v
    return None


def show(value):
    return re.sub(r"0x[0-9a-f]+", "0x", repr(value))


def run(mod, code, shape, dtype):
    names = make(mod, shape, dtype)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"):
                r = eval(code, names)
                out = [show(r)]
                y = first_tensor(r, mod)
                if y is not None and y.requires_grad:
                    out.append(type(y.grad_fn).__name__)
                    weights = mod.arange(1.0, y.numel() + 1.0, dtype=y.dtype).reshape(y.shape)
                    try:
                        (y * weights).sum().backward()
                        out.append(show(names["x"].grad))
                    except Exception as e:  # noqa: BLE001
                        out.append(failure(e, mod, "BWD "))
        return out
    except Exception as e:  # noqa: BLE001
        return [failure(e, mod)]


def failure(e, mod, prefix=""):
    text = "%s%s: %s" % (prefix, type(e).__name__, str(e).split("\n")[0])
    if mod is ge and _is_internal(e):
        text += "  [INTERNAL]"
    return text


def cases(pattern):
    for shape in SHAPES:
        for code in NO_DIM:
            yield code, shape
        for d in dims_for(shape):
            for code in ONE_DIM:
                yield code.format(d=d), shape
        for d in dims_for(shape)[1:-1]:
            for e in dims_for(shape)[1:-1]:
                for code in TWO_DIM:
                    yield code.format(d=d, e=e), shape


def main():
    pattern = sys.argv[1] if len(sys.argv) > 1 else ""
    dtypes = sys.argv[2].split(",") if len(sys.argv) > 2 else ["float64"]
    found = total = 0
    seen = set()
    for code, shape in cases(pattern):
        if pattern not in code or (code, shape) in seen:
            continue
        seen.add((code, shape))
        for dtype in dtypes:
            total += 1
            t = run(torch, code, shape, dtype)
            g = run(ge, code, shape, dtype)
            if t == g:
                continue
            found += 1
            print("=== %s shape %s: %s" % (dtype, shape, code))
            for a, b in zip(t + [""] * 3, g + [""] * 3):
                if a != b:
                    print("  torch: %s\n  ours:  %s" % (a.replace("\n", "\\n")[:240],
                                                       b.replace("\n", "\\n")[:240]))
    print("found", found, "of", total)


if __name__ == "__main__":
    main()
