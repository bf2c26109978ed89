"""Cases for test_vs_torch.py: special elementwise ops (nan_to_num, atan2, hypot, lerp, addcmul,
addcdiv, logit,
xlogy, fmax/fmin, heaviside, signbit, isposinf/isneginf, logaddexp, clamp_min/clamp_max) and
logspace/scalar_tensor. Registered into torch_cases.CASES."""

from torch_cases import add, case, T, L, A, I, V, W, P, U, grad_case

INF = float("inf")
NAN = float("nan")
ODD = [1.0, NAN, INF, -INF, -2.0]
Y = [0.5, -1.0, 2.0, 0.0, 3.0]

grad_case("nan_to_num_grad/default", lambda t, x: t.nan_to_num(x), ODD)
grad_case("nan_to_num_grad/values", lambda t, x: x.nan_to_num(0.5, 10.0, -10.0), ODD)
add("nan_to_num/int_and_double", lambda t: (t.nan_to_num(T(t, [1, 2])),
                                            t.nan_to_num(T(t, [INF, -INF, NAN], t.float64)),
                                            t.nan_to_num(T(t, [INF, NAN], t.float16))))
add("nan_to_num/inplace", lambda t: T(t, ODD).nan_to_num_(nan=-1.0))
grad_case("atan2_grad/tensors", lambda t, y, x: t.atan2(y, x), V, W)
grad_case("atan2_grad/method_broadcast", lambda t, y, x: y.arctan2(x), A, W)
add("atan2/special_values", lambda t: t.atan2(T(t, Y), T(t, ODD)))
add("atan2/int", lambda t: t.atan2(T(t, [1, 2]), T(t, [1, 0])))
add("atan2/python_number", lambda t: t.arctan2(T(t, V), 2.0), error=True)
grad_case("hypot_grad/tensors", lambda t, x, y: t.hypot(x, y), V, W)
add("hypot/int", lambda t: t.hypot(T(t, [3]), T(t, [4])), error=True)
add("hypot/python_number", lambda t: t.hypot(T(t, V), 2.0), error=True)
grad_case("lerp_grad/scalar_weight", lambda t, a, b: t.lerp(a, b, 0.3), V, W)
grad_case("lerp_grad/big_weight", lambda t, a, b: a.lerp(b, 0.75), V, W)
grad_case("lerp_grad/tensor_weight", lambda t, a, b, w: t.lerp(a, b, w), V, W, [0.1, 0.6, 0.9])
add("lerp/ends", lambda t: (t.lerp(T(t, [1.0]), T(t, [3.0]), 0.7), t.lerp(T(t, V), T(t, W), 1.0),
                            t.lerp(T(t, V), T(t, W), T(t, 0.5, t.float64))))
grad_case("addcmul_grad/broadcast", lambda t, a, b, c: t.addcmul(a, b, c, value=-0.5), V, W, V)
grad_case("addcdiv_grad/method", lambda t, a, b, c: a.addcdiv(b, c, value=2.0), V, W, U)
add("addcmul/int_and_inplace", lambda t: (t.addcmul(T(t, [1, 2]), T(t, [3, 4]), T(t, [5, 6]), value=2),
                                          T(t, V).addcmul_(T(t, W), T(t, V)),
                                          T(t, V).addcdiv_(T(t, W), T(t, U[0]), value=-1.5)))
add("addcdiv/int", lambda t: t.addcdiv(T(t, [1, 2]), T(t, [3, 4]), T(t, [5, 6])), error=True)
add("addcmul/python_number", lambda t: t.addcmul(T(t, V), 2.0, T(t, V)), error=True)
add("lerp/int", lambda t: t.lerp(T(t, [1]), T(t, [2]), 0.5), error=True)
add("lerp/dtypes_differ", lambda t: t.lerp(T(t, V), T(t, V, t.float64), 0.5), error=True)
grad_case("logit_grad/plain", lambda t, x: t.logit(x), U)
grad_case("logit_grad/edges", lambda t, x: x.logit(), [0.0, 1.0, 0.3, 1.5])
grad_case("logit_grad/eps", lambda t, x: t.logit(x, eps=0.25), [0.0, 1.0, 0.3, 0.5, 0.8])
add("logit/int", lambda t: t.logit(T(t, [1, 0])))
grad_case("xlogy_grad/tensors", lambda t, x, y: t.xlogy(x, y), [0.0, 1.0, 2.0, 0.5],
          [0.0, 2.0, 3.0, 0.0])
