"""Thank-you notes and emails: one note per interviewer (domain rules R5–R12, R17, R18).

The wording lives in ``templates/notes/`` (Jinja2); this module gathers the facts a
template needs, decides which interviewer hears which point, and picks among the
templates' phrasings. Nothing here is random: the same record always gives the
same notes, and the notes to one panel differ from each other (R6) because

* each names that interviewer's own topics and personal connection;
* the points worth making once to a company (something forgotten in the interview,
  an answer to a concern, an article) are spread across the panel, each said once;
* each slot of a template has several phrasings, and the interviewers of one panel
  are dealt different ones (see :class:`Chooser`).

``jinja2`` is imported inside the functions, so ``import followup_kit`` stays light.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .model import Interview, Interviewer, Profile
from .names import salutation
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

TEMPLATES = {
    "card": "card.j2",
    "short-email": "short-email.j2",
    "email": "thank-you-email.j2",
    "card-on-its-way": "card-on-its-way-email.j2",
    "status": "status-follow-up-email.j2",
    "feedback": "feedback-request-email.j2",
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

    @property
    def words(self) -> int:
        """How many words the note holds, from the greeting to the signature."""
        return count_words(self.text)


@dataclass(frozen=True)
class Email:
    """An email other than a thank-you note: 'card-on-its-way', 'status' (R17), 'feedback' (R18)."""

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


def count_words(text: str) -> int:
    """Words as a hand counts them when copying a note onto a card."""
    return len(re.findall(r"\S+", text))


# -- the deterministic choice of phrasing ----------------------------------------------

def stable_number(*parts: str) -> int:
    """A number that depends only on ``parts``; Python's ``hash()`` changes every run."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


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


def _ranks(interview: Interview) -> list[int]:
    order = sorted(range(len(interview.interviewers)),
                   key=lambda i: (stable_number(interview.id, interview.interviewers[i].name), i))
    ranks = [0] * len(order)
    for rank, index in enumerate(order):
        ranks[index] = rank
    return ranks


# -- turning record text into parts of sentences -----------------------------------

_STOP = set("""a an and the of to in on at for with about from by as or but is are was were be been
it its this that these those my our your their his her we you they i me us how what when where
which who why whether if into over under than then so not no very also just more most some any
each both all can could would should will may might do does did have has had""".split())
# Words too common in notes to show that a topic was mentioned ("team", "role").
_GENERIC = set("""team teams role roles company work working job position interview people person
thing things time times day days week weeks year years data way ways part lot""".split())


def stem(word: str) -> str:
    """A crude stem, enough to see 'mentored' and 'mentoring' as one word."""
    word = word.lower()
    for suffix in ("ings", "ing", "ers", "ed", "es", "er", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_stems(text: str, *, ignore: set[str] = frozenset()) -> set[str]:
    """The stems of the words that carry meaning in ``text`` (for matching topics)."""
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.lower())
    return {stem(w) for w in words
            if len(w) >= 3 and w not in _STOP and w not in _GENERIC and stem(w) not in ignore}


def _proper_words(profile: Profile, interview: Interview) -> set[str]:
    """Words the record writes with a capital in mid-sentence: names, places, products."""
    texts = [interview.company, interview.role, profile.name]
    for person in interview.interviewers:
        texts += [person.name, person.title or "", person.personal or "", *person.topics]
    r = interview.reflection
    texts += [*r.forgot_to_mention, *r.concerns_raised, *r.went_well, *r.stood_out,
              *(e.title for e in interview.extras)]
    proper: set[str] = set()
    for text in texts:
        for i, word in enumerate(re.findall(r"[^\W\d_][\w'’-]*", text)):
            if word[0].isupper() and (i > 0 or text in (interview.company, interview.role, profile.name)
                                      or any(text == p.name for p in interview.interviewers)):
                proper.add(word)
    return proper


# A capital at the start of a topic is lowered inside a sentence only when the first word is
# plainly not a name: a function word, or a word with a common English ending. "Kubernetes
# at scale" keeps its capital; a name lowered by mistake would be worse than a stray capital.
_LOWER_STARTS = set("""a an the this that these those our my your their its his her how what why when where
we you he she they us it
which who whether if little limited no lack not less minimal few only new some any more most much many
all both each every one two three four five six seven eight nine ten our open happy willing able keen
ready available comfortable interested flexible write write-up""".split())
_COMMON_ENDINGS = ("ing", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ed", "ly", "ous",
                   "ive", "ful", "able", "ible", "ics", "ure", "ism", "ist")


