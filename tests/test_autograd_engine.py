"""Autograd semantics: accumulation, retain_graph, freed graphs, hooks, deep graphs."""

import weakref

import pytest

import gradrepl_engine as torch
from gradrepl_engine.function import FREED_GRAPH_ERROR


def test_gradients_accumulate_until_zeroed():
    x = torch.tensor([1., 2.], requires_grad=True)
    (x * x).sum().backward()
    (x * x).sum().backward()
    assert x.grad.tolist() == [4., 8.]
    x.grad.zero_()
    assert x.grad.tolist() == [0., 0.]


def test_second_backward_through_freed_saved_tensors_fails():
    x = torch.tensor([1., 2.], requires_grad=True)
    y = (x * x).sum()
    y.backward()
    with pytest.raises(RuntimeError) as info:
        y.backward()
    assert str(info.value) == FREED_GRAPH_ERROR


def test_nodes_that_save_nothing_run_twice_as_in_pytorch():
    x = torch.tensor([1., 2.], requires_grad=True)
    y = (x + 2).sum()
    y.backward()
    y.backward()
    assert x.grad.tolist() == [2., 2.]


def test_a_100k_op_chain_backpropagates_without_recursion():
    x = torch.tensor(1.0, requires_grad=True)
    y = x
    for _ in range(100_000):
        y = y * 1.0
    y.backward()
    assert x.grad.item() == 1.0
    del y  # freeing the chain must not recurse either


def test_an_in_place_write_through_a_100k_deep_view_backpropagates_without_recursion():
    x = torch.ones(4, requires_grad=True)
    base = x * 1
    view = base
    for _ in range(100_000):
        view = view[:]
    view.add_(1.0)
    assert view.grad_fn.name() == "AsStridedBackward0"
    base.sum().backward()
    assert x.grad.tolist() == [1., 1., 1., 1.]


def test_a_node_holds_no_input_its_formulas_do_not_read():
    # AddBackward0 and ViewBackward0 save nothing in PyTorch: the tensors they were made
    # from go as soon as nothing else holds them.
    x = torch.tensor([1., 2.], requires_grad=True)
    middle = x.exp()
    out = (middle + 1).view(2)
    gone = weakref.ref(middle)
    del middle
    assert gone() is None
    out.sum().backward()
    assert x.grad.tolist() == pytest.approx([2.718281828, 7.389056099])


def test_second_derivative_through_create_graph():
    t = torch.tensor(3., requires_grad=True)
    du, = torch.autograd.grad(t ** 4, t, create_graph=True)
    d2u, = torch.autograd.grad(du, t)
    assert du.item() == 108. and d2u.item() == 108.


def test_retain_grad_sees_the_gradient_after_hooks():
    x = torch.tensor([1., 2., 3.], requires_grad=True)
    y = x * 2
    y.retain_grad()
    y.register_hook(lambda g: g * 10)
    (y * y).sum().backward()
    assert y.grad.tolist() == [40., 80., 120.]
    assert x.grad.tolist() == [80., 160., 240.]


def test_in_place_change_of_a_saved_tensor_is_detected():
    a = torch.tensor([1., 2., 3.], requires_grad=True)
    b = a.sigmoid()
    c = (b * 2).sum()
    b.mul_(3)
    with pytest.raises(RuntimeError, match="output 0 of Sigmoid, is at version 1"):
        c.backward()


@pytest.mark.parametrize("make, name", [
    (lambda x: x // 2, "aten::floor_divide"),
    (lambda x: 3 % x, "aten::remainder"),
])
def test_ops_without_a_derivative_say_so_in_backward(make, name):
    x = torch.tensor([1.5, 2.5], requires_grad=True)
    y = make(x)
    assert y.requires_grad and y.grad_fn.name() == "torch::autograd::NotImplemented"
    with pytest.raises(RuntimeError, match="derivative for %s is not implemented" % name):
        y.sum().backward()
