"""The language layer: statements, echo, imports and facades, builtins, print, refusals."""

import importlib
import importlib.util
import os
import re
import sys
import time
import types

import numpy as np
import pytest

from gradrepl import guards, language

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# ---- a stand-in engine package (the real one is tested at the end when importable) -------

def make_standin(name="standin_torch"):
    """A tiny torch-like package: engine classes, __all__, submodules, things to hide."""
    pkg = types.ModuleType(name)
    pkg.__path__ = []

    class Size(tuple):
        __module__ = name

        def __repr__(self):
            return "torch.Size(%s)" % list(self)

        def numel(self):
            n = 1
            for s in self:
                n *= s
            return n

    class Tensor:
        __module__ = name

        def __init__(self, data, requires_grad=False):
            self._data = np.array(data, dtype=np.float32)
            self.requires_grad = requires_grad
            self.grad = None
            self.grad_fn = None

        @property
        def shape(self):
            return Size(self._data.shape)

        @property
        def data(self):
            return Tensor(self._data)

        @data.setter
        def data(self, value):
            self._data = value._data if isinstance(value, Tensor) else np.array(value)

        def _wrap(self, value):
            return Tensor(value, self.requires_grad)

        def __add__(self, other):
            return self._wrap(self._data + _raw(other))

        __radd__ = __add__

        def __sub__(self, other):
            return self._wrap(self._data - _raw(other))

        def __mul__(self, other):
            return self._wrap(self._data * _raw(other))

        __rmul__ = __mul__

        def __imul__(self, other):
            self._data = self._data * _raw(other)
            return self

        def __isub__(self, other):
            self._data = self._data - _raw(other)
            return self

        def __pow__(self, other):
            return self._wrap(self._data ** _raw(other))

        def __truediv__(self, other):
            return self._wrap(self._data / _raw(other))

        def __getitem__(self, index):
            return Tensor(self._data[index])

        def __setitem__(self, index, value):
            self._data[index] = _raw(value)

        def __len__(self):
            return len(self._data)

        def __iter__(self):
            return iter([Tensor(v) for v in self._data])

        def __format__(self, spec):
            return format(self.item(), spec) if self._data.ndim == 0 else repr(self)

        def sum(self):
            return self._wrap(self._data.sum())

        def mean(self):
            return self._wrap(self._data.mean())

        def item(self):
            return self._data.item()

        def tolist(self):
            return self._data.tolist()

        def numpy(self):
            return self._data

        def zero_(self):
            self._data[...] = 0
            return self

        def dim(self):
            return self._data.ndim

        def backward(self):
            self.grad = Tensor(np.ones_like(self._data))

        def __repr__(self):
            body = np.array2string(self._data, separator=", ")
            suffix = ", requires_grad=True" if self.requires_grad else ""
            return "tensor(%s%s)" % (body, suffix)

    def _raw(value):
        return value._data if isinstance(value, Tensor) else value

    class no_grad:
        __module__ = name

        def __enter__(self):
            return None

        def __exit__(self, *exc):
            return False

    class EngineError(RuntimeError):
        __module__ = name

        def detail(self):
            return "engine detail"

    class Forwarder:
        """An engine class with __getattr__ (forwards to numpy): only its own names pass."""
        __module__ = name

        def __init__(self):
            self.own = 1
            self._array = np.zeros(2)

        def __getattr__(self, attr):
            return getattr(self._array, attr)

    def tensor(data, requires_grad=False):
        return Tensor(data, requires_grad)

    def ones(*size, requires_grad=False):
        return Tensor(np.ones(size), requires_grad)

    def zeros(*size, requires_grad=False):
        return Tensor(np.zeros(size), requires_grad)

    def tsum(t):
        return t.sum()

    def tmax(t):
        return Tensor(t._data.max())

    def tabs(t):
        return Tensor(np.abs(t._data))

    def relu(t):
        return Tensor(np.maximum(t._data, 0))

    def fail():
        raise EngineError("engine failed")

    def save(obj, path):
        raise AssertionError("save must never be reachable")

    functions = {"tensor": tensor, "ones": ones, "zeros": zeros, "sum": tsum, "max": tmax,
                 "abs": tabs, "relu": relu, "fail": fail, "save": save}
    for fname, f in functions.items():
        f.__module__ = name
        setattr(pkg, fname, f)
    pkg.Tensor, pkg.Size, pkg.no_grad = Tensor, Size, no_grad
    pkg.EngineError, pkg.Forwarder = EngineError, Forwarder
    pkg.float32 = "float32-dtype"
    pkg.np = np                                  # a module the engine uses: never reachable
    pkg.secret = 42                              # not in __all__
    pkg.os_path = os.path                        # a foreign module listed in __all__
    pkg.tensor_str = types.ModuleType(name + ".tensor_str")

    autograd = types.ModuleType(name + ".autograd")
    autograd.Variable = tensor
    autograd.grad = lambda outputs, inputs: [ones(1)]
    autograd.backward = lambda t: t.backward()
    autograd.__all__ = ["Variable", "grad", "backward"]
    nn = types.ModuleType(name + ".nn")
    functional = types.ModuleType(name + ".nn.functional")
    functional.relu = relu
    functional.mse_loss = lambda a, b: ((a - b) ** 2).mean()
    functional.__all__ = ["relu", "mse_loss"]
    nn.functional = functional
    nn.__all__ = []                              # functional reachable all the same
    pkg.autograd, pkg.nn = autograd, nn
    pkg.__all__ = ["Tensor", "Size", "no_grad", "EngineError", "Forwarder", "float32",
                   "autograd", "nn", "os_path", "save", "_hidden"] + [
                       f for f in functions if f != "save"]
    return pkg


