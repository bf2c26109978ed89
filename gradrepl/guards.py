"""Runtime guards compiled into user code: attribute checks on reads, writes and deletes."""

import collections
import string

import numpy as np

from .refusals import ATTRIBUTE_HINT, refusal, user_error  # noqa: F401 (re-exported)
from .type_proxy import TYPE, _TypeProxy, type_of  # noqa: F401 (re-exported)
from .user_classes import (SUBCLASSABLE, USER_CLASSES, allow_subclassing,  # noqa: F401
                           check_base, is_user_type, register_user_class)

# ---- which classes are the engine's ------------------------------------------------

# A class is the engine's when its __module__ is (under) one of these. The engine names
# its classes as PyTorch does (`torch`, `torch.autograd.graph`, ...) so `type(x)` prints
# like PyTorch; a class user code makes gets its module from the session's __name__
# ('__main__': user code cannot write __module__, nor make a class without a class
# statement), so no class outside the engine can claim such a module.
ENGINE_PACKAGES = {"gradrepl_engine", "torch"}


def _module_is_engine(module):
    if not isinstance(module, str):
        return False
    return any(module == p or module.startswith(p + ".") for p in ENGINE_PACKAGES)


def is_engine_class(cls):
    return _module_is_engine(cls.__dict__.get("__module__"))


def is_engine_type(t):
    return any(is_engine_class(c) for c in t.__mro__)


def register_engine_package(name):
    """Trust the classes of the torch module a namespace is made for (e.g. a stand-in)."""
    if name not in ENGINE_PACKAGES:
        ENGINE_PACKAGES.add(name)
        _DECISIONS.clear()
        _CLASS_DECISIONS.clear()
        for t in list(_SEEN):
            if t not in AUDITED and t is not Facade:
                _SEEN.discard(t)


# ---- what may be read on values that are not the engine's --------------------------

# Names whose meaning depends on the type (str.format reaches attributes through its
# fields): code never reads them without asking the guard, whatever the type.
SENSITIVE = frozenset({"format", "format_map"})

_STR_NAMES = {n for n in dir(str) if not n.startswith("_")}
_BYTES_NAMES = {n for n in dir(bytes) if not n.startswith("_")}
_INT_NAMES = {"as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator",
              "from_bytes", "imag", "numerator", "real", "to_bytes", "is_integer"}
# Every public attribute of these types was read and found harmless; a type whose
# public names grow beyond its list (a newer Python) is checked name by name instead.
AUDITED = {
    str: _STR_NAMES - {"format", "format_map"},
    bytes: _BYTES_NAMES,
    int: _INT_NAMES,
    bool: _INT_NAMES,
    float: {"as_integer_ratio", "conjugate", "fromhex", "hex", "imag", "is_integer", "real"},
    complex: {"conjugate", "imag", "real"},
    list: {"append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove",
           "reverse", "sort"},
    dict: {"clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem",
           "setdefault", "update", "values"},
    # what Module.state_dict() returns, as torch's
    collections.OrderedDict: {"clear", "copy", "fromkeys", "get", "items", "keys", "move_to_end",
                              "pop", "popitem", "setdefault", "update", "values"},
    tuple: {"count", "index"},
    set: {"add", "clear", "copy", "difference", "difference_update", "discard",
          "intersection", "intersection_update", "isdisjoint", "issubset", "issuperset",
          "pop", "remove", "symmetric_difference", "symmetric_difference_update", "union",
          "update"},
    frozenset: {"copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset",
                "symmetric_difference", "union"},
    range: {"count", "index", "start", "step", "stop"},
    slice: {"indices", "start", "step", "stop"},
    type(None): set(),
    # the decorators of a class body (@property, @x.setter, @staticmethod, @classmethod)
    property: {"setter", "getter", "deleter", "fget", "fset", "fdel"},
    staticmethod: set(),
    classmethod: set(),
    type(NotImplemented): set(),
    type(...): set(),
}

# ndarray: shape and maths only; no raw memory (ctypes, data, base, view, tobytes,
# setflags, flags), no files (tofile, dump, dumps).
NDARRAY_NAMES = {
    "T", "mT", "all", "any", "argmax", "argmin", "argsort", "astype", "clip", "conj",
    "conjugate", "copy", "cumprod", "cumsum", "diagonal", "dot", "dtype", "fill", "flatten",
    "imag", "item", "itemsize", "max", "mean", "min", "nbytes", "ndim", "nonzero", "prod",
    "ravel", "real", "repeat", "reshape", "round", "shape", "size", "sort", "squeeze", "std",
    "strides", "sum", "swapaxes", "take", "tolist", "trace", "transpose", "var",
}
NUMPY_SCALAR_NAMES = NDARRAY_NAMES | {"as_integer_ratio", "bit_count", "denominator", "hex",
                                      "is_integer", "numerator"}
