"""torch.nn.Module: parameters, buffers and submodules registered by attribute assignment.

Registered values live in the ordered `_parameters`/`_buffers`/`_modules` dicts as in
torch/nn/modules/module.py, and also as plain instance attributes: reading `model.fc` then
needs no `__getattr__` (the language's guards read engine objects' attributes directly)."""

from collections import OrderedDict, namedtuple
from collections.abc import Mapping

from .. import dtypes
from ..device import device, require_cpu
from ..grad_mode import no_grad
from ..tensor import Tensor
from ..tensor_queries import typename
from .parameter import Parameter

__all__ = ["Module"]


def _addindent(text, spaces):
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    return lines[0] + "\n" + "\n".join(" " * spaces + line for line in lines[1:])


def zero_grads(params, set_to_none):
    """Module.zero_grad and Optimizer.zero_grad: each gradient dropped, or detached and
    zeroed in place."""
    for p in params:
        if p.grad is None:
            continue
        if set_to_none:
            p.grad = None
            continue
        if p.grad.grad_fn is not None:
            p.grad.detach_()
        else:
            p.grad.requires_grad_(False)
        p.grad.zero_()


class _IncompatibleKeys(namedtuple("IncompatibleKeys", ["missing_keys", "unexpected_keys"])):
    __slots__ = ()

    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return super().__repr__()

    __str__ = __repr__


