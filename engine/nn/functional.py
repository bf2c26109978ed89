"""torch.nn.functional: activations and losses built from engine ops."""

from .. import ops_pointwise as _pw

__all__ = ["relu", "sigmoid", "tanh"]


def relu(input, inplace=False):
    return _pw.relu(input)


def sigmoid(input):
    return _pw.sigmoid(input)


def tanh(input):
    return _pw.tanh(input)
