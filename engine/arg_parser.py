"""PyTorch's Python argument parser, on the error path: which TypeError torch's parser
(torch/csrc/utils/python_arg_parser.cpp, invalid_arguments.cpp) raises for a call's arguments.

A signature is written as the parser prints it ("(tuple of ints dim, bool keepdim = False,
*, torch.dtype dtype = None)"), with two marks of the native schema the printed form drops:
`?` (None is accepted) and `[n]` on a `tuple of ints` (a single int is accepted too, as
IntArrayRef[1]). Both are left out when the signature is printed.
"""

import numbers

import numpy as np

from .size_args import as_int
from .tensor import Tensor
from .type_names import c_type_name


class Parameter:
    def __init__(self, text, keyword_only, numbers_as_tensors):
        declaration, _, default = text.partition(" = ")
        type_text, _, self.name = declaration.rpartition(" ")
        self.allow_none = type_text.endswith("?") or default == "None"
        type_text = type_text.rstrip("?")
        self.broadcast_size = 0
        if type_text.endswith("]"):
            type_text, _, size = type_text[:-1].partition("[")
            self.broadcast_size = int(size)
        self.type_name = type_text
        self.optional = bool(default)
        self.keyword_only = keyword_only
        self.numbers_as_tensors = numbers_as_tensors
        self.printed = "%s %s" % (type_text, self.name) + (" = " + default if default else "")
        # python_arg_parser.cpp's numpy_compatibility_arg_names: torch.sum(x, axis=0).
        self.names = (self.name,) + _NUMPY_NAMES.get(self.name, ())


_NUMPY_NAMES = {"dim": ("axis",), "keepdim": ("keepdims",), "input": ("x", "a", "x1"),
                "other": ("x2",)}


# should_allow_numbers_as_tensors: a Python number binds to these functions' Tensor
# parameters (x.to(1.0) is x.to(tensor(1.0)), x.mul(2)).
_NUMBERS_AS_TENSORS = ("to", "mul", "add", "sub", "div")


