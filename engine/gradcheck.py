"""torch.autograd.gradcheck / gradgradcheck: analytical gradients against central differences.

PyTorch's slow mode (the default, fast_mode=False), step for step as in
torch/autograd/gradcheck.py: the same perturbations of each input element in place
through .data, the same calls of the user's function and of autograd.grad, the same
checks in the same order, and the same GradcheckError texts (the numerical and
analytical Jacobians printed as PyTorch prints them).
"""

import warnings

from . import autograd
from .creation import empty, zeros_like
from .dtypes import float64, promote_types
from .ops_pointwise import allclose, ne
from .tensor import Tensor
from .user_calls import call_user_function

__all__ = ["gradcheck", "gradgradcheck", "GradcheckError"]


class GradcheckError(RuntimeError):
    """Error raised by :func:`gradcheck` and :func:`gradgradcheck`."""


# Python names an exception by its module in a traceback: PyTorch's is this one.
GradcheckError.__module__ = "torch.autograd.gradcheck"

_UNSUPPORTED = ("fast_mode", "check_forward_ad", "check_batched_grad",
                "check_batched_forward_grad", "masked")


def _as_tuple(x):
    if isinstance(x, tuple):
        return x
    if isinstance(x, list):
        return tuple(x)
    return (x,)


def _iter_tensors(x, only_requiring_grad=False):
    if isinstance(x, Tensor):
        if x.requires_grad or not only_requiring_grad:
            yield x
    elif isinstance(x, (list, tuple)):
        for elem in x:
            yield from _iter_tensors(elem, only_requiring_grad)


def _is_float_tensor(obj):
    return isinstance(obj, Tensor) and obj.is_floating_point()


def _differentiable_outputs(x):
    return tuple(o for o in _as_tuple(x) if o.requires_grad)


# ---- the checks before any derivative ------------------------------------------------

def _check_inputs(tupled_inputs):
    any_input_requiring_grad = False
    for idx, inp in enumerate(tupled_inputs):
        if isinstance(inp, Tensor) and inp.requires_grad:
            if inp.dtype is not float64:
                warnings.warn(
                    "Input #%d requires gradient and is not a double precision floating point "
                    "or complex. This check will likely fail if all the inputs are not of "
                    "double precision floating point or complex. " % idx, stacklevel=3)
            strides = inp._data.strides
            if not all(st > 0 or sz <= 1 for st, sz in zip(strides, inp.shape)):
                raise RuntimeError(
                    "The %dth input has a dimension with stride 0. gradcheck only supports "
                    "inputs that are non-overlapping to be able to compute the numerical "
                    "gradients correctly. You should call .contiguous on the input before "
                    "passing it to gradcheck." % idx)
            any_input_requiring_grad = True
    if not any_input_requiring_grad:
        raise ValueError("gradcheck expects at least one input tensor to require gradient, but "
                         "none of them have requires_grad=True.")


# ---- numerical Jacobians: central differences -------------------------------------------

def _check_same_dtype_and_shape(output1, output2, eps, idx):
    if output1.shape != output2.shape:
        raise AssertionError(
            "Expected `func` to return outputs with the same shape when inputs are perturbed "
            "on index %s by %s, but got: shapes %r and %r."
            % (idx, eps, output1.shape, output2.shape))
    if output1.dtype != output2.dtype:
        raise AssertionError(
            "Expected `func` to return outputs with the same dtype when inputs are perturbed "
            "on index %s by %s, but got: dtypes %r and %r."
            % (idx, eps, output1.dtype, output2.dtype))


def _element_indices(shape):
    """Every index of a tensor of this shape, in row-major order (itertools.product)."""
    indices = [()]
    for size in shape:
        indices = [index + (i,) for index in indices for i in range(size)]
    return indices


