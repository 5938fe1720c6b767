"""`followup-kit new`: questions in the terminal that build an interview file, re-asking bad answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from followup_kit.cli import main
from followup_kit.sample import sample_profile
from followup_kit.workspace import Workspace

PROFILE_ANSWERS = ["Lena Hoffmann", "lena@example.org", "Gollierstraße 42 | 80339 München", "Europe/Berlin", "de", "BY"]
INTERVIEW_ANSWERS = [
    "Acme Analytics",            # company
    "350 N Orleans St | Chicago, IL 60654",  # company address, two lines
    "Data Analyst",              # role
    "onsite",                    # stage
    "in person",                 # medium, as people type it
    "2026-11-20 10:00",          # start
    "13:30",                     # end, on the start's day
    "America/Chicago",           # time zone (the profile's is Europe/Berlin)
    "date", "2026-12-04", "We decide by December 4.",
    # interviewer 1
    "Ana Dvořák", "business card", "Director of Analytics", "business card", "ana@acme.example",
    "dbt migration; pairing with product", "my experience with dbt", "We both ran the marathon.", "y",
    # interviewer 2: nothing checked
    "王秀英", "", "Staff Engineer", "", "", "backfills", "", "", "n",
    # reflection (R1)
    "SQL exercise; the indexing talk", "", "", "my certificate in March", "",
]


def answer(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def run(args: list[str], lines: list[str]) -> "CliRunner.invoke":
    return CliRunner().invoke(main, ["new", *args], input=answer(*lines))


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """A workspace with a profile (time zone Europe/Berlin)."""
    return Workspace.create(tmp_path / "ws", sample_profile())


def saved(ws: Workspace) -> dict:
    (path,) = ws.interviews_dir.glob("*.json")
    return json.loads(path.read_text("utf-8"))


def test_answers_become_an_interview_file(ws: Workspace) -> None:
    """Every answer lands in its field; the file is valid and saved under a readable id."""
    result = run([str(ws.root)], INTERVIEW_ANSWERS)
    assert result.exit_code == 0, result.output
    assert "saved: " in result.output and "2026-11-20-acme-analytics-onsite.json" in result.output
    data = saved(ws)
    assert data["company_address"] == "350 N Orleans St\nChicago, IL 60654"
    assert (data["medium"], data["start"], data["end"]) == ("in-person", "2026-11-20T10:00", "2026-11-20T13:30")
    assert data["timezone"] == "America/Chicago"
    assert data["timeline"] == {"kind": "date", "date": "2026-12-04", "said": "We decide by December 4."}
    assert data["reflection"]["went_well"] == ["SQL exercise", "the indexing talk"]
    assert data["reflection"]["forgot_to_mention"] == ["my certificate in March"]


def test_each_interviewer_with_where_it_was_checked(ws: Workspace) -> None:
    """Names in any script, titles and their sources are kept per person (R2, R4)."""
    run([str(ws.root)], INTERVIEW_ANSWERS)
    ana, wang = saved(ws)["interviewers"]
    assert ana["name"] == "Ana Dvořák" and ana["checked"] == {"name": "business card", "title": "business card"}
    assert ana["topics"] == ["dbt migration", "pairing with product"]
    assert ana["concerns"] == ["my experience with dbt"]  # R22: the concerns this person raised
    assert wang["name"] == "王秀英" and wang["checked"] == {} and "email" not in wang


def test_unchecked_names_get_a_reminder(ws: Workspace) -> None:
    """An interviewer whose name and title nobody checked is pointed out after saving (R2, R11)."""
    result = run([str(ws.root)], INTERVIEW_ANSWERS)
    assert "reminder: check the name and title of 王秀英" in result.output
    assert "of Ana Dvořák" not in result.output


@pytest.mark.parametrize(
    ("position", "wrong", "words"),
    [
        (3, "onsite-2", "expected one of 'phone-screen'"),
        (4, "zoom", "'in-person'"),
        (5, "20/11/2026 10:00", "such as 2026-11-20 10:00"),  # the form the question asks for
        (6, "09:00", "a time after the start"),
        (7, "America/Chicgo", "Did you mean 'America/Chicago'?"),
        (8, "soon", "a timeline kind"),
        (9, "12/04/2026", "a date written YYYY-MM-DD"),
        (15, "ana@acme", "an email address"),
    ],
    ids=["stage", "medium", "start", "end", "timezone", "timeline", "date", "email"],
)
def test_a_wrong_answer_is_explained_and_asked_again(ws: Workspace, position: int, wrong: str, words: str) -> None:
    """An invalid answer gets the model's plain-words message and the same question again."""
    lines = INTERVIEW_ANSWERS[:position] + [wrong] + INTERVIEW_ANSWERS[position:]
    result = run([str(ws.root)], lines)
    assert result.exit_code == 0, result.output
    assert f"Error: expected" in result.output and words in result.output
    assert saved(ws)["company"] == "Acme Analytics"


