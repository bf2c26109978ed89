"""torch.cdist as ATen's Distance.cpp decides it: p = 2 with more than 25 rows on either side
(or compute_mode='use_mm_for_euclid_dist') takes _euclidean_dist, one matrix product
(EuclideanDistBackward0, another rounding than the direct way); the rest _cdist_forward
(CdistBackward0)."""

import math

from . import derivatives as d
from .dispatch import call
from .memory import check_allocation
from .shape_util import broadcast_shapes

_COMPUTE_MODES = {"use_mm_for_euclid_dist_if_necessary": 0, "use_mm_for_euclid_dist": 1,
                  "donot_use_mm_for_euclid_dist": 2}


def cdist(x1, x2, p=2.0, compute_mode="use_mm_for_euclid_dist_if_necessary"):
    if compute_mode not in _COMPUTE_MODES:
        raise ValueError("%s is not a valid value for compute_mode" % compute_mode)
    mode = _COMPUTE_MODES[compute_mode]
    for name, t in (("X1", x1), ("X2", x2)):
        if t._data.ndim < 2:
            raise RuntimeError("cdist only supports at least 2D tensors, %s got: %dD"
                               % (name, t._data.ndim))
    c1, c2 = x1._data.shape[-1], x2._data.shape[-1]
    if c1 != c2:
        raise RuntimeError("X1 and X2 must have the same number of columns. X1: %d X2: %d"
                           % (c1, c2))
    for name, t in (("X1", x1), ("X2", x2)):
        if t._dtype.category != 2:
            raise RuntimeError("cdist only supports floating-point dtypes, %s got: %s"
                               % (name, t._dtype.scalar_name))
    if p < 0:
        raise RuntimeError("cdist only supports non-negative p values")
    if x1._dtype is not x2._dtype:
        raise RuntimeError("expected scalar type %s but found %s"
                           % (x1._dtype.scalar_name, x2._dtype.scalar_name))
    r1, r2 = x1._data.shape[-2], x2._data.shape[-2]
    batch = broadcast_shapes(x1._data.shape[:-2], x2._data.shape[:-2])
    empty = x1._data.size == 0 or x2._data.size == 0
    if not empty and p == 2 and (mode == 1 or (mode == 0 and (r1 > 25 or r2 > 25))):
        check_allocation(tuple(batch) + (r1, r2), x1._dtype)
        return _euclidean(x1, x2, tuple(batch), r1, r2, c1)
    # the kernel holds every row difference: (..., r1, r2, columns)
    check_allocation(tuple(batch) + (r1, r2, c1), x1._dtype)
    return call(d.CDIST, (x1, x2), (float(p),), x1._dtype)


def _euclidean(x1, x2, batch, r1, r2, columns):
    output_shape = batch + (r1, r2)
    if x1._data.ndim == 2 and x2._data.ndim == 2:
        return call(d.EUCLIDEAN_DIST, (x1, x2), (), x1._dtype).view(output_shape)
    count = math.prod(batch)
    x1 = x1.expand(batch + (r1, columns)).contiguous().view(count, r1, columns)
    x2 = x2.expand(batch + (r2, columns)).contiguous().view(count, r2, columns)
    return call(d.EUCLIDEAN_DIST, (x1, x2), (), x1._dtype).view(output_shape)
