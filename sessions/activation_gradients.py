# Gradients of relu, leaky_relu, clamp and abs, including PyTorch's choice at 0
import torch
import torch.nn.functional as F
x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0], requires_grad=True)
y = F.relu(x)
y.sum().backward()
print(y, x.grad)
x.grad.zero_()
z = F.leaky_relu(x, 0.1)
z.sum().backward()
print(z, x.grad)
x.grad = None
torch.clamp(x, -1, 1).sum().backward()
print(x.grad)
x.grad = None
x.abs().sum().backward()
print(x.grad)
