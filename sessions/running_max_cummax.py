# A noisy training curve: best-so-far loss with cummin, drawdown with cummax, and where the gradient of each goes
import torch
torch.manual_seed(3)
losses = (2.0 * torch.exp(-torch.arange(12.0) / 4) + 0.2 * torch.rand(12)).requires_grad_()
best, when = torch.cummin(losses, dim=0)
print(losses)
print(best, when)
best.sum().backward()
print(losses.grad)
value = torch.cumsum(torch.tensor([1.0, 3.0, -2.0, 4.0, -5.0, 2.0, 6.0]), 0)
peak = value.cummax(0)
print(peak)
drawdown = peak.values - value
print(drawdown, drawdown.max(), drawdown.argmax())
x = torch.tensor([[2.0, 1.0, 3.0], [0.5, 0.5, 0.1]], requires_grad=True)
v, i = x.cummax(dim=1)
(v * torch.tensor([1.0, 10.0, 100.0])).sum().backward()
print(v, i, x.grad)