DTYPE_NAMES = {"byteorder", "char", "hasobject", "itemsize", "kind", "name", "names", "ndim",
               "shape", "str"}
# numpy methods that take a dtype: their results are checked for dtype=object.
NUMPY_DTYPE_METHODS = {"astype", "sum", "mean", "std", "var", "cumsum", "cumprod", "prod",
                       "trace"}
# Exceptions: their arguments, never their traceback (with_traceback, __traceback__).
EXCEPTION_NAMES = {
    BaseException: {"args"},
    StopIteration: {"value"},
    NameError: {"name"},
    AttributeError: {"name"},
    ImportError: {"name", "msg"},
    SyntaxError: {"msg", "lineno", "offset", "text", "filename", "end_lineno", "end_offset"},
    OSError: {"errno", "strerror", "filename", "filename2"},
}


def _foreign_allows(owner, name):
    """May `name`, found in the namespace of the non-engine class `owner`, be read?"""
    names = AUDITED.get(owner)
    if names is not None:
        return name in names
    if issubclass(owner, np.ndarray):
        return name in NDARRAY_NAMES
    if issubclass(owner, np.generic):
        return name in NUMPY_SCALAR_NAMES
    if issubclass(owner, np.dtype):
        return name in DTYPE_NAMES
    if issubclass(owner, BaseException):
        return any(name in EXCEPTION_NAMES.get(c, ()) for c in owner.__mro__)
    return False


class Facade:
    """A module as user code sees it: read-only, holding only the names it was given."""

    def __init__(self, *args, **kwargs):
        raise TypeError("modules cannot be created in gradrepl")

    def __getattr__(self, name):
        raise AttributeError("module %r has no attribute %r" % (self.__dict__["__name__"], name),
                             name=name, obj=self)

    def __setattr__(self, name, value):
        raise refusal("cannot set attribute %r of %r in gradrepl" % (name, self))

    def __delattr__(self, name):
        raise refusal("cannot delete attribute %r of %r in gradrepl" % (name, self))

    def __repr__(self):
        return "<module %r>" % self.__dict__["__name__"]


def make_facade(name, mapping):
    facade = object.__new__(Facade)
    contents = object.__getattribute__(facade, "__dict__")
    contents.update(mapping)
    contents["__name__"] = name
    return facade


def facade_names(facade):
    """The public names of a facade and their values."""
    return {k: v for k, v in object.__getattribute__(facade, "__dict__").items()
            if not k.startswith("_")}


def _audited_whole(t):
    names = AUDITED.get(t)
    return names is not None and {n for n in dir(t) if not n.startswith("_")} <= (
        names | SENSITIVE)


# ---- decisions, cached per type ----------------------------------------------------

ALLOW, REFUSE, DYNAMIC = "allow", "refuse", "dynamic"

# Types every public attribute of which may be read (except SENSITIVE names): user code
# checks `type(obj) in FAST` inline and reads the attribute itself, at bytecode speed.
FAST = set()
# Types whose public attributes may also be set (engine objects: x.grad = None).
STORE_FAST = set()
_DECISIONS = {}        # type -> {name: ALLOW | REFUSE | DYNAMIC | wrapper(obj)}
_CLASS_DECISIONS = {}  # class object -> {name: ALLOW | REFUSE}
_SEEN = set()          # types whose FAST membership was decided


def _custom_getattr(t):
    """Does an engine class of t compute attributes (__getattr__, __getattribute__)?"""
    for name in ("__getattribute__", "__getattr__"):
        owner = _owner(t, name)
        if owner is not None and is_engine_class(owner):
            return True
    return False


def prepare_type(t):
    """Decide now (not at the first attribute read) whether t's attributes are read inline."""
    if t not in _SEEN:
        _consider_fast(t)


def _consider_fast(t):
    _SEEN.add(t)
    if issubclass(t, type):
        return
    if t in AUDITED:
        if _audited_whole(t):
            FAST.add(t)
        return
    if not (is_engine_type(t) or is_user_type(t)) or _custom_getattr(t):
        return
    for c in t.__mro__:
        if (c is not object and not is_engine_class(c) and c not in USER_CLASSES
                and not _audited_whole(c)):
            return
    FAST.add(t)
    STORE_FAST.add(t)


