"""Running an op of the table: dtype rules, the forward kernel, and recording its node.

This is the hot path of every experiment: the common case (tensors of one dtype,
grad mode on or off) takes no detour.
"""

import itertools

import numpy as np

from . import dtypes
from .dtypes import get_default_dtype, result_type
from .anomaly_mode import ANOMALY, remember_forward
from .grad_mode import GRAD, IN_FORMULA
from .memory import check_allocation, _limit
from .opspec import FLOAT, TRUE_DIV, CUSTOM
from .shape_util import broadcast_shapes
from .tensor import Tensor, wrap

_sequence = itertools.count(1)  # numbers the nodes as PyTorch's sequence_nr: later runs first
_new = object.__new__
_ndarray = np.ndarray


def _as_array(out):
    # NumPy hands back scalars for 0-d results; tensors always hold arrays.
    return out if type(out) is _ndarray else np.asarray(out)


INFERENCE_SAVE_ERROR = (
    "Inference tensors cannot be saved for backward. Please do not use Tensors created in "
    "inference mode in computation tracked by autograd. To work around this, you can make a "
    "clone to get a normal tensor and use it in autograd, or use `torch.no_grad()` instead of "
    "`torch.inference_mode()`.")

# ---- forward ---------------------------------------------------------------------

def call_unary(op, x, *params):
    """An op of one tensor input (and non-tensor params)."""
    data = x._data
    dtype = x._dtype
    if data.nbytes > _limit[0]:  # an expanded view: small in memory, not once computed on
        check_allocation(data.shape, dtype)
    if op.kind is FLOAT and dtype.category != 2:
        dtype = get_default_dtype()
        data = data.astype(dtype.np_dtype)
    out = op.forward(data, *params)
    if type(out) is not _ndarray:
        out = np.asarray(out)
    if op.kind is CUSTOM:
        dtype = dtypes.from_numpy_dtype(out.dtype)
    elif out.dtype is not dtype.np_dtype and out.dtype != dtype.np_dtype:
        out = out.astype(dtype.np_dtype)
    result = wrap(out, dtype)
    if GRAD.enabled and x._requires_grad:
        record(op, (x,) + params, (result,))
    return result


def call_unary_as(op, x, dtype, *params):
    """call_unary computing in `dtype` (sum(x, dtype=...)): one node, whose gradient the
    backward walk casts back to x's dtype."""
    out = op.forward(x._data.astype(dtype.np_dtype, copy=False), *params)
    result = wrap(_as_array(out).astype(dtype.np_dtype, copy=False), dtype)
    if GRAD.enabled and x._requires_grad and dtype.category == 2:
        record(op, (x,) + params, (result,))
    return result


def promoted(a, b, true_div=False):
    """(a's array, b's array or number, dtype) for a binary op under PyTorch's promotion."""
    if isinstance(b, Tensor):
        dtype = a._dtype if a._dtype is b._dtype else result_type(a, b)
        ad, bd = a._data, b._data
        if true_div and dtype.category != 2:
            dtype = get_default_dtype()
        np_dtype = dtype.np_dtype
        if ad.dtype != np_dtype:
            ad = ad.astype(np_dtype)
        if bd.dtype != np_dtype:
            bd = bd.astype(np_dtype)
        return ad, bd, dtype
    if isinstance(b, (int, float)):
        dtype = a._dtype
        category = dtype.category
        if isinstance(b, bool):
            pass
        elif type(b) is float or isinstance(b, float):
            if category != 2:
                dtype = get_default_dtype()
        else:
            if not -0x8000000000000000 <= b <= 0xFFFFFFFFFFFFFFFF:
                dtypes.check_scalar_int(b)
            if category == 0:
                dtypes.check_unsigned_promotion(b, dtype)
                dtype = dtypes.int64
        if true_div and dtype.category != 2:
            dtype = get_default_dtype()
        ad = a._data
        if ad.dtype != dtype.np_dtype:
            ad = ad.astype(dtype.np_dtype)
        if dtype is dtypes.float16 and type(b) is not int:
            return ad, half_scalar(b), dtype
        try:
            number = dtype.np_dtype.type(b)
        except OverflowError:
            number = dtypes.wrapped_scalar(b, dtype)
        return ad, number, dtype
    raise TypeError("unsupported operand type: %s" % type(b).__name__)


def half_scalar(number):
    """A Python float met by a float16 tensor: PyTorch makes c10::Half from a float, so the
    double is rounded to float32 first (1588.50001 becomes 1588, not NumPy's 1589)."""
    with np.errstate(over="ignore"):
        return np.float16(np.float32(number))


def call_binary(op, a, b):
    """An op of two inputs, tensors or Python numbers, under type promotion."""
    if not isinstance(a, Tensor):
        # Python number first (torch.add(2, x) is rare): promote from the tensor's side.
        bd, ad, dtype = promoted(b, a, op.kind is TRUE_DIV)
    elif (isinstance(b, Tensor) and a._dtype is b._dtype or type(b) is float) \
            and a._dtype.category == 2:
        # The common case needs no promotion: one float dtype, or a float tensor and a
        # Python float (NumPy keeps the array's dtype for a Python scalar, as torch does).
        if isinstance(b, Tensor):
            return binary_forward(op, a, b, a._data, b._data, a._dtype)
        return binary_forward(op, a, b, a._data, b if a._dtype is not dtypes.float16
                              else half_scalar(b), a._dtype)
    else:
        ad, bd, dtype = promoted(a, b, op.kind is TRUE_DIV)
    return binary_forward(op, a, b, ad, bd, dtype)


