"""The exceptions of peerclear. A market that does not clear is a status, not an exception:
these are raised for input PeerClear refuses, for its own failures, and for a broken bridge."""
from __future__ import annotations

from typing import Sequence


class PeerClearError(Exception):
    """A command of PeerClear failed; ``message`` is what it said on standard error.

    Attributes:
        message: the command's message (for invalid input one line naming the file, field or rule;
            a usage error without the usage text that follows it)
        exit_code: the command's exit code (docs/cli.md: 1 internal error, 2 invalid input, 3 a failed check)
        command: the command line that was run (without ``java -jar``)
        stderr: all the command wrote on standard error
    """

    def __init__(self, message: str, exit_code: int = 1, command: Sequence[str] = (), stderr: str = ""):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.command = list(command)
        self.stderr = stderr or message


class InvalidInputError(PeerClearError, ValueError):
    """Exit code 2: bad usage, an invalid case or option, or a file that cannot be read or written."""


class CheckFailedError(PeerClearError):
    """Exit code 3: the command ran and what it checked is not as it should be (a ledger that does not verify)."""


class InternalError(PeerClearError):
    """Exit code 1: a failure of PeerClear itself (a bug to report); the message holds the stack trace."""


class BridgeError(PeerClearError):
    """Java could not be started, or the serving JVM stopped or answered outside the protocol."""


class JarNotFoundError(PeerClearError, FileNotFoundError):
    """PeerClear's jar is not where it was looked for; the message says how to build it."""


def for_exit(exit_code: int, stderr: str, command: Sequence[str]) -> PeerClearError:
    """The exception for a command that ended with ``exit_code`` (not 0) and wrote ``stderr``."""
    kind = {2: InvalidInputError, 3: CheckFailedError, 1: InternalError}.get(exit_code, PeerClearError)
    message = stderr.split("\nUsage: ")[0].strip() or f"exit code {exit_code} without a message"
    return kind(message, exit_code, command, stderr)
