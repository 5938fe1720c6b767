"""The notes, cards, calendar and tracker panels, driven by .value and .click() without a browser."""

from __future__ import annotations

import datetime as dt
import json

import pytest

pytest.importorskip("ipywidgets")

from icalendar import Calendar  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from followup_kit import Workspace  # noqa: E402
from followup_kit.ui import CalendarPanel, CardsPanel, NotesPanel, Tracker  # noqa: E402

NOW = dt.datetime(2026, 11, 24, 20, 0, tzinfo=dt.timezone.utc)
NORDWIND = "2026-11-19-nordwind-energie-onsite"
PNG = b"\x89PNG\r\n\x1a\n"


def test_notes_panel_shows_one_note_per_interviewer(demo_ws: Workspace) -> None:
    """Each interviewer gets an editor with the draft and a clean proofreading (R6)."""
    panel = NotesPanel(demo_ws, NORDWIND)
    editors = panel.notes.children
    assert [e.index for e in editors] == [0, 1, 2]
    assert editors[0].text.value.startswith("Dear Małgorzata,")
    assert all("No problems found" in e.findings.value for e in editors)


def test_notes_panel_proofreads_an_edit(demo_ws: Workspace) -> None:
    """A misspelling typed into a note shows up beside it before anything is saved."""
    panel = NotesPanel(demo_ws, NORDWIND)
    editor = panel.notes.children[1]
    editor.text.value = editor.text.value.replace("\n\n", "\n\nI realy enjoyed our talk.\n\n", 1)
    assert "realy" in editor.findings.value and "really" in editor.findings.value
    assert "own" not in json.dumps(json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8")))


def test_notes_panel_saves_own_wording(demo_ws: Workspace) -> None:
    """Save my wording stores the text as the interviewer's note; Back to the draft removes it."""
    panel = NotesPanel(demo_ws, NORDWIND)
    editor = panel.notes.children[2]
    text = editor.text.value.replace("Kind regards", "With warm regards")
    editor.text.value = text
    editor.save.click()
    data = json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8"))
    assert data["interviewers"][2]["note"] == text
    assert "Saved your wording for Sophie Laurent" in panel.status.value
    panel.notes.children[2].reset.click()
    data = json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8"))
    assert "note" not in data["interviewers"][2]


def test_cards_panel_previews_and_generates(demo_ws: Workspace) -> None:
    """The panel shows a PNG preview and the checklist; Generate writes the PDF with every name."""
    panel = CardsPanel(demo_ws, NORDWIND)
    assert bytes(panel.preview.value).startswith(PNG)
    assert "Jürgen Weiß" in panel.checklist.value and "✓ business card" in panel.checklist.value
    panel.sheet.value = "card"
    panel.generate.click()
    path = demo_ws.output_dir / f"cards-{NORDWIND}.pdf"  # each interview's cards have their own file
    assert "Cards written" in panel.status.value and path.exists()
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Małgorzata Wiśniewska" in text and "Jürgen Weiß" in text


def test_cards_panel_refuses_unverified_names_in_words(demo_ws: Workspace) -> None:
    """An unchecked name is refused with a message naming the person; draft prints anyway."""
    interview = demo_ws.load(NORDWIND)
    demo_ws.save(interview.with_interviewer(1, checked={"title": "company website"}))
    panel = CardsPanel(Workspace(demo_ws.root), NORDWIND)
    assert "✗ not checked" in panel.checklist.value
    panel.generate.click()
    assert "Jürgen Weiß" in panel.status.value and "Cards written" not in panel.status.value
    assert not (demo_ws.output_dir / "cards.pdf").exists()
    panel.draft.value = True
    panel.generate.click()
    assert "Cards written" in panel.status.value


def test_calendar_panel_lists_and_exports(demo_ws: Workspace) -> None:
    """The planned steps are listed, overdue ones marked; Export writes an .ics icalendar reads."""
    panel = CalendarPanel(demo_ws, now=NOW)
    assert "Status follow-up" in panel.table.value and "overdue" in panel.table.value
    panel.export.click()
    path = demo_ws.output_dir / "followup.ics"
    assert "Calendar written" in panel.status.value
    calendar = Calendar.from_ical(path.read_bytes())
    assert len(calendar.walk("VEVENT")) == 14


def test_tracker_shows_next_steps_and_marks_done(demo_ws: Workspace) -> None:
    """Overdue next steps are red; Mark done records the step and moves to the next one."""
    tracker = Tracker(demo_ws, now=NOW)
    assert bytes(tracker.chart.value).startswith(PNG)
    assert "(overdue)" in tracker.table.value and "color:#b00020" in tracker.table.value
    tracker.choice.value = NORDWIND
    for step in ("thank-you-email", "thank-you-cards"):
        tracker.step.value = step
        tracker.done.click()
    done = json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8"))["done"]
    assert set(done) == {"thank-you-email", "thank-you-cards"}
    row = next(r for r in tracker.table.value.split("<tr") if "Nordwind" in r)
    assert "Status follow-up" in row and "overdue" not in row


def test_tracker_records_an_outcome(demo_ws: Workspace) -> None:
    """Recording an outcome closes the interview: no more reminders for it (R18)."""
    tracker = Tracker(demo_ws, now=NOW)
    tracker.choice.value = NORDWIND
    tracker.outcome.value = "offer"
    tracker.record.click()
    data = json.loads(demo_ws.interview_path(NORDWIND).read_text("utf-8"))
    assert data["outcome"] == "offer"
    row = next(r for r in tracker.table.value.split("<tr") if "Nordwind" in r)
    assert "closed: offer" in row
