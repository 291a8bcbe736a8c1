"""Console-script entry point: ``log`` takes the fast path, everything else the Typer app."""

from __future__ import annotations

import sys

HELP = {"--help", "-h"}


def main() -> None:
    """Run ``twitchcare``; see :mod:`twitchcare.cli.quick` for why ``log`` is special."""
    argv = sys.argv[1:]
    if argv[:1] == ["log"] and not HELP & set(argv):
        from twitchcare.cli.quick import run_log

        sys.exit(run_log(argv[1:]))
    from twitchcare.cli.app import main as typer_main

    typer_main()
