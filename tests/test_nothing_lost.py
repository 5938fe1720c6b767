"""Nothing the user made is overwritten, and nothing in a workspace folder can hang or
crash a command: each test pins one way user work was lost or a command stopped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from followup_kit.cli import main
from followup_kit.model import replace
from followup_kit.session import Session
from followup_kit.workspace import Workspace

NORDWIND = "2026-11-19-nordwind-energie-onsite"
PHONE = "2026-11-20-mekong-freight-labs-phone-screen"


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """The command in a process of its own; ``stdout`` holds its stdout and stderr together."""
    return subprocess.run([sys.executable, "-m", "followup_kit", *args], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


# -- an edited draft ---------------------------------------------------------------------------

def test_an_edited_open_draft_is_kept_and_the_new_one_written_beside(demo_ws: Workspace) -> None:
    """A draft the user edited is not replaced by the next run: the new one goes beside it, with a warning."""
    assert CliRunner().invoke(main, ["emails", str(demo_ws.root)]).exit_code == 0
    (draft,) = sorted((demo_ws.output_dir / "emails").glob(f"{PHONE}--01-*.eml"))
    edited = draft.read_bytes().replace(b"Thank you", b"Many thanks", 1)
    draft.write_bytes(edited)
    result = CliRunner().invoke(main, ["emails", str(demo_ws.root)])
    assert result.exit_code == 0, result.output
    assert draft.read_bytes() == edited
    beside = draft.with_name(draft.stem + ".new.eml")
    assert beside.is_file() and b"Thank you" in beside.read_bytes()
    assert "you edited this draft" in result.stderr and beside.name in result.stderr


def test_an_unedited_draft_is_simply_rewritten(demo_ws: Workspace) -> None:
    """A draft as the kit wrote it is replaced in place when its interview changes."""
    session = Session(demo_ws)
    session.write_emails()
    interview = session.interview(PHONE)
    session.save(interview.with_interviewer(0, topics=["the route planner", "cold-chain sensors"]))
    again = Session(demo_ws).write_emails()
    assert not again.beside and not list((demo_ws.output_dir / "emails").glob("*.new.eml"))


# -- -o onto the user's records ----------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["cards", "{ws}", "-o", "{ws}/interviews/" + NORDWIND + ".json"],
    ["schema", "profile", "-o", "{ws}/profile.json"],
    ["calendar", "{ws}", "-o", "{ws}/interviews/" + PHONE + ".json"],
    ["notes", "{ws}", "-o", "{ws}/interviews"],
    ["emails", "{ws}", "-o", "{ws}/templates/notes"],
], ids=["cards", "schema", "calendar", "notes", "emails"])
def test_output_onto_a_record_is_refused(demo_ws: Workspace, args: list[str]) -> None:
    """-o naming an interview file, the profile or the records' folders is refused, files untouched."""
    before = {p: p.read_bytes() for p in demo_ws.root.rglob("*") if p.is_file()}
    result = CliRunner().invoke(main, [a.format(ws=demo_ws.root) for a in args])
    assert result.exit_code == 2
    assert "records of the workspace" in result.stderr and "Traceback" not in result.output
    assert {p: p.read_bytes() for p in demo_ws.root.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize(("command", "name"), [("cards", "mine.pdf"), ("calendar", "mine.ics"),
                                               ("schema", "mine.json")])
def test_output_over_a_file_the_kit_did_not_write_is_refused(demo_ws: Workspace, tmp_path: Path,
                                                             command: str, name: str) -> None:
    """An existing file of the user's is never replaced by an output."""
    mine = tmp_path / name
    mine.write_bytes(b"my own file")
    args = ["schema", "profile", "-o", str(mine)] if command == "schema" else [command, str(demo_ws.root), "-o", str(mine)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "not written by followup-kit" in result.stderr
    assert mine.read_bytes() == b"my own file"


def test_output_to_dev_null_is_written_not_replaced(demo_ws: Workspace) -> None:
    """`calendar -o /dev/null` writes into the device and leaves it a device."""
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null here")
    result = CliRunner().invoke(main, ["calendar", str(demo_ws.root), "-o", "/dev/null"])
    assert result.exit_code == 0, result.output
    assert Path("/dev/null").is_char_device()


# -- names that fold alike -----------------------------------------------------------------------

def test_names_that_fold_alike_get_files_of_their_own(demo_ws: Workspace, tmp_path: Path) -> None:
    """'Anna Müller' and 'Anna Muller' on one panel: two note files and two drafts, none overwritten."""
    session = Session(demo_ws)
    interview = session.interview(PHONE)
    first = interview.interviewers[0].model_dump(mode="json", exclude_none=True)
    people = [{**first, "name": "Anna Müller", "email": "anna.mueller@example.com"},
              {**first, "name": "Anna Muller", "email": "anna.muller@example.com", "topics": ["route planning"]}]
    session.save(replace(interview, interviewers=people))
    notes = Session(demo_ws, ids=[PHONE]).write_notes(tmp_path / "notes")
    assert len({p.name for p in notes.written}) == 2 and len(list((tmp_path / "notes").iterdir())) == 2
    drafts = Session(demo_ws, ids=[PHONE]).write_emails(tmp_path / "emails")
    thank_yous = [p for p in drafts.written if "--0" in p.name and "thank-you" in p.name]
    assert len(thank_yous) == 2 and len(set(thank_yous)) == 2


def test_a_very_long_id_gets_bounded_file_names(demo_ws: Workspace, tmp_path: Path) -> None:
    """An interview file named with 240 characters still gets its notes and drafts written."""
    long_id = "x" * 240
    os.rename(demo_ws.interview_path(PHONE), demo_ws.interview_path(long_id))
    result = CliRunner().invoke(main, ["emails", str(demo_ws.root), "-o", str(tmp_path / "e")])
    assert result.exit_code == 0, result.output
    assert all(len(p.name.encode()) <= 200 for p in (tmp_path / "e").iterdir())
    assert sum(p.name.startswith("x" * 100) for p in (tmp_path / "e").iterdir()) == 3


# -- the interviews folder ---------------------------------------------------------------------------

def test_a_missing_interviews_folder_is_an_error_not_an_empty_workspace(demo_ws: Workspace) -> None:
    """Without interviews/, check fails and calendar keeps the previous .ics instead of emptying it."""
    assert CliRunner().invoke(main, ["calendar", str(demo_ws.root)]).exit_code == 0
    ics = demo_ws.output_dir / "followup.ics"
    before = ics.read_bytes()
    os.rename(demo_ws.interviews_dir, demo_ws.root / "interviews-moved")
    for command in ("check", "calendar", "plan", "emails"):
        result = CliRunner().invoke(main, [command, str(demo_ws.root)])
        assert result.exit_code == 2, (command, result.output)
        assert "interviews: no such folder" in result.stderr
    assert ics.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_in_the_interviews_folder_does_not_hang(demo_ws: Workspace) -> None:
    """A named pipe called x.json is reported and skipped; every command still finishes."""
    os.mkfifo(demo_ws.interviews_dir / "pipe.json")
    for command in ("check", "plan", "calendar"):
        result = _run(command, str(demo_ws.root), timeout=60)
        assert result.returncode == 2 and "not a regular file" in result.stdout, (command, result.stdout)
        assert "Traceback" not in result.stdout


def test_a_link_to_an_endless_device_is_not_read(demo_ws: Workspace) -> None:
    """A symbolic link to /dev/zero called x.json is refused without reading it."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    (demo_ws.interviews_dir / "zero.json").symlink_to("/dev/zero")
    result = _run("check", str(demo_ws.root), timeout=60)
    assert result.returncode == 2 and "zero.json" in result.stdout and "not a regular file" in result.stdout


def test_a_huge_file_is_refused_before_it_is_read(demo_ws: Workspace) -> None:
    """A 20 MB "interview" is reported by size; the other interviews are still checked."""
    (demo_ws.interviews_dir / "huge.json").write_bytes(b" " * 20_000_000 + b"{}")
    result = CliRunner().invoke(main, ["check", str(demo_ws.root)])
    assert result.exit_code == 2 and "20,000,002 bytes" in result.output


def test_deep_nesting_is_a_message(demo_ws: Workspace) -> None:
    """JSON nested 100,000 deep is an invalid file, not a crash."""
    (demo_ws.interviews_dir / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    result = _run("check", str(demo_ws.root))
    assert result.returncode == 2 and "nested" in result.stdout and "Traceback" not in result.stdout


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_one_unreadable_file_is_reported_beside_the_others(demo_ws: Workspace) -> None:
    """A file that cannot be read is listed; the other interviews are planned all the same."""
    demo_ws.interview_path(PHONE).chmod(0)
    result = CliRunner().invoke(main, ["plan", str(demo_ws.root), "--json"])
    assert result.exit_code == 2 and PHONE in result.stderr
    assert {row["interview"] for row in json.loads(result.stdout)} == set(demo_ws.ids()) - {PHONE}


def test_an_upper_case_json_file_is_an_interview(demo_ws: Workspace) -> None:
    """interviews/X.JSON is read like x.json, not ignored silently."""
    os.rename(demo_ws.interview_path(PHONE), demo_ws.interviews_dir / f"{PHONE}.JSON")
    result = CliRunner().invoke(main, ["notes", str(demo_ws.root), "--json"])
    assert result.exit_code == 0 and PHONE in {row["interview"] for row in json.loads(result.stdout)}


def test_other_files_in_the_interviews_folder_are_reported(demo_ws: Workspace) -> None:
    """A stray notes.txt is named as skipped by check; it is a warning, not an error."""
    (demo_ws.interviews_dir / "notes.txt").write_text("to do")
    result = CliRunner().invoke(main, ["check", str(demo_ws.root)])
    assert "notes.txt: not an interview file" in result.output and result.exit_code in (0, 1)


# -- templates that cannot run code -------------------------------------------------------------

@pytest.mark.parametrize("payload", [
    "{{ cycler.__init__.__globals__.os.popen('touch PWNED') }}",
    "{{ self.__init__.__globals__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{% set x = person.topics.append('x') %}",
])
def test_a_workspace_template_cannot_run_code(demo_ws: Workspace, tmp_path: Path, payload: str) -> None:
    """A workspace's own template that reaches for Python is refused, naming the file; nothing runs."""
    from followup_kit.resources import templates_dir

    shipped = (templates_dir() / "notes" / "card.j2").read_text("utf-8")
    folder = demo_ws.root / "templates" / "notes"
    folder.mkdir(parents=True)
    (folder / "card.j2").write_text(shipped.replace("{% block body %}", "{% block body %}" + payload, 1), "utf-8")
    result = subprocess.run([sys.executable, "-m", "followup_kit", "check", str(demo_ws.root)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "card.j2" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "PWNED").exists() and not (demo_ws.root / "PWNED").exists()


def test_a_broken_workspace_template_is_a_message(demo_ws: Workspace) -> None:
    """A template with a syntax error stops the command with its file and line, not a traceback."""
    folder = demo_ws.root / "templates" / "notes"
    folder.mkdir(parents=True)
    (folder / "card.j2").write_text("{% block body %}{{ person.name }\n{% endblock %}\n", "utf-8")
    result = _run("notes", str(demo_ws.root))
    assert result.returncode == 2 and "card.j2, line 1" in result.stdout and "Traceback" not in result.stdout
