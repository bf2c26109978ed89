"""The planned straight-line sums of short rows give the generic cascade's bits exactly
(the generic one is checked against PyTorch in test_sum_order_vs_torch.py)."""

import numpy as np
import pytest

from gradrepl_engine import cascade_sum as cs


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_planned_row_sums_equal_the_generic_order(dtype):
    rng = np.random.default_rng(3)
    lanes = cs._VECTOR_BYTES // np.dtype(dtype).itemsize
    lengths = list(range(1, 600)) + [int(n) for n in rng.integers(600, 40000, 80)]
    for n in lengths:
        x = (rng.standard_normal(n) * rng.choice([1, 1e6, 1e-6], n)).astype(dtype)
        planned = np.asarray(cs.cascade_sum(x, (0,)))
        generic = np.asarray(cs._full_sum(x, lanes))
        assert planned.tobytes() == generic.tobytes(), n


def test_planned_sums_of_negative_zeros_are_positive_zero():
    for n in (3, 40, 2000):
        assert not np.signbit(cs.cascade_sum(-np.zeros(n, np.float32), (0,)))
