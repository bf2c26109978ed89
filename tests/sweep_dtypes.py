"""A differential sweep of dtypes: type promotion, in-place casts and dtype errors.

Not a test (pytest does not collect it): a search tool. Every binary operator and function
below runs on every pair of operands -- 0-dim and 1-d tensors of each dtype, Python bools,
ints, floats and large ints, on either side -- then every in-place form, unary function
and reduction on each dtype, on real torch and on the engine; the result's repr (values and
dtype) and the error type and message must agree. float16 values are not compared (their
last bits are a known gap), only their dtypes.

    python tests/sweep_dtypes.py [FILTER [MAX_SHOWN]]   # FILTER: a substring of the code
"""

import re
import sys
import warnings

import numpy as np
import torch

import gradrepl_engine as ge
from gradrepl.session import _is_internal

DTYPES = ["bool", "uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64"]
VALUES = {"bool": ([True], [True, False]), "uint8": ([3], [3, 250]), "int8": ([-3], [-3, 5]),
          "int16": ([7], [7, -2]), "int32": ([-5], [-5, 2]), "int64": ([6], [6, -4]),
          "float16": ([2.5], [2.5, -0.5]), "float32": ([-1.5], [-1.5, 3.25]),
          "float64": ([0.75], [0.75, -2.0])}
NUMBERS = ["True", "3", "-2", "2.5", "2 ** 40", "2 ** 63", "-2 ** 63 - 1"]


def operands():
    """(name, code) of every operand: 0-dim and 1-d tensors of each dtype, Python numbers."""
    for d in DTYPES:
        zero, one = VALUES[d]
        yield "%s[]" % d, "torch.tensor(%r, dtype=torch.%s)" % (zero[0], d)
        yield "%s[2]" % d, "torch.tensor(%r, dtype=torch.%s)" % (one, d)
    for n in NUMBERS:
        yield n, n


