"""Applications: the rounds of one application, and what the tracker shows of each (domain rule R19).

Interviews at one company (ignoring case, punctuation and the legal form: "Acme
Analytics Inc." and "ACME Analytics" are one) for one role (ignoring case) are rounds
of one application. An interview's ``application`` label overrides that guess: the
interviews that carry the same label are one application, whatever their company
or role, and a labelled interview never joins an unlabelled one.

Each round keeps its own thank-you steps; the status follow-up and the move-on
belong to the application and are planned from its latest round
(:mod:`followup_kit.schedule`). What the application's outcome is: the outcome
recorded on a round counts unless a later round started that day or after it (a new
round implies "advanced"); of those that count, the latest.

Nothing here draws a widget: the tracker (:mod:`followup_kit.ui`) and the command
line call :func:`overview` and :func:`is_overdue`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from .model import Interview, Interviewer, Profile
from .phrasing import company_in_prose
from .vocabulary import CLOSING_OUTCOMES

if TYPE_CHECKING:
    from .model import FollowupSettings
    from .schedule import Event

UTC = dt.timezone.utc


@lru_cache(maxsize=65536)  # every look-up of an application folds its company and role
def _folded(text: str) -> str:
    """Lower case, accents and punctuation dropped, spaces collapsed: 'Nordwind-Energie' -> 'nordwind energie'."""
    if text.isascii():  # most companies and roles: nothing to decompose, no accent to drop
        return " ".join(_NOT_WORD.sub(" ", text.lower()).split())
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", text).split())


_NOT_WORD = re.compile(r"[^\w]+")


def application_key(interview: Interview) -> str:
    """The key that joins the rounds of one application.

    ``label:<label>`` for an interview with an ``application`` label (case ignored);
    otherwise ``<company>|<role>``, the company without its legal form, both folded.
    """
    if interview.application:
        return "label:" + _folded(interview.application)
    return f"{_folded(company_in_prose(interview.company))}|{_folded(interview.role)}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _folded(text).encode("ascii", "ignore").decode()).strip("-")


@dataclass(frozen=True)
class Application:
    """The rounds of one application, in the order they were held.

    ``name`` is what ``plan --json`` and the calendar call it: the ``application`` label
    when the rounds carry one, else '<company>--<role>' in ASCII.
    """

    key: str
    rounds: tuple[Interview, ...]

    @property
    def latest(self) -> Interview:
        """The latest round: the status follow-up and the move-on are counted from it."""
        return self.rounds[-1]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(interview.id for interview in self.rounds)

    @property
    def company(self) -> str:
        return self.latest.company

    @property
    def role(self) -> str:
        return self.latest.role

    @property
    def label(self) -> str | None:
        return self.latest.application

    @property
    def name(self) -> str:
        if self.label:
            return self.label
        return f"{_slug(company_in_prose(self.company)) or 'company'}--{_slug(self.role) or 'role'}"

    def round_of(self, interview_id: str) -> int:
        """The 1-based number of a round (1 for the first)."""
        return self.ids.index(interview_id) + 1

    def later_round(self, interview: Interview) -> Interview | None:
        """The round after ``interview``, or None for the latest."""
        index = self.ids.index(interview.id)
        return self.rounds[index + 1] if index + 1 < len(self.rounds) else None

    @property
    def decided(self) -> Interview | None:
        """The round whose outcome stands for the application, or None while it is open.

        A round's outcome counts unless a later round started on or after the day of the
        outcome (or of the round, when no date was recorded); of those that count, the latest.
        """
        standing = []
        for index, interview in enumerate(self.rounds):
            if interview.outcome is None:
                continue
            when = interview.outcome_date or interview.end.date()
            if any(later.start.date() >= when for later in self.rounds[index + 1:]):
                continue  # superseded: the candidate went on to a later round (that day or after)
            standing.append((when, index, interview))
        return max(standing, key=lambda item: item[:2])[2] if standing else None

    @property
    def outcome(self) -> str | None:
        """The outcome of the application: 'advanced' while a round's "advanced" stands, one that
        ends it, or None."""
        decided = self.decided
        return decided.outcome if decided is not None else None

    @property
    def outcome_date(self) -> dt.date | None:
        decided = self.decided
        return decided.outcome_date if decided is not None else None

    @property
    def closed(self) -> bool:
        """True once an outcome ends the application (offer, rejected, withdrawn, moved-on)."""
        return self.outcome in CLOSING_OUTCOMES

    def people(self) -> list[Interviewer]:
        """Everyone met across the rounds, latest round first, each once (by name)."""
        seen: set[str] = set()
        people = []
        for interview in reversed(self.rounds):
            for person in interview.interviewers:
                key = _folded(person.name)
                if key not in seen:
                    seen.add(key)
                    people.append(person)
        return people


def applications(interviews: Iterable[Interview]) -> list[Application]:
    """The interviews grouped into applications, each with its rounds by start time;
    the applications in the order of their first round."""
    groups: dict[str, list[Interview]] = {}
    for interview in interviews:
        groups.setdefault(application_key(interview), []).append(interview)
    found = [Application(key, tuple(sorted(rounds, key=lambda i: (i.start, i.id)))) for key, rounds in groups.items()]
    return sorted(found, key=lambda a: (a.rounds[0].start, a.rounds[0].id))


def application_of(interview: Interview, interviews: Iterable[Interview]) -> Application:
    """The application ``interview`` is a round of, among ``interviews`` (it need not be one of them)."""
    key = application_key(interview)
    rounds = {i.id: i for i in interviews if application_key(i) == key}
    rounds[interview.id] = interview
    return Application(key, tuple(sorted(rounds.values(), key=lambda i: (i.start, i.id))))


def same_person(a: Interviewer, b: Interviewer) -> bool:
    """True when two records name the same person: the same email address, or the same name
    (case, accents and punctuation ignored)."""
    if a.email and b.email:
        return a.email.casefold() == b.email.casefold()
    return _folded(a.name) == _folded(b.name)


# -- what the tracker shows ----------------------------------------------------------------

def is_overdue(event: "Event", now: dt.datetime) -> bool:
    """True when an open step is past its deadline at ``now`` (an aware date-time).

    The deadline honours the evening (R20): the same-day thank-you email is on time until
    the end of that evening (``evening_ends``, 21:00 by default), and any other step until
    the end of the evening of the day it is due, so a step is not overdue the minute after
    its reminder.
    """
    if now.tzinfo is None:
        from .errors import InvalidValueError

        raise InvalidValueError(f"now: expected a date-time that carries its time zone, e.g. "
                                f"datetime.now(timezone.utc) (got the time zone-less {now})")
    return event.is_open and event.deadline.astimezone(UTC) < now.astimezone(UTC)


@dataclass(frozen=True)
class Overview:
    """One application as the tracker shows it.

    ``rounds``: its interviews, first to latest. ``state``: ``open``, or the outcome that
    stands ('advanced' while the next round is not in the workspace yet, 'offer',
    'rejected', …). ``next_step``: the one step to do next (the earliest open one, the
    reply to a rejection included), or None. ``overdue``: whether that step is past its
    deadline at ``now``. ``events``: every step of every round, done, replaced and closed
    ones included, by due time.
    """

    application: Application
    state: str
    next_step: "Event | None"
    overdue: bool
    events: tuple["Event", ...]


def overview(profile: Profile, interviews: Sequence[Interview], *, now: dt.datetime,
             settings: "FollowupSettings | None" = None) -> list[Overview]:
    """Every application of ``interviews`` with its rounds and its one next step, for a tracker.

    In the order of each application's next step (those with none last, in the order
    of their first round).
    """
    from .schedule import plan

    events = plan(profile, interviews, settings=settings, now=now, include_done=True)
    rows = []
    for application in applications(interviews):
        mine = tuple(e for e in events if e.interview_id in application.ids)
        upcoming = next((e for e in mine if e.is_open), None)
        state = application.outcome or "open"
        rows.append(Overview(application, state, upcoming,
                             upcoming is not None and is_overdue(upcoming, now), mine))
    far = dt.datetime.max.replace(tzinfo=UTC)
    return sorted(rows, key=lambda row: row.next_step.due.astimezone(UTC) if row.next_step else far)


__all__ = ["Application", "Overview", "application_key", "application_of", "applications", "is_overdue",
           "overview", "same_person"]
