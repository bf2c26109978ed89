"""Class names as PyTorch's C types carry them, for Python's own messages."""


def name_as_c_type(cls, module, name):
    """Name `cls` as PyTorch's C type `module.name` (torch.Size, torch.dtype, ...).

    A C type's tp_name is its dotted path, and Python's messages quote tp_name:
    `'torch.Size' object does not support item assignment`. A Python class's tp_name
    is its __name__, so __name__ takes the dotted path while __module__ and
    __qualname__ keep `type(x)` printing <class 'torch.Size'>.
    """
    cls.__module__ = module
    cls.__qualname__ = name
    cls.__name__ = module + "." + name
    return cls
