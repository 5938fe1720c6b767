"""How long a workspace takes to load, against plain ``json.load`` of the same files.

    python bench/workspace.py [N]

Generates N made-up interviews (default 500) in a temporary folder, then times, in
the same run, ``Workspace.interviews()`` (parse, validate, build the records) and a
bare ``json.load`` of every file. Prints the times and their ratio.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from followup_kit.sample import sample_workspace
from followup_kit.workspace import Workspace


def _best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(n: int = 500) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "workspace"
        start = time.perf_counter()
        sample_workspace(root, n)
        created = time.perf_counter() - start
        files = sorted((root / "interviews").glob("*.json"))

        def plain() -> None:
            for path in files:
                with path.open(encoding="utf-8") as handle:
                    json.load(handle)

        def kit() -> None:
            listing = Workspace.open(root).interviews()
            assert len(listing.interviews) == n and not listing.invalid

        baseline, loaded = _best(plain), _best(kit)
        print(f"interviews: {n} (created and saved in {created:.2f} s)")
        print(f"json.load of every file:     {baseline * 1000:8.1f} ms")
        print(f"Workspace.interviews():      {loaded * 1000:8.1f} ms")
        print(f"ratio kit / json.load:       {loaded / baseline:8.1f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
