"""The signatures PyTorch's argument parser holds for the functions and methods learners call
most, and the wrappers that give its TypeErrors when the engine's own call fails.

Each list is in the parser's order, as torch prints it in "invalid combination" errors
(method signatures drop self, so their positions count from the first argument after it),
with arg_parser's `?` and `[n]` marks; `|hidden` marks the deprecated overloads torch
tries but never prints. Only the error path reads them: a call that succeeds
never looks at this table.
"""

import functools

from .arg_parser import parser_error

_CREATION = ("*, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, "
             "torch.device device = None, bool? pin_memory = False, bool? requires_grad = False")
_DIM = "tuple of ints[1]? dim"

# {name: [signature, ...]} of x.name(...)
METHODS = {
    "sum": ["(*, torch.dtype dtype = None)",
            "(%s, bool keepdim = False, *, torch.dtype dtype = None)" % _DIM],
    "mean": ["(*, torch.dtype dtype = None)",
             "(%s, bool keepdim = False, *, torch.dtype dtype = None)" % _DIM],
    "prod": ["(*, torch.dtype dtype = None)",
             "(int dim, bool keepdim = False, *, torch.dtype dtype = None)"],
    "std": ["(%s, bool unbiased = True, bool keepdim = False)" % _DIM,
            "(%s = None, *, Number correction = None, bool keepdim = False)" % _DIM,
            "(bool unbiased = True)"],
    "max": ["()", "(Tensor other)", "(int dim, bool keepdim = False)"],
    "argmax": ["(int? dim = None, bool keepdim = False)"],
    "view": ["(torch.dtype dtype)", "(tuple of ints size)"],
    "reshape": ["(tuple of ints shape)"],
    "squeeze": ["()", "(int dim)", "(tuple of ints dim)"],
    "unsqueeze": ["(int dim)"],
    "transpose": ["(int dim0, int dim1)"],
    "permute": ["(tuple of ints dims)"],
    "flatten": ["(int start_dim = 0, int end_dim = -1)"],
    "expand": ["(tuple of ints size, *, bool implicit = False)"],
    "repeat": ["(tuple of ints repeats)"],
    "narrow": ["(int dim, Tensor start, int length)", "(int dim, int start, int length)"],
    "chunk": ["(int chunks, int dim = 0)"],
    "softmax": ["(int dim, torch.dtype dtype = None)"],
    "cumsum": ["(int dim, *, torch.dtype dtype = None)"],
    "matmul": ["(Tensor other)"],
    "mm": ["(Tensor mat2)"],
    "bmm": ["(Tensor mat2)"],
    "dot": ["(Tensor tensor)"],
    "clamp": ["(Tensor min = None, Tensor max = None)", "(Number min = None, Number max = None)"],
    "where": ["(Tensor condition, Tensor other)", "(Tensor condition, Number other)"],
    "gather": ["(int dim, Tensor index, *, bool sparse_grad = False)"],
    "index_select": ["(int dim, Tensor index)"],
    "masked_fill": ["(Tensor mask, Tensor value)", "(Tensor mask, Number value)"],
    "topk": ["(int k, int dim = -1, bool largest = True, bool sorted = True)"],
    "sort": ["(*, bool? stable, int dim = -1, bool descending = False)",
             "(int dim = -1, bool descending = False)"],
    "size": ["(int? dim = None)"],
    "to": ["(torch.device device = None, torch.dtype dtype = None, bool non_blocking = False, "
           "bool copy = False, *, torch.memory_format memory_format = None)",
           "(torch.dtype dtype, bool non_blocking = False, bool copy = False, *, "
           "torch.memory_format memory_format = None)",
           "(Tensor tensor, bool non_blocking = False, bool copy = False, *, "
           "torch.memory_format memory_format = None)"],
    "pow": ["(Tensor exponent)", "(Number exponent)"],
    "mul": ["(Tensor other)"],
    "add": ["(Tensor other, *, Number alpha = 1)", "(Number alpha, Tensor other)|hidden"],
    "div": ["(Tensor other)", "(Tensor other, *, str? rounding_mode)",
            "(Number other, *, str? rounding_mode)"],
    "clone": ["(*, torch.memory_format? memory_format = None)"],
}
for _same, _as in (("var", "std"), ("min", "max"), ("argmin", "argmax"),
                   ("log_softmax", "softmax"), ("sub", "add")):
    METHODS[_same] = METHODS[_as]