STANDIN = make_standin()


def load_real_engine():
    """gradrepl_engine if it can be imported (installed, or loaded from engine/)."""
    try:
        return importlib.import_module("gradrepl_engine")
    except ImportError:
        pass
    try:
        spec = importlib.util.spec_from_file_location(
            "gradrepl_engine", os.path.join(ROOT, "engine", "__init__.py"),
            submodule_search_locations=[os.path.join(ROOT, "engine")])
        module = importlib.util.module_from_spec(spec)
        sys.modules["gradrepl_engine"] = module
        spec.loader.exec_module(module)
        return module
    except Exception:
        sys.modules.pop("gradrepl_engine", None)
        return None


class Repl:
    """A namespace driven by strings, as the session drives it."""

    def __init__(self, torch_module=STANDIN):
        self.out = []
        self.echoed = []
        self.ns = language.new_namespace(torch_module, echo=self._echo, write=self.out.append)

    def _echo(self, value):
        self.echoed.append(value)
        if value is not None:
            self.out.append(repr(value) + "\n")

    def run(self, source, echo=True):
        code = language.compile_source(source, "<stdin>", echo=echo)
        exec(code, self.ns)
        text = "".join(self.out)
        self.out.clear()
        return text

    def user_names(self):
        return {k: v for k, v in self.ns.items() if not k.startswith("_")}

    def refused(self, source, error=PermissionError, match=None):
        """The error the source raises; the namespace must be untouched when it is a
        compile-time refusal, and usable afterwards in any case."""
        before = dict(self.user_names())
        with pytest.raises(error, match=match) as info:
            self.run(source)
        assert self.run("1 + 1") == "2\n"
        return info.value, before


@pytest.fixture
def repl():
    return Repl()


# ---- statements ---------------------------------------------------------------------------

def test_assignment_forms(repl):
    repl.run("a = 1\nb, c = 2, 3\n(d, [e, f]) = (4, [5, 6])\ng = h = 7\n*i, j = [1, 2, 3]")
    assert [repl.ns[k] for k in "abcdefghj"] == [1, 2, 3, 4, 5, 6, 7, 7, 3]
    assert repl.ns["i"] == [1, 2]
    repl.run("a += 10\nb *= 3\nc **= 2\nlst = [1, 2]\nlst[0] = 9\nlst[1] += 1\nd = {}\nd['k'] = 1")
    assert (repl.ns["a"], repl.ns["b"], repl.ns["c"]) == (11, 6, 9)
    assert repl.ns["lst"] == [9, 3] and repl.ns["d"] == {"k": 1}
    assert repl.run("n: int = 5\nn") == "5\n"


def test_engine_attribute_stores(repl):
    repl.run("x = ones(2, requires_grad=True)\nx.grad = None\nx.data *= 100\n"
             "x.requires_grad = False")
    x = repl.ns["x"]
    assert x.grad is None and x.requires_grad is False and x._data.tolist() == [100, 100]
    repl.run("x.grad = tensor([1., 2.])\ndel x.grad")
    assert not hasattr(x, "grad")
    repl.run("ts = [ones(1), ones(1)]\nts[0].grad = 5\nfor t in ts:\n    t.grad = 3\n")
    assert [t.grad for t in repl.ns["ts"]] == [3, 3]
    repl.run("ts[1].data -= 1")
    assert repl.ns["ts"][1]._data.tolist() == [0]


def test_control_flow(repl):
    src = """
total = 0
for i in range(10):
    if i == 2:
        continue
    elif i > 6:
        break
    else:
        total += i
else:
    total = -1
k = 0
while True:
    k += 1
    if k >= 3:
        break
while k < 5:
    k += 1
else:
    k += 100
"""
    repl.run(src, echo=False)
    assert repl.ns["total"] == 0 + 1 + 3 + 4 + 5 + 6 and repl.ns["k"] == 105


def test_functions_and_lambdas(repl):
    src = """
def f(a, b=2, *args, c=3, **kw):
    return a + b + c + sum(args) + len(kw)
def g(x, /, y):
    return x - y
sq = lambda v, p=2: v ** p
def outer(n):
    def inner(m):
        return n * m
    return inner
r = (f(1), f(1, 1, 1, 1, c=0, extra=1), g(5, y=2), sq(3), sq(2, 3), outer(3)(4))
"""
    repl.run(src)
    assert repl.ns["r"] == (6, 5, 3, 9, 8, 12)
    assert repl.run("def h():\n    return\nh() is None") == "True\n"
    # recursion, closures over comprehension variables, walrus inside a function
    repl.run("def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\n"
             "def firsts(xs):\n    return [(y := v.real) for v in xs], y\n")
    assert repl.run("fact(5), firsts([1, 2])") == "(120, ([1, 2], 2))\n"
    # decorators, applied bottom-up as in Python
    repl.run("def twice(f):\n    return lambda v: f(f(v))\n"
             "def plus(n):\n    return lambda f: (lambda v: f(v) + n)\n"
             "@twice\n@plus(1)\ndef d(v):\n    return v * 10\n")
    assert repl.run("d(1)") == "111\n"
    # global and nonlocal counters
    repl.run("calls = 0\ndef counted(v):\n    global calls\n    calls += 1\n    return v\n"
             "def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n"
             "        return n\n    return inc\ninc = counter()\n")
    assert repl.run("counted(1), counted(2), calls, inc(), inc()") == "(1, 2, 2, 1, 2)\n"


