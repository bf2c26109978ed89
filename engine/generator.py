"""torch.Generator: PyTorch's CPU generator (a Mersenne Twister, mt19937) and its raw draws.

The engine is NumPy's MT19937 bit generator, put in the state PyTorch's at::mt19937 has
(init_genrand seeding of the seed's low 32 bits), so `random_raw` yields PyTorch's stream
of 32-bit words in bulk. The distributions built on it are in distributions.py.
"""

import os

import numpy as np

from . import dtypes
from .device import CPU, device as device_class

_NO_CUDA_GENERATOR = (
    "Cannot get CUDA generator without ATen_cuda library. PyTorch splits its backend into two "
    "shared libraries: a CPU library and a CUDA library; this error has occurred because you "
    "are trying to use some CUDA functionality, but the CUDA library has not been loaded by "
    "the dynamic linker for some reason.  The CUDA library MUST be loaded, EVEN IF you don't "
    "directly use any symbols from the CUDA library! One common culprit is a lack of "
    "-Wl,--no-as-needed in your link arguments; many dynamic linkers will delete dynamic "
    "library dependencies if you don't depend on any of their symbols.  You can check if "
    "this has occurred by using ldd on your binary to see if there is a dependency on "
    "*_cuda.so library.")
from .tensor import Tensor, wrap
from .type_names import name_as_torch

# c10::detail::default_rng_seed_val: the seed of a new torch.Generator().
DEFAULT_SEED = 67280421310721
_STATE_WORDS = 624
_UINT64 = 1 << 64
# sizeof(CPUGeneratorImplState): what get_state() returns (see _pack_state).
STATE_SIZE = 5056


def init_genrand(seed):
    """The 624-word mt19937 state for a 32-bit seed (Matsumoto and Nishimura's init_genrand)."""
    key = [seed & 0xFFFFFFFF]
    previous = key[0]
    for i in range(1, _STATE_WORDS):
        previous = (1812433253 * (previous ^ (previous >> 30)) + i) & 0xFFFFFFFF
        key.append(previous)
    return np.array(key, dtype=np.uint32)


def seed_value(seed):
    """A Python integer as the uint64 PyTorch stores: negative ones wrap around."""
    if isinstance(seed, Tensor):
        seed = seed.item()
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise RuntimeError("manual_seed expected a long, but got %s" % type(seed).__name__)
    seed = int(seed)
    if not -(1 << 63) <= seed < _UINT64:
        raise ValueError("Overflow when unpacking long long")
    return seed % _UINT64


def nondeterministic_seed():
    # c10::detail::getNonDeterministicRandom reads 64 bits of /dev/urandom on CPU.
    return int.from_bytes(os.urandom(8), "little")


