"""Reading input into statements: REPL-style lines, `>>>` transcripts and `In [n]:` notebooks."""

import ast
import codeop
import re
import warnings
from dataclasses import dataclass, field
from typing import List, Optional

PROMPT = re.compile(r"^(>>>|\.\.\.)( |$)")
NOTEBOOK_CELL = re.compile(r"^\s*In\s*\[\s*\d*\s*\]:\s?(.*)$")
NOTEBOOK_OUT = re.compile(r"^\s*Out\s*\[\s*\d*\s*\]:\s?(.*)$")
NOTEBOOK_CONTINUATION = re.compile(r"^\s*\.\.\.+:(?: (.*))?$")  # IPython's `   ...: `


@dataclass
class Statement:
    """One chunk to run, where it came from, and (for transcripts) the output written under it."""

    source: str
    lineno: int = 1
    expected: Optional[List[str]] = None
    echo: bool = True


# ---- plain REPL lines --------------------------------------------------------------------------

def status(source):
    """'complete', 'incomplete' or 'error' for a chunk typed at Python's prompt."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = codeop.compile_command(source, "<stdin>", "single")
    except (SyntaxError, ValueError, OverflowError, RecursionError, MemoryError):
        return "error"  # the compiler's limits (deep nesting) too: evaluate reports them
    return "incomplete" if code is None else "complete"


def split_lines(lines, first_lineno=1):
    """Group lines into statements as Python's REPL does (a blank line ends a block).

    Forgiving where the REPL is not: a dedented line right after a block (no blank
    line between, as in pasted scripts) ends the block instead of being an error.
    """
    statements = []
    buffer, start = [], first_lineno
    for lineno, line in enumerate(lines, first_lineno):
        if not buffer:
            if not line.strip():
                continue
            start = lineno
        buffer.append(line)
        state = status("\n".join(buffer))
        if state == "incomplete":
            continue
        if state == "error" and len(buffer) > 1 and line.strip() and not line[0].isspace():
            previous = "\n".join(buffer[:-1])
            if status(previous + "\n") == "complete" or status(previous + "\n\n") == "complete":
                statements.append(Statement(previous, start))
                buffer, start = [line], lineno
                if status(line) == "incomplete":
                    continue
        statements.append(Statement("\n".join(buffer), start))
        buffer = []
    if buffer:
        statements.append(Statement("\n".join(buffer), start))
    return statements


# ---- transcripts -----------------------------------------------------------------------------

def kind_of(text):
    """'doctest' for `>>>` transcripts, 'notebook' for `In [n]:` cells, else 'plain'."""
    for line in text.splitlines():
        if PROMPT.match(line.lstrip()) and line.lstrip().startswith(">>>"):
            return "doctest"
        if NOTEBOOK_CELL.match(line):
            return "notebook"
    return "plain"


def parse(text):
    """The statements of any input: plain lines, a `>>>` transcript or notebook cells."""
    kind = kind_of(text)
    if kind == "doctest":
        return parse_doctest(text)
    if kind == "notebook":
        return parse_notebook(text)
    return split_lines(text.splitlines())


def parse_doctest(text):
    """`>>> ` starts a statement, `... ` continues it; the lines below it, up to the next
    prompt, hold the output expected under it. Text before the first prompt is prose and
    ignored.

    Output pasted from Python's console keeps its blank lines (a 3-D tensor has them)
    where doctest writes <BLANKLINE>, and prose may follow a blank line, so the lines are
    kept whole here and the checker decides which blank line ends the output.
    """
    statements = []
    current = None
    indent = 0
    for lineno, raw in enumerate(text.splitlines(), 1):
        stripped = raw.lstrip()
        if stripped.startswith(">>>") and PROMPT.match(stripped):
            indent = len(raw) - len(stripped)
            current = Statement(stripped[4:], lineno, expected=[])
            statements.append(current)
        elif current is not None and stripped.startswith("...") and PROMPT.match(stripped) \
                and not current.expected:
            current.source += "\n" + stripped[4:]
        elif current is not None:
            # The prompt's indentation is the block's margin (doctest's rule); an output
            # line that starts left of it keeps its text only.
            current.expected.append(raw[indent:] if not raw[:indent].strip() else stripped)
    return statements


def _looks_like_output(paragraph):
    """A paragraph of a pasted notebook cell that is printed output rather than code."""
    text = "\n".join(paragraph)
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return True
    for node in tree.body:
        if not isinstance(node, ast.Expr) or not _is_value_like(node.value):
            return False
    return True


def _is_value_like(node):
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Name):
        return node.id in ("None", "True", "False", "nan", "inf")
    if isinstance(node, (ast.Tuple, ast.List)):
        return all(_is_value_like(e) for e in node.elts)
    if isinstance(node, ast.UnaryOp):
        return _is_value_like(node.operand)
    if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)):
        # tensor([...]), torch.Size([2, 2]), tensor(1., dtype=torch.float64)
        name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
        return name in ("tensor", "Size", "device") and all(
            _is_value_like(a) for a in node.args)
    return False


def parse_notebook(text):
    """Cells after `In [n]:` markers; output pasted under a cell is recognised and skipped."""
    return [s for cell in notebook_cells(text) for s in cell.statements]


@dataclass
class NotebookCell:
    """One cell: its statements (only the last one echoes, as in a notebook) and the output
    written under it (`Out[n]: ` taken off), for `gradrepl check`."""

    lineno: int
    statements: List[Statement]
    expected: List[str]


def notebook_cells(text):
    """The cells of a notebook or IPython console transcript, with the output under each.

    IPython's console marks every line of a cell's input: `In [3]: ` then `   ...: `
    for each continuation line, so the first unmarked line is output. A cell copied from
    a notebook (`In [3]:` alone, its code on the lines below, unmarked) ends at the output
    pasted under it, told apart by how it looks.
    """
    cells = []
    current = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        cell = NOTEBOOK_CELL.match(raw)
        out = NOTEBOOK_OUT.match(raw)
        if cell:
            code = cell.group(1)
            current = _Cell(lineno, lineno if code.strip() else lineno + 1,
                            [code] if code.strip() else [], marked=bool(code.strip()))
            cells.append(current)
        elif current is None:
            continue  # prose before the first cell
        elif out:
            # IPython shows a value of several lines under `Out[n]:`, one line beside it.
            current.open = False
            current.output.extend([out.group(1)] if out.group(1).strip() else [])
        else:
            continuation = NOTEBOOK_CONTINUATION.match(raw)
            if continuation and current.open and (current.marked or not current.lines):
                current.marked = True
                current.lines.append(continuation.group(1) or "")
            elif current.marked or not current.open:
                current.open = False  # the input has ended: the rest is its output
                current.output.append(raw)
            else:
                current.lines.append(raw)
    result = []
    for cell in cells:
        code, output = cell.lines, cell.output
        if not cell.marked:
            code = _strip_output(cell.lines)
            output = cell.lines[len(code):] + output
        statements = split_cell(code, cell.start)
        for s in statements[:-1]:
            s.echo = False  # a notebook shows only the cell's last expression
        result.append(NotebookCell(cell.lineno, statements, _trim_blank_lines(output)))
    return result


def _trim_blank_lines(lines):
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


@dataclass
class _Cell:
    lineno: int  # of the `In [n]:` marker
    start: int   # of the first line of code
    lines: List[str]
    marked: bool  # IPython console style: input lines carry `In [n]:` / `...:` markers
    open: bool = True
    output: List[str] = field(default_factory=list)


def _strip_output(lines):
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    while len(paragraphs) > 1 and _looks_like_output(paragraphs[-1]):
        paragraphs.pop()
    kept = sum(len(p) for p in paragraphs)
    code, seen = [], 0
    for line in lines:
        if seen >= kept:
            break
        code.append(line)
        if line.strip():
            seen += 1
    return code


def split_cell(lines, first_lineno):
    """A cell's code as top-level statements (by the parser, so blank lines may sit anywhere)."""
    text = "\n".join(lines)
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return split_lines(lines, first_lineno)
    statements = []
    body = tree.body
    for i, node in enumerate(body):
        start = node.lineno - 1
        if getattr(node, "decorator_list", None):
            start = node.decorator_list[0].lineno - 1
        shares_a_line = ((i and body[i - 1].end_lineno == node.lineno)
                         or (i + 1 < len(body) and body[i + 1].lineno == node.end_lineno))
        if shares_a_line:  # `a = 1; b = 2`: each statement its own piece of the line
            source = ast.get_source_segment(text, node)
        else:
            source = "\n".join(lines[start:node.end_lineno])
        statements.append(Statement(source, first_lineno + start))
    return statements


def split_script(text):
    """A .py script's top-level statements (for replay), or REPL grouping if it does not parse."""
    lines = text.splitlines()
    return split_cell(lines, 1)
