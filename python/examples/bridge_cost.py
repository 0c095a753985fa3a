"""What one call costs through each bridge: the median wall time, measured from Python with
time.perf_counter, of the same small calls in serve mode (one JVM for the session) and in
subprocess mode (one JVM per call). Run from the repository root:

    python3 python/examples/bridge_cost.py [--calls 20]

Each mode: the session's start (for serve, the JVM's start; its first call is timed apart, as it
loads the classes), then CALLS timed calls of each kind: `--version` (the bridge alone), `clear`
of the three-house example (a feeder) and `clear` of a 100-agent generated market (seed 1, every
consumer with every producer).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout without installing
import peerclear as pc  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "cli/src/main/resources/org/peerclear/cli/examples/three-houses.json"


def median_ms(call, calls: int) -> float:
    times = []
    for _ in range(calls):
        t = time.perf_counter()
        call()
        times.append(time.perf_counter() - t)
    return 1000 * statistics.median(times)


def measure(mode: str, calls: int, houses: pc.Case, market: pc.Case) -> dict:
    t = time.perf_counter()
    with pc.Session(mode) as s:
        started = time.perf_counter() - t
        t = time.perf_counter()
        s.clear(houses)
        first = time.perf_counter() - t
        return {
            "start": 1000 * started,
            "first clear": 1000 * first,
            "--version": median_ms(lambda: s.run("--version"), calls),
            "clear three-houses": median_ms(lambda: s.clear(houses), calls),
            "clear 100 agents": median_ms(lambda: s.clear(market), calls),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=20, help="timed calls of each kind per mode (default 20)")
    args = parser.parse_args()
    houses = pc.Case.load(EXAMPLE)
    with pc.Session() as s:
        market = s.generate(100, seed=1)
        assert s.clear(market).status == pc.Status.OPTIMAL
    rows = {mode: measure(mode, args.calls, houses, market) for mode in pc.MODES}
    print(f"median of {args.calls} calls, ms (start and first clear: once)")
    print(f"| {'what':<20} | " + " | ".join(f"{m:>10}" for m in rows) + " |")
    print(f"|{'-' * 22}|" + "|".join("-" * 12 for _ in rows) + "|")
    for what in rows["serve"]:
        print(f"| {what:<20} | " + " | ".join(f"{rows[m][what]:10.1f}" for m in rows) + " |")


if __name__ == "__main__":
    main()
