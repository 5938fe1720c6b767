"""Proofreading: planted faults are found with the right code and place; clean notes stay clean."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, Callable

import pytest

from followup_kit.compose import compose_notes
from followup_kit.model import Interview, Profile
from followup_kit.names import check_email, names_person, salutation
from followup_kit.proofread import DUPLICATE_RATIO, Finding, proofread
from followup_kit.session import Session
from followup_kit.resources import demo_dir
from followup_kit.workspace import Workspace

ONSITE = demo_dir() / "interviews" / "2026-11-19-nordwind-energie-onsite.json"
PROFILE = Workspace.open(demo_dir()).profile()

# Jürgen's note in the candidate's own words: clean, so that each case below plants one fault.
GOOD_NOTE = """Dear Jürgen,

Thank you for taking the time to meet with me on Thursday. I especially enjoyed our conversation
about schema evolution for sensor data, and hearing how the team's code review habits keep the
platform healthy.

I also meant to say that I organise the Munich Data Engineering meetup, where we often discuss
exactly these questions; you would be very welcome to join us one evening.

I left even more enthusiastic about joining Nordwind Energie, and I look forward to hearing from you.

Kind regards,
Lena Hoffmann"""


def _record() -> dict[str, Any]:
    data = json.loads(ONSITE.read_text("utf-8"))
    data["interviewers"][1]["note"] = GOOD_NOTE
    return data


def _load(data: dict[str, Any]) -> Interview:
    return Interview.from_record(data, id=ONSITE.stem)


def _note(old: str, new: str, who: int = 1) -> Callable[[dict[str, Any]], None]:
    def plant(data: dict[str, Any]) -> None:
        assert old in GOOD_NOTE
        data["interviewers"][who]["note"] = GOOD_NOTE.replace(old, new)
    return plant


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def plant(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        if value is None:
            del target[last]
        else:
            target[last] = value
    return plant


LONG = " ".join(["I would also like to add a little more about the streaming work we discussed."] * 6)

# (id, plant, code, severity, interviewer index, field)
FAULTS = [
    ("misspelled word", _note("conversation", "conversaton"), "spelling", "error", 1, "interviewers[1].note"),
    ("name without its accent", _note("Dear Jürgen,", "Dear Jurgen,"), "name-spelling", "error", 1,
     "interviewers[1].note"),
    ("misspelled company", _note("joining Nordwind Energie", "joining Nordwnd Energie"), "name-spelling",
     "error", 1, "interviewers[1].note"),
    ("repeated word", _note("enjoyed our", "enjoyed our our"), "repeated-word", "error", 1,
     "interviewers[1].note"),
    ("emoji", _note("hearing from you.", "hearing from you 🙂"), "emoji", "error", 1, "interviewers[1].note"),
    ("smiley", _note("one evening.", "one evening :)"), "emoji", "error", 1, "interviewers[1].note"),
    ("thx", _note("Thank you for", "Thx for"), "text-speak", "error", 1, "interviewers[1].note"),
    ("u", _note("hearing from you.", "hearing from u."), "text-speak", "error", 1, "interviewers[1].note"),
    ("ppl", _note("keep the\nplatform healthy", "keep the\nplatform healthy for ppl"), "text-speak", "error", 1,
     "interviewers[1].note"),
    ("gonna", _note("I also meant to say", "I was gonna say"), "text-speak", "error", 1,
     "interviewers[1].note"),
    ("double exclamation", _note("one evening.", "one evening!!"), "exclamation", "error", 1,
     "interviewers[1].note"),
    ("capitals", _note("very welcome", "VERY welcome"), "all-caps", "warning", 1, "interviewers[1].note"),
    ("no greeting", _note("Dear Jürgen,\n\n", ""), "no-greeting", "error", 1, "interviewers[1].note"),
    ("greeting to someone else", _note("Dear Jürgen,", "Dear Sophie,"), "greeting-name", "error", 1,
     "interviewers[1].note"),
    ("no signature", _note("\n\nKind regards,\nLena Hoffmann", ""), "no-signature", "error", 1,
     "interviewers[1].note"),
    ("too long for a card", _note("one evening.", "one evening. " + LONG), "too-long", "error", 1,
     "interviewers[1].note"),
    ("too short", lambda d: d["interviewers"][1].update(
        note="Dear Jürgen,\n\nThank you for the talk about schema evolution for sensor data.\n\nBest,\nLena Hoffmann"),
     "too-short", "warning", 1, "interviewers[1].note"),
    ("no topic named", _note(
        "our conversation\nabout schema evolution for sensor data, and hearing how the team's code review habits keep the\nplatform healthy",
        "our conversation"), "no-topic", "warning", 1, "interviewers[1].note"),
    ("two notes alike", _set("interviewers.2.note", GOOD_NOTE.replace("Jürgen", "Sophie")), "duplicate-note",
     "error", 2, "interviewers[2].note"),
    ("unverified name", _set("interviewers.1.checked.name", None), "unverified-name", "warning", 1,
     "interviewers[1].checked.name"),
    ("unverified title", _set("interviewers.1.checked.title", None), "unverified-title", "warning", 1,
     "interviewers[1].checked.title"),
    ("name disagrees with email", _set("interviewers.1.email", "juergen.weis@nordwind.example"), "name-email",
     "error", 1, "interviewers[1].email"),
    ("no topics recorded", _set("interviewers.0.topics", []), "no-topics", "error", 0,
     "interviewers[0].topics"),
    ("misspelled title", _set("interviewers.1.title", "Staff Data Enginer"), "spelling", "warning", 1,
     "interviewers[1].title"),
    ("slip inherited from the record", _set("reflection.forgot_to_mention",
                                            ["I organise the Munich Data Engineering meetup evry month"]),
     "spelling", "error", 2, "reflection.forgot_to_mention[0]"),
    ("slip in a personal note", _set("interviewers.0.personal", "We both studdied in Wrocław."),
     "spelling", "error", 0, "interviewers[0].personal"),
]


def test_the_unplanted_record_is_clean() -> None:
    """The base of the planted faults, with Jürgen's own note, has no finding at all."""
    assert proofread(PROFILE, _load(_record())) == []


