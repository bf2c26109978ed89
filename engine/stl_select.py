"""libstdc++'s std::nth_element, std::partial_sort and std::sort, step for step.

PyTorch's CPU topk (aten/src/ATen/native/SortingUtils.h, topk_impl_loop) orders
(value, index) pairs with these algorithms and a comparator on the values alone, so
which of several equal values it reports depends on how they move the elements.
Running the same steps on the same list reproduces its indices on ties.
`less(x, y)` is the comparator; `items` is a list, reordered in place.
"""


def _lg(n):
    return n.bit_length() - 1


def _move_median_to_first(items, result, a, b, c, less):
    if less(items[a], items[b]):
        if less(items[b], items[c]):
            pick = b
        elif less(items[a], items[c]):
            pick = c
        else:
            pick = a
    elif less(items[a], items[c]):
        pick = a
    elif less(items[b], items[c]):
        pick = c
    else:
        pick = b
    items[result], items[pick] = items[pick], items[result]


def _unguarded_partition(items, first, last, pivot, less):
    while True:
        while less(items[first], items[pivot]):
            first += 1
        last -= 1
        while less(items[pivot], items[last]):
            last -= 1
        if not first < last:
            return first
        items[first], items[last] = items[last], items[first]
        first += 1


def _unguarded_partition_pivot(items, first, last, less):
    mid = first + (last - first) // 2
    _move_median_to_first(items, first, first + 1, mid, last - 1, less)
    return _unguarded_partition(items, first + 1, last, first, less)


def _unguarded_linear_insert(items, last, less):
    value = items[last]
    nxt = last - 1
    while less(value, items[nxt]):
        items[last] = items[nxt]
        last = nxt
        nxt -= 1
    items[last] = value


def _insertion_sort(items, first, last, less):
    if first == last:
        return
    for i in range(first + 1, last):
        if less(items[i], items[first]):
            value = items[i]
            items[first + 1:i + 1] = items[first:i]
            items[first] = value
        else:
            _unguarded_linear_insert(items, i, less)


def _push_heap(items, first, hole, top, value, less):
    parent = (hole - 1) // 2
    while hole > top and less(items[first + parent], value):
        items[first + hole] = items[first + parent]
        hole = parent
        parent = (hole - 1) // 2
    items[first + hole] = value


def _adjust_heap(items, first, hole, length, value, less):
    top = hole
    child = hole
    while child < (length - 1) // 2:
        child = 2 * (child + 1)
        if less(items[first + child], items[first + child - 1]):
            child -= 1
        items[first + hole] = items[first + child]
        hole = child
    if length & 1 == 0 and child == (length - 2) // 2:
        child = 2 * (child + 1)
        items[first + hole] = items[first + child - 1]
        hole = child - 1
    _push_heap(items, first, hole, top, value, less)


def _make_heap(items, first, last, less):
    length = last - first
    if length < 2:
        return
    parent = (length - 2) // 2
    while True:
        _adjust_heap(items, first, parent, length, items[first + parent], less)
        if parent == 0:
            return
        parent -= 1


def _pop_heap(items, first, last, result, less):
    value = items[result]
    items[result] = items[first]
    _adjust_heap(items, first, 0, last - first, value, less)


def _heap_select(items, first, middle, last, less):
    _make_heap(items, first, middle, less)
    for i in range(middle, last):
        if less(items[i], items[first]):
            _pop_heap(items, first, middle, i, less)


def _sort_heap(items, first, last, less):
    while last - first > 1:
        last -= 1
        _pop_heap(items, first, last, last, less)


def partial_sort(items, middle, less, first=0, last=None):
    last = len(items) if last is None else last
    _heap_select(items, first, middle, last, less)
    _sort_heap(items, first, middle, less)


def nth_element(items, nth, less):
    first, last = 0, len(items)
    if first == last or nth == last:
        return
    depth = _lg(last - first) * 2
    while last - first > 3:
        if depth == 0:
            _heap_select(items, first, nth + 1, last, less)
            items[first], items[nth] = items[nth], items[first]
            return
        depth -= 1
        cut = _unguarded_partition_pivot(items, first, last, less)
        if cut <= nth:
            first = cut
        else:
            last = cut
    _insertion_sort(items, first, last, less)


_THRESHOLD = 16


def _introsort_loop(items, first, last, depth, less):
    while last - first > _THRESHOLD:
        if depth == 0:
            partial_sort(items, last, less, first, last)
            return
        depth -= 1
        cut = _unguarded_partition_pivot(items, first, last, less)
        _introsort_loop(items, cut, last, depth, less)
        last = cut


def sort(items, first, last, less):
    """std::sort(items[first:last]): introsort, then the final insertion sort."""
    if first == last:
        return
    _introsort_loop(items, first, last, _lg(last - first) * 2, less)
    if last - first > _THRESHOLD:
        _insertion_sort(items, first, first + _THRESHOLD, less)
        for i in range(first + _THRESHOLD, last):
            _unguarded_linear_insert(items, i, less)
    else:
        _insertion_sort(items, first, last, less)
