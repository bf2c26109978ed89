"""backward() and grad(): the iterative walk of the graph in reverse topological order.

No recursion anywhere: a chain of 100 000 ops backpropagates in time linear in
the graph. Ready nodes run in PyTorch's order (the most recently created first),
so hooks that print do so in the order PyTorch's engine would.
"""

import heapq
import warnings
from collections.abc import Mapping

import numpy as np

from . import dtypes, grad_mode

from .dtypes import ALL_DTYPES, Size
from .autograd_hooks import check_hook_result, run_post_accumulate_hooks
from .function import AccumulateGrad, FREED_GRAPH_ERROR, stripped_name
from .grad_mode import GRAD, IN_FORMULA
from .tensor import Tensor, wrap

VERSION_ERROR = (
    "one of the variables needed for gradient computation has been modified by an inplace "
    "operation: [torch.%s [%s]]%s is at version %d; expected version %d instead. Hint: "
    "enable anomaly detection to find the operation that failed to compute its gradient, "
    "with torch.autograd.set_detect_anomaly(True, check_nan=False).")

__all__ = ["backward", "grad", "Variable", "no_grad", "enable_grad", "set_grad_enabled",
           "is_grad_enabled", "grad_mode", "inference_mode", "gradcheck", "gradgradcheck"]

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
        warnings.warn(CREATE_GRAPH_WARNING, UserWarning, stacklevel=3)
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
    return tuple(tensors)


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
                where = (grads.index(g), Size(shown), outputs.index(out), Size(out._data.shape))
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
                from .creation import ones_like
                g = ones_like(out)
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
        if not t._requires_grad:
            raise RuntimeError("element %d of tensors does not require grad and does not "
                               "have a grad_fn" % i)
        node = t._grad_fn if t._grad_fn is not None else t._accumulator()
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


# ---- the walk ----------------------------------------------------------------------------

def _dependencies(root_nodes):
    """In-degree of every node reachable from the roots (the roots included, from 0),
    found without recursion: its keys are the graph's nodes."""
    deps = dict.fromkeys(root_nodes, 0)
    stack = list(deps)
    while stack:
        node = stack.pop()
        for nxt in node._next:
            if nxt is not None:
                count = deps.get(nxt)
                if count is None:
                    deps[nxt] = 1
                    stack.append(nxt)
                else:
                    deps[nxt] = count + 1
    return deps


def _needed(deps, target_nodes):
    """Nodes from which some target is reachable: only they need to run."""
    # Kahn's order (parents before children), then children settle their parents.
    remaining = dict(deps)
    order = [n for n, count in deps.items() if count == 0]
    i = 0
    while i < len(order):
        for nxt in order[i]._next:
            if nxt is not None:
                remaining[nxt] -= 1
                if remaining[nxt] == 0:
                    order.append(nxt)
        i += 1
    needed = set()
    for node in reversed(order):
        if node in target_nodes or any(n in needed for n in node._next if n is not None):
            needed.add(node)
    return needed


def _run(roots, retain_graph, create_graph, targets, accumulate):
    """Walk the graph from the roots. With targets ({(node, output_nr): tensor}), run only
    the nodes that lead to them and capture the gradients arriving there."""
    root_nodes = [node for node, _, _ in roots]
    deps = _dependencies(root_nodes)
    needed = None
    if targets is not None:
        target_nodes = {node for node, _ in targets}
        needed = _needed(deps, target_nodes)
    captured = {}

    # node -> the gradient arrived so far for its output 0, or {output_nr: gradient}.
    buffers = {}
    for node, nr, g in roots:
        _add_to_buffer(buffers, node, nr, g)
    heap = []
    for node in dict.fromkeys(root_nodes):
        if deps[node] == 0:
            heapq.heappush(heap, (-node._seq, id(node), node))

    previous = GRAD.enabled
    GRAD.enabled = create_graph
    IN_FORMULA.active = True
    push, pop = heapq.heappush, heapq.heappop
    node = None  # the next node when it is the only one ready: no need for the heap
    try:
        while node is not None or heap:
            if node is None:
                node = pop(heap)[2]
            grads = buffers.pop(node, None)
            if grads is not None:
                if node._hooks is not None or targets is not None:
                    grads = _by_output(grads)
                    if node._hooks is not None:
                        grads = _call_pre_hooks(node, grads)
                    if targets is not None:
                        _capture(node, grads, targets, captured)
                if needed is None or _should_run(node, needed, targets, accumulate):
                    outputs = _apply(node, grads, retain_graph, create_graph)
                    for nxt, nr, g in zip(node._next, node._nrs, outputs):
                        if g is not None and nxt is not None:
                            if nxt not in buffers:
                                buffers[nxt] = g if nr == 0 else {nr: g}
                            else:
                                _add_to_buffer(buffers, nxt, nr, g)
            ready = None
            for nxt in node._next:
                if nxt is not None:
                    count = deps[nxt] - 1
                    deps[nxt] = count
                    if count == 0:
                        if ready is not None:
                            push(heap, (-ready._seq, id(ready), ready))
                        ready = nxt
            node = None
            if ready is not None:
                if heap:
                    push(heap, (-ready._seq, id(ready), ready))
                else:
                    node = ready
    finally:
        GRAD.enabled = previous
        IN_FORMULA.active = False
    return captured


