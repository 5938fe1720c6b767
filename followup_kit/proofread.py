"""Proofreading: the slips that cost a candidate the job (domain rules R2, R6, R9–R11).

:func:`proofread` reads an interview's notes (composed drafts, or the candidate's
own wording from each interviewer's ``note``) and the record behind them, and
returns :class:`Finding` objects: a severity, a stable code, a message in plain
words, and where to fix it (interview, interviewer, field).

``error`` means "do not send it like this" (a misspelling, a name that disagrees
with its source, text-message style, two notes alike). ``warning`` means "look at
it" (an unverified name, a word the dictionary does not know that may be a name).

Codes (stable; tools may rely on them):

=================  ==========================================================
spelling           a word the dictionary does not know (suggestions given)
name-spelling      a word close to, but not, a name from the record (R11)
repeated-word      the same word twice in a row ("the the")
emoji              an emoji or an emoticon such as ":)" (R10)
text-speak         text-message style: "thx", "u", "gonna" (R10)
exclamation        "!!", or several exclamation marks in one note (R10)
all-caps           a word in capitals, which reads as shouting (R10)
duplicate-note     two notes of one interview identical or nearly so (R6)
no-topic           a note that names none of that person's topics (R6)
no-topics          no topics recorded for an interviewer (R4, R6)
too-long           more words than the card or email holds (R9)
too-short          fewer words than a thoughtful note needs (R9)
no-greeting        the note does not open with "Dear …,"
greeting-name      the greeting does not name the person the note is for
no-signature       the note does not end with the candidate's name
unverified-name    nobody checked the name's spelling (R2, R11)
unverified-title   nobody checked the title (R2, R11)
name-email         the name and the email address disagree (R11)
=================  ==========================================================

The spelling dictionary (pyspellchecker) is loaded once, on first use, so that
``import followup_kit`` stays light and later calls are fast.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Literal

from .compose import WORD_LIMITS, Note, compose_notes, split_note
from .dictionary import _in_dictionary, _speller, _suggestions
from .model import Interview, Interviewer, Profile
from .names import NON_LATIN_LIKENESS, check_email, fold, is_latin, names_person, salutation
from .phrasing import content_stems

Severity = Literal["error", "warning"]

#: Two notes of one interview whose words are at least this alike (difflib's ratio over
#: the words of their bodies, greeting and signature left out) are "nearly the same" (R6).
#: Notes that differ only in the name, a phrase or a sentence score above it; composed
#: notes to one panel score below 0.5 (the tests hold them to that).
DUPLICATE_RATIO = 0.8

#: A note "mentions" a topic when it has this many of the topic's meaningful words
#: (or all of them, for a topic of fewer words); see :func:`mentions_topic`.
TOPIC_WORDS_NEEDED = 2


@dataclass(frozen=True)
class Finding:
    """One thing to fix before a note goes out.

    ``field`` says where to fix it: a path into the interview file such as
    ``interviewers[1].email`` or ``interviewers[0].note`` (the candidate's own
    wording), ``reflection.forgot_to_mention[0]`` when a composed draft inherits a
    slip from the record, or ``note`` / ``subject`` for the composed draft itself.
    """

    severity: Severity
    code: str
    message: str
    interview: str | None = None
    interviewer: str | None = None
    field: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``check --json`` row."""
        return asdict(self)


# -- reading text -------------------------------------------------------------------

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*")


def _mask(text: str) -> str:
    """The text with web and email addresses blanked out (same length, so offsets hold)."""
    for pattern in (_EMAIL, _URL):
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _words(text: str) -> Iterable[re.Match[str]]:
    return _WORD.finditer(_mask(text))


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:\n" or text[:start].endswith("\n")


@dataclass
class _Record:
    """What the record says, for telling a slip from a name."""

    known: set[str]
    proper: dict[str, str]
    sources: list[tuple[str, str]]
    romanised: list[str]


