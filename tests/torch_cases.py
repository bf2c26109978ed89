"""The case table of test_vs_torch.py: PyTorch statements run on real torch and on our engine.

A case is a function of a module `t` (`torch` or `gradrepl_engine`) returning what a
user would look at: tensors, nodes, sizes, Python values, tuples of them. It may
raise; the error is then the outcome compared. `error=True` says the case is meant
to raise in PyTorch (checked by test_case_means_what_it_says), `error=None` that
either way is fine (generated cases whose PyTorch outcome depends on the dtypes).

XFAILS (at the end) lists the cases where we differ from PyTorch today, grouped by
theme, each with what PyTorch prints and what we print: the engine's work queue.
"""


import numpy as np


class Case:
    __slots__ = ("id", "fn", "error")

    def __init__(self, id, fn, error):
        self.id, self.fn, self.error = id, fn, error

    def __repr__(self):
        return self.id


CASES = []


def add(id, fn, error=False):
    CASES.append(Case(id, fn, error))


def case(id, error=False):
    """Decorator form of add() for cases that need statements."""
    def register(fn):
        add(id, fn, error)
        return fn
    return register


# ---- helpers (each takes the module as its first argument) ---------------------------

A = [[1.0, -2.0, 3.0], [0.5, 4.0, -1.5]]      # (2, 3) float, no ties
P = [[0.5, 1.0, 2.0], [3.0, 4.0, 0.25]]       # (2, 3) positive
V = [0.5, -1.0, 2.0]                            # (3,)
W = [2.0, 0.5, -1.0]                            # (3,)
I = [[1, -2, 3], [4, 5, -6]]                    # (2, 3) int
IP = [[1, 2, 3], [4, 5, 6]]                     # (2, 3) positive int
B = [[True, False, True], [False, False, True]]  # (2, 3) bool
U = [[0.1, 0.5, 0.9], [0.3, 0.7, 0.2]]        # (2, 3) in (0, 1)


def T(t, data, dtype=None):
    return t.tensor(data, dtype=dtype)


def L(t, data, dtype=None):
    """A leaf that requires grad."""
    return t.tensor(data, dtype=dtype, requires_grad=True)


def graph(node, depth=8):
    """The graph under a grad_fn as text: NodeClass(child:output_nr, ...).

    Class names (what `repr(node)` shows), not node.name(): PyTorch's name() of a few
    C++ nodes carries a namespace (torch::autograd::CopySlices), checked on its own
    in autograd/node_name_method.
    """
    if node is None:
        return "None"
    if depth == 0:
        return type(node).__name__ + "(...)"
    kids = ", ".join("%s:%d" % (graph(n, depth - 1), i) for n, i in node.next_functions)
    return "%s(%s)" % (type(node).__name__, kids)


def weights(t, y):
    """Distinct weights shaped like y, so gradients are not all ones."""
    return t.arange(1.0, y.numel() + 1.0).reshape(y.shape)


def backprop(t, f, *datas, dtype=None):
    """y = f(leaves...); (y * weights).sum().backward(); y's values and the leaves' grads."""
    xs = [L(t, d, dtype) for d in datas]
    y = f(t, *xs)
    (y * weights(t, y)).sum().backward()
    return y.detach(), [x.grad for x in xs]


def forward_graph(t, f, *datas, dtype=None):
    """y = f(leaves...): y as printed (grad_fn suffix) and the graph under it."""
    y = f(t, *[L(t, d, dtype) for d in datas])
    return y, graph(y.grad_fn)


def grad_case(id, f, *datas, dtype=None, error=False):
    """Two cases: `id` for values and gradients, `id/graph` for the nodes recorded."""
    add(id, lambda t: backprop(t, f, *datas, dtype=dtype), error)
    add(id + "/graph", lambda t: forward_graph(t, f, *datas, dtype=dtype), error and None)


# =====================================================================================
# creation
# =====================================================================================

add("create/tensor_int_list", lambda t: t.tensor([1, 2, 3]))
add("create/tensor_float_list", lambda t: t.tensor([1.0, 2.0]))
add("create/tensor_mixed_list", lambda t: t.tensor([1, 2.5]))
add("create/tensor_bool_list", lambda t: t.tensor([True, False]))
add("create/tensor_mixed_bool_int", lambda t: t.tensor([True, 2]))
add("create/tensor_int_scalar", lambda t: t.tensor(3))
add("create/tensor_float_scalar", lambda t: t.tensor(3.5))
add("create/tensor_bool_scalar", lambda t: t.tensor(True))
add("create/tensor_nested", lambda t: t.tensor([[1, 2], [3, 4]]))
add("create/tensor_3d", lambda t: t.tensor([[[1.0, 2.0]], [[3.0, 4.0]]]))
add("create/tensor_dtype_float64", lambda t: t.tensor([[1, 2], [3, 4]], dtype=t.float64))
add("create/tensor_dtype_float32_from_int", lambda t: t.tensor([1, 2], dtype=t.float32))
add("create/tensor_dtype_int_truncates", lambda t: t.tensor([1.7, -2.7], dtype=t.int64))
add("create/tensor_dtype_int32", lambda t: t.tensor([1, 2], dtype=t.int32))
add("create/tensor_dtype_bool", lambda t: t.tensor([0, 2], dtype=t.bool))
add("create/tensor_dtype_float16", lambda t: t.tensor([1.5, 2.25], dtype=t.float16))
add("create/tensor_dtype_alias_double", lambda t: t.tensor([1, 2], dtype=t.double))
add("create/tensor_dtype_alias_long", lambda t: t.tensor([1.0, 2.0], dtype=t.long))
add("create/tensor_empty_list", lambda t: t.tensor([]))
add("create/tensor_empty_nested", lambda t: t.tensor([[]]))
add("create/tensor_ragged", lambda t: t.tensor([[1, 2], [3]]), error=True)
add("create/tensor_str_element", lambda t: t.tensor([1, "a"]), error=True)
add("create/tensor_requires_grad", lambda t: t.tensor([1.0, 2.0], requires_grad=True))
add("create/tensor_int_requires_grad", lambda t: t.tensor([1, 2], requires_grad=True), error=True)
add("create/tensor_scientific", lambda t: t.tensor([1e-5, 1.0, 2.0]))
add("create/tensor_large_values", lambda t: t.tensor([1e10, 1.0]))
add("create/tensor_nan_inf", lambda t: t.tensor([float("nan"), float("inf"), -float("inf"), 1.0]))
add("create/tensor_range", lambda t: t.tensor(range(5)))
add("create/tensor_tuple", lambda t: t.tensor((1.0, 2.0)))
add("create/tensor_of_0dim_tensors", lambda t: t.tensor([t.tensor(1.0), t.tensor(2.0)]))
add("create/tensor_from_tensor_warns", lambda t: t.tensor(t.tensor([1.0, 2.0])))
add("create/tensor_from_numpy_int32", lambda t: t.tensor(np.array([1, 2], dtype=np.int32)))
add("create/tensor_from_numpy_float64", lambda t: t.tensor(np.array([1.0, 2.0])))
add("create/tensor_summarized", lambda t: t.arange(1001.0))
add("create/tensor_wide_rows", lambda t: t.arange(40.0).reshape(2, 20) / 3)
add("create/Tensor_list", lambda t: t.Tensor([1, 2]))
add("create/Tensor_sizes_shape", lambda t: t.Tensor(2, 3).shape)
add("create/Tensor_no_args", lambda t: t.Tensor())
add("create/FloatTensor_list", lambda t: t.FloatTensor([1, 2]))
add("create/FloatTensor_sizes", lambda t: (t.FloatTensor(2, 2).shape, t.FloatTensor(2, 2).dtype))
add("create/DoubleTensor_list", lambda t: t.DoubleTensor([1, 2]))
add("create/LongTensor_list", lambda t: t.LongTensor([1, 2]))
add("create/LongTensor_from_floats", lambda t: t.LongTensor([1.5, 2.7]))
add("create/IntTensor_list", lambda t: t.IntTensor([1, 2]))
add("create/BoolTensor_list", lambda t: t.BoolTensor([1, 0]))
add("create/ones_varargs", lambda t: t.ones(2, 3))
add("create/ones_tuple", lambda t: t.ones((2, 3)))
add("create/ones_list", lambda t: t.ones([2, 1]))
add("create/ones_int_dtype", lambda t: t.ones(2, dtype=t.int64))
add("create/ones_requires_grad", lambda t: t.ones(2, 2, requires_grad=True))
add("create/ones_scalar_shape", lambda t: t.ones(()))
add("create/ones_zero_size", lambda t: t.ones(0))
add("create/ones_zero_rows", lambda t: t.ones(0, 3))
add("create/ones_negative_size", lambda t: t.ones(-1), error=True)
add("create/ones_int_requires_grad", lambda t: t.ones(2, dtype=t.int64, requires_grad=True),
    error=True)
add("create/zeros", lambda t: t.zeros(3))
add("create/zeros_bool", lambda t: t.zeros(2, 1, dtype=t.bool))
add("create/zeros_float64", lambda t: t.zeros(2, dtype=t.float64))
add("create/ones_like", lambda t: t.ones_like(T(t, A)))
add("create/zeros_like_int", lambda t: t.zeros_like(T(t, I)))
add("create/ones_like_dtype", lambda t: t.ones_like(T(t, A), dtype=t.float64))
add("create/ones_like_requires_grad", lambda t: t.ones_like(T(t, V), requires_grad=True))
add("create/ones_like_of_grad_leaf", lambda t: t.ones_like(L(t, V)))
add("create/full_like", lambda t: t.full_like(T(t, A), 7))
add("create/full_like_int_truncates", lambda t: t.full_like(T(t, [1, 2]), 2.5))
add("create/empty_like_shape", lambda t: t.empty_like(T(t, A)).shape)
add("create/full_float", lambda t: t.full((2, 2), 3.0))
add("create/full_int", lambda t: t.full((2,), 3))
add("create/full_bool", lambda t: t.full((2,), True))
add("create/full_dtype", lambda t: t.full((2,), 1.5, dtype=t.float64))
add("create/eye", lambda t: t.eye(3))
add("create/eye_rect", lambda t: t.eye(2, 3))
add("create/eye_int", lambda t: t.eye(2, dtype=t.int64))
add("create/arange_int", lambda t: t.arange(5))
add("create/arange_start_end", lambda t: t.arange(1, 4))
add("create/arange_float_step", lambda t: t.arange(0, 1, 0.25))
add("create/arange_float_end", lambda t: t.arange(5.0))
add("create/arange_dtype", lambda t: t.arange(0, 5, 2, dtype=t.float32))
add("create/arange_negative_step", lambda t: t.arange(10, 0, -3))
add("create/arange_tenth_step", lambda t: t.arange(0, 1, 0.1))
add("create/arange_requires_grad", lambda t: t.arange(3.0, requires_grad=True))
add("create/arange_int_requires_grad", lambda t: t.arange(3, requires_grad=True), error=True)
add("create/arange_zero_step", lambda t: t.arange(0, 3, 0), error=True)
add("create/arange_wrong_sign", lambda t: t.arange(0, 3, -1), error=True)
add("create/linspace", lambda t: t.linspace(0, 1, 5))
add("create/linspace_steps_kw", lambda t: t.linspace(-1, 1, steps=4))
add("create/linspace_one_step", lambda t: t.linspace(0, 10, 1))
add("create/linspace_int_dtype", lambda t: t.linspace(0, 10, 5, dtype=t.int64))
# linspace's values are fused multiply-adds from both ends; integer results truncate the ends
add("create/linspace_fma_bits", lambda t: (t.linspace(-3.141592653589793, 3.141592653589793,
                                                      300).tolist(),
                                           t.linspace(0.3, -7.1, 999, dtype=t.float64).tolist()))
add("create/linspace_int_truncates_ends", lambda t: t.linspace(-2.7, 9.6, 7, dtype=t.int64))
add("create/empty_shape", lambda t: (t.empty(2, 3).shape, t.empty(2, 3).dtype))
add("create/empty_tuple_shape", lambda t: t.empty((4,)).shape)
add("create/empty_zero", lambda t: t.empty(0))
add("create/from_numpy_float64", lambda t: t.from_numpy(np.array([1.0, 2.0])))
add("create/from_numpy_int64", lambda t: t.from_numpy(np.array([1, 2], dtype=np.int64)))
add("create/from_numpy_float32_2d",
    lambda t: t.from_numpy(np.arange(4, dtype=np.float32).reshape(2, 2)))
add("create/from_numpy_bool", lambda t: t.from_numpy(np.array([True, False])))
add("create/from_numpy_list_error", lambda t: t.from_numpy([1, 2]), error=True)


@case("create/from_numpy_shares_memory")
def _(t):
    a = np.zeros(3)
    x = t.from_numpy(a)
    a[0] = 5
    x[1] = 7
    return x, a.tolist()


add("create/as_tensor", lambda t: t.as_tensor([1, 2]))
add("create/as_tensor_dtype", lambda t: t.as_tensor([1, 2], dtype=t.float32))
add("create/rand_shape", lambda t: (t.rand(2, 3).shape, t.rand(2, 3).dtype))
add("create/randn_shape", lambda t: (t.randn(4).shape, t.randn(4, dtype=t.float64).dtype))
add("create/randint_dtype", lambda t: (t.randint(0, 10, (3,)).dtype, t.randint(0, 10, (3,)).shape))
add("create/default_dtype", lambda t: t.get_default_dtype())


# ---- random numbers: PyTorch's CPU stream (more in test_random_vs_torch.py) ---------------

def seeded(seed, fn):
    def run(t):
        t.manual_seed(seed)
        return fn(t)
    return run


add("random/rand_randn_randint_sequence", seeded(0, lambda t: (
    t.rand(3), t.randn(3), t.rand(20), t.randint(0, 10, (5,)), t.randn(17), t.randn(2, 3))))
add("random/dtypes", seeded(1, lambda t: (
    t.rand(4, dtype=t.float64), t.randn(20, dtype=t.float64), t.randn(5, dtype=t.float16),
    t.randint(-3, 3, (4,), dtype=t.int8), t.randint(5, (3,), dtype=t.float32))))
add("random/randperm", seeded(2, lambda t: (t.randperm(10), t.randperm(4, dtype=t.float64))))
add("random/like", seeded(3, lambda t: (
    t.rand_like(t.zeros(2, 2)), t.randn_like(t.zeros(3, dtype=t.float64)),
    t.randint_like(t.zeros(4), 10), t.randint_like(t.zeros(2), 3, 5))))
add("random/normal_overloads", seeded(4, lambda t: (
    t.normal(2.0, 3.0, (4,)), t.normal(t.arange(3.0), 0.5), t.normal(1.0, t.ones(2) * 2),
    t.normal(t.zeros(2, 1), t.ones(1, 2)))))
add("random/normal_requires_grad", seeded(5, lambda t: (
    t.normal(t.zeros(2, requires_grad=True), 1.0), t.normal(0.0, t.ones(2, requires_grad=True)),
    t.normal(2.0, 1.0, (2,), requires_grad=True), t.rand(2, requires_grad=True))))
add("random/inplace", seeded(6, lambda t: (
    t.zeros(2, 3).uniform_(-1, 1), t.zeros(3).normal_(5, 2), t.zeros(3).random_(7),
    t.zeros(3, dtype=t.int64).random_(-2, 2), t.zeros(3, dtype=t.int32).random_(),
    t.zeros(4).bernoulli_(0.5), t.zeros(3).bernoulli_(t.tensor([0.1, 0.5, 0.9])))))
add("random/inplace_nodes", seeded(7, lambda t: (
    (t.zeros(2, requires_grad=True) * 1).normal_(), (t.zeros(2, requires_grad=True) * 1).random_(3),
    (t.zeros(2, requires_grad=True) * 1).bernoulli_(0.5))))
add("random/inplace_leaf", lambda t: t.zeros(2, requires_grad=True).uniform_(), error=True)
add("random/bernoulli", seeded(8, lambda t: (
    t.bernoulli(t.full((6,), 0.5)), t.bernoulli(t.tensor([0.2, 0.9], requires_grad=True)))))
