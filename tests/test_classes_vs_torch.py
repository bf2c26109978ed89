"""Class statements and torch.autograd.Function: scripts run by `gradrepl run` print what
`python FILE.py` prints under real PyTorch (memory addresses aside), and a piped session
what Python's console prints."""

import code
import contextlib
import io
import re

import pytest

from gradrepl.cli import piped_session, run_file
from gradrepl.render import PlainOutput
from torch_scripts import run_under_torch

_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")

PRELUDE = """\
import torch
from torch.autograd import Function
x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
def show(f):
    try:
        print(f())
    except Exception as e:
        print(repr(e))
class Exp(Function):
    @staticmethod
    def forward(ctx, i):
        result = i.exp()
        ctx.save_for_backward(result)
        return result
    @staticmethod
    def backward(ctx, grad_output):
        result, = ctx.saved_tensors
        return grad_output * result
class Sq(Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return a ** 2
    @staticmethod
    def backward(ctx, g):
        a, = ctx.saved_tensors
        return 2 * a * g
"""

SCRIPTS = {
    "exp_apply": """
y = Exp.apply(x)
print(y)
print(y.grad_fn)
print(type(y.grad_fn), y.grad_fn.name(), y.grad_fn.next_functions, y.grad_fn.metadata)
print(type(Exp), Exp.apply, isinstance(y.grad_fn, torch.autograd.function.BackwardCFunction))
print(y.grad_fn.needs_input_grad, y.grad_fn.saved_tensors)
print(y.grad_fn.name, y.grad_fn.save_for_backward, y.grad_fn.requires_grad)
print(torch.autograd.Function, Exp.forward, Exp.vjp is Exp.backward)
y.sum().backward()
print(x.grad)
show(lambda: y.grad_fn.saved_tensors)
y.sum().backward()
""",
    "retain_graph": """
y = Sq.apply(x)
y.sum().backward(retain_graph=True)
y.sum().backward()
print(x.grad, y.grad_fn.saved_tensors)
z = Sq.apply(x * 1)
print(z.grad_fn.next_functions)
""",
    "non_tensor_arguments": """
class Scale(Function):
    @staticmethod
    def forward(ctx, a, k, b=None):
        ctx.k = k
        print("needs", ctx.needs_input_grad)
        return a * k
    @staticmethod
    def backward(ctx, g):
        print("in backward", ctx.needs_input_grad, ctx.k)
        return g * ctx.k, None
z = Scale.apply(x, 3)
print(z, z.grad_fn.next_functions, z.grad_fn.k)
z.sum().backward()
print(x.grad)
Scale.apply(x, 3, torch.ones(3)).sum().backward()
""",
    "wrong_gradient_count": """
class Extra(Function):
    @staticmethod
    def forward(ctx, a, b):
        return a * b
    @staticmethod
    def backward(ctx, g):
        return g, g, None, None
Extra.apply(x, x).sum().backward()
print(x.grad)
class TooMany(Function):
    @staticmethod
    def forward(ctx, a, b):
        return a * b
    @staticmethod
    def backward(ctx, g):
        return g, g, g
TooMany.apply(x, x).sum().backward()
""",
    "too_few_gradients": """
class TooFew(Function):
    @staticmethod
    def forward(ctx, a, k):
        return a * k
    @staticmethod
    def backward(ctx, g):
        return g
TooFew.apply(x, 2).sum().backward()
""",
    "gradient_for_a_number": """
class ForNumber(Function):
    @staticmethod
    def forward(ctx, a, k):
        return a * k
    @staticmethod
    def backward(ctx, g):
        return g, g
ForNumber.apply(x, 2).sum().backward()
""",
    "wrong_shape": """
class Shape(Function):
    @staticmethod
    def forward(ctx, a):
        return a.sum()
    @staticmethod
    def backward(ctx, g):
        return torch.ones(2, 3)
Shape.apply(x).backward()
""",
    "broadcast_and_cast": """
class Wide(Function):
    @staticmethod
    def forward(ctx, a):
        return a.sum()
    @staticmethod
    def backward(ctx, g):
        return torch.ones(4, 3, dtype=torch.float64)
Wide.apply(x).backward()
print(x.grad, x.grad.dtype)
""",
    "not_a_tensor": """
class Number(Function):
    @staticmethod
    def forward(ctx, a):
        return a.sum()
    @staticmethod
    def backward(ctx, g):
        return 3
Number.apply(x).backward()
""",
    "legacy": """
class Legacy(Function):
    def forward(self, a):
        return a
    def backward(self, g):
        return g
show(lambda: Legacy.apply(x))
""",
    "setup_context": """
class Split(Function):
    @staticmethod
    def forward(a, k=2):
        return a * k, a.argmax()
    @staticmethod
    def setup_context(ctx, inputs, output):
        print("setup", len(inputs), inputs[1], isinstance(output, tuple))
        ctx.save_for_backward(inputs[0])
        ctx.k = inputs[1]
        ctx.mark_non_differentiable(output[1])
    @staticmethod
    def backward(ctx, g, g_index):
        print("grads", g, g_index)
        a, = ctx.saved_tensors
        return g * ctx.k, None
p, i = Split.apply(x)
print(p, i, i.requires_grad, p.grad_fn.next_functions)
p.sum().backward()
print(x.grad)
p, i = Split.apply(x, k=5)
print(p)
""",
    "materialize_grads": """
class Two(Function):
    @staticmethod
    def forward(ctx, a, materialize):
        ctx.set_materialize_grads(materialize)
        return a * 2, a * 3
    @staticmethod
    def backward(ctx, g1, g2):
        print("grads", g1, g2)
        return (g2 * 3 if g2 is not None else None), None
p, q = Two.apply(x, False)
print(p, q, q.grad_fn is p.grad_fn)
q.sum().backward()
p, q = Two.apply(x, True)
q.sum().backward()
print(x.grad)
""",
    "outputs": """
class Outputs(Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2, 5, a.long()
    @staticmethod
    def backward(ctx, g, h, k):
        print("grads", g, h, k)
        return g
o = Outputs.apply(x)
print(o)
o[0].sum().backward()
class Same(Function):
    @staticmethod
    def forward(ctx, a):
        return a
    @staticmethod
    def backward(ctx, g):
        return g * 10
y = Same.apply(x)
print(y, y is x)
y.sum().backward()
print(x.grad)
""",
    "mark_dirty": """
class Double(Function):
    @staticmethod
    def forward(ctx, a):
        a.mul_(2)
        ctx.mark_dirty(a)
        return a
    @staticmethod
    def backward(ctx, g):
        return g * 2
c = x * 1
d = Double.apply(c)
print(d is c, c, c.grad_fn)
d.sum().backward()
print(x.grad)
Double.apply(x)
""",
    "double_backward": """
y = Sq.apply(x)
g, = torch.autograd.grad(y.sum(), x, create_graph=True)
print(g)
g2, = torch.autograd.grad(g.sum(), x)
print(g2)
y = Exp.apply(x)
g, = torch.autograd.grad(y.sum(), x, create_graph=True)
print(g, g.grad_fn.next_functions)
print(torch.autograd.grad(g.sum(), x))
print(torch.autograd.gradcheck(Sq.apply, (torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True),)))
print(torch.autograd.gradgradcheck(Exp.apply, (torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True),)))
""",
    "once_differentiable": """
from torch.autograd.function import once_differentiable
class Once(Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return a ** 2
    @staticmethod
    @once_differentiable
    def backward(ctx, g):
        a, = ctx.saved_tensors
        print("grad mode", torch.is_grad_enabled())
        return 2 * a * g
y = Once.apply(x)
w = torch.ones(3, requires_grad=True)
g, = torch.autograd.grad(y, x, w, create_graph=True)
print(g, g.grad_fn, g.grad_fn.name(), g.grad_fn.next_functions)
g.sum().backward()
""",
    "saved_tensor_modified": """
b = x * 1
y = Sq.apply(b)
b.add_(1)
y.sum().backward()
""",
    "no_grad_and_plain_inputs": """
with torch.no_grad():
    y = Sq.apply(x)
print(y, y.grad_fn, y.requires_grad)
y = Sq.apply(torch.tensor([1.0, 2.0]))
print(y, y.grad_fn)
class BadSave(Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a, 3)
        return a
    @staticmethod
    def backward(ctx, g):
        return g
BadSave.apply(x)
""",
    "not_implemented": """
class NoBackward(Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2
print(NoBackward.apply(x))
class NoForward(Function):
    pass
show(lambda: NoForward.apply(x))
show(lambda: Exp.apply(x, k=1))
show(lambda: Exp.apply())
NoBackward.apply(x).sum().backward()
""",
    "node_hooks": """
y = Exp.apply(x)
y.grad_fn.register_prehook(lambda gs: print("pre", gs))
y.grad_fn.register_hook(lambda gi, go: print("post", gi, go))
y.sum().backward()
""",
    "user_classes": """
class Point:
    '''A point.'''
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __rmul__(self, k):
        return Point(k * self.x, k * self.y)
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __iter__(self):
        return iter((self.x, self.y))
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __bool__(self):
        return bool(self.x or self.y)
    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    @norm.setter
    def norm(self, value):
        self.x = value
    @staticmethod
    def origin():
        return Point(0, 0)
    @classmethod
    def unit(cls):
        return cls(1, 0)
class Point3(Point):
    def __init__(self, x, y, z=0):
        super().__init__(x, y)
        self.z = z
    def __repr__(self):
        return "3" + super().__repr__()
p = Point(1, 2) + Point(3, 4)
print(p, 2 * p, p == Point(4, 6), len({p, Point(4, 6)}), list(p), p[1], len(p), bool(Point.origin()))
print(p.norm, Point.unit(), Point3.unit(), Point3(1, 2, 3), Point.dims, type(p), type(p) is Point)
p.norm = 10
print(p, isinstance(Point3(1, 2), Point), issubclass(Point3, Point), hasattr(p, "x"), [n for n in dir(Point3(1, 2)) if n[0] != "_"])
print(Point(torch.ones(2), torch.zeros(2)) + Point(x, x * 0))
Point.count = 1
print(Point3.count)
print(p.z)
""",
    "exceptions_and_protocols": """
class StepError(ValueError):
    def __init__(self, step):
        super().__init__("bad step %d" % step)
        self.step = step
try:
    raise StepError(3)
except ValueError as e:
    print(repr(e), e, e.step, e.args, isinstance(e, StepError))
class Timer:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, kind, value, tb):
        print("exit", kind is ZeroDivisionError, value)
        return True
with Timer() as t:
    1 / 0
class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i == self.n:
            raise StopIteration
        self.i += 1
        return self.i
    def __call__(self, v):
        return v * self.n
    def __contains__(self, v):
        return 0 < v <= self.n
print(list(Counter(3)), Counter(2)(x), 2 in Counter(3), 5 in Counter(3))
raise StepError(7)
""",
}