class Signature:
    def __init__(self, name, text):
        # "|hidden" ("|deprecated" in torch's list): tried, never printed nor counted plausible
        text, _, mark = text.partition("|")
        self.hidden = bool(mark)
        self.name = name
        self.params = []
        keyword_only = False
        for part in filter(None, text[1:-1].split(", ")):
            if part == "*":
                keyword_only = True
            else:
                self.params.append(Parameter(part, keyword_only, name in _NUMBERS_AS_TENSORS))
        self.min_args = sum(not p.optional for p in self.params)
        self.max_args = len(self.params)
        self.max_pos_args = sum(not p.keyword_only for p in self.params)
        printed = [p.printed for p in self.params]
        first_keyword = next((i for i, p in enumerate(self.params) if p.keyword_only), None)
        if first_keyword is not None:
            printed.insert(first_keyword, "*")
        self.printed = "(%s)" % ", ".join(printed)

    def parse(self, args, kwargs, raise_error):
        """True when torch's FunctionSignature::parse accepts args and kwargs; with
        raise_error, its TypeError instead of False."""
        nargs = len(args)
        first = self.params[0] if self.params else None
        # expand(5, 3) is expand((5, 3)): a lone positional int list takes all positional ints.
        varargs = (self.max_pos_args == 1 and first.type_name == "tuple of ints"
                   and nargs > 0 and _is_index(args[0]))
        if nargs > self.max_pos_args and not varargs:
            return raise_error and self._extra_args(nargs)
        remaining_kwargs = len(kwargs)
        position = 0
        int_lists = []  # PythonArgs::intlist reads every element once the signature is chosen
        for index, param in enumerate(self.params):
            keyword = False
            if position < nargs:
                if param.keyword_only:
                    return raise_error and self._extra_args(nargs)
                value = args[position]
                present = True
            else:
                keyword = True
                name = next((n for n in param.names if n in kwargs), None)
                present = name is not None
                value = kwargs[name] if present else None
            if (not present and param.optional) or (value is None and present
                                                     and param.allow_none):
                pass
            elif not present:
                return raise_error and self._missing_args(index)
            elif varargs and not keyword and not _check(param, value, index):
                int_lists.append((param, args))
                position = nargs
                continue
            elif _check(param, value, index):
                if param.type_name == "tuple of ints" and isinstance(value, (tuple, list)):
                    int_lists.append((param, value))
            elif raise_error:
                raise self._type_error(param, value, keyword, position)
            else:
                return False
            if not keyword:
                position += 1
            elif present:
                remaining_kwargs -= 1
        if not self._no_extra_kwargs(kwargs, remaining_kwargs, nargs, raise_error):
            return False
        for param, values in int_lists:
            self._unpack_int_list(param, values)
        return True

    def _no_extra_kwargs(self, kwargs, remaining, nargs, raise_error):
        if remaining <= 0:
            return True
        if not raise_error:
            return False
        names = [p.name for p in self.params]
        for key in kwargs:
            if key not in names:
                raise TypeError("%s() got an unexpected keyword argument '%s'" % (self.name, key))
            if names.index(key) < nargs:
                raise TypeError("%s() got multiple values for argument '%s'" % (self.name, key))
        raise TypeError("invalid keyword arguments")

    def _unpack_int_list(self, param, values):
        for i, value in enumerate(values):
            # past the first element a bool reads as an index (THPUtils_unpackIndex)
            if not (isinstance(value, bool) or _is_index(value)):
                raise TypeError("%s(): argument '%s' failed to unpack the object at pos %d with "
                                "error \"type must be tuple of ints,but got %s\""
                                % (self.name, param.name, i + 1, c_type_name(value)))

    def _type_error(self, param, value, keyword, position):
        if keyword:
            return TypeError("%s(): argument '%s' must be %s, not %s"
                             % (self.name, param.name, param.type_name, c_type_name(value)))
        if param.type_name == "tuple of ints" and isinstance(value, (tuple, list)):
            return TypeError("%s(): argument '%s' (position %d) must be %s, but found element of "
                             "type %s at pos 0" % (self.name, param.name, position + 1,
                                                   param.type_name, c_type_name(value[0])))
        return TypeError("%s(): argument '%s' (position %d) must be %s, not %s"
                         % (self.name, param.name, position + 1, param.type_name,
                            c_type_name(value)))

    def _extra_args(self, nargs):
        if self.min_args != self.max_pos_args:
            raise TypeError("%s() takes from %d to %d positional arguments but %d were given"
                            % (self.name, self.min_args, self.max_pos_args, nargs))
        raise TypeError("%s() takes %d positional argument%s but %d %s given"
                        % (self.name, self.max_pos_args, "" if self.max_pos_args == 1 else "s",
                           nargs, "was" if nargs == 1 else "were"))

    def _missing_args(self, index):
        missing = ['"%s"' % p.name for p in self.params[index:] if not p.optional]
        # torch's plural is inverted: "missing 1 required positional arguments".
        raise TypeError("%s() missing %d required positional argument%s: %s"
                        % (self.name, len(missing), "s" if len(missing) == 1 else "",
                           ", ".join(missing)))


def _is_index(value):
    return as_int(value) is not None


def _is_tensor(value):
    return isinstance(value, Tensor)


def _is_float(value):
    if isinstance(value, (numbers.Real, np.bool_)) and not isinstance(value, bool):
        return True
    return _is_tensor(value) and value.dim() == 0 and not value._requires_grad


def _is_number(value):
    return (isinstance(value, (numbers.Number, np.bool_))
            or (_is_tensor(value) and value.dim() == 0 and not value._requires_grad))


def _is_int_list(value, param):
    if isinstance(value, (tuple, list)):
        return len(value) == 0 or _is_index(value[0])
    return param.broadcast_size > 0 and _is_index(value)


def _is_dtype(value):
    return c_type_name(value) == "torch.dtype" or value in (float, int, bool, complex)


def _check(param, value, index):
    kind = param.type_name
    if kind == "Tensor":
        return _is_tensor(value) or (param.numbers_as_tensors and _is_number(value))
    if kind == "tuple of Tensors":
        if not isinstance(value, (tuple, list)):
            return False
        for i, item in enumerate(value):
            if not _is_tensor(item):
                # is_tensor_list_and_append_overloaded raises even while overloads are tried.
                raise TypeError("expected Tensor as element %d in argument %d, but got %s"
                                % (i, index, c_type_name(item)))
        return True
    if kind == "tuple of ints":
        return _is_int_list(value, param)
    if kind == "object":
        return True
    if kind == "torch.device":
        return _is_index(value) or isinstance(value, str) or c_type_name(value) == kind
    return _CHECKS[kind](value) if kind in _CHECKS else c_type_name(value) == kind


_CHECKS = {
    "int": _is_index, "float": _is_float, "Number": _is_number, "str": lambda v: isinstance(v, str),
    "bool": lambda v: isinstance(v, (bool, np.bool_)), "torch.dtype": _is_dtype,
}


