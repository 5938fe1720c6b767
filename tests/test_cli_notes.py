"""The `notes` command, proofreading in `check`, and the demo's notes step, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from followup_kit.cli import main
from followup_kit.compose import compose_notes, note_file_text
from followup_kit.workspace import Workspace

ONSITE = "2026-11-19-nordwind-energie-onsite"
ROW_KEYS = {"severity", "code", "message", "interview", "interviewer", "field"}


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _edit(workspace: Workspace, interview_id: str, change) -> None:
    path = workspace.interview_path(interview_id)
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def test_notes_prints_one_note_per_interviewer(demo_ws: Workspace) -> None:
    """`notes PATH` prints every note, each under a header naming the interview and person."""
    result = _run("notes", str(demo_ws.root))
    assert result.exit_code == 0, result.output
    for name in ("Małgorzata Wiśniewska", "Nguyễn Thị Thu Hà", "Тарас Мельник", "Σοφία Νικολάου"):
        assert f"· {name} (" in result.output
    assert "Subject: Thank you" in result.output
    assert "Dear Thu Hà," in result.output


def test_notes_json_lists_interview_interviewer_medium_subject_text(demo_ws: Workspace) -> None:
    """`notes --json` is a list of {interview, interviewer, medium, subject, text}, one per interviewer."""
    result = _run("notes", str(demo_ws.root), "--json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert len(rows) == sum(len(i.interviewers) for i in demo_ws.interviews())
    assert all(set(row) == {"interview", "interviewer", "medium", "subject", "text"} for row in rows)
    assert {row["medium"] for row in rows if row["interview"] == ONSITE} == {"card"}
    assert all((row["subject"] is None) == (row["medium"] == "card") for row in rows)


def test_notes_of_one_interview_file(demo_ws: Workspace) -> None:
    """PATH may be one interview file: only its notes are printed."""
    result = _run("notes", str(demo_ws.interview_path(ONSITE)), "--json")
    assert [row["interviewer"] for row in json.loads(result.output)] == [
        "Małgorzata Wiśniewska", "Jürgen Weiß", "Sophie Laurent"]


def test_notes_o_writes_one_text_file_per_note(demo_ws: Workspace, tmp_path: Path) -> None:
    """`notes -o DIR` writes one UTF-8 .txt per note, emails with their subject line."""
    out = tmp_path / "cards"
    result = _run("notes", str(demo_ws.root), "-o", str(out))
    assert result.exit_code == 0
    files = sorted(out.glob("*.txt"))
    profile = demo_ws.profile()
    notes = [n for i in demo_ws.interviews() for n in compose_notes(profile, i)]
    assert len(files) == len(notes) == 8
    assert {f.read_text("utf-8") for f in files} == {note_file_text(n) for n in notes}
    assert (out / f"{ONSITE}--malgorzata-wisniewska.txt").read_text("utf-8").startswith("Dear Małgorzata,")


def test_notes_reports_an_invalid_file_and_still_writes_the_others(demo_ws: Workspace) -> None:
    """An invalid interview file is named on stderr with exit 2; the valid ones' notes still print."""
    demo_ws.interview_path("2026-12-01-broken-onsite").write_text('{"format": "followup-kit/interview@1"}')
    result = _run("notes", str(demo_ws.root), "--json")
    assert result.exit_code == 2
    assert "2026-12-01-broken-onsite" in result.stderr
    assert len(json.loads(result.stdout)) == 8


def test_check_passes_the_demo(demo_ws: Workspace) -> None:
    """The demo's files are valid and its composed notes read well: exit 0, no rows."""
    result = _run("check", str(demo_ws.root), "--json")
    assert result.exit_code == 0
    assert json.loads(result.output) == []


def test_check_gives_warnings_only_for_the_fixture_workspace(fixture_ws: Workspace) -> None:
    """The suite's workspace's unverified Wendell Prescott is a warning, so the exit code stays 0."""
    result = _run("check", str(fixture_ws.root), "--json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert rows and {row["severity"] for row in rows} == {"warning"}
    assert all(ROW_KEYS <= set(row) for row in rows)
    assert ("unverified-name", "Wendell Prescott", "interviewers[0].checked.name") in {
        (r["code"], r["interviewer"], r["field"]) for r in rows}


def test_check_exits_1_on_an_error_finding(demo_ws: Workspace) -> None:
    """A note with text-speak is an error finding: exit 1, the row says where."""
    def plant(data):
        data["interviewers"][1]["note"] = "Dear Jürgen,\n\nthx for the chat about schema evolution for sensor data!\n\nLena Hoffmann"
    _edit(demo_ws, ONSITE, plant)
    result = _run("check", str(demo_ws.root), "--json")
    assert result.exit_code == 1
    rows = [r for r in json.loads(result.output) if r["code"] == "text-speak"]
    assert rows == [{**rows[0], "severity": "error", "interview": ONSITE, "interviewer": "Jürgen Weiß",
                     "field": "interviewers[1].note"}]


def test_check_text_output_names_the_place_and_the_code(demo_ws: Workspace) -> None:
    """Without --json each finding is a line: severity, interview · interviewer · field, message, [code]."""
    _edit(demo_ws, ONSITE, lambda d: d["interviewers"][1].update(email="juergen.weis@nordwind.example"))
    result = _run("check", str(demo_ws.root))
    assert result.exit_code == 1
    assert f"error: {ONSITE} · Jürgen Weiß · interviewers[1].email: " in result.output
    assert "[name-email]" in result.output
    assert "1 error(s)" in result.output


def test_check_exits_2_on_an_invalid_file_and_proofreads_the_rest(demo_ws: Workspace) -> None:
    """An invalid file wins (exit 2); the valid interviews are still proofread."""
    demo_ws.interview_path("2026-12-01-broken-onsite").write_text('{"format": "followup-kit/interview@1"}')
    _edit(demo_ws, ONSITE, lambda d: d["interviewers"][0]["checked"].pop("name"))
    result = _run("check", str(demo_ws.root), "--json")
    assert result.exit_code == 2
    codes = {row["code"] for row in json.loads(result.output)}
    assert {"invalid-file", "unverified-name"} <= codes


def test_check_quiet_prints_errors_only(fixture_ws: Workspace) -> None:
    """--quiet leaves out warnings and the summary."""
    result = _run("check", str(fixture_ws.root), "--quiet")
    assert result.exit_code == 0
    assert result.output == ""


def test_help_shows_examples() -> None:
    """`notes --help` and `check --help` carry an Examples block."""
    for command in ("notes", "check"):
        assert "Examples:" in _run(command, "--help").output


def test_demo_writes_the_notes_as_text_files(tmp_path: Path) -> None:
    """`followup-kit demo` writes every note under output/notes/."""
    result = _run("demo", str(tmp_path / "d"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    files = sorted((tmp_path / "out" / "notes").glob("*.txt"))
    assert len(files) == 8
    assert "thank-you notes" in result.output
