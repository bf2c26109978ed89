"""torch.autograd.Function: user-defined ops with their own forward and backward.

As in torch/autograd/function.py, FunctionMeta gives every Function subclass Fn a node
class `FnBackward` (module torch.autograd.function); one instance of it is both the
`ctx` that forward, setup_context and backward see and the output's grad_fn. The
backward walk runs it through _run_backward(), with the checks of PyTorch's
python_function.cpp (the count, kind and shape of the returned gradients).
"""

import functools
import inspect
import warnings

import numpy as np

from .dispatch import _sequence
from .function import FREED_GRAPH_ERROR, CppNode, Node
from .grad_mode import GRAD, IN_FORMULA, no_grad
from .graph_walk import check_version, validate_gradient
from .tensor import Tensor, wrap
from .type_names import mark_python_mixin

# FunctionMeta is not exported: calling a metaclass makes a class from any dict.
__all__ = ["Function", "FunctionCtx", "BackwardCFunction", "once_differentiable"]

LEGACY_ERROR = (
    "Legacy autograd function with non-static forward method is deprecated. Please use "
    "new-style autograd function with static forward method. (Example: "
    "https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)")
DIRTY_LEAF_ERROR = "a leaf Variable that requires grad has been used in an in-place operation."
ONCE_DIFFERENTIABLE_ERROR = ("trying to differentiate twice a function that was marked with "
                             "@once_differentiable")


@mark_python_mixin
class FunctionCtx:
    """What forward/setup_context call on ctx: tensors to save, outputs to mark."""

    def save_for_backward(self, *tensors):
        for i, t in enumerate(tensors):
            if t is not None and not isinstance(t, Tensor):
                raise TypeError("save_for_backward can only save variables, but argument %d "
                                "is of type %s" % (i, type(t).__name__))
        self._to_save = tensors

    def mark_dirty(self, *args):
        self._dirty = args

    def mark_non_differentiable(self, *args):
        self._non_differentiable = args

    def set_materialize_grads(self, value):
        self._materialize = bool(value)


class BackwardCFunction(Node, FunctionCtx):
    """The node (and ctx) of one Function.apply call; no __slots__: ctx.anything = value."""

    _forward_cls = None

    def __init__(self):
        raise TypeError("cannot create '%s' instances" % type(self).__name__)

    @property
    def needs_input_grad(self):
        return self._needs_input_grad

    @property
    def requires_grad(self):
        return any(n is not None for n in self._next)

    @property
    def saved_tensors(self):
        saved = self._saved
        if saved is None:
            raise RuntimeError(FREED_GRAPH_ERROR)
        return tuple(None if s is None else s.unpack(self) for s in saved)

    saved_variables = saved_tensors

    def name(self):
        return type(self).__name__

    def _run_backward(self, grads, retain_graph, create_graph):
        """The gradients for the node's input edges (None where none flows), from the
        user's backward, as PyTorch's PyNode::apply checks them."""
        by_output = grads if type(grads) is dict else {0: grads}
        given = []
        for nr, meta in enumerate(self._output_meta):
            g = by_output.get(nr)
            if g is None and meta is not None and self._materialize:
                shape, dtype = meta
                g = wrap(np.zeros(shape, dtype.np_dtype), dtype)
            given.append(g)
        backward = self._forward_cls._backward_function()
        IN_FORMULA.active = False  # the user's backward is user code (see graph_walk._user_hook)
        try:
            result = backward(self, *given)
        finally:
            IN_FORMULA.active = True
        if not isinstance(result, tuple):
            result = (result,)
        n_inputs = len(self._input_edges)
        if len(result) > n_inputs and all(r is None for r in result[n_inputs:]):
            result = result[:n_inputs]
        if len(result) != n_inputs:
            raise RuntimeError("function %s returned an incorrect number of gradients (expected "
                               "%d, got %d)" % (type(self).__name__, n_inputs, len(result)))
        input_grads = []
        for position, (edge, g) in enumerate(zip(self._input_edges, result)):
            if edge is None:
                if g is not None:
                    raise RuntimeError(
                        "function %s returned a gradient different than None at position %d, "
                        "but the corresponding forward input was not a Variable"
                        % (type(self).__name__, position + 1))
                continue
            if g is not None and not isinstance(g, Tensor):
                raise RuntimeError("expected Variable or None (got %s)" % type(g).__name__)
            if g is not None:
                g = validate_gradient(self, len(input_grads), g)
            input_grads.append(g if self._next[len(input_grads)] is not None else None)
        if not retain_graph and self._saved:
            self._saved = None
        return input_grads

    def __repr__(self):
        return "<torch.autograd.function.%s object at %#x>" % (type(self).__name__, id(self))


