"""Fuzzing the language: generated statements, valid and invalid, never break gradrepl.

Every generated chunk goes through compile_source and exec. Whatever the user
typed, the outcome is either success or an ordinary user-facing error (Python's
own, or a refusal); never an error raised from inside gradrepl's own code (a
KeyError from a table, an AssertionError from the checker, ...). A refused chunk
changes nothing, and the namespace always stays usable.
"""

import os
import signal
import traceback

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gradrepl import facades, guards, language
from test_language import Repl

OWN_FILES = {os.path.abspath(m.__file__) for m in (language, guards, facades)}

SETUP = """
import numpy as np
import math
x = ones(2, requires_grad=True)
y = tensor([1., 2.])
lst = [1, 2]
d = {'k': 1}
s = 'abc'
n = 3
gen = (i for i in [1, 2, 3])
f = lambda v=1: v
arr = np.arange(3.)
fw = Forwarder()
try:
    1 / 0
except Exception as caught:
    err = caught
"""

NAMES = ["x", "y", "lst", "d", "s", "n", "f", "gen", "arr", "fw", "err", "torch", "np",
         "math", "ones", "tensor", "print", "len", "type", "sum", "range", "list", "dir",
         "hasattr", "isinstance", "str", "eval", "open", "getattr", "globals", "vars",
         "__import__", "__builtins__", "_x", "_", "__name__", "undefined_name", "input",
         "object", "no_grad", "Forwarder", "ValueError"]
ATTRS = ["grad", "data", "sum", "item", "shape", "requires_grad", "backward", "zero_",
         "tolist", "numpy", "append", "keys", "get", "format", "format_map", "upper", "join",
         "real", "T", "ctypes", "tofile", "base", "astype", "gi_frame", "gi_code",
         "f_globals", "mro", "args", "with_traceback", "__class__", "__dict__",
         "__globals__", "__subclasses__", "_version", "relu", "pi", "array", "numel", "dim",
         "own", "nope", "functional", "autograd", "random", "seed", "Tensor", "dtype",
         "count", "send"]
LITERALS = ["0", "1", "2", "-1", "2.5", "'a'", "'{0.__class__}'", "'{}'", "'{:.2f}'",
            "'{0[0]}'", "None", "True", "[]", "()", "{}", "[1, 2]", "(1,)", "{'k': 1}",
            "b'x'", "...", "'O'", "'float32'", "{'_x': 1}", "{'sep': '-'}"]
KEYWORDS = ["dtype", "sep", "end", "file", "_x", "requires_grad", "key", "v", "flush"]
BINARY = ["+", "-", "*", "/", "//", "%", "@", "==", "<", "and", "or", "in", "is not", "&"]

atoms = st.sampled_from(NAMES) | st.sampled_from(LITERALS)


def _extend(children):
    pair = st.tuples(children, children)
    return st.one_of(
        st.tuples(children, st.sampled_from(ATTRS)).map(lambda t: "(%s).%s" % t),
        st.tuples(children, st.sampled_from(ATTRS)).map(lambda t: "%s.%s" % t),
        st.tuples(children, st.lists(children, max_size=2),
                  st.lists(st.tuples(st.sampled_from(KEYWORDS), children), max_size=1),
                  st.sampled_from(["", ", *lst", ", **d", ", **{'_x': 1}"])).map(
            lambda t: "%s(%s%s)" % (t[0], ", ".join(
                list(t[1]) + ["%s=%s" % kv for kv in t[2]]) or "0", t[3])),
        st.tuples(children, st.sampled_from(BINARY), children).map(
            lambda t: "(%s %s %s)" % t),
        children.map(lambda c: "(%s ** 2)" % c),
        st.tuples(st.sampled_from(["-", "not ", "~"]), children).map(
            lambda t: "(%s%s)" % t),
        pair.map(lambda t: "%s[%s]" % t),
        children.map(lambda c: "(lambda v: %s)" % c),
        children.map(lambda c: "[v for v in %s]" % c),
        children.map(lambda c: "list(v.real for v in %s)" % c),
        children.map(lambda c: "{v: v for v in %s}" % c),
        st.tuples(children, st.sampled_from(["", ":.2f", "!r", ":>4", "=", ":{n}"])).map(
            lambda t: "f'{%s%s}'" % t),
        st.tuples(children, children, children).map(lambda t: "(%s if %s else %s)" % t),
        children.map(lambda c: "(w := %s)" % c),
        pair.map(lambda t: "[%s, %s]" % t),
        children.map(lambda c: "'{}'.format(%s)" % c),
    )


