# Newton's method: f' and f'' from torch.autograd.grad(create_graph=True), x -= f'/f'' under no_grad
import torch
def f(x):
    return x ** 4 - 3 * x ** 2 + x
x = torch.tensor(2.0, requires_grad=True)
for i in range(8):
    y = f(x)
    g, = torch.autograd.grad(y, x, create_graph=True)
    h, = torch.autograd.grad(g, x)
    with torch.no_grad():
        x -= g / h
    print(f"iter {i}: x={x.item():.8f} f={y.item():+.6f} f'={g.item():.3e} f''={h.item():.4f}")
print(g)
print(h)
print(x)
