"""torch.autograd.functional: jacobian, hessian, vjp, jvp, hvp, vhp on top of autograd.grad.

Follows torch/autograd/functional.py step for step (the same preprocessing of the
inputs, the same calls of grad, the same zeros for independent inputs), so values,
returned structure, grad_fn names under create_graph=True and error texts are
PyTorch's. jvp and hvp use PyTorch's double-backward trick, as PyTorch does.
"""

from . import autograd
from .creation import zeros_like
from .grad_mode import enable_grad, is_grad_enabled, set_grad_enabled
from .ops_join import stack
from .tensor import Tensor
from .user_calls import call_user_function

__all__ = ["vjp", "jvp", "jacobian", "hessian", "hvp", "vhp"]


# ---- the helpers PyTorch's functions share ---------------------------------------------

def _as_tuple(inp, arg_name, fn_name):
    """(was it a tuple?, the tensors as a tuple), refusing anything but tensors."""
    is_inp_tuple = isinstance(inp, tuple)
    if not is_inp_tuple:
        inp = (inp,)
    for i, el in enumerate(inp):
        if not isinstance(el, Tensor):
            where = ("the value at index %d" % i if is_inp_tuple
                     else "the given %s" % arg_name)
            raise TypeError("The %s given to %s must be either a Tensor or a tuple of Tensors "
                            "but %s has type %s." % (arg_name, fn_name, where, type(el)))
    return is_inp_tuple, inp


def _tuple_postprocess(res, to_unpack):
    """Unwrap the one-element tuples made for a tensor given or returned as such."""
    if isinstance(to_unpack, tuple):
        if not to_unpack[1]:
            res = tuple(el[0] for el in res)
        if not to_unpack[0]:
            res = res[0]
    elif not to_unpack:
        res = res[0]
    return res


def _grad_preprocess(inputs, create_graph, need_graph):
    # With create_graph, an input that requires grad stays connected to the user's graph
    # through a view (hence ViewBackward0 in the results' history); otherwise a fresh leaf.
    return tuple(inp.view_as(inp) if create_graph and inp.requires_grad
                 else inp.detach().requires_grad_(need_graph) for inp in inputs)


def _grad_postprocess(inputs, create_graph):
    if isinstance(inputs[0], Tensor):
        return inputs if create_graph else tuple(inp.detach() for inp in inputs)
    return tuple(_grad_postprocess(inp, create_graph) for inp in inputs)


def _validate_v(v, other, is_other_tuple):
    if len(other) != len(v):
        if is_other_tuple:
            raise RuntimeError("v is a tuple of invalid length: should be %d but got %d."
                               % (len(other), len(v)))
        raise RuntimeError("The given v should contain a single Tensor.")
    for idx, (el_v, el_other) in enumerate(zip(v, other)):
        if el_v.size() != el_other.size():
            prepend = "Entry %d in " % idx if is_other_tuple else ""
            raise RuntimeError("%sv has invalid size: should be %r but got %r."
                               % (prepend, el_other.size(), el_v.size()))


_STRICT_ERRORS = {
    "hessian": "The hessian of the user-provided function with respect to input {i} is "
               "independent of the input. This is not allowed in strict mode. You should "
               "ensure that your function is thrice differentiable and that the hessian "
               "depends on the inputs.",
    "jacobian": "While computing the hessian, found that the jacobian of the user-provided "
                "function with respect to input {i} is independent of the input. This is not "
                "allowed in strict mode. You should ensure that your function is twice "
                "differentiable and that the jacobian depends on the inputs (this would be "
                "violated by a linear function for example).",
    "grad_inputs": "The gradient with respect to input {i} is independent of the inputs of "
                   "the user-provided function. This is not allowed in strict mode.",
    "outputs": "Output {i} of the user-provided function does not require gradients. The "
               "outputs must be computed in a differentiable manner from the input when "
               "running in strict mode.",
}


