"""Thank-you notes and emails: one note per interviewer (domain rules R5–R12, R17, R18).

The wording lives in ``templates/notes/`` (Jinja2); this module gathers the facts a
template needs and renders it. Which interviewer hears which point, and which
phrasing, is dealt in :mod:`followup_kit.panel`; the record's own text is fitted
into sentences by :mod:`followup_kit.phrasing`. Nothing here is random: the same
record always gives the same notes, and the notes to one panel differ (R6).

``jinja2`` is imported inside the functions, so ``import followup_kit`` stays light.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Literal, Sequence

from .jottings import read
from .model import Interview, Interviewer, Profile, Record
from .names import salutation
from .panel import (
    Chooser,
    concerns_of,
    contact_person,
    deal_highlights,
    highlights,
    is_recruiter,
    points_of,
    ranks,
    spread,
    stable_number,
)
from .phrasing import company_in_prose, count_words, proper_words
from .templating import part_of_day

if TYPE_CHECKING:
    import jinja2


# How many words each kind of note may hold, everything from "Dear" to the signature.
# A card holds about 60–120 handwritten words (R9); a phone screen gets a short,
# simple email (R8); a fuller email may run longer than a card, but not much.
# (fewest, most) words. The most is what a card holds by hand (R9); the fewest only
# catches a perfunctory note: a phone screen's email is meant to be short (R8).
WORD_LIMITS: dict[str, tuple[int, int]] = {
    "card": (40, 120),
    "short-email": (25, 110),
    "email": (35, 170),
}

#: The template (in ``templates/notes/``) of each kind of note and email.
TEMPLATES = {
    "card": "card.j2",
    "short-email": "short-email.j2",
    "email": "thank-you-email.j2",
    "card-on-its-way": "card-on-its-way-email.j2",
    "status-follow-up": "status-follow-up-email.j2",
    "feedback-request": "feedback-request-email.j2",
    "rejection-reply": "rejection-reply-email.j2",
    "second-reader": "second-reader.j2",
}


# -- what is composed ----------------------------------------------------------------

@dataclass(frozen=True)
class Note:
    """One thank-you note to one interviewer.

    ``medium`` is ``card`` after an in-person interview (a handwritten card, R8)
    and ``email`` otherwise; ``subject`` is set for emails. ``text`` is the
    whole note: greeting, paragraphs separated by blank lines, sign-off and the
    candidate's name. ``greeting``, ``paragraphs`` and ``signature`` (the sign-off
    and the lines after it) are the same text in parts, for a card's layout.
    ``own`` is true when the text is the interviewer's ``note`` field, the
    candidate's own wording, rather than a composed draft.
    """

    interview_id: str
    interviewer: Interviewer
    medium: Literal["card", "email"]
    text: str
    subject: str | None = None
    greeting: str = ""
    paragraphs: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()
    own: bool = False
    kind: str = ""
    """Which template wrote it: 'card', 'email' or 'short-email' (sets the word limit);
    empty means the medium's usual kind."""

    @cached_property
    def words(self) -> int:
        """How many words the note holds, from the greeting to the signature."""
        return count_words(self.text)


@dataclass(frozen=True)
class Email:
    """An email other than a thank-you note: 'card-on-its-way', 'status-follow-up' (R17) or
    'feedback-request' (R18), the kinds of :data:`~followup_kit.vocabulary.DRAFT_KINDS`."""

    interview_id: str
    kind: str
    recipients: tuple[Interviewer, ...]
    subject: str
    text: str
    greeting: str = ""
    paragraphs: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()

    @property
    def to(self) -> list[str]:
        """The recipients as 'Name <address>' (those without an address are left out)."""
        return [f"{p.name} <{p.email}>" for p in self.recipients if p.email]






# -- templates ----------------------------------------------------------------------

def environment(templates: Path | str | None = None) -> "jinja2.Environment":
    """The template environment (:func:`followup_kit.templating.environment`): the
    workspace's own ``templates/`` folder first, then the kit's."""
    from .templating import environment as shared

    return shared(templates)


