"""The notes, cards, calendar and tracker panels, driven by .value and .click() without a browser."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import re

import pytest

pytest.importorskip("ipywidgets")

from icalendar import Calendar  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from followup_kit import Workspace  # noqa: E402
from followup_kit.model import Interview  # noqa: E402
from followup_kit.session import Session  # noqa: E402
from followup_kit.ui import CalendarPanel, CardsPanel, InterviewForm, NotesPanel, Tracker  # noqa: E402
from followup_kit.uikit import Selection  # noqa: E402

NOW = dt.datetime(2026, 11, 24, 20, 0, tzinfo=dt.timezone.utc)
NORDWIND = "2026-11-19-nordwind-energie-onsite"
AEGEAN = "2026-11-24-aegean-analytics-final"
PNG = b"\x89PNG\r\n\x1a\n"


def downloads(html_value: str) -> dict[str, bytes]:
    """The files a panel's download links hand the browser, by file name."""
    return {name: base64.b64decode(data) for name, data in
            re.findall(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', html_value)}


# -- notes -----------------------------------------------------------------------------------

def test_notes_panel_shows_one_note_per_interviewer(demo_ws: Workspace) -> None:
    """Each interviewer gets an editor labelled with the name, and a clean proofreading."""
    panel = NotesPanel(demo_ws, NORDWIND)
    editors = panel.notes.children
    assert [e.index for e in editors] == [0, 1, 2]
    assert editors[0].text.description == "Note to Małgorzata Wiśniewska"
    assert editors[0].text.value.startswith("Dear Małgorzata,")
    assert editors[0].text.continuous_update  # proofread as you type, not when the box loses focus
    assert all("No problems found" in e.findings.value for e in editors)


def test_notes_are_proofread_as_you_type(demo_ws: Workspace) -> None:
    """A misspelling and a name without its accents show beside the note before anything is saved."""
    panel = NotesPanel(demo_ws, NORDWIND)
    editor = panel.notes.children[1]
    editor.text.value = editor.text.value.replace("\n\n", "\n\nI realy enjoyed meeting Jurgen.\n\n", 1)
    assert "realy" in editor.findings.value and "really" in editor.findings.value
    assert "&quot;Jurgen&quot; is not how the record spells it: &quot;Jürgen&quot;" in editor.findings.value
    assert "Not saved yet" in editor.state.value
    assert "note" not in json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8"))["interviewers"][1]


def test_a_note_that_runs_onto_a_second_card_is_flagged(demo_ws: Workspace) -> None:
    panel = NotesPanel(demo_ws, NORDWIND)
    editor = panel.notes.children[0]
    editor.text.value = editor.text.value.replace(
        "\n\n", "\n\n" + "The grid telemetry platform and its backfills came up again and again. " * 4 + "\n\n", 1)
    assert "runs onto a second card" in editor.findings.value


def test_saving_one_note_keeps_the_unsaved_edit_of_another(demo_ws: Workspace) -> None:
    """Edit two notes, save the first: the second keeps its edit, and can be saved after."""
    panel = NotesPanel(demo_ws, NORDWIND)
    first, second = panel.notes.children[:2]
    first.text.value = first.text.value.replace("\n\n", "\n\nFirst edit.\n\n", 1)
    second.text.value = second.text.value.replace("\n\n", "\n\nSecond edit.\n\n", 1)
    first.save.click()
    first, second = panel.notes.children[:2]
    assert "Saved your wording for Małgorzata Wiśniewska" in first.state.value
    assert "Second edit." in second.text.value and "Not saved yet" in second.state.value
    second.save.click()
    data = json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8"))
    assert "First edit." in data["interviewers"][0]["note"] and "Second edit." in data["interviewers"][1]["note"]


def test_a_note_saved_in_another_tab_is_not_overwritten_unseen(demo_ws: Workspace) -> None:
    """Another tab saved this note since the edit began: the first Save says so and writes nothing."""
    panel = NotesPanel(demo_ws, NORDWIND)
    editor = panel.notes.children[0]
    editor.text.value = editor.text.value.replace("\n\n", "\n\nMine.\n\n", 1)
    other = NotesPanel(Workspace(demo_ws.root), NORDWIND)
    theirs = other.notes.children[0]
    theirs.text.value = theirs.text.value.replace("\n\n", "\n\nTheirs.\n\n", 1)
    theirs.save.click()
    panel.notes.children[0].save.click()
    editor = panel.notes.children[0]
    assert "saved elsewhere" in editor.state.value and "Mine." in editor.text.value
    assert "Theirs." in demo_ws.load(NORDWIND).interviewers[0].note
    editor.save.click()  # a second Save replaces it knowingly
    assert "Mine." in demo_ws.load(NORDWIND).interviewers[0].note


def test_back_to_the_draft_removes_the_own_wording(demo_ws: Workspace) -> None:
    panel = NotesPanel(demo_ws, NORDWIND)
    editor = panel.notes.children[2]
    editor.text.value = editor.text.value + "\nP.S. Thank you."
    editor.save.click()
    panel.notes.children[2].reset.click()
    assert "Back to the composed draft for Sophie Laurent" in panel.notes.children[2].state.value
    assert "note" not in json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8"))["interviewers"][2]


def test_email_drafts_are_offered_one_by_one_and_zipped(demo_ws: Workspace) -> None:
    """Each .eml and a .zip of them, handed over by the page itself."""
    panel = NotesPanel(demo_ws, NORDWIND)
    panel.prepare.click()
    files = downloads(panel.emails.value)
    emls = [name for name in files if name.endswith(".eml")]
    assert emls and all(files[name].startswith(b"X-Unsent: 1") or b"X-Unsent: 1" in files[name] for name in emls)
    assert f"emails-{NORDWIND}.zip" in files


# -- cards ----------------------------------------------------------------------------------------

def test_cards_panel_previews_and_offers_the_pdf(demo_ws: Workspace) -> None:
    """A PNG preview and the list to tick; Generate writes the interview's own PDF and offers it."""
    panel = CardsPanel(demo_ws, NORDWIND)
    assert bytes(panel.preview.value).startswith(PNG)
    assert "Jürgen Weiß" in panel.checklist.value and "✓ business card" in panel.checklist.value
    panel.sheet.value = "card"
    panel.generate.click()
    path = demo_ws.output_dir / f"cards-{NORDWIND}.pdf"  # each interview's cards have their own file
    assert "Cards written" in panel.status.value and path.exists()
    files = downloads(panel.download.value)
    assert files == {path.name: path.read_bytes()}
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(files[path.name])).pages)
    assert "Małgorzata Wiśniewska" in text and "Jürgen Weiß" in text


