"""torch.special: the special functions under their SciPy-style names (most are aliases
of torch functions, with the same nodes: special.expit is sigmoid, SigmoidBackward0)."""

from . import derivatives as _d
from . import ops_pointwise as _pw
from .dispatch import call_scalar as _call_scalar
from . import ops_reduce as _red
from . import ops_special as _spc
from . import ops_gamma as _gam

__all__ = ["erf", "erfc", "erfinv", "expit", "logit", "xlogy", "entr", "log_softmax", "softmax",
           "logsumexp", "gammaln", "digamma", "psi", "polygamma", "multigammaln", "sinc",
           "expm1", "exp2", "log1p", "round", "ndtr", "i0", "i0e", "i1", "i1e",
           "xlog1py", "zeta"]

erf = _pw.erf
erfc = _gam.erfc
erfinv = _gam.erfinv
expit = _pw.sigmoid
logit = _spc.logit
xlogy = _spc.xlogy
entr = _gam.special_entr
gammaln = _gam.lgamma
digamma = psi = _gam.digamma
polygamma = _gam.polygamma
multigammaln = _gam.mvlgamma
sinc = _gam.sinc
i0 = _gam.i0
i0e = _gam.special_i0e
i1 = _gam.special_i1
i1e = _gam.special_i1e
xlog1py = _gam.special_xlog1py
zeta = _gam.special_zeta
expm1 = _pw.expm1
exp2 = _pw.exp2
log1p = _pw.log1p
logsumexp = _red.logsumexp


def softmax(input, dim, *, dtype=None):
    return _red.softmax(input, dim, dtype=dtype)


def log_softmax(input, dim, *, dtype=None):
    return _red.log_softmax(input, dim, dtype=dtype)


def round(input, *, decimals=0):
    return _pw.round(input, decimals=decimals)


def ndtr(input):
    """The standard normal CDF, composed as ATen's special_ndtr: (1 + erf(x / sqrt 2)) / 2."""
    scaled = _pw.erf(_pw.mul_scalar(input, 0.7071067811865476))
    return _pw.mul_scalar(_call_scalar(_d.ADD.scalar_variant, scaled, 1), 0.5)


def _as_builtins(namespace):
    """torch.special's functions are C functions named special_<name>
    (`<built-in function special_erf>`): each its own function, not torch.erf."""
    from .callable_reprs import register_builtin, renamed
    for name in __all__:
        function = renamed(namespace[name], "special_" + name)
        namespace[name] = function
        register_builtin(function, "special_" + name)


_as_builtins(globals())
