"""Property tests: our tensor text against real PyTorch's, over random tensors and print options."""

import contextlib
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from gradrepl_engine import dtypes, tensor_str

torch = pytest.importorskip("torch")


from tensor_standin import Node, StandIn  # noqa: E402


def ours(array, **attrs):
    return tensor_str.tensor_repr(
        StandIn(array, dtypes.from_numpy_dtype(array.dtype), **attrs))


@contextlib.contextmanager
def both_options(options, default_dtype="float32"):
    """The same print options and default dtype in torch and in our printer."""
    torch.set_printoptions(**options)
    tensor_str.set_printoptions(**options)
    torch.set_default_dtype(getattr(torch, default_dtype))
    dtypes.set_default_dtype(dtypes.by_name(default_dtype))
    try:
        yield
    finally:
        torch.set_printoptions(profile="default")
        tensor_str.set_printoptions(profile="default")
        torch.set_default_dtype(torch.float32)
        dtypes.set_default_dtype(dtypes.float32)


def check(array, options, default_dtype="float32", ours_array=None):
    """Assert that our text of `array` is torch's, under `options`."""
    with both_options(options, default_dtype):
        theirs = repr(torch.from_numpy(array.copy()))  # copy(): C order, 0-d kept
        mine = ours(array if ours_array is None else ours_array)
    assert mine == theirs, f"options={options} default={default_dtype}\n{mine}\n!=\n{theirs}"


# ---- strategies --------------------------------------------------------------------

OPTIONS = st.fixed_dictionaries({
    "precision": st.integers(0, 10),
    "threshold": st.sampled_from([0, 1, 3, 8, 20, 64, 1000, math.inf]),
    "edgeitems": st.integers(0, 4),
    "linewidth": st.integers(1, 160),
    "sci_mode": st.sampled_from([None, None, True, False]),
})
DEFAULT_OPTIONS = st.just({"profile": "default"})
DEFAULT_DTYPES = st.sampled_from(["float32", "float32", "float64", "float16"])
SHAPES = hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=5)
SPECIALS = [0.0, -0.0, math.nan, math.inf, -math.inf]


@st.composite
def float_elements(draw):
    """Values around one random magnitude (1e-10 .. 1e12), so every form comes up.

    Each array mixes a few of: numbers within a small range of magnitudes
    (fixed form), decimals with few digits (rounding ties), integer values
    (the `1.` form), zero/-0.0/nan/inf, and any float at all.
    """
    exponent = draw(st.integers(-10, 12))
    spread = draw(st.integers(0, 4))
    decimals = draw(st.integers(0, 6))
    kinds = {
        "magnitude": st.builds(lambda m, e, s: s * m * 10.0 ** (exponent + e),
                               st.floats(1, 10), st.integers(0, spread),
                               st.sampled_from([1, -1])),
        "decimal": st.floats(-1000, 1000).map(lambda x: round(x, decimals)),
        "integer": st.integers(-10**6, 10**6).map(float),
        "special": st.sampled_from(SPECIALS),
        "any": st.floats(),
    }
    chosen = draw(st.sets(st.sampled_from(sorted(kinds)), min_size=1, max_size=3))
    return st.one_of([kinds[k] for k in sorted(chosen)])


@st.composite
def float_arrays(draw):
    dtype = draw(st.sampled_from([np.float32, np.float32, np.float64, np.float16]))
    shape = draw(SHAPES)
    values = draw(hnp.arrays(np.float64, shape, elements=draw(float_elements())))
    with np.errstate(over="ignore"):  # float16 turns large values into inf, as torch does
        return values.astype(dtype)


@st.composite
def int_arrays(draw):
    dtype = np.dtype(draw(st.sampled_from(
        [np.int64, np.int32, np.int16, np.int8, np.uint8, np.bool_])))
    shape = draw(SHAPES)
    if dtype == np.bool_:
        return draw(hnp.arrays(dtype, shape))
    info = np.iinfo(dtype)
    low = draw(st.sampled_from([info.min, -1000, 0]))
    high = draw(st.sampled_from([info.max, 1000, 9]))
    elements = st.integers(max(low, info.min), min(high, info.max))
    return draw(hnp.arrays(dtype, shape, elements=elements))