expressions = st.recursive(atoms, _extend, max_leaves=6)
targets = (st.sampled_from(NAMES)
           | st.tuples(st.sampled_from(NAMES), st.sampled_from(ATTRS)).map(
               lambda t: "%s.%s" % t)
           | st.tuples(st.sampled_from(NAMES), expressions).map(lambda t: "%s[%s]" % t))
FIXED = ["import os", "import torch as t2", "from math import pi", "from torch import *",
         "import numpy as np", "from torch.nn import functional as F", "import sys",
         "from os import path", "class A: pass", "def q():\n    global x\n",
         "@print\ndef q(): pass", "def q():\n    yield 1\n",
         "match n:\n    case 1:\n        pass\n", "pass", "del lst", "break", "return 1",
         "with no_grad():\n    pass\n", "x.grad = None", "x.data *= 2", "fw.own += 1",
         "def q(_g, /): pass", "lambda: (yield)", "async def q(): pass",
         "try:\n    pass\nexcept* Exception:\n    pass\n", "global n", "del x.grad",
         "torch.ones = 1", "from . import q", "import torch.optim"]


def _indent(text):
    return "\n".join("    " + line for line in text.split("\n"))


def _extend_statements(children):
    return st.one_of(
        st.tuples(expressions, children, children).map(
            lambda t: "if %s:\n%s\nelse:\n%s\n" % (t[0], _indent(t[1]), _indent(t[2]))),
        st.tuples(expressions, children).map(
            lambda t: "for v in %s:\n%s\n" % (t[0], _indent(t[1]))),
        st.tuples(expressions, children).map(
            lambda t: "while %s:\n%s\n    break\n" % (t[0], _indent(t[1]))),
        st.tuples(children, children).map(
            lambda t: "try:\n%s\nexcept Exception as e:\n%s\n    e\n"
            % (_indent(t[0]), _indent(t[1]))),
        st.tuples(expressions, children).map(
            lambda t: "def fn(a, b=%s):\n%s\n    return a\nfn(1)\n" % (t[0], _indent(t[1]))),
        children.map(lambda c: "with torch.no_grad():\n%s\n" % _indent(c)),
        st.tuples(expressions, children).map(
            lambda t: "class C(object):\n    k = %s\n    def __init__(self):\n%s\n"
                      "    def __add__(self, o):\n        return super().__repr__()\nC() + 1\n"
            % (t[0], _indent(_indent(t[1])))),
    )


simple_statements = st.one_of(
    expressions,
    st.tuples(targets, expressions).map(lambda t: "%s = %s" % t),
    st.tuples(targets, st.sampled_from(["+=", "*=", "-="]), expressions).map(
        lambda t: "%s %s %s" % t),
    st.sampled_from(NAMES + ["x.grad", "lst[0]", "n"]).map(lambda t: "del %s" % t),
    st.tuples(expressions, st.sampled_from(LITERALS)).map(
        lambda t: "print(%s, sep=%s)" % t),
    expressions.map(lambda e: "assert %s" % e),
    expressions.map(lambda e: "raise %s" % e),
    st.sampled_from(FIXED),
)
statements = st.recursive(simple_statements, _extend_statements, max_leaves=4)

# Token soup: mostly syntax errors, sometimes something odd that parses.
TOKENS = NAMES + ATTRS + LITERALS + BINARY + [
    ".", "(", ")", "[", "]", "{", "}", ",", ":", "=", "lambda", "for", "in", "if", "else",
    "import", "from", "as", "def", "return", "yield", "class", "with", "not", "*", "**",
    "\n", "    ", "@", ";", "async", "await", "global", "del", "try", "except", "'",
    "f'{", "}'", "#", "\\", ":=", "->", "match", "case", "print", "is"]
