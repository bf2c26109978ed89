"""torch.backends of a CPU-only torch: no MPS, no CUDA, and cuDNN's flags (settable)."""


__all__ = ["cudnn", "mps", "cuda"]


class _Flag:
    """A bool that torch's C setter checks (`set_benchmark_cudnn expects a bool, ...`)."""

    def __init__(self, value, setter_name):
        self.value, self.setter_name = value, setter_name

    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, owner=None):
        return self if obj is None else getattr(obj, self.name, self.value)

    def __set__(self, obj, value):
        if type(value) is not bool:
            raise RuntimeError("%s expects a bool, but got %s" % (self.setter_name,
                                                                  type(value).__name__))
        object.__setattr__(obj, self.name, value)


class CudnnModule:
    """torch.backends.cudnn: its flags may be set (seeding recipes do), nothing runs on it."""

    __slots__ = ("_enabled", "_benchmark", "_deterministic", "_allow_tf32")
    enabled = _Flag(True, "set_enabled_cudnn")
    benchmark = _Flag(False, "set_benchmark_cudnn")
    deterministic = _Flag(False, "set_deterministic_cudnn")
    allow_tf32 = _Flag(True, "set_allow_tf32_cublas")

    def is_available(self):
        return False

    def version(self):
        return None

    def __repr__(self):
        return "<module 'torch.backends.cudnn'>"


CudnnModule.__module__ = "torch.backends.cudnn"
cudnn = CudnnModule()


class _Mps:
    def is_available(self):
        return False

    def is_built(self):
        return False

    def __repr__(self):
        return "<module 'torch.backends.mps'>"


class _Cuda:
    def is_built(self):
        return False

    def __repr__(self):
        return "<module 'torch.backends.cuda'>"


_Mps.__module__ = "torch.backends.mps"
_Cuda.__module__ = "torch.backends.cuda"
mps = _Mps()
cuda = _Cuda()
