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
    # order of registration; the walk does the same (autograd._call_pre_hooks).
    node, nr = _arrival(tensor)
    node._node_hooks().retain[nr] = tensor
    tensor._extra_state().retains_grad = True
