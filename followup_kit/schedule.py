"""The follow-up planner: domain rules R7, R8, R13–R21 and R24 as pure date arithmetic.

Interviews are grouped into applications (R19, :mod:`followup_kit.applications`):
the rounds of one application. Per round it plans, each at an aware date-time in
the profile's time zone (all calendar times are in it, FORMAT.md):

* ``thank-you-email`` (R7, R8, R20): the same day, after the candidate is home;
  on time until the end of that evening (``evening_ends``). Nothing is due at
  night (22:00–07:00): when the interview ends too late, the email is due the next
  morning (08:00), still within the 24 hours.
* ``thank-you-cards`` (R7, R8, R21): in-person interviews only; the next morning,
  within the 24 hours, on a day the post is collected (not a Sunday, not a public
  holiday): the cards' mail-by moment. When a card posted then would arrive after
  the employer's decision date (``domestic_mail_business_days`` business days by
  post), the cards are optional and the same-day email is the full thank-you note.

Per application, counted from its latest round:

* ``status-follow-up`` (R13–R17, R19): exactly one, dated by the employer's
  timeline, never sooner than a week after the round, on a business day;
* ``move-on`` (R18, R19): about a month after the round and at least a week after
  the follow-up, on a business day.

A later round replaces the earlier rounds' pending follow-up and move-on (their
status is ``replaced``). An outcome that ends the application (offer, rejected,
withdrawn, moved-on) closes every open step of every round; after ``rejected``
one more step is planned, ``rejection-reply`` (R24): a reply that thanks them, asks
for brief feedback and keeps the door open, the next business day after the
outcome. ``advanced`` (to the next round, not yet in the workspace) keeps the
application open: its follow-up and move-on are counted from that day as if no
timeline had been given.

Every number is a :class:`~followup_kit.model.FollowupSettings` default that the
profile can override. Nothing here reads the clock: ``now`` is a parameter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Literal, Sequence
from zoneinfo import ZoneInfo

from .applications import Application, application_of, applications
from .errors import InvalidValueError
from .model import FollowupSettings, Interview, Profile, replace
from .vocabulary import CLOSING_OUTCOMES, EVENT_KINDS, OUTCOMES, STEP_LABELS, WEEKDAY_NAMES, EventKind

UTC = dt.timezone.utc
#: ``open``: still to do; ``done``: marked done; ``closed``: the application has ended;
#: ``replaced``: a later round of the application took over the step (R19).
Status = Literal["open", "done", "closed", "replaced"]
#: The steps that belong to the application: a later round replaces them (R19).
APPLICATION_STEPS = ("status-follow-up", "move-on")

# -- business days (R13, R16) and mail days (R21) --------------------------------------

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


@dataclass(frozen=True)
class MailDays:
    """Days the post is collected (R21): the ``mail_days`` of the week (Monday to Saturday by
    default), never a public holiday of the candidate's country and region."""

    country: str
    subdivision: str | None = None
    weekdays: frozenset[int] = frozenset(range(6))

    @classmethod
    def of(cls, profile: Profile, settings: FollowupSettings) -> "MailDays":
        return cls(profile.country, profile.subdivision,
                   frozenset(WEEKDAY_NAMES.index(name) for name in settings.mail_days))

    def is_mail_day(self, day: dt.date) -> bool:
        """True if the post is collected on ``day``."""
        return day.weekday() in self.weekdays and day not in _holidays(self.country, self.subdivision)

    def on_or_after(self, day: dt.date) -> dt.date:
        """``day`` itself if the post is collected then, else the next day it is."""
        for _ in range(60):  # a holiday season never lasts this long; a bad setting must not hang
            if self.is_mail_day(day):
                return day
            day += dt.timedelta(days=1)
        return day


# -- the events --------------------------------------------------------------------------

