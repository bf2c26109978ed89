"""The user's own classes: which are the user's, and which bases a class statement may name."""

import builtins
import weakref

from .refusals import refusal
from .type_proxy import _TypeProxy

# Classes made by the user's class statements (registered by the decorator the language
# adds to each): their attributes are the user's own values, readable and writable.
USER_CLASSES = weakref.WeakSet()
# Engine classes user classes may derive from (gradrepl.facades.SUBCLASSABLE names them).
SUBCLASSABLE = {}  # class -> its name in torch (torch.autograd.Function)
_EXCEPTIONS = frozenset(v for n, v in vars(builtins).items()
                        if isinstance(v, type) and issubclass(v, BaseException)
                        and n not in ("SystemExit", "GeneratorExit", "BaseExceptionGroup",
                                      "ExceptionGroup"))


def is_user_type(t):
    return any(c in USER_CLASSES for c in t.__mro__)


def register_user_class(cls):
    """The innermost decorator of every class statement: the class is the user's."""
    USER_CLASSES.add(cls)
    return cls


def allow_subclassing(cls, name):
    SUBCLASSABLE[cls] = name


def check_base(base):
    """A base of a class statement: object, an exception class, a class of the user's or an
    engine class declared subclassable; anything else (type, dict, Tensor ...) is refused."""
    if isinstance(base, type) and (base is object or base in _EXCEPTIONS or base in SUBCLASSABLE
                                   or base in USER_CLASSES):
        return base
    shown = base._cls if type(base) is _TypeProxy else base
    what = shown.__name__ if isinstance(shown, type) else "%s object" % type(shown).__name__
    allowed = ", ".join(sorted(SUBCLASSABLE.values()))
    raise refusal("subclassing %r is not allowed in gradrepl (a class may derive from object, "
                  "exception classes, your own classes%s)"
                  % (what, " and " + allowed if allowed else ""))

