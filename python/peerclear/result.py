"""The result of clearing a market case, as ``clear`` writes it (docs/market-case.md, "Result").

Units and signs (docs/market-case.md, "Conventions"): powers ``p`` and trade quantities are in
the case's power unit (``units.power``, e.g. kW); ``p > 0`` injects (generation, a sale),
``p < 0`` withdraws (consumption, a purchase). Prices are currency (``units.currency``) per unit
of power for one period of ``units.period_hours`` hours. ``welfare = -objective``, the total over
all periods; the objective is the total cost: assets' ``½·a·p² + b·p`` plus the trade fees
``gamma·|t|``. In a result over several periods (``periods > 1``) every per-agent, per-asset,
per-trade and per-bus number is a list with one entry per period (``energy`` has T + 1).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Union

from .frames import frame

#: A number of a one-period result, or the list of one number per period of a horizon's
#: (``None`` where the CLI writes null: e.g. the price of an agent that has none).
PerPeriod = Union[float, None, List[Optional[float]]]


class Status(str, enum.Enum):
    """What a clearing's result is (docs/market-case.md, "Statuses"). Not an exception: an
    infeasible market is a fact about the market. Compares equal to its name as a string."""
    OPTIMAL = "OPTIMAL"
    """The optimality certificate holds."""
    FEASIBLE = "FEASIBLE"
    """Primal feasible within tolerance, optimality not certified (the message says why)."""
    TIME_LIMIT = "TIME_LIMIT"
    """Stopped at the time limit with the best point found."""
    INFEASIBLE = "INFEASIBLE"
    """No point: the message gives the reason."""
    UNBOUNDED = "UNBOUNDED"
    """No optimum: the message names the agents and the path."""
    NOT_CONVERGED = "NOT_CONVERGED"
    """ADMM stopped without a feasible point within tolerance."""
    NUMERICAL_ERROR = "NUMERICAL_ERROR"
    """A solver's point that is not feasible within tolerance."""
    ERROR = "ERROR"
    """An internal failure, with its cause."""

    @property
    def has_solution(self) -> bool:
        """Whether the result carries a point (OPTIMAL, FEASIBLE, TIME_LIMIT)."""
        return self in (Status.OPTIMAL, Status.FEASIBLE, Status.TIME_LIMIT)

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Units:
    """The case's units: ``power`` (e.g. kW), ``currency`` (e.g. EUR), ``period_hours`` (hours per period)."""
    power: str
    currency: str
    period_hours: float

    @staticmethod
    def of(d: Optional[Dict[str, Any]]) -> "Units":
        d = d or {}
        return Units(d.get("power", "kW"), d.get("currency", "EUR"), float(d.get("periodHours", 1.0)))


@dataclass(frozen=True)
class AgentResult:
    """An agent's net injection ``p`` (sum of its assets; > 0 sells) and its price ``price``
    (currency per unit of power and period: its marginal cost of one more unit of demand; None
    where it has none, e.g. a grid that does not trade). For the agent ``grid``,
    ``import_price``/``export_price`` are the prices it sold/bought at (None if it did not)."""
    id: str
    p: PerPeriod
    price: PerPeriod
    import_price: PerPeriod = None
    export_price: PerPeriod = None


@dataclass(frozen=True)
class AssetResult:
    """An asset's injection ``p`` (> 0 generates, < 0 consumes); for storage and EVs also
    ``energy`` (T + 1 values, energy unit = power unit × hours), ``charge`` and ``discharge``."""
    id: str
    p: PerPeriod
    energy: Optional[List[Optional[float]]] = None
    charge: Optional[List[Optional[float]]] = None
    discharge: Optional[List[Optional[float]]] = None


@dataclass(frozen=True)
class TradeResult:
    """A directed trade: ``quantity`` is what ``from_`` sells to ``to`` (< 0: it buys), at the
    bilateral price ``price`` (lambda). Every trading pair appears in both directions."""
    from_: str
    to: str
    quantity: PerPeriod
    price: PerPeriod


@dataclass(frozen=True)
class BusResult:
    """A feeder bus: AC voltage magnitude ``vm`` and the LinDistFlow ``vm_linear`` the market was
    cleared with (per unit), and the network's price at the bus (currency per unit of power)."""
    id: str
    vm: PerPeriod
    vm_linear: PerPeriod = None
    price: PerPeriod = None


@dataclass(frozen=True)
class BranchResult:
    """A feeder branch: flows ``p`` (kW) and ``q`` (kvar) at the sending end, and its ``loss`` (kW)."""
    from_: str
    to: str
    p: PerPeriod
    q: PerPeriod
    loss: PerPeriod