@dataclass(frozen=True)
class Event:
    """One follow-up step of one round: when, for whom, and the facts behind it.

    ``due`` is when to do it, an aware date-time in the profile's time zone;
    ``until`` when it becomes overdue (the end of that evening, R20; see
    :attr:`deadline`). ``status`` is ``open``, ``done`` (marked done on
    ``done_on``), ``closed`` (the application has an outcome that ends it) or
    ``replaced`` (a later round, ``replaced_by``, took the step over, R19).
    ``stated`` is the decision date the employer's timeline implies; ``follow_up``
    when the application's status follow-up is due. ``application`` names the
    application (:attr:`~followup_kit.applications.Application.name`); ``round`` is
    this interview's number among its ``rounds``. ``next_morning``: the thank-you
    email moved out of the night to the next morning (R20). ``late_card``: a card
    posted on its mail-by day would arrive (``card_arrives``) after the decision
    date, so the email is the full note and the card optional (R21); ``next_mail_day``:
    no post is collected on the cards' day, so they moved on to the next (R21). ``outcome`` and
    ``outcome_date``: what stands for the application ('advanced', 'rejected', …).
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
    until: dt.datetime | None = None
    application: str = ""
    round: int = 1
    rounds: int = 1
    replaced_by: str | None = None
    next_morning: bool = False
    late_card: bool = False
    card_arrives: dt.date | None = None
    next_mail_day: bool = False
    outcome: str | None = None
    outcome_date: dt.date | None = None
    interview: Interview | None = field(default=None, compare=False, repr=False)
    profile: Profile | None = field(default=None, compare=False, repr=False)
    settings: FollowupSettings | None = field(default=None, compare=False, repr=False)

    @property
    def end(self) -> dt.datetime:
        """When the calendar entry ends (elapsed time, in the same zone as ``due``)."""
        return (self.due.astimezone(UTC) + dt.timedelta(minutes=self.minutes)).astimezone(self.due.tzinfo)

    @property
    def deadline(self) -> dt.datetime:
        """When the step becomes overdue: ``until``, or ``due`` where none was set."""
        return self.until or self.due

    @property
    def is_open(self) -> bool:
        """True while the step still has to be done."""
        return self.status == "open"

    @property
    def optional(self) -> bool:
        """True for cards that would arrive after the decision date: the email carries the note (R21)."""
        return self.kind == "thank-you-cards" and self.late_card


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


@dataclass(frozen=True)
class Night:
    """The hours when nothing is due (R20): from ``starts`` in the evening to ``ends`` the next
    morning (22:00–07:00 by default)."""

    starts: dt.time
    ends: dt.time

    @classmethod
    def of(cls, settings: FollowupSettings) -> "Night":
        return cls(settings.time_of("night_starts"), settings.time_of("night_ends"))

    def covers(self, moment: dt.datetime) -> bool:
        """True if ``moment`` (wall clock in its own zone) falls in the night."""
        time = moment.time()
        if self.starts > self.ends:  # across midnight, as nights are
            return time >= self.starts or time < self.ends
        return self.starts <= time < self.ends

    def morning_after(self, moment: dt.datetime, time: dt.time) -> dt.datetime:
        """``time`` on the morning that ends the night ``moment`` falls in (never inside the night)."""
        day = moment.date()
        if self.starts > self.ends and moment.time() >= self.starts:
            day += dt.timedelta(days=1)
        return _at(day, max(time, self.ends), moment.tzinfo)  # type: ignore[arg-type]

    def awake(self, moment: dt.datetime, time: dt.time) -> dt.datetime:
        """``moment``, or ``time`` the next morning when ``moment`` falls in the night."""
        return self.morning_after(moment, time) if self.covers(moment) else moment


def _evening_end(due: dt.datetime, settings: FollowupSettings) -> dt.datetime:
    """The end of the evening of ``due``'s day (R20): until then a step due that day is on time.
    A step due after ``evening_ends`` is on time until the night begins."""
    zone = due.tzinfo
    evening = _at(due.date(), settings.time_of("evening_ends"), zone)  # type: ignore[arg-type]
    if due.astimezone(UTC) <= evening.astimezone(UTC):
        return evening
    return _later(due, _at(due.date(), settings.time_of("night_starts"), zone))  # type: ignore[arg-type]


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
    """The due moments of one round's four steps (None where a step does not apply), and the
    facts behind them."""

    thank_you_email: dt.datetime
    thank_you_cards: dt.datetime | None
    status_follow_up: dt.datetime
    move_on: dt.datetime
    stated: dt.date | None
    email_until: dt.datetime | None = None
    """When the thank-you email becomes overdue: the end of that evening, within the 24 hours (R20)."""
    next_morning: bool = False
    """The thank-you email moved out of the night to the next morning (R20)."""
    card_arrives: dt.date | None = None
    """When a card posted on its mail-by day arrives by domestic post (R21)."""
    late_card: bool = False
    """A card would arrive after the decision date: the email is the full note (R21)."""
    next_mail_day: bool = False
    """No post is collected on the cards' day: they move to the next day it is (R21)."""