def _check_requires_grad(inputs, input_type, strict):
    if not strict:
        return
    for i, inp in enumerate(inputs):
        if inp is None:
            raise RuntimeError("The output of the user-provided function is independent of "
                               "input %d. This is not allowed in strict mode." % i)
        if not inp.requires_grad:
            raise RuntimeError(_STRICT_ERRORS[input_type].format(i=i))


def _autograd_grad(outputs, inputs, grad_outputs=None, create_graph=False, retain_graph=None,
                   is_grads_batched=False):
    """autograd.grad over the outputs that require grad (None for every input if none do)."""
    if grad_outputs is None:
        grad_outputs = (None,) * len(outputs)
    pairs = [(out, g) for out, g in zip(outputs, grad_outputs)
             if out is not None and out.requires_grad]
    if not pairs:
        return (None,) * len(inputs)
    new_outputs = tuple(out for out, _ in pairs)
    new_grad_outputs = tuple(g for _, g in pairs)
    if is_grads_batched:
        return _batched_grad(new_outputs, inputs, new_grad_outputs, create_graph, retain_graph)
    return autograd.grad(new_outputs, inputs, new_grad_outputs, allow_unused=True,
                         create_graph=create_graph, retain_graph=retain_graph)


def _batched_grad(outputs, inputs, grad_outputs, create_graph, retain_graph):
    """grad(..., is_grads_batched=True) without vmap: one backward per row of the batched
    grad_outputs, the rows' gradients stacked (None where no row reaches an input)."""
    if retain_graph is None:
        retain_graph = create_graph
    rows = grad_outputs[0].shape[0]
    per_row = []
    for b in range(rows):
        per_row.append(autograd.grad(
            outputs, inputs, tuple(g[b] for g in grad_outputs), allow_unused=True,
            create_graph=create_graph, retain_graph=retain_graph or b < rows - 1))
    result = []
    for i in range(len(inputs)):
        grads = [row[i] for row in per_row]
        result.append(None if all(g is None for g in grads) else stack(
            [g if g is not None else zeros_like(inputs[i]) for g in grads], dim=0))
    return tuple(result)


_ZERO_FILL_ERRORS = {
    "back": "The output of the user-provided function is independent of input {i}. This is "
            "not allowed in strict mode.",
    "back_trick": "The gradient with respect to the input is independent of entry {i} in the "
                  "grad_outputs when using the double backward trick to compute forward mode "
                  "gradients. This is not allowed in strict mode.",
    "double_back": "The jacobian of the user-provided function is independent of input {i}. "
                   "This is not allowed in strict mode.",
    "double_back_trick": "The hessian of the user-provided function is independent of entry "
                         "{i} in the grad_jacobian. This is not allowed in strict mode as it "
                         "prevents from using the double backward trick to replace forward "
                         "mode AD.",
}


def _fill_in_zeros(grads, refs, strict, create_graph, stage):
    """The gradients, zeros where none arrived (an error instead in strict mode)."""
    res = ()
    for i, grads_i in enumerate(grads):
        if grads_i is None:
            if strict:
                raise RuntimeError(_ZERO_FILL_ERRORS[stage].format(i=i))
            grads_i = zeros_like(refs[i])
        elif strict and create_graph and not grads_i.requires_grad:
            what = "hessian" if "double" in stage else "jacobian"
            raise RuntimeError("The %s of the user-provided function is independent of input "
                               "%d. This is not allowed in strict mode when create_graph=True."
                               % (what, i))
        res += (grads_i,)
    return res


def _v_or_single_element(v, inputs, is_inputs_tuple, create_graph, fn_name):
    """The checked v of jvp/hvp/vhp (v may be omitted for a one-element input)."""
    if v is not None:
        _, v = _as_tuple(v, "v", fn_name)
        v = _grad_preprocess(v, create_graph=create_graph, need_graph=False)
        _validate_v(v, inputs, is_inputs_tuple)
    elif len(inputs) != 1 or inputs[0].nelement() != 1:
        raise RuntimeError("The vector v can only be None if the input to the user-provided "
                           "function is a single Tensor with a single element.")
    return v


