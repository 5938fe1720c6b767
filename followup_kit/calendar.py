"""The follow-up plan as an .ics calendar that imports cleanly into any calendar app.

Choices, each made for a known import problem:

* Timed events are written in UTC (``DTSTART:20261121T000000Z``): no TZID, so no
  VTIMEZONE for Outlook to reject or shift, and no floating times that move with
  the device's zone. The planner already did the zone arithmetic with zoneinfo,
  DST included, so every app shows the same instant in its own local time.
* A UID per (interview id, event kind), the same on every export, so that
  re-importing updates an event instead of duplicating it.
* ``SEQUENCE`` comes from the previous export at the same path, which is read
  back: an event whose content changed gets the old number plus one; an
  unchanged event keeps its number. The calendar file is the state; nothing
  else is stored. A damaged earlier export is refused (:func:`previous_events`
  raises), never read as empty: numbers that went backwards would make calendar
  apps ignore every update. (Deleting the file restarts every event at 0.)
* A step that drops out of the plan (done, or its interview closed) is written
  again as ``STATUS:CANCELLED`` with its SEQUENCE raised, for as long as the
  earlier export listed it, so that apps which honour updates stop showing it.
* ``METHOD:PUBLISH`` only with what RFC 5546 asks of it, an ORGANIZER on every
  event (the candidate's own email); without an email there is no METHOD.
* Exactly one VALARM (DISPLAY) per event: Outlook honours only one, and Google
  drops alarms from imported files, so SUMMARY and DESCRIPTION carry everything.
* Reminders are VEVENTs (VTODO is ignored by Google and Outlook), marked
  TRANSPARENT so they do not block the user's free/busy time.

``icalendar`` does the folding, escaping and value encoding (RFC 5545); it is
imported inside the functions, so ``import followup_kit`` stays light. For speed on
a cohort's tens of thousands of events, each event's text is put together from
icalendar's pieces rather than from a component per event, and an earlier export
the kit wrote is read back line by line; tests/test_calendar_text.py holds both to
icalendar's own components, byte for byte and event for event.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, NamedTuple, Sequence

from .errors import InvalidFileError, InvalidValueError
from .model import Profile
from .schedule import Event

UTC = dt.timezone.utc
PRODID = "-//followup-kit//Interview follow-ups//EN"
#: The right-hand side of every UID: ``<interview id>.<kind>@followup-kit``.
UID_DOMAIN = "followup-kit"
CALENDAR_FILE = "followup.ics"


def event_uid(interview_id: str, kind: str, *, domain: str = UID_DOMAIN) -> str:
    """The UID of one event: the same for the same interview and kind on every export."""
    return f"{interview_id}.{kind}@{domain}"


def calendar_name(profile: Profile | None = None, *, templates: Path | str | None = None) -> str:
    """The calendar's display name (X-WR-CALNAME), from ``templates/calendar/calendar-name.j2``."""
    from .templating import call, module

    name = "calendar/calendar-name.j2"
    words = module(name, templates, candidate=profile.name if profile else None)
    return _one_line(call(name, templates, words.title))


@dataclass(frozen=True)
class Wording:
    """What a calendar entry says: a one-line title (SUMMARY) and a description."""

    title: str
    description: str


def describe(event: Event, *, templates: Path | str | None = None) -> Wording:
    """The words of one planned step, from ``templates/calendar/<kind>.j2`` (the workspace's
    own, where ``templates`` has one): who, what to do, and what the employer said."""
    from .templating import call, module

    interview, profile = event.interview, event.profile
    if interview is None or profile is None:
        raise InvalidValueError(f"event: {event.kind} of {event.interview_id} does not carry its interview and "
                                "profile; describe the events plan() returns")
    zone = profile.zone
    name = f"calendar/{event.kind}.j2"
    words = module(
        name, templates,
        interview=interview, profile=profile, people=interview.interviewers,
        names=list(event.people), said=interview.timeline.said, timeline=interview.timeline,
        stated=event.stated, start=interview.start.replace(tzinfo=interview.zone(profile)).astimezone(zone),
        end=interview.ended_at(profile).astimezone(zone), follow_up=event.follow_up, due=event.due,
        settings=event.settings, event=event,
    )
    return Wording(_one_line(call(name, templates, words.title)), _paragraphs(call(name, templates, words.description)))


