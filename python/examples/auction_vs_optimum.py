# %% [markdown]
# # How much welfare each double auction loses against the optimum
#
# Reproduces the README's table "How much welfare each auction loses against the optimum"
# (section Auctions) through the Python package: a 100-agent market of the seeded bipartite
# generator, its trade graph made complete and without fees (what an auction, a pool with one
# price, can see), cleared by the optimisation (`qp`), then auctioned with each asset's cost
# curve in K steps by the uniform-price, Huang and continuous double auctions.
#
# Run it from the repository root as a script, `python3 python/examples/auction_vs_optimum.py`,
# or cell by cell in an editor that knows `# %%` cells (VS Code, Spyder, Jupytext).

# %%
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout without installing
import peerclear as pc  # noqa: E402

MECHANISMS = ("uniform", "huang", "cda")
STEPS = (1, 2, 4, 8, 16, 32)

# %% [markdown]
# The market: `generate --peers 100 --seed 1` (50 producers, 50 consumers, quadratic costs and
# utilities), then the trade graph replaced by a complete one without fees. It has no grid and
# no network.


# %%
def market(session: pc.Session) -> pc.Case:
    case = session.generate(100, partners="all", seed=1)
    case.data["trades"] = {"graph": "complete", "fee": 0.0}
    return case


# %% [markdown]
# An auction's welfare on the true cost curves: its fills mapped back to the assets (order ids
# are `ASSET.k`, docs/auctions.md), each asset's power valued at `−(½·a·p² + b·p)`. The
# auctioneer's surplus is a transfer and cancels out; this is what `clear` calls welfare on a
# case without fees.


# %%
def true_welfare(case: pc.Case, auction: pc.AuctionResult) -> float:
    curves = {s["id"]: (s["a"], s["b"]) for agent in case.data["agents"] for s in agent["assets"]}
    power = defaultdict(float)
    for fill in auction.fills:
        asset = fill.order.rsplit(".", 1)[0]
        power[asset] += fill.quantity if fill.side == "sell" else -fill.quantity
    return -sum(0.5 * curves[s][0] * p * p + curves[s][1] * p for s, p in power.items())


# %% [markdown]
# The comparison: the optimum's welfare, then each auction's loss against it, in percent.


# %%
def compare(session: pc.Session):
    case = market(session)
    best = session.clear(case, "qp")
    if best.status != pc.Status.OPTIMAL:
        raise RuntimeError(f"the optimisation ended {best.status}: {best.message}")
    losses = {}
    for k in STEPS:
        for m in MECHANISMS:
            a = session.auction(case, m, steps=k)
            w = true_welfare(case, a)
            # The CLI's trueWelfare is the same number computed in Java: two computations, one number.
            if abs(w - a.true_welfare) > 1e-9 * abs(a.true_welfare):
                raise RuntimeError(f"K={k} {m}: welfare {w} here, {a.true_welfare} from the CLI")
            losses[k, m] = 100 * (best.welfare - w) / best.welfare
    return best.welfare, losses


def percent(x: float) -> str:
    """As the README writes a loss: two decimals from 1 %, three below."""
    return f"{x:.2f} %" if x >= 1 else f"{x:.3f} %"


# %%
if __name__ == "__main__":
    with pc.Session() as s:
        optimum, losses = compare(s)
    print(f"optimum {optimum:.3f} EUR by qp")
    print()
    print("| K steps | " + " | ".join(MECHANISMS) + " |")
    print("|---|" + "---|" * len(MECHANISMS))
    for k in STEPS:
        print(f"| {k} | " + " | ".join(percent(losses[k, m]) for m in MECHANISMS) + " |")
