"""Formula helpers of the scatter family's gradients (derivatives.yaml's helpers of the same
names), written with engine ops so that create_graph records them."""

from .creation import zeros
from .dtypes import bool_
from .tensor import wrap


def maybe_multiply(grad, alpha):
    return grad if alpha == 1 else grad * alpha


def unique_index(indices):
    """The distinct indices (index_fill's value gets each filled slice once)."""
    from .ops_sort import unique
    return unique(indices.reshape(-1))


def masked_select_backward(grad, mask):
    """Zeros of the mask's (broadcast) shape with grad where the mask is set."""
    return zeros(mask.shape, dtype=grad.dtype).masked_scatter(wrap(mask, bool_), grad)


def masked_scatter_backward(grad, mask, sizes):
    """masked_scatter's source: the values it gave, zeros for the source elements unused."""
    from .ops_join import cat
    selected = grad.masked_select(wrap(mask, bool_))
    missing = 1
    for n in sizes:
        missing *= n
    missing -= selected.numel()
    if missing > 0:
        selected = cat([selected, zeros(missing, dtype=grad.dtype)], 0)
    return selected.view(sizes)
