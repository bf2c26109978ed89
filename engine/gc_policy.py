"""How often Python's garbage collector runs while graphs are built.

Every op allocates a few small container objects (a node, its tuples, a tensor), so a
long forward pass triggers many collections, and each full one walks every live node of
the graph: with Python's default thresholds a 100 000-op chain spends more time in the
collector than in the ops (bench/README.md). PyTorch's nodes live in C++, out of the
collector's sight. The gradrepl shell, where the engine runs, calls this at start; the
benchmark too, so it times what a session sees.
"""

import gc

# The young generation is collected every 5000 allocations instead of 700, and the old
# generations after 20 collections of the one below instead of 10: a full collection
# comes every 2 million allocations at most, about once per 250 000 ops.
GRAPH_THRESHOLDS = (5000, 20, 20)


def tune_for_graphs():
    """Set the collector's thresholds for building deep graphs; returns the old ones."""
    old = gc.get_threshold()
    gc.set_threshold(*GRAPH_THRESHOLDS)
    return old