@pytest.mark.parametrize(("plant", "code", "severity", "who", "field"),
                         [f[1:] for f in FAULTS], ids=[f[0] for f in FAULTS])
def test_a_planted_fault_is_found_where_it_is(plant: Callable[[dict[str, Any]], None], code: str,
                                              severity: str, who: int, field: str) -> None:
    """Each planted fault gives a finding with its code, severity, interviewer and field."""
    data = _record()
    plant(data)
    interview = _load(data)
    findings = proofread(PROFILE, interview)
    person = interview.interviewers[who].name
    matching = [f for f in findings if f.code == code]
    assert matching, findings
    assert any(f.severity == severity and f.interviewer == person and f.field == field
               and f.interview == ONSITE.stem for f in matching), matching


def test_a_misspelling_comes_with_suggestions() -> None:
    """The message of a spelling error names the likely word."""
    data = _record()
    _note("conversation", "conversaton")(data)
    (finding,) = [f for f in proofread(PROFILE, _load(data)) if f.code == "spelling"]
    assert "conversaton" in finding.message and "conversation" in finding.message


def test_spelling_findings_come_in_the_order_of_the_text() -> None:
    """Each unknown word is read once, but reported where it stands: a capitalised one at the start
    of a sentence and again in mid-sentence gets both findings, in the order of the text, with a
    misspelled word between them where it was written."""
    data = _record()
    _note("I also meant to say that I organise",
          "Kwarbel is on my mind. I also meant to say, conversaton aside, that Kwarbel and I organise")(data)
    found = [(f.severity, f.message.split('"')[1]) for f in proofread(PROFILE, _load(data))
             if f.code == "spelling"]
    assert found == [("error", "Kwarbel"), ("error", "conversaton"), ("warning", "Kwarbel")]
    messages = [f.message for f in proofread(PROFILE, _load(data)) if f.code == "spelling"]
    assert "looks misspelled" in messages[0] and "If it is a name" in messages[2]