def _record(profile: Profile, interview: Interview) -> _Record:
    # The record's names, company, role, titles and topics are known words; so is any
    # word it writes with a capital (a place, a product), wherever it appears.
    exact: list[str] = [profile.name, interview.company, interview.role]
    sources: list[tuple[str, str]] = []
    for i, person in enumerate(interview.interviewers):
        exact += [person.name, person.title or "", person.salutation or "", *person.topics]
        sources += [(f"interviewers[{i}].topics[{k}]", t) for k, t in enumerate(person.topics)]
        if person.personal:
            sources.append((f"interviewers[{i}].personal", person.personal))
    r = interview.reflection
    for name in ("forgot_to_mention", "concerns_raised", "went_well", "stood_out"):
        sources += [(f"reflection.{name}[{k}]", t) for k, t in enumerate(getattr(r, name))]
    sources += [(f"extras[{k}].title", e.title) for k, e in enumerate(interview.extras)]
    sources += [("role", interview.role), ("company", interview.company)]
    known: set[str] = set()
    proper: dict[str, str] = {}
    for text in exact:
        for m in _words(text):
            known.add(m.group(0).lower().replace("’", "'"))
    for text in [*exact, *(t for _, t in sources), profile.address or "", interview.company_address or ""]:
        for m in _words(text):
            word = m.group(0)
            if word[0].isupper():
                known.add(word.lower())
                proper.setdefault(word.lower(), word)
    for text in (profile.name, interview.company, *(p.name for p in interview.interviewers)):
        for m in _words(text):
            proper[m.group(0).lower()] = m.group(0)
    # A name in another script may be written in Latin letters in a note ("Olena"); any
    # romanisation close to the transliteration is accepted by the greeting check, and
    # the transliteration itself counts as known here.
    romanised = [fold(p.name) for p in interview.interviewers if not is_latin(p.name)]
    for text in romanised:
        known.update(text.split())
    return _Record(known, proper, sources, romanised)


# -- the checks ------------------------------------------------------------------------

class _Collector:
    def __init__(self, interview: Interview):
        self.interview = interview
        self.findings: list[Finding] = []

    def add(self, severity: Severity, code: str, message: str, person: Interviewer | None,
            field: str | None) -> None:
        finding = Finding(severity, code, message, self.interview.id or None,
                          person.name if person else None, field)
        if finding not in self.findings:
            self.findings.append(finding)


def _index(interview: Interview, person: Interviewer) -> int:
    for i, candidate in enumerate(interview.interviewers):
        if candidate is person:
            return i
    for i, candidate in enumerate(interview.interviewers):
        if candidate == person or candidate.name == person.name:
            return i
    return -1


def proofread(profile: Profile, interview: Interview, notes: list[Note] | None = None) -> list[Finding]:
    """Everything worth fixing in ``interview``'s notes and the record behind them.

    ``notes`` defaults to :func:`~followup_kit.compose.compose_notes`, which uses each
    interviewer's own ``note`` where there is one. Findings come in interviewer order.
    """
    if notes is None:
        notes = compose_notes(profile, interview)
    record = _record(profile, interview)
    out = _Collector(interview)
    for i, person in enumerate(interview.interviewers):
        _check_person(out, i, person)
        for note in notes:
            if _index(interview, note.interviewer) == i:
                _check_note(out, profile, interview, record, i, note)
    _check_duplicates(out, interview, notes)
    return out.findings


def _check_person(out: _Collector, i: int, person: Interviewer) -> None:
    where = f"interviewers[{i}]"
    if "name" in person.unverified:
        out.add("warning", "unverified-name",
                f"Nobody has checked the spelling of \"{person.name}\"; a misspelled name tells the employer "
                "you were careless. Check it on a business card, an email signature or the company website, "
                "and record where under checked.name.",
                person, f"{where}.checked.name")
    if "title" in person.unverified:
        out.add("warning", "unverified-title",
                f"Nobody has checked {person.name}'s title \"{person.title}\"; a wrong title reads as "
                "careless. Check it and record where under checked.title.", person, f"{where}.checked.title")
    if person.email:
        verdict = check_email(person.name, person.email)
        if not verdict.agrees:
            if verdict.close_to:
                detail = (f"the address {person.email} spells \"{verdict.unexplained}\" where the name "
                          f"has \"{verdict.close_to}\"")
            else:
                detail = f"the address {person.email} does not look like {person.name}'s"
            how = "" if is_latin(person.name) else " (compared through a transliteration, so it may be fine)"
            out.add("error" if verdict.certain else "warning", "name-email",
                    f"The name \"{person.name}\" and the email address disagree: {detail}{how}. One of them "
                    f"is wrong; check both against the business card or an email signature.",
                    person, f"{where}.email")
    if not person.topics:
        out.add("warning", "no-topics",
                f"No topics are recorded for {person.name}. Add what you discussed with this person, so "
                f"that the note can name it and read as written to them alone.", person, f"{where}.topics")
    if person.title:
        for word, suggestions in _misspelled_title(person.title):
            out.add("warning", "spelling",
                    f"The title \"{person.title}\" has \"{word}\", which the dictionary does not know. Check "
                    f"the title against its source{_did_you_mean(suggestions, word)}",
                    person, f"{where}.title")


