"""TORCH_WARN_ONCE: a warning PyTorch gives once a process (here: once a session)."""

import warnings

_WARNED = set()


def warn_once(key, message, stacklevel=3):
    """Warn with `message` the first time `key` is seen; stacklevel counts from the caller."""
    if key not in _WARNED:
        _WARNED.add(key)
        warnings.warn(message, UserWarning, stacklevel=stacklevel)
