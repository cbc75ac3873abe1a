"""Autosave latency: p50/p99 of one `update_field` (one short transaction) on a real file.

Run: python benchmarks/bench_autosave.py [--writes N]   (target: p99 <= 5 ms)
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--writes", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="qualdesk-bench-") as home:
        os.environ["QUALDESK_HOME"] = home
        from app.store import create_draft, open_store, update_field
        from tests.factories import general_values

        with open_store(Path(home)) as store:
            # A realistic database: 100 drafts, autosaving into one of them.
            ids = [create_draft(store, "general", general_values()) for _ in range(100)]
            target = ids[50]
            fields = ["remarks", "enterprise_address", "admin_phone", "qualification_name"]
            timings = []
            for i in range(args.writes):
                field = fields[i % len(fields)]
                value = f"{field} edit {i} 第{i}次修改"
                start = time.perf_counter()
                update_field(store, target, field, value)
                timings.append((time.perf_counter() - start) * 1000)
        # Honesty check: a fresh connection sees every write.
        with closing(sqlite3.connect(Path(home) / "qualdesk.sqlite3")) as check:
            revision = check.execute("SELECT revision FROM drafts WHERE id = ?",
                                     (target,)).fetchone()[0]
        assert revision == args.writes, f"only {revision} of {args.writes} writes landed"
    timings.sort()
    p50 = statistics.median(timings)
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    print(f"update_field x{args.writes} on a real file (WAL, synchronous=NORMAL): "
          f"p50 {p50:.3f} ms, p99 {p99:.3f} ms, max {timings[-1]:.3f} ms "
          f"(target p99 <= 5 ms: {'met' if p99 <= 5 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
