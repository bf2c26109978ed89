"""OpSpec: one op of the derivative table (forward kernel, node name, formulas)."""

import ast

from .function import node_class

# Dtype rules an op's forward follows (see dispatch.py).
SAME = "same"            # the result keeps the input's dtype (neg, abs, view, sum of floats ...)
FLOAT = "float"          # integer inputs compute in the default float dtype (exp, sqrt, mean ...)
PROMOTE = "promote"      # binary: PyTorch's type promotion over all inputs (add, mul ...)
TRUE_DIV = "true_div"    # promote, then integers become the default float dtype (div)
CUSTOM = "custom"        # the forward returns a ready array; its dtype is the result's

# Names a formula may use besides the op's own arguments.
_FORMULA_NAMES = ("grad", "result", "grads", "results")

# How the backward walk calls a formula: `saved` are the op's arguments as the node keeps
# them, `sizes` the shapes of its tensor inputs, `i` the input (for `*tensors` ops).
_CALL = _FORMULA_NAMES + ("saved", "sizes", "i")
# Arguments after the ';' that PyTorch holds as SavedVariables (where's condition, a loss's
# target and weight, an advanced index's tensors): a node reading them is freed by a
# backward like one that saved tensors. (CopySlices is freed too: see inplace.rebase_view.)
_RELEASED_PARAMS = frozenset({"condition", "mask", "target", "weight", "key", "indices"})

# Filled by the engine once every op exists: what formulas can call. No builtins: formulas
# are arithmetic on tensors, and nothing reachable from a session should lead to builtins.
FORMULA_NAMESPACE = {"__builtins__": {}}


class OpSpec:
    """One op: `signature` names its arguments, the first `n_tensors` of them tensors.

    Each tensor input has a formula string in PyTorch's vocabulary (grad, result,
    self, other, self_sizes ...) giving its gradient, or None when not differentiable.
    From the names a formula uses, the op knows what to save for backward.
    """

    __slots__ = ("name", "forward", "kind", "args", "n_tensors", "formulas", "sources",
                 "saves", "saves_result", "node_class", "n_outputs", "variadic", "_save_plans",
                 "scalar_variant")

    def __init__(self, name, node_name, signature, forward, kind, formulas, n_outputs=1):
        self.name = name
        self.forward = forward
        self.kind = kind
        self.scalar_variant = None  # see derivatives.py: ops formulas run with a Python number
        tensors, _, params = signature.partition(";")
        tensor_names = [a.strip() for a in tensors.split(",") if a.strip()]
        param_names = [a.strip() for a in params.split(",") if a.strip()]
        self.variadic = tensor_names[:1] == ["*tensors"]
        if self.variadic:
            # Formulas of `*tensors` ops see the input's index `i` and every input's `sizes`.
            tensor_names = ["tensors"]
            formula = formulas["tensors"]
            self.args = tuple(param_names)
            self.n_tensors = -1
            self.n_outputs = n_outputs
            self.sources = (formula,)
            # Its parameters follow the tensors in the node's saved arguments: read from the end.
            positions = {a: ("saved", k - len(self.args)) for k, a in enumerate(self.args)}
            self.formulas = (_compile(name, _CALL, formula, positions),)
            self.saves = (frozenset(),)
            self.saves_result = (False,)
            self.node_class = node_class(node_name, self)
            self._save_plans = {}
            return
        self.args = tuple(tensor_names + param_names)
        self.n_tensors = len(tensor_names)
        self.n_outputs = n_outputs
        unknown = set(formulas) - set(tensor_names)
        if unknown:
            raise ValueError("%s: formulas for unknown inputs %s" % (name, sorted(unknown)))
        self.sources = tuple(formulas.get(n) for n in tensor_names)
        # The op's arguments are read from the node's tuples, not spread into parameters.
        positions = {a: ("saved", i) for i, a in enumerate(self.args)}
        positions.update({n + "_sizes": ("sizes", i) for i, n in enumerate(tensor_names)})
        self.formulas = tuple(_compile(name, _CALL, src, positions) for src in self.sources)
        used = [_names_in(src) for src in self.sources]
        # Per tensor input: indices of the tensor-position arguments its formula reads
        # (tensors and Python numbers there: both are SavedVariables, as in PyTorch). The
        # other arguments (dim, index, sizes ...) are plain attributes of the node, kept
        # always and never freed: SelectBackward0 can run again after a backward.
        saved_args = [a if i < self.n_tensors or a in _RELEASED_PARAMS else None
                      for i, a in enumerate(self.args)]
        self.saves = tuple(frozenset(i for i, a in enumerate(saved_args) if a in names)
                           for names in used)
        self.saves_result = tuple(bool({"result", "results"} & names) for names in used)
        self.node_class = node_class(node_name, self)
        self._save_plans = {}

    def save_plan(self, needs):
        """For the inputs that need grad (`needs`, a flag per tensor input): (the tensor
        positions to clear, the tensor positions kept, or None when nothing is kept,
        whether to keep the outputs)."""
        plan = self._save_plans.get(needs)
        if plan is None and self.variadic:
            plan = ((), None, False)
        elif plan is None:
            keep, result = set(), False
            for i, need in enumerate(needs):
                if need:
                    keep |= self.saves[i]
                    result = result or self.saves_result[i]
            n = len(needs)
            dropped = tuple(i for i in range(n) if i not in keep)
            kept = tuple(i for i in range(n) if i in keep) if keep else None
            plan = self._save_plans[needs] = (dropped, kept, result)
        return plan

    def __repr__(self):
        return "<op %s -> %s>" % (self.name, self.node_class.__name__)


def _names_in(source):
    if source is None:
        return frozenset()
    return frozenset(n.id for n in ast.walk(ast.parse(source, mode="eval"))
                     if isinstance(n, ast.Name))


def _compile(op_name, params, source, positions=None):
    """The formula as a function of `params`; names in `positions` ({name: (tuple, index)})
    are read as tuple[index]."""
    if source is None:
        return None
    tree = ast.parse(source, mode="eval")
    if positions:
        tree = ast.fix_missing_locations(_ReadFromTuples(positions).visit(tree))
    args = ast.arguments(posonlyargs=[], args=[ast.arg(p) for p in params], kwonlyargs=[],
                         kw_defaults=[], defaults=[])
    function = ast.Expression(ast.Lambda(args, tree.body))
    code = compile(ast.fix_missing_locations(function), "<formula %s>" % op_name, "eval")
    return eval(code, FORMULA_NAMESPACE)  # our own table's text, never user input


class _ReadFromTuples(ast.NodeTransformer):
    def __init__(self, positions):
        self.positions = positions

    def visit_Name(self, node):
        where = self.positions.get(node.id)
        if where is None:
            return node
        tuple_name, index = where
        return ast.copy_location(ast.Subscript(ast.Name(tuple_name, ast.Load()),
                                               ast.Constant(index), ast.Load()), node)


def op(name, node, signature, forward, kind=SAME, n_outputs=1, **formulas):
    """One entry of the derivative table: the op, PyTorch's node name, its signature
    (tensors; params), forward kernel, dtype rule and one formula per input."""
    return OpSpec(name, node, signature, forward, kind, formulas, n_outputs)
