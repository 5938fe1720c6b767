"""Composing notes and emails: golden texts, one distinct note per interviewer, the rules R6–R9, R17, R18.

The golden files under tests/golden/notes/ and tests/golden/emails/ hold the exact text the
kit composes for the bundled demo workspace. After a deliberate change of wording, regenerate
them and read the diff before committing:

    python -m pytest --regen-golden tests/test_compose.py
"""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from followup_kit.compose import (
    WORD_LIMITS,
    compose_card_emails,
    compose_feedback_request,
    compose_follow_up,
    compose_notes,
    note_file_text,
    note_filename,
)
from followup_kit.model import Interview, Profile, replace
from followup_kit.panel import Chooser
from followup_kit.phrasing import second_person
from followup_kit.proofread import likeness, mentions_topic
from followup_kit.resources import demo_dir
from followup_kit.workspace import Workspace

GOLDEN = Path(__file__).parent / "golden"
#: Composed notes to one panel must differ at least this much (difflib ratio over their
#: body words; 1.0 is identical). The demo's panels measure 0.20–0.31.
PANEL_LIKENESS_BOUND = 0.5


def _demo() -> tuple[Profile, list[Interview]]:
    workspace = Workspace.open(demo_dir())
    return workspace.profile(), workspace.interviews().interviews


PROFILE, DEMO = _demo()
DEMO_IDS = [i.id for i in DEMO]


def _interview(interview_id: str) -> Interview:
    return next(i for i in DEMO if i.id == interview_id)


# -- golden texts ------------------------------------------------------------------------

@pytest.mark.parametrize("interview_id", DEMO_IDS)
def test_notes_match_the_golden_text(interview_id: str, golden) -> None:
    """Every demo interview's notes are exactly the reviewed golden text."""
    for note in compose_notes(PROFILE, _interview(interview_id)):
        golden.check(GOLDEN / "notes" / note_filename(note), note_file_text(note))


def _emails(interview: Interview) -> list[tuple[str, str]]:
    """(golden file name, text) of each email composed for ``interview``."""
    emails = [*compose_card_emails(PROFILE, interview), compose_follow_up(PROFILE, interview),
              compose_feedback_request(PROFILE, interview)]
    return [(f"{interview.id}--{n}-{email.kind}.txt",
             f"To: {', '.join(email.to)}\nSubject: {email.subject}\n\n{email.text}\n")
            for n, email in enumerate(emails)]


@pytest.mark.parametrize("interview_id", DEMO_IDS)
def test_emails_match_the_golden_text(interview_id: str, golden) -> None:
    """The card-on-its-way, status follow-up and feedback emails are the reviewed golden text."""
    for name, text in _emails(_interview(interview_id)):
        golden.check(GOLDEN / "emails" / name, text)


def test_every_golden_file_is_still_produced(golden) -> None:
    """No stale golden file is left behind after a note or an email was renamed or removed."""
    golden.remove_stale(GOLDEN / "notes", {note_filename(n) for i in DEMO for n in compose_notes(PROFILE, i)})
    golden.remove_stale(GOLDEN / "emails", {name for i in DEMO for name, _ in _emails(i)})


def test_composition_is_the_same_in_a_fresh_interpreter(tmp_path: Path) -> None:
    """Phrasing is chosen by a stable hash, so another process (another hash seed) composes the same text."""
    script = ("from followup_kit.workspace import Workspace\n"
              "from followup_kit.resources import demo_dir\n"
              "from followup_kit.compose import compose_notes\n"
              "w = Workspace.open(demo_dir()); p = w.profile()\n"
              "print('\\n'.join(n.text for i in w.interviews() for n in compose_notes(p, i)))\n")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    here = "\n".join(n.text for i in DEMO for n in compose_notes(PROFILE, i))
    assert out.stdout.rstrip("\n") == here


# -- one note per person, each its own (R6) --------------------------------------------

def _panels(fixture_dir: Path | None = None) -> list[tuple[Profile, Interview]]:
    panels = [(PROFILE, i) for i in DEMO if len(i.interviewers) >= 3]
    if fixture_dir is not None:
        workspace = Workspace.open(fixture_dir)
        panels += [(workspace.profile(), i) for i in workspace.interviews() if len(i.interviewers) >= 3]
    return panels


