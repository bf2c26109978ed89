# A bigram model over a tiny alphabet: counts to probabilities, NLL, a one-hot gradient model, sampling with multinomial
import torch
import torch.nn.functional as F
words = ["abba", "baab", "abab", "bbaa", "aabb", "ab"]
stoi = {".": 0, "a": 1, "b": 2}
itos = {i: c for c, i in stoi.items()}
N = torch.zeros((3, 3), dtype=torch.int32)
xs, ys = [], []
for w in words:
    cs = ["."] + list(w) + ["."]
    for c1, c2 in zip(cs, cs[1:]):
        N[stoi[c1], stoi[c2]] += 1
        xs.append(stoi[c1])
        ys.append(stoi[c2])

print(N)
P = (N + 1).float()
P /= P.sum(1, keepdim=True)
xs, ys = torch.tensor(xs), torch.tensor(ys)
print(P, f"count model nll = {-P[xs, ys].log().mean().item():.4f}")
g = torch.Generator().manual_seed(2147483647)
W = torch.randn((3, 3), generator=g, requires_grad=True)
for k in range(100):
    probs = (F.one_hot(xs, num_classes=3).float() @ W).exp()
    probs = probs / probs.sum(1, keepdims=True)
    loss = -probs[torch.arange(len(xs)), ys].log().mean() + 0.01 * (W ** 2).mean()
    W.grad = None
    loss.backward()
    W.data += -10 * W.grad

print(f"gradient model loss = {loss.item():.4f}")
for i in range(4):
    out, ix = [], 0
    while True:
        ix = torch.multinomial(P[ix], num_samples=1, replacement=True, generator=g).item()
        if ix == 0:
            break
        out.append(itos[ix])
    print("".join(out))

print(torch.multinomial(P[1], 10, replacement=True, generator=g), torch.multinomial(P[0], 3, generator=g))