def _inline(text: str, proper: set[str]) -> str:
    """Record text fit to sit inside a sentence: no final full stop, and a lower-case start
    when the first word is plainly a common word ('Relocation timeline' -> 'relocation
    timeline'); a name, 'I' or an acronym keeps its capital."""
    text = re.sub(r"[\s.;,!]+$", "", text.strip())
    first = re.match(r"[^\s,;:]+", text)
    if not first:
        return text
    word = first.group(0)
    low = word.lower()
    if word in proper or not word[:1].isupper() or sum(c.isupper() for c in word) > 1:
        return text
    if low in _LOWER_STARTS or low.split("-")[0] in _LOWER_STARTS or low.endswith(_COMMON_ENDINGS):
        return word[0].lower() + text[1:]
    return text


_TO_BE = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't",
          "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't", "'s": "'re"}
_ADVERBS = {"also", "always", "often", "still", "never", "usually", "sometimes", "really",
            "just", "already", "even", "once", "too", "actually"}
_AFTER_OBJECT = {"to", "about", "and", "that", "with", "for", "in", "on", "at", "from", "how",
                 "when", "too", "again", "so", "but", "or", "as", "because", "if"}


def second_person(text: str) -> str:
    """The candidate's note about someone, turned to address them.

    ``personal`` is written about the interviewer ("She recommended a bakery near
    the office."); the note speaks to them ("you recommended a bakery near the
    office"). Only 'he' and 'she' are turned: 'they' may mean several people.
    """
    words = text.split(" ")
    out: list[str] = []
    verb_next = False
    for index, raw in enumerate(words):
        match = re.match(r"^(\W*)([\w'’]+)(\W*)$", raw)
        if not match:
            out.append(raw)
            continue
        lead, word, tail = match.groups()
        low = word.lower().replace("’", "'")
        new = word
        if verb_next and low in _ADVERBS:
            out.append(raw)
            continue
        if verb_next:
            verb_next = False
            if low in _TO_BE:
                new = _TO_BE[low]
            elif low.endswith("ies") and len(low) > 4:
                new = word[:-3] + "y"
            elif re.search(r"(ches|shes|sses|xes|zes|oes)$", low):
                new = word[:-2]
            elif low.endswith("s") and not low.endswith("ss") and len(low) > 3:
                new = word[:-1]
        elif low in ("he", "she"):
            new, verb_next = "you", not tail
        elif low in ("he's", "she's"):
            new = "you're"
        elif low == "him":
            new = "you"
        elif low == "his":
            new = "your"
        elif low in ("himself", "herself"):
            new = "yourself"
        elif low == "her":
            following = words[index + 1].lower().strip(",.;:!?") if index + 1 < len(words) else ""
            new = "you" if tail or not following or following in _AFTER_OBJECT else "your"
        if new != word and word[0].isupper():
            new = new[0].upper() + new[1:]
        out.append(lead + new + tail)
    return " ".join(out)


_STATES = {"open", "happy", "willing", "able", "available", "keen", "interested", "comfortable",
           "ready", "flexible", "fluent", "certified", "eager", "glad", "free"}
_PAST = {"led", "built", "ran", "wrote", "taught", "won", "made", "spoke", "gave", "took", "began",
         "grew", "set", "found", "held", "kept", "met", "sold", "spent", "shipped", "did", "got"}


def _as_clause(text: str) -> str:
    """A fragment the candidate jotted down, as a sentence: 'open to the Milwaukee office'
    -> 'I am open to the Milwaukee office'; 'completed the course' -> 'I completed the course'."""
    first = text.split(" ", 1)[0]
    if first in _STATES:
        return "I am " + text
    if first in _PAST or (first.islower() and first.endswith("ed") and len(first) > 4):
        return "I " + text
    return text


def _is_clause(text: str) -> bool:
    """True when ``text`` is a sentence with a subject ('I organise…'), not a fragment."""
    first = text.split(" ", 1)[0].lower().replace("’", "'")
    return first in {"i", "i'm", "i've", "i'd", "i'll", "my", "we", "we're", "we've", "our", "you",
                     "you're", "your", "both", "he", "she", "they"}


def _concern_kind(text: str) -> str:
    first = text.split(" ", 1)[0].lower()
    if first in {"whether", "if"}:
        return "whether"
    if first in {"how", "why", "what", "when", "where", "who", "which"}:
        return "question"
    if first in {"little", "limited", "no", "lack", "not", "less", "minimal", "few", "only", "new"} or re.search(
            r"\b(experience|familiar\w*|knowledge|exposure|background|expertise)\b", text.lower()):
        return "gap"
    return "other"