def test_try_raise_assert_del_pass(repl):
    src = """
log = []
try:
    1 / 0
except ZeroDivisionError as e:
    log.append(('caught', e.args))
else:
    log.append('else')
finally:
    log.append('finally')
try:
    pass
except Exception:
    log.append('no')
else:
    log.append('else')
try:
    try:
        raise ValueError('inner')
    except ValueError as e:
        raise RuntimeError('outer') from e
except RuntimeError as e:
    log.append(str(e))
try:
    assert 1 == 2, 'nope'
except AssertionError as e:
    log.append(e.args[0])
try:
    fail()
except EngineError as e:
    log.append((e.args, e.detail()))
gone = 1
del gone
"""
    repl.run(src)
    assert repl.ns["log"] == [("caught", ("division by zero",)), "finally", "else", "outer",
                              "nope", (("engine failed",), "engine detail")]
    assert "gone" not in repl.ns
    with pytest.raises(AssertionError):
        repl.run("assert False")
    with pytest.raises(ValueError, match="boom"):
        repl.run("raise ValueError('boom')")


def test_with_and_comprehensions(repl):
    out = repl.run("with no_grad():\n    y = 2\n    y\n\n"
                   "with torch.no_grad() as nothing:\n    pass\n")
    assert out == "2\n" and repl.ns["nothing"] is None
    repl.run("sq = [i * i for i in range(4) if i]\nst = {i % 2 for i in range(5)}\n"
             "dc = {k: v for k, v in zip('ab', range(2))}\ngen = sum(i for i in range(4))\n"
             "nested = [[j for j in range(i)] for i in range(3)]")
    assert repl.ns["sq"] == [1, 4, 9] and repl.ns["st"] == {0, 1}
    assert repl.ns["dc"] == {"a": 0, "b": 1} and repl.ns["gen"] == 6
    assert repl.ns["nested"] == [[], [0], [0, 1]]


def test_attributes_inside_comprehensions(repl):
    # a walrus is not allowed in a comprehension's iterable: the guard takes another form
    repl.run("ps = [ones(2), zeros(2)]\nfor p in ps:\n    p.backward()\n")
    assert repl.run("[p.grad.tolist() for p in ps]") == "[[1.0, 1.0], [1.0, 1.0]]\n"
    assert repl.run("[v for v in ps[0].grad.tolist()]") == "[1.0, 1.0]\n"
    assert repl.run("[v for v in ps[0].shape]") == "[2]\n"
    assert repl.run("{p.dim(): p.shape.numel() for p in ps}") == "{1: 2}\n"
    assert repl.run("list(v.real for v in [1, 2] if v.real)") == "[1, 2]\n"
    assert repl.run("[q for q in (lambda: ps[0].grad.tolist())()]") == "[1.0, 1.0]\n"
    repl.run("ok = [0 for ps[0].grad in [ones(1)]]")  # an attribute as a comprehension target
    assert repl.run("ps[0].grad") == "tensor([1.])\n"


def test_fstrings_and_format(repl):
    repl.run("v = 3.14159\nn = 42\nw = 8")
    assert repl.run("f'{v:.2f}|{n:>5}|{n!r}|{v:{w}.1f}|{\"s\"!s:3}|{n:#x}'") == \
        "'3.14|   42|42|     3.1|s  |0x2a'\n"
    assert repl.run("'{:.4f} {} {name}'.format(v, n, name='x')") == "'3.1416 42 x'\n"
    assert repl.run("'{0} {0}'.format(1)") == "'1 1'\n"
    assert repl.run("'{a}'.format_map({'a': 1})") == "'1'\n"
    assert repl.run("'%.1f %s' % (v, 'x')") == "'3.1 x'\n"
    assert repl.run("format(v, '.3f')") == "'3.142'\n"
    repl.run("t = tensor(2.5)")
    assert repl.run("f'{t:.2f} {t.item():.1f}'") == "'2.50 2.5'\n"
    with pytest.raises(IndexError):
        repl.run("'{} {}'.format(1)")
    with pytest.raises(ValueError):
        repl.run("'{'.format(1)")


def test_no_intermediate_is_kept_alive(repl):
    repl.run("x = ones(3)\nv = (x * 2).sum().item()")
    assert repl.ns.get("_gr_t") is None and repl.ns["v"] == 6.0
    with pytest.raises(AttributeError):
        repl.run("(x * 2).nope")
    assert repl.ns.get("_gr_t") is None


def test_special_names(repl):
    assert repl.run("__name__") == "'__main__'\n"
    assert repl.run("for _ in range(2):\n    _\n") == "0\n1\n"
    assert repl.run("_, b = 1, 2\nb") == "2\n"
    assert repl.run("f = lambda _: 1\nf(0)") == "1\n"


# ---- echo ---------------------------------------------------------------------------------

def test_echo_is_python_single_mode(repl):
    assert repl.run("1 + 1") == "2\n"
    assert repl.run("x = 5") == ""
    assert repl.run("None") == "" and repl.echoed[-1] is None
    assert repl.run("print('hi')") == "hi\n"
    assert repl.run("x; x + 1") == "5\n6\n"
    assert repl.run("for i in range(2):\n    i\n") == "0\n1\n"
    assert repl.run("if x:\n    'yes'\nelse:\n    'no'\n") == "'yes'\n"
    assert repl.run("with no_grad():\n    x * 2\n") == "10\n"
    assert repl.run("try:\n    x\nexcept Exception:\n    pass\nfinally:\n    'f'\n") == \
        "5\n'f'\n"
    assert repl.run("while x < 7:\n    x += 1\n    x\n") == "6\n7\n"
    assert repl.run("def f():\n    'not echoed'\n    x\n    return 1\nf()") == "1\n"
    assert repl.run("g = lambda: 3\ng()") == "3\n"
    assert repl.run("[i for i in range(2)]") == "[0, 1]\n"
    assert repl.run("'doc'") == "'doc'\n"


