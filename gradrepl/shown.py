"""What the REPL and print() show for a value: its repr(), but torch's text for the engine's
functions and methods, and Python's for the shell's own stand-ins of builtins."""

import builtins
import weakref

from gradrepl_engine.callable_reprs import callable_repr

from .guards import user_error

_BUILTIN_STANDINS = weakref.WeakKeyDictionary()  # a shell function -> the builtin's name


def standin_for_builtin(function, name):
    """function (the shell's print, say) shows as the builtin it stands for."""
    _BUILTIN_STANDINS[function] = name
    return function


def _special(value):
    try:
        name = _BUILTIN_STANDINS.get(value)
    except TypeError:  # unhashable
        return None
    if name is not None:
        return "<built-in function %s>" % name
    return callable_repr(value)


def shown_repr(value):
    text = _special(value)
    if text is not None:
        return text
    try:
        return builtins.repr(value)
    except Exception as exc:  # a class's __repr__ failed or returned no string: the user's
        raise user_error(exc)


class _Shown:
    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text

    def __str__(self):
        return self.text


def for_print(value):
    """value as print() should see it: functions and methods by their shown text."""
    if not callable(value):
        return value
    text = _special(value)
    return value if text is None else _Shown(text)