@pytest.mark.parametrize("empty", ["", "   "], ids=["enter", "spaces"])
def test_a_required_answer_cannot_be_empty(ws: Workspace, empty: str) -> None:
    """Pressing Enter (or only spaces) on a required question asks it again."""
    result = run([str(ws.root)], [empty, *INTERVIEW_ANSWERS])
    assert result.exit_code == 0
    assert saved(ws)["company"] == "Acme Analytics"
    assert result.output.count("Company: ") == 2


def test_enter_keeps_the_profile_time_zone(ws: Workspace) -> None:
    """The time zone defaults to the profile's, and then is not repeated in the file."""
    lines = list(INTERVIEW_ANSWERS)
    lines[7] = ""
    result = run([str(ws.root)], lines)
    assert "[Europe/Berlin]" in result.output
    assert "timezone" not in saved(ws)


def test_within_timeline_in_business_days(ws: Workspace) -> None:
    """'within' asks for the number of days and whether they are business days (R3)."""
    lines = INTERVIEW_ANSWERS[:8] + ["within", "ten", "10", "y", ""] + INTERVIEW_ANSWERS[11:]
    result = run([str(ws.root)], lines)
    assert result.exit_code == 0, result.output
    assert "a whole number" in result.output
    assert saved(ws)["timeline"] == {"kind": "within", "days": 10, "business": True}


def test_a_folder_without_profile_gets_one_first(tmp_path: Path) -> None:
    """`new` on an empty folder asks for the profile, creates the workspace, then the interview."""
    result = run([str(tmp_path / "fresh")], [*PROFILE_ANSWERS, *INTERVIEW_ANSWERS])
    assert result.exit_code == 0, result.output
    ws = Workspace.open(tmp_path / "fresh")
    profile = ws.profile()
    assert (profile.name, profile.country, profile.subdivision) == ("Lena Hoffmann", "DE", "BY")
    assert len(ws.interviews().interviews) == 1


def test_a_wrong_profile_answer_is_asked_again(tmp_path: Path) -> None:
    """A country code that does not exist is explained and asked again."""
    lines = ["Lena Hoffmann", "", "", "Europe/Berlin", "XX", "DE", "", *INTERVIEW_ANSWERS]
    result = run([str(tmp_path / "fresh")], lines)
    assert result.exit_code == 0, result.output
    assert "ISO 3166" in result.output


def test_input_ending_early_writes_nothing_and_exits_2(ws: Workspace) -> None:
    """When the answers stop half-way, nothing is saved and the exit code is 2."""
    result = run([str(ws.root)], INTERVIEW_ANSWERS[:6])
    assert result.exit_code == 2
    assert "nothing was written" in result.stderr
    assert list(ws.interviews_dir.glob("*.json")) == []


def test_an_invalid_profile_exits_2(ws: Workspace) -> None:
    """A workspace whose profile.json is broken is bad input: exit 2, file untouched."""
    path = ws.root / "profile.json"
    path.write_text('{"format": "followup-kit/profile@1"}', encoding="utf-8")
    result = run([str(ws.root)], INTERVIEW_ANSWERS)
    assert result.exit_code == 2 and "name" in result.stderr
    assert path.read_text("utf-8") == '{"format": "followup-kit/profile@1"}'


def test_default_workspace_is_the_current_folder(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """`followup-kit new` with no argument works in the current folder."""
    monkeypatch.chdir(ws.root)
    assert run([], INTERVIEW_ANSWERS).exit_code == 0
    assert saved(ws)["role"] == "Data Analyst"


def test_the_profile_asks_for_the_postal_address(tmp_path: Path) -> None:
    """A new workspace's profile records the postal address that goes on the backs of the cards."""
    result = run([str(tmp_path / "fresh")], [*PROFILE_ANSWERS, *INTERVIEW_ANSWERS])
    assert result.exit_code == 0, result.output
    profile = json.loads((tmp_path / "fresh" / "profile.json").read_text("utf-8"))
    assert profile["address"] == "Gollierstraße 42\n80339 München"


def test_a_duplicate_is_refused_before_the_rest_is_asked(ws: Workspace) -> None:
    """Entering an interview already in the workspace stops after its start, writing nothing."""
    assert run([str(ws.root)], INTERVIEW_ANSWERS).exit_code == 0
    before = sorted(ws.interviews_dir.iterdir())
    result = run([str(ws.root)], INTERVIEW_ANSWERS[:6])
    assert result.exit_code == 2 and "already in the workspace" in result.stderr
    assert "Time zone" not in result.output
    assert sorted(ws.interviews_dir.iterdir()) == before
