"""The reference examples of the workspace format are read as they are.

This is the one test that reads outside the repository: the example workspaces under
``../shared/examples`` (beside the repository's folder). Where they are absent it skips and
says so; every other test uses the suite's own workspace under tests/fixtures/.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from followup_kit.cli import main
from followup_kit.workspace import Workspace

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "examples"


def _run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def _inputs(root: Path) -> dict[Path, bytes]:
    """The user's files of a workspace (everything outside output/), by path."""
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and "output" not in p.relative_to(root).parts}


def test_the_reference_examples_are_accepted(tmp_path: Path) -> None:
    """Every example workspace is valid, planned, written out (calendar, notes, cards, emails), never changed."""
    if not EXAMPLES.is_dir():
        pytest.skip(f"the reference examples are not beside the repository ({EXAMPLES} is absent); "
                    "this test reads them, every other test uses tests/fixtures/")
    sources = sorted(p.parent for p in EXAMPLES.rglob("profile.json"))
    assert sources, f"no example workspace (a folder with profile.json) under {EXAMPLES}"
    for source in sources:
        root = tmp_path / source.relative_to(EXAMPLES)
        shutil.copytree(source, root)
        before = _inputs(root)
        workspace = Workspace.open(root)
        listing = workspace.interviews()
        assert not listing.invalid, (source, listing.invalid)
        ids = {i.id for i in listing}
        assert ids == {p.stem for p in (root / "interviews").glob("*.json")}, source
        people = sum(len(i.interviewers) for i in listing)

        # check: no error, so exit 0; anything it finds is a warning about the record's own gaps.
        check = _run("check", root, "--json")
        assert check.exit_code == 0, (source, check.output)
        assert {row["severity"] for row in json.loads(check.output)} <= {"warning"}, source

        plan = _run("plan", root, "--json")
        assert plan.exit_code == 0, (source, plan.output)
        steps = json.loads(plan.stdout)
        assert {row["interview"] for row in steps} == ids, source

        calendar = _run("calendar", root)
        assert calendar.exit_code == 0, (source, calendar.output)
        events = icalendar.Calendar.from_ical((root / "output" / "followup.ics").read_bytes()).walk("VEVENT")
        assert len(events) == len(steps), source

        notes = _run("notes", root, "--json")
        assert notes.exit_code == 0, (source, notes.output)
        assert len(json.loads(notes.stdout)) == people, source

        # Cards: only for in-person interviews, and only for checked names and titles unless
        # printed as drafts; the refusal names each unchecked person.
        in_person = [i for i in listing if i.medium == "in-person"]
        unchecked = [p.name for i in in_person for p in i.interviewers
                     if p.checked.name is None or (p.title and p.checked.title is None)]
        cards = _run("cards", root, "-o", tmp_path / "cards.pdf")
        if not in_person:
            assert cards.exit_code == 2 and "in-person" in cards.output, (source, cards.output)
        elif unchecked:
            assert cards.exit_code == 2 and all(name in cards.output for name in unchecked), (source, cards.output)
            assert not (tmp_path / "cards.pdf").exists()
        else:
            assert cards.exit_code == 0, (source, cards.output)
        if in_person:
            drafts = _run("cards", root, "--draft", "-o", tmp_path / "drafts.pdf")
            assert drafts.exit_code == 0, (source, drafts.output)
            assert (tmp_path / "drafts.pdf").read_bytes().startswith(b"%PDF-")

        # Emails: every draft with an address is written; exit 1 says some person has none.
        emails = _run("emails", root, "--json")
        rows = json.loads(emails.stdout)
        without = [row for row in rows if row["problem"]]
        assert emails.exit_code == (1 if without else 0), (source, emails.output)
        assert all(Path(row["file"]).is_file() for row in rows if not row["problem"]), source
        assert {row["interview"] for row in rows} == ids, source

        assert _inputs(root) == before, f"{source}: a command changed the user's files"
