"""The REPL driven by strings: piped sessions, run, replay and check, no terminal needed."""

import io
import re

import pytest

from gradrepl.checker import check_transcript
from gradrepl.cli import check_file, piped_session, replay_file, run_file
from gradrepl_engine import cpp_warnings
from gradrepl.render import PlainOutput


def session(text):
    out, err = io.StringIO(), io.StringIO()
    code = piped_session(text, PlainOutput(out, err))
    return out.getvalue(), err.getvalue(), code


def test_the_tutorial_prints_pytorchs_gradient():
    out, err, code = session(
        "x = torch.ones(2, 2, requires_grad=True)\n"
        "out = ((x + 2) * (x + 2) * 3).mean()\n"
        "out.backward()\n"
        "x.grad\n")
    assert out == "tensor([[4.5000, 4.5000],\n        [4.5000, 4.5000]])\n"
    assert err == "" and code == 0


def test_an_error_is_one_line_and_the_session_goes_on():
    out, err, code = session("x = torch.tensor([1., 2.], requires_grad=True)\n"
                             "(x * 3).backward()\nx * 3\n")
    assert err == "RuntimeError: grad can be implicitly created only for scalar outputs\n"
    assert out == "tensor([3., 6.], grad_fn=<MulBackward0>)\n"
    assert code == 1


def test_none_is_not_echoed_and_blocks_echo_like_pythons_repl():
    out, _, _ = session("x = torch.ones(2)\nx.grad\nfor i in range(2):\n    i\n\n")
    assert out == "0\n1\n"


def test_underscore_is_the_last_value_unless_the_user_binds_it():
    out, _, _ = session("x = torch.ones(1)\nx * 3\n_ + 1\n_\nfor _ in range(3):\n    pass\n\n"
                        "x\n_\ndel _\nx * 5\n_\n")
    assert out.splitlines() == ["tensor([3.])", "tensor([4.])", "tensor([4.])", "tensor([1.])",
                                "2", "tensor([5.])", "tensor([5.])"]


def test_pasted_transcript_runs_only_the_statements():
    out, err, code = session(">>> a = torch.tensor([1., 2.])\n>>> a * 2\ntensor([2., 4.])\n")
    assert out == "tensor([2., 4.])\n" and code == 0


def test_notebook_cells_with_pasted_output():
    text = ("In [1]:\nx = torch.ones(2)\nprint(x)\n\ntensor([1., 1.])\n\n\n"
            "In [2]:\ny = x + 1\nprint(y)\n\ntensor([2., 2.])\n")
    out, err, code = session(text)
    assert out == "tensor([1., 1.])\ntensor([2., 2.])\n" and err == ""


def test_ipython_console_transcripts_run_only_the_marked_input():
    text = ("In [1]: x = torch.ones(2, requires_grad=True)\n   ...: y = x + 2\n   ...: y\n"
            "Out[1]: tensor([3., 3.], grad_fn=<AddBackward0>)\n\n"
            "In [2]: for i in range(2):\n   ...:     print(i)\n   ...:\n0\n1\n\n"
            "In [3]: print(y.sum())\ntensor(6., grad_fn=<SumBackward0>)\n\n"
            "In [4]: def f(t):\n   ...:     return t * 2\n   ...: \n\nIn [5]: f(x).shape\n"
            "Out[5]: torch.Size([2])\n")
    out, err, code = session(text)
    assert out == ("tensor([3., 3.], grad_fn=<AddBackward0>)\n0\n1\n"
                   "tensor(6., grad_fn=<SumBackward0>)\ntorch.Size([2])\n")
    assert err == "" and code == 0


def test_an_expression_past_the_compilers_nesting_limit_is_one_error_line():
    lines = ["x = torch.ones(1)", "y = " + "+".join(["1"] * 100000), "x"]
    for prompt in ("", ">>> ", "In [1]: "):
        out, err, code = session("".join(prompt + line + "\n\n" for line in lines))
        assert out == "tensor([1.])\n" and code == 1
        assert err == "RecursionError: maximum recursion depth exceeded during compilation\n"


def test_a_refused_statement_leaves_the_variables_intact():
    out, err, code = session("x = torch.ones(2)\nx = open('/etc/passwd')\nx\n")
    assert out == "tensor([1., 1.])\n" and code == 1
    assert err.startswith(("PermissionError", "NameError"))


