"""The .ics calendar: read back by three independent parsers and imported by calcurse."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import icalendar
import pytest

from followup_kit.calendar import PRODID, build_calendar, event_uid, describe
from followup_kit.session import Session
from followup_kit.errors import WorkspaceError
from followup_kit.model import replace
from followup_kit.schedule import Event, plan
from followup_kit.workspace import Workspace, write_atomic

UTC = dt.timezone.utc
STAMP = dt.datetime(2026, 11, 18, 12, 0, tzinfo=UTC)
GOLDEN = Path(__file__).parent / "golden" / "demo-followup.ics"


@pytest.fixture
def events(demo_ws: Workspace) -> list[Event]:
    """The demo workspace's plan: four interviews, three scripts, two zones."""
    return plan(demo_ws.profile(), demo_ws.interviews())


@pytest.fixture
def ics_bytes(events: list[Event]) -> bytes:
    """The demo's calendar with a fixed DTSTAMP."""
    return build_calendar(events, stamp=STAMP, name="Interview follow-ups: Lena Hoffmann")


def _vevents(data: bytes) -> dict[str, icalendar.cal.Component]:
    return {str(c["uid"]): c for c in icalendar.Calendar.from_ical(data).walk("VEVENT")}


def test_calendar_header(ics_bytes: bytes) -> None:
    """The calendar has PRODID, VERSION 2.0 and a name; no METHOD without an organizer (RFC 5546)."""
    calendar = icalendar.Calendar.from_ical(ics_bytes)
    assert str(calendar["prodid"]) == PRODID
    assert str(calendar["version"]) == "2.0"
    assert "method" not in calendar
    assert not any("organizer" in c for c in calendar.walk("VEVENT"))
    assert str(calendar["x-wr-calname"]) == "Interview follow-ups: Lena Hoffmann"


def test_publish_carries_the_organizer_rfc5546_asks_for(demo_ws: Workspace) -> None:
    """With the profile's email, METHOD:PUBLISH comes with that ORGANIZER on every event."""
    data, events = Session(demo_ws).calendar_ics(stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["method"]) == "PUBLISH"
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == len(events) == 14
    for component in vevents:
        assert str(component["organizer"]) == "mailto:lena.hoffmann@example.org"
        assert component["organizer"].params["cn"] == "Lena Hoffmann"
        assert {"dtstamp", "dtstart", "summary", "uid", "sequence"} <= {k.lower() for k in component}


def test_no_method_without_the_profile_email(demo_ws: Workspace) -> None:
    """A profile without an email gives a calendar without METHOD, rather than a PUBLISH without ORGANIZER."""
    profile = demo_ws.profile()
    demo_ws.save_profile(profile.model_copy(update={"email": None}))
    calendar = icalendar.Calendar.from_ical(Session(demo_ws).calendar_ics(stamp=STAMP)[0])
    assert "method" not in calendar
    assert not any("organizer" in c for c in calendar.walk("VEVENT"))


def test_icalendar_reads_every_event(events: list[Event], ics_bytes: bytes) -> None:
    """icalendar reads back one VEVENT per event, at its instant in UTC, with one DISPLAY alarm."""
    vevents = _vevents(ics_bytes)
    assert len(vevents) == len(events) == 14
    for event in events:
        component = vevents[event_uid(event.interview_id, event.kind)]
        start = component.decoded("dtstart")
        assert start == event.due and start.utcoffset() == dt.timedelta(0)
        assert component.decoded("dtend") - start == dt.timedelta(minutes=30)
        assert str(component["summary"]) == describe(event).title
        assert str(component["description"]) == describe(event).description
        alarms = component.walk("VALARM")
        assert len(alarms) == 1
        assert str(alarms[0]["action"]) == "DISPLAY"
        assert alarms[0].decoded("trigger") == dt.timedelta(minutes=-15)
        assert str(alarms[0]["description"]) == describe(event).title


