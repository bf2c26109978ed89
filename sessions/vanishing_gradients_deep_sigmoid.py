# Vanishing gradients: per-layer gradient norms through 10 sigmoid, tanh and relu layers, and sigmoid's slope
import torch
torch.manual_seed(0)
x = torch.randn(16, 32)
for name, act in [("sigmoid", torch.sigmoid), ("tanh", torch.tanh), ("relu", torch.relu)]:
    Ws = [(torch.randn(32, 32) * 0.5).requires_grad_() for layer in range(10)]
    h = x
    for W in Ws:
        h = act(h @ W)
    loss = h.pow(2).mean()
    loss.backward()
    norms = [W.grad.norm().item() for W in Ws]
    print(f"{name:8s}", " ".join(f"{n:.1e}" for n in norms))
    print("  first/last: %.3g" % (norms[0] / norms[-1]))

print(h.grad_fn, loss.grad_fn)
s = torch.linspace(-6, 6, 7, requires_grad=True)
torch.sigmoid(s).sum().backward()
print(s.grad, s.grad.max().item())
