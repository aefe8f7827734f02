"""The errors a user can cause: the CLI prints their message and exits with code 2.

Imports nothing of xlkip, so every layer may raise them.
"""

from __future__ import annotations


class UsageError(Exception):
    """The command was asked for something it cannot do (exit code 2)."""