def test_vobject_reads_every_event(events: list[Event], ics_bytes: bytes) -> None:
    """vobject reads the same starts (UTC), summaries and single alarms."""
    import vobject

    calendar = vobject.readOne(ics_bytes.decode("utf-8"))
    found = {v.uid.value: v for v in calendar.vevent_list}
    assert len(found) == len(events)
    for event in events:
        vevent = found[event_uid(event.interview_id, event.kind)]
        assert vevent.dtstart.value == event.due
        assert vevent.dtstart.value.utcoffset() == dt.timedelta(0)
        assert vevent.summary.value == describe(event).title
        assert len(vevent.valarm_list) == 1
        assert vevent.valarm.action.value == "DISPLAY"
        assert vevent.valarm.trigger.value == dt.timedelta(minutes=-15)


def test_ics_reads_every_event(events: list[Event], ics_bytes: bytes) -> None:
    """The `ics` package reads the same starts (UTC), names, descriptions and single alarms."""
    import ics

    calendar = ics.Calendar(ics_bytes.decode("utf-8"))
    found = {e.uid: e for e in calendar.events}
    assert len(found) == len(events)
    for event in events:
        parsed = found[event_uid(event.interview_id, event.kind)]
        assert parsed.begin.datetime == event.due
        assert parsed.begin.utcoffset() == dt.timedelta(0)
        assert parsed.name == describe(event).title
        assert parsed.description == describe(event).description
        assert [a.trigger for a in parsed.alarms] == [dt.timedelta(minutes=-15)]


@pytest.mark.skipif(shutil.which("calcurse") is None,
                    reason="calcurse is not installed (Debian package 'calcurse'); it imports the .ics like a user would")
def test_calcurse_imports_every_event(tmp_path: Path, demo_ws: Workspace, events: list[Event],
                                      ics_bytes: bytes) -> None:
    """Debian's calcurse imports every event as an appointment with an alarm, at the profile's local time."""
    path = write_atomic(tmp_path / "followup.ics", ics_bytes)
    data_dir = tmp_path / "calcurse"
    data_dir.mkdir()
    env = {**os.environ, "TZ": demo_ws.profile().timezone, "HOME": str(tmp_path)}
    proc = subprocess.run(["calcurse", "-D", str(data_dir), "-i", str(path)],
                          capture_output=True, text=True, env=env, timeout=60)
    counts = re.search(r"(\d+) apps / (\d+) events / (\d+) todos / (\d+) skipped", proc.stdout)
    assert counts, proc.stdout + proc.stderr
    assert tuple(int(n) for n in counts.groups()) == (len(events), 0, 0, 0)
    lines = (data_dir / "apts").read_text("utf-8").splitlines()
    # "start -> end>note-hash !summary": "!" marks an appointment with an alarm, "|" one without.
    pattern = re.compile(r"(\d\d/\d\d/\d{4} @ \d\d:\d\d) -> (\d\d/\d\d/\d{4} @ \d\d:\d\d)(?:>[0-9a-f]+ )?([!|])(.*)")
    imported = sorted(pattern.fullmatch(line).groups() for line in lines)
    expected = sorted((f"{e.due:%m/%d/%Y @ %H:%M}", f"{e.end:%m/%d/%Y @ %H:%M}", "!", describe(e).title) for e in events)
    assert imported == expected


def test_golden_file(ics_bytes: bytes, golden) -> None:
    """The demo's calendar is byte for byte the reviewed golden file (fixed plan and DTSTAMP)."""
    golden.check(GOLDEN, ics_bytes)


def test_lines_end_in_crlf_and_are_folded(ics_bytes: bytes) -> None:
    """Every line ends in CRLF and holds at most 75 octets (RFC 5545 3.1)."""
    assert ics_bytes.endswith(b"\r\n")
    lines = ics_bytes.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and len(line) <= 75 for line in lines)


def test_every_tzid_has_its_vtimezone(ics_bytes: bytes) -> None:
    """No timed event floats, and every TZID used has a VTIMEZONE (there are none: times are UTC)."""
    calendar = icalendar.Calendar.from_ical(ics_bytes)
    zones = {str(c["tzid"]) for c in calendar.walk("VTIMEZONE")}
    used = set(re.findall(rb";TZID=([^:;]+)", ics_bytes))
    assert {u.decode() for u in used} <= zones
    for line in re.findall(rb"^(?:DTSTART|DTEND)[:;].*$", ics_bytes, re.M):
        assert line.rstrip(b"\r").endswith(b"Z") or b"TZID=" in line, line