def _numerical_jacobian_wrt(fn, inputs, outputs, inp, eps):
    """For each float output, a (numel of inp, numel of output) Jacobian whose row k is
    (f(x + eps e_k) - f(x - eps e_k)) / (2 eps), x perturbed in place through .data."""
    data = inp.data

    def wrapped_fn():
        return tuple(a.clone() for a in _as_tuple(call_user_function(fn, *_as_tuple(inputs))))

    columns = {}
    for d_idx, idx in enumerate(_element_indices(data.shape)):
        entry = data[idx]
        orig = entry.clone()
        entry.copy_(orig - eps)
        outa = wrapped_fn()
        entry.copy_(orig + eps)
        outb = wrapped_fn()
        entry.copy_(orig)
        found = []
        for a, b in zip(outa, outb):
            _check_same_dtype_and_shape(a, b, eps, idx)
            found.append(((b - a) / (2 * eps)).detach().reshape(-1))
        columns[d_idx] = found
    jacobians = tuple(t.new_zeros((inp.numel(), t.numel())) for t in outputs
                      if _is_float_tensor(t))
    for i, jacobian in enumerate(jacobians):
        for k, v in columns.items():
            jacobian[k] = v[i]
    return jacobians


def _numerical_jacobian(fn, inputs, outputs, eps):
    """[per input requiring grad: (per output: its Jacobian)]."""
    return [_numerical_jacobian_wrt(fn, inputs, outputs, inp, eps)
            for inp in _iter_tensors(inputs, True)]


# ---- analytical Jacobians: one backward per output element ------------------------------

def _analytical_jacobian_rows(vjp_fn, sample_output):
    grad_out_base = zeros_like(sample_output)
    flat_grad_out = grad_out_base.view(-1)
    rows = []
    for j in range(flat_grad_out.numel()):
        flat_grad_out.zero_()
        flat_grad_out[j] = 1.0
        grad_inputs = vjp_fn(grad_out_base)
        for i, d_x in enumerate(grad_inputs):
            if j == 0:
                rows.append([])
            rows[i].append(d_x.clone() if isinstance(d_x, Tensor) else None)
    return rows


def _stack_and_check(rows_per_input, inputs, numel_output):
    out_jacobians = tuple(t.new_zeros((t.numel(), numel_output))
                          for t in inputs if _is_float_tensor(t) and t.requires_grad)
    diff_inputs = list(_iter_tensors(inputs, True))
    sizes_ok = types_ok = True
    for i, tensors in enumerate(rows_per_input):
        inp, out_jacobian = diff_inputs[i], out_jacobians[i]
        for j, tensor in enumerate(tensors):
            if tensor is not None and tensor.size() != inp.size():
                sizes_ok = False
            elif tensor is not None and tensor.dtype != inp.dtype:
                types_ok = False
            if tensor is None:
                out_jacobian[:, j].zero_()
            else:
                out_jacobian[:, j] = tensor.reshape(-1)
    return out_jacobians, sizes_ok, types_ok


def _analytical_jacobian(inputs, output, nondet_tol, check_grad_dtypes):
    diff_inputs = list(_iter_tensors(inputs, True))

    def vjp_fn(grad_output):
        return autograd.grad(output, diff_inputs, grad_output, retain_graph=True,
                             allow_unused=True)

    rows1 = _analytical_jacobian_rows(vjp_fn, output.clone())
    rows2 = _analytical_jacobian_rows(vjp_fn, output.clone())
    numel = output.numel()
    # PyTorch unpacks the (sizes_ok, types_ok) pair the other way round: so does this.
    jacobians1, types_ok, sizes_ok = _stack_and_check(rows1, inputs, numel)
    jacobians2, _, _ = _stack_and_check(rows2, inputs, numel)
    reentrant = all(j1.numel() == 0 or not ((j1 - j2).abs().max() > nondet_tol)
                    for j1, j2 in zip(jacobians1, jacobians2))
    if not types_ok and check_grad_dtypes:
        raise GradcheckError("Gradient has dtype mismatch")
    if not sizes_ok:
        raise GradcheckError("Analytical gradient has incorrect size")
    if not reentrant:
        raise GradcheckError(
            "Backward is not reentrant, i.e., running backward with same input and "
            "grad_output multiple times gives different values, although analytical gradient "
            "matches numerical gradient.The tolerance for nondeterminism was %s." % nondet_tol)
    return jacobians1


def _allclose_with_type_promotion(a, b, rtol, atol):
    promoted = promote_types(a.dtype, b.dtype)
    return allclose(a.to(dtype=promoted), b.to(dtype=promoted), rtol, atol)


