"""The web app's commands, registered by :mod:`communique.cli`."""

from __future__ import annotations

import argparse
from collections.abc import Callable

Handler = Callable[[argparse.Namespace], int]


def register(command: Callable[[str, str], argparse.ArgumentParser]) -> dict[str, Handler]:
    """Add this package's subcommands with ``command(name, help)``; return name -> handler."""
    return {}
