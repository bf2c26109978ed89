# retain_grad() on intermediates and register_hook printing the gradients as they flow
import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
h = x * 2
h.retain_grad()
z = h.pow(2)
z.retain_grad()
h.register_hook(lambda g: print("hook on h:", g))
x.register_hook(lambda g: print("hook on x:", g))
out = z.sum()
out.backward()
print(h.grad, z.grad, x.grad)
print(h.is_leaf, x.is_leaf, out.is_leaf)
print(h.requires_grad, h.grad_fn, z.grad_fn.next_functions)
