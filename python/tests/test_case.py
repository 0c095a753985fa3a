"""Cases in Python: loading, building, saving (with the files a case refers to)."""
from __future__ import annotations

import json
import tempfile
import unittest
from pathlib import Path

from support import EXAMPLE, HOUSEHOLD_DAY, pc


class CaseTest(unittest.TestCase):
    def test_a_loaded_case_saved_elsewhere_still_finds_its_profiles(self):
        case = pc.Case.load(HOUSEHOLD_DAY)
        self.assertEqual((case.version, case.periods, case.name), (2, 24, "household-day"))
        self.assertEqual(case.data["profiles"], "household-day.csv")
        with tempfile.TemporaryDirectory() as d:
            saved = json.loads(case.save(Path(d) / "copy.json").read_text(encoding="utf-8"))
        self.assertEqual(saved["profiles"], str(HOUSEHOLD_DAY.parent / "household-day.csv"))
        self.assertTrue(Path(saved["profiles"]).is_file())
        self.assertEqual(case.data["profiles"], "household-day.csv", "the case itself is unchanged")
        self.assertEqual(json.loads(case.to_json(HOUSEHOLD_DAY.parent))["profiles"], "household-day.csv",
                         "beside its source it stays relative")

    def test_an_embedded_feeder_name_is_not_taken_for_a_file(self):
        case = pc.Case.load(EXAMPLE)
        with tempfile.TemporaryDirectory() as d:
            saved = json.loads(case.save(Path(d) / "c.json").read_text(encoding="utf-8"))
        self.assertEqual(saved["network"]["case"], "case33bw")

    def test_a_built_case_is_the_json_of_the_format_and_its_version_is_the_one_it_needs(self):
        houses = pc.Case.load(EXAMPLE).data
        built = pc.Case.build(
            "three-houses",
            [pc.Agent("h1", [pc.Asset("h1.pv", 0.0, 4.0, 0.0, 0.0), pc.Asset("h1.load", -3.0, -1.0, 0.05, 0.30)],
                      bus="18", class_="green"),
             pc.Agent("h2", [pc.Asset("h2.load", -5.0, 0.0, 0.04, 0.28)], bus="25"),
             pc.Agent("h3", [pc.Asset("h3.gen", 0.0, 6.0, 0.02, 0.10)], bus="33", class_="fossil"),
             pc.Agent("m1")],
            trades=pc.Trades("complete", 0.01, [pc.Arc("h2", "h3", 0.03)]),
            communities=[pc.Community("C1", "m1", ["h1", "h2"])],
            grid=pc.Grid(0.35, 0.05, bus="1"),
            network=pc.Network("case33bw", houses["network"]["vMin"], houses["network"]["vMax"]))
        self.assertEqual(built.data, houses, "the README's example, built in Python")
        self.assertEqual(built.version, 1)
        for needs_2 in ([pc.Agent("a", [pc.Storage("a.b", 4, 0, 1, 1)])],
                        [pc.Agent("a", [pc.Asset("a.g", 0, [1, 2])])],
                        [pc.Agent("a", [pc.Asset("a.g", 0, pc.Profile("pv"))])]):
            self.assertEqual(pc.Case.build("x", needs_2).version, 2)

    def test_from_dict_copies(self):
        d = pc.Case.load(EXAMPLE).to_dict()
        case = pc.Case.from_dict(d)
        d["name"] = "changed"
        self.assertEqual(case.name, "three-houses")


if __name__ == "__main__":
    unittest.main()
