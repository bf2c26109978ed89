"""The vector widths ATen's kernels run with: the machine's widest (capped by ATEN_CPU_CAPABILITY)
for the kernels built for AVX512, AVX2's for the rest."""

from gradrepl_engine import cpu_capability


def test_the_capability_variable_caps_the_width(monkeypatch):
    monkeypatch.setenv("ATEN_CPU_CAPABILITY", "avx2")
    assert cpu_capability.vector_bytes() == 32
    monkeypatch.setenv("ATEN_CPU_CAPABILITY", "default")
    assert cpu_capability.vector_bytes() == 32


def test_avx512_needs_all_its_parts(monkeypatch):
    monkeypatch.delenv("ATEN_CPU_CAPABILITY", raising=False)
    features = dict.fromkeys(cpu_capability._AVX512_NEEDS, True)
    monkeypatch.setattr(cpu_capability, "_FEATURES", features)
    assert cpu_capability.vector_bytes() == 64
    monkeypatch.setattr(cpu_capability, "_FEATURES", dict(features, AVX512DQ=False))
    assert cpu_capability.vector_bytes() == 32


def test_plain_dispatch_kernels_keep_the_avx2_width():
    """softshrink has no AVX512 build: its vector loop takes blocks of 2 x 8 floats (+0 for
    the shrunk elements there), its scalar tail x * 0 (-0 for negative x)."""
    import math
    import gradrepl_engine as torch
    for n, signs in ((15, {-1.0}), (16, {1.0}), (17, {1.0, -1.0})):
        y = torch.nn.functional.softshrink(torch.full((n,), -0.25))
        assert {math.copysign(1.0, v) for v in y.tolist()} == signs
