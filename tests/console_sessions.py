"""Sessions typed into the shell and into Python's console with real PyTorch (for the
*_vs_torch session tests): both sides print to one stream, so the order of values and
`Type: message` error lines shows; memory addresses are masked."""

import io
import json
import re
import subprocess
import sys

import pytest

from gradrepl.cli import piped_session
from gradrepl.render import PlainOutput

# Python's console with real torch; every line goes to one stream, so the order is kept.
# With warnings shown, each is shown as Python shows it (`<stdin>:1: UserWarning: ...`).
_RUN_ALL_UNDER_TORCH = r"""
import code, io, json, sys, traceback, warnings
import torch
request = json.loads(sys.stdin.read())
if request["warnings"]:
    def show(message, category, filename, lineno, file=None, line=None):
        sys.stdout.write(warnings.formatwarning(message, category, filename, lineno, line))
    warnings.showwarning = show
else:
    warnings.simplefilter("ignore")

class Console(code.InteractiveConsole):
    def showtraceback(self):
        etype, value, _ = sys.exc_info()
        sys.stdout.write(traceback.format_exception_only(etype, value)[0])
    showsyntaxerror = showtraceback

outputs = {}
for name, text in request["sessions"].items():
    buffer = io.StringIO()
    stdout, sys.stdout = sys.stdout, buffer
    console = Console(filename="<stdin>")
    console.push("import torch")
    for line in text.splitlines():
        console.push(line)
    console.push("")
    sys.stdout = stdout
    outputs[name] = buffer.getvalue()
print(json.dumps(outputs))
"""
_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


class _OneStream(PlainOutput):
    """Errors on the same stream as values (so their order shows); warnings too if asked."""

    def __init__(self, stream, show_warnings):
        super().__init__(stream, stream)
        self.show_warnings = show_warnings

    def warn(self, text):
        if self.show_warnings:
            self.write(text + "\n")


def under_torch(sessions, show_warnings=False):
    """{name: the lines Python's console prints for the session} with real torch, run in
    one fresh interpreter."""
    request = json.dumps({"sessions": sessions, "warnings": show_warnings})
    done = subprocess.run([sys.executable, "-c", _RUN_ALL_UNDER_TORCH], input=request,
                          capture_output=True, text=True, timeout=600, check=True)
    return {name: _ADDRESS.sub("0x", text).splitlines()
            for name, text in json.loads(done.stdout).items()}


def in_the_shell(text, show_warnings=False):
    """The lines gradrepl's piped session prints for `text`."""
    stream = io.StringIO()
    piped_session(text, _OneStream(stream, show_warnings))
    return _ADDRESS.sub("0x", stream.getvalue()).splitlines()


def session_tests(sessions):
    """The module fixture and the test a *_vs_torch module binds for its SESSIONS:
    every session prints the same lines in the shell as in torch's console."""

    @pytest.fixture(scope="module")
    def torch_outputs():
        return under_torch(sessions)

    @pytest.mark.parametrize("name", sorted(sessions))
    def test_the_shell_prints_what_torchs_console_prints(name, torch_outputs):
        assert in_the_shell(sessions[name]) == torch_outputs[name]

    return torch_outputs, test_the_shell_prints_what_torchs_console_prints
