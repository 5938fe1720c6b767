"""`followup-kit plan` and `followup-kit calendar`, run through click's CliRunner."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
from click.testing import CliRunner

from followup_kit.cli import main
from followup_kit.workspace import Workspace

ONSITE = "2026-11-20-lakeshore-metrics-onsite"


def _break(workspace: Workspace, interview_id: str) -> Path:
    path = workspace.interview_path(interview_id)
    data = json.loads(path.read_text("utf-8"))
    data["medium"] = "carrier pigeon"
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_plan_prints_a_table(fixture_ws: Workspace) -> None:
    """`plan` prints one row per step with its local due time, and exits 0."""
    result = CliRunner().invoke(main, ["plan", str(fixture_ws.root), "--now", "2026-11-01T00:00-05:00"])
    assert result.exit_code == 0, result.output
    assert ("Sat 21 Nov 2026 09:00 CST  Thank-you cards: Lakeshore Metrics "
            "(Kateřina Horáčková, Tamsin Achterberg, Rory O'Callaghan)") in result.stdout
    assert "10 step(s) for 3 interview(s) in 3 application(s); times in America/Chicago." in result.stderr


def test_plan_marks_overdue_steps(fixture_ws: Workspace) -> None:
    """With --now after a due time, that step is marked overdue."""
    result = CliRunner().invoke(main, ["plan", str(fixture_ws.root), "--now", "2026-11-22T00:00-06:00"])
    rows = [line for line in result.stdout.splitlines() if "overdue" in line]
    assert len(rows) == 2 and all("Lakeshore Metrics" in row for row in rows)


def test_plan_json(fixture_ws: Workspace) -> None:
    """`plan --json` prints the documented records, with ISO 8601 due times carrying a UTC offset."""
    result = CliRunner().invoke(main, ["plan", str(fixture_ws.root), "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 10
    assert all(set(row) == {"interview", "kind", "due", "people", "title", "description", "application", "round"}
               for row in rows)
    assert {row["kind"] for row in rows} == {"thank-you-email", "thank-you-cards", "status-follow-up", "move-on"}
    first = rows[0]
    assert first == {**first, "interview": ONSITE, "kind": "thank-you-email", "due": "2026-11-20T18:00:00-06:00",
                     "people": ["Kateřina Horáčková", "Tamsin Achterberg", "Rory O'Callaghan"]}
    assert all(dt.datetime.fromisoformat(row["due"]).utcoffset() is not None for row in rows)


def test_plan_one_interview_file(fixture_ws: Workspace) -> None:
    """Given one interview file, `plan` plans that interview only."""
    result = CliRunner().invoke(main, ["plan", str(fixture_ws.interview_path(ONSITE)), "--json"])
    assert result.exit_code == 0
    assert {row["interview"] for row in json.loads(result.stdout)} == {ONSITE}


def test_plan_reports_an_invalid_file_and_plans_the_others(fixture_ws: Workspace) -> None:
    """An invalid interview file is named on stderr with exit 2; the valid ones are still planned."""
    path = _break(fixture_ws, ONSITE)
    result = CliRunner().invoke(main, ["plan", str(fixture_ws.root), "--json"])
    assert result.exit_code == 2
    assert str(path) in result.stderr and "medium" in result.stderr
    assert {row["interview"] for row in json.loads(result.stdout)} == {
        "2026-11-23-meridian-freight-phone-screen", "2026-11-24-cobalt-video"}


def test_plan_all_lists_done_steps(fixture_ws: Workspace) -> None:
    """`plan --all --json` also lists steps already done, with their status."""
    path = fixture_ws.interview_path(ONSITE)
    data = json.loads(path.read_text("utf-8"))
    data["done"] = {"thank-you-email": "2026-11-20"}
    path.write_text(json.dumps(data), "utf-8")
    runner = CliRunner()
    assert len(json.loads(runner.invoke(main, ["plan", str(path), "--json"]).stdout)) == 3
    rows = json.loads(runner.invoke(main, ["plan", str(path), "--json", "--all"]).stdout)
    assert [(r["kind"], r["status"], r["done"]) for r in rows][0] == ("thank-you-email", "done", "2026-11-20")


def test_plan_missing_path_is_bad_input(tmp_path: Path) -> None:
    """A path that does not exist is bad input: a message and exit 2, no traceback."""
    result = CliRunner().invoke(main, ["plan", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "no such folder" in result.stderr
    assert "Traceback" not in result.output


def test_plan_bad_now_is_bad_input(fixture_ws: Workspace) -> None:
    """An unreadable --now is refused with exit 2 and the expected format."""
    result = CliRunner().invoke(main, ["plan", str(fixture_ws.root), "--now", "yesterday"])
    assert result.exit_code == 2 and "ISO 8601" in result.stderr


def test_calendar_writes_the_workspace_calendar(fixture_ws: Workspace) -> None:
    """`calendar PATH` writes output/followup.ics with one event per step, and exits 0."""
    result = CliRunner().invoke(main, ["calendar", str(fixture_ws.root)])
    assert result.exit_code == 0, result.output
    path = fixture_ws.root / "output" / "followup.ics"
    assert f"Wrote 10 event(s) for 3 interview(s) to {path}" in result.stderr
    assert len(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")) == 10


def test_calendar_to_a_chosen_file(fixture_ws: Workspace, tmp_path: Path) -> None:
    """`calendar PATH -o FILE --quiet` writes FILE and prints nothing."""
    target = tmp_path / "cal" / "mine.ics"
    result = CliRunner().invoke(main, ["calendar", str(fixture_ws.root), "-o", str(target), "--quiet"])
    assert result.exit_code == 0 and result.output == ""
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_calendar_of_one_interview_gets_its_own_file(fixture_ws: Workspace) -> None:
    """One interview's calendar goes to output/followup-<id>.ics, leaving the workspace's calendar alone."""
    result = CliRunner().invoke(main, ["calendar", str(fixture_ws.interview_path(ONSITE))])
    assert result.exit_code == 0
    path = fixture_ws.root / "output" / f"followup-{ONSITE}.ics"
    assert len(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")) == 4
    assert not (fixture_ws.root / "output" / "followup.ics").exists()


def test_calendar_reports_an_invalid_file_and_writes_the_others(fixture_ws: Workspace) -> None:
    """An invalid interview file is named on stderr with exit 2; the calendar still holds the others."""
    path = _break(fixture_ws, "2026-11-24-cobalt-video")
    result = CliRunner().invoke(main, ["calendar", str(fixture_ws.root)])
    assert result.exit_code == 2 and str(path) in result.stderr
    ics = (fixture_ws.root / "output" / "followup.ics").read_bytes()
    assert len(icalendar.Calendar.from_ical(ics).walk("VEVENT")) == 7
    assert b"cobalt" not in ics.lower()


def test_calendar_refuses_to_replace_a_foreign_file(fixture_ws: Workspace, tmp_path: Path) -> None:
    """An .ics that followup-kit did not write is not replaced: exit 2 and the file unchanged."""
    target = tmp_path / "family.ics"
    target.write_bytes(b"BEGIN:VCALENDAR\r\nPRODID:-//Family//EN\r\nEND:VCALENDAR\r\n")
    result = CliRunner().invoke(main, ["calendar", str(fixture_ws.root), "-o", str(target)])
    assert result.exit_code == 2 and "not written by followup-kit" in result.stderr
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\nPRODID:-//Family//EN")


def test_calendar_invalid_profile_is_bad_input(fixture_ws: Workspace) -> None:
    """Without a valid profile nothing can be planned: the profile's problem is named, exit 2."""
    (fixture_ws.root / "profile.json").write_text('{"format": "followup-kit/profile@1"}', "utf-8")
    result = CliRunner().invoke(main, ["calendar", str(fixture_ws.root)])
    assert result.exit_code == 2 and "profile.json" in result.stderr and "timezone" in result.stderr
    assert not (fixture_ws.root / "output" / "followup.ics").exists()


