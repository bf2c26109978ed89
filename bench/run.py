"""Run every benchmark and print one table: medians, per-step and per-op times, ratios."""

import argparse
import datetime
import importlib.util
import os
import platform
import subprocess
import sys
from dataclasses import dataclass
from typing import Callable, List, Optional, Tuple

import numpy as np

import cases
import language_case
from timing import measure

HERE = os.path.dirname(os.path.abspath(__file__))

# (default, --quick) sizes: the default run takes about a minute on 2 cores.
SIZES = {
    "cubic_steps": (2000, 200),
    "chain_length": (100_000, 10_000),
    "mlp_steps": (200, 50),
    "language_steps": (2000, 300),
    "repeats": (5, 3),
}


@dataclass
class Group:
    """One benchmark: its implementations, measured alike; ratios are to the first one."""

    title: str
    impls: List[Tuple[str, Callable[[], Callable]]]  # (name, factory of the workload)
    phases: List[Tuple[str, str]]                    # (phase, label in the table)
    steps: Optional[int]                             # for the µs/step column
    ops: int                                         # ops of one run, for µs/op
    note: str = ""


def groups(size, torch):
    import gradrepl_engine as engine
    cubic, chain = size["cubic_steps"], size["chain_length"]
    mlp, lang = size["mlp_steps"], size["language_steps"]

    def with_torch(impls, make):
        return impls + ([("torch", lambda: make(torch))] if torch else [])

    return [
        Group("cubic fit of sin(x): %d points, %d steps" % (cases.CUBIC_POINTS, cubic),
              with_torch([("engine", lambda: cases.cubic_autograd(engine, cubic)),
                          ("numpy", lambda: cases.cubic_numpy(cubic))],
                         lambda t: cases.cubic_autograd(t, cubic)),
              [("loop", "")], cubic, cubic * cases.CUBIC_OPS,
              "%d ops a step (11 forward, 9 backward nodes, 8 update)" % cases.CUBIC_OPS),
        Group("chain y = y * 1.0 of %d ops on a scalar, then backward" % chain,
              with_torch([("engine", lambda: cases.chain_autograd(engine, chain))],
                         lambda t: cases.chain_autograd(t, chain)),
              [("forward", "forward"), ("backward", "backward"), ("fwd+bwd", "fwd+bwd")],
              None, chain, "1 op = one mul forward, or its node backward"),
        Group("MLP %d-%d-%d-%d (tanh, relu), batch %d, MSE, %d SGD steps"
              % (cases.MLP_IN, cases.MLP_HIDDEN, cases.MLP_HIDDEN, cases.MLP_OUT,
                 cases.MLP_BATCH, mlp),
              with_torch([("engine", lambda: cases.mlp_autograd(engine, mlp)),
                          ("numpy", lambda: cases.mlp_numpy(mlp))],
                         lambda t: cases.mlp_autograd(t, mlp)),
              [("loop", "")], mlp, mlp * cases.MLP_OPS,
              "%d ops a step (11 forward, 11 backward nodes, 12 update)" % cases.MLP_OPS),
        Group("language: cubic fit source text, %d steps, on the engine" % lang,
              [("plain exec", lambda: language_case.plain(lang)),
               ("session", lambda: language_case.session(lang))],
              [("loop", "")], lang, lang * cases.CUBIC_OPS,
              "plain exec = compile()+exec() with torch = gradrepl_engine; "
              "session = Session.evaluate(src, echo=False)"),
    ]


# ---- machine information ------------------------------------------------------------

def cpu_name():
    name = platform.processor()
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return name or platform.machine()


def git_revision():
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE,
                              capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "engine", "gradrepl"],
                               cwd=os.path.dirname(HERE), capture_output=True, text=True,
                               timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + (" + uncommitted changes in engine/ or gradrepl/" if dirty else "")


def header(torch, size, quick):
    uname = platform.uname()
    torch_text = ("torch %s (%d threads)" % (torch.__version__, torch.get_num_threads())
                  if torch else "torch not found (or --no-torch): no torch rows")
    return [
        "gradrepl benchmarks, %s%s: median of %d runs after 1 warm-up"
        % (datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), ", --quick" if quick else "",
           size["repeats"]),
        "python %s, numpy %s, %s" % (platform.python_version(), np.__version__, torch_text),
        "%s, %d CPUs, %s %s %s" % (cpu_name(), os.cpu_count() or 0, uname.system,
                                   uname.release, uname.machine),
        "gradrepl at %s" % git_revision(),
    ]


# ---- the table ------------------------------------------------------------------------

COLUMNS = "%-10s %-9s %10s %9s %8s %7s %6s  %s"


def fmt_seconds(seconds):
    return "%.1f ms" % (seconds * 1e3) if seconds < 10 else "%.2f s" % seconds


def table_rows(group, results):
    rows = []
    reference = results[0][1]
    for phase, label in group.phases:
        for name, m in results:
            median = m.median(phase)
            per_step = "%.1f" % (median / group.steps * 1e6) if group.steps else "-"
            result = m.result if isinstance(m.result, str) else "%.6g" % m.result
            rows.append(COLUMNS % (
                name, label, fmt_seconds(median), per_step, "%.2f" % (median / group.ops * 1e6),
                "%.2f" % (median / reference.median(phase)),
                "%.0f%%" % (100 * m.spread(phase)), result))
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, 3 runs (~20 s)")
    parser.add_argument("--no-torch", action="store_true", help="leave real torch out")
    parser.add_argument("--repeats", type=int, help="timed runs per measurement")
    args = parser.parse_args(argv)

    size = {key: values[1 if args.quick else 0] for key, values in SIZES.items()}
    if args.repeats:
        size["repeats"] = args.repeats
    torch = None
    if not args.no_torch and importlib.util.find_spec("torch") is not None:
        import torch

    lines = header(torch, size, args.quick)
    lines += ["", COLUMNS % ("impl", "phase", "median", "µs/step", "µs/op", "ratio",
                             "spread", "result")]
    ratios = {}
    for group in groups(size, torch):
        results = []
        for name, factory in group.impls:
            print("running %s: %s ..." % (group.title, name), file=sys.stderr, flush=True)
            results.append((name, measure(factory(), size["repeats"])))
        lines += ["", "%s  [%s]" % (group.title, group.note)] + table_rows(group, results)
        ratios[group.title] = results
    lines += ["", "ratio = median / the first row's median of the same benchmark and phase; "
              "spread = (max - min) / median of the runs; result = final loss (chain: x.grad)."]
    plain, session = ratios[group.title]
    ratio = session[1].median("loop") / plain[1].median("loop")
    lines.append("language overhead: session / plain exec = %.3f (%+.1f%%; the target is "
                 "within 10%%: %s)" % (ratio, 100 * (ratio - 1),
                                       "met" if ratio <= 1.10 else "NOT met"))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