def test_run_prints_only_print_output_and_ends_at_an_uncaught_error(tmp_path):
    script = tmp_path / "s.py"
    script.write_text("import torch\nx = torch.ones(2)\nx\nprint(x.sum())\n"
                      "torch.ones(2).backward()\nprint('not reached')\n")
    out, err = io.StringIO(), io.StringIO()
    code = run_file(str(script), PlainOutput(out, err))
    assert out.getvalue() == "tensor(2.)\n"
    assert err.getvalue().strip().splitlines()[-1] == (
        "RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn")
    assert str(script) in err.getvalue()
    assert code == 1


def test_replay_shows_each_statement_then_its_value(tmp_path):
    script = tmp_path / "demo.py"
    script.write_text("x = torch.tensor(3.)\nx * 2\n")
    out = io.StringIO()
    replay_file(str(script), PlainOutput(out, io.StringIO()))
    assert out.getvalue() == ">>> x = torch.tensor(3.)\n>>> x * 2\ntensor(6.)\n"


def test_check_reports_only_differing_statements():
    text = (">>> x = torch.tensor([1., 2.])\n>>> x * 2\ntensor([2., 4.])\n"
            ">>> x + 1\ntensor([9., 9.])\n")
    out = io.StringIO()
    code = check_transcript("t.txt", text, out)
    report = out.getvalue()
    assert code == 1
    assert "x + 1" in report and "x * 2" not in report
    assert report.endswith("2 passed, 1 failed\n")


def test_check_reads_doctests_blankline_marker():
    text = (">>> print('a'); print(); print('b')\na\n<BLANKLINE>\nb\n"
            ">>> print('c'); print()\nc\n")
    out = io.StringIO()
    code = check_transcript("t.txt", text, out)
    report = out.getvalue()
    assert code == 1 and report.endswith("1 passed, 1 failed\n")
    assert "Got:\n    c\n    <BLANKLINE>\n" in report


def _checked(text):
    """(exit code, report) of `gradrepl check` on a transcript."""
    out = io.StringIO()
    return check_transcript("t.txt", text, out), out.getvalue()


def test_check_reads_output_pasted_from_pythons_console(monkeypatch):
    """Output under a prompt at the margin keeps its indentation and its blank lines (a 3-D
    tensor's); prose may follow a blank line; the place Python's console gives a warning
    and the build path of PyTorch's C++ warnings are not compared."""
    monkeypatch.setattr(cpp_warnings, "_WARNED_ONCE", set())  # warned once a process
    text = (">>> torch.arange(4.).reshape(2, 1, 2)\ntensor([[[0., 1.]],\n\n"
            "        [[2., 3.]]])\n\nSome prose.\n\n"
            ">>> x = torch.ones(2, requires_grad=True)\n>>> float(x.sum())\n"
            "<stdin>:1: UserWarning: Converting a tensor with requires_grad=True to a scalar "
            "may lead to unexpected behavior.\nConsider using tensor.detach() first. "
            "(Triggered internally at /src/python_variable_methods.cpp:822.)\n2.0\n"
            ">>> print('a\\n')\na\n\n>>> torch.ones(2, 1)\ntensor([[1.],\n[1.]])\n")
    code, report = _checked(text)
    assert code == 1 and report.endswith("4 passed, 1 failed\n")
    assert "Expected:\n    tensor([[1.],\n    [1.]])\nGot:\n    tensor([[1.],\n            [1.]])" \
        in report


def test_a_print_option_python_cannot_format_with_is_the_users_error():
    """torch checks no print option: precision=-1 fails when a tensor is printed, with
    Python's ValueError, and that is no bug of gradrepl's."""
    _, err, code = session("torch.set_printoptions(precision=-1)\ntorch.tensor([1.5])\n"
                           "torch.set_printoptions(precision=2.5)\ntorch.tensor([1e-9, 1.])\n"
                           "torch.set_printoptions(profile='default')\n")
    assert err == ("ValueError: Format specifier missing precision\n"
                   "ValueError: Invalid format specifier '.2.5e' for object of type 'float'\n")
    assert code == 1