def test_summary_has_no_line_break(demo_ws: Workspace) -> None:
    """A line break in a company name never reaches SUMMARY: some clients skip such events."""
    interview = demo_ws.interviews().interviews[0]
    broken = interview.model_copy(update={"company": "Nordwind\nEnergie GmbH"})
    data = build_calendar(plan(demo_ws.profile(), [broken]), stamp=STAMP)
    for component in _vevents(data).values():
        assert "\n" not in str(component["summary"])


def test_two_exports_give_the_same_uids(demo_ws: Workspace, tmp_path: Path) -> None:
    """Exporting the same workspace twice gives the same UIDs, so a re-import updates instead of duplicating."""
    first = Session(demo_ws).write_calendar(tmp_path / "a.ics", stamp=STAMP).path.read_bytes()
    second = Session(demo_ws).write_calendar(tmp_path / "b.ics", stamp=STAMP + dt.timedelta(days=1)).path.read_bytes()
    assert set(_vevents(first)) == set(_vevents(second))
    assert len(set(_vevents(first))) == 14


def test_a_changed_event_keeps_its_uid_with_a_higher_sequence(demo_ws: Workspace, tmp_path: Path) -> None:
    """When an event's content changes, its UID stays and its SEQUENCE goes up; the others keep theirs."""
    path = tmp_path / "followup.ics"
    before = _vevents(Session(demo_ws).write_calendar(path, stamp=STAMP).path.read_bytes())
    interview = demo_ws.load("2026-11-19-nordwind-energie-onsite")
    moved = replace(interview, timeline={"kind": "date", "date": "2026-12-11", "said": "By 11 December."})
    demo_ws.save(moved)
    after = _vevents(Session(demo_ws).write_calendar(path, stamp=STAMP).path.read_bytes())
    again = _vevents(Session(demo_ws).write_calendar(path, stamp=STAMP).path.read_bytes())
    assert set(after) == set(before)
    follow = event_uid(interview.id, "status-follow-up")
    assert after[follow].decoded("dtstart") != before[follow].decoded("dtstart")
    assert int(before[follow]["sequence"]) == 0 and int(after[follow]["sequence"]) == 1
    untouched = event_uid("2026-11-24-aegean-analytics-final", "status-follow-up")
    assert int(after[untouched]["sequence"]) == 0
    assert {uid: int(c["sequence"]) for uid, c in again.items()} == {uid: int(c["sequence"]) for uid, c in after.items()}


def test_done_steps_and_closed_interviews_leave_the_calendar(demo_ws: Workspace, tmp_path: Path) -> None:
    """Steps marked done and every step of a closed interview are not exported."""
    from followup_kit.schedule import mark_done, record_outcome

    nordwind = demo_ws.load("2026-11-19-nordwind-energie-onsite")
    demo_ws.save(mark_done(nordwind, "thank-you-email", dt.date(2026, 11, 19)))
    demo_ws.save(record_outcome(demo_ws.load("2026-11-24-aegean-analytics-final"), "withdrawn", dt.date(2026, 11, 30)))
    uids = set(_vevents(Session(demo_ws).write_calendar(tmp_path / "f.ics", stamp=STAMP).path.read_bytes()))
    assert event_uid(nordwind.id, "thank-you-email") not in uids
    assert event_uid(nordwind.id, "thank-you-cards") in uids
    assert not any("aegean" in uid for uid in uids)
    assert len(uids) == 14 - 1 - 4


def test_export_never_replaces_a_foreign_file(demo_ws: Workspace, tmp_path: Path) -> None:
    """An existing .ics that followup-kit did not write is left unchanged, with a message saying why."""
    path = tmp_path / "my-calendar.ics"
    original = b"BEGIN:VCALENDAR\r\nPRODID:-//Someone else//EN\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    path.write_bytes(original)
    with pytest.raises(WorkspaceError, match="not written by followup-kit"):
        Session(demo_ws).write_calendar(path, stamp=STAMP)
    assert path.read_bytes() == original


def test_same_inputs_give_the_same_bytes(events: list[Event]) -> None:
    """With a fixed stamp the calendar is deterministic: no random UID or clock inside."""
    assert build_calendar(events, stamp=STAMP) == build_calendar(events, stamp=STAMP)


