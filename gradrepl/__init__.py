"""gradrepl: an interactive REPL for autograd experiments on a NumPy autograd engine."""

__version__ = "0.1.0"
