"""Shared test setup: helper modules beside the tests, and a deterministic CI profile."""

import os
import sys

from hypothesis import settings

# Test helpers (gradcheck.py, torch_cases.py) live beside the tests.
sys.path.insert(0, os.path.dirname(__file__))

# CI replays the same examples every run (a red CI must mean a regression, not bad luck);
# a developer's run explores new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