def binary_forward(op, a, b, ad, bd, dtype):
    """call_binary once the operands are arrays (or a NumPy scalar) of the result `dtype`."""
    if type(bd) is _ndarray and ad.shape != bd.shape:
        if ad.size * bd.size * dtype.itemsize > _limit[0]:  # the result is no larger
            _check_broadcast(ad.shape, bd.shape, dtype)
    elif ad.nbytes > _limit[0]:
        check_allocation(ad.shape, dtype)
    try:
        out = op.forward(ad, bd)
    except ValueError:
        if isinstance(a, Tensor) and isinstance(b, Tensor):
            broadcast_shapes(a._data.shape, b._data.shape)  # raises PyTorch's message
        raise
    if type(out) is not _ndarray:
        out = np.asarray(out)
    result = wrap(out, dtype)
    if GRAD.enabled and ((isinstance(a, Tensor) and a._requires_grad)
                         or (isinstance(b, Tensor) and b._requires_grad)):
        if IN_FORMULA.active and op.scalar_variant is not None and not isinstance(b, Tensor):
            op = op.scalar_variant
        if op.n_tensors == 2:
            _record_binary(op, (a, b), (result,))
        else:
            record(op, (a, b), (result,))
    return result


def call_scalar(op, x, number, *params):
    """An op of one tensor and a Python number passed as a Scalar argument: the node has
    one input, x (`2 - x` is RsubBackward1, `x ** 2` PowBackward0, `x % 2` ...)."""
    ad, b, dtype = promoted(x, number, op.kind is TRUE_DIV)
    out = _as_array(op.forward(ad, b, *params))
    result = wrap(out.astype(dtype.np_dtype, copy=False), dtype)
    if GRAD.enabled and x._requires_grad:
        record(op, (x, number) + params, (result,))
    return result


def call(op, tensors, params=(), dtype=None):
    """The general path: any number of tensor inputs; the forward returns the output array(s).

    `dtype` is the result dtype when the caller knows it; else the output array's. An
    optional tensor input may be None (native_layer_norm's weight): its kernel gets None.
    """
    arrays = [None if t is None else t._data for t in tensors]
    out = op.forward(*arrays, *params)
    outs = out if op.n_outputs != 1 else (out,)
    results = tuple(_wrap_as(_as_array(o), dtype) for o in outs)
    if GRAD.enabled:
        for t in tensors:
            if t is not None and t._requires_grad:
                record(op, tuple(tensors) + tuple(params), results)
                break
    return results if op.n_outputs != 1 else results[0]


def _check_broadcast(a, b, dtype):
    """Refuse, before NumPy allocates it, a broadcast result over the memory limit."""
    try:
        shape = np.broadcast_shapes(a, b)
    except ValueError:
        return  # the op itself reports the mismatch with PyTorch's message
    check_allocation(shape, dtype)


def _wrap_as(array, dtype):
    if dtype is None:
        return wrap(array, dtypes.from_numpy_dtype(array.dtype))
    return wrap(array.astype(dtype.np_dtype, copy=False), dtype)


# ---- recording ------------------------------------------------------------------

def record(op, args, outputs):
    """Attach a new node of `op` to `outputs`; args are the op's arguments, tensors first.

    Built with as few containers as possible: every one is an object the garbage
    collector has to scan while a deep graph is alive.
    """
    n = op.n_tensors if not op.variadic else len(args) - len(op.args)
    if n == 1:
        return _record_unary(op, args, outputs)
    if n == 2:
        return _record_binary(op, args, outputs)
    nexts = []
    nrs = []
    shapes = []
    codes = []
    needs = []
    for i in range(n):
        t = args[i]
        if isinstance(t, Tensor):
            shapes.append(t._data.shape)
            codes.append(t._dtype.code)
            if t._requires_grad:
                fn = t._grad_fn
                if fn is None:
                    nexts.append(t._accumulator())
                    nrs.append(0)
                else:
                    nexts.append(fn)
                    nrs.append(t._output_nr)
                needs.append(True)
                continue
        else:
            shapes.append(None)
            codes.append(-1)
        nexts.append(None)
        nrs.append(0)
        needs.append(False)
    node = _new(op.node_class)
    node._next = tuple(nexts)
    node._nrs = tuple(nrs)
    node._shapes = tuple(shapes)
    node._dtypes = tuple(codes)
    return _finish_node(node, op, args, outputs, tuple(needs))


