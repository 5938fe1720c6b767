"""How proofreading costs compare with composing, in one run (ratios, not seconds).

    python bench/bench_proofread.py

Baseline: composing every note of the demo workspace once the templates are compiled.
Reported: the first proofreading (it loads the spelling dictionary) and later ones,
as multiples of the baseline. A warm proofreading should stay within a few baselines;
the dictionary must load once per process, not once per call.
"""

from __future__ import annotations

import time

from followup_kit.compose import compose_notes
from followup_kit.proofread import proofread
from followup_kit.resources import demo_dir
from followup_kit.workspace import Workspace


def _seconds(action, repeat: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        action()
    return (time.perf_counter() - start) / repeat


def main() -> None:
    workspace = Workspace.open(demo_dir())
    profile = workspace.profile()
    interviews = workspace.interviews().interviews

    def compose_all() -> None:
        for interview in interviews:
            compose_notes(profile, interview)

    def proofread_all() -> None:
        for interview in interviews:
            proofread(profile, interview)

    compose_all()  # compile the templates
    baseline = _seconds(compose_all, repeat=20)
    cold = _seconds(proofread_all)
    warm = _seconds(proofread_all, repeat=20)
    print(f"baseline: composing {sum(len(i.interviewers) for i in interviews)} notes")
    print(f"first proofreading (loads the dictionary): {cold / baseline:6.1f} x baseline")
    print(f"later proofreadings:                       {warm / baseline:6.1f} x baseline")


if __name__ == "__main__":
    main()
