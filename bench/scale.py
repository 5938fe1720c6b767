"""Large and hostile inputs: the commands' cost as the input grows, against a baseline in the same run.

    python bench/scale.py [--interviews N]

| row | the kit | the baseline |
|---|---|---|
| cohort | ``check``, ``plan --json`` and ``calendar`` over N interviews of four interviewers each (default 10,000), then ``calendar`` again with the first export in place (re-run: it is read back) | a process that ``json.load``s every interview file |
| long notes | ``check`` of one interview whose 200 interviewers each have 5 KB of their own wording (1 MB of notes) | the same baseline process over that file |
| wide panel | ``check`` of one interview with 10,000 interviewers | the same baseline process over that file |
| import memory | peak memory (max RSS) of ``import --dry-run`` of a 50 MB cohort CSV | a process that reads the CSV with the csv module, row by row |

Each command runs as a process of its own (imports included), once, after an untimed run of
each on three interviews that compiles its bytecode (kept, as an installed kit has it); times
are wall-clock seconds. Not a test: nothing is asserted. The workspaces are written straight to disk
(no fsync per file), so making them takes seconds, not minutes.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from followup_kit.sample import sample_interview_record, sample_profile
from followup_kit.workspace import dump_json

BASELINE = "import json, pathlib, sys\nfor p in pathlib.Path(sys.argv[1]).glob('*.json'):\n    json.loads(p.read_bytes())\n"
CSV_BASELINE = "import csv, sys\nwith open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n    for row in csv.reader(f):\n        pass\n"


def _workspace(root: Path, records: list[dict]) -> Path:
    (root / "interviews").mkdir(parents=True)
    (root / "profile.json").write_bytes(dump_json(sample_profile().model_dump(mode="json", exclude_none=True)))
    for n, record in enumerate(records):
        (root / "interviews" / f"i{n:05d}.json").write_bytes(dump_json(record))
    return root


def _four(i: int) -> dict:
    record = sample_interview_record(i)
    person = record["interviewers"][0]
    record["interviewers"] = [{**person, "name": f"{person['name']} {k}", "email": f"p{i}.{k}@example.com",
                               "topics": [f"topic {i}.{k}", "the team's roadmap"]} for k in range(4)]
    return record


#: The timed processes keep the bytecode they compile (in a temporary folder), as an installed
#: kit has it from pip, even where PYTHONDONTWRITEBYTECODE is set; see ``_warm_up``.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _timed(args: list[str]) -> tuple[float, int]:
    """Seconds and exit code of one process."""
    start = time.perf_counter()
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start, done.returncode


def _warm_up(kit: list[str], tmp_path: Path) -> None:
    """Each command once, untimed, on three interviews: their bytecode is compiled before the timing."""
    ENV["PYTHONPYCACHEPREFIX"] = str(tmp_path / "bytecode")
    small = _workspace(tmp_path / "small", [_four(i) for i in range(3)])
    for command in (["check", str(small)], ["plan", str(small), "--json"],
                    ["calendar", str(small), "-o", str(tmp_path / "small.ics")]):
        _timed([*kit, *command, "-q"])


def _peak_kib(args: list[str]) -> int:
    """The largest resident memory (KiB) of one process, run alone."""
    code = ("import resource, subprocess, sys\nsubprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
            "stderr=subprocess.DEVNULL)\nprint(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    return int(subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True).stdout)


def _row(label: str, kit: tuple[float, int], base: float) -> None:
    seconds, code = kit
    print(f"{label:<34} {seconds:8.2f} s   baseline {base:6.2f} s   ratio {seconds / base:6.1f}x   exit {code}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=10_000)
    n = parser.parse_args().interviews
    kit = [sys.executable, "-m", "followup_kit"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        _warm_up(kit, tmp_path)
        print(f"cohort: {n:,} interviews of 4 interviewers each")
        cohort = _workspace(tmp_path / "cohort", [_four(i) for i in range(n)])
        base, _ = _timed([sys.executable, "-c", BASELINE, str(cohort / "interviews")])
        _row("  check", _timed([*kit, "check", str(cohort), "-q"]), base)
        _row("  plan --json", _timed([*kit, "plan", str(cohort), "--json", "-q"]), base)
        calendar = [*kit, "calendar", str(cohort), "-o", str(tmp_path / "c.ics"), "-q"]
        _row("  calendar", _timed(calendar), base)
        # the usual case: the weekly export again, reading the first one back (SEQUENCE, cancellations)
        _row("  calendar (re-run)", _timed(calendar), base)

        record = _four(0)
        person = record["interviewers"][0]
        wording = ("Thank you for the conversation about the team's roadmap. " * 90)[:5000]
        long_notes = {**record, "interviewers": [{**person, "name": f"Person {k}", "note": wording}
                                                 for k in range(200)]}
        notes_ws = _workspace(tmp_path / "notes", [long_notes])
        size = (notes_ws / "interviews" / "i00000.json").stat().st_size
        base, _ = _timed([sys.executable, "-c", BASELINE, str(notes_ws / "interviews")])
        _row(f"long notes ({size / 1e6:.1f} MB file): check", _timed([*kit, "check", str(notes_ws), "-q"]), base)

        wide = {**record, "interviewers": [{**person, "name": f"Person {k}", "email": f"p{k}@example.com",
                                            "topics": [f"topic {k}"]} for k in range(10_000)]}
        wide_ws = _workspace(tmp_path / "wide", [wide])
        base, _ = _timed([sys.executable, "-c", BASELINE, str(wide_ws / "interviews")])
        _row("wide panel (10,000): check", _timed([*kit, "check", str(wide_ws), "-q"]), base)

        big_csv = tmp_path / "cohort.csv"
        _cohort_csv(big_csv, 50_000_000)
        peak = _peak_kib([*kit, "import", str(big_csv), "-w", str(cohort), "--dry-run", "-q"])
        base_peak = _peak_kib([sys.executable, "-c", CSV_BASELINE, str(big_csv)])
        print(f"import --dry-run of {big_csv.stat().st_size / 1e6:.0f} MB CSV: peak {peak / 1024:.0f} MiB, "
              f"baseline {base_peak / 1024:.0f} MiB, ratio {peak / base_peak:.1f}x")


def _cohort_csv(path: Path, size: int) -> None:
    """A cohort spreadsheet of about ``size`` bytes, one row per interviewer (the import's columns)."""
    header = ["interview", "company", "role", "stage", "medium", "start", "end", "timezone", "timeline",
              "name", "title", "name_checked", "title_checked", "email", "topics", "went_well"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        i = 0
        while handle.tell() < size:
            record = _four(i)
            for person in record["interviewers"]:
                writer.writerow([f"i{i}", record["company"], record["role"], record["stage"], record["medium"],
                                 record["start"].replace("T", " "), record["end"].replace("T", " "),
                                 record["timezone"], "none", person["name"], person["title"], "business card",
                                 "company website", person["email"], "; ".join(person["topics"]),
                                 "the system design question; the SQL exercise"])
            i += 1


if __name__ == "__main__":
    main()
