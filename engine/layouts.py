"""torch.layout: every tensor here is torch.strided (no sparse layouts)."""

from .type_names import name_as_torch


class layout:
    __slots__ = ("name",)

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'torch.layout' instances")

    def __repr__(self):
        return "torch." + self.name

    def __reduce__(self):
        raise TypeError("gradrepl layouts cannot be pickled")


name_as_torch(layout, "torch")


def _make(name):
    made = object.__new__(layout)
    object.__setattr__(made, "name", name)
    return made


strided = _make("strided")
