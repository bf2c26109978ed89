"""Run every benchmark and print one table: medians, per-step and per-op times, ratios."""

import argparse
import datetime
import gc
import importlib.util
import os
import platform
import subprocess
import sys
from dataclasses import dataclass
from typing import Callable, List, Optional, Tuple

# numpy, torch and the workloads are imported in main(), once the thread count is set.

HERE = os.path.dirname(os.path.abspath(__file__))

# (default, --quick) sizes: about 1.5 min and 15 s on 2 idle cores.
SIZES = {
    "cubic_steps": (2000, 200),
    "chain_length": (100_000, 10_000),
    "mlp_steps": (200, 50),
    "language_steps": (2000, 200),
    "repeats": (7, 5),
}


BENCHMARKS = ("cubic", "chain", "mlp", "language")


@dataclass
class Group:
    """One benchmark: its implementations, measured alike; ratios are to the first one."""

    key: str
    title: str
    impls: List[Tuple[str, Callable[[], Callable]]]  # (name, factory of the workload)
    phases: List[Tuple[str, str]]                    # (phase, label in the table)
    steps: Optional[int]                             # for the µs/step column
    ops: int                                         # ops of one run, for µs/op
    note: str = ""


def groups(size, torch):
    import cases
    import gradrepl_engine as engine
    import language_case
    cubic, chain = size["cubic_steps"], size["chain_length"]
    mlp, lang = size["mlp_steps"], size["language_steps"]

    def with_torch(impls, make):
        return impls + ([("torch", lambda: make(torch))] if torch else [])

    return [
        Group("cubic", "cubic fit of sin(x): %d points, %d steps" % (cases.CUBIC_POINTS, cubic),
              with_torch([("engine", lambda: cases.cubic_autograd(engine, cubic)),
                          ("numpy", lambda: cases.cubic_numpy(cubic))],
                         lambda t: cases.cubic_autograd(t, cubic)),
              [("loop", "")], cubic, cubic * cases.CUBIC_OPS,
              "%d ops a step (11 forward, 9 backward nodes, 8 update)" % cases.CUBIC_OPS),
        Group("chain", "chain y = y * 1.0 of %d ops on a scalar, then backward" % chain,
              with_torch([("engine", lambda: cases.chain_autograd(engine, chain))],
                         lambda t: cases.chain_autograd(t, chain)),
              [("forward", "forward"), ("backward", "backward"), ("fwd+bwd", "fwd+bwd")],
              None, chain, "1 op = one mul forward, or its node backward"),
        Group("mlp", "MLP %d-%d-%d-%d (tanh, relu), batch %d, MSE, %d SGD steps"
              % (cases.MLP_IN, cases.MLP_HIDDEN, cases.MLP_HIDDEN, cases.MLP_OUT,
                 cases.MLP_BATCH, mlp),
              with_torch([("engine", lambda: cases.mlp_autograd(engine, mlp)),
                          ("numpy", lambda: cases.mlp_numpy(mlp))],
                         lambda t: cases.mlp_autograd(t, mlp)),
              [("loop", "")], mlp, mlp * cases.MLP_OPS,
              "%d ops a step (11 forward, 11 backward nodes, 12 update)" % cases.MLP_OPS),
        Group("language", "language: cubic fit source text, %d steps, on the engine" % lang,
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


def load_average():
    try:
        return "load average %.2f %.2f %.2f" % os.getloadavg()
    except OSError:
        return "load average unknown"


def header(torch, size, args):
    import numpy as np
    uname = platform.uname()
    torch_text = ("torch %s found" % torch.__version__ if torch
                  else "torch not found (or --no-torch): no torch rows")
    return [
        "gradrepl benchmarks, %s%s: median of %d interleaved runs after 1 warm-up, %s"
        % (datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
           ", --quick" if args.quick else "", size["repeats"],
           "wall clock (perf_counter)" if args.clock == "wall" else "CPU time (process_time)"),
        "python %s, numpy %s, %s, %d BLAS/torch thread(s)"
        % (platform.python_version(), np.__version__, torch_text, args.threads),
        "%s, %d CPUs, %s %s %s, %s at start" % (
            cpu_name(), os.cpu_count() or 0, uname.system, uname.release, uname.machine,
            load_average()),
        "garbage collector thresholds %s: %s" % (
            gc.get_threshold(), "Python's defaults (--python-gc)" if args.python_gc
            else "the gradrepl shell's (engine/gc_policy.py), for every row"),
        "gradrepl at %s" % git_revision(),
    ]


# ---- the table ------------------------------------------------------------------------

COLUMNS = "%-10s %-9s %10s %10s %9s %8s %6s %6s  %s"


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
                name, label, fmt_seconds(median), fmt_seconds(m.best(phase)), per_step,
                "%.2f" % (median / group.ops * 1e6),
                "%.2f" % (median / reference.median(phase)),
                "%.0f%%" % (100 * m.spread(phase)), result))
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, 5 runs (~15 s)")
    parser.add_argument("--no-torch", action="store_true", help="leave real torch out")
    parser.add_argument("--repeats", type=int, help="timed runs per measurement")
    parser.add_argument("--only", action="append", choices=BENCHMARKS,
                        help="run only this benchmark (repeatable)")
    parser.add_argument("--threads", type=int, default=1,
                        help="threads for NumPy's BLAS and torch (default 1: the engine is "
                             "single-threaded, and one thread keeps ratios reproducible)")
    parser.add_argument("--python-gc", action="store_true",
                        help="keep Python's default garbage collector thresholds instead of "
                             "those the gradrepl shell sets (engine/gc_policy.py)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall: time.perf_counter (default); cpu: time.process_time, "
                             "steadier on a machine busy with other work")
    args = parser.parse_args(argv)
    # Before numpy (OpenBLAS reads these when it loads) and torch are imported.
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(args.threads)

    size = {key: values[1 if args.quick else 0] for key, values in SIZES.items()}
    if args.repeats:
        size["repeats"] = args.repeats
    torch = None
    if not args.no_torch and importlib.util.find_spec("torch") is not None:
        try:
            import torch
        except ImportError as exc:  # installed but broken: the table goes on without it
            print("torch left out: %s" % exc, file=sys.stderr)
        else:
            torch.set_num_threads(args.threads)

    from timing import measure, use_clock

    if not args.python_gc:
        from gradrepl_engine.gc_policy import tune_for_graphs
        tune_for_graphs()  # as the shell does: the table times what a session sees

    use_clock(args.clock)
    lines = header(torch, size, args)
    lines += ["", COLUMNS % ("impl", "phase", "median", "best", "µs/step", "µs/op", "ratio",
                             "spread", "result")]
    measured = {}
    for group in groups(size, torch):
        if args.only and group.key not in args.only:
            continue
        print("running %s: %s ..." % (group.title, ", ".join(n for n, _ in group.impls)),
              file=sys.stderr, flush=True)
        workloads = [factory() for _, factory in group.impls]
        results = list(zip([n for n, _ in group.impls], measure(workloads, size["repeats"])))
        lines += ["", "%s  [%s]" % (group.title, group.note)] + table_rows(group, results)
        measured[group.key] = results
    lines += ["", "ratio = median / the first row's median of the same benchmark and phase; "
              "µs/step and µs/op are from the median;",
              "spread = (max - min) / median of the runs; result = final loss (chain: x.grad), "
              "the same for every row when all compute alike."]
    lines.append("%s at the end" % load_average())
    if "language" in measured:
        (_, plain), (_, session) = measured["language"]
        ratio = session.median("loop") / plain.median("loop")
        lines.append("language overhead: session / plain exec = %.3f (%+.1f%%; best / best "
                     "%.3f); the target is within 10%%: %s"
                     % (ratio, 100 * (ratio - 1), session.best("loop") / plain.best("loop"),
                        "met" if ratio <= 1.10 else "NOT met"))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