def test_no_echo_for_scripts(repl):
    assert repl.run("1 + 1\nfor i in range(2):\n    i\n", echo=False) == ""
    assert repl.run("print(3)", echo=False) == "3\n"


# ---- imports and facades --------------------------------------------------------------------

def test_torch_imports(repl):
    repl.run("import torch\nimport torch as t\nimport torch.nn.functional as F\n"
             "from torch import nn\nfrom torch.nn import functional as G\n"
             "from torch.autograd import Variable, grad\nimport torch.autograd\n"
             "import torch.nn\nfrom torch import ones as o")
    ns = repl.ns
    assert ns["t"] is ns["torch"] and ns["F"] is ns["G"] is ns["nn"].functional
    assert ns["Variable"] is STANDIN.autograd.Variable and ns["o"] is STANDIN.ones
    assert repl.run("F.relu(tensor([-1., 2.]))") == "tensor([0., 2.])\n"
    assert repl.run("torch.autograd.grad(1, 2)") == "[tensor([1.])]\n"
    assert repl.run("torch") == "<module 'torch'>\n"
    assert repl.run("torch.nn.functional") == "<module 'torch.nn.functional'>\n"


def test_torch_facade_exposes_only_all(repl):
    for hidden in ("np", "secret", "tensor_str", "os_path", "save"):
        with pytest.raises(AttributeError, match="module 'torch' has no attribute %r" % hidden):
            repl.run("torch.%s" % hidden)
        assert repl.run("1") == "1\n"
    with pytest.raises(PermissionError):
        repl.run("torch._hidden")
    with pytest.raises(ImportError, match="cannot import name 'secret' from 'torch'"):
        repl.run("from torch import secret")
    assert repl.run("dir(torch)") == repr(sorted(
        n for n in STANDIN.__all__ if n not in ("os_path", "save", "_hidden"))) + "\n"


def test_star_import(repl):
    repl.run("from torch import *")
    assert repl.ns["ones"] is STANDIN.ones and "np" not in repl.ns and "save" not in repl.ns
    e, _ = repl.refused("from math import *")
    assert "only 'from torch import *'" in str(e)
    with pytest.raises(SyntaxError, match="import \\* only allowed at module level"):
        repl.run("def f():\n    from torch import *\n")


def test_math_time_numpy(repl):
    repl.run("import math\nfrom math import pi, sqrt\nimport time\nimport numpy as np\n"
             "import numpy\nimport numpy.random\nfrom numpy import random as npr")
    assert repl.run("math.pi == pi, sqrt(4.0), math.floor(2.5)") == "(True, 2.0, 2)\n"
    assert repl.run("t0 = time.perf_counter(); time.sleep(0); time.perf_counter() >= t0") == \
        "True\n"
    assert repl.run("np.array([1., 2.]).sum()") == "np.float64(3.0)\n"
    assert repl.run("a = np.arange(6).reshape(2, 3)\na.shape, a.T.shape, a.dtype.name") == \
        "((2, 3), (3, 2), 'int64')\n"
    assert repl.run("np.allclose(np.exp(np.zeros(2)), np.ones(2))") == "True\n"
    assert repl.run("np.random.seed(0); x1 = np.random.rand(2); np.random.seed(0); "
                    "bool((x1 == npr.rand(2)).all())") == "True\n"
    assert repl.run("np.pi == math.pi, np.float32(1.5), np.linalg.norm(np.ones(4))") == \
        "(True, np.float32(1.5), np.float64(2.0))\n"
    assert repl.run("a.astype(np.float32).dtype.name, a.tolist()") == \
        "('float32', [[0, 1, 2], [3, 4, 5]])\n"
    assert repl.run("np.array([1, 2]) @ np.array([3, 4])") == "np.int64(11)\n"
    with pytest.raises(ValueError):   # numpy's own error, reported as the user's
        repl.run("np.ones(2) @ np.ones(3)")
    with pytest.raises(AttributeError, match="module 'numpy' has no attribute 'load'"):
        repl.run("np.load")


def test_unknown_imports_have_a_hint(repl):
    for source, missing in (("import os", "os"), ("import os.path", "os"),
                            ("from os import path", "os"), ("import importlib", "importlib"),
                            ("import torch.optim", "torch.optim"),
                            ("from numpy.ctypeslib import as_array", "numpy.ctypeslib"),
                            ("import math, sys", "sys")):
        e, _ = repl.refused(source, ModuleNotFoundError)
        assert str(e) == "No module named %r" % missing and e.name == missing
        assert "torch" in e.hint and "math" in e.hint and e.hint not in str(e)
    with pytest.raises(ImportError, match="relative import"):
        repl.run("from . import x")


def test_refused_import_leaves_earlier_statements_unrun(repl):
    repl.run("x = 1")
    repl.refused("x = 2\nimport os", ModuleNotFoundError)
    assert repl.ns["x"] == 1


# ---- builtins -------------------------------------------------------------------------------

