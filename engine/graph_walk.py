"""The backward walk: the graph run in reverse topological order, node by node.

No recursion anywhere: a chain of 100 000 ops backpropagates in time linear in
the graph. Ready nodes run in PyTorch's order (the most recently created first),
so hooks that print do so in the order PyTorch's engine would.
"""

import heapq

import numpy as np

from . import dtypes
from .dtypes import ALL_DTYPES
from .anomaly_mode import ANOMALY, HINT_OFF, HINT_ON, check_nan, warn_failed_node
from .autograd_hooks import (check_hook_result, check_node_hook_results,
                             run_post_accumulate_hooks)
from .function import AccumulateGrad, FREED_GRAPH_ERROR, stripped_name
from .grad_mode import GRAD, IN_FORMULA, set_mode
from .ops_shape import broadcast_dims, unbroadcast
from .shape_util import broadcast_shapes, shape_str
from .tensor import wrap, wrapped_number
from .user_calls import call_user_function

_VERSION_ERROR = (
    "one of the variables needed for gradient computation has been modified by an inplace "
    "operation: [torch.%s [%s]]%s is at version %d; expected version %d instead. ")


def version_error(*details):
    """PyTorch's text, whose hint depends on whether anomaly detection is on."""
    return RuntimeError(_VERSION_ERROR % details + (HINT_ON if ANOMALY.enabled else HINT_OFF))

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


def run(roots, retain_graph, create_graph, targets, accumulate):
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

    previous = GRAD.mode
    anomaly = ANOMALY.enabled
    set_mode(create_graph)  # what the formulas and the user's hooks run under
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
                    if targets is not None and grads is not None:
                        _capture(node, grads, targets, captured)
                if grads is not None and (needed is None or _should_run(node, needed, targets, accumulate)):
                    outputs = (_apply(node, grads, retain_graph, create_graph) if not anomaly
                               else _apply_watched(node, grads, retain_graph, create_graph))
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
        set_mode(previous)
        IN_FORMULA.active = False
    return captured


def _apply_watched(node, grads, retain_graph, create_graph):
    """_apply under anomaly detection: a failing node is named (with where the forward made
    it) before its error propagates; with check_nan, a nan gradient is an error."""
    try:
        outputs = _apply(node, grads, retain_graph, create_graph)
        if ANOMALY.check_nan:
            check_nan(node, outputs)
    except Exception:
        warn_failed_node(node)
        raise
    return outputs


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
        # One gradient per output up to the last that has one: PyTorch's count of the
        # op's differentiable outputs, but for unbind/split pieces after the last used one.
        given = tuple(grads.get(i) for i in range(max(grads) + 1))
        new = _user_hook(hook, given)
        if new is not None:
            check_node_hook_results(hook, given, new)
            grads = {i: g for i, g in enumerate(new) if g is not None}
            if not grads:
                return None  # the hook took every gradient away: the node does not run
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
        if node._hooks is not None and node._hooks.post:
            _call_post_hooks(node, (), (grads if type(grads) is not dict else grads.get(0),))
        return ()
    op = node.op
    if op is None:  # a torch.autograd.Function's node (custom_function.py) or its Error
        input_grads = node._run_backward(grads, retain_graph, create_graph)
        if node._hooks is not None and node._hooks.post:
            given = _by_output(grads)
            input_grads = _call_post_hooks(node, tuple(input_grads),
                                           tuple(given.get(i) for i in range(max(given) + 1)))
        return input_grads
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
        input_grads = _call_post_hooks(node, tuple(input_grads), all_grads)
    return input_grads


def _call_post_hooks(node, input_grads, output_grads):
    for hook in list(node._hooks.post.values()):
        new = _user_hook(hook, input_grads, output_grads)
        if new is not None:
            check_node_hook_results(hook, input_grads, new)
            input_grads = new
    return input_grads


def _user_hook(hook, *args):
    """A hook of the user's, run as user code: outside the formulas' Scalar convention."""
    IN_FORMULA.active = False
    try:
        return call_user_function(hook, *args)
    finally:
        IN_FORMULA.active = True


def _wrapped_numbers(saved, n_tensors):
    """A Python number the user passed for a tensor (x * 2) is a wrapped 0-dim tensor in
    PyTorch: under create_graph its formulas record tensor ops (MulBackward0 of grad and
    None), unlike the numbers written in the formulas themselves (MulBackward1)."""
    if not any(type(a) in dtypes.PYTHON_NUMBER_DTYPES for a in saved[:n_tensors]):
        return saved
    wrapped = list(saved)
    for i in range(n_tensors):
        if type(saved[i]) in dtypes.PYTHON_NUMBER_DTYPES:
            wrapped[i] = wrapped_number(saved[i])
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


def check_version(t, version):
    """PyTorch's error when t, saved at `version`, was modified in place since."""
    if (t._version[0] if t._version is not None else 0) != version:
        _check_version(t, version, None)


def _validate(node, i, g):
    """Sum a broadcast gradient back to its input's shape and cast it to its dtype."""
    shape, dtype = node._shapes[i], ALL_DTYPES[node._dtypes[i]]
    have = g._data.shape
    if have != shape:
        if not shape and not GRAD.enabled:
            # A 0-dim input (a scalar parameter) took part in a broadcast: every dim is summed.
            g = wrap(unbroadcast(g._data, _ALL_DIMS[len(have)], ()), g._dtype)
        elif not _sums_to(have, shape):
            raise RuntimeError(
                "Function %s returned an invalid gradient at index %d - got [%s] but expected "
                "shape compatible with [%s]" % (node.name(), i, ", ".join(map(str, have)),
                                                ", ".join(map(str, shape))))
        elif GRAD.enabled:
            g = g.sum_to_size(shape)
        else:
            g = wrap(unbroadcast(g._data, broadcast_dims(have, shape), shape), g._dtype)
    if g._dtype is not dtype:
        g = g.to(dtype)
    return g


_ALL_DIMS = [tuple(range(n)) for n in range(65)]  # NumPy arrays have at most 64 dims


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
        raise version_error(t._dtype.legacy_name, ", ".join(map(str, t._data.shape)), where,
                            current, version)


def _unpack_output(node, nr, saved, create_graph):
    if saved.counter[0] != saved.version:
        t = wrap(saved.data, saved.dtype)
        t._version = saved.counter
        where = ", which is output %d of %s," % (nr, stripped_name(node))
        raise version_error(saved.dtype.legacy_name, ", ".join(map(str, saved.data.shape)),
                            where, saved.counter[0], saved.version)
    return saved.unpack(node, nr, create_graph)


def _check_grad_accumulates(grad_shape, new_shape):
    """`variable.grad += new_grad` as PyTorch runs it, when .grad was given another shape."""
    shape = broadcast_shapes(grad_shape, new_shape)
    if shape != grad_shape:
        raise RuntimeError("output with shape %s doesn't match the broadcast shape %s"
                           % (shape_str(grad_shape), shape_str(shape)))


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
        if old._data.shape != g._data.shape:
            _check_grad_accumulates(old._data.shape, g._data.shape)
        old._data += g._data
        old._bump_version()


validate_gradient = _validate
