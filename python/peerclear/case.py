"""Market cases (docs/market-case.md; the shared spec's market-case.md, version 1, and
market-case-v2.md, version 2): load, build from Python, save.

A ``Case`` holds the case's JSON as a dict (``case.data``), exactly the file's fields. PeerClear
itself validates it when a command reads it, and a refusal comes back as ``InvalidInputError``
with the message naming the field, the agent or asset id and the rule.

Units and signs: powers (``pMin``, ``pMax``) in ``units.power`` (kW by default), ``p > 0``
injects (generation), ``p < 0`` withdraws (load); an asset costs ``½·a·p² + b·p`` per period
(a consumer with utility ``u·d − ½·k·d²`` is ``a = k, b = u``), so ``b`` is in currency per unit
of power and period; the ``gamma`` of the arc from n to m (``fee`` by default) adds
``gamma·|t_nm|`` to n's cost (currency per unit of power); energies (storage, EVs, shiftable
loads) in power unit × hours.
In version 2 a number may be a list of one value per period or a ``Profile``.
"""
from __future__ import annotations

import copy
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

#: The ``format`` field of every market case.
FORMAT = "peerclear-market"


@dataclass(frozen=True)
class Profile:
    """Version 2: a number per period from a column of the case's profiles CSV, times ``scale``."""
    profile: str
    scale: float = 1.0

    def to_json(self) -> Dict[str, Any]:
        return {"profile": self.profile, "scale": self.scale}


#: A number of a case: one value, or (version 2) one per period, or a profile.
Number = Union[float, int, Sequence[float], Profile]


def _number(v: Any) -> Any:
    if isinstance(v, Profile):
        return v.to_json()
    if isinstance(v, (list, tuple)):
        return [float(x) for x in v]
    return v


def _fields(pairs: Mapping[str, Any]) -> Dict[str, Any]:
    """The JSON object of the pairs that are set (None means absent)."""
    return {k: _number(v) for k, v in pairs.items() if v is not None}


@dataclass(frozen=True)
class Asset:
    """A flexible asset: ``p`` in ``[p_min, p_max]``, cost ``½·a·p² + b·p`` per period.
    Version 2 adds ``ramp_max`` (power per period), ``min_stable`` and ``block`` (integer rules, ``milp``)."""
    id: str
    p_min: Number
    p_max: Number
    a: Number = 0.0
    b: Number = 0.0
    ramp_max: Optional[Number] = None
    min_stable: Optional[float] = None
    block: Optional[bool] = None

    def to_json(self) -> Dict[str, Any]:
        return _fields({"id": self.id, "pMin": self.p_min, "pMax": self.p_max, "a": self.a, "b": self.b,
                        "rampMax": self.ramp_max, "minStable": self.min_stable, "block": self.block})


@dataclass(frozen=True)
class Storage:
    """Version 2: a battery. Energies in power unit × hours, ``charge_max``/``discharge_max`` in
    power, efficiencies in (0, 1], ``cycle_cost`` in currency per energy discharged."""
    id: str
    energy_max: float
    energy_initial: float
    charge_max: float
    discharge_max: float
    energy_min: Optional[float] = None
    energy_final: Optional[float] = None
    charge_efficiency: Optional[float] = None
    discharge_efficiency: Optional[float] = None
    cycle_cost: Optional[float] = None

    def to_json(self) -> Dict[str, Any]:
        return _fields({"id": self.id, "type": "storage", "energyMin": self.energy_min, "energyMax": self.energy_max,
                        "energyInitial": self.energy_initial, "energyFinal": self.energy_final,
                        "chargeMax": self.charge_max, "dischargeMax": self.discharge_max,
                        "chargeEfficiency": self.charge_efficiency, "dischargeEfficiency": self.discharge_efficiency,
                        "cycleCost": self.cycle_cost})


@dataclass(frozen=True)
class Ev:
    """Version 2: an electric vehicle connected for periods ``arrival <= t < departure``, holding
    ``energy_initial`` at arrival and at least ``energy_required`` at departure."""
    id: str
    energy_max: float
    energy_initial: float
    energy_required: float
    charge_max: float
    arrival: int
    departure: int
    discharge_max: Optional[float] = None
    charge_efficiency: Optional[float] = None
    discharge_efficiency: Optional[float] = None

    def to_json(self) -> Dict[str, Any]:
        return _fields({"id": self.id, "type": "ev", "energyMax": self.energy_max, "energyInitial": self.energy_initial,
                        "energyRequired": self.energy_required, "chargeMax": self.charge_max,
                        "dischargeMax": self.discharge_max, "chargeEfficiency": self.charge_efficiency,
                        "dischargeEfficiency": self.discharge_efficiency, "arrival": self.arrival,
                        "departure": self.departure})