def _single_output(func, inputs, strict, fn_name):
    outputs = call_user_function(func, *inputs)
    is_outputs_tuple, outputs = _as_tuple(
        outputs, "outputs of the user-provided function", fn_name)
    _check_requires_grad(outputs, "outputs", strict=strict)
    if is_outputs_tuple or not isinstance(outputs[0], Tensor):
        raise RuntimeError("The function given to %s should return a single Tensor" % fn_name)
    if outputs[0].nelement() != 1:
        raise RuntimeError("The Tensor returned by the function given to %s should contain a "
                           "single element" % fn_name)
    return is_outputs_tuple, outputs


# ---- the public functions ----------------------------------------------------------------

def vjp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), v^T J): the vector-Jacobian product at inputs."""
    with enable_grad():
        is_inputs_tuple, inputs = _as_tuple(inputs, "inputs", "vjp")
        inputs = _grad_preprocess(inputs, create_graph=create_graph, need_graph=True)
        outputs = call_user_function(func, *inputs)
        is_outputs_tuple, outputs = _as_tuple(
            outputs, "outputs of the user-provided function", "vjp")
        _check_requires_grad(outputs, "outputs", strict=strict)
        if v is not None:
            _, v = _as_tuple(v, "v", "vjp")
            v = _grad_preprocess(v, create_graph=create_graph, need_graph=False)
            _validate_v(v, outputs, is_outputs_tuple)
        elif len(outputs) != 1 or outputs[0].nelement() != 1:
            raise RuntimeError("The vector v can only be None if the user-provided function "
                               "returns a single Tensor with a single element.")
    with set_grad_enabled(True if create_graph else is_grad_enabled()):
        grad_res = _autograd_grad(outputs, inputs, v, create_graph=create_graph)
        result = _fill_in_zeros(grad_res, inputs, strict, create_graph, "back")
    outputs = _grad_postprocess(outputs, create_graph)
    result = _grad_postprocess(result, create_graph)
    return (_tuple_postprocess(outputs, is_outputs_tuple),
            _tuple_postprocess(result, is_inputs_tuple))


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), J v), by the double-backward trick as in PyTorch."""
    with enable_grad():
        is_inputs_tuple, inputs = _as_tuple(inputs, "inputs", "jvp")
        inputs = _grad_preprocess(inputs, create_graph=create_graph, need_graph=True)
        v = _v_or_single_element(v, inputs, is_inputs_tuple, create_graph, "jvp")
        outputs = call_user_function(func, *inputs)
        is_outputs_tuple, outputs = _as_tuple(
            outputs, "outputs of the user-provided function", "jvp")
        _check_requires_grad(outputs, "outputs", strict=strict)
        # u -> J^T u is linear in u; its gradient with respect to u, taken along v, is J v.
        grad_outputs = tuple(zeros_like(out, requires_grad=True) for out in outputs)
        grad_inputs = _autograd_grad(outputs, inputs, grad_outputs, create_graph=True)
        _check_requires_grad(grad_inputs, "grad_inputs", strict=strict)
    with set_grad_enabled(True if create_graph else is_grad_enabled()):
        grad_res = _autograd_grad(grad_inputs, grad_outputs, v, create_graph=create_graph)
        result = _fill_in_zeros(grad_res, outputs, strict, create_graph, "back_trick")
    outputs = _grad_postprocess(outputs, create_graph)
    result = _grad_postprocess(result, create_graph)
    return (_tuple_postprocess(outputs, is_outputs_tuple),
            _tuple_postprocess(result, is_outputs_tuple))


def _standard_basis(tensors, numels):
    """For each tensor, its columns of the identity of size sum(numels): the batched
    grad_outputs of a vectorized jacobian."""
    total = sum(numels)
    chunks = []
    start = 0
    for tensor, numel in zip(tensors, numels):
        chunk = tensor.new_zeros(total, numel)
        for k in range(numel):
            chunk[start + k, k] = 1
        start += numel
        chunks.append(chunk)
    return tuple(chunks)


