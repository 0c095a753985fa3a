"""auction through the package: an order file built in Python, worked by hand from the rules."""
from __future__ import annotations

import unittest

from support import HOUSEHOLD_DAY, pc, SessionTestCase


def order(id, agent, side, quantity, price):
    return {"id": id, "agent": agent, "side": side, "quantity": quantity, "price": price}


class AuctionTest(SessionTestCase):
    # docs/auctions.md, uniform: bids 1@10 and 1@9, asks 1@1 and 1@20. One unit crosses; the
    # interval of clearing prices is [the marginal ask floored by the first excluded bid, the
    # marginal bid capped by the first excluded ask] = [max(1, 9), min(10, 20)].
    BOOK = {"format": "peerclear-orders", "version": 1, "units": {"power": "kW", "currency": "EUR", "periodHours": 1.0},
            "orders": [order("b1", "h1", "buy", 1.0, 10.0), order("b2", "h2", "buy", 1.0, 9.0),
                       order("s1", "h3", "sell", 1.0, 1.0), order("s2", "h4", "sell", 1.0, 20.0)]}

    def test_the_uniform_auction_trades_the_crossing_unit_at_the_middle_of_the_clearing_interval(self):
        low, high = max(1.0, 9.0), min(10.0, 20.0)
        for k in (0.5, 0.25):
            r = self.session.auction(self.BOOK, "uniform", options={"auction.k": k})
            self.assertEqual(r.status, pc.AuctionStatus.CLEARED)
            self.assertEqual(r.volume, 1.0)
            self.assertAlmostEqual(r.price, low + k * (high - low), delta=1e-12)
            self.assertEqual(sorted((f.order, f.side, f.quantity) for f in r.fills), [("b1", "buy", 1.0), ("s1", "sell", 1.0)])
            self.assertEqual(r.options["auction.k"], str(k))
            # orders.md: welfare = Σ buyers q·(limit − price) + Σ sellers q·(price − limit) + surplus.
            limits = {o["id"]: o["price"] for o in self.BOOK["orders"]}
            welfare = sum(f.quantity * ((limits[f.order] - f.price) if f.side == "buy" else (f.price - limits[f.order]))
                          for f in r.fills) + r.surplus
            self.assertAlmostEqual(r.welfare, welfare, delta=1e-12)
            self.assertIsNone(r.true_welfare, "an order file has no cost curves")

    def test_a_book_where_nothing_crosses_is_no_trade_not_an_error(self):
        book = dict(self.BOOK, orders=[order("b", "h1", "buy", 1.0, 1.0), order("s", "h2", "sell", 1.0, 2.0)])
        for mechanism in ("uniform", "huang", "cda"):
            r = self.session.auction(book, mechanism)
            self.assertEqual(r.status, pc.AuctionStatus.NO_TRADE, mechanism)
            self.assertEqual(r.fills, [])

    def test_an_auction_of_a_case_with_storage_is_refused_naming_the_asset(self):
        with self.assertRaises(pc.InvalidInputError) as e:
            self.session.auction(pc.Case.load(HOUSEHOLD_DAY), "uniform", steps=4)
        self.assertEqual(e.exception.exit_code, 2)
        self.assertIn("home.bat", e.exception.message)


if __name__ == "__main__":
    unittest.main()
