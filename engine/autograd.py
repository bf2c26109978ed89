"""torch.autograd: backward() and grad() with PyTorch's argument handling, Variable, the
grad modes; the walk itself is graph_walk.py."""

import warnings
from collections.abc import Mapping

import numpy as np

from . import anomaly_mode, grad_mode
from .anomaly_mode import detect_anomaly, set_detect_anomaly
from .dtypes import Size
from .graph_walk import run as _run
from .tensor import Tensor, wrap
from . import cpp_warnings

__all__ = ["backward", "grad", "Variable", "no_grad", "enable_grad", "set_grad_enabled",
           "grad_mode", "inference_mode", "gradcheck", "gradgradcheck", "Function", "function",
           "detect_anomaly", "set_detect_anomaly", "anomaly_mode"]

UNUSED_INPUT_ERROR = (
    "The differentiated Tensor at index %d appears to not have been used in the graph. "
    "Set allow_unused=True if this is the desired behavior.")

CREATE_GRAPH_WARNING = (
    "Using backward() with create_graph=True will create a reference cycle between the "
    "parameter and its gradient which can cause a memory leak. We recommend using "
    "autograd.grad when creating the graph to avoid this. If you have to use this function, "
    "make sure to reset the .grad fields of your parameters to None after use to break the "
    "cycle and avoid the leak.")


# ---- public entry points ---------------------------------------------------------------
# The argument handling follows torch/autograd/__init__.py line by line (its quirks
# included: zip() truncates extra gradients, grads.index() names the mismatching one),
# then the checks of the C++ engine's run_backward, in its order.

def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False,
             grad_variables=None, inputs=None):
    """torch.autograd.backward: accumulate d(tensors)/d(leaves) into the leaves' .grad."""
    if grad_variables is not None:
        warnings.warn("`grad_variables` is deprecated. Use `grad_tensors` instead.",
                      FutureWarning, stacklevel=2)
        if grad_tensors is not None:
            raise RuntimeError("`grad_tensors` and `grad_variables` (deprecated) arguments both "
                               "passed to `backward()`. Please only use `grad_tensors`.")
        grad_tensors = grad_variables
    inputs_tuple = () if inputs is None else _inputs_tuple(inputs, "backward")
    if inputs is not None and not inputs_tuple:
        raise RuntimeError("`inputs` argument to `backward()` cannot be empty.")
    tensors = _outputs_tuple(tensors)
    grads = _make_grads(tensors, _tensor_or_tensors_to_tuple(grad_tensors, len(tensors)))
    if retain_graph is None:
        retain_graph = create_graph
    roots = _roots(tensors, grads)
    targets = None
    if inputs_tuple:
        targets = {}
        for t in inputs_tuple:
            _check_input_type(t)
            # The engine calls retain_grad() on every input: a non-leaf input keeps
            # receiving its gradient in .grad on later backward calls too.
            t.retain_grad()
            targets[_target_of(t)] = t
    if create_graph:
        cpp_warnings.warn(CREATE_GRAPH_WARNING, cpp_warnings.CREATE_GRAPH, stacklevel=2, once=True)
    _run(roots, retain_graph, create_graph, targets, accumulate=True)


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False,
         only_inputs=True, allow_unused=None, is_grads_batched=False, materialize_grads=False):
    """torch.autograd.grad: the gradients of outputs with respect to inputs, as a tuple."""
    if materialize_grads and allow_unused is False:
        raise ValueError("Expected allow_unused to be True or not passed when "
                         "materialize_grads=True, but got: allow_unused=False.")
    if allow_unused is None:
        allow_unused = materialize_grads
    outputs = _outputs_tuple(outputs)
    inputs_tuple = _inputs_tuple(inputs, "grad")
    if not inputs_tuple:
        raise RuntimeError("`inputs` argument to `grad()` cannot be empty.")
    if not only_inputs:
        warnings.warn("only_inputs argument is deprecated and is ignored now (defaults to "
                      "True). To accumulate gradient for other parts of the graph, please use "
                      "torch.autograd.backward.", FutureWarning, stacklevel=2)
    grads = _make_grads(outputs, _tensor_or_tensors_to_tuple(grad_outputs, len(outputs)),
                        is_grads_batched)
    if retain_graph is None:
        retain_graph = create_graph
    if is_grads_batched:
        result = _batched_grad(outputs, grads, inputs_tuple, retain_graph, create_graph,
                               allow_unused)
    else:
        result = _engine_grad(outputs, grads, inputs_tuple, retain_graph, create_graph,
                              allow_unused)
    if materialize_grads:
        from .creation import zeros_like
        result = tuple(r if r is not None else zeros_like(t, requires_grad=create_graph)
                       for r, t in zip(result, inputs_tuple))
    if type(inputs) is dict:
        return dict(zip(inputs.keys(), result))
    return result


def _engine_grad(outputs, grads, inputs, retain_graph, create_graph, allow_unused):
    roots = _roots(outputs, grads)
    keys = []
    for t in inputs:
        _check_input_type(t)
        keys.append(_target_of(t))
    captured = _run(roots, retain_graph, create_graph, dict(zip(keys, inputs)),
                    accumulate=False)
    result = []
    for index, key in enumerate(keys):
        g = captured.get(key)
        if g is None and not allow_unused:
            raise RuntimeError(UNUSED_INPUT_ERROR % index)
        result.append(g)
    return tuple(result)