def _follow_up_and_move_on(settings: FollowupSettings, days: BusinessDays, day: dt.date, kind: str,
                           stated: dt.date | None, sent: dt.date | None) -> tuple[dt.date, dt.date]:
    """The status follow-up and the move-on days, counted from ``day`` (R13–R18)."""
    if stated is not None:  # R13: one business day after the stated date or span
        follow_up = days.add(stated, settings.business_days_after_date)
    elif kind == "few-days":  # R14
        follow_up = day + dt.timedelta(days=settings.few_days_wait_days)
    else:  # R15
        follow_up = day + dt.timedelta(days=settings.no_timeline_wait_days)
    # R16: never sooner than a week after the interview; off weekends and holidays.
    follow_up = days.on_or_after(max(follow_up, day + dt.timedelta(days=settings.min_wait_days)))
    # R18: a month after the interview, at least a week after the follow-up (as sent, if later).
    followed_up = max(follow_up, sent or follow_up)
    move_on = days.on_or_after(max(
        day + dt.timedelta(days=settings.move_on_days),
        followed_up + dt.timedelta(days=settings.move_on_after_follow_up_days),
    ))
    return follow_up, move_on


def due_dates(profile: Profile, interview: Interview, *, settings: FollowupSettings | None = None) -> Dates:
    """When each step of ``interview`` is due, by the rules R7, R8, R13–R18, R20 and R21, as if
    it were the only round of its application."""
    settings = settings or profile.settings
    zone = profile.zone
    days = BusinessDays.of(profile)
    night = Night.of(settings)
    end = interview.ended_at(profile).astimezone(zone)
    day = end.date()
    limit = _elapsed(end, dt.timedelta(hours=settings.thank_you_within_hours))  # R7, elapsed

    # R7: the email the same day, not before the candidate is home, within the limit;
    # R20: never at night: then first thing the next morning, still within the 24 hours.
    earliest = _elapsed(end, dt.timedelta(minutes=settings.email_after_end_minutes))
    email = _sooner(_later(_at(day, settings.time_of("email_by"), zone), earliest), limit)
    next_morning = night.covers(email)
    if next_morning:
        email = night.morning_after(email, settings.time_of("morning_email"))
    # On time until the end of that evening, and never past the 24 hours (unless the night forced it).
    email_until = _later(email, _sooner(_evening_end(email, settings), limit))

    stated = stated_date(interview, profile, days=days)
    # R8: the cards in the mail the next morning, within the same limit; in person only.
    # R21: on a day the post is collected; a card that would arrive after the decision is optional.
    cards = arrives = None
    late_card = next_mail_day = False
    if interview.medium == "in-person":
        reminder = settings.time_of("reminder_time")
        morning = _at(day + dt.timedelta(days=1), reminder, zone)
        cards = night.awake(_sooner(_later(morning, end), limit), reminder)
        mail_day = MailDays.of(profile, settings).on_or_after(cards.date())
        next_mail_day = mail_day != cards.date()
        if next_mail_day:
            cards = _at(mail_day, reminder, zone)
        arrives = days.add(mail_day, settings.domestic_mail_business_days)
        late_card = stated is not None and arrives > stated

    follow_up, move_on = _follow_up_and_move_on(settings, days, day, interview.timeline.kind, stated,
                                                 interview.done.get("status-follow-up"))
    return Dates(email, cards, _reminder(follow_up, settings, zone), _reminder(move_on, settings, zone), stated,
                 email_until, next_morning, arrives, late_card, next_mail_day)


def _reminder(day: dt.date, settings: FollowupSettings, zone: ZoneInfo) -> dt.datetime:
    """``day`` at the reminder time, out of the night (R20)."""
    time = settings.time_of("reminder_time")
    return Night.of(settings).awake(_at(day, time, zone), time)


def _status(interview: Interview, kind: str, *, closed: bool, replaced_by: str | None = None
            ) -> tuple[Status, dt.date | None]:
    done_on = interview.done.get(kind)  # type: ignore[call-overload]
    if done_on:
        return "done", done_on
    if replaced_by:
        return "replaced", None
    return ("closed" if closed else "open"), None


