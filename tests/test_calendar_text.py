"""The .ics written as text and read back line by line: the same bytes as icalendar's components,
and the same earlier events as icalendar reads, whatever was changed in the file by hand.

The reference is the export as it was built before: one icalendar ``Event`` component (with its
``Alarm``) per step, ``Calendar.to_ical()``, and the earlier export read with
``Calendar.from_ical`` (the kit's own ``_read_calendar``, which still reads any file its faster
reader does not recognise). The building is kept here, so that every change of the faster path
is held to it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any, Callable

import pytest
from icalendar import Alarm, Calendar, vCalAddress
from icalendar import Event as VEvent

from followup_kit.calendar import (PRODID, UID_DOMAIN, Wording, _component, _content, _EventText, _fingerprint,
                                   _read_calendar, _read_export, _utc, _Written, build_calendar, calendar_name,
                                   describe, event_uid, previous_events)
from followup_kit.errors import InvalidValueError
from followup_kit.model import Interview
from followup_kit.sample import sample_interview_record, sample_profile
from followup_kit.schedule import Event, plan
from followup_kit.workspace import Workspace

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

UTC = dt.timezone.utc
STAMP = dt.datetime(2026, 11, 18, 12, 0, tzinfo=UTC)
NAME = "Interview follow-ups: Lena Hoffmann"


# -- the reference: icalendar components, as the export was built before ---------------------------

def reference_vevent(event: Event, uid: str, stamp: dt.datetime, wording: Wording) -> Any:
    return _vevent(uid, stamp, _utc(event.due), _utc(event.end), wording, event.alarm_minutes)


def _vevent(uid: str, stamp: dt.datetime, start: dt.datetime, end: dt.datetime, wording: Wording,
            minutes: int) -> Any:
    """An event built by icalendar's own component, as the kit's export writes one."""
    component = VEvent()
    component.add("uid", uid)
    component.add("dtstamp", stamp)
    component.add("dtstart", start)
    component.add("dtend", end)
    component.add("summary", wording.title)
    component.add("description", wording.description)
    component.add("status", "CONFIRMED")
    component.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", dt.timedelta(minutes=-minutes))
    alarm.add("description", wording.title)
    component.add_component(alarm)
    return component


def _addressed(component: Any, sequence: int, organizer: str | None, organizer_name: str | None) -> Any:
    """``component`` with its ORGANIZER (when there is one) and SEQUENCE, as the export ends every event."""
    if organizer:
        address = vCalAddress(f"mailto:{organizer}")
        if organizer_name:
            address.params["cn"] = organizer_name
        component.add("organizer", address)
    component.add("sequence", sequence)
    return component


def reference_previous(data: bytes | None) -> dict[str, tuple[int, tuple[Any, ...], Any]]:
    """An earlier export read whole by icalendar (the kit's own reader of last resort)."""
    if not data:
        return {}
    if not data.rstrip().endswith(b"END:VCALENDAR"):
        raise ValueError("it stops before the end of the calendar, as a file cut short does")
    return {uid: tuple(previous) for uid, previous in _read_calendar(data).items()}


def reference_cancelled(previous: tuple[int, tuple[Any, ...], Any], stamp: dt.datetime) -> tuple[Any, int]:
    sequence, content, component = previous
    for name in ("dtstamp", "sequence", "status", "organizer"):
        component.pop(name, None)
    component.subcomponents = [c for c in component.subcomponents if c.name != "VALARM"]
    component.add("dtstamp", stamp)
    component.add("status", "CANCELLED")
    unchanged = _fingerprint(component) == content
    return component, sequence if unchanged else sequence + 1


def reference_calendar(events: list[Event], *, stamp: dt.datetime | None = None, name: str | None = None,
                       previous: bytes | None = None, domain: str = UID_DOMAIN, organizer: str | None = None,
                       organizer_name: str | None = None, templates: Path | str | None = None) -> bytes:
    stamp = _utc(stamp) if stamp is not None else dt.datetime.now(UTC)
    stamp = stamp.replace(microsecond=0)
    before = reference_previous(previous)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if organizer:
        calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name if name is not None else calendar_name(templates=templates))

    def add(component: Any, sequence: int) -> None:
        calendar.add_component(_addressed(component, sequence, organizer, organizer_name))

    seen: set[str] = set()
    for event in events:
        uid = event_uid(event.interview_id, event.kind, domain=domain)
        if uid in seen:
            raise InvalidValueError(f"events: two events share the UID {uid}; plan each interview once, "
                                    "under one id")
        seen.add(uid)
        component = reference_vevent(event, uid, stamp, describe(event, templates=templates))
        sequence = 0
        if uid in before:
            old_sequence, old_content, _ = before[uid]
            sequence = old_sequence if old_content == _fingerprint(component) else old_sequence + 1
        add(component, sequence)
    for uid, earlier in before.items():
        if uid not in seen:
            add(*reference_cancelled(earlier, stamp))
    return calendar.to_ical()


