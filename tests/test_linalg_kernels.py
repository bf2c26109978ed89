"""Linear-algebra kernels where NumPy's LAPACK and PyTorch's MKL part ways: a matrix only
rounding makes singular, and triangular solves with a zero on the diagonal."""

import math

import gradrepl_engine as torch


def test_a_matrix_singular_only_to_lapacks_rounding_still_inverts():
    # OpenBLAS finds an exact zero pivot in float64; our LU (and PyTorch's MKL) does not.
    a = torch.tensor([[1.0, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float64)
    inverse = torch.inverse(a)
    assert all(math.isfinite(v) and abs(v) > 1e14 for v in inverse.reshape(-1).tolist())
    x = torch.linalg.solve(a, torch.ones(3, dtype=torch.float64))
    assert all(math.isfinite(v) for v in x.tolist())


def test_an_exactly_singular_matrix_raises_torchs_error():
    a = torch.tensor([[1.0, 2, 3], [2, 4, 6], [0, 0, 1]], dtype=torch.float64)
    try:
        torch.inverse(a)
    except RuntimeError as e:
        assert "The diagonal element 2 is zero" in str(e)
    else:
        raise AssertionError("no error")


def test_triangular_solve_with_a_zero_diagonal_gives_inf_and_nan():
    t = torch.tensor([[1.0, 0], [0, 0]])
    x = torch.linalg.solve_triangular(t, torch.ones(2, 1), upper=True).reshape(-1).tolist()
    assert math.isnan(x[0]) and x[1] == math.inf
    lower = torch.linalg.solve_triangular(t.T, torch.ones(1, 2), upper=False, left=False)
    assert [math.isnan(v) or v == math.inf for v in lower.reshape(-1).tolist()] == [True, True]


def test_triangular_solve_reads_only_its_triangle():
    t = torch.tensor([[2.0, 1], [5, 4]])
    x = torch.linalg.solve_triangular(t, torch.tensor([[4.0], [8.0]]), upper=True)
    assert x.reshape(-1).tolist() == [1.0, 2.0]
