"""The command line as a whole: every command, every exit code it documents, help, options, the README.

The table below runs each command through click's runner on a fresh copy of the demo
workspace, set up so that the command must exit with the code in the table; a few
rows also go through the real entry point (``python -m followup_kit`` and the
installed ``followup-kit`` script) in a subprocess.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Callable

import click
import pytest
from click.testing import CliRunner

from followup_kit.cli import main
from followup_kit.demo import copy_demo
from followup_kit.workspace import Workspace, dump_json

REPO = Path(__file__).resolve().parent.parent
ONSITE = "2026-11-19-nordwind-energie-onsite"
VIDEO = "2026-11-23-dnipro-robotics-first-round"
COMMANDS = ["demo", "new", "check", "plan", "notes", "cards", "calendar", "emails", "import", "done", "outcome",
            "schema"]
FINAL = "2026-11-24-aegean-analytics-final"

CSV_HEADER = ("company,role,stage,medium,start,end,timeline,name,title,name_checked,title_checked,"
              "email,topics\r\n")
CSV_GOOD = ("Mekong Freight Labs,Data Engineer,phone-screen,phone,2026-12-01 16:00,16:30,none,"
            "Nguyễn Thị Thu Hà,Recruiter,HR,HR,ha@mekong.example,remote team\r\n")
CSV_BAD = ("Gulf Harbour,Analyst,first-round,zoom,2026-12-02 09:00,10:00,none,"
           "ليلى حداد,,,,,\r\n")
NEW_ANSWERS = [
    "Acme Analytics", "", "Data Analyst", "onsite", "in person", "2026-11-20 10:00", "13:30", "",
    "none", "",
    "Ana Dvořák", "business card", "Director of Analytics", "business card", "ana@acme.example",
    "dbt migration", "", "", "n",
    "", "", "", "", "",
]


# -- setting the scene for each row of the table ------------------------------------------

def _edit(ws: Workspace, interview_id: str, change: Callable[[dict], None]) -> None:
    path = ws.interview_path(interview_id)
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_bytes(dump_json(data))


def demo_only(ws: Workspace) -> None:
    """The demo workspace as shipped."""


def invalid_interview(ws: Workspace) -> None:
    """One interview file is not valid JSON of the format."""
    ws.interview_path(VIDEO).write_text('{"format": "followup-kit/interview@1"}', encoding="utf-8")


def text_speak_note(ws: Workspace) -> None:
    """A note in text-message style: an error finding (R10)."""
    _edit(ws, ONSITE, lambda d: d["interviewers"][1].update(
        note="Dear Jürgen,\n\nthx for the chat about schema evolution!\n\nLena Hoffmann"))


def no_email(ws: Workspace) -> None:
    """One interviewer has no email address (R12)."""
    _edit(ws, VIDEO, lambda d: d["interviewers"][1].pop("email"))


def unverified_name(ws: Workspace) -> None:
    """A card's name nobody checked (R2)."""
    _edit(ws, ONSITE, lambda d: d["interviewers"][0]["checked"].pop("name"))


def foreign_ics(ws: Workspace) -> None:
    """An .ics that followup-kit did not write sits where the calendar goes."""
    ws.output_dir.mkdir(parents=True, exist_ok=True)
    (ws.output_dir / "followup.ics").write_text("BEGIN:VCALENDAR\r\nPRODID:-//other//EN\r\nEND:VCALENDAR\r\n")


def other_workspace(ws: Workspace) -> None:
    """The folder holds someone's own workspace, not the demo."""
    profile = ws.root / "profile.json"
    profile.write_text(profile.read_text("utf-8").replace("Lena Hoffmann", "Ana Dvořák"), encoding="utf-8")


def csv_files(ws: Workspace) -> None:
    """Spreadsheets beside the workspace: all good, and one with a bad row."""
    (ws.root.parent / "good.csv").write_text(CSV_HEADER + CSV_GOOD, encoding="utf-8")
    (ws.root.parent / "mixed.csv").write_text(CSV_HEADER + CSV_GOOD + CSV_BAD, encoding="utf-8")


def empty_folder(ws: Workspace) -> None:
    """An empty folder for a new workspace."""
    (ws.root.parent / "fresh").mkdir()


