"""The vector width the softmax kernels follow: the machine's, capped by ATEN_CPU_CAPABILITY."""

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