def _slow_gradcheck(func, func_out, tupled_inputs, outputs, eps, rtol, atol,
                    check_grad_dtypes, nondet_tol):
    func_out = _as_tuple(func_out)
    if not outputs:
        for per_input in _numerical_jacobian(func, tupled_inputs, func_out, eps):
            for jacobian in per_input:
                if ne(jacobian, 0).sum() > 0:
                    raise GradcheckError("Numerical gradient for function expected to be zero")
        return True
    numerical = list(zip(*_numerical_jacobian(func, tupled_inputs, func_out, eps)))
    numerical = [nj for o, nj in zip(func_out, numerical) if o.requires_grad]
    for i, o in enumerate(outputs):
        analytical = _analytical_jacobian(tupled_inputs, o, nondet_tol, check_grad_dtypes)
        for j, (a, n) in enumerate(zip(analytical, numerical[i])):
            if not _allclose_with_type_promotion(a, n, rtol, atol):
                raise GradcheckError(
                    "Jacobian mismatch for output %d with respect to input %d,\n"
                    "numerical:%s\nanalytical:%s\n" % (i, j, n, a))
    return True


# ---- the checks after: zero grad_outputs give zero gradients ------------------------------

def _test_backward_mul_by_grad_output(outputs, inputs):
    diff_inputs = list(_iter_tensors(inputs, True))
    if not diff_inputs:
        raise GradcheckError("no Tensors requiring grad found in input")
    grads_input = autograd.grad(outputs, diff_inputs, [zeros_like(o) for o in outputs],
                                allow_unused=True)
    for gi, di in zip(grads_input, diff_inputs):
        if gi is None:
            continue
        if not gi.eq(0).all():
            raise GradcheckError("backward not multiplied by grad_output")
        if gi.dtype != di.dtype:
            raise GradcheckError("grad is incorrect type")
        if gi.size() != di.size():
            raise GradcheckError("grad is incorrect size")
    return True


def _test_undefined_backward_mode(func, outputs, inputs):
    """PyTorch backpropagates undefined output gradients here; the engine has no undefined
    gradient, so zero ones stand for them (the same outcome for every formula of the
    table). The user's function is called as often as PyTorch calls it."""
    diff_inputs = list(_iter_tensors(inputs, True))
    if not diff_inputs:
        raise GradcheckError("no Tensors requiring grad found in input")
    outputs_to_check = [[o for o in _differentiable_outputs(call_user_function(func, *inputs))
                         if isinstance(o, Tensor)]]
    if len(outputs_to_check[0]) > 1:
        for _ in range(len(outputs)):
            called_again = call_user_function(func, *inputs)
            outputs_to_check.append(list(_differentiable_outputs(called_again)))
    for output_to_check in outputs_to_check:
        grads_input = autograd.grad(output_to_check, diff_inputs,
                                    [zeros_like(o) for o in output_to_check], allow_unused=True)
        for gi in grads_input:
            if gi is not None and not gi.eq(0).all():
                warnings.warn(
                    "Backwards compatibility: New undefined gradient support checking feature "
                    "is enabled by default, but it may break existing callers of this "
                    "function. If this is true for you, you can call this function with "
                    "\"check_undefined_grad=False\" to disable the feature", stacklevel=3)
                raise GradcheckError(
                    "Expected all input grads to be undefined or zero when all output grads "
                    "are undefined or zero. Please look at \"Notes about undefined output "
                    "gradients\" in \"tools/autograd/derivatives.yaml\"")
    return True


# ---- the public functions -----------------------------------------------------------------

def _refuse_unsupported(options):
    for name in _UNSUPPORTED:
        if options.get(name):
            raise NotImplementedError("gradrepl's gradcheck runs PyTorch's default checks "
                                      "only: %s=True is not supported" % name)


