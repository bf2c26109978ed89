"""torch.optim.Optimizer: param_groups, state, zero_grad, add_param_group, state_dict, repr."""

from collections import defaultdict

from .. import creation
from ..grad_mode import enable_grad, set_grad_enabled
from ..nn.module import zero_grads
from ..tensor import Tensor
from ..tensor_queries import typename

__all__ = ["Optimizer", "required"]


class _RequiredParameter:
    """The default of an optimizer argument every param group must give (torch's `required`)."""

    def __repr__(self):
        return "<required parameter>"


required = _RequiredParameter()


def scalar_step():
    """A fresh `state['step']`: a 0-dim float tensor (torch's _get_scalar_dtype: float64 only
    when that is the default dtype)."""
    return creation.zeros(())


class Optimizer:
    """torch/optim/optimizer.py's Optimizer: the single-tensor (for-loop) implementations
    torch runs on CPU by default, so subclasses compute with in-place tensor ops in torch's
    order and get its float32 results bit for bit."""

    def __init__(self, params, defaults):
        self.defaults = defaults
        if isinstance(params, Tensor):
            raise TypeError("params argument given to the optimizer should be an iterable of "
                            "Tensors or dicts, but got " + typename(params))
        self.state = defaultdict(dict)
        self.param_groups = []
        param_groups = list(params)
        if len(param_groups) == 0:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(param_groups[0], dict):
            param_groups = [{"params": param_groups}]
        for param_group in param_groups:
            self.add_param_group(param_group)

    def __repr__(self):
        text = type(self).__name__ + " ("
        for i, group in enumerate(self.param_groups):
            text += "\nParameter Group %d\n" % i
            for key in sorted(group.keys()):
                if key != "params":
                    text += "    %s: %s\n" % (key, group[key])
        return text + ")"

    def step(self, closure=None):
        raise NotImplementedError

    def _run_step(self, closure, update_group):
        """What each optimizer's step() does: the closure (if any) with gradients on, then
        update_group(group) for each group with gradients off (torch's
        _use_grad_for_differentiable with differentiable=False)."""
        self._opt_called = True  # read by lr_scheduler's order warning
        loss = None
        if closure is not None:
            if not callable(closure):
                raise TypeError("'%s' object is not callable" % type(closure).__name__)
            with enable_grad():
                loss = closure()
        with set_grad_enabled(False):
            for group in self.param_groups:
                update_group(group)
        return loss

    def zero_grad(self, set_to_none=True):
        zero_grads((p for group in self.param_groups for p in group["params"]), set_to_none)

    def add_param_group(self, param_group):
        if not isinstance(param_group, dict):
            raise TypeError("param_group must be a dict, but got %s" % _type_text(param_group))
        params = param_group["params"]
        if isinstance(params, Tensor):
            param_group["params"] = [params]
        elif isinstance(params, set):
            raise TypeError("optimizer parameters need to be organized in ordered collections, "
                            "but the ordering of tensors in sets will change between runs. "
                            "Please use a list instead.")
        else:
            param_group["params"] = list(params)
        tensors, names = [], []
        for param in param_group["params"]:
            if isinstance(param, tuple):
                names.append(param[0])
                tensors.append(param[1])
            else:
                tensors.append(param)
        param_group["params"] = tensors
        if names:
            if len(names) != len(tensors):
                raise ValueError("all optimizer params should be with/without names. Some param "
                                 "names are missing")
            param_group["param_names"] = names
        for param in tensors:
            if not isinstance(param, Tensor):
                raise TypeError("optimizer can only optimize Tensors, but one of the params is "
                                + typename(param))
            if not self.defaults.get("differentiable", None) and not (
                    param.is_leaf or param.retains_grad):
                raise ValueError("can't optimize a non-leaf Tensor")
        for name, default in self.defaults.items():
            if default is required and name not in param_group:
                raise ValueError("parameter group didn't specify a value of required "
                                 "optimization parameter %s" % name)
            param_group.setdefault(name, default)
        if len(tensors) != len(set(tensors)):
            import warnings
            warnings.warn("optimizer contains a parameter group with duplicate parameters; in "
                          "future, this will cause an error; see github.com/pytorch/pytorch/"
                          "issues/40967 for more information", stacklevel=3)
        seen = set()
        for group in self.param_groups:
            seen.update(group["params"])
            if ("param_names" in param_group) != ("param_names" in group):
                which = "with names" if "param_names" in param_group else "without names"
                raise ValueError("all optimizer param groups should be with/without names. "
                                 "cannot add param group %s to the optimizer" % which)
        if not seen.isdisjoint(tensors):
            raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(param_group)

    def state_dict(self):
        """torch's packed form: parameters replaced by their index over all groups."""
        index_of, next_index = {}, 0
        groups = []
        for group in self.param_groups:
            packed = {k: v for k, v in group.items() if k != "params"}
            for p in group["params"]:
                if id(p) not in index_of:
                    index_of[id(p)] = next_index
                    next_index += 1
            packed["params"] = [index_of[id(p)] for p in group["params"]]
            groups.append(packed)
        state = {index_of[id(p)]: v for p, v in self.state.items() if id(p) in index_of}
        return {"state": state, "param_groups": groups}

    def load_state_dict(self, state_dict):
        groups = state_dict["param_groups"]
        if len(groups) != len(self.param_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        if any(len(g["params"]) != len(s["params"]) for g, s in zip(self.param_groups, groups)):
            raise ValueError("loaded state dict contains a parameter group that doesn't match "
                             "the size of optimizer's group")
        params_by_index = {}
        for group, saved in zip(self.param_groups, groups):
            params_by_index.update(zip(saved["params"], group["params"]))
        state = defaultdict(dict)
        for index, value in state_dict["state"].items():
            param = params_by_index.get(index)
            if param is None:
                continue
            state[param] = {k: _state_value(param, k, v) for k, v in value.items()}
        self.state = state
        self.param_groups = [dict(saved, params=group["params"])
                             for group, saved in zip(self.param_groups, groups)]


def check_non_negative(value, what):
    """torch's argument checks: `Invalid learning rate: -1` and the like."""
    if not 0.0 <= value:
        raise ValueError("Invalid %s: %s" % (what, value))


def maybe_negated(grad, maximize):
    return -grad if maximize else grad


def _state_value(param, key, value):
    """torch's _process_value_according_to_param_policy: state tensors are copied to the
    parameter's dtype, except `step`, which stays as saved."""
    if not isinstance(value, Tensor):
        return value
    if key == "step":
        return value
    return value.to(dtype=param.dtype) if param.is_floating_point() else value.clone()


def _type_text(value):
    return "<class '%s'>" % type(value).__name__ if type(value).__module__ == "builtins" else (
        "<class '%s.%s'>" % (type(value).__module__, type(value).__qualname__))


Optimizer.__module__ = "torch.optim.optimizer"
_RequiredParameter.__module__ = "torch.optim.optimizer"
