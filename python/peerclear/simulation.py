"""The result of ``Session.simulate``: a long horizon cleared one window at a time (docs/cli.md,
"simulate"), read from the ``summary.json`` and CSV files the command writes.

Units as in a clearing's result: powers in the case's power unit (``p > 0`` injects), prices in
currency per unit of power for one period, energies in power unit × hours, voltages in per unit.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

from .frames import frame
from .result import Status


@dataclass(frozen=True)
class Window:
    """One window: its first period ``start``, the periods it ``committed``, its ``status``,
    whether it was ``relaxed`` (cleared again without end conditions), its ``seconds`` and ``message``."""
    start: int
    committed: int
    status: Status
    relaxed: bool
    seconds: float
    message: str


@dataclass(frozen=True)
class AgentPower:
    """``agents.csv``: an agent's net injection ``p`` in a committed ``period``."""
    period: int
    agent: str
    p: Optional[float]


@dataclass(frozen=True)
class AgentPrice:
    """``prices.csv``: an agent's price in a committed ``period`` (None where it has none)."""
    period: int
    agent: str
    price: Optional[float]


@dataclass(frozen=True)
class AssetPower:
    """``assets.csv``: an asset's injection ``p`` in a committed ``period``, and for stores the
    ``energy`` after the period (None for other assets)."""
    period: int
    asset: str
    p: Optional[float]
    energy: Optional[float]


@dataclass(frozen=True)
class BusVoltage:
    """``voltages.csv`` (with a network): a bus's AC voltage ``vm`` of the committed dispatch and
    the LinDistFlow ``vm_linear`` it was cleared with, per unit."""
    period: int
    bus: str
    vm: Optional[float]
    vm_linear: Optional[float]


def _number(cell: str) -> Optional[float]:
    return float(cell) if cell != "" else None


def _read(path: Path) -> List[Dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@dataclass
class Simulation:
    """The summary (``cost``: the horizon problem's objective over the committed periods, in
    currency; ``windows``) and the time series of the committed periods."""
    market: str
    start: int
    end: int
    window: int
    step: int
    cost: Optional[float]
    seconds: float
    windows: List[Window]
    agents: List[AgentPower]
    prices: List[AgentPrice]
    assets: List[AssetPower]
    voltages: List[BusVoltage] = field(default_factory=list)
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @staticmethod
    def read(folder: Path) -> "Simulation":
        """Reads what ``simulate --out FOLDER`` wrote."""
        s = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
        return Simulation(
            market=s.get("market", ""),
            start=int(s.get("from", 0)),
            end=int(s.get("to", 0)),
            window=int(s.get("window", 0)),
            step=int(s.get("step", 0)),
            cost=s.get("cost"),
            seconds=float(s.get("seconds", 0.0)),
            windows=[Window(int(w["start"]), int(w["committed"]), Status(w["status"]), bool(w.get("relaxed", False)),
                            float(w.get("seconds", 0.0)), w.get("message", "")) for w in s.get("windows", [])],
            agents=[AgentPower(int(r["period"]), r["agent"], _number(r["p"])) for r in _read(folder / "agents.csv")],
            prices=[AgentPrice(int(r["period"]), r["agent"], _number(r["price"])) for r in _read(folder / "prices.csv")],
            assets=[AssetPower(int(r["period"]), r["asset"], _number(r["p"]), _number(r.get("energy", "")))
                    for r in _read(folder / "assets.csv")],
            voltages=[BusVoltage(int(r["period"]), r["bus"], _number(r["vm"]), _number(r.get("vmLinear", "")))
                      for r in _read(folder / "voltages.csv")],
            raw=s,
        )

    def agents_frame(self):
        """``agents.csv`` as a pandas DataFrame: ``period, agent, p``."""
        return frame(({"period": r.period, "agent": r.agent, "p": r.p} for r in self.agents), ["period", "agent", "p"])

    def prices_frame(self):
        """``prices.csv`` as a pandas DataFrame: ``period, agent, price``."""
        return frame(({"period": r.period, "agent": r.agent, "price": r.price} for r in self.prices),
                     ["period", "agent", "price"])

    def assets_frame(self):
        """``assets.csv`` as a pandas DataFrame: ``period, asset, p, energy``."""
        return frame(({"period": r.period, "asset": r.asset, "p": r.p, "energy": r.energy} for r in self.assets),
                     ["period", "asset", "p", "energy"])

    def voltages_frame(self):
        """``voltages.csv`` as a pandas DataFrame: ``period, bus, vm, vmLinear`` (empty without a network)."""
        return frame(({"period": r.period, "bus": r.bus, "vm": r.vm, "vmLinear": r.vm_linear} for r in self.voltages),
                     ["period", "bus", "vm", "vmLinear"])
