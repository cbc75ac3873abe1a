"""Write a kit of generated sample documents (one fictional enterprise: business licence, both
ID card sides of the legal representative and of the administrator, a photo holding the ID
card, commitment and application letters) to attach when trying QualDesk without the demo.

Usage: python scripts/make_samples.py OUT_DIR [--seed N] [--today YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.samples import find_cjk_font, write_application_kit  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the images to (created)")
    parser.add_argument("--seed", type=int, default=1, help="another seed, another enterprise")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(),
                        help="the day the letters are dated relative to (default: today)")
    args = parser.parse_args(argv)
    if find_cjk_font() is None:
        print("No Chinese font found: install Noto Sans CJK (e.g. fonts-noto-cjk) and retry.",
              file=sys.stderr)
        return 1
    try:
        kit = write_application_kit(args.out_dir, args.seed, args.today)
    except OSError as exc:
        print(f"Could not write to {args.out_dir}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    for path in kit.files:
        print(path)
    print(f"Enterprise: {kit.enterprise.name}; legal representative: {kit.legal_rep.name}; "
          f"administrator: {kit.admin.name} (fictional).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
