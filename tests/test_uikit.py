"""The app's helpers that need no widgets: typed dates, messages, merging, step states, downloads, memory."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import re
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from followup_kit import uikit
from followup_kit.errors import InvalidFileError
from followup_kit.model import Interview
from followup_kit.schedule import plan
from followup_kit.workspace import Workspace

BERLIN = dt.timezone(dt.timedelta(hours=1))  # November in Berlin
#: What no message may show: rule tags, field paths, JSON, Python names, command-line flags.
JARGON = re.compile(r"\bR\d{1,2}\b|\w\[\d+\]|\b(?:checked|timeline|reflection|interviewers|extras)\.\w|[{}]"
                    r"|\b(?:None|True|False)\b|(?<!\w)--\w")


# -- typed dates and times -------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "day"), [
    ("2026-11-24", dt.date(2026, 11, 24)), (" 2026-11-4 ", dt.date(2026, 11, 4)),
    ("24.11.2026", dt.date(2026, 11, 24)), ("24/11/2026", dt.date(2026, 11, 24)),
    ("24 Nov 2026", dt.date(2026, 11, 24)), ("November 24, 2026", dt.date(2026, 11, 24)),
])
def test_a_date_is_read_as_people_type_it(typed: str, day: dt.date) -> None:
    """ISO, dotted, slashed (day first), and with the month's name."""
    assert uikit.parse_day(typed) == day


def test_slashes_put_the_month_first_in_the_us() -> None:
    """'11/24/2026' is read month first where the profile says so."""
    assert uikit.parse_day("11/24/2026", month_first=True) == dt.date(2026, 11, 24)


@pytest.mark.parametrize(("typed", "words"), [
    ("", "Write the date"), ("2026-02-30", "no such day"), ("tomorrow", "year-month-day"),
    ("20261124", "year-month-day"),
])
def test_a_date_that_cannot_be_read_says_how_to_write_it(typed: str, words: str) -> None:
    """The message names the form to use, in words."""
    with pytest.raises(uikit.EntryError, match=words):
        uikit.parse_day(typed)


@pytest.mark.parametrize(("typed", "time"), [
    ("14:30", dt.time(14, 30)), ("9", dt.time(9)), ("14.30", dt.time(14, 30)), ("1430", dt.time(14, 30)),
    ("2pm", dt.time(14)), ("2:30 PM", dt.time(14, 30)), ("12am", dt.time(0)), ("9h15", dt.time(9, 15)),
])
def test_a_time_is_read_as_people_type_it(typed: str, time: dt.time) -> None:
    """Colon, dot, none; am and pm."""
    assert uikit.parse_clock(typed) == time


@pytest.mark.parametrize("typed", ["", "25:00", "13pm", "half past two"])
def test_a_time_that_cannot_be_read_is_refused_in_words(typed: str) -> None:
    with pytest.raises(uikit.EntryError, match="Write the time|hour is 1 to 12|hours:minutes"):
        uikit.parse_clock(typed)


# -- names of things -----------------------------------------------------------------------------

def test_menus_name_an_interview_by_company_role_and_date(demo_ws: Workspace) -> None:
    """'Company: role (date)', never the file's id; two alike are told apart."""
    interview = demo_ws.load("2026-11-19-nordwind-energie-onsite")
    assert uikit.interview_label(interview) == "Nordwind Energie GmbH: Data Platform Engineer (Thu 19 Nov 2026)"
    options = uikit.interview_options([interview, interview.with_id("other")])
    assert [label for label, _ in options][1].endswith("#2")
    assert all(not re.search(r"\d{4}-\d{2}-\d{2}-", label) for label, _ in options)


# -- messages -------------------------------------------------------------------------------------

def _problems(record: dict) -> list:
    with pytest.raises(InvalidFileError) as caught:
        Interview.from_record(record, file="this form")
    return caught.value.problems


def test_each_problem_is_said_in_plain_words_for_its_field(demo_ws: Workspace) -> None:
    """Empty text, a bad address, a bad time zone, an end before the start, a half link, no people."""
    record = demo_ws.load("2026-11-19-nordwind-energie-onsite").to_record()
    record.update(company="", timezone="Europe/Berln", end=record["start"],
                  extras=[{"title": "", "url": "example.org"}])
    record["interviewers"][1].update(name="", email="not-an-address")
    shown = {uikit.field_key(uikit.field_path(p.field)): uikit.problem_words(p) for p in _problems(record)}
    assert shown["company"] == "Write the company's name."
    assert shown["timezone"].endswith("Did you mean Europe/Berlin?")
    assert "end after it starts" in shown["end"]
    assert shown["interviewers.1.name"].startswith("Write the name exactly")
    assert "@" in shown["interviewers.1.email"]
    assert shown["extras"].startswith("Line 1:")
    assert [text for text in shown.values() if JARGON.search(text)] == []
    record = {**record, "interviewers": []}
    people = [p for p in _problems(record) if p.field == "interviewers"]
    assert uikit.problem_words(people[0]).startswith("Add everyone who interviewed you")


