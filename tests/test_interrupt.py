"""Ctrl-C (SIGINT) stops the running statement only: the session and its variables live on."""

import os
import signal
import subprocess
import sys
import time

import pytest


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals")
def test_sigint_interrupts_a_runaway_loop_and_the_session_goes_on():
    proc = subprocess.Popen(
        [sys.executable, "-m", "gradrepl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env=dict(os.environ, NO_COLOR="1"))
    proc.stdin.write("x = torch.tensor([1., 2.])\nwhile True:\n    pass\n\nx * 2\n")
    proc.stdin.close()
    time.sleep(2.0)  # the loop is running by now
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=30)
    out, err = proc.stdout.read(), proc.stderr.read()
    assert out == "tensor([2., 4.])\n"
    assert "KeyboardInterrupt" in err.splitlines()
    assert proc.returncode == 1
