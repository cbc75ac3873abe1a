"""Listing 1000 qualifications at 100 ms simulated latency per request: concurrent (4 pages
in flight, the default) against sequential paging, through the real SDK and real HTTP.

Target: concurrent ≤ 0.8 s; sequential needs ≥ 2 s (20 pages × 100 ms).
Run: python benchmarks/bench_listing.py [--records N] [--latency-ms N] [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.cloud.client import DysmsApi  # noqa: E402
from app.cloud.credentials import Credentials  # noqa: E402
from app.cloud.endpoint import parse_endpoint  # noqa: E402
from app.cloud.listing import DEFAULT_IN_FLIGHT, list_all  # noqa: E402
from app.cloud.simulator import (  # noqa: E402
    DEMO_ACCESS_KEY_ID,
    DEMO_ACCESS_KEY_SECRET,
    running_simulator,
)

TARGET_S = 0.8


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--latency-ms", type=float, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    creds = Credentials(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, "session")
    with running_simulator(records=args.records, latency_ms=args.latency_ms) as sim:
        api = DysmsApi(creds, parse_endpoint(sim.endpoint))
        list_all(api)  # warm-up: connection pools, imports
        figures = {}
        for label, in_flight in (("concurrent", DEFAULT_IN_FLIGHT), ("sequential", 1)):
            times = []
            for _ in range(args.rounds):
                start = time.perf_counter()
                rows = list_all(api, max_in_flight=in_flight)
                times.append(time.perf_counter() - start)
                assert len(rows) == args.records, len(rows)
            figures[label] = statistics.median(times)
            print(f"{label:>10} ({in_flight} in flight): median {figures[label]:.3f} s "
                  f"over {args.rounds} rounds (min {min(times):.3f}, max {max(times):.3f})")
    ok = figures["concurrent"] <= TARGET_S
    print(f"records={args.records} latency={args.latency_ms:g} ms pages={-(-args.records // 50)}"
          f" speed-up ×{figures['sequential'] / figures['concurrent']:.1f}"
          f" target ≤{TARGET_S} s: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
