"""A script's uncaught error ends `gradrepl run` with the last stderr line `python FILE.py`
prints under real PyTorch: Python's `Did you mean: ...?` included, the interactive console
left without it."""

import io
import json
import subprocess
import sys

import pytest

pytest.importorskip("torch")
from gradrepl.cli import piped_session, run_file  # noqa: E402
from gradrepl.render import PlainOutput  # noqa: E402

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


# One interpreter imports torch once and runs every script; Python's own display of the
# uncaught error (sys.__excepthook__, where 3.11 adds its suggestions) is captured.
_RUN_ALL_UNDER_TORCH = """
import contextlib, io, json, runpy, sys
import torch  # noqa: F401 - imported once for all scripts
last_lines = {}
for path in sys.argv[1:]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            runpy.run_path(path, run_name="__main__")
        except Exception:
            sys.__excepthook__(*sys.exc_info())
    last_lines[path] = err.getvalue().strip().splitlines()[-1]
print(json.dumps(last_lines))
"""


@pytest.fixture(scope="module")
def scripts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scripts")
    paths = {}
    for i, statement in enumerate(LAST_LINES):
        paths[statement] = folder / ("s%d.py" % i)
        paths[statement].write_text(PRELUDE + statement + "\n")
    done = subprocess.run([sys.executable, "-c", _RUN_ALL_UNDER_TORCH]
                          + [str(p) for p in paths.values()],
                          capture_output=True, text=True, timeout=600, check=True)
    last_lines = json.loads(done.stdout)
    return {s: (p, last_lines[str(p)]) for s, p in paths.items()}


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