# {name: [signature, ...]} of torch.name(...)
FUNCTIONS = {
    "sum": ["(Tensor input, *, torch.dtype dtype = None)",
            "(Tensor input, %s, bool keepdim = False, *, torch.dtype dtype = None, "
            "Tensor out = None)" % _DIM],
    "mean": ["(Tensor input, *, torch.dtype dtype = None, Tensor out = None)",
             "(Tensor input, %s, bool keepdim = False, *, torch.dtype dtype = None, "
             "Tensor out = None)" % _DIM],
    "prod": ["(Tensor input, *, torch.dtype dtype = None)",
             "(Tensor input, int dim, bool keepdim = False, *, torch.dtype dtype = None, "
             "Tensor out = None)"],
    "std": ["(Tensor input, %s, bool unbiased = True, bool keepdim = False, *, "
            "Tensor out = None)" % _DIM,
            "(Tensor input, %s = None, *, Number correction = None, bool keepdim = False, "
            "Tensor out = None)" % _DIM,
            "(Tensor input, bool unbiased = True)"],
    "max": ["(Tensor input, *, Tensor out = None)", "(Tensor input, Tensor other, *, Tensor out = None)",
            "(Tensor input, int dim, bool keepdim = False, *, tuple of Tensors out = None)"],
    "argmax": ["(Tensor input, int? dim = None, bool keepdim = False, *, Tensor out = None)"],
    "reshape": ["(Tensor input, tuple of ints shape)"],
    "squeeze": ["(Tensor input)", "(Tensor input, int dim)", "(Tensor input, tuple of ints dim)"],
    "unsqueeze": ["(Tensor input, int dim)"],
    "transpose": ["(Tensor input, int dim0, int dim1)"],
    "permute": ["(Tensor input, tuple of ints dims)"],
    "flatten": ["(Tensor input, int start_dim = 0, int end_dim = -1)"],
    "narrow": ["(Tensor input, int dim, Tensor start, int length)",
               "(Tensor input, int dim, int start, int length)"],
    "cat": ["(tuple of Tensors tensors, int dim = 0, *, Tensor out = None)"],
    "chunk": ["(Tensor input, int chunks, int dim = 0)"],
    "zeros": ["(tuple of ints size, %s)" % _CREATION],
    "full": ["(tuple of ints size, Number fill_value, %s)" % _CREATION],
    "rand": ["(tuple of ints size, *, torch.Generator? generator, %s)" % _CREATION[3:],
             "(tuple of ints size, %s)" % _CREATION],
    "arange": ["(Number end, %s)" % _CREATION,
               "(Number start, Number end, %s)" % _CREATION.replace("Tensor out = None, ", ""),
               "(Number start, Number end, Number step = 1, %s)" % _CREATION],
    "linspace": ["(%s start, %s end, int steps, %s)" % (start, end, _CREATION)
                 for start, end in (("Tensor", "Tensor"), ("Number", "Tensor"),
                                    ("Tensor", "Number"), ("Number", "Number"))],
    "eye": ["(int n, %s)" % _CREATION, "(int n, int m, %s)" % _CREATION],
    "tensor": ["(object data, *, torch.dtype dtype = None, torch.device? device = None, "
               "bool pin_memory = False, bool requires_grad = False)"],
    "softmax": ["(Tensor input, int dim, torch.dtype dtype = None, *, Tensor out = None)"],
    "cumsum": ["(Tensor input, int dim, *, torch.dtype dtype = None, Tensor out = None)"],
    "matmul": ["(Tensor input, Tensor other, *, Tensor out = None)"],
    "mm": ["(Tensor input, Tensor mat2, *, Tensor out = None)",
           "(Tensor input, Tensor mat2, torch.dtype out_dtype, *, Tensor out = None)"],
    "dot": ["(Tensor input, Tensor tensor, *, Tensor out = None)"],
    "clamp": ["(Tensor input, Tensor min = None, Tensor max = None, *, Tensor out = None)",
              "(Tensor input, Number min = None, Number max = None, *, Tensor out = None)"],
    "where": ["(Tensor condition)", "(Tensor condition, Tensor input, Tensor other, *, "
              "Tensor out = None)", "(Tensor condition, Number self, Tensor other)",
              "(Tensor condition, Tensor input, Number other)",
              "(Tensor condition, Number self, Number other)"],
    "gather": ["(Tensor input, int dim, Tensor index, *, bool sparse_grad = False, "
               "Tensor out = None)"],
    "index_select": ["(Tensor input, int dim, Tensor index, *, Tensor out = None)"],
    "masked_fill": ["(Tensor input, Tensor mask, Tensor value)",
                    "(Tensor input, Tensor mask, Number value)"],
    "topk": ["(Tensor input, int k, int dim = -1, bool largest = True, bool sorted = True, *, "
             "tuple of Tensors out = None)"],
    "sort": ["(Tensor input, *, bool? stable, int dim = -1, bool descending = False, "
             "tuple of Tensors out = None)",
             "(Tensor input, int dim = -1, bool descending = False, *, "
             "tuple of Tensors out = None)"],
    "pow": ["(Tensor input, Tensor exponent, *, Tensor out = None)",
            "(Number self, Tensor exponent, *, Tensor out = None)",
            "(Tensor input, Number exponent, *, Tensor out = None)"],
    "mul": ["(Tensor input, Tensor other, *, Tensor out = None)"],
    "add": ["(Tensor input, Tensor other, *, Number alpha = 1, Tensor out = None)",
            "(Tensor input, Number alpha, Tensor other, *, Tensor out = None)|hidden"],
    "div": ["(Tensor input, Tensor other, *, Tensor out = None)",
            "(Tensor input, Tensor other, *, str? rounding_mode, Tensor out = None)",
            "(Tensor input, Number other, *, str? rounding_mode)"],
    "clone": ["(Tensor input, *, torch.memory_format? memory_format = None)"],
    "unflatten": ["(Tensor input, int dim, tuple of ints sizes)"],
}
for _name in "exp log sqrt sin cos tanh sigmoid abs neg".split():
    FUNCTIONS[_name] = ["(Tensor input, *, Tensor out = None)"]