def _should_run(node, needed, targets, accumulate):
    if needed is None:
        return True
    if type(node) is AccumulateGrad:
        return accumulate and (node, 0) in targets
    return any(n in needed for n in node._next if n is not None)


def _capture(node, grads, targets, captured):
    # backward(inputs=[y]) for a non-leaf y: y.grad is filled by its retain_grad hook.
    for nr, g in grads.items():
        if (node, nr) in targets:
            captured[(node, nr)] = g


def _add_to_buffer(buffers, node, nr, g):
    """Add g, a gradient for output nr of node, to what arrived there before."""
    slot = buffers.get(node)
    if slot is None:
        buffers[node] = g if nr == 0 else {nr: g}
    elif type(slot) is dict:
        old = slot.get(nr)
        slot[nr] = g if old is None else old + g
    elif nr == 0:
        buffers[node] = slot + g
    else:
        buffers[node] = {0: slot, nr: g}


def _by_output(grads):
    """A buffer's gradients as {output_nr: gradient}."""
    return grads if type(grads) is dict else {0: grads}


# ---- running one node ----------------------------------------------------------------------

def _call_pre_hooks(node, grads):
    hooks = node._hooks
    for nr, table in hooks.tensor.items():
        if nr in grads:
            for hook in list(table.values()):
                new = _user_hook(hook, grads[nr])
                if new is not None:
                    check_hook_result(hook, grads[nr], new)
                    grads[nr] = new
    for nr, tensor in hooks.retain.items():
        if nr in grads:
            # PyTorch's retain_grad hook: a clone the first time, then an out-of-place sum.
            old = tensor._grad
            tensor._grad = grads[nr].clone() if old is None else old + grads[nr]
    for hook in list(hooks.pre.values()):
        new = _user_hook(hook, tuple(grads.get(i) for i in range(max(grads) + 1)))
        if new is not None:
            grads = {i: g for i, g in enumerate(new) if g is not None}
    return grads


def _apply(node, grads, retain_graph, create_graph):
    """Run one node: each input's gradient from the op's formulas, in the order of
    node._next (None where no gradient flows), summed back to the input's shape and cast
    to its dtype where the formula's result differs."""
    if type(node) is AccumulateGrad:
        _accumulate(node.variable, grads if type(grads) is not dict else grads.get(0),
                    create_graph)
        if node.variable._extra is not None and node.variable._extra.hooks:
            run_post_accumulate_hooks(node.variable)
        return ()
    op = node.op
    saved = node._saved
    if saved is None:
        raise RuntimeError(FREED_GRAPH_ERROR)
    versions = node._versions
    if versions:
        for i in range(0, len(versions), 2):
            t = versions[i]
            if (t._version[0] if t._version is not None else 0) != versions[i + 1]:
                _check_version(t, versions[i + 1], None)
    results = result = None
    if node._outputs is not None:
        results = tuple(_unpack_output(node, nr, s, create_graph)
                        for nr, s in enumerate(node._outputs))
        result = results[0]
    if op.n_outputs == 1:
        grad = grads if type(grads) is not dict else grads.get(0)
        all_grads = (grad,)
    else:
        grads = _by_output(grads)
        count = op.n_outputs if op.n_outputs > 0 else max(grads) + 1
        all_grads = tuple(grads.get(i) for i in range(count))
        grad = all_grads[0]
    sizes = node._shapes
    codes = node._dtypes
    if GRAD.enabled and not op.variadic:
        saved = _wrapped_numbers(saved, op.n_tensors)
    formulas = op.formulas
    variadic = op.variadic
    input_grads = []
    i = 0
    for nxt in node._next:
        g = None
        if nxt is not None:
            formula = formulas[i] if not variadic else formulas[0]
            if formula is None:
                raise RuntimeError("the derivative for '%s' is not implemented." % op.args[i])
            g = formula(grad, result, all_grads, results, saved, sizes, i)
            if g is not None and (g._data.shape != sizes[i] or g._dtype.code != codes[i]):
                g = _validate(node, i, g)
        input_grads.append(g)
        i += 1
    if not retain_graph and node._versions is not None:  # node._release(), inlined
        node._saved = None
        node._outputs = None
    if node._hooks is not None and node._hooks.post:
        for hook in list(node._hooks.post.values()):
            new = _user_hook(hook, tuple(input_grads), all_grads)
            if new is not None:
                input_grads = list(new)
    return input_grads