def test_cards_panel_refuses_unverified_names_in_words(demo_ws: Workspace) -> None:
    """An unchecked name is refused naming the person and what to tick; a draft prints anyway."""
    interview = demo_ws.load(NORDWIND)
    demo_ws.save(interview.with_interviewer(1, checked={"title": "company website"}))
    panel = CardsPanel(Workspace(demo_ws.root), NORDWIND)
    assert "✗ not checked" in panel.checklist.value
    panel.generate.click()
    assert "Jürgen Weiß" in panel.status.value and "Print as a draft" in panel.status.value
    assert "--draft" not in panel.status.value and "{" not in panel.status.value
    assert panel.download.layout.display == "none"
    panel.draft.value = True
    panel.generate.click()
    assert "Cards written" in panel.status.value and downloads(panel.download.value)


def test_cards_of_a_video_interview_say_the_note_goes_by_email(demo_ws: Workspace) -> None:
    panel = CardsPanel(demo_ws, "2026-11-23-dnipro-robotics-first-round")
    assert "goes by email" in panel.status.value


# -- calendar -------------------------------------------------------------------------------------

def test_calendar_panel_lists_and_offers_the_ics(demo_ws: Workspace) -> None:
    """Every step with its state in words; Export writes the .ics and offers it to download."""
    panel = CalendarPanel(demo_ws, now=NOW)
    assert "Status follow-up" in panel.table.value and "overdue" in panel.table.value
    panel.export.click()
    path = demo_ws.output_dir / "followup.ics"
    assert "Calendar written" in panel.status.value
    files = downloads(panel.download.value)
    assert files == {"followup.ics": path.read_bytes()}
    assert len(Calendar.from_ical(files["followup.ics"]).walk("VEVENT")) == 14


# -- tracker --------------------------------------------------------------------------------------

def _row(tracker: Tracker, company: str):
    return next(row for row in tracker.rows.children if company in row.label.value)


def test_tracker_marks_a_step_done_on_a_chosen_date(demo_ws: Workspace) -> None:
    """Mark done… on a row offers its next step by name and today; the date can be changed."""
    tracker = Tracker(demo_ws, now=NOW)
    assert bytes(tracker.chart.value).startswith(PNG)
    row = _row(tracker, "Nordwind")
    assert "Thank-you email" in row.next.value and "thank-you-email" not in row.next.value
    row.mark.click()
    assert tracker.step.value == "thank-you-email" and tracker.when.value == "2026-11-24"
    assert ("Thank-you email", "thank-you-email") in tracker.step.options
    tracker.when.value = "2026-11-23"
    tracker.done.click()
    assert json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8"))["done"] == {
        "thank-you-email": "2026-11-23"}
    assert "marked done on Mon 23 Nov 2026" in tracker.status.value
    assert "Thank-you cards" in _row(tracker, "Nordwind").next.value


