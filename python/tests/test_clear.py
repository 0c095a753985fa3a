"""Clearing through the package: the README's example against the CLI's own file and the
README's printed numbers, a market built in Python against its analytic solution, a horizon."""
from __future__ import annotations

import re
import unittest

from support import EXAMPLE, README, SOLVER_TOLERANCE, cli_json, pc, SessionTestCase


class ClearTest(SessionTestCase):
    def test_the_readme_example_gives_the_clis_own_result_and_the_readmes_numbers(self):
        r = self.session.clear(pc.Case.load(EXAMPLE))
        own = cli_json("clear", EXAMPLE)
        self.assertEqual(r.status, pc.Status.OPTIMAL)
        self.assertEqual(r.status, own["status"])
        self.assertEqual(r.welfare, own["welfare"])
        self.assertEqual([(a.id, a.p, a.price) for a in r.agents], [(a["id"], a["p"], a["price"]) for a in own["agents"]])
        self.assertEqual([(t.from_, t.to, t.quantity, t.price) for t in r.trades],
                         [(t["from"], t["to"], t["quantity"], t["price"]) for t in own["trades"]])
        self.assertEqual(len(r.buses), 33, "case33bw's buses")
        self.assertEqual(r.units, pc.Units("kW", "EUR", 1.0))

        # README, Quick start: the summary `./peerclear example` prints, to its 6 decimals.
        readme = README.read_text(encoding="utf-8")
        block = readme[readme.index("Market three-houses: OPTIMAL"):]
        block = block[:block.index("```")]
        self.assertEqual(f"{r.welfare:.6f}", re.search(r"welfare (\S+) EUR per", block).group(1))
        agents = re.findall(r"^  (h\d|m\d)\s+(-?\d+\.\d{6})\s+(-?\d+\.\d{6})$", block, re.M)
        self.assertEqual(len(agents), 4)
        for agent_id, p, price in agents:
            a = r.agent(agent_id)
            self.assertEqual((f"{a.p:.6f}", f"{a.price:.6f}"), (p, price), agent_id)
        trades = re.findall(r"^  (\w+)\s+(\w+)\s+(-?\d+\.\d{6})\s+(-?\d+\.\d{6})$", block, re.M)
        self.assertEqual(len(trades), 3)
        sold = {(t.from_, t.to): t for t in r.trades}
        for seller, buyer, quantity, price in trades:
            t = sold[seller, buyer]
            self.assertEqual((f"{t.quantity:.6f}", f"{t.price:.6f}"), (quantity, price), f"{seller}->{buyer}")
        self.assertEqual(r.agent("grid").price, None, "the grid does not trade: no price")

    def test_a_market_built_in_python_clears_to_its_analytic_solution(self):
        # One producer (cost ½·a1·p² + b1·p) and one consumer (utility b2·d − ½·a2·d²), no fee:
        # both at the price λ where a1·p1 + b1 = λ = a2·p2 + b2 and p1 + p2 = 0.
        a1, b1, a2, b2 = 0.02, 0.10, 0.04, 0.40
        case = pc.Case.build("two", [pc.Agent("gen", [pc.Asset("gen.g", 0, 10, a1, b1)]),
                                     pc.Agent("home", [pc.Asset("home.load", -10, 0, a2, b2)])])
        self.assertEqual(case.version, 1)
        price = (a2 * b1 + a1 * b2) / (a1 + a2)
        p1 = (price - b1) / a1
        welfare = -(0.5 * a1 * p1 ** 2 + b1 * p1 + 0.5 * a2 * p1 ** 2 - b2 * p1)
        for method in ("qp", "admm"):
            r = self.session.clear(case, method, eps=1e-9) if method == "admm" else self.session.clear(case, method)
            self.assertTrue(r.status.has_solution, r.message)
            self.assertAlmostEqual(r.agent("gen").p, p1, delta=SOLVER_TOLERANCE * 10)
            self.assertAlmostEqual(r.agent("home").p, -p1, delta=SOLVER_TOLERANCE * 10)
            self.assertAlmostEqual(r.agent("gen").price, price, delta=SOLVER_TOLERANCE)
            self.assertAlmostEqual(r.welfare, welfare, delta=SOLVER_TOLERANCE)
            self.assertEqual(r.method, method)

    def test_a_horizon_gives_one_value_per_period_and_a_storage_moves_energy_to_the_dear_period(self):
        # Version 2, built in Python: a battery, a load and the grid, dear in period 1.
        case = pc.Case.build(
            "evening", [pc.Agent("home", [pc.Asset("home.load", -2, -2),
                                          pc.Storage("home.bat", energy_max=4, energy_initial=0, charge_max=2,
                                                     discharge_max=2)])],
            grid=pc.Grid(import_price=[0.10, 0.40], export_price=0.0), periods=2)
        self.assertEqual(case.version, 2)
        r = self.session.clear(case)
        self.assertEqual(r.status, pc.Status.OPTIMAL, r.message)
        self.assertEqual(r.periods, 2)
        battery = next(a for a in r.assets if a.id == "home.bat")
        # Cheapest: buy 4 in period 0 (2 for the load, 2 into the battery), use the battery in period 1.
        self.assertAlmostEqual(battery.p[0], -2, delta=SOLVER_TOLERANCE * 10)
        self.assertAlmostEqual(battery.p[1], 2, delta=SOLVER_TOLERANCE * 10)
        self.assertEqual(len(battery.energy), 3, "T + 1 energies")
        self.assertAlmostEqual(r.welfare, -(0.10 * 4), delta=SOLVER_TOLERANCE)

    def test_a_non_optimal_status_is_a_status_not_an_exception(self):
        case = pc.Case.build("short", [pc.Agent("home", [pc.Asset("home.load", -5, -5)]),
                                       pc.Agent("gen", [pc.Asset("gen.g", 0, 1, 0.1, 0.1)])])
        r = self.session.clear(case)
        self.assertEqual(r.status, pc.Status.INFEASIBLE)
        self.assertFalse(r.status.has_solution)
        self.assertIn("home", r.message)


if __name__ == "__main__":
    unittest.main()
