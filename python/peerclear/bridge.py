"""How Python reaches the JVM: a persistent ``peerclear serve`` process (docs/cli.md, "serve"),
or one ``java -jar peerclear.jar ARGS`` process per call. Both give a command's exit code,
standard output and standard error; python/README.md says what a call costs each way."""
from __future__ import annotations

import json
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, List, Optional, Sequence

from .errors import BridgeError

#: The bridges by name: ``serve`` (the default: one JVM for the session) and ``subprocess``.
MODES = ("serve", "subprocess")


@dataclass(frozen=True)
class Completed:
    """A command that ran: its ``exit`` code, ``stdout`` and ``stderr``."""
    args: List[str]
    exit: int
    stdout: str
    stderr: str


class SubprocessBridge:
    """One JVM per call: ``java [jvm_args] -jar peerclear.jar ARGS``."""

    mode = "subprocess"

    def __init__(self, command: Sequence[str]):
        self._command = list(command)

    def call(self, args: Sequence[str]) -> Completed:
        try:
            p = subprocess.run(self._command + list(args), stdin=subprocess.DEVNULL, capture_output=True)
        except OSError as e:
            raise BridgeError(f"cannot start {self._command[0]}: {e}", 2, args) from e
        if p.returncode < 0:
            raise BridgeError(f"java was stopped by signal {-p.returncode}: {_tail(p.stderr.decode('utf-8', 'replace'))}",
                              1, args)
        return Completed(list(args), p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))

    def close(self) -> None:
        pass


class ServeBridge:
    """One JVM for many calls: ``peerclear serve``, one JSON request line per call on its standard
    input and one JSON response line on its standard output. What the JVM writes on standard
    error outside any call (e.g. a crash) goes to ``log``, quoted when the JVM stops."""

    mode = "serve"

    def __init__(self, command: Sequence[str], log: Path):
        self._lock = threading.Lock()
        self._next_id = 0
        self._log_path = log
        self._log: IO[bytes] = open(log, "wb")
        try:
            self._process = subprocess.Popen(list(command) + ["serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                             stderr=self._log)
        except OSError as e:
            self._log.close()
            raise BridgeError(f"cannot start {command[0]}: {e}", 2, ["serve"]) from e
        assert self._process.stdin is not None and self._process.stdout is not None  # both are pipes
        self._stdin: IO[bytes] = self._process.stdin
        self._stdout: IO[bytes] = self._process.stdout

    def call(self, args: Sequence[str]) -> Completed:
        with self._lock:
            self._next_id += 1
            request = json.dumps({"id": self._next_id, "args": list(args)}) + "\n"
            try:
                self._stdin.write(request.encode("utf-8"))
                self._stdin.flush()
            except (BrokenPipeError, ValueError, OSError):
                raise BridgeError(self._stopped(), 1, args) from None
            response = self._response()
            if response is None:
                raise BridgeError(self._stopped(), 1, args)
            if response.get("id") != self._next_id:
                raise BridgeError(f"peerclear serve answered request {response.get('id')!r}, not {self._next_id}", 1, args)
            return Completed(list(args), int(response["exit"]), response.get("stdout", ""), response.get("stderr", ""))

    def _response(self) -> Optional[dict]:
        """The next response line; a line that is not one (native code printing on the JVM's
        standard output, which the protocol cannot redirect) goes to the log. None at the end."""
        while True:
            try:
                line = self._stdout.readline()
            except (ValueError, OSError):
                return None
            if not line:
                return None
            try:
                response = json.loads(line)
            except ValueError:
                response = None
            if isinstance(response, dict) and "exit" in response:
                return response
            self._log.write(b"(on standard output, not a response) " + line)
            self._log.flush()

    def _stopped(self) -> str:
        try:
            code = self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            code = None
        self._log.flush()
        return f"the PeerClear JVM (peerclear serve) stopped (exit code {code}): {_tail(self._log_text())}"

    def _log_text(self) -> str:
        try:
            return self._log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    @property
    def alive(self) -> bool:
        return self._process.poll() is None

    def close(self, timeout: float = 30.0) -> None:
        """Asks the JVM to quit, and stops it if it does not within ``timeout`` seconds."""
        with self._lock:
            if self._process.poll() is None:
                try:
                    self._next_id += 1
                    self._stdin.write((json.dumps({"id": self._next_id, "args": ["quit"]}) + "\n").encode("utf-8"))
                    self._stdin.close()
                    self._process.wait(timeout=timeout)
                except (OSError, ValueError, subprocess.TimeoutExpired):
                    self._process.kill()
                    self._process.wait()
            for stream in (self._stdin, self._stdout):
                try:
                    stream.close()
                except (OSError, ValueError):
                    pass
            self._log.close()


def _tail(text: str, lines: int = 20) -> str:
    kept = text.strip().splitlines()[-lines:]
    return "\n".join(kept) if kept else "(nothing on its standard error)"


def java_command(java: str, jar: Path, jvm_args: Optional[Sequence[str]] = None) -> List[str]:
    """``java [jvm_args] -jar JAR``."""
    return [java] + list(jvm_args or ()) + ["-jar", str(jar)]