def _misspelled_title(title: str) -> list[tuple[str, tuple[str, ...]]]:
    found = []
    for m in _words(title):
        word = m.group(0)
        if sum(c.isupper() for c in word) > 1 or not is_latin(word) or not word.isascii():
            continue
        if not all(_in_dictionary(part.lower()) for part in word.split("-")):
            found.append((word, _suggestions(word.lower())))
    return found


def _did_you_mean(suggestions: Iterable[str], like: str = "") -> str:
    shown = [f"\"{s.capitalize() if like[:1].isupper() else s}\"" for s in suggestions]
    if not shown:
        return ""
    return "; did you mean " + (", ".join(shown[:-1]) + " or " + shown[-1] if len(shown) > 1 else shown[0]) + "?"


def _check_note(out: _Collector, profile: Profile, interview: Interview, record: _Record, i: int,
                note: Note) -> None:
    person = note.interviewer
    field = f"interviewers[{i}].note" if note.own else "note"
    text = note.text
    parts = split_note(text) if note.own else None
    greeting = parts.greeting if parts else note.greeting
    signature = parts.signature if parts else note.signature

    _check_spelling(out, record, person, text, field, draft=not note.own)
    if note.subject:
        _check_spelling(out, record, person, note.subject, "subject", draft=False)
    _check_repeats(out, person, text, field)
    _check_tone(out, record, person, text, field)

    limits = WORD_LIMITS.get(note.kind or note.medium, WORD_LIMITS["card"])
    what = "A card holds" if note.medium == "card" else "A note like this one needs"
    if note.words > limits[1]:
        out.add("error" if note.medium == "card" else "warning", "too-long",
                f"The note has {note.words} words. {what} about {limits[0]}–{limits[1]}; shorten it "
                f"to the points that matter most to {person.name}.", person, field)
    elif note.words < limits[0]:
        out.add("warning", "too-short",
                f"The note has only {note.words} words; a thoughtful note has about {limits[0]}–"
                f"{limits[1]}. Add a point from your conversation with {person.name}.", person, field)

    if not greeting:
        out.add("error", "no-greeting",
                f"The note does not open with a greeting. Start it with "
                f"\"Dear {salutation(person.name, person.salutation)},\".", person, field)
    elif not _names(greeting, person):
        others = [p.name for p in interview.interviewers if p is not person and _names(greeting, p)]
        hint = f" It names {others[0]}: is this the note meant for them?" if others else ""
        out.add("error", "greeting-name",
                f"The greeting \"{greeting}\" does not name {person.name}.{hint} Address the person the "
                f"note is for, spelled as verified.", person, field)
    if not _signed(signature, text, profile.name):
        out.add("error", "no-signature",
                f"The note does not end with your name. Close it with a sign-off and \"{profile.name}\".",
                person, field)

    if person.topics and not any(mentions_topic(text, t, interview) for t in person.topics):
        shown = "; ".join(f"\"{t}\"" for t in person.topics[:3])
        out.add("warning", "no-topic",
                f"The note names none of the topics you discussed with {person.name} ({shown}). Name at "
                f"least one, so that the note could only have been written to this person.",
                person, field)


def _names(greeting: str, person: Interviewer) -> bool:
    """True when the greeting names ``person`` (in any script, or transliterated)."""
    return names_person(greeting, person.name, person.salutation)


def _signed(signature: tuple[str, ...], text: str, name: str) -> bool:
    tail = "\n".join(signature) if signature else "\n".join(text.strip().splitlines()[-3:])
    words = {w.group(0).lower() for w in _words(tail)}
    return any(w.group(0).lower() in words for w in _words(name))


