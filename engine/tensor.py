"""Tensor: data, dtype, autograd state and Python protocols; its ops live in the op modules."""


import numpy as np

from . import dtypes
from .dtypes import Size
from .device import CPU
from .type_names import c_type_name, mark_c_type
from .grad_mode import GRAD, INFERENCE
from . import cpp_warnings

_new = object.__new__

NON_LEAF_GRAD_WARNING = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad "
    "attribute won't be populated during autograd.backward(). If you indeed want the .grad "
    "field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. "
    "If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor "
    "instead. See github.com/pytorch/pytorch/pull/30531 for more information.")

SCALAR_OF_REQUIRES_GRAD_WARNING = (
    "Converting a tensor with requires_grad=True to a scalar may lead to unexpected behavior.\n"
    "Consider using tensor.detach() first.")

INTEGER_GRAD_ERROR = "only Tensors of floating point dtype can require gradients"


class Tensor:
    """A NumPy array with PyTorch's autograd state.

    _version is a one-element list shared by a tensor and its views (PyTorch's
    version counter); it is made on first need, None meaning version 0.
    """

    __slots__ = ("_data", "_dtype", "_requires_grad", "_grad_fn", "_output_nr", "_grad",
                 "_version", "_base", "_extra", "__weakref__", "__dict__")

    def __new__(cls, *args, **kwargs):
        # torch.Tensor(...) is the legacy constructor: always the default float dtype.
        from .creation import legacy_tensor
        return legacy_tensor(dtypes.float32, *args, **kwargs)

    # ---- basic attributes -------------------------------------------------------

    @property
    def dtype(self):
        return self._dtype

    @property
    def shape(self):
        return Size.of(self._data.shape)

    def size(self, dim=None):
        if dim is None:
            return Size.of(self._data.shape)
        from .size_args import queried_dim
        return self._data.shape[queried_dim("size", dim, self._data.ndim)]

    def dim(self):
        return self._data.ndim

    ndimension = dim

    @property
    def ndim(self):
        return self._data.ndim

    def numel(self):
        return self._data.size

    nelement = numel

    def element_size(self):
        return self._dtype.itemsize

    @property
    def itemsize(self):
        return self._dtype.itemsize

    @property
    def nbytes(self):
        return self._data.size * self._dtype.itemsize

    @property
    def layout(self):
        from .layouts import strided
        return strided

    def data_ptr(self):
        return self._data.__array_interface__["data"][0]

    # Kinds of tensor gradrepl has none of.
    is_sparse = is_quantized = is_meta = is_nested = is_mkldnn = is_xpu = is_mps = property(
        lambda self: False)

    @property
    def device(self):
        return CPU

    @property
    def is_cuda(self):
        return False

    @property
    def is_cpu(self):
        return True

    def is_pinned(self, device=None):
        return False

    def pin_memory(self, device=None):
        raise RuntimeError("Cannot access accelerator device when none is available.")

    def get_device(self):
        return -1  # torch's answer for a CPU tensor

    def is_floating_point(self):
        return self._dtype.is_floating_point

    def is_complex(self):
        return False

    def is_signed(self):
        return self._dtype.is_signed

    def type(self, dtype=None):
        if dtype is None:
            return "torch." + self._dtype.legacy_name
        from .ops_convert import to_dtype
        if isinstance(dtype, type):
            # A class stands for its name: torch.DoubleTensor is 'torch.DoubleTensor'.
            module = "" if dtype.__module__ == "builtins" else dtype.__module__ + "."
            dtype = module + dtype.__name__
        if isinstance(dtype, str):
            by_legacy = {d.legacy_name: d for d in dtypes.ALL_DTYPES}
            by_legacy["Tensor"] = dtypes.get_default_dtype()
            name = dtype[len("torch."):] if dtype.startswith("torch.") else dtype
            if name not in by_legacy:
                raise ValueError("invalid type: '%s'" % dtype)
            dtype = by_legacy[name]
        elif not isinstance(dtype, dtypes.DType):
            raise TypeError("dtype must be a type, str, or dtype object")
        return to_dtype(self, dtype)

    # ---- autograd state -----------------------------------------------------------

    @property
    def requires_grad(self):
        return self._requires_grad

    @requires_grad.setter
    def requires_grad(self, flag):
        if type(flag) is not bool:
            raise RuntimeError("requires_grad must be a bool")
        if flag and self._dtype.category != 2 and self._grad_fn is None:
            raise RuntimeError("only Tensors of floating point and complex dtype can require "
                               "gradients")
        if self._grad_fn is not None and flag:
            # The setter refuses a non-leaf either way (requires_grad_(True) lets it pass).
            raise RuntimeError("you can only change requires_grad flags of leaf variables.")
        self.requires_grad_(flag)

    def is_inference(self):
        return self._extra is not None and self._extra.inference

    def requires_grad_(self, requires_grad=True):
        if type(requires_grad) is not bool:
            raise TypeError("requires_grad_(): argument 'requires_grad' (position 1) must be bool, "
                            "not %s" % c_type_name(requires_grad))
        if requires_grad and self.is_inference() and not INFERENCE.active:
            raise RuntimeError("Setting requires_grad=True on inference tensor outside "
                               "InferenceMode is not allowed.")
        if self._grad_fn is not None:
            if requires_grad:
                return self
            raise RuntimeError(
                "you can only change requires_grad flags of leaf variables. If you want to use "
                "a computed variable in a subgraph that doesn't require differentiation use "
                "var_no_grad = var.detach().")
        if requires_grad and self._dtype.category != 2:
            raise RuntimeError(INTEGER_GRAD_ERROR)
        self._requires_grad = bool(requires_grad)
        return self

    @property
    def grad_fn(self):
        if self._extra is not None and self._extra.made_without_grad is not None:
            from .views_no_grad import check_unchanged
            check_unchanged(self)
        return self._grad_fn

    @property
    def is_leaf(self):
        return self.grad_fn is None

    @property
    def output_nr(self):
        return self._output_nr

    @property
    def grad(self):
        if self._grad_fn is not None and not self.retains_grad and self._grad is None:
            cpp_warnings.warn(NON_LEAF_GRAD_WARNING, cpp_warnings.GRAD_OF_NON_LEAF)
        return self._grad

    @grad.setter
    def grad(self, value):
        if value is not None:
            if not isinstance(value, Tensor):
                raise TypeError("assigned grad expected to be a Tensor or None but got grad "
                                "of type %s" % type(value).__name__)
            if value._data.shape != self._data.shape:
                raise RuntimeError(
                    "attempting to assign a gradient of size '%s' to a tensor of size '%s'. "
                    "Please ensure that the gradient and the tensor are the same size"
                    % (_shape_list(value._data.shape), _shape_list(self._data.shape)))
            if value._dtype is not self._dtype:
                raise RuntimeError(
                    "attempting to assign a gradient with dtype '%s' to a tensor with "
                    "grad_dtype '%s'. The gradient must match the tensor's grad_dtype "
                    "(defaults to the tensor's dtype). You can set the tensor's grad_dtype "
                    "attribute with a specific dtype, or None to allow any dtype. Set "
                    "grad_dtype with caution. Diverging the dtypes of a tensor and its "
                    "gradient may break downstream systems that assume they match."
                    % (value._dtype.c_name, self._dtype.scalar_name))
        self._grad = value

    @grad.deleter
    def grad(self):
        self._grad = None

    @property
    def retains_grad(self):
        return self._extra is not None and self._extra.retains_grad

    def retain_grad(self):
        if not self._requires_grad:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
        if self._grad_fn is None or self.retains_grad:
            return
        from .autograd_hooks import add_retain_grad
        add_retain_grad(self)

    def register_hook(self, hook):
        if not self._requires_grad:
            raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
        from .autograd_hooks import add_tensor_hook
        return add_tensor_hook(self, hook)

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        from .autograd import backward
        backward(self, gradient, retain_graph, create_graph, inputs=inputs)

    def _accumulator(self):
        """This leaf's AccumulateGrad node, the same object while the leaf lives; None for
        a view made under no_grad (it requires grad, but no gradient flows from it)."""
        extra = self._extra_state()
        if extra.accumulator is None:
            if extra.made_without_grad is not None:
                from .views_no_grad import check_unchanged
                check_unchanged(self)
                return None
            from .function import AccumulateGrad
            extra.accumulator = AccumulateGrad(self)
        return extra.accumulator

    def _extra_state(self):
        if self._extra is None:
            self._extra = _Extra()
        return self._extra

    def _bump_version(self):
        if self._version is None:
            self._version = [1]
        else:
            self._version[0] += 1

    @property
    def data(self):
        # Shares memory but not the version counter: writes through .data are not tracked.
        return wrap(self._data, self._dtype)

    @data.setter
    def data(self, value):
        if not isinstance(value, Tensor):
            raise TypeError("Variable data has to be a tensor, but got %s" % type(value).__name__)
        if self._requires_grad and value._dtype.category != 2:
            raise RuntimeError("data set to a tensor that requires gradients must be floating "
                               "point or complex dtype")
        self._data = value._data
        self._dtype = value._dtype

    def detach(self):
        t = wrap(self._data, self._dtype)
        t._version = self._shared_version()
        return t

    def detach_(self):
        if self._base is not None:  # any view, whatever its base requires
            raise RuntimeError(
                "Can't detach views in-place. Use detach() instead. If you are using "
                "DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set "
                "as True, gradients are views of DDP buckets, and hence detach_() cannot be "
                "called on these gradients. To fix this error, please refer to the "
                "Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.")
        self._grad_fn = None
        self._requires_grad = False
        self._output_nr = 0
        return self

    def _shared_version(self):
        if self._version is None:
            self._version = [0]
        return self._version

    # ---- Python conversions ---------------------------------------------------------

    def item(self):
        if self._data.size != 1:
            raise RuntimeError("a Tensor with %d elements cannot be converted to Scalar"
                               % self._data.size)
        return self._data.reshape(()).item()

    def tolist(self):
        return self._data.tolist()

    def apply_(self, callable):
        """Each element replaced by callable(element), in place (no autograd)."""
        if self._requires_grad:
            raise RuntimeError("Can't call apply_() on Variable that requires grad. Use "
                               "var.detach().apply_() instead.")
        from .nested_data import array_from_data
        values = [callable(v) for v in self._data.reshape(-1).tolist()]
        np.copyto(self._data, array_from_data(values, self._dtype).reshape(self._data.shape))
        self._bump_version()
        return self

    def numpy(self, *args, force=False, **kwargs):
        # PyTorch's parser: no positional argument, a keyword-only bool `force`.
        if args:
            raise TypeError("numpy() takes 0 positional arguments but %d %s given"
                            % (len(args), "was" if len(args) == 1 else "were"))
        if kwargs:
            raise TypeError("numpy() got an unexpected keyword argument '%s'" % next(iter(kwargs)))
        if type(force) is not bool:
            raise TypeError("numpy(): argument 'force' must be bool, not %s" % c_type_name(force))
        if self._requires_grad and not force:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. "
                               "Use tensor.detach().numpy() instead.")
        return self._data

    def _scalar(self, kind):
        if self._data.size != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        try:
            return kind(self._data.reshape(()).item())
        except (ValueError, OverflowError) as error:  # int(nan), int(inf): the user's value
            raise type(error)(str(error)) from None

    def __float__(self):
        # float(), math's functions, '%f' and torch.tensor([t]) all convert here; PyTorch
        # warns once a process when the tensor would take part in a graph.
        if self._requires_grad and GRAD.mode:
            cpp_warnings.warn(SCALAR_OF_REQUIRES_GRAD_WARNING, cpp_warnings.SCALAR_OF_REQUIRES_GRAD,
                              stacklevel=2, once=True)
        return self._scalar(float)

    def __int__(self):
        return self._scalar(int)

    def __index__(self):
        if self._dtype.category == 2 or self._data.size != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self._data.reshape(()).item())

    def __bool__(self):
        if self._data.size != 1:
            raise RuntimeError("Boolean value of Tensor with %s is ambiguous"
                               % ("no values" if self._data.size == 0 else "more than one value"))
        return bool(self._data.reshape(()).item())

    def __len__(self):
        if self._data.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._data.shape[0]

    def __iter__(self):
        if self._data.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        return iter(self.unbind(0))

    def __contains__(self, element):
        # torch/_tensor.py: `element in x` is (element == x).any(), not a walk over the rows.
        import numbers
        if isinstance(element, (Tensor, numbers.Number)):
            return bool((element == self).any())
        raise RuntimeError("Tensor.__contains__ only supports Tensor or scalar, but you passed "
                           "in a %s." % type(element))

    def __hash__(self):
        return id(self)

    def __format__(self, spec):
        if self._data.ndim == 0:
            try:
                return self.item().__format__(spec)
            except (ValueError, TypeError) as error:  # a format code unfit for the value
                raise type(error)(str(error)) from None
        if spec:
            raise TypeError("unsupported format string passed to Tensor.__format__")
        return repr(self)

    def __repr__(self):
        from .tensor_str import tensor_repr
        return tensor_repr(self)

    __str__ = __repr__

    def __reduce__(self):
        raise TypeError("gradrepl tensors cannot be pickled")

    # ---- NumPy's protocols, as torch/_tensor.py has them --------------------------------
    # NumPy defers to a tensor: `ndarray + x` asks x.__radd__ first, which, like torch's C
    # operators, declines an ndarray; `x + ndarray` then lands in ndarray.__radd__, which
    # computes with NumPy on x.__array__() and hands the result to x.__array_wrap__.
    __array_priority__ = 1000

    def __array__(self, dtype=None, copy=None):
        array = self.numpy()
        return array if dtype is None else array.astype(dtype, copy=False)

    def __array_wrap__(self, array, context=None, return_scalar=False):
        if array.dtype == np.bool_:
            array = array.astype(np.uint8)  # torch's "workaround": numpy.greater(x, 0) is uint8
        return wrap(array, dtypes.from_numpy_dtype(array.dtype))


