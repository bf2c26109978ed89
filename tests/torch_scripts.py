"""Scripts run under real PyTorch, for the *_vs_torch tests that compare `gradrepl run`
with `python FILE.py`: one interpreter imports torch once and runs every script."""

import json
import subprocess
import sys

# Python's own display of an uncaught error (sys.__excepthook__, where 3.11 adds its
# suggestions) is captured: its last line is the one compared.
_RUN_ALL_UNDER_TORCH = """
import contextlib, io, json, runpy, sys
import torch  # noqa: F401 - imported once for all scripts
results = {}
for path in sys.argv[1:]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            runpy.run_path(path, run_name="__main__")
        except Exception:
            sys.__excepthook__(*sys.exc_info())
    lines = err.getvalue().strip().splitlines()
    results[path] = (out.getvalue(), lines[-1] if lines else "")
print(json.dumps(results))
"""


def run_under_torch(paths):
    """{str(path): (stdout, last stderr line or "")} of each script run by real PyTorch."""
    done = subprocess.run([sys.executable, "-c", _RUN_ALL_UNDER_TORCH] + [str(p) for p in paths],
                          capture_output=True, text=True, timeout=600, check=True)
    return {path: tuple(result) for path, result in json.loads(done.stdout).items()}
