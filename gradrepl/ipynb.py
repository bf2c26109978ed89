"""Jupyter notebooks (.ipynb): their code cells and saved outputs as an IPython console transcript.

A notebook file is JSON (nbformat 4). Written out as `In [n]: ` cells with their stdout,
`Out[n]:` values and errors, it reads like any pasted transcript, so `run`, `replay`,
`check` and a piped session treat it with the same parser (transcript.notebook_cells).
"""

import json

NOT_A_NOTEBOOK = "not a Jupyter notebook (nbformat 4 JSON with a list of cells)"


def is_notebook(path):
    return path.lower().endswith(".ipynb")


def looks_like_notebook(text):
    """Notebook JSON piped in, without a file name to tell it by."""
    if not text.lstrip().startswith("{"):
        return False
    try:
        transcript_of(text)
    except ValueError:
        return False
    return True


def transcript_of(text):
    """The notebook's code cells as console text; ValueError for anything else."""
    try:
        notebook = json.loads(text)
    except ValueError:
        raise ValueError(NOT_A_NOTEBOOK) from None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        raise ValueError(NOT_A_NOTEBOOK)
    parts = []
    for cell in cells:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            text = _cell_text(cell)
            if text:
                parts.append(text)
    return "\n".join(parts)


def _cell_text(cell):
    count = cell.get("execution_count")
    label = "" if count is None else str(count)
    # IPython magics and shell escapes (%matplotlib, !pip) are not Python: left out.
    code = [line for line in _lines(cell.get("source"))
            if not line.lstrip().startswith(("%", "!"))]
    if not any(line.strip() for line in code):
        return ""
    lines = ["In [%s]: %s" % (label, code[0])]
    lines += ["   ...: " + line for line in code[1:]]
    for output in cell.get("outputs") or ():
        lines += _output_lines(output, label)
    return "\n".join(lines) + "\n"


def _output_lines(output, label):
    kind = output.get("output_type")
    if kind == "stream" and output.get("name") == "stdout":
        return _lines(output.get("text"))
    if kind == "execute_result":
        value = _lines((output.get("data") or {}).get("text/plain"))
        if len(value) == 1:
            return ["Out[%s]: %s" % (label, value[0])]
        return ["Out[%s]:" % label] + value
    if kind == "error":
        # The saved traceback is ANSI-coloured; its last line is all the checker compares.
        name, message = output.get("ename", "Error"), output.get("evalue", "")
        return ["Traceback (most recent call last):", name + (": " + message if message else "")]
    return []  # stderr (warnings) and rich displays are not compared


def _lines(source):
    """nbformat keeps multi-line text as one string or as a list of line strings."""
    if source is None:
        return []
    text = "".join(source) if isinstance(source, list) else str(source)
    return text.splitlines()