def _vectorized_jacobian(inputs, outputs, create_graph):
    """PyTorch's vectorize=True path: every row of the Jacobian from one batched grad."""
    numels = tuple(output.numel() for output in outputs)
    grad_outputs = _standard_basis(outputs, numels)
    flat_outputs = tuple(output.reshape(-1) for output in outputs)
    vj = list(_autograd_grad(flat_outputs, inputs, grad_outputs, create_graph=create_graph,
                             is_grads_batched=True))
    for i, vj_el in enumerate(vj):
        if vj_el is None:
            vj[i] = zeros_like(inputs[i]).expand((sum(numels),) + tuple(inputs[i].shape))
    by_input = []
    for jac_input_i, input_i in zip(vj, inputs):
        by_input.append([jac.view(output_j.shape + input_i.shape) for jac, output_j
                         in zip(jac_input_i.split(numels, dim=0), outputs)])
    return _grad_postprocess(tuple(zip(*by_input)), create_graph)


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False,
             strategy="reverse-mode"):
    """d func(inputs) / d inputs: a tensor, a tuple per input or output, or a tuple of
    tuples (outputs, then inputs), as PyTorch returns it."""
    if strategy not in ("forward-mode", "reverse-mode"):
        raise AssertionError('Expected strategy to be either "forward-mode" or "reverse-mode". '
                             'Hint: If your function has more outputs than inputs, '
                             '"forward-mode" tends to be more performant. Otherwise, prefer to '
                             'use "reverse-mode".')
    if strategy == "forward-mode":
        return _forward_mode(inputs, create_graph, strict, vectorize)
    with enable_grad():
        is_inputs_tuple, inputs = _as_tuple(inputs, "inputs", "jacobian")
        inputs = _grad_preprocess(inputs, create_graph=create_graph, need_graph=True)
        outputs = call_user_function(func, *inputs)
        is_outputs_tuple, outputs = _as_tuple(
            outputs, "outputs of the user-provided function", "jacobian")
        _check_requires_grad(outputs, "outputs", strict=strict)
        to_unpack = (is_outputs_tuple, is_inputs_tuple)
        if vectorize:
            if strict:
                raise RuntimeError("torch.autograd.functional.jacobian: `strict=True` and "
                                   "`vectorized=True` are not supported together. Please "
                                   "either set `strict=False` or `vectorize=False`.")
            return _tuple_postprocess(_vectorized_jacobian(inputs, outputs, create_graph),
                                      to_unpack)
        result = ()
        for i, out in enumerate(outputs):
            # Row j of output i's Jacobian: the gradient of its j-th element.
            rows = tuple([] for _ in inputs)
            for j in range(out.nelement()):
                vj = _autograd_grad((out.reshape(-1)[j],), inputs, retain_graph=True,
                                    create_graph=create_graph)
                for el_idx, (rows_el, vj_el, inp_el) in enumerate(zip(rows, vj, inputs)):
                    if vj_el is not None:
                        if strict and create_graph and not vj_el.requires_grad:
                            raise RuntimeError(
                                "The jacobian of the user-provided function is independent "
                                "of input %d. This is not allowed in strict mode when "
                                "create_graph=True." % i)
                        rows_el.append(vj_el)
                    else:
                        if strict:
                            raise RuntimeError(
                                "Output %d of the user-provided function is independent of "
                                "input %d. This is not allowed in strict mode." % (i, el_idx))
                        rows_el.append(zeros_like(inp_el))
            result += (tuple(stack(rows_el, dim=0).view(out.size() + inputs[el_idx].size())
                             for el_idx, rows_el in enumerate(rows)),)
        result = _grad_postprocess(result, create_graph)
        return _tuple_postprocess(result, to_unpack)