class _SavedTensor:
    """One tensor of save_for_backward, checked against in-place changes when unpacked; an
    output of the node keeps only its data (no cycle), and comes back with the node as grad_fn."""

    __slots__ = ("tensor", "data", "dtype", "counter", "version", "output_nr")

    def __init__(self, tensor, output_nr):
        if tensor._version is None:
            tensor._version = [0]
        self.counter = tensor._version
        self.version = tensor._version[0]
        self.output_nr = output_nr
        if output_nr is None:
            self.tensor = tensor
            self.data = self.dtype = None
        else:
            self.tensor = None
            self.data, self.dtype = tensor._data, tensor._dtype

    def unpack(self, node):
        if self.output_nr is None:
            t = self.tensor
        else:
            t = wrap(self.data, self.dtype)
            t._version = self.counter
            t._requires_grad = True
            t._grad_fn = node
            t._output_nr = self.output_nr
        check_version(t, self.version)
        return t


class FunctionMeta(type):
    """Gives each Function subclass its node class, `<Name>Backward`."""

    def __init__(cls, name, bases, attrs):
        backward_cls = type(name + "Backward", (BackwardCFunction,), {"_forward_cls": cls})
        backward_cls.__module__ = "torch.autograd.function"
        backward_cls.__qualname__ = name + "Backward"
        cls._backward_cls = backward_cls
        super().__init__(name, bases, attrs)


class Function(metaclass=FunctionMeta):
    """torch.autograd.Function: subclass it with static forward and backward, call apply()."""

    def __init__(self, *args, **kwargs):
        warnings.warn("%s should not be instantiated. Methods on autograd functions are all "
                      "static, so you should invoke them on the class itself. Instantiating an "
                      "autograd function will raise an error in a future version of PyTorch."
                      % (type(self),), DeprecationWarning, stacklevel=2)

    def __call__(self, *args, **kwargs):
        raise RuntimeError(LEGACY_ERROR)

    generate_vmap_rule = False

    @staticmethod
    def forward(*args, **kwargs):
        raise NotImplementedError("You must implement the forward function for custom "
                                  "autograd.Function.")

    @staticmethod
    def setup_context(ctx, inputs, output):
        raise NotImplementedError("setup_context is not implemented.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError("You must implement either the backward or vjp method for "
                                  "your custom autograd.Function to use it with backward mode "
                                  "AD.")

    vjp = backward

    @staticmethod
    def jvp(ctx, *grad_inputs):
        raise NotImplementedError("You must implement the jvp function for custom "
                                  "autograd.Function to use it with forward mode AD.")

    @classmethod
    def _backward_function(cls):
        backward, vjp = cls.backward, cls.vjp
        if backward is not Function.backward and vjp is not Function.vjp:
            raise RuntimeError("Implementing both 'backward' and 'vjp' for a custom Function "
                               "is not allowed. You should only implement one of them.")
        return vjp if vjp is not Function.vjp else backward

    @classmethod
    def apply(cls, *args, **kwargs):
        setup_context = cls.setup_context is not Function.setup_context
        if setup_context:
            bound = inspect.signature(cls.forward).bind(*args, **kwargs)
            bound.apply_defaults()
            args, kwargs = bound.args, bound.kwargs
        elif kwargs:
            raise TypeError("forward() got an unexpected keyword argument %r" % next(iter(kwargs)))
        ctx = object.__new__(cls._backward_cls)
        _init_ctx(ctx, args)
        with no_grad():
            if setup_context:
                output = cls.forward(*args, **kwargs)
                cls.setup_context(ctx, args, output)
            else:
                output = cls.forward(ctx, *args)
        return _wrap_outputs(ctx, args, output)


def _init_ctx(ctx, args):
    ctx._next = ctx._nrs = ()
    ctx._shapes = ctx._dtypes = ()
    ctx._saved = ()
    ctx._versions = ctx._outputs = None
    ctx._hooks = None
    ctx._seq = 0
    ctx._needs_input_grad = tuple(isinstance(a, Tensor) and a._requires_grad for a in args)
    ctx._to_save = ()
    ctx._dirty = ctx._non_differentiable = ()
    ctx._materialize = True
    ctx._input_edges = ()
    ctx._output_meta = ()


