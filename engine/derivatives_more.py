"""The derivative table, continued: rot90, block_diag, the special functions (lgamma,
digamma, polygamma, erfc, erfinv, sinc, logaddexp2, logcumsumexp, copysign ...) and the
products (addmv, addr, baddbmm, addbmm ...).

Same rules as derivatives.py (which re-exports these, so every entry is one table);
formulas follow tools/autograd/derivatives.yaml.
"""

import numpy as np

from . import kernels_bessel as kb
from . import kernels_gamma as kg
from . import kernels_layout as kl
from . import kernels_products as kp
from . import kernels_stats as kst
from .opspec import OpSpec, op, FLOAT, PROMOTE, TRUE_DIV, CUSTOM

__all__ = []


# ---- layout ----------------------------------------------------------------------------------
ROT90 = op("rot90", "Rot90Backward0", "self; k, dims", kl.rot90, self="grad.rot90(-k, dims)")
BLOCK_DIAG = op("block_diag", "BlockDiagBackward0", "*tensors; np_dtype", kl.block_diag,
                tensors="block_diag_backward(grad, sizes, i)")

# ---- special functions -------------------------------------------------------------------------
LGAMMA = op("lgamma", "LgammaBackward0", "self", kg.lgamma, FLOAT, self="grad * self.digamma()")
DIGAMMA = op("digamma", "DigammaBackward0", "self", kg.digamma, FLOAT,
             self="grad * polygamma(1, self)")
POLYGAMMA = op("polygamma", "PolygammaBackward0", "self; n", kg.polygamma_of, FLOAT,
               self="grad * polygamma(n + 1, self)")
POLYGAMMA_INPLACE = op("polygamma_", "PolygammaBackward1", "self; n", kg.polygamma_of, FLOAT,
                       self="grad * polygamma(n + 1, self)")
MVLGAMMA = op("mvlgamma", "MvlgammaBackward0", "self; p", kg.mvlgamma, FLOAT,
              self="mvlgamma_backward(grad, self, p)")
ERFC = op("erfc", "ErfcBackward0", "self", kg.erfc, FLOAT,
          self="-1.1283791670955126 * (-(self.pow(2))).exp() * grad")
ERFINV = op("erfinv", "ErfinvBackward0", "self", kg.erfinv, FLOAT,
            self="0.886226925452758 * self.erfinv().pow(2).exp() * grad")
SINC = op("sinc", "SincBackward0", "self", kg.sinc, FLOAT, self="sinc_backward(grad, self)")
LOGADDEXP2 = op("logaddexp2", "Logaddexp2Backward0", "self, other", kg.logaddexp2, PROMOTE,
                self="grad / (1 + 2 ** (other - self))", other="grad / (1 + 2 ** (self - other))")
LOGCUMSUMEXP = op("logcumsumexp", "LogcumsumexpBackward0", "self; dim", kg.logcumsumexp,
                  self="logcumsumexp_backward(grad, self, result, dim)")
COPYSIGN = op("copysign", "CopysignBackward0", "self, other", kg.copysign, TRUE_DIV,
              self="copysign_backward(grad, self, result)", other="zeros_like(other)")
COPYSIGN_SCALAR = op("copysign", "CopysignBackward1", "self; other", kg.copysign, TRUE_DIV,
                     self="copysign_backward(grad, self, result)")
DEG2RAD = op("deg2rad", "Deg2RadBackward0", "self", kg.deg2rad, FLOAT,
             self="grad * 0.017453292519943295")
RAD2DEG = op("rad2deg", "Rad2DegBackward0", "self", kg.rad2deg, FLOAT,
             self="grad * 57.29577951308232")
NEXTAFTER = op("nextafter", "NextafterBackward0", "self, other", np.nextafter, PROMOTE,
               self="where(self != other, grad, 0.0)", other="zeros_like(other)")
LDEXP = op("ldexp", "LdexpBackward0", "self, other; np_dtype", kg.ldexp, CUSTOM,
           self="grad * 2 ** other", other="grad * result * 0.6931471805599453")
FREXP = op("frexp", "FrexpBackward0", "self", kg.frexp, CUSTOM, n_outputs=2,
           self="grads[0] / results[1].exp2()")
I0 = op("i0", "I0Backward0", "self", kb.i0, FLOAT, self="grad * special_i1(self)")
SPECIAL_I0E = op("special_i0e", "SpecialI0EBackward0", "self", kb.i0e, FLOAT,
                 self="grad * (special_i1e(self) - self.sgn() * result)")
SPECIAL_I1 = op("special_i1", "SpecialI1Backward0", "self", kb.i1, FLOAT,
                self="i1_backward(grad, self, result)")
SPECIAL_I1E = op("special_i1e", "SpecialI1EBackward0", "self", kb.i1e, FLOAT,
                 self="i1e_backward(grad, self, result)")
SPECIAL_XLOG1PY = op("special_xlog1py", "SpecialXlog1PyBackward0", "self, other", kg.xlog1py,
                     TRUE_DIV, self="special_xlog1py(grad, other).masked_fill((self == 0.) & "
                                    "(other <= -1.), 0.)",
                     other="grad * self / (other + 1)")
