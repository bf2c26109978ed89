"""Differential tests: every case of torch_cases.py runs on real PyTorch and on our engine.

Each case is a function of a module `t` (real `torch` or our `gradrepl_engine`) that
returns a value (or raises). Both outcomes are turned into text the way a user sees
them -- `repr` of tensors (values, dtype, grad_fn suffix), of nodes (addresses
masked), of sizes and return types; `ErrorType: message` of exceptions; the warnings
raised on the way -- and must be identical. Tensor values are also compared
numerically (beyond the 4 printed decimals). Known gaps are strict xfails listed in
torch_cases.XFAILS, one precise reason each: the engine's work queue (non-strict
only where torch's own bits depend on the processor).
"""

import fnmatch
import re
import warnings

import numpy as np
import pytest

torch = pytest.importorskip("torch")
import gradrepl_engine as ours  # noqa: E402

import torch_cases  # noqa: E402
import autograd_cases  # noqa: E402,F401 - registers its cases into torch_cases.CASES
from torch_cases import CASES, XFAILS  # noqa: E402

_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
# PyTorch's C++ warnings end with the build path of their source line; not part of the text.
_TRIGGERED = re.compile(r" \(Triggered internally at [^)]*\.\)$")


def _is_tensor(value):
    return isinstance(value, (torch.Tensor, ours.Tensor))


def show(value, numbers):
    """The text a user sees for `value`; tensors' values are appended to `numbers`."""
    if isinstance(value, BaseException):
        return "%s: %s" % (type(value).__name__, value)
    if _is_tensor(value):
        try:
            numbers.append(np.array(value.detach().tolist()))
        except Exception as e:  # noqa: BLE001 - the text comparison reports it
            numbers.append("tolist failed: %r" % e)
        return _ADDRESS.sub("0x", repr(value))
    if type(value) in (tuple, list):
        inner = ", ".join(show(v, numbers) for v in value)
        return ("(%s,)" if type(value) is tuple and len(value) == 1 else
                "(%s)" if type(value) is tuple else "[%s]") % inner
    if type(value) is dict:
        return "{%s}" % ", ".join("%r: %s" % (k, show(v, numbers)) for k, v in value.items())
    if isinstance(value, (bool, int, float, complex, np.generic)):
        return "%s:%r" % (type(value).__name__, value)
    return _ADDRESS.sub("0x", repr(value))


def outcome(case, module):
    """(text, numbers) of running `case` on `module`; warnings and errors are part of it."""
    numbers = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            text = show(case.fn(module), numbers)
        except Exception as e:  # noqa: BLE001 - errors are outcomes to compare
            text = show(e, numbers)
    notes = ["%s: %s" % (w.category.__name__, _TRIGGERED.sub("", str(w.message))) for w in caught]
    if notes:
        text += "\n[warnings] " + " | ".join(notes)
    return text, numbers


def _same_numbers(expected, actual):
    if len(expected) != len(actual):
        return False
    for a, b in zip(expected, actual):
        if isinstance(a, str) or isinstance(b, str) or a.shape != b.shape:
            return False
        if a.dtype.kind in "fc" or b.dtype.kind in "fc":
            if not np.allclose(a.astype(float), b.astype(float), rtol=1e-5, atol=1e-6,
                               equal_nan=True):
                return False
        elif not np.array_equal(a, b):
            return False
    return True


_RAISED = re.compile(r"^[A-Za-z_.]*(Error|Exception|Warning|Interrupt): ")


def _reset():
    for module in (torch, ours):
        module.set_grad_enabled(True)
        module.set_default_dtype(module.float32)
        module.set_printoptions(profile="default")


@pytest.fixture(autouse=True)
def _torch_state():
    """Every case starts from PyTorch's defaults, in both modules."""
    for module in (torch, ours):  # TORCH_WARN_ONCE warnings must not depend on case order
        module.set_warn_always(True)
    yield
    _reset()
    for module in (torch, ours):
        module.set_warn_always(False)


def _param(case):
    marks = ()
    if case.id in XFAILS:
        strict = case.id not in torch_cases.MACHINE_DEPENDENT
        marks = pytest.mark.xfail(strict=strict, reason=XFAILS[case.id])
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_same_as_torch(case):
    expected, expected_numbers = outcome(case, torch)
    actual, actual_numbers = outcome(case, ours)
    assert actual == expected
    assert _same_numbers(expected_numbers, actual_numbers), (expected_numbers, actual_numbers)


def test_cases_mean_what_they_say(_torch_state):
    """The table itself: error cases raise in PyTorch, every other case does not."""
    wrong = []
    for case in CASES:
        if case.error is None:
            continue
        text, _ = outcome(case, torch)
        raised = _RAISED.match(text) is not None
        if raised != case.error:
            wrong.append("%s: %s" % (case.id, text))
        _reset()
    assert not wrong, "\n".join(wrong)


def test_table_is_consistent():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    unmatched = [p for p in torch_cases.XFAIL_PATTERNS if not fnmatch.filter(ids, p)]
    assert not unmatched, unmatched
    assert torch_cases.__doc__
