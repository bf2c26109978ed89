# A small MLP on seeded data: LayerNorm and BatchNorm1d, Adam, clip_grad_norm_, eval mode
import torch
from torch import nn
torch.manual_seed(0)
X = torch.randn(32, 4)
y = (X[:, 0] * X[:, 1] > 0).long()


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(4, 16, bias=False), nn.BatchNorm1d(16), nn.ReLU(),
                                  nn.Linear(16, 16), nn.LayerNorm(16), nn.GELU())
        self.heads = nn.ModuleDict({"cls": nn.Linear(16, 2)})

    def forward(self, x):
        return self.heads["cls"](self.body(x))


net = Net()
print(net)
print(list(net.state_dict().keys()))
opt = torch.optim.Adam(net.parameters(), lr=0.01)
loss_fn = nn.CrossEntropyLoss()
for step in range(30):
    opt.zero_grad()
    loss = loss_fn(net(X), y)
    loss.backward()
    total = nn.utils.clip_grad_norm_(net.parameters(), max_norm=1.0)
    opt.step()
    if step % 10 == 0:
        print(f"step {step}: loss={loss.item():.3f} grad norm={total.item():.3f}")
print(net.body[1].running_mean[:4], net.body[1].num_batches_tracked)
net.eval()
with torch.no_grad():
    acc = (net(X).argmax(1) == y).float().mean()
print(f"accuracy {acc.item():.3f}")
out = net(X[:2])
print(out, out.grad_fn)
print(net.body[:2](X[:3]).grad_fn, net.body[3:5](torch.ones(1, 16)).grad_fn)
print(nn.utils.parameters_to_vector(net.heads.parameters()).shape)
