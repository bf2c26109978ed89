"""Warnings PyTorch raises from C++ (TORCH_WARN): their text ends with the source line
that raised them, as the official 2.13 wheels print it."""

import warnings

# The C++ sources of TORCH_WARN sites the engine reproduces, as PyTorch's build names them.
GRAD_OF_NON_LEAF = "build/aten/src/ATen/core/TensorBody.h:493"
SEQUENCE_INDEX = "torch/csrc/autograd/python_variable_indexing.cpp:349"
UINT8_INDEX = "aten/src/ATen/native/IndexingUtils.h:37"
TRANSPOSE_T = "aten/src/ATen/native/TensorShape.cpp:4314"
MESHGRID_INDEXING = "aten/src/ATen/native/TensorShape.cpp:4215"
SCATTER_REDUCE = "aten/src/ATen/native/TensorAdvancedIndexing.cpp:225"
CREATE_GRAPH = "torch/csrc/autograd/engine.cpp:1307"
DEGREES_OF_FREEDOM = "aten/src/ATen/native/ReduceOps.cpp:1861"
RANDOM_FROM = "aten/src/ATen/native/DistributionTemplates.h:110"
RANDOM_TO = "aten/src/ATen/native/DistributionTemplates.h:111"
DEPRECATED_CHOLESKY = "aten/src/ATen/native/BatchLinearAlgebra.cpp:1765"
DEPRECATED_QR = "aten/src/ATen/native/BatchLinearAlgebra.cpp:2505"
DEPRECATED_CROSS = "aten/src/ATen/native/Cross.cpp:63"
SCALAR_OF_REQUIRES_GRAD = "torch/csrc/autograd/generated/python_variable_methods.cpp:822"


_WARN_ALWAYS = [False]
_WARNED_ONCE = set()


def set_warn_always(b):
    """torch.set_warn_always: TORCH_WARN_ONCE warnings then warn every time."""
    _WARN_ALWAYS[0] = bool(b)


def is_warn_always_enabled():
    return _WARN_ALWAYS[0]


def warn(message, source, stacklevel=1, once=False):
    """warnings.warn(message) with PyTorch's C++ suffix; stacklevel counts from the caller.
    once: a TORCH_WARN_ONCE site, silent after its first warning in the process."""
    if once and not _WARN_ALWAYS[0]:
        if source in _WARNED_ONCE:
            return
        _WARNED_ONCE.add(source)
    warnings.warn("%s (Triggered internally at /__w/pytorch/pytorch/%s.)" % (message, source),
                  UserWarning, stacklevel=stacklevel + 1)


def warn_degrees_of_freedom(function, stacklevel=1):
    """std/var (and their _mean forms) with a correction at least the count reduced."""
    warn("%s(): degrees of freedom is <= 0. Correction should be strictly less than the "
         "reduction factor (input numel divided by output numel)." % function,
         DEGREES_OF_FREEDOM, stacklevel + 1)
