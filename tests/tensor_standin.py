"""Stand-ins for an engine tensor and node: what the printer reads, nothing more."""

import dataclasses

import numpy as np


def Node(label):
    """A node stand-in whose class carries the node's name, as the engine's nodes do."""
    return type(label, (), {"name": lambda self: label})()


@dataclasses.dataclass
class StandIn:
    """The attributes tensor_repr reads from an engine tensor."""
    _data: np.ndarray
    dtype: object
    requires_grad: bool = False
    grad_fn: object = None

    @property
    def is_leaf(self):
        return self.grad_fn is None
