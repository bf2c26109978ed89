"""torch.nn.Module subclassed by plain Python classes (what user `class` statements will do),
on the engine alone: registration, walks, modes, conversion, optimizers over a subclass."""

import pytest

import gradrepl_engine as torch
from gradrepl_engine import nn


class Net(nn.Module):
    def __init__(self, hidden=3):
        super().__init__()
        self.fc = nn.Linear(2, hidden)
        self.act = nn.Tanh()
        self.out = nn.Linear(hidden, 1)
        self.register_buffer("offset", torch.tensor([0.5]))

    def forward(self, x):
        return self.out(self.act(self.fc(x))) + self.offset


def test_subclass_registers_children_parameters_and_buffers():
    net = Net()
    assert [n for n, _ in net.named_parameters()] == ["fc.weight", "fc.bias", "out.weight",
                                                       "out.bias"]
    assert [n for n, _ in net.named_children()] == ["fc", "act", "out"]
    assert [n for n, _ in net.named_buffers()] == ["offset"]
    assert list(net.state_dict()) == ["offset", "fc.weight", "fc.bias", "out.weight", "out.bias"]
    assert repr(net) == ("Net(\n  (fc): Linear(in_features=2, out_features=3, bias=True)\n"
                         "  (act): Tanh()\n  (out): Linear(in_features=3, out_features=1, "
                         "bias=True)\n)")


def test_subclass_call_runs_forward_and_builds_the_graph():
    net = Net()
    y = net(torch.ones(4, 2))
    assert tuple(y.shape) == (4, 1)
    assert type(y.grad_fn).__name__ == "AddBackward0"
    y.sum().backward()
    assert all(p.grad is not None for p in net.parameters())
    net.zero_grad()
    assert all(p.grad is None for p in net.parameters())


def test_reassigning_and_deleting_attributes_keeps_registries_in_step():
    net = Net()
    net.fc = nn.Linear(2, 3, bias=False)
    assert [n for n, _ in net.named_parameters()][:1] == ["fc.weight"]
    net.out = None
    assert [n for n, _ in net.named_children()] == ["fc", "act"]
    del net.act
    assert "act" not in dict(net.named_children())
    with pytest.raises(AttributeError):
        net.act
    net.note = "plain attribute"
    assert net.note == "plain attribute" and "note" not in dict(net.named_parameters())


def test_modes_and_conversions_reach_every_submodule():
    net = Net()
    assert net.eval() is net and not any(m.training for m in net.modules())
    net.train()
    assert all(m.training for m in net.modules())
    weight = net.fc.weight
    net.double()
    assert net.fc.weight is weight and weight.dtype == torch.float64
    assert net.offset.dtype == torch.float64
    net.requires_grad_(False)
    assert not any(p.requires_grad for p in net.parameters())


def test_optimizer_over_a_subclass_reduces_the_loss():
    torch.manual_seed(0)
    net = Net(hidden=8)
    opt = torch.optim.Adam(net.parameters(), lr=0.05)
    x = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])
    losses = []
    for _ in range(200):
        opt.zero_grad()
        loss = nn.MSELoss()(net(x), y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < losses[0] / 10


def test_assigning_before_init_is_torchs_error():
    class Early(nn.Module):
        def __init__(self):
            self.fc = nn.Linear(1, 1)

    with pytest.raises(AttributeError, match=r"cannot assign module before Module.__init__\(\) call"):
        Early()


def test_engine_module_classes_are_named_as_torch():
    assert repr(nn.Linear) == "<class 'torch.nn.modules.linear.Linear'>"
    assert repr(nn.Module) == "<class 'torch.nn.modules.module.Module'>"
    assert repr(torch.optim.SGD) == "<class 'torch.optim.sgd.SGD'>"
