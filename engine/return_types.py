"""torch.return_types: the named tuples of ops with several results (max, sort, aminmax ...)."""

from .type_names import name_as_torch


class ReturnType(tuple):
    """A tuple whose fields also have names, printed as PyTorch's structseq types are."""

    __slots__ = ()
    _name = "max"
    _fields = ("values", "indices")

    def __new__(cls, *values):
        return tuple.__new__(cls, values)

    def __repr__(self):
        fields = ",\n".join("%s=%r" % (f, v) for f, v in zip(self._fields, self))
        return "torch.return_types.%s(\n%s)" % (self._name, fields)


def _field(i):
    return property(lambda self: self[i])


def return_type(name, fields=("values", "indices")):
    namespace = {"__slots__": (), "_name": name, "_fields": fields}
    namespace.update({f: _field(i) for i, f in enumerate(fields)})
    cls = type(name, (ReturnType,), namespace)
    return name_as_torch(cls, "torch.return_types")