def plan_application(profile: Profile, application: Application, *, settings: FollowupSettings | None = None,
                     now: dt.datetime | None = None, include_done: bool = False) -> list[Event]:
    """The follow-up events of every round of one application, by round then step (R19).

    Each round gets its thank-you steps; the status follow-up and the move-on are the
    latest round's, counted from it, and those of earlier rounds are ``replaced``. An
    outcome that ends the application closes every open step; after ``rejected`` the
    reply to the rejection is planned (R24). Steps that are not open are left out
    unless ``include_done``. With ``now`` (an aware date-time), open events past their
    deadline are flagged ``overdue``.
    """
    if now is not None and now.tzinfo is None:
        raise InvalidValueError(f"now: expected a date-time that carries its time zone, e.g. "
                                f"datetime.now(timezone.utc) (got the time zone-less {now})")
    settings = settings or profile.settings
    zone = profile.zone
    days = BusinessDays.of(profile)
    decided = application.decided
    outcome = decided.outcome if decided is not None else None
    outcome_date = decided.outcome_date if decided is not None else None
    closed = outcome in CLOSING_OUTCOMES
    latest = application.latest
    latest_dates = due_dates(profile, latest, settings=settings)
    follow_up, move_on = latest_dates.status_follow_up, latest_dates.move_on
    if outcome == "advanced":  # the next round is not planned yet: ask after it as if no timeline was given
        since = outcome_date or latest.ended_at(profile).astimezone(zone).date()
        sent = latest.done.get("status-follow-up")
        follow_day, move_day = _follow_up_and_move_on(settings, days, since, "none", None, sent)
        follow_up, move_on = _reminder(follow_day, settings, zone), _reminder(move_day, settings, zone)

    events: list[Event] = []
    count = len(application.rounds)
    for number, interview in enumerate(application.rounds, 1):
        dates = latest_dates if interview is latest else due_dates(profile, interview, settings=settings)
        later = application.later_round(interview)
        mine_follow_up = follow_up if interview is latest else dates.status_follow_up
        moments: dict[str, tuple[dt.datetime | None, dt.datetime | None]] = {
            "thank-you-email": (dates.thank_you_email, dates.email_until),
            "thank-you-cards": (dates.thank_you_cards, None),
            "status-follow-up": (mine_follow_up, None),
            "move-on": (move_on if interview is latest else dates.move_on, None),
            "rejection-reply": (None, None),
        }
        if outcome == "rejected" and interview is decided:  # R24: reply, ask for feedback, keep the door open
            when = outcome_date or interview.ended_at(profile).astimezone(zone).date()
            moments["rejection-reply"] = (_reminder(days.add(when, settings.rejection_reply_business_days),
                                                    settings, zone), None)
        names = tuple(person.name for person in interview.interviewers)
        for kind in EVENT_KINDS:
            due, until = moments[kind]
            if due is None:
                continue
            replaced_by = later.id if later is not None and kind in APPLICATION_STEPS else None
            status, done_on = _status(interview, kind, closed=closed and kind != "rejection-reply",
                                      replaced_by=replaced_by)
            if status != "open" and not include_done:
                continue
            until = until or _evening_end(due, settings)
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
                overdue=status == "open" and now is not None and until.astimezone(UTC) < now.astimezone(UTC),
                stated=dates.stated,
                follow_up=mine_follow_up,
                until=until,
                application=application.name,
                round=number,
                rounds=count,
                replaced_by=replaced_by,
                next_morning=dates.next_morning and kind == "thank-you-email",
                late_card=dates.late_card and kind in ("thank-you-email", "thank-you-cards"),
                card_arrives=dates.card_arrives,
                next_mail_day=dates.next_mail_day and kind == "thank-you-cards",
                outcome=outcome,
                outcome_date=outcome_date,
                interview=interview,
                profile=profile,
                settings=settings,
            ))
    return events


def plan_interview(profile: Profile, interview: Interview, *, settings: FollowupSettings | None = None,
                   now: dt.datetime | None = None, include_done: bool = False,
                   rounds: Iterable[Interview] = ()) -> list[Event]:
    """The follow-up events of one interview, by due time.

    ``rounds`` are the other interviews of the workspace (any of them; those of other
    applications are ignored): the interview is planned as a round of its application
    (R19). Without them it is planned as the only round. Steps marked done, replaced
    by a later round or closed by an outcome are left out, unless ``include_done``
    (for a tracker), where their ``status`` says so. With ``now`` (an aware
    date-time), open events past their deadline are flagged ``overdue``.
    """
    application = application_of(interview, rounds)
    events = plan_application(profile, application, settings=settings, now=now, include_done=include_done)
    return _in_order([e for e in events if e.interview_id == interview.id])