_GAP_STARTS = (("little ", "my limited "), ("limited ", "my limited "), ("minimal ", "my limited "),
               ("not much ", "my limited "), ("no ", "my lack of "), ("lack of ", "my lack of "))


def _own_gap(text: str) -> str:
    """A gap as the candidate names it: 'little hands-on experience with X' -> 'my
    limited hands-on experience with X', so that 'the point you raised about …' reads."""
    for start, mine in _GAP_STARTS:
        if text.lower().startswith(start):
            return mine + text[len(start):]
    return text


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


def _points(interview: Interview, proper: set[str]) -> list[Point]:
    r = interview.reflection
    points: list[Point] = []
    # Concerns first: an answer to a concern is what most helps a case (R5, R9).
    for i, text in enumerate(r.concerns_raised):
        inline = _inline(text, proper)
        kind = _concern_kind(inline)
        if kind == "gap":
            inline = _own_gap(inline)
        points.append(Point("concern", inline, f"reflection.concerns_raised[{i}]", concern=kind))
    for i, extra in enumerate(interview.extras):
        title = _inline(extra.title, proper)
        first = title.split(" ", 1)[0].lower()
        if first in ("a", "an"):
            title = "the " + title.split(" ", 1)[1]
        elif first not in ("the", "my", "our", "this", "these", "his", "her", "their", "your"):
            title = "the " + title
        short = re.sub(r"^https?://(www\.)?", "", extra.url).rstrip("/")
        points.append(Point("extra", title, f"extras[{i}]", url=extra.url, short_url=short))
    for i, text in enumerate(r.forgot_to_mention):
        inline = _as_clause(_inline(text, proper))
        points.append(Point("forgot", inline, f"reflection.forgot_to_mention[{i}]",
                            clause=_is_clause(inline)))
    return points


_RECRUITING = re.compile(r"\b(recruit\w*|talent|hr|human resources|people|hiring coordinator|sourc\w*)\b", re.I)


def is_recruiter(person: Interviewer) -> bool:
    """True when the title says the person recruits rather than works in the team."""
    return bool(person.title and _RECRUITING.search(person.title))


def spread(interview: Interview, points: list[Point]) -> list[list[Point]]:
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
    # The most specific points are dealt first, so that the person who discussed a
    # subject hears the point about it before the others are dealt evenly.
    order = sorted(range(len(points)), key=lambda k: -max(overlaps[k]))
    for k in order:
        point = points[k]

        def key(i: int) -> tuple[int, int, int, int]:
            technical = point.kind in ("concern", "extra") and is_recruiter(people[i])
            return (len(dealt[i]), -overlaps[k][i], int(technical), i)

        dealt[min(range(len(people)), key=key)].append(point)
    # Within a note, points keep the interview's order: concern, extra, forgotten.
    return [sorted(mine, key=points.index) for mine in dealt]


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

    @property
    def text(self) -> str:
        blocks = [self.greeting, *self.paragraphs, "\n".join(self.signature)]
        return "\n\n".join(b for b in blocks if b)


def _paragraphs(text: str) -> tuple[str, ...]:
    # A template may break lines anywhere; a blank line separates paragraphs.
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        line = " ".join(block.split())
        line = re.sub(r"\s+([.,;:!?])", r"\1", line)
        if line:
            paragraphs.append(line)
    return tuple(paragraphs)


def render(env: "jinja2.Environment", name: str, context: dict[str, Any]) -> Parts:
    """Render the blocks of template ``name`` (subject, greeting, body, signature).

    A template that fails (a workspace's own, most likely) is a RenderError naming it.
    """
    import jinja2

    from .templating import template_error

    try:
        template = env.get_template(name)
        variables = dict(context)
        variables["c"] = env.get_template("_common.j2").make_module(variables)
        ctx = template.new_context(variables)

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


_LEGAL_FORMS = {"gmbh", "ag", "inc", "llc", "ltd", "plc", "corp", "co", "bv", "srl", "sa", "sas",
                "kg", "ohg", "ug", "limited", "s.a.", "s.r.l.", "pty", "oy", "ab", "as", "nv"}


def company_in_prose(company: str) -> str:
    """The company as a sentence names it, without its legal form ('Nordwind Energie GmbH'
    -> 'Nordwind Energie'); the card's address keeps the full name."""
    words = company.split()
    while len(words) > 1 and words[-1].lower().strip(".,") in _LEGAL_FORMS | {"s.a", "s.r.l"}:
        words.pop()
    return " ".join(words).rstrip(",")