def mentions_topic(text: str, topic: str, interview: Interview) -> bool:
    """True when ``text`` names ``topic``: it has :data:`TOPIC_WORDS_NEEDED` of the topic's
    meaningful words (all of them when the topic has fewer), stems compared, and the
    words every note has (the company's, the role's) left out."""
    common = content_stems(f"{interview.company} {interview.role}")
    wanted = content_stems(topic, ignore=common)
    if not wanted:
        return True
    have = content_stems(text, ignore=common)
    return len(wanted & have) >= min(TOPIC_WORDS_NEEDED, len(wanted))


def _source_of(record: _Record, word: str) -> str | None:
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.I)
    return next((field for field, text in record.sources if pattern.search(text)), None)


def _check_spelling(out: _Collector, record: _Record, person: Interviewer, text: str, field: str,
                    *, draft: bool) -> None:
    proper_words = list(record.proper.values())
    folded_proper = {fold(w): w for w in proper_words}
    for m in _words(text):
        word = m.group(0).replace("’", "'")
        low = word.lower()
        if len(word) < 2 or low in record.known or low.split("'")[0] in record.known or low in TEXT_SPEAK:
            continue  # text-speak has its own finding
        parts = [p for p in re.split(r"-", re.sub(r"'s$|s'$|'$", "", low)) if p]
        if all(p in record.known or (len(p) < 2) or _in_dictionary(p) for p in parts) and parts:
            continue
        if _in_dictionary(low):
            continue
        if len(low) >= 3 and any(low in r.replace(" ", "") or difflib.SequenceMatcher(None, low, part).ratio()
                                 >= NON_LATIN_LIKENESS for r in record.romanised for part in r.split()):
            continue  # a romanised form of a name written in another script ("Minjun", "Melnyk")
        # Where a composed draft got the word from: fix it there, not in the draft.
        where = (_source_of(record, word) or field) if draft else field
        if not is_latin(word):
            continue  # the dictionary is English; a word in another script is left alone
        capital = word[0].isupper()
        if capital:
            close = folded_proper.get(fold(word)) or next(iter(difflib.get_close_matches(
                word, proper_words, n=1, cutoff=0.8)), None)
            if close and close != word:
                out.add("error", "name-spelling",
                        f"\"{word}\" is not how the record spells it: \"{close}\". Write names exactly "
                        f"as verified.", person, where)
                continue
        if not word.isascii() or sum(c.isupper() for c in word) > 1:
            continue  # a foreign word, an acronym or a product name: not for an English dictionary
        suggestions = _suggestions(low)
        if capital and not _sentence_start(text, m.start()):
            out.add("warning", "spelling",
                    f"\"{word}\" is not in the dictionary or the interview record. If it is a name, check its "
                    f"spelling{_did_you_mean(suggestions, word) or '.'}", person, where)
        elif capital and not suggestions:
            out.add("warning", "spelling",
                    f"\"{word}\" is not in the dictionary or the interview record. If it is a name, "
                    f"check its spelling.", person, where)
        else:
            out.add("error", "spelling",
                    f"\"{word}\" looks misspelled{_did_you_mean(suggestions, word) or '; it is not in the dictionary.'}",
                    person, where)


_REPEAT = re.compile(r"\b([^\W\d_]+)(\s+)\1\b", re.I)
_REPEAT_OK = {"that", "had", "is", "do", "bye", "very"}


def _check_repeats(out: _Collector, person: Interviewer, text: str, field: str) -> None:
    for m in _REPEAT.finditer(_mask(text)):
        if m.group(1).lower() in _REPEAT_OK:
            continue
        out.add("error", "repeated-word",
                f"\"{m.group(0)}\": the word \"{m.group(1)}\" is written twice. Delete one.", person, field)


# Text-message style and slang (R10), with what to write instead.
TEXT_SPEAK = {
    "thx": "thank you", "thanx": "thank you", "thnx": "thank you", "tnx": "thank you", "ty": "thank you",
    "tysm": "thank you very much", "u": "you", "ur": "your", "r": "are", "pls": "please",
    "plz": "please", "gonna": "going to", "wanna": "want to", "gotta": "have to", "lol": "",
    "omg": "", "btw": "by the way", "imo": "in my view", "imho": "in my view", "tbh": "",
    "idk": "I do not know", "cya": "", "lmk": "let me know", "nvm": "", "np": "",
    "cuz": "because", "coz": "because", "bc": "because", "tho": "though", "thru": "through",
    "ya": "you", "yeah": "yes", "yep": "yes", "nope": "no", "hey": "Dear", "xoxo": "",
    "gr8": "great", "l8r": "later", "b4": "before", "2day": "today", "2moro": "tomorrow",
    "w/": "with", "k": "", "kk": "",
}
_SPEAK = re.compile(r"(?<![\w@/.-])(" + "|".join(sorted(map(re.escape, TEXT_SPEAK), key=len, reverse=True))
                    + r")(?![\w@-])", re.I)
