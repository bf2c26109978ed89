"""torch.device: parsed and printed as torch does; tensors live on the CPU only."""

import builtins
import re

from .type_names import name_as_torch

# The device types torch knows, in the order of its error message.
DEVICE_TYPES = ("cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve",
                "fpga", "maia", "xla", "lazy", "vulkan", "mps", "meta", "hpu", "mtia",
                "privateuseone")
# c10's Device(string): a type name, then optionally ':' and an index without leading zeros.
_DEVICE_STRING = re.compile(r"([a-zA-Z_]+)(?::(0|[1-9][0-9]*))?")
_MISSING = object()
_SIGNATURES = " * (torch.device device)\n%s * (str type, int index = -1)\n"


def _no_signature_matches(args):
    got = ", ".join(type(a).__name__ for a in args)
    why = ("      didn't match because some of the arguments have invalid types: (!%s!)\n" % got
           if args else "")
    return TypeError("device() received an invalid combination of arguments - got (%s), but "
                     "expected one of:\n" % got + _SIGNATURES % why)


def _check_index(index):
    if index < 0:
        raise RuntimeError("Device index must not be negative")
    return index


def _parse(text):
    """(type, index or None) of a device string such as 'cpu', 'cuda:1'."""
    match = _DEVICE_STRING.fullmatch(text)
    if match is None:
        raise RuntimeError("Invalid device string: '%s'" % text)
    kind, index = match.groups()
    if kind not in DEVICE_TYPES:
        raise RuntimeError("Expected one of %s device type at start of device string: %s"
                           % (", ".join(DEVICE_TYPES), kind))
    if index is not None and len(index) > 9:
        raise RuntimeError("Could not parse device index '%s' in device string '%s'"
                           % (index, text))
    return kind, None if index is None else int(index)


class device:
    """torch.device('cpu'), ('cuda:1'), ('cuda', 1) or (another device); a bare index
    names an accelerator, which there is none of."""

    __slots__ = ("type", "index")
    # `type` is also __init__'s first parameter, as in torch: builtins.type is the builtin.

    def __init__(self, type=_MISSING, index=None):
        if type is _MISSING:
            raise _no_signature_matches(())
        if index is not None and (builtins.type(index) is bool or not isinstance(index, int)):
            raise TypeError("device(): argument 'index' (position 2) must be int, not %s"
                            % builtins.type(index).__name__)
        if isinstance(type, device):
            if index is not None:
                raise TypeError("device(): argument 'type' (position 1) must be str, not %s"
                                % builtins.type(type).__name__)
            kind, index = type.type, type.index
        elif isinstance(type, str):
            kind, parsed = _parse(type)
            if parsed is not None:
                if index is not None:
                    raise RuntimeError("type (string) must not include an index because "
                                       "index was passed explicitly: %s" % type)
                index = parsed
            if index is not None:
                _check_index(index)
        elif isinstance(type, int) and builtins.type(type) is not bool:
            _check_index(type)
            raise RuntimeError("Cannot access accelerator device when none is available.")
        else:
            raise _no_signature_matches((type,))
        object.__setattr__(self, "type", kind)
        object.__setattr__(self, "index", index)

    def __setattr__(self, name, value):
        raise AttributeError("attribute '%s' of 'torch.device' objects is not writable" % name)

    def __repr__(self):
        if self.index is None:
            return "device(type='%s')" % self.type
        return "device(type='%s', index=%d)" % (self.type, self.index)

    def __str__(self):
        return self.type if self.index is None else "%s:%d" % (self.type, self.index)

    def __eq__(self, other):
        if not isinstance(other, device):
            return NotImplemented
        return self.type == other.type and self.index == other.index

    def __hash__(self):
        return hash((self.type, self.index))

    def __reduce__(self):
        return (device, (str(self),))


name_as_torch(device, "torch")

CPU = device("cpu")


NO_CUDA = "Torch not compiled with CUDA enabled"
_NOT_COMPILED = {"cuda": NO_CUDA, "xpu": "Torch not compiled with XPU enabled"}


def require_cpu(where):
    """Check a device= argument or .to() target: only the CPU exists in gradrepl.

    CUDA (and XPU) fail as they do in a CPU-only build of torch; other accelerators with
    gradrepl's own message (torch has, e.g., meta tensors that we do not emulate).
    """
    where = where if isinstance(where, device) else device(where)
    if where.type == "cpu":
        return
    if where.type in _NOT_COMPILED:
        raise AssertionError(_NOT_COMPILED[where.type])
    raise RuntimeError("gradrepl runs on the CPU only, so device %r is not available"
                       % str(where))


# torch.set_default_device: where factories without device= make their tensors.
_default = [None]


def check_device(where, function):
    """A factory's device= argument (None: the default device), checked before anything is
    made, as torch does: a device= of the wrong type is the argument parser's error."""
    if where is None:
        where = _default[0]
        if where is None:
            return
    elif not isinstance(where, (str, device, int)):
        raise TypeError("%s(): argument 'device' must be torch.device, not %s"
                        % (function, builtins.type(where).__name__))
    require_cpu(where)


def get_default_device():
    return CPU if _default[0] is None else _default[0]


def set_default_device(where):
    """torch.set_default_device: None or 'cpu'; 'cuda' is accepted, and every factory
    fails from then on, as in a CPU-only torch."""
    _default[0] = None if where is None else (
        where if isinstance(where, device) else device(where))
    if _default[0] is not None and _default[0].type == "cpu":
        _default[0] = None
