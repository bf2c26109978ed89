"""Cases for test_vs_torch.py: torch.nn's modules and torch.nn.init (engine/nn/module.py,
modules_*.py, init.py): initial values drawn from the seeded stream, forward values and
graphs, reprs of module trees, state_dict, train/eval, dtype conversion and argument errors.
Registered into torch_cases.CASES."""

from torch_cases import add, case, T, graph

X3 = [[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]]


def _seeded(t, make):
    t.manual_seed(0)
    return make(t.nn)


for _name, _make in (
        ("linear", "nn.Linear(3, 1)"), ("linear_no_bias", "nn.Linear(4, 2, bias=False)"),
        ("linear_double", "nn.Linear(2, 3, dtype=torch.float64)"),
        ("linear_zero_in", "nn.Linear(0, 2)"),
        ("sequential", "nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))"),
        ("identity", "nn.Identity(3, unused=True)"), ("flatten", "nn.Flatten()"),
        ("flatten_dims", "nn.Flatten(0, 1)"), ("relu_inplace", "nn.ReLU(inplace=True)"),
        ("softmax", "nn.Softmax(dim=1)"), ("softmax_none", "nn.Softmax()"),
        ("log_softmax", "nn.LogSoftmax(0)"), ("dropout", "nn.Dropout(0.2)"),
        ("tanh_sigmoid", "nn.Sequential(nn.Tanh(), nn.Sigmoid())"),
        ("losses", "[nn.MSELoss(), nn.L1Loss(reduction='sum'), nn.CrossEntropyLoss("
                   "label_smoothing=0.1), nn.NLLLoss(), nn.BCELoss(), nn.BCEWithLogitsLoss()]"),
        ("nested", "nn.Sequential(nn.Sequential(nn.Linear(2, 2), nn.Tanh()), nn.Linear(2, 1))")):
    add("nn_module/repr/%s" % _name,
        lambda t, make=_make: (lambda m: (m, list(m.named_parameters()) if hasattr(
            m, "named_parameters") else None))(eval(make, {"nn": _seeded(t, lambda nn: nn),
                                                          "torch": t})))


@case("nn_module/linear_forward_graphs")
def _linear_forward_graphs(t):
    t.manual_seed(0)
    lin = t.nn.Linear(3, 2)
    x2 = t.tensor(X3)
    outs = (lin(x2), lin(x2[0]), lin(x2.reshape(1, 2, 3)), lin(x2.t().reshape(3, 2).t()))
    return outs + tuple(graph(o.grad_fn, 4) for o in outs)


@case("nn_module/no_bias_graph")
def _no_bias_graph(t):
    t.manual_seed(1)
    y = t.nn.Linear(3, 2, bias=False)(t.tensor(X3))
    return y, graph(y.grad_fn, 3)


@case("nn_module/sequential_api")
def _sequential_api(t):
    t.manual_seed(0)
    nn = t.nn
    m = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2), nn.Softmax(dim=1))
    y = m(t.tensor(X3))
    return (y, graph(y.grad_fn, 3), len(m), m[0], m[-1], m[1:3], [type(c).__name__ for c in m],
            [n for n, _ in m.named_modules()], [n for n, _ in m.named_children()],
            list(m.state_dict().keys()), m.append(nn.Identity()))


@case("nn_module/sequential_index_error", error=True)
def _sequential_index_error(t):
    return t.nn.Sequential(t.nn.ReLU())[3]


@case("nn_module/state_dict")
def _state_dict(t):
    t.manual_seed(0)
    m = t.nn.Sequential(t.nn.Linear(2, 2), t.nn.Linear(2, 1))
    sd = m.state_dict()
    m2 = t.nn.Sequential(t.nn.Linear(2, 2), t.nn.Linear(2, 1))
    return sd, m2.load_state_dict(sd), m2[1].weight


@case("nn_module/load_state_dict_missing", error=True)
def _load_missing(t):
    return t.nn.Linear(2, 1).load_state_dict({"weight": t.ones(1, 2), "extra": t.ones(1)})


