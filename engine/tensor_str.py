"""PyTorch-identical text of tensors: print options, the value formatter, layout and suffixes."""

# The rules follow torch/_tensor_str.py (PyTorch 2.13). The comments name the
# torch function each piece mirrors; the tests check the text against real torch.

import contextlib
import math

import numpy as np

from .dtypes import bool_, get_default_dtype, int64

# ---- print options (torch.set_printoptions) ------------------------------------

# The profiles of torch.set_printoptions: (precision, threshold, edgeitems, linewidth).
_PROFILES = {
    "default": (4, 1000, 3, 80),
    "short": (2, 1000, 2, 80),
    "full": (4, math.inf, 3, 80),
}


class _PrintOptions:
    """The current options, as torch._tensor_str.PRINT_OPTS holds them."""

    __slots__ = ("precision", "threshold", "edgeitems", "linewidth", "sci_mode")

    def __init__(self):
        self.precision, self.threshold, self.edgeitems, self.linewidth = _PROFILES["default"]
        self.sci_mode = None  # None: chosen per tensor by the formatter


_OPTS = _PrintOptions()


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     profile=None, sci_mode=None):
    """torch.set_printoptions: a profile first, then the options given on top of it.

    As in torch, an unknown profile name is silently ignored, options left as
    None keep their value, and sci_mode is always overwritten (None = automatic).
    """
    if profile in _PROFILES:
        (_OPTS.precision, _OPTS.threshold,
         _OPTS.edgeitems, _OPTS.linewidth) = _PROFILES[profile]
    if precision is not None:
        _OPTS.precision = precision
    if threshold is not None:
        _OPTS.threshold = threshold
    if edgeitems is not None:
        _OPTS.edgeitems = edgeitems
    if linewidth is not None:
        _OPTS.linewidth = linewidth
    _OPTS.sci_mode = sci_mode


def get_printoptions():
    """The current options as a dict that set_printoptions(**options) accepts."""
    return {name: getattr(_OPTS, name) for name in _PrintOptions.__slots__}


@contextlib.contextmanager
def printoptions(**kwargs):
    """Change the print options inside a `with` block only (torch._tensor_str.printoptions)."""
    saved = get_printoptions()
    set_printoptions(**kwargs)
    try:
        yield
    finally:
        set_printoptions(**saved)


# ---- the formatter: one text form for every value shown (torch's _Formatter) ----

def _extremes(values):
    """The few values whose text is the longest among `values`.

    The length of an element's text only grows with |v| within one sign (fixed
    and integer forms), or is largest at the ends of the |v| range (scientific
    form, whose exponent needs a third digit past 1e99 and below 1e-99). So the
    smallest and largest value of each sign give the column width that torch
    finds by formatting every value.
    """
    ends = []
    for group in (values[values > 0], values[values < 0]):
        if group.size:
            ends += [group.min(), group.max()]
    return [float(v) for v in ends]


