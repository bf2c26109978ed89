"""A Session: one namespace, and evaluate(source) -> Outcome; it prints nothing itself."""

import linecache
import os
import re
import sys
import traceback
import warnings
from dataclasses import dataclass, field
from typing import List, Optional

import gradrepl_engine
from gradrepl_engine import user_calls

from . import language, suggestions

_OWN_DIRS = tuple(os.path.dirname(os.path.abspath(m.__file__)) + os.sep
                  for m in (gradrepl_engine, sys.modules[__package__]))
_NUMPY_DIR = os.sep + "numpy" + os.sep
_USER_CALLS = user_calls.__file__
# Python's errors binding a call's arguments to a function's parameters.
_BINDING_ERROR = re.compile(
    r"^[\w.<>]+\(\) (missing \d+ required (positional|keyword-only) argument|takes |"
    r"got an unexpected keyword argument|got multiple values for argument|got some "
    r"positional-only arguments)")


@dataclass
class ErrorReport:
    """An error as the user sees it: `type_name: message`, plus optional context."""

    type_name: str
    message: str
    hint: Optional[str] = None
    traceback: List[str] = field(default_factory=list)  # frames of the user's own code
    internal: bool = False

    @property
    def line(self):
        return "%s: %s" % (self.type_name, self.message) if self.message else self.type_name


@dataclass
class Outcome:
    """What running one chunk of statements came to."""

    error: Optional[ErrorReport] = None

    @property
    def ok(self):
        return self.error is None


class Output:
    """Where a session's printed text, echoed values and warnings go (the front end's choice)."""

    def write(self, text):
        raise NotImplementedError

    def echo(self, value):
        raise NotImplementedError

    def warn(self, text):
        raise NotImplementedError


class Session:
    """One user's namespace: evaluate() runs source through the language's pipeline."""

    def __init__(self, output: Output, suggest=False):
        """suggest: add Python's `Did you mean: ...?` to NameErrors and AttributeErrors,
        as `python FILE.py` and Python's prompt do (code.InteractiveConsole does not)."""
        self.output = output
        self.suggest = suggest
        self.namespace = language.new_namespace(
            gradrepl_engine, echo=self._echo, write=self._write)

    def _echo(self, value):
        if value is not None:
            # The last echoed value, kept where sys.displayhook keeps it (builtins._):
            # a `_` the user binds, a loop variable say, shadows it.
            self.namespace["__builtins__"]["_"] = value
            self.output.echo(value)

    def _write(self, text):
        self.output.write(text)

    def evaluate(self, source, filename="<stdin>", echo=True) -> Outcome:
        try:
            code = language.compile_source(source, filename, echo=echo)
        except SyntaxError as exc:
            return Outcome(_syntax_error(exc))
        except Exception as exc:  # a refusal: the statement never ran
            return Outcome(_report(exc, filename, source))
        if filename != "<stdin>":
            _remember_source(filename, source)
        shown = set()
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = (lambda message, category, *_:
                                    self._show_warning(message, category, filename, shown))
            try:
                exec(code, self.namespace)
            except BaseException as exc:  # noqa: B902 - KeyboardInterrupt included, by design
                if isinstance(exc, SystemExit):
                    raise
                return Outcome(_report(exc, filename, source, self.suggest))
        return Outcome()

    def _show_warning(self, message, category, filename, shown):
        """Python's display of a warning, `FILE:LINE: Category: message` and the source line,
        at the user's line that led to it; under Python's default filter, once per text and
        line of the code being run (a session's statement, a whole run)."""
        lineno = _user_line(filename)
        key = (str(message), category, lineno)
        if key in shown:
            return
        shown.add(key)
        text = warnings.formatwarning(message, category, filename, lineno or 0, line=None)
        self.output.warn(text.rstrip("\n"))

    def names(self):
        """The user's own variables (for completion and listings)."""
        return sorted(n for n in self.namespace if not n.startswith("_"))


def internal_error(exc):
    """The report for an exception that escaped gradrepl's own code (a bug)."""
    return ErrorReport(type(exc).__name__, str(exc), internal=True,
                       hint="this is a bug in gradrepl, not in your code: please report it with "
                            "the statement that caused it")


def _user_line(filename):
    """The line of the user's code (compiled as `filename`) running now, innermost first."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename != filename:
        frame = frame.f_back
    return frame.f_lineno if frame is not None else None


def _remember_source(filename, source):
    lines = source.splitlines(True)
    linecache.cache[filename] = (len(source), None, lines, filename)


def _syntax_error(exc):
    message = exc.msg or "invalid syntax"
    frames = []
    if exc.lineno and exc.filename not in (None, "<stdin>", "<string>"):
        frames.append('  File "%s", line %d' % (exc.filename, exc.lineno))
        if exc.text:
            frames.append("    " + exc.text.strip())
    return ErrorReport(type(exc).__name__, message, traceback=frames)


def _user_frames(tb, filename):
    frames = []
    for frame in traceback.extract_tb(tb):
        if frame.filename == filename:
            frames.append('  File "%s", line %d, in %s' % (frame.filename, frame.lineno,
                                                          frame.name))
            if frame.line:
                frames.append("    " + frame.line.strip())
    return frames


def _is_internal(exc):
    """True when the exception is a bug of ours, not an error meant for the user.

    Errors we mean are raised by a `raise` statement in our code, or come from the
    user's code itself; anything else that escaped from our own frames is a bug.
    """
    if isinstance(exc, (KeyboardInterrupt, MemoryError, RecursionError)):
        return False
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return False
    last = frames[-1]
    if last.name == "call_user_function" and last.filename == _USER_CALLS:
        return False  # the user's hook or function could not be called as given
    if (isinstance(exc, TypeError) and _BINDING_ERROR.match(str(exc))
            and "*args" in (last.line or "")):
        return False  # a wrapper passed on the user's arguments, which did not fit
    own = last.filename.startswith(_OWN_DIRS)
    if _NUMPY_DIR in last.filename:
        return True
    if not own:
        return False
    return not (last.line or "").lstrip().startswith("raise")


def _exception_name(cls):
    """The name Python's traceback gives an exception class: qualified by its module
    unless builtin (torch.autograd.gradcheck.GradcheckError: ...)."""
    module = getattr(cls, "__module__", "builtins")
    if module in ("builtins", "__main__"):
        return cls.__qualname__
    return "%s.%s" % (module, cls.__qualname__)


def _text_of(exc):
    """What Python's traceback prints after the exception's name; an exception class of the
    user's whose __str__ (or a KeyError key whose __repr__) fails gives Python's text."""
    try:
        if isinstance(exc, KeyError) and len(exc.args) == 1:
            return repr(exc.args[0])
        return str(exc)
    except Exception:
        return "<exception str() failed>"


def _report(exc, filename, source, suggest=False):
    type_name = _exception_name(type(exc))
    message = _text_of(exc)
    if isinstance(exc, KeyboardInterrupt):
        message = ""
    # Our refusals carry a hint on the instance; never run a user class's property for it.
    hint = getattr(exc, "__dict__", {}).get("hint") if type(exc).__module__ == "builtins" else None
    internal = _is_internal(exc)
    if suggest and not internal:
        name = suggestions.suggestion(exc)
        if name is not None:
            message += ". Did you mean: '%s'?" % name
    if internal:
        hint = ("this is a bug in gradrepl, not in your code: please report it with the "
                "statement that caused it")
    frames = _user_frames(exc.__traceback__, filename) if filename != "<stdin>" else []
    return ErrorReport(type_name, message, hint=hint, traceback=frames, internal=internal)