BINARY = [
    "{a} + {b}", "{a} - {b}", "{a} * {b}", "{a} / {b}", "{a} // {b}", "{a} % {b}", "{a} ** {b}",
    "{a} @ {b}", "{a} == {b}", "{a} != {b}", "{a} < {b}", "{a} <= {b}", "{a} > {b}",
    "{a} >= {b}", "{a} & {b}", "{a} | {b}", "{a} ^ {b}", "{a} << {b}", "{a} >> {b}",
    "torch.add({a}, {b})", "torch.add({a}, {b}, alpha=2)", "torch.add({a}, {b}, alpha=0.5)",
    "torch.sub({a}, {b}, alpha=2)", "torch.sub({a}, {b})", "torch.mul({a}, {b})",
    "torch.div({a}, {b})", "torch.div({a}, {b}, rounding_mode='floor')",
    "torch.div({a}, {b}, rounding_mode='trunc')", "torch.true_divide({a}, {b})",
    "torch.floor_divide({a}, {b})", "torch.remainder({a}, {b})", "torch.fmod({a}, {b})",
    "torch.pow({a}, {b})", "torch.float_power({a}, {b})", "torch.atan2({a}, {b})",
    "torch.hypot({a}, {b})", "torch.maximum({a}, {b})", "torch.minimum({a}, {b})",
    "torch.fmax({a}, {b})", "torch.fmin({a}, {b})", "torch.logaddexp({a}, {b})",
    "torch.xlogy({a}, {b})", "torch.copysign({a}, {b})", "torch.lerp({a}, {b}, 0.5)",
    "torch.where(torch.tensor([True, False]), {a}, {b})", "torch.clamp({a}, {b})",
    "torch.clamp({a}, max={b})", "torch.clamp({a}, {b}, {b})",
    "torch.addcmul({a}, {b}, {b})", "torch.addcdiv({a}, {b}, {b})",
    "torch.addcmul({a}, {b}, {b}, value=2)",
    "torch.bitwise_and({a}, {b})", "torch.bitwise_or({a}, {b})", "torch.bitwise_xor({a}, {b})",
    "torch.bitwise_left_shift({a}, {b})", "torch.bitwise_right_shift({a}, {b})",
    "torch.logical_and({a}, {b})", "torch.logical_or({a}, {b})", "torch.logical_xor({a}, {b})",
    "torch.eq({a}, {b})", "torch.ne({a}, {b})", "torch.lt({a}, {b})", "torch.ge({a}, {b})",
    "torch.isclose({a}, {b})", "torch.allclose({a}, {b})", "torch.equal({a}, {b})",
    "{a}.add({b})", "{a}.mul({b})", "{a}.div({b})", "{a}.pow({b})", "{a}.remainder({b})",
    "{a}.fmod({b})", "{a}.maximum({b})", "{a}.clamp(min={b})",
    "torch.lerp({a}, {b}, {b})", "torch.rsub({a}, {b})", "torch.nextafter({a}, {b})",
    "torch.ldexp({a}, {b})", "torch.heaviside({a}, {b})", "torch.gcd({a}, {b})",
]
INPLACE = [
    "x += {b}", "x -= {b}", "x *= {b}", "x /= {b}", "x //= {b}", "x %= {b}", "x **= {b}",
    "x &= {b}", "x |= {b}", "x ^= {b}", "x <<= {b}", "x >>= {b}",
    "x.add_({b})", "x.add_({b}, alpha=2)", "x.sub_({b})", "x.mul_({b})", "x.div_({b})",
    "x.div_({b}, rounding_mode='floor')", "x.pow_({b})", "x.clamp_({b})",
    "x.clamp_(max={b})", "x.copy_({b})", "x.masked_fill_(torch.tensor([True, False]), {b})",
    "x[0] = {b}", "x[:] = {b}", "x.fill_({b})", "x.remainder_({b})", "x.fmod_({b})",
    "x.lerp_({b}, 0.5)", "x.addcmul_({b}, {b})", "x.addcdiv_({b}, {b})", "x.maximum({b})",
    "x.floor_divide_({b})", "x.true_divide_({b})", "x.atan2_({b})", "x.hypot_({b})",
    "x.logical_and_({b})", "x.bitwise_and_({b})", "x.copysign_({b})", "x.xlogy_({b})",
    "x.float_power_({b})", "x.index_fill_(0, torch.tensor([0]), {b})",
    "x.masked_scatter_(torch.tensor([True, False]), {b})", "x.where({b} > 0, {b})",
    "x.clamp_({b}, {b})",
]
UNARY = [
    "x.abs()", "-x", "~x", "x.neg()", "x.sign()", "x.sgn()", "x.sqrt()", "x.rsqrt()", "x.exp()",
    "x.exp2()", "x.expm1()", "x.log()", "x.log2()", "x.log1p()", "x.sin()", "x.cos()",
    "x.tan()", "x.tanh()", "x.asin()", "x.atan()", "x.sinh()", "x.floor()", "x.ceil()",
    "x.round()", "x.round(decimals=1)", "x.trunc()", "x.frac()", "x.sigmoid()",
    "x.reciprocal()", "x.square()", "x.erf()", "x.lgamma()", "x.digamma()", "x.isnan()",
    "x.isinf()", "x.isfinite()", "x.signbit()", "x.logical_not()", "x.bitwise_not()",
    "x.positive()", "x.relu()", "torch.nn.functional.relu(x)", "torch.nn.functional.gelu(x)",
    "torch.nn.functional.silu(x)", "torch.nn.functional.elu(x)",
    "torch.nn.functional.leaky_relu(x)", "torch.nn.functional.softplus(x)",
    "torch.nn.functional.hardtanh(x)", "x.softmax(0)", "x.log_softmax(0)", "x.cumsum(0)",
    "x.cumprod(0)", "x.cummax(0)", "x.logcumsumexp(0)", "x.sum()", "x.mean()", "x.prod()",
    "x.std()", "x.var()", "x.argmax()", "x.argmin()", "x.max()", "x.min()", "x.amax()",
    "x.aminmax()", "x.median()", "x.mode()", "x.sort()", "x.argsort()", "x.topk(1)",
    "x.kthvalue(1)", "x.norm()", "x.norm(1)", "torch.linalg.vector_norm(x)", "x.all()",
    "x.any()", "x.count_nonzero()", "x.nansum()", "x.nanmean()", "x.logsumexp(0)",
    "x.unique()", "x.cummin(0)", "x.msort()", "x.clamp(0, 1)", "x.clamp(0.5)",
    "x.nan_to_num()", "x.deg2rad()", "x.angle()", "x.i0()", "x.sinc()", "x.logit()",
    "x.erfinv()", "x.mvlgamma(1)", "x.polygamma(1)", "x.heaviside(x)", "x.float()",
    "x.int()", "x.bool()", "x.half()", "x.double()", "x.long()", "x.byte()", "x.char()",
    "x.to(torch.float16)", "x.type(torch.int8)", "x.dot(x)", "x.outer(x)", "x.diff()",
    "x.histc()", "x.bincount()", "x.flip(0)", "x.trace() if x.dim() == 2 else x.sum(0)",
    "torch.dist(x, x)", "x.renorm(2, 0, 1)", "x.lerp(x, 0.5)",
    "abs(x)", "x.abs_()", "x.neg_()", "x.sqrt_()", "x.exp_()", "x.floor_()", "x.round_()",
    "x.sigmoid_()", "x.relu_()", "x.sign_()", "x.clamp_(0, 1)", "x.zero_()", "x.fill_(1.5)",
    "x.mean(dtype=torch.float64)",
]
REDUCE_DTYPE = [
    "x.sum(dtype=torch.{d})", "x.sum(0, dtype=torch.{d})", "x.mean(dtype=torch.{d})",
    "x.prod(dtype=torch.{d})", "x.prod(0, dtype=torch.{d})", "x.cumsum(0, dtype=torch.{d})",
    "x.cumprod(0, dtype=torch.{d})", "x.softmax(0, dtype=torch.{d})",
    "x.log_softmax(0, dtype=torch.{d})", "x.nansum(dtype=torch.{d})",
    "x.nanmean(dtype=torch.{d})", "x.norm(dtype=torch.{d})",
    "torch.linalg.vector_norm(x, dtype=torch.{d})", "torch.sum(x, dtype=torch.{d})",
    "torch.mean(x, 0, dtype=torch.{d})", "torch.nn.functional.softmax(x, 0, dtype=torch.{d})",
]


