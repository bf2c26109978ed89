"""`Did you mean: 'grad'?`: the name CPython 3.11 suggests for a NameError or AttributeError.

`python FILE.py` and Python's own prompt print the suggestion after the message
(`code.InteractiveConsole`, what piped sessions follow, does not). The rules are
CPython's (Python/suggestions.c): the candidate closest by a Levenshtein distance
where a case flip costs 1 and any other edit 2, at most a third of the characters
changed, ties going to the first candidate; none when a list of candidates holds 750
names or more. A NameError looks in the innermost frame's local variables, then its
globals, then the builtins; an AttributeError in `dir(obj)`.
"""

import builtins

from .guards import Facade, facade_names, is_engine_type

_MAX_CANDIDATES = 750
_MAX_STRING_SIZE = 40
_MOVE_COST = 2
_CASE_COST = 1

# Names every `python FILE.py` script has among its globals.
_SCRIPT_GLOBALS = ("__name__", "__doc__", "__package__", "__loader__", "__spec__",
                   "__annotations__", "__builtins__", "__file__", "__cached__")
_MODULE_DUNDERS = ("__doc__", "__file__", "__loader__", "__name__", "__package__", "__spec__")
# PyTorch's `torch` namespace holds about 1500 names, past the candidate limit: Python
# suggests nothing for a misspelt torch.<name>.
_TOO_LARGE_IN_PYTORCH = frozenset({"torch"})
# The session's own helpers in the namespace (user code cannot spell names starting '_').
_HELPER_PREFIX = "_gr_"


def _substitution_cost(a, b):
    if a == b:
        return 0
    if a.lower() == b.lower():
        return _CASE_COST
    return _MOVE_COST


def distance(a, b, max_cost):
    """CPython's Levenshtein distance, or max_cost + 1 as soon as it is known to exceed it."""
    if a == b:
        return 0
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return (len(a) + len(b)) * _MOVE_COST
    if len(a) > _MAX_STRING_SIZE or len(b) > _MAX_STRING_SIZE:
        return max_cost + 1
    if len(b) < len(a):
        a, b = b, a
    if (len(b) - len(a)) * _MOVE_COST > max_cost:
        return max_cost + 1
    row = [(i + 1) * _MOVE_COST for i in range(len(a))]
    result = 0
    for b_index, code in enumerate(b):
        diagonal = result = b_index * _MOVE_COST
        minimum = None
        for index, char in enumerate(a):
            substitute = diagonal + _substitution_cost(code, char)
            diagonal = row[index]
            result = min(min(result, diagonal) + _MOVE_COST, substitute)
            row[index] = result
            if minimum is None or result < minimum:
                minimum = result
        if minimum > max_cost:
            return max_cost + 1
    return result


def closest(name, candidates):
    """The candidate CPython would suggest for `name`, or None."""
    candidates = list(candidates)
    if len(candidates) >= _MAX_CANDIDATES:
        return None
    best, best_distance = None, None
    for candidate in candidates:
        if not isinstance(candidate, str) or candidate == name:
            continue
        # No more than a third of the characters involved may change.
        max_distance = (len(name) + len(candidate) + 3) * _MOVE_COST // 6
        if best_distance is not None:
            max_distance = min(max_distance, best_distance - 1)
        current = distance(name, candidate, max_distance)
        if current > max_distance:
            continue
        if best is None or current < best_distance:
            best, best_distance = candidate, current
    return best


def suggestion(exc):
    """The name Python would suggest for the uncaught exception `exc`, or None."""
    name = getattr(exc, "name", None)
    if not isinstance(name, str):
        return None
    try:
        if isinstance(exc, AttributeError):
            obj = getattr(exc, "obj", None)
            return None if obj is None else closest(name, _attributes(obj))
        if isinstance(exc, NameError):
            return _for_name(name, exc.__traceback__)
    except Exception:  # noqa: BLE001 - a suggestion is a nicety; never an error of its own
        return None
    return None


def _for_name(name, tb):
    if tb is None:
        return None
    while tb.tb_next is not None:
        tb = tb.tb_next
    frame = tb.tb_frame
    for candidates in (frame.f_code.co_varnames, _globals(frame.f_globals), vars(builtins)):
        found = closest(name, candidates)
        if found is not None:
            return found
    return None


def _globals(namespace):
    names = [n for n in _SCRIPT_GLOBALS]
    names.extend(n for n in namespace if not n.startswith(_HELPER_PREFIX) and n not in names)
    return names


def _attributes(obj):
    """dir(obj) as PyTorch's object would list it, as far as gradrepl knows it."""
    if type(obj) is Facade:
        module = object.__getattribute__(obj, "__dict__")["__name__"]
        if module in _TOO_LARGE_IN_PYTORCH:
            return ()
        return sorted(set(facade_names(obj)) | set(_MODULE_DUNDERS))
    names = dir(obj)
    if is_engine_type(type(obj)):
        # The engine's private names are its own, not PyTorch's.
        names = [n for n in names if not n.startswith("_") or n.endswith("__")]
    return names
