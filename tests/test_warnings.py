"""Warnings as Python shows them under PyTorch: `FILE:LINE: Category: message` (the C++
ones ending with PyTorch's `(Triggered internally at ...)`), the source line under it in a
run, once per text and line of the code being run; a TORCH_WARN_ONCE site once a process."""

import io
import subprocess
import sys

import pytest

from gradrepl.cli import piped_session, run_file
from gradrepl_engine import cpp_warnings
from gradrepl.render import PlainOutput

GRAD_OF_NON_LEAF = (
    "UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. "
    "Its .grad attribute won't be populated during autograd.backward(). If you indeed want the "
    ".grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf "
    "Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor "
    "instead. See github.com/pytorch/pytorch/pull/30531 for more information. (Triggered "
    "internally at /__w/pytorch/pytorch/build/aten/src/ATen/core/TensorBody.h:493.)")

# Warnings raised at the user's own line (not inside torch's Python code, whose path is the
# installation's), each kind once or more.
SCRIPT = """\
import torch
x = torch.tensor([1., 2.], requires_grad=True)
def peek(t):
    return t.grad
y = x * 2
for i in range(3):
    print(y.grad)
peek(y)
peek(y)
a = torch.ones(3, 3)[[[0, 1], [0, 1]]]
b = torch.ones(2, 3, 4).T
b = torch.ones(2, 3, 4).T
print(x.std(dim=0, correction=5))
print(x.var(correction=5))
g = torch.autograd.grad((x * x).sum(), x, only_inputs=False)
c = torch.ones(4).scatter(0, torch.tensor([0]), torch.ones(1), reduce="add")
c = torch.ones(4).scatter(0, torch.tensor([0]), torch.ones(1), reduce="add")
"""


def test_a_session_shows_a_warning_once_per_statement_at_stdin():
    out, err = io.StringIO(), io.StringIO()
    piped_session("x = torch.ones(2, requires_grad=True)\ny = x * 2\ny.grad\ny.grad\n"
                  "for i in range(3): y.grad\n\n", PlainOutput(out, err))
    assert err.getvalue().splitlines() == ["<stdin>:1: " + GRAD_OF_NON_LEAF] * 3


def test_run_shows_warnings_as_python_does_under_pytorch(tmp_path, monkeypatch):
    pytest.importorskip("torch")
    # A fresh process's TORCH_WARN_ONCE sites (x.T, scatter's reduce) have not warned yet.
    monkeypatch.setattr(cpp_warnings, "_WARNED_ONCE", set())
    script = tmp_path / "warns.py"
    script.write_text(SCRIPT)
    expected = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                              timeout=300)
    out, err = io.StringIO(), io.StringIO()
    assert run_file(str(script), PlainOutput(out, err)) == expected.returncode == 0
    assert err.getvalue() == expected.stderr
    assert out.getvalue() == expected.stdout