def show(value):
    text = re.sub(r"0x[0-9a-f]+", "0x", repr(value))
    if "float16" in text:  # float16's last bits are a known gap: compare the dtype only
        text = re.sub(r"[-+]?(\d+\.?\d*(e[-+]?\d+)?|inf|nan)", "#", text)
    return text


def run(mod, code, names, statement):
    env = {"torch": mod}
    env.update(names or {})
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"):
                if statement:
                    exec(code, env)
                    return show(env["x"]) + " " + str(env["x"].dtype)
                r = eval(code, env)
                return show(r)
    except Exception as e:  # noqa: BLE001
        text = "%s: %s" % (type(e).__name__, str(e).split("\n")[0])
        if mod is ge and _is_internal(e):
            text += "  [INTERNAL]"
        return text


def cases():
    ops = list(operands())
    for template in BINARY:
        for a_name, a in ops:
            for b_name, b in ops:
                if "[" in a_name + b_name:
                    yield (template, template.format(a=a_name, b=b_name),
                           template.format(a=a, b=b), None, False)
    tensors = [(n, c) for n, c in ops if "[" in n]
    for template in INPLACE:
        for x_name, x in tensors:
            if not x_name.endswith("[2]"):
                continue
            for b_name, b in ops:
                yield (template, template.format(b=b_name).replace("x", x_name, 1),
                       template.format(b=b), {"x": x}, True)
    for template in UNARY:
        for x_name, x in tensors:
            yield template, template.replace("x", x_name, 1), template, {"x": x}, False
    for template in REDUCE_DTYPE:
        for d in DTYPES:
            for x_name, x in tensors:
                if x_name.endswith("[2]"):
                    code = template.format(d=d)
                    yield template, code.replace("x", x_name, 1), code, {"x": x}, False


def main():
    pattern = sys.argv[1] if len(sys.argv) > 1 else ""
    shown_max = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    found = total = 0
    by_template = {}
    for template, name, code, names, statement in cases():
        if pattern not in name:
            continue
        total += 1
        t_names = {k: eval(v, {"torch": torch}) for k, v in (names or {}).items()}
        g_names = {k: eval(v, {"torch": ge}) for k, v in (names or {}).items()}
        t = run(torch, code, t_names, statement)
        g = run(ge, code, g_names, statement)
        if t == g:
            continue
        found += 1
        by_template.setdefault(template, []).append((name, t, g))
    for key, rows in by_template.items():
        print("=== %s  (%d)" % (key, len(rows)))
        for name, t, g in rows[:shown_max]:
            print("  %s\n    torch: %s\n    ours:  %s" % (name, t.replace("\n", " ")[:200],
                                                        g.replace("\n", " ")[:200]))
    print("found", found, "of", total)


if __name__ == "__main__":
    main()
