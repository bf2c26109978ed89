"""The cubic-fit loop as source text: through gradrepl's language pipeline, and as plain Python."""

import gradrepl_engine

from cases import CUBIC_LR, CUBIC_POINTS, cubic_data
from timing import now

# What a user would type (PyTorch's tutorial); %(...)s are filled in per run.
SOURCE = """\
import math
x = torch.linspace(-math.pi, math.pi, %(points)d)
y = torch.sin(x)
a = torch.tensor(%(a)r, requires_grad=True)
b = torch.tensor(%(b)r, requires_grad=True)
c = torch.tensor(%(c)r, requires_grad=True)
d = torch.tensor(%(d)r, requires_grad=True)
learning_rate = %(lr)r
for t in range(%(steps)d):
    y_pred = a + b * x + c * x ** 2 + d * x ** 3
    loss = (y_pred - y).pow(2).sum()
    loss.backward()
    with torch.no_grad():
        a -= learning_rate * a.grad
        b -= learning_rate * b.grad
        c -= learning_rate * c.grad
        d -= learning_rate * d.grad
        a.grad = None
        b.grad = None
        c.grad = None
        d.grad = None
result = loss.item()
"""


def source(steps):
    a, b, c, d = cubic_data()[2]
    return SOURCE % dict(points=CUBIC_POINTS, a=a, b=b, c=c, d=d, lr=CUBIC_LR, steps=steps)


def plain(steps):
    """compile + exec on the engine, `torch` being gradrepl_engine: no allowlist, no guards."""
    src = source(steps)

    def run():
        namespace = {"torch": gradrepl_engine}
        begin = now()
        exec(compile(src, "<bench>", "exec"), namespace)
        return {"loop": now() - begin}, namespace["result"]
    return run


def session(steps):
    """Session.evaluate: parse, allowlist check, rewrite with guards, compile, exec."""
    from gradrepl.session import Output, Session

    class Discard(Output):
        def write(self, text):
            pass

        def echo(self, value):
            pass

        def warn(self, text):
            pass

    src = source(steps)

    def run():
        repl = Session(Discard())
        begin = now()
        outcome = repl.evaluate(src, filename="<bench>", echo=False)
        seconds = now() - begin
        if not outcome.ok:
            raise RuntimeError("the session failed: " + outcome.error.line)
        return {"loop": seconds}, repl.namespace["result"]
    return run
