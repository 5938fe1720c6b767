"""The words of a follow-up step, rendered where the step is shown.

The planner (:mod:`followup_kit.schedule`) returns dates and facts; a calendar
entry, the ``plan`` command and the panels show a step in words: a one-line
title and a description saying who, what to do and what the employer said.
Those come from ``templates/calendar/<kind>.j2`` (a workspace's own
``templates/calendar/`` first), rendered here from the step and its interview.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .errors import RenderError
from .model import FollowupSettings, Interview, Profile
from .schedule import Event


@dataclass(frozen=True)
class Wording:
    """A step in words: ``title`` is one line (a calendar entry's SUMMARY), ``description``
    says who, what to do and what the employer said."""

    title: str
    description: str


def _one_line(text: str) -> str:
    # Some calendar clients skip events whose SUMMARY has a line break.
    return " ".join(str(text).split())


def _paragraphs(text: str) -> str:
    lines = [line.rstrip() for line in str(text).strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def context(event: Event, profile: Profile, interview: Interview, *,
            settings: FollowupSettings | None = None) -> dict[str, Any]:
    """What a calendar template receives about one step (see ``templates/calendar/_common.j2``)."""
    zone = profile.zone
    return {
        "interview": interview,
        "profile": profile,
        "people": interview.interviewers,
        "names": list(event.people),
        "said": event.said,
        "timeline": interview.timeline,
        "stated": event.stated,
        "start": interview.start.replace(tzinfo=interview.zone(profile)).astimezone(zone),
        "end": interview.ended_at(profile).astimezone(zone),
        "follow_up": event.follow_up,
        "settings": settings or profile.followup or FollowupSettings(),
        "due": event.due,
    }


def event_wording(event: Event, profile: Profile, interview: Interview, *,
                  settings: FollowupSettings | None = None, templates: Path | str | None = None) -> Wording:
    """The title and description of one step of ``interview``.

    ``settings`` are the ones the step was planned with (default: the profile's);
    ``templates`` is a workspace's own templates folder.
    """
    from .templating import module

    words = module(f"calendar/{event.kind}.j2", templates,
                   **context(event, profile, interview, settings=settings))
    return Wording(_one_line(words.title()), _paragraphs(words.description()))


def event_wordings(events: Sequence[Event], profile: Profile,
                   interviews: Mapping[str, Interview] | Iterable[Interview], *,
                   settings: FollowupSettings | None = None,
                   templates: Path | str | None = None) -> list[Wording]:
    """The wording of each step, in the order of ``events``; ``interviews`` holds theirs."""
    by_id = dict(interviews) if isinstance(interviews, Mapping) else {i.id: i for i in interviews}
    words = []
    for event in events:
        interview = by_id.get(event.interview_id)
        if interview is None:
            raise RenderError(f"step {event.kind} of interview {event.interview_id!r}: its interview was "
                              "not given; pass the interviews with the steps.")
        words.append(event_wording(event, profile, interview, settings=settings, templates=templates))
    return words


def calendar_name(profile: Profile | None = None, *, templates: Path | str | None = None) -> str:
    """The calendar's display name (X-WR-CALNAME), from ``templates/calendar/calendar-name.j2``."""
    from .templating import module

    words = module("calendar/calendar-name.j2", templates, candidate=profile.name if profile else None)
    return _one_line(words.title())
