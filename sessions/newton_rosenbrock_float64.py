# Newton's method on Rosenbrock in float64: gradient and 2x2 Hessian by autograd, step by torch.linalg.solve
import torch
def rosen(p):
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2
p = torch.tensor([-1.2, 1.0], dtype=torch.float64, requires_grad=True)
for i in range(8):
    loss = rosen(p)
    g, = torch.autograd.grad(loss, p, create_graph=True)
    H = torch.stack([torch.autograd.grad(g[k], p, retain_graph=True)[0] for k in range(2)])
    with torch.no_grad():
        step = torch.linalg.solve(H, g)
        p -= step
    print(i, p.tolist(), loss.item())

print(H)
print(torch.linalg.inv(H) @ g.detach(), step)
print(torch.autograd.functional.hessian(rosen, p.detach()))
