"""The REPL driven by strings: piped sessions, run, replay and check, no terminal needed."""

import io

from gradrepl.checker import check_transcript
from gradrepl.cli import piped_session, replay_file, run_file
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


def test_float_of_a_tensor_that_requires_grad_warns_once():
    # PyTorch's TORCH_WARN_ONCE in THPVariable_float_scalar: the first float() only.
    import sys
    import warnings
    import gradrepl_engine as torch
    sys.modules["gradrepl_engine.tensor"]._WARNED.discard("float")
    x = torch.tensor(2.5, requires_grad=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert float(x) == 2.5 and float(x * 2) == 5.0 and int(x) == 2
    assert [str(w.message).splitlines()[0] for w in caught] == [
        "Converting a tensor with requires_grad=True to a scalar may lead to unexpected "
        "behavior."]
