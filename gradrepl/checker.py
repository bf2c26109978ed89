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
        super().__init__(self.buffer, self.buffer)

    def warn(self, text):
        # As under doctest, a warning goes to stderr: shown, not part of the compared output.
        sys.stderr.write(text + "\n")

    def take(self):
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text


BLANKLINE = "<BLANKLINE>"  # doctest's stand-in for an empty line of output


def _normalise(lines, blank_lines=True):
    """Lines as compared: addresses masked, trailing spaces dropped; without blank_lines
    (notebook cells, whose copies lay blank lines out variously) blank lines dropped."""
    return [ADDRESS.sub("0x...", "" if line.rstrip() == BLANKLINE else line.rstrip())
            for line in lines if blank_lines or line.strip()]


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
        if _matches(expected, got, error_line, blank_lines=kind == "doctest"):
            passed += 1
            continue
        failed += 1
        _report(out, path, lineno, "\n".join(s.source for s in statements), expected, got)
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
        out.write("    " + line + "\n")
    out.write("Got:\n" if got else "Got nothing\n")
    for line in got:
        out.write("    " + (line if line.strip() else BLANKLINE) + "\n")
