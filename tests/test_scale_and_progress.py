"""Hundreds of interviews: check and import work through them, with a progress bar only on a terminal."""

from __future__ import annotations

import csv
import io
import os
import pty
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from followup_kit.cli import main
from followup_kit.progress import progress_shown, tracked
from followup_kit.sample import sample_interview_record, sample_profile, sample_workspace
from followup_kit.model import Interview
from followup_kit.workspace import Workspace

N = 500
HEADER = ["interview", "company", "role", "stage", "medium", "start", "end", "timezone", "timeline",
          "timeline_date", "timeline_days", "timeline_business", "name", "title", "name_checked",
          "title_checked", "email", "topics"]


def cohort_csv(path: Path, n: int) -> Path:
    """The first ``n`` sample interviews as a cohort spreadsheet, one row per interviewer."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for i in range(n):
        record = sample_interview_record(i)
        timeline = record["timeline"]
        for person in record["interviewers"]:
            writer.writerow([
                f"i{i}", record["company"], record["role"], record["stage"], record["medium"],
                record["start"], record["end"], record["timezone"], timeline["kind"],
                timeline.get("date", ""), timeline.get("days", ""),
                {True: "yes", False: "no"}.get(timeline.get("business"), ""),
                person["name"], person["title"], person["checked"]["name"], person["checked"]["title"],
                person["email"], "; ".join(person["topics"]),
            ])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def big_ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """A workspace of 500 interviews, made through the library (read-only for the tests)."""
    return sample_workspace(tmp_path_factory.mktemp("big") / "ws", N)


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cohort CSV of 500 interviews."""
    return cohort_csv(tmp_path_factory.mktemp("csv") / "cohort.csv", N)


def on_terminal(args: list[str], *, tty: str = "stderr") -> tuple[int, str, str]:
    """Run the command with ``tty`` (stdout or stderr) on a real pseudo-terminal; return code, tty text, other text."""
    master, slave = pty.openpty()
    with tempfile.TemporaryFile() as other:
        streams = {"stdout": other, "stderr": other, tty: slave}
        proc = subprocess.Popen([sys.executable, "-m", "followup_kit", *args], stdin=subprocess.DEVNULL,
                                env={**os.environ, "TERM": "xterm", "COLUMNS": "100"}, **streams)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # the terminal closes when the command exits
                break
            if not data:
                break
            chunks.append(data)
        proc.wait()
        os.close(master)
        other.seek(0)
        return proc.returncode, b"".join(chunks).decode("utf-8", "replace"), other.read().decode("utf-8")


# -- scale ---------------------------------------------------------------------------

def test_check_reads_a_workspace_of_500(big_ws: Workspace) -> None:
    """`check` on 500 interviews validates all of them."""
    result = CliRunner().invoke(main, ["check", str(big_ws.root)])
    assert result.exit_code == 0, result.output
    # Warnings (names in other scripts without a salutation, too little noted as standing out)
    # are fine; no error, and every file read.
    assert re.search(rf"profile and {N} interview file\(s\) are valid|^0 error\(s\) and \d+ warning\(s\) in {N} "
                     r"interview file\(s\)", result.output, re.M), result.output[-500:]


def test_import_of_500_interviews_then_again(big_csv: Path, tmp_path: Path) -> None:
    """500 interviews import into 500 files; importing the same file again skips all 500."""
    ws = Workspace.create(tmp_path / "ws", sample_profile())
    first = CliRunner().invoke(main, ["import", str(big_csv), "-w", str(ws.root), "--quiet"])
    assert first.exit_code == 0, first.output
    assert len(list(ws.interviews_dir.glob("*.json"))) == N
    again = CliRunner().invoke(main, ["import", str(big_csv), "-w", str(ws.root), "--json"])
    assert again.exit_code == 0
    assert '"imported": []' in again.output and again.output.count('"existing"') == N


# -- progress ----------------------------------------------------------------------------

@pytest.mark.parametrize("command", [["check", "{ws}"], ["import", "{csv}", "-w", "{ws}", "--dry-run"]],
                         ids=["check", "import"])
def test_no_progress_when_stderr_is_not_a_terminal(big_ws: Workspace, big_csv: Path, command: list[str]) -> None:
    """Through a pipe (here click's runner), no progress bar nor its label is printed."""
    args = [a.format(ws=big_ws.root, csv=big_csv) for a in command]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert "\r" not in result.stderr and f"{N}/{N}" not in result.stderr and "Checking" not in result.stderr and "Importing" not in result.stderr


@pytest.mark.parametrize(("command", "label"), [
    (["check", "{ws}"], "Checking interviews"),
    (["import", "{csv}", "-w", "{ws}", "--dry-run"], "Importing interviews"),
], ids=["check", "import"])
def test_progress_bar_on_a_terminal(big_ws: Workspace, big_csv: Path, command: list[str], label: str) -> None:
    """With stderr on a terminal, the long commands draw a progress bar there."""
    code, terminal, _ = on_terminal([a.format(ws=big_ws.root, csv=big_csv) for a in command])
    assert code == 0
    assert label in terminal and f"{N}/{N}" in terminal


