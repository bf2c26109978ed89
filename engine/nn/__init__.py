"""torch.nn: its functional part, Parameter, init, utils, Module, the layers, containers and
losses."""

from . import functional
from . import init
from . import parameter
from . import utils
from .module import Module
from .modules_activation import *  # noqa: F401,F403
from .modules_activation import __all__ as _activations
from .modules_container import ModuleDict, ModuleList, ParameterDict, ParameterList
from .modules_distance import CosineSimilarity, PairwiseDistance
from .modules_dropout import Dropout, Dropout1d, Dropout2d, Dropout3d
from .modules_linear import Flatten, Identity, Linear, Sequential, Unflatten
from .modules_loss import *  # noqa: F401,F403
from .modules_loss import __all__ as _losses
from .modules_norm import BatchNorm1d, BatchNorm2d, BatchNorm3d, LayerNorm
from .modules_sparse import Embedding
from .parameter import Parameter

__all__ = (["functional", "init", "parameter", "utils", "Parameter", "Module", "Linear",
            "Identity", "Flatten", "Unflatten", "Sequential", "ModuleList", "ModuleDict",
            "ParameterList", "ParameterDict", "Dropout", "Dropout1d", "Dropout2d", "Dropout3d",
            "LayerNorm", "BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "Embedding",
            "CosineSimilarity", "PairwiseDistance"] + _activations + _losses)