def _base_context(profile: Profile, interview: Interview) -> dict[str, Any]:
    return {
        "me": profile,
        "interview": interview,
        "company": company_in_prose(interview.company),
        "role": interview.role,
        "date": interview.start.date(),
        "part_of_day": part_of_day(interview.start),
        "timeline": interview.timeline,
        "us_style": profile.country == "US",
        "panel": len(interview.interviewers),
    }


def _person(person: Interviewer, proper: set[str]) -> dict[str, Any]:
    personal = None
    if person.personal:
        text = _inline(second_person(person.personal), proper)
        personal = {"text": text, "clause": _is_clause(text)}
    return {
        "name": person.name,
        "salutation": salutation(person.name, person.salutation),
        "title": person.title,
        "topics": [_inline(t, proper) for t in person.topics],
        "personal": personal,
        "recruiter": is_recruiter(person),
    }


def note_kind(interview: Interview) -> str:
    """'card' after an in-person interview; after a phone call or a phone screen a
    'short-email'; otherwise a fuller 'email' (R8)."""
    if interview.medium == "in-person":
        return "card"
    if interview.medium == "phone" or interview.stage == "phone-screen":
        return "short-email"
    return "email"


# Parts a note drops, in this order, when it runs past its word limit (R9).
_TRIMS = ({}, {"second_topic": False}, {"second_topic": False, "personal": False},
          {"second_topic": False, "personal": False, "max_points": 1},
          {"second_topic": False, "personal": False, "max_points": 0})


def compose_notes(profile: Profile, interview: Interview, *,
                  templates: Path | str | None = None) -> list[Note]:
    """One thank-you note per interviewer (R6), in the order of the interview file.

    A card after an in-person interview, an email otherwise (R8), each within its
    word limit (:data:`WORD_LIMITS`, R9). An interviewer's own ``note`` (the
    candidate's final wording) replaces the draft.
    """
    env = environment(templates)
    proper = _proper_words(profile, interview)
    kind = note_kind(interview)
    medium: Literal["card", "email"] = "card" if kind == "card" else "email"
    dealt = spread(interview, _points(interview, proper))
    ranks = _ranks(interview)
    base = _base_context(profile, interview)
    notes = []
    for index, person in enumerate(interview.interviewers):
        context = {**base, "person": _person(person, proper), "pick": Chooser(interview.id, ranks[index])}
        for trim in _TRIMS:
            options = {"second_topic": True, "personal": True, "max_points": 9, **trim}
            parts = render(env, TEMPLATES[kind], {**context, "points": dealt[index][:options["max_points"]],
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
    proper = _proper_words(profile, interview)
    base = _base_context(profile, interview)
    ranks = _ranks(interview)
    emails = []
    for index, person in enumerate(interview.interviewers):
        context = {**base, "person": _person(person, proper), "pick": Chooser(interview.id, ranks[index])}
        parts = render(env, TEMPLATES["card-on-its-way"], context)
        emails.append(_email(interview, "card-on-its-way", (person,), parts))
    return emails


def contact_person(interview: Interview) -> Interviewer:
    """Whom a status follow-up or feedback request goes to: the recruiter on the panel,
    who runs the process, else the first interviewer; someone with an email address
    before someone without one (R12)."""
    people = interview.interviewers
    return min(people, key=lambda p: (p.email is None, not is_recruiter(p), people.index(p)))


def compose_follow_up(profile: Profile, interview: Interview, *,
                      templates: Path | str | None = None) -> Email:
    """The one status follow-up email (R17): it recalls the timeline the employer gave,
    asks politely about the status and offers further material."""
    return _single(profile, interview, "status", templates)


def compose_feedback_request(profile: Profile, interview: Interview, *,
                             templates: Path | str | None = None) -> Email:
    """The email for the move-on date (R18): thanks, a request for brief feedback, and
    an offer to stay in touch."""
    return _single(profile, interview, "feedback", templates)


def _single(profile: Profile, interview: Interview, kind: str, templates: Path | str | None) -> Email:
    env = environment(templates)
    proper = _proper_words(profile, interview)
    person = contact_person(interview)
    context = {**_base_context(profile, interview), "person": _person(person, proper),
               "pick": Chooser(interview.id)}
    return _email(interview, kind, (person,), render(env, TEMPLATES[kind], context))


def _email(interview: Interview, kind: str, recipients: tuple[Interviewer, ...], parts: Parts) -> Email:
    return Email(interview.id, kind, recipients, parts.subject, parts.text, parts.greeting,
                 parts.paragraphs, parts.signature)


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


