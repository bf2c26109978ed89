"""torch.nn: its functional part, Parameter, init, Module and the common layers and losses."""

from . import functional
from . import init
from . import parameter
from .module import Module
from .modules_activation import Dropout, LogSoftmax, ReLU, Sigmoid, Softmax, Tanh
from .modules_linear import Flatten, Identity, Linear, Sequential
from .modules_loss import BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, L1Loss, MSELoss, NLLLoss
from .parameter import Parameter

__all__ = ["functional", "init", "parameter", "Parameter", "Module", "Linear", "Identity",
           "Flatten", "Sequential", "ReLU", "Sigmoid", "Tanh", "Softmax", "LogSoftmax",
           "Dropout", "MSELoss", "L1Loss", "CrossEntropyLoss", "NLLLoss", "BCELoss",
           "BCEWithLogitsLoss"]
