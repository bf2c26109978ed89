# Linear regression by manual SGD from torch.manual_seed + randn data (PyTorch's random stream)
import torch
torch.manual_seed(0)
X = torch.randn(50, 3)
true_w = torch.tensor([[1.5], [-2.0], [0.7]])
y = X @ true_w + 0.3 + 0.01 * torch.randn(50, 1)
w = torch.randn(3, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
print(w)
lr = 0.1
for epoch in range(100):
    y_hat = X @ w + b
    loss = ((y_hat - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad.zero_()
    b.grad.zero_()
    if epoch % 20 == 0:
        print(f"epoch {epoch:3d} loss {loss.item():.6f}")
print(w)
print(b)
print(w.grad, b.grad)
print(loss)