@dataclass(frozen=True)
class Parts:
    """A rendered template: subject, greeting, body paragraphs, signature lines."""

    subject: str
    greeting: str
    paragraphs: tuple[str, ...]
    signature: tuple[str, ...]

    @cached_property
    def text(self) -> str:
        blocks = [self.greeting, *self.paragraphs, "\n".join(self.signature)]
        return "\n\n".join(b for b in blocks if b)


_BLANK_LINE = re.compile(r"\n\s*\n")
_SPACE_BEFORE_MARK = re.compile(r" ([.,;:!?])")


def _paragraphs(text: str) -> tuple[str, ...]:
    # A template may break lines anywhere; a blank line separates paragraphs.
    paragraphs = []
    for block in _BLANK_LINE.split(text):
        line = " ".join(block.split())  # single spaces only, so a space before a mark is one space
        if _SPACE_BEFORE_MARK.search(line):
            line = _SPACE_BEFORE_MARK.sub(r"\1", line)
        if line:
            paragraphs.append(line)
    return tuple(paragraphs)


def render(env: "jinja2.Environment", name: str, context: dict[str, Any]) -> Parts:
    """Render the blocks of template ``name`` (subject, greeting, body, signature).

    A template that fails (a workspace's own, most likely) is a RenderError naming it.
    """
    import jinja2
    from jinja2.runtime import new_context

    from .templating import globals_of, module_for, template_error, template_of

    try:
        template = template_of(env, name)
        # The context is one merged dict (Jinja2 would merge its globals into a copy, through
        # a ChainMap, for each template), and the macros of _common.j2 are defined once.
        variables = {**globals_of(template), **context}
        variables = {**variables, "c": module_for(template_of(env, "_common.j2"), variables)}
        ctx = new_context(env, template.name, template.blocks, variables, True, globals_of(template))

        def block(key: str) -> str:
            return "".join(template.blocks[key](ctx)) if key in template.blocks else ""

        blocks = {key: block(key) for key in ("subject", "greeting", "body", "signature")}
    except jinja2.TemplateError as exc:
        raise template_error(exc, name) from None

    def block(key: str) -> str:
        return blocks[key]

    signature = tuple(line.strip() for line in block("signature").splitlines() if line.strip())
    return Parts(
        subject=" ".join(block("subject").split()),
        greeting=" ".join(block("greeting").split()),
        paragraphs=_paragraphs(block("body")),
        signature=signature,
    )




def _base_context(profile: Profile, interview: Interview) -> dict[str, Any]:
    return {
        "me": profile,
        "interview": interview,
        "company": company_in_prose(interview.company),
        "role": interview.role,
        "role_comma": "," in re.sub(r"\([^)]*\)", "", interview.role),
        "date": interview.start.date(),
        "part_of_day": part_of_day(interview.start),
        "timeline": interview.timeline,
        "us_style": profile.country == "US",
        "panel": len(interview.interviewers),
    }


def greeting_name(person: Interviewer, profile: Profile | None = None,
                  proper: set[str] | frozenset[str] = frozenset()) -> str:
    """How the notes address ``person`` after "Dear" (R11, R25): their recorded salutation;
    else how they asked to be called, when a jotting says so ("told me to call him
    Hiroshi") and it is part of their name; else :func:`~followup_kit.names.salutation`
    with the profile's greeting style."""
    if person.salutation:
        return person.salutation
    if person.personal:
        asked = read(person.personal, "personal", frozenset(proper)).salutation
        if asked and any(asked.lower() == part.lower() for part in person.name.split()):
            return next(part for part in person.name.split() if part.lower() == asked.lower())
    return salutation(person.name, email=person.email, style=profile.greeting if profile else None)


