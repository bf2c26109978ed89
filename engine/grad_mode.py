"""Grad mode: no_grad, enable_grad, set_grad_enabled, is_grad_enabled."""

import functools


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


def is_grad_enabled():
    return GRAD.enabled


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


class no_grad(_GradModeContext):
    _mode = False


class enable_grad(_GradModeContext):
    _mode = True


class set_grad_enabled(_GradModeContext):
    """Sets the mode at once (as a function) and restores it when used as a context."""

    def __init__(self, mode):
        if not isinstance(mode, bool):
            raise TypeError("set_grad_enabled() takes a bool, got %s" % type(mode).__name__)
        self._previous = GRAD.enabled
        self._mode = mode
        GRAD.enabled = mode

    def __enter__(self):
        pass

    def __exit__(self, *exc):
        GRAD.enabled = self._previous
        return False

    def __repr__(self):
        return "torch.autograd.grad_mode.set_grad_enabled(mode=%s)" % self._mode


for _cls in (no_grad, enable_grad, set_grad_enabled):
    _cls.__module__ = "torch.autograd.grad_mode"
