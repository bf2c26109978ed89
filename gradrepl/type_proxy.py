"""type() for user code: classes may be looked at, never made."""

from .refusals import refusal

class _TypeProxy:
    """`type` for user code: type(x) works, but no class can be made (3 arguments).

    type(x) is the real class, except for metaclasses (type itself, ABCMeta, ...),
    which user code only ever sees as this proxy: calling one would make a class.
    """

    __slots__ = ("_cls",)

    def __init__(self, cls):
        object.__setattr__(self, "_cls", cls)

    def __call__(self, *args, **kwargs):
        if self._cls is not type:
            raise refusal("creating classes is not allowed in gradrepl")
        if len(args) == 1 and not kwargs:
            return type_of(args[0])
        if len(args) == 3:
            raise refusal("type() with three arguments (making a class) is not allowed in "
                          "gradrepl")
        raise TypeError("type() takes 1 or 3 arguments")

    def __instancecheck__(self, obj):
        return isinstance(obj, self._cls)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self._cls)

    def __eq__(self, other):
        return isinstance(other, _TypeProxy) and other._cls is self._cls

    def __hash__(self):
        return hash(self._cls)

    def __repr__(self):
        return repr(self._cls)

    def __setattr__(self, name, value):
        raise refusal("cannot set attribute %r of %r in gradrepl" % (name, self))


TYPE = _TypeProxy(type)
_METACLASSES = {type: TYPE}


def type_of(obj):
    t = type(obj)
    if t is _TypeProxy:
        return TYPE
    if issubclass(t, type):
        proxy = _METACLASSES.get(t)
        if proxy is None:
            proxy = _METACLASSES[t] = _TypeProxy(t)
        return proxy
    return t
