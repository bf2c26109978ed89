"""A sweep for bad arguments that end in a Python or NumPy exception of ours (what the shell
reports as "a bug in gradrepl") instead of an error meant for the user.

Not a test (pytest does not collect it): every public Tensor method and torch function is
called on a few tensors with odd arguments (None, strings, floats, huge and negative ints,
lists, tensors ...); only our internal errors are listed, with what torch says for the call.

    python tests/sweep_arguments.py [NAME_FILTER]
"""

import sys
import warnings

import numpy as np
import torch

import gradrepl_engine as ge
from gradrepl.session import _is_internal

ODD = ["None", "'a'", "1.5", "-5", "10 ** 20", "[]", "[1, 2]", "(0, 0)", "True", "float('nan')",
       "m.tensor(1.)", "m.tensor([1, 0])", "m.tensor([[0]])", "()", "0"]
TENSORS = ["m.tensor(2.)", "m.zeros(0)", "m.ones(2, 3)", "m.arange(4)", "m.tensor([True])"]
SKIP = {"backward", "register_hook", "register_post_accumulate_grad_hook", "apply_", "numpy",
        "tolist", "item", "data_ptr", "new", "type", "cuda", "to", "pin_memory"}


def outcome(mod, code):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"):
                eval(code, {"m": mod})
        return None
    except Exception as e:  # noqa: BLE001
        return e


def main():
    pattern = sys.argv[1] if len(sys.argv) > 1 else ""
    names = sorted(n for n in dir(ge.Tensor) if not n.startswith("_") and n not in SKIP
                   and callable(getattr(ge.Tensor, n, None)) and pattern in n)
    found = 0
    for name in names:
        for x in TENSORS:
            calls = ["%s.%s(%s)" % (x, name, a) for a in ODD]
            calls += ["%s.%s(0, %s)" % (x, name, a) for a in ODD]
            calls += ["%s.%s(%s, 0)" % (x, name, a) for a in ODD]
            for code in calls:
                ours = outcome(ge, code)
                if ours is None or not _is_internal(ours):
                    continue
                found += 1
                theirs = outcome(torch, code)
                print("%s\n  ours:  %s: %s\n  torch: %s" % (
                    code, type(ours).__name__, str(ours).split("\n")[0][:160],
                    "ok" if theirs is None else "%s: %s" % (type(theirs).__name__,
                                                            str(theirs).split("\n")[0][:160])))
    print("internal errors:", found)


if __name__ == "__main__":
    main()
