"""NumPy's argument names that PyTorch's argument parser accepts: axis= for dim=,
keepdims= for keepdim=.

PyTorch's C++ parser (python_arg_parser.cpp, numpy_compatibility_arg_names) takes them
for every native function whose parameter is called `dim` / `keepdim`; functions written
in Python (Tensor.split, torch.norm, torch.unique, F.softmax ...) do not. So the aliases
are added here, once, to the native ones, as torch.X and as Tensor methods.
"""

import functools

# Native functions with a `dim` (and maybe `keepdim`) parameter.
NATIVE_WITH_DIM = (
    "sum mean prod nansum nanmean max min amax amin argmax argmin aminmax any all var std "
    "var_mean std_mean logsumexp softmax log_softmax cumsum cumprod count_nonzero median mode "
    "kthvalue sort argsort topk cat concat concatenate stack squeeze unsqueeze unbind select "
    "narrow chunk gather index_select "
    "diff quantile nanquantile nanmedian logcumsumexp repeat_interleave").split()

_ALIASES = (("axis", "dim"), ("keepdims", "keepdim"))


def accept_numpy_names(function, name):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        if kwargs:
            for alias, real in _ALIASES:
                if alias in kwargs:
                    if real in kwargs:  # both spellings: the alias is then an unknown keyword
                        raise TypeError("%s() got an unexpected keyword argument '%s'"
                                        % (name, alias))
                    kwargs[real] = kwargs.pop(alias)
        return function(*args, **kwargs)
    return wrapper


def install(namespace, tensor_class):
    """Wrap the native functions in the public namespace and the Tensor methods of the
    same names."""
    for name in NATIVE_WITH_DIM:
        if name in namespace:
            namespace[name] = accept_numpy_names(namespace[name], name)
        method = tensor_class.__dict__.get(name)
        if method is not None:
            setattr(tensor_class, name, accept_numpy_names(method, name))