#: command, scene, arguments ({ws} the demo workspace, {tmp} beside it), exit code, text in the output
TABLE = [
    ("demo", demo_only, ["demo", "{tmp}/copy"], 0, "email drafts: "),
    ("demo", other_workspace, ["demo", "{ws}"], 2, "already holds a workspace"),
    ("new", demo_only, ["new", "{ws}"], 0, "saved: "),
    ("new", empty_folder, ["new", "{tmp}/fresh"], 2, "the input ended"),
    ("check", demo_only, ["check", "{ws}"], 0, "ok: "),
    ("check", text_speak_note, ["check", "{ws}"], 1, "[text-speak]"),
    ("check", invalid_interview, ["check", "{ws}"], 2, "company: expected"),
    ("plan", demo_only, ["plan", "{ws}", "--now", "2026-11-01T00:00+01:00"], 0, "step(s) for 4 interview(s)"),
    ("plan", invalid_interview, ["plan", "{ws}"], 2, "company: expected"),
    ("plan", demo_only, ["plan", "{ws}", "--now", "yesterday"], 2, "ISO 8601"),
    ("notes", demo_only, ["notes", "{ws}"], 0, "Dear Małgorzata,"),
    ("notes", invalid_interview, ["notes", "{ws}"], 2, "company: expected"),
    ("cards", demo_only, ["cards", "{ws}", "-o", "{tmp}/cards.pdf"], 0, "Cards written to"),
    ("cards", unverified_name, ["cards", "{ws}"], 2, "Małgorzata Wiśniewska"),
    ("cards", demo_only, ["cards", "{ws}", "--size", "huge"], 2, "huge"),
    ("calendar", demo_only, ["calendar", "{ws}"], 0, "Wrote 14 event(s) for 4 interview(s)"),
    ("calendar", foreign_ics, ["calendar", "{ws}"], 2, "was not written by followup-kit"),
    ("calendar", invalid_interview, ["calendar", "{ws}"], 2, "company: expected"),
    ("emails", demo_only, ["emails", "{ws}"], 0, "Wrote 16 draft(s) for 4 interview(s)"),
    ("emails", no_email, ["emails", "{ws}"], 1, "HR department"),
    ("emails", invalid_interview, ["emails", "{ws}"], 2, "company: expected"),
    ("emails", demo_only, ["emails", "{tmp}/nowhere"], 2, "no such folder"),
    ("import", csv_files, ["import", "{tmp}/good.csv", "-w", "{ws}"], 0, "1 interview(s) imported"),
    ("import", csv_files, ["import", "{tmp}/mixed.csv", "-w", "{ws}"], 1, "row 3, column medium"),
    ("import", csv_files, ["import", "{tmp}/missing.csv", "-w", "{ws}"], 2, "missing.csv"),
    ("import", demo_only, ["import", "--template"], 0, "interview,company"),
    ("done", demo_only, ["done", f"{{ws}}/interviews/{ONSITE}.json", "thank-you-email", "--on", "2026-11-19"], 0,
     "Marked the thank-you email done on Thu 19 Nov 2026"),
    ("done", demo_only, ["done", VIDEO, "thank-you-cards", "-w", "{ws}"], 2, "only an in-person interview has cards"),
    ("done", demo_only, ["done", VIDEO, "move-on", "-w", "{ws}", "--on", "soon"], 2, "YYYY-MM-DD"),
    ("outcome", demo_only, ["outcome", FINAL, "rejected", "--on", "2026-12-01", "-w", "{ws}"], 0,
     "Next: Reply to the rejection: Aegean Analytics (Lead Data Engineer), due Wed 2 Dec 2026 09:00 CET."),
    ("outcome", demo_only, ["outcome", "2026-12-01-nowhere", "offer", "-w", "{ws}"], 2, "no such interview file"),
    ("outcome", invalid_interview, ["outcome", VIDEO, "offer", "-w", "{ws}"], 2, "company: expected"),
    ("schema", demo_only, ["schema", "profile"], 0, '"timezone"'),
    ("schema", demo_only, ["schema", "widget"], 2, "widget"),
]


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return copy_demo(tmp_path / "ws")


@pytest.mark.parametrize(("command", "scene", "args", "code", "text"), TABLE,
                         ids=[f"{row[0]}-{row[3]}-{row[1].__name__}" for row in TABLE])
def test_exit_code(ws: Workspace, command: str, scene: Callable[[Workspace], None], args: list[str],
                   code: int, text: str) -> None:
    """Each command exits with the documented code in each situation, and says why."""
    scene(ws)
    argv = [a.format(ws=ws.root, tmp=ws.root.parent) for a in args]
    answers = "\n".join(NEW_ANSWERS) + "\n" if command == "new" and code == 0 else ""
    result = CliRunner().invoke(main, argv, input=answers)
    assert result.exit_code == code, result.output
    assert text in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_table_covers_every_command_and_code() -> None:
    """The table holds every command, with each exit code the README documents for it."""
    documented = readme_exit_codes()
    covered: dict[str, set[int]] = {}
    for command, _, _, code, _ in TABLE:
        covered.setdefault(command, set()).add(code)
    assert set(covered) == set(COMMANDS) == set(main.commands)
    assert covered == documented


