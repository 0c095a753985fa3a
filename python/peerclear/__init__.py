"""PeerClear from Python: build or load a market case, clear it, simulate, auction and share,
and read the results as Python objects (pandas data frames where pandas is installed).

    import peerclear as pc
    with pc.Session() as s:                      # one JVM for the session (peerclear serve)
        r = s.clear(pc.Case.load("three-houses.json"))
        print(r.status, r.welfare, r.agent("h2").price)

The package drives the PeerClear jar of the checkout it was installed from (or
``$PEERCLEAR_JAR``); it needs Java 17 and nothing beyond Python's standard library. Units and
signs are those of docs/market-case.md: ``p > 0`` injects, prices are currency per unit of power
for one period. See python/README.md.
"""
from .auction import AuctionResult, AuctionStatus, AuctionTrade, Fill
from .bridge import MODES, Completed
from .case import FORMAT, Agent, Arc, Asset, Case, Community, Ev, Grid, Network, Profile, Shiftable, Storage, Trades
from .errors import (BridgeError, CheckFailedError, InternalError, InvalidInputError, JarNotFoundError,
                     PeerClearError)
from .jar import find_jar, find_java
from .result import (AgentResult, AssetResult, BranchResult, BusResult, Result, Status, TradeResult, Units)
from .session import Session
from .sharing import Allocation, Sharing
from .simulation import AgentPower, AgentPrice, AssetPower, BusVoltage, Simulation, Window

__version__ = "0.1.0"

__all__ = [
    "Agent", "AgentPower", "AgentPrice", "AgentResult", "Allocation", "Arc", "Asset", "AssetPower", "AssetResult",
    "AuctionResult", "AuctionStatus", "AuctionTrade", "BranchResult", "BridgeError", "BusResult", "BusVoltage", "Case",
    "CheckFailedError", "Community", "Completed", "Ev", "FORMAT", "Fill", "Grid", "InternalError", "InvalidInputError",
    "JarNotFoundError", "MODES", "Network", "PeerClearError", "Profile", "Result", "Session", "Shiftable", "Sharing",
    "Simulation", "Status", "Storage", "TradeResult", "Trades", "Units", "Window", "find_jar", "find_java",
]
