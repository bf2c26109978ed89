"""Grad mode: no_grad, enable_grad, set_grad_enabled, is_grad_enabled, inference_mode."""

import functools

__all__ = ["no_grad", "enable_grad", "set_grad_enabled", "is_grad_enabled", "inference_mode",
           "is_inference_mode_enabled"]


class _GradState:
    __slots__ = ("enabled",)

    def __init__(self):
        self.enabled = True


# The one switch every op reads on its hot path.
GRAD = _GradState()


class _FormulaState:
    __slots__ = ("active",)

    def __init__(self):
        self.active = False


# True while the backward walk runs gradient formulas (see derivatives.py, scalar_variant).
IN_FORMULA = _FormulaState()


# True inside inference_mode(): tensors made there are inference tensors (tensor.wrap).
INFERENCE = _FormulaState()


def is_grad_enabled():
    return GRAD.enabled


def is_inference_mode_enabled():
    return INFERENCE.active


class _GradModeContext:
    """Shared machinery: a context manager that is also a function decorator."""

    _mode = True

    def __enter__(self):
        self._previous = GRAD.enabled
        GRAD.enabled = self._mode

    def __exit__(self, *exc):
        GRAD.enabled = self._previous
        return False

    def __call__(self, func):
        mode = self._mode

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            previous = GRAD.enabled
            GRAD.enabled = mode
            try:
                return func(*args, **kwargs)
            finally:
                GRAD.enabled = previous
        return wrapper


class _NoParamDecorator(_GradModeContext):
    """Also a decorator without parentheses: @torch.no_grad on a def (PyTorch 2.x)."""

    def __new__(cls, orig_func=None):
        if orig_func is None:
            return super().__new__(cls)
        return cls()(orig_func)


class no_grad(_NoParamDecorator):
    _mode = False


class enable_grad(_NoParamDecorator):
    _mode = True


class set_grad_enabled(_GradModeContext):
    """Sets the mode at once (as a function) and restores it when used as a context."""

    def __init__(self, mode):
        if not isinstance(mode, bool):
            raise TypeError("set_grad_enabled(): argument 'enabled' (position 1) must be bool, "
                            "not %s" % type(mode).__name__)
        self._previous = GRAD.enabled
        self._mode = mode
        GRAD.enabled = mode

    def __enter__(self):
        pass

    def __exit__(self, *exc):
        GRAD.enabled = self._previous
        return False

    def __call__(self, func):
        # As a decorator it applies to the calls only: construction's switch is undone.
        GRAD.enabled = self._previous
        return super().__call__(func)

    def __repr__(self):
        return "torch.autograd.grad_mode.set_grad_enabled(mode=%s)" % self._mode


class inference_mode(_GradModeContext):
    """No autograd at all, and the tensors made inside are inference tensors."""

    def __new__(cls, mode=True):
        if callable(mode):   # @torch.inference_mode without parentheses
            return cls()(mode)
        return super().__new__(cls)

    def __init__(self, mode=True):
        if not callable(mode):
            self.mode = bool(mode)

    def __enter__(self):
        self._previous = (GRAD.enabled, INFERENCE.active)
        GRAD.enabled = not self.mode  # C++ InferenceMode(mode) sets grad mode to !mode
        INFERENCE.active = self.mode

    def __exit__(self, *exc):
        GRAD.enabled, INFERENCE.active = self._previous
        return False

    def __call__(self, func):
        context = self

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with type(context)(context.mode):
                return func(*args, **kwargs)
        return wrapper


for _cls in (no_grad, enable_grad, set_grad_enabled, inference_mode):
    _cls.__module__ = "torch.autograd.grad_mode"
