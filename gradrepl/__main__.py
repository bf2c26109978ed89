"""`python -m gradrepl` is the `gradrepl` command."""

from .cli import main

main()