def outcome(function: Callable[[], Any]) -> Any:
    """What a call gives, or the exception it raises as (type, message): both paths must agree on either."""
    try:
        return function()
    except Exception as exc:  # noqa: BLE001
        return type(exc), str(exc)


def read(data: bytes) -> Any:
    return outcome(lambda: [(uid, p.sequence, p.content) for uid, p in previous_events(data).items()])


def read_reference(data: bytes) -> Any:
    return outcome(lambda: [(uid, p[0], p[1]) for uid, p in reference_previous(data).items()])


# -- events to write --------------------------------------------------------------------------------

def sample_events(count: int, *, start: int = 0) -> list[Event]:
    """The sample cohort's plan: names in Czech, Vietnamese, Chinese, Arabic, Swedish and Irish English."""
    records = [Interview.from_record(sample_interview_record(i)).with_id(f"sample-{i:04d}")
               for i in range(start, start + count)]
    return plan(sample_profile(), records)


#: Wordings that exercise escaping and folding: every script the kit meets, the characters a TEXT
#: value escapes, a line break in every form, and a 2-, 3- or 4-byte character (or a backslash
#: escape) on the 75th octet of a line.
TEXTS = [
    "Thank-you email: Nordwind Energie GmbH (Małgorzata Wiśniewska, Jürgen Weiß)",
    "Status follow-up: Nguyễn Thị Thu Hà; Trần Đức Minh\\Phòng kỹ thuật",
    "感谢信：上海数据科技（王秀英、李娜）— 面试后二十四小时内寄出",
    "رسالة شكر: ليلى حداد، شركة البيانات; خلال يومين",
    "Zoë Ångström, Marcus O'Neill: \"quoted\" words, commas, semicolons; and a back\\slash",
    "Line one\nline two\r\nline three\rline four \\N not a break\n\n",
    "a" * 61 + "ł" * 20,
    "a" * 62 + "ł" * 20,
    "a" * 60 + "数" * 20,
    "a" * 61 + "数" * 20,
    "a" * 62 + "𝔘" * 20,
    "a" * 62 + "\\" * 5 + "," * 5 + ";" * 5,
    "a" * 63 + "\n" * 5,
    "Kraków, Łódź; Gdańsk\\Wrocław " * 40,
    "Đà Nẵng – Hồ Chí Minh – Hà Nội, " * 30,
    "東京・大阪；北京，上海\\" * 50,
    "مرحبا، كيف الحال؛ " * 30,
    "",
    " ",
]
ORGANIZER_NAMES = [None, "Lena Hoffmann", "O'Neill, Marcus; Jr.", "Zoë: Ångström", "王秀英", "ليلى حداد",
                   "Nguyễn Thị Thu Hà", "a=b", "x^y", "Anna \"Ania\" Kowalska"]


# -- writing: the same bytes as icalendar ------------------------------------------------------------

def _written(uid: str, start: dt.datetime, end: dt.datetime, wording: Wording, minutes: int, sequence: int,
             organizer: str | None, organizer_name: str | None) -> tuple[bytes, bytes]:
    """The event as the kit writes it now, and as icalendar's component writes it."""
    text = outcome(lambda: _EventText(STAMP, organizer, organizer_name)(uid, start, end, wording, minutes, sequence))

    def reference() -> bytes:
        return _addressed(_vevent(uid, STAMP, start, end, wording, minutes), sequence, organizer,
                          organizer_name).to_ical()

    return text, outcome(reference)


