# Derivatives explored with torch.autograd.functional (jacobian, hessian, vjp, jvp, hvp) and checked with gradcheck
import torch
from torch.autograd.functional import jacobian, hessian, vjp, jvp, hvp
from torch.autograd.gradcheck import gradcheck, GradcheckError


def f(v):
    return torch.stack([v[0] * v[1], v[1] ** 2 + v[2], torch.sin(v[0]) * v[2]])


x = torch.tensor([1.0, 2.0, 3.0])
J = jacobian(f, x)
print(J)
print(J.shape)

# Two inputs, two outputs: a tuple (per output) of tuples (per input).
def g(a, b):
    return a * b, (a ** 2 + b).sum()


a = torch.tensor([1.0, -2.0])
b = torch.tensor([0.5, 3.0])
for i, row in enumerate(jacobian(g, (a, b))):
    for j, block in enumerate(row):
        print("d out%d / d in%d:" % (i, j), block)

# Second derivatives of a scalar function: the Hessian, and products with it.
def energy(p):
    return (p ** 3).sum() + p[0] * p[1]


p = torch.tensor([1.0, 2.0])
H = hessian(energy, p)
print(H)
value, Hv = hvp(energy, p, torch.tensor([1.0, 0.0]))
print(value, Hv)
print(torch.allclose(Hv, H @ torch.tensor([1.0, 0.0])))

# vjp and jvp: a row and a column of the Jacobian, without building it.
out, row = vjp(f, x, torch.tensor([1.0, 0.0, 0.0]))
print(out, row)
out, column = jvp(f, x, torch.tensor([0.0, 0.0, 1.0]))
print(column)

# create_graph=True keeps the result differentiable.
w = torch.tensor([0.5, -1.0], requires_grad=True)
Jw = jacobian(lambda t: t.tanh() * 2, w, create_graph=True)
print(Jw)
Jw.sum().backward()
print(w.grad)

# Independent inputs get zeros; strict=True refuses them.
print(jacobian(lambda s, t: s * 2, (a, b))[1])
try:
    jacobian(lambda s, t: s * 2, (a, b), strict=True)
except RuntimeError as e:
    print(e)

# gradcheck: analytical gradients against central differences (in float64).
xd = torch.tensor([0.3, -1.2, 2.0], dtype=torch.float64, requires_grad=True)
print(gradcheck(lambda t: (t.sin() * t).cumsum(0), (xd,)))
print(torch.autograd.gradgradcheck(lambda t: t.exp() * t, (xd,)))
try:
    gradcheck(lambda t: t * t.detach(), (xd,))
except GradcheckError as e:
    print(type(e), isinstance(e, RuntimeError))
    print(e)
print(gradcheck(lambda t: t * t.detach(), (xd,), raise_exception=False))
