"""Sums, means and linspace against real PyTorch, bit for bit: PyTorch's summation order
(engine/cascade_sum.py) over shapes that take every branch of its sum kernel."""

import itertools

import numpy as np
import pytest

torch = pytest.importorskip("torch")
import gradrepl_engine as engine  # noqa: E402
from gradrepl_engine.cascade_sum import _THREADS, cascade_sum  # noqa: E402

# short rows (scalar row_sum), one vector, leftover vectors, one and several runs of 16,
# the level-2 cascade, a full sum split over threads; inner, outer and strided reductions
SHAPES = [(1,), (5,), (7,), (8,), (100,), (2000,), (33000,), (70001,), (3, 4), (50, 3),
          (64, 16), (4, 40), (40, 4), (100, 37), (7, 9, 11), (2, 3, 40), (30, 2, 5),
          (5, 1, 70), (64, 1), (1, 64), (3, 5, 7, 9), (200, 200)]


def _cases():
    for shape in SHAPES:
        for dims in range(1, len(shape) + 1):
            for axes in itertools.combinations(range(len(shape)), dims):
                yield pytest.param(shape, axes, id="%s-%s" % ("x".join(map(str, shape)),
                                                              "".join(map(str, axes))))


@pytest.mark.parametrize("shape, axes", list(_cases()))
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sum_bits_match_torch(shape, axes, dtype):
    if np.prod(shape) > 32768 and len(axes) == len(shape) and torch.get_num_threads() != _THREADS:
        pytest.skip("a full sum past the grain size splits over PyTorch's thread count")
    rng = np.random.default_rng(sum(shape) * 7 + sum(axes))
    a = (rng.standard_normal(shape) * rng.uniform(0.1, 100)).astype(dtype)
    expected = torch.from_numpy(a).sum(dim=axes).numpy()
    actual = cascade_sum(a, axes)
    assert actual.shape == expected.shape
    assert actual.tobytes() == expected.tobytes()


@pytest.mark.parametrize("n", [1, 3, 9, 64, 300, 2000, 5000])
def test_mean_and_engine_sum_bits_match_torch(n):
    a = np.random.default_rng(n).standard_normal((n, 3)).astype(np.float32)
    ours, theirs = engine.tensor(a), torch.from_numpy(a)
    for fn in (lambda x: x.sum(), lambda x: x.mean(), lambda x: x.mean(0), lambda x: x.sum(1),
               lambda x: x.sum((0, 1), keepdim=True)):
        assert fn(ours).numpy().tobytes() == fn(theirs).numpy().tobytes()


def test_sum_of_negative_zeros_is_positive_zero():
    a = np.array([-0.0, -0.0], dtype=np.float32)
    assert str(engine.tensor(a).sum()) == str(torch.from_numpy(a).sum())


def test_linspace_bits_match_torch():
    rng = np.random.default_rng(5)
    for _ in range(200):
        start, end = rng.normal(0, 10, 2)
        steps = int(rng.integers(1, 3000))
        for name in ("float32", "float64", "int64", "int32", "float16"):
            expected = torch.linspace(start, end, steps, dtype=getattr(torch, name))
            actual = engine.linspace(start, end, steps, dtype=getattr(engine, name))
            assert actual.numpy().tobytes() == expected.numpy().tobytes(), (start, end, steps)
