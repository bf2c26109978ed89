"""torch.nn and torch.optim through the language: the imports a learner writes, echoed
values, refusals, and completion of the new objects (torch-free)."""

import io

from prompt_toolkit.document import Document

from gradrepl.render import PlainOutput
from gradrepl.session import Session
from gradrepl.shell import SessionCompleter
from test_repl import session


def test_every_import_spelling_reaches_nn_and_optim():
    out, err, code = session(
        "import torch.nn as nn\nimport torch.optim as optim\nfrom torch import nn, optim\n"
        "from torch.optim import SGD, Adam, AdamW, RMSprop, Adagrad\n"
        "from torch.nn import Linear, init\nimport torch.nn.init as I\n"
        "from torch.optim.lr_scheduler import StepLR, ExponentialLR\n"
        "import torch.optim.lr_scheduler as sched\n"
        "nn.Linear is Linear and optim.SGD is SGD and torch.optim.Adam is Adam\n"
        "I.kaiming_uniform_ is init.kaiming_uniform_ and sched.StepLR is StepLR\n")
    assert (out, err, code) == ("True\nTrue\n", "", 0)


def test_a_training_loop_echoes_as_torch():
    out, err, code = session(
        "torch.manual_seed(0)\n"
        "model = torch.nn.Sequential(torch.nn.Linear(3, 1), torch.nn.Flatten(0, 1))\n"
        "opt = torch.optim.SGD(model.parameters(), lr=0.1)\n"
        "model\nmodel[0].weight\n"
        "loss = torch.nn.MSELoss()(model(torch.ones(2, 3)), torch.zeros(2))\n"
        "loss.backward()\nopt.step()\nopt.zero_grad()\nmodel[0].weight.grad\nopt\n")
    assert err == "" and code == 0
    assert out.startswith("<torch._C.Generator object at 0x")
    assert ("Sequential(\n  (0): Linear(in_features=3, out_features=1, bias=True)\n"
            "  (1): Flatten(start_dim=0, end_dim=1)\n)\nParameter containing:\n"
            "tensor([[-0.0043,  0.3097, -0.4752]], requires_grad=True)\n") in out
    assert out.endswith("SGD (\nParameter Group 0\n    dampening: 0\n    differentiable: False\n"
                        "    foreach: None\n    fused: None\n    lr: 0.1\n    maximize: False\n"
                        "    momentum: 0\n    nesterov: False\n    weight_decay: 0\n)\n")


def test_errors_are_torchs_one_line_and_private_state_stays_private():
    _, err, code = session(
        "optim = torch.optim\noptim.SGD([torch.ones(1, requires_grad=True)], lr=-1)\n"
        "optim.SGD([])\nm = torch.nn.Linear(2, 1)\nm.weight = torch.ones(1, 2)\n"
        "m._parameters\n")
    lines = err.splitlines()
    assert lines[:3] == [
        "ValueError: Invalid learning rate: -1",
        "ValueError: optimizer got an empty parameter list",
        "TypeError: cannot assign 'torch.FloatTensor' as parameter 'weight' "
        "(torch.nn.Parameter or None expected)"]
    assert lines[3].startswith("PermissionError") and code == 1


def _completions(session_object, text):
    completer = SessionCompleter(session_object)
    return [c.text for c in completer.get_completions(Document(text), None)]


def test_completion_of_the_new_objects():
    s = Session(PlainOutput(io.StringIO(), io.StringIO()))
    s.evaluate("model = torch.nn.Linear(2, 1)\nopt = torch.optim.Adam(model.parameters())")
    assert "Linear" in _completions(s, "torch.nn.Li")
    assert "lr_scheduler" in _completions(s, "torch.optim.lr")
    assert {"weight", "bias"} <= set(_completions(s, "model."))
    assert "zero_grad" in _completions(s, "opt.ze")
    assert not any(n.startswith("_") for n in _completions(s, "model."))


def test_bad_arguments_are_the_users_errors_not_bugs():
    _, err, _ = session(
        "m = torch.nn.Linear(2, 1)\nm(1)\nopt = torch.optim.SGD(m.parameters(), lr=0.1)\n"
        "opt.step(5)\ntorch.nn.MSELoss()(1, 2)\nm.load_state_dict(5)\n"
        "torch.optim.Adam(m.parameters(), betas=0.9)\ntorch.nn.init.uniform_(5)\n"
        "m.to('cuda')\n")
    assert len(err.splitlines()) == 7 and "bug" not in err


def test_a_module_of_the_users_own_registers_its_layers_and_trains():
    out, err, code = session(
        "class Net(torch.nn.Module):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.fc = torch.nn.Linear(2, 1)\n"
        "    def forward(self, x):\n"
        "        return torch.sigmoid(self.fc(x))\n"
        "\n"
        "torch.manual_seed(0)\nnet = Net()\nnet\n"
        "opt = torch.optim.Adam(net.parameters(), lr=0.1)\n"
        "for _ in range(3):\n"
        "    opt.zero_grad()\n"
        "    net(torch.ones(4, 2)).sum().backward()\n"
        "    opt.step()\n"
        "\n"
        "[name for name, p in net.named_parameters()]\nlist(net.state_dict().keys())\n"
        "net._modules\n")
    assert out.splitlines()[1:] == [
        "Net(", "  (fc): Linear(in_features=2, out_features=1, bias=True)", ")",
        "['fc.weight', 'fc.bias']", "['fc.weight', 'fc.bias']"]
    assert err.startswith("PermissionError: attribute '_modules' is not allowed") and code == 1