@dataclass
class Result:
    """The result of ``Session.clear``: every field of the CLI's result file, typed; ``raw`` is
    the file's JSON as read (sections not typed here, e.g. ``convergence``, ``lossAllocation``)."""
    market: str
    status: Status
    message: str
    objective: Optional[float]
    welfare: Optional[float]
    method: str
    solver: str
    seconds: float
    periods: int
    units: Units
    agents: List[AgentResult]
    assets: List[AssetResult]
    trades: List[TradeResult]
    buses: List[BusResult] = field(default_factory=list)
    branches: List[BranchResult] = field(default_factory=list)
    losses: PerPeriod = None
    iterations: Optional[int] = None
    primal_residual: Optional[float] = None
    dual_residual: Optional[float] = None
    network: Dict[str, Any] = field(default_factory=dict)
    options: Dict[str, str] = field(default_factory=dict)
    notes: List[str] = field(default_factory=list)
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @staticmethod
    def from_json(d: Dict[str, Any]) -> "Result":
        """Reads a result file's JSON (``clear --out``)."""
        return Result(
            market=d.get("market", ""),
            status=Status(d["status"]),
            message=d.get("message", ""),
            objective=d.get("objective"),
            welfare=d.get("welfare"),
            method=d.get("method", ""),
            solver=d.get("solver", ""),
            seconds=float(d.get("seconds", 0.0)),
            periods=int(d.get("periods", 1)),
            units=Units.of(d.get("units")),
            agents=[AgentResult(a["id"], a.get("p"), a.get("price"), a.get("importPrice"), a.get("exportPrice"))
                    for a in d.get("agents", [])],
            assets=[AssetResult(a["id"], a.get("p"), a.get("energy"), a.get("charge"), a.get("discharge"))
                    for a in d.get("assets", [])],
            trades=[TradeResult(t["from"], t["to"], t.get("quantity"), t.get("price")) for t in d.get("trades", [])],
            buses=[BusResult(b["id"], b.get("vm"), b.get("vmLinear"), b.get("price")) for b in d.get("buses", [])],
            branches=[BranchResult(b["from"], b["to"], b.get("p"), b.get("q"), b.get("loss")) for b in d.get("branches", [])],
            losses=d.get("losses"),
            iterations=d.get("iterations"),
            primal_residual=d.get("primalResidual"),
            dual_residual=d.get("dualResidual"),
            network=dict(d.get("network", {})),
            options=dict(d.get("options", {})),
            notes=list(d.get("notes", [])),
            raw=d,
        )

    def agent(self, id: str) -> AgentResult:
        """The agent ``id`` (KeyError naming it if the result has none)."""
        for a in self.agents:
            if a.id == id:
                return a
        raise KeyError(f"no agent {id!r} in the result of {self.market!r}")

    # ---- tables: one row per item (and period), with the CLI's CSV column names ----

    def _rows(self, items: List[Any], columns: Dict[str, str]) -> List[Dict[str, Any]]:
        """Rows of ``items``: ``columns`` maps a column name to the attribute; per-period
        attributes are spread over one row per period (with a ``period`` column) when the result
        has several periods."""
        rows = []
        for item in items:
            values = {c: getattr(item, a) for c, a in columns.items()}
            if self.periods == 1:
                rows.append(values)
                continue
            for t in range(self.periods):
                row: Dict[str, Any] = {"period": t}
                for c, v in values.items():
                    row[c] = v[t] if isinstance(v, list) else v
                rows.append(row)
        return rows

    def _columns(self, columns: Dict[str, str]) -> List[str]:
        return (["period"] if self.periods > 1 else []) + list(columns)

    _AGENTS = {"id": "id", "p": "p", "price": "price", "importPrice": "import_price", "exportPrice": "export_price"}
    _ASSETS = {"id": "id", "p": "p"}
    _TRADES = {"from": "from_", "to": "to", "quantity": "quantity", "price": "price"}
    _BUSES = {"id": "id", "vm": "vm", "vmLinear": "vm_linear", "price": "price"}
    _BRANCHES = {"from": "from_", "to": "to", "p": "p", "q": "q", "loss": "loss"}

    def agents_frame(self):
        """Agents as a pandas DataFrame: ``id, p, price, importPrice, exportPrice`` (with ``period`` first over several periods)."""
        return frame(self._rows(self.agents, self._AGENTS), self._columns(self._AGENTS))

    def assets_frame(self):
        """Assets as a pandas DataFrame: ``id, p`` (with ``period`` first over several periods)."""
        return frame(self._rows(self.assets, self._ASSETS), self._columns(self._ASSETS))

    def trades_frame(self):
        """Trades as a pandas DataFrame: ``from, to, quantity, price`` (with ``period`` first over several periods)."""
        return frame(self._rows(self.trades, self._TRADES), self._columns(self._TRADES))

    def buses_frame(self):
        """Buses as a pandas DataFrame: ``id, vm, vmLinear, price`` (empty without a network)."""
        return frame(self._rows(self.buses, self._BUSES), self._columns(self._BUSES))

    def branches_frame(self):
        """Branches as a pandas DataFrame: ``from, to, p, q, loss`` (empty without a network)."""
        return frame(self._rows(self.branches, self._BRANCHES), self._columns(self._BRANCHES))