@pytest.mark.parametrize("title", TEXTS)
@pytest.mark.parametrize("organizer_name", ORGANIZER_NAMES)
def test_an_event_is_written_as_icalendar_writes_it(title: str, organizer_name: str | None) -> None:
    """Every wording and organizer name gives the bytes of icalendar's component, folded and escaped alike."""
    start = dt.datetime(2026, 11, 20, 7, 30, tzinfo=UTC)
    for description in (title, "\n".join(TEXTS)):
        text, reference = _written("i00001.thank-you-email@followup-kit", start, start + dt.timedelta(minutes=30),
                                   Wording(title, description), 15, 3, "lena.hoffmann@example.org", organizer_name)
        assert text == reference


@settings(max_examples=300, deadline=None)
@given(title=st.text(st.characters(blacklist_categories=("Cs",))),
       description=st.text(st.characters(blacklist_categories=("Cs",)), max_size=400),
       uid=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=90),
       start=st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2999, 12, 30),
                          timezones=st.just(UTC)),
       minutes=st.integers(0, 60 * 24 * 30), sequence=st.integers(0, 10 ** 6),
       organizer=st.sampled_from([None, "lena.hoffmann@example.org", "ünïcode@bäckerei-groß.de"]),
       organizer_name=st.one_of(st.none(), st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)))
def test_any_event_is_written_as_icalendar_writes_it(title: str, description: str, uid: str, start: dt.datetime,
                                                     minutes: int, sequence: int, organizer: str | None,
                                                     organizer_name: str | None) -> None:
    """Whatever the text, times, alarm, SEQUENCE and organizer: icalendar's bytes (or its error)."""
    end = start + dt.timedelta(minutes=30)
    text, reference = _written(uid, start, end, Wording(title, description), minutes, sequence, organizer,
                               organizer_name)
    assert text == reference
    # what a re-export compares with the earlier export's events, without building the component
    planned = dataclasses.make_dataclass("Planned", ["due", "end", "alarm_minutes"])(start, end, minutes)
    assert _content(start, end, Wording(title, description), minutes) == _fingerprint(
        reference_vevent(planned, uid, STAMP, Wording(title, description)))


@pytest.mark.parametrize("organizer", [(None, None), ("lena.hoffmann@example.org", None),
                                       ("lena.hoffmann@example.org", "Lena Hoffmann"),
                                       ("lena.hoffmann@example.org", "O'Neill, Marcus; Jr.")])
def test_a_cohort_is_written_as_icalendar_writes_it(organizer: tuple[str | None, str | None]) -> None:
    """The sample cohort (six scripts), exported three times with steps dropping out, moving and
    coming back: every export the bytes of the reference, cancelled events and SEQUENCEs included."""
    email, name = organizer
    events = sample_events(24)
    options = dict(name=NAME, organizer=email, organizer_name=name)
    first = build_calendar(events, stamp=STAMP, **options)
    assert first == reference_calendar(events, stamp=STAMP, **options)
    assert _read_export(first) is not None

    # a third of the steps drop out, a quarter move a day later
    later = [dataclasses.replace(e, due=e.due + dt.timedelta(days=1))
             if k % 4 == 1 else e for k, e in enumerate(events) if k % 3]
    second = build_calendar(later, stamp=STAMP + dt.timedelta(days=1), previous=first, **options)
    assert second == reference_calendar(later, stamp=STAMP + dt.timedelta(days=1), previous=first, **options)
    assert b"STATUS:CANCELLED" in second and b"SEQUENCE:1" in second

    # the dropped steps come back, others drop out; the cancelled ones are kept at their number
    again = [e for k, e in enumerate(events) if k % 5]
    third = build_calendar(again, stamp=STAMP + dt.timedelta(days=2), previous=second, **options)
    assert third == reference_calendar(again, stamp=STAMP + dt.timedelta(days=2), previous=second, **options)
    assert b"SEQUENCE:2" in third
    fourth = build_calendar(again, stamp=STAMP + dt.timedelta(days=3), previous=third, **options)
    assert fourth == reference_calendar(again, stamp=STAMP + dt.timedelta(days=3), previous=third, **options)