def scrambled(array, how):
    """The same values in a non-contiguous layout: our printer must not care."""
    if array.ndim == 0 or how == "C":
        return array
    if how == "F":
        return np.asfortranarray(array)
    return array[..., ::-1].copy()[..., ::-1]  # negative strides


SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---- properties ----------------------------------------------------------------------

@settings(max_examples=1500, **SETTINGS)
@given(float_arrays(), OPTIONS, DEFAULT_DTYPES, st.sampled_from(["C", "F", "reversed"]))
def test_floats_match_torch(array, options, default_dtype, layout):
    check(array, options, default_dtype, scrambled(array, layout))


@settings(max_examples=400, **SETTINGS)
@given(float_arrays(), DEFAULT_OPTIONS)
def test_floats_with_default_options_match_torch(array, options):
    check(array, options)


@settings(max_examples=600, **SETTINGS)
@given(int_arrays(), OPTIONS, DEFAULT_DTYPES)
def test_ints_and_bools_match_torch(array, options, default_dtype):
    check(array, options, default_dtype)


@st.composite
def large_arrays(draw):
    """Big tensors built by NumPy from a drawn seed: summarisation at the real threshold."""
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    shape = draw(st.sampled_from([(1001,), (5000,), (40, 30), (2, 700), (3, 400, 2),
                                  (5, 6, 7, 8), (11, 10, 10), (2, 2, 2, 200)]))
    kind = draw(st.sampled_from(["normal", "wide", "integer", "int64", "bool", "uniform"]))
    if kind == "normal":
        array = rng.standard_normal(shape)
    elif kind == "wide":
        array = rng.standard_normal(shape) * 10.0 ** rng.integers(-10, 12, shape)
    elif kind == "integer":
        array = rng.integers(-500, 500, shape).astype(np.float64)
    elif kind == "int64":
        return rng.integers(-10**9, 10**9, shape)
    elif kind == "bool":
        return rng.random(shape) < 0.5
    else:
        array = rng.random(shape) * draw(st.sampled_from([1.0, 100.0, 1e-3, 1e9]))
    with np.errstate(over="ignore"):
        return array.astype(draw(st.sampled_from([np.float32, np.float64, np.float16])))


@settings(max_examples=150, **SETTINGS)
@given(large_arrays(), st.one_of(DEFAULT_OPTIONS, OPTIONS.map(
    lambda o: {**o, "threshold": 1000, "edgeitems": max(o["edgeitems"], 1)})))
def test_large_tensors_match_torch(array, options):
    check(array, options)


# An op that keeps the values (x * 1 keeps -0.0 and nan), the node torch gives
# it, and the same op on the NumPy array.
GRAD_OPS = {
    "MulBackward0": (lambda x: x * 1, lambda a: a * 1),
    "CloneBackward0": (lambda x: x.clone(), lambda a: a.copy()),
    "ViewBackward0": (lambda x: x.view(x.shape), lambda a: a),
    "UnsqueezeBackward0": (lambda x: x.unsqueeze(0), lambda a: a[None]),
}


@settings(max_examples=600, **SETTINGS)
@given(float_arrays(), OPTIONS, st.sampled_from([None, "leaf", *GRAD_OPS]))
def test_grad_suffixes_match_torch(array, options, autograd):
    with both_options(options):
        x = torch.from_numpy(array.copy())
        if autograd is None:
            theirs, mine = repr(x), ours(array)
        elif autograd == "leaf":
            theirs, mine = repr(x.requires_grad_()), ours(array, requires_grad=True)
        else:
            torch_op, numpy_op = GRAD_OPS[autograd]
            theirs = repr(torch_op(x.requires_grad_()))
            mine = ours(numpy_op(array), requires_grad=True, grad_fn=Node(autograd))
    assert mine == theirs, f"options={options}\n{mine}\n!=\n{theirs}"
