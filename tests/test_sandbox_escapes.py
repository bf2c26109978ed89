"""Known escape routes from Python sandboxes: each is refused and the session goes on."""

import pytest

from test_language import STANDIN, Repl, load_real_engine

SETUP = """
import numpy as np
x = ones(2, requires_grad=True)
gen = (i for i in [1, 2])
f = lambda: 0
def g(a=1):
    return a
try:
    1 / 0
except Exception as caught:
    err = caught
arr = np.arange(3.)
class Box:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return 'Box'
    def method(self):
        return super().__repr__()
    prop = property(lambda self: 1)

box = Box(1)
"""

# (source, acceptable error types). PermissionError is the refusal; NameError and
# AttributeError are what a missing name or attribute gives.
ESCAPES = [
    # --- str.format / format_map reaching attributes through their fields
    ("'{0.__class__}'.format(x)", PermissionError),
    ("'{0.gi_frame}'.format(gen)", PermissionError),
    ("'{0.gi_frame.f_globals}'.format(gen)", PermissionError),
    ("'{0[0]}'.format([1])", PermissionError),
    ("'{a.__class__}'.format_map({'a': 1})", PermissionError),
    ("'{a.real}'.format_map({'a': 1})", PermissionError),
    ("'{:{0.__class__}}'.format(1)", PermissionError),
    ("'{0.__globals__}'.format(g)", PermissionError),
    ("fmt = '{0.__class__}'.format\nfmt(1)", PermissionError),
    ("fmt = '{0.__class__}'\nfmt.format(1)", PermissionError),
    ("'{}'.upper().format.__self__", PermissionError),
    ("str.format('{0.__class__}', 1)", PermissionError),
    ("s = '{0.__class__}'\n(s.format)(1)", PermissionError),
    ("[s.format(x) for s in ['{0.__class__}']]", PermissionError),
    ("list(map(''.join(['{0.', '__class__}']).format, [1]))", PermissionError),
    # --- generators, frames, tracebacks
    ("gen.gi_frame", PermissionError),
    ("gen.gi_frame.f_globals", PermissionError),
    ("gen.gi_code", PermissionError),
    ("gen.gi_code.co_consts", PermissionError),
    ("(i for i in []).gi_frame.f_back", PermissionError),
    ("gen.gi_yieldfrom", PermissionError),
    ("gen.send(None)", PermissionError),
    ("gen.throw(ValueError)", PermissionError),
    ("[v for v in (i for i in []).gi_frame.f_locals]", PermissionError),
    ("err.__traceback__", PermissionError),
    ("err.__traceback__.tb_frame.f_globals", PermissionError),
    ("err.with_traceback(None)", PermissionError),
    ("err.__context__", PermissionError),
    ("err.add_note('x')", (PermissionError, AttributeError)),  # AttributeError: 3.10
    ("try:\n    1/0\nexcept Exception as e:\n    e.with_traceback\n", PermissionError),
    ("try:\n    x.nope\nexcept AttributeError as e:\n    e.obj\n", PermissionError),
    # --- functions: code, globals, defaults, closures
    ("f.__code__", PermissionError),
    ("(lambda: 0).__code__", PermissionError),
    ("g.__defaults__", PermissionError),
    ("g.__globals__", PermissionError),
    ("g.__globals__['__builtins__']", PermissionError),
    ("g.__closure__", PermissionError),
    ("g.__builtins__", PermissionError),
    ("def h(a=globals): pass", PermissionError),
    ("def h(a=vars()): pass", PermissionError),
    ("def h(_g, /): return _g", PermissionError),
    ("def h(*, _gr_box=None): pass", PermissionError),
    ("lambda _gr_attr: 0", PermissionError),
    ("def h(**_kw): pass", PermissionError),
    ("print.__self__", PermissionError),
    ("x.backward.__func__", PermissionError),
    ("x.backward.__self__", PermissionError),
    ("len.__self__", PermissionError),
    ("f.x = 1", PermissionError),
    ("g.func = 1", PermissionError),
    # --- numpy arrays: raw memory, files, object dtype
    ("arr.ctypes", PermissionError),
    ("arr.ctypes.data", PermissionError),
    ("arr.tofile('/tmp/gradrepl_escape')", PermissionError),
    ("arr.dump('/tmp/gradrepl_escape')", PermissionError),
    ("arr.dumps()", PermissionError),
    ("arr.tobytes()", PermissionError),
    ("arr.view()", PermissionError),
    ("arr.base", PermissionError),
    ("arr.reshape(3).base", PermissionError),
    ("arr.data", PermissionError),
    ("arr.flags", PermissionError),
    ("arr.setflags(write=True)", PermissionError),
    ("arr.__array_interface__", PermissionError),
    ("arr.dtype.type", PermissionError),
    ("arr.sum().base", PermissionError),
    ("arr.astype(object)", (PermissionError, TypeError)),
    ("arr.astype('O')", PermissionError),
    ("arr.astype(dtype='O')", PermissionError),
    ("arr.cumsum(dtype='O')", PermissionError),
    ("np.array([f])", PermissionError),
    ("np.array([1], dtype='O')", PermissionError),
    ("np.zeros(2, dtype=[('a', 'O')])", PermissionError),
    ("np.zeros(2, 'O')", PermissionError),
    ("np.full(2, f)", PermissionError),
    ("np.empty(3)", AttributeError),
    ("np.load", AttributeError),
    ("np.save", AttributeError),
    ("np.ctypeslib", AttributeError),
    ("np.lib", AttributeError),
    ("np.random.bit_generator", AttributeError),
    ("from numpy import load", ImportError),
    ("import numpy.ctypeslib", ModuleNotFoundError),
    ("np.sum.__globals__", PermissionError),
    ("np.sum.x", (PermissionError, AttributeError)),
    ("x.numpy().ctypes", (PermissionError, RuntimeError)),
    # --- classes: type(), mro, subclasses, metaclasses, making classes
    ("type(x).mro()", PermissionError),
    ("type(1).mro()", PermissionError),
    ("int.mro()", PermissionError),
    ("str.mro", PermissionError),
    ("().__class__.__bases__[0].__subclasses__()", PermissionError),
    ("[].__class__", PermissionError),
    ("[].__class__.__base__", PermissionError),
    ("type(1).__subclasses__()", PermissionError),
    ("type.__subclasses__(type)", PermissionError),
    ("type.mro(type)", PermissionError),
    ("type(type(1)).mro", PermissionError),
    ("type(type(1))('X', (), {})", PermissionError),
    ("type('X', (), {'__init__': lambda self: None})", PermissionError),
    ("type(type)('X', (), {})", PermissionError),
    ("type(type(type(1)))('X', (object,), {})", PermissionError),
    ("type(x).__init__", PermissionError),
    ("type(x).extra = 1", PermissionError),
    ("torch.Tensor.mro", PermissionError),
    ("torch.Tensor.sum = None", PermissionError),
    ("int.from_bytes", PermissionError),
    ("dict.fromkeys", PermissionError),
    ("object.__subclasses__()", PermissionError),
    ("object()", None),
    ("super()", PermissionError),
    ("class A: pass", None),  # classes are allowed: see the class section below
    ("classmethod(f)", None),
    ("property(f)", None),
    ("type(f)(f, {})", TypeError),
    ("type(torch)('os')", TypeError),
    ("type(print)", None),
    # --- names and attributes spelled from strings
    ("getattr(x, '_' + '_class__')", PermissionError),
    ("getattr(x, '_version')", PermissionError),
    ("setattr(x, 'grad', 1)", PermissionError),
    ("delattr(x, 'grad')", PermissionError),
    ("hasattr(x, '__class__')", PermissionError),
    ("hasattr(gen, 'gi_frame')", PermissionError),
    ("vars()['__builtins__']", PermissionError),
    ("vars(x)", PermissionError),
    ("globals()['__builtins__']", PermissionError),
    ("locals()", PermissionError),
    ("__builtins__['eval']", PermissionError),
    ("__builtins__.eval", PermissionError),
    ("x.__builtins__", PermissionError),
    ("torch.__builtins__", PermissionError),
    ("torch.__dict__", PermissionError),
    ("torch.__loader__", PermissionError),
    ("torch.__spec__", PermissionError),
    ("x.__dict__", PermissionError),
    ("x._version", PermissionError),
    ("x.data._data", PermissionError),
    ("x.__reduce_ex__(2)", PermissionError),
    ("torch._C", PermissionError),
    ("torch.np", AttributeError),
    ("torch.tensor_str", AttributeError),
    ("torch.os_path", AttributeError),
    ("torch.save", AttributeError),
    ("torch.secret", AttributeError),
    ("x._\uff3fclass\uff3f_", PermissionError),  # fullwidth low line: NFKC makes it '_'
    ("ones(1, **{'_secret': 1})", PermissionError),
    ("print(**{'_x': 1})", PermissionError),
    ("d = {'_x': 1}\nones(1, **d)", PermissionError),
    ("_gr_box", PermissionError),
    ("_gr_fast.add(type(gen))", PermissionError),
    ("(_gr_type := lambda o: int)", PermissionError),
    ("[_gr_t for _gr_t in [1]]", PermissionError),
    ("dir(x)[0].__class__", PermissionError),
    # --- builtins that reach outside
    ("eval('1')", PermissionError),
    ("exec('1')", PermissionError),
    ("compile('1', '', 'eval')", PermissionError),
    ("open('/etc/passwd')", PermissionError),
    ("__import__('os')", PermissionError),
    ("breakpoint()", PermissionError),
    ("help()", PermissionError),
    ("input()", PermissionError),
    ("exit()", PermissionError),
    ("quit()", PermissionError),
    ("memoryview(b'abc')", PermissionError),
    ("print('x', file=x)", PermissionError),
    ("print('x', **{'file': x})", PermissionError),
    ("copyright()", PermissionError),
    ("raise SystemExit", (PermissionError, TypeError)),
    # --- imports
    ("import os", ModuleNotFoundError),
    ("import importlib", ModuleNotFoundError),
    ("import sys", ModuleNotFoundError),
    ("import builtins", ModuleNotFoundError),
    ("import subprocess", ModuleNotFoundError),
    ("import ctypes", ModuleNotFoundError),
    ("import gc", ModuleNotFoundError),
    ("import pickle", ModuleNotFoundError),
    ("import gradrepl", ModuleNotFoundError),
    ("import gradrepl_engine", ModuleNotFoundError),
    ("from os import path", ModuleNotFoundError),
    ("import os.path", ModuleNotFoundError),
    ("from os import *", ModuleNotFoundError),
    ("from math import *", PermissionError),
    ("from torch import _C", PermissionError),
    ("import _thread", PermissionError),
    ("from __future__ import annotations", PermissionError),
    ("from . import x", ImportError),
    ("import torch.optim", ModuleNotFoundError),
    ("try:\n    import os\nexcept Exception:\n    pass\n", ModuleNotFoundError),
    ("def h():\n    import os\n", ModuleNotFoundError),
    # --- statements outside the language
    ("@print\ndef h(): pass", None),  # a decorator is h = print(h)
    ("@print.__self__\ndef h(): pass", PermissionError),
    ("@(lambda f: f.__code__)\ndef h(): pass", PermissionError),
    ("@type.__subclasses__\ndef h(): pass", PermissionError),
    ("def h():\n    global x\n", None),
    ("def h():\n    global _gr_attr\n    _gr_attr = print\n", PermissionError),
    ("def h():\n    global __builtins__\n", PermissionError),
    ("def h():\n    yield 1\n", PermissionError),
    ("lambda: (yield)", PermissionError),
    ("async def h(): pass", PermissionError),
    ("match x:\n    case torch.Tensor(grad=g):\n        pass\n", PermissionError),
    ("try:\n    pass\nexcept* Exception:\n    pass\n", (PermissionError, SyntaxError)),
    # --- classes: instances and classes expose the user's own values, nothing of Python's
    ("box.__class__", PermissionError),
    ("box.__dict__", PermissionError),
    ("Box.__subclasses__()", PermissionError),
    ("Box.__mro__", PermissionError),
    ("Box.__bases__", PermissionError),
    ("Box.mro()", PermissionError),
    ("Box.__init__.__globals__", PermissionError),
    ("Box.method.__code__", PermissionError),
    ("box.method.__func__", PermissionError),
    ("box.method.__self__", PermissionError),
    ("Box.prop.fget.__globals__", PermissionError),
    ("Box.prop.__get__", PermissionError),
    ("type(box).__init__", PermissionError),
    ("type(Box)('X', (Box,), {})", PermissionError),
    ("type(type(box)).__subclasses__", PermissionError),
    ("object.__subclasses__", PermissionError),
    ("object.mro()", PermissionError),
    ("object().x = 1", AttributeError),
    ("'{0.v}'.format(box)", PermissionError),
    ("'{0.method.__globals__}'.format(box)", PermissionError),
    ("'{0.__init__.__globals__}'.format(box)", PermissionError),
    ("'{a.v}'.format_map({'a': box})", PermissionError),
    ("format(box, '{0.__class__}')", TypeError),
    ("staticmethod(print).__func__", PermissionError),
    ("classmethod(print).__wrapped__", PermissionError),
    ("property(print).fget.__self__", PermissionError),
    ("Box.y = print", None),  # a class attribute of the user's own class
    ("int.y = 1", PermissionError),
    ("Exception.y = 1", PermissionError),
    ("class A:\n    def __getattribute__(self, n): pass\n", PermissionError),
    ("class A:\n    def __getattr__(self, n): pass\n", PermissionError),
    ("class A:\n    def __setattr__(self, n, v): pass\n", PermissionError),
    ("class A:\n    def __get__(self, o, t): pass\n", PermissionError),
    ("class A:\n    def __set__(self, o, v): pass\n", PermissionError),
    ("class A:\n    def __del__(self): pass\n", PermissionError),
    ("class A:\n    def __set_name__(self, o, n): pass\n", PermissionError),
    ("class A:\n    def __init_subclass__(cls): pass\n", PermissionError),
    ("class A:\n    def __class_getitem__(cls, k): pass\n", PermissionError),
    ("class A:\n    def __reduce__(self): pass\n", PermissionError),
    ("class A:\n    def __new__(cls): pass\n", PermissionError),
    ("class A:\n    def __format__(self, spec): pass\n", PermissionError),
    ("class A:\n    def __index__(self): pass\n", PermissionError),
    ("class A:\n    def __array__(self): pass\n", PermissionError),
    ("class A:\n    def __torch_function__(self, *a): pass\n", PermissionError),
    ("class A:\n    __class__ = int\n", PermissionError),
    ("class A:\n    __slots__ = ('x',)\n", PermissionError),
    ("class A:\n    __module__ = 'torch'\n", PermissionError),
    ("class A:\n    m = __module__\n", PermissionError),
    ("class A:\n    q = __qualname__\n", PermissionError),
    ("class A:\n    __getattr__ = print\n", PermissionError),
    ("class A:\n    def f(self, __class__): pass\n", PermissionError),
    ("class A:\n    def f(self):\n        self.__class__ = int\n", PermissionError),
    ("class A:\n    def f(self):\n        return __class__\n", PermissionError),
    ("class A:\n    x = (_gr_t := 1)\n", PermissionError),
    ("class A(metaclass=type): pass", PermissionError),
    ("class A(type): pass", PermissionError),
    ("class A(type(Box)): pass", PermissionError),
    ("class A(type(1)): pass", PermissionError),
    ("class A(dict): pass", PermissionError),
    ("class A(tuple): pass", PermissionError),
    ("class A(str): pass", PermissionError),  # a str subclass would carry its own format
    ("class A(type(print)): pass", PermissionError),
    ("class A(type(gen)): pass", PermissionError),
    ("class A(type(f)): pass", PermissionError),
    ("class A(torch): pass", PermissionError),
    ("class A(Tensor): pass", PermissionError),  # engine classes not declared subclassable
    ("class A(no_grad): pass", PermissionError),
    ("class A(1): pass", PermissionError),
    ("class A(Box, dict): pass", PermissionError),
    ("class A(*[object]): pass", PermissionError),
    ("@(lambda c: c.__dict__)\nclass A: pass", PermissionError),
    ("class A(Box):\n    def f(self):\n        return super().__thisclass__\n", PermissionError),
    ("class A(Box):\n    def f(self):\n        return super().__self__\n", PermissionError),
    ("class A(Box):\n    def f(self):\n        return super().__reduce_ex__(2)\n",
     PermissionError),
    ("class A(Box):\n    def f(self):\n        return super().__getattribute__('v')\n",
     PermissionError),
    ("class A(Box):\n    def f(self):\n        return super\n", PermissionError),
    ("class A(Box):\n    def f(self):\n        return super(Box, self).method\n",
     PermissionError),
    ("class A(Box):\n    def f(self):\n        return super().__init__.__self__\n",
     PermissionError),
    ("class A(Box):\n    def f(self):\n        return super().__repr__.__self__\n",
     PermissionError),
    ("class A(Box):\n    def f(self):\n        return super().v\n\nA(1).f()", AttributeError),
    ("class A(Box):\n    def f(self):\n        return super().method.__func__\n",
     PermissionError),
    ("class A:\n    def f(self):\n        return [super().f for _ in [1]]\n\nA().f()",
     (RuntimeError, TypeError)),  # a comprehension is no method: super() has no arguments
    ("class A:\n    def __eq__(self, other):\n        return other.gi_frame\n\nA() == gen",
     PermissionError),
    ("class A:\n    def __enter__(self):\n        return self\n"
     "    def __exit__(self, t, e, tb):\n        tb.tb_frame\n\nwith A():\n    1 / 0\n",
     PermissionError),
    ("class A:\n    def __exit__(self, t, e, tb):\n        e.__traceback__\n", PermissionError),
    ("class E(Exception):\n    pass\n\ntry:\n    raise E()\nexcept E as e:\n"
     "    e.with_traceback\n", PermissionError),
    ("class A:\n    def __repr__(self):\n        return 1\n\nA()", TypeError),
    ("class A:\n    def __repr__(self):\n        return repr(self)\n\nA()", RecursionError),
    ("class A:\n    def __call__(self):\n        return self.__call__\n", PermissionError),
    # a decision made while the user's class had the name is not kept once it is deleted
    ("class E(Exception):\n    with_traceback = 1\n\ne = E()\nv = e.with_traceback\n"
     "del E.with_traceback\ne.with_traceback", PermissionError),
    # --- modules are read-only
    ("torch.ones = None", PermissionError),
    ("del torch.ones", PermissionError),
    ("math.pi = 3", PermissionError),
    ("np.random.seed = None", PermissionError),
    ("torch.nn.functional.relu = None", PermissionError),
]


