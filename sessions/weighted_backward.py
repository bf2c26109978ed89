# Per-sample losses, backward(weights) as a vector-Jacobian product, checked by hand
import torch
torch.manual_seed(2)
w = torch.randn(3, requires_grad=True)
X = torch.randn(6, 3)
y = torch.randn(6)
per_sample = (X @ w - y) ** 2
print(per_sample)
weights = torch.tensor([1.0, 0.5, 0.25, 0.0, 2.0, 1.0])
per_sample.backward(weights)
print(w.grad)
manual = 2 * ((X @ w - y) * weights) @ X
print(manual)
print(torch.allclose(w.grad, manual.detach()))
print(per_sample.mean(), per_sample.std(), per_sample.var())
