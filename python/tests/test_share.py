"""share through the package, against the Shapley value computed here from the definition with
one clearing per coalition (docs/cli.md, share: c(S) is the objective of S clearing alone with
the grid; v(S) = Σ c({i}) − c(S))."""
from __future__ import annotations

import itertools
import math
import unittest

from support import pc

AGENTS = [pc.Agent("g1", [pc.Asset("g1.pv", 0, 4, 0.02, 0.05)]),
          pc.Agent("g2", [pc.Asset("g2.pv", 0, 3, 0.04, 0.06)]),
          pc.Agent("c1", [pc.Asset("c1.load", -5, 0, 0.03, 0.40)]),
          pc.Agent("c2", [pc.Asset("c2.load", -3, 0, 0.05, 0.35)])]
TRADES = pc.Trades("complete", fee=0.001)
GRID = pc.Grid(import_price=0.30, export_price=0.04)


def market(members):
    return pc.Case.build("four", [a for a in AGENTS if a.id in members], trades=TRADES, grid=GRID)


class ShareTest(unittest.TestCase):
    def test_shapley_equals_the_definition_over_every_coalitions_clearing(self):
        players = [a.id for a in AGENTS]
        n = len(players)
        with pc.Session() as s:
            cost = {(): 0.0}
            for size in range(1, n + 1):
                for coalition in itertools.combinations(players, size):
                    r = s.clear(market(coalition), "qp")
                    self.assertEqual(r.status, pc.Status.OPTIMAL, coalition)
                    cost[coalition] = -r.welfare
            sharing = s.share(market(players), "shapley")

        def value(coalition):
            key = tuple(p for p in players if p in coalition)
            return sum(cost[(p,)] for p in key) - cost[key]

        grand = value(players)
        self.assertGreater(grand, 0, "trading among themselves saves the grid's spread")
        self.assertAlmostEqual(sharing.grand_coalition_savings, grand, delta=1e-9 * grand)
        for i in players:
            others = [p for p in players if p != i]
            shapley = sum(math.factorial(k) * math.factorial(n - k - 1) / math.factorial(n)
                          * (value(set(c) | {i}) - value(set(c)))
                          for k in range(n) for c in itertools.combinations(others, k))
            self.assertAlmostEqual(sharing.allocation(i), shapley, delta=1e-9 * grand, msg=i)
        self.assertAlmostEqual(sum(a.value for a in sharing.allocations), grand, delta=1e-9 * grand)
        self.assertEqual(sharing.method, "shapley")
        self.assertIsNotNone(sharing.in_core, "4 players: the core is checked exactly")

    def test_sampled_shapley_reports_its_samples_and_errors(self):
        with pc.Session() as s:
            sampled = s.share(market([a.id for a in AGENTS]), "shapley-sampled", samples=400, seed=3)
        self.assertGreaterEqual(sampled.samples, 400)
        self.assertTrue(all(a.standard_error is not None and a.standard_error >= 0 for a in sampled.allocations))


if __name__ == "__main__":
    unittest.main()
