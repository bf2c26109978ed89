"""Tensor hooks and retain_grad: both sit on the node where the tensor's gradient arrives."""

from .user_calls import call_user_function


def _arrival(tensor):
    """(node, output_nr) whose incoming gradient is this tensor's gradient."""
    if tensor._grad_fn is None:
        return tensor._accumulator(), 0
    return tensor._grad_fn, tensor._output_nr


def add_tensor_hook(tensor, hook):
    node, nr = _arrival(tensor)
    if node is None:  # a view made under no_grad: no gradient ever arrives
        from .function import NodeHooks
        return NodeHooks().add("tensor", hook, nr)
    return node._node_hooks().add("tensor", hook, nr)


def add_retain_grad(tensor):
    # PyTorch runs the retain_grad hook after every other tensor hook, whatever the
    # order of registration; the walk does the same (graph_walk._call_pre_hooks).
    node, nr = _arrival(tensor)
    node._node_hooks().retain[nr] = tensor
    tensor._extra_state().retains_grad = True


def add_post_accumulate_grad_hook(tensor, hook):
    """Tensor.register_post_accumulate_grad_hook: hook(tensor) after its .grad was updated."""
    if not tensor._requires_grad:
        raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
    if tensor._grad_fn is not None:
        raise RuntimeError("post accumulate grad hooks cannot be registered on non-leaf tensors")
    from .hooks import RemovableHandle
    extra = tensor._extra_state()
    if extra.hooks is None:
        extra.hooks = {}
    handle = RemovableHandle(extra.hooks)
    extra.hooks[handle.id] = hook
    return handle


def run_post_accumulate_hooks(tensor):
    for hook in list(tensor._extra.hooks.values()):
        call_user_function(hook, tensor)


def hook_name(hook):
    """The name PyTorch's errors give a hook: its __name__, else '<unknown>'."""
    name = getattr(hook, "__name__", None)
    return name if isinstance(name, str) else "<unknown>"


def check_hook_result(hook, value, result):
    """What PyTorch's engine accepts from a tensor hook: a tensor of the same type and size."""
    from .tensor import Tensor
    if not isinstance(result, Tensor):
        raise TypeError("expected Variable, but hook returned '%s'" % type(result).__name__)
    if result._dtype is not value._dtype:
        raise RuntimeError("hook '%s' has changed the type of value (was torch.%s got torch.%s)"
                           % (hook_name(hook), value._dtype.legacy_name,
                              result._dtype.legacy_name))
    if result._data.shape != value._data.shape:
        raise RuntimeError("hook '%s' has changed the size of value" % hook_name(hook))


def check_node_hook_results(hook, values, results):
    """What PyTorch accepts from a node's pre or post hook: a tuple as long as the one the
    hook was given, holding at each place None or a tensor like the gradient it replaces."""
    if not isinstance(results, tuple):
        raise TypeError("expected tuple, but hook returned '%s'" % type(results).__name__)
    if len(results) != len(values):
        raise RuntimeError("hook '%s' has returned an incorrect number of values (got %d, but "
                           "expected %d)" % (hook_name(hook), len(results), len(values)))
    for value, result in zip(values, results):
        if result is not None:
            if value is None:
                raise RuntimeError("can't replace a None gradient with a non-None value")
            check_hook_result(hook, value, result)