def event_json(event: Event, *, templates: Path | str | None = None) -> dict[str, Any]:
    """The record ``followup-kit plan --json`` prints for an event."""
    wording = describe(event, templates=templates)
    return {
        "interview": event.interview_id,
        "kind": event.kind,
        "due": event.due.isoformat(timespec="seconds"),
        "people": list(event.people),
        "title": wording.title,
        "description": wording.description,
    }


def _one_line(text: str) -> str:
    # Some calendar clients skip events whose SUMMARY has a line break.
    return " ".join(str(text).split())


def _paragraphs(text: str) -> str:
    lines = [line.rstrip() for line in str(text).strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise InvalidValueError(f"a calendar time must carry its time zone (got the floating time {moment}); "
                                "give an aware date-time, e.g. datetime.now(timezone.utc)")
    return moment.astimezone(UTC)


def _fold(fold: Callable[[str], str], line: str) -> str:
    # icalendar's folding leaves a line shorter than 75 octets as it is; only longer ones go through it.
    return line if len(line) < 75 and line.isascii() else fold(line)


def _icalendar_fold() -> Callable[[str], str]:
    """The function icalendar's ``to_ical()`` folds each content line with."""
    try:
        from icalendar.parser import _foldline as fold
    except ImportError:  # icalendar 6 calls it foldline
        from icalendar.parser import foldline as fold
    return fold


class _EventText:
    """Each planned step as the VEVENT text icalendar's ``to_ical()`` writes for it, byte for byte.

    The component is ``Event.add`` of UID, DTSTAMP, DTSTART, DTEND (UTC), SUMMARY,
    DESCRIPTION, STATUS:CONFIRMED, TRANSP:TRANSPARENT, ORGANIZER (with an organizer) and
    SEQUENCE, with one ``Alarm`` (ACTION:DISPLAY, TRIGGER, DESCRIPTION = the title).
    Building those objects for every event and serializing them is most of the cost of
    a large export, so the text is written here, but every piece of it by icalendar:
    values by its property types (``vText`` escaping, ``vDDDTypes`` times, the lines that
    are the same in every event by ``Component.content_line``), properties in its
    canonical order, each line folded by its folding function.
    """

    def __init__(self, stamp: dt.datetime, organizer: str | None, organizer_name: str | None) -> None:
        from icalendar import Alarm, vCalAddress
        from icalendar import Event as VEvent
        from icalendar.caselessdict import canonsort_keys
        from icalendar.prop import vDDDTypes, vText

        self._fold = _icalendar_fold()
        self._text, self._time = vText, vDDDTypes
        same = VEvent()
        same.add("dtstamp", stamp)
        same.add("status", "CONFIRMED")
        same.add("transp", "TRANSPARENT")
        if organizer:
            address = vCalAddress(f"mailto:{organizer}")
            if organizer_name:
                address.params["cn"] = organizer_name
            same.add("organizer", address)
        self._same = {name: self._line(same, name) for name in same}
        self._order = canonsort_keys([*self._same, "UID", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION",
                                      "SEQUENCE"], VEvent.canonical_order)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        self._action = self._line(alarm, "ACTION")
        self._alarm_order = canonsort_keys(["ACTION", "TRIGGER", "DESCRIPTION"], Alarm.canonical_order)
        self._times: dict[dt.datetime, str] = {}
        self._triggers: dict[int, str] = {}
        self._sequences: dict[int, str] = {}

    def _line(self, component: Any, name: str) -> str:
        return _fold(self._fold, str(component.content_line(name, component[name])))

    def _value(self, name: str, text: str) -> str:
        return _fold(self._fold, f"{name}:{self._escaped(text)}")

    def _escaped(self, text: str) -> str:
        return self._text(text).to_ical().decode("utf-8")

    def _when(self, moment: dt.datetime) -> str:
        value = self._times.get(moment)
        if value is None:
            value = self._times[moment] = self._time(moment).to_ical().decode("ascii")
        return value

    def _trigger(self, minutes: int) -> str:
        line = self._triggers.get(minutes)
        if line is None:
            from icalendar import Alarm

            alarm = Alarm()
            alarm.add("trigger", dt.timedelta(minutes=-minutes))
            line = self._triggers[minutes] = self._line(alarm, "TRIGGER")
        return line

    def _sequence(self, sequence: int) -> str:
        line = self._sequences.get(sequence)
        if line is None:
            from icalendar import Event as VEvent

            component = VEvent()
            component.add("sequence", sequence)
            line = self._sequences[sequence] = self._line(component, "SEQUENCE")
        return line

    def __call__(self, uid: str, start: dt.datetime, end: dt.datetime, wording: Wording, alarm_minutes: int,
                 sequence: int) -> bytes:
        title, fold = self._escaped(wording.title), self._fold
        lines = {**self._same, "UID": self._value("UID", uid), "DTSTART": f"DTSTART:{self._when(start)}",
                 "DTEND": f"DTEND:{self._when(end)}", "SUMMARY": _fold(fold, f"SUMMARY:{title}"),
                 "DESCRIPTION": self._value("DESCRIPTION", wording.description),
                 "SEQUENCE": self._sequence(sequence)}
        alarm = {"ACTION": self._action, "TRIGGER": self._trigger(alarm_minutes),
                 "DESCRIPTION": _fold(fold, f"DESCRIPTION:{title}")}
        return "\r\n".join(["BEGIN:VEVENT", *[lines[name] for name in self._order], "BEGIN:VALARM",
                            *[alarm[name] for name in self._alarm_order], "END:VALARM", "END:VEVENT", ""]
                           ).encode("utf-8")


def _moment(when: Any) -> str:
    return when.astimezone(UTC).isoformat() if isinstance(when, dt.datetime) and when.tzinfo else str(when)


def _content(start: dt.datetime, end: dt.datetime, wording: Wording, alarm_minutes: int) -> tuple[Any, ...]:
    """:func:`_fingerprint` of the event :class:`_EventText` writes, without building it."""
    return (wording.title, wording.description, _moment(start), _moment(end), "CONFIRMED", "TRANSPARENT",
            (("DISPLAY", str(dt.timedelta(minutes=-alarm_minutes)), wording.title),))


def _fingerprint(component: Any) -> tuple[Any, ...]:
    """What an attendee sees of an event: a change here bumps its SEQUENCE."""

    def text(name: str) -> str:
        return str(component.get(name, ""))

    def moment(name: str) -> str:
        value = component.get(name)
        return "" if value is None else _moment(value.dt)

    alarms = tuple(
        (str(alarm.get("action", "")), str(alarm.decoded("trigger")) if "trigger" in alarm else "",
         str(alarm.get("description", "")))
        for alarm in component.walk("VALARM")
    )
    return (text("summary"), text("description"), moment("dtstart"), moment("dtend"),
            text("status"), text("transp"), alarms)


class Previous(NamedTuple):
    """One event of an earlier export: its SEQUENCE, what it said (:func:`_fingerprint`), and the
    event itself: the content lines inside its VEVENT (unfolded), or the icalendar component read
    from it."""

    sequence: int
    content: tuple[Any, ...]
    event: Any


def previous_events(data: bytes | None) -> dict[str, Previous]:
    """UID → :class:`Previous` of each event in an earlier export, in its order.

    Raises :class:`ValueError` saying what is wrong when the export is damaged
    (cut short, unreadable, an event without UID or with an unreadable
    SEQUENCE): carrying on as if it were empty would restart every SEQUENCE at 0.

    A file the kit wrote is read line by line (:func:`_read_export`); anything else,
    and anything in it that reading does not expect, is read by icalendar.
    """
    if not data:
        return {}
    if not data.rstrip().endswith(b"END:VCALENDAR"):
        raise ValueError("it stops before the end of the calendar, as a file cut short does")
    found = _read_export(data)
    return found if found is not None else _read_calendar(data)


def _read_calendar(data: bytes) -> dict[str, Previous]:
    """:func:`previous_events` by icalendar: the whole file parsed into components."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as exc:
        raise ValueError(f"it cannot be read as a calendar ({exc})") from exc
    components = calendar.walk("VEVENT")
    written = data.count(b"\nBEGIN:VEVENT")
    if len(components) != written:
        raise ValueError(f"only {len(components)} of its {written} events can be read")
    found = {}
    for component in components:
        uid, previous = _read_component(component)
        found[uid] = previous
    return found


def _read_component(component: Any) -> tuple[str, Previous]:
    uid = str(component.get("uid", ""))
    if not uid:
        raise ValueError(f"an event has no UID (\"{component.get('summary', '')}\")")
    try:
        sequence = int(component.get("sequence", 0))
    except (TypeError, ValueError):
        raise ValueError(f"the event {uid} has an unreadable SEQUENCE ({component.get('sequence')})") from None
    return uid, Previous(sequence, _fingerprint(component), component)


#: The lines of the calendar itself in an export the kit wrote.
_HEADER = frozenset({"VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME"})
#: The properties of its events and of their alarm, as it writes them (no parameters).
_EVENT = frozenset({"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "STATUS", "TRANSP",
                    "SEQUENCE"})
_ALARM = frozenset({"ACTION", "TRIGGER", "DESCRIPTION"})
#: ORGANIZER as the kit writes it: CN unquoted or quoted, neither holding what ends a parameter.
_ORGANIZER = re.compile(r'ORGANIZER(?:;CN=(?:"[^"\\]*"|[^";:,=\\]*))?:[^\\]*')
_UTC_TIME = re.compile(r"[0-9]{8}T[0-9]{6}Z")


class _Irregular(Exception):
    """What the line-by-line reading of an export does not expect: icalendar reads it instead."""


def _read_export(data: bytes) -> dict[str, Previous] | None:
    """:func:`previous_events` of an export the kit wrote, read from its content lines.

    Parsing 33,000 events into icalendar components takes longer than writing them. The
    export's own lines are read instead, each value decoded as icalendar's parser decodes
    it (``unescape_backslash`` for text, ``vDDDTypes`` for times and the alarm's trigger,
    ``vInt`` for SEQUENCE), giving the same :func:`_fingerprint`. An event with anything
    else in it (one added by hand) is read by icalendar on its own; ``None`` for a file
    another program wrote or anything else unexpected (other components, a second
    calendar, lines outside it, an event without UID…): the caller reads it with
    icalendar, so what is found, and every error, is icalendar's.
    """
    try:
        from icalendar.parser import unescape_backslash
        from icalendar.prop import vDDDTypes, vInt
    except ImportError:  # an icalendar older than the reading here was checked against
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text.startswith("BEGIN:VCALENDAR\r\n"):
        return None
    if not text.count("\r") == text.count("\n") == text.count("\r\n") or "\r\n\r\n" in text:
        return None  # line ends other than CRLF, a lone CR in a value, or an empty line
    # With nothing but CRLF line ends and no empty line, what icalendar's unfolding (UFOLD) removes is
    # exactly each CRLF followed by a blank, and removing one never makes another: the same lines.
    text = text.replace("\r\n ", "")
    text = text.replace("\r\n\t", "")
    lines = text.split("\r\n")
    del text
    times: dict[str, str] = {}
    triggers: dict[str, str] = {}

    def moment(raw: str) -> str:
        value = times.get(raw)
        if value is None:
            if not _UTC_TIME.fullmatch(raw):
                raise _Irregular(raw)
            value = times[raw] = _moment(vDDDTypes.from_ical(raw))  # what vDDDTypes(…).dt then holds
        return value

    def trigger(raw: str) -> str:
        value = triggers.get(raw)
        if value is None:
            from icalendar.cal import Component

            try:
                alarm = Component.from_ical(f"BEGIN:VALARM\r\nTRIGGER:{raw}\r\nEND:VALARM\r\n")
            except Exception:  # noqa: BLE001 (icalendar's verdict comes from reading the whole file)
                raise _Irregular(raw) from None
            if alarm.errors:
                raise _Irregular(raw)
            value = triggers[raw] = str(alarm.decoded("trigger"))
        return value

    def event(block: list[str]) -> tuple[str, Previous]:
        properties: dict[str, str] = {}
        alarm: dict[str, str] | None = None
        in_alarm = False
        for line in block:
            if line == "BEGIN:VALARM" and alarm is None:
                alarm, in_alarm = {}, True
                continue
            if line == "END:VALARM" and in_alarm:
                in_alarm = False
                continue
            name, colon, raw = line.partition(":")
            if not colon:
                raise _Irregular(line)  # not a content line: icalendar's verdict
            if in_alarm:
                if name not in _ALARM or name in alarm:  # type: ignore[operator]
                    raise _Irregular(line)
                alarm[name] = raw  # type: ignore[index]
                continue
            if name not in _EVENT:
                if not _ORGANIZER.fullmatch(line):
                    raise _Irregular(line)
                name = "ORGANIZER"
            if name in properties:
                raise _Irregular(line)
            properties[name] = raw
        if in_alarm:
            raise _Irregular("BEGIN:VALARM")
        uid = unescape_backslash(properties.get("UID", ""))
        if not uid:
            raise _Irregular("UID")
        sequence = properties.get("SEQUENCE", "0")
        if not (sequence.isascii() and sequence.isdigit()):
            raise _Irregular(sequence)

        def said(name: str, where: dict[str, str] = properties) -> str:
            raw = where.get(name, "")
            return unescape_backslash(raw) if "\\" in raw else raw

        def when(name: str) -> str:
            return moment(properties[name]) if name in properties else ""

        alarms = () if alarm is None else (
            (said("ACTION", alarm), trigger(alarm["TRIGGER"]) if "TRIGGER" in alarm else "",
             said("DESCRIPTION", alarm)),)
        content = (said("SUMMARY"), said("DESCRIPTION"), when("DTSTART"), when("DTEND"), said("STATUS"),
                   said("TRANSP"), alarms)
        return uid, Previous(int(vInt.from_ical(sequence)), content, _Written(data, begin))

    found: dict[str, Previous] = {}
    ours = False
    count = 0
    if lines[0] != "BEGIN:VCALENDAR":
        return None
    position, last = 1, len(lines)
    begin = 0
    while position < last:
        line = lines[position]
        if line == "BEGIN:VEVENT":
            begin = data.find(b"\nBEGIN:VEVENT", begin) + 1  # the same event in the bytes (counted below)
            if not begin:
                return None
            position += 1
            start = position
            while position < last and lines[position] != "END:VEVENT":
                line = lines[position]
                if (line[:1] not in _NOT_BEGIN_OR_END and line not in ("BEGIN:VALARM", "END:VALARM")
                        and _begins_or_ends(line)):
                    return None  # a component in the event, or its end as icalendar reads it
                position += 1
            if position == last:
                return None
            block = lines[start:position]
            try:
                uid, previous = event(block)
            except Exception:  # noqa: BLE001 (an event added or changed by hand)
                try:
                    uid, previous = _read_block(block)
                except Exception:  # noqa: BLE001 (read as a whole by icalendar, for its verdict)
                    return None
            found[uid] = previous
            count += 1
        elif line == "END:VCALENDAR":
            if any(lines[position + 1:]):
                return None
            break
        else:
            name, colon, raw = line.partition(":")
            if not colon or name not in _HEADER:
                return None  # a header line icalendar would not read ("VERSION" cut short): its verdict
            ours = ours or (name == "PRODID" and raw == PRODID)
        position += 1
    else:
        return None
    if not ours or count != data.count(b"\nBEGIN:VEVENT"):
        return None
    return found


#: First characters of a line whose name cannot be BEGIN or END (icalendar drops blanks around a name).
_NOT_BEGIN_OR_END = frozenset("ACDFGHIJKLMNOPQRSTUVWXYZacdfghijklmnopqrstuvwxyz")


def _begins_or_ends(line: str) -> bool:
    return re.sub(r"\s+", "", line).upper().startswith(("BEGIN", "END"))


class _Written(NamedTuple):
    """An event of an export the kit wrote: the export, and where the event's BEGIN:VEVENT line starts."""

    data: bytes
    begin: int

    def lines(self) -> list[str]:
        """The event's content lines between BEGIN:VEVENT and END:VEVENT, unfolded."""
        end = _EVENT_END.search(self.data, self.begin)
        assert end is not None, "an event read from an export ends in it"
        return (self.data[self.begin: end.start()].decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")
                .split("\r\n")[1:])


#: The line that ends an event (CRLF, no folded line after it).
_EVENT_END = re.compile(rb"\r\nEND:VEVENT\r\n(?![ \t])")


def _component(block: Sequence[str]) -> Any:
    """The icalendar component of one event of an export, from the content lines inside its VEVENT."""
    from icalendar import Calendar

    components = Calendar.from_ical("\r\n".join(["BEGIN:VCALENDAR", "BEGIN:VEVENT", *block, "END:VEVENT",
                                                 "END:VCALENDAR", ""])).walk("VEVENT")
    if len(components) != 1:
        raise ValueError(f"{len(components)} events where one was")
    return components[0]


def _read_block(block: Sequence[str]) -> tuple[str, Previous]:
    """One event of an export, read by icalendar (an event added or changed by hand)."""
    return _read_component(_component(block))


def _cancelled(previous: Previous, stamp: dt.datetime) -> tuple[Any, int]:
    """A dropped step as its earlier export showed it, now CANCELLED, without its alarm."""
    component = previous.event
    if isinstance(component, _Written):
        component = _component(component.lines())
    for name in ("dtstamp", "sequence", "status", "organizer"):
        component.pop(name, None)
    component.subcomponents = [c for c in component.subcomponents if c.name != "VALARM"]
    component.add("dtstamp", stamp)
    component.add("status", "CANCELLED")
    unchanged = _fingerprint(component) == previous.content
    return component, previous.sequence if unchanged else previous.sequence + 1


def build_calendar(events: Iterable[Event], *, stamp: dt.datetime | None = None, name: str | None = None,
                   previous: "bytes | Mapping[str, Previous] | None" = None, domain: str = UID_DOMAIN,
                   organizer: str | None = None, organizer_name: str | None = None,
                   templates: Path | str | None = None) -> bytes:
    """One VCALENDAR with a VEVENT and one VALARM per event, as .ics bytes.

    ``stamp`` is the DTSTAMP of every event (default: the current time, UTC).
    ``previous`` is an earlier export (its bytes, or :func:`previous_events` of them when
    already read): events whose content changed since get a higher SEQUENCE, the others keep theirs, and each of its events that is no
    longer planned is written again as CANCELLED (see :func:`previous_events`
    for a damaged one). ``organizer``, an email address, makes it
    ``METHOD:PUBLISH`` with that ORGANIZER on every event (RFC 5546); without
    one there is no METHOD. ``templates`` is a workspace's own templates folder
    (its calendar wording replaces the kit's). Same inputs give the same bytes.
    """
    from icalendar import Calendar, vCalAddress

    stamp = _utc(stamp) if stamp is not None else dt.datetime.now(UTC)
    stamp = stamp.replace(microsecond=0)
    before = previous if isinstance(previous, Mapping) else previous_events(previous)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if organizer:
        calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name if name is not None else calendar_name(templates=templates))
    # The calendar's own lines by icalendar, then each event's text: the same bytes as adding every
    # event to it as a component and calling to_ical(), without building 30,000 components.
    end = b"END:VCALENDAR\r\n"
    header = calendar.to_ical()
    chunks = [header[: -len(end)]]
    text = _EventText(stamp, organizer, organizer_name)

    seen: set[str] = set()
    for event in events:
        uid = event_uid(event.interview_id, event.kind, domain=domain)
        if uid in seen:
            raise InvalidValueError(f"events: two events share the UID {uid}; plan each interview once, "
                                    "under one id")
        seen.add(uid)
        wording = describe(event, templates=templates)
        start, finish = _utc(event.due), _utc(event.end)
        sequence = 0
        if uid in before:
            old_sequence, old_content, _ = before[uid]
            content = _content(start, finish, wording, event.alarm_minutes)
            sequence = old_sequence if old_content == content else old_sequence + 1
        chunks.append(text(uid, start, finish, wording, event.alarm_minutes, sequence))
    for uid, earlier in before.items():
        if uid not in seen:
            component, sequence = _cancelled(earlier, stamp)
            if organizer:
                address = vCalAddress(f"mailto:{organizer}")
                if organizer_name:
                    address.params["cn"] = organizer_name
                component.add("organizer", address)
            component.add("sequence", sequence)
            chunks.append(component.to_ical())
    chunks.append(end)
    return b"".join(chunks)


@dataclass(frozen=True)
class CalendarExport:
    """What :func:`export_calendar` wrote: the file, its events, and the invalid files left out."""

    path: Path
    events: list[Event]
    invalid: list[InvalidFileError] = field(default_factory=list)


