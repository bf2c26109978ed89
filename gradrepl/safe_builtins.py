"""The builtins of a session: a curated few, safe versions of some, stubs for the rest."""

import builtins
import io
import sys

from .shown import for_print, shown_repr, standin_for_builtin
from .guards import (DYNAMIC, REFUSE, TYPE, Facade, decision, facade_names, instance_dict,
                     load, refusal, user_error)


class _Unavailable:
    """A builtin gradrepl does not offer: using it says so (a user may still bind the name)."""

    __slots__ = ("_name", "_hint")

    def __init__(self, name, hint=None):
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_hint", hint)

    def __call__(self, *args, **kwargs):
        raise refusal("%s() is not available in gradrepl" % self._name, self._hint)

    def __repr__(self):
        if self._name in ("exit", "quit"):
            return "Use Ctrl-D (i.e. EOF) to exit"
        if self._name == "help":
            return "Type help() for interactive help, or help(object) for help about object."
        return "<%s: not available in gradrepl>" % self._name


# Refused wherever they appear in the source (language.py); never in the namespace.
FORBIDDEN = frozenset({
    "eval", "exec", "compile", "open", "getattr", "setattr", "delattr", "globals", "locals",
    "vars", "breakpoint", "memoryview",
})

SAFE_BUILTIN_NAMES = (
    "abs", "all", "any", "ascii", "bin", "bool", "bytes", "callable", "chr", "complex", "dict",
    "divmod", "enumerate", "filter", "float", "format", "frozenset", "hash", "hex", "id",
    "int", "isinstance", "issubclass", "iter", "len", "list", "map", "max", "min", "next",
    "oct", "ord", "pow", "range", "repr", "reversed", "round", "set", "slice", "sorted", "str",
    "sum", "tuple", "zip", "None", "Ellipsis", "NotImplemented", "False", "True",
    "object", "staticmethod", "classmethod", "property",
)
_NOT_OFFERED = {"SystemExit", "GeneratorExit", "BaseExceptionGroup", "ExceptionGroup"}
_UNAVAILABLE_HINTS = {
    "exit": "press Ctrl-D (end of input) to leave gradrepl",
    "quit": "press Ctrl-D (end of input) to leave gradrepl",
    "input": "gradrepl runs statements, it does not read input while they run",
    "help": "gradrepl has no help(); try dir(torch) or dir(x) to see what is there",
}


def _exception_classes():
    return {name: value for name, value in vars(builtins).items()
            if isinstance(value, type) and issubclass(value, BaseException)
            and not name.startswith("_") and name not in _NOT_OFFERED}


def make_builtins(namespace, write):
    """The builtins dict of one session (print writes with `write`, dir() lists `namespace`)."""
    table = {}
    for name in dir(builtins):
        if not name.startswith("_") and name not in FORBIDDEN:
            table[name] = _Unavailable(name, _UNAVAILABLE_HINTS.get(name))
    table.update({name: getattr(builtins, name) for name in SAFE_BUILTIN_NAMES})
    table.update(_exception_classes())
    table.update(print=make_print(write), type=TYPE, hasattr=safe_hasattr,
                 dir=make_dir(namespace), repr=safe_repr)
    # Not for user code (which cannot spell it: import statements become facade lookups):
    # C code called from a user frame, e.g. numpy's ndarray.all(), imports through the
    # __import__ of the *caller's* builtins (PyImport_Import).
    table["__import__"] = _import_loaded
    # What a class statement calls; `super` is reached only as `super().name` (language.py).
    table["__build_class__"] = builtins.__build_class__
    table["super"] = builtins.super
    return table


def _import_loaded(name, globals=None, locals=None, fromlist=(), level=0):
    """__import__ for C extensions' lazy imports: only packages already loaded."""
    if level == 0 and name.partition(".")[0] in sys.modules:
        return builtins.__import__(name, globals, locals, fromlist, level)
    raise ImportError("gradrepl does not import %r on behalf of user code" % name)


def make_print(write):
    def print(*args, sep=" ", end="\n", file=None, flush=False):
        if file is not None:
            raise refusal("print(file=...) is not allowed in gradrepl",
                          "print() writes to the session's output")
        buffer = io.StringIO()
        try:
            builtins.print(*map(for_print, args), sep=sep, end=end, file=buffer)
        except Exception as exc:
            raise user_error(exc)
        write(buffer.getvalue())
    return standin_for_builtin(print, "print")


def safe_repr(obj):
    return shown_repr(obj)


def safe_hasattr(obj, name):
    if not isinstance(name, str):
        raise TypeError("attribute name must be string, not '%s'" % type(name).__name__)
    if name.startswith("_"):
        raise refusal("attribute %r is not allowed (names starting with '_' are private)"
                      % name)
    try:
        load(obj, name)
    except AttributeError:
        return False
    return True


def make_dir(namespace):
    def dir(*args):
        if not args:
            return sorted(n for n in namespace if not n.startswith("_"))
        if len(args) > 1:
            raise TypeError("dir expected at most 1 argument, got %d" % len(args))
        obj = args[0]
        if type(obj) is Facade:
            names = facade_names(obj)
        else:
            try:
                names = builtins.dir(obj)
            except Exception as exc:
                raise user_error(exc)
        return sorted(n for n in names if not n.startswith("_") and _visible(obj, n))
    return standin_for_builtin(dir, "dir")


def _visible(obj, name):
    verdict = decision(obj, name)
    if verdict is DYNAMIC:
        return name in instance_dict(obj)
    return verdict is not REFUSE


standin_for_builtin(safe_hasattr, "hasattr")
standin_for_builtin(safe_repr, "repr")
