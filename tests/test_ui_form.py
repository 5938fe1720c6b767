"""The interview form, driven like a user would: set .value, click, read the messages."""

from __future__ import annotations

import datetime as dt
import json

import pytest

pytest.importorskip("ipywidgets")

from followup_kit import Workspace  # noqa: E402
from followup_kit.ui import NOT_CHECKED, InterviewForm  # noqa: E402

NOW = dt.datetime(2026, 11, 24, 18, 0)


def _fill_minimal(form: InterviewForm) -> None:
    form.company.value = "Hafenkraft AG"
    form.role.value = "Analytics Engineer"
    form.stage.value = "onsite"
    form.medium.value = "in-person"
    form.start.value = dt.datetime(2026, 11, 24, 9, 0)
    form.end.value = dt.datetime(2026, 11, 24, 11, 0)
    person = form.people.children[0]
    person.name.value = "Zofia Łukasiewicz"
    person.title.value = "Head of BI"
    person.name_checked.value = "business card"
    person.topics.value = ["the dbt migration"]


def test_new_interview_is_saved_to_the_workspace(demo_ws: Workspace) -> None:
    """Filling the form and clicking Save writes a valid interview file with a readable id."""
    form = InterviewForm(demo_ws, now=NOW)
    _fill_minimal(form)
    form.timeline_kind.value = "within"
    form.timeline_days.value = 5
    form.save.click()
    path = demo_ws.interview_path("2026-11-24-hafenkraft-onsite")
    assert "Saved" in form.status.value and path.exists()
    data = json.loads(path.read_text("utf-8"))
    assert data["interviewers"][0]["name"] == "Zofia Łukasiewicz"
    assert data["interviewers"][0]["checked"] == {"name": "business card"}
    assert data["timeline"] == {"kind": "within", "days": 5, "business": True}


def test_validation_messages_appear_as_the_user_types(demo_ws: Workspace) -> None:
    """An empty company and an end before the start are named before saving."""
    form = InterviewForm(demo_ws, now=NOW)
    _fill_minimal(form)
    form.company.value = ""
    form.end.value = dt.datetime(2026, 11, 24, 8, 0)
    assert "company: expected some text" in form.messages.value
    assert "end: expected a time after the start" in form.messages.value
    form.save.click()
    assert "Not saved" in form.status.value
    assert demo_ws.ids() == sorted(demo_ws.ids()) and not any("hafenkraft" in i for i in demo_ws.ids())


def test_loaded_interview_round_trips(demo_ws: Workspace) -> None:
    """Loading an interview and saving it unchanged keeps the record equal."""
    interview_id = "2026-11-19-nordwind-energie-onsite"
    before = demo_ws.load(interview_id)
    form = InterviewForm(demo_ws, interview_id=interview_id)
    assert form.people.children[0].name.value == "Małgorzata Wiśniewska"
    assert form.messages.value == ""
    form.save.click()
    assert "Saved" in form.status.value
    assert Workspace(demo_ws.root).load(interview_id) == before


def test_conflict_is_reported_not_overwritten(demo_ws: Workspace) -> None:
    """If the file changed since it was loaded, Save says so and writes nothing."""
    interview_id = "2026-11-19-nordwind-energie-onsite"
    form = InterviewForm(demo_ws, interview_id=interview_id)
    other = InterviewForm(Workspace(demo_ws.root), interview_id=interview_id)
    other.role.value = "Senior Data Platform Engineer"
    other.save.click()
    saved = demo_ws.interview_path(interview_id).read_bytes()
    form.role.value = "Data Platform Engineer II"
    form.save.click()
    assert "changed on disk" in form.status.value
    assert demo_ws.interview_path(interview_id).read_bytes() == saved


def test_add_and_remove_interviewers(demo_ws: Workspace) -> None:
    """Add makes a second person's fields; Remove takes them away again."""
    form = InterviewForm(demo_ws, now=NOW)
    form.add_person.click()
    assert len(form.people.children) == 2
    form.people.children[1].remove.click()
    assert len(form.people.children) == 1


def test_unchecked_source_is_not_written(demo_ws: Workspace) -> None:
    """'(not checked yet)' leaves the key out, so the name stays unverified (R2)."""
    form = InterviewForm(demo_ws, now=NOW)
    _fill_minimal(form)
    form.people.children[0].name_checked.value = NOT_CHECKED
    assert "checked" not in json.dumps(form.record["interviewers"][0]["checked"])


def test_extras_and_salutation_round_trip(demo_ws: Workspace) -> None:
    """Extras ('Title | URL' per line) and how to greet a person are every-field parts of the form."""
    interview_id = "2026-11-19-nordwind-energie-onsite"
    form = InterviewForm(demo_ws, interview_id=interview_id)
    assert "my PyData Munich talk on exactly-once ingestion | https://" in form.extras.value
    form.extras.value += "\nA note on backfills | https://example.org/lena/backfills"
    form.people.children[1].salutation.value = "Dr Weiß"
    form.save.click()
    data = json.loads(demo_ws.interview_path(interview_id).read_text("utf-8"))
    assert data["extras"][-1] == {"title": "A note on backfills", "url": "https://example.org/lena/backfills"}
    assert data["interviewers"][1]["salutation"] == "Dr Weiß"


def test_half_written_extra_is_named(demo_ws: Workspace) -> None:
    """An extra without a web address is reported in words, not saved."""
    form = InterviewForm(demo_ws, now=NOW)
    _fill_minimal(form)
    form.extras.value = "my portfolio | portfolio.example.org"
    assert "extras[0].url: expected a web address" in form.messages.value
