"""softmax and log_softmax, forward and backward, bit for bit against PyTorch's CPU kernels
(float32, over the last dim and over others), and SLEEF's expf as those kernels use it."""

import numpy as np
import pytest

torch = pytest.importorskip("torch")
import gradrepl_engine as ours  # noqa: E402
from gradrepl_engine import kernels_softmax  # noqa: E402

SHAPES = [((5,), 0), ((3, 4), 1), ((3, 4), 0), ((64, 10), 1), ((10, 64), 0), ((7, 33), 1),
          ((33, 7), 0), ((4, 3, 20), 1), ((2, 3, 4, 20), 1), ((2, 50, 40), 1), ((1000,), 0),
          ((2, 3, 17), 2), ((300, 8), 0), ((6, 5, 48), 0), ((10, 40), 0)]


@pytest.fixture(autouse=True)
def same_threads():
    # Over a dim that is not last, which elements PyTorch computes in whole vectors depends
    # on how its threads split the work: give torch the thread count the engine assumes.
    before = torch.get_num_threads()
    torch.set_num_threads(kernels_softmax._threads())
    yield
    torch.set_num_threads(before)


def _bits(t):
    return t.detach().numpy().view(np.uint32) if t.dtype == torch.float32 else \
        np.asarray(t.detach().tolist(), dtype=np.float32).view(np.uint32)


@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
@pytest.mark.parametrize("shape,dim", SHAPES)
def test_forward_and_backward_bits(name, shape, dim):
    gen = torch.Generator().manual_seed(len(shape) * 100 + dim + shape[0])
    x = torch.randn(*shape, generator=gen) * 3
    g = torch.randn(*shape, generator=gen)
    tx = x.clone().requires_grad_()
    ty = getattr(tx, name)(dim)
    ty.backward(g)
    ox = ours.tensor(x.tolist(), requires_grad=True)
    oy = getattr(ox, name)(dim)
    oy.backward(ours.tensor(g.tolist()))
    y_diff = _bits(ty) != np.asarray(oy.tolist(), dtype=np.float32).view(np.uint32)
    g_diff = _bits(tx.grad) != np.asarray(ox.grad.tolist(), dtype=np.float32).view(np.uint32)
    # Not emulated: SLEEF's logf (log_softmax's log of the sum) and the C library's expf
    # (elements outside whole vectors), so a rare last bit differs there; a plain NumPy
    # formula differs for a third to a half of the values.
    assert y_diff.mean() <= (0.02 if name == "log_softmax" else 0.01)
    assert g_diff.mean() <= 0.01


def test_sleef_expf_matches_the_vectorized_exp():
    # softmax over the last dim of [x, 0] rows is exp(x) * (1 / (exp(x) + 1)): checking
    # every value of it checks SLEEF's exp at x (shifted by the max 0).
    x = torch.linspace(-87.0, 0.0, 20001)
    rows = torch.stack([x, torch.zeros_like(x)], 1)
    expected = rows.softmax(1)[:, 0].numpy()
    e = kernels_softmax.sleef_expf(x.numpy())
    ours_ = (e * (np.float32(1) / (e + np.float32(1)))).astype(np.float32)
    assert (ours_ == expected).all()


def test_xlogy_rounds_the_log_to_float32_first():
    # kl_div is xlogy(target, target) - target * input: the last bits of a loss near zero.
    gen = torch.Generator().manual_seed(0)
    x, y = torch.rand(20000, generator=gen), torch.rand(20000, generator=gen) * 10
    expected = torch.xlogy(x, y).numpy().view(np.uint32)
    got = np.asarray(ours.xlogy(ours.tensor(x.tolist()), ours.tensor(y.tolist())).tolist(),
                     dtype=np.float32).view(np.uint32)
    assert (got != expected).mean() < 0.01
