"""The engine's random numbers without PyTorch: PyTorch's published values, determinism,
generator objects and state."""

import numpy as np
import pytest

import gradrepl_engine as torch


def test_known_values_for_seed_0():
    # torch 2.13: torch.manual_seed(0) then these calls, one after the other.
    torch.manual_seed(0)
    assert torch.rand(3).tolist() == [0.49625658988952637, 0.7682217955589294,
                                      0.08847743272781372]
    assert torch.randn(3).tolist() == [0.3643381893634796, 0.13439632952213287,
                                       0.16421625018119812]
    assert torch.randn(16).tolist()[:4] == [-0.20410172641277313, -0.08853142708539963,
                                            0.5238832831382751, -0.6658713221549988]
    assert torch.randint(0, 10, (5,)).tolist() == [9, 9, 0, 1, 2]
    assert torch.randperm(5).tolist() == [3, 1, 0, 4, 2]
    torch.manual_seed(0)
    assert torch.randn(2, dtype=torch.float64).tolist() == [1.5409961082440433,
                                                            -0.2934289057609464]


def test_manual_seed_makes_sequences_repeat():
    def draw():
        torch.manual_seed(123)
        return [torch.randn(5).tolist(), torch.rand(20).tolist(), torch.randint(3, (4,)).tolist(),
                torch.randn(1).tolist(), torch.randperm(9).tolist()]
    assert draw() == draw()


def test_generators_are_independent_of_the_default_one():
    g = torch.Generator()
    assert g.initial_seed() == 67280421310721  # c10's default_rng_seed_val
    assert g.manual_seed(7) is g
    torch.manual_seed(7)
    a = torch.rand(4, generator=g)
    b = torch.rand(4)
    assert torch.equal(a, b)
    assert torch.initial_seed() == 7


def test_negative_seeds_wrap_to_uint64():
    assert torch.manual_seed(-5).initial_seed() == 2**64 - 5
    with pytest.raises(ValueError, match="Overflow when unpacking long long"):
        torch.manual_seed(2**64)


def test_seed_is_nondeterministic_and_reseeds():
    first = torch.seed()
    assert torch.initial_seed() == first
    assert torch.seed() != first


def test_state_round_trip_includes_the_cached_normal():
    torch.manual_seed(1)
    torch.randn(1)  # leaves the second Box-Muller value cached
    state = torch.get_rng_state()
    assert state.dtype == torch.uint8 and state.shape == (5056,)
    a = torch.randn(3)
    torch.set_rng_state(state)
    assert torch.equal(torch.randn(3), a)


def test_large_randn_is_vectorized_and_standard_normal():
    torch.manual_seed(0)
    x = torch.randn(1000, 1000)
    assert abs(float(x.mean())) < 0.01 and abs(float(x.std()) - 1) < 0.01


def test_inplace_samplers_bump_the_version_and_record_a_node():
    x = torch.zeros(3, requires_grad=True) * 1
    counter = x._shared_version()
    version = counter[0]
    x.normal_()
    x.uniform_()
    assert counter[0] == version + 2
    assert type(x.grad_fn).__name__ == "UniformBackward0"


def test_dropout_scales_the_kept_values():
    torch.manual_seed(0)
    y = torch.nn.functional.dropout(torch.ones(1000), 0.25)
    values = set(np.unique(y._data).tolist())
    assert values <= {0.0, np.float32(1 / 0.75)}