def test_builtins_keep_their_python_meaning(repl):
    assert repl.run("sum([1, 2]), max(1, 3), min([4, 2]), abs(-2), round(2.567, 2), pow(2, 3)") \
        == "(3, 3, 2, 2, 2.57, 8)\n"
    assert repl.run("ones(2), zeros(1), relu(tensor([-1.]))") == \
        "(tensor([1., 1.]), tensor([0.]), tensor([0.]))\n"
    assert repl.run("torch.sum(ones(3)), torch.max(tensor([1., 5.]))") == \
        "(tensor(3.), tensor(5.))\n"
    assert repl.run("sum = 5\nsum") == "5\n"
    assert repl.run("del sum\nsum([2])") == "2\n"


def test_curated_builtins(repl):
    src = ("list(range(3)), len('ab'), tuple([1]), dict(a=1), set([1]), frozenset([1]), "
           "list(zip([1], [2])), list(enumerate('a')), sorted([2, 1]), list(reversed([1, 2])), "
           "float('1.5'), int('2'), bool(0), str(1), repr('a'), isinstance(1, int), "
           "any([0, 1]), all([]), list(map(abs, [-1])), list(filter(None, [0, 1])), "
           "divmod(7, 2), format(1.5, '.2f'), callable(len), chr(65), ord('A'), hex(255), "
           "next(iter([1])), slice(1, 2).stop, hash(1) == hash(1), issubclass(bool, int)")
    assert repl.run(src) == (
        "([0, 1, 2], 2, (1,), {'a': 1}, {1}, frozenset({1}), [(1, 2)], [(0, 'a')], [1, 2], "
        "[2, 1], 1.5, 2, False, '1', \"'a'\", True, True, True, [1], [1], (3, 1), '1.50', "
        "True, 'A', 65, '0xff', 1, 2, True, True)\n")
    assert repl.run("isinstance(ones(1), torch.Tensor), isinstance(ValueError(), Exception)") \
        == "(True, True)\n"


def test_type(repl):
    assert repl.run("type(ones(1)) is torch.Tensor, type(1), type(type(1)), type(type)") == (
        "(True, <class 'int'>, <class 'type'>, <class 'type'>)\n")
    assert repl.run("type(1) is int, type(type(1)) is type, isinstance(int, type), "
                    "issubclass(bool, int), isinstance(1, type)") == \
        "(True, True, True, True, False)\n"
    assert repl.run("type(1)('5') + 1, type(ones(1)) is torch.Tensor") == "(6, True)\n"
    repl.refused("type('X', (), {})", match="making a class")
    repl.refused("type(type(1))('X', (), {})", match="making a class")


def test_hasattr_and_dir(repl):
    repl.run("x = ones(1)\ngen = (i for i in [])")
    assert repl.run("hasattr(x, 'grad'), hasattr(x, 'nope'), hasattr([], 'append')") == \
        "(True, False, True)\n"
    repl.refused("hasattr(x, '__class__')")
    repl.refused("hasattr(gen, 'gi_frame')")
    names = eval(repl.run("dir(x)"))
    assert "grad" in names and "backward" in names and not any(n.startswith("_") for n in names)
    arr_names = eval(repl.run("import numpy as np\ndir(np.ones(1))"))
    assert "sum" in arr_names and "ctypes" not in arr_names and "tofile" not in arr_names
    assert repl.run("dir(gen)") == "[]\n"
    assert "x" in eval(repl.run("dir()")) and "torch" in eval(repl.run("dir()"))
    assert eval(repl.run("dir()")) == sorted(eval(repl.run("dir()")))


def test_unavailable_builtins(repl):
    for name in ("input", "help", "exit", "quit", "bytearray"):
        e, _ = repl.refused("%s()" % name, match="%s\\(\\) is not available" % name)
    assert repl.run("input = ones(1)\ninput") == "tensor([1.])\n"   # still a fine variable name
    assert repl.run("exit") == "Use Ctrl-D (i.e. EOF) to exit\n"


# ---- print ----------------------------------------------------------------------------------

def test_print_formats_like_python(repl):
    assert repl.run("print()") == "\n"
    assert repl.run("print(1, 'a', [2], None)") == "1 a [2] None\n"
    assert repl.run("print(1, 2, sep='')") == "12\n"
    assert repl.run("print(1, 2, sep=None, end=None)") == "1 2\n"
    assert repl.run("print('a', end='')\nprint('b', 'c', sep=', ', end='!\\n', flush=True)") == \
        "ab, c!\n"
    assert repl.run("print(tensor([1., 2.]))") == "tensor([1., 2.])\n"
    assert repl.run("print(*[1, 2], **{'sep': '-'})") == "1-2\n"
    with pytest.raises(TypeError, match="sep must be None or a string, not int"):
        repl.run("print(1, sep=1)")
    assert repl.run("print(1, file=None)") == "1\n"
    repl.refused("print('x', file=ones(1))", match="file=")


# ---- refusals: one clear line, nothing run --------------------------------------------------

