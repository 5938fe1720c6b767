"""The follow-up planner: domain rules R7, R8 and R13–R18 as pure date arithmetic.

Per interview it plans up to four events, each at an aware date-time in the
profile's time zone (all calendar times are in it, FORMAT.md):

* ``thank-you-email`` (R7, R8): the same day, never later than 24 hours of
  elapsed time after the interview ends; for every medium.
* ``thank-you-cards`` (R7, R8): in-person interviews only; the next morning,
  never later than those 24 hours.
* ``status-follow-up`` (R13–R17): exactly one, dated by the employer's timeline,
  never sooner than a week after the interview, on a business day.
* ``move-on`` (R18): about a month after the interview and at least a week
  after the follow-up, on a business day.

The thank-you events are not moved off weekends or holidays: R7's 24 hours is a
hard limit (a card can be written on a Sunday); R16 and R18 move the decision
dates. Every number is a :class:`~followup_kit.model.FollowupSettings` default
that the profile can override. Nothing here reads the clock: ``now`` is a parameter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Literal
from zoneinfo import ZoneInfo

from .errors import InvalidValueError
from .model import FollowupSettings, Interview, Profile, replace
from .vocabulary import EVENT_KINDS, OUTCOMES, STEP_LABELS, EventKind

UTC = dt.timezone.utc
Status = Literal["open", "done", "closed"]

# -- business days (R13, R16) --------------------------------------------------------

@lru_cache(maxsize=32)
def _holidays(country: str, subdivision: str | None) -> Any:
    import holidays  # imported here: `import followup_kit` stays light

    return holidays.country_holidays(country, subdiv=subdivision)


@dataclass(frozen=True)
class BusinessDays:
    """Business days of a country (and region): no weekend, no public holiday (R13).

    The weekend is the country's own (Saturday and Sunday in most, Friday and
    Saturday in some), as the ``holidays`` package knows it.
    """

    country: str
    subdivision: str | None = None

    @classmethod
    def of(cls, profile: Profile) -> "BusinessDays":
        """The business days of the candidate's country and region."""
        return cls(profile.country, profile.subdivision)

    def holiday(self, day: dt.date) -> str | None:
        """The name of the public holiday on ``day``, if any."""
        return _holidays(self.country, self.subdivision).get(day)

    def is_business_day(self, day: dt.date) -> bool:
        """True if ``day`` is neither a weekend day nor a public holiday."""
        calendar = _holidays(self.country, self.subdivision)
        weekend = getattr(calendar, "weekend", {5, 6})
        return day.weekday() not in weekend and day not in calendar

    def on_or_after(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a business day, else the next one (R16)."""
        while not self.is_business_day(day):
            day += dt.timedelta(days=1)
        return day

    def add(self, day: dt.date, count: int) -> dt.date:
        """The ``count``-th business day after ``day`` (``day`` itself is not counted)."""
        for _ in range(count):
            day = self.on_or_after(day + dt.timedelta(days=1))
        return day


# -- the events --------------------------------------------------------------------------

@dataclass(frozen=True)
class Event:
    """One follow-up step of one interview: when, for whom, and the facts behind it.

    ``due`` is when to do it, an aware date-time in the profile's time zone.
    ``status`` is ``open``, ``done`` (the step was marked done on ``done_on``) or
    ``closed`` (the interview has an outcome). ``stated`` is the decision date the
    employer's timeline implies; ``follow_up`` when the status follow-up is due.
    The words (a calendar title and description) are rendered where they are shown:
    :func:`followup_kit.calendar.describe`.
    """

    interview_id: str
    kind: EventKind
    due: dt.datetime
    people: tuple[str, ...]
    said: str | None
    company: str
    minutes: int = 30
    alarm_minutes: int = 15
    status: Status = "open"
    done_on: dt.date | None = None
    overdue: bool = False
    stated: dt.date | None = None
    follow_up: dt.datetime | None = None
    interview: Interview | None = field(default=None, compare=False, repr=False)
    profile: Profile | None = field(default=None, compare=False, repr=False)
    settings: FollowupSettings | None = field(default=None, compare=False, repr=False)

    @property
    def end(self) -> dt.datetime:
        """When the calendar entry ends (elapsed time, in the same zone as ``due``)."""
        return (self.due.astimezone(UTC) + dt.timedelta(minutes=self.minutes)).astimezone(self.due.tzinfo)

    @property
    def is_open(self) -> bool:
        """True while the step still has to be done."""
        return self.status == "open"


# -- the rules ----------------------------------------------------------------------------

def _at(day: dt.date, time: dt.time, zone: ZoneInfo) -> dt.datetime:
    """``day`` at wall-clock ``time`` in ``zone``; a time skipped by DST moves forward."""
    return dt.datetime.combine(day, time, tzinfo=zone).astimezone(UTC).astimezone(zone)


def _later(*moments: dt.datetime) -> dt.datetime:
    # Compare in UTC: two datetimes sharing one tzinfo compare by wall clock, not by instant.
    return max(moments, key=lambda m: m.astimezone(UTC))


def _sooner(*moments: dt.datetime) -> dt.datetime:
    return min(moments, key=lambda m: m.astimezone(UTC))


def _elapsed(moment: dt.datetime, delta: dt.timedelta) -> dt.datetime:
    """``moment`` plus ``delta`` of elapsed time: across a DST change, not wall-clock time."""
    return (moment.astimezone(UTC) + delta).astimezone(moment.tzinfo)


def stated_date(interview: Interview, profile: Profile, *, days: BusinessDays | None = None) -> dt.date | None:
    """The decision date the employer's timeline implies (R3), or None for 'a few days'/'none'."""
    timeline = interview.timeline
    if timeline.kind == "date":
        return timeline.date
    if timeline.kind == "within":
        day = interview.ended_at(profile).astimezone(profile.zone).date()
        if timeline.business:
            return (days or BusinessDays.of(profile)).add(day, timeline.days)
        return day + dt.timedelta(days=timeline.days)
    return None


@dataclass(frozen=True)
class Dates:
    """The due moments of one interview's four steps (None where a step does not apply)."""

    thank_you_email: dt.datetime
    thank_you_cards: dt.datetime | None
    status_follow_up: dt.datetime
    move_on: dt.datetime
    stated: dt.date | None


def due_dates(profile: Profile, interview: Interview, *, settings: FollowupSettings | None = None) -> Dates:
    """When each step of ``interview`` is due, by the rules R7, R8, R13–R18."""
    settings = settings or profile.followup or FollowupSettings()
    zone = profile.zone
    days = BusinessDays.of(profile)
    end = interview.ended_at(profile).astimezone(zone)
    day = end.date()
    limit = _elapsed(end, dt.timedelta(hours=settings.thank_you_within_hours))  # R7, elapsed

    # R7: the email the same day, not before the candidate is home, within the limit.
    earliest = _elapsed(end, dt.timedelta(minutes=settings.email_after_end_minutes))
    email = _sooner(_later(_at(day, settings.time_of("email_by"), zone), earliest), limit)
    # R8: the cards in the mail the next morning, within the same limit; in person only.
    cards = None
    if interview.medium == "in-person":
        morning = _at(day + dt.timedelta(days=1), settings.time_of("reminder_time"), zone)
        cards = _sooner(_later(morning, end), limit)

    stated = stated_date(interview, profile, days=days)
    if stated is not None:  # R13: one business day after the stated date or span
        follow_up = days.add(stated, settings.business_days_after_date)
    elif interview.timeline.kind == "few-days":  # R14
        follow_up = day + dt.timedelta(days=settings.few_days_wait_days)
    else:  # R15
        follow_up = day + dt.timedelta(days=settings.no_timeline_wait_days)
    # R16: never sooner than a week after the interview; off weekends and holidays.
    follow_up = days.on_or_after(max(follow_up, day + dt.timedelta(days=settings.min_wait_days)))

    # R18: a month after the interview, at least a week after the follow-up (as sent, if later).
    followed_up = max(follow_up, interview.done.get("status-follow-up", follow_up))
    move_on = days.on_or_after(max(
        day + dt.timedelta(days=settings.move_on_days),
        followed_up + dt.timedelta(days=settings.move_on_after_follow_up_days),
    ))
    reminder = settings.time_of("reminder_time")
    return Dates(email, cards, _at(follow_up, reminder, zone), _at(move_on, reminder, zone), stated)


def plan_interview(profile: Profile, interview: Interview, *, settings: FollowupSettings | None = None,
                   now: dt.datetime | None = None, include_done: bool = False) -> list[Event]:
    """The follow-up events of one interview, by due time.

    Steps marked done and every step of a closed interview (one with an outcome)
    are left out, unless ``include_done`` (for a tracker), where their ``status``
    says so. With ``now`` (an aware date-time), open events already past are
    flagged ``overdue``.
    """
    if now is not None and now.tzinfo is None:
        raise InvalidValueError(f"now: expected a date-time that carries its time zone, e.g. "
                                f"datetime.now(timezone.utc) (got the time zone-less {now})")
    settings = settings or profile.followup or FollowupSettings()
    dates = due_dates(profile, interview, settings=settings)
    moments: dict[str, dt.datetime | None] = {
        "thank-you-email": dates.thank_you_email,
        "thank-you-cards": dates.thank_you_cards,
        "status-follow-up": dates.status_follow_up,
        "move-on": dates.move_on,
    }
    names = tuple(person.name for person in interview.interviewers)
    events = []
    for kind in EVENT_KINDS:
        due = moments[kind]
        if due is None:
            continue
        done_on = interview.done.get(kind)
        status: Status = "done" if done_on else "closed" if interview.closed else "open"
        if status != "open" and not include_done:
            continue
        events.append(Event(
            interview_id=interview.id,
            kind=kind,
            due=due,
            people=names,
            said=interview.timeline.said,
            company=interview.company,
            minutes=settings.event_minutes,
            alarm_minutes=settings.alarm_minutes_before,
            status=status,
            done_on=done_on,
            overdue=status == "open" and now is not None and due.astimezone(UTC) < now.astimezone(UTC),
            stated=dates.stated,
            follow_up=dates.status_follow_up,
            interview=interview,
            profile=profile,
            settings=settings,
        ))
    return events


def plan(profile: Profile, interviews: Iterable[Interview], *, settings: FollowupSettings | None = None,
         now: dt.datetime | None = None, include_done: bool = False) -> list[Event]:
    """The follow-up events of every interview, in the order they fall due."""
    events = [event for interview in interviews for event in plan_interview(
        profile, interview, settings=settings, now=now, include_done=include_done)]
    order = {kind: n for n, kind in enumerate(EVENT_KINDS)}
    return sorted(events, key=lambda e: (e.due.astimezone(UTC), e.interview_id, order[e.kind]))


# -- recording what was done (the tracker calls these) -------------------------------------

def _step(kind: str) -> str:
    if kind not in EVENT_KINDS:
        raise InvalidValueError(f"kind: expected a follow-up step, one of {', '.join(EVENT_KINDS)} "
                                f"({', '.join(STEP_LABELS.values())}) (got {kind!r})")
    return kind


def _day(on: object, name: str) -> dt.date:
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise InvalidValueError(f"{name}: expected a day as a datetime.date, e.g. date(2026, 11, 20) "
                                f"(got {on!r})")
    return on


def mark_done(interview: Interview, kind: str, on: dt.date) -> Interview:
    """A new interview recording that step ``kind`` was done on ``on``; it drops out of the plan.

    An unknown ``kind`` or an ``on`` that is not a day raises
    :class:`~followup_kit.errors.InvalidValueError` (a ``ValueError``).
    """
    done = {key: value.isoformat() for key, value in interview.done.items()}
    done[_step(kind)] = _day(on, "on").isoformat()
    return replace(interview, done=done)


def mark_undone(interview: Interview, kind: str) -> Interview:
    """A new interview in which step ``kind`` is no longer marked done."""
    _step(kind)
    done = {key: value.isoformat() for key, value in interview.done.items() if key != kind}
    return replace(interview, done=done)


def record_outcome(interview: Interview, outcome: str | None, on: dt.date | None = None) -> Interview:
    """A new interview closed with ``outcome`` (offer, rejected, withdrawn, moved-on) on ``on``.

    A closed interview gets no more reminders. ``outcome=None`` opens it again. An
    unknown ``outcome`` raises :class:`~followup_kit.errors.InvalidValueError`.
    """
    if outcome is not None and outcome not in OUTCOMES:
        raise InvalidValueError(f"outcome: expected one of {', '.join(OUTCOMES)}, or None to open the "
                                f"interview again (got {outcome!r})")
    if on is not None:
        _day(on, "on")
    return replace(interview, outcome=outcome, outcome_date=on.isoformat() if outcome and on else None)
