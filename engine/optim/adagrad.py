"""torch.optim.Adagrad: torch/optim/adagrad.py's _single_tensor_adagrad, op for op."""

from .. import creation
from .optimizer import Optimizer, check_non_negative, maybe_negated

__all__ = ["Adagrad"]


class Adagrad(Optimizer):
    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0,
                 initial_accumulator_value=0, eps=1e-10, foreach=None, *, maximize=False,
                 differentiable=False, fused=None):
        check_non_negative(lr, "learning rate")
        check_non_negative(lr_decay, "lr_decay value")
        check_non_negative(weight_decay, "weight_decay value")
        check_non_negative(initial_accumulator_value, "initial_accumulator_value value")
        check_non_negative(eps, "epsilon value")
        defaults = {"lr": lr, "lr_decay": lr_decay, "eps": eps, "weight_decay": weight_decay,
                    "initial_accumulator_value": initial_accumulator_value,
                    "foreach": foreach, "maximize": maximize,
                    "differentiable": differentiable, "fused": fused}
        super().__init__(params, defaults)
        # Unlike the others, Adagrad makes every parameter's state up front (torch's
        # `torch.tensor(0.0)` step and a `full_like` sum).
        for group in self.param_groups:
            for param in group["params"]:
                state = self.state[param]
                state["step"] = creation.tensor(0.0)
                state["sum"] = creation.full_like(param, initial_accumulator_value)

    def step(self, closure=None):
        return self._run_step(closure, self._update_group)

    def _update_group(self, group):
        lr, lr_decay, eps = group["lr"], group["lr_decay"], group["eps"]
        for param in group["params"]:
            if param.grad is None:
                continue
            state = self.state[param]
            state["step"] += 1
            step = state["step"].item()
            grad = maybe_negated(param.grad, group["maximize"])
            if group["weight_decay"] != 0:
                grad = grad.add(param, alpha=group["weight_decay"])
            clr = lr / (1 + (step - 1) * lr_decay)
            state["sum"].addcmul_(grad, grad, value=1)
            std = state["sum"].sqrt().add_(eps)
            param.addcdiv_(grad, std, value=-clr)


Adagrad.__module__ = "torch.optim.adagrad"
