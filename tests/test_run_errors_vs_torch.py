"""A script's uncaught error ends `gradrepl run` with the last stderr line `python FILE.py`
prints under real PyTorch: Python's `Did you mean: ...?` included, the interactive console
left without it."""

import io

import pytest

pytest.importorskip("torch")
from gradrepl.cli import piped_session, run_file  # noqa: E402
from gradrepl.render import PlainOutput  # noqa: E402
from torch_scripts import run_under_torch  # noqa: E402

PRELUDE = """\
import math
import torch
import torch.nn.functional as F
learning_rate = 0.1
weights = torch.ones(2, requires_grad=True)
y = (weights * 2).sum()
def loss(w):
    return (w ** 2).sum()
def step(w, lr):
    grad_value = 1.0
    return w - lr * grad_vlaue
"""

LAST_LINES = [
    # NameError: the function's locals, then the globals, then the builtins
    "print(learning_rte)", "step(weights, 0.1)", "pritn(1)", "rnage(3)", "troch.ones(2)",
    "true", "weight", "los(weights)", "[wieghts for w in range(2)]",
    "(lambda a: a + learningrate)(1)", "zip2", "Ture", "j",
    # AttributeError: dir() of the object; torch's namespace is too large for suggestions
    "weights.gradd", "weights.shap", "weights.detatch", "weights.zero", "weights.tolst",
    "weights.backwards", "weights.dat", "weights.grad_fun", "weights.is_lef", "weights.itme",
    "weights.T.sumn", "y.grad_fn.next_function", "y.grad_fn.nam", "weights.shape.numl",
    "weights.dtype.is_floating", "math.sqr", "F.rellu", "F.mse", "torch.onez", "torch.no_grd",
    "[].apend", "{}.iterms", "'a'.uper", "(1).real_", "weights.grad.zero",
    "torch.autograd.functional.jacobain", "torch.nn.functonal",
]


@pytest.fixture(scope="module")
def scripts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scripts")
    paths = {}
    for i, statement in enumerate(LAST_LINES):
        paths[statement] = folder / ("s%d.py" % i)
        paths[statement].write_text(PRELUDE + statement + "\n")
    results = run_under_torch(paths.values())
    return {s: (p, results[str(p)][1]) for s, p in paths.items()}


@pytest.mark.parametrize("statement", LAST_LINES)
def test_the_error_line_is_pythons(statement, scripts):
    script, expected = scripts[statement]
    out, err = io.StringIO(), io.StringIO()
    assert run_file(str(script), PlainOutput(out, err)) == 1
    assert err.getvalue().strip().splitlines()[-1] == expected


def test_a_piped_session_suggests_nothing_as_the_interactive_console():
    out, err = io.StringIO(), io.StringIO()
    piped_session("learning_rate = 0.1\nlearning_rte\nx = torch.ones(1)\nx.gradd\n",
                  PlainOutput(out, err))
    assert err.getvalue().splitlines() == [
        "NameError: name 'learning_rte' is not defined",
        "AttributeError: 'Tensor' object has no attribute 'gradd'"]
