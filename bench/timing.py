"""Repeat self-timing workloads, interleaved, after a warm-up; keep each phase's runs."""

import gc
import statistics
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, List

# wall: time.perf_counter, what a user waits. cpu: time.process_time, this process's
# CPU time only, steadier when other programs share the cores (single-threaded runs).
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
_clock = time.perf_counter


def use_clock(name):
    global _clock
    _clock = CLOCKS[name]


def now():
    """The current time on the chosen clock; workloads time themselves with it."""
    return _clock()


@dataclass
class Measurement:
    """The phases' times of every timed run, and the workload's result of the last one."""

    runs: Dict[str, List[float]] = field(default_factory=dict)
    result: object = None

    def median(self, phase):
        return statistics.median(self.runs[phase])

    def best(self, phase):
        return min(self.runs[phase])

    def spread(self, phase):
        """(max - min) / median over the runs: how far one run can be trusted."""
        times = self.runs[phase]
        return (max(times) - min(times)) / statistics.median(times)


def measure(workloads: List[Callable[[], tuple]], repeats: int,
            warmup: int = 1) -> List[Measurement]:
    """Run each workload warmup + repeats times; a workload returns ({phase: seconds}, result).

    The workloads take turns (A B C A B C ...) so that a change in the machine's
    load during the run falls on all of them alike and their ratios stay fair.
    Workloads time themselves with now() so that building inputs and
    freeing graphs stay outside the clock. The garbage collector stays on (an
    autograd engine's allocations are part of its cost) but starts each run empty.
    """
    for workload in workloads:
        for _ in range(warmup):
            workload()
    measurements = [Measurement() for _ in workloads]
    for _ in range(repeats):
        for workload, measurement in zip(workloads, measurements):
            gc.collect()
            times, measurement.result = workload()
            for phase, seconds in times.items():
                measurement.runs.setdefault(phase, []).append(seconds)
    return measurements
