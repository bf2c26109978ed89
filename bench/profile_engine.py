"""Profile the engine in one workload with cProfile: the top functions by own time."""

import argparse
import cProfile
import os
import pstats

# One BLAS thread, as bench/run.py measures (set before numpy loads).
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import gradrepl_engine  # noqa: E402

import cases  # noqa: E402

WORKLOADS = {
    "cubic": lambda n: cases.cubic_autograd(gradrepl_engine, n or 2000),
    "chain": lambda n: cases.chain_autograd(gradrepl_engine, n or 100_000),
    "mlp": lambda n: cases.mlp_autograd(gradrepl_engine, n or 200),
}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("case", nargs="?", default="cubic", choices=sorted(WORKLOADS))
    parser.add_argument("--size", type=int, help="steps (cubic, mlp) or chain length")
    parser.add_argument("--top", type=int, default=15, help="how many functions to list")
    parser.add_argument("--sort", default="tottime", help="pstats sort key (tottime, cumtime)")
    args = parser.parse_args(argv)

    workload = WORKLOADS[args.case](args.size)
    workload()  # warm-up: first-call imports and caches stay out of the profile
    profiler = cProfile.Profile()
    profiler.enable()
    times, result = workload()
    profiler.disable()
    print("%s: %s (under the profiler, which slows Python code ~2x), result %.6g"
          % (args.case, ", ".join("%s %.3f s" % kv for kv in times.items()), result))
    stats = pstats.Stats(profiler)
    stats.strip_dirs().sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
