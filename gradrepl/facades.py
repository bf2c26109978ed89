"""The modules user code can import: read-only facades of torch, math, numpy and time."""

import importlib
import math
import time
import types

import numpy as np

from .guards import (allow_subclassing, check_dtype, check_numpy_result, facade_names,
                     make_facade, prepare_type, refusal, register_engine_package)

# The only modules an import may name (checked before a chunk runs). torch's come from
# the engine; a torch submodule the engine does not have is reported when imported.
IMPORTABLE = frozenset({
    "torch", "torch.autograd", "torch.autograd.functional", "torch.autograd.gradcheck",
    "torch.autograd.function",
    "torch.nn", "torch.nn.functional", "torch.nn.parameter", "torch.nn.init", "torch.nn.utils",
    "torch.optim", "torch.optim.lr_scheduler", "torch.linalg", "torch.special", "torch.cuda",
    "torch.backends", "torch.backends.cudnn", "torch.backends.mps", "torch.backends.cuda",
    "math", "numpy", "numpy.random", "numpy.linalg", "time",
})
IMPORT_HINT = ("gradrepl runs its own autograd engine, not Python's libraries: it can import "
               "torch (torch.autograd, torch.autograd.functional, torch.nn, torch.nn.functional, "
               "torch.nn.init, torch.nn.utils, torch.optim, torch.linalg, torch.special), math, "
               "numpy (a small safe part) and time")

# Engine submodules reachable as attributes even when a module's __all__ omits them.
_SUBMODULES = {"torch": ("autograd", "nn", "optim", "linalg", "special"),
               "torch.autograd": ("functional",), "torch.nn": ("functional", "init", "utils"),
               "torch.optim": ("lr_scheduler",)}
# Modules importable by name whose attribute is something else, as in torch:
# torch.autograd.gradcheck is the function, the module of that name is only reached by
# `from torch.autograd.gradcheck import ...`. {dotted name: engine submodule}.
_SHADOWED_SUBMODULES = {"torch.autograd.gradcheck": "gradcheck"}
# Modules of torch that are objects of the engine (their flags can be set, as torch's):
# importable by name, `import torch.backends.cudnn as cudnn` binds the object.
_OBJECT_MODULES = ("torch.backends.cudnn", "torch.backends.mps", "torch.backends.cuda")
# Engine classes a class statement may derive from (guards.check_base refuses the rest).
SUBCLASSABLE = ("torch.autograd.Function", "torch.nn.Module")
# Never exposed, whatever the engine exports: they would read or write files.
_ENGINE_DENIED = frozenset({"save", "load"})


def module_not_found(name):
    error = ModuleNotFoundError("No module named %r" % name, name=name)
    error.hint = IMPORT_HINT
    return error


def missing_module(dotted):
    """The first prefix of a dotted module name that cannot be imported, or None."""
    parts = dotted.split(".")
    for i in range(1, len(parts) + 1):
        prefix = ".".join(parts[:i])
        if prefix not in IMPORTABLE:
            return prefix
    return None


# ---- torch: the engine's __all__, nothing else --------------------------------------

_TORCH_CACHE = {}


def _engine_facades(torch_module):
    """{'torch': facade, 'torch.nn': facade, ...} for the engine package torch_module."""
    root = torch_module.__name__
    built = {}
    registry = {}

    def is_engine_module(value):
        return isinstance(value, types.ModuleType) and (
            value.__name__ == root or value.__name__.startswith(root + "."))

    def build(module, dotted):
        if id(module) in built:
            return built[id(module)]
        mapping = {}
        facade = built[id(module)] = make_facade(dotted, {})
        for name in getattr(module, "__all__", ()):
            if not isinstance(name, str) or name.startswith("_") or name in _ENGINE_DENIED:
                continue
            try:
                value = getattr(module, name)
            except AttributeError:
                continue
            if isinstance(value, types.ModuleType):
                if not is_engine_module(value):
                    continue  # a module the engine uses is never reachable
                value = build(value, dotted + "." + name)
            if isinstance(value, type):
                prepare_type(value)
            mapping[name] = value
        for name in _SUBMODULES.get(dotted, ()):
            if name not in mapping:
                sub = getattr(module, name, None)
                if not isinstance(sub, types.ModuleType):
                    try:
                        sub = importlib.import_module(module.__name__ + "." + name)
                    except ImportError:
                        continue
                if is_engine_module(sub):
                    mapping[name] = build(sub, dotted + "." + name)
        object.__getattribute__(facade, "__dict__").update(mapping)
        registry[dotted] = facade
        return facade

    build(torch_module, "torch")
    for dotted, engine_name in _SHADOWED_SUBMODULES.items():
        try:
            module = importlib.import_module(root + "." + engine_name)
        except ImportError:
            continue
        built.pop(id(module), None)  # its own facade, even if reached under another name
        build(module, dotted)
    for dotted in _OBJECT_MODULES:
        parent, _, name = dotted.rpartition(".")
        if parent in registry and name in facade_names(registry[parent]):
            registry[dotted] = facade_names(registry[parent])[name]
    return registry


def torch_facades(torch_module):
    cached = _TORCH_CACHE.get(id(torch_module))
    if cached is None or cached[0] is not torch_module:
        register_engine_package(torch_module.__name__)
        cached = _TORCH_CACHE[id(torch_module)] = (torch_module, _engine_facades(torch_module))
        for dotted in SUBCLASSABLE:
            module, _, name = dotted.rpartition(".")
            cls = facade_names(cached[1][module]).get(name) if module in cached[1] else None
            if isinstance(cls, type):
                allow_subclassing(cls, dotted)
    return cached[1]