class _Values(dict):  # type: ignore[type-arg]
    """Values the templates read as ``person.topics``: found as attributes, so Jinja2 does not
    first fail to find the attribute (an exception per look-up) and then take the item."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def _per_record(function: Callable[..., Any]) -> Callable[..., Any]:
    """Remember ``function``'s latest answers for the records it was asked about.

    Records are frozen, so what is worked out from one (a person's topics as they read) is
    the same each time: composing the notes, each email and the proofreading ask for it
    once each. Keyed by the records' identity, and kept alive here while remembered; other
    arguments by value. The answer is shared: callers read it and never change it.
    """
    kept: dict[tuple[Any, ...], tuple[tuple[Any, ...], Any]] = {}

    @wraps(function)
    def remembered(*args: Any) -> Any:
        key = tuple(id(a) if isinstance(a, Record) else frozenset(a) if isinstance(a, set) else a for a in args)
        hit = kept.get(key)
        if hit is not None and all(x is y for x, y in zip(hit[0], args) if isinstance(y, Record)):
            return hit[1]
        value = function(*args)
        if len(kept) >= 512:
            kept.pop(next(iter(kept)))
        kept[key] = (args, value)
        return value

    return remembered


@_per_record
def usable_topics(person: Interviewer, proper: set[str] | frozenset[str]) -> list[str]:
    """The person's topics as they read inside a sentence, leaving out those that would not
    (``check`` names them, R23), logistics (R26), and a weakness or failure after the rest."""
    names = frozenset(proper)
    readings = [read(t, "topic", names) for t in person.topics]
    usable = [j for j in readings if j.usable]
    return [j.phrase for j in usable if not j.negative] + [j.phrase for j in usable if j.negative]


@_per_record
def _person(person: Interviewer, proper: frozenset[str], profile: Profile | None = None) -> dict[str, Any]:
    topics = usable_topics(person, proper)
    personal = None
    if person.personal:
        jotting = read(person.personal, "personal", frozenset(proper))
        if jotting.usable:
            personal = _Values(text=jotting.phrase, clause=jotting.clause)
    return _Values({
        "name": person.name,
        "salutation": greeting_name(person, profile, proper),
        "title": person.title,
        "topics": topics,
        # A topic about the candidate ("my biggest weakness", "how I would test…") is not the
        # interviewer's view: the templates say "our exchange about" rather than "your view on".
        "own": [bool(re.search(r"\b(I|my|me)\b", t)) for t in topics],
        "personal": personal,
        "recruiter": is_recruiter(person),
    })


def _highlight(jotting: Any) -> dict[str, Any] | None:
    if jotting is None:
        return None
    return _Values(text=jotting.phrase, clause=jotting.clause, sure=jotting.sure)


def note_kind(interview: Interview) -> str:
    """'card' after an in-person interview; after a phone call or a phone screen a
    'short-email'; otherwise a fuller 'email' (R8)."""
    if interview.medium == "in-person":
        return "card"
    if interview.medium == "phone" or interview.stage == "phone-screen":
        return "short-email"
    return "email"


# Parts a note drops, in this order, when it runs past its word limit (R9).
# A person's own concern (R22) is kept longest, then the sentence on why the candidate fits (R26).
_TRIMS = ({}, {"second_topic": False}, {"second_topic": False, "personal": False},
          {"second_topic": False, "personal": False, "max_points": 1},
          {"second_topic": False, "personal": False, "max_points": 1, "why": False},
          {"second_topic": False, "personal": False, "max_points": 0},
          {"second_topic": False, "personal": False, "max_points": 0, "why": False})


def compose_notes(profile: Profile, interview: Interview, *,
                  templates: Path | str | None = None, kind: str | None = None, variant: int = 0) -> list[Note]:
    """One thank-you note per interviewer (R6), in the order of the interview file.

    A card after an in-person interview, an email otherwise (R8), each within its
    word limit (:data:`WORD_LIMITS`, R9). An interviewer's own ``note`` (the
    candidate's final wording) replaces the draft. ``kind`` ('email') asks for the
    full note as an email whatever the medium (a card would arrive too late, R21);
    ``variant`` draws other phrasings (for a person met again, R19).
    """
    env = environment(templates)
    proper = frozenset(proper_words(profile, interview))
    kind = kind or note_kind(interview)
    medium: Literal["card", "email"] = "card" if kind == "card" else "email"
    raised = [concerns_of(person, i, proper) for i, person in enumerate(interview.interviewers)]
    dealt = spread(interview, points_of(interview, proper), [len(mine) for mine in raised])
    why = deal_highlights(interview, highlights(interview, proper))
    rank = ranks(interview)
    base = _base_context(profile, interview)
    notes = []
    for index, person in enumerate(interview.interviewers):
        seed = f"{interview.id}#{variant}" if variant else interview.id
        context = {**base, "person": _person(person, proper, profile), "pick": Chooser(seed, rank[index]),
                   "highlight": _highlight(why[index])}
        # A person's own concerns come first: answering them is what most helps (R5, R22).
        points = raised[index] + dealt[index]
        for trim in _TRIMS:
            options = _Values({"second_topic": True, "personal": True, "why": True, "max_points": 9, **trim})
            parts = render(env, TEMPLATES[kind], {**context, "points": points[:options["max_points"]],
                                                  "include": options})
            if count_words(parts.text) <= WORD_LIMITS[kind][1]:
                break
        subject = (parts.subject or None) if medium == "email" else None
        if person.note:
            own = split_note(person.note)
            notes.append(Note(interview.id, person, medium, own.text, subject, own.greeting,
                              own.paragraphs, own.signature, own=True, kind=kind))
        else:
            notes.append(Note(interview.id, person, medium, parts.text, subject, parts.greeting,
                              parts.paragraphs, parts.signature, kind=kind))
    return notes


def split_note(text: str) -> Parts:
    """A note written by hand, in the same parts as a composed one.

    The greeting is a short first line ending in a comma or colon ("Dear Ana,"); the
    signature is the short last block that starts with a sign-off or holds a name.
    Either may be missing (proofreading reports that).
    """
    text = text.replace("\r\n", "\n").strip()
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    greeting = ""
    if blocks:
        first_line, _, rest = blocks[0].partition("\n")
        if count_words(first_line) <= 8 and re.search(r"[,:]\s*$|^(dear|hello|hi|good)\b", first_line, re.I):
            greeting = first_line.strip()
            blocks[0] = rest.strip()
            if not blocks[0]:
                blocks.pop(0)
    signature: tuple[str, ...] = ()
    if blocks:
        lines = [l.strip() for l in blocks[-1].splitlines() if l.strip()]
        # "…hearing from you.\nKind regards,\nLena" ends in a sign-off line with a comma.
        for start, line in enumerate(lines):
            if count_words(line) <= 4 and re.search(r",\s*$", line) and start < len(lines) - 1:
                signature = tuple(lines[start:])
                remaining = "\n".join(lines[:start])
                blocks[-1] = remaining
                if not remaining:
                    blocks.pop()
                break
        else:
            if len(lines) <= 4 and all(count_words(l) <= 5 and not l.endswith(".") for l in lines):
                signature = tuple(lines)
                blocks.pop()
    paragraphs = tuple(" ".join(b.split()) for b in blocks if b)
    return Parts("", greeting, paragraphs, signature)


# -- emails beyond the thank-you note ------------------------------------------------

def compose_card_emails(profile: Profile, interview: Interview, *,
                        templates: Path | str | None = None) -> list[Email]:
    """After an in-person interview, one email per interviewer, sent the same day,
    saying that a handwritten card is on its way (R8). Empty for other interviews."""
    if interview.medium != "in-person":
        return []
    env = environment(templates)
    proper = frozenset(proper_words(profile, interview))
    base = _base_context(profile, interview)
    rank = ranks(interview)
    emails = []
    for index, person in enumerate(interview.interviewers):
        mine = concerns_of(person, index, proper)
        context = {**base, "person": _person(person, proper, profile), "pick": Chooser(interview.id, rank[index]),
                   "concern": mine[0] if mine else None}
        parts = render(env, TEMPLATES["card-on-its-way"], context)
        emails.append(_email(interview, "card-on-its-way", (person,), parts))
    return emails



def compose_follow_up(profile: Profile, interview: Interview, *, templates: Path | str | None = None,
                      rounds: Sequence[Interview] = ()) -> Email:
    """The one status follow-up email (R17): it recalls the timeline the employer gave,
    asks politely about the status and offers further material. ``rounds``: the other
    rounds of the application, where the contact may have been met (R19)."""
    return _single(profile, interview, "status-follow-up", templates, rounds)


def compose_feedback_request(profile: Profile, interview: Interview, *, templates: Path | str | None = None,
                             rounds: Sequence[Interview] = ()) -> Email:
    """The email for the move-on date (R18): thanks, a request for brief feedback, and
    an offer to stay in touch."""
    return _single(profile, interview, "feedback-request", templates, rounds)


def compose_rejection_reply(profile: Profile, interview: Interview, *, templates: Path | str | None = None,
                            rounds: Sequence[Interview] = ()) -> Email:
    """The reply to a rejection (R24), a feedback request: thanks for the opportunity, a
    request for brief general feedback, and the door kept open."""
    return _single(profile, interview, "feedback-request", templates, rounds, template="rejection-reply")


def _single(profile: Profile, interview: Interview, kind: str, templates: Path | str | None,
            rounds: Sequence[Interview] = (), *, template: str | None = None) -> Email:
    env = environment(templates)
    proper = frozenset(proper_words(profile, interview))
    person = contact_person(interview, rounds)
    if person is None:
        from .errors import InvalidValueError
        from .vocabulary import DRAFT_LABELS

        raise InvalidValueError(
            f"interviews/{interview.id}.json: nobody to send the {DRAFT_LABELS[kind]} to: the panel has no "
            "recruiter by title and nobody is marked as the contact. Add \"contact\": true to the interviewer "
            "who runs the process (the person you would ask about the decision).")
    extras = [point for point in points_of(interview, proper) if point.kind == "extra"]
    context = {**_base_context(profile, interview), "person": _person(person, proper, profile),
               "pick": Chooser(interview.id), "extras": extras, "extra": extras[0] if extras else None,
               "round_count": len({r.id for r in rounds} | {interview.id})}
    return _email(interview, kind, (person,), render(env, TEMPLATES[template or kind], context))


def _email(interview: Interview, kind: str, recipients: tuple[Interviewer, ...], parts: Parts) -> Email:
    return Email(interview.id, kind, recipients, parts.subject, parts.text, parts.greeting,
                 parts.paragraphs, parts.signature)


def second_reader(templates: Path | str | None = None) -> str:
    """What to tell the candidate wherever the notes are handed over: read each one aloud,
    or have someone else read it (R27). In ``templates/notes/second-reader.j2``."""
    return " ".join(render(environment(templates), TEMPLATES["second-reader"], {}).paragraphs)


# -- notes as files ---------------------------------------------------------------------

def person_slug(person: Interviewer) -> str:
    """A person's name for a file name: 'Małgorzata Wiśniewska' -> 'malgorzata-wisniewska' (any script)."""
    from .names import fold
    from .workspace import slug

    return slug(fold(person.name)) or f"interviewer-{stable_number(person.name) % 10000}"


def note_filename(note: Note) -> str:
    """'2026-11-19-nordwind-energie-onsite--malgorzata-wisniewska.txt' (ASCII, any script)."""
    return f"{note.interview_id}--{person_slug(note.interviewer)}.txt"


def note_file_text(note: Note) -> str:
    """A note as a text file: for an email, a 'Subject:' line and a blank line first."""
    head = f"Subject: {note.subject}\n\n" if note.subject else ""
    return head + note.text + "\n"


