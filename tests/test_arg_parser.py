"""The argument parser's reading of its own printed signatures (engine/arg_parser.py), without
torch: the quirks of invalid_arguments.cpp that decide the "didn't match" lines, and the
errors of one signature (tests/torch_cases_parser.py compares them with torch)."""

import pytest

import gradrepl_engine as torch
from gradrepl_engine.arg_parser import Signature, parser_error

SUM = ["(*, torch.dtype dtype = None)",
       "(tuple of ints[1]? dim, bool keepdim = False, *, torch.dtype dtype = None)"]


def test_signatures_print_without_the_native_marks():
    assert Signature("sum", SUM[1]).printed == (
        "(tuple of ints dim, bool keepdim = False, *, torch.dtype dtype = None)")
    assert Signature("max", "()").printed == "()"


def test_counts_follow_the_schema():
    signature = Signature("sum", SUM[1])
    assert (signature.min_args, signature.max_pos_args, signature.max_args) == (1, 2, 3)


def test_an_empty_or_defaulted_option_counts_as_one_argument_that_never_matches():
    # invalid_arguments.cpp splits "()" into one nameless argument, "bool unbiased = True"
    # into type "bool unbiased =" and name "True": both show a one-argument call's mismatch.
    error = parser_error("squeeze", ["()", "(int dim)", "(tuple of ints dim)"], (0.5,), {})
    assert str(error).count("(!float!)") == 3
    error = parser_error("std", ["(bool unbiased = True)", "(int dim, bool keepdim = False)"],
                         (), {"foo": 1})
    assert "some of the keywords were incorrect: foo" in str(error)


def test_keyword_only_arguments_list_with_a_trailing_comma():
    assert "got (foo=int, ), but expected one of:\n" in str(parser_error("sum", SUM, (), {"foo": 1}))


def test_arguments_a_signature_accepts_leave_the_engines_error():
    assert parser_error("sum", SUM, (1, True), {}) is None
    assert parser_error("sum", SUM, (None,), {}) is None


@pytest.mark.parametrize("args, kwargs, text", [
    ((), {}, 'unsqueeze() missing 1 required positional arguments: "dim"'),
    ((1, 2), {}, "unsqueeze() takes 1 positional argument but 2 were given"),
    ((True,), {}, "unsqueeze(): argument 'dim' (position 1) must be int, not bool"),
    ((), {"dim": 1.0}, "unsqueeze(): argument 'dim' must be int, not float"),
    ((1,), {"dim": 1}, "unsqueeze() got multiple values for argument 'dim'"),
])
def test_one_signature_explains_itself(args, kwargs, text):
    assert str(parser_error("unsqueeze", ["(int dim)"], args, kwargs)) == text


def test_the_methods_use_the_table_only_when_the_call_fails():
    x = torch.ones(2, 3)
    assert x.sum(1).shape == (2,)
    with pytest.raises(TypeError, match=r"^TensorBase.item\(\) takes no arguments \(1 given\)$"):
        x.item(1)
    with pytest.raises(TypeError, match=r"^view\(\): argument 'size' failed to unpack"):
        x.view(2, 3.0)


def test_one_printed_option_is_shown_alone_and_hidden_ones_never():
    add = ["(Tensor other, *, Number alpha = 1)", "(Number alpha, Tensor other)|hidden"]
    assert str(parser_error("add", add, (), {})) == (
        "add() received an invalid combination of arguments - got (), but expected "
        "(Tensor other, *, Number alpha = 1)")
    assert str(parser_error("add", add, (1, 2, 3), {})).endswith("got (!int!, !int!, !int!), "
                                                                 "but expected (Tensor other, *, "
                                                                 "Number alpha = 1)")
    assert parser_error("add", add, (1, torch.ones(1)), {}) is None  # the deprecated overload