def _ids(escapes):
    return ["%03d" % i for i in range(len(escapes))]


@pytest.fixture(scope="module")
def prepared():
    repl = Repl()
    repl.run(SETUP + "import math\n", echo=False)
    return repl


@pytest.mark.parametrize("source, errors", ESCAPES, ids=_ids(ESCAPES))
def test_escape_is_refused(prepared, source, errors):
    repl = prepared
    snapshot = dict(repl.user_names())
    if errors is None:
        repl.run(source)  # allowed, and harmless
    else:
        with pytest.raises(errors):
            repl.run(source)
    # the session goes on: a normal statement works, the values are untouched
    assert repl.run("y = x * 2\ny.sum().item()") == "4.0\n"
    assert repl.ns["x"] is snapshot["x"] and repl.ns["gen"] is snapshot["gen"]
    assert repl.run("torch.ones(1)") == "tensor([1.])\n"


def test_refused_chunks_leave_no_partial_effects():
    repl = Repl()
    repl.run("a = 1")
    for source in ("a = 2\neval('1')", "a = 2\nimport os", "a = 2\nclass A(metaclass=type): pass",
                   "a = 2\nx.__class__", "a = 2\ndef f(_x): pass"):
        with pytest.raises((PermissionError, ModuleNotFoundError)):
            repl.run(source)
        assert repl.ns["a"] == 1