SPECIAL_XLOG1PY_SCALAR_SELF = op("special_xlog1py", "SpecialXlog1PyBackward1", "other; self",
                                 kg.xlog1py_scalar_self, TRUE_DIV,
                                 other="grad * self / (other + 1)")
SPECIAL_XLOG1PY_SCALAR_OTHER = op("special_xlog1py", "SpecialXlog1PyBackward2", "self; other",
                                  kg.xlog1py, TRUE_DIV,
                                  self="special_xlog1py(grad, other) if other > -1. else "
                                       "special_xlog1py(grad, other).masked_fill(self == 0., 0.)")
SPECIAL_ZETA = op("special_zeta", "SpecialZetaBackward0", "self, other", kg.zeta, TRUE_DIV,
                  self="not_differentiable('zeta')",
                  other="grad * -self * special_zeta(self + 1., other)")
SPECIAL_ZETA_SCALAR_SELF = op("special_zeta", "SpecialZetaBackward1", "other; self",
                              kg.zeta_scalar_self, TRUE_DIV,
                              other="grad * -self * special_zeta(self + 1., other)")
SPECIAL_ZETA_SCALAR_OTHER = op("special_zeta", "SpecialZetaBackward2", "self; other", kg.zeta,
                               TRUE_DIV, self="not_differentiable('zeta')")
SPECIAL_ENTR = op("special_entr", "SpecialEntrBackward0", "self", kg.entr, FLOAT,
                  self="grad * (-(1 + self.log()))")

# ---- products --------------------------------------------------------------------------------
VDOT = op("vdot", "VdotBackward0", "self, other", kp.vdot, self="grad * other",
          other="grad * self")
ADDMV = op("addmv", "AddmvBackward0", "self, mat, vec; beta, alpha", kp.addmv, PROMOTE,
           self="maybe_multiply(grad, beta)", mat="maybe_multiply(outer(grad, vec), alpha)",
           vec="maybe_multiply(mat.t().mv(grad), alpha)")
ADDR = op("addr", "AddrBackward0", "self, vec1, vec2; beta, alpha", kp.addr, PROMOTE,
          self="maybe_multiply(grad, beta)", vec1="maybe_multiply(grad.mv(vec2), alpha)",
          vec2="maybe_multiply(grad.t().mv(vec1), alpha)")
BADDBMM = op("baddbmm", "BaddbmmBackward0", "self, batch1, batch2; beta, alpha", kp.baddbmm,
             PROMOTE, self="maybe_multiply(grad, beta)",
             batch1="maybe_multiply(grad.bmm(batch2.transpose(1, 2)), alpha)",
             batch2="maybe_multiply(batch1.transpose(1, 2).bmm(grad), alpha)")
ADDBMM = op("addbmm", "AddbmmBackward0", "self, batch1, batch2; beta, alpha", kp.addbmm,
            PROMOTE, self="maybe_multiply(grad, beta)",
            batch1="maybe_multiply(grad.unsqueeze(0).expand(batch1_sizes[0], batch1_sizes[1], "
                   "batch2_sizes[2]).bmm(batch2.transpose(1, 2)), alpha)",
            batch2="maybe_multiply(batch1.transpose(1, 2).bmm(grad.unsqueeze(0).expand("
                   "batch1_sizes[0], batch1_sizes[1], batch2_sizes[2])), alpha)")

# ---- statistics ------------------------------------------------------------------------------
NANMEDIAN = op("nanmedian", "NanmedianBackward0", "self", kst.nanmedian_all,
               self="evenly_distribute(grad, self, result)")
NANMEDIAN_DIM = op("nanmedian", "NanmedianBackward1", "self; dim, keepdim", kst.nanmedian_dim,
                   n_outputs=2,
                   self="value_selecting_backward(grad, dim, results[1], self_sizes, keepdim)")
DIST = op("dist", "DistBackward0", "self, other; p", kst.dist, PROMOTE,
          self="norm_backward(grad, self - other, p, result, None, False)",
          other="-norm_backward(grad, self - other, p, result, None, False)")
CDIST = op("_cdist_forward", "CdistBackward0", "x1, x2; p", kst.cdist,
           x1="cdist_backward(grad.contiguous(), x1, x2, p, result)",
           x2="cdist_backward(grad.mT.contiguous(), x2, x1, p, result.mT.contiguous())")
CDIST_BACKWARD = op("_cdist_backward", "CdistBackwardBackward0", "grad_in, x1, x2, cdist; p",
                    kst.cdist_backward, grad_in="not_differentiable('_cdist_backward')",
                    x1="not_differentiable('_cdist_backward')",
                    x2="not_differentiable('_cdist_backward')",
                    cdist="not_differentiable('_cdist_backward')")
EUCLIDEAN_DIST = op("_euclidean_dist", "EuclideanDistBackward0", "x1, x2", kst.euclidean_dist,
                    x1="euclidean_dist_backward_x1(grad, x1, x2, result)",
                    x2="euclidean_dist_backward_x2(grad, x1, x2, result)")

__all__ = [name for name, value in list(globals().items()) if isinstance(value, OpSpec)]
