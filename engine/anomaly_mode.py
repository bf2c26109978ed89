"""torch.autograd's anomaly detection (torch/autograd/anomaly_mode.py, python_anomaly_mode.cpp).

While it is on, each node made by the forward remembers the user's stack; a backward that
fails warns which node failed and where it was made, and with check_nan a node returning
nan is an error. Off (the default), the engine does none of this.
"""

import os
import traceback
import warnings
import weakref

from . import cpp_warnings

_ENGINE_DIR = os.path.dirname(os.path.abspath(__file__))
# The shell's package beside the engine's (by path: the engine never imports it).
_SHELL_DIR = os.path.join(os.path.dirname(_ENGINE_DIR), "gradrepl")
ENABLED_WARNING = ("Anomaly Detection has been enabled. This mode will increase the runtime and "
                   "should only be enabled for debugging.")
# The in-place version error's last sentence, with anomaly detection on and off.
HINT_OFF = ("Hint: enable anomaly detection to find the operation that failed to compute its "
            "gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).")
HINT_ON = ("Hint: the backtrace further above shows the operation that failed to compute its "
           "gradient. The variable in question was changed in there or anywhere later. Good luck!")
_FORWARD_TRACE = "torch/csrc/autograd/python_anomaly_mode.cpp:122"
_NO_FORWARD_TRACE = "torch/csrc/autograd/python_anomaly_mode.cpp:100"


class _State:
    __slots__ = ("enabled", "check_nan")

    def __init__(self):
        self.enabled = False
        self.check_nan = True


ANOMALY = _State()
_FORWARD_STACKS = weakref.WeakKeyDictionary()  # node -> the user's frames when it was made


def is_anomaly_enabled():
    return ANOMALY.enabled


def is_anomaly_check_nan_enabled():
    return ANOMALY.check_nan


class _Mode:
    """Sets the mode on entry, restores the previous one on exit; a decorator too."""

    def _set(self, enabled, check_nan):
        self.previous = (ANOMALY.enabled, ANOMALY.check_nan)
        ANOMALY.enabled, ANOMALY.check_nan = enabled, check_nan

    def __exit__(self, *exc):
        ANOMALY.enabled, ANOMALY.check_nan = self.previous
        return False

    def __call__(self, function):
        mode = self

        def wrapper(*args, **kwargs):
            with type(mode)(*mode.arguments):
                return function(*args, **kwargs)
        wrapper.__name__ = getattr(function, "__name__", "wrapper")
        return wrapper


class detect_anomaly(_Mode):
    """with torch.autograd.detect_anomaly(check_nan=True): anomaly detection inside."""

    def __init__(self, check_nan=True):
        self.arguments = (check_nan,)
        self.check_nan = check_nan
        warnings.warn(ENABLED_WARNING, UserWarning, stacklevel=2)

    def __enter__(self):
        self._set(True, self.check_nan)
        return self


class set_detect_anomaly(_Mode):
    """torch.autograd.set_detect_anomaly(mode, check_nan=True): on or off from here on, or
    inside a `with` block."""

    def __init__(self, mode, check_nan=True):
        self.arguments = (mode, check_nan)
        self._set(bool(mode), bool(check_nan))

    def __enter__(self):
        return self


for _cls in (detect_anomaly, set_detect_anomaly):
    _cls.__module__ = "torch.autograd.anomaly_mode"


def remember_forward(node):
    """Keep the user's stack for a node made while anomaly detection is on."""
    frames = traceback.extract_stack()[:-1]
    places = [os.path.dirname(os.path.abspath(f.filename)) for f in frames]
    if _SHELL_DIR in places:  # the user's code starts below the shell that runs it
        start = len(places) - places[::-1].index(_SHELL_DIR)
        frames, places = frames[start:], places[start:]
    _FORWARD_STACKS[node] = [f for f, place in zip(frames, places) if place != _ENGINE_DIR]


def warn_failed_node(node):
    """Before a backward error propagates: which node failed, and where it was made."""
    frames = _FORWARD_STACKS.get(node)
    if frames is None:
        cpp_warnings.warn("Error detected in %s. No forward pass information available. Enable "
                          "detect anomaly during forward pass for more information." % node.name(),
                          _NO_FORWARD_TRACE, stacklevel=4)
    else:
        cpp_warnings.warn("Error detected in %s. Traceback of forward call that caused the "
                          "error:\n%s" % (node.name(), "".join(traceback.format_list(frames))),
                          _FORWARD_TRACE, stacklevel=4)


def check_nan(node, input_grads):
    for i, g in enumerate(input_grads):
        if g is not None and g._dtype.category == 2 and bool((g._data != g._data).any()):
            raise RuntimeError("Function '%s' returned nan values in its %dth output."
                               % (node.name(), i))