def test_refusals_cannot_be_caught_by_the_refused_code():
    repl = Repl()
    with pytest.raises(PermissionError):
        repl.run("try:\n    eval('1')\nexcept Exception:\n    pass\n")
    # runtime refusals can be caught, but nothing was handed out
    assert repl.run("g = (i for i in [])\ntry:\n    fr = g.gi_frame\nexcept PermissionError:\n"
                    "    fr = None\n\nfr is None") == "True\n"


def test_computed_attributes_are_not_read_by_augmented_assignment():
    repl = Repl()
    repl.run("fw = Forwarder()\nfw.own += 1")
    assert repl.run("fw.own") == "2\n"
    for source in ("fw.base += ()", "fw.ctypes += 1", "fw.flags = 1"):
        with pytest.raises(PermissionError):
            repl.run(source)


def test_guards_survive_shadowing_everything():
    repl = Repl()
    repl.run("type = isinstance = print = str = dict = list = len = iter = None\n"
             "gen = (i for i in [])")
    with pytest.raises(PermissionError):
        repl.run("gen.gi_frame")
    with pytest.raises(PermissionError):
        repl.run("'{0.__class__}'.format(1)")
    repl.run("del type")
    with pytest.raises(PermissionError):
        repl.run("type(1).mro()")


def test_engine_object_hooks_run_sandboxed_code():
    repl = Repl()
    repl.run("seen = []\nx = ones(1)\nx.backward = lambda: seen.append(1)\nx.backward()")
    assert repl.ns["seen"] == [1]