# A torch.nn.Module of the user's, trained by torch.optim (nn.Module is subclassable).
SCRIPTS["module_subclass"] = """
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

class Net(nn.Module):
    def __init__(self, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(2, hidden)
        self.fc2 = nn.Linear(hidden, 1)
        self.scale = 2.0

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x))) * self.scale

net = Net()
print(net)
X = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
Y = torch.tensor([[0.], [1.], [1.], [0.]])
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
for step in range(200):
    opt.zero_grad()
    loss = F.mse_loss(net(X), Y)
    loss.backward()
    opt.step()
    if step % 50 == 0:
        print(step, round(loss.item(), 4))
print(net(X).detach().round(decimals=2))
print([name for name, _ in net.named_parameters()])
print(sum(p.numel() for p in net.parameters()))
print(net.fc1.weight.grad.shape, net.training)
net.eval()
print(net.training, isinstance(net, nn.Module))
print(net.state_dict().keys())
"""


@pytest.fixture(scope="module")
def under_torch(tmp_path_factory):
    pytest.importorskip("torch")
    folder = tmp_path_factory.mktemp("classes")
    paths = {}
    for name, body in SCRIPTS.items():
        paths[name] = folder / (name + ".py")
        paths[name].write_text(PRELUDE + body)
    results = run_under_torch(paths.values())
    return {name: (path, results[str(path)]) for name, path in paths.items()}