@dataclass(frozen=True)
class Shiftable:
    """Version 2: a load that takes exactly ``energy`` within periods ``window_start <= t <
    window_end``, at most ``p_max`` (power, > 0) per period."""
    id: str
    energy: float
    p_max: float
    window_start: int
    window_end: int

    def to_json(self) -> Dict[str, Any]:
        return _fields({"id": self.id, "type": "shiftable", "energy": self.energy, "pMax": self.p_max,
                        "windowStart": self.window_start, "windowEnd": self.window_end})


AnyAsset = Union[Asset, Storage, Ev, Shiftable]


@dataclass(frozen=True)
class Agent:
    """An agent: its ``assets`` (none for a manager or pure trader), the ``bus`` it sits at (with
    a network), a product ``class_`` label, and (version 2) ``premiums`` by class."""
    id: str
    assets: Sequence[AnyAsset] = ()
    bus: Optional[str] = None
    class_: Optional[str] = None
    premiums: Optional[Mapping[str, float]] = None

    def to_json(self) -> Dict[str, Any]:
        d: Dict[str, Any] = {"id": self.id}
        if self.bus is not None:
            d["bus"] = self.bus
        if self.class_ is not None:
            d["class"] = self.class_
        d["assets"] = [a.to_json() for a in self.assets]
        if self.premiums is not None:
            d["premiums"] = dict(self.premiums)
        return d


@dataclass(frozen=True)
class Arc:
    """A directed override of the fee: ``gamma·|t|`` on ``from_``'s side of its trade with ``to``."""
    from_: str
    to: str
    gamma: Number

    def to_json(self) -> Dict[str, Any]:
        return {"from": self.from_, "to": self.to, "gamma": _number(self.gamma)}


@dataclass(frozen=True)
class Trades:
    """Who may trade: ``graph`` is ``"complete"``, ``"none"`` or a list of pairs; ``fee`` the
    default gamma on every arc; ``arcs`` directed overrides."""
    graph: Union[str, Sequence[Sequence[str]]] = "complete"
    fee: Number = 0.0
    arcs: Sequence[Arc] = ()
    min_quantity: Optional[float] = None

    def to_json(self) -> Dict[str, Any]:
        d: Dict[str, Any] = {"graph": self.graph if isinstance(self.graph, str) else [list(p) for p in self.graph],
                             "fee": _number(self.fee)}
        if self.arcs:
            d["arcs"] = [a.to_json() for a in self.arcs]
        if self.min_quantity is not None:
            d["minQuantity"] = self.min_quantity
        return d


@dataclass(frozen=True)
class Community:
    """Members trade only with their ``manager``; a pool is one community of every agent with assets."""
    id: str
    manager: str
    members: Sequence[str]

    def to_json(self) -> Dict[str, Any]:
        return {"id": self.id, "manager": self.manager, "members": list(self.members)}


@dataclass(frozen=True)
class Grid:
    """The upstream supplier (agent ``grid``): sells at ``import_price``, buys at ``export_price``
    (currency per unit of power and period), optionally limited to ``import_max``/``export_max``."""
    import_price: Number
    export_price: Number
    bus: Optional[str] = None
    import_max: Optional[Number] = None
    export_max: Optional[Number] = None

    def to_json(self) -> Dict[str, Any]:
        return _fields({"bus": self.bus, "importPrice": self.import_price, "exportPrice": self.export_price,
                        "importMax": self.import_max, "exportMax": self.export_max})


@dataclass(frozen=True)
class Network:
    """A feeder: an embedded name (``case33bw``) or a MATPOWER ``.m`` path, voltage limits in per
    unit; ``extra`` holds further fields as the format spells them (``ratings``, ``charges``, ``losses``, ...)."""
    case: str
    v_min: float
    v_max: float
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> Dict[str, Any]:
        d = {"case": self.case, "vMin": self.v_min, "vMax": self.v_max}
        d.update(self.extra)
        return d


