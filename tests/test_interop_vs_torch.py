"""What a learner types in the first minutes, typed into the shell and into Python's console
with real PyTorch: NumPy operands, devices, nn.Parameter, the reprs of functions and methods.
Both sides print the same lines (values echoed, one `Type: message` line per error, in
order), memory addresses aside."""

import pytest

pytest.importorskip("torch")
from console_sessions import session_tests  # noqa: E402

SESSIONS = {
    "numpy_operands": """\
import numpy as np
x = torch.tensor([1., 2., 3.])
i = torch.tensor([1, 2, 3])
x + np.ones(3)
np.ones(3) + x
np.ones(3) * x
np.ones(3) - x
np.ones(3) / x
np.ones(3) @ x
x - np.ones(3)
x @ np.ones(3)
x ** np.ones(3)
x % np.ones(3)
x + np.ones((2, 3))
x + np.ones((2, 2))
x * np.array(2)
x * np.array(2.0, dtype=np.float32)
i + np.arange(3)
i + np.ones(3, dtype=np.float32)
x + np.array([True, False, True])
np.float64(2.0) * x
x * np.float64(2.0)
np.float32(1) + x
np.int64(2) * x
i * np.float64(1.5)
i + np.int32(2)
np.bool_(True) + x
i * np.bool_(True)
np.float64(2.0) - x
np.float64(2.0) ** x
torch.full((2,), np.float64(1))
torch.full((2,), np.bool_(True))
type(x + np.ones(3))
x += np.ones(3)
x
""",
    "numpy_comparisons": """\
import numpy as np
x = torch.tensor([1., 2., 3.])
x == np.ones(3)
np.ones(3) == x
x != np.ones(3)
np.ones(3) != x
x > np.ones(3)
np.ones(3) < x
x == np.ones(2)
x == np.ones((2, 3))
x < np.float64(2)
np.float64(2) < x
x == None
x == "a"
""",
    "numpy_conversions": """\
import numpy as np
x = torch.tensor([1., 2., 3.])
y = torch.ones(2, requires_grad=True)
torch.tensor(np.ones(3))
torch.tensor(np.ones(3, dtype=np.float32))
torch.tensor(np.arange(3))
torch.tensor(np.float64(2.5))
torch.tensor(np.bool_(True))
torch.tensor([np.float64(1.0), np.float64(2.0)])
torch.tensor([np.float32(1.0), 2.0])
torch.tensor([np.int8(1), np.int16(1)])
torch.tensor([np.ones(2), np.ones(2)])
torch.tensor([np.arange(2), np.arange(2)], dtype=torch.float32)
torch.tensor([np.ones(2), np.ones(3)])
torch.tensor([np.array(1.0)])
torch.tensor(np.ones(3), requires_grad=True)
torch.as_tensor(np.ones(3))
torch.as_tensor(np.ones(3), dtype=torch.float32)
torch.from_numpy(np.arange(4).reshape(2, 2))
torch.from_numpy([1.0])
torch.from_numpy(np.float64(1.0))
a = np.zeros(2)
t = torch.from_numpy(a)
a[0] = 5
t
np.asarray(x)
np.array(x, dtype=np.float64)
x.numpy()
x.numpy().dtype
y.numpy()
np.asarray(y)
np.array(y)
y.detach().numpy()
y + np.ones(2)
np.exp(y)
""",
    "numpy_functions_of_tensors": """\
import numpy as np
x = torch.tensor([1., 2., 3.])
np.exp(x)
np.sqrt(x)
np.maximum(x, 2)
np.isnan(x)
np.add(np.ones(3), x)
np.power(x, 2)
np.matmul(x, x)
np.dot(x, x)
np.round(x)
np.clip(x, 0, 1)
np.cumsum(x)
np.argmax(x)
np.reshape(x, (3, 1))
np.transpose(x)
np.stack([x, x])
np.concatenate([x, x])
np.where(x > 1, x, 0)
np.allclose(x, x)
np.zeros_like(x)
np.shape(x)
np.ndim(x)
np.linalg.norm(x)
np.float64(x.sum())
float(np.float32(1.5))
""",
    "devices": """\
x = torch.ones(2, device='cpu')
x
torch.zeros(2, device=torch.device('cpu'))
torch.ones(2, device='cpu:0')
torch.ones(2, device='cuda')
torch.ones(2, device='cuda:0')
torch.ones(2, device=torch.device('cuda'))
torch.ones(-1, device='cuda')
torch.tensor([1., 2.], device='cuda')
torch.tensor([1, 'a'], device='cuda')
torch.as_tensor([1., 2.], device='cuda')
torch.randn(2, device='cuda')
torch.manual_seed(0).initial_seed()
torch.rand(2, device='cpu')
torch.arange(3, device='cuda')
torch.eye(2, device='cuda')
torch.full((2,), 1., device='cuda')
torch.linspace(0, 1, 3, device='cuda')
torch.randint(3, (2,), device='cuda')
torch.zeros_like(x, device='cuda')
torch.zeros_like(x, device='cpu')
x.new_zeros(2, device='cuda')
torch.ones(2, device='gpu')
torch.ones(2, device=0)
torch.ones(2, device=1.5)
torch.ones(2, device='xpu')
torch.Generator(device='cuda')
torch.cuda.is_available()
torch.cuda.device_count()
torch.cuda.manual_seed(0)
torch.cuda.manual_seed_all(0)
torch.cuda.current_device()
torch.cuda.get_device_name(0)
torch.cuda.synchronize()
torch.cuda.empty_cache()
torch.cuda.memory_allocated()
torch.backends.mps.is_available()
torch.backends.cuda.is_built()
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.deterministic
torch.backends.cudnn.benchmark = 1
torch.backends.cudnn.benchmark
x.device
x.is_cuda
x.is_cpu
x.get_device()
x.is_pinned()
x.pin_memory()
x.to('cpu')
x.to('cuda')
x.to(torch.device('cuda'))
x.to('cuda', torch.float64)
x.to(device='cpu', dtype=torch.float64)
x.to(0)
x.cuda()
x.cpu()
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
device
x.to(device)
torch.ones(2, 2, device=device, requires_grad=True)
x.device == torch.device('cpu')
x.device == 'cpu'
torch.get_default_device()
torch.set_default_device('cuda')
torch.ones(1)
torch.set_default_device(None)
torch.ones(1)
""",
    "parameters": """\
p = torch.nn.Parameter(torch.ones(2))
p
print(p)
str(p)
p.requires_grad
p.is_leaf
p.grad_fn
type(p)
isinstance(p, torch.Tensor)
isinstance(p, torch.nn.Parameter)
torch.is_tensor(p)
q = p * 2
q
type(q)
isinstance(q, torch.nn.Parameter)
p + 1
p @ p
2 ** p
p.sum()
p[0]
p.clone()
type(p.clone())
p.data
type(p.data)
p.detach()
p.exp()
p.to(torch.float64)
p.float()
p.to('cpu')
p.view(2)
p.expand(3, 2)
torch.stack([p, torch.ones(2)])
torch.nn.functional.relu(-p)
p.numpy()
p.tolist()
p.shape
p.dtype
p.mean().backward()
p.grad
torch.nn.Parameter(torch.ones(2), requires_grad=False)
torch.nn.Parameter(torch.ones(2), False).requires_grad
torch.nn.parameter.Parameter(torch.zeros(3))
torch.nn.Parameter(torch.tensor([1, 2]))
torch.nn.Parameter(torch.tensor([1, 2]), requires_grad=False)
torch.nn.Parameter()
torch.nn.Parameter(torch.ones(2, 2, dtype=torch.float64))
torch.nn.Parameter([1., 2.])
torch.nn.Parameter(3.0)
torch.nn.Parameter(torch.ones(1), requires_grad=1)
torch.nn.Parameter(torch.ones(1), True, 3)
torch.nn.Parameter(torch.ones(1), foo=3)
torch.nn.Parameter(torch.ones(2, requires_grad=True) * 2)
torch.nn.Parameter(torch.ones(2, requires_grad=True) * 2).grad_fn
w = torch.nn.Parameter(torch.ones(2, 3))
w.T
w.t()
with torch.no_grad():
    w.mul_(2)

w
w.requires_grad_(False)
w.requires_grad = True
w
from torch.nn import Parameter
from torch.nn.parameter import Parameter as P
P is Parameter
""",
    "tensor_and_dtype_queries": """\
x = torch.ones(2, requires_grad=True)
torch.is_tensor(x)
torch.is_tensor([1])
torch.is_floating_point(x)
torch.is_floating_point(torch.tensor([1]))
torch.is_floating_point(1.0)
torch.is_complex(x)
torch.is_complex(1.0)
torch.is_nonzero(torch.tensor([1.]))
torch.is_nonzero(torch.tensor([0]))
torch.is_nonzero(torch.ones(2))
torch.is_nonzero(torch.ones(0))
torch.is_nonzero(1)
torch.is_signed(x)
torch.tensor([1], dtype=torch.uint8).is_signed()
torch.is_same_size(x, torch.ones(2))
torch.is_same_size(x, torch.ones(3))
torch.is_storage(x)
torch.typename(x)
torch.typename(torch.ones(1, dtype=torch.int64))
torch.typename(1)
torch.typename([1])
torch.numel(torch.ones(2, 3))
torch.numel(1)
torch.broadcast_shapes((2, 1), (1, 3))
torch.broadcast_shapes(2, (3, 1))
torch.broadcast_shapes()
torch.broadcast_shapes(None, (2,))
torch.broadcast_shapes((2,), [3, 1], torch.Size([1, 1, 1]))
torch.broadcast_shapes((2,), (3,))
torch.broadcast_shapes((2, 3), torch.Size([4]))
torch.broadcast_shapes((2,), (-1,))
torch.broadcast_shapes((-1,), (2,))
torch.broadcast_shapes(2.5)
a, b = torch.broadcast_tensors(x, torch.zeros(3, 1))
a
b
torch.broadcast_tensors(x, x)[0] is x
torch.broadcast_tensors()
torch.broadcast_tensors(torch.ones(2), torch.ones(3))
torch.broadcast_tensors(torch.ones(2, 1), torch.ones(3), torch.ones(4))
torch.broadcast_tensors(torch.ones(2), 1)
torch.result_type(torch.ones(1), 1.0)
torch.result_type(torch.tensor([1]), 1.0)
torch.result_type(torch.tensor(1, dtype=torch.int32), torch.tensor([1], dtype=torch.int8))
torch.result_type(torch.tensor([1], dtype=torch.uint8), -1)
torch.result_type(1, 2.0)
torch.promote_types(torch.int32, torch.float32)
torch.promote_types(torch.uint8, torch.int8)
torch.promote_types(1, torch.int64)
torch.can_cast(torch.float64, torch.int32)
torch.can_cast(torch.int32, torch.float64)
torch.can_cast(torch.int32, torch.bool)
torch.can_cast(1, torch.float16)
torch.get_default_dtype()
torch.set_default_dtype(torch.float64)
torch.ones(2)
torch.tensor([1.5])
torch.tensor([1.5], dtype=torch.float32)
torch.get_default_dtype()
torch.set_default_dtype(torch.float32)
torch.set_default_dtype(torch.int32)
torch.set_default_dtype('float64')
x.dtype == torch.float
x.dtype is torch.float32
torch.float32.is_floating_point
torch.int64.itemsize
""",
    "first_minutes": """\
x = torch.tensor([1., 2., 3.], requires_grad=True)
torch.manual_seed(0)
torch.manual_seed(0).initial_seed()
torch.Generator().manual_seed(3)
torch.set_printoptions(precision=2)
torch.tensor([1.23456])
torch.set_printoptions(profile='default')
torch.tensor([1.23456])
x.new_tensor([1, 2])
x.new_tensor([1., 2.], requires_grad=True)
x.new_tensor(x)
x.new_tensor()
x.new_zeros(2, 3)
x.new_zeros((2,))
x.new_zeros([2, 2])
x.new_zeros()
x.new_zeros(size=2)
x.new_zeros(2, size=(3,))
x.new_ones(size=(2,))
x.new_ones(2, dtype=torch.int64)
x.new_full((2,), 5)
x.new_full((2,))
x.new_empty(2).shape
x.new_zeros(2, requires_grad=True)
x.new([1, 2])
x.new().shape
x.new(1.5)
x.layout
torch.strided
x.itemsize
x.nbytes
x.element_size()
x.data_ptr() > 0
x.is_sparse
x.is_quantized
x.is_meta
x.apply_(lambda v: v)
y = x.detach().clone()
y.apply_(lambda v: v * 2)
y
torch.tensor([1, 2]).apply_(lambda v: v / 2)
torch.ones(2).apply_(lambda v: 'a')
x.type()
x.stride()
x.is_contiguous()
format(x.sum(), '.2f')
x.shape == (3,)
torch.Size([2, 3]).numel()
help
print
dir
""",
}


