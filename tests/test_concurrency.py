"""Several programs saving into one workspace at once: no acknowledged edit is lost,
no two new interviews share an id, and each import reports exactly what it wrote."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from test_scale_and_progress import cohort_csv

from followup_kit.sample import sample_workspace
from followup_kit.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
WORKERS = 3


def _run_all(script: str, *args: str) -> list[str]:
    """Start one Python process per worker running ``script``; their stdout lines, once all end."""
    procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), str(n), *args],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
             for n in range(WORKERS)]
    lines = []
    for proc in procs:
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
        lines.extend(out.splitlines())
    return lines


EDITOR = """
    import sys
    from followup_kit.errors import ConflictError
    from followup_kit.workspace import Workspace

    worker, root, interview_id, cycles = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    ws = Workspace.open(root)
    for k in range(cycles):
        interview = ws.load(interview_id)
        person = interview.interviewers[0]
        token = f"edit {worker}.{k}"
        try:
            ws.save(interview.with_interviewer(0, topics=[*person.topics, token]))
        except ConflictError:
            print("conflict", token, flush=True)
        else:
            print("saved", token, flush=True)
"""


def test_every_acknowledged_save_survives(tmp_path: Path) -> None:
    """Processes editing one interview in load/edit/save cycles: each save either lands and
    stays (later savers loaded it first) or is refused as a conflict; none is lost."""
    ws = sample_workspace(tmp_path / "ws", 1)
    (interview_id,) = ws.ids()
    lines = _run_all(EDITOR, str(ws.root), interview_id, "60")
    saved = {line.split(" ", 1)[1] for line in lines if line.startswith("saved")}
    conflicts = {line.split(" ", 1)[1] for line in lines if line.startswith("conflict")}
    assert len(saved) + len(conflicts) == WORKERS * 60 and saved
    final = Workspace.open(ws.root).load(interview_id).interviewers[0].topics
    assert saved <= set(final), f"lost: {sorted(saved - set(final))}"
    assert not conflicts & set(final)


CREATOR = """
    import sys
    from followup_kit.model import Interview
    from followup_kit.sample import sample_interview_record
    from followup_kit.workspace import Workspace

    worker, root, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    ws = Workspace.open(root)
    for k in range(count):
        record = {**sample_interview_record(0), "role": f"Role {worker}.{k}"}
        path = ws.save(Interview.from_record(record))
        print(path.stem, record["role"], flush=True)
"""


def test_new_interviews_never_share_an_id(tmp_path: Path) -> None:
    """Processes creating interviews of one date, company and stage each get an id of their own."""
    ws = sample_workspace(tmp_path / "ws", 0)
    lines = _run_all(CREATOR, str(ws.root), "25")
    claimed = dict(line.split(" ", 1) for line in lines)
    assert len(lines) == len(claimed) == WORKERS * 25  # no id handed out twice
    for interview_id, role in claimed.items():
        assert ws.load(interview_id).role == role  # and no creation overwrote another's
    assert not list(ws.interviews_dir.glob(".*.tmp"))


def _import_at_once(ws: Workspace, *files: Path) -> list[dict]:
    """Run one `import --json` per file, all at the same time; their reports."""
    procs = [subprocess.Popen([sys.executable, "-m", "followup_kit", "import", str(path), "-w", str(ws.root), "--json"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
             for path in files]
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
        reports.append(json.loads(out))
    return reports


def test_concurrent_imports_of_different_interviews_keep_both(tmp_path: Path) -> None:
    """Two imports of different interviews (the same dates, companies and stages) into one
    workspace at once: every interview is written once, and each report lists exactly its own."""
    ws = sample_workspace(tmp_path / "ws", 0)
    first = cohort_csv(tmp_path / "a.csv", 40)
    second = tmp_path / "b.csv"
    second.write_text(first.read_text("utf-8").replace(",Data Engineer,", ",Analytics Engineer,"), "utf-8")
    reports = _import_at_once(ws, first, second)
    assert len(ws.ids()) == 80
    for report, role in zip(reports, ("Data Engineer", "Analytics Engineer")):
        assert len(report["imported"]) == 40 and not report["skipped"] and not report["rejected"]
        for item in report["imported"]:
            assert ws.load(item["id"]).role == role
    assert not {i["id"] for i in reports[0]["imported"]} & {i["id"] for i in reports[1]["imported"]}


def test_concurrent_imports_of_one_file_import_each_interview_once(tmp_path: Path) -> None:
    """The same file imported twice at once: each interview is written by one import and
    reported as already there by the other."""
    ws = sample_workspace(tmp_path / "ws", 0)
    csv_path = cohort_csv(tmp_path / "a.csv", 40)
    reports = _import_at_once(ws, csv_path, csv_path)
    assert len(ws.ids()) == 40
    imported = [i["id"] for r in reports for i in r["imported"]]
    assert sorted(imported) == ws.ids()  # each written once, by exactly one of them
    assert sum(len(r["skipped"]) for r in reports) == 40


def test_reimport_with_an_unreadable_copy_adds_no_duplicate(tmp_path: Path) -> None:
    """An imported file broken by an edit (a missing comma) is not imported a second time."""
    from click.testing import CliRunner

    from followup_kit.cli import main

    ws = sample_workspace(tmp_path / "ws", 0)
    csv_path = cohort_csv(tmp_path / "a.csv", 3)
    assert CliRunner().invoke(main, ["import", str(csv_path), "-w", str(ws.root)]).exit_code == 0
    broken = ws.interview_path(ws.ids()[0])
    broken.write_text(broken.read_text("utf-8").replace('",\n', '"\n', 1), "utf-8")
    again = CliRunner().invoke(main, ["import", str(csv_path), "-w", str(ws.root)])
    assert again.exit_code == 1
    assert len(ws.ids()) == 3 and str(broken) in again.stderr and "cannot be read" in again.stderr


def test_proofreading_in_several_processes_finds_what_one_does(tmp_path: Path) -> None:
    """A large workspace proofread by forked workers gives the same findings, in the same order."""
    import multiprocessing

    import pytest

    from followup_kit.session import Session

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("this system cannot fork; proofreading stays in one process there")
    ws = sample_workspace(tmp_path / "ws", 40)
    interview = Workspace.open(ws.root).load(ws.ids()[3])
    Session(ws).save(interview.with_interviewer(0, note="Dear you,\n\nThanks for the the chat.\n\nBest,\nLena"))
    one = Session(Workspace.open(ws.root)).findings(workers=1)
    several = Session(Workspace.open(ws.root)).findings(workers=2)
    assert several == one and any(f.code == "repeated-word" for f in one)
