"""Every Python session of sessions/ prints, through `gradrepl run`, what it prints under
real PyTorch (memory addresses aside)."""

import io
import json
import pathlib
import re
import subprocess
import sys

import pytest

pytest.importorskip("torch")
from gradrepl.cli import run_file  # noqa: E402
from gradrepl.render import PlainOutput  # noqa: E402

SESSIONS = sorted((pathlib.Path(__file__).parent.parent / "sessions").glob("*.py"))
_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")

# One interpreter imports torch once and runs every session (each seeds what it draws).
_RUN_ALL_UNDER_TORCH = """
import contextlib, io, json, runpy, sys
import torch  # noqa: F401 - imported once for all sessions
outputs = {}
for path in sys.argv[1:]:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        runpy.run_path(path, run_name="__main__")
    outputs[path] = buffer.getvalue()
print(json.dumps(outputs))
"""


@pytest.fixture(scope="module")
def torch_outputs():
    done = subprocess.run([sys.executable, "-c", _RUN_ALL_UNDER_TORCH] + [str(p) for p in SESSIONS],
                          capture_output=True, text=True, timeout=600, check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize("path", SESSIONS, ids=[p.stem for p in SESSIONS])
def test_session_prints_what_pytorch_prints(path, torch_outputs):
    out, err = io.StringIO(), io.StringIO()
    assert run_file(str(path), PlainOutput(out, err)) == 0, err.getvalue()
    assert _ADDRESS.sub("0x", out.getvalue()) == _ADDRESS.sub("0x", torch_outputs[str(path)])
