"""simulate through the package: a version-2 day whose profiles are in a CSV beside the case."""
from __future__ import annotations

import csv
import json
import tempfile
import unittest
from collections import defaultdict
from pathlib import Path

from support import HOUSEHOLD_DAY, SOLVER_TOLERANCE, cli, pc


class SimulateTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with pc.Session() as s:
            # A loaded case is written into the session's folder: its relative profiles path must follow.
            cls.sim = s.simulate(pc.Case.load(HOUSEHOLD_DAY), window=6, step=4)

    def test_the_same_rows_as_the_command_line_writes(self):
        with tempfile.TemporaryDirectory() as d:
            done = cli("simulate", HOUSEHOLD_DAY, "--window", 6, "--step", 4, "--out", d)
            self.assertEqual(done.returncode, 0, done.stderr)
            summary = json.loads((Path(d) / "summary.json").read_text(encoding="utf-8"))
            with (Path(d) / "agents.csv").open(newline="") as f:
                agents = [(int(r["period"]), r["agent"], float(r["p"])) for r in csv.DictReader(f)]
            with (Path(d) / "assets.csv").open(newline="") as f:
                assets = [(int(r["period"]), r["asset"], float(r["p"]), float(r["energy"]) if r["energy"] else None)
                          for r in csv.DictReader(f)]
        self.assertEqual(self.sim.cost, summary["cost"])
        self.assertEqual([(w.start, w.committed, w.status.value) for w in self.sim.windows],
                         [(w["start"], w["committed"], w["status"]) for w in summary["windows"]])
        self.assertEqual([(r.period, r.agent, r.p) for r in self.sim.agents], agents)
        self.assertEqual([(r.period, r.asset, r.p, r.energy) for r in self.sim.assets], assets)

    def test_windows_commit_the_day_once_and_the_rows_keep_the_case_physics(self):
        self.assertEqual((self.sim.start, self.sim.end, self.sim.window, self.sim.step), (0, 24, 6, 4))
        starts = [w.start for w in self.sim.windows]
        self.assertEqual(starts, list(range(0, 24, 4)))
        self.assertEqual(sum(w.committed for w in self.sim.windows), 24)
        self.assertTrue(all(w.status == pc.Status.OPTIMAL for w in self.sim.windows))
        # An agent's p is the sum of its assets' (ids are AGENT.asset in this case).
        per_agent = defaultdict(float)
        for r in self.sim.assets:
            per_agent[r.period, r.asset.split(".")[0]] += r.p
        for r in self.sim.agents:
            self.assertAlmostEqual(r.p, per_agent[r.period, r.agent], delta=SOLVER_TOLERANCE)
        # The battery's energy after each period follows market-case-v2.md from its net power
        # (charging p < 0 stores η·|p|, discharging p > 0 takes p/η; efficiencies 0.95, 1 h periods).
        case = pc.Case.load(HOUSEHOLD_DAY).data
        spec = next(s for a in case["agents"] for s in a["assets"] if s["id"] == "home.bat")
        energy = spec["energyInitial"]
        battery = [r for r in self.sim.assets if r.asset == "home.bat"]
        self.assertEqual([r.period for r in battery], list(range(24)))
        for r in battery:
            energy += -r.p * spec["chargeEfficiency"] if r.p < 0 else -r.p / spec["dischargeEfficiency"]
            self.assertAlmostEqual(r.energy, energy, delta=1e-6)
            self.assertGreaterEqual(r.energy, -1e-6)
            self.assertLessEqual(r.energy, spec["energyMax"] + 1e-6)
        self.assertEqual(len(self.sim.prices), len(self.sim.agents))

    def test_without_pandas_a_frame_says_what_to_do_and_with_it_the_frames_hold_the_rows(self):
        try:
            import pandas
        except ImportError:
            with self.assertRaisesRegex(ImportError, "pip install pandas"):
                self.sim.assets_frame()
            return
        assets = self.sim.assets_frame()
        self.assertIsInstance(assets, pandas.DataFrame)
        self.assertEqual(list(assets.columns), ["period", "asset", "p", "energy"])
        self.assertEqual(list(assets["p"]), [r.p for r in self.sim.assets])
        self.assertEqual(len(self.sim.agents_frame()), len(self.sim.agents))
        self.assertEqual(list(self.sim.prices_frame().columns), ["period", "agent", "price"])
        self.assertEqual(len(self.sim.voltages_frame()), 0, "no network")


if __name__ == "__main__":
    unittest.main()
