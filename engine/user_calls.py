"""Calling what the user gave the engine (hooks, functions to differentiate, decorated defs):
an error the call itself raises ("'int' object is not callable", a missing argument) is
the user's, as PyTorch reports it, not a bug of the engine's."""


def call_user_function(function, *args, **kwargs):
    return function(*args, **kwargs)