grad_case("xlogy_grad/scalar_self", lambda t, y: t.xlogy(2, y), P)
grad_case("xlogy_grad/scalar_other", lambda t, x: t.xlogy(x, 3.0), A)
add("xlogy/nan_and_ints", lambda t: (t.xlogy(T(t, [0.0, 0.0]), T(t, [NAN, 0.0])),
                                     t.xlogy(T(t, [2]), T(t, [3])), T(t, [2.0]).xlogy(3)))
grad_case("fmax_grad/nan", lambda t, x, y: t.fmax(x, y), ODD, Y)
grad_case("fmin_grad/nan", lambda t, x, y: x.fmin(y), ODD, Y)
grad_case("fmax_grad/ties", lambda t, x, y: t.fmax(x, y), [1.0, 2.0, 3.0], [1.0, 0.0, 3.0])
add("fmax/int", lambda t: (t.fmax(T(t, [1, 5]), T(t, [3, 2])), t.fmin(T(t, [1, 5]), T(t, [3.0, 2.0]))))
add("fmax/python_number", lambda t: t.fmax(T(t, V), 2.0), error=True)
add("heaviside/values", lambda t: (t.heaviside(L(t, Y), T(t, [0.5])),
                                   t.heaviside(T(t, [1, 0, -1]), T(t, [7]))))
add("heaviside/dtypes_differ", lambda t: t.heaviside(T(t, Y), T(t, 1)), error=True)


@case("heaviside/backward_not_implemented", error=True)
def _(t):
    t.heaviside(L(t, Y), T(t, [0.5])).sum().backward()


add("signbit/values", lambda t: (t.signbit(T(t, [-0.0, 0.0, -1.0, 1.0, NAN])), T(t, I).signbit()))
add("isposinf/values", lambda t: (t.isposinf(T(t, ODD)), T(t, ODD).isneginf(), t.isposinf(T(t, I))))
grad_case("logaddexp_grad/tensors", lambda t, x, y: t.logaddexp(x, y), V, W)
add("logaddexp/large", lambda t: t.logaddexp(T(t, [1000.0, -1000.0]), T(t, [1000.0, -1000.0])))
add("logaddexp/int", lambda t: t.logaddexp(T(t, [1, 2]), T(t, [1, 2])), error=True)
grad_case("clamp_min_grad/scalar", lambda t, x: t.clamp_min(x, 0.5), Y)
grad_case("clamp_max_grad/scalar", lambda t, x: x.clamp_max(0.5), Y)
grad_case("clamp_min_grad/tensor", lambda t, x, m: t.clamp_min(x, m), Y, [1.0])
grad_case("clamp_max_grad/tensor", lambda t, x, m: x.clamp_max(m), Y, [1.0, 0.0, 1.0, 0.0, 1.0])
add("clamp_min/int_promotes", lambda t: (t.clamp_min(T(t, [1, 5]), 2.5), t.clamp_max(T(t, [1, 5]), 3),
                                         t.clamp_min(T(t, [1.0, NAN]), 2.0)))
add("clamp_min/inplace", lambda t: T(t, Y).clamp_min_(1.0))
add("logspace/values", lambda t: (t.logspace(0, 2, 3), t.logspace(0, 2, 3, base=2),
                                  t.logspace(0, 2, 3, dtype=t.int64), t.logspace(0, 1, 5),
                                  t.logspace(-1, 1, 4, 10), t.logspace(0, 2, 3, dtype=t.float64),
                                  t.logspace(0, 3, 1), t.logspace(0, 2, 3, requires_grad=True)))
add("logspace/negative_steps", lambda t: t.logspace(0, 1, -1), error=True)
add("scalar_tensor/values", lambda t: (t.scalar_tensor(3), t.scalar_tensor(3.5, dtype=t.float64),
                                       t.scalar_tensor(True), t.scalar_tensor(2, requires_grad=True)))