REFUSALS = [
    ("eval('1')", "eval() is not allowed in gradrepl"),
    ("exec('1')", "exec() is not allowed in gradrepl"),
    ("open('/etc/passwd')", "open() is not allowed in gradrepl"),
    ("compile('1', 's', 'eval')", "compile() is not allowed"),
    ("getattr(1, 'real')", "getattr() is not allowed"),
    ("setattr", "setattr() is not allowed"),
    ("globals()", "globals() is not allowed"),
    ("locals()", "locals() is not allowed"),
    ("vars()", "vars() is not allowed"),
    ("breakpoint()", "breakpoint() is not allowed"),
    ("memoryview(b'')", "memoryview() is not allowed"),
    ("super()", "super is only allowed as super().name"),
    ("s = super", "super is only allowed as super().name"),
    ("super(int, 1).real", "super is only allowed as super().name"),
    ("class A:\n    def f(self):\n        super().__getattribute__('x')\n",
     "attribute '__getattribute__' is not allowed"),
    ("class A:\n    def f(self):\n        super().x = 1\n", "attributes of super() can only be read"),
    ("eval = 1", "eval() is not allowed"),
    ("def f(open): pass", "open() is not allowed"),
    ("_x = 1", "name '_x' is not allowed (names starting with '_' are private)"),
    ("__builtins__", "name '__builtins__' is not allowed"),
    ("__import__('os')", "name '__import__' is not allowed"),
    ("(1).__class__", "attribute '__class__' is not allowed (names starting with '_' are private)"),
    ("x = ones(1)._data", "attribute '_data' is not allowed"),
    ("ones(1, _x=2)", "keyword argument '_x' is not allowed"),
    ("def f(_a): pass", "parameter '_a' is not allowed"),
    ("lambda *_a: 0", "parameter '_a' is not allowed"),
    ("def _f(): pass", "function name '_f' is not allowed"),
    ("import torch as _t", "name '_t' is not allowed"),
    ("from torch import _C", "name '_C' is not allowed"),
    ("try:\n    pass\nexcept Exception as _e:\n    pass\n", "name '_e' is not allowed"),
    ("class A(metaclass=type): pass", "class keyword arguments (metaclass=...) are not allowed"),
    ("class A(object, x=1): pass", "class keyword arguments"),
    ("class A(*[object]): pass", "starred class bases are not allowed"),
    ("class _A: pass", "class name '_A' is not allowed"),
    ("class A:\n    def __getattr__(self, n): pass\n", "function name '__getattr__' is not allowed"),
    ("class A:\n    def __init_subclass__(cls): pass\n", "function name '__init_subclass__'"),
    ("class A:\n    __slots__ = ()\n", "name '__slots__' is not allowed"),
    ("class A:\n    def f(self):\n        def __init__(s): pass\n",
     "function name '__init__' is not allowed"),
    ("def __init__(self): pass", "function name '__init__' is not allowed"),
    ("def f():\n    global _gr_attr\n", "name '_gr_attr' is not allowed"),
    ("def f():\n    _y = 1\n    def g():\n        nonlocal _y\n",
     "name '_y' is not allowed"),
    ("def f():\n    yield 1\n", "yield is not allowed"),
    ("def f():\n    yield from []\n", "yield from is not allowed"),
    ("async def f(): pass", "async functions are not allowed"),
    ("@print.__call__\ndef f(): pass", "attribute '__call__' is not allowed"),
    ("@(lambda f: f.__globals__)\ndef f(): pass", "attribute '__globals__' is not allowed"),
    ("match 1:\n    case 1:\n        pass\n", "match statements are not allowed"),
]
if sys.version_info >= (3, 11):
    REFUSALS.append(("try:\n    pass\nexcept* Exception:\n    pass\n", "except* is not allowed"))


@pytest.mark.parametrize("source, message", REFUSALS)
def test_refusals(repl, source, message):
    repl.run("x = 'before'")
    e, before = repl.refused("x = 'after'\n" + source, match=re.escape(message))
    assert repl.ns["x"] == "before"           # the whole chunk was refused before it ran
    assert repl.user_names().keys() == before.keys()
    assert "\n" not in str(e)


def test_refusal_hint_and_line(repl):
    e, _ = repl.refused("x = 1\n\n(1).__class__")
    assert e.lineno == 3 and e.hint and e.hint not in str(e)


def test_runtime_attribute_refusals(repl):
    repl.run("g = (i for i in [1])\nf = lambda: 0")
    e, _ = repl.refused("g.gi_frame", match="attribute 'gi_frame' of 'generator' objects")
    assert e.hint
    repl.refused("type(1).mro", match="attribute 'mro' of class 'int'")
    with pytest.raises(AttributeError, match="'function' object has no attribute 'nope'"):
        repl.run("f.nope")
    with pytest.raises(AttributeError, match="'NoneType' object has no attribute 'zero_'"):
        repl.run("ones(1).grad.zero_()")
    with pytest.raises(AttributeError, match="'Tensor' object has no attribute 'gard'"):
        repl.run("ones(1).gard")
    with pytest.raises(AttributeError, match="'NoneType' object has no attribute 'data'"):
        repl.run("ones(1).grad.data = 1")
    repl.refused("f.x = 1", match="cannot set attribute 'x' of 'function' objects")
    repl.refused("torch.ones = 1", match="cannot set attribute 'ones' of <module 'torch'>")
    repl.refused("del torch.ones", match="cannot set attribute 'ones'")
    repl.refused("torch.Tensor.extra = 1", match="cannot set attribute 'extra' of 'type'")
    assert repl.run("next(g)") == "1\n"


def test_engine_classes(repl):
    # an engine class with a Python base: its own names, and the base's audited ones
    assert repl.run("s = ones(2, 3).shape\ns, s.numel(), s.count(2), s.index(3)") == \
        "(torch.Size([2, 3]), 6, 1, 1)\n"
    # an engine exception: its own methods and args, never with_traceback
    repl.run("try:\n    fail()\nexcept Exception as e:\n    err = e\n")
    assert repl.run("err.detail(), err.args") == "('engine detail', ('engine failed',))\n"
    repl.refused("err.with_traceback(None)")
    # an engine class with __getattr__: instance and class names only
    repl.run("fw = Forwarder()")
    assert repl.run("fw.own") == "1\n"
    repl.refused("fw.ctypes")
    # class objects of the engine: the names the engine defined, not type's
    assert repl.run("torch.Tensor.sum(ones(2))") == "tensor(2.)\n"
    repl.refused("torch.Tensor.mro")