def _in_order(events: list[Event]) -> list[Event]:
    order = {kind: n for n, kind in enumerate(EVENT_KINDS)}
    return sorted(events, key=lambda e: (e.due.astimezone(UTC), e.interview_id, order[e.kind]))


def plan(profile: Profile, interviews: Iterable[Interview], *, settings: FollowupSettings | None = None,
         now: dt.datetime | None = None, include_done: bool = False) -> list[Event]:
    """The follow-up events of every interview, each planned as a round of its application
    (R19), in the order they fall due."""
    return _in_order([event for application in applications(interviews) for event in plan_application(
        profile, application, settings=settings, now=now, include_done=include_done)])


def by_application(events: Sequence[Event]) -> list[tuple[str, list[Event]]]:
    """Events grouped by application (as ``plan`` lists them), each group in due order; the
    groups in the order of their first event."""
    groups: dict[str, list[Event]] = {}
    for event in _in_order(list(events)):
        groups.setdefault(event.application or event.interview_id, []).append(event)
    return list(groups.items())


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
    """A new interview with ``outcome`` recorded on ``on``: ``advanced`` (to a next round not
    yet in the workspace), or one that ends the application (offer, rejected, withdrawn,
    moved-on).

    An ended application gets no more reminders, except, after ``rejected``, the reply to
    the rejection (R24). ``outcome=None`` opens it again. An unknown ``outcome`` raises
    :class:`~followup_kit.errors.InvalidValueError`.
    """
    if outcome is not None and outcome not in OUTCOMES:
        raise InvalidValueError(f"outcome: expected one of {', '.join(OUTCOMES)}, or None to open the "
                                f"interview again (got {outcome!r})")
    if on is not None:
        _day(on, "on")
    return replace(interview, outcome=outcome, outcome_date=on.isoformat() if outcome and on else None)


def step_round(profile: Profile, interview: Interview, kind: str, *, rounds: Iterable[Interview] = (),
               settings: FollowupSettings | None = None) -> Interview:
    """The round of ``interview``'s application on which step ``kind`` is recorded.

    A thank-you step is the round's own; the status follow-up and the move-on are the
    application's, recorded on its latest round (R19); the reply to a rejection on the
    round that holds the rejection (R24). ``rounds``: the workspace's interviews. Raises
    :class:`~followup_kit.errors.InvalidValueError` naming the file when the application
    has no such step (cards after a video interview, a reply without a rejection).
    """
    application = application_of(interview, rounds)
    events = [e for e in plan_application(profile, application, settings=settings, include_done=True)
              if e.kind == _step(kind) and e.status != "replaced"]
    own = [e for e in events if e.interview_id == interview.id] or events
    if not own:
        why = {"thank-you-cards": ": only an in-person interview has cards",
               "rejection-reply": ": no rejection is recorded (record the outcome \"rejected\" first)"}.get(kind, "")
        raise InvalidValueError(f"interviews/{interview.id}.json: has no {STEP_LABELS[kind]} step to mark "
                                f"done{why}.")
    return next(r for r in application.rounds if r.id == own[0].interview_id)


def mark_step_done(profile: Profile, interview: Interview, kind: str, on: dt.date, *,
                   rounds: Iterable[Interview] = (), settings: FollowupSettings | None = None) -> Interview:
    """:func:`mark_done` on the round that holds step ``kind`` (:func:`step_round`): the updated
    round to save, which may be another round of the application than ``interview``."""
    return mark_done(step_round(profile, interview, kind, rounds=rounds, settings=settings), kind, on)


def record_application_outcome(interview: Interview, outcome: str | None, on: dt.date | None = None, *,
                               rounds: Iterable[Interview] = ()) -> Interview:
    """:func:`record_outcome` on the latest round of ``interview``'s application, where the outcome
    of the application belongs (R19): the updated round to save."""
    return record_outcome(application_of(interview, rounds).latest, outcome, on)