soup = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=14).map(" ".join)


class FuzzTimeout(BaseException):
    """A generated statement ran too long (a loop that grows what it walks)."""


def _on_alarm(signum, frame):
    raise FuzzTimeout()


def _internal(exc):
    """Raised from inside gradrepl's own code, other than by one of its `raise` lines?"""
    if isinstance(exc, (RecursionError, MemoryError)):
        return False  # Python's limits, wherever they strike
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return False
    last = frames[-1]
    return (os.path.abspath(last.filename) in OWN_FILES
            and not (last.line or "").lstrip().startswith("raise"))


def _check(repl, source, echo):
    before = dict(repl.user_names())
    try:
        code = language.compile_source(source, "<fuzz>", echo=echo)
    except SyntaxError:
        # Python's own verdict, never one our rewrite brought about
        with pytest.raises(SyntaxError):
            compile(source, "<fuzz>", "exec", dont_inherit=True)
        return "syntax"
    except (PermissionError, ImportError, RecursionError) as exc:
        assert not _internal(exc), "".join(traceback.format_exception(exc))
        # refused before anything ran: nothing changed
        after = repl.user_names()
        assert after.keys() == before.keys()
        assert all(after[k] is before[k] for k in before)
        return "refused"
    signal.setitimer(signal.ITIMER_REAL, 1.0)
    try:
        exec(code, repl.ns)
        outcome = "ok"
    except FuzzTimeout:
        outcome = "timeout"
    except Exception as exc:  # noqa: BLE001 - everything user-facing is fine ...
        assert not _internal(exc), "internal error for %r:\n%s" % (
            source, "".join(traceback.format_exception(exc)))
        outcome = "error"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return outcome


def _still_usable(repl):
    # the guards are where they were, and a statement using them works
    assert repl.ns["_gr_box"] is guards.box and repl.ns["_gr_fast"] is guards.FAST
    assert repl.ns["_gr_type"] is type and repl.ns["__builtins__"]["sum"] is sum
    probe = "probe_value = [1, 2].count(1) + (3).real + 'a'.upper().count('A')"
    exec(language.compile_source(probe, echo=False), repl.ns)
    assert repl.ns["probe_value"] == 5


@pytest.fixture(autouse=True)
def _alarm():
    if not hasattr(signal, "setitimer"):
        pytest.skip("needs signal.setitimer")
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


def _fresh_repl():
    repl = Repl()
    repl.run(SETUP, echo=False)
    repl.out.clear()
    return repl


# Generated code says silly things (`1()`, `x is not 'a'`): Python's SyntaxWarnings are noise.
pytestmark = pytest.mark.filterwarnings("ignore")

FUZZ_SETTINGS = settings(max_examples=500, deadline=None, database=None,
                         suppress_health_check=list(HealthCheck))


@FUZZ_SETTINGS
@given(chunk=st.lists(statements, min_size=1, max_size=4), echo=st.booleans())
def test_generated_statements(chunk, echo):
    repl = _fresh_repl()
    for source in chunk:
        _check(repl, source, echo)
        _still_usable(repl)
    # the whole chunk at once, too (one refusal refuses all of it)
    _check(repl, "\n".join(s if s.endswith("\n") else s + "\n" for s in chunk), echo)
    _still_usable(repl)


@FUZZ_SETTINGS
@given(source=soup)
def test_token_soup(source):
    repl = _fresh_repl()
    _check(repl, source, True)
    _still_usable(repl)
    language.is_complete(source)  # never raises


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(depth=st.integers(min_value=50, max_value=3000),
       kind=st.sampled_from(["(", "[", "-", "x.grad.", "f(", "not "]))
def test_deep_nesting(depth, kind):
    closers = {"(": ")", "[": "]", "f(": ")"}
    source = kind * depth + "1" + closers.get(kind, "") * depth
    if kind == "x.grad.":
        source = "x" + ".grad" * depth
    repl = _fresh_repl()
    outcome = _check(repl, source, True)
    assert outcome in ("syntax", "ok", "error", "refused", "timeout")
    _still_usable(repl)