class Generator:
    """torch.Generator(device='cpu'): manual_seed, seed, initial_seed, get_state, set_state."""

    def __init__(self, device="cpu"):
        where = device if isinstance(device, device_class) else device_class(device)
        if where.type == "cuda":
            raise RuntimeError(_NO_CUDA_GENERATOR)
        if where.type != "cpu":
            raise RuntimeError("gradrepl runs on the CPU only: Generator(device=%r)" % (device,))
        self._bits = np.random.MT19937()
        self._reseed(DEFAULT_SEED)

    def _reseed(self, seed):
        self._seed = seed
        self._bits.state = {"bit_generator": "MT19937",
                            "state": {"key": init_genrand(seed), "pos": _STATE_WORDS}}
        # at::mt19937 after seeding has next_ = 0; after a full block it is 624 (both mean
        # "twist before the next draw", which NumPy writes as pos = 624).
        self._untouched = True
        # Box-Muller's second value, kept for the next scalar normal draw (PyTorch's
        # next_double_normal_sample; the float one is part of the state but unused on CPU).
        self.next_double_normal = None
        self.next_float_normal = None

    @property
    def device(self):
        return CPU

    def manual_seed(self, seed):
        self._reseed(seed_value(seed))
        return self

    def initial_seed(self):
        return self._seed

    def seed(self):
        seed = nondeterministic_seed()
        self._reseed(seed)
        return seed

    # ---- raw draws: what CPUGeneratorImpl::random() and random64() return --------------------

    def random32(self, n):
        """n successive 32-bit words, as uint64."""
        if n <= 0:
            return np.zeros(0, dtype=np.uint64)
        self._untouched = False
        return self._bits.random_raw(n)

    def random64(self, n):
        """n 64-bit values, each two words combined as (first << 32) | second."""
        words = self.random32(2 * n)
        return (words[0::2] << np.uint64(32)) | words[1::2]

    # ---- state ---------------------------------------------------------------------------------

    def get_state(self):
        return wrap(np.frombuffer(self._pack_state(), dtype=np.uint8).copy(), dtypes.uint8)

    def set_state(self, new_state):
        if not isinstance(new_state, Tensor) or new_state._dtype is not dtypes.uint8:
            raise TypeError("RNG state must be a torch.ByteTensor")
        if new_state._data.size != STATE_SIZE:
            raise RuntimeError("Expected a CPUGeneratorImplState of size %d but found the input "
                               "RNG state size to be %d" % (STATE_SIZE, new_state._data.size))
        self._unpack_state(np.ascontiguousarray(new_state._data).reshape(-1).tobytes())
        return self

    def _pack_state(self):
        # The layout of CPUGeneratorImplState (aten/src/ATen/CPUGeneratorImpl.cpp): the legacy
        # POD (seed, left, seeded, next, 624 words widened to 64 bits, normal_x/y/rho,
        # normal_is_valid), then the float normal cache.
        state = self._bits.state["state"]
        pos = int(state["pos"])
        if pos == _STATE_WORDS:
            left, next_ = 1, 0 if self._untouched else _STATE_WORDS
        else:
            left, next_ = _STATE_WORDS + 1 - pos, pos
        buffer = bytearray(STATE_SIZE)
        header = np.array([self._seed], dtype=np.uint64).tobytes()
        header += np.array([left, 1], dtype=np.int32).tobytes()
        header += np.array([next_], dtype=np.uint64).tobytes()
        header += state["key"].astype(np.uint64).tobytes()
        buffer[:len(header)] = header
        if self.next_double_normal is not None:
            buffer[5024:5032] = np.array([self.next_double_normal], dtype=np.float64).tobytes()
            buffer[5040:5044] = np.array([1], dtype=np.int32).tobytes()
        if self.next_float_normal is not None:
            buffer[5048:5052] = np.array([self.next_float_normal], dtype=np.float32).tobytes()
            buffer[5052] = 1
        return bytes(buffer)

    def _unpack_state(self, raw):
        seed = int(np.frombuffer(raw, np.uint64, 1, 0)[0])
        left, seeded = (int(v) for v in np.frombuffer(raw, np.int32, 2, 8))
        next_ = int(np.frombuffer(raw, np.uint64, 1, 16)[0])
        key = np.frombuffer(raw, np.uint64, _STATE_WORDS, 24).astype(np.uint32)
        if not seeded or not 1 <= left <= _STATE_WORDS or next_ > _STATE_WORDS:
            raise RuntimeError("Invalid mt19937 state")
        self._seed = seed
        pos = _STATE_WORDS if left == 1 else next_
        self._bits.state = {"bit_generator": "MT19937", "state": {"key": key, "pos": pos}}
        self._untouched = left == 1 and next_ == 0
        valid = np.frombuffer(raw, np.int32, 1, 5040)[0]
        self.next_double_normal = (float(np.frombuffer(raw, np.float64, 1, 5024)[0])
                                   if valid else None)
        self.next_float_normal = (float(np.frombuffer(raw, np.float32, 1, 5048)[0])
                                  if raw[5052] else None)


name_as_torch(Generator, "torch._C")

# PyTorch seeds its default CPU generator nondeterministically at start-up.
default_generator = Generator()
default_generator.manual_seed(nondeterministic_seed())


def resolve(generator):
    """The generator a sampling call uses: its generator= argument, or the default one."""
    if generator is None:
        return default_generator
    if not isinstance(generator, Generator):
        raise TypeError("generator must be torch.Generator, not %s" % type(generator).__name__)
    return generator