for _name in "relu t".split():
    FUNCTIONS[_name] = ["(Tensor input)"]
for _same, _as in (("var", "std"), ("min", "max"), ("argmin", "argmax"), ("stack", "cat"),
                   ("ones", "zeros"), ("randn", "rand"), ("log_softmax", "softmax"),
                   ("bmm", "mm"), ("sub", "add")):
    FUNCTIONS[_same] = FUNCTIONS[_as]

# Tensor methods taking no arguments (C's METH_NOARGS): CPython's own messages.
NO_ARGUMENT_METHODS = tuple("item tolist dim numel exp log sqrt sin cos tanh sigmoid relu abs neg t "
                            "detach".split())


def _with_parser_errors(function, name, signatures, bound):
    """function, with the parser's TypeError in place of whatever the engine raises when
    torch's parser would have refused the arguments (torch parses before it computes)."""
    @functools.wraps(function)
    def checked(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except Exception:
            error = parser_error(name, signatures, args[1:] if bound else args, kwargs)
            if error is None:
                raise
        raise error
    return checked


def _without_arguments(function, name):
    @functools.wraps(function)
    def checked(self, *args, **kwargs):
        try:
            return function(self, *args, **kwargs)
        except Exception:
            if not (args or kwargs):
                raise
        if kwargs:
            raise TypeError("TensorBase.%s() takes no keyword arguments" % name)
        raise TypeError("TensorBase.%s() takes no arguments (%d given)" % (name, len(args)))
    return checked


def install(namespace, tensor_class):
    for name, signatures in METHODS.items():
        setattr(tensor_class, name, _with_parser_errors(getattr(tensor_class, name), name,
                                                         signatures, True))
    for name in NO_ARGUMENT_METHODS:
        setattr(tensor_class, name, _without_arguments(getattr(tensor_class, name), name))
    for name, signatures in FUNCTIONS.items():
        namespace[name] = _with_parser_errors(namespace[name], name, signatures, False)
