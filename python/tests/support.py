"""What the tests share: where things are, the CLI run directly (not through the package), and
the tolerance of a solver's numbers."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path
from typing import Any, Dict, List

PYTHON = Path(__file__).resolve().parent.parent  # python/
ROOT = PYTHON.parent
sys.path.insert(0, str(PYTHON))  # the package under test: these sources

import peerclear as pc  # noqa: E402

#: The README's example market (the `example` command's embedded case).
EXAMPLE = ROOT / "cli/src/main/resources/org/peerclear/cli/examples/three-houses.json"
#: A version-2 day of a household with PV, a battery and an EV, its profiles in a CSV beside it.
HOUSEHOLD_DAY = ROOT / "core/src/test/resources/org/peerclear/io/household-day.json"
README = ROOT / "README.md"

#: A solver's numbers against an analytic answer: the certificate's tolerance (docs/market-case.md, 1e-6 scaled).
SOLVER_TOLERANCE = 1e-6


def jar() -> Path:
    return pc.find_jar()


def cli(*args: Any) -> subprocess.CompletedProcess:
    """``java -jar peerclear.jar ARGS``, straight, as a user at the shell would run it."""
    return subprocess.run([pc.find_java(), "-jar", str(jar())] + [str(a) for a in args], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)


def cli_json(*args: Any) -> Dict[str, Any]:
    """Runs a command that writes ``--out FILE`` and returns the file's JSON."""
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "out.json"
        done = cli(*args, "--out", out)
        if done.returncode != 0:
            raise AssertionError(f"peerclear {' '.join(map(str, args))} exited {done.returncode}: {done.stderr}")
        return json.loads(out.read_text(encoding="utf-8"))


def without(d: Dict[str, Any], *keys: str) -> Dict[str, Any]:
    return {k: v for k, v in d.items() if k not in keys}


def env_without(*names: str) -> Dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in names}


def markdown_table(text: str, header_start: str) -> List[List[str]]:
    """The rows (cells stripped) of the first Markdown table whose header row starts with ``header_start``."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(header_start):
            rows = []
            for row in lines[i + 2:]:
                if not row.startswith("|"):
                    break
                rows.append([c.strip() for c in row.strip().strip("|").split("|")])
            return rows
    raise AssertionError(f"no table starting {header_start!r}")


class SessionTestCase(unittest.TestCase):
    """Tests that share one session (one JVM) per class: ``self.session``."""
    session: pc.Session

    @classmethod
    def setUpClass(cls):
        cls.session = pc.Session()

    @classmethod
    def tearDownClass(cls):
        cls.session.close()
