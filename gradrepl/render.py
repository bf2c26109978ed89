"""Outcome -> text: plain PyTorch text, or the same characters coloured by rich."""

import os
import sys

from rich.console import Console
from rich.highlighter import RegexHighlighter
from rich.text import Text
from rich.theme import Theme

from .session import Output
from .shown import shown_repr


class TorchHighlighter(RegexHighlighter):
    """Colours PyTorch's text without changing a character of it."""

    base_style = "torch."
    highlights = [
        r"(?P<number>(?<![\w.])-?(?:\d+\.?\d*(?:e[+-]\d+)?|nan|inf)(?![\w]))",
        r"(?P<boolean>\b(?:True|False|None)\b)",
        r"(?P<grad_fn>grad_fn=<\w+>)",
        r"(?P<requires_grad>requires_grad=True)",
        r"(?P<dtype>dtype=torch\.\w+|torch\.(?:float|int|uint|bool)\w*)",
        r"(?P<node><[\w:]+ object at 0x[0-9a-f]+>)",
        r"(?P<keyword>\b(?:tensor|torch\.Size)\b)",
    ]


THEME = Theme({
    "torch.number": "cyan",
    "torch.boolean": "magenta",
    "torch.grad_fn": "green",
    "torch.requires_grad": "yellow",
    "torch.dtype": "blue",
    "torch.node": "green",
    "torch.keyword": "bold",
    "error.type": "bold red",
    "error.hint": "dim",
    "error.trace": "dim",
})


def colour_wanted(stream):
    """Colour only for a terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def value_text(value):
    """What Python's REPL prints for an echoed value."""
    return shown_repr(value)


def error_lines(report, hint_last=True):
    """The error's lines; in `run` mode (hint_last=False) the error line comes last of all."""
    lines = []
    if report.hint and not hint_last:
        lines.append("hint: " + report.hint)
    if report.traceback:
        lines.append("Traceback (most recent call last):")
        lines.extend(report.traceback)
    lines.append(report.line)
    if report.hint and hint_last:
        lines.append("  hint: " + report.hint)
    return lines


class PlainOutput(Output):
    """Plain text, byte-identical to PyTorch's: pipes, files, NO_COLOR."""

    def __init__(self, out=None, err=None):
        self.out = out or sys.stdout
        self.err = err or sys.stderr

    def write(self, text):
        self.out.write(text)

    def echo(self, value):
        self.out.write(value_text(value) + "\n")

    def warn(self, text):
        self.out.flush()
        self.err.write(text + "\n")
        self.err.flush()

    def error(self, report, hint_last=True):
        lines = error_lines(report, hint_last)
        self.out.flush()
        self.err.write("\n".join(lines) + "\n")
        self.err.flush()

    def flush(self):
        self.out.flush()


class RichOutput(PlainOutput):
    """The same characters as PlainOutput, coloured for a terminal."""

    def __init__(self, out=None, err=None, force_terminal=None):
        super().__init__(out, err)
        options = dict(theme=THEME, highlight=False, soft_wrap=True,
                       force_terminal=force_terminal)
        if force_terminal:
            options["color_system"] = "truecolor"
        self.console = Console(file=self.out, **options)
        self.err_console = Console(file=self.err, **options)
        self.highlighter = TorchHighlighter()

    def styled(self, text):
        return self.highlighter(Text(text))

    def echo(self, value):
        self.console.print(self.styled(value_text(value)))

    def warn(self, text):
        self.err_console.print(Text(text, style="yellow"))

    def error(self, report, hint_last=True):
        for line in error_lines(report, hint_last):
            if line == report.line:
                text = Text(report.type_name, style="error.type")
                if report.message:
                    text.append(": " + report.message)
            elif line.lstrip().startswith("hint:"):
                text = Text(line, style="error.hint")
            else:
                text = Text(line, style="error.trace")
            self.err_console.print(text)
