# Autograd vs central finite differences in float64 for tanh(x) * softplus(x)
import torch
def f(x):
    return (torch.tanh(x) * torch.nn.functional.softplus(x)).sum()
torch.manual_seed(7)
x = torch.randn(5, dtype=torch.float64, requires_grad=True)
f(x).backward()
analytic = x.grad.clone()
eps = 1e-6
numeric = []
for i in range(5):
    xp = x.detach().clone(); xp[i] += eps
    xm = x.detach().clone(); xm[i] -= eps
    numeric.append(((f(xp) - f(xm)) / (2 * eps)).item())
numeric = torch.tensor(numeric, dtype=torch.float64)
print(analytic)
print(numeric)
print(f"max abs err: {(analytic - numeric).abs().max().item():.3e}")
print(torch.allclose(analytic, numeric, atol=1e-8))
