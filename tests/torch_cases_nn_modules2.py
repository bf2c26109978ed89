"""Cases for test_vs_torch.py: torch.nn.utils (gradient clipping, parameters as a vector),
the containers (ModuleList/ModuleDict/ParameterList/ParameterDict), Module's lookups, the
activation and loss modules over torch.nn.functional, LayerNorm/BatchNorm/Embedding and the
channel dropouts: values after training steps, reprs, state_dict keys, graphs and errors.
Registered into torch_cases.CASES."""

from torch_cases import add, case, graph

X = [[0.5, -1.0, 2.0, 0.25], [1.5, 0.25, -0.75, -2.0], [-0.3, 0.8, 0.1, 1.2]]


def _grads(t):
    a = t.nn.Parameter(t.tensor([1.0, -2.0]))
    b = t.nn.Parameter(t.tensor([[0.5, 3.0], [-1.0, 0.25]]))
    c = t.nn.Parameter(t.tensor([2.0]))
    a.grad = t.tensor([3.0, -4.0])
    b.grad = t.tensor([[1.0, 2.0], [-2.0, 0.5]])
    return a, b, c


for _name, _call in (
        ("norm", "U.clip_grad_norm_(ps, 1.0)"), ("norm_large", "U.clip_grad_norm_(ps, 100)"),
        ("norm_inf", "U.clip_grad_norm_(ps, 2.0, norm_type='inf')"),
        ("norm_p1", "U.clip_grad_norm_(ps, 0.5, norm_type=1)"),
        ("norm_one_tensor", "U.clip_grad_norm_(ps[0], 1.0)"),
        ("norm_empty", "U.clip_grad_norm_([], 1.0)"),
        ("norm_generator_empty", "U.clip_grad_norm_((p for p in []), 1.0)"),
        ("value", "U.clip_grad_value_(ps, 1.5)"), ("value_tensor", "U.clip_grad_value_(ps[1], 0.75)"),
        ("to_vector", "U.parameters_to_vector(ps)"),
        ("from_vector", "U.vector_to_parameters(torch.arange(7.0), ps)"),
        ("from_vector_not_tensor", "U.vector_to_parameters([1.0], ps)"),
        ("norm_deprecated", "U.clip_grad_norm(ps, 1.0)")):
    add("nn_utils/%s" % _name,
        lambda t, call=_call: (lambda ps: (eval(call, {"U": t.nn.utils, "torch": t, "ps": ps}),
                                           [(p, p.grad) for p in ps]))(_grads(t)),
        error=_name.endswith("not_tensor"))


@case("nn_utils/nonfinite", error=True)
def _nonfinite(t):
    a, b, _ = _grads(t)
    a.grad[0] = float("inf")
    return t.nn.utils.clip_grad_norm_([a, b], 1.0, error_if_nonfinite=True)


@case("nn_utils/nonfinite_allowed")
def _nonfinite_allowed(t):
    a, b, _ = _grads(t)
    a.grad[1] = float("nan")
    return t.nn.utils.clip_grad_norm_([a, b], 1.0), a.grad, b.grad


@case("nn_utils/mixed_dtypes")
def _mixed_dtypes(t):
    a = t.nn.Parameter(t.tensor([1.0, 2.0]))
    b = t.nn.Parameter(t.tensor([3.0], dtype=t.float64))
    c = t.nn.Parameter(t.tensor([0.5, 0.5]))
    for p, g in ((a, [1.0, 2.0]), (b, [2.0]), (c, [0.1, 0.3])):
        p.grad = t.tensor(g, dtype=p.dtype)
    return t.nn.utils.clip_grad_norm_([a, b, c], 0.5), a.grad, b.grad, c.grad


def _seeded(t, text):
    t.manual_seed(0)
    return eval(text, {"nn": t.nn, "torch": t})


