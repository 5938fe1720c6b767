"""The interview form, driven as a user would: set .value, click, read the messages beside the fields."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

pytest.importorskip("ipywidgets")

import ipywidgets as widgets  # noqa: E402

from followup_kit import Workspace  # noqa: E402
from followup_kit.session import Session  # noqa: E402
from followup_kit.ui import InterviewForm, NotesPanel  # noqa: E402
from followup_kit.uikit import Selection  # noqa: E402

NOW = dt.datetime(2026, 11, 24, 18, 0)
NORDWIND = "2026-11-19-nordwind-energie-onsite"


def _fill_minimal(form: InterviewForm) -> None:
    form.company.value = "Hafenkraft AG"
    form.role.value = "Analytics Engineer"
    form.stage.value = "onsite"
    form.medium.value = "in-person"
    form.day.value = "24.11.2026"
    form.start.value = "9:00"
    form.end.value = "11"
    person = form.people.children[0]
    person.name.value = "Zofia Łukasiewicz"
    person.title.value = "Head of BI"
    person.name_checked.value = "business card"
    person.topics.value = "the dbt migration\n  \nthe on-call rota"


def _shown(form: InterviewForm) -> dict[str, str]:
    """The messages on screen, by field, the interviewers' as 'person N field'."""
    found = {key: box.value for key, box in form.messages.items() if box.value}
    for n, editor in enumerate(form.people.children, 1):
        found.update({f"person {n} {key}": box.value for key, box in editor.messages.items() if box.value})
    return found


def test_new_interview_is_saved_to_the_workspace(demo_ws: Workspace) -> None:
    """Filling the form and clicking Save writes a valid interview file with a readable id."""
    form = InterviewForm(demo_ws, now=NOW)
    _fill_minimal(form)
    form.timeline_kind.value = "within"
    form.timeline_days.value = 5
    form.save.click()
    path = demo_ws.interview_path("2026-11-24-hafenkraft-onsite")
    assert "Saved Hafenkraft AG: Analytics Engineer (Tue 24 Nov 2026)" in form.status.value and path.exists()
    data = json.loads(path.read_text("utf-8"))
    assert (data["start"], data["end"]) == ("2026-11-24T09:00", "2026-11-24T11:00")
    assert data["interviewers"][0]["name"] == "Zofia Łukasiewicz"
    assert data["interviewers"][0]["checked"] == {"name": "business card"}
    assert data["interviewers"][0]["topics"] == ["the dbt migration", "the on-call rota"]
    assert data["timeline"] == {"kind": "within", "days": 5, "business": True}
    assert form.selection.id == "2026-11-24-hafenkraft-onsite"


def test_nothing_is_said_before_a_field_is_touched(demo_ws: Workspace) -> None:
    """A blank new form shows no message; the company's appears once it was typed into and emptied."""
    form = InterviewForm(demo_ws, now=NOW)
    assert _shown(form) == {}
    form.company.value = "Acme"
    form.company.value = ""
    assert _shown(form) == {"company": "Write the company&#x27;s name."}
    assert "fk-invalid" in form.company._dom_classes and "fk-invalid" not in form.role._dom_classes
    assert form.messages["company"].layout.display is None and form.messages["role"].layout.display == "none"


def test_save_shows_every_message_beside_its_field_and_lists_what_is_left(demo_ws: Workspace) -> None:
    """Save on a half-filled form: a message under each field still to do, and a summary of them."""
    form = InterviewForm(demo_ws, now=NOW)
    form.company.value = "Acme"
    form.day.value = "2026-13-01"
    form.save.click()
    shown = _shown(form)
    assert set(shown) == {"role", "day", "start", "end", "person 1 name"}
    assert "no such day" in shown["day"] and shown["start"] == "Write the time, e.g. 14:30."
    summary = form.summary.value
    assert "Not saved yet. Still to do:" in summary
    assert "Role: Write the role you interviewed for." in summary and "Interviewer 1, Name:" in summary
    assert demo_ws.ids() == sorted(demo_ws.ids()) and not any("acme" in i for i in demo_ws.ids())