def test_the_demo_is_written_as_icalendar_writes_it(demo_ws: Workspace) -> None:
    """The demo (German, Polish, Greek, Ukrainian; the kit's wording) with its profile's organizer."""
    profile = demo_ws.profile()
    events = plan(profile, demo_ws.interviews())
    options = dict(name=calendar_name(profile), organizer=profile.email, organizer_name=profile.name)
    first = build_calendar(events, stamp=STAMP, **options)
    assert first == reference_calendar(events, stamp=STAMP, **options)
    second = build_calendar(events[3:], stamp=STAMP, previous=first, **options)
    assert second == reference_calendar(events[3:], stamp=STAMP, previous=first, **options)


def test_workspace_wording_is_written_as_icalendar_writes_it(demo_ws: Workspace, tmp_path: Path) -> None:
    """A workspace's own calendar wording, with every character a TEXT value escapes, in every script."""
    templates = tmp_path / "templates"
    (templates / "calendar").mkdir(parents=True)
    body = "\n".join(TEXTS).replace("{", "(").replace("}", ")")
    for kind in ("thank-you-email", "thank-you-cards", "status-follow-up", "move-on", "rejection-reply"):
        (templates / "calendar" / f"{kind}.j2").write_text(
            "{% macro title() -%}" + TEXTS[1] + " {{ interview.company }}{%- endmacro %}\n"
            "{% macro description() -%}{% raw %}" + body + "{% endraw %}{{ people | length }}{%- endmacro %}\n",
            encoding="utf-8")
    events = plan(demo_ws.profile(), demo_ws.interviews())
    first = build_calendar(events, stamp=STAMP, name=NAME, templates=templates)
    assert first == reference_calendar(events, stamp=STAMP, name=NAME, templates=templates)
    assert "Nguyễn".encode() in first
    second = build_calendar(events[1:], stamp=STAMP, name=NAME, templates=templates, previous=first)
    assert second == reference_calendar(events[1:], stamp=STAMP, name=NAME, templates=templates, previous=first)


def test_errors_are_the_same(events_demo: list[Event]) -> None:
    """A floating time and a UID twice fail as before, with the same message."""
    floating = dataclasses.replace(events_demo[0], due=events_demo[0].due.replace(tzinfo=None))
    for events in ([floating], [events_demo[0], events_demo[0]]):
        assert outcome(lambda: build_calendar(events, stamp=STAMP, name=NAME)) == \
            outcome(lambda: reference_calendar(events, stamp=STAMP, name=NAME))


@pytest.fixture
def events_demo(demo_ws: Workspace) -> list[Event]:
    return plan(demo_ws.profile(), demo_ws.interviews())


# -- reading an earlier export: the same events as icalendar reads --------------------------------

@pytest.fixture(scope="module")
def exports() -> tuple[list[Event], bytes]:
    """A re-export of part of the cohort: cancelled events, SEQUENCE 1 and 0, an organizer."""
    events = sample_events(8, start=3)
    options = dict(name=NAME, organizer="lena.hoffmann@example.org", organizer_name="O'Neill, Marcus; Jr.")
    first = build_calendar(events, stamp=STAMP, **options)
    moved = [dataclasses.replace(e, due=e.due + dt.timedelta(hours=1)) if k % 3 == 0 else e
             for k, e in enumerate(events) if k % 4]
    return events, build_calendar(moved, stamp=STAMP, previous=first, **options)


def test_the_kit_s_export_is_read_line_by_line(exports: tuple[list[Event], bytes]) -> None:
    """An export the kit wrote is read without icalendar's parser, to the same SEQUENCEs and contents."""
    _, data = exports
    fast = _read_export(data)
    assert fast is not None
    slow = _read_calendar(data)
    assert [(u, p.sequence, p.content) for u, p in fast.items()] == \
        [(u, p.sequence, p.content) for u, p in slow.items()]
    assert {p.sequence for p in fast.values()} == {0, 1}
    assert any(p.content[4] == "CANCELLED" for p in fast.values())
    for uid, written in fast.items():  # what is kept for a cancellation is the event icalendar reads
        assert isinstance(written.event, _Written)
        assert _component(written.event.lines()).to_ical() == slow[uid].event.to_ical()