def test_a_title_in_two_capitals_is_not_text_speak() -> None:
    """"RN" (a nurse) or "NP" is a title, not "rn" for "right now"; slang is written small."""
    data = _record()
    _note("I also meant to say that I organise", "As an RN and NP I also organise")(data)
    assert not [f for f in proofread(PROFILE, _load(data)) if f.code == "text-speak"]
    _note("I also meant to say that I organise", "I also organise rn")(data)
    assert [f.message for f in proofread(PROFILE, _load(data)) if f.code == "text-speak"] == [
        "\"rn\" is text-message style, too casual for a thank-you note; write \"right now\"."]


def test_a_duplicate_names_the_other_note() -> None:
    """The duplicate finding says which note it copies and what each note must name (R6)."""
    data = _record()
    _set("interviewers.2.note", GOOD_NOTE.replace("Jürgen", "Sophie"))(data)
    (finding,) = [f for f in proofread(PROFILE, _load(data)) if f.code == "duplicate-note"]
    assert "Jürgen Weiß" in finding.message and "what you discussed with that person" in finding.message
    assert DUPLICATE_RATIO < 1


def test_findings_serialise_to_the_check_json_shape() -> None:
    """A finding is one JSON row: severity, code, message, interview, interviewer, field."""
    finding = Finding("error", "spelling", "m", "i", "p", "note")
    row = finding.to_dict()
    assert list(row) == ["severity", "code", "message", "interview", "interviewer", "field"]
    assert row == dataclasses.asdict(finding)  # every field of a finding is in its row


# -- clean drafts -----------------------------------------------------------------------

def _workspace_interviews(root: Path) -> list[tuple[Profile, Interview]]:
    workspace = Workspace.open(root)
    profile = workspace.profile()
    return [(profile, interview) for interview in workspace.interviews()]


@pytest.mark.parametrize("interview_id", Workspace.open(demo_dir()).ids())
def test_composed_demo_notes_have_no_finding(interview_id: str) -> None:
    """Every demo interview's composed notes come out without any error or warning."""
    workspace = Workspace.open(demo_dir())
    assert proofread(workspace.profile(), workspace.load(interview_id)) == []


def test_a_whole_workspace_is_proofread(fixture_ws: Workspace) -> None:
    """A session proofreads every interview of a workspace, in start order."""
    findings = Session(fixture_ws).findings()
    assert [f.interview for f in findings] == sorted(f.interview for f in findings)
    assert {f.interview for f in findings} == {"2026-11-20-lakeshore-metrics-onsite", "2026-11-24-cobalt-video"}


def test_composed_fixture_notes_have_no_error(fixture_dir: Path) -> None:
    """The suite's workspace's drafts have no error; the warnings are the record's own gaps."""
    findings = [f for profile, interview in _workspace_interviews(fixture_dir)
                for f in proofread(profile, interview)]
    assert [f for f in findings if f.severity == "error"] == []
    assert {(f.code, f.interviewer) for f in findings} == {
        ("unverified-name", "Wendell Prescott"), ("unverified-title", "Wendell Prescott"),
        ("unverified-title", "Tamsin Achterberg")}


def test_proofreading_reads_the_notes_it_is_given() -> None:
    """Notes passed in are the ones checked (a caller may have composed them with other templates)."""
    interview = _load(_record())
    notes = compose_notes(PROFILE, interview)
    assert "taking the time" in notes[0].text
    bad = [dataclasses.replace(notes[0], text=notes[0].text.replace("taking the time", "taking the tiem")),
           *notes[1:]]
    assert [(f.code, f.field) for f in proofread(PROFILE, interview, bad)] == [("spelling", "note")]


# -- names against addresses (R11) ------------------------------------------------------

@pytest.mark.parametrize(("name", "email"), [
    ("Marcus O'Neill", "marcus.oneill@acme.example"),
    ("Jürgen Weiß", "juergen.weiss@nordwind.example"),
    ("Jürgen Weiß", "jurgen.weiss@nordwind.example"),
    ("Søren Kierkegaard", "soren.kierkegaard@example.dk"),
    ("Søren Kierkegaard", "soeren.k@example.dk"),
    ("Dimitris Georgiou", "d.georgiou@aegean.example"),
    ("Priya Raghunathan", "priya.r@acme.example"),
    ("John Smith", "jsmith@example.com"),
    ("Олена Коваленко", "olena.kovalenko@dnipro.example"),
    ("Тарас Мельник", "taras.melnyk@dnipro.example"),
    ("Σοφία Νικολάου", "sofia.nikolaou@aegean.example"),
    ("Nguyễn Thị Thu Hà", "ha.nguyen@mekong.example"),
    ("Zoë Ångström-Nguyễn", "zoe.angstrom@globex.example"),
    ("Sophie Laurent", "talent@nordwind.example"),
    ("Sophie Laurent", "talent.acquisition@nordwind.example"),
    ("김민준", "minjun.kim@hooli.example"),
])
def test_a_name_agrees_with_its_address(name: str, email: str) -> None:
    """Accents spelled out or dropped, initials, other scripts and shared mailboxes raise no alarm."""
    assert check_email(name, email).agrees


