"""Views made under no_grad or inference_mode of a tensor that requires grad (PyTorch's
CreationMeta NO_GRAD_MODE / INFERENCE_MODE): they require grad, but no gradient flows from
them, and PyTorch forbids the ambiguous cases: writing into them with grad mode on, using
them once they or their base were written to."""

from .function import stripped_name
from .grad_mode import INFERENCE

# mode -> (how the view was made, how the write is made, the block to move both into)
_MODES = {
    "no_grad": ("no_grad mode", "with grad mode enabled", "no_grad block"),
    "inference": ("inference mode", "in normal mode", "inference_mode block"),
}
_CLARIFY = (" Given that this use case is ambiguous and error-prone, it is forbidden. You can "
            "clarify your code by moving both the view and the inplace either both inside the "
            "%s (if you don't want the inplace to be tracked) or both outside (if you want the "
            "inplace to be tracked).")


def mark_view(view, parent):
    """view of parent was made with grad mode off, or parent is such a view itself."""
    view._requires_grad = True
    meta = parent._extra.made_without_grad if parent._extra is not None else None
    mode = meta[0] if meta is not None else "inference" if INFERENCE.active else "no_grad"
    view._extra_state().made_without_grad = (mode, view._version[0])


def refuse_write(x):
    """An in-place op on such a view (or on a view of one) with grad mode on."""
    made, write, block = _MODES[x._extra.made_without_grad[0]]
    if x._grad_fn is None:
        prefix = "A view was created in"
    else:
        prefix = ("Output %d of %s is a view of a view which was created in"
                  % (x._output_nr, stripped_name(x._grad_fn)))
    raise RuntimeError("%s %s and is being modified inplace %s.%s"
                       % (prefix, made, write, _CLARIFY % block))


def check_unchanged(view):
    """Using such a view after it or its base was written to: its history is lost."""
    mode, version = view._extra.made_without_grad
    if view._version[0] != version:
        made, write, block = _MODES[mode]
        raise RuntimeError("A view was created in %s and its base or another view of its base "
                           "has been modified inplace %s.%s" % (made, write, _CLARIFY % block))
