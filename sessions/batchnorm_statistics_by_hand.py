# Batch normalization by hand: per-feature mean/var (var, std, var_mean), normalized activations, gradients through the statistics
import torch
torch.manual_seed(12)
x = (torch.randn(8, 4) * torch.tensor([1.0, 5.0, 0.1, 2.0]) + 3).requires_grad_()
gamma = torch.ones(4, requires_grad=True)
beta = torch.zeros(4, requires_grad=True)
eps = 1e-5
mu = x.mean(0)
var = x.var(0, unbiased=False)
print(mu, var, x.std(0))
print(f"var of feature 1: {var[1].item()} (unbiased {x[:, 1].var().item()})")
xhat = (x - mu) / torch.sqrt(var + eps)
y = gamma * xhat + beta
print(y.mean(0).abs().max() < 1e-5, y.std(0, unbiased=False))
print(torch.var_mean(x.detach(), dim=1), torch.std_mean(x.detach()))
(y ** 3 / 8).sum().backward()
print(x.grad[:3], gamma.grad, beta.grad)
print(x.detach().T.var(1), x.detach().var().item(), x.detach().T.std().item())
