"""torch.nn: its functional part and Parameter (gradrepl has no modules)."""

from . import functional
from . import parameter
from .parameter import Parameter

__all__ = ["functional", "parameter", "Parameter"]