def test_check_reads_ipython_console_transcripts_cell_by_cell():
    text = ("Prose before the first cell.\n\n"
            "In [1]: x = torch.ones(2, 2, requires_grad=True)\n   ...: y = x + 2\n"
            "   ...: print(y.grad_fn)\n   ...: y\n<AddBackward0 object at 0x7f0e4c1b2a30>\n"
            "Out[1]:\ntensor([[3., 3.],\n        [3., 3.]], grad_fn=<AddBackward0>)\n\n"
            "In [2]: (y * y).backward()\n" + "-" * 75 + "\n"
            "RuntimeError                              Traceback (most recent call last)\n"
            "Cell In[2], line 1\n----> 1 (y * y).backward()\n\n"
            "RuntimeError: grad can be implicitly created only for scalar outputs\n\n"
            "In [3]: y.sum().backward(); x.grad.sum().item()\nOut[3]: 4.0\n\n"
            "In [4]: x.grad[0]\nOut[4]: tensor([9., 9.])\n")
    out = io.StringIO()
    code = check_transcript("t.txt", text, out)
    report = out.getvalue()
    assert code == 1 and report.endswith("3 passed, 1 failed\n")
    assert 'line 23\nFailed example:\n    x.grad[0]\nExpected:\n    tensor([9., 9.])\n' \
        "Got:\n    tensor([1., 1.])\n" in report


def test_check_of_notebook_cells_stops_a_cell_at_its_error_and_ignores_blank_lines():
    text = ("In [1]:\nx = torch.arange(3.)\nprint(x)\nx * 2\n\ntensor([0., 1., 2.])\n\n"
            "Out[1]:\ntensor([0., 2., 4.])\n\n"
            "In [2]:\nx.item()\nprint('not reached')\n\n"
            "Traceback (most recent call last):\n  ...\n"
            "RuntimeError: a Tensor with 3 elements cannot be converted to Scalar\n")
    out = io.StringIO()
    assert check_transcript("t.txt", text, out) == 0, out.getvalue()
    assert out.getvalue() == "2 passed, 0 failed\n"


def test_check_leaves_warnings_out_of_the_compared_output(capsys):
    text = (">>> x = torch.ones(2, requires_grad=True)\n>>> (x * 2).grad\n"
            ">>> torch.nn.functional.softmax(x)\ntensor([0.5000, 0.5000], grad_fn=<SoftmaxBackward0>)\n")
    out = io.StringIO()
    assert check_transcript("t.txt", text, out) == 0, out.getvalue()
    assert "UserWarning: Implicit dimension choice for softmax" in capsys.readouterr().err