def test_an_end_before_the_start_is_said_beside_the_end(demo_ws: Workspace) -> None:
    form = InterviewForm(demo_ws, now=NOW)
    _fill_minimal(form)
    form.end.value = "8:00"
    assert _shown(form) == {"end": "The interview must end after it starts: check the two times."}


def test_loaded_interview_round_trips(demo_ws: Workspace) -> None:
    """Loading an interview and saving it unchanged keeps the record equal, notes and progress included."""
    before = demo_ws.load(NORDWIND)
    form = InterviewForm(demo_ws, interview_id=NORDWIND)
    assert form.people.children[0].name.value == "Małgorzata Wiśniewska"
    assert "Interviewer 1: Małgorzata Wiśniewska" in form.people.children[0].heading.value
    assert _shown(form) == {}
    form.save.click()
    assert "Saved" in form.status.value
    assert Workspace(demo_ws.root).load(NORDWIND) == before


def test_the_menu_names_interviews_not_files(demo_ws: Workspace) -> None:
    form = InterviewForm(demo_ws, interview_id=NORDWIND)
    labels = [label for label, _ in form.choice.options]
    assert labels[0] == "A new interview (not saved yet)"
    assert "Nordwind Energie GmbH: Data Platform Engineer (Thu 19 Nov 2026)" in labels
    assert not any(re.search(r"\d{4}-\d{2}-\d{2}-\w", label) for label in labels)


def test_the_verification_fields_start_empty_with_a_hint(demo_ws: Workspace) -> None:
    """No '(not checked yet)' to delete first: empty, with an example in the placeholder."""
    editor = InterviewForm(demo_ws, now=NOW).people.children[0]
    assert editor.name_checked.value == "" and "business card" in editor.name_checked.placeholder
    assert editor.topics.description == "Topics discussed"
    assert "short phrases, e.g. 'the move to dbt'" in editor.topics.placeholder


def test_every_input_is_named_by_its_visible_label(demo_ws: Workspace) -> None:
    """Each text field, menu and box carries its label as its description (the label's 'for')."""
    form = InterviewForm(demo_ws, interview_id=NORDWIND)
    stack = [form]
    unnamed = []
    while stack:
        widget = stack.pop()
        stack.extend(getattr(widget, "children", ()))
        if isinstance(widget, (widgets.Text, widgets.Textarea, widgets.Dropdown, widgets.Combobox,
                               widgets.BoundedIntText)) and not widget.description:
            unnamed.append(widget)
    assert unnamed == []


# -- one state: saves elsewhere, conflicts ----------------------------------------------------------

def test_saving_the_form_after_a_note_keeps_the_note(demo_ws: Workspace) -> None:
    """A note saved in the notes panel is not written back to its old text by the form's Save."""
    session = Session(demo_ws)
    selection = Selection(NORDWIND)
    form = InterviewForm(session, selection=selection)
    notes = NotesPanel(session, selection=selection)
    form.role.value = "Senior Data Platform Engineer"  # not saved yet
    editor = notes.notes.children[2]
    editor.text.value = editor.text.value.replace("\n\n", "\n\nI enjoyed the tour of the control room.\n\n", 1)
    editor.save.click()
    assert form.role.value == "Senior Data Platform Engineer"  # the form's edit survived that save
    form.save.click()
    data = json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8"))
    assert data["role"] == "Senior Data Platform Engineer"
    assert "I enjoyed the tour of the control room." in data["interviewers"][2]["note"]