class Case:
    """A market case: ``data`` is its JSON (a dict, as the file has it; change it freely),
    ``source`` the file it was loaded from, if any (relative paths in it, ``profiles`` and a
    ``network.case`` file, are resolved from there when the case is saved elsewhere)."""

    def __init__(self, data: Dict[str, Any], source: Optional[Path] = None):
        if not isinstance(data, dict):
            raise TypeError(f"a market case is a JSON object (dict), got {type(data).__name__}")
        if data.get("format") != FORMAT:
            raise ValueError(f"format: a market case has \"format\": \"{FORMAT}\", got {data.get('format')!r}")
        self.data = data
        self.source = source

    @classmethod
    def load(cls, path: Union[str, os.PathLike]) -> "Case":
        """Reads a case file (JSON; version 1 or 2)."""
        p = Path(path)
        with p.open(encoding="utf-8-sig") as f:
            return cls(json.load(f), p.resolve())

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Case":
        """A case from its JSON as a dict (copied)."""
        return cls(copy.deepcopy(dict(data)))

    @classmethod
    def build(cls, name: str, agents: Sequence[Agent], *, trades: Optional[Trades] = None, grid: Optional[Grid] = None,
              communities: Sequence[Community] = (), network: Optional[Network] = None, periods: Optional[int] = None,
              power: str = "kW", currency: str = "EUR", period_hours: float = 1.0,
              options: Optional[Mapping[str, Any]] = None, **more: Any) -> "Case":
        """A case from Python objects. The version is 2 when it needs it (``periods``, a typed
        asset, a list or profile for a number), else 1. ``more`` adds top-level fields as the
        format spells them (e.g. ``profiles="p.csv"``, ``classes={...}``)."""
        d: Dict[str, Any] = {"format": FORMAT, "version": 1, "name": name,
                             "units": {"power": power, "currency": currency, "periodHours": period_hours}}
        if periods is not None:
            d["periods"] = periods
        d["agents"] = [a.to_json() for a in agents]
        d["trades"] = (trades or Trades()).to_json()
        if communities:
            d["communities"] = [c.to_json() for c in communities]
        if grid is not None:
            d["grid"] = grid.to_json()
        if network is not None:
            d["network"] = network.to_json()
        if options:
            d["options"] = dict(options)
        d.update(more)
        if periods is not None or more or _needs_version_2(d):
            d["version"] = 2
        return cls(d)

    @property
    def name(self) -> str:
        return self.data.get("name", "")

    @property
    def version(self) -> int:
        return int(self.data.get("version", 1))

    @property
    def periods(self) -> int:
        """The number of periods (1 unless a version-2 case says otherwise)."""
        return int(self.data.get("periods", 1))

    @property
    def agent_ids(self) -> List[str]:
        return [a["id"] for a in self.data.get("agents", [])]

    def to_dict(self) -> Dict[str, Any]:
        """A copy of the case's JSON."""
        return copy.deepcopy(self.data)

    def to_json(self, folder: Optional[Path] = None) -> str:
        """The case as JSON text, with relative file references made absolute when it is written
        to another ``folder`` than the one it came from."""
        return json.dumps(self._for(folder), indent=2, ensure_ascii=False)

    def save(self, path: Union[str, os.PathLike]) -> Path:
        """Writes the case as JSON (UTF-8) to ``path``; returns the path."""
        p = Path(path)
        p.write_text(self.to_json(p.resolve().parent), encoding="utf-8")
        return p

    def _for(self, folder: Optional[Path]) -> Dict[str, Any]:
        if self.source is None or folder is None or self.source.parent == folder.resolve():
            return self.data
        d = dict(self.data)
        base = self.source.parent
        if isinstance(d.get("profiles"), str) and not Path(d["profiles"]).is_absolute():
            d["profiles"] = str(base / d["profiles"])
        net = d.get("network")
        if isinstance(net, dict) and isinstance(net.get("case"), str) and (base / net["case"]).is_file() \
                and not Path(net["case"]).is_absolute():
            d["network"] = dict(net, case=str(base / net["case"]))
        return d

    def __repr__(self) -> str:
        return f"Case({self.name!r}, version {self.version}, {len(self.agent_ids)} agents, {self.periods} periods)"


def _needs_version_2(d: Dict[str, Any]) -> bool:
    def per_period(v: Any) -> bool:
        return isinstance(v, (list, dict))

    for a in d["agents"]:
        if "premiums" in a:
            return True
        for s in a["assets"]:
            if "type" in s or any(per_period(s.get(k)) for k in ("pMin", "pMax", "a", "b")) \
                    or any(k in s for k in ("rampMax", "minStable", "block")):
                return True
    t = d["trades"]
    if per_period(t.get("fee")) or "minQuantity" in t or any(per_period(a.get("gamma")) for a in t.get("arcs", [])):
        return True
    g = d.get("grid", {})
    return any(per_period(g.get(k)) for k in ("importPrice", "exportPrice", "importMax", "exportMax")) \
        or "charges" in d.get("network", {}) or "losses" in d.get("network", {})
