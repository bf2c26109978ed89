"""Colour is decoration only: the coloured echo, stripped of styles, is the plain text."""

import io
import re

import gradrepl_engine as torch
from gradrepl.render import PlainOutput, RichOutput, colour_wanted

ANSI = re.compile(r"\x1b\[[0-9;]*m")

VALUES = [
    torch.tensor([[1., -2.5], [3e-5, 4.]], requires_grad=True),
    torch.ones(2, 3) * 2,
    torch.arange(2000),
    torch.tensor([True, False]),
    torch.tensor([1.5, float("nan"), float("inf")], dtype=torch.float64),
    torch.Size([2, 3]),
    torch.float64,
    (torch.ones(1, requires_grad=True) * 2).grad_fn,
    [torch.tensor(1.), "text 0.5", None, 3.25],
]


def _echo(output, value):
    output.echo(value)
    return output.out.getvalue()


def test_coloured_echo_stripped_of_styles_is_the_plain_text():
    for value in VALUES:
        plain = _echo(PlainOutput(io.StringIO(), io.StringIO()), value)
        coloured = _echo(RichOutput(io.StringIO(), io.StringIO(), force_terminal=True), value)
        assert ANSI.search(coloured), "no colour at all: the test would prove nothing"
        assert ANSI.sub("", coloured) == plain


def test_no_color_and_pipes_get_plain_text(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert colour_wanted(Tty())
    assert not colour_wanted(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not colour_wanted(Tty())
