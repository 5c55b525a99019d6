"""The one exception a user can cause, with a Chinese message and a CLI exit code."""

from __future__ import annotations

# Exit codes of the command line (see lib/cli.py and the README).
EXIT_USAGE = 2
EXIT_UNREADABLE = 3
EXIT_NO_ITEMS = 4


class ListError(Exception):
    """A problem with the user's input, described in one Chinese sentence.

    The UI shows ``message``; the command line prints it to stderr and exits with
    ``exit_code``. Never raise it for a bug in our own code.
    """

    def __init__(self, message: str, exit_code: int = EXIT_UNREADABLE) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
