"""Formula helpers of derivatives_more.py's entries (derivatives.yaml's helpers of the same
names), written with engine ops so that create_graph records them."""


def block_diag_backward(grad, sizes, i):
    """Input i's block of the gradient: 0-d inputs were 1x1 blocks, 1-d ones a row."""
    row = col = 0
    for shape in sizes[:i]:
        row += shape[0] if len(shape) == 2 else 1
        col += shape[-1] if len(shape) else 1
    shape = sizes[i]
    rows = shape[0] if len(shape) == 2 else 1
    cols = shape[-1] if len(shape) else 1
    return grad.narrow(0, row, rows).narrow(1, col, cols).reshape(shape)