class _Formatter:
    """Looks at all values shown once and picks integer/fixed/scientific form and a width."""

    def __init__(self, shown, is_floating, precision, sci_option):
        self.is_floating = is_floating
        self.precision = precision
        self.int_mode = True
        self.sci_mode = False
        self.width = 1
        values = shown.reshape(-1)
        if values.size == 0:
            return
        if not is_floating:
            # Integers and bools print as Python prints them (`f"{value}"`); the
            # longest text is at the smallest or the largest value.
            self.width = max(1, *(len(str(v)) for v in (values.min().item(), values.max().item())))
            return
        # Only the nonzero finite values choose the form and width: zeros, nan
        # and inf are printed in whatever form the others chose.
        # torch widens to double before comparing and formatting; so do we.
        values = values[np.isfinite(values) & (values != 0)].astype(np.float64)
        if values.size == 0:
            return  # even sci_mode=True is ignored: torch returns before reading it
        magnitudes = np.abs(values)
        # Python floats: a ratio past the double range is inf, with no NumPy warning.
        smallest, largest = float(magnitudes.min()), float(magnitudes.max())
        self.int_mode = bool(np.all(values == np.ceil(values)))
        if sci_option is None:
            # torch's switch to scientific form, on the double-precision magnitudes.
            self.sci_mode = (largest / smallest > 1000.0 or largest > 1.0e8
                             or smallest < 1.0e-4)
        else:
            self.sci_mode = sci_option
        if self.sci_mode:
            texts = [f"{v:.{precision}e}" for v in _extremes(values)]
        elif self.int_mode:
            # `3.` for 3.0: one more character for the decimal point.
            texts = [f"{v:.0f}." for v in _extremes(values)]
        else:
            texts = [f"{v:.{precision}f}" for v in _extremes(values)]
        self.width = max(self.width, *(len(text) for text in texts))

    def format(self, value):
        """The text of one element (a Python float, int or bool), right-aligned to the width.

        Floats arrive as Python floats (from .tolist()/.item()): a float16 or
        float32 value widened exactly to double, which is what torch formats,
        so float32(0.3) prints as 0.30000001 at precision 8.
        """
        if not self.is_floating:
            text = str(value)
        elif self.sci_mode:
            text = f"{value:{self.width}.{self.precision}e}"
        elif self.int_mode:
            text = f"{value:.0f}"
            if math.isfinite(value):
                text += "."
        else:
            text = f"{value:.{self.precision}f}"
        return text.rjust(self.width)


def _shown_values(data, edgeitems):
    """The elements a summarised print shows (torch's get_summarized_data).

    Along each dimension longer than 2 * edgeitems only the first and last
    edgeitems entries are shown; the formatter judges those alone. Written as
    torch's recursion, with Python's slices and ranges, so that an odd edgeitems
    option (negative, a float) shows or fails as it does in torch.
    """
    if data.ndim == 0:
        return data
    if data.ndim == 1:
        if data.shape[0] > 2 * edgeitems:
            return np.concatenate((data[:edgeitems], data[-edgeitems:]))
        return data
    if not edgeitems:
        return data[(slice(0, 0),) * data.ndim]  # nothing is shown but `...`
    n = data.shape[0]
    if n > 2 * edgeitems:
        rows = [data[i] for i in range(edgeitems)] + [data[i] for i in range(n - edgeitems, n)]
    else:
        rows = list(data)
    if not rows:  # a negative edgeitems picks no row
        raise RuntimeError("stack expects a non-empty TensorList")
    return np.stack([_shown_values(row, edgeitems) for row in rows])


# ---- layout: nested brackets, wrapped rows, `...` (torch's _tensor_str) ----------