def _user_hook(hook, *args):
    """A hook of the user's, run as user code: outside the formulas' Scalar convention."""
    IN_FORMULA.active = False
    try:
        return hook(*args)
    finally:
        IN_FORMULA.active = True


def _wrapped_numbers(saved, n_tensors):
    """A Python number the user passed for a tensor (x * 2) is a wrapped 0-dim tensor in
    PyTorch: under create_graph its formulas record tensor ops (MulBackward0 of grad and
    None), unlike the numbers written in the formulas themselves (MulBackward1)."""
    if not any(type(a) in _NUMBER_DTYPES for a in saved[:n_tensors]):
        return saved
    wrapped = list(saved)
    for i in range(n_tensors):
        dtype = _NUMBER_DTYPES.get(type(saved[i]))
        if dtype is not None:
            wrapped[i] = wrap(np.array(saved[i], dtype=dtype.np_dtype), dtype)
    return tuple(wrapped)


def node_input_gradient(node, i, grad):
    """Input i's gradient by node's formula, for `grad` arriving at its output (CopySlices
    runs the in-place op it wraps so), None where no gradient flows."""
    if node._next[i] is None:
        return None
    if node._saved is None:
        raise RuntimeError(FREED_GRAPH_ERROR)
    versions = node._versions
    if versions:
        for k in range(0, len(versions), 2):
            _check_version(versions[k], versions[k + 1], None)
    results = None
    if node._outputs is not None:
        results = tuple(_unpack_output(node, nr, s, GRAD.enabled)
                        for nr, s in enumerate(node._outputs))
    saved = _wrapped_numbers(node._saved, node.op.n_tensors) if GRAD.enabled else node._saved
    g = node.op.formulas[i](grad, results[0] if results else None, (grad,), results,
                            saved, node._shapes, i)
    return g if g is None else _validate(node, i, g)


_NUMBER_DTYPES = {float: dtypes.float64, int: dtypes.int64, bool: dtypes.bool_}


def _validate(node, i, g):
    """Sum a broadcast gradient back to its input's shape and cast it to its dtype."""
    shape, dtype = node._shapes[i], ALL_DTYPES[node._dtypes[i]]
    if g._data.shape != shape:
        if not _sums_to(g._data.shape, shape):
            raise RuntimeError(
                "Function %s returned an invalid gradient at index %d - got [%s] but expected "
                "shape compatible with [%s]" % (node.name(), i, ", ".join(map(str, g._data.shape)),
                                                ", ".join(map(str, shape))))
        g = g.sum_to_size(shape)
    if g._dtype is not dtype:
        g = g.to(dtype)
    return g


def _sums_to(shape, target):
    if len(target) > len(shape):
        return False
    lead = len(shape) - len(target)
    return all(t == s or t == 1 for s, t in zip(shape[lead:], target))


def _check_version(t, version, output_of):
    current = t._version[0] if t._version is not None else 0
    if current != version:
        where = ""
        fn = output_of if output_of is not None else t._grad_fn
        if fn is not None:
            where = ", which is output %d of %s," % (t._output_nr if output_of is None else 0,
                                                     stripped_name(fn))
        raise RuntimeError(VERSION_ERROR % (t._dtype.legacy_name, ", ".join(
            map(str, t._data.shape)), where, current, version))


def _unpack_output(node, nr, saved, create_graph):
    if saved.counter[0] != saved.version:
        t = wrap(saved.data, saved.dtype)
        t._version = saved.counter
        where = ", which is output %d of %s," % (nr, stripped_name(node))
        raise RuntimeError(VERSION_ERROR % (saved.dtype.legacy_name, ", ".join(
            map(str, saved.data.shape)), where, saved.counter[0], saved.version))
    return saved.unpack(node, nr, create_graph)


def _accumulate(variable, g, create_graph):
    """AccumulateGrad: the first gradient is copied, later ones are added (in place unless
    create_graph, where the sum stays differentiable)."""
    if g is None:
        return
    old = variable._grad
    if old is None and create_graph:
        # PyTorch copies into a fresh tensor laid out like the variable: the gradient's
        # history shows as CopyBackwards.
        from .inplace import copy_
        variable._grad = copy_(wrap(np.empty_like(variable._data), g._dtype), g)
    elif old is None:
        variable._grad = wrap(g._data.copy(), g._dtype)
    elif create_graph or not old._data.flags.writeable:
        variable._grad = old + g
    else:
        old._data += g._data
        old._bump_version()


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
from . import autograd_functional as functional  # noqa: E402
from .gradcheck import gradcheck, gradgradcheck  # noqa: E402