# ---- numpy: a small, safe surface ---------------------------------------------------

_NUMPY_FUNCTIONS = (
    # making arrays (no empty(): it would show leftover memory)
    "array", "asarray", "zeros", "ones", "full", "zeros_like", "ones_like", "full_like",
    "arange", "linspace", "logspace", "eye", "identity", "diag", "meshgrid",
    # shapes
    "reshape", "transpose", "squeeze", "expand_dims", "stack", "concatenate", "vstack",
    "hstack", "tile", "repeat", "flip", "ravel", "shape", "ndim", "size",
    # maths
    "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin",
    "arccos", "arctan", "arctan2", "sinh", "cosh", "tanh", "sqrt", "square", "abs",
    "absolute", "sign", "floor", "ceil", "round", "power", "maximum", "minimum", "clip",
    "where", "add", "subtract", "multiply", "divide", "negative", "reciprocal", "mod",
    # reductions
    "sum", "prod", "mean", "std", "var", "median", "max", "min", "amax", "amin", "argmax",
    "argmin", "argsort", "sort", "cumsum", "cumprod", "all", "any", "count_nonzero",
    # linear algebra and comparison
    "dot", "matmul", "outer", "inner", "einsum", "trace", "allclose", "isclose",
    "array_equal", "isnan", "isinf", "isfinite", "nan_to_num",
)
_NUMPY_TYPES = ("float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8",
                "bool_", "complex64", "complex128")
_NUMPY_CONSTANTS = {"pi": np.pi, "e": np.e, "inf": np.inf, "nan": np.nan, "newaxis": None}
_NUMPY_RANDOM = ("seed", "rand", "randn", "randint", "random", "uniform", "normal", "choice",
                 "permutation", "shuffle")
_NUMPY_LINALG = ("norm", "inv", "det", "solve", "eigvals", "eigvalsh", "pinv",
                 "matrix_rank")


def _numpy_function(function, name):
    """A numpy function that refuses dtype=object and reports numpy's errors as the user's."""
    def wrapper(*args, **kwargs):
        if "dtype" in kwargs:
            check_dtype(kwargs["dtype"])
        try:
            result = function(*args, **kwargs)
        except Exception as exc:
            raise exc.with_traceback(None)
        return check_numpy_result(result)
    wrapper.__name__ = wrapper.__qualname__ = name
    return wrapper


def _numpy_facades():
    def functions(module, names):
        return {n: _numpy_function(getattr(module, n), n) for n in names if hasattr(module, n)}

    random = make_facade("numpy.random", functions(np.random, _NUMPY_RANDOM))
    linalg = make_facade("numpy.linalg", functions(np.linalg, _NUMPY_LINALG))
    top = functions(np, _NUMPY_FUNCTIONS)
    top.update({n: getattr(np, n) for n in _NUMPY_TYPES})
    top.update(_NUMPY_CONSTANTS)
    top.update(random=random, linalg=linalg)
    return {"numpy": make_facade("numpy", top), "numpy.random": random,
            "numpy.linalg": linalg}


_TIME_NAMES = ("perf_counter", "perf_counter_ns", "time", "time_ns", "monotonic",
               "monotonic_ns", "process_time", "sleep")

_STATIC = dict(_numpy_facades())
_STATIC["math"] = make_facade("math", {n: getattr(math, n) for n in dir(math)
                                       if not n.startswith("_")})
_STATIC["time"] = make_facade("time", {n: getattr(time, n) for n in _TIME_NAMES})


def module_registry(torch_module):
    """Every importable module of a session, by dotted name."""
    registry = dict(_STATIC)
    registry.update(torch_facades(torch_module))
    return registry


# ---- the import statement, compiled to calls of these --------------------------------

def make_importers(registry, namespace):
    """(import_module, import_from, import_star) bound to one session's modules."""

    def import_module(dotted, bind_top):
        facade = registry.get(dotted)
        if facade is None:
            raise module_not_found(dotted)
        if bind_top:
            return registry[dotted.partition(".")[0]]
        # `import a.b as c` binds the attribute b of a where a has one (Python's
        # IMPORT_FROM): `import torch.autograd.gradcheck as g` is the function.
        parent, _, name = dotted.rpartition(".")
        if parent:
            return facade_names(registry[parent]).get(name, facade)
        return facade

    def import_from(dotted, name):
        facade = registry.get(dotted)
        if facade is None:
            raise module_not_found(dotted)
        value = facade_names(facade).get(name, _MISSING)
        if value is _MISSING:
            value = registry.get(dotted + "." + name, _MISSING)
        if value is _MISSING:
            error = ImportError("cannot import name %r from %r (unknown location)"
                                % (name, dotted), name=dotted)
            error.hint = IMPORT_HINT if dotted.startswith("torch") else None
            raise error
        return value

    def import_star(dotted):
        facade = registry.get(dotted)
        if facade is None:
            raise module_not_found(dotted)
        if dotted != "torch":
            raise refusal("'from %s import *' is not allowed in gradrepl (only 'from torch "
                          "import *')" % dotted)
        namespace.update(facade_names(facade))

    return import_module, import_from, import_star


_MISSING = object()
