"""The result of ``Session.auction``: a double auction (docs/auctions.md, orders.md "Result").

Quantities in the order file's (or case's) power unit, prices in currency per unit of power for
one period. ``welfare`` is the auction's own (limit prices, the auctioneer's ``surplus``
included); ``true_welfare`` (an auction of a market case only) is the fills valued on the
assets' real cost curves, comparable with a clearing's welfare on a case without fees.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from .frames import frame


class AuctionStatus(str, enum.Enum):
    """``CLEARED``, or ``NO_TRADE`` when no bid meets an ask (a fact of the market, not an error)."""
    CLEARED = "CLEARED"
    NO_TRADE = "NO_TRADE"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Fill:
    """What an order traded: ``quantity`` (> 0) on its ``side`` (``buy`` or ``sell``) at ``price``."""
    order: str
    agent: str
    side: str
    quantity: float
    price: Optional[float]


@dataclass(frozen=True)
class AuctionTrade:
    """A matched pair: ``quantity`` from the sell order to the buy order at ``price``, at ``time``."""
    buy_order: str
    sell_order: str
    quantity: float
    price: Optional[float]
    time: Optional[float]


@dataclass
class AuctionResult:
    """One auction (one period of a case). ``true_welfare``: an auction of a market case only, the
    result's ``trueWelfare`` (None for an order file)."""
    status: AuctionStatus
    mechanism: str
    price: Optional[float]
    buy_price: Optional[float]
    sell_price: Optional[float]
    fills: List[Fill]
    trades: List[AuctionTrade]
    volume: float
    surplus: float
    welfare: float
    rejected: List[Dict[str, Any]] = field(default_factory=list)
    options: Dict[str, str] = field(default_factory=dict)
    notes: List[str] = field(default_factory=list)
    true_welfare: Optional[float] = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @staticmethod
    def from_json(d: Dict[str, Any]) -> "AuctionResult":
        return AuctionResult(
            status=AuctionStatus(d["status"]),
            mechanism=d.get("mechanism", ""),
            price=d.get("price"),
            buy_price=d.get("buyPrice"),
            sell_price=d.get("sellPrice"),
            fills=[Fill(f["order"], f["agent"], f["side"], float(f["quantity"]), f.get("price")) for f in d.get("fills", [])],
            trades=[AuctionTrade(t["buyOrder"], t["sellOrder"], float(t["quantity"]), t.get("price"), t.get("time"))
                    for t in d.get("trades", [])],
            volume=float(d.get("volume", 0.0)),
            surplus=float(d.get("surplus", 0.0)),
            welfare=float(d.get("welfare", 0.0)),
            rejected=list(d.get("rejected", [])),
            options=dict(d.get("options", {})),
            notes=list(d.get("notes", [])),
            true_welfare=d.get("trueWelfare"),
            raw=d,
        )

    def fills_frame(self):
        """Fills as a pandas DataFrame: ``order, agent, side, quantity, price``."""
        return frame(({"order": f.order, "agent": f.agent, "side": f.side, "quantity": f.quantity, "price": f.price}
                      for f in self.fills), ["order", "agent", "side", "quantity", "price"])

    def trades_frame(self):
        """Matched pairs as a pandas DataFrame: ``buyOrder, sellOrder, quantity, price, time``."""
        return frame(({"buyOrder": t.buy_order, "sellOrder": t.sell_order, "quantity": t.quantity, "price": t.price,
                       "time": t.time} for t in self.trades), ["buyOrder", "sellOrder", "quantity", "price", "time"])
