# XOR with a 2-layer tanh/sigmoid net, p.data -= lr * p.grad and binary_cross_entropy
import torch
torch.manual_seed(3)
X = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
y = torch.tensor([[0.], [1.], [1.], [0.]])
W1 = torch.randn(2, 4, requires_grad=True)
b1 = torch.zeros(4, requires_grad=True)
W2 = torch.randn(4, 1, requires_grad=True)
b2 = torch.zeros(1, requires_grad=True)
lr = 0.5
for i in range(1000):
    h = torch.tanh(X @ W1 + b1)
    out = torch.sigmoid(h @ W2 + b2)
    loss = torch.nn.functional.binary_cross_entropy(out, y)
    for p in (W1, b1, W2, b2):
        p.grad = None
    loss.backward()
    for p in (W1, b1, W2, b2):
        p.data -= lr * p.grad
    if i % 200 == 0:
        print(f"iter {i}: loss={loss.item():.4e}")
print(out.detach())
print(out.round())
print(W1.grad)
print(loss)
