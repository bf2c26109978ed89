# Logistic regression on two seeded blobs: sigmoid, log-loss, sub_ updates, accuracy with float().mean()
import torch
torch.manual_seed(42)
n = 40
x0 = torch.randn(n, 2) + torch.tensor([2.0, 2.0])
x1 = torch.randn(n, 2) - torch.tensor([2.0, 2.0])
X = torch.cat([x0, x1])
y = torch.cat([torch.zeros(n), torch.ones(n)])
w = torch.zeros(2, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
for step in range(200):
    p = torch.sigmoid(X @ w + b)
    loss = -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()
    loss.backward()
    with torch.no_grad():
        w.sub_(0.5 * w.grad)
        b.sub_(0.5 * b.grad)
        w.grad.zero_(); b.grad.zero_()
    if step % 50 == 0:
        print(f"{step:>4} {loss.item():>10.5f}")
acc = ((torch.sigmoid(X @ w + b) > 0.5).float() == y).float().mean()
print("accuracy", acc.item())
print(w, b)
print(p[:5])