@pytest.mark.parametrize("name", SCRIPTS)
def test_script_prints_what_pytorch_prints(name, under_torch):
    path, (expected_out, expected_error) = under_torch[name]
    out, err = io.StringIO(), io.StringIO()
    code = run_file(str(path), PlainOutput(out, err))
    assert _ADDRESS.sub("0x", out.getvalue()) == _ADDRESS.sub("0x", expected_out)
    error_lines = err.getvalue().strip().splitlines()
    assert (error_lines[-1] if error_lines else "") == expected_error
    assert code == (1 if expected_error else 0)


# A session typed at the prompt: a class block ends at a blank line, as in Python's REPL
# (a blank line inside it ends it early: the next indented line is an IndentationError).
SESSION = """\
class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return a ** 3
    @staticmethod
    def backward(ctx, g):
        a, = ctx.saved_tensors
        return 3 * a ** 2 * g

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = Cube.apply(x)
y
y.grad_fn
y.sum().backward()
x.grad
class Broken:
    def f(self):
        return 1

    def g(self):
        return 2

Broken().f()
"""


def _python_console(text):
    """What Python's interactive console prints for the session, torch imported."""
    out = io.StringIO()
    console = code.InteractiveConsole({"torch": pytest.importorskip("torch")})
    lines = iter(text.splitlines())

    def raw_input(prompt=""):
        try:
            return next(lines)
        except StopIteration:
            raise EOFError
    console.raw_input = raw_input
    errors = []
    console.write = errors.append
    with contextlib.redirect_stdout(out):
        console.interact(banner="", exitmsg="")
    error_lines = [line for chunk in errors for line in chunk.splitlines()
                   if line and not line.startswith((" ", "Traceback"))]
    return out.getvalue(), error_lines


def test_a_typed_session_prints_what_pythons_console_prints():
    expected_out, expected_errors = _python_console(SESSION)
    out, err = io.StringIO(), io.StringIO()
    piped_session(SESSION, PlainOutput(out, err))
    assert _ADDRESS.sub("0x", out.getvalue()) == _ADDRESS.sub("0x", expected_out)
    assert err.getvalue().splitlines() == expected_errors


def test_instantiating_a_function_warns_and_calling_it_is_the_legacy_error():
    out, err = io.StringIO(), io.StringIO()
    piped_session("class Exp(torch.autograd.Function):\n    @staticmethod\n"
                  "    def forward(ctx, a):\n        return a.exp()\n\n"
                  "Exp()(torch.ones(1))\n", PlainOutput(out, err))
    assert err.getvalue().splitlines() == [
        "<stdin>:1: DeprecationWarning: <class '__main__.Exp'> should not be instantiated. "
        "Methods on autograd functions are all static, so you should invoke them on the class itself. "
        "Instantiating an autograd function will raise an error in a future version of PyTorch.",
        "RuntimeError: Legacy autograd function with non-static forward method is deprecated. "
        "Please use new-style autograd function with static forward method. (Example: "
        "https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)"]