def test_a_conflict_across_two_sessions_is_reported_not_overwritten(demo_ws: Workspace) -> None:
    """Another tab saved the role; this one's Save writes nothing and names the field."""
    form = InterviewForm(demo_ws, interview_id=NORDWIND)
    other = InterviewForm(Workspace(demo_ws.root), interview_id=NORDWIND)
    other.role.value = "Senior Data Platform Engineer"
    other.save.click()
    saved = demo_ws.interview_path(NORDWIND).read_bytes()
    form.role.value = "Data Platform Engineer II"
    form.save.click()
    assert "changed in another tab or program" in form.status.value
    assert demo_ws.interview_path(NORDWIND).read_bytes() == saved
    form.save.click()  # now that version has been read: the same field was changed on both sides
    assert "other values for: Role" in form.status.value
    assert demo_ws.interview_path(NORDWIND).read_bytes() == saved
    assert form.role.value == "Data Platform Engineer II"  # nothing typed is lost
    form.keep_mine.click()
    assert json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8"))["role"] == "Data Platform Engineer II"


def test_changes_to_different_fields_in_two_tabs_combine(demo_ws: Workspace) -> None:
    """Another tab changed a person's title, this one the company address: both are kept."""
    form = InterviewForm(demo_ws, interview_id=NORDWIND)
    other = InterviewForm(Workspace(demo_ws.root), interview_id=NORDWIND)
    other.people.children[1].title.value = "Principal Engineer"
    other.save.click()
    form.company_address.value = "Nordwind Energie GmbH\nAm Hafen 1\n20457 Hamburg"
    form.save.click()
    form.save.click()
    data = json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8"))
    assert data["interviewers"][1]["title"] == "Principal Engineer"
    assert data["company_address"].endswith("20457 Hamburg")


def test_a_reread_by_another_panel_does_not_hide_a_conflict(demo_ws: Workspace) -> None:
    """Edits made, another tab saves, a panel re-reads the file: Save still says so, never overwrites."""
    session = Session(demo_ws)
    form = InterviewForm(session, interview_id=NORDWIND)
    form.role.value = "Data Platform Engineer II"
    other = InterviewForm(Workspace(demo_ws.root), interview_id=NORDWIND)
    other.role.value = "Senior Data Platform Engineer"
    other.save.click()
    session.reload()  # another panel re-reads the workspace
    assert form.role.value == "Data Platform Engineer II" and "saved elsewhere" in form.banner.value
    form.save.click()
    assert "other values for: Role" in form.status.value
    assert json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8"))["role"] == "Senior Data Platform Engineer"


def test_a_form_without_edits_shows_what_was_saved_elsewhere(demo_ws: Workspace) -> None:
    """Nothing typed yet: a re-read shows the other tab's version, and says so."""
    session = Session(demo_ws)
    form = InterviewForm(session, interview_id=NORDWIND)
    other = InterviewForm(Workspace(demo_ws.root), interview_id=NORDWIND)
    other.role.value = "Senior Data Platform Engineer"
    other.save.click()
    session.reload()
    assert form.role.value == "Senior Data Platform Engineer" and "shows that version" in form.banner.value


# -- new, duplicate, delete ------------------------------------------------------------------------

def test_new_starts_a_blank_interview_and_keeps_the_loaded_one(demo_ws: Workspace) -> None:
    """New after loading one: Save adds an interview, it never replaces the loaded one."""
    before = demo_ws.interview_path(NORDWIND).read_bytes()
    form = InterviewForm(demo_ws, interview_id=NORDWIND)
    form.new.click()
    assert form.company.value == "" and len(form.people.children) == 1
    _fill_minimal(form)
    form.save.click()
    assert demo_ws.interview_path(NORDWIND).read_bytes() == before
    assert "2026-11-24-hafenkraft-onsite" in demo_ws.ids()