@pytest.mark.parametrize(("name", "email", "certain"), [
    ("Marcus O'Neil", "marcus.oneill@acme.example", True),
    ("Marcus O'Neill", "marcos.oneill@acme.example", True),
    ("Ana Dvořák", "anna.dvorak@acme.example", True),
    ("Тарас Мельник", "petro.shevchenko@dnipro.example", False),
])
def test_a_name_disagrees_with_its_address(name: str, email: str, certain: bool) -> None:
    """A spelling that differs from the address is caught; across scripts only as a warning."""
    verdict = check_email(name, email)
    assert not verdict.agrees and verdict.certain == certain


@pytest.mark.parametrize(("name", "expected"), [
    ("Ana Dvořák", "Ana"),
    ("Nguyễn Thị Thu Hà", "Thu Hà"),
    ("Nguyen Van Nam", "Nam"),
    ("Zoë Ångström-Nguyễn", "Zoë"),
    ("Σοφία Νικολάου", "Σοφία"),
    ("Dr Jürgen Weiß", "Dr Weiß"),
    ("王芳", "王芳"),
    ("Wang Fang", "Wang Fang"),
    ("J. Robert Smith", "J. Robert Smith"),
    ("Cher", "Cher"),
])
def test_how_a_person_is_addressed(name: str, expected: str) -> None:
    """Given names in their own script; the full name wherever the order is in doubt (R11)."""
    assert salutation(name) == expected


def test_spelling_suggestions_do_not_load_the_dictionary_at_import() -> None:
    """pyspellchecker is loaded by the first proofreading, not by importing the module."""
    import subprocess
    import sys

    code = "import sys, followup_kit.proofread; print('spellchecker' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(("greeting", "name", "named"), [
    ("Dear Jürgen,", "Jürgen Weiß", True),
    ("Dear Olena,", "Олена Коваленко", True),
    ("Dear Олена,", "Олена Коваленко", True),
    ("Dear Minjun,", "김민준", True),
    ("Dear Sofia,", "Σοφία Νικολάου", True),
    ("Dear Taras,", "Олена Коваленко", False),
    ("Dear Marcus,", "Ana Dvořák", False),
    ("Dear Hiring Manager,", "Ana Dvořák", False),
])
def test_a_greeting_names_the_person_in_any_script(greeting: str, name: str, named: bool) -> None:
    """A greeting may romanise a name written in another script; another person's name is caught."""
    assert names_person(greeting, name) is named


def test_a_romanised_name_in_an_own_note_raises_nothing() -> None:
    """'Dear Olena,' to Олена Коваленко is neither a wrong greeting nor a misspelling."""
    data = json.loads((demo_dir() / "interviews" / "2026-11-23-dnipro-robotics-first-round.json").read_text("utf-8"))
    draft = compose_notes(PROFILE, Interview.from_record(data, id="d"))[0].text
    data["interviewers"][0]["note"] = draft.replace("Dear Олена,", "Dear Olena,")
    findings = proofread(PROFILE, Interview.from_record(data, id="d"))
    assert findings == []


@pytest.mark.parametrize("text", ["Dnipro Robotics 83", "the steps 7) and 8) of the plan", "at 8:30"])
def test_numbers_are_not_taken_for_smileys(text: str) -> None:
    """Regression: '83' in a company name was reported as the emoticon '8' + '3'."""
    data = _record()
    data["interviewers"][0]["note"] = f"Dear Ana,\n\nThank you for the talk about {text}.\n\nBest,\nJordan"
    findings = proofread(PROFILE, _load(data))
    assert not [f for f in findings if f.code == "emoji"]
