"""The memory limit: a tensor that would need more than it is refused before allocation."""

DEFAULT_LIMIT = 2 * 1024 ** 3

_limit = [DEFAULT_LIMIT]


def set_memory_limit(nbytes):
    _limit[0] = int(nbytes)


def get_memory_limit():
    return _limit[0]


def _human(nbytes):
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB"):
        if nbytes < 1024 or unit == "TiB":
            return ("%d %s" if unit == "bytes" else "%.1f %s") % (nbytes, unit)
        nbytes /= 1024
    return str(nbytes)


def check_allocation(shape, dtype):
    """Raise before allocating a tensor of `shape` larger than the limit."""
    count = 1
    for s in shape:
        count *= s
    nbytes = count * dtype.itemsize
    if nbytes > _limit[0]:
        raise MemoryError(
            "a tensor of shape [%s] and dtype %r would need %s, more than gradrepl's memory "
            "limit of %s (change it with --max-memory)"
            % (", ".join(map(str, shape)), dtype, _human(nbytes), _human(_limit[0])))