def test_duplicate_makes_the_next_round(demo_ws: Workspace) -> None:
    """The people carried over (their notes not), the next stage, the date left to fill."""
    form = InterviewForm(demo_ws, interview_id="2026-11-23-dnipro-robotics-first-round")
    form.duplicate.click()
    assert form.interview is None and form.stage.value == "onsite" and form.day.value == ""
    assert "next round" in form.status.value
    form.day.value, form.start.value, form.end.value = "2026-12-02", "10:00", "12:00"
    form.save.click()
    assert "2026-12-02-dnipro-robotics-onsite" in demo_ws.ids()
    assert "2026-11-23-dnipro-robotics-first-round" in demo_ws.ids()


def test_delete_is_undone(demo_ws: Workspace) -> None:
    """Delete moves the file away (the menu no longer has it); Undo puts it back unchanged."""
    before = demo_ws.interview_path(NORDWIND).read_bytes()
    form = InterviewForm(demo_ws, interview_id=NORDWIND)
    form.delete.click()
    assert NORDWIND not in demo_ws.ids() and "Undo puts it back" in form.status.value
    assert NORDWIND not in [value for _, value in form.choice.options]
    form.undo.click()
    assert demo_ws.interview_path(NORDWIND).read_bytes() == before
    assert form.selection.id == NORDWIND and form.company.value == "Nordwind Energie GmbH"


def test_switching_interviews_keeps_unsaved_edits(demo_ws: Workspace) -> None:
    """An edit left unsaved comes back, announced, when its interview is shown again."""
    form = InterviewForm(demo_ws, interview_id=NORDWIND)
    form.role.value = "Data Platform Engineer II"
    form.choice.value = "2026-11-24-aegean-analytics-final"
    assert form.role.value == "Lead Data Engineer"
    form.choice.value = NORDWIND
    assert form.role.value == "Data Platform Engineer II" and "not saved yet are back" in form.banner.value
    form.discard.click()
    assert form.role.value == "Data Platform Engineer"


def test_extras_and_salutation_round_trip(demo_ws: Workspace) -> None:
    """Extras ('Title | URL' per line) and how to greet a person are saved."""
    form = InterviewForm(demo_ws, interview_id=NORDWIND)
    assert "my PyData Munich talk on exactly-once ingestion | https://" in form.extras.value
    form.extras.value += "\nA note on backfills | https://example.org/lena/backfills"
    form.people.children[1].salutation.value = "Dr Weiß"
    form.save.click()
    data = json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8"))
    assert data["extras"][-1] == {"title": "A note on backfills", "url": "https://example.org/lena/backfills"}
    assert data["interviewers"][1]["salutation"] == "Dr Weiß"


def test_half_written_extra_is_named_by_its_line(demo_ws: Workspace) -> None:
    form = InterviewForm(demo_ws, now=NOW)
    _fill_minimal(form)
    form.extras.value = "my portfolio | portfolio.example.org"
    assert _shown(form) == {"extras": "Line 1: write the web address after the |, starting with https://."}


def test_concerns_are_entered_beside_each_person_and_kept(demo_ws: Workspace) -> None:
    """An interviewer's concerns are typed in the form, one per line, saved on that person, and shown again."""
    form = InterviewForm(demo_ws, interview_id=NORDWIND)
    person = form.people.children[0]
    person.concerns.value = "my experience with Kafka\n\nworking across time zones"
    form.save.click()
    assert "Saved" in form.status.value
    assert Workspace(demo_ws.root).load(NORDWIND).interviewers[0].concerns == [
        "my experience with Kafka", "working across time zones"]
    again = InterviewForm(Session(Workspace(demo_ws.root)), interview_id=NORDWIND)
    assert again.people.children[0].concerns.value == "my experience with Kafka\nworking across time zones"


def test_the_notes_panel_says_to_read_each_note_aloud(demo_ws: Workspace) -> None:
    """Where the notes are handed over, the panel says to read each aloud or have someone read it."""
    panel = NotesPanel(Session(demo_ws), Selection(NORDWIND))
    texts = [w.value for w in _walk(panel) if isinstance(w, widgets.HTML)]
    assert any("read it aloud" in text for text in texts)


def _walk(widget: widgets.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)