for _name, _make in (
        ("module_list", "nn.ModuleList([nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 2)])"),
        ("module_list_repeats", "nn.ModuleList([nn.Linear(2, 2) for _ in range(3)] + [nn.Tanh(), "
                                "nn.Tanh()])"),
        ("module_list_empty", "nn.ModuleList()"),
        ("module_dict", "nn.ModuleDict({'b': nn.ReLU(), 'a': nn.Linear(1, 1)})"),
        ("module_dict_pairs", "nn.ModuleDict([('x', nn.Tanh()), ('y', nn.Sigmoid())])"),
        ("parameter_list", "nn.ParameterList([nn.Parameter(torch.ones(2)), torch.zeros(2, 3), "
                           "torch.ones(1, dtype=torch.float64)])"),
        ("parameter_dict", "nn.ParameterDict({'w': nn.Parameter(torch.ones(2)), "
                           "'b': torch.zeros(3, dtype=torch.float64)})"),
        ("nested", "nn.Sequential(nn.ModuleList([nn.Linear(2, 3), nn.ModuleDict({'act': "
                   "nn.GELU()})]), nn.LayerNorm(3), nn.BatchNorm1d(3))"),
        ("activations", "nn.Sequential(nn.ELU(), nn.ELU(0.5, inplace=True), nn.SELU(), nn.CELU(2.0), "
                        "nn.GELU(), nn.GELU('tanh'), nn.SiLU(), nn.Mish(), nn.LeakyReLU(), "
                        "nn.LeakyReLU(0.2, True), nn.PReLU(), nn.PReLU(3, 0.1), nn.ReLU6(), "
                        "nn.Hardtanh(-2, 2), nn.Hardsigmoid(True), nn.Hardswish(), "
                        "nn.Hardshrink(), nn.Softshrink(0.3), nn.Tanhshrink(), nn.Softsign(), "
                        "nn.Softplus(2, 10), nn.Softmin(1), nn.LogSigmoid(), nn.Threshold(0.1, 20), "
                        "nn.GLU(), nn.RReLU(), nn.Softmax2d(), nn.ReLU6(True))"),
        ("losses", "[nn.SmoothL1Loss(beta=0.5), nn.HuberLoss(delta=2), nn.KLDivLoss(log_target=True), "
                   "nn.CosineEmbeddingLoss(), nn.MarginRankingLoss(0.1), nn.HingeEmbeddingLoss(), "
                   "nn.TripletMarginLoss(), nn.PoissonNLLLoss(), nn.GaussianNLLLoss(), "
                   "nn.SoftMarginLoss(), nn.MultiLabelSoftMarginLoss(), nn.MultiMarginLoss(), "
                   "nn.MultiLabelMarginLoss()]"),
        ("misc", "[nn.CosineSimilarity(), nn.PairwiseDistance(), nn.Unflatten(1, (2, 2)), "
                 "nn.Dropout1d(0.3), nn.Dropout2d(), nn.Dropout3d(inplace=True)]"),
        ("layer_norm", "nn.LayerNorm([2, 3], eps=1e-3, bias=False)"),
        ("layer_norm_plain", "nn.LayerNorm(4, elementwise_affine=False)"),
        ("batch_norm", "nn.BatchNorm1d(4, momentum=None, affine=False)"),
        ("batch_norm_untracked", "nn.BatchNorm2d(2, track_running_stats=False, bias=False)"),
        ("embedding", "nn.Embedding(5, 3, padding_idx=-2, max_norm=1.0, norm_type=1.0, "
                      "scale_grad_by_freq=True)"),
        ("embedding_pretrained", "nn.Embedding.from_pretrained(torch.ones(2, 3), padding_idx=0)")):
    add("nn_module2/repr/%s" % _name,
        lambda t, make=_make: (lambda m: (m, [(n, p) for n, p in m.named_parameters()] if hasattr(
            m, "named_parameters") else None, list(m.state_dict()) if hasattr(m, "state_dict")
            else None))(_seeded(t, make)))


@case("nn_module2/module_list_api")
def _module_list_api(t):
    nn = t.nn
    m = nn.ModuleList([nn.ReLU(), nn.Tanh()])
    m.append(nn.Sigmoid())
    m.insert(1, nn.ELU())
    m.extend([nn.GELU()])
    popped = m.pop(0)
    del m[-1]
    m[0] = nn.SELU()
    m += [nn.Identity()]
    return (m, popped, len(m), m[1:], m + nn.ModuleList([nn.ReLU()]), list(m.state_dict()),
            [n for n, _ in m.named_modules()])


@case("nn_module2/module_dict_api")
def _module_dict_api(t):
    nn = t.nn
    d = nn.ModuleDict({"a": nn.ReLU()})
    d["b"] = nn.Tanh()
    d.update([("c", nn.ELU())])
    popped = d.pop("a")
    return d, popped, list(d.keys()), "b" in d, len(d), [type(v).__name__ for v in d.values()]


