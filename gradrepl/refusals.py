"""Refusals: the one-line PermissionError of the language, and errors made the user's."""

# ---- refusals ---------------------------------------------------------------------

ATTRIBUTE_HINT = ("gradrepl lets you use the public attributes of torch objects and of plain "
                  "Python values (numbers, strings, lists, dicts, ...), nothing else")


def refusal(message, hint=None, node=None):
    """The PermissionError a refused construct raises (`hint` is shown on its own line)."""
    error = PermissionError(message)
    error.hint = hint
    if node is not None and hasattr(node, "lineno"):
        error.lineno = node.lineno
    return error


def user_error(exc):
    """exc, made to end in a `raise` line of ours when C code raised it right in our frame.

    The session tells our bugs from the user's errors by the last frame of the
    traceback; an error a builtin raised on the user's behalf (a missing attribute,
    print's `sep` of the wrong type) must not look like a bug of ours.
    """
    tb = exc.__traceback__
    if tb is not None and tb.tb_next is None:
        return exc.with_traceback(None)
    return exc