@pytest.mark.parametrize("command", [["check", "{ws}", "--quiet"],
                                     ["import", "{csv}", "-w", "{ws}", "--dry-run", "--quiet"]],
                         ids=["check", "import"])
def test_quiet_draws_nothing_even_on_a_terminal(big_ws: Workspace, big_csv: Path, command: list[str]) -> None:
    """--quiet silences the bar on a terminal, and a clean run prints nothing at all."""
    code, terminal, other = on_terminal([a.format(ws=big_ws.root, csv=big_csv) for a in command])
    assert code == 0 and terminal == "" and other == ""


def test_small_workspace_check_draws_no_bar(demo_ws: Workspace) -> None:
    """A workspace of a few interviews is checked without a bar even on a terminal."""
    code, terminal, _ = on_terminal(["check", str(demo_ws.root)])
    assert code == 0 and "Checking" not in terminal


def test_colour_only_on_a_terminal(demo_ws: Workspace) -> None:
    """The 'ok' line (a message, on stderr) is green on a terminal and plain text in a pipe."""
    _, terminal, _ = on_terminal(["check", str(demo_ws.root)], tty="stderr")
    assert "\x1b[32mok:" in terminal
    piped = subprocess.run([sys.executable, "-m", "followup_kit", "check", str(demo_ws.root)],
                           capture_output=True, text=True)
    assert piped.stderr.startswith("ok:") and "\x1b[" not in piped.stderr and piped.stdout == ""


def test_tracked_passes_items_through_when_hidden() -> None:
    """Off a terminal, tracked() yields every item in order and nothing else."""
    assert not progress_shown()
    assert list(tracked(range(5), label="x")) == [0, 1, 2, 3, 4]
    assert list(tracked(iter("abc"), label="x", quiet=True)) == ["a", "b", "c"]


def test_quiet_check_still_reports_problems(demo_ws: Workspace) -> None:
    """--quiet drops the progress and the 'ok' line, never the problems (exit 2)."""
    path = next(demo_ws.interviews_dir.glob("*.json"))
    path.write_text('{"format": "followup-kit/interview@1"}', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(demo_ws.root), "--quiet"])
    assert result.exit_code == 2 and f"{path}: company: expected" in result.output


# -- progress in the output commands ----------------------------------------------------------

MID = 60  # above the 50 interviews from which the output commands draw a bar
LATIN = ("Ana Dvořák", "Jürgen Weiß", "Marcus O'Neill", "Zoë Ångström")


@pytest.fixture(scope="module")
def mid_ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """60 in-person interviews with Latin names, so that every output command (cards too) has work."""
    ws = Workspace.create(tmp_path_factory.mktemp("mid") / "ws", sample_profile())
    for i in range(MID):
        record = sample_interview_record(i)
        record["medium"] = "in-person"
        record["company"] = f"Northwind Data {i}"  # the sample's may be Chinese, which needs a system font
        for k, person in enumerate(record["interviewers"]):
            person["name"] = LATIN[(i + k) % len(LATIN)]
        ws.save(Interview.from_record(record))
    return ws


OUTPUT_COMMANDS = [
    (["plan", "{ws}"], "Planning"),
    (["notes", "{ws}", "-o", "{out}/notes"], "Composing notes"),
    (["cards", "{ws}", "-o", "{out}/cards.pdf"], "Composing cards"),
    (["calendar", "{ws}", "-o", "{out}/f.ics"], "Planning the calendar"),
    (["emails", "{ws}", "-o", "{out}/emails"], "Writing email drafts"),
]


@pytest.mark.parametrize(("command", "label"), OUTPUT_COMMANDS, ids=[c[0][0] for c in OUTPUT_COMMANDS])
def test_output_commands_draw_a_bar_on_a_terminal(mid_ws: Workspace, tmp_path: Path, command: list[str],
                                                  label: str) -> None:
    """plan, notes, cards, calendar and emails draw a bar on a terminal, and -q silences it."""
    args = [a.format(ws=mid_ws.root, out=tmp_path) for a in command]
    code, terminal, _ = on_terminal(args)
    assert code == 0 and label in terminal and f"{MID}/{MID}" in terminal
    code, terminal, _ = on_terminal([*args, "-q"])
    assert code == 0 and label not in terminal


@pytest.mark.parametrize(("command", "label"), OUTPUT_COMMANDS, ids=[c[0][0] for c in OUTPUT_COMMANDS])
def test_output_commands_draw_no_bar_in_a_pipe(mid_ws: Workspace, tmp_path: Path, command: list[str],
                                               label: str) -> None:
    """Off a terminal the output commands print no bar nor its label."""
    result = CliRunner().invoke(main, [a.format(ws=mid_ws.root, out=tmp_path) for a in command])
    assert result.exit_code == 0, result.output
    assert label not in result.stderr


def test_small_import_draws_no_bar(demo_ws: Workspace) -> None:
    """Importing a few rows on a terminal shows no bar: bars start at 50 interviews, as for every command."""
    from followup_kit.resources import cohort_template

    code, terminal, _ = on_terminal(["import", str(cohort_template()), "-w", str(demo_ws.root), "--dry-run"])
    assert code in (0, 1) and "Importing" not in terminal