@case("nn_module/train_eval_dropout")
def _train_eval(t):
    t.manual_seed(0)
    m = t.nn.Sequential(t.nn.Dropout(0.5), t.nn.Linear(3, 1))
    x = t.ones(2, 3)
    m.eval()
    evaluated = (m.training, m[0].training, m(x))
    m.train()
    return evaluated + (m[0].training, m[0](x))


@case("nn_module/train_not_bool", error=True)
def _train_not_bool(t):
    return t.nn.Linear(1, 1).train(1)


@case("nn_module/double_and_to")
def _double_and_to(t):
    t.manual_seed(0)
    m = t.nn.Linear(2, 1)
    w = m.weight
    m.double()
    same = m.weight is w
    m.to(t.float32)
    return same, m.weight, m.to(t.zeros(1, dtype=t.float64)).bias, m.float().weight.dtype


@case("nn_module/to_int", error=True)
def _to_int(t):
    return t.nn.Linear(2, 1).to(t.int64)


@case("nn_module/zero_grad_and_requires_grad_")
def _zero_grad(t):
    t.manual_seed(0)
    m = t.nn.Linear(2, 1)
    m(t.ones(3, 2)).sum().backward()
    grads = (m.weight.grad, m.bias.grad)
    m.zero_grad()
    after = (m.weight.grad, m.requires_grad_(False).weight.requires_grad)
    return grads + after


@case("nn_module/assign_tensor_to_parameter", error=True)
def _assign_tensor(t):
    m = t.nn.Linear(2, 1)
    m.weight = t.ones(1, 2)


@case("nn_module/assign_tensor_to_child", error=True)
def _assign_child(t):
    m = t.nn.Sequential(t.nn.Linear(2, 1))
    setattr(m, "0", 5)


@case("nn_module/assign_parameter_and_none")
def _assign_parameter(t):
    m = t.nn.Linear(2, 1)
    m.weight = t.nn.Parameter(t.ones(1, 2))
    m.bias = None
    return m, list(m.named_parameters()), m(t.ones(1, 2))


@case("nn_module/base_forward_missing", error=True)
def _forward_missing(t):
    return t.nn.Module()(t.ones(1))


@case("nn_module/dropout_p", error=True)
def _dropout_p(t):
    return t.nn.Dropout(1.5)


@case("nn_module/losses")
def _losses(t):
    t.manual_seed(0)
    nn = t.nn
    logits = t.randn(3, 4, requires_grad=True)
    target = t.tensor([0, 3, 1])
    prob = t.rand(3, requires_grad=True)
    binary = t.tensor([0.0, 1.0, 1.0])
    return (nn.MSELoss()(logits, t.zeros(3, 4)), nn.MSELoss(reduction="none")(prob, binary),
            nn.L1Loss(reduction="sum")(prob, binary),
            nn.CrossEntropyLoss(weight=t.tensor([1.0, 2.0, 0.5, 1.0]))(logits, target),
            nn.CrossEntropyLoss(label_smoothing=0.2, ignore_index=3)(logits, target),
            nn.NLLLoss(reduction="sum")(logits.log_softmax(1), target),
            nn.BCELoss(weight=t.tensor([1.0, 0.5, 2.0]))(prob, binary),
            nn.BCEWithLogitsLoss(pos_weight=t.tensor([2.0, 1.0, 1.0]))(logits[:, 0], binary),
            nn.CrossEntropyLoss(weight=t.ones(4)).state_dict())


@case("nn_module/legacy_reduction")
def _legacy_reduction(t):
    return t.nn.MSELoss(size_average=False).reduction


@case("nn_module/activations")
def _activations(t):
    nn = t.nn
    x = t.tensor(X3, requires_grad=True)
    return (nn.ReLU()(x), nn.Sigmoid()(x), nn.Tanh()(x), nn.Softmax(1)(x), nn.LogSoftmax(dim=0)(x),
            nn.Softmax()(x), nn.Flatten(0)(x), nn.Identity()(x) is x)


