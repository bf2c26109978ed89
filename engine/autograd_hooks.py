"""Tensor hooks and retain_grad: both sit on the node where the tensor's gradient arrives."""


def _arrival(tensor):
    """(node, output_nr) whose incoming gradient is this tensor's gradient."""
    if tensor._grad_fn is None:
        return tensor._accumulator(), 0
    return tensor._grad_fn, tensor._output_nr


def add_tensor_hook(tensor, hook):
    node, nr = _arrival(tensor)
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
        hook(tensor)


def check_hook_result(hook, value, result):
    """What PyTorch's engine accepts from a tensor hook: a tensor of the same type and size."""
    from .tensor import Tensor
    if not isinstance(result, Tensor):
        raise TypeError("expected Variable, but hook returned '%s'" % type(result).__name__)
    name = getattr(hook, "__name__", "hook")
    if result._dtype is not value._dtype:
        raise RuntimeError("hook '%s' has changed the type of value (was torch.%s got torch.%s)"
                           % (name, value._dtype.legacy_name, result._dtype.legacy_name))
    if result._data.shape != value._data.shape:
        raise RuntimeError("hook '%s' has changed the size of value" % name)
