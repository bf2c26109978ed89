"""Repeat a self-timing workload after a warm-up and keep the median of each phase."""

import gc
import statistics
from dataclasses import dataclass, field
from typing import Callable, Dict, List


@dataclass
class Measurement:
    """The phases' times of every timed run, and the workload's result of the last one."""

    runs: Dict[str, List[float]] = field(default_factory=dict)
    result: object = None

    def median(self, phase):
        return statistics.median(self.runs[phase])

    def spread(self, phase):
        """(max - min) / median over the runs: how far one run can be trusted."""
        times = self.runs[phase]
        return (max(times) - min(times)) / statistics.median(times)


def measure(workload: Callable[[], tuple], repeats: int, warmup: int = 1) -> Measurement:
    """Run `workload` warmup + repeats times; it returns ({phase: seconds}, result).

    Workloads time themselves with time.perf_counter so that building inputs and
    freeing graphs stay outside the clock. The garbage collector stays on (an
    autograd engine's allocations are part of its cost) but starts each run empty.
    """
    for _ in range(warmup):
        workload()
    measurement = Measurement()
    for _ in range(repeats):
        gc.collect()
        times, measurement.result = workload()
        for phase, seconds in times.items():
            measurement.runs.setdefault(phase, []).append(seconds)
    return measurement