for _name, _call in (
        ("uniform", "init.uniform_(w, -0.5, 2.0)"), ("normal", "init.normal_(w, 1.0, 0.1)"),
        ("zeros", "init.zeros_(w)"), ("ones", "init.ones_(w)"), ("constant", "init.constant_(w, 0.3)"),
        ("eye", "init.eye_(w)"), ("xavier_uniform", "init.xavier_uniform_(w, gain=2.0)"),
        ("xavier_normal", "init.xavier_normal_(w)"), ("kaiming_uniform", "init.kaiming_uniform_(w)"),
        ("kaiming_uniform_relu", "init.kaiming_uniform_(w, mode='fan_out', nonlinearity='relu')"),
        ("kaiming_normal", "init.kaiming_normal_(w, a=0.1)"),
        ("kaiming_4d", "init.kaiming_normal_(torch.empty(2, 3, 2, 2))"),
        ("parameter", "init.normal_(torch.nn.Parameter(torch.empty(2, 2)))"),
        ("gains", "[init.calculate_gain(n) for n in ('linear', 'sigmoid', 'tanh', 'relu', 'selu',"
                  " 'leaky_relu', 'conv2d')] + [init.calculate_gain('leaky_relu', 0.2)]"),
        ("bad_mode", "init.kaiming_uniform_(w, mode='fan')"),
        ("bad_gain", "init.calculate_gain('gelu')"), ("bad_slope", "init.calculate_gain('leaky_relu', 'a')"),
        ("one_dim", "init.xavier_uniform_(torch.empty(3))"),
        ("zero_elements", "init.kaiming_uniform_(torch.empty(0, 3))")):
    add("nn_init/%s" % _name,
        lambda t, call=_call: (t.manual_seed(3), eval(call, {"init": t.nn.init, "torch": t,
                                                             "w": t.empty(3, 5)}))[1],
        error=_name.startswith("bad") or _name == "one_dim")


def _net_class(nn):
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(2, 3)
            self.act = nn.ReLU()
            self.head = nn.Sequential(nn.Linear(3, 1), nn.Flatten(0))
            self.scale = 2.0

        def forward(self, x):
            return self.head(self.act(self.fc(x))) * self.scale
    return Net


@case("nn_module/subclass")
def _subclass(t):
    t.manual_seed(0)
    net = _net_class(t.nn)()
    y = net(t.tensor(X3[:1])[:, :2].repeat(2, 1))
    return (net, y, graph(y.grad_fn, 4), [n for n, _ in net.named_parameters()],
            [n for n, _ in net.named_modules()], net.state_dict(), net.scale)


@case("nn_module/subclass_trains_with_sgd")
def _subclass_trains(t):
    t.manual_seed(0)
    net = _net_class(t.nn)()
    opt = t.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    x = t.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = t.tensor([0.0, 1.0, 1.0, 0.0])
    losses = []
    for _ in range(30):
        opt.zero_grad()
        loss = t.nn.functional.mse_loss(net(x), y)
        loss.backward()
        opt.step()
        losses.append(round(loss.item(), 4))  # addmm's last bits are a known gap (BLAS)
    return losses, list(net.parameters())


@case("nn_module/assign_before_init", error=True)
def _assign_before_init(t):
    class Early(t.nn.Module):
        def __init__(self):
            self.fc = t.nn.Linear(1, 1)
            super().__init__()
    return Early()


for _name, _call in (
        ("linear_int_input", "nn.Linear(2, 1)(1)"), ("mse_int_target", "nn.MSELoss()(torch.ones(1), 2)"),
        ("l1_int_input", "nn.L1Loss()(1, torch.ones(1))"),
        ("init_int", "nn.init.uniform_(5)"), ("xavier_int", "nn.init.xavier_uniform_(3)"),
        ("kaiming_int", "nn.init.kaiming_normal_(2)"), ("eye_int", "nn.init.eye_(1)"),
        ("load_state_dict_int", "nn.Linear(2, 1).load_state_dict(5)"),
        ("to_cuda", "nn.Linear(2, 1).to('cuda')"), ("to_device_cuda", "nn.Linear(2, 1).to(device='cuda')"),
        ("sequential_int", "nn.Sequential(1)")):
    add("nn_module/bad_argument/%s" % _name,
        lambda t, call=_call: eval(call, {"nn": t.nn, "torch": t}), error=True)
