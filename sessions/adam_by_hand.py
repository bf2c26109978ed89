# Adam written by hand: moment estimates, bias correction, p -= lr * mhat / (sqrt(vhat) + eps)
import torch
torch.manual_seed(0)
x = torch.rand(100, 1) * 4 - 2
y = 3 * x - 0.5 + 0.1 * torch.randn(100, 1)
w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
params = [w, b]
m = [torch.zeros_like(p) for p in params]
v = [torch.zeros_like(p) for p in params]
lr, b1, b2, eps = 0.1, 0.9, 0.999, 1e-8
for t in range(1, 101):
    loss = ((x * w + b - y) ** 2).mean()
    for p in params:
        p.grad = None
    loss.backward()
    with torch.no_grad():
        for i, p in enumerate(params):
            m[i] = b1 * m[i] + (1 - b1) * p.grad
            v[i] = b2 * v[i] + (1 - b2) * p.grad ** 2
            mhat = m[i] / (1 - b1 ** t)
            vhat = v[i] / (1 - b2 ** t)
            p -= lr * mhat / (vhat.sqrt() + eps)
    if t % 25 == 0:
        print(f"t={t:3d} loss={loss.item():.5f} w={w.item():.4f} b={b.item():.4f}")
print(m, v)