def test_demo_writes_the_calendar(tmp_path: Path) -> None:
    """`followup-kit demo` writes the demo's calendar among its outputs."""
    result = CliRunner().invoke(main, ["demo", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    path = tmp_path / "demo" / "output" / "followup.ics"
    assert f"calendar: {path}" in result.stderr
    assert len(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")) == 14


def test_plan_all_table_shows_the_status(fixture_ws: Workspace) -> None:
    """`plan --all` shows done steps and closed interviews in a Status column."""
    path = fixture_ws.interview_path(ONSITE)
    data = json.loads(path.read_text("utf-8"))
    data.update(done={"thank-you-email": "2026-11-20"}, outcome="offer")
    path.write_text(json.dumps(data), "utf-8")
    result = CliRunner().invoke(main, ["plan", str(path), "--all", "--now", "2026-11-01T00:00Z"])
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Due", "Status", "What"]
    assert lines[1] == "Lakeshore Metrics · Senior Product Analyst; offer"  # the application, its outcome
    assert "done 2026-11-20  Thank-you email: Lakeshore Metrics" in lines[2]
    assert all("closed" in line for line in lines[3:6])


def test_calendar_of_the_profile_file_covers_the_workspace(fixture_ws: Workspace) -> None:
    """Given profile.json, `calendar` writes the whole workspace's calendar, not an empty one."""
    result = CliRunner().invoke(main, ["calendar", str(fixture_ws.root / "profile.json")])
    assert result.exit_code == 0 and "Wrote 10 event(s)" in result.stderr
