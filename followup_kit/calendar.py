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
  else is stored. (Deleting it restarts every event at 0.)
* Exactly one VALARM (DISPLAY) per event: Outlook honours only one, and Google
  drops alarms from imported files, so SUMMARY and DESCRIPTION carry everything.
* Reminders are VEVENTs (VTODO is ignored by Google and Outlook), marked
  TRANSPARENT so they do not block the user's free/busy time.

``icalendar`` does the folding, escaping and CRLF line ends (RFC 5545); it is
imported inside the functions, so ``import followup_kit`` stays light.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .errors import InvalidFileError, InvalidValueError
from .model import FollowupSettings, Interview, Profile
from .schedule import Event
from .wording import Wording, calendar_name, event_wordings

UTC = dt.timezone.utc
PRODID = "-//followup-kit//Interview follow-ups//EN"
#: The right-hand side of every UID: ``<interview id>.<kind>@followup-kit``.
UID_DOMAIN = "followup-kit"
CALENDAR_FILE = "followup.ics"


def event_uid(interview_id: str, kind: str, *, domain: str = UID_DOMAIN) -> str:
    """The UID of one event: the same for the same interview and kind on every export."""
    return f"{interview_id}.{kind}@{domain}"


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise InvalidValueError(f"a calendar time must carry its time zone (got the floating time {moment}); "
                                "give an aware date-time, e.g. datetime.now(timezone.utc)")
    return moment.astimezone(UTC)


def _vevent(event: Event, words: Wording, uid: str, stamp: dt.datetime) -> Any:
    from icalendar import Alarm
    from icalendar import Event as VEvent

    component = VEvent()
    component.add("uid", uid)
    component.add("dtstamp", stamp)
    component.add("dtstart", _utc(event.due))
    component.add("dtend", _utc(event.end))
    component.add("summary", words.title)
    component.add("description", words.description)
    component.add("status", "CONFIRMED")
    component.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", dt.timedelta(minutes=-event.alarm_minutes))
    alarm.add("description", words.title)
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


def previous_events(data: bytes | None) -> dict[str, tuple[int, tuple[Any, ...]]]:
    """UID → (SEQUENCE, content) of each event in an earlier export; empty if unreadable."""
    if not data:
        return {}
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError):
        return {}  # an unreadable earlier export: start the numbering again
    found = {}
    for component in calendar.walk("VEVENT"):
        uid = str(component.get("uid", ""))
        try:
            sequence = int(component.get("sequence", 0))
        except (TypeError, ValueError):
            sequence = 0
        if uid:
            found[uid] = (sequence, _fingerprint(component))
    return found


def build_calendar(events: Sequence[Event], profile: Profile,
                   interviews: Mapping[str, Interview] | Iterable[Interview], *,
                   settings: FollowupSettings | None = None, templates: Path | str | None = None,
                   stamp: dt.datetime | None = None, name: str | None = None,
                   previous: bytes | None = None, domain: str = UID_DOMAIN) -> bytes:
    """One VCALENDAR (METHOD:PUBLISH) with a VEVENT and one VALARM per event, as .ics bytes.

    ``interviews`` holds the interviews of the events: each entry is worded from its
    step and interview (:func:`~followup_kit.wording.event_wording`), with the
    ``settings`` the plan was made with and a workspace's own ``templates``.
    ``stamp`` is the DTSTAMP of every event (default: the current time, UTC).
    ``name`` is the calendar's display name (default: the profile's, from the templates).
    ``previous`` is an earlier export: events whose content changed since get a
    higher SEQUENCE, the others keep theirs. Same inputs give the same bytes.
    """
    from icalendar import Calendar

    events = list(events)
    wordings = event_wordings(events, profile, interviews, settings=settings, templates=templates)
    stamp = _utc(stamp) if stamp is not None else dt.datetime.now(UTC)
    stamp = stamp.replace(microsecond=0)
    before = previous_events(previous)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name if name is not None else calendar_name(profile, templates=templates))
    seen: set[str] = set()
    for event, words in zip(events, wordings):
        uid = event_uid(event.interview_id, event.kind, domain=domain)
        if uid in seen:
            raise InvalidValueError(f"events: two events share the UID {uid}; plan each interview once, "
                                    "under one id")
        seen.add(uid)
        component = _vevent(event, words, uid, stamp)
        sequence = 0
        if uid in before:
            old_sequence, old_content = before[uid]
            sequence = old_sequence if old_content == _fingerprint(component) else old_sequence + 1
        component.add("sequence", sequence)
        calendar.add_component(component)
    return calendar.to_ical()


@dataclass(frozen=True)
class CalendarExport:
    """What :func:`export_calendar` wrote: the file, its events, and the invalid files left out."""

    path: Path
    events: list[Event]
    invalid: list[InvalidFileError] = field(default_factory=list)


