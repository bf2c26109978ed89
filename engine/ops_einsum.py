"""torch.einsum on engine ops: diagonal for repeated subscripts, permute and unsqueeze onto
one order of subscripts, a product, then a sum over the contracted ones.

Values and gradients (also of second order) are PyTorch's; the graph is not: PyTorch
contracts pairs of operands with bmm (ViewBackward0(PermuteBackward0(ViewBackward0(
BmmBackward0(...))))), while this is MulBackward0 and SumBackward1 nodes.
"""

from .ops_layout import diagonal
from .ops_shape import permute, unsqueeze
from .tensor import Tensor

_ELLIPSIS = "..."


def _error(text):
    return RuntimeError("einsum(): " + text)


def _terms(subscripts):
    """'ab...c' -> ['a', 'b', '...', 'c']."""
    labels, i = [], 0
    while i < len(subscripts):
        if subscripts.startswith(_ELLIPSIS, i):
            labels.append(_ELLIPSIS)
            i += 3
            continue
        c = subscripts[i]
        if not c.isalpha():
            raise _error("invalid subscript given at index %d in the equation string, subscripts "
                         "must be in [a-zA-Z]" % i)
        labels.append(c)
        i += 1
    return labels


def _expand_ellipsis(labels, ndim, index):
    """Subscripts with the ellipsis replaced by one ('...', k) label per dim it covers,
    counted from the right so that they broadcast across operands."""
    if _ELLIPSIS not in labels:
        if len(labels) != ndim:
            raise _error("the number of subscripts in the equation (%d) does not match the number "
                         "of dimensions (%d) for operand %d and no ellipsis was given"
                         % (len(labels), ndim, index))
        return labels
    named = len(labels) - 1
    if named > ndim:
        raise _error("the number of subscripts in the equation (%d) is more than the number of "
                     "dimensions (%d) for operand %d" % (named, ndim, index))
    at = labels.index(_ELLIPSIS)
    covered = ndim - named
    return labels[:at] + [(_ELLIPSIS, covered - k) for k in range(covered)] + labels[at + 1:]


def _take_diagonals(t, labels):
    """A subscript repeated within one operand ('ii') reads that operand's diagonal."""
    while True:
        seen = {}
        for i, label in enumerate(labels):
            if label in seen:
                first = seen[label]
                t = diagonal(t, 0, first, i)
                labels = [x for j, x in enumerate(labels) if j not in (first, i)] + [label]
                break
            seen[label] = i
        else:
            return t, labels


def einsum(equation, *operands):
    if len(operands) == 1 and isinstance(operands[0], (tuple, list)):
        operands = tuple(operands[0])
    for i, t in enumerate(operands):
        if not isinstance(t, Tensor):
            raise TypeError("einsum(): argument 'tensors' must be tuple of Tensors, not %s"
                            % type(t).__name__)
    equation = equation.replace(" ", "")
    lhs, arrow, rhs = equation.partition("->")
    inputs = lhs.split(",")
    if len(inputs) > len(operands):
        raise _error("fewer operands were provided than specified in the equation")
    if len(inputs) < len(operands):
        raise _error("more operands were provided than specified in the equation")
    terms = [_expand_ellipsis(_terms(s), t._data.ndim, i)
             for i, (s, t) in enumerate(zip(inputs, operands))]
    sizes = {}
    for index, (labels, t) in enumerate(zip(terms, operands)):
        for label, size in zip(labels, t._data.shape):
            seen = sizes.get(label, 1)
            if seen != size and seen != 1 and size != 1:
                raise _error("subscript %s has size %d for operand %d which does not broadcast "
                             "with previously seen size %d" % (label, size, index, seen))
            sizes[label] = max(seen, size) if size != 0 and seen != 0 else 0
    ellipsis_dims = sorted({x for labels in terms for x in labels if isinstance(x, tuple)},
                           key=lambda x: -x[1])
    if arrow:
        output = []
        for label in _terms(rhs):
            if label == _ELLIPSIS:
                output += ellipsis_dims
                continue
            if label in output:
                raise _error("output subscript %s appears more than once in the output" % label)
            if label not in sizes:
                raise _error("output subscript %s does not appear in the equation for any input "
                             "operand" % label)
            output.append(label)
    else:
        # Implicit output: the ellipsis dims, then the subscripts used once, in ASCII order.
        counts = {}
        for labels in terms:
            for x in labels:
                if not isinstance(x, tuple):
                    counts[x] = counts.get(x, 0) + 1
        output = ellipsis_dims + sorted(x for x, n in counts.items() if n == 1)
    contracted = [x for x in sizes if x not in output]
    order = output + contracted
    product = None
    for t, labels in zip(operands, terms):
        t, labels = _take_diagonals(t, list(labels))
        present = [x for x in order if x in labels]
        t = permute(t, tuple(labels.index(x) for x in present))
        for position, label in enumerate(order):
            if label not in labels:
                t = unsqueeze(t, position)
        product = t if product is None else product * t
    if contracted:
        product = product.sum(tuple(range(len(output), len(order))))
    return product