def _bigger_panel() -> Interview:
    """The demo's onsite with two more interviewers: five people, more than there are phrasings."""
    nordwind = _interview("2026-11-19-nordwind-energie-onsite")
    people = [p.model_dump(mode="json", exclude_none=True) for p in nordwind.interviewers]
    people += [
        {"name": "Kofi Mensah", "title": "Product Manager", "checked": {"name": "business card"},
         "topics": ["the roadmap for the customer energy dashboard", "pairing engineers with analysts"]},
        {"name": "Ingrid Solberg", "title": "Site Reliability Engineer", "checked": {"name": "business card"},
         "topics": ["alert fatigue in the control room", "capacity planning for winter peaks"]},
    ]
    return replace(nordwind, interviewers=people)


def test_a_panel_of_three_gets_three_different_notes(fixture_dir: Path) -> None:
    """For every panel of three or more, each pair of notes differs substantially (difflib ratio bound)."""
    panels = _panels(fixture_dir)
    assert len(panels) >= 2
    for profile, interview in panels:
        notes = compose_notes(profile, interview)
        for a, b in itertools.combinations(notes, 2):
            ratio = likeness(a, b)
            assert ratio < PANEL_LIKENESS_BOUND, (interview.id, a.interviewer.name, b.interviewer.name, ratio)


def test_a_panel_of_five_still_gets_five_different_notes() -> None:
    """More people than phrasings per slot: the topics and the points still keep every pair apart."""
    interview = _bigger_panel()
    notes = compose_notes(PROFILE, interview)
    assert len(notes) == 5
    for a, b in itertools.combinations(notes, 2):
        assert likeness(a, b) < PANEL_LIKENESS_BOUND, (a.interviewer.name, b.interviewer.name)


@pytest.mark.parametrize("interview_id", DEMO_IDS)
def test_each_note_names_one_of_its_own_interviewers_topics(interview_id: str) -> None:
    """A note names what was discussed with that person (R6), in the words of the record."""
    interview = _interview(interview_id)
    for note in compose_notes(PROFILE, interview):
        assert any(topic in note.text for topic in note.interviewer.topics), note.interviewer.name


def test_no_note_names_another_interviewers_topic() -> None:
    """A note is written to one person: the others' topics stay out of it."""
    interview = _bigger_panel()
    for note in compose_notes(PROFILE, interview):
        for other in interview.interviewers:
            if other.name != note.interviewer.name:
                assert not any(mentions_topic(note.text, t, interview) for t in other.topics), (
                    note.interviewer.name, other.name)


def test_points_are_each_said_once_to_the_company() -> None:
    """What was forgotten, the concern and the article go into exactly one note each (R9)."""
    interview = _interview("2026-11-19-nordwind-energie-onsite")
    texts = [n.text for n in compose_notes(PROFILE, interview)]
    for needle in ("Munich Data Engineering meetup", "Kubernetes operators", "exactly-once-ingestion"):
        assert sum(needle in t for t in texts) == 1, needle


def test_an_article_goes_to_the_person_who_discussed_its_subject() -> None:
    """The article on data contracts goes to the interviewer whose topic was data contracts."""
    interview = _interview("2026-11-24-aegean-analytics-final")
    holder = [n.interviewer.name for n in compose_notes(PROFILE, interview) if "data-contracts" in n.text]
    assert holder == ["Dimitris Georgiou"]


def test_a_concern_goes_to_a_team_member_rather_than_the_recruiter(fixture_dir: Path) -> None:
    """The answer to a technical concern goes to an engineer, not to the recruiter on the panel."""
    workspace = Workspace.open(fixture_dir)
    interview = workspace.load("2026-11-20-lakeshore-metrics-onsite")
    # The recruiter sits before the engineer, so the panel's order alone would pick her.
    assert [p.title for p in interview.interviewers][1:] == ["Talent Partner", "Staff Data Engineer"]
    holder = [n for n in compose_notes(workspace.profile(), interview) if "Kafka" in n.text]
    assert [n.interviewer.name for n in holder] == ["Rory O'Callaghan"]


def test_the_answer_to_a_concern_is_brief_and_positive() -> None:
    """A concern is answered in one positive sentence, never repeated as a weakness on its own (R9, R10)."""
    interview = _interview("2026-11-19-nordwind-energie-onsite")
    sentence = next(s for n in compose_notes(PROFILE, interview)
                    for s in re.split(r"(?<=\.) ", n.text) if "Kubernetes" in s)
    assert "my limited hands-on experience with Kubernetes operators" in sentence
    assert re.search(r"keen to close|close quickly|confident", sentence)


# -- medium, subject, length (R8, R9) ------------------------------------------------------

