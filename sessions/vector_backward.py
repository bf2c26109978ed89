# Seeds 000-002: a non-scalar output needs a gradient argument; it weights each element
import torch
from torch.autograd import Variable

x = Variable(torch.Tensor([1, 5, 6, 10, 16]), requires_grad=True)
y = x * x

weights0 = torch.ones(5)
y.backward(weights0, retain_graph=True)
print(x.grad)

# With retain_graph=True a second backward works, and the gradients accumulate:
weights1 = torch.FloatTensor([0.1, 0.1, 0.1, 0.1, 0.1])
y.backward(weights1, retain_graph=True)
print(x.grad)

weights2 = torch.FloatTensor([0.5, 0.1, 0.1, 0.1, 0.2])
y.backward(weights2, retain_graph=True)
print(x.grad)

# z = x + 2 for a vector x, with all-ones, a Tensor and a tensor of weights:
x = torch.ones(4, requires_grad=True)
print(x.type())
z = x + 2
z.backward(torch.ones_like(z))
print(x.grad)
x.grad.zero_()
z = x + 2
z.backward(torch.Tensor([1, 2, 3, 4]))
print(x.grad)
