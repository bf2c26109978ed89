# Softmax regression on 3 synthetic classes: label counts, randperm minibatches, cross_entropy, accuracy per epoch
import torch
import torch.nn.functional as F
torch.manual_seed(0)
N, D, C = 150, 4, 3
X = torch.randn(N, D)
true_W = torch.randn(D, C)
y = (X @ true_W).argmax(dim=1)
print(y[:10], y.dtype, torch.bincount(y), y.bincount(minlength=5))
W = torch.zeros(D, C, requires_grad=True)
b = torch.zeros(C, requires_grad=True)
for epoch in range(5):
    perm = torch.randperm(N)
    total = 0.0
    for i in range(0, N, 32):
        idx = perm[i:i + 32]
        loss = F.cross_entropy(X[idx] @ W + b, y[idx])
        loss.backward()
        with torch.no_grad():
            W -= 0.5 * W.grad
            b -= 0.5 * b.grad
        W.grad = None
        b.grad = None
        total += loss.item() * len(idx)
    acc = ((X @ W + b).argmax(1) == y).float().mean()
    print(f"epoch {epoch}: avg loss {total / N:.4f}, accuracy {acc:.2%}")

pred = (X @ W + b).argmax(1)
print(torch.bincount(pred, minlength=3), torch.bincount(y, weights=(pred == y).float()))
print(F.softmax(X[:3] @ W + b, dim=1))