add("random/dropout", seeded(9, lambda t: (
    t.nn.functional.dropout(t.ones(2, 5, requires_grad=True), 0.4),
    t.nn.functional.dropout(t.ones(3), 0.5, training=False))))
add("random/generator", lambda t: (
    t.rand(3, generator=t.Generator().manual_seed(3)), t.Generator().initial_seed()))
add("random/state_round_trip", seeded(10, lambda t: (
    lambda s: (t.randn(2), t.set_rng_state(s), t.randn(2)))(t.get_rng_state())))
add("random/float_range_warning", seeded(11, lambda t: t.zeros(2).random_(0, 2**30)))
add("random/randn_int_dtype", lambda t: t.randn(2, dtype=t.int64), error=True)
add("random/randint_empty_range", lambda t: t.randint(3, 3, (2,)), error=True)
add("random/randint_out_of_dtype", lambda t: t.randint(0, 300, (2,), dtype=t.uint8), error=True)
add("random/normal_negative_std", lambda t: t.normal(0.0, -1.0, (2,)), error=True)
add("random/uniform_reversed", lambda t: t.zeros(2).uniform_(3, 1), error=True)
add("random/bernoulli_bad_p", lambda t: t.zeros(2).bernoulli_(2.0), error=True)
add("random/dropout_bad_p", lambda t: t.nn.functional.dropout(t.ones(2), -0.1), error=True)


@case("create/set_default_dtype_float64")
def _(t):
    t.set_default_dtype(t.float64)
    return t.tensor([1.5, 2.0]), t.ones(2), t.tensor([1, 2]), t.arange(2.0)


# =====================================================================================
# arithmetic operators, promotion, reflected forms
# =====================================================================================

BINARY_OPS = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "floordiv": lambda a, b: a // b,
    "pow": lambda a, b: a ** b,
    "mod": lambda a, b: a % b,
}

# name -> (lhs, rhs), each a function of t; chosen so no case divides by zero.
OPERANDS = {
    "float_float": (lambda t: T(t, A), lambda t: T(t, P)),
    "float_broadcast": (lambda t: T(t, A), lambda t: T(t, [2.0, 0.5, 4.0])),
    "float_column": (lambda t: T(t, A), lambda t: T(t, [[2.0], [0.5]])),
    "float_pyint": (lambda t: T(t, A), lambda t: 2),
    "float_pyfloat": (lambda t: T(t, A), lambda t: 2.5),
    "pyint_float": (lambda t: 3, lambda t: T(t, P)),
    "pyfloat_float": (lambda t: 1.5, lambda t: T(t, P)),
    "int_pyint": (lambda t: T(t, I), lambda t: 2),
    "int_pyfloat": (lambda t: T(t, I), lambda t: 2.5),
    "pyint_int": (lambda t: 7, lambda t: T(t, IP)),
    "pyfloat_int": (lambda t: 0.5, lambda t: T(t, IP)),
    "int_int": (lambda t: T(t, I), lambda t: T(t, [[2, 3, 1], [1, 2, 4]])),
    "int_float": (lambda t: T(t, I), lambda t: T(t, P)),
    "bool_bool": (lambda t: T(t, B), lambda t: T(t, [[True, True, False], [False, True, True]])),
    "bool_pyint": (lambda t: T(t, B), lambda t: 2),
    "bool_pybool": (lambda t: T(t, B), lambda t: True),
    "float64_float32": (lambda t: T(t, A, t.float64), lambda t: T(t, P)),
    "float32_0dim_float64": (lambda t: T(t, A), lambda t: T(t, 2.0, t.float64)),
    "int_0dim_float64": (lambda t: T(t, I), lambda t: T(t, 2.0, t.float64)),
    "float_0dim_int": (lambda t: T(t, A), lambda t: T(t, 2)),
    "int32_pyint": (lambda t: T(t, I, t.int32), lambda t: 2),
    "int32_0dim_int64": (lambda t: T(t, I, t.int32), lambda t: T(t, 3)),
    "int32_int64": (lambda t: T(t, I, t.int32), lambda t: T(t, [[2, 3, 1], [1, 2, 4]])),
    "0dim_0dim": (lambda t: T(t, 3.0), lambda t: T(t, 2)),
    "float16_pyfloat": (lambda t: T(t, [1.5, -2.0], t.float16), lambda t: 2.0),
    "shape_mismatch": (lambda t: T(t, A), lambda t: T(t, [1.0, 2.0])),
}

for _op_name, _op in BINARY_OPS.items():
    for _operands_name, (_lhs, _rhs) in OPERANDS.items():
        add("arith/%s/%s" % (_op_name, _operands_name),
            lambda t, op=_op, lhs=_lhs, rhs=_rhs: op(lhs(t), rhs(t)),
            error=True if _operands_name == "shape_mismatch" else None)