def parser_error(name, signatures, args, kwargs):
    """The TypeError PyTorch's parser raises for these arguments, or None when one of the
    signatures accepts them (the engine's own error is then the right one)."""
    signatures = [Signature(name, text) for text in signatures]
    try:
        if len(signatures) == 1:
            signatures[0].parse(args, kwargs, True)
            return None
        if any(s.parse(args, kwargs, False) for s in signatures):
            return None
        # PythonArgParser::print_error: one signature of a fitting length explains itself.
        count = len(args) + len(kwargs)
        visible = [s for s in signatures if not s.hidden]
        plausible = [s for s in visible if s.min_args <= count <= s.max_args]
        if len(plausible) == 1:
            plausible[0].parse(args, kwargs, True)
    except TypeError as error:
        return error
    try:
        return TypeError(invalid_combination(name, [s.printed for s in visible], args, kwargs))
    except KeyError:  # a keyword matched out of place: torch's formatter fails there too
        return None


def invalid_combination(name, options, args, kwargs):
    """invalid_arguments.cpp's format_invalid_args, with its reading of the printed options."""
    # libstdc++'s unordered_map walks few keys in the reverse of their insertion order.
    kwargs = dict(reversed(list(kwargs.items())))
    text = "%s() received an invalid combination of arguments - " % name
    if len(options) == 1:
        return text + _one_option(options[0], args, kwargs)
    text += "got %s, but expected one of:\n" % _describe(args, kwargs)
    for option in options:
        text += " * %s\n" % option
        arguments = _option_arguments(option)
        if len(args) + len(kwargs) != len(arguments):
            continue
        unmatched = [k for k in kwargs if k not in _keyword_names(arguments, kwargs)]
        if kwargs and unmatched:
            text += ("      didn't match because some of the keywords were incorrect: %s\n"
                     % ", ".join(unmatched))
        else:
            text += ("      didn't match because some of the arguments have invalid types: %s\n"
                     % _describe_marked(arguments, args, kwargs))
    return text


def _one_option(option, args, kwargs):
    arguments = _option_arguments(option)
    unmatched = [k for k in kwargs if k not in _keyword_names(arguments, kwargs)]
    if unmatched:
        return "got unrecognized keyword arguments: " + ", ".join(unmatched)
    if len(args) + len(kwargs) == len(arguments):
        got = _describe_marked(arguments, args, kwargs)
    else:
        got = _describe(args, kwargs)
    return "got %s, but expected %s" % (got, option)


def _keyword_names(arguments, kwargs):
    """_tryMatchKwargs: only the last len(kwargs) arguments' names count as keywords."""
    return [a[1] for a in arguments[max(len(arguments) - len(kwargs), 0):]]


def _option_arguments(option):
    """(type, name) pairs as _parseOption splits the printed text: "*" and "()" count as
    arguments, a default's "= value" lands in the type ("bool unbiased =", name "True")."""
    pairs = []
    for part in option[1:-1].split(", "):
        type_text, _, name = part.rpartition(" ")
        pairs.append((type_text, name))
    return pairs


def _matches(type_text, value):
    name = c_type_name(value)
    if type_text == "float":
        return name in ("float", "int")
    return name == type_text


def _describe(args, kwargs):
    parts = [c_type_name(a) for a in args] + ["%s=%s" % (k, c_type_name(v))
                                              for k, v in kwargs.items()]
    return "(%s)" % ", ".join(parts) if args else "(%s)" % "".join(p + ", " for p in parts)


def _describe_marked(arguments, args, kwargs):
    values = list(args) + [None] * len(kwargs)
    parts = []
    for i, value in enumerate(values):
        keyword = i >= len(args)
        if keyword:
            value = kwargs[arguments[i][1]]
        text = ("%s=" % arguments[i][1] if keyword else "") + _value_type(value)
        parts.append(text if _matches(arguments[i][0], value) else "!%s!" % text)
    return "(%s)" % ", ".join(parts) if args else "(%s)" % "".join(p + ", " for p in parts)


def _value_type(value):
    if not isinstance(value, (tuple, list)):
        return c_type_name(value)
    items = ", ".join(c_type_name(v) for v in value)
    if isinstance(value, tuple):
        return "%s of (%s%s)" % (c_type_name(value), items, "," if len(value) == 1 else "")
    return "%s of [%s]" % (c_type_name(value), items)