def _wrap_outputs(ctx, args, output):
    """Make ctx the grad_fn of the outputs (as PyTorch's _wrap_outputs), save the tensors."""
    is_tuple = isinstance(output, tuple)
    outputs = output if is_tuple else (output,)
    inputs = [a for a in args if isinstance(a, Tensor)]
    dirty = {id(t) for t in ctx._dirty}
    records = GRAD.enabled and any(t._requires_grad for t in inputs)
    non_diff = {id(t) for t in ctx._non_differentiable}
    input_ids = {id(t) for t in inputs}
    if records:
        nexts, nrs, shapes, codes = [], [], [], []
        for t in inputs:
            if t._requires_grad:
                fn = t._grad_fn
                nexts.append(t._accumulator() if fn is None else fn)
                nrs.append(0 if fn is None else t._output_nr)
            else:
                nexts.append(None)
                nrs.append(0)
            shapes.append(t._data.shape)
            codes.append(t._dtype.code)
        ctx._next, ctx._nrs = tuple(nexts), tuple(nrs)
        ctx._shapes, ctx._dtypes = tuple(shapes), tuple(codes)
        ctx._input_edges = tuple(True if isinstance(a, Tensor) else None for a in args)
    wrapped = []
    for nr, out in enumerate(outputs):
        if not isinstance(out, Tensor):
            wrapped.append(out)
            continue
        differentiable = id(out) not in non_diff and out._dtype.category == 2
        if id(out) in dirty:
            if records and out._requires_grad and out._grad_fn is None and out._base is None:
                raise RuntimeError(DIRTY_LEAF_ERROR)
            out._bump_version()
        elif id(out) in input_ids and records:
            out = _alias(out)  # an input returned as it is: a view of it, as in PyTorch
        if records:
            if not differentiable:
                out._requires_grad = False
                out._grad_fn = None
            else:
                out._requires_grad = True
                out._grad_fn = ctx
                out._output_nr = nr
        wrapped.append(out)
    if records:
        ctx._output_meta = tuple((o._data.shape, o._dtype) if isinstance(o, Tensor) else None
                                 for o in wrapped)
        ctx._seq = next(_sequence)
    # Outputs are saved without the tensor itself (no cycle through their grad_fn).
    output_nrs = {id(o): nr for nr, o in enumerate(wrapped)
                  if isinstance(o, Tensor) and o._grad_fn is ctx}
    ctx._saved = tuple(None if t is None else _SavedTensor(t, output_nrs.get(id(t)))
                       for t in ctx._to_save)
    ctx._to_save = ()
    return tuple(wrapped) if is_tuple else wrapped[0]


def _alias(t):
    out = wrap(t._data, t._dtype)
    out._version = t._shared_version()
    out._base = t if t._base is None else t._base
    return out


for _cls in (FunctionCtx, BackwardCFunction, FunctionMeta, Function):
    _cls.__module__ = "torch.autograd.function"  # type(Fn) prints as in torch


def once_differentiable(fn):
    """backward run under no_grad; under create_graph, its results lead to an Error node."""
    @functools.wraps(fn)
    def wrapper(ctx, *args):
        with no_grad():
            outputs = fn(ctx, *args)
        if not GRAD.mode:
            return outputs
        if not any(isinstance(a, Tensor) and a._requires_grad for a in args):
            return outputs
        return _delayed_error(outputs)
    return wrapper


class Error(CppNode):
    """PyTorch's DelayedError node: backpropagating through it raises its message."""

    __slots__ = ()
    op = None

    def _run_backward(self, grads, retain_graph, create_graph):
        raise RuntimeError(ONCE_DIFFERENTIABLE_ERROR)


Error.__module__ = "builtins"  # type(node) prints <class 'Error'>, as in torch


def _delayed_error(outputs):
    """outputs, aliased as outputs of an Error node whose inputs are fresh leaves (as
    once_differentiable's fake_requires_grad)."""
    is_tuple = isinstance(outputs, tuple)
    outputs = outputs if is_tuple else (outputs,)
    node = object.__new__(Error)
    node._saved, node._versions, node._outputs, node._hooks = (), None, None, None
    nexts, shapes, codes, wrapped = [], [], [], []
    for nr, out in enumerate(outputs):
        if out is None:
            nexts.append(None)
            shapes.append(None)
            codes.append(-1)
            wrapped.append(None)
            continue
        leaf = wrap(out._data, out._dtype)
        leaf._requires_grad = True
        nexts.append(leaf._accumulator())
        shapes.append(out._data.shape)
        codes.append(out._dtype.code)
        alias = wrap(out._data, out._dtype)
        alias._requires_grad = True
        alias._grad_fn = node
        alias._output_nr = nr
        wrapped.append(alias)
    node._next, node._nrs = tuple(nexts), (0,) * len(nexts)
    node._shapes, node._dtypes = tuple(shapes), tuple(codes)
    node._seq = next(_sequence)
    return tuple(wrapped) if is_tuple else wrapped[0]