@pytest.mark.parametrize(("interview_id", "medium", "subject"), [
    ("2026-11-19-nordwind-energie-onsite", "card", False),
    ("2026-11-20-mekong-freight-labs-phone-screen", "email", True),
    ("2026-11-23-dnipro-robotics-first-round", "email", True),
    ("2026-11-24-aegean-analytics-final", "card", False),
])
def test_medium_follows_the_interview(interview_id: str, medium: str, subject: bool) -> None:
    """In person gets a card without subject; phone and video get an email with one (R8)."""
    for note in compose_notes(PROFILE, _interview(interview_id)):
        assert note.medium == medium
        assert (note.subject is not None) == subject


@pytest.mark.parametrize("interview_id", DEMO_IDS)
def test_notes_fit_their_word_limits(interview_id: str) -> None:
    """Cards hold 60–120 words (R9); a phone screen's email stays short (R8)."""
    for note in compose_notes(PROFILE, _interview(interview_id)):
        low, high = WORD_LIMITS[note.kind]
        assert low <= note.words <= high, (note.interviewer.name, note.words)


def test_a_phone_screen_gets_a_shorter_note_than_an_onsite() -> None:
    """The phone screen's email is short and simple; the onsite's cards are the fuller notes (R8)."""
    phone = compose_notes(PROFILE, _interview("2026-11-20-mekong-freight-labs-phone-screen"))
    cards = compose_notes(PROFILE, _interview("2026-11-19-nordwind-energie-onsite"))
    assert phone[0].kind == "short-email"
    assert max(n.words for n in phone) < min(n.words for n in cards)


def test_a_crowded_card_drops_optional_parts_to_fit() -> None:
    """With many points for one person, the card still fits 120 words and keeps a topic (R9)."""
    nordwind = _interview("2026-11-19-nordwind-energie-onsite")
    solo = replace(nordwind, interviewers=[nordwind.interviewers[0].model_dump(mode="json", exclude_none=True)],
                   reflection={**nordwind.reflection.model_dump(), "forgot_to_mention": [
                       "I organise the Munich Data Engineering meetup",
                       "I ran the migration of our ingestion service to Kafka in 2024"]})
    (note,) = compose_notes(PROFILE, solo)
    assert note.words <= WORD_LIMITS["card"][1]
    assert "moving the grid telemetry pipeline to streaming" in note.text


def test_note_parts_add_up_to_the_text() -> None:
    """greeting, paragraphs and signature are the text's parts, for a card's layout."""
    for note in compose_notes(PROFILE, _interview("2026-11-19-nordwind-energie-onsite")):
        assert note.text == "\n\n".join([note.greeting, *note.paragraphs, "\n".join(note.signature)])
        assert note.signature[-1] == PROFILE.name


def test_an_interviewers_own_note_replaces_the_draft() -> None:
    """The candidate's final wording in `note` is used as it is, marked as their own."""
    interview = _interview("2026-11-24-aegean-analytics-final")
    own = "Dear Dimitris,\n\nThank you for the conversation about the feature store.\n\nBest,\nLena"
    people = [p.model_dump(mode="json", exclude_none=True) for p in interview.interviewers]
    people[1]["note"] = own
    notes = compose_notes(PROFILE, replace(interview, interviewers=people))
    assert notes[1].text == own and notes[1].own
    assert notes[1].greeting == "Dear Dimitris," and notes[1].signature == ("Best,", "Lena")
    assert not notes[0].own


# -- addressing people (R11) --------------------------------------------------------------

@pytest.mark.parametrize(("interview_id", "greetings"), [
    ("2026-11-19-nordwind-energie-onsite", ["Dear Małgorzata,", "Dear Jürgen,", "Dear Sophie,"]),
    ("2026-11-20-mekong-freight-labs-phone-screen", ["Dear Thu Hà,"]),
    ("2026-11-23-dnipro-robotics-first-round", ["Dear Olena,", "Dear Taras,"]),
    ("2026-11-24-aegean-analytics-final", ["Dear Sofia,", "Dear Dimitris,"]),
])
def test_greetings_use_the_given_name_as_the_record_supports(interview_id: str, greetings: list[str]) -> None:
    """Given names with their accents; a Vietnamese name by its given part; a name in Greek or
    Cyrillic script greeted in the Latin spelling of the person's own email address (R11, R25)."""
    assert [n.greeting for n in compose_notes(PROFILE, _interview(interview_id))] == greetings