class _Extra:
    """Rarely used per-tensor state, kept off the hot path."""

    __slots__ = ("retains_grad", "accumulator", "hooks", "view_fn", "inference", "views",
                 "made_without_grad")

    def __init__(self):
        self.inference = False  # made inside torch.inference_mode()
        self.views = None  # of a base: a WeakSet of its views made with grad mode on
        self.retains_grad = False
        self.accumulator = None
        self.hooks = None
        self.view_fn = None  # for views: re-derives this view from its base
        # For a view made under no_grad or inference_mode of a tensor requiring grad (or a
        # view of one): ("no_grad" or "inference", its version then); see views_no_grad.py.
        self.made_without_grad = None


def _INFERENCE_EXTRA():
    extra = _Extra()
    extra.inference = True
    return extra





def _shape_list(shape):
    return "[" + ", ".join(str(s) for s in shape) + "]"


def wrap(data, dtype):
    """A new tensor around `data` (an ndarray of dtype's NumPy type): the one fast constructor."""
    t = _new(Tensor)
    t._data = data
    t._dtype = dtype
    t._requires_grad = False
    t._grad_fn = None
    t._output_nr = 0
    t._grad = None
    t._version = None
    t._base = None
    t._extra = _INFERENCE_EXTRA() if INFERENCE.active else None
    return t


# A tensor made of a Python number where torch takes a tensor (`torch.sub(3, x)`): ranked
# with the Python numbers in type promotion.
Tensor._is_wrapped_number = False


def wrapped_number(value):
    """A Python bool, int or float as the 0-dim tensor torch's argument parser makes of it."""
    dtype = dtypes.PYTHON_NUMBER_DTYPES[type(value)]
    try:
        return wrap(np.array(value, dtype=dtype.np_dtype), dtype)
    except OverflowError:
        raise OverflowError("int too big to convert") from None


def wrap_array(array):
    """A tensor around any NumPy array, its dtype taken from the array's."""
    array = np.asarray(array)
    return wrap(array, dtypes.from_numpy_dtype(array.dtype))


Tensor.__module__ = "torch"
mark_c_type(Tensor)  # torch.Tensor is Python, its methods are TensorBase's (C)
