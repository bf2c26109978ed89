"""The commands: gradrepl (shell or piped session), run, replay, check."""

import argparse
import os
import signal
import sys
from contextlib import contextmanager

from gradrepl_engine.gc_policy import tune_for_graphs

from . import __version__
from . import ipynb, transcript
from .render import PlainOutput, RichOutput, colour_wanted
from .session import Session


def _output(stream=None):
    stream = stream or sys.stdout
    return RichOutput() if colour_wanted(stream) else PlainOutput()


class _Deadline:
    expired = False


DEADLINE = _Deadline()


@contextmanager
def time_limit(seconds):
    """Raise TimeoutError in the running statement once `seconds` have passed; the
    commands stop at the next statement too (DEADLINE.expired)."""
    if not seconds:
        yield
        return

    def expire(signum, frame):
        DEADLINE.expired = True
        raise TimeoutError("the run took longer than --timeout %g seconds" % seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _read(path):
    """The file's text; a Jupyter notebook as the console transcript of its code cells."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        return ipynb.transcript_of(text) if ipynb.is_notebook(path) else text
    except (OSError, ValueError) as exc:
        sys.stderr.write("gradrepl: cannot read %s: %s\n"
                         % (path, getattr(exc, "strerror", None) or exc))
        sys.exit(2)


# ---- the commands ----------------------------------------------------------------------------

def run_statements(statements, output, before=None):
    """Run each statement in one session, reporting errors and going on; exit code 1 if
    any failed. `before(statement)` runs first (replay shows the statement)."""
    session = Session(output)
    failed = False
    for statement in statements:
        if before is not None:
            before(statement)
        outcome = session.evaluate(statement.source, echo=statement.echo)
        if not outcome.ok:
            failed = True
            output.error(outcome.error)
        if DEADLINE.expired:
            break
    output.flush()
    return 1 if failed else 0


def piped_session(text, output):
    """stdin is not a terminal: run each statement, echo values, report errors, go on."""
    if ipynb.looks_like_notebook(text):
        text = ipynb.transcript_of(text)
    return run_statements(transcript.parse(text), output)


def run_file(path, output):
    """`python FILE.py`: only print() writes to stdout; an uncaught error ends the run."""
    text = _read(path)
    session = Session(output, suggest=True)
    if transcript.kind_of(text) == "plain":
        statements = [transcript.Statement(text, 1, echo=False)]
    else:
        statements = transcript.parse(text)
        for s in statements:
            s.echo = False
    filename = os.path.abspath(path)  # as Python 3.9+ names a script it runs
    for statement in statements:
        outcome = session.evaluate(statement.source, filename=filename, echo=False)
        if not outcome.ok:
            output.error(outcome.error, hint_last=False)
            return 1
    output.flush()
    return 0


def replay_file(path, output, step=False):
    """Show each statement after a prompt, as if typed, then what it printed."""
    from .shell import replay_prompt
    text = _read(path)
    statements = (transcript.split_script(text) if transcript.kind_of(text) == "plain"
                  else transcript.parse(text))
    return run_statements(statements, output,
                          before=lambda s: replay_prompt(s.source, output, wait=step))


def check_file(path, out=None):
    """doctest for a `>>>` transcript: report every statement whose output differs."""
    from .checker import check_transcript
    return check_transcript(path, _read(path), out or sys.stdout)


def interactive():
    from .shell import run_shell
    return run_shell()


# ---- argument parsing ----------------------------------------------------------------------------

def _parser():
    parser = argparse.ArgumentParser(
        prog="gradrepl",
        description="An interactive REPL for autograd experiments: PyTorch-style statements "
                    "on gradrepl's NumPy autograd engine, printed exactly as PyTorch prints them.",
        epilog="With no command: the interactive shell on a terminal, or a session read from "
               "stdin when it is a pipe or a file (values echoed, errors on stderr, exit 1 if "
               "any statement failed).")
    parser.add_argument("--version", action="version",
                        version="gradrepl %s (engine: NumPy; no PyTorch needed)" % __version__)
    parser.add_argument("--max-memory", metavar="SIZE", default=None,
                        help="largest tensor allowed, e.g. 512M or 4G (default 2G)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = sub.add_parser("run", help="run a script like `python FILE.py`")
    run.add_argument("file")
    run.add_argument("--timeout", type=float, metavar="SECONDS")
    replay = sub.add_parser("replay", help="replay a script or transcript as a live demo")
    replay.add_argument("file")
    replay.add_argument("--step", action="store_true", help="wait for Enter between statements")
    replay.add_argument("--timeout", type=float, metavar="SECONDS")
    check = sub.add_parser("check", help="check a `>>>` transcript or `In [n]:` cells like doctest")
    check.add_argument("file")
    check.add_argument("--timeout", type=float, metavar="SECONDS")
    return parser


def parse_memory(text):
    units = {"": 1, "K": 1024, "M": 1024 ** 2, "G": 1024 ** 3, "T": 1024 ** 4}
    text = text.strip().upper().rstrip("B").rstrip("I")
    number, unit = (text[:-1], text[-1]) if text and text[-1] in units else (text, "")
    try:
        return int(float(number) * units[unit])
    except ValueError:
        raise argparse.ArgumentTypeError("--max-memory expects a size like 512M or 4G") from None


def main(argv=None):
    parser = _parser()
    args = parser.parse_args(argv)
    tune_for_graphs()
    if args.max_memory:
        from gradrepl_engine.memory import set_memory_limit
        try:
            set_memory_limit(parse_memory(args.max_memory))
        except argparse.ArgumentTypeError as exc:
            parser.error(str(exc))
    try:
        with time_limit(getattr(args, "timeout", None)):
            if args.command == "run":
                code = run_file(args.file, _output())
            elif args.command == "replay":
                code = replay_file(args.file, _output(), step=args.step)
            elif args.command == "check":
                code = check_file(args.file)
            elif sys.stdin.isatty():
                code = interactive()
            else:
                code = piped_session(sys.stdin.read(), _output())
    except BrokenPipeError:
        code = 1
    sys.exit(code)


if __name__ == "__main__":
    main()