def test_a_day_still_to_come_is_refused(demo_ws: Workspace) -> None:
    tracker = Tracker(demo_ws, now=NOW)
    _row(tracker, "Nordwind").mark.click()
    tracker.when.value = "2026-12-24"
    tracker.done.click()
    assert "still to come" in tracker.status.value and demo_ws.load(NORDWIND).done == {}


def test_recording_an_outcome_needs_a_choice_a_confirmation_and_can_be_undone(demo_ws: Workspace) -> None:
    """Nothing is chosen at first; Record asks to confirm; Undo restores the interview exactly."""
    before = demo_ws.interview_path(NORDWIND).read_bytes()
    tracker = Tracker(demo_ws, now=NOW)
    _row(tracker, "Nordwind").ended.click()
    assert tracker.outcome.value == ""
    tracker.record.click()
    assert "Choose how it ended first" in tracker.status.value
    assert demo_ws.interview_path(NORDWIND).read_bytes() == before
    tracker.outcome.value = "rejected"
    tracker.record.click()
    assert "No more reminders" in tracker.status.value and tracker.confirm.layout.display is None
    assert demo_ws.interview_path(NORDWIND).read_bytes() == before
    tracker.confirm.click()
    data = json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8"))
    assert (data["outcome"], data["outcome_date"]) == ("rejected", "2026-11-24")
    assert "Reply to the rejection" in _row(tracker, "Nordwind").next.value  # the reply is the next step
    tracker.undo.click()
    assert demo_ws.load(NORDWIND) == Workspace(demo_ws.root).load(NORDWIND)
    assert "outcome" not in json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8"))
    assert "Closed" not in _row(tracker, "Nordwind").next.value


def test_the_tracker_never_overwrites_a_change_made_elsewhere(demo_ws: Workspace) -> None:
    """Another tab recorded the outcome; Mark done here writes nothing and shows that version."""
    tracker = Tracker(demo_ws, now=NOW)
    other = Tracker(Workspace(demo_ws.root), now=NOW)
    _row(other, "Nordwind").ended.click()
    other.outcome.value = "offer"
    other.record.click()
    other.confirm.click()
    saved = demo_ws.interview_path(NORDWIND).read_bytes()
    _row(tracker, "Nordwind").mark.click()
    tracker.done.click()
    assert "changed elsewhere" in tracker.status.value
    assert demo_ws.interview_path(NORDWIND).read_bytes() == saved
    assert "Closed: offer" in _row(tracker, "Nordwind").next.value


def test_the_thank_you_email_is_not_overdue_the_same_evening(demo_ws: Workspace) -> None:
    """An interview that ended at 16:30: at 20:00 the email is due now, by 21:00, not overdue."""
    record = demo_ws.load(AEGEAN).to_record()
    record.update(start="2026-11-24T15:00", end="2026-11-24T16:30")
    demo_ws.save(Interview.from_record(record, id=AEGEAN))
    evening = dt.datetime(2026, 11, 24, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    tracker = Tracker(Workspace(demo_ws.root), now=evening)
    row = _row(tracker, "Aegean")
    assert "Thank-you email: due now, by today 21:00" in row.next.value and "overdue" not in row.next.value
    assert "⚠" not in row.next.value


# -- one state ------------------------------------------------------------------------------------

def test_a_save_in_one_panel_shows_in_every_other(demo_ws: Workspace) -> None:
    """A new interview saved in the form is in the notes, cards, calendar and tracker at once."""
    session = Session(demo_ws)
    selection = Selection(NORDWIND)
    form = InterviewForm(session, selection=selection, now=NOW)
    notes = NotesPanel(session, selection=selection)
    cards = CardsPanel(session, selection=selection)
    calendar = CalendarPanel(session, now=NOW)
    tracker = Tracker(session, now=NOW)
    form.new.click()
    form.company.value, form.role.value = "Hafenkraft AG", "Analytics Engineer"
    form.day.value, form.start.value, form.end.value = "2026-11-24", "9:00", "11:00"
    person = form.people.children[0]
    person.name.value, person.name_checked.value = "Zoë Ångström", "business card"
    form.save.click()
    assert selection.id == "2026-11-24-hafenkraft-first-round"
    assert notes.notes.children[0].text.description == "Note to Zoë Ångström"
    assert notes.choice.value == cards.choice.value == selection.id
    assert "Zoë Ångström" in cards.checklist.value
    assert "Hafenkraft AG" in calendar.table.value
    assert any("Hafenkraft AG" in row.label.value for row in tracker.rows.children)
