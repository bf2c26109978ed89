"""What a session shows, typed into the shell and into Python's console with real PyTorch:
print options a tensor cannot be printed with, torch's constants, nodes' attributes, the
warning of a float() that leaves the graph; and `gradrepl check` passing on a transcript
pasted from Python's console (blank lines of 3-D tensors, warnings, tracebacks)."""

import io
import subprocess
import sys

import pytest

pytest.importorskip("torch")
from console_sessions import in_the_shell, session_tests, under_torch  # noqa: E402
from gradrepl.checker import check_transcript  # noqa: E402
from gradrepl_engine import cpp_warnings  # noqa: E402

SESSIONS = {
    # torch checks no print option: a precision Python's format refuses fails at print time
    "unprintable_precision": """\
torch.set_printoptions(precision=-1)
torch.tensor([1.5])
torch.tensor([1.25, 1e-9])
torch.tensor([2.])
torch.tensor([])
torch.set_printoptions(precision=2.5)
torch.tensor([1.5])
torch.tensor(3)
torch.set_printoptions(precision=True)
torch.tensor([1.5])
torch.set_printoptions(profile='default')
torch.tensor([1.5])
""",
    # odd options show (or fail) as torch's own slicing and comparisons make them
    "odd_print_options": """\
torch.set_printoptions(edgeitems=-1, threshold=5)
torch.arange(10.)
torch.arange(10.).reshape(2, 5)
torch.arange(4.)
torch.set_printoptions(edgeitems=-2, threshold=5)
torch.arange(10.)
torch.set_printoptions(edgeitems=2.5, threshold=5)
torch.arange(10.)
torch.arange(10.).reshape(2, 5)
torch.arange(3.)
torch.set_printoptions(edgeitems=True, threshold=5)
torch.arange(10.)
torch.arange(20.).reshape(4, 5)
torch.set_printoptions(profile='default', threshold=0)
torch.tensor([1.5])
torch.tensor(1.5)
torch.arange(10).reshape(5, 2)
torch.set_printoptions(profile='default', threshold=-1, edgeitems=0)
torch.tensor(2.5)
torch.zeros(0)
torch.arange(3.).reshape(1, 3)
torch.set_printoptions(profile='default', linewidth=-5)
torch.arange(3.).reshape(1, 3)
torch.arange(3.).requires_grad_()
torch.set_printoptions(profile='default', linewidth=2.5)
torch.arange(3.).reshape(1, 3)
torch.set_printoptions(profile='default', linewidth=True)
torch.arange(3.).reshape(1, 3)
torch.set_printoptions(profile='default', precision=True)
torch.arange(3.) / 3
torch.set_printoptions(profile='default', precision=False)
torch.arange(3.) / 3
torch.set_printoptions(profile='default', threshold=float('nan'))
torch.arange(3.) / 3
torch.set_printoptions(profile='default', threshold=True)
torch.arange(3.) / 3
torch.set_printoptions(profile='default', threshold='5')
torch.arange(3.) / 3
torch.set_printoptions(profile='default', sci_mode=0)
torch.tensor([1e-9, 1.])
torch.set_printoptions(profile='default', sci_mode='')
torch.tensor([1e-9, 1.])
torch.set_printoptions(profile='default', sci_mode='x')
torch.tensor([1.5, 1.])
torch.set_printoptions(profile='default')
torch.set_printoptions(threshold='a')
torch.ones(2)
torch.set_printoptions(profile='default', linewidth='a')
torch.ones(2)
torch.set_printoptions(profile='default')
""",
    "constants": """\
torch.pi, torch.e, torch.inf, torch.nan
print(torch.newaxis)
torch.ones(2)[:, torch.newaxis]
torch.tensor([torch.inf, -torch.inf, torch.nan, torch.pi])
torch.tensor(torch.e, dtype=torch.float64)
""",
    "torch_random": """\
torch.random.manual_seed(3)
torch.random.initial_seed()
torch.random.get_rng_state().shape
torch.random.default_generator
torch.random.rand
torch.random.seed() > 0
""",
    "node_attributes": """\
x = torch.tensor([1., 2.], requires_grad=True)
y = (x * x).sum()
y.grad_fn.requires_grad
y.grad_fn.next_functions[0][0].next_functions[0][0].requires_grad
y.grad_fn.requires_grad = False
y.grad_fn.name()
y.grad_fn.metadata
""",
    "echo_in_blocks": """\
x = torch.tensor([1.5, -2.0], requires_grad=True)
for i in range(2):
    x * i
    None

with torch.no_grad():
    x * 3
    x.requires_grad

if x.requires_grad:
    x.sum()

try:
    x.view(3)
except RuntimeError as e:
    type(e)

f"{x.sum():.3f}", f"{x.sum().item()!r}", f"{x[0]:>8}"
f"{x:.2f}"
'{:e}'.format(x[1])
""",
}

# PyTorch warns once a process: the session that shows the warning runs alone.
WARNING_SESSIONS = {
    "float_of_requires_grad": """\
x = torch.tensor([1.5, 2.25], requires_grad=True)
with torch.no_grad():
    float(x[0])

int(x[0])
x[0].item()
float(x.detach()[0])
float(x[0])
float(x[1])
'%.1f' % x[0]
""",
}


torch_outputs, test_the_shell_prints_what_torchs_console_prints = session_tests(SESSIONS)


@pytest.mark.parametrize("name", sorted(WARNING_SESSIONS))
def test_a_warning_given_once_is_given_once(name, monkeypatch):
    monkeypatch.setattr(cpp_warnings, "_WARNED_ONCE", set())  # a fresh session's process
    theirs = under_torch({name: WARNING_SESSIONS[name]}, show_warnings=True)[name]
    assert in_the_shell(WARNING_SESSIONS[name], show_warnings=True) == theirs


# A transcript as pasted from Python's console: prompts, output with its blank lines,
# warnings (`<stdin>:1: UserWarning: ...`) and tracebacks, all on one stream.
_TRANSCRIPT_UNDER_TORCH = r"""
import code, sys
lines = iter(sys.stdin.read().splitlines())
class Console(code.InteractiveConsole):
    def raw_input(self, prompt=""):
        line = next(lines, None)
        if line is None:
            raise EOFError
        sys.stdout.write(prompt + line + "\n")
        return line
sys.stderr = sys.stdout
Console().interact(banner="", exitmsg="")
"""

TRANSCRIPT_SESSION = """\
import torch
x = torch.arange(8.).reshape(2, 2, 2)
x
print(x)
torch.arange(16.).reshape(2, 1, 2, 4).requires_grad_() * 2
print("a\\n\\nb")
for i in range(2):
    x[i]

[torch.ones(2), torch.zeros(1, 2, 2)]
torch.max(x, 0)
y = x.requires_grad_().sum()
float(y)
(x * 2).grad
x.foo
torch.tensor([[1e-8, 1.0], [2.0, 3.0]])
"""


def test_check_passes_on_a_transcript_pasted_from_pythons_console(monkeypatch):
    monkeypatch.setattr(cpp_warnings, "_WARNED_ONCE", set())  # a fresh process, as torch's
    done = subprocess.run([sys.executable, "-c", _TRANSCRIPT_UNDER_TORCH],
                          input=TRANSCRIPT_SESSION, capture_output=True, text=True,
                          timeout=600, check=True)
    out = io.StringIO()
    assert check_transcript("t.txt", done.stdout, out) == 0, done.stdout + out.getvalue()
    assert out.getvalue() == "14 passed, 0 failed\n"