def test_without_an_email_a_name_in_another_script_keeps_its_script() -> None:
    """No address to take a Latin spelling from: the given name as written (check suggests a salutation)."""
    interview = _interview("2026-11-24-aegean-analytics-final")
    people = [p.model_dump(mode="json", exclude_none=True) for p in interview.interviewers]
    del people[0]["email"]
    assert compose_notes(PROFILE, replace(interview, interviewers=people))[0].greeting == "Dear Σοφία,"


def test_a_salutation_field_overrides_the_greeting() -> None:
    """The candidate may say how a person is addressed ('Ms Hà')."""
    interview = _interview("2026-11-20-mekong-freight-labs-phone-screen")
    person = {**interview.interviewers[0].model_dump(mode="json", exclude_none=True), "salutation": "Ms Hà"}
    (note,) = compose_notes(PROFILE, replace(interview, interviewers=[person]))
    assert note.greeting == "Dear Ms Hà,"


@pytest.mark.parametrize(("text", "expected"), [
    ("She recommended a bakery near the office.", "You recommended a bakery near the office."),
    ("He is also learning German, and we swapped podcast tips.",
     "You are also learning German, and we swapped podcast tips."),
    ("We both studied in Wrocław.", "We both studied in Wrocław."),
    ("She loves her dog and told me about him.", "You love your dog and told me about you."),
    ("He watches every Bundesliga match.", "You watch every Bundesliga match."),
])
def test_personal_notes_are_turned_to_address_the_person(text: str, expected: str) -> None:
    """'personal' is written about the interviewer; the note speaks to them."""
    assert second_person(text) == expected


# -- the other emails (R8, R17, R18) ----------------------------------------------------

def test_card_on_its_way_emails_only_after_in_person_interviews() -> None:
    """In person: one email per interviewer announcing the card (R8); otherwise none."""
    onsite = _interview("2026-11-19-nordwind-energie-onsite")
    emails = compose_card_emails(PROFILE, onsite)
    assert [e.recipients[0].name for e in emails] == [p.name for p in onsite.interviewers]
    assert all(re.search(r"card|note", e.text) and e.subject for e in emails)
    assert compose_card_emails(PROFILE, _interview("2026-11-23-dnipro-robotics-first-round")) == []


@pytest.mark.parametrize(("interview_id", "timeline", "offer"), [
    ("2026-11-19-nordwind-energie-onsite", "a decision was expected by Friday, 27 November",
     "my PyData Munich talk on exactly-once ingestion is also at https://example.org/lena/exactly-once-ingestion"),
    ("2026-11-20-mekong-freight-labs-phone-screen", "I would hear in a few days", "further examples of my work"),
    ("2026-11-23-dnipro-robotics-first-round", "I would hear within ten working days", "further examples of my work"),
    ("2026-11-24-aegean-analytics-final", "I would hear within two weeks",
     "the article on data contracts I mentioned is also at https://example.org/reading/data-contracts-in-practice"),
])
def test_the_status_follow_up_recalls_the_stated_timeline(interview_id: str, timeline: str, offer: str) -> None:
    """The follow-up mentions the employer's timeline, asks politely and offers material: the
    work sample the record holds, when it holds one (R17)."""
    email = compose_follow_up(PROFILE, _interview(interview_id))
    assert timeline in email.text
    assert "whether there is any news" in email.text
    assert offer in email.text
    assert email.to and email.subject


def test_a_us_candidate_gets_us_dates_and_business_days(fixture_dir: Path) -> None:
    """Dates and spans follow the candidate's country: 'Friday, December 4', 'business days'."""
    workspace = Workspace.open(fixture_dir)
    email = compose_follow_up(workspace.profile(), workspace.load("2026-11-20-lakeshore-metrics-onsite"))
    assert "by Friday, December 4." in email.text
    dnipro = _interview("2026-11-23-dnipro-robotics-first-round")
    assert "within ten business days" in compose_follow_up(workspace.profile(), dnipro).text


def test_without_a_recruiter_the_follow_up_goes_to_the_marked_contact(fixture_dir: Path) -> None:
    """Without a recruiter on the panel, the follow-up goes to the interviewer marked as the contact,
    never to the first-listed by accident; with nobody marked, composing it says what to add (R17)."""
    workspace = Workspace.open(fixture_dir)
    cobalt = workspace.load("2026-11-24-cobalt-video")
    with pytest.raises(ValueError, match=r'2026-11-24-cobalt-video\.json: nobody to send .* "contact": true'):
        compose_follow_up(workspace.profile(), cobalt)
    marked = cobalt.with_interviewer(1, contact=True)
    email = compose_follow_up(workspace.profile(), marked)
    assert email.to == ["Ifeoma Chukwuemeka <ifeoma.c@cobalt-ledger.example>"]
    assert "I am writing about my interview" in email.text  # no timeline was given