@pytest.mark.parametrize("message", [
    "Cards not printed, because a name on them was never checked:\n  Ana (interviews/x.json): name not verified\n"
    "Check each against a business card and record where under \"checked\" (e.g. \"checked\": {\"name\": "
    "\"business card\", \"title\": \"business card\"}); or print drafts marked DRAFT with --draft (draft=True).",
    "note to Ana: 300 words do not fit on 2 card faces; or choose a bigger card with --size.",
    "Nobody has checked it (R2, R11); record where under checked.name.",
])
def test_library_messages_are_said_in_the_apps_words(message: str) -> None:
    """Flags, Python values, JSON and rule tags become what the app offers instead."""
    said = uikit.plain(message)
    assert not re.search(r"--\w|draft=True|\{|R\d|checked\.name|\.json", said), said


# -- merging edits with a version saved meanwhile -------------------------------------------------

BASE = {"company": "Acme", "role": "Analyst", "interviewers": [{"name": "Ana", "title": "Lead"},
                                                                 {"name": "Bo", "note": "old"}]}


def _changed(record: dict, **changes) -> dict:
    import copy

    new = copy.deepcopy(record)
    for path, value in changes.items():
        where = new
        *parents, last = path.split("__")
        for key in parents:
            where = where[int(key)] if key.isdigit() else where[key]
        where[int(last) if last.isdigit() else last] = value
    return new


def test_edits_to_different_fields_combine() -> None:
    """My role and their note of the second person are both kept."""
    mine = _changed(BASE, role="Senior Analyst")
    theirs = _changed(BASE, interviewers__1__note="new")
    merged, conflicts = uikit.merge(BASE, mine, theirs)
    assert conflicts == []
    assert merged["role"] == "Senior Analyst" and merged["interviewers"][1]["note"] == "new"


def test_the_same_field_changed_twice_is_a_conflict_named_in_words() -> None:
    """Both changed the first person's title: listed as "Ana's title", mine kept meanwhile."""
    mine = _changed(BASE, interviewers__0__title="Head")
    theirs = _changed(BASE, interviewers__0__title="Director")
    merged, conflicts = uikit.merge(BASE, mine, theirs)
    assert conflicts == [("interviewers", 0, "title")]
    assert merged["interviewers"][0]["title"] == "Head"
    assert uikit.conflict_words(conflicts[0], mine) == "Ana's title"
    assert uikit.conflict_words(("role",), mine) == "Role"


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    mine = theirs = _changed(BASE, role="Lead Analyst")
    assert uikit.merge(BASE, mine, theirs) == (mine, [])


# -- when a step is overdue -----------------------------------------------------------------------

def _evening(demo_ws: Workspace, *, ended: str = "16:30") -> tuple:
    profile = demo_ws.profile()
    interview = demo_ws.load("2026-11-19-nordwind-energie-onsite")
    record = interview.to_record()
    record.update(start="2026-11-19T15:00", end=f"2026-11-19T{ended}")
    interview = Interview.from_record(record, id=interview.id)
    events = {e.kind: e for e in plan(profile, [interview])}
    return profile, interview, events


@pytest.mark.parametrize(("now", "state", "words"), [
    ("2026-11-19T17:00", "upcoming", "due today 18:00"),
    ("2026-11-19T20:00", "due", "due now, by today 21:00"),
    ("2026-11-19T22:30", "late", "still in time until tomorrow 16:30"),
    ("2026-11-20T16:00", "late", "still in time until today 16:30"),
    ("2026-11-20T16:31", "overdue", "overdue"),
])
def test_the_same_day_email_is_overdue_only_when_the_24_hours_run_out(demo_ws: Workspace, now: str, state: str,
                                                                       words: str) -> None:
    """Ended 16:30: at 20:00 that evening sending it is exactly what is asked, not overdue (R7, R20)."""
    profile, interview, events = _evening(demo_ws)
    moment = dt.datetime.fromisoformat(now).replace(tzinfo=BERLIN)
    found = uikit.step_state(events["thank-you-email"], interview, profile, moment)
    assert (found.state, found.overdue) == (state, state == "overdue")
    assert found.text.startswith(words)


def test_the_evening_ends_at_the_profiles_setting_when_it_has_one(demo_ws: Workspace) -> None:
    """A planner setting for the end of the evening, when there is one, moves the 'due by' time."""
    profile, interview, events = _evening(demo_ws)
    settings = type("Settings", (), {"evening_ends": "22:00", "thank_you_within_hours": 24})()
    by, limit = uikit.step_deadline(events["thank-you-email"], interview, profile, settings)
    assert f"{by:%H:%M}" == "22:00" and f"{limit:%d %H:%M}" == "20 16:30"


def test_a_follow_up_is_due_all_through_its_day(demo_ws: Workspace) -> None:
    """The status follow-up is 'due today' at 17:00 of its day and overdue the next morning."""
    profile, interview, events = _evening(demo_ws)
    event = events["status-follow-up"]
    evening = event.due.replace(hour=17)
    assert uikit.step_state(event, interview, profile, evening).text == "due today"
    assert uikit.step_state(event, interview, profile, evening + dt.timedelta(hours=8)).overdue


