"""Writer process for the durability test: writes drafts forever, confirming each commit.

Usage: python -m tests.helpers.kill_writer HOME IMAGE START_SEQ
After every committed write it prints one line and flushes:
  created <id> <seq>            a new draft whose remarks is str(seq)
  updated <id> <seq>            remarks set to str(seq)
  attached <id> <sha256>        IMAGE (rewritten with new content first) attached
The parent SIGKILLs it at a random moment and checks every confirmed write survived.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from app.store import attach_image, create_draft, open_store, update_field


def main() -> None:
    home, image, seq = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    store = open_store(home)
    rng = random.Random(seq)
    ids: list[str] = []
    print("ready", flush=True)
    while True:
        seq += 1
        roll = rng.random()
        if not ids or roll < 0.1:
            draft_id = create_draft(store, "general", {"remarks": str(seq),
                                                       "enterprise_name": f"企业{seq}"})
            ids.append(draft_id)
            print(f"created {draft_id} {seq}", flush=True)
        elif roll < 0.15:
            draft_id = rng.choice(ids)
            image.write_bytes(b"\x89PNG-not-really-" + str(seq).encode() * 50)
            ref = attach_image(store, draft_id, "additional_attachments", image)
            print(f"attached {draft_id} {ref.sha256}", flush=True)
        else:
            draft_id = rng.choice(ids)
            update_field(store, draft_id, "remarks", str(seq))
            print(f"updated {draft_id} {seq}", flush=True)


if __name__ == "__main__":
    main()
