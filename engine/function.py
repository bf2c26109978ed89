"""Graph nodes: Node (one recorded op, its edges and saved values) and AccumulateGrad."""

import itertools
import re

from .hooks import RemovableHandle
from .type_names import mark_c_type

_sequence = itertools.count()

_BACKWARD_SUFFIX = re.compile(r"Backward(\d*)$")

FREED_GRAPH_ERROR = (
    "Trying to backward through the graph a second time (or directly access saved tensors "
    "after they have already been freed). Saved intermediate values of the graph are freed "
    "when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to "
    "backward through the graph a second time or if you need to access saved tensors after "
    "calling backward.")


class _AlwaysRequiresGrad:
    """node.requires_grad: True for every node (torch's THPCppFunction_requires_grad),
    not writable, with torch's text for the attempt."""

    def __get__(self, node, owner=None):
        return True if node is not None else self

    def __set__(self, node, value):
        raise AttributeError("attribute 'requires_grad' of '%s' objects is not writable"
                             % type(node).__name__)


class Node:
    """One recorded op: a subclass per op carries PyTorch's node name (MulBackward0).

    _next      per input, the node its gradient goes to (None: no gradient), and
    _nrs       that node's output number: together PyTorch's next_functions
    _shapes    per input, its shape (None for a Python number), and
    _dtypes    its dtype's code: to sum a broadcast gradient back and cast it
    _saved     the op's arguments the formulas need (None where not needed), or None once freed
    _versions  None when nothing was saved, else (tensor, version at save time, ...) checked
               before the formulas run
    _outputs   SavedOutput for ops whose formulas use `result`, else None

    Inputs are kept in flat tuples of numbers and nodes, not in tuples of pairs: tuples of
    plain numbers drop out of the cycle collector's sight, which a deep graph feels.
    """

    __slots__ = ("_next", "_nrs", "_shapes", "_dtypes", "_saved", "_versions", "_outputs",
                 "_seq", "_hooks", "__weakref__")

    op = None  # the OpSpec, set on each subclass
    requires_grad = _AlwaysRequiresGrad()

    def name(self):
        return type(self).__name__

    @property
    def next_functions(self):
        return tuple(zip(self._next, self._nrs))

    @property
    def metadata(self):
        return {}

    def register_hook(self, hook):
        """A hook called as hook(grad_inputs, grad_outputs) after the node ran."""
        return self._node_hooks().add("post", hook)

    def register_prehook(self, hook):
        """A hook called as hook(grad_outputs) before the node runs; may replace them."""
        return self._node_hooks().add("pre", hook)

    def _node_hooks(self):
        if self._hooks is None:
            self._hooks = NodeHooks()
        return self._hooks

    def _release(self):
        # Only saved variables are freed: a node that saved none can run again (AddBackward0).
        if self._versions is not None:
            self._saved = None
            self._outputs = None

    def __repr__(self):
        return "<%s object at %#x>" % (type(self).__name__, id(self))


mark_c_type(Node)  # torch's nodes are C++ objects: node.name is a builtin method

class NodeHooks:
    """Hooks of one node: tensor hooks per output, retain_grad, node pre/post hooks."""

    __slots__ = ("tensor", "retain", "pre", "post")

    def __init__(self):
        self.tensor = {}   # output_nr -> {id: hook}
        self.retain = {}   # output_nr -> tensor retaining its grad (weakly held by design below)
        self.pre = {}
        self.post = {}

    def add(self, kind, hook, output_nr=0):
        table = self.tensor.setdefault(output_nr, {}) if kind == "tensor" else getattr(self, kind)
        handle = RemovableHandle(table)
        table[handle.id] = hook
        return handle


# Nodes PyTorch implements in C++ by hand report a namespaced name().
_CPP_NODES = ("CopySlices", "CopyBackwards", "NotImplemented")


class CppNode(Node):
    """Base of the nodes in _CPP_NODES (an engine class, so the shell allows name())."""

    __slots__ = ()

    def name(self):
        return "torch::autograd::" + type(self).__name__


def node_class(name, op):
    """A Node subclass named as PyTorch names the op's backward node."""
    namespace = {"__slots__": (), "op": op}
    cls = type(name, (CppNode if name in _CPP_NODES else Node,), namespace)
    cls.__module__ = "builtins"  # so that type(grad_fn) prints <class 'MulBackward0'>, as in torch
    return cls


def stripped_name(node):
    """The forward op's name, as PyTorch's in-place version error gives it: 'MulBackward0'
    -> 'Mul', but 'TBackward1' -> 'T1' (a numeric suffix other than 0 stays)."""
    return _BACKWARD_SUFFIX.sub(lambda m: "" if m.group(1) in ("", "0") else m.group(1),
                                node.name())


class AccumulateGradNode(Node):
    """The sink of a leaf that requires grad: adds the incoming gradient to .grad.

    Its behaviour lives here, in an engine class the shell trusts (.variable, name());
    the AccumulateGrad subclass below only carries PyTorch's class name."""

    __slots__ = ("variable",)

    def __init__(self, variable):
        self.variable = variable
        self._next = self._nrs = ()
        self._shapes = (variable._data.shape,)
        self._dtypes = (variable._dtype.code,)
        self._saved = ()
        self._versions = None
        self._outputs = None
        self._seq = 1 << 62  # runs as soon as it is ready, like PyTorch's UINT64_MAX
        self._hooks = None

    def name(self):
        return "torch::autograd::AccumulateGrad"


class AccumulateGrad(AccumulateGradNode):
    __slots__ = ()


AccumulateGrad.__module__ = "builtins"  # type(node) prints <class 'AccumulateGrad'>, as in torch
