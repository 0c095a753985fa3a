"""Data frames: pandas where it imports, a clear ImportError where it does not."""
from __future__ import annotations

import unittest
from unittest import mock

from support import EXAMPLE, pc

try:
    import pandas  # noqa: F401
    HAVE_PANDAS = True
except ImportError:
    HAVE_PANDAS = False


class FramesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with pc.Session() as s:
            cls.result = s.clear(pc.Case.load(EXAMPLE))
            cls.horizon = s.clear(pc.Case.build(
                "two", [pc.Agent("home", [pc.Asset("home.load", [-1, -2], [-1, -2])])],
                grid=pc.Grid(import_price=[0.2, 0.3], export_price=0.0), periods=2))
            cls.sharing = s.share(EXAMPLE)

    def test_without_pandas_a_frame_is_an_import_error_that_says_what_to_do(self):
        with mock.patch.dict("sys.modules", {"pandas": None}):
            for make in (self.result.agents_frame, self.result.trades_frame, self.sharing.allocations_frame):
                with self.assertRaises(ImportError) as e:
                    make()
                self.assertIn("pip install pandas", str(e.exception))
                self.assertIn("result.agents", str(e.exception))

    @unittest.skipUnless(HAVE_PANDAS, "pandas does not import here")
    def test_frames_hold_the_objects_numbers_with_the_csv_column_names(self):
        agents = self.result.agents_frame()
        self.assertEqual(list(agents.columns), ["id", "p", "price", "importPrice", "exportPrice"])
        self.assertEqual(list(agents["id"]), [a.id for a in self.result.agents])
        self.assertEqual(list(agents["p"]), [a.p for a in self.result.agents])
        self.assertTrue(pandas.isna(agents.set_index("id").loc["grid", "price"]))
        trades = self.result.trades_frame()
        self.assertEqual(list(trades.columns), ["from", "to", "quantity", "price"])
        self.assertEqual(len(trades), len(self.result.trades))
        self.assertEqual(len(self.result.buses_frame()), 33)
        allocations = self.sharing.allocations_frame()
        self.assertAlmostEqual(allocations["value"].sum(), self.sharing.grand_coalition_savings, delta=1e-12)

    @unittest.skipUnless(HAVE_PANDAS, "pandas does not import here")
    def test_a_horizons_frames_have_a_row_per_period(self):
        agents = self.horizon.agents_frame()
        self.assertEqual(list(agents.columns), ["period", "id", "p", "price", "importPrice", "exportPrice"])
        home = agents[agents["id"] == "home"]
        self.assertEqual(list(home["period"]), [0, 1])
        self.assertEqual(list(home["p"]), self.horizon.agent("home").p)


if __name__ == "__main__":
    unittest.main()
