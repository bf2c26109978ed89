"""How torch shows its functions and methods, for the engine's (which are all Python).

Most of torch is C: `torch.sum` is `<built-in method sum of type object at 0x...>`, `x.sum`
is `<built-in method sum of Tensor object at 0x...>`, `y.grad_fn.name` is `<built-in method
name of MulBackward0 object at 0x...>`; the parts written in Python (torch/functional.py,
torch/_tensor.py, torch.nn.functional) print as Python functions and bound methods. Python
cannot make our functions print so, so the front end asks callable_repr() for the text.
"""

import types

from .tensor import Tensor
from .type_names import defined_in_python_mixin, is_c_type

# torch/_tensor.py's Python methods: `<bound method Tensor.backward of tensor(...)>`.
TENSOR_PYTHON_METHODS = frozenset((
    "backward dim_order eig index is_shared istft lstsq lu module_load norm register_hook "
    "register_post_accumulate_grad_hook reinforce resize resize_as share_memory_ solve split "
    "stft storage storage_type symeig to_sparse_coo unflatten unique unique_consecutive"
).split())

# torch.X written in Python (torch/functional.py, torch/random.py, torch/__init__.py ...);
# every other torch.X is a method of torch._C._VariableFunctions, but these C functions.
TORCH_PYTHON_FUNCTIONS = frozenset((
    "atleast_1d atleast_2d atleast_3d block_diag broadcast_shapes broadcast_tensors "
    "cartesian_prod cdist einsum tensordot unique_consecutive unravel_index "
    "get_default_device get_rng_state initial_seed is_storage is_tensor is_warn_always_enabled "
    "manual_seed meshgrid norm seed set_default_device set_default_dtype set_printoptions "
    "set_rng_state set_warn_always split typename unique").split())
TORCH_BUILTIN_FUNCTIONS = frozenset(("get_default_dtype", "is_grad_enabled",
                                     "is_inference_mode_enabled", "is_anomaly_enabled",
                                     "is_anomaly_check_nan_enabled"))
# torch.nn.functional is Python but for these (torch._C._nn functions, _VariableFunctions).
F_BUILTIN_FUNCTIONS = frozenset(("linear", "softplus", "gelu", "one_hot", "logsigmoid", "elu_",
                                 "leaky_relu_", "hardtanh_", "softshrink"))
F_BUILTIN_METHODS = frozenset(("cosine_similarity celu_ selu_ rrelu_ relu_ threshold_ "
                               "hardshrink prelu pdist pairwise_distance").split())
# torch.unique is made by torch._jit_internal.boolean_dispatch; F.logsigmoid is the C
# function torch._C._nn.log_sigmoid; F.threshold is torch.nn.functional._threshold.
_QUALNAMES = {"unique": "boolean_dispatch.<locals>.fn",
              "unique_consecutive": "boolean_dispatch.<locals>.fn", "logsigmoid": "log_sigmoid",
              "threshold": "_threshold"}

_BUILTIN_METHOD, _BUILTIN_FUNCTION, _PYTHON_FUNCTION = "method", "builtin", "function"
_METHOD_DESCRIPTOR, _PYTHON_METHOD, _TEXT = "descriptor", "Tensor method", "text"
_KINDS = {}  # id(function) -> (kind, name, function); the function is kept alive here
# What torch's `<built-in method sum of type object at 0x...>` names: _VariableFunctions.
_TYPE_OBJECT_ADDRESS = id(_KINDS)


def _kind_in_torch(name):
    if name in TORCH_PYTHON_FUNCTIONS:
        return _PYTHON_FUNCTION
    return _BUILTIN_FUNCTION if name in TORCH_BUILTIN_FUNCTIONS else _BUILTIN_METHOD


def _kind_in_functional(name):
    if name in F_BUILTIN_FUNCTIONS:
        return _BUILTIN_FUNCTION
    return _BUILTIN_METHOD if name in F_BUILTIN_METHODS else _PYTHON_FUNCTION