class Module:
    """Base class of every layer; user classes subclass it and define forward()."""

    def __init__(self, *args, **kwargs):
        if kwargs:
            raise TypeError("Module.__init__() got an unexpected keyword argument '%s'"
                            % next(iter(kwargs)))
        if args:
            raise TypeError("Module.__init__() takes 1 positional argument but %d were given"
                            % (len(args) + 1))
        set_plain = super().__setattr__
        set_plain("training", True)
        set_plain("_parameters", {})
        set_plain("_buffers", {})
        set_plain("_non_persistent_buffers_set", set())
        set_plain("_modules", {})

    # ---- registration -------------------------------------------------------------------

    def _registries(self):
        return self.__dict__.get("_parameters"), self.__dict__.get("_buffers"), \
            self.__dict__.get("_modules")

    def __setattr__(self, name, value):
        params, buffers, modules = self._registries()
        if isinstance(value, Parameter):
            if params is None:
                raise AttributeError("cannot assign parameters before Module.__init__() call")
            self._forget(name, params)
            self.register_parameter(name, value)
        elif params is not None and name in params:
            if value is not None:
                raise TypeError("cannot assign '%s' as parameter '%s' (torch.nn.Parameter or "
                                "None expected)" % (typename(value), name))
            self.register_parameter(name, value)
        elif isinstance(value, Module):
            if modules is None:
                raise AttributeError("cannot assign module before Module.__init__() call")
            self._forget(name, modules)
            modules[name] = value
            super().__setattr__(name, value)
        elif modules is not None and name in modules:
            if value is not None:
                raise TypeError("cannot assign '%s' as child module '%s' (torch.nn.Module or "
                                "None expected)" % (typename(value), name))
            modules[name] = value
            super().__setattr__(name, value)
        elif buffers is not None and name in buffers:
            if value is not None and not isinstance(value, Tensor):
                raise TypeError("cannot assign '%s' as buffer '%s' (torch.Tensor or None "
                                "expected)" % (typename(value), name))
            buffers[name] = value
            super().__setattr__(name, value)
        else:
            super().__setattr__(name, value)

    def __delattr__(self, name):
        for registry in self._registries():
            if registry is not None and name in registry:
                del registry[name]
                self.__dict__.get("_non_persistent_buffers_set", set()).discard(name)
        super().__delattr__(name)

    def _forget(self, name, keep):
        """Drop `name` from the plain attributes and every registry but `keep` (torch's
        remove_from): a value assigned again keeps its place in its own registry."""
        for registry in self._registries():
            if registry is not None and registry is not keep:
                registry.pop(name, None)
        self.__dict__.pop(name, None)

    def _check_new_name(self, name, kind, registry):
        if not isinstance(name, str):
            raise TypeError("%s name should be a string. Got %s" % (kind, typename(name)))
        if "." in name:
            raise KeyError('%s name can\'t contain "."' % kind)
        if name == "":
            raise KeyError('%s name can\'t be empty string ""' % kind)
        if hasattr(self, name) and name not in registry:
            raise KeyError("attribute '%s' already exists" % name)

    def register_parameter(self, name, param):
        params = self.__dict__.get("_parameters")
        if params is None:
            raise AttributeError("cannot assign parameter before Module.__init__() call")
        self._check_new_name(name, "parameter", params)
        if param is not None and not isinstance(param, Parameter):
            raise TypeError("cannot assign '%s' object to parameter '%s' (torch.nn.Parameter "
                            "or None required)" % (typename(param), name))
        params[name] = param
        super().__setattr__(name, param)

    def register_buffer(self, name, tensor, persistent=True):
        buffers = self.__dict__.get("_buffers")
        if buffers is None:
            raise AttributeError("cannot assign buffer before Module.__init__() call")
        self._check_new_name(name, "buffer", buffers)
        if tensor is not None and not isinstance(tensor, Tensor):
            raise TypeError("cannot assign '%s' object to buffer '%s' (torch Tensor or None "
                            "required)" % (typename(tensor), name))
        buffers[name] = tensor
        if persistent:
            self._non_persistent_buffers_set.discard(name)
        else:
            self._non_persistent_buffers_set.add(name)
        super().__setattr__(name, tensor)

    def add_module(self, name, module):
        if not isinstance(module, Module) and module is not None:
            raise TypeError("%s is not a Module subclass" % typename(module))
        modules = self.__dict__.get("_modules")
        if modules is None:
            raise AttributeError("cannot assign module before Module.__init__() call")
        self._check_new_name(name, "module", modules)
        modules[name] = module
        super().__setattr__(name, module)

    register_module = add_module

    # ---- walking the tree ---------------------------------------------------------------

    def named_modules(self, memo=None, prefix="", remove_duplicate=True):
        if memo is None:
            memo = set()
        if self in memo:
            return
        if remove_duplicate:
            memo.add(self)
        yield prefix, self
        for name, module in self._modules.items():
            if module is None:
                continue
            yield from module.named_modules(memo, prefix + ("." if prefix else "") + name,
                                            remove_duplicate)

    def modules(self):
        for _, module in self.named_modules():
            yield module

    def named_children(self):
        seen = set()
        for name, module in self._modules.items():
            if module is not None and module not in seen:
                seen.add(module)
                yield name, module

    def children(self):
        for _, module in self.named_children():
            yield module

    def _named_members(self, registry_of, prefix, recurse, remove_duplicate):
        seen = set()
        pairs = (self.named_modules(prefix=prefix, remove_duplicate=remove_duplicate)
                 if recurse else [(prefix, self)])
        for module_prefix, module in pairs:
            for name, value in registry_of(module).items():
                if value is None or value in seen:
                    continue
                if remove_duplicate:
                    seen.add(value)
                yield module_prefix + ("." if module_prefix else "") + name, value

    def named_parameters(self, prefix="", recurse=True, remove_duplicate=True):
        yield from self._named_members(lambda m: m._parameters, prefix, recurse,
                                       remove_duplicate)

    def parameters(self, recurse=True):
        for _, param in self.named_parameters(recurse=recurse):
            yield param

    def named_buffers(self, prefix="", recurse=True, remove_duplicate=True):
        yield from self._named_members(lambda m: m._buffers, prefix, recurse, remove_duplicate)

    def buffers(self, recurse=True):
        for _, buffer in self.named_buffers(recurse=recurse):
            yield buffer

    def apply(self, fn):
        for module in self.children():
            module.apply(fn)
        fn(self)
        return self

    # ---- modes and gradients --------------------------------------------------------------

    def train(self, mode=True):
        if not isinstance(mode, bool):
            raise ValueError("training mode is expected to be boolean")
        self.training = mode
        for module in self.children():
            module.train(mode)
        return self

    def eval(self):
        return self.train(False)

    def requires_grad_(self, requires_grad=True):
        for p in self.parameters():
            p.requires_grad_(requires_grad)
        return self

    def zero_grad(self, set_to_none=True):
        zero_grads(self.parameters(), set_to_none)

    # ---- conversions ------------------------------------------------------------------------

    def _apply(self, fn):
        """fn applied to every parameter, gradient and buffer; torch keeps the Parameter
        objects and swaps their data (param.data = fn(param))."""
        for module in self.children():
            module._apply(fn)
        with no_grad():
            for param in self._parameters.values():
                if param is None:
                    continue
                param.data = fn(param)
                if param.grad is not None:
                    param.grad.data = fn(param.grad)
            for name, buffer in self._buffers.items():
                if buffer is not None:
                    self._buffers[name] = fn(buffer)
                    object.__setattr__(self, name, self._buffers[name])
        return self

    def _floating_to(self, dtype):
        return self._apply(lambda t: t.to(dtype) if t.is_floating_point() else t)

    def float(self):
        return self._floating_to(dtypes.float32)

    def double(self):
        return self._floating_to(dtypes.float64)

    def half(self):
        return self._floating_to(dtypes.float16)

    def to(self, *args, **kwargs):
        dtype = kwargs.pop("dtype", None)
        if kwargs.get("device") is not None:
            require_cpu(kwargs.pop("device"))
        kwargs.pop("non_blocking", None)
        if kwargs:
            raise TypeError("to() received an invalid combination of arguments - got "
                            "unexpected keyword argument '%s'" % next(iter(kwargs)))
        for arg in args:
            if isinstance(arg, dtypes.DType):
                dtype = arg
            elif isinstance(arg, Tensor):
                dtype = arg.dtype
            elif isinstance(arg, (str, device)):
                require_cpu(arg)
        if dtype is not None and dtype.category != 2:
            raise TypeError("nn.Module.to only accepts floating point or complex dtypes, but "
                            "got desired dtype=%s" % dtype)
        return self if dtype is None else self._floating_to(dtype)

    def cpu(self):
        return self

    def type(self, dst_type):
        return self._apply(lambda t: t.type(dst_type))

    # ---- state ------------------------------------------------------------------------------

    def state_dict(self, *, destination=None, prefix="", keep_vars=False):
        if destination is None:
            destination = OrderedDict()
        for name, param in self._parameters.items():
            if param is not None:
                destination[prefix + name] = param if keep_vars else param.detach()
        for name, buffer in self._buffers.items():
            if buffer is not None and name not in self._non_persistent_buffers_set:
                destination[prefix + name] = buffer if keep_vars else buffer.detach()
        for name, module in self._modules.items():
            if module is not None:
                module.state_dict(destination=destination, prefix=prefix + name + ".",
                                  keep_vars=keep_vars)
        return destination

    def load_state_dict(self, state_dict, strict=True, assign=False):
        if not isinstance(state_dict, Mapping):
            raise TypeError("Expected state_dict to be dict-like, got %s." % type(state_dict))
        own = self.state_dict(keep_vars=True)
        missing = [k for k in own if k not in state_dict]
        unexpected = [k for k in state_dict if k not in own]
        errors = []
        for key, target in own.items():
            if key not in state_dict:
                continue
            value = state_dict[key]
            if not isinstance(value, Tensor):
                errors.append('While copying the parameter named "%s", expected torch.Tensor '
                              'or Tensor-like object from checkpoint but received %s'
                              % (key, type(value)))
            elif tuple(value.shape) != tuple(target.shape):
                errors.append("size mismatch for %s: copying a param with shape %s from "
                              "checkpoint, the shape in current model is %s."
                              % (key, value.shape, target.shape))
            else:
                with no_grad():
                    target.copy_(value)
        if strict:
            if unexpected:
                errors.insert(0, "Unexpected key(s) in state_dict: %s. "
                              % ", ".join('"%s"' % k for k in unexpected))
            if missing:
                errors.insert(0, "Missing key(s) in state_dict: %s. "
                              % ", ".join('"%s"' % k for k in missing))
        if errors:
            raise RuntimeError("Error(s) in loading state_dict for %s:\n\t%s"
                               % (type(self).__name__, "\n\t".join(errors)))
        return _IncompatibleKeys(missing, unexpected)

    # ---- calling and printing ------------------------------------------------------------------

    def forward(self, *args, **kwargs):
        raise NotImplementedError('Module [%s] is missing the required "forward" function'
                                  % type(self).__name__)

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)

    def extra_repr(self):
        return ""

    def _get_name(self):
        return type(self).__name__

    def __repr__(self):
        extra = self.extra_repr()
        extra_lines = extra.split("\n") if extra else []
        child_lines = ["(%s): %s" % (key, _addindent(repr(module), 2))
                       for key, module in self._modules.items()]
        lines = extra_lines + child_lines
        text = self._get_name() + "("
        if lines:
            if len(extra_lines) == 1 and not child_lines:
                text += extra_lines[0]
            else:
                text += "\n  " + "\n  ".join(lines) + "\n"
        return text + ")"

    def __dir__(self):
        return sorted(set(super().__dir__()))

    __hash__ = object.__hash__


Module.__module__ = "torch.nn.modules.module"
_IncompatibleKeys.__module__ = "torch.nn.modules.module"