@case("nn_module2/parameter_containers_api")
def _parameter_containers(t):
    nn = t.nn
    pl = nn.ParameterList([t.ones(2)])
    pl.append(t.zeros(3))
    pl.extend([nn.Parameter(t.full((1,), 2.0))])
    pd = nn.ParameterDict({"x": t.ones(1)})
    pd["y"] = t.zeros(2)
    pd.update({"w": t.ones(3), "v": t.zeros(1)})
    return (pl, pl[1], len(pl), list(pl.named_parameters()), pd, list(pd.keys()),
            pd.get("z"), list(pd.state_dict()), pd.pop("x"), pl[0:2])


@case("nn_module2/parameter_dict_key_error", error=True)
def _parameter_dict_key(t):
    return t.nn.ParameterDict()[1]


@case("nn_module2/module_list_index_error", error=True)
def _module_list_index(t):
    return t.nn.ModuleList([t.nn.ReLU()])[2]


@case("nn_module2/module_list_extend_error", error=True)
def _module_list_extend(t):
    return t.nn.ModuleList().extend(3)


@case("nn_module2/parameter_list_call", error=True)
def _parameter_list_call(t):
    return t.nn.ParameterList()(1)


@case("nn_module2/lookups")
def _lookups(t):
    t.manual_seed(0)
    nn = t.nn
    m = nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2))
    m.add_module("head", nn.ModuleDict({"out": nn.Linear(2, 1)}))
    m.register_module("extra", nn.Tanh())
    m.register_buffer("scale", t.ones(1), persistent=False)
    seen = []
    m.apply(lambda mod: seen.append(type(mod).__name__))
    return (m.get_parameter("head.out.bias"), m.get_submodule("head.out"),
            m.get_buffer("1.running_var"), m.get_submodule(""), seen,
            [n for n, _ in m.named_modules()], [n for n, _ in m.named_children()],
            [n for n, _ in m.named_buffers()], list(m.state_dict()))


for _name, _call in (("missing_submodule", "m.get_submodule('0.foo')"),
                     ("not_a_module", "m.get_submodule('0.weight')"),
                     ("not_a_parameter", "m.get_parameter('1.running_mean')"),
                     ("missing_parameter", "m.get_parameter('2.weight')"),
                     ("not_a_buffer", "m.get_buffer('0.weight')"),
                     ("add_module_dot", "m.add_module('a.b', torch.nn.ReLU())"),
                     ("add_module_not_module", "m.add_module('x', 3)"),
                     ("buffer_not_tensor", "m.register_buffer('x', 3)")):
    add("nn_module2/lookup_error/%s" % _name,
        lambda t, call=_call: eval(call, {"torch": t, "m": t.nn.Sequential(
            t.nn.Linear(2, 2), t.nn.BatchNorm1d(2))}), error=True)


@case("nn_module2/activation_values")
def _activation_values(t):
    t.manual_seed(0)
    nn = t.nn
    x = t.tensor(X, requires_grad=True)
    mods = [nn.ELU(), nn.SELU(), nn.CELU(0.5), nn.GELU(), nn.GELU("tanh"), nn.SiLU(), nn.Mish(),
            nn.LeakyReLU(0.1), nn.PReLU(), nn.PReLU(4, 0.5), nn.ReLU6(), nn.Hardtanh(-0.5, 0.5),
            nn.Hardsigmoid(), nn.Hardswish(), nn.Hardshrink(0.4), nn.Softshrink(0.4),
            nn.Tanhshrink(), nn.Softsign(), nn.Softplus(2.0), nn.Softmin(1), nn.LogSigmoid(),
            nn.Threshold(0.2, -1.0), nn.GLU(1)]
    outs = [m(x) for m in mods]
    return [(o, graph(o.grad_fn, 2)) for o in outs]


@case("nn_module2/prelu_trains")
def _prelu_trains(t):
    nn = t.nn
    m = nn.PReLU(4)
    x = t.tensor(X)
    opt = t.optim.SGD(m.parameters(), lr=0.1)
    for _ in range(3):
        opt.zero_grad()
        (m(x) ** 2).sum().backward()
        opt.step()
    return m.weight, m.weight.grad


