# Embedding lookup with F.embedding, unit-norm rows with F.normalize, cosine similarities and their gradients
import torch
import torch.nn.functional as F
torch.manual_seed(17)
E = torch.randn(6, 5, requires_grad=True)
ids = torch.tensor([[0, 3], [5, 3], [1, 1]])
vecs = F.embedding(ids, E)
print(vecs.shape, vecs.grad_fn)
a, b = vecs[:, 0], vecs[:, 1]
print(a.norm(dim=1), F.normalize(a, dim=1).norm(dim=1))
cos = F.cosine_similarity(a, b)
manual = (F.normalize(a, dim=1) * F.normalize(b, dim=1)).sum(1)
print(cos, manual)
loss = (1 - cos).mean()
loss.backward()
print(loss, E.grad)
print(E.grad.norm(dim=1), E.grad.norm())
with torch.no_grad():
    print(F.embedding(torch.tensor([0, 2]), E, max_norm=1.0), E.norm(dim=1))
