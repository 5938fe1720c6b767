"""Dealing across a panel: which interviewer hears which point, and which phrasing.

Nothing here is random: the same record always deals the same way, and the notes
to one panel differ from each other because

* the points worth making once to a company (something forgotten in the interview,
  an answer to a concern, an article) are spread across the panel, each said once,
  to the person whose topics they touch (:func:`spread`);
* each slot of a template has several phrasings, and the interviewers of one panel
  are dealt different ones (:class:`Chooser`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Sequence

from .jottings import Jotting, read
from .model import Interview, Interviewer
from .phrasing import content_stems
from .templating import plain_callable


@lru_cache(maxsize=65536)  # every note of a panel asks for each slot of the interview
def stable_number(*parts: str) -> int:
    """A number that depends only on ``parts``; Python's ``hash()`` changes every run."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


@plain_callable
@dataclass(frozen=True)
class Chooser:
    """Picks a phrasing for a template slot: ``pick('thanks', 3)`` -> 0, 1 or 2.

    The interviewers of one interview are ranked by a stable hash of the interview id
    and their name, and rank ``r`` gets phrasing ``(offset + r) % n`` of each slot, where
    ``offset`` depends on the interview and the slot. So a panel of up to ``n`` people
    gets ``n`` different phrasings of every slot (a larger one, different combinations), the same person always gets the same
    note, and different interviews start from different phrasings.
    """

    interview_id: str
    rank: int = 0

    def __call__(self, slot: str, count: int) -> int:
        count = max(count, 1)
        offset = stable_number(self.interview_id, slot) + self.rank
        if count > 1:
            # Ranks n..2n-1 repeat the first n, each slot shifted by its own amount, so that
            # in a panel larger than n no two people share the phrasing of every slot.
            offset += (self.rank // count) * (1 + stable_number(slot) % (count - 1))
        return offset % count


def ranks(interview: Interview) -> list[int]:
    """Each interviewer's rank in the panel, by a stable hash of the interview id and the name."""
    order = sorted(range(len(interview.interviewers)),
                   key=lambda i: (stable_number(interview.id, interview.interviewers[i].name), i))
    ranks = [0] * len(order)
    for rank, index in enumerate(order):
        ranks[index] = rank
    return ranks


@dataclass(frozen=True)
class Point:
    """Something worth saying once to a company (R9): forgotten, a concern, an extra."""

    kind: Literal["forgot", "concern", "extra"]
    text: str
    """The point as it reads inside a sentence."""
    source: str
    """Where it comes from in the interview file, e.g. 'reflection.forgot_to_mention[0]'."""
    clause: bool = False
    concern: str = ""
    url: str = ""
    short_url: str = ""
    mine: bool = False
    """For a concern: raised by the person whose note answers it ("you raised…", R22).
    False for a concern whose source was not noted, answered to nobody in particular."""


def points_of(interview: Interview, proper: set[str] | frozenset[str]) -> list[Point]:
    """The points of ``interview`` worth saying once, each worded to sit inside a sentence.

    Concerns whose source was not noted (``reflection.concerns_raised``) come first, then
    articles, then what the candidate forgot to mention. A jotting that would not read
    inside a sentence, or is logistics, is left out (``check`` names it, R23, R26); so is
    an unattributed concern that a person's own concerns already cover (R22).
    """
    names = frozenset(proper)
    r = interview.reflection
    points: list[Point] = []
    attributed = [content_stems(j.phrase) for p in interview.interviewers for j in
                  (read(t, "concern", names) for t in p.concerns) if j.usable]
    for i, text in enumerate(r.concerns_raised):
        jotting = read(text, "concern", names)
        if not jotting.usable:
            continue
        stems = content_stems(jotting.phrase)
        if any(len(stems & other) >= min(2, len(stems)) for other in attributed if stems):
            continue
        points.append(Point("concern", jotting.phrase, f"reflection.concerns_raised[{i}]",
                            concern=jotting.concern))
    for i, extra in enumerate(interview.extras):
        jotting = read(extra.title, "extra", names)
        if not jotting.usable:
            continue
        short = re.sub(r"^https?://(www\.)?", "", extra.url).rstrip("/")
        points.append(Point("extra", jotting.phrase, f"extras[{i}]", url=extra.url, short_url=short))
    for i, text in enumerate(r.forgot_to_mention):
        jotting = read(text, "forgot", names)
        if not jotting.usable:
            continue
        points.append(Point("forgot", jotting.phrase, f"reflection.forgot_to_mention[{i}]",
                            clause=jotting.clause))
    return points


def concerns_of(person: Interviewer, index: int, proper: set[str] | frozenset[str]) -> list[Point]:
    """The concerns ``person`` raised, each answered in their note as theirs (R22)."""
    names = frozenset(proper)
    points = []
    for k, text in enumerate(person.concerns):
        jotting = read(text, "concern", names)
        if jotting.usable:
            points.append(Point("concern", jotting.phrase, f"interviewers[{index}].concerns[{k}]",
                                concern=jotting.concern, mine=True))
    return points


def highlights(interview: Interview, proper: set[str] | frozenset[str]) -> list[Jotting]:
    """What stood out about the company and the role, each as it reads in a sentence (R26):
    jottings that would not read well, logistics and weaknesses are left out."""
    names = frozenset(proper)
    found = []
    for text in interview.reflection.stood_out:
        jotting = read(text, "highlight", names)
        if jotting.usable and not jotting.negative:
            found.append(jotting)
    return found


def deal_highlights(interview: Interview, found: list[Jotting]) -> list[Jotting | None]:
    """What stood out, dealt one per interviewer and each to one person only (R6, R26): the
    one that shares most words with the person's topics, else by the panel's ranks. With
    fewer highlights than people, the rest get none rather than a repeated sentence
    (``check`` says so)."""
    order = ranks(interview)
    dealt: list[Jotting | None] = [None] * len(interview.interviewers)
    free = list(range(len(found)))
    interests = [content_stems(" ".join(p.topics)) for p in interview.interviewers]
    for index in sorted(range(len(order)), key=lambda i: order[i]):
        if not free:
            break
        best = max(free, key=lambda k: (len(content_stems(found[k].phrase) & interests[index]), -k))
        free.remove(best)
        dealt[index] = found[best]
    return dealt


_RECRUITING = re.compile(r"\b(recruit\w*|talent|hr|human resources|people|hiring coordinator|sourc\w*)\b", re.I)


def is_recruiter(person: Interviewer) -> bool:
    """True when the title says the person recruits rather than works in the team."""
    return bool(person.title and _RECRUITING.search(person.title))


def spread(interview: Interview, points: list[Point], already: list[int] | None = None) -> list[list[Point]]:
    """Deal the interview's points to its interviewers, each point to one person.

    A point goes to the person whose topics or title share a word with it (an article on
    data contracts to the one who discussed data contracts); otherwise to whoever has
    the fewest points so far, and concerns and articles to a team member before a
    recruiter. Nothing is said twice to the same company.
    """
    people = interview.interviewers
    # The company's and the role's own words are in every note; they show no interest.
    common = content_stems(f"{interview.company} {interview.role}")
    interests = [content_stems(" ".join([*p.topics, p.title or ""]), ignore=common) for p in people]
    overlaps = [[len(content_stems(point.text, ignore=common) & mine) for mine in interests]
                for point in points]
    dealt: list[list[Point]] = [[] for _ in people]
    held = already or [0] * len(people)  # points a person has already (their own concerns)
    # The most specific points are dealt first, so that the person who discussed a
    # subject hears the point about it before the others are dealt evenly.
    order = sorted(range(len(points)), key=lambda k: -max(overlaps[k]))
    for k in order:
        point = points[k]

        def key(i: int) -> tuple[int, int, int, int, int]:
            technical = point.kind in ("concern", "extra") and is_recruiter(people[i])
            crowded = point.kind == "concern" and len(dealt[i]) + held[i] >= 2  # two answers to a note at most
            return (int(crowded), int(technical), len(dealt[i]) + held[i], -overlaps[k][i], i)

        dealt[min(range(len(people)), key=key)].append(point)
    # Within a note, points keep the interview's order: concern, extra, forgotten.
    return [sorted(mine, key=points.index) for mine in dealt]


def contact_person(interview: Interview, rounds: Sequence[Interview] = ()) -> Interviewer | None:
    """Whom a status follow-up, a feedback request or a reply to a rejection goes to, or None.

    The person marked as the contact (``"contact": true``), else the recruiter or talent
    contact on the panel by title, someone with an email address first (R12); looked for
    on this panel, then on the other ``rounds`` of the application, latest first (the
    recruiter of the phone screen runs the process of the final round too). A panel of
    one is its own contact. Otherwise None: never the first-listed by accident;
    proofreading asks to mark one.
    """
    others = sorted((r for r in rounds if r is not interview and r != interview), key=lambda r: r.start,
                    reverse=True)
    for panel in (interview, *others):
        people = panel.interviewers
        for chosen in ([p for p in people if p.contact], [p for p in people if is_recruiter(p)]):
            if chosen:
                # The first of them with an address (by place on the panel, not by comparing records).
                order = {id(p): k for k, p in enumerate(people)}
                return min(chosen, key=lambda p: (p.email is None, order[id(p)]))
    return interview.interviewers[0] if len(interview.interviewers) == 1 else None