@case("nn_module2/loss_values")
def _loss_values(t):
    t.manual_seed(0)
    nn = t.nn
    a = t.randn(3, 4, requires_grad=True)
    b = t.randn(3, 4)
    y = t.tensor([1.0, -1.0, 1.0])
    cls = t.tensor([0, 3, 1])
    multi = t.tensor([[0, 2, -1, 0], [3, -1, 0, 0], [1, 2, 3, -1]])
    return (nn.SmoothL1Loss(beta=0.5)(a, b), nn.HuberLoss(delta=0.7, reduction="sum")(a, b),
            nn.KLDivLoss(reduction="sum")(a.log_softmax(1), b.softmax(1)),
            nn.CosineEmbeddingLoss(0.1)(a, b, y), nn.MarginRankingLoss(0.2)(a[:, 0], b[:, 0], y),
            nn.HingeEmbeddingLoss(reduction="none")(a[0], t.tensor([1.0, -1, -1, 1])),
            nn.TripletMarginLoss(swap=True)(a, b, b.flip(0)),
            nn.PoissonNLLLoss(full=True)(a, b.abs()), nn.GaussianNLLLoss()(a, b, t.ones(3, 4)),
            nn.SoftMarginLoss()(a, b.sign()), nn.MultiLabelSoftMarginLoss()(a, (b > 0).float()),
            nn.MultiMarginLoss(p=2, margin=0.5)(a, cls), nn.MultiLabelMarginLoss()(a, multi),
            nn.CosineSimilarity(dim=0)(a, b), nn.PairwiseDistance(p=1.0, keepdim=True)(a, b),
            nn.Unflatten(1, (2, 2))(a))


for _name, _call in (("huber_delta", "nn.HuberLoss(delta='a')"),
                     ("triplet_margin", "nn.TripletMarginLoss(margin=0)"),
                     ("multi_margin_p", "nn.MultiMarginLoss(p=3)"),
                     ("unflatten_int", "nn.Unflatten(1, 4)"),
                     ("unflatten_float", "nn.Unflatten(1, (2, 2.0))"),
                     ("hardtanh_bounds", "nn.Hardtanh(1, 0)"),
                     ("softmax2d", "nn.Softmax2d()(torch.ones(2, 2))"),
                     ("batch_norm_dim", "nn.BatchNorm1d(3)(torch.ones(2, 3, 4, 5))"),
                     ("batch_norm_one_value", "nn.BatchNorm1d(3)(torch.ones(1, 3))"),
                     ("batch_norm_channels", "nn.BatchNorm1d(4)(torch.ones(2, 3))"),
                     ("layer_norm_shape", "nn.LayerNorm(4)(torch.ones(2, 3))"),
                     ("layer_norm_int_shape", "nn.functional.layer_norm(torch.ones(2, 3), 3)"),
                     ("layer_norm_weight", "nn.functional.layer_norm(torch.ones(2, 3), (3,), "
                                           "torch.ones(4))"),
                     ("layer_norm_long", "nn.functional.layer_norm(torch.ones(2, 3, dtype=torch.long), (3,))"),
                     ("embedding_range", "nn.Embedding(3, 2)(torch.tensor([3]))"),
                     ("embedding_negative", "nn.Embedding(3, 2)(torch.tensor([-1]))"),
                     ("embedding_float", "nn.Embedding(3, 2)(torch.tensor([1.0]))"),
                     ("embedding_padding", "nn.Embedding(3, 2, padding_idx=3)"),
                     ("dropout1d_dim", "nn.Dropout1d()(torch.ones(3))"),
                     ("dropout_p", "nn.Dropout2d(2.0)")):
    add("nn_module2/bad_argument/%s" % _name,
        lambda t, call=_call: eval(call, {"nn": t.nn, "torch": t}), error=True)


def _mlp(t, norm):
    nn = t.nn
    t.manual_seed(0)
    # No bias before the norm: its true gradient is 0, and Adam would magnify the rounding
    # noise there (matmul's last bits are a known gap) into lr-sized steps.
    model = nn.Sequential(nn.Linear(4, 8, bias=False), norm(8), nn.ReLU(), nn.Linear(8, 3))
    x = t.randn(16, 4)
    y = t.randint(0, 3, (16,))
    opt = t.optim.Adam(model.parameters(), lr=0.01)
    losses, norms = [], []
    for _ in range(5):
        opt.zero_grad()
        loss = nn.CrossEntropyLoss()(model(x), y)
        loss.backward()
        norms.append(round(t.nn.utils.clip_grad_norm_(model.parameters(), 0.5).item(), 4))
        opt.step()
        losses.append(round(loss.item(), 4))  # matmul's last bits are a known gap (BLAS)
    model.eval()
    out = model(x[:3])
    return losses, norms, out, graph(out.grad_fn, 4), model, list(model.state_dict())