def _every_callable():
    """A line per function of the shell's torch, torch.nn.functional, torch.autograd and
    torch.cuda, and per method of a tensor, a parameter, a node, a generator, a size."""
    import types
    import gradrepl_engine
    from gradrepl.guards import facade_names
    from gradrepl.facades import torch_facades
    registry = torch_facades(gradrepl_engine)
    lines = ["x = torch.ones(2, requires_grad=True)", "p = torch.nn.Parameter(torch.ones(1))",
             "node = (x * 2).grad_fn", "g = torch.Generator()", "s = x.shape"]
    for module in ("torch", "torch.nn.functional", "torch.autograd", "torch.cuda",
                   "torch.autograd.functional", "torch.special"):
        for name, value in sorted(facade_names(registry[module]).items()):
            if isinstance(value, types.FunctionType):
                lines.append("%s.%s" % (module, name))
    for name, value in sorted(vars(gradrepl_engine.Tensor).items()):
        if not name.startswith("_") and isinstance(value, types.FunctionType):
            lines += ["x." + name, "torch.Tensor." + name]
    lines += ["p.sum", "p.backward", "node.name", "node.register_hook", "g.manual_seed",
              "s.numel", "torch.float32.to_real", "print(x.sum, torch.sum)", "repr(x.mul)",
              "print", "repr", "dir", "hasattr", "len", "help"]
    return "\n".join(lines) + "\n"


SESSIONS["callable_reprs"] = _every_callable()
torch_outputs, test_the_shell_prints_what_torchs_console_prints = session_tests(SESSIONS)
