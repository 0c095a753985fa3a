"""The result of ``Session.share``: a community's savings divided among its members (docs/cli.md, "share").

Values in currency. A coalition's cost is its clearing's objective with only its members
trading among themselves (and the grid); ``grand_coalition_savings`` = v(N) = Σ c({i}) − c(N),
and the allocations sum to it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from .frames import frame


@dataclass(frozen=True)
class Allocation:
    """A player's share ``value`` of the savings (currency); ``standard_error`` for sampled methods."""
    agent: str
    value: float
    standard_error: Optional[float] = None


@dataclass
class Sharing:
    """``status`` is ``OK``; ``in_core`` is None when the core was not checked exactly."""
    status: str
    method: str
    grand_coalition_savings: float
    allocations: List[Allocation]
    in_core: Optional[bool] = None
    samples: Optional[int] = None
    seconds: float = 0.0
    notes: List[str] = field(default_factory=list)
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @staticmethod
    def from_json(d: Dict[str, Any]) -> "Sharing":
        return Sharing(
            status=d.get("status", ""),
            method=d.get("method", ""),
            grand_coalition_savings=float(d["grandCoalitionSavings"]),
            allocations=[Allocation(a["agent"], float(a["value"]), a.get("standardError")) for a in d.get("allocations", [])],
            in_core=d.get("inCore"),
            samples=d.get("samples"),
            seconds=float(d.get("seconds", 0.0)),
            notes=list(d.get("notes", [])),
            raw=d,
        )

    def allocation(self, agent: str) -> float:
        """The share of ``agent`` (KeyError naming it if it is not a player)."""
        for a in self.allocations:
            if a.agent == agent:
                return a.value
        raise KeyError(f"{agent!r} is not a player of this sharing")

    def allocations_frame(self):
        """Allocations as a pandas DataFrame: ``agent, value, standardError``."""
        return frame(({"agent": a.agent, "value": a.value, "standardError": a.standard_error} for a in self.allocations),
                     ["agent", "value", "standardError"])