def _row_str(row, indent, summarize, formatter):
    """A 1-D tensor: elements joined by ', ', wrapped at the line width (torch's _vector_str)."""
    edgeitems = _OPTS.edgeitems
    # Each element takes its width plus ', '; at least one element per line.
    per_line = max(1, math.floor((_OPTS.linewidth - indent) / (formatter.width + 2)))
    if summarize and not edgeitems:
        items = ["..."]
    elif summarize and row.shape[0] > 2 * edgeitems:
        items = ([formatter.format(v) for v in row[:edgeitems].tolist()] + [" ..."]
                 + [formatter.format(v) for v in row[-edgeitems:].tolist()])
    else:
        items = [formatter.format(v) for v in row.tolist()]
    lines = [", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
    return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"


def _nested_str(data, indent, summarize, formatter):
    """Brackets inside brackets; blocks of 3-D and higher are separated by blank lines."""
    if data.ndim == 0:
        return formatter.format(data.item())
    if data.ndim == 1:
        return _row_str(data, indent, summarize, formatter)
    edgeitems, n = _OPTS.edgeitems, data.shape[0]
    if summarize and n > 2 * edgeitems:
        slices = ([_nested_str(data[i], indent + 1, summarize, formatter)
                   for i in range(edgeitems)] + ["..."]
                  + [_nested_str(data[i], indent + 1, summarize, formatter)
                     for i in range(n - edgeitems, n)])
    else:
        slices = [_nested_str(sub, indent + 1, summarize, formatter) for sub in data]
    # A d-dimensional block ends its sub-blocks with d-1 newlines: one blank line
    # between matrices, two between 3-D blocks, ...
    separator = "," + "\n" * (data.ndim - 1) + " " * (indent + 1)
    return "[" + separator.join(slices) + "]"


def _contents_str(data, is_floating, indent):
    """The bracketed values of a non-empty tensor, summarised past the threshold."""
    summarize = data.size > _OPTS.threshold
    shown = _shown_values(data, _OPTS.edgeitems) if summarize else data
    formatter = _Formatter(shown, is_floating, _OPTS.precision, _OPTS.sci_mode)
    return _nested_str(data, indent, summarize, formatter)


# ---- suffixes and the whole repr (torch's _str_intern and _add_suffixes) -------

def _add_suffixes(text, suffixes, indent):
    """Append `, suffix` items and the closing parenthesis, wrapping past the line width.

    torch measures the last line as two characters longer than it is
    (len - rfind('\\n') + 1), and a suffix moved to its own line is measured
    without that slack; both quirks decide where suffixes wrap, so we keep them.
    """
    parts = [text]
    last_line_len = len(text) - text.rfind("\n") + 1
    for suffix in suffixes:
        if last_line_len + len(suffix) + 2 > _OPTS.linewidth:
            parts.append(",\n" + " " * indent + suffix)
            last_line_len = indent + len(suffix)
        else:
            parts.append(", " + suffix)
            last_line_len += len(suffix) + 2
    parts.append(")")
    return "".join(parts)


def _size_suffix(data):
    return "size=" + str(tuple(data.shape))


def _dtype_suffix(dtype):
    return "dtype=" + repr(dtype)


def _printable_options():
    """Whether the print options are ones PyTorch prints with (torch checks none)."""
    return (type(_OPTS.precision) is int and _OPTS.precision >= 0
            and type(_OPTS.edgeitems) is int and type(_OPTS.linewidth) is int
            and type(_OPTS.threshold) in (int, float))


def tensor_repr(t):
    """The text of repr(t) and str(t), exactly as PyTorch prints the same tensor.

    Options PyTorch cannot print with fail as there, with Python's own error (from a
    format spec, a comparison, a slice): the user's error, not ours.
    """
    try:
        return _tensor_repr(t)
    except (TypeError, ValueError) as error:
        if _printable_options():
            raise
        raise type(error)(str(error)) from None


def _tensor_repr(t):
    data = np.asarray(t._data)
    prefix = "tensor("
    indent = len(prefix)
    suffixes = []
    if data.size == 0:
        # NumPy's rule: the shape is shown unless it is (0,). With no elements
        # to tell an int64 tensor apart, any dtype but the default is shown.
        if data.ndim != 1:
            suffixes.append(_size_suffix(data))
        if t.dtype != get_default_dtype():
            suffixes.append(_dtype_suffix(t.dtype))
        contents = "[]"
    else:
        if not _OPTS.edgeitems:
            suffixes.append(_size_suffix(data))  # nothing but `...` shows the shape
        # The values of int64 and bool tensors already tell their dtype.
        if t.dtype not in (get_default_dtype(), int64, bool_):
            suffixes.append(_dtype_suffix(t.dtype))
        contents = _contents_str(data, t.dtype.is_floating_point, indent)
    try:
        grad_fn = t.grad_fn
        grad_fn_name = None if grad_fn is None else type(grad_fn).__name__
    except RuntimeError:
        # PyTorch's text of a view made under no_grad whose history can no longer be told.
        grad_fn_name = "Invalid"
    if grad_fn_name is not None:
        suffixes.append("grad_fn=<%s>" % grad_fn_name)
    elif t.requires_grad:
        suffixes.append("requires_grad=True")
    return _add_suffixes(prefix + contents, suffixes, indent)
