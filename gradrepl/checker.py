"""`gradrepl check`: replay a `>>>` transcript (each statement) or an `In [n]:` notebook
(each cell) and report every one whose output differs from the output written under it."""

import io
import re
import sys

from . import transcript
from .render import PlainOutput
from .session import Session

ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


class CaptureOutput(PlainOutput):
    """Collects what a statement shows (stdout and its error line, as doctest sees it)."""

    def __init__(self):
        self.buffer = io.StringIO()
        self.warnings = []
        super().__init__(self.buffer, self.buffer)

    def warn(self, text):
        # As under doctest, a warning goes to stderr: shown, not part of the compared output
        # (a transcript pasted from Python's console has it there: see _without_warnings).
        self.warnings.append(text)
        sys.stderr.write(text + "\n")

    def take(self):
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text

    def take_warnings(self):
        warnings, self.warnings = self.warnings, []
        return warnings


BLANKLINE = "<BLANKLINE>"  # doctest's stand-in for an empty line of output


def _normalise(lines, blank_lines=True):
    """Lines as compared: addresses masked, trailing spaces dropped; without blank_lines
    (notebook cells, whose copies lay blank lines out variously) blank lines dropped."""
    return [ADDRESS.sub("0x...", "" if line.rstrip() == BLANKLINE else line.rstrip())
            for line in lines if blank_lines or line.strip()]


def _readings(block):
    """The outputs the lines under a `>>>` statement can mean: doctest's (up to the first
    blank line), then each longer one up to a later blank line (output pasted from Python's
    console keeps its blank lines: a 3-D tensor's), then the whole block up to the next prompt."""
    readings = [block[:i] for i, line in enumerate(block) if not line.strip()]
    return readings + [block]


# The place Python's console puts before a warning (`<stdin>:1: `), and the build path a
# PyTorch C++ warning ends with (another build, another path): not compared.
WARNING_PLACE = re.compile(r"^(?:<\w+>|\S+\.py):\d+: (?=\w*Warning: )")
TRIGGERED_AT = re.compile(r" \(Triggered internally at [^)]*\)$")


def _warning_lines(lines):
    return [TRIGGERED_AT.sub("", WARNING_PLACE.sub("", line.rstrip())) for line in lines]


def _without_warnings(expected, warnings):
    """expected without the lines of the warnings the statement gave, where they were pasted
    with its output (Python's console shows them on the same screen)."""
    expected = list(expected)
    for text in warnings:
        lines = _warning_lines(text.splitlines())
        for i in range(len(expected) - len(lines) + 1):
            if _warning_lines(expected[i:i + len(lines)]) == lines:
                del expected[i:i + len(lines)]
                break
    return expected


TRACEBACK = "Traceback (most recent call last)"


def _traceback_start(expected):
    """Where a written traceback begins: Python's `Traceback ...` line, or the dashed rule
    above IPython's `ErrorType   Traceback (most recent call last)` line; None if none."""
    for i, line in enumerate(expected):
        if line.startswith(TRACEBACK):
            return i
        if TRACEBACK in line and i and set(expected[i - 1].strip()) == {"-"}:
            return i - 1
    return None


def _matches(expected, got_lines, error_line, blank_lines):
    start = _traceback_start(expected)
    if start is not None:
        # As doctest: of a traceback only the exception's type and message are compared.
        return (error_line is not None
                and _normalise(expected[:start], blank_lines)
                == _normalise(got_lines[:-1], blank_lines)
                and _normalise([expected[-1]]) == _normalise([error_line]))
    return _normalise(expected, blank_lines) == _normalise(got_lines, blank_lines)


def check_transcript(path, text, out):
    kind = transcript.kind_of(text)
    if kind == "doctest":
        examples = [(s.lineno, [s], s.expected or []) for s in transcript.parse_doctest(text)]
    elif kind == "notebook":
        examples = [(c.lineno, c.statements, c.expected) for c in transcript.notebook_cells(text)]
    else:
        out.write("gradrepl check: %s has no `>>>` statements or `In [n]:` cells to check\n"
                  % path)
        return 1
    output = CaptureOutput()
    session = Session(output)
    passed = failed = 0
    for lineno, statements, expected in examples:
        error_line = None
        for statement in statements:
            outcome = session.evaluate(statement.source, echo=statement.echo)
            if not outcome.ok:
                error_line = outcome.error.line
                output.buffer.write(error_line + "\n")
                break  # an error ends a notebook cell, as in IPython
        got = output.take().splitlines()
        expected = _without_warnings(expected, output.take_warnings())
        readings = _readings(expected) if kind == "doctest" else [expected]
        if any(_matches(r, got, error_line, blank_lines=kind == "doctest") for r in readings):
            passed += 1
            continue
        failed += 1
        # The reading as long as what was got, else doctest's.
        shown = next((r for r in readings if len(r) == len(got)), readings[0])
        _report(out, path, lineno, "\n".join(s.source for s in statements), shown, got)
    if failed:
        out.write("*" * 70 + "\n")
    out.write("%d passed, %d failed\n" % (passed, failed))
    return 1 if failed else 0


def _report(out, path, lineno, source, expected, got):
    out.write("*" * 70 + "\n")
    out.write('File "%s", line %d\n' % (path, lineno))
    out.write("Failed example:\n")
    for line in source.splitlines():
        out.write("    " + line + "\n")
    out.write("Expected:\n" if expected else "Expected nothing\n")
    for line in expected:
        out.write("    " + (line if line.strip() else BLANKLINE) + "\n")
    out.write("Got:\n" if got else "Got nothing\n")
    for line in got:
        out.write("    " + (line if line.strip() else BLANKLINE) + "\n")