def _notebook(tmp_path, cells):
    """A .ipynb file (nbformat 4) of (source, outputs) code cells, after a markdown cell."""
    import json
    code = [{"cell_type": "code", "execution_count": n, "metadata": {}, "source": source,
             "outputs": outputs} for n, (source, outputs) in enumerate(cells, 1)]
    path = tmp_path / "demo.ipynb"
    path.write_text(json.dumps({"cells": [{"cell_type": "markdown", "source": ["# Demo"]}] + code,
                                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    return str(path)


def _value(n, text):
    return {"output_type": "execute_result", "execution_count": n, "metadata": {},
            "data": {"text/plain": text.splitlines(True)}}


def test_jupyter_notebooks_are_checked_run_and_replayed_by_their_code_cells(tmp_path, capsys):
    path = _notebook(tmp_path, [
        (["%matplotlib inline\n", "x = torch.ones(2, 2, requires_grad=True)\n", "y = x + 2\n",
          "print(y.grad_fn)\n", "y"],
         [{"output_type": "stream", "name": "stdout", "text": ["<AddBackward0 object at 0x7f0>\n"]},
          _value(1, "tensor([[3., 3.],\n        [3., 3.]], grad_fn=<AddBackward0>)")]),
        ("(y * y).backward()", [{"output_type": "error", "ename": "RuntimeError", "traceback": [],
                                 "evalue": "grad can be implicitly created only for scalar outputs"}]),
        (["y.sum().backward()\n", "x.grad.sum()"], [_value(3, "tensor(5.)")]),
        ([], [])])
    assert check_file(path) == 1
    report = capsys.readouterr().out
    assert "Expected:\n    tensor(5.)\nGot:\n    tensor(4.)\n" in report
    assert report.endswith("2 passed, 1 failed\n")

    out = io.StringIO()
    assert run_file(path, PlainOutput(out, io.StringIO())) == 1
    assert re.fullmatch(r"<AddBackward0 object at 0x[0-9a-f]+>\n", out.getvalue())
    out = io.StringIO()
    replay_file(path, PlainOutput(out, io.StringIO()))
    assert out.getvalue().splitlines()[0] == ">>> x = torch.ones(2, 2, requires_grad=True)"
    piped, err, code = session(open(path).read())
    assert piped.splitlines()[1:] == ["tensor([[3., 3.],", "        [3., 3.]], grad_fn=<AddBackward0>)",
                                      "tensor(4.)"]
    assert err == "RuntimeError: grad can be implicitly created only for scalar outputs\n"


def test_a_file_named_ipynb_that_is_not_a_notebook_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "bad.ipynb"
    path.write_text('{"cells": 3}')
    with pytest.raises(SystemExit) as exit:
        check_file(str(path))
    assert exit.value.code == 2
    assert capsys.readouterr().err == ("gradrepl: cannot read %s: not a Jupyter notebook "
                                       "(nbformat 4 JSON with a list of cells)\n" % path)


def test_statements_sharing_a_line_in_a_cell_run_once_each():
    out, err, code = session("In [1]: a = torch.ones(1); a.add_(1); b = a * 3\n\nIn [2]: b\n")
    assert out == "tensor([6.])\n" and code == 0


def test_a_tensor_over_the_memory_limit_is_refused_before_allocation():
    out, err, code = session("a = torch.ones(100000, 1)\nb = a * torch.ones(1, 100000)\n"
                             "c = torch.zeros(50000, 50000)\na.shape\n")
    lines = err.splitlines()
    assert len(lines) == 2 and all(l.startswith("MemoryError: a tensor of shape") for l in lines)
    assert out == "torch.Size([100000, 1])\n"


def test_computing_on_a_huge_expanded_view_is_refused_too():
    out, err, code = session("x = torch.ones(1).expand(10000000000)\ny = x.contiguous()\n"
                             "z = x * 2\nw = x.exp()\nx.shape\n")
    assert [l.split(":")[0] for l in err.splitlines()] == ["MemoryError"] * 3
    assert out == "torch.Size([10000000000])\n"


def test_errors_are_named_as_python_names_them():
    """A non-builtin exception shows its module, as in a traceback; a multi-line message
    is printed whole (PyTorch's GradcheckError shows both Jacobians)."""
    _, err, code = session(
        "x = torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True)\n"
        "torch.autograd.gradcheck(lambda t: t * t.detach(), x)\nint('a')\n")
    assert err == (
        "torch.autograd.gradcheck.GradcheckError: Jacobian mismatch for output 0 with respect "
        "to input 0,\nnumerical:tensor([[2.0000, 0.0000],\n        [0.0000, 4.0000]], "
        "dtype=torch.float64)\nanalytical:tensor([[1., 0.],\n        [0., 2.]], "
        "dtype=torch.float64)\n\n"
        "ValueError: invalid literal for int() with base 10: 'a'\n")
    assert code == 1


def test_a_mistake_with_a_shape_is_the_users_error_not_a_gradrepl_bug():
    """Indexing past a shape, or torch.Size() of a non-iterable, raises inside the engine's
    Size: the error is shown as Python shows it, without the hint of an internal bug."""
    _, err, code = session("torch.ones(2, 3).shape[2]\ntorch.Size(3)\n"
                           "torch.ones(2).shape * 2.0\n")
    assert err == ("IndexError: tuple index out of range\n"
                   "TypeError: 'int' object is not iterable\n"
                   "TypeError: can't multiply sequence by non-int of type 'float'\n")
    assert code == 1


def test_a_value_unfit_for_a_conversion_is_the_users_error_not_a_gradrepl_bug():
    _, err, code = session("f'{torch.tensor(2.5):d}'\nint(torch.tensor(float('nan')))\n"
                           "int(torch.tensor(float('inf')))\n")
    assert err == ("ValueError: Unknown format code 'd' for object of type 'float'\n"
                   "ValueError: cannot convert float NaN to integer\n"
                   "OverflowError: cannot convert float infinity to integer\n")
    assert code == 1


def test_a_hook_or_function_that_cannot_be_called_is_the_users_error():
    # PyTorch accepts any object as a hook and fails when backward calls it.
    _, err, code = session(
        "x = torch.ones(2, requires_grad=True)\nh = x.register_hook(5)\nx.sum().backward()\n"
        "torch.autograd.functional.jacobian(lambda a, b: a, torch.ones(2))\n"
        "@torch.no_grad()\ndef f(a): return a\n\nf()\n")
    assert err.splitlines() == [
        "TypeError: 'int' object is not callable",
        "TypeError: <lambda>() missing 1 required positional argument: 'b'",
        "TypeError: f() missing 1 required positional argument: 'a'"]


def test_a_gradient_that_is_not_a_sequence_is_the_users_error():
    _, err, _ = session("x = torch.ones(2, requires_grad=True)\nx.sum().backward(5.0)\n")
    assert err == "TypeError: 'float' object is not iterable\n"


def test_arguments_that_do_not_fit_a_signature_are_the_users_error():
    _, err, _ = session("x = torch.ones(2, 3)\nx.unsqueeze()\nx.sum(foo=1)\nx.sum(1.5)\n")
    options = (" * (*, torch.dtype dtype = None)\n * (tuple of ints dim, bool keepdim = False, *, "
               "torch.dtype dtype = None)\n\n")
    assert err == ('TypeError: unsqueeze() missing 1 required positional arguments: "dim"\n'
                   "TypeError: sum() received an invalid combination of arguments - got "
                   "(foo=int, ), but expected one of:\n" + options +
                   "TypeError: sum() received an invalid combination of arguments - got "
                   "(float), but expected one of:\n" + options)


def test_dims_of_a_0_dim_tensor_work_or_fail_with_pytorchs_text_not_as_a_gradrepl_bug():
    """dim 0 and -1 name a scalar's one dim (ATen's maybe_wrap_dim); the ops that read its
    size(dim) refuse it with PyTorch's text (tests/torch_cases_shapes.py compares with torch)."""
    out, err, code = session(
        "x = torch.tensor(2., requires_grad=True)\n"
        "x.max(0)[0].backward()\nx.grad\n"
        "x.flip(-1)\nx.transpose(0, -1)\nx.squeeze(0)\n"
        "x.gather(0, torch.tensor(0))\nx.index_select(-1, torch.tensor([0]))\n"
        "x.roll(1, 0)\nx.narrow(0, 0, 1)\nx.size(0)\n")
    assert out == ("tensor(1.)\ntensor(2., grad_fn=<FlipBackward0>)\n"
                   "tensor(2., grad_fn=<TransposeBackward0>)\n"
                   "tensor(2., grad_fn=<SqueezeBackward1>)\n"
                   "tensor(2., grad_fn=<GatherBackward0>)\n"
                   "tensor(2., grad_fn=<IndexSelectBackward0>)\n")
    assert err == ("IndexError: Dimension specified as 0 but tensor has no dimensions\n"
                   "RuntimeError: narrow() cannot be applied to a 0-dim tensor.\n"
                   "IndexError: Dimension specified as 0 but tensor has no dimensions\n")
    assert code == 1


def test_torch_special_functions_print_as_torchs_c_functions():
    # C functions named special_<name>; torch.erf stays a method of _VariableFunctions,
    # torch.cdist is torch/functional.py's Python function
    out, err, code = session("torch.special.erf\nfrom torch.special import expit\nexpit\n"
                             "torch.erf\ntorch.cdist\n")
    lines = out.splitlines()
    assert lines[:2] == ["<built-in function special_erf>", "<built-in function special_expit>"]
    assert lines[2].startswith("<built-in method erf of type object at 0x")
    assert lines[3].startswith("<function cdist at 0x") and code == 0


def test_anomaly_detection_names_the_failing_node_and_where_the_forward_made_it():
    out, err, code = session(
        "x = torch.tensor([0.0, 1.0], requires_grad=True)\n"
        "with torch.autograd.detect_anomaly():\n"
        "    y = x.sqrt() * 0\n"
        "    y.sum().backward()\n"
        "\n"
        "torch.is_anomaly_enabled()\n")
    lines = err.splitlines()
    assert lines[0] == ("<stdin>:1: UserWarning: Anomaly Detection has been enabled. This mode "
                        "will increase the runtime and should only be enabled for debugging.")
    assert lines[1].endswith("UserWarning: Error detected in SqrtBackward0. Traceback of forward "
                             "call that caused the error:")
    assert lines[2] == '  File "<stdin>", line 2, in <module>'
    assert lines[-1] == "RuntimeError: Function 'SqrtBackward0' returned nan values in its 0th output."
    assert out == "False\n" and code == 1