def test_a_floating_time_is_refused(events: list[Event]) -> None:
    """An event without a zone cannot be written: floating timed events move with the device."""
    from dataclasses import replace as with_changes

    floating = with_changes(events[0], due=events[0].due.replace(tzinfo=None))
    with pytest.raises(ValueError, match="floating"):
        build_calendar([floating], stamp=STAMP)


# -- re-exports: cancellations and a SEQUENCE that never goes backwards ----------------------

NORDWIND = "2026-11-19-nordwind-energie-onsite"


def _mark_email_done(ws: Workspace) -> str:
    from followup_kit.schedule import mark_done

    ws.save(mark_done(ws.load(NORDWIND), "thank-you-email", dt.date(2026, 11, 19)))
    return event_uid(NORDWIND, "thank-you-email")


def test_a_dropped_step_is_written_again_as_cancelled(demo_ws: Workspace, tmp_path: Path) -> None:
    """A step marked done stays in the re-export under its UID, CANCELLED, with a higher SEQUENCE and no alarm."""
    path = tmp_path / "followup.ics"
    before = _vevents(Session(demo_ws).write_calendar(path, stamp=STAMP).path.read_bytes())
    uid = _mark_email_done(demo_ws)
    after = _vevents(Session(demo_ws).write_calendar(path, stamp=STAMP).path.read_bytes())
    assert set(after) == set(before)
    assert str(before[uid]["status"]) == "CONFIRMED" and int(before[uid]["sequence"]) == 0
    assert str(after[uid]["status"]) == "CANCELLED" and int(after[uid]["sequence"]) == 1
    assert after[uid].decoded("dtstart") == before[uid].decoded("dtstart")
    assert str(after[uid]["summary"]) == str(before[uid]["summary"])
    assert after[uid].walk("VALARM") == []
    others = set(after) - {uid}
    assert all(str(after[u]["status"]) == "CONFIRMED" and int(after[u]["sequence"]) == 0 for u in others)


def test_a_cancelled_step_keeps_its_number_and_comes_back_higher(demo_ws: Workspace, tmp_path: Path) -> None:
    """Exported again, a cancelled step keeps its SEQUENCE; marked undone, it is confirmed with a higher one."""
    from followup_kit.schedule import mark_undone

    path = tmp_path / "followup.ics"
    Session(demo_ws).write_calendar(path, stamp=STAMP)
    uid = _mark_email_done(demo_ws)
    Session(demo_ws).write_calendar(path, stamp=STAMP)
    again = _vevents(Session(demo_ws).write_calendar(path, stamp=STAMP + dt.timedelta(days=1)).path.read_bytes())
    assert str(again[uid]["status"]) == "CANCELLED" and int(again[uid]["sequence"]) == 1
    demo_ws.save(mark_undone(demo_ws.load(NORDWIND), "thank-you-email"))
    back = _vevents(Session(demo_ws).write_calendar(path, stamp=STAMP).path.read_bytes())
    assert str(back[uid]["status"]) == "CONFIRMED" and int(back[uid]["sequence"]) == 2
    assert len(back[uid].walk("VALARM")) == 1