def test_the_feedback_request_asks_for_feedback_and_keeps_the_door_open() -> None:
    """At the move-on date: thanks, a request for brief feedback, staying in touch (R18)."""
    email = compose_feedback_request(PROFILE, _interview("2026-11-19-nordwind-energie-onsite"))
    assert email.recipients[0].name == "Sophie Laurent"
    assert "feedback" in email.subject.lower() and "brief feedback" in email.text
    assert "stay in touch" in email.text


# -- determinism and templates ----------------------------------------------------------

def test_a_chooser_deals_a_panel_different_phrasings() -> None:
    """Ranks 0..n-1 of one interview get n different phrasings of every slot."""
    for slot in ("thanks", "topics", "interest"):
        assert len({Chooser("x", rank)(slot, 3) for rank in range(3)}) == 3


def test_a_workspace_template_replaces_the_shipped_one(tmp_path: Path) -> None:
    """Templates are user-editable: a workspace's templates/notes/card.j2 is used instead of the kit's."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "card.j2").write_text(
        "{% block greeting %}Hello {{ person.salutation }},{% endblock %}"
        "{% block body %}{{ c.topics() }}{% endblock %}{% block signature %}{{ me.name }}{% endblock %}",
        "utf-8")
    notes = compose_notes(PROFILE, _interview("2026-11-24-aegean-analytics-final"), templates=tmp_path)
    assert notes[0].text.startswith("Hello Sofia,\n\n")
    assert notes[0].text.endswith("\n\nLena Hoffmann")


def test_a_workspace_common_template_with_its_own_logic_is_built_for_each_note(tmp_path: Path) -> None:
    """The notes' ``_common.j2`` is built once and handed each note's values when it only
    defines macros; one that also sets values outside its macros (a workspace's own) is built
    for each note, so every note reads its own person."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "_common.j2").write_text(
        "{% set first = person.name.split()[0] %}{% macro hello() %}Hello {{ first }},{% endmacro %}", "utf-8")
    (tmp_path / "notes" / "card.j2").write_text(
        "{% block greeting %}{{ c.hello() }}{% endblock %}{% block body %}{{ person.name }}{% endblock %}"
        "{% block signature %}{{ me.name }}{% endblock %}", "utf-8")
    interview = next(i for i in DEMO if i.medium == "in-person" and len(i.interviewers) > 1)
    notes = compose_notes(PROFILE, interview, templates=tmp_path)
    assert [n.greeting for n in notes] == [f"Hello {p.name.split()[0]}," for p in interview.interviewers]


def test_notes_composed_in_threads_read_their_own_values() -> None:
    """The macros defined once are per thread: notes composed at once in several threads
    (a notebook's panels) are the same as composed one after another."""
    import threading

    expected = {i.id: [n.text for n in compose_notes(PROFILE, i)] for i in DEMO}
    wrong: list[str] = []

    def work() -> None:
        for _ in range(15):
            for interview in DEMO:
                if [n.text for n in compose_notes(PROFILE, interview)] != expected[interview.id]:
                    wrong.append(interview.id)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert not wrong


def test_an_edited_record_is_composed_afresh() -> None:
    """What is worked out once per record (a person's topics as they read) is never taken
    for an edited copy of it: the notes name the new topic at once, and the old one again."""
    interview = _interview("2026-11-24-aegean-analytics-final")
    people = [p.model_dump(mode="json", exclude_none=True) for p in interview.interviewers]
    before = compose_notes(PROFILE, interview)[0].text
    people[0]["topics"] = ["the migration of the billing ledger"]
    edited = replace(interview, interviewers=people)
    assert "billing ledger" in compose_notes(PROFILE, edited)[0].text
    assert compose_notes(PROFILE, interview)[0].text == before


def test_topics_keep_the_capitals_of_names() -> None:
    """A topic's first word is lowered in a sentence only when it is plainly not a name."""
    interview = _interview("2026-11-24-aegean-analytics-final")
    people = [p.model_dump(mode="json", exclude_none=True) for p in interview.interviewers]
    people[1]["topics"] = ["Kubernetes at scale", "Streaming ingestion"]
    note = compose_notes(PROFILE, replace(interview, interviewers=people))[1]
    assert "Kubernetes at scale" in note.text and "streaming ingestion" in note.text