def _batched_grad(outputs, grads, inputs, retain_graph, create_graph, allow_unused):
    """is_grads_batched: one backward pass per row of the grad_outputs (PyTorch vmaps the
    pass), the input gradients stacked along a new first dimension."""
    from .ops_join import stack
    for g in grads:
        if g is not None and g._data.ndim == 0:
            raise ValueError("vmap(vjp, in_dims=0, ...)(<inputs>): Got in_dim=0 for some input, "
                             "but that input is a Tensor of dimensionality 0 so expected in_dim "
                             "to satisfy 0 <= in_dim < 0.")
    batch = next((g._data.shape[0] for g in grads if g is not None), 0)
    rows = []
    for b in range(batch):
        rows.append(_engine_grad(outputs, [None if g is None else g[b] for g in grads], inputs,
                                 retain_graph or b < batch - 1, create_graph, allow_unused))
    return tuple(None if any(r[i] is None for r in rows) else stack([r[i] for r in rows])
                 for i in range(len(inputs)))


# ---- preparing the roots ---------------------------------------------------------------

def _outputs_tuple(tensors):
    return (tensors,) if isinstance(tensors, Tensor) else tuple(tensors)


def _inputs_tuple(inputs, caller):
    if isinstance(inputs, Tensor):
        return (inputs,)
    if type(inputs) is dict:
        return tuple(inputs.values())
    if isinstance(inputs, Mapping):
        raise TypeError("`inputs` argument to `%s()` must be a dict, not %s. Other Mapping "
                        "types are not supported." % (caller, type(inputs).__name__))
    return tuple(inputs)


def _tensor_or_tensors_to_tuple(tensors, length):
    if tensors is None:
        return (None,) * length
    if isinstance(tensors, Tensor):
        return (tensors,)
    try:
        return tuple(tensors)
    except TypeError as e:  # Python's own error on the user's value ('float' object is ...)
        raise TypeError(str(e)) from None


def _make_grads(outputs, grads, is_grads_batched=False):
    made = []
    for out, g in zip(outputs, grads):
        if not isinstance(out, Tensor):
            raise AssertionError("Expected output to be a torch.Tensor")
        if isinstance(g, Tensor):
            first = g[0] if is_grads_batched else g
            if first._data.shape != out._data.shape:
                # list.index compares with ==, as PyTorch's message does (and fails as it
                # does); the batched message drops the first dimension of the first row.
                shown = first._data.shape[1:] if is_grads_batched else first._data.shape
                where = (grads.index(g), Size.of(shown), outputs.index(out),
                         Size.of(out._data.shape))
                if is_grads_batched:
                    raise RuntimeError(
                        "If `is_grads_batched=True`, we interpret the first dimension of each "
                        "grad_output as the batch dimension. The sizes of the remaining "
                        "dimensions are expected to match the shape of corresponding output, "
                        "but a mismatch was detected: grad_output[%d] has a shape of %r and "
                        "output[%d] has a shape of %r. If you only want some tensors in "
                        "`grad_output` to be considered batched, consider using vmap." % where)
                raise RuntimeError("Mismatch in shape: grad_output[%d] has a shape of %r and "
                                   "output[%d] has a shape of %r." % where)
            made.append(g)
        elif g is None:
            if out._requires_grad:
                if out._data.size != 1:
                    raise RuntimeError("grad can be implicitly created only for scalar outputs")
                if not out._dtype.is_floating_point:
                    raise RuntimeError("grad can be implicitly created only for real scalar "
                                       "outputs but got %r" % out._dtype)
                # ones_like(out), without its argument checks: out holds one element, so
                # its layout is the contiguous one.
                g = wrap(np.ones(out._data.shape, out._dtype.np_dtype), out._dtype)
            made.append(g)
        else:
            raise TypeError("gradients can be either Tensors or None, but got %s"
                            % type(g).__name__)
    return made


def _roots(tensors, grads):
    if len(tensors) != len(grads):
        raise RuntimeError("got %d tensors and %d gradients" % (len(tensors), len(grads)))
    roots = []
    for i, (t, g) in enumerate(zip(tensors, grads)):
        node = None
        if t._requires_grad:  # a view made under no_grad requires grad, without a node
            node = t._grad_fn if t._grad_fn is not None else t._accumulator()
        if node is None:
            raise RuntimeError("element %d of tensors does not require grad and does not "
                               "have a grad_fn" % i)
        roots.append((node, t._output_nr, g))
    return roots


def _check_input_type(t):
    if not isinstance(t, Tensor):
        raise RuntimeError("all inputs have to be Tensors or GradientEdges, but got %s"
                           % type(t).__name__)


def _target_of(t):
    """The (node, output_nr) where the gradient of input t arrives."""
    if not t._requires_grad:
        raise RuntimeError("One of the differentiated Tensors does not require grad")
    if t._grad_fn is None:
        return (t._accumulator(), 0)
    return (t._grad_fn, t._output_nr)


def Variable(data, requires_grad=False, volatile=False):
    """The pre-0.4 wrapper: today a Variable is just a tensor (sharing data's memory)."""
    if not isinstance(data, Tensor):
        raise TypeError("Variable data has to be a tensor, but got %s" % type(data).__name__)
    t = data.detach()
    t.requires_grad_(requires_grad)
    return t


no_grad = grad_mode.no_grad
enable_grad = grad_mode.enable_grad
set_grad_enabled = grad_mode.set_grad_enabled
is_grad_enabled = grad_mode.is_grad_enabled
inference_mode = grad_mode.inference_mode


# torch.autograd.functional and torch.autograd.gradcheck: their own modules, built on grad()
# above (imported last: they import this module).
from . import autograd_functional as functional  # noqa: E402,F401 (torch.autograd.functional)
from .gradcheck import gradcheck, gradgradcheck  # noqa: E402
from . import custom_function as function  # noqa: E402 (torch.autograd.function)
from .custom_function import Function  # noqa: E402
