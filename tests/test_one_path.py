"""One route from the workspace to every output: each test pins a drift between the
command line, the panels and the library that the session closed."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from followup_kit.cli import main
from followup_kit.session import Session
from followup_kit.workspace import Workspace

NORDWIND = "2026-11-19-nordwind-energie-onsite"
#: A sentence only the workspace's own card template says.
OWN_WORDING = "Your workshop on grid storage was the highlight of my week."


def _own_card_template(ws: Workspace, line: str = OWN_WORDING) -> None:
    """The workspace's own copy of the card template, with one more line at the end of the body."""
    from followup_kit.resources import templates_dir

    shipped = (templates_dir() / "notes" / "card.j2").read_text("utf-8")
    at = shipped.index("{% endblock %}", shipped.index("{% block body %}"))
    head, body_end, tail = shipped[:at], "{% endblock %}", shipped[at + len("{% endblock %}"):]
    folder = ws.root / "templates" / "notes"
    folder.mkdir(parents=True)
    (folder / "card.j2").write_text(f"{head}{line}\n{body_end}{tail}", "utf-8")


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


# -- profile.json stands for the whole workspace, for every command --------------------------

def test_check_of_profile_json_checks_every_interview(demo_ws: Workspace) -> None:
    """`check WS/profile.json` checks the workspace's interviews, not zero of them."""
    result = CliRunner().invoke(main, ["check", str(demo_ws.root / "profile.json")])
    assert result.exit_code == 0, result.output
    assert f"profile and {len(demo_ws.ids())} interview file(s) are valid" in result.stderr


def test_notes_of_profile_json_writes_every_note(demo_ws: Workspace) -> None:
    """`notes WS/profile.json --json` lists a note per interviewer of every interview."""
    result = CliRunner().invoke(main, ["notes", str(demo_ws.root / "profile.json"), "--json"])
    assert result.exit_code == 0, result.output
    expected = sum(len(i.interviewers) for i in demo_ws.interviews())
    assert len(json.loads(result.stdout)) == expected > 0


