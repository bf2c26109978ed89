"""torch.nn: only its functional part lives here (gradrepl has no modules or parameters)."""

from . import functional

__all__ = ["functional"]