@pytest.fixture(scope="module")
def engine_repl():
    module = load_real_engine()
    if module is None:
        pytest.skip("gradrepl_engine cannot be imported")
    try:
        repl = Repl(module)
        repl.run("x = torch.ones(2, requires_grad=True)\ny = (x * x).sum()", echo=False)
        repl.run(FUNCTION_SETUP, echo=False)
    except Exception as exc:  # the engine is being written at the same time
        pytest.skip("engine not usable: %r" % exc)
    return repl


FUNCTION_SETUP = """
class Twice(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        ctx.seen = ctx
        return a * 2
    @staticmethod
    def backward(ctx, g):
        return g * 2

z = Twice.apply(x)
ctx = z.grad_fn
"""

REAL_ENGINE_ESCAPES = [
    # --- torch.autograd.Function: the class, its metaclass, the node that is ctx
    ("Twice._backward_cls", PermissionError),
    ("ctx._forward_cls", PermissionError),
    ("ctx._saved", PermissionError),
    ("ctx._run_backward", PermissionError),
    ("ctx.__dict__", PermissionError),
    ("ctx.seen.__class__", PermissionError),
    ("type(ctx).__mro__", PermissionError),
    ("type(ctx)()", TypeError),
    ("type(ctx).mro()", PermissionError),
    ("type(Twice)('X', (), {})", PermissionError),
    ("type(Twice).__init__", PermissionError),
    ("torch.autograd.function.FunctionMeta", AttributeError),
    ("Twice.mro()", PermissionError),
    ("Twice.apply.__func__", PermissionError),
    ("Twice.forward.__globals__", PermissionError),
    ("torch.autograd.function.once_differentiable(print).__wrapped__", PermissionError),
    ("'{0.seen}'.format(ctx)", PermissionError),
    ("class G(torch.Tensor): pass", PermissionError),
    ("class G(type(ctx)): pass", PermissionError),
    ("class G(torch.autograd.function.BackwardCFunction): pass", PermissionError),
    ("class G(torch.autograd.function.FunctionCtx): pass", PermissionError),
    ("class G(torch.no_grad): pass", PermissionError),
    ("class G(torch.nn.Parameter): pass", PermissionError),
    ("class G(type(Twice)): pass", PermissionError),
    ("class G(torch.autograd.Function, metaclass=type): pass", PermissionError),
    ("class G(torch.autograd.Function):\n    def forward(ctx):\n        return ctx.__dict__\n",
     PermissionError),
    ("class G(Twice):\n    def f(self):\n        return super().__class__\n", PermissionError),
    ("class G(Twice):\n    def f(self):\n        return super()._backward_cls\n",
     PermissionError),

    ("y.grad_fn.__class__", PermissionError),
    ("y.grad_fn.op.formulas[0].__globals__", PermissionError),
    ("y.grad_fn.op.forward.x", (PermissionError, AttributeError)),
    ("type(y.grad_fn).mro()", PermissionError),
    ("torch.float32.np_dtype.type", PermissionError),
    ("x.detach().numpy().ctypes", PermissionError),
    ("type(torch.FloatTensor)('X', (), {})", PermissionError),
    ("torch.tensor_str", AttributeError),
    ("torch.opspec", AttributeError),
    ("torch.dtypes", AttributeError),
    ("torch.autograd.grad_mode.functools", AttributeError),
    ("x._version", PermissionError),
    ("x.__dict__", PermissionError),
    ("torch.__builtins__", PermissionError),
    ("torch.no_grad()(print).__wrapped__", PermissionError),
    ("torch.no_grad()(print).x", (PermissionError, AttributeError)),
]


@pytest.mark.parametrize("source, errors", REAL_ENGINE_ESCAPES, ids=_ids(REAL_ENGINE_ESCAPES))
def test_real_engine_escape_is_refused(engine_repl, source, errors):
    with pytest.raises(errors):
        engine_repl.run(source)
    assert engine_repl.run("(x * 2).sum().item()") == "4.0\n"


def test_standin_is_the_default():
    assert Repl().ns["torch"].ones is STANDIN.ones
