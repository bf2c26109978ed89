"""`gradrepl check`: replay a `>>>` transcript and report each statement whose output differs."""

import io
import re

from . import transcript
from .render import PlainOutput
from .session import Session

ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


class CaptureOutput(PlainOutput):
    """Collects what a statement shows (stdout and error lines alike, as doctest sees it)."""

    def __init__(self):
        self.buffer = io.StringIO()
        super().__init__(self.buffer, self.buffer)

    def take(self):
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text


BLANKLINE = "<BLANKLINE>"  # doctest's stand-in for an empty line of output


# Python's console shows a warning after the place it was raised from (`<stdin>:1: `), and
# PyTorch's C++ warnings end with their build path; gradrepl shows the warning alone.
WARNING_PLACE = re.compile(r"^(?:<\w+>|\S+\.py):\d+: (?=\w*Warning: )")
TRIGGERED_AT = re.compile(r" \(Triggered internally at [^)]*\)$")


def _normalise(lines):
    lines = [TRIGGERED_AT.sub("", WARNING_PLACE.sub("", line.rstrip())) for line in lines]
    return [ADDRESS.sub("0x...", "" if line == BLANKLINE else line) for line in lines]


def _readings(block):
    """The outputs the lines under a statement can mean: doctest's (up to the first blank
    line), then each longer one up to a later blank line (output pasted from Python's
    console keeps its blank lines), then the whole block up to the next prompt."""
    readings = [block[:i] for i, line in enumerate(block) if not line.strip()]
    return readings + [block]


def _matches(expected, got_lines, error_line):
    if expected and expected[0].startswith("Traceback (most recent call last)"):
        # As doctest: only the exception's type and message are compared.
        return error_line is not None and _normalise([expected[-1]]) == _normalise([error_line])
    return _normalise(expected) == _normalise(got_lines)


def _reading_to_show(block, got_lines):
    """The expected output a failure report shows: the reading as long as what was got,
    else doctest's."""
    readings = _readings(block)
    for reading in readings:
        if len(reading) == len(got_lines):
            return reading
    return readings[0]


def check_transcript(path, text, out):
    if transcript.kind_of(text) != "doctest":
        out.write("gradrepl check: %s has no `>>>` statements to check\n" % path)
        return 1
    output = CaptureOutput()
    session = Session(output)
    passed = failed = 0
    for statement in transcript.parse_doctest(text):
        outcome = session.evaluate(statement.source, echo=True)
        error_line = None if outcome.ok else outcome.error.line
        if not outcome.ok:
            output.buffer.write(error_line + "\n")
        got = output.take().splitlines()
        block = statement.expected or []
        if any(_matches(reading, got, error_line) for reading in _readings(block)):
            passed += 1
            continue
        failed += 1
        expected = _reading_to_show(block, got)
        out.write("*" * 70 + "\n")
        out.write('File "%s", line %d\n' % (path, statement.lineno))
        out.write("Failed example:\n")
        for line in statement.source.splitlines():
            out.write("    " + line + "\n")
        out.write("Expected:\n" if expected else "Expected nothing\n")
        for line in expected:
            out.write("    " + (line if line.strip() else BLANKLINE) + "\n")
        out.write("Got:\n" if got else "Got nothing\n")
        for line in got:
            out.write("    " + (line if line.strip() else BLANKLINE) + "\n")
    if failed:
        out.write("*" * 70 + "\n")
    out.write("%d passed, %d failed\n" % (passed, failed))
    return 1 if failed else 0
