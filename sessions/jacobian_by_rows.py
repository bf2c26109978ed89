# A Jacobian built row by row: autograd.grad per output with retain_graph, or with one-hot grad_outputs
import torch
def f(v):
    return torch.stack([v[0] * v[1], v[1] ** 2 + v[2], torch.sin(v[0]) * v[2]])
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = f(x)
rows = []
for i in range(3):
    g, = torch.autograd.grad(y[i], x, retain_graph=True)
    rows.append(g)
J = torch.stack(rows)
print(J)
print(y)
J2 = torch.zeros(3, 3)
for i in range(3):
    e = torch.zeros(3)
    e[i] = 1.0
    J2[i] = torch.autograd.grad(y, x, grad_outputs=e, retain_graph=True)[0]
print(J2)
print(torch.equal(J, J2))
