"""torch.optim against PyTorch: parameters after long training loops bit for bit, reprs,
state, zero_grad, param groups, state_dict, lr schedulers and argument errors.

The loop's model uses elementwise ops and sums only (their float32 bits are PyTorch's);
matrix products are a known last-bit gap (NumPy's BLAS), kept out of it. PyTorch's float32
sqrt (MKL's vsSqrt on x86 builds) is not correctly rounded for about a fifth of the values
while ours is, so Adam, RMSprop and Adagrad are checked bit for bit with PyTorch's sqrt put
in the engine's kernel table, which isolates the optimizers' own arithmetic order."""

import re
import warnings

import numpy as np
import pytest

torch = pytest.importorskip("torch")
import gradrepl_engine as ours  # noqa: E402
from gradrepl_engine import derivatives  # noqa: E402

_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")

CONFIGS = {
    "sgd": "SGD(p, lr=0.01)",
    "sgd_momentum_dampening_decay": "SGD(p, lr=0.01, momentum=0.9, dampening=0.1, weight_decay=0.01)",
    "sgd_nesterov_maximize": "SGD(p, lr=0.001, momentum=0.5, nesterov=True, maximize=True)",
    "adam": "Adam(p, lr=0.01)",
    "adam_decay_amsgrad": "Adam(p, lr=0.01, weight_decay=0.1, amsgrad=True)",
    "adam_maximize_betas": "Adam(p, lr=0.003, betas=(0.8, 0.99), maximize=True, eps=1e-6)",
    "adamw": "AdamW(p, lr=0.01)",
    "adamw_amsgrad": "AdamW(p, lr=0.01, amsgrad=True, weight_decay=0.5)",
    "rmsprop": "RMSprop(p, lr=0.01)",
    "rmsprop_centered_momentum": "RMSprop(p, lr=0.01, centered=True, momentum=0.5, weight_decay=0.1)",
    "adagrad": "Adagrad(p, lr=0.1, lr_decay=0.01, weight_decay=0.01, initial_accumulator_value=0.1)",
}
SQRT_FREE = {"sgd", "sgd_momentum_dampening_decay", "sgd_nesterov_maximize"}


def _train(module, config, steps=200, n=37, closure=False):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((64, n)).astype(np.float32)
    Y = rng.standard_normal(64).astype(np.float32)
    w = module.tensor(rng.standard_normal(n).astype(np.float32), requires_grad=True)
    b = module.tensor(np.float32(0.5), requires_grad=True)
    x, y = module.tensor(X), module.tensor(Y)
    opt = eval("module.optim." + config, {"module": module, "p": [w, b]})

    def loss_fn():
        opt.zero_grad()
        loss = (((x * w).sum(1) + b - y) ** 2).mean()
        loss.backward()
        return loss
    losses = []
    for _ in range(steps):
        if closure:
            losses.append(opt.step(loss_fn).item())
        else:
            loss_fn()
            opt.step()
    return np.array(w.detach().tolist() + [b.item()], dtype=np.float32), losses, opt


@pytest.fixture
def torch_sqrt_in_engine(monkeypatch):
    monkeypatch.setattr(derivatives.SQRT, "forward",
                        lambda a: torch.sqrt(torch.from_numpy(np.array(a))).numpy())


def _bits(a):
    return a.view(np.uint32)


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_training_loop_bit_for_bit(name, torch_sqrt_in_engine):
    expected, _, _ = _train(torch, CONFIGS[name])
    got, _, _ = _train(ours, CONFIGS[name])
    assert (_bits(expected) == _bits(got)).all(), np.abs(expected - got).max()


@pytest.mark.parametrize("name", sorted(SQRT_FREE))
def test_sgd_bit_for_bit_without_help(name):
    expected, _, _ = _train(torch, CONFIGS[name], steps=500)
    got, _, _ = _train(ours, CONFIGS[name], steps=500)
    assert (_bits(expected) == _bits(got)).all()


@pytest.mark.xfail(strict=False, reason="float32 sqrt: PyTorch's (MKL vsSqrt) differs from the "
                   "correctly rounded value in the last bit for ~20% of values, so Adam's "
                   "parameters drift by an ulp or two (machine-dependent: strict=False)")
def test_adam_bit_for_bit_with_our_sqrt():
    expected, _, _ = _train(torch, CONFIGS["adam"])
    got, _, _ = _train(ours, CONFIGS["adam"])
    assert (_bits(expected) == _bits(got)).all()


def test_closure_returns_the_loss(torch_sqrt_in_engine):
    expected, expected_losses, _ = _train(torch, CONFIGS["rmsprop"], steps=50, closure=True)
    got, losses, _ = _train(ours, CONFIGS["rmsprop"], steps=50, closure=True)
    assert losses == expected_losses
    assert (_bits(expected) == _bits(got)).all()


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_repr_and_state_print_as_torch(name, torch_sqrt_in_engine):
    _, _, expected = _train(torch, CONFIGS[name], steps=3)
    _, _, got = _train(ours, CONFIGS[name], steps=3)
    assert repr(got) == repr(expected)
    assert _ADDRESS.sub("0x", repr(got.state)) == _ADDRESS.sub("0x", repr(expected.state))
    assert repr(got.state_dict()) == repr(expected.state_dict())