HAND_ADDED = (
    "BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E008@outlook.com\r\nDTSTAMP:20261118T090000Z\r\n"
    "DTSTART;TZID=Europe/Berlin:20261125T140000\r\nDTEND;TZID=Europe/Berlin:20261125T150000\r\n"
    "SUMMARY;LANGUAGE=de:Kaffee mit Jürgen\\, Hamburg\r\nLOCATION:Café Elbblick\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=3\r\nBEGIN:VALARM\r\nACTION:AUDIO\r\nTRIGGER;RELATED=END:PT0S\r\nEND:VALARM\r\n"
    "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H\r\nDESCRIPTION:Kaffee\r\nEND:VALARM\r\nEND:VEVENT\r\n")


def test_an_event_added_by_hand_is_read_by_icalendar(exports: tuple[list[Event], bytes]) -> None:
    """An event added by hand (a zone, a rule, a location, two alarms) is read by icalendar on its own; the
    rest line by line; the re-export writes it cancelled, as before."""
    events, data = exports
    at = data.index(b"BEGIN:VEVENT", len(data) // 2)
    edited = data[:at] + HAND_ADDED.encode() + data[at:]
    assert _read_export(edited) is not None
    assert read(edited) == read_reference(edited)
    assert "040000008200E00074C5B7101A82E008@outlook.com" in previous_events(edited)
    options = dict(stamp=STAMP, name=NAME, organizer="lena.hoffmann@example.org", organizer_name="Lena")
    rewritten = build_calendar(events, previous=edited, **options)
    assert rewritten == reference_calendar(events, previous=edited, **options)
    assert b"Kaffee mit J\xc3\xbcrgen" in rewritten


#: Lines to put into an export: what calendar apps and hands add, and what damage leaves.
LINES = [
    "", " ", " folded on", "LOCATION:Room 4", "X-MOZ-GENERATION:3", "X-FOO;BAR=1:baz", "COMMENT:a\\;b\\,c\\\\",
    "DTSTART;TZID=Europe/Berlin:20261120T090000", "DTSTART:20261120", "DTSTART:20261120T090000",
    "DTSTART;VALUE=DATE:20261120", "DTEND:20261399T000000Z", "DTEND:2026-11-20T09:00:00Z", "DTSTAMP:yesterday",
    "SEQUENCE:one", "SEQUENCE:+3", "SEQUENCE:٣", "SEQUENCE: 4", "SEQUENCE:-1", "SEQUENCE:007", "SEQUENCE:",
    "UID:", "UID:x\\,y", "uid:lower-case@example.org", "summary:lower case", "Summary:Mixed",
    "SUMMARY:a\\nb\\Nc\\:d", "DESCRIPTION:", "STATUS:CANCELLED", "TRANSP:OPAQUE",
    "BEGIN:VALARM", "END:VALARM", "ACTION:AUDIO", "TRIGGER:-PT1H", "TRIGGER:PT0S", "TRIGGER:-P1D",
    "TRIGGER;RELATED=END:PT0S", "TRIGGER;VALUE=DATE-TIME:20261120T090000Z", "TRIGGER:soon",
    "BEGIN:VTODO", "END:VTODO", "BEGIN:VEVENT", "END:VEVENT", "begin:vevent", "end:vevent", "BEGIN :VEVENT",
    "END:VCALENDAR", "BEGIN:VCALENDAR", "BEGIN:VTIMEZONE", "END:VTIMEZONE", "BEGIN:X-THING", "END:X-THING",
    'ORGANIZER;CN="A, B":mailto:a@b.c', "ORGANIZER;CN=x=y:mailto:q", "ORGANIZER:mailto:a@b.c",
    'ORGANIZER;CN="x":mailto:a\\,b', "ORGANIZER;ROLE=CHAIR:mailto:a@b.c", "ORGANIZER",
    "PRODID:-//Someone else//EN", "PRODID:" + PRODID, "X-WR-CALNAME:Mine", "METHOD:REQUEST", "VERSION:2.0",
    "X-COMMENT:after", "no colon at all", ":no name", "SUMMARY", "DESCRIPTION;ALTREP=\"cid:x\":Text",
]


@st.composite
def edits(draw: Any, data: bytes) -> bytes:
    """``data`` with a few lines deleted, repeated, added or changed, or its line ends changed."""
    lines = data.decode("utf-8").split("\r\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "repeat", "insert", "insert", "replace", "cut"]))
        if action == "delete":
            del lines[at]
        elif action == "repeat":
            lines.insert(at, lines[at])
        elif action == "insert":
            lines.insert(at, draw(st.sampled_from(LINES)))
        elif action == "replace":
            lines[at] = draw(st.sampled_from(LINES))
        else:
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
    ends = draw(st.sampled_from(["\r\n", "\r\n", "\r\n", "\n", "\r"]))
    return ends.join(lines).encode("utf-8")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(st.data())
def test_an_export_changed_by_hand_reads_as_icalendar_reads_it(exports: tuple[list[Event], bytes], data: Any) -> None:
    """Whatever is added, removed or damaged: the same events, SEQUENCEs and contents as icalendar
    reads, or the same error; and the re-export is the reference's bytes (or its error)."""
    events, export = exports
    edited = data.draw(edits(export))
    assert read(edited) == read_reference(edited)
    options = dict(stamp=STAMP, name=NAME, organizer="lena.hoffmann@example.org", organizer_name="Lena")
    assert outcome(lambda: build_calendar(events[2:], previous=edited, **options)) == \
        outcome(lambda: reference_calendar(events[2:], previous=edited, **options))


@pytest.mark.parametrize("change", [
    pytest.param(lambda d: d.replace(PRODID.encode(), b"-//Someone else//EN"), id="another-prodid"),
    pytest.param(lambda d: d.replace(b"\r\n", b"\n"), id="lf-line-ends"),
    pytest.param(lambda d: d.replace(b"CALSCALE:GREGORIAN\r\n", b"CALSCALE:GREGORIAN\r\n\r\n"), id="empty-line"),
    pytest.param(lambda d: b"\xef\xbb\xbf" + d, id="byte-order-mark"),
    pytest.param(lambda d: d.replace(b"\r\nBEGIN:VEVENT", b"\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"
                                     b"END:VTIMEZONE\r\nBEGIN:VEVENT", 1), id="a-time-zone"),
    pytest.param(lambda d: d.replace("ř".encode(), b"\xc5\r\n \x99", 1), id="a-character-cut-by-a-fold"),
    pytest.param(lambda d: d.replace(b"SUMMARY:", b"SUMMARY:\xff", 1), id="not-utf-8"),
    pytest.param(lambda d: d + d, id="two-calendars"),
])
def test_other_files_are_read_by_icalendar(exports: tuple[list[Event], bytes],
                                           change: Callable[[bytes], bytes]) -> None:
    """A file the line-by-line reading does not know is read by icalendar as a whole: same result or error."""
    _, data = exports
    changed = change(data)
    assert _read_export(changed) is None
    assert read(changed) == read_reference(changed)


@pytest.mark.parametrize("cut", ["VERSION:2.0", "ACTION:DISPLAY"])
def test_a_line_cut_before_its_colon_reads_as_icalendar_reads_it(exports: tuple[list[Event], bytes],
                                                                  cut: str) -> None:
    """A header, alarm or event line cut short to its name ("VERSION") is not a content line:
    icalendar refuses the file, and so does the kit (found by the property above)."""
    _, export = exports
    edited = export.replace(f"\r\n{cut}\r\n".encode(), f"\r\n{cut.split(':')[0]}\r\n".encode(), 1)
    assert edited != export
    assert read(edited) == read_reference(edited)
    assert isinstance(read(edited), tuple)  # the error, as the reference gives it
