"""Benchmark: `qualdesk ocr` on N generated ID-card images against the raw RapidOCR engine
on the same images, in one run. Both include loading the model once.

    python benchmarks/bench_ocr.py [N]

Prints per-image seconds for each, the ratio app/raw (target ≤ 1.15; ≤ 1 s per ID-card image
on a 2-core machine) and the peak resident memory of each process.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RAW = """
import resource, sys, time
t0 = time.perf_counter()
from rapidocr import RapidOCR
eng = RapidOCR(params={"Global.log_level": "warning", "Global.use_cls": False})
for path in sys.argv[1:]:
    eng(path)
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

APP = """
import resource, runpy, sys, time
t0 = time.perf_counter()
sys.argv = ["qualdesk", "ocr", "--json", *sys.argv[1:]]
try:
    runpy.run_module("app", run_name="__main__")
except SystemExit:
    pass
print("BENCH", time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(code: str, images: list[str]) -> tuple[float, float, list[str]]:
    out = subprocess.run([sys.executable, "-c", code, *images], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    lines = out.stdout.strip().splitlines()
    seconds, rss_kb = lines[-1].split()[-2:]
    return float(seconds), int(rss_kb) / 1024, lines[:-1]


def main() -> None:
    from tests.synth import KINDS, write_samples

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    assert "id_portrait" in KINDS
    with tempfile.TemporaryDirectory() as tmp:
        samples = write_samples(Path(tmp), ["id_portrait"], n, start_seed=500)
        images = [str(p) for p, _ in samples]
        run(RAW, images[:1])  # warm the file cache and onnxruntime's libraries for both
        raw_s, raw_mb, _ = run(RAW, images)
        started = time.perf_counter()
        app_s, app_mb, rows = run(APP, images)
        wall = time.perf_counter() - started
    right = sum(json.loads(r)["fields"] == s.truth for r, (_, s) in zip(rows, samples, strict=True))
    print(f"images: {n} generated ID cards (portrait side)")
    print(f"raw RapidOCR : {raw_s:6.2f} s total, {raw_s / n:.3f} s/image, peak {raw_mb:.0f} MB")
    print(f"qualdesk ocr : {app_s:6.2f} s total, {app_s / n:.3f} s/image, peak {app_mb:.0f} MB "
          f"(process wall {wall:.2f} s)")
    print(f"ratio app/raw: {app_s / raw_s:.3f} (target ≤ 1.15)")
    print(f"cards read with every field exact: {right}/{n}")


if __name__ == "__main__":
    main()
