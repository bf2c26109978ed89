"""The workloads: a cubic fit of sin(x), a long chain of scalar ops and a small MLP.

Each factory prepares its inputs and returns a workload: a function that runs the
experiment once, timing itself, and returns ({phase: seconds}, result). The
autograd versions take the module to run on as `torch` (gradrepl_engine or real
torch), so both run the very same code; the NumPy versions compute the gradients
by hand, the floor an autograd engine on NumPy cannot beat.
"""

import math

import numpy as np

from timing import now

# ---- 1. cubic fit of sin(x): PyTorch's tutorial "polynomial with autograd" ----------

CUBIC_POINTS = 2000
CUBIC_LR = 1e-6
# Per step: 11 forward ops (3 mul, 3 add, 2 pow of x, sub, pow, sum), the 9 nodes
# backward runs (x**2 and x**3 need no grad), 8 update ops (4 mul, 4 in-place sub).
CUBIC_OPS = 11 + 9 + 8


def cubic_data():
    """x in [-pi, pi], y = sin(x) (float32), and the starting a, b, c, d."""
    x = np.linspace(-math.pi, math.pi, CUBIC_POINTS, dtype=np.float32)
    start = [float(v) for v in np.random.default_rng(0).standard_normal(4)]
    return x, np.sin(x), start


def cubic_autograd(torch, steps):
    x_np, y_np, start = cubic_data()
    x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)

    def run():
        a, b, c, d = (torch.tensor(v, requires_grad=True) for v in start)
        begin = now()
        for _ in range(steps):
            y_pred = a + b * x + c * x ** 2 + d * x ** 3
            loss = (y_pred - y).pow(2).sum()
            loss.backward()
            with torch.no_grad():
                a -= CUBIC_LR * a.grad
                b -= CUBIC_LR * b.grad
                c -= CUBIC_LR * c.grad
                d -= CUBIC_LR * d.grad
                a.grad = None
                b.grad = None
                c.grad = None
                d.grad = None
        return {"loop": now() - begin}, loss.item()
    return run


def cubic_numpy(steps):
    x, y, start = cubic_data()

    def run():
        a, b, c, d = (np.float32(v) for v in start)
        begin = now()
        for _ in range(steps):
            # x ** 2 and x ** 3 once a step, as the autograd versions compute them, and by
            # multiplication as PyTorch's kernel does (NumPy's float32 power is a general
            # path some 100 times slower than x * x * x).
            x2 = x * x
            x3 = x2 * x
            y_pred = a + b * x + c * x2 + d * x3
            loss = np.square(y_pred - y).sum()
            grad_y_pred = 2.0 * (y_pred - y)
            grad_a = grad_y_pred.sum()
            grad_b = (grad_y_pred * x).sum()
            grad_c = (grad_y_pred * x2).sum()
            grad_d = (grad_y_pred * x3).sum()
            a -= CUBIC_LR * grad_a
            b -= CUBIC_LR * grad_b
            c -= CUBIC_LR * grad_c
            d -= CUBIC_LR * grad_d
        return {"loop": now() - begin}, float(loss)
    return run


# ---- 2. a long chain of scalar ops: the per-op overhead, and a deep backward ------------

def chain_autograd(torch, length):
    def run():
        x = torch.tensor(1.0, requires_grad=True)
        begin = now()
        y = x
        for _ in range(length):
            y = y * 1.0
        middle = now()
        y.backward()
        end = now()
        # Freeing the graph (when y goes) happens after the clock stops.
        return ({"forward": middle - begin, "backward": end - middle,
                 "fwd+bwd": end - begin}, x.grad.item())
    return run


# ---- 3. a matrix MLP: two hidden layers of 128 (tanh, relu), MSE loss, SGD ---------------

MLP_BATCH, MLP_IN, MLP_HIDDEN, MLP_OUT = 64, 128, 128, 10
MLP_LR = 0.01
# Per step: 11 forward ops (3 matmul, 3 add, tanh, relu, sub, pow, mean), 11 backward
# nodes, 12 update ops (6 parameters: mul, in-place sub).
MLP_OPS = 11 + 11 + 12


def mlp_data():
    """A fixed batch, its targets and the starting weights (float32)."""
    rng = np.random.default_rng(0)
    f32 = np.float32
    x = rng.standard_normal((MLP_BATCH, MLP_IN)).astype(f32)
    target = rng.standard_normal((MLP_BATCH, MLP_OUT)).astype(f32)
    params = []
    for fan_in, fan_out in ((MLP_IN, MLP_HIDDEN), (MLP_HIDDEN, MLP_HIDDEN),
                            (MLP_HIDDEN, MLP_OUT)):
        bound = 1.0 / math.sqrt(fan_in)
        params.append(rng.uniform(-bound, bound, (fan_in, fan_out)).astype(f32))
        params.append(rng.uniform(-bound, bound, fan_out).astype(f32))
    return x, target, params


def mlp_autograd(torch, steps):
    x_np, target_np, params_np = mlp_data()
    x, target = torch.from_numpy(x_np), torch.from_numpy(target_np)

    def run():
        params = [torch.from_numpy(p.copy()).requires_grad_() for p in params_np]
        w1, b1, w2, b2, w3, b3 = params
        begin = now()
        for _ in range(steps):
            h1 = torch.tanh(x @ w1 + b1)
            h2 = torch.relu(h1 @ w2 + b2)
            out = h2 @ w3 + b3
            loss = ((out - target) ** 2).mean()
            loss.backward()
            with torch.no_grad():
                for p in params:
                    p -= MLP_LR * p.grad
                    p.grad = None
        return {"loop": now() - begin}, loss.item()
    return run


def mlp_numpy(steps):
    x, target, params_np = mlp_data()

    def run():
        params = [p.copy() for p in params_np]
        w1, b1, w2, b2, w3, b3 = params
        begin = now()
        for _ in range(steps):
            h1 = np.tanh(x @ w1 + b1)
            z2 = h1 @ w2 + b2
            h2 = np.maximum(z2, 0)
            out = h2 @ w3 + b3
            diff = out - target
            loss = np.square(diff).mean()
            g_out = diff * np.float32(2.0 / diff.size)
            g_z2 = (g_out @ w3.T) * (z2 > 0)
            g_z1 = (g_z2 @ w2.T) * (1 - h1 * h1)
            grads = (x.T @ g_z1, g_z1.sum(0), h1.T @ g_z2, g_z2.sum(0),
                     h2.T @ g_out, g_out.sum(0))
            for p, g in zip(params, grads):
                p -= MLP_LR * g
        return {"loop": now() - begin}, float(loss)
    return run
