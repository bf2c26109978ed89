"""NumPy kernels of the losses and distances ATen computes in one kernel: soft_margin_loss,
multi_margin_loss, multilabel_margin_loss, pdist, with their backward functions.

Accumulation follows ATen's CPU loops (LossMultiMargin.cpp, LossMultiLabelMargin.cpp):
a row's terms summed in order in the input's dtype, rows summed in double.
"""

import numpy as np

from .kernels import exp, log1p, mean_all, sum_all
from .kernels_stats import distance_backward_terms


def _reduce(loss, reduction):
    if reduction == "mean":
        return mean_all(loss)
    if reduction == "sum":
        return sum_all(loss)
    return loss


# ---- soft_margin_loss: log(1 + exp(-y x)), op by op as ATen's soft_margin_loss_out -------------

def soft_margin_loss(a, target, reduction):
    scaled = (np.negative(a) * target).astype(a.dtype, copy=False)  # mul_ into the input's dtype
    return _reduce(log1p(exp(scaled)), reduction)


def soft_margin_loss_backward(grad, a, target, reduction):
    norm = 1.0 / a.size if reduction == "mean" else 1.0
    target = target.astype(a.dtype, copy=False)
    z = exp(np.negative(target) * a)
    g = target * z * a.dtype.type(-norm)
    return g / (z + a.dtype.type(1)) * grad


# ---- multi_margin_loss --------------------------------------------------------------------------

def _frames(a):
    """(nframe, dim) rows of a 0-, 1- or 2-d input."""
    return a.reshape(1, -1) if a.ndim <= 1 else a


def _margins(x, target, p, margin, weight):
    """The terms h of each row (0 where z <= 0 and at the target), in the input's dtype."""
    f = x.dtype.type
    rows = np.arange(x.shape[0])
    z = f(margin) - x[rows, target][:, None] + x
    h = z if p == 1 else z * z
    if weight is not None:
        h = h * weight.astype(x.dtype)[target][:, None]
    keep = (z > 0) & (np.arange(x.shape[1]) != target[:, None])
    return np.where(keep, h, f(0)), z, keep


def multi_margin_loss(a, target, p, margin, weight, reduction):
    x = _frames(a)
    t = np.asarray(target).reshape(-1)
    h, _, _ = _margins(x, t, p, margin, weight)
    dim = x.shape[1]
    rows = np.add.accumulate(h, axis=1)[:, -1] / x.dtype.type(dim)
    if reduction == "none" and np.ndim(target) > 0:
        return rows
    total = np.add.accumulate(rows.astype(np.float64))[-1]
    if reduction == "mean":
        total /= x.shape[0]
    return np.asarray(total, dtype=a.dtype)


def multi_margin_loss_backward(grad, a, target, p, margin, weight, reduction):
    x = _frames(a)
    t = np.asarray(target).reshape(-1)
    nframe, dim = x.shape
    f = x.dtype.type
    g = f(1.0 / (nframe * dim)) if reduction == "mean" else f(1.0 / dim)
    _, z, keep = _margins(x, t, p, margin, weight)
    h = np.full_like(x, g) if p == 1 else f(2) * g * z
    if weight is not None:
        h = h * weight.astype(x.dtype)[t][:, None]
    h = np.where(keep, h, f(0))
    out = h.copy()
    out[np.arange(nframe), t] = f(0) - np.add.accumulate(h, axis=1)[:, -1]  # 0 - h1 - h2 ...
    go = np.asarray(grad, dtype=x.dtype)
    out = out * (go.reshape(-1, 1) if go.ndim else go)
    return out.reshape(a.shape)


# ---- multilabel_margin_loss ---------------------------------------------------------------------

def _targets_of(row):
    """The labels of a target row: those before the first -1."""
    ends = np.nonzero(row < 0)[0]
    return row[:ends[0]] if ends.size else row


def _label_rows(a, target):
    x = _frames(a)
    t = np.asarray(target).reshape(x.shape)
    is_target = np.zeros(x.shape, a.dtype)
    labels = []
    for i in range(x.shape[0]):
        row = _targets_of(t[i])
        is_target[i, row] = 1
        labels.append(row)
    return x, labels, is_target


def multilabel_margin_loss(a, target, reduction):
    """(loss, is_target), as ATen's multilabel_margin_loss_forward."""
    x, labels, is_target = _label_rows(a, target)
    f = x.dtype.type
    nframe, dim = x.shape
    sums = []
    for i in range(nframe):
        z = f(1) - x[i, labels[i]][:, None] + x[i]
        terms = np.where((z > 0) & (is_target[i] == 0), z, f(0)).astype(np.float64).ravel()
        # a frame's sum: accumulated in double, returned in the input's dtype
        sums.append(f(np.add.accumulate(terms)[-1]) if terms.size else f(0))
    is_target = is_target.reshape(np.shape(target))
    if reduction == "none" and np.ndim(target) > 1:
        return np.array([s / f(dim) for s in sums], dtype=a.dtype), is_target
    total = np.add.accumulate(np.array(sums, dtype=np.float64))[-1] / dim
    if reduction == "mean":
        total /= nframe
    return np.asarray(total, dtype=a.dtype), is_target


def multilabel_margin_loss_backward(grad, a, target, reduction, is_target):
    x, labels, _ = _label_rows(a, target)
    flags = np.asarray(is_target).reshape(x.shape)
    f = x.dtype.type
    nframe, dim = x.shape
    g = f(1.0 / (nframe * dim)) if reduction == "mean" else f(1.0 / dim)
    out = np.zeros_like(x)
    for i in range(nframe):
        z = f(1) - x[i, labels[i]][:, None] + x[i]
        hits = (z > 0) & (flags[i] == 0)
        counts = np.zeros(dim, np.int64)
        np.add.at(counts, labels[i], hits.sum(axis=1))   # a target loses g per hit
        counts += hits.sum(axis=0)                       # a non-target gains g per hit
        sign = np.where(flags[i] != 0, f(-1), f(1))
        row = np.zeros(dim, x.dtype)
        for n in range(int(counts.max()) if counts.size else 0):
            row = np.where(n < counts, row + sign * g, row)  # one float step at a time
        out[i] = row
    go = np.asarray(grad, dtype=x.dtype)
    out = out * (go.reshape(-1, 1) if go.ndim else go)
    return out.reshape(a.shape)


# ---- pdist: the distances between the rows of a matrix, upper triangle, row-major ---------------

def _pairs(n):
    i, j = np.triu_indices(n, 1)
    return i, j


def pdist(a, p):
    i, j = _pairs(a.shape[0])
    d = np.abs(a[i].astype(np.float64) - a[j])
    if p == 0:
        out = np.sum(d != 0, axis=1).astype(np.float64)
    elif p == float("inf"):
        out = np.max(d, axis=1, initial=0.0)
    elif p == 1:
        out = np.sum(d, axis=1)
    else:
        out = np.sum(d ** p, axis=1) ** (1.0 / p)
    return out.astype(a.dtype)


def pdist_backward(grad, a, dist, p):
    """ATen's _pdist_backward: each pair's gradient added to its first row, taken from its
    second; zero where the distance is 0 (and for p = 0)."""
    n = a.shape[0]
    i, j = _pairs(n)
    diff = a[i].astype(np.float64) - a[j]
    g = np.asarray(grad, np.float64)[:, None]
    dist = np.asarray(dist, np.float64)[:, None]
    pair = distance_backward_terms(g, diff, dist, p)
    out = np.zeros(a.shape, np.float64)
    np.add.at(out, i, pair)
    np.add.at(out, j, -pair)
    return out.astype(a.dtype)
