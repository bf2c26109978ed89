# Softmax regression: log-probabilities via logsumexp, picked with fancy indexing, checked against F.cross_entropy
import torch
import torch.nn.functional as F
torch.manual_seed(1)
X = torch.randn(30, 4)
labels = torch.randint(0, 3, (30,))
print(labels)
W = torch.zeros(4, 3, requires_grad=True)
for it in range(51):
    logits = X @ W
    logp = logits - logits.logsumexp(dim=1, keepdim=True)
    loss = -logp[torch.arange(30), labels].mean()
    loss.backward()
    with torch.no_grad():
        W -= 1.0 * W.grad
        W.grad.zero_()
    if it % 10 == 0:
        ref = F.cross_entropy(X @ W, labels)
        print(f"it {it} loss {loss.item():.4f} ref {ref.item():.4f}")
pred = (X @ W).argmax(dim=1)
print(pred)
print((pred == labels).float().mean())
print(pred.eq(labels).sum().item(), "of", len(labels))
print(logp.grad_fn, loss.grad_fn)
