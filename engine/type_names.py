"""Name the engine's stand-ins for torch's C types as torch names them."""


def name_as_torch(cls, module):
    """Make `cls` print as <class 'module.Name'> and be named 'module.Name' by Python.

    Python names a type by its __name__ in its own messages ("'torch.dtype' object is not
    callable", "unsupported format string passed to torch.device.__format__"); torch's C
    types carry their module in that name, so ours do too. The class's own repr is made
    of __module__ and __qualname__, which stay as torch shows them. (Unlike a C type's,
    __name__ itself is then the long name; sessions cannot read dunder attributes.)
    """
    cls.__module__ = module
    cls.__name__ = module + "." + cls.__qualname__
    return mark_c_type(cls)


_C_TYPES = set()


def mark_c_type(cls):
    """cls stands for one of torch's C types: its methods are builtins there (callable_reprs)."""
    _C_TYPES.add(cls)
    return cls


def is_c_type(t):
    return any(c in _C_TYPES for c in t.__mro__)


_PYTHON_MIXINS = set()


def mark_python_mixin(cls):
    """cls is a Python class of torch's mixed into a C type (torch.autograd.function's
    FunctionCtx into the nodes): the methods it defines are Python's bound methods."""
    _PYTHON_MIXINS.add(cls)
    return cls


def defined_in_python_mixin(t, name):
    for c in t.__mro__:
        if name in c.__dict__:
            return c in _PYTHON_MIXINS
    return False


_HEAPTYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE


def c_type_name(value):
    """The type name CPython's C code (and so torch's messages) gives value: a static
    type's tp_name carries its module ('numpy.ndarray', 'numpy.float64'), a class made by
    a class statement has its bare name ('int' and the builtins have no module)."""
    t = type(value)
    if t.__flags__ & _HEAPTYPE or t.__module__ == "builtins":
        return t.__name__
    return "%s.%s" % (t.__module__, t.__qualname__)
