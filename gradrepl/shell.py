"""The interactive shell (prompt_toolkit): prompt, history, completion, key bindings."""

import sys

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import Completer, Completion
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.lexers import PygmentsLexer

from . import __version__
from . import transcript
from .render import RichOutput, PlainOutput, colour_wanted
from .session import Session, internal_error

BANNER = ("gradrepl %s: PyTorch-style autograd on NumPy, `torch` imported.\n"
          "Ctrl-C interrupts, Ctrl-D exits.")


def replay_prompt(source, output, wait=False):
    """Show a statement as if typed at the prompt (replay), optionally waiting for Enter."""
    lines = source.splitlines() or [""]
    text = ">>> " + lines[0] + "".join("\n... " + l for l in lines[1:])
    if len(lines) > 1:
        text += "\n... "
    output.write(text + ("" if wait else "\n"))
    output.flush()
    if wait:
        try:
            input()
        except EOFError:
            output.write("\n")


class SessionCompleter(Completer):
    """Completes the session's names, torch's names, and public attributes after a dot."""

    def __init__(self, session):
        self.session = session

    def get_completions(self, document, complete_event):
        word = document.get_word_before_cursor(WORD=True)
        if "." in word:
            head, _, partial = word.rpartition(".")
            target = self._resolve(head)
            if target is None:
                return
            names = [n for n in dir(target) if not n.startswith("_")]
        else:
            partial = word
            ns = self.session.namespace
            names = list(self.session.names()) + list(ns.get("__builtins__", {}))
        for name in sorted(set(names)):
            if name.startswith(partial) and not name.startswith("_"):
                yield Completion(name, start_position=-len(partial))

    def _resolve(self, dotted):
        # Only plain names and attribute chains: nothing is called or evaluated.
        parts = dotted.split(".")
        if not all(p.isidentifier() and not p.startswith("_") for p in parts):
            return None
        ns = self.session.namespace
        obj = ns.get(parts[0], ns.get("__builtins__", {}).get(parts[0]))
        for part in parts[1:]:
            if obj is None:
                return None
            obj = getattr(obj, part, None) if not isinstance(getattr(type(obj), part, None),
                                                             property) else None
        return obj


def _bindings():
    keys = KeyBindings()

    @keys.add("enter")
    def _(event):
        buffer = event.current_buffer
        text = buffer.text
        if not text.strip() or transcript.kind_of(text) != "plain":
            buffer.validate_and_handle()
            return
        lines = text.split("\n")
        last_line = lines[-1]
        # As at Python's prompt: an open block continues until an empty line ends it.
        ends_block = len(lines) > 1 and not last_line.strip()
        if transcript.status(text) == "incomplete" and not ends_block:
            indent = len(last_line) - len(last_line.lstrip())
            if last_line.rstrip().endswith(":"):
                indent += 4
            buffer.insert_text("\n" + " " * indent)
        else:
            buffer.validate_and_handle()

    return keys


def run_shell():
    output = RichOutput() if colour_wanted(sys.stdout) else PlainOutput()
    session = Session(output, suggest=True)  # as Python's own prompt
    try:
        from pygments.lexers.python import PythonLexer
        lexer = PygmentsLexer(PythonLexer)
    except ImportError:
        lexer = None
    prompt = PromptSession(history=InMemoryHistory(), completer=SessionCompleter(session),
                           key_bindings=_bindings(), multiline=True, lexer=lexer,
                           prompt_continuation="... ", complete_while_typing=False)
    print(BANNER % __version__)
    while True:
        try:
            text = prompt.prompt(">>> ")
        except KeyboardInterrupt:
            continue
        except EOFError:
            return 0
        try:
            for statement in transcript.parse(text):
                outcome = session.evaluate(statement.source, echo=statement.echo)
                if not outcome.ok:
                    output.error(outcome.error)
        except KeyboardInterrupt:
            output.write("KeyboardInterrupt\n")
        except Exception as exc:  # a bug of ours must never end the session
            output.error(internal_error(exc))
        output.flush()
