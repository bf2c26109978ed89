"""Grad mode: no_grad, enable_grad, set_grad_enabled, is_grad_enabled, inference_mode."""

import functools

from .user_calls import call_user_function

__all__ = ["no_grad", "enable_grad", "set_grad_enabled", "is_grad_enabled", "inference_mode",
           "is_inference_mode_enabled"]


class _GradState:
    __slots__ = ("enabled", "mode")

    def __init__(self):
        self.enabled = True
        self.mode = True


# `enabled` is the one switch every op reads on its hot path: whether ops record a graph.
# `mode` is the grad mode is_grad_enabled() reports. They differ in inference mode, where
# nothing records even under enable_grad (PyTorch drops the autograd dispatch keys there).
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
    return GRAD.mode


def set_mode(mode):
    """Set the grad mode; ops record when it is on outside inference mode."""
    GRAD.mode = mode
    GRAD.enabled = mode and not INFERENCE.active


def is_inference_mode_enabled():
    return INFERENCE.active


class _GradModeContext:
    """Shared machinery: a context manager that is also a function decorator."""

    _mode = True

    def __enter__(self):
        self._previous = GRAD.mode
        set_mode(self._mode)

    def __exit__(self, *exc):
        set_mode(self._previous)
        return False

    def __call__(self, func):
        mode = self._mode

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            previous = GRAD.mode
            set_mode(mode)
            try:
                return call_user_function(func, *args, **kwargs)
            finally:
                set_mode(previous)
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
        self._previous = GRAD.mode
        self._mode = mode
        set_mode(mode)

    def __enter__(self):
        pass

    def __exit__(self, *exc):
        set_mode(self._previous)
        return False

    def __call__(self, func):
        # As a decorator it applies to the calls only: construction's switch is undone.
        set_mode(self._previous)
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
        self._previous = (GRAD.mode, INFERENCE.active)
        INFERENCE.active = self.mode
        set_mode(not self.mode)  # C++ InferenceMode(mode) sets grad mode to !mode

    def __exit__(self, *exc):
        mode, INFERENCE.active = self._previous
        set_mode(mode)
        return False

    def __call__(self, func):
        context = self

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with type(context)(context.mode):
                return call_user_function(func, *args, **kwargs)
        return wrapper


for _cls in (no_grad, enable_grad, set_grad_enabled, inference_mode):
    _cls.__module__ = "torch.autograd.grad_mode"
