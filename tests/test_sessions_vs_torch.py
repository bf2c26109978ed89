"""Every Python session of sessions/ prints, through `gradrepl run`, what it prints under
real PyTorch (memory addresses aside)."""

import io
import pathlib
import re

import pytest

pytest.importorskip("torch")
from gradrepl.cli import run_file  # noqa: E402
from gradrepl.render import PlainOutput  # noqa: E402
from torch_scripts import run_under_torch  # noqa: E402

SESSIONS = sorted((pathlib.Path(__file__).parent.parent / "sessions").glob("*.py"))
_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")

@pytest.fixture(scope="module")
def torch_outputs():
    return {path: out for path, (out, _) in run_under_torch(SESSIONS).items()}


@pytest.mark.parametrize("path", SESSIONS, ids=[p.stem for p in SESSIONS])
def test_session_prints_what_pytorch_prints(path, torch_outputs):
    out, err = io.StringIO(), io.StringIO()
    assert run_file(str(path), PlainOutput(out, err)) == 0, err.getvalue()
    assert _ADDRESS.sub("0x", out.getvalue()) == _ADDRESS.sub("0x", torch_outputs[str(path)])