def test_cards_of_profile_json_prints_the_in_person_cards(demo_ws: Workspace, tmp_path: Path) -> None:
    """`cards WS/profile.json` prints the cards of the workspace's in-person interview."""
    out = tmp_path / "cards.pdf"
    result = CliRunner().invoke(main, ["cards", str(demo_ws.root / "profile.json"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Jürgen Weiß" in _pdf_text(out)


# -- a workspace's own templates, everywhere ---------------------------------------------------

def test_workspace_templates_reach_the_cards_pdf(demo_ws: Workspace, tmp_path: Path) -> None:
    """The cards PDF uses the workspace's own card template, as `notes` does."""
    _own_card_template(demo_ws)
    out = tmp_path / "cards.pdf"
    result = CliRunner().invoke(main, ["cards", str(demo_ws.root), "-o", str(out), "--sheet", "card"])
    assert result.exit_code == 0, result.output
    assert OWN_WORDING in _pdf_text(out)


def test_workspace_templates_reach_the_notes_panel(demo_ws: Workspace) -> None:
    """The notes panel shows the notes in the workspace's own wording."""
    from followup_kit.ui import NotesPanel

    _own_card_template(demo_ws)
    panel = NotesPanel(demo_ws, NORDWIND)
    assert all(OWN_WORDING in editor.text.value for editor in panel.notes.children)


def test_workspace_templates_reach_the_cards_panel(demo_ws: Workspace) -> None:
    """The cards panel composes its cards in the workspace's own wording."""
    from followup_kit.ui import CardsPanel

    _own_card_template(demo_ws)
    panel = CardsPanel(demo_ws, NORDWIND)
    assert panel.notes and all(OWN_WORDING in note.text for note in panel.notes)


def test_workspace_templates_reach_the_workspace_proofreading(demo_ws: Workspace) -> None:
    """Proofreading a whole workspace reads the notes in the workspace's own wording:
    a misspelling in the template is found."""
    _own_card_template(demo_ws, "I am truely grateful.")
    findings = Session(demo_ws).findings()
    assert any(f.code == "spelling" and "truely" in f.message for f in findings)


# -- never a traceback -------------------------------------------------------------------------

def test_demo_into_an_impossible_folder_is_a_message(tmp_path: Path) -> None:
    """`demo` into a folder that cannot be made exits 2 with a message, no traceback."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for target in (blocker / "demo", Path("/proc/nope")):
        result = subprocess.run([sys.executable, "-m", "followup_kit", "demo", str(target)],
                                capture_output=True, text=True)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and str(target) in result.stderr
        assert "error:" in result.stderr


def test_new_given_profile_json_uses_its_workspace(tmp_path: Path) -> None:
    """`new WS/profile.json` adds the interview to that workspace instead of a traceback."""
    from test_new_command import INTERVIEW_ANSWERS, answer

    from followup_kit.sample import sample_profile

    ws = Workspace.create(tmp_path / "ws", sample_profile())
    result = CliRunner().invoke(main, ["new", str(ws.root / "profile.json")], input=answer(*INTERVIEW_ANSWERS))
    assert result.exit_code == 0, result.output
    assert ws.ids() == ["2026-11-20-acme-analytics-onsite"]


def test_new_given_a_file_is_a_message(tmp_path: Path) -> None:
    """`new` given a file that is not a workspace exits 2 with a message and writes nothing."""
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine")
    result = subprocess.run([sys.executable, "-m", "followup_kit", "new", str(blocker)],
                            capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert str(blocker) in result.stderr and blocker.read_text() == "mine"


# -- files honour the umask ----------------------------------------------------------------------

@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_output_files_honour_the_umask(tmp_path: Path) -> None:
    """Under umask 022 every output and record is readable by colleagues (0644), not 0600."""
    result = subprocess.run(["sh", "-c", f'umask 022 && "{sys.executable}" -m followup_kit demo "{tmp_path / "d"}"'],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    written = [p for p in (tmp_path / "d" / "output").rglob("*") if p.is_file()]
    assert written and {stat.S_IMODE(p.stat().st_mode) for p in written} == {0o644}


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_save_keeps_the_file_mode(demo_ws: Workspace) -> None:
    """Saving an interview keeps the permissions its file had."""
    path = demo_ws.interview_path(NORDWIND)
    path.chmod(0o640)
    session = Session(demo_ws)
    session.save(session.interview(NORDWIND).with_interviewer(0, note=None))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


# -- stdout is data, stderr is messages ----------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["calendar", "{ws}"],
    ["cards", "{ws}", "--draft"],
    ["check", "{ws}"],
    ["emails", "{ws}"],
    ["notes", "{ws}", "-o", "{tmp}/notes"],
    ["schema", "profile", "-o", "{tmp}/profile.schema.json"],
    ["demo", "{tmp}/demo"],
    ["import", "{csv}", "-w", "{ws}"],
], ids=lambda a: a[0])
def test_written_to_lines_go_to_stderr(demo_ws: Workspace, tmp_path: Path, args: list[str]) -> None:
    """Every command says what it wrote on stderr and leaves stdout empty (no data asked for)."""
    from followup_kit.resources import cohort_template

    args = [a.format(ws=demo_ws.root, tmp=tmp_path, csv=cohort_template()) for a in args]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    assert result.stdout == ""
    assert result.stderr.strip()


def test_workspace_templates_reach_the_calendar(demo_ws: Workspace) -> None:
    """The calendar's entries use the workspace's own calendar wording, as the notes do."""
    from followup_kit.resources import templates_dir

    shipped = (templates_dir() / "calendar" / "move-on.j2").read_text("utf-8")
    folder = demo_ws.root / "templates" / "calendar"
    folder.mkdir(parents=True)
    (folder / "move-on.j2").write_text(shipped.replace("Time to move on?", "Close the file?"), "utf-8")
    result = CliRunner().invoke(main, ["calendar", str(demo_ws.root)])
    assert result.exit_code == 0, result.output
    ics = (demo_ws.output_dir / "followup.ics").read_text("utf-8")
    assert "SUMMARY:Close the file? " in ics and "Time to move on?" not in ics
    plan = CliRunner().invoke(main, ["plan", str(demo_ws.root)])
    assert "Close the file?" in plan.stdout