# Functions and methods behind the operators.
add("arith/torch_add", lambda t: t.add(T(t, A), T(t, V)))
add("arith/torch_add_alpha", lambda t: t.add(T(t, A), T(t, V), alpha=2))
add("arith/method_add_alpha", lambda t: T(t, A).add(1, alpha=3))
add("arith/torch_sub_alpha", lambda t: t.sub(T(t, A), T(t, V), alpha=0.5))
add("arith/torch_mul", lambda t: t.mul(T(t, A), 3))
add("arith/torch_div", lambda t: t.div(T(t, IP), 2))
add("arith/div_rounding_floor", lambda t: t.div(T(t, I), 4, rounding_mode="floor"))
add("arith/div_rounding_trunc", lambda t: t.div(T(t, I), 4, rounding_mode="trunc"))
add("arith/div_rounding_bad", lambda t: t.div(T(t, I), 4, rounding_mode="round"), error=True)
add("arith/true_divide", lambda t: t.true_divide(T(t, IP), 4))
add("arith/floor_divide", lambda t: t.floor_divide(T(t, A), 2))
add("arith/torch_pow_scalar", lambda t: t.pow(T(t, A), 2))
add("arith/torch_pow_scalar_base", lambda t: t.pow(2, T(t, A)))
add("arith/torch_pow_tensor", lambda t: t.pow(T(t, P), T(t, A)))
add("arith/int_pow_negative", lambda t: T(t, I) ** -1, error=True)
add("arith/int_pow_zero", lambda t: T(t, I) ** 0)
add("arith/float_sqrt_pow", lambda t: T(t, P) ** 0.5)
add("arith/remainder_negative", lambda t: t.remainder(T(t, [-3.0, 3.0, -0.5]), 2))
add("arith/fmod", lambda t: t.fmod(T(t, [-3.0, 3.0, -0.5]), 2))
add("arith/int_floordiv_zero", lambda t: T(t, I) // 0, error=True)
add("arith/int_mod_zero", lambda t: T(t, I) % 0, error=True)
add("arith/int_div_zero", lambda t: T(t, [1, 0, -1]) / 0)
add("arith/float_div_zero", lambda t: T(t, [1.0, 0.0, -1.0]) / 0)
add("arith/float_floordiv_zero", lambda t: T(t, [1.0, 0.0, -1.0]) // 0)
add("arith/unary_neg", lambda t: -T(t, A))
add("arith/unary_neg_int", lambda t: -T(t, I))
add("arith/unary_neg_bool", lambda t: -T(t, B), error=True)
add("arith/unary_pos", lambda t: +T(t, A))
add("arith/builtin_abs", lambda t: abs(T(t, A)))
add("arith/bool_sub_bool", lambda t: T(t, B) - T(t, B), error=True)
add("arith/str_operand", lambda t: T(t, A) + "a", error=True)
add("arith/none_operand", lambda t: T(t, A) * None, error=True)
add("arith/list_operand", lambda t: T(t, V) + [1.0, 2.0, 3.0], error=True)
add("arith/numpy_scalar_operand", lambda t: T(t, V) * np.float64(2.0))
add("arith/inf_times_zero", lambda t: T(t, [float("inf"), 1.0]) * 0)
add("arith/large_int", lambda t: T(t, [2 ** 40]) * 2 ** 20)
add("arith/int64_overflow_scalar", lambda t: T(t, [1]) + 2 ** 63)
add("arith/float32_precision", lambda t: T(t, [0.1]) + T(t, [0.2]))
add("arith/float64_precision", lambda t: T(t, [0.1], t.float64) + 0.2)

# Gradients of the operators, with their node names.
GRAD_OPERANDS = {
    "same_shape": (A, P),
    "broadcast_row": (A, [2.0, 0.5, 4.0]),
    "broadcast_both": ([[1.0], [2.0]], [3.0, -1.0, 0.5]),
    "0dim": (A, 2.0),
}
for _op_name in ("add", "sub", "mul", "div", "pow"):
    for _operands_name, (_a, _b) in GRAD_OPERANDS.items():
        if _op_name == "pow":
            _a = P if _a is A else [[0.5], [2.0]] if _operands_name == "broadcast_both" else _a
        grad_case("arith_grad/%s/%s" % (_op_name, _operands_name),
                  lambda t, a, b, op=BINARY_OPS[_op_name]: op(a, b), _a, _b)

for _op_name in ("add", "sub", "mul", "div", "pow", "floordiv", "mod"):
    for _scalar in (2, 0.5):
        grad_case("arith_grad/%s/tensor_scalar_%r" % (_op_name, _scalar),
                  lambda t, x, op=BINARY_OPS[_op_name], s=_scalar: op(x, s), P, error=None)
        grad_case("arith_grad/%s/scalar_tensor_%r" % (_op_name, _scalar),
                  lambda t, x, op=BINARY_OPS[_op_name], s=_scalar: op(s, x), P, error=None)

grad_case("arith_grad/neg", lambda t, x: -x, A)
grad_case("arith_grad/add_alpha", lambda t, x, y: t.add(x, y, alpha=3), A, V)
grad_case("arith_grad/sub_alpha", lambda t, x, y: t.sub(x, y, alpha=2), A, V)
grad_case("arith_grad/x_times_x", lambda t, x: x * x, A)
grad_case("arith_grad/x_over_x", lambda t, x: x / x, P)
grad_case("arith_grad/pow_zero_base", lambda t, x: x ** 2, [0.0, 1.0])
grad_case("arith_grad/pow_zero_exponent", lambda t, x: x ** 0, [0.0, 1.0])
grad_case("arith_grad/pow_fractional_zero", lambda t, x: x ** 0.5, [0.0, 4.0])
grad_case("arith_grad/rpow_zero_base", lambda t, x: 0 ** x, [0.0, 1.0, 2.0])
grad_case("arith_grad/pow_tensor_negative_base", lambda t, x, y: x ** y, [-2.0, 3.0], [2.0, 0.5])
grad_case("arith_grad/mixed_dtypes", lambda t, x, y: x * y.double(), A, V)
grad_case("arith_grad/float64", lambda t, x, y: x * y + x / y, A, P, dtype=None)
grad_case("arith_grad/reciprocal", lambda t, x: t.reciprocal(x), P)


@case("arith_grad/rtruediv_graph")
def _(t):
    x = L(t, P)
    y = 1 / x
    y.sum().backward()
    return y, graph(y.grad_fn), x.grad


@case("arith_grad/int_tensor_times_grad_leaf")
def _(t):
    x = L(t, V)
    y = T(t, [1, 2, 3]) * x
    y.sum().backward()
    return y, graph(y.grad_fn), x.grad


@case("arith_grad/float64_leaf_float32_grad_dtype")
def _(t):
    x = L(t, V, t.float64)
    y = (x * T(t, W)).sum()
    y.backward()
    return y, x.grad


# =====================================================================================
# comparison, logical and bitwise operators
# =====================================================================================

COMPARE_OPS = {
    "eq": lambda a, b: a == b, "ne": lambda a, b: a != b, "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b, "gt": lambda a, b: a > b, "ge": lambda a, b: a >= b,
}
COMPARE_OPERANDS = {
    "float_float": (lambda t: T(t, A), lambda t: T(t, [[1.0, 2.0, 3.0], [0.0, 4.0, 5.0]])),
    "float_broadcast": (lambda t: T(t, A), lambda t: T(t, [1.0, -2.0, 0.0])),
    "float_pyint": (lambda t: T(t, A), lambda t: 1),
    "int_pyfloat": (lambda t: T(t, I), lambda t: 2.5),
    "pyint_float": (lambda t: 1, lambda t: T(t, A)),
    "int_float": (lambda t: T(t, I), lambda t: T(t, A)),
    "bool_bool": (lambda t: T(t, B), lambda t: T(t, [[True, True, False], [False, True, True]])),
    "grad_leaf": (lambda t: L(t, A), lambda t: 0.5),
    "shape_mismatch": (lambda t: T(t, A), lambda t: T(t, [1.0, 2.0])),
}
for _op_name, _op in COMPARE_OPS.items():
    for _operands_name, (_lhs, _rhs) in COMPARE_OPERANDS.items():
        add("compare/%s/%s" % (_op_name, _operands_name),
            lambda t, op=_op, lhs=_lhs, rhs=_rhs: op(lhs(t), rhs(t)),
            error=_operands_name == "shape_mismatch")

add("compare/torch_eq", lambda t: t.eq(T(t, A), 1.0))
add("compare/torch_gt_method", lambda t: T(t, A).gt(0))
add("compare/torch_equal", lambda t: t.equal(T(t, A), T(t, A)))
add("compare/nan_ne_nan", lambda t: T(t, [float("nan")]) != T(t, [float("nan")]))
add("compare/eq_none", lambda t: T(t, V) == None)  # noqa: E711 - PyTorch returns False
add("compare/eq_str", lambda t: T(t, V) == "a")
add("compare/isnan", lambda t: t.isnan(T(t, [1.0, float("nan")])))
add("compare/allclose", lambda t: t.allclose(T(t, V), T(t, V) + 1e-9))

LOGICAL_OPERANDS = {
    "bool_bool": (lambda t: T(t, B), lambda t: T(t, [[True, True, False], [False, True, True]])),
    "int_int": (lambda t: T(t, IP), lambda t: T(t, [[3, 1, 2], [1, 7, 4]])),
    "bool_pybool": (lambda t: T(t, B), lambda t: True),
    "int_pyint": (lambda t: T(t, IP), lambda t: 6),
    "float_float": (lambda t: T(t, A), lambda t: T(t, P)),
}
for _op_name, _op in {"and": lambda a, b: a & b, "or": lambda a, b: a | b,
                      "xor": lambda a, b: a ^ b}.items():
    for _operands_name, (_lhs, _rhs) in LOGICAL_OPERANDS.items():
        add("bitwise/%s/%s" % (_op_name, _operands_name),
            lambda t, op=_op, lhs=_lhs, rhs=_rhs: op(lhs(t), rhs(t)),
            error=_operands_name == "float_float")
add("bitwise/invert_bool", lambda t: ~T(t, B))
add("bitwise/invert_int", lambda t: ~T(t, IP))
add("bitwise/invert_float", lambda t: ~T(t, A), error=True)
add("bitwise/logical_not", lambda t: t.logical_not(T(t, [0.0, 1.5])))
add("bitwise/logical_and", lambda t: t.logical_and(T(t, [0.0, 1.5]), T(t, [1, 1])))
add("bitwise/mask_combination", lambda t: (T(t, A) > 0) & (T(t, A) < 3))

# =====================================================================================
# pointwise functions
# =====================================================================================

# name -> (float data in its domain, whether integer inputs stay integer)
UNARY = {
    "neg": (A, True), "abs": (A, True), "sign": (A, True), "exp": (A, False),
    "log": (P, False), "log1p": (P, False), "sqrt": (P, False), "rsqrt": (P, False),
    "sin": (A, False), "cos": (A, False), "tan": (A, False), "tanh": (A, False),
    "sinh": (A, False), "cosh": (A, False),
    "sigmoid": (A, False), "relu": (A, True), "floor": ([1.5, -1.5, 2.0], True),
    "ceil": ([1.5, -1.5, 2.0], True), "round": ([0.5, 1.5, 2.5, -0.5, -1.7], True),
    "trunc": ([1.7, -1.7], True), "reciprocal": (P, False),
}
for _name, (_data, _int_stays_int) in UNARY.items():
    add("unary/%s/float" % _name, lambda t, n=_name, d=_data: getattr(t, n)(T(t, d)))
    add("unary/%s/method" % _name, lambda t, n=_name, d=_data: getattr(T(t, d), n)())
    add("unary/%s/float64" % _name, lambda t, n=_name, d=_data: getattr(t, n)(T(t, d, t.float64)))
    add("unary/%s/int" % _name, lambda t, n=_name: getattr(t, n)(T(t, IP)), error=None)
    add("unary/%s/bool" % _name, lambda t, n=_name: getattr(t, n)(T(t, B)), error=None)
    add("unary/%s/inplace" % _name, lambda t, n=_name, d=_data: getattr(T(t, d), n + "_")())
    add("unary/%s/int_inplace" % _name, lambda t, n=_name: getattr(T(t, IP), n + "_")(),
        error=None)
    add("unary/%s/0dim" % _name, lambda t, n=_name: getattr(t, n)(T(t, 0.75)))
    grad_case("unary_grad/%s" % _name, lambda t, x, n=_name: getattr(t, n)(x), _data)
    grad_case("unary_grad/%s/method" % _name, lambda t, x, n=_name: getattr(x, n)(), _data)

add("unary/sign_zeros", lambda t: t.sign(T(t, [0.0, -0.0, 2.0])))
add("unary/sqrt_negative", lambda t: t.sqrt(T(t, [-1.0, 4.0])))
add("unary/log_zero_negative", lambda t: t.log(T(t, [0.0, -1.0, 1.0])))
add("unary/exp_overflow", lambda t: t.exp(T(t, [100.0, -100.0])))
add("unary/sigmoid_extremes", lambda t: t.sigmoid(T(t, [-100.0, 0.0, 100.0])))
add("unary/round_decimals", lambda t: t.round(T(t, [1.2345, -2.5678]), decimals=2))
add("unary/abs_builtin_int", lambda t: abs(T(t, I)))
add("unary/pow_method", lambda t: T(t, A).pow(3))
add("unary/square", lambda t: t.square(T(t, A)))
grad_case("unary_grad/abs_at_zero", lambda t, x: x.abs(), [0.0, -1.0, 1.0])
grad_case("unary_grad/relu_at_zero", lambda t, x: x.relu(), [0.0, -1.0, 1.0])
grad_case("unary_grad/sqrt_at_zero", lambda t, x: x.sqrt(), [0.0, 1.0])
grad_case("unary_grad/log_at_zero", lambda t, x: x.log(), [0.0, 1.0])
grad_case("unary_grad/chain", lambda t, x: x.exp().sin().tanh() * 2, V)
grad_case("unary_grad/round_decimals", lambda t, x: t.round(x, decimals=1), V)

# clamp
add("clamp/min", lambda t: t.clamp(T(t, A), min=0))
add("clamp/max", lambda t: t.clamp(T(t, A), max=1.5))
add("clamp/min_max", lambda t: t.clamp(T(t, A), -1, 2))
add("clamp/method", lambda t: T(t, A).clamp(min=-1.0, max=1.0))
add("clamp/clip", lambda t: t.clip(T(t, A), -1, 1))
add("clamp/int_int_bounds", lambda t: t.clamp(T(t, I), -1, 3))
add("clamp/int_float_bounds", lambda t: t.clamp(T(t, I), min=0.5))
add("clamp/tensor_bounds", lambda t: t.clamp(T(t, A), min=T(t, [0.0, -1.0, 2.0])))
add("clamp/tensor_min_max",
    lambda t: t.clamp(T(t, A), T(t, [0.0, -3.0, 1.0]), T(t, [0.5, 3.0, 2.0])))
add("clamp/min_greater_than_max", lambda t: t.clamp(T(t, A), 2, 1))
add("clamp/no_bounds", lambda t: t.clamp(T(t, A)), error=True)
add("clamp/inplace", lambda t: T(t, A).clamp_(min=0))
add("clamp/inplace_int_float_bound", lambda t: T(t, I).clamp_(min=0.5), error=None)
grad_case("clamp_grad/min", lambda t, x: x.clamp(min=0.5), A)
grad_case("clamp_grad/min_max", lambda t, x: x.clamp(-1, 2), A)
grad_case("clamp_grad/at_boundary", lambda t, x: x.clamp(0.0, 1.0), [0.0, 0.5, 1.0, 2.0])
grad_case("clamp_grad/tensor_bounds", lambda t, x, lo: x.clamp(min=lo), A, [0.0, -1.0, 2.0])
grad_case("clamp_grad/tensor_min_max", lambda t, x, lo, hi: t.clamp(x, lo, hi),
          [1.0, -2.0, 3.0], [0.0, -3.0, 1.0], [0.5, 3.0, 2.0])

# maximum / minimum / where
add("select/maximum", lambda t: t.maximum(T(t, A), T(t, P)))
add("select/minimum_broadcast", lambda t: t.minimum(T(t, A), T(t, V)))
add("select/maximum_int_float", lambda t: t.maximum(T(t, I), T(t, P)))
add("select/maximum_nan", lambda t: t.maximum(T(t, [float("nan"), 1.0]), T(t, [0.0, 2.0])))
add("select/maximum_scalar", lambda t: t.maximum(T(t, A), 0), error=True)
add("select/max_binary", lambda t: t.max(T(t, A), T(t, P)))
add("select/min_binary", lambda t: t.min(T(t, A), T(t, P)))
grad_case("select_grad/maximum", lambda t, x, y: t.maximum(x, y), A, P)
grad_case("select_grad/maximum_ties", lambda t, x, y: t.maximum(x, y), [1.0, 2.0], [1.0, 3.0])
grad_case("select_grad/minimum_ties", lambda t, x, y: t.minimum(x, y), [1.0, 2.0], [1.0, 3.0])
grad_case("select_grad/minimum_broadcast", lambda t, x, y: t.minimum(x, y), A, V)
add("select/where", lambda t: t.where(T(t, A) > 0, T(t, A), T(t, P)))
add("select/where_scalar_other", lambda t: t.where(T(t, A) > 0, T(t, A), 0.0))
add("select/where_scalar_both", lambda t: t.where(T(t, A) > 0, 1.0, -1.0))
add("select/where_int_scalars", lambda t: t.where(T(t, A) > 0, 1, 0))
add("select/where_int_float", lambda t: t.where(T(t, B), T(t, I), T(t, P)))
add("select/where_broadcast",
    lambda t: t.where(T(t, [True, False, True]), T(t, A), T(t, [[9.0], [8.0]])))
add("select/where_method", lambda t: T(t, A).where(T(t, A) > 0, T(t, P)))
add("select/where_one_arg", lambda t: t.where(T(t, A) > 0))
add("select/where_float_condition", lambda t: t.where(T(t, A), T(t, A), T(t, P)), error=True)
add("select/nonzero", lambda t: t.nonzero(T(t, A) > 0))
add("select/nonzero_as_tuple", lambda t: t.nonzero(T(t, A) > 0, as_tuple=True))
grad_case("select_grad/where", lambda t, x, y: t.where(x > 0, x, y), A, P)
grad_case("select_grad/where_scalar", lambda t, x: t.where(x > 0, x, 0.0), A)
grad_case("select_grad/where_broadcast", lambda t, x, y: t.where(x > 0, x, y), A, [1.0, 2.0, 3.0])

# =====================================================================================
# reductions
# =====================================================================================

REDUCE = {
    "sum": lambda x: x.sum(),
    "sum_dim0": lambda x: x.sum(0),
    "sum_dim1_keepdim": lambda x: x.sum(1, keepdim=True),
    "sum_dim_neg": lambda x: x.sum(dim=-1),
    "sum_dims_tuple": lambda x: x.sum((0, 1)),
    "sum_dims_list": lambda x: x.sum([0]),
    "mean": lambda x: x.mean(),
    "mean_dim0": lambda x: x.mean(0),
    "mean_dim1_keepdim": lambda x: x.mean(dim=1, keepdim=True),
    "mean_dims_tuple": lambda x: x.mean((0, 1)),
    "prod": lambda x: x.prod(),
    "prod_dim1": lambda x: x.prod(1),
    "prod_dim0_keepdim": lambda x: x.prod(0, keepdim=True),
    "max": lambda x: x.max(),
    "min": lambda x: x.min(),
    "amax_dim1": lambda x: x.amax(1),
    "amin_dim0": lambda x: x.amin(0),
    "std": lambda x: x.std(),
    "std_dim0": lambda x: x.std(0),
    "std_unbiased_false": lambda x: x.std(unbiased=False),
    "std_dim1_correction0_keepdim": lambda x: x.std(1, correction=0, keepdim=True),
    "var": lambda x: x.var(),
    "var_dim1": lambda x: x.var(dim=1),
    "var_unbiased_false": lambda x: x.var(0, unbiased=False),
    "var_correction2": lambda x: x.var(1, correction=2),
    "norm": lambda x: x.norm(),
    "norm_p1": lambda x: x.norm(p=1),
    "norm_dim1": lambda x: x.norm(dim=1),
    "norm_p2_dim0_keepdim": lambda x: x.norm(2, dim=0, keepdim=True),
    "norm_inf": lambda x: x.norm(p=float("inf")),
    "norm_fro": lambda x: x.norm(p="fro"),
    "norm_p3": lambda x: x.norm(3),
    "logsumexp_dim1": lambda x: x.logsumexp(1),
    "logsumexp_dim0_keepdim": lambda x: x.logsumexp(dim=0, keepdim=True),
    "logsumexp_dims_tuple": lambda x: x.logsumexp((0, 1)),
    "softmax_dim1": lambda x: x.softmax(1),
    "softmax_dim0": lambda x: x.softmax(dim=0),
    "log_softmax_dim_neg": lambda x: x.log_softmax(-1),
    "log_softmax_dim0": lambda x: x.log_softmax(0),
    "cumsum_dim0": lambda x: x.cumsum(0),
    "cumsum_dim1": lambda x: x.cumsum(dim=1),
}
for _name, _f in REDUCE.items():
    add("reduce/%s/float" % _name, lambda t, f=_f: f(T(t, A)))
    add("reduce/%s/float64" % _name, lambda t, f=_f: f(T(t, P, t.float64)))
    add("reduce/%s/int" % _name, lambda t, f=_f: f(T(t, I)), error=None)
    add("reduce/%s/bool" % _name, lambda t, f=_f: f(T(t, B)), error=None)
    grad_case("reduce_grad/%s" % _name, lambda t, x, f=_f: f(x), A)

add("reduce/torch_sum", lambda t: t.sum(T(t, A)))
add("reduce/torch_sum_dim", lambda t: t.sum(T(t, A), 1))
add("reduce/torch_sum_dim_kw", lambda t: t.sum(T(t, A), dim=0, keepdim=True))
add("reduce/sum_dtype", lambda t: T(t, A).sum(dtype=t.float64))

# Sums and means in PyTorch's summation order, checked bit for bit through tolist()/item():
# the full sum of a long vector, an inner (last-dim) and an outer (first-dim) sum, two
# separated reduced dims, float64, the mean (sum then one division), a bias's gradient
# (the un-broadcast sum of the backward).
add("reduce/sum_order_bits", seeded(0, lambda t: (
    t.randn(2000).sum().item(), t.randn(300).mean().item(),
    t.randn(50, 37).sum(1).tolist(), t.randn(64, 40).sum(0).tolist(),
    t.randn(7, 9, 11).sum((0, 2)).tolist(), t.randn(5, 3).mean(0).tolist(),
    t.randn(1001, dtype=t.float64).sum().item())))


@case("grad/bias_grad_sum_order_bits")
def _bias_grad_sum_order(t):
    t.manual_seed(1)
    x = t.randn(64, 16)
    b = t.zeros(16, requires_grad=True)
    c = t.zeros((), requires_grad=True)
    ((x + b + c) ** 2).mean().backward()
    return b.grad.tolist(), c.grad.item()


add("shape/sum_to_size_nodes", lambda t: (
    lambda x: (x.sum_to_size(3, 1).grad_fn, x.sum_to_size(3, 1).grad_fn.next_functions,
               x.sum_to_size(1, 3, 4).grad_fn, x.sum_to_size(3, 1)))(
        t.ones(2, 3, 4, requires_grad=True)))
add("reduce/sum_int_dtype_float", lambda t: T(t, I).sum(dtype=t.float32))
add("reduce/sum_int32", lambda t: T(t, I, t.int32).sum())
add("reduce/sum_dim_out_of_range", lambda t: T(t, A).sum(2), error=True)
add("reduce/sum_dim_repeated", lambda t: T(t, A).sum((0, 0)), error=True)
add("reduce/sum_empty", lambda t: t.ones(0).sum())
add("reduce/sum_0dim", lambda t: T(t, 2.5).sum())
add("reduce/sum_0dim_dim0", lambda t: T(t, 2.5).sum(0))
add("reduce/mean_int_error", lambda t: T(t, I).mean(), error=True)
add("reduce/mean_int_dtype", lambda t: T(t, I).mean(dtype=t.float32))
add("reduce/mean_empty", lambda t: t.ones(0).mean())
add("reduce/torch_mean_dim", lambda t: t.mean(T(t, A), 0))
add("reduce/prod_with_zero", lambda t: T(t, [2.0, 0.0, 3.0]).prod())
add("reduce/prod_int_dtype", lambda t: T(t, IP, t.int32).prod())
add("reduce/max_dim", lambda t: T(t, A).max(0))
add("reduce/max_dim_kw_keepdim", lambda t: T(t, A).max(dim=1, keepdim=True))
add("reduce/max_dim_values", lambda t: T(t, A).max(1).values)
add("reduce/max_dim_indices", lambda t: T(t, A).max(1).indices)
add("reduce/max_dim_index", lambda t: T(t, A).max(1)[1])
add("reduce/max_dim_unpack", lambda t: tuple(T(t, A).max(1)))
add("reduce/max_dim_type", lambda t: repr(type(T(t, A).max(1))))
add("reduce/min_dim", lambda t: t.min(T(t, A), 1))
add("reduce/max_dim_int", lambda t: T(t, I).max(0))
add("reduce/max_dim_ties", lambda t: T(t, [[1.0, 3.0, 3.0], [2.0, 2.0, 1.0]]).max(1))
add("reduce/min_dim_ties", lambda t: T(t, [[1.0, 1.0, 3.0], [2.0, 2.0, 2.0]]).min(1))
add("reduce/max_dim_nan", lambda t: T(t, [1.0, float("nan"), 3.0]).max(0))
add("reduce/max_nan", lambda t: T(t, [1.0, float("nan"), 3.0]).max())
add("reduce/max_empty", lambda t: t.ones(0).max(), error=True)
add("reduce/max_dim_out_of_range", lambda t: T(t, A).max(2), error=True)
add("reduce/argmax", lambda t: T(t, A).argmax())
add("reduce/argmax_dim", lambda t: T(t, A).argmax(1))
add("reduce/argmax_dim_keepdim", lambda t: t.argmax(T(t, A), dim=0, keepdim=True))
add("reduce/argmin", lambda t: t.argmin(T(t, A)))
add("reduce/argmin_dim", lambda t: T(t, A).argmin(dim=1))
add("reduce/argmax_ties", lambda t: T(t, [1.0, 3.0, 3.0]).argmax())
add("reduce/argmin_int", lambda t: T(t, I).argmin(0))
add("reduce/argmax_bool", lambda t: T(t, B).argmax(), error=None)
add("reduce/std_single_element", lambda t: T(t, [1.0]).std())
add("reduce/var_int", lambda t: T(t, I).var(), error=True)
add("reduce/norm_int", lambda t: T(t, I).norm(), error=True)
add("reduce/norm_zero_vector", lambda t: t.zeros(3).norm())
add("reduce/torch_norm", lambda t: t.norm(T(t, A)))
add("reduce/torch_norm_dim", lambda t: t.norm(T(t, A), dim=0))
add("reduce/logsumexp_no_dim", lambda t: t.logsumexp(T(t, A)), error=None)
add("reduce/logsumexp_large", lambda t: t.logsumexp(T(t, [1000.0, 1000.0]), 0))
add("reduce/logsumexp_int", lambda t: t.logsumexp(T(t, IP), 1))
add("reduce/softmax_torch", lambda t: t.softmax(T(t, A), dim=1))
add("reduce/softmax_large", lambda t: t.softmax(T(t, [1000.0, 0.0]), 0))
add("reduce/softmax_dtype", lambda t: t.softmax(T(t, A), 1, dtype=t.float64))
add("reduce/softmax_int", lambda t: t.softmax(T(t, IP), 1), error=None)
add("reduce/softmax_no_dim", lambda t: T(t, A).softmax(), error=True)
add("reduce/softmax_dim_out_of_range", lambda t: T(t, A).softmax(2), error=True)
add("reduce/log_softmax_torch", lambda t: t.log_softmax(T(t, A), 1))
add("reduce/log_softmax_3d", lambda t: t.log_softmax(t.arange(12.0).reshape(2, 3, 2), 1))
add("reduce/cumsum_torch", lambda t: t.cumsum(T(t, A), dim=0))
add("reduce/cumsum_no_dim", lambda t: T(t, A).cumsum(), error=True)
add("reduce/cumsum_1d", lambda t: T(t, V).cumsum(0))
add("reduce/cumsum_dtype", lambda t: T(t, IP).cumsum(0, dtype=t.float32))
add("reduce/any_bool", lambda t: T(t, B).any())
add("reduce/all_bool", lambda t: T(t, B).all())
add("reduce/any_dim", lambda t: T(t, B).any(1))
add("reduce/all_dim_keepdim", lambda t: T(t, B).all(dim=0, keepdim=True))
add("reduce/any_float", lambda t: T(t, [0.0, 0.5]).any())
add("reduce/all_int", lambda t: T(t, IP).all())
add("reduce/all_empty", lambda t: t.ones(0).all())
add("reduce/torch_any", lambda t: t.any(T(t, A) > 3))
add("reduce/torch_all", lambda t: t.all(T(t, A) > -3))
add("reduce/builtin_sum", lambda t: sum(T(t, A)))
add("reduce/builtin_max_1d", lambda t: max(T(t, V)))
grad_case("reduce_grad/max_ties", lambda t, x: x.max(), [1.0, 3.0, 3.0])
grad_case("reduce_grad/min_ties", lambda t, x: x.min(), [1.0, 1.0, 3.0])
grad_case("reduce_grad/amax_ties", lambda t, x: x.amax(0), [[1.0, 3.0], [1.0, 2.0]])
grad_case("reduce_grad/prod_with_zero", lambda t, x: x.prod(), [2.0, 0.0, 3.0])
grad_case("reduce_grad/prod_with_two_zeros", lambda t, x: x.prod(), [2.0, 0.0, 0.0])
grad_case("reduce_grad/prod_dim_with_zero",
    lambda t, x: x.prod(1), [[2.0, 0.0, 3.0], [1.0, 2.0, 3.0]])
grad_case("reduce_grad/norm_zero", lambda t, x: x.norm(), [0.0, 0.0])
grad_case("reduce_grad/norm_p1_at_zero", lambda t, x: x.norm(1), [0.0, -2.0, 3.0])
grad_case("reduce_grad/sum_dtype", lambda t, x: x.sum(dtype=t.float64), A)
grad_case("reduce_grad/softmax_torch", lambda t, x: t.softmax(x, dim=0), V)
grad_case("reduce_grad/log_softmax_torch", lambda t, x: t.log_softmax(x, 0), V)
grad_case("reduce_grad/std_single_element", lambda t, x: x.std(), [1.0])
grad_case("reduce_grad/sum_0dim", lambda t, x: x.sum(), 2.0)


@case("reduce_grad/max_dim")
def _(t):
    x = L(t, A)
    values, indices = x.max(1)
    (values * T(t, [1.0, 2.0])).sum().backward()
    return values, indices, graph(values.grad_fn), x.grad


@case("reduce_grad/min_dim_keepdim")
def _(t):
    x = L(t, A)
    out = x.min(dim=0, keepdim=True)
    out.values.sum().backward()
    return out, x.grad


@case("reduce_grad/max_dim_ties")
def _(t):
    x = L(t, [[1.0, 3.0, 3.0]])
    x.max(1).values.sum().backward()
    return x.grad


@case("reduce_grad/argmax_no_grad")
def _(t):
    x = L(t, A)
    return x.argmax(), x.argmax().requires_grad, (x > 0).requires_grad


# =====================================================================================
# matmul and linear algebra
# =====================================================================================

def arange_shape(t, *shape):
    n = 1
    for s in shape:
        n *= s
    return (t.arange(float(n)) / 4 - 0.5).reshape(shape)


MATMUL_SHAPES = {
    "1d_1d": ((3,), (3,)),
    "2d_1d": ((2, 3), (3,)),
    "1d_2d": ((3,), (3, 2)),
    "2d_2d": ((2, 3), (3, 2)),
    "3d_3d": ((2, 2, 3), (2, 3, 2)),
    "3d_2d": ((2, 2, 3), (3, 2)),
    "2d_3d": ((2, 3), (2, 3, 2)),
    "3d_1d": ((2, 2, 3), (3,)),
    "1d_3d": ((3,), (2, 3, 2)),
    "4d_3d": ((2, 1, 2, 3), (3, 3, 2)),
    "3d_3d_broadcast": ((1, 2, 3), (2, 3, 2)),
}


def _matmul_operands(t, sa, sb):
    return (arange_shape(t, *sa).requires_grad_(),
            (arange_shape(t, *sb) * 2 - 1).requires_grad_())


def _matmul_case(t, sa, sb):
    a, b = _matmul_operands(t, sa, sb)
    y = a @ b
    (y * weights(t, y)).sum().backward()
    return y.detach(), a.grad, b.grad


def _matmul_graph(t, sa, sb):
    a, b = _matmul_operands(t, sa, sb)
    y = a @ b
    return y.grad_fn, graph(y.grad_fn)


for _name, (_sa, _sb) in MATMUL_SHAPES.items():
    add("matmul/%s" % _name, lambda t, sa=_sa, sb=_sb: _matmul_case(t, sa, sb))
    add("matmul/%s/graph" % _name, lambda t, sa=_sa, sb=_sb: _matmul_graph(t, sa, sb))
    add("matmul/%s/torch_matmul_no_grad" % _name,
        lambda t, sa=_sa, sb=_sb: t.matmul(arange_shape(t, *sa), arange_shape(t, *sb)))

add("matmul/int_int", lambda t: T(t, I) @ T(t, [[1], [2], [3]]))
add("matmul/int_float", lambda t: T(t, I) @ T(t, [[1.0], [2.0], [3.0]]), error=True)
add("matmul/float64_float32", lambda t: T(t, A, t.float64) @ T(t, [[1.0], [2.0], [3.0]]),
    error=True)
add("matmul/shape_mismatch_2d", lambda t: T(t, A) @ T(t, A), error=True)
add("matmul/shape_mismatch_1d", lambda t: T(t, V) @ T(t, [1.0, 2.0]), error=True)
add("matmul/shape_mismatch_2d_1d", lambda t: T(t, A) @ T(t, [1.0, 2.0]), error=True)
add("matmul/shape_mismatch_1d_2d", lambda t: T(t, V) @ T(t, A), error=True)
add("matmul/shape_mismatch_3d", lambda t: t.ones(2, 2, 3) @ t.ones(2, 2, 3), error=True)
add("matmul/batch_mismatch", lambda t: t.ones(2, 2, 3) @ t.ones(3, 3, 2), error=True)
add("matmul/0dim", lambda t: T(t, 2.0) @ T(t, V), error=True)
add("matmul/empty_inner", lambda t: t.ones(2, 0) @ t.ones(0, 3))
add("matmul/rmatmul_list", lambda t: [1.0, 2.0] @ T(t, A), error=True)
add("linalg/mm", lambda t: t.mm(T(t, A), T(t, [[1.0], [2.0], [3.0]])))
add("linalg/mm_1d", lambda t: t.mm(T(t, A), T(t, V)), error=True)
add("linalg/mm_shape_mismatch", lambda t: t.mm(T(t, A), T(t, A)), error=True)
add("linalg/mm_dtype_mismatch", lambda t: t.mm(T(t, A), T(t, IP).t()), error=True)
add("linalg/mv", lambda t: t.mv(T(t, A), T(t, V)))
add("linalg/mv_shape_mismatch", lambda t: t.mv(T(t, A), T(t, [1.0, 2.0])), error=True)
add("linalg/mv_2d_vec", lambda t: t.mv(T(t, A), T(t, A)), error=True)
add("linalg/dot", lambda t: t.dot(T(t, V), T(t, W)))
add("linalg/dot_int", lambda t: t.dot(T(t, [1, 2]), T(t, [3, 4])))
add("linalg/dot_2d", lambda t: t.dot(T(t, A), T(t, A)), error=True)
add("linalg/dot_size_mismatch", lambda t: t.dot(T(t, V), T(t, [1.0, 2.0])), error=True)
add("linalg/dot_dtype_mismatch", lambda t: t.dot(T(t, V), T(t, [1, 2, 3])), error=True)
add("linalg/bmm", lambda t: t.bmm(arange_shape(t, 2, 2, 3), arange_shape(t, 2, 3, 1)))
add("linalg/bmm_2d", lambda t: t.bmm(T(t, A), T(t, A).t()), error=True)
add("linalg/bmm_batch_mismatch", lambda t: t.bmm(t.ones(2, 2, 3), t.ones(3, 3, 2)), error=True)
add("linalg/outer", lambda t: t.outer(T(t, V), T(t, [1.0, 2.0])))
add("linalg/outer_int_float", lambda t: t.outer(T(t, [1, 2]), T(t, V)))
add("linalg/ger", lambda t: t.ger(T(t, V), T(t, [1.0, 2.0])))
add("linalg/mm_method", lambda t: T(t, A).mm(T(t, A).t()))
add("linalg/matmul_method", lambda t: T(t, A).matmul(T(t, V)))
grad_case("linalg_grad/mm", lambda t, a, b: t.mm(a, b), A, [[1.0], [2.0], [3.0]])
grad_case("linalg_grad/mv", lambda t, a, v: t.mv(a, v), A, V)
grad_case("linalg_grad/dot", lambda t, a, b: t.dot(a, b), V, W)
grad_case("linalg_grad/bmm", lambda t, a, b: t.bmm(a, b), [[[1.0, 2.0]], [[3.0, -1.0]]],
          [[[0.5], [1.0]], [[2.0], [-1.0]]])
grad_case("linalg_grad/outer", lambda t, a, b: t.outer(a, b), V, [1.0, 2.0])
grad_case("linalg_grad/matmul_same_tensor", lambda t, a: a @ a.t(), A)

# =====================================================================================
# shape ops
# =====================================================================================

SHAPE = {
    "view_3_2": lambda t, x: x.view(3, 2),
    "view_tuple": lambda t, x: x.view((3, 2)),
    "view_minus1": lambda t, x: x.view(-1),
    "view_2_minus1": lambda t, x: x.view(2, -1),
    "view_1_6_1": lambda t, x: x.view(1, 6, 1),
    "reshape": lambda t, x: x.reshape(3, 2),
    "reshape_minus1": lambda t, x: x.reshape(-1),
    "torch_reshape": lambda t, x: t.reshape(x, (6,)),
    "reshape_noncontiguous": lambda t, x: x.t().reshape(6),
    "flatten": lambda t, x: x.flatten(),
    "torch_flatten": lambda t, x: t.flatten(x.view(1, 2, 3), start_dim=1),
    "flatten_end_dim": lambda t, x: x.view(1, 2, 3).flatten(0, 1),
    "transpose": lambda t, x: x.transpose(0, 1),
    "torch_transpose_neg": lambda t, x: t.transpose(x, -1, -2),
    "t": lambda t, x: x.t(),
    "T": lambda t, x: x.T,
    "mT": lambda t, x: x.mT,
    "permute": lambda t, x: x.permute(1, 0),
    "permute_tuple": lambda t, x: x.permute((1, 0)),
    "permute_3d": lambda t, x: x.view(1, 2, 3).permute(2, 0, 1),
    "torch_permute": lambda t, x: t.permute(x, (1, 0)),
    "squeeze": lambda t, x: x.view(1, 2, 1, 3).squeeze(),
    "squeeze_dim": lambda t, x: x.view(1, 2, 3).squeeze(0),
    "squeeze_dim_noop": lambda t, x: x.squeeze(1),
    "squeeze_dims_tuple": lambda t, x: x.view(1, 2, 1, 3).squeeze((0, 2)),
    "unsqueeze0": lambda t, x: x.unsqueeze(0),
    "unsqueeze_neg": lambda t, x: x.unsqueeze(-1),
    "torch_unsqueeze": lambda t, x: t.unsqueeze(x, 1),
    "expand": lambda t, x: x[0].expand(4, 3),
    "expand_minus1": lambda t, x: x.view(2, 1, 3).expand(-1, 2, -1),
    "expand_new_dims": lambda t, x: x.expand(2, 2, 3),
    "expand_as": lambda t, x: x[1].expand_as(x),
    "repeat": lambda t, x: x.repeat(2, 1),
    "repeat_more_dims": lambda t, x: x.repeat(2, 1, 2),
    "repeat_1d": lambda t, x: x[0].repeat(2),
    "contiguous": lambda t, x: x.t().contiguous(),
    "contiguous_noop": lambda t, x: x.contiguous(),
    "clone": lambda t, x: x.clone(),
    "narrow": lambda t, x: x.narrow(1, 1, 2),
    "unflatten_view": lambda t, x: x.view(6).view(2, 3),
    "select": lambda t, x: x.select(1, 2),
    "view_as": lambda t, x: x.view_as(t.ones(3, 2)),
    "reshape_as": lambda t, x: x.reshape_as(t.ones(6)),
    "swapaxes": lambda t, x: x.swapaxes(0, 1),
}
for _name, _f in SHAPE.items():
    add("shape/%s" % _name, lambda t, f=_f: f(t, T(t, A)))
    grad_case("shape_grad/%s" % _name, _f, A)

add("shape/view_incompatible", lambda t: T(t, A).view(4), error=True)
add("shape/view_two_minus1", lambda t: T(t, A).view(-1, -1), error=True)
add("shape/view_minus1_indivisible", lambda t: T(t, A).view(4, -1), error=True)
add("shape/view_noncontiguous", lambda t: T(t, A).t().view(6), error=True)
add("shape/reshape_incompatible", lambda t: T(t, A).reshape(5), error=True)
add("shape/view_dtype", lambda t: T(t, A).view(t.int32), error=None)
add("shape/transpose_out_of_range", lambda t: T(t, A).transpose(0, 2), error=True)
add("shape/t_1d", lambda t: T(t, V).t())
add("shape/t_3d", lambda t: t.ones(1, 2, 3).t(), error=True)
add("shape/T_1d", lambda t: T(t, V).T)
add("shape/T_3d", lambda t: t.ones(1, 2, 3).T.shape)
add("shape/permute_wrong_count", lambda t: T(t, A).permute(1, 0, 2), error=True)
add("shape/permute_repeated", lambda t: T(t, A).permute(0, 0), error=True)
add("shape/unsqueeze_out_of_range", lambda t: T(t, A).unsqueeze(3), error=True)
add("shape/squeeze_out_of_range", lambda t: T(t, A).squeeze(2), error=True)
add("shape/expand_mismatch", lambda t: T(t, V).expand(2, 4), error=True)
add("shape/expand_fewer_dims", lambda t: T(t, A).expand(3), error=True)
add("shape/repeat_fewer_dims", lambda t: T(t, A).repeat(2), error=True)
add("shape/flatten_0dim", lambda t: T(t, 2.0).flatten())
add("shape/is_contiguous", lambda t: (T(t, A).is_contiguous(), T(t, A).t().is_contiguous(),
                                      T(t, A).t().contiguous().is_contiguous()))
add("shape/expand_is_view", lambda t: T(t, V).expand(2, 3).is_contiguous())
add("shape/cat_dim0", lambda t: t.cat([T(t, A), T(t, P)]))
add("shape/cat_dim1", lambda t: t.cat((T(t, A), T(t, P)), dim=1))
add("shape/cat_dim_neg", lambda t: t.cat([T(t, A), T(t, P)], -1))
add("shape/cat_1d", lambda t: t.cat([T(t, V), T(t, W)]))
add("shape/cat_promotes", lambda t: t.cat([T(t, [1, 2]), T(t, [0.5])]))
add("shape/cat_size_mismatch", lambda t: t.cat([T(t, A), T(t, V)]), error=True)
add("shape/cat_size_mismatch_dim1", lambda t: t.cat([T(t, A), T(t, [[1.0, 2.0]])], 1), error=True)
add("shape/cat_empty_list", lambda t: t.cat([]), error=True)
add("shape/cat_dim_out_of_range", lambda t: t.cat([T(t, V), T(t, W)], 1), error=True)
add("shape/cat_0dim", lambda t: t.cat([T(t, 1.0), T(t, 2.0)]), error=True)
add("shape/concat", lambda t: t.concat([T(t, V), T(t, W)]))
add("shape/stack_dim0", lambda t: t.stack([T(t, V), T(t, W)]))
add("shape/stack_dim1", lambda t: t.stack([T(t, V), T(t, W)], dim=1))
add("shape/stack_dim_neg", lambda t: t.stack([T(t, A), T(t, P)], -1))
add("shape/stack_0dim", lambda t: t.stack([T(t, 1.0), T(t, 2.0)]))
add("shape/stack_size_mismatch", lambda t: t.stack([T(t, V), T(t, [1.0, 2.0])]), error=True)
add("shape/stack_empty", lambda t: t.stack([]), error=True)
add("shape/stack_promotes", lambda t: t.stack([T(t, [1, 2]), T(t, [0.5, 1.5])]))
add("shape/split_int", lambda t: T(t, [1.0, 2.0, 3.0, 4.0, 5.0]).split(2))
add("shape/split_sizes", lambda t: T(t, A).split([1, 2], dim=1))
add("shape/split_sizes_wrong_sum", lambda t: T(t, A).split([1, 1], dim=1), error=True)
add("shape/torch_split", lambda t: t.split(T(t, A), 1))
add("shape/chunk", lambda t: T(t, [1.0, 2.0, 3.0, 4.0, 5.0]).chunk(2))
add("shape/chunk_dim1", lambda t: T(t, A).chunk(3, dim=1))
add("shape/chunk_more_than_size", lambda t: T(t, V).chunk(5))
add("shape/torch_chunk", lambda t: t.chunk(T(t, A), 2))
add("shape/unbind", lambda t: T(t, A).unbind(1))
add("shape/unbind_torch", lambda t: t.unbind(T(t, A)))
add("shape/view_shares_storage", lambda t: (lambda x: (x.view(6).fill_(1.0), x)[1])(T(t, A)))
add("shape/expand_then_contiguous", lambda t: T(t, V).expand(2, 3).contiguous())
grad_case("shape_grad/cat", lambda t, a, b: t.cat([a, b], 1), A, P)
grad_case("shape_grad/stack", lambda t, a, b: t.stack([a, b]), V, W)
grad_case("shape_grad/cat_same_tensor", lambda t, a: t.cat([a, a]), V)
grad_case("shape_grad/chained_views", lambda t, x: x.view(3, 2).t().unsqueeze(0).squeeze(0), A)
grad_case("shape_grad/transpose_then_reshape", lambda t, x: x.transpose(0, 1).reshape(6), A)
grad_case("shape_grad/expand_3d", lambda t, x: x.expand(2, 2, 3), A)
grad_case("shape_grad/squeeze_dims", lambda t, x: x.view(1, 2, 1, 3).squeeze((0, 2)), A)


@case("shape_grad/split")
def _(t):
    x = L(t, [1.0, 2.0, 3.0, 4.0, 5.0])
    a, b, c = x.split(2)
    (a.sum() + 2 * b.sum() + 3 * c.sum()).backward()
    return a, c, graph(a.grad_fn), x.grad


@case("shape_grad/split_sizes")
def _(t):
    x = L(t, A)
    a, b = t.split(x, [1, 2], dim=1)
    (a * 2).sum().backward()
    return b, x.grad


@case("shape_grad/chunk")
def _(t):
    x = L(t, A)
    a, b = x.chunk(2)
    (a * 3 + b).sum().backward()
    return a, graph(a.grad_fn), x.grad


@case("shape_grad/unbind")
def _(t):
    x = L(t, A)
    rows = x.unbind()
    (rows[0] * rows[1]).sum().backward()
    return rows, graph(rows[0].grad_fn), x.grad


# =====================================================================================
# indexing and index assignment
# =====================================================================================

INDEX = {
    "int": lambda t, x: x[0],
    "negative_int": lambda t, x: x[-1],
    "two_ints": lambda t, x: x[0, 1],
    "chained_ints": lambda t, x: x[1][2],
    "column": lambda t, x: x[:, 1],
    "slice": lambda t, x: x[1:],
    "slice_step": lambda t, x: x[:, ::2],
    "slice_negative": lambda t, x: x[:, -2:],
    "slice_empty": lambda t, x: x[2:],
    "slice_clipped": lambda t, x: x[:, 1:10],
    "none": lambda t, x: x[None],
    "none_middle": lambda t, x: x[:, None],
    "ellipsis": lambda t, x: x[..., 0],
    "ellipsis_none": lambda t, x: x[..., None],
    "ellipsis_only": lambda t, x: x[...],
    "bool_mask": lambda t, x: x[x > 0],
    "bool_mask_rows": lambda t, x: x[T(t, [True, False])],
    "bool_mask_columns": lambda t, x: x[:, T(t, [True, False, True])],
    "bool_list_columns": lambda t, x: x[:, [True, False, True]],
    "long_tensor": lambda t, x: x[T(t, [1, 0, 1])],
    "int_list": lambda t, x: x[[0, 1]],
    "int_list_repeated": lambda t, x: x[[1, 1, 0]],
    "two_lists": lambda t, x: x[[0, 1], [1, 2]],
    "list_and_slice": lambda t, x: x[[1, 0], 1:],
    "slice_and_tensor": lambda t, x: x[:, T(t, [2, 0])],
    "tensor_2d_index": lambda t, x: x[T(t, [[0, 1], [1, 1]])],
    "0dim_long_tensor": lambda t, x: x[T(t, 1)],
    "int_and_list": lambda t, x: x[1, [0, 2]],
    "python_bool": lambda t, x: x[True],
}
for _name, _f in INDEX.items():
    add("index/%s" % _name, lambda t, f=_f: f(t, T(t, A)))
    grad_case("index_grad/%s" % _name, _f, A)

add("index/out_of_range", lambda t: T(t, A)[5], error=True)
add("index/out_of_range_dim1", lambda t: T(t, A)[0, 5], error=True)
add("index/negative_out_of_range", lambda t: T(t, A)[-3], error=True)
add("index/too_many_indices", lambda t: T(t, A)[0, 0, 0], error=True)
add("index/float_index", lambda t: T(t, A)[1.5], error=True)
add("index/float_tensor_index", lambda t: T(t, A)[T(t, [0.0])], error=True)
add("index/list_out_of_range", lambda t: T(t, A)[[0, 4]], error=True)
add("index/mask_shape_mismatch", lambda t: T(t, A)[T(t, [True, False, True])], error=True)
add("index/0dim_int", lambda t: T(t, 2.0)[0], error=True)
add("index/0dim_ellipsis", lambda t: T(t, 2.0)[...])
add("index/0dim_none", lambda t: T(t, 2.0)[None])
add("index/int_tensor_1d", lambda t: T(t, [10, 20, 30])[T(t, [2, 2, 0])])
add("index/str_index", lambda t: T(t, A)["a"], error=True)
add("index/item_of_element", lambda t: T(t, A)[0, 1].item())
add("index/view_shares_storage",
    lambda t: (lambda x: (x[0].fill_(9.0), x[:, 1].mul_(2), x)[2])(T(t, A)))
add("index/advanced_copies",
    lambda t: (lambda x: (x[[0]].fill_(9.0), x)[1])(T(t, A)))
add("index/is_view_contiguous",
    lambda t: (T(t, A)[:, 1].is_contiguous(), T(t, A)[1].is_contiguous()))


SETITEM = {
    "int_scalar": lambda t, x: x.__setitem__(0, 5),
    "element": lambda t, x: x.__setitem__((1, 2), -7.5),
    "column_tensor": lambda t, x: x.__setitem__((slice(None), 1), T(t, [9.0, 8.0])),
    "row_broadcast": lambda t, x: x.__setitem__(slice(None), T(t, [1.0, 2.0, 3.0])),
    "mask_scalar": lambda t, x: x.__setitem__(x > 0, 0.0),
    "mask_tensor": lambda t, x: x.__setitem__(x < 0, T(t, [10.0, 20.0])),
    "int_list": lambda t, x: x.__setitem__([0, 1], 9.0),
    "long_tensor": lambda t, x: x.__setitem__(T(t, [1]), T(t, [7.0, 8.0, 9.0])),
    "ellipsis": lambda t, x: x.__setitem__(Ellipsis, 1.5),
    "slice_step": lambda t, x: x.__setitem__((slice(None), slice(None, None, 2)), 0.0),
    "int_tensor_value": lambda t, x: x.__setitem__(0, T(t, [1, 2, 3])),
    "float64_value": lambda t, x: x.__setitem__(0, T(t, [1.5, 2.5, 3.5], t.float64)),
}
for _name, _f in SETITEM.items():
    add("setitem/%s" % _name, lambda t, f=_f: (lambda x: (f(t, x), x)[1])(T(t, A)))

add("setitem/int_tensor_float_value", lambda t: (lambda x: (x.__setitem__(0, 2.7), x)[1])(T(t, I)))
add("setitem/bool_tensor",
    lambda t: (lambda x: (x.__setitem__(1, True), x)[1])(T(t, [False, False])))
add("setitem/shape_mismatch", lambda t: T(t, A).__setitem__(0, T(t, [1.0, 2.0])), error=True)
add("setitem/out_of_range", lambda t: T(t, A).__setitem__(5, 1.0), error=True)
add("setitem/leaf_requires_grad", lambda t: L(t, A).__setitem__(0, 1.0), error=True)
add("setitem/leaf_requires_grad_mask", lambda t: L(t, A).__setitem__(T(t, B), 1.0), error=True)


@case("setitem/leaf_no_grad_mode")
def _(t):
    x = L(t, A)
    with t.no_grad():
        x[0] = 1.0
    return x, x.is_leaf


@case("setitem_grad/slice_of_nonleaf")
def _(t):
    x = L(t, A)
    y = x * 2
    y[0] = 0.0
    (y * weights(t, y)).sum().backward()
    return y, graph(y.grad_fn), x.grad


@case("setitem_grad/mask_of_nonleaf")
def _(t):
    x = L(t, A)
    y = x * 1
    y[y > 0] = 0.0
    y.sum().backward()
    return y, graph(y.grad_fn), x.grad


@case("setitem_grad/list_of_nonleaf")
def _(t):
    x = L(t, A)
    y = x.clone()
    y[[1]] = 5.0
    y.sum().backward()
    return y, graph(y.grad_fn), x.grad


@case("setitem_grad/value_requires_grad")
def _(t):
    x = t.zeros(2, 3)
    w = L(t, V)
    x[1] = w * 2
    (x * weights(t, x)).sum().backward()
    return x, graph(x.grad_fn), w.grad


@case("setitem_grad/element_from_grad_tensor")
def _(t):
    x = t.zeros(3)
    w = L(t, 2.0)
    x[1] = w
    x.sum().backward()
    return x, graph(x.grad_fn), w.grad


# =====================================================================================
# conversions and tensor attributes
# =====================================================================================

CONVERT = {
    "float": lambda t, x: x.float(),
    "double": lambda t, x: x.double(),
    "half": lambda t, x: x.half(),
    "long": lambda t, x: x.long(),
    "int": lambda t, x: x.int(),
    "bool": lambda t, x: x.bool(),
    "to_float64": lambda t, x: x.to(t.float64),
    "to_dtype_kw": lambda t, x: x.to(dtype=t.int32),
    "to_other_tensor": lambda t, x: x.to(T(t, [1], t.int64)),
    "to_cpu": lambda t, x: x.to("cpu"),
    "to_device_and_dtype": lambda t, x: x.to("cpu", t.float64),
    "type_dtype": lambda t, x: x.type(t.float64),
    "type_string": lambda t, x: x.type("torch.DoubleTensor"),
    "type_no_args": lambda t, x: x.type(),
    "cpu": lambda t, x: x.cpu(),
}
for _name, _f in CONVERT.items():
    add("convert/%s/float" % _name, lambda t, f=_f: f(t, T(t, A)))
    add("convert/%s/int" % _name, lambda t, f=_f: f(t, T(t, I)))
    add("convert/%s/bool" % _name, lambda t, f=_f: f(t, T(t, B)))
    if _name != "type_no_args":   # a string, not a tensor
        grad_case("convert_grad/%s" % _name, _f, A, error=None)

add("convert/float_is_same_object", lambda t: (lambda x: x.float() is x)(T(t, A)))
add("convert/to_same_is_same_object", lambda t: (lambda x: x.to(t.float32) is x)(T(t, A)))
add("convert/double_is_new_object", lambda t: (lambda x: x.double() is x)(T(t, A)))
add("convert/float_of_nan_to_long", lambda t: T(t, [1.9, -1.9]).long())
add("convert/to_bad_device", lambda t: T(t, A).to("cuda"), error=True)
add("convert/item_float", lambda t: T(t, [2.5]).item())
add("convert/item_float32_precision", lambda t: T(t, 0.1).item())
add("convert/item_float64", lambda t: T(t, 0.1, t.float64).item())
add("convert/item_int", lambda t: T(t, 3).item())
add("convert/item_bool", lambda t: T(t, True).item())
add("convert/item_many", lambda t: T(t, A).item(), error=True)
add("convert/item_empty", lambda t: t.ones(0).item(), error=True)
add("convert/item_requires_grad", lambda t: (L(t, [2.0]) * 3).item())
add("convert/tolist", lambda t: T(t, A).tolist())
add("convert/tolist_int", lambda t: T(t, I).tolist())
add("convert/tolist_bool", lambda t: T(t, B).tolist())
add("convert/tolist_0dim", lambda t: T(t, 1.5).tolist())
add("convert/tolist_float32_precision", lambda t: T(t, [0.1, 1 / 3]).tolist())
add("convert/tolist_requires_grad", lambda t: L(t, V).tolist())
add("convert/numpy", lambda t: T(t, A).numpy())
add("convert/numpy_requires_grad", lambda t: L(t, A).numpy(), error=True)
add("convert/numpy_detach", lambda t: L(t, V).detach().numpy())
add("convert/size", lambda t: T(t, A).size())
add("convert/size_dim", lambda t: T(t, A).size(1))
add("convert/size_neg_dim", lambda t: T(t, A).size(-1))
add("convert/size_out_of_range", lambda t: T(t, A).size(2), error=True)
add("convert/shape", lambda t: T(t, A).shape)
add("convert/shape_index", lambda t: T(t, A).shape[0])
add("convert/shape_slice", lambda t: T(t, A).shape[1:])
add("convert/shape_eq_tuple", lambda t: T(t, A).shape == (2, 3))
add("convert/shape_numel", lambda t: T(t, A).shape.numel())
add("convert/shape_0dim", lambda t: T(t, 1.0).shape)
add("convert/size_str", lambda t: str(T(t, A).size()))
add("convert/size_type", lambda t: type(T(t, A).size()))
add("convert/dim", lambda t: T(t, A).dim())
add("convert/ndim", lambda t: T(t, A).ndim)
add("convert/numel", lambda t: T(t, A).numel())
add("convert/torch_numel", lambda t: t.numel(T(t, A)))
add("convert/dtype", lambda t: (T(t, A).dtype, T(t, I).dtype, T(t, B).dtype))
add("convert/dtype_str", lambda t: str(T(t, A).dtype))
add("convert/dtype_eq", lambda t: T(t, A).dtype == t.float32)
add("convert/dtype_is_floating_point",
    lambda t: (t.float64.is_floating_point, t.int64.is_floating_point))
add("convert/dtype_type", lambda t: type(t.float32))
add("convert/dtype_aliases", lambda t: (t.float, t.double, t.long, t.int, t.half, t.bool))
add("convert/is_floating_point",
    lambda t: (T(t, A).is_floating_point(), T(t, I).is_floating_point()))
add("convert/element_size", lambda t: (T(t, A).element_size(), T(t, A, t.float64).element_size()))
add("convert/device", lambda t: T(t, A).device)
add("convert/device_str", lambda t: str(T(t, A).device))
add("convert/is_cuda", lambda t: T(t, A).is_cuda)
add("convert/type_of_tensor", lambda t: type(T(t, A)))
add("convert/type_of_grad_fn", lambda t: type(L(t, A) * 2).__name__)
add("convert/type_of_grad_fn_repr", lambda t: type((L(t, A) * 2).grad_fn))
add("convert/isinstance_tensor", lambda t: isinstance(T(t, A), t.Tensor))
add("convert/builtin_float", lambda t: float(T(t, 2.5)))
add("convert/builtin_float_one_element", lambda t: float(T(t, [[2.5]])))
add("convert/builtin_float_many", lambda t: float(T(t, V)), error=True)
add("convert/builtin_int", lambda t: int(T(t, 2.7)))
add("convert/builtin_int_negative", lambda t: int(T(t, -2.7)))
add("convert/builtin_bool_0dim", lambda t: bool(T(t, 0.0)))
add("convert/builtin_bool_many", lambda t: bool(T(t, V)), error=True)
add("convert/builtin_len", lambda t: len(T(t, A)))
add("convert/builtin_len_0dim", lambda t: len(T(t, 1.0)), error=True)
# `in` is (element == x).any() (torch/_tensor.py's __contains__), for numbers and tensors.
add("convert/contains", lambda t: (3.0 in T(t, A), 2 in T(t, I), True in T(t, B),
                                   T(t, [0.5, 4.0, 9.0]) in T(t, A), 7 not in T(t, I),
                                   3.0 in L(t, A)))
add("convert/contains_str", lambda t: "a" in T(t, A), error=True)
add("convert/contains_list", lambda t: [1] in T(t, A), error=True)
add("convert/builtin_list", lambda t: list(T(t, A)))
add("convert/builtin_list_1d", lambda t: list(T(t, [1, 2])))
add("convert/iterate_rows", lambda t: [row.sum() for row in T(t, A)])
add("convert/iterate_0dim", lambda t: list(T(t, 1.0)), error=True)
add("convert/unpack", lambda t: (lambda a, b: (b, a))(*T(t, A)))
add("convert/iterate_grad", lambda t: list(L(t, V)))
add("convert/range_of_tensor", lambda t: list(range(T(t, 3))))
add("convert/index_list_with_tensor", lambda t: [10, 20, 30][T(t, 1)])
add("convert/format_0dim", lambda t: "{:.2f}".format(T(t, 2.5)))
add("convert/format_many", lambda t: "{:.2f}".format(T(t, V)), error=True)
add("convert/fstring_plain", lambda t: f"{T(t, V)}")
add("convert/str", lambda t: str(L(t, V) * 2))
add("convert/str_int", lambda t: str(T(t, 3)))
add("convert/repr_float64_requires_grad", lambda t: L(t, V, t.float64))
add("convert/repr_int32", lambda t: T(t, [1, 2], t.int32))
add("convert/repr_bool_0dim", lambda t: T(t, False))
add("convert/repr_empty_float64", lambda t: t.zeros(0, dtype=t.float64))
add("convert/repr_empty_2d", lambda t: t.zeros(2, 0))
add("convert/requires_grad_attr", lambda t: (T(t, A).requires_grad, L(t, A).requires_grad))
add("convert/is_leaf", lambda t: (lambda x: (x.is_leaf, (x * 2).is_leaf, T(t, A).is_leaf,
                                             (T(t, A) * 2).is_leaf))(L(t, A)))
add("convert/grad_fn_of_leaf", lambda t: L(t, A).grad_fn)
add("convert/grad_of_fresh_leaf", lambda t: L(t, A).grad)
add("convert/requires_grad_setter",
    lambda t: (lambda x: (setattr(x, "requires_grad", True), x)[1])(T(t, V)))
add("convert/requires_grad_setter_int",
    lambda t: setattr(T(t, [1, 2]), "requires_grad", True), error=True)
add("convert/requires_grad_method", lambda t: T(t, V).requires_grad_())
add("convert/requires_grad_method_false", lambda t: L(t, V).requires_grad_(False))
add("convert/requires_grad_method_int", lambda t: T(t, [1, 2]).requires_grad_(), error=True)
add("convert/requires_grad_nonleaf_false",
    lambda t: (L(t, V) * 2).requires_grad_(False), error=True)
add("convert/requires_grad_nonleaf_true", lambda t: (L(t, V) * 2).requires_grad_())
add("convert/requires_grad_int_false", lambda t: T(t, [1, 2]).requires_grad_(False))


# =====================================================================================
# torch.nn.functional
# =====================================================================================

def F(t):
    return t.nn.functional


LOGITS = [[1.0, 2.0, 0.5], [0.1, -1.0, 2.0]]
TARGET = [1, 2]

FUNCTIONAL = {
    "relu": lambda t, x: F(t).relu(x),
    "sigmoid": lambda t, x: F(t).sigmoid(x),
    "tanh": lambda t, x: F(t).tanh(x),
    "softmax": lambda t, x: F(t).softmax(x, dim=1),
    "softmax_dim0": lambda t, x: F(t).softmax(x, 0),
    "log_softmax": lambda t, x: F(t).log_softmax(x, dim=-1),
    "linear": lambda t, x: F(t).linear(x, T(t, [[1.0, 0.5, -1.0], [2.0, 0.0, 1.0]])),
    "linear_bias": lambda t, x: F(t).linear(x, T(t, [[1.0, 0.5, -1.0]]), T(t, [0.25])),
    "mse_loss": lambda t, x: F(t).mse_loss(x, T(t, P)),
    "mse_loss_sum": lambda t, x: F(t).mse_loss(x, T(t, P), reduction="sum"),
    "mse_loss_none": lambda t, x: F(t).mse_loss(x, T(t, P), reduction="none"),
    "l1_loss": lambda t, x: F(t).l1_loss(x, T(t, P)),
    "l1_loss_sum": lambda t, x: F(t).l1_loss(x, T(t, P), reduction="sum"),
    "l1_loss_none": lambda t, x: F(t).l1_loss(x, T(t, P), reduction="none"),
    "cross_entropy": lambda t, x: F(t).cross_entropy(x, T(t, TARGET)),
    "cross_entropy_sum": lambda t, x: F(t).cross_entropy(x, T(t, TARGET), reduction="sum"),
    "cross_entropy_none": lambda t, x: F(t).cross_entropy(x, T(t, TARGET), reduction="none"),
    "cross_entropy_weight": lambda t, x:
        F(t).cross_entropy(x, T(t, TARGET), weight=T(t, [1.0, 2.0, 0.5])),
    "cross_entropy_ignore_index": lambda t, x: F(t).cross_entropy(x, T(t, [1, -100])),
    "cross_entropy_probs": lambda t, x:
        F(t).cross_entropy(x, T(t, [[0.2, 0.8, 0.0], [0.1, 0.1, 0.8]])),
    "cross_entropy_label_smoothing": lambda t, x:
        F(t).cross_entropy(x, T(t, TARGET), label_smoothing=0.1),
    "cross_entropy_label_smoothing_weight": lambda t, x: F(t).cross_entropy(
        x, T(t, TARGET), weight=T(t, [1.0, 2.0, 0.5]), label_smoothing=0.1),
    "cross_entropy_label_smoothing_weight_sum": lambda t, x: F(t).cross_entropy(
        x, T(t, TARGET), weight=T(t, [1.0, 2.0, 0.5]), label_smoothing=0.2, reduction="sum"),
    "cross_entropy_label_smoothing_weight_none": lambda t, x: F(t).cross_entropy(
        x, T(t, TARGET), weight=T(t, [1.0, 2.0, 0.5]), label_smoothing=0.2, reduction="none"),
    "cross_entropy_label_smoothing_ignore": lambda t, x: F(t).cross_entropy(
        x, T(t, [1, -100]), weight=T(t, [1.0, 2.0, 0.5]), label_smoothing=0.3),
    "nll_loss": lambda t, x: F(t).nll_loss(F(t).log_softmax(x, 1), T(t, TARGET)),
    "nll_loss_sum": lambda t, x: F(t).nll_loss(x, T(t, TARGET), reduction="sum"),
    "nll_loss_none": lambda t, x: F(t).nll_loss(x, T(t, TARGET), reduction="none"),
    "nll_loss_weight": lambda t, x: F(t).nll_loss(x, T(t, TARGET), weight=T(t, [1.0, 2.0, 0.5])),
    "nll_loss_ignore_index": lambda t, x: F(t).nll_loss(x, T(t, TARGET), ignore_index=2),
}
for _name, _f in FUNCTIONAL.items():
    add("functional/%s" % _name, lambda t, f=_f: f(t, T(t, LOGITS)))
    grad_case("functional_grad/%s" % _name, _f, LOGITS)

BCE = {
    "bce": lambda t, x: F(t).binary_cross_entropy(x, T(t, [[0.0, 1.0, 1.0], [1.0, 0.0, 0.5]])),
    "bce_sum": lambda t, x: F(t).binary_cross_entropy(x, T(t, [[0.0, 1.0, 1.0], [1.0, 0.0, 0.5]]),
                                                     reduction="sum"),
    "bce_none": lambda t, x: F(t).binary_cross_entropy(x, T(t, [[0.0, 1.0, 1.0], [1.0, 0.0, 0.5]]),
                                                      reduction="none"),
    "bce_weight": lambda t, x: F(t).binary_cross_entropy(
        x, T(t, [[0.0, 1.0, 1.0], [1.0, 0.0, 0.5]]), weight=T(t, [1.0, 2.0, 0.5])),
    "bce_of_sigmoid": lambda t, x:
        F(t).binary_cross_entropy(t.sigmoid(x * 4 - 2), T(t, [[0.0, 1.0, 1.0], [1.0, 0.0, 0.5]])),
}
for _name, _f in BCE.items():
    add("functional/%s" % _name, lambda t, f=_f: f(t, T(t, U)))
    grad_case("functional_grad/%s" % _name, _f, U)

add("functional/softmax_no_dim_warns", lambda t: F(t).softmax(T(t, LOGITS)))
add("functional/log_softmax_no_dim_warns", lambda t: F(t).log_softmax(T(t, V)))
add("functional/linear_1d_input",
    lambda t: F(t).linear(T(t, V), T(t, [[1.0, 0.5, -1.0]]), T(t, [1.0])))
add("functional/linear_3d_input",
    lambda t: F(t).linear(t.ones(2, 2, 3), T(t, [[1.0, 0.5, -1.0]]), T(t, [1.0])))
add("functional/linear_shape_mismatch", lambda t: F(t).linear(T(t, A), t.ones(2, 2)), error=True)
add("functional/mse_loss_size_mismatch_warns", lambda t: F(t).mse_loss(T(t, A), T(t, V)))
add("functional/mse_loss_bad_reduction", lambda t: F(t).mse_loss(T(t, A), T(t, P), reduction="avg"),
    error=True)
add("functional/mse_loss_int_target", lambda t: F(t).mse_loss(T(t, A), T(t, I)), error=None)
add("functional/l1_loss_size_mismatch_warns", lambda t: F(t).l1_loss(T(t, A), T(t, V)))
add("functional/cross_entropy_float_target_wrong_shape",
    lambda t: F(t).cross_entropy(T(t, LOGITS), T(t, [1.0, 2.0])), error=True)
add("functional/cross_entropy_target_out_of_range",
    lambda t: F(t).cross_entropy(T(t, LOGITS), T(t, [1, 3])), error=True)
add("functional/cross_entropy_batch_mismatch",
    lambda t: F(t).cross_entropy(T(t, LOGITS), T(t, [1, 2, 0])), error=True)
add("functional/cross_entropy_1d", lambda t: F(t).cross_entropy(T(t, V), T(t, 2)))
add("functional/nll_loss_float_target", lambda t: F(t).nll_loss(T(t, LOGITS), T(t, [1.0, 2.0])),
    error=True)
add("functional/nll_loss_int32_target",
    lambda t: F(t).nll_loss(T(t, LOGITS), T(t, [1, 2], t.int32)),
    error=None)
add("functional/bce_out_of_range", lambda t: F(t).binary_cross_entropy(T(t, [1.5]), T(t, [1.0])),
    error=True)
add("functional/bce_size_mismatch",
    lambda t: F(t).binary_cross_entropy(T(t, U), T(t, [1.0, 0.0, 1.0])),
    error=True)
add("functional/bce_log_clamp",
    lambda t: F(t).binary_cross_entropy(T(t, [0.0, 1.0]), T(t, [1.0, 0.0])))
add("functional/relu_int", lambda t: F(t).relu(T(t, I)))
add("functional/relu_inplace", lambda t: (lambda x: (F(t).relu(x, inplace=True), x))(T(t, A)))
add("functional/size_average_legacy", lambda t: F(t).mse_loss(T(t, A), T(t, P), size_average=False))


@case("functional_grad/linear_weight_bias")
def _(t):
    x = T(t, LOGITS)
    w = L(t, [[1.0, 0.5, -1.0], [2.0, 0.0, 1.0]])
    b = L(t, [0.5, -0.5])
    y = F(t).linear(x, w, b)
    (y * weights(t, y)).sum().backward()
    return y, graph(y.grad_fn), w.grad, b.grad


@case("functional_grad/linear_1d_input")
def _(t):
    w = L(t, [[1.0, 0.5, -1.0], [2.0, 0.0, 1.0]])
    b = L(t, [0.5, -0.5])
    y = F(t).linear(T(t, V), w, b)
    y.sum().backward()
    return y, graph(y.grad_fn), w.grad, b.grad


@case("functional_grad/mse_loss_target_requires_grad")
def _(t):
    x = L(t, A)
    y = L(t, P)
    loss = F(t).mse_loss(x, y)
    loss.backward()
    return loss, x.grad, y.grad


@case("functional_grad/mse_loss_broadcast")
def _(t):
    x = L(t, A)
    y = L(t, V)
    loss = F(t).mse_loss(x, y)
    loss.backward()
    return loss, graph(loss.grad_fn), x.grad, y.grad


@case("functional_grad/training_step")
def _(t):
    w = L(t, [[0.1, -0.2, 0.3], [0.0, 0.5, -0.5]])
    x = T(t, [[1.0, 2.0, 3.0], [0.5, -1.0, 2.0], [0.0, 1.0, -1.0], [2.0, 2.0, 2.0]])
    target = T(t, [0, 1, 1, 0])
    loss = F(t).cross_entropy(x @ w.t(), target)
    loss.backward()
    with t.no_grad():
        w -= 0.1 * w.grad
    return loss, w, w.grad


# =====================================================================================
# autograd: backward, grad, hooks, grad modes, detach, in-place
# =====================================================================================

@case("autograd/node_name_method")
def _(t):
    x = L(t, V)
    y = x * 1
    y[0] = 0.0
    z = t.zeros(3)
    z.copy_(x)
    acc = (x * 2).grad_fn.next_functions[0][0]
    return [n.name() for n in (acc, (x * 2).grad_fn, y.grad_fn, z.grad_fn)]


@case("autograd/readme_example")
def _(t):
    x = t.ones(2, 2, requires_grad=True)
    y = x + 2
    out = (y * y * 3).mean()
    out.backward()
    return y, y.grad_fn, y.grad_fn.next_functions, out, x.grad


@case("autograd/next_functions_structure")
def _(t):
    x = L(t, V)
    w = L(t, W)
    y = (x * w + 3).exp().sum()
    return (graph(y.grad_fn), y.grad_fn.next_functions,
            y.grad_fn.next_functions[0][0].next_functions)


@case("autograd/accumulate_grad_variable")
def _(t):
    x = L(t, V)
    y = x * 2
    acc = y.grad_fn.next_functions[0][0]
    return acc, acc.variable is x, acc.name(), acc.next_functions


@case("autograd/grad_fn_name")
def _(t):
    x = L(t, V)
    return [f(x).grad_fn.name() for f in (lambda a: a + 1, lambda a: a.sum(), lambda a: a[0],
                                          lambda a: a.view(3), lambda a: a.double())]


@case("autograd/backward_gradient_arg")
def _(t):
    x = L(t, V)
    y = x * x
    y.backward(T(t, [1.0, 0.1, 0.01]))
    return x.grad


@case("autograd/backward_ones_like")
def _(t):
    x = L(t, A)
    y = x ** 2
    y.backward(t.ones_like(y))
    return x.grad


@case("autograd/backward_gradient_kw")
def _(t):
    x = L(t, V)
    (x * 3).backward(gradient=T(t, [1.0, 2.0, 3.0]))
    return x.grad


@case("autograd/backward_scalar_gradient_for_scalar")
def _(t):
    x = L(t, V)
    (x * 3).sum().backward(T(t, 2.0))
    return x.grad


@case("autograd/backward_non_scalar", error=True)
def _(t):
    x = L(t, V)
    (x * 2).backward()


@case("autograd/backward_no_grad_tensor", error=True)
def _(t):
    T(t, V).sum().backward()


@case("autograd/backward_int_result", error=True)
def _(t):
    L(t, V).argmax().backward()


@case("autograd/backward_gradient_shape_mismatch", error=True)
def _(t):
    x = L(t, V)
    (x * 2).backward(t.ones(2))


@case("autograd/backward_gradient_dtype", error=None)
def _(t):
    x = L(t, V)
    (x * 2).backward(t.ones(3, dtype=t.float64))
    return x.grad


@case("autograd/backward_gradient_list", error=True)
def _(t):
    x = L(t, V)
    (x * 2).backward([1.0, 1.0, 1.0])


@case("autograd/backward_twice", error=True)
def _(t):
    x = L(t, V)
    y = (x * x).sum()
    y.backward()
    y.backward()


@case("autograd/backward_twice_saved_free_op")
def _(t):
    x = L(t, V)
    y = (x + 2).sum()
    y.backward()
    y.backward()
    return x.grad


@case("autograd/backward_twice_exp", error=True)
def _(t):
    x = L(t, V)
    y = x.exp().sum()
    y.backward()
    y.backward()


@case("autograd/retain_graph")
def _(t):
    x = L(t, V)
    y = (x * x).sum()
    y.backward(retain_graph=True)
    first = x.grad.clone()
    y.backward()
    return first, x.grad


@case("autograd/grad_accumulates_and_zero")
def _(t):
    x = L(t, V)
    (x * 2).sum().backward()
    (x * 3).sum().backward()
    total = x.grad.clone()
    x.grad.zero_()
    zeroed = x.grad.clone()
    x.grad = None
    return total, zeroed, x.grad


@case("autograd/grad_setter_wrong_shape", error=True)
def _(t):
    x = L(t, V)
    x.grad = t.ones(2)


@case("autograd/grad_setter_wrong_type", error=True)
def _(t):
    x = L(t, V)
    x.grad = [1.0, 2.0, 3.0]


@case("autograd/grad_is_leaf_no_grad")
def _(t):
    x = L(t, V)
    (x * 2).sum().backward()
    return x.grad.requires_grad, x.grad.is_leaf, x.grad.grad_fn


@case("autograd/create_graph")
def _(t):
    x = L(t, V)
    y = (x ** 3).sum()
    y.backward(create_graph=True)
    g = x.grad
    first = g.clone()
    return g, graph(g.grad_fn), first


@case("autograd/create_graph_then_backward_grad")
def _(t):
    x = L(t, V)
    y = (x ** 3).sum()
    y.backward(create_graph=True)
    g = x.grad
    x.grad = None
    g.sum().backward()
    return g, x.grad


@case("autograd/backward_inputs")
def _(t):
    x = L(t, V)
    w = L(t, W)
    (x * w).sum().backward(inputs=[x])
    return x.grad, w.grad


@case("autograd/backward_inputs_single_tensor")
def _(t):
    x = L(t, V)
    w = L(t, W)
    (x * w).sum().backward(inputs=w)
    return x.grad, w.grad


@case("autograd/backward_inputs_nonleaf")
def _(t):
    x = L(t, V)
    h = x * 2
    (h * h).sum().backward(inputs=[h])
    return h.grad, x.grad


@case("autograd/backward_inputs_empty", error=True)
def _(t):
    x = L(t, V)
    (x * 2).sum().backward(inputs=[])


@case("autograd/torch_autograd_backward")
def _(t):
    x = L(t, V)
    t.autograd.backward((x * x).sum())
    return x.grad


@case("autograd/torch_autograd_backward_many")
def _(t):
    x = L(t, V)
    y1 = x * 2
    y2 = (x * x).sum()
    t.autograd.backward([y1, y2], [T(t, [1.0, 1.0, 1.0]), None])
    return x.grad


@case("autograd/torch_autograd_backward_grad_tensors_kw")
def _(t):
    x = L(t, V)
    t.autograd.backward([x * 2], grad_tensors=[T(t, [1.0, 2.0, 3.0])])
    return x.grad


@case("autograd/grad_basic")
def _(t):
    x = L(t, V)
    y = (x * x).sum()
    g = t.autograd.grad(y, x)
    return g, x.grad


@case("autograd/grad_list_inputs")
def _(t):
    x = L(t, V)
    w = L(t, W)
    return t.autograd.grad((x * w).sum(), [x, w])


@case("autograd/grad_outputs")
def _(t):
    x = L(t, V)
    return t.autograd.grad(x * x, x, grad_outputs=t.ones(3))


@case("autograd/grad_outputs_list")
def _(t):
    x = L(t, V)
    return t.autograd.grad([x * x], [x], grad_outputs=[T(t, [1.0, 0.0, 2.0])])


@case("autograd/grad_non_scalar", error=True)
def _(t):
    x = L(t, V)
    t.autograd.grad(x * 2, x)


@case("autograd/grad_unused", error=True)
def _(t):
    x = L(t, V)
    w = L(t, W)
    t.autograd.grad((x * 2).sum(), [x, w])


@case("autograd/grad_allow_unused")
def _(t):
    x = L(t, V)
    w = L(t, W)
    return t.autograd.grad((x * 2).sum(), [x, w], allow_unused=True)


@case("autograd/grad_materialize_grads")
def _(t):
    x = L(t, V)
    w = L(t, W)
    return t.autograd.grad((x * 2).sum(), [x, w], materialize_grads=True)


@case("autograd/grad_input_not_requiring_grad", error=True)
def _(t):
    x = L(t, V)
    c = T(t, W)
    t.autograd.grad((x * c).sum(), c)


@case("autograd/grad_output_not_requiring_grad", error=True)
def _(t):
    x = L(t, V)
    t.autograd.grad(T(t, 1.0), x)


@case("autograd/grad_twice", error=True)
def _(t):
    x = L(t, V)
    y = (x * x).sum()
    t.autograd.grad(y, x)
    t.autograd.grad(y, x)


@case("autograd/grad_retain_graph")
def _(t):
    x = L(t, V)
    y = (x * x).sum()
    a = t.autograd.grad(y, x, retain_graph=True)
    b = t.autograd.grad(y, x)
    return a, b


@case("autograd/grad_nonleaf_input")
def _(t):
    x = L(t, V)
    h = x.exp()
    return t.autograd.grad((h * 2).sum(), h)


SECOND_ORDER = {
    "cube": (lambda x: x ** 3, V),
    "sin": (lambda x: x.sin(), V),
    "exp": (lambda x: x.exp(), V),
    "tanh": (lambda x: x.tanh(), V),
    "sigmoid": (lambda x: x.sigmoid(), V),
    "log": (lambda x: x.log(), [0.5, 1.0, 2.0]),
    "sqrt": (lambda x: x.sqrt(), [0.5, 1.0, 2.0]),
    "x_times_exp": (lambda x: x * x.exp(), V),
    "reciprocal": (lambda x: 1 / x, [0.5, 1.0, 2.0]),
    "div": (lambda x: (x + 3) / (x * x + 1), V),
    "softmax": (lambda x: x.softmax(0) * T_W(x), V),
    "log_softmax": (lambda x: x.log_softmax(0) * T_W(x), V),
    "norm": (lambda x: x.norm(), V),
    "mean_square": (lambda x: (x * x).mean(), V),
    "pow_tensor": (lambda x: x ** x, [0.5, 1.0, 2.0]),
    "rpow": (lambda x: 2 ** x, V),
    "relu_square": (lambda x: x.relu() ** 2, V),
    "abs_cube": (lambda x: x.abs() ** 3, V),
    "matmul": (lambda x: x @ x, V),
    "logsumexp": (lambda x: x.logsumexp(0), V),
    "clamp_square": (lambda x: x.clamp(-0.5, 1.0) ** 2, V),
    "std": (lambda x: x.std(), V),
}


def T_W(x):
    """Weights for softmax-like second-order cases, built from x's own module."""
    return (x.detach() * 0 + 1).cumsum(0)


for _name, (_f, _data) in SECOND_ORDER.items():
    @case("autograd/second_order/%s" % _name)
    def _(t, f=_f, data=_data):
        x = L(t, data)
        y = f(x).sum()
        (g,) = t.autograd.grad(y, x, create_graph=True)
        (gg,) = t.autograd.grad((g * g).sum(), x)
        return y, g.detach(), gg

    @case("autograd/second_order/%s/graph" % _name)
    def _(t, f=_f, data=_data):
        x = L(t, data)
        (g,) = t.autograd.grad(f(x).sum(), x, create_graph=True)
        return g, graph(g.grad_fn)


@case("autograd/second_order_backward")
def _(t):
    x = L(t, 2.0)
    y = x ** 4
    (dy,) = t.autograd.grad(y, x, create_graph=True)
    dy.backward()
    return dy, x.grad


@case("autograd/third_order")
def _(t):
    x = L(t, 2.0)
    y = x ** 4
    (d1,) = t.autograd.grad(y, x, create_graph=True)
    (d2,) = t.autograd.grad(d1, x, create_graph=True)
    (d3,) = t.autograd.grad(d2, x)
    return d1, d2, d3


@case("autograd/second_order_without_create_graph", error=True)
def _(t):
    x = L(t, V)
    (g,) = t.autograd.grad((x ** 3).sum(), x)
    t.autograd.grad(g.sum(), x)


@case("autograd/hook_modifies_grad")
def _(t):
    x = L(t, V)
    x.register_hook(lambda g: g * 2)
    (x * 3).sum().backward()
    return x.grad


@case("autograd/hook_observes_nonleaf")
def _(t):
    x = L(t, V)
    seen = []
    y = x * 3
    y.register_hook(lambda g: seen.append(g.clone()))
    (y * y).sum().backward()
    return seen, x.grad


@case("autograd/hook_remove")
def _(t):
    x = L(t, V)
    handle = x.register_hook(lambda g: g * 100)
    handle.remove()
    (x * 3).sum().backward()
    return x.grad


@case("autograd/hook_order")
def _(t):
    x = L(t, V)
    calls = []
    x.register_hook(lambda g: calls.append("first") or g + 1)
    x.register_hook(lambda g: calls.append("second") or g * 10)
    (x * 1).sum().backward()
    return calls, x.grad


@case("autograd/hook_on_no_grad_tensor", error=True)
def _(t):
    T(t, V).register_hook(lambda g: g)


@case("autograd/hook_wrong_shape", error=True)
def _(t):
    x = L(t, V)
    x.register_hook(lambda g: g.sum())
    (x * 2).sum().backward()


@case("autograd/retain_grad")
def _(t):
    x = L(t, V)
    y = x * 2
    y.retain_grad()
    z = (y * y).sum()
    z.backward()
    return y.grad, x.grad, y.retains_grad, x.retains_grad


@case("autograd/nonleaf_grad_warns")
def _(t):
    x = L(t, V)
    y = x * 2
    y.sum().backward()
    return y.grad


@case("autograd/retain_grad_on_leaf")
def _(t):
    x = L(t, V)
    x.retain_grad()
    (x * 2).sum().backward()
    return x.grad, x.retains_grad


@case("autograd/retain_grad_no_grad_tensor", error=True)
def _(t):
    T(t, V).retain_grad()


@case("autograd/no_grad")
def _(t):
    x = L(t, V)
    with t.no_grad():
        y = x * 2
        inner = t.is_grad_enabled()
    return y, y.requires_grad, y.grad_fn, inner, t.is_grad_enabled()


@case("autograd/enable_grad_inside_no_grad")
def _(t):
    x = L(t, V)
    with t.no_grad():
        with t.enable_grad():
            y = x * 2
        z = x * 2
    return y, z


@case("autograd/set_grad_enabled_context")
def _(t):
    x = L(t, V)
    with t.set_grad_enabled(False):
        y = x * 2
    with t.set_grad_enabled(True):
        z = x * 2
    return y, z


@case("autograd/set_grad_enabled_function")
def _(t):
    x = L(t, V)
    t.set_grad_enabled(False)
    y = x * 2
    enabled = t.is_grad_enabled()
    t.set_grad_enabled(True)
    return y, enabled, (x * 2)


@case("autograd/no_grad_decorator")
def _(t):
    @t.no_grad()
    def double(a):
        return a * 2
    return double(L(t, V))


@case("autograd/no_grad_creation_requires_grad")
def _(t):
    with t.no_grad():
        x = t.ones(2, requires_grad=True)
        y = x * 2
    return x, y


@case("autograd/no_grad_backward", error=True)
def _(t):
    x = L(t, V)
    with t.no_grad():
        y = (x * 2).sum()
    y.backward()


@case("autograd/no_grad_exception_restores")
def _(t):
    try:
        with t.no_grad():
            raise ValueError("boom")
    except ValueError:
        pass
    return t.is_grad_enabled()


@case("autograd/detach")
def _(t):
    x = L(t, V)
    y = x * 2
    d = y.detach()
    return d, d.requires_grad, d.is_leaf, d.grad_fn


@case("autograd/detach_shares_storage")
def _(t):
    x = L(t, V)
    d = x.detach()
    d[0] = 5.0
    return x, d


@case("autograd/detach_cuts_graph")
def _(t):
    x = L(t, V)
    y = x * x.detach()
    y.sum().backward()
    return graph(y.grad_fn), x.grad


@case("autograd/detach_inplace")
def _(t):
    x = L(t, V)
    y = x * 2
    y.detach_()
    return y, y.is_leaf, y.requires_grad


@case("autograd/data")
def _(t):
    x = L(t, V)
    d = x.data
    return d, d.requires_grad, (x * 2).data


@case("autograd/data_inplace_no_version_error")
def _(t):
    x = L(t, V)
    y = x.sigmoid()
    y.data *= 2
    y.sum().backward()
    return y, x.grad


@case("autograd/data_assign")
def _(t):
    x = L(t, V)
    x.data = T(t, [1.0, 2.0])
    return x, x.shape


@case("autograd/data_inplace_on_leaf")
def _(t):
    x = L(t, V)
    x.data.mul_(100)
    return x


@case("autograd/variable")
def _(t):
    v = t.autograd.Variable(T(t, V), requires_grad=True)
    return v, type(v).__name__


# ---- in-place ops --------------------------------------------------------------------

@case("inplace/leaf_requires_grad", error=True)
def _(t):
    x = L(t, V)
    x.add_(1)


@case("inplace/leaf_augmented", error=True)
def _(t):
    x = L(t, V)
    x += 1


@case("inplace/view_of_leaf", error=True)
def _(t):
    x = L(t, A)
    x[0].mul_(2)


@case("inplace/leaf_in_no_grad")
def _(t):
    x = L(t, V)
    with t.no_grad():
        x.add_(1)
        x *= 2
    return x, x.is_leaf, x.grad_fn


@case("inplace/version_counter_error", error=True)
def _(t):
    x = L(t, V)
    y = x.sigmoid()
    y.mul_(2)
    y.sum().backward()


@case("inplace/version_counter_error_saved_input", error=True)
def _(t):
    x = L(t, V)
    a = x * 1
    y = a * a
    a.add_(1)
    y.sum().backward()


@case("inplace/version_counter_error_exp", error=True)
def _(t):
    x = L(t, A)
    y = x.exp()
    y += 1
    y.sum().backward()


@case("inplace/version_counter_error_view", error=True)
def _(t):
    x = L(t, V)
    a = x * 1
    y = a.sin()
    a[0] = 0.0
    y.sum().backward()


@case("inplace/version_error_names_inplace_node", error=True)
def _(t):
    x = L(t, V)
    a = x * 1
    a.add_(1)
    y = a.sin()
    a.mul_(2)
    y.sum().backward()


# In-place ops whose formula needs the input (mul_, pow_, log_ ...) backpropagate fine:
# PyTorch saves the original value of self for them.
INPLACE_BACKWARD = {
    "add_": lambda y, w: y.add_(w), "sub_": lambda y, w: y.sub_(2),
    "mul_tensor": lambda y, w: y.mul_(w), "mul_scalar": lambda y, w: y.mul_(3),
    "div_tensor": lambda y, w: y.div_(w),
    "div_scalar": lambda y, w: y.div_(2), "pow_": lambda y, w: y.pow_(2),
    "exp_": lambda y, w: y.exp_(), "log_": lambda y, w: y.abs_().log_(),
    "sin_": lambda y, w: y.sin_(), "cos_": lambda y, w: y.cos_(),
    "sqrt_": lambda y, w: y.abs_().sqrt_(), "tanh_": lambda y, w: y.tanh_(),
    "sigmoid_": lambda y, w: y.sigmoid_(), "relu_": lambda y, w: y.relu_(),
    "abs_": lambda y, w: y.abs_(), "clamp_": lambda y, w: y.clamp_(-0.5, 1.0),
    "neg_": lambda y, w: y.neg_(), "reciprocal_": lambda y, w: y.reciprocal_(),
    "iadd": lambda y, w: y.__iadd__(w), "imul": lambda y, w: y.__imul__(w),
    "itruediv": lambda y, w: y.__itruediv__(w), "ipow": lambda y, w: y.__ipow__(2),
}
for _name, _f in INPLACE_BACKWARD.items():
    @case("inplace_grad/%s" % _name)
    def _(t, f=_f):
        x = L(t, V)
        w = L(t, W)
        y = x * 1
        f(y, w)
        (y * weights(t, y)).sum().backward()
        return y, graph(y.grad_fn), x.grad, w.grad


@case("inplace/mul_self_version_error", error=True)
def _(t):
    x = L(t, V)
    y = x * 1
    y.mul_(y)
    y.sum().backward()


@case("inplace/ok_when_not_saved")
def _(t):
    x = L(t, V)
    a = x * 1
    y = a + 2
    a.mul_(3)
    y.sum().backward()
    return y, a, x.grad


@case("inplace/grad_fn_names")
def _(t):
    x = L(t, V)
    names = []
    for step in (lambda y: y.add_(1), lambda y: y.mul_(2), lambda y: y.sub_(1),
                 lambda y: y.div_(2), lambda y: y.exp_(), lambda y: y.pow_(2),
                 lambda y: y.neg_(), lambda y: y.clamp_(0, 1), lambda y: y.zero_(),
                 lambda y: y.fill_(2.0), lambda y: y.copy_(T(t, W)), lambda y: y.sigmoid_(),
                 lambda y: y.tanh_(), lambda y: y.relu_(), lambda y: y.abs_()):
        y = x * 1
        out = step(y)
        names.append((graph(y.grad_fn, 2), out is y))
    return names


@case("inplace/augmented_grad")
def _(t):
    x = L(t, V)
    y = x * 1
    y += 1
    y *= x
    y -= 2
    y /= 2
    y **= 2
    y.sum().backward()
    return y, graph(y.grad_fn), x.grad


@case("inplace/add_alpha")
def _(t):
    x = T(t, V)
    x.add_(T(t, W), alpha=2)
    return x


@case("inplace/int_plus_float", error=True)
def _(t):
    x = T(t, [1, 2])
    x += 1.5


@case("inplace/int_mul_float_tensor", error=True)
def _(t):
    x = T(t, [1, 2])
    x.mul_(T(t, [1.5, 2.0]))


@case("inplace/int_div", error=True)
def _(t):
    x = T(t, [1, 2])
    x /= 2


@case("inplace/float_plus_int")
def _(t):
    x = T(t, V)
    x += T(t, [1, 2, 3])
    return x


@case("inplace/float32_plus_float64")
def _(t):
    x = T(t, V)
    x += T(t, W, t.float64)
    return x


@case("inplace/bool_add", error=True)
def _(t):
    x = T(t, [True, False])
    x += 1


@case("inplace/broadcast_into_smaller", error=True)
def _(t):
    x = t.zeros(3)
    x.add_(t.ones(2, 3))


@case("inplace/broadcast_into_larger")
def _(t):
    x = t.zeros(2, 3)
    x.add_(T(t, V))
    return x


@case("inplace/fill_zero_copy")
def _(t):
    x = T(t, A)
    a = x.clone().fill_(2)
    b = x.clone().zero_()
    c = x.clone().copy_(T(t, V))
    return a, b, c


@case("inplace/copy_dtype_cast")
def _(t):
    x = t.zeros(3, dtype=t.int64)
    x.copy_(T(t, [1.7, -2.2, 3.9]))
    return x


@case("inplace/copy_number")
def _(t):
    x = L(t, V) * 1
    x.copy_(5)
    x.sum().backward()
    return (x, graph(x.grad_fn), t.zeros(2, dtype=t.int64).copy_(2.7),
            t.ones(2, dtype=t.bool).copy_(0.5), t.ones(2).copy_(other=True))


for _bad in ("None", "[1.0, 2.0]", "'a'", "2 ** 70"):
    add("inplace/copy_not_a_tensor/" + _bad,
        lambda t, bad=_bad: t.ones(2).copy_(eval(bad)), error=True)


@case("inplace/copy_shape_mismatch", error=True)
def _(t):
    t.zeros(3).copy_(t.ones(2))


@case("inplace/copy_grad")
def _(t):
    w = L(t, V)
    x = t.zeros(3)
    x.copy_(w * 2)
    (x * weights(t, x)).sum().backward()
    return x, graph(x.grad_fn), w.grad


@case("inplace/returns_self")
def _(t):
    x = T(t, V)
    return x.mul_(2) is x, x.clamp_(0, 1) is x, x.zero_() is x


@case("inplace/view_then_base_grad")
def _(t):
    x = L(t, A)
    y = x * 1
    y[:, 0].mul_(10)
    (y * weights(t, y)).sum().backward()
    return y, graph(y.grad_fn), x.grad


@case("inplace/leaf_requires_grad_mutation_in_hook_free_path")
def _(t):
    x = L(t, V)
    y = x.clone()
    y.relu_()
    y.sum().backward()
    return graph(y.grad_fn), x.grad


# More cases, by area, in a module of their own (it registers into CASES through add()).
import torch_cases_edges  # noqa: E402,F401
import torch_cases_order  # noqa: E402,F401
import torch_cases_layout  # noqa: E402,F401
import torch_cases_special  # noqa: E402,F401
import torch_cases_nn  # noqa: E402,F401
import torch_cases_numpy_names  # noqa: E402,F401
import torch_cases_functional  # noqa: E402,F401
import torch_cases_classification  # noqa: E402,F401
import torch_cases_index  # noqa: E402,F401
import torch_cases_nn_more  # noqa: E402,F401
import torch_cases_nn_modules  # noqa: E402,F401
import torch_cases_nn_modules2  # noqa: E402,F401
import torch_cases_linalg  # noqa: E402,F401
import torch_cases_values  # noqa: E402,F401
import torch_cases_numbers  # noqa: E402,F401
import torch_cases_errors  # noqa: E402,F401
import torch_cases_shapes  # noqa: E402,F401
import torch_cases_ops2  # noqa: E402,F401
import torch_cases_parser  # noqa: E402,F401
import torch_cases_dtypes  # noqa: E402,F401


# =====================================================================================
# XFAILS: where we differ from PyTorch today, one line each: "torch: ... | ours: ...".
# Patterns are fnmatch globs over case ids; each must match at least one case.
# =====================================================================================

# ---- activations with their own nodes: values, first and second derivatives, node names ----

def _activation_orders(t, fn):
    x = t.tensor([-2.0, -1.0, -0.3, 0.0, 0.4, 2.0, 25.0], requires_grad=True)
    y = fn(t.nn.functional, x)
    g, = t.autograd.grad((y * t.arange(7.0)).sum(), x, create_graph=True)
    h, = t.autograd.grad((g * g).sum(), x)
    return y, g, h


for _name, _fn in [("leaky_relu", lambda F, x: F.leaky_relu(x, 0.2)),
                   ("elu", lambda F, x: F.elu(x)), ("elu_alpha", lambda F, x: F.elu(x, 0.5)),
                   ("softplus", lambda F, x: F.softplus(x)),
                   ("softplus_beta", lambda F, x: F.softplus(x, 2, 10)),
                   ("gelu", lambda F, x: F.gelu(x)),
                   ("gelu_tanh", lambda F, x: F.gelu(x, approximate="tanh")),
                   ("silu", lambda F, x: F.silu(x))]:
    add("nn/activation_orders_" + _name, lambda t, fn=_fn: _activation_orders(t, fn))
add("nn/activation_int_input", lambda t: t.nn.functional.elu(t.tensor([1, 2])), error=True)


XFAILS = {}
XFAIL_PATTERNS = []
# Gaps that depend on the processor PyTorch runs on (MKL's code path differs between Intel
# and AMD): non-strict, they pass where torch's bits happen to be ours.
MACHINE_DEPENDENT = set()


def gap(reason, *patterns, machine_dependent=False):
    import fnmatch
    ids = [c.id for c in CASES]
    for pattern in patterns:
        XFAIL_PATTERNS.append(pattern)
        for id in fnmatch.filter(ids, pattern):
            XFAILS[id] = reason
            if machine_dependent:
                MACHINE_DEPENDENT.add(id)


# ---- creation ----------------------------------------------------------------------------

# ---- operators ----------------------------------------------------------------------------
gap("float16 tensor / a Python int float16 cannot hold: torch keeps the scalar in float32 "
    "(its opmath), tensor([1.5, -0.25], dtype=torch.float16) / (2 ** 24 + 1) is "
    "tensor([1.1921e-07, -0.0000e+00]) | ours rounds the int to float16 (inf) first: "
    "tensor([0., -0.])", "int_operand/float16_2")

# ---- pointwise functions --------------------------------------------------------------------
gap("float32 tan's last bits come from MKL's VML, whose path depends on the processor: on an "
    "AMD EPYC torch printed 11.7028 / 1199.1002 for tan's gradient | ours (as torch on Intel "
    "Xeon): 11.7027 / 1199.1003", 'unary_grad/tan', 'unary_grad/tan/method',
    machine_dependent=True)

gap("gelu in float32 at x = -3: torch: -4.0502e-03 (oneDNN's erf approximation, chosen by the "
    "processor, loses digits in 1 + erf(x/sqrt(2))) | ours: -4.0497e-03 (the float64 value "
    "rounded)", "activation/gelu")
gap("float32 cosh, last printed digit: torch computes it in float32: cosh(5.) is 74.2100 | "
    "ours (float64, rounded): 74.2099", "unary/cosh/int")

# ---- reductions ------------------------------------------------------------------------------
gap("cumprod backward over zeros, create_graph: torch writes the gradient by slices "
    "(grad_fn=<CopySlices>) | ours: concatenates them (grad_fn=<CatBackward0>); values match",
    "cumprod/second_order_zeros")

# ---- matmul and linear algebra ----------------------------------------------------------------

# ---- shape ops --------------------------------------------------------------------------------
gap("einsum's graph: torch contracts pairs with bmm (ij,jk->ik: ViewBackward0(PermuteBackward0("
    "ViewBackward0(BmmBackward0(...)))), and permutes around sums and products | ours: "
    "permute/unsqueeze, MulBackward0, SumBackward1 (values and gradients match)",
    *("einsum_grad/%s/graph" % n for n in ("mm", "implicit", "outer", "dot", "bmm", "diag",
                                           "trace_implicit", "mv", "ellipsis", "three")))
gap("view(dtype): torch: reinterprets the bits (tensor([[ 1065353216, ...]], dtype=torch.int32)) | "
    "ours: RuntimeError: view(dtype) is not supported by gradrepl's engine; use .to(dtype)",
    "shape/view_dtype")

# ---- indexing ----------------------------------------------------------------------------------

gap("arguments the engine accepts and torch's parser refuses (the parser's table is read on the "
    "error path only): torch: TypeError: sum(): argument 'keepdim' must be bool, not int | ours: "
    "the sum kept", "parser/sum_keepdim_int")
gap("torch: TypeError: linspace() received an invalid combination of arguments - got (int, int, "
    "float) ... | ours: tensor([0., 1.]) (a float steps taken)", "parser/linspace_float_steps")

# ---- conversions -------------------------------------------------------------------------------

# ---- torch.nn.functional -----------------------------------------------------------------------

# ---- autograd ------------------------------------------------------------------------------------

gap("jacobian(vectorize=True, create_graph=True): PyTorch runs one batched backward (vmap): "
    "torch: ViewBackward0(MulBackward0(None, ViewBackward0(MulBackward1(...)))) | ours: one "
    "backward per row, stacked: ViewBackward0(StackBackward0(MulBackward0(None, "
    "MulBackward1(...)), ...)) (values match)", "jacobian/vectorize_create_graph")



# ---- out=: the result written into `out` (cast, resized with PyTorch's warning), out returned,
# no autograd through it; the PyTorch "Tensors" tutorial's torch.matmul/torch.mul(out=...).
@case("out/written_and_returned")
def _out_written(t):
    a, b = T(t, [[1.0, 2.0], [3.0, 4.0]]), T(t, [[0.5, 1.0], [2.0, -1.0]])
    y, z, view_base = t.rand(2, 2), t.zeros(2, 2, dtype=t.float64), t.zeros(4)
    results = [t.matmul(a, b.T, out=y), t.mul(a, b, out=z), t.add(a, b, alpha=2, out=t.zeros(0)),
               t.mul(T(t, [1, 2]), T(t, [3, 4]), out=view_base[:2]), view_base,
               t.exp(a, out=t.zeros(2, 2)), t.sum(a, 0, out=t.zeros(2)),
               t.cat([a, b], out=t.zeros(4, 2))]
    return results, t.mul(a, b, out=y) is y


add("out/resized_warns", lambda t: t.add(T(t, A), 1.0, out=t.zeros(3)))
add("out/cannot_cast", lambda t: t.mul(T(t, A), 2.0, out=t.zeros(2, 3, dtype=t.int64)),
    error=True)
add("out/requires_grad", lambda t: t.mul(L(t, A), 2.0, out=t.zeros(2, 3)), error=True)
add("out/not_a_tensor", lambda t: t.mul(T(t, A), 2.0, out=[1]), error=True)
add("out/expanded", lambda t: t.mul(T(t, A), 2.0, out=t.zeros(1).expand(2, 3)), error=True)
