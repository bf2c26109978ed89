"""RemovableHandle: what register_hook returns; remove() takes the hook out again."""

import itertools

_ids = itertools.count()


class RemovableHandle:
    __slots__ = ("_table", "id")

    def __init__(self, table):
        self._table = table
        self.id = next(_ids)

    def remove(self):
        self._table.pop(self.id, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()
        return False


RemovableHandle.__module__ = "torch.utils.hooks"