def _owner(t, name):
    for c in t.__mro__:
        if name in c.__dict__:
            return c
    return None


def _decide(t, name):
    if t is Facade:
        return ALLOW  # a facade holds allowed names only
    if name in SENSITIVE and issubclass(t, str):
        return _bind_format if name == "format" else _bind_format_map
    if is_user_type(t):
        # An instance of the user's class: its own attributes, its classes' (user or
        # engine), and of a foreign base (an exception) what that type allows.
        owner = _owner(t, name)
        if owner is None:
            return DYNAMIC if _custom_getattr(t) else ALLOW
        if owner in USER_CLASSES or is_engine_class(owner):
            return ALLOW
        return ALLOW if _foreign_allows(owner, name) else REFUSE
    if is_engine_type(t):
        owner = _owner(t, name)
        if owner is None:
            return DYNAMIC if _custom_getattr(t) else ALLOW
        if is_engine_class(owner):
            return ALLOW
        return ALLOW if _foreign_allows(owner, name) else REFUSE
    owner = _owner(t, name)
    if owner is None or not _foreign_allows(owner, name):
        return REFUSE
    if name in NUMPY_DTYPE_METHODS and issubclass(t, (np.ndarray, np.generic)):
        return _bind_numpy_method(name)
    return ALLOW


def decision(obj, name):
    """ALLOW, REFUSE, DYNAMIC or a wrapper for reading obj.<name> (nothing is read)."""
    if isinstance(obj, type):
        table = _CLASS_DECISIONS.get(obj)
        if table is None:
            table = _CLASS_DECISIONS[obj] = {}
        verdict = table.get(name)
        if verdict is None:
            owner = _owner(obj, name)
            verdict = table[name] = (ALLOW if owner is not None and (
                is_engine_class(owner) or owner in USER_CLASSES) else REFUSE)
        return verdict
    t = type(obj)
    if t not in _SEEN:
        _consider_fast(t)
    table = _DECISIONS.get(t)
    if table is None:
        table = _DECISIONS[t] = {}
    verdict = table.get(name)
    if verdict is None:
        verdict = table[name] = _decide(t, name)
    return verdict


def instance_dict(obj):
    try:
        return object.__getattribute__(obj, "__dict__")
    except AttributeError:
        return {}


def load(obj, name):
    """obj.<name> if the language allows it: the guard of every attribute read."""
    if type(obj) in FAST and name not in SENSITIVE:
        try:
            return getattr(obj, name)
        except Exception as exc:
            raise user_error(exc)
    if type(obj) is super:
        return _load_from_super(obj, name)
    verdict = decision(obj, name)
    if verdict is ALLOW or (verdict is DYNAMIC and name in instance_dict(obj)):
        try:
            return getattr(obj, name)
        except Exception as exc:
            raise user_error(exc)
    if verdict is REFUSE or verdict is DYNAMIC:
        _refuse_read(obj, name)
    return verdict(obj)


def _load_from_super(proxy, name):
    """super().<name>: found along the instance's classes after the method's class; allowed
    where the class that has it allows it (the language admits only public names and the
    special methods a class body may define, language.SPECIAL_METHODS)."""
    start = proxy.__thisclass__
    mro = proxy.__self_class__.__mro__
    owner = None
    for c in mro[mro.index(start) + 1:] if start in mro else ():
        if name in c.__dict__:
            owner = c
            break
    allowed = (owner is None or owner in USER_CLASSES or is_engine_class(owner)
               or name.startswith("_") or _foreign_allows(owner, name))
    if not allowed:
        raise refusal("attribute %r of '%s' objects is not allowed in gradrepl"
                      % (name, owner.__name__), ATTRIBUTE_HINT)
    try:
        return getattr(proxy, name)
    except Exception as exc:
        raise user_error(exc)


def _refuse_read(obj, name):
    if type(obj) is _TypeProxy:
        obj = obj._cls  # refused as the metaclass it stands for
    # An attribute that does not exist is Python's own AttributeError, not a refusal.
    try:
        getattr(obj, name)
    except AttributeError as exc:
        raise user_error(exc)
    except Exception:
        pass
    if isinstance(obj, type):
        raise refusal("attribute %r of class '%s' is not allowed in gradrepl"
                      % (name, obj.__name__), ATTRIBUTE_HINT)
    raise refusal("attribute %r of '%s' objects is not allowed in gradrepl"
                  % (name, type(obj).__name__), ATTRIBUTE_HINT)


class _Box:
    """Carries one guarded attribute value to the `.name` read that follows the guard."""