def renamed(function, name):
    """A copy of function called `name` (one function exported under two names, as
    torch.abs and torch.absolute, is two functions in torch, each with its own name)."""
    copy = types.FunctionType(function.__code__, function.__globals__, name,
                              function.__defaults__, function.__closure__)
    copy.__kwdefaults__ = function.__kwdefaults__
    copy.__dict__.update(function.__dict__)
    copy.__qualname__ = name
    copy.__module__ = function.__module__
    copy.__doc__ = function.__doc__
    return copy


def _own_names(namespace, names):
    """Give every function of namespace (a dict) exported under names its own name."""
    for name in names:
        value = namespace.get(name)
        if isinstance(value, types.FunctionType) and value.__name__ != name:
            namespace[name] = renamed(value, name)


def install(torch_namespace, tensor_class, functional):
    """Name the Tensor methods and torch's functions as torch does, and remember which
    of them torch writes in C."""
    names = [n for n in torch_namespace if not n.startswith("_")]
    _own_names(torch_namespace, names)
    for name in names:
        register(torch_namespace[name], name, _kind_in_torch(name))
    for name in functional.__all__:
        function = getattr(functional, name)
        if id(function) in _KINDS:  # also torch.X (torch.celu, F.celu): two functions in torch
            function = renamed(function, name)
            setattr(functional, name, function)
        register(function, name, _kind_in_functional(name))
    # A class in torch (the legacy wrapper of tensors), a function here.
    register(torch_namespace["autograd"].Variable, "<class 'torch.autograd.variable.Variable'>",
             _TEXT)
    # Tensor.sum is its own function, not torch.sum: `<method 'sum' of ... objects>`.
    for name, value in list(vars(tensor_class).items()):
        if name.startswith("_") or not isinstance(value, types.FunctionType):
            continue
        if value.__name__ != name or id(value) in _KINDS:
            value = renamed(value, name)
            setattr(tensor_class, name, value)
        register(value, name, _PYTHON_METHOD if name in TENSOR_PYTHON_METHODS
                 else _METHOD_DESCRIPTOR)


def register(function, name, kind=_PYTHON_FUNCTION):
    if isinstance(function, types.FunctionType):
        _KINDS[id(function)] = (kind, name, function)


def register_builtin(function, name):
    """A function of the front end's that stands for a builtin (the shell's print)."""
    register(function, name, _BUILTIN_FUNCTION)


def callable_repr(value):
    """torch's (or Python's) text for an engine function or bound method; None for any
    other value, whose repr() is already right."""
    if isinstance(value, types.FunctionType):
        known = _KINDS.get(id(value))
        if known is None or known[2] is not value:
            return None
        kind, name, _ = known
        if kind == _BUILTIN_METHOD:
            return "<built-in method %s of type object at %#x>" % (name, _TYPE_OBJECT_ADDRESS)
        if kind == _BUILTIN_FUNCTION:
            return "<built-in function %s>" % _QUALNAMES.get(name, name)
        if kind == _TEXT:
            return name
        if kind == _METHOD_DESCRIPTOR:
            return "<method '%s' of 'torch._C.TensorBase' objects>" % name
        if kind == _PYTHON_METHOD:
            return "<function Tensor.%s at %#x>" % (name, id(value))
        return "<function %s at %#x>" % (_QUALNAMES.get(name, name), id(value))
    if isinstance(value, types.MethodType) and isinstance(value.__func__, types.FunctionType):
        owner = value.__self__
        name = value.__func__.__name__
        if not is_c_type(type(owner)) or defined_in_python_mixin(type(owner), name):
            return None
        if isinstance(owner, Tensor) and name in TENSOR_PYTHON_METHODS:
            return "<bound method Tensor.%s of %r>" % (name, owner)
        return "<built-in method %s of %s object at %#x>" % (name, type(owner).__name__,
                                                             id(owner))
    return None