def test_namespace_layout(repl):
    ns = repl.ns
    assert ns["__name__"] == "__main__" and repr(ns["torch"]) == "<module 'torch'>"
    builtins_layer = ns["__builtins__"]
    assert builtins_layer["nn"] is ns["torch"].nn
    assert builtins_layer["sum"] is sum and builtins_layer["ones"] is STANDIN.ones
    assert "eval" not in builtins_layer and "open" not in builtins_layer
    # what a class statement calls (user code cannot spell it)
    assert [k for k in builtins_layer if k.startswith("_")] == ["__import__", "__build_class__"]
    # only for C code importing what is already loaded (numpy's lazy imports)
    assert builtins_layer["__import__"]("numpy") is np
    with pytest.raises(ImportError):
        builtins_layer["__import__"]("antigravity")
    with pytest.raises(ImportError):
        builtins_layer["__import__"]("numpy", {}, {}, (), 1)
    assert sorted(repl.user_names()) == ["torch"]


def test_user_shadowing_does_not_break_guards(repl):
    repl.run("type = lambda o: 'mine'\nisinstance = None\nprint = lambda *a: None\n"
             "x = ones(1)")
    assert repl.run("x.grad is None, type(1)") == "(True, 'mine')\n"
    repl.run("g = (i for i in [])")
    with pytest.raises(PermissionError):
        repl.run("g.gi_frame")


# ---- syntax and completeness -----------------------------------------------------------------

def test_syntax_errors_are_pythons(repl):
    for source, message in (("x = (1,", "was never closed"), ("def f(:", "invalid syntax"),
                            ("return 1", "'return' outside function"),
                            ("break", "'break' outside loop"),
                            ("def f(a, a): pass", "duplicate argument"),
                            ("  x = 1", "unexpected indent")):
        with pytest.raises(SyntaxError, match=message):
            repl.run(source)
    assert repl.run("") == "" and repl.run("# just a comment") == ""


def test_syntax_error_wins_over_refusal(repl):
    with pytest.raises(SyntaxError):
        repl.run("eval('1')\nx = (")


@pytest.mark.parametrize("source, complete", [
    ("x = 1", True), ("if x:", False), ("if x:\n    y", False), ("if x:\n    y\n", True),
    ("for i in r:\n  a\n  b\n", True), ("x = (1,", False), ("x = [1,\n2]", True),
    ("x = (1,\n   2)", True), ("x = 1\ny = 2", True), ("x = 1\nif y:\n  z", False),
    ("x = 1\nif y:\n  z\n", True), ("def f(:", True), ("", True), ("# c", True),
    ("x = '''abc", False), ("1 +\\", False), ("try:\n  a\n", False),
    ("if x:\n  a\nelse:", False), (")", True), ("class A:", False), ("a +", True),
])
def test_is_complete(source, complete):
    assert language.is_complete(source) is complete


# ---- speed: engine objects never call a guard function ----------------------------------------

def test_engine_attribute_reads_stay_in_bytecode(repl):
    assert type(repl.run("x = ones(1)") or repl.ns["x"]) in guards.FAST  # decided up front
    calls = []
    for name in ("_gr_box", "_gr_attr", "_gr_store"):
        real = repl.ns[name]
        repl.ns[name] = lambda *a, _real=real, _name=name: calls.append(_name) or _real(*a)
    repl.run("x = ones(2)\ny = ones(1)\nfor i in range(3):\n    x.grad = y.data\n"
             "    z = (x + y).sum().item()\n    q = [x.grad.dim() for j in range(2)]\n"
             "    torch.ones(1).shape.numel()\n    lst = []\n    lst.append(x.grad)\n",
             echo=False)
    repl.run("x.grad.dim()\n'abc'.upper()\n{}.get(1)\nx.shape.numel()")
    assert calls == []
    repl.run("import numpy as np\nnp.ones(1).sum()\n'{}'.format(1)")
    assert calls == ["_gr_box", "_gr_attr"]


def test_inline_guard_beats_a_guard_call():
    """Attribute reads on engine objects: an inline type check, cheaper than any call."""
    repl = Repl()
    repl.run("x = ones(1)")
    loop = "def f(x):\n    for i in range(50000):\n        y = %s\nf(x)"
    inline = language.compile_source(loop % "x.requires_grad", echo=False)
    called = language.compile_source(loop % "_gr_attr(x, 'requires_grad')".replace(
        "_gr_attr", "guard"), echo=False)
    repl.ns["__builtins__"]["guard"] = guards.load

    def best(code):
        times = []
        for _ in range(7):
            t0 = time.perf_counter()
            exec(code, repl.ns)
            times.append(time.perf_counter() - t0)
        return min(times)

    assert best(inline) < best(called)


# ---- the real engine, when it can be imported ---------------------------------------------------

@pytest.fixture(scope="module")
def engine():
    module = load_real_engine()
    if module is None:
        pytest.skip("gradrepl_engine cannot be imported")
    return module