def readme_exit_codes() -> dict[str, set[int]]:
    """command -> the exit codes listed in the README's 'Command line' table."""
    text = (REPO / "README.md").read_text("utf-8")
    section = text.split("## Command line", 1)[1].split("\n## ", 1)[0]
    codes: dict[str, set[int]] = {}
    for line in section.splitlines():
        match = re.match(r"\| `followup-kit (\w+)[^`]*` \|.* \| ([^|]*) \|$", line)
        if match:
            codes.setdefault(match.group(1), set()).update(int(c) for c in re.findall(r"\b[012]\b", match.group(2)))
    return codes


# -- help and options -----------------------------------------------------------------------

@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_examples_and_exit_codes(command: str) -> None:
    """`--help` of every command shows examples and its exit codes."""
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output and "Exit codes:" in result.output
    assert f"followup-kit {command}" in result.output.split("Examples:", 1)[1]


@pytest.mark.parametrize("command", COMMANDS)
def test_options_are_spelled_alike(command: str) -> None:
    """--quiet always has -q, --output always -o, and --json is a flag."""
    options = {o.name: o for o in main.commands[command].params if isinstance(o, click.Option)}
    if "quiet" in options:
        assert options["quiet"].opts == ["-q", "--quiet"]
    if "output" in options:
        assert options["output"].opts == ["-o", "--output"]
    if "as_json" in options:
        assert options["as_json"].opts == ["--json"] and options["as_json"].is_flag


@pytest.mark.parametrize("command", ["plan", "notes", "cards", "calendar", "emails", "check", "import", "demo"])
def test_commands_over_many_files_take_quiet(command: str) -> None:
    """Every command that works through a workspace can be silenced with -q."""
    assert "-q" in [opt for p in main.commands[command].params for opt in p.opts]


def test_usage_error_is_exit_2() -> None:
    """An unknown option is bad input: exit 2 with click's usage message."""
    result = CliRunner().invoke(main, ["plan", "--frobnicate"])
    assert result.exit_code == 2 and "No such option" in result.output


def test_demo_json_lists_every_output(tmp_path: Path) -> None:
    """`demo --json` lists notes, cards, calendar and drafts, each file existing."""
    result = CliRunner().invoke(main, ["demo", str(tmp_path / "d"), "--json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    steps = {row["step"] for row in report["files"]}
    assert steps == {"thank-you notes", "cards", "calendar", "email drafts"}
    assert all(Path(row["path"]).is_file() for row in report["files"])


def test_demo_quiet_prints_nothing(tmp_path: Path) -> None:
    """`demo -q` builds everything and prints nothing."""
    result = CliRunner().invoke(main, ["demo", str(tmp_path / "d"), "-q"])
    assert result.exit_code == 0 and result.output == ""
    assert len(list((tmp_path / "d" / "output" / "emails").glob("*.eml"))) == 16


def test_schema_to_a_file(tmp_path: Path) -> None:
    """`schema -o FILE` writes the same JSON that it prints."""
    printed = CliRunner().invoke(main, ["schema", "interview"]).stdout
    result = CliRunner().invoke(main, ["schema", "interview", "-o", str(tmp_path / "s.json")])
    assert result.exit_code == 0 and (tmp_path / "s.json").read_text("utf-8") == printed


def test_no_color_turns_colour_off(ws: Workspace) -> None:
    """NO_COLOR set: no colour even when colour is asked for."""
    result = CliRunner().invoke(main, ["check", str(ws.root)], color=True, env={"NO_COLOR": "1"})
    assert result.exit_code == 0 and "\x1b[" not in result.output
    coloured = CliRunner().invoke(main, ["check", str(ws.root)], color=True)
    assert "\x1b[32m" in coloured.output


# -- the real entry point ----------------------------------------------------------------------

@pytest.mark.parametrize(("scene", "args", "code"), [
    (demo_only, ["check", "{ws}"], 0),
    (no_email, ["emails", "{ws}", "--quiet"], 1),
    (demo_only, ["plan", "{tmp}/missing"], 2),
], ids=["0", "1", "2"])
def test_python_m_followup_kit_exit_codes(ws: Workspace, scene: Callable[[Workspace], None], args: list[str],
                                          code: int) -> None:
    """`python -m followup_kit` returns 0, 1 and 2 to the shell, never with a traceback."""
    scene(ws)
    argv = [a.format(ws=ws.root, tmp=ws.root.parent) for a in args]
    proc = subprocess.run([sys.executable, "-m", "followup_kit", *argv], capture_output=True, text=True)
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr


def test_installed_script_runs() -> None:
    """The `followup-kit` console script is installed beside the interpreter and lists every command."""
    script = Path(sys.executable).parent / "followup-kit"
    if not script.exists():
        pytest.skip("the console script is not installed beside this interpreter")
    proc = subprocess.run([str(script), "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert all(command in proc.stdout for command in COMMANDS)