@case("nn_module2/train_layer_norm")
def _train_layer_norm(t):
    return _mlp(t, t.nn.LayerNorm) + (t.nn.LayerNorm(8).weight,)


@case("nn_module2/train_batch_norm")
def _train_batch_norm(t):
    result = _mlp(t, t.nn.BatchNorm1d)
    bn = result[4][1]
    return result + (bn.running_mean, bn.running_var, bn.num_batches_tracked)


@case("nn_module2/batch_norm_modes")
def _batch_norm_modes(t):
    nn = t.nn
    x = t.tensor(X, requires_grad=True)
    cumulative = nn.BatchNorm1d(4, momentum=None)
    outs = [cumulative(x), cumulative(x * 2)]
    untracked = nn.BatchNorm1d(4, track_running_stats=False, affine=False)
    outs.append(untracked(x))
    untracked.eval()
    outs.append(untracked(x))
    seq = nn.BatchNorm1d(2)
    three_d = t.tensor(X).reshape(2, 2, 3).requires_grad_()
    outs.append(seq(three_d))
    outs[-1].sum().backward()
    seq.eval()
    outs.append(seq(three_d))
    outs.append(nn.functional.batch_norm(x, t.zeros(4), t.ones(4), training=False))
    grads = t.autograd.grad((outs[0] * t.arange(12.0).reshape(3, 4)).sum(), x)
    return (outs, [graph(o.grad_fn, 2) for o in outs], cumulative.running_mean,
            cumulative.running_var, cumulative.num_batches_tracked, grads, three_d.grad,
            seq.running_var)


@case("nn_module2/layer_norm_values")
def _layer_norm_values(t):
    F = t.nn.functional
    x = t.tensor(X, requires_grad=True)
    w = t.tensor([1.0, 2.0, 0.5, -1.0], requires_grad=True)
    b = t.tensor([0.1, 0.0, -0.2, 0.3], requires_grad=True)
    outs = [F.layer_norm(x, (4,), w, b), F.layer_norm(x, (4,)), F.layer_norm(x, (3, 4), eps=0.1),
            F.layer_norm(x.double(), (4,), w.double())]
    grads = t.autograd.grad((outs[0] * t.arange(12.0).reshape(3, 4)).sum(), (x, w, b))
    return outs, [graph(o.grad_fn, 2) for o in outs], grads


@case("nn_module2/embedding")
def _embedding(t):
    t.manual_seed(0)
    nn = t.nn
    e = nn.Embedding(6, 3, padding_idx=2)
    idx = t.tensor([[0, 2, 5], [5, 5, 1]])
    out = e(idx)
    out.backward(t.arange(18.0).reshape(2, 3, 3))
    scaled = nn.Embedding(4, 2, scale_grad_by_freq=True)
    o2 = scaled(t.tensor([1, 1, 3]))
    o2.sum().backward()
    renorm = nn.Embedding(4, 3, max_norm=1.0)
    o3 = renorm(t.tensor([0, 2]))
    return (out, graph(out.grad_fn, 2), e.weight.grad, o2, scaled.weight.grad, o3,
            renorm.weight, nn.functional.embedding(t.tensor([1]), t.eye(3)))


@case("nn_module2/channel_dropout")
def _channel_dropout(t):
    t.manual_seed(0)
    nn = t.nn
    x = t.ones(2, 3, 4, requires_grad=True)
    outs = [nn.Dropout1d(0.5)(x), nn.Dropout1d(0.5)(x[0]), nn.Dropout2d(0.4)(t.ones(2, 3, 2, 2)),
            nn.Dropout3d()(t.ones(2, 2, 1, 1, 2)), nn.functional.dropout2d(x, 0.5),
            nn.functional.dropout1d(x, 1.0), nn.functional.dropout1d(x, 0.5, training=False)]
    d = nn.Dropout2d()
    d.eval()
    return outs, [graph(o.grad_fn, 3) for o in outs], d(x) is x, t.rand(1)