# No "8" for eyes: "8)" and "83" are far likelier a list item or a number than a smiley.
_EMOTICON = re.compile(r"(?:(?<=\s)|^)(?:[:;=][-'^]?[)(DPpO3/\\|*\]\[]|<3|\^_\^|xD)(?=\s|$|[.,!?])")
_ACRONYMS = {"usa", "uk", "eu", "ceo", "cto", "cfo", "coo", "cio", "vp", "hr", "it", "ai", "ml", "api",
             "sql", "bi", "pdf", "etl", "kpi", "okr", "tps", "saas", "aws", "gcp", "nyc", "ok", "phd",
             "mba", "msc", "bsc", "faq", "ui", "ux", "qa", "cv", "gmbh", "inc", "llc", "ltd", "ag", "ps"}


def _is_emoji(char: str) -> bool:
    code = ord(char)
    return (0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or 0x2B00 <= code <= 0x2BFF
            or code in (0xFE0F, 0x200D, 0x2764) or unicodedata.category(char) == "So" and code > 0x2100
            and code not in (0x2116, 0x2122))


def _check_tone(out: _Collector, record: _Record, person: Interviewer, text: str, field: str) -> None:
    masked = _mask(text)
    emoji = sorted({c for c in text if _is_emoji(c) and c not in "\u200d\ufe0f"})
    for face in sorted(set(m.group(0) for m in _EMOTICON.finditer(masked)) | set(emoji)):
        out.add("error", "emoji",
                f"\"{face}\": emoji and smileys do not belong in a thank-you note; remove it.",
                person, field)
    for m in _SPEAK.finditer(masked):
        token = m.group(1)
        # A capital "R" or "U" is a name or a language ("R", "Unit U"); slang is written small.
        if len(token) == 1 and token.isupper():
            continue
        better = TEXT_SPEAK[token.lower()]
        instead = f"; write \"{better}\"" if better else "; leave it out"
        out.add("error", "text-speak",
                f"\"{token}\" is text-message style, too casual for a thank-you note{instead}.", person, field)
    if "!!" in masked:
        out.add("error", "exclamation",
                "\"!!\": several exclamation marks in a row read as over-excited; use a full stop.",
                person, field)
    elif masked.count("!") >= 3:
        out.add("warning", "exclamation",
                f"The note has {masked.count('!')} exclamation marks; keep one at most.", person, field)
    for m in _words(masked):
        word = m.group(0)
        low = word.lower()
        if (len(word) >= 3 and word.isupper() and low not in _ACRONYMS and word not in record.proper.values()
                and _in_dictionary(low) and _speller()[low] > 0):
            out.add("warning", "all-caps",
                    f"\"{word}\" in capitals reads as shouting; write \"{low}\".", person, field)


def _body_words(note: Note) -> list[str]:
    parts = split_note(note.text) if note.own else None
    paragraphs = parts.paragraphs if parts else note.paragraphs
    return [w.group(0).lower() for w in _words(" ".join(paragraphs))]


def likeness(a: Note, b: Note) -> float:
    """How alike two notes are, 0 to 1: difflib's ratio over the words of their bodies."""
    return difflib.SequenceMatcher(None, _body_words(a), _body_words(b), autojunk=False).ratio()


def _check_duplicates(out: _Collector, interview: Interview, notes: list[Note]) -> None:
    for j, later in enumerate(notes):
        for earlier in notes[:j]:
            ratio = likeness(earlier, later)
            if ratio >= DUPLICATE_RATIO:
                i = _index(interview, later.interviewer)
                field = f"interviewers[{i}].note" if later.own else "note"
                same = "the same as" if ratio == 1 else f"nearly the same as ({ratio:.0%} alike)"
                out.add("error", "duplicate-note",
                        f"This note is {same} the one to {earlier.interviewer.name}. Each note must name "
                        f"what you discussed with that person.", later.interviewer, field)
                break


__all__ = ["DUPLICATE_RATIO", "Finding", "likeness", "mentions_topic", "proofread"]