_ONE_NEEDED = (True,)
_NEEDS = {(a, b): (a, b) for a in (True, False) for b in (True, False)}  # interned
# A node's _nrs and _dtypes tuples, shared between nodes: every tuple a node keeps alive
# counts towards the cycle collector's next collection, which a deep graph feels.
_ZERO_NR = (0,)
_ZERO_NRS = (0, 0)
_CODES_OF = [(code,) for code in range(len(dtypes.ALL_DTYPES))]
# [code_a][code_b]; index -1 (the last row/column) is a Python number's code, -1.
_CODE_PAIRS = [[(a, b) for b in list(range(len(dtypes.ALL_DTYPES))) + [-1]]
               for a in list(range(len(dtypes.ALL_DTYPES))) + [-1]]


def _record_unary(op, args, outputs):
    """record() for the ops of one tensor input, the commonest case, without loops."""
    t = args[0]
    node = _new(op.node_class)
    fn = t._grad_fn
    if fn is None:
        node._next = (t._accumulator(),)
        node._nrs = _ZERO_NR
    else:
        node._next = (fn,)
        nr = t._output_nr
        node._nrs = _ZERO_NR if nr == 0 else (nr,)
    node._shapes = (t._data.shape,)
    node._dtypes = _CODES_OF[t._dtype.code]
    return _finish_node(node, op, args, outputs, _ONE_NEEDED)


def _record_binary(op, args, outputs):
    """record() for the ops of two inputs (tensors or Python numbers), unrolled."""
    a = args[0]
    b = args[1]
    node = _new(op.node_class)
    if isinstance(a, Tensor):
        need_a = a._requires_grad
        if need_a:
            fn = a._grad_fn
            next_a, nr_a = (a._accumulator(), 0) if fn is None else (fn, a._output_nr)
        else:
            next_a = None
            nr_a = 0
        shape_a = a._data.shape
        code_a = a._dtype.code
    else:
        need_a, next_a, nr_a, shape_a, code_a = False, None, 0, None, -1
    if isinstance(b, Tensor):
        need_b = b._requires_grad
        if need_b:
            fn = b._grad_fn
            next_b, nr_b = (b._accumulator(), 0) if fn is None else (fn, b._output_nr)
        else:
            next_b = None
            nr_b = 0
        shape_b = b._data.shape
        code_b = b._dtype.code
    else:
        need_b, next_b, nr_b, shape_b, code_b = False, None, 0, None, -1
    node._next = (next_a, next_b)
    node._nrs = _ZERO_NRS if nr_a == 0 and nr_b == 0 else (nr_a, nr_b)
    node._shapes = (shape_a, shape_b)
    node._dtypes = _CODE_PAIRS[code_a][code_b]
    return _finish_node(node, op, args, outputs, _NEEDS[need_a, need_b])


def _finish_node(node, op, args, outputs, needs):
    """Save what the formulas need, number the node, and make it the outputs' grad_fn."""
    dropped, versioned, keep_outputs = op._save_plans.get(needs) or op.save_plan(needs)
    node._seq = next(_sequence)
    node._hooks = None
    if ANOMALY.enabled:
        remember_forward(node)
    if dropped:
        # The inputs no formula reads are not kept: a node holds no tensor it doesn't need.
        if dropped[-1] == len(dropped) - 1:  # the leading ones, the common case
            args = (None,) * len(dropped) + args[len(dropped):]
        else:
            saved = list(args)
            for i in dropped:
                saved[i] = None
            args = tuple(saved)
    node._saved = args
    if versioned is None:
        node._versions = None  # saved nothing: the node can run again after a backward
    else:
        versions = ()
        for i in versioned:
            a = args[i]
            if isinstance(a, Tensor):
                if a._extra is not None and a._extra.inference:
                    raise RuntimeError(INFERENCE_SAVE_ERROR)
                v = a._version
                versions += (a, v[0] if v is not None else 0)
        node._versions = versions  # (tensor, version at save time, ...); () for numbers
    if keep_outputs:
        node._outputs = tuple(SavedOutput(t, node) for t in outputs)
        if node._versions is None:
            node._versions = ()
    else:
        node._outputs = None
    if len(outputs) == 1:
        t = outputs[0]
        if t._dtype.category == 2:
            t._requires_grad = True
            t._grad_fn = node
        return node
    nr = 0
    for t in outputs:
        if t._dtype.category == 2:
            t._requires_grad = True
            t._grad_fn = node
            t._output_nr = nr
        nr += 1
    return node


class SavedOutput:
    """An output saved for its own node's backward, without a reference cycle.

    Like PyTorch's SavedVariable for outputs: keep the data and version counter;
    rebuild a tensor pointing back at the node only when the formulas run.
    """

    __slots__ = ("data", "dtype", "counter", "version", "output_nr", "requires_grad")

    def __init__(self, tensor, node):
        if tensor._version is None:
            tensor._version = [0]
        self.data = tensor._data
        self.dtype = tensor._dtype
        self.counter = tensor._version
        self.version = tensor._version[0]
        self.output_nr = 0
        self.requires_grad = tensor._dtype.category == 2

    def unpack(self, node, output_nr, create_graph):
        t = wrap(self.data, self.dtype)
        t._version = self.counter
        if create_graph and self.requires_grad:
            t._requires_grad = True
            t._grad_fn = node
            t._output_nr = output_nr
        return t


