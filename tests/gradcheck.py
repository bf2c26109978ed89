"""Central-difference gradient checks, first and second order (as torch.autograd.gradcheck)."""

import numpy as np

import gradrepl_engine as torch


def _flat_outputs(out):
    return out if isinstance(out, (tuple, list)) else (out,)


def _weighted_sum(fn, inputs, weights):
    outs = _flat_outputs(fn(*inputs))
    total = 0.0
    for o, w in zip(outs, weights):
        if o.dtype.is_floating_point:
            total = total + (o * w).sum()
    return total


def numerical_grads(fn, inputs, weights, eps=1e-6):
    grads = []
    with torch.no_grad():
        for x in inputs:
            g = np.zeros(x.shape)
            flat = x._data.reshape(-1)
            for i in range(flat.size):
                old = flat[i]
                flat[i] = old + eps
                plus = float(_weighted_sum(fn, inputs, weights))
                flat[i] = old - eps
                minus = float(_weighted_sum(fn, inputs, weights))
                flat[i] = old
                g.reshape(-1)[i] = (plus - minus) / (2 * eps)
            grads.append(g)
    return grads


def _weights(fn, inputs, rng):
    with torch.no_grad():
        outs = _flat_outputs(fn(*inputs))
    return [torch.tensor(rng.standard_normal(o.shape), dtype=torch.float64) for o in outs]


def check_grads(fn, inputs, order=2, seed=0, atol=1e-5, rtol=1e-4):
    """Assert the engine's gradients of fn at inputs (float64 leaves) match central
    differences; with order=2, also the gradients of those gradients."""
    rng = np.random.default_rng(seed)
    weights = _weights(fn, inputs, rng)
    total = _weighted_sum(fn, inputs, weights)
    analytic = torch.autograd.grad(total, inputs, allow_unused=True, create_graph=order > 1)
    numeric = numerical_grads(fn, inputs, weights)
    for a, n in zip(analytic, numeric):
        got = np.zeros(n.shape) if a is None else a.detach()._data
        np.testing.assert_allclose(got, n, atol=atol, rtol=rtol)
    if order > 1:
        used = [a for a in analytic if a is not None and a.requires_grad]
        if not used:
            return

        def first_order(*xs):
            with torch.enable_grad():
                total = _weighted_sum(fn, xs, weights)
                gs = torch.autograd.grad(total, xs, allow_unused=True, create_graph=True)
            return tuple(g if g is not None else torch.zeros_like(x) for g, x in zip(gs, xs))

        check_grads(first_order, inputs, order=1, seed=seed + 1, atol=atol * 10, rtol=rtol * 10)