def test_tracker_rows_say_the_next_step_in_words(demo_ws: Workspace) -> None:
    """The next open step by name, never its id; a closed interview says how it ended."""
    profile = demo_ws.profile()
    interviews = demo_ws.interviews().interviews
    closed = Interview.from_record({**interviews[0].to_record(), "outcome": "withdrawn",
                                    "outcome_date": "2026-11-25"}, id=interviews[0].id)
    now = dt.datetime(2026, 11, 24, 20, tzinfo=dt.timezone.utc)
    events = plan(profile, [closed, *interviews[1:]], now=now, include_done=True)
    rows = uikit.tracker_rows([closed, *interviews[1:]], events, profile, now)
    assert rows[0].next_text == "Closed: withdrawn on Wed 25 Nov 2026"
    assert all(not re.search(r"thank-you-|status-follow|move-on", row.next_text) for row in rows)


# -- downloads ----------------------------------------------------------------------------------

def test_a_download_link_carries_the_file_itself() -> None:
    """The link's address holds the bytes, with the file's name and type: no server route needed."""
    link = uikit.download_html(b"%PDF-1.4 bytes", "cards-x.pdf", "Download")
    href = re.search(r'href="data:application/pdf;base64,([^"]+)"', link)
    assert href and base64.b64decode(href[1]) == b"%PDF-1.4 bytes"
    assert 'download="cards-x.pdf"' in link


def test_a_zip_of_drafts_is_the_same_for_the_same_files() -> None:
    files = [("a.eml", b"one"), ("b.eml", b"two")]
    data = uikit.zip_bytes(files)
    assert data == uikit.zip_bytes(files)
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert archive.read("b.eml") == b"two"


# -- what the app remembers ---------------------------------------------------------------------

def test_the_app_remembers_the_workspace_interview_and_tab(tmp_path: Path) -> None:
    memory = uikit.AppMemory(tmp_path / "config")
    assert memory.workspace is None
    memory.remember(workspace=tmp_path / "ws", tab="Notes")
    memory.remember(interview="2026-11-24-x")
    again = uikit.AppMemory(tmp_path / "config")
    assert again.workspace == tmp_path / "ws"
    assert again.recall("tab") == "Notes" and again.recall("interview") == "2026-11-24-x"
    again.remember(workspace=tmp_path / "other")
    assert again.recall("interview") is None  # the interview shown belongs to its workspace
    assert again.recent[:2] == [str(tmp_path / "other"), str(tmp_path / "ws")]


def test_unsaved_input_is_kept_and_forgotten(tmp_path: Path) -> None:
    memory = uikit.AppMemory(tmp_path / "config")
    memory.keep_unsaved(tmp_path / "ws", "note", "x#0", {"name": "Ana", "text": "Dear Ana"})
    assert uikit.AppMemory(tmp_path / "config").unsaved(tmp_path / "ws", "note", "x#0")["text"] == "Dear Ana"
    memory.keep_unsaved(tmp_path / "ws", "note", "x#0", None)
    assert memory.unsaved(tmp_path / "ws", "note", "x#0") is None


def test_a_damaged_memory_file_is_an_empty_memory(tmp_path: Path) -> None:
    (tmp_path / "app.json").write_text("{not json", "utf-8")
    assert uikit.AppMemory(tmp_path).workspace is None


def test_the_memory_lives_where_the_environment_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_KIT_CONFIG", str(tmp_path / "mine"))
    assert uikit.config_dir() == tmp_path / "mine"
    monkeypatch.delenv("FOLLOWUP_KIT_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    if uikit.os.name != "nt" and uikit.sys.platform != "darwin":
        assert uikit.config_dir() == tmp_path / "xdg" / "followup-kit"


# -- debouncing ---------------------------------------------------------------------------------

def test_without_an_event_loop_the_call_happens_at_once() -> None:
    calls: list[str] = []
    debounced = uikit.Debouncer(calls.append, 10)
    debounced("a")
    assert calls == ["a"]


def test_in_a_running_loop_only_the_last_of_quick_calls_happens() -> None:
    """Typing 'a', 'ab', 'abc' quickly proofreads 'abc' once, after the pause."""
    calls: list[str] = []

    async def typing() -> None:
        debounced = uikit.Debouncer(calls.append, 0.05)
        for text in ("a", "ab", "abc"):
            debounced(text)
        assert calls == []
        await asyncio.sleep(0.15)

    asyncio.run(typing())
    assert calls == ["abc"]


# -- the next round ------------------------------------------------------------------------------

def test_the_next_round_keeps_the_people_and_leaves_the_rest_to_fill(demo_ws: Workspace) -> None:
    record = demo_ws.load("2026-11-23-dnipro-robotics-first-round").to_record()
    record["interviewers"][0]["note"] = "my words"
    copy = uikit.next_round(record)
    assert copy["stage"] == "onsite" and copy["company"] == record["company"]
    assert [p["name"] for p in copy["interviewers"]] == [p["name"] for p in record["interviewers"]]
    assert "note" not in copy["interviewers"][0] and "start" not in copy and "done" not in copy