@pytest.mark.parametrize("damage", [
    pytest.param(lambda data: data[: len(data) // 2], id="cut-in-half"),
    pytest.param(lambda data: data[:-16], id="cut-before-the-end"),
    pytest.param(lambda data: data.replace(b"SEQUENCE:1", b"SEQUENCE:one", 1), id="unreadable-sequence"),
])
def test_a_damaged_earlier_export_is_reported_not_restarted(demo_ws: Workspace, tmp_path: Path, damage) -> None:
    """A damaged earlier export is refused with the fix and left as it is: numbering again from 0
    would make calendar apps ignore the updates."""
    from followup_kit.errors import InvalidFileError

    path = tmp_path / "followup.ics"
    Session(demo_ws).write_calendar(path, stamp=STAMP)
    _mark_email_done(demo_ws)
    Session(demo_ws).write_calendar(path, stamp=STAMP)  # one event at SEQUENCE 1
    damaged = damage(path.read_bytes())
    path.write_bytes(damaged)
    with pytest.raises(InvalidFileError, match="Restore it from a backup") as caught:
        Session(demo_ws).write_calendar(path, stamp=STAMP)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == damaged


def test_the_command_reports_a_damaged_export(demo_ws: Workspace, tmp_path: Path) -> None:
    """`followup-kit calendar` exits 2 naming the damaged file and the fix; no traceback."""
    from click.testing import CliRunner

    from followup_kit.cli import main

    path = tmp_path / "followup.ics"
    Session(demo_ws).write_calendar(path, stamp=STAMP)
    path.write_bytes(path.read_bytes()[:-40])
    result = CliRunner().invoke(main, ["calendar", str(demo_ws.root), "-o", str(path)])
    assert result.exit_code == 2
    assert str(path) in result.stderr and "cut short" in result.stderr and "Traceback" not in result.output


@pytest.mark.skipif(shutil.which("calcurse") is None,
                    reason="calcurse is not installed (Debian package 'calcurse'); it imports the .ics like a user would")
def test_calcurse_adds_every_event_again_on_reimport(tmp_path: Path, demo_ws: Workspace) -> None:
    """calcurse ignores UIDs: importing the re-export adds every event a second time, the cancelled
    step as a live appointment (what the README says of it: re-import into an empty calcurse)."""
    path = tmp_path / "followup.ics"
    data_dir = tmp_path / "calcurse"
    data_dir.mkdir()
    env = {**os.environ, "TZ": demo_ws.profile().timezone, "HOME": str(tmp_path)}
    Session(demo_ws).write_calendar(path, stamp=STAMP)
    subprocess.run(["calcurse", "-D", str(data_dir), "-i", str(path)], capture_output=True, env=env, timeout=60,
                   check=True)
    _mark_email_done(demo_ws)
    Session(demo_ws).write_calendar(path, stamp=STAMP)
    subprocess.run(["calcurse", "-D", str(data_dir), "-i", str(path)], capture_output=True, env=env, timeout=60,
                   check=True)
    assert len((data_dir / "apts").read_text("utf-8").splitlines()) == 2 * 14


def _khal(tmp_path: Path, *args: str, zone: str) -> str:
    env = {**os.environ, "HOME": str(tmp_path), "TZ": zone, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    proc = subprocess.run(["khal", "-c", str(tmp_path / "khal.conf"), *args], capture_output=True, text=True,
                          env=env, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


@pytest.mark.skipif(shutil.which("khal") is None,
                    reason="khal is not installed (Debian package 'khal'); it re-imports the .ics like a user would")
def test_khal_shows_a_dropped_step_cancelled_after_reimport(demo_ws: Workspace, tmp_path: Path) -> None:
    """khal, importing the re-export over the first one, updates in place: the dropped step is
    listed once, marked cancelled, and nothing is duplicated."""
    zone = demo_ws.profile().timezone
    store = tmp_path / "khal-calendar"
    store.mkdir()
    (tmp_path / "khal.conf").write_text(
        f"[calendars]\n[[followup]]\npath = {store}\n[locale]\nlocal_timezone = {zone}\n"
        f"default_timezone = {zone}\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\n"
        "longdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n",
        "utf-8")
    path = tmp_path / "followup.ics"
    listing = ("list", "--format", "{uid}|{status}", "2026-11-01", "90d")

    def imported() -> dict[str, list[str]]:
        _khal(tmp_path, "import", "--batch", "-a", "followup", str(path), zone=zone)
        rows: dict[str, list[str]] = {}
        for line in _khal(tmp_path, *listing, zone=zone).splitlines():
            if "|" in line:
                uid, status = line.split("|")
                rows.setdefault(uid, []).append(status.strip())
        return rows

    Session(demo_ws).write_calendar(path, stamp=STAMP)
    first = imported()
    assert len(first) == 14 and all(states == ["CONFIRMED"] for states in first.values())
    uid = _mark_email_done(demo_ws)
    Session(demo_ws).write_calendar(path, stamp=STAMP + dt.timedelta(days=1))
    second = imported()
    assert set(second) == set(first)
    assert second[uid] == ["CANCELLED"]
    assert all(states == ["CONFIRMED"] for u, states in second.items() if u != uid)
    assert "CANCELLED" in _khal(tmp_path, "list", "2026-11-19", "2d", zone=zone)

