"""The notebook-style example reproduces the README's table of the auctions' welfare losses:
run as a user runs it, its printed table must match the README's, digit for digit as printed."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import unittest

from support import PYTHON, README, ROOT, markdown_table

HEADER = "| K steps | uniform | huang | cda |"


def differences(readme_rows, printed_rows):
    """Cells where the example's number, rounded as the README writes it, is not the README's."""
    out = []
    printed = {row[0]: row[1:] for row in printed_rows}
    for row in readme_rows:
        if row[0] not in printed:
            out.append(f"K = {row[0]}: missing from the example")
            continue
        for column, (theirs, ours) in enumerate(zip(row[1:], printed[row[0]]), 1):
            shown = re.fullmatch(r"(\d+)\.(\d+) %", theirs)
            if shown is None:
                out.append(f"K = {row[0]}, column {column}: not a percentage in the README: {theirs!r}")
                continue
            value = float(ours.rstrip(" %"))
            if f"{value:.{len(shown.group(2))}f} %" != theirs:
                out.append(f"K = {row[0]}, column {column}: README {theirs}, example {ours}")
    return out


class ExampleTest(unittest.TestCase):
    def test_the_quick_start_of_python_readme_runs_as_written(self):
        text = (PYTHON / "README.md").read_text(encoding="utf-8")
        code = re.search(r"## Quick start\n\n```python\n(.*?)```", text, re.S).group(1)
        done = subprocess.run([sys.executable, "-c", code + "    print(day.cost > 0, auction.status, sharing.method)\n"],
                              cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(PYTHON)))
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("OPTIMAL 0.9783333333333337", done.stdout)
        self.assertTrue(done.stdout.rstrip().endswith("True CLEARED shapley"), done.stdout)

    def test_the_example_reproduces_the_readmes_auction_table(self):
        done = subprocess.run([sys.executable, str(PYTHON / "examples" / "auction_vs_optimum.py")], capture_output=True,
                              text=True)
        self.assertEqual(done.returncode, 0, done.stderr)
        readme = README.read_text(encoding="utf-8")
        theirs = markdown_table(readme, HEADER)
        ours = markdown_table(done.stdout, HEADER)
        self.assertEqual(len(theirs), 6, "K = 1 .. 32")
        self.assertEqual(differences(theirs, ours), [])
        optimum = re.search(r"optimum (\d+\.\d+) EUR by `qp`", readme).group(1)
        self.assertIn(f"optimum {optimum} EUR by qp", done.stdout)

    def test_the_comparison_finds_a_changed_cell(self):
        readme = [["1", "24.53 %", "24.56 %", "32.03 %"], ["8", "0.354 %", "0.385 %", "9.84 %"]]
        self.assertEqual(differences(readme, [r[:] for r in readme]), [])
        self.assertEqual(differences(readme, [["1", "24.53 %", "24.56 %", "32.03 %"], ["8", "0.354 %", "0.3861 %", "9.84 %"]]),
                         ["K = 8, column 2: README 0.385 %, example 0.3861 %"])
        self.assertEqual(differences(readme, [readme[0]]), ["K = 8: missing from the example"])


if __name__ == "__main__":
    unittest.main()
