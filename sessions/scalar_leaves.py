# Seed 002: scalar leaves, their sum, and gradients of 1
import torch

x = torch.tensor(1., requires_grad=True)
y = torch.tensor(2., requires_grad=True)
z = x + y
print(x, y, z)

x = torch.tensor(4., requires_grad=True)
y = torch.tensor(6., requires_grad=True)
z = x + y
z.backward()
print(x.grad, y.grad, z)
print(x.is_leaf, z.is_leaf, z.grad_fn)
