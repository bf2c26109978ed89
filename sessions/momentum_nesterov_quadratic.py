# Plain gradient descent vs momentum vs Nesterov on an ill-conditioned quadratic bowl
import torch
A = torch.tensor([[3.0, 0.5], [0.5, 1.0]])
def f(x):
    return 0.5 * x @ A @ x
for name in ["plain", "momentum", "nesterov"]:
    x = torch.tensor([2.0, -1.5], requires_grad=True)
    v = torch.zeros(2)
    for step in range(30):
        if name == "nesterov":
            look = (x + 0.9 * v).detach().requires_grad_()
            f(look).backward()
            g = look.grad
        else:
            x.grad = None
            f(x).backward()
            g = x.grad
        with torch.no_grad():
            if name == "plain":
                x -= 0.1 * g
            else:
                v = 0.9 * v - 0.1 * g
                x += v
    print(f"{name:>9}: x={x.detach().numpy().round(4)} f={f(x).item():.6f} |g|={g.norm():.4f}")

print(x, v, f(x))