def gradcheck(func, inputs, *, eps=1e-06, atol=1e-05, rtol=0.001, raise_exception=True,
              nondet_tol=0.0, check_undefined_grad=True, check_grad_dtypes=False,
              check_batched_grad=False, check_batched_forward_grad=False,
              check_forward_ad=False, check_backward_ad=True, fast_mode=False, masked=None):
    """True if func's analytical gradients match central differences at inputs (else
    GradcheckError, or False with raise_exception=False)."""
    if not (check_forward_ad or check_backward_ad):
        raise AssertionError("Expected at least one of check_forward_ad or check_backward_ad "
                             "to be True")
    if check_batched_grad and not check_backward_ad:
        raise AssertionError("Setting check_batched_grad=True requires check_backward_ad to "
                             "be True")
    if check_batched_forward_grad and not check_forward_ad:
        raise AssertionError("Setting check_batched_forward_grad=True requires "
                             "check_forward_ad to be True")
    _refuse_unsupported(dict(fast_mode=fast_mode, check_forward_ad=check_forward_ad,
                             check_batched_grad=check_batched_grad,
                             check_batched_forward_grad=check_batched_forward_grad,
                             masked=masked))
    try:
        tupled_inputs = _as_tuple(inputs)
        _check_inputs(tupled_inputs)
        func_out = call_user_function(func, *tupled_inputs)
        outputs = _differentiable_outputs(func_out)
        if check_backward_ad:
            _slow_gradcheck(func, func_out, tupled_inputs, outputs, eps, rtol, atol,
                            check_grad_dtypes, nondet_tol)
            _test_backward_mul_by_grad_output(outputs, tupled_inputs)
            if check_undefined_grad:
                _test_undefined_backward_mode(func, outputs, tupled_inputs)
    except GradcheckError:
        if raise_exception:
            raise
        return False
    return True


def gradgradcheck(func, inputs, grad_outputs=None, *, eps=1e-06, atol=1e-05, rtol=0.001,
                  gen_non_contig_grad_outputs=False, raise_exception=True, nondet_tol=0.0,
                  check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False,
                  check_fwd_over_rev=False, check_rev_over_rev=True, fast_mode=False,
                  masked=False):
    """gradcheck of the function (inputs, grad_outputs) -> d func / d inputs, so second
    derivatives against central differences of first ones. Without grad_outputs, random
    ones in [-1, 1) are drawn as PyTorch draws them (torch.testing.make_tensor)."""
    if not (check_fwd_over_rev or check_rev_over_rev):
        raise AssertionError("Expected at least one of check_fwd_over_rev or "
                             "check_rev_over_rev to be True")
    if check_undefined_grad and not check_rev_over_rev:
        raise AssertionError("Setting check_undefined_grad=True requires check_rev_over_rev "
                             "to be True")
    if check_batched_grad and not check_rev_over_rev:
        raise AssertionError("Setting check_batched_grad=True requires check_rev_over_rev to "
                             "be True")
    if gen_non_contig_grad_outputs:
        raise NotImplementedError("gradrepl's gradgradcheck runs PyTorch's default checks "
                                  "only: gen_non_contig_grad_outputs=True is not supported")
    tupled_inputs = _as_tuple(inputs)
    if grad_outputs is None:
        outputs = _differentiable_outputs(call_user_function(func, *tupled_inputs))
        tupled_grad_outputs = tuple(
            empty(x.shape, dtype=x.dtype if x.is_floating_point() else float64)
            .uniform_(-1, 1).requires_grad_(True) for x in outputs)
    else:
        tupled_grad_outputs = _as_tuple(grad_outputs)
    num_outputs = len(tupled_grad_outputs)
    diff_input_args_indices = {i for i, x in enumerate(tupled_inputs)
                               if isinstance(x, Tensor) and x.requires_grad}
    diff_grad_output_indices = {i for i, x in enumerate(tupled_grad_outputs) if x.requires_grad}

    def new_func(*args):
        input_args = tuple(x.requires_grad_() if i in diff_input_args_indices else x
                           for i, x in enumerate(args[:-num_outputs]))
        outputs = _differentiable_outputs(call_user_function(func, *input_args))
        grad_outputs = tuple(x.requires_grad_() if i in diff_grad_output_indices else x
                             for i, x in enumerate(args[-num_outputs:]))
        diff_input_args = tuple(x for i, x in enumerate(input_args)
                                if i in diff_input_args_indices)
        grad_inputs = autograd.grad(outputs, diff_input_args, grad_outputs, create_graph=True,
                                    allow_unused=True)
        return tuple(g for g in grad_inputs if g is not None)

    return gradcheck(new_func, tupled_inputs + tupled_grad_outputs, eps=eps, atol=atol,
                     rtol=rtol, raise_exception=raise_exception, nondet_tol=nondet_tol,
                     check_undefined_grad=check_undefined_grad,
                     check_grad_dtypes=check_grad_dtypes, check_batched_grad=check_batched_grad,
                     fast_mode=fast_mode, check_forward_ad=check_fwd_over_rev,
                     check_backward_ad=check_rev_over_rev, masked=masked)
