"""torch.cuda as a CPU-only build of torch has it: no device, and what needs one fails."""

from .device import NO_CUDA

__all__ = ["is_available", "device_count", "is_initialized", "is_bf16_supported",
           "manual_seed", "manual_seed_all", "seed", "seed_all", "empty_cache",
           "memory_allocated", "max_memory_allocated", "memory_reserved",
           "max_memory_reserved", "reset_peak_memory_stats", "current_device",
           "get_device_name", "get_device_properties", "get_device_capability",
           "synchronize", "init", "get_rng_state", "set_rng_state", "mem_get_info",
           "current_stream"]


def is_available():
    return False


def device_count():
    return 0


def is_initialized():
    return False


def is_bf16_supported(including_emulation=True):
    return False


# Seeding is lazy in torch: queued until CUDA is initialised, which it never is here.
def manual_seed(seed):
    return None


def manual_seed_all(seed):
    return None


def seed():
    return None


def seed_all():
    return None


# The caching allocator's queries answer for a CUDA that was never initialised.
def empty_cache():
    return None


def memory_allocated(device=None):
    return 0


def max_memory_allocated(device=None):
    return 0


def memory_reserved(device=None):
    return 0


def max_memory_reserved(device=None):
    return 0


def reset_peak_memory_stats(device=None):
    return None


def _failing(name):
    def function(*args, **kwargs):
        raise AssertionError(NO_CUDA)
    function.__name__ = function.__qualname__ = name
    return function


current_device = _failing("current_device")
get_device_name = _failing("get_device_name")
get_device_properties = _failing("get_device_properties")
get_device_capability = _failing("get_device_capability")
synchronize = _failing("synchronize")
init = _failing("init")
get_rng_state = _failing("get_rng_state")
set_rng_state = _failing("set_rng_state")
mem_get_info = _failing("mem_get_info")
current_stream = _failing("current_stream")