def box(obj, name):
    """Slow path of `(obj if type(obj) in FAST else box(obj, 'n')).n` (keeps method calls fast)."""
    b = _Box()
    b.__dict__[name] = load(obj, name)
    return b


def store(obj, name):
    """obj itself if the language allows setting or deleting obj.<name>, else a refusal."""
    t = type(obj)
    if t in STORE_FAST and name not in SENSITIVE:
        return obj
    if isinstance(obj, type) and obj in USER_CLASSES:
        # A.count = 0, del A.f: the class attribute of the user's class changes which class
        # has the name (an exception base's, after a del): decide afresh.
        _DECISIONS.clear()
        _CLASS_DECISIONS.clear()
        return obj
    if not isinstance(obj, type) and (is_engine_type(t) or is_user_type(t)):
        verdict = decision(obj, name)
        # With a computed attribute (__getattr__), `obj.a += 1` would read it unguarded.
        if verdict is ALLOW or (verdict is DYNAMIC and name in instance_dict(obj)):
            return obj
    if t is Facade:
        raise refusal("cannot set attribute %r of %r in gradrepl" % (name, obj))
    if not hasattr(obj, "__dict__") and not isinstance(obj, type):
        try:
            getattr(obj, name)
        except AttributeError:
            # What Python says for None.x = 1: the object cannot have that attribute.
            raise AttributeError("'%s' object has no attribute %r" % (t.__name__, name)) from None
        except Exception:
            pass
    raise refusal("cannot set attribute %r of '%s' objects in gradrepl (only attributes of "
                  "torch objects can be set)" % (name, t.__name__))


def check_kwargs(mapping):
    """The mapping of a `f(**mapping)` call: no keyword starting with '_' gets through."""
    if type(mapping) is not dict:
        if not hasattr(type(mapping), "keys"):
            return mapping  # Python's own TypeError follows
        try:
            mapping = dict(mapping)
        except Exception as exc:
            raise user_error(exc)
    for key in mapping:
        if isinstance(key, str) and key.startswith("_"):
            raise refusal("keyword argument %r is not allowed (names starting with '_' are "
                          "private)" % key)
    return mapping


for _t in AUDITED:
    _consider_fast(_t)
FAST.add(Facade)
_SEEN.add(Facade)


# ---- str.format without attribute or index fields ----------------------------------

_parse_format = string.Formatter().parse


def check_format_string(text):
    """Refuse a format string with a field like {0.__class__} or {0[1]} (plain ones pass)."""
    try:
        for _, field, spec, _ in _parse_format(text):
            if field is not None and ("." in field or "[" in field):
                raise refusal("format field {%s} is not allowed in gradrepl (attribute and "
                              "index lookups in format strings are refused)" % field,
                              "use an f-string, e.g. f\"{x.grad}\"")
            if spec:
                check_format_string(spec)
    except ValueError:
        pass  # malformed: str.format raises the same error after the fields seen so far


def _bind_format(text):
    def format(*args, **kwargs):
        check_format_string(text)
        try:
            return str.format(text, *args, **kwargs)
        except Exception as exc:
            raise user_error(exc)
    return format


def _bind_format_map(text):
    def format_map(mapping):
        check_format_string(text)
        try:
            return str.format_map(text, mapping)
        except Exception as exc:
            raise user_error(exc)
    return format_map


# ---- numpy: never dtype=object -----------------------------------------------------

OBJECT_DTYPE = "numpy arrays of dtype object are not allowed in gradrepl"


def check_dtype(dtype):
    try:
        has_object = np.dtype(dtype).hasobject
    except Exception:
        return  # numpy reports the bad dtype itself
    if has_object:
        raise refusal(OBJECT_DTYPE)


def check_numpy_result(value):
    if isinstance(value, np.ndarray) and value.dtype.hasobject:
        raise refusal(OBJECT_DTYPE)
    if isinstance(value, (tuple, list)):
        for item in value:
            if isinstance(item, np.ndarray) and item.dtype.hasobject:
                raise refusal(OBJECT_DTYPE)
    return value


def _bind_numpy_method(name):
    def bind(array):
        method = getattr(array, name)

        def checked(*args, **kwargs):
            if "dtype" in kwargs:
                check_dtype(kwargs["dtype"])
            try:
                result = method(*args, **kwargs)
            except Exception as exc:
                raise exc.with_traceback(None)  # numpy's error is the user's (see facades)
            return check_numpy_result(result)
        checked.__name__ = checked.__qualname__ = name
        return checked
    return bind