def _outcome(module, code):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        namespace = {"torch": module, "optim": module.optim}
        try:
            exec(code, namespace)
            text = repr(namespace.get("out"))
        except Exception as e:  # noqa: BLE001 - errors are outcomes to compare
            text = "%s: %s" % (type(e).__name__, e)
    return _ADDRESS.sub("0x", text), [str(w.message) for w in caught]


P = "p = torch.ones(3, requires_grad=True); q = torch.zeros(2, requires_grad=True)\n"
CASES = {
    "negative_lr": "optim.SGD([p], lr=-1)",
    "negative_momentum": "optim.SGD([p], momentum=-0.5)",
    "negative_decay": "optim.Adam([p], weight_decay=-1e-3)",
    "bad_beta": "optim.Adam([p], betas=(1.0, 0.9))",
    "int_betas": "optim.AdamW([p], betas=(0, 0.9))",
    "bad_eps": "optim.RMSprop([p], eps=-1.0)",
    "bad_alpha": "optim.RMSprop([p], alpha=-1.0)",
    "bad_lr_decay": "optim.Adagrad([p], lr_decay=-1)",
    "nesterov": "optim.SGD([p], lr=0.1, nesterov=True)",
    "tensor_params": "optim.SGD(p, lr=0.1)",
    "empty": "optim.SGD([], lr=0.1)",
    "not_iterable": "optim.SGD(3, lr=0.1)",
    "not_tensors": "optim.SGD([1, 2], lr=0.1)",
    "non_leaf": "optim.SGD([p * 2], lr=0.1)",
    "set": "optim.SGD({p}, lr=0.1)",
    "groups": "out = optim.SGD([{'params': [p]}, {'params': q, 'lr': 0.5}], lr=0.1, momentum=0.9)",
    "same_param_twice": "optim.SGD([{'params': [p]}, {'params': [p]}], lr=0.1)",
    "duplicates_warn": "out = optim.SGD([p, p], lr=0.1)",
    "add_param_group": "out = optim.Adam([p]); out.add_param_group({'params': [q], 'lr': 0.1})",
    "add_param_group_not_dict": "optim.Adam([p]).add_param_group([q])",
    "named_params": "out = optim.SGD([('a', p), ('b', q)], lr=0.1).param_groups",
    "step_unimplemented": "optim.Optimizer([p], {}).step()",
    "zero_grad_keep": ("p.sum().backward(); o = optim.SGD([p], lr=0.1); o.zero_grad(False); "
                       "out = p.grad"),
    "zero_grad_none": "p.sum().backward(); o = optim.SGD([p], lr=0.1); o.zero_grad(); out = p.grad",
    "no_grad_no_step": "o = optim.Adam([p, q]); o.step(); out = (p, o.state)",
    "param_groups": "out = optim.RMSprop([p], lr=0.1).param_groups",
    "adagrad_state_up_front": "out = optim.Adagrad([p], initial_accumulator_value=0.5).state",
    "load_state_dict": ("o = optim.SGD([p], lr=0.1, momentum=0.9); (p * p).sum().backward(); "
                        "o.step(); o2 = optim.SGD([p], lr=0.5); o2.load_state_dict(o.state_dict());"
                        " out = (o2, o2.state)"),
    "step_lr": ("o = optim.SGD([p], lr=1.0); s = torch.optim.lr_scheduler.StepLR(o, 2, gamma=0.5)\n"
                "lrs = []\nfor i in range(5):\n    o.step(); s.step(); lrs.append(s.get_last_lr())\n"
                "out = (lrs, o)"),
    "exponential_lr": ("o = optim.Adam([p], lr=1.0); s = torch.optim.lr_scheduler.ExponentialLR(o,"
                       " 0.9)\nlrs = []\nfor i in range(3):\n    o.step(); s.step(); "
                       "lrs.append(o.param_groups[0]['lr'])\nout = lrs"),
    "scheduler_order_warning": ("o = optim.SGD([p], lr=1.0); s = torch.optim.lr_scheduler.StepLR("
                                "o, 1); s.step(); out = s.get_last_lr()"),
    "closure_not_callable": "optim.SGD([p], lr=0.1).step(5)",
    "betas_not_a_pair": "optim.Adam([p], betas=0.9)",
    "scheduler_not_optimizer": "torch.optim.lr_scheduler.StepLR([p], 1)",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_optimizer_api_as_torch(name):
    assert _outcome(ours, P + CASES[name]) == _outcome(torch, P + CASES[name])
