# Gradient clipping by hand: by total norm (mul_) and by value (clamp_)
import torch
torch.manual_seed(0)
w = torch.randn(4, requires_grad=True)
x = torch.randn(4) * 10
loss = (w * x).sum() ** 2
loss.backward()
print("raw grad", w.grad)
total_norm = w.grad.norm(2)
print(f"norm {total_norm.item():.4f}")
max_norm = 1.0
clip_coef = max_norm / (total_norm + 1e-6)
if clip_coef < 1:
    w.grad.mul_(clip_coef)
print("clipped", w.grad, w.grad.norm().item())
w.grad.clamp_(-0.3, 0.3)
print(w.grad)
print(torch.clamp(torch.tensor([-2., 0.5, 3.]), min=-1, max=1))