def _forward_mode(inputs, create_graph, strict, vectorize):
    """strategy='forward-mode': PyTorch's own refusals, then gradrepl's (no forward AD)."""
    if create_graph:
        raise NotImplementedError("torch.autograd.functional.jacobian: `create_graph=True` and "
                                  "`strategy=\"forward-mode\"` are not supported together "
                                  "(yet). Please either set `create_graph=False` or "
                                  "`strategy=\"reverse-mode\"`.")
    if strict:
        raise RuntimeError("torch.autograd.functional.jacobian: `strict=True` and "
                           "`strategy=\"forward-mode\"` are not supported together (yet). "
                           "Please either set `strict=False` or `strategy=\"reverse-mode\"`.")
    _as_tuple(inputs, "inputs", "jacobian")
    if not vectorize:
        raise NotImplementedError("Computing Jacobian using forward-AD or forward-over-reverse "
                                  "Hessian isonly implemented for `vectorize=True`.")
    raise NotImplementedError("gradrepl has no forward-mode AD: use "
                              "strategy=\"reverse-mode\" (the same Jacobian)")


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False,
            outer_jacobian_strategy="reverse-mode"):
    """The Hessian of a function returning one element: the jacobian of its jacobian."""
    is_inputs_tuple, inputs = _as_tuple(inputs, "inputs", "hessian")
    if outer_jacobian_strategy not in ("forward-mode", "reverse-mode"):
        raise AssertionError('Expected strategy to be either "forward-mode" or "reverse-mode".')

    def ensure_single_output_function(*inp):
        _, (out,) = _single_output(func, inp, strict, "hessian")
        return out.squeeze()

    def jac_func(*inp):
        jac = jacobian(ensure_single_output_function, inp, create_graph=True)
        _check_requires_grad(jac, "jacobian", strict=strict)
        return jac

    res = jacobian(jac_func, inputs, create_graph=create_graph, strict=strict,
                   vectorize=vectorize, strategy=outer_jacobian_strategy)
    return _tuple_postprocess(res, (is_inputs_tuple, is_inputs_tuple))


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), v^T H) for a function returning one element."""
    with enable_grad():
        is_inputs_tuple, inputs = _as_tuple(inputs, "inputs", "vhp")
        inputs = _grad_preprocess(inputs, create_graph=create_graph, need_graph=True)
        v = _v_or_single_element(v, inputs, is_inputs_tuple, create_graph, "vhp")
        is_outputs_tuple, outputs = _single_output(func, inputs, strict, "vhp")
        jac = _autograd_grad(outputs, inputs, create_graph=True)
        _check_requires_grad(jac, "jacobian", strict=strict)
    with set_grad_enabled(True if create_graph else is_grad_enabled()):
        grad_res = _autograd_grad(jac, inputs, v, create_graph=create_graph)
        result = _fill_in_zeros(grad_res, inputs, strict, create_graph, "double_back")
    outputs = _grad_postprocess(outputs, create_graph)
    result = _grad_postprocess(result, create_graph)
    return (_tuple_postprocess(outputs, is_outputs_tuple),
            _tuple_postprocess(result, is_inputs_tuple))


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), H v) for a function returning one element, by the double-backward
    trick as in PyTorch."""
    with enable_grad():
        is_inputs_tuple, inputs = _as_tuple(inputs, "inputs", "hvp")
        inputs = _grad_preprocess(inputs, create_graph=create_graph, need_graph=True)
        v = _v_or_single_element(v, inputs, is_inputs_tuple, create_graph, "hvp")
        is_outputs_tuple, outputs = _single_output(func, inputs, strict, "hvp")
        jac = _autograd_grad(outputs, inputs, create_graph=True)
        _check_requires_grad(jac, "jacobian", strict=strict)
        grad_jac = tuple(zeros_like(inp, requires_grad=True) for inp in inputs)
        double_back = _autograd_grad(jac, inputs, grad_jac, create_graph=True)
        _check_requires_grad(jac, "hessian", strict=strict)
    with set_grad_enabled(True if create_graph else is_grad_enabled()):
        grad_res = _autograd_grad(double_back, grad_jac, v, create_graph=create_graph)
        result = _fill_in_zeros(grad_res, inputs, strict, create_graph, "double_back_trick")
    outputs = _grad_postprocess(outputs, create_graph)
    result = _grad_postprocess(result, create_graph)
    return (_tuple_postprocess(outputs, is_outputs_tuple),
            _tuple_postprocess(result, is_inputs_tuple))
