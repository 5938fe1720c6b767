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

``icalendar`` does the folding, escaping and CRLF line ends (RFC 5545); it is
imported inside the functions, so ``import followup_kit`` stays light.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, NamedTuple

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


def _vevent(event: Event, uid: str, stamp: dt.datetime, wording: Wording) -> Any:
    from icalendar import Alarm
    from icalendar import Event as VEvent

    component = VEvent()
    component.add("uid", uid)
    component.add("dtstamp", stamp)
    component.add("dtstart", _utc(event.due))
    component.add("dtend", _utc(event.end))
    component.add("summary", wording.title)
    component.add("description", wording.description)
    component.add("status", "CONFIRMED")
    component.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", dt.timedelta(minutes=-event.alarm_minutes))
    alarm.add("description", wording.title)
    component.add_component(alarm)
    return component


def _fingerprint(component: Any) -> tuple[Any, ...]:
    """What an attendee sees of an event: a change here bumps its SEQUENCE."""

    def text(name: str) -> str:
        return str(component.get(name, ""))

    def moment(name: str) -> str:
        value = component.get(name)
        if value is None:
            return ""
        when = value.dt
        return when.astimezone(UTC).isoformat() if isinstance(when, dt.datetime) and when.tzinfo else str(when)

    alarms = tuple(
        (str(alarm.get("action", "")), str(alarm.decoded("trigger")) if "trigger" in alarm else "",
         str(alarm.get("description", "")))
        for alarm in component.walk("VALARM")
    )
    return (text("summary"), text("description"), moment("dtstart"), moment("dtend"),
            text("status"), text("transp"), alarms)


class Previous(NamedTuple):
    """One event of an earlier export: its SEQUENCE, what it said, and the component itself."""

    sequence: int
    content: tuple[Any, ...]
    component: Any


def previous_events(data: bytes | None) -> dict[str, Previous]:
    """UID → :class:`Previous` of each event in an earlier export, in its order.

    Raises :class:`ValueError` saying what is wrong when the export is damaged
    (cut short, unreadable, an event without UID or with an unreadable
    SEQUENCE): carrying on as if it were empty would restart every SEQUENCE at 0.
    """
    if not data:
        return {}
    from icalendar import Calendar

    if not data.rstrip().endswith(b"END:VCALENDAR"):
        raise ValueError("it stops before the end of the calendar, as a file cut short does")
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
        uid = str(component.get("uid", ""))
        if not uid:
            raise ValueError(f"an event has no UID (\"{component.get('summary', '')}\")")
        try:
            sequence = int(component.get("sequence", 0))
        except (TypeError, ValueError):
            raise ValueError(f"the event {uid} has an unreadable SEQUENCE ({component.get('sequence')})") from None
        found[uid] = Previous(sequence, _fingerprint(component), component)
    return found


def _cancelled(previous: Previous, stamp: dt.datetime) -> tuple[Any, int]:
    """A dropped step as its earlier export showed it, now CANCELLED, without its alarm."""
    component = previous.component
    for name in ("dtstamp", "sequence", "status", "organizer"):
        component.pop(name, None)
    component.subcomponents = [c for c in component.subcomponents if c.name != "VALARM"]
    component.add("dtstamp", stamp)
    component.add("status", "CANCELLED")
    unchanged = _fingerprint(component) == previous.content
    return component, previous.sequence if unchanged else previous.sequence + 1


def build_calendar(events: Iterable[Event], *, stamp: dt.datetime | None = None, name: str | None = None,
                   previous: bytes | None = None, domain: str = UID_DOMAIN,
                   organizer: str | None = None, organizer_name: str | None = None,
                   templates: Path | str | None = None) -> bytes:
    """One VCALENDAR with a VEVENT and one VALARM per event, as .ics bytes.

    ``stamp`` is the DTSTAMP of every event (default: the current time, UTC).
    ``previous`` is an earlier export: events whose content changed since get a
    higher SEQUENCE, the others keep theirs, and each of its events that is no
    longer planned is written again as CANCELLED (see :func:`previous_events`
    for a damaged one). ``organizer``, an email address, makes it
    ``METHOD:PUBLISH`` with that ORGANIZER on every event (RFC 5546); without
    one there is no METHOD. ``templates`` is a workspace's own templates folder
    (its calendar wording replaces the kit's). Same inputs give the same bytes.
    """
    from icalendar import Calendar, vCalAddress

    stamp = _utc(stamp) if stamp is not None else dt.datetime.now(UTC)
    stamp = stamp.replace(microsecond=0)
    before = previous_events(previous)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if organizer:
        calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name if name is not None else calendar_name(templates=templates))

    def add(component: Any, sequence: int) -> None:
        if organizer:
            address = vCalAddress(f"mailto:{organizer}")
            if organizer_name:
                address.params["cn"] = organizer_name
            component.add("organizer", address)
        component.add("sequence", sequence)
        calendar.add_component(component)

    seen: set[str] = set()
    for event in events:
        uid = event_uid(event.interview_id, event.kind, domain=domain)
        if uid in seen:
            raise InvalidValueError(f"events: two events share the UID {uid}; plan each interview once, "
                                    "under one id")
        seen.add(uid)
        component = _vevent(event, uid, stamp, describe(event, templates=templates))
        sequence = 0
        if uid in before:
            old_sequence, old_content, _ = before[uid]
            sequence = old_sequence if old_content == _fingerprint(component) else old_sequence + 1
        add(component, sequence)
    for uid, earlier in before.items():
        if uid not in seen:
            add(*_cancelled(earlier, stamp))
    return calendar.to_ical()


@dataclass(frozen=True)
class CalendarExport:
    """What :func:`export_calendar` wrote: the file, its events, and the invalid files left out."""

    path: Path
    events: list[Event]
    invalid: list[InvalidFileError] = field(default_factory=list)