def test_real_engine_session(engine):
    try:
        repl = Repl(engine)
    except Exception as exc:  # the engine is being written at the same time
        pytest.skip("engine not usable: %r" % exc)
    assert repl.run("x = torch.ones(2, 2, requires_grad=True)\ny = (x * 3).sum()\n"
                    "y.backward()\nx.grad") == "tensor([[3., 3.],\n        [3., 3.]])\n"
    assert repl.run("x.grad = None\nx.data *= 100\nx.grad is None, x.requires_grad") == \
        "(True, True)\n"
    assert repl.run("type(x)") == "<class 'torch.Tensor'>\n"
    assert repl.run("z = ones(2)\nz.shape, z.dtype, sum([1]), torch.sum(z)") == \
        "(torch.Size([2]), torch.float32, 1, tensor(2.))\n"
    assert repl.run("import torch.nn.functional as F\nF.relu(torch.tensor([-1., 1.]))") == \
        "tensor([0., 1.])\n"
    assert repl.run("from torch.autograd import Variable, grad\nwith torch.no_grad():\n"
                    "    w = z * 2\n\nw.requires_grad") == "False\n"
    for hidden in ("np", "tensor_str", "dtypes", "opspec"):
        with pytest.raises(AttributeError):
            repl.run("torch.%s" % hidden)
    with pytest.raises(PermissionError):
        repl.run("torch.float32.np_dtype.type")
    with pytest.raises(PermissionError):
        repl.run("torch.ones(2).numpy().ctypes")
    assert repl.run("isinstance(x, torch.FloatTensor), type(torch.FloatTensor)") == \
        "(True, <class 'gradrepl_engine.creation._LegacyConstructor'>)\n"
    with pytest.raises(PermissionError, match="creating classes"):
        repl.run("type(torch.FloatTensor)('X', (), {})")


def test_autograd_functional_and_gradcheck_import_as_in_torch(engine):
    """torch.autograd.functional is a module; torch.autograd.gradcheck is the function, the
    module of that name only reached by `from torch.autograd.gradcheck import ...`."""
    repl = Repl(engine)
    repl.run("import torch.autograd.functional as AF\n"
             "from torch.autograd.functional import jacobian, hessian, vjp, jvp, hvp, vhp\n"
             "from torch.autograd.gradcheck import gradcheck, gradgradcheck, GradcheckError\n"
             "import torch.autograd.gradcheck as G\nfrom torch.autograd import gradcheck as g2")
    ns = repl.ns
    assert ns["jacobian"] is ns["AF"].jacobian is ns["torch"].autograd.functional.jacobian
    assert ns["G"] is ns["g2"] is ns["gradcheck"] is ns["torch"].autograd.gradcheck
    assert repl.run("torch.autograd.functional") == "<module 'torch.autograd.functional'>\n"
    assert repl.run("jacobian(lambda t: t * t, torch.tensor([1., 2.]))") == \
        "tensor([[2., 0.],\n        [0., 4.]])\n"
    assert repl.run("GradcheckError") == \
        "<class 'torch.autograd.gradcheck.GradcheckError'>\n"
    with pytest.raises(AttributeError, match="'function' object has no attribute 'gradcheck'"):
        repl.run("torch.autograd.gradcheck.gradcheck")


def test_torch_special_imports_as_in_torch(engine):
    repl = Repl(engine)
    repl.run("import torch.special\nfrom torch.special import expit, gammaln\n"
             "from torch import special\nimport torch.special as S")
    ns = repl.ns
    assert ns["S"] is ns["special"] is ns["torch"].special and ns["expit"] is ns["S"].expit
    assert repl.run("torch.special") == "<module 'torch.special'>\n"
    assert repl.run("gammaln(torch.tensor([0.5, 1.5], requires_grad=True))") == \
        "tensor([ 0.5724, -0.1208], grad_fn=<LgammaBackward0>)\n"



# ---- classes -----------------------------------------------------------------------------

CLASSES = """
class Point:
    '''A point: its docstring is not echoed, nor is any expression of a class body.'''
    1 + 1
    dims = 2
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    @property
    def total(self):
        return self.x + self.y
    @total.setter
    def total(self, value):
        self.x = value - self.y
    @classmethod
    def origin(cls):
        return cls(0, 0)
    @staticmethod
    def twice(v):
        return [v.x * 2 for k in range(1)][0]

class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def __repr__(self):
        return super().__repr__() + "+" + str(self.z)
"""


def test_classes_define_special_methods_properties_and_super(repl):
    assert repl.run(CLASSES) == ""
    assert repl.run("p = Point(1, 2) + Point3(3, 4, 5)\np") == "Point(4, 6)\n"
    assert repl.run("p.total = 20\np, p.total, Point.origin(), Point.twice(p), Point3(1, 2, 3)") \
        == "(Point(14, 6), 20, Point(0, 0), 28, Point(1, 2)+3)\n"
    assert repl.run("Point.dims = 3\nPoint3.dims, type(p) is Point, isinstance(p, Point)") == \
        "(3, True, True)\n"
    assert repl.run("[n for n in dir(Point3(1, 2, 3))]") == \
        "['dims', 'origin', 'total', 'twice', 'x', 'y', 'z']\n"


def test_class_bases_are_checked_when_the_statement_runs(repl):
    repl.run("a = 1")
    e, _ = repl.refused("class A(dict): pass", match="subclassing 'dict' is not allowed")
    assert str(e).startswith("subclassing 'dict' is not allowed in gradrepl (a class may derive "
                             "from object, exception classes, your own classes")
    repl.refused("class A(type(type)): pass", match="subclassing 'type' is not allowed")
    repl.refused("class A(len): pass", match="subclassing 'builtin_function_or_method object'")
    assert repl.run("class E(ValueError):\n    pass\n\nissubclass(E, Exception)") == "True\n"
    with pytest.raises(ValueError, match="bad"):
        repl.run("raise E('bad')")
