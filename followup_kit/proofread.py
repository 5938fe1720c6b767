"""Proofreading: the slips that cost a candidate the job (domain rules R2, R6, R9–R11, R22–R26).

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
no-contact         nobody to send the status follow-up to: no recruiter, nobody marked (R17, R19)
repeats-earlier-note  a note to someone met again repeats the earlier round's (R19;
                   :func:`followup_kit.rounds.repeated_notes`)
jotting            a jotting that would not read inside a sentence, with a rewrite (R23)
language           a jotting in another language than the note's (R23)
salutation         a jotting that says how to address the person: record it (R25)
greeting-script    a greeting in another script than the note's (R25)
no-highlight       some notes cannot say why you fit: too little stood out (R26)
agreement          a verb that does not agree with its subject ("I has")
other-company      another company of the workspace named in a note
repeated-noun      the same noun in two sentences in a row ("the call… the call")
=================  ==========================================================

Every drafted email is proofread as the notes are (the same-day emails, the status
follow-up and the feedback request); a finding in one names it in ``field``
("card-on-its-way", "status-follow-up", "feedback-request").

The spelling dictionary (pyspellchecker) is loaded once, on first use, so that
``import followup_kit`` stays light and later calls are fast.
"""

from __future__ import annotations

import bisect
import difflib
import operator
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Literal

from .compose import WORD_LIMITS, Email, Note, compose_notes, greeting_name, split_note, usable_topics
from .dictionary import _in_dictionary, _speller, _suggestions
from .model import Interview, Interviewer, Profile
from .jottings import ROLE_WORDS, read
from .language import script_of
from .names import NON_LATIN_LIKENESS, check_email, fold, is_latin, names_person
from .panel import deal_highlights, highlights
from .phrasing import (ASCII_WORD, WORD, company_in_prose, content_stems, letter_runs, proper_words, runs,
                       words)

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
        """The ``check --json`` row (every value is text, so nothing needs copying)."""
        return {"severity": self.severity, "code": self.code, "message": self.message,
                "interview": self.interview, "interviewer": self.interviewer, "field": self.field}


# -- reading text -------------------------------------------------------------------

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@lru_cache(maxsize=512)
def _mask(text: str) -> str:
    """The text with web and email addresses blanked out (same length, so offsets hold)."""
    # An email address needs an "@"; a web address "www." or a "/": most notes have neither.
    if "@" in text:
        text = _blank_emails(text)
    if "/" in text or "www." in text.lower():
        text = _URL.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _in_address(char: str) -> bool:
    """A character of an address's local part (what ``[\\w.+-]`` matches)."""
    return char.isalnum() or char in "_.+-"


def _blank_emails(text: str) -> str:
    """``text`` with what :data:`_EMAIL` finds blanked out, the search started only where an
    address may start: in the run of address characters before each "@" (a search from every
    letter of every word reads each word to its end, as the pattern does not know where "@" is)."""
    parts: list[str] = []
    done = 0  # where the text is read up to (the end of the last address blanked)
    at = text.find("@")
    while at != -1:
        start = at
        while start > done and _in_address(text[start - 1]):
            start -= 1
        for begin in range(start, at):  # the leftmost address, as the search finds it
            found = _EMAIL.match(text, begin)
            if found:
                parts += [text[done:begin], " " * (found.end() - begin)]
                done = found.end()
                break
        at = text.find("@", max(at + 1, done))
    return "".join(parts) + text[done:] if parts else text


def _words(text: str) -> Iterable[re.Match[str]]:
    masked = _mask(text)
    return (ASCII_WORD if masked.isascii() else WORD).finditer(masked)


@lru_cache(maxsize=512)
def _distinct_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` (addresses left out), each once, in order of first use."""
    masked = _mask(text)
    return tuple(dict.fromkeys(words(masked)))


@lru_cache(maxsize=512)
def _spelled_words(text: str) -> frozenset[str]:
    """The distinct words of ``text`` as spelling reads them (a curly apostrophe as a straight one)."""
    words = _distinct_words(text)
    return frozenset(w.replace("’", "'") for w in words) if "’" in text else frozenset(words)


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
    names: frozenset[str] = frozenset()
    """The record's proper words, as the composer reads jottings with them."""
    fine: set[str] = field(default_factory=set)
    """Words already found fine in this interview's texts (each is read once)."""
    folded: dict[str, str] | None = None
    proper_set: set[str] = field(default_factory=set)


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
    # Each text's distinct words, read once (a name or a topic is in both lists).
    for text in exact:
        known.update(word.lower().replace("’", "'") for word in _distinct_words(text))
    for text in dict.fromkeys([*exact, *(t for _, t in sources), profile.address or "",
                               interview.company_address or ""]):
        for word in _distinct_words(text):
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
        self._seen: set[Finding] = set()

    def add(self, severity: Severity, code: str, message: str, person: Interviewer | None,
            field: str | None) -> None:
        finding = Finding(severity, code, message, self.interview.id or None,
                          person.name if person else None, field)
        if finding not in self._seen:
            self._seen.add(finding)
            self.findings.append(finding)


def _index(interview: Interview, person: Interviewer) -> int:
    for i, candidate in enumerate(interview.interviewers):
        if candidate is person:
            return i
    for i, candidate in enumerate(interview.interviewers):
        if candidate == person or candidate.name == person.name:
            return i
    return -1


def proofread(profile: Profile, interview: Interview, notes: list[Note] | None = None, *,
              emails: list[Email] | None = None, companies: "Companies | None" = None) -> list[Finding]:
    """Everything worth fixing in ``interview``'s notes, its drafted emails and the record behind them.

    ``notes`` defaults to :func:`~followup_kit.compose.compose_notes`, which uses each
    interviewer's own ``note`` where there is one. ``emails`` are the other drafted
    emails (same-day, status follow-up, feedback request), proofread the same way.
    ``companies`` are the workspace's other companies, none of which a note may name.
    Findings come in interviewer order, then the interview's own.
    """
    if notes is None:
        notes = compose_notes(profile, interview)
    record = _record(profile, interview)
    out = _Collector(interview)
    names = record.names = frozenset(proper_words(profile, interview))
    by_person: dict[int, list[Note]] = {}
    positions = {id(p): i for i, p in enumerate(interview.interviewers)}
    for note in notes:
        index = positions.get(id(note.interviewer))
        if index is None:
            index = _index(interview, note.interviewer)
        by_person.setdefault(index, []).append(note)
    for i, person in enumerate(interview.interviewers):
        _check_person(out, i, person, names)
        for note in by_person.get(i, ()):
            _check_note(out, profile, interview, record, i, note, companies)
    _check_jottings(out, interview, names)
    _check_highlights(out, interview, names)
    _check_duplicates(out, interview, notes)
    for email in emails or ():
        _check_email(out, profile, interview, record, email, companies)
    return out.findings


class Companies:
    """The companies of a workspace, to find another one named in a note.

    Built once per workspace, as a tree of the names' words; a note is read word by word
    down that tree, so the cost grows with the text and the length of a name, not with
    the number of companies.
    """

    def __init__(self, names: Iterable[str]):
        self._tree: dict[str, Any] = {}
        self._under: dict[str, set[str]] = {}  # the names that start with a word
        for name in names:
            for form in {name, company_in_prose(name)}:
                words = form.split()
                if words and (len(words) > 1 or len(form) >= 4):
                    node = self._tree
                    for word in words:
                        node = node.setdefault(word, {})
                    node[""] = form
                    self._under.setdefault(words[0], set()).add(form)

    def named_in(self, text: str, own: str) -> list[str]:
        """The companies other than ``own`` that ``text`` names (exact case, whole words)."""
        mine = {own, company_in_prose(own)}
        tokens = [t.rstrip(".,;:!?)") for t in text.split()]
        # Most notes name their own company only: the names that start with the text's words
        # are looked at first, and the text is read down the tree only if another is among them.
        others = {word for word in self._tree.keys() & set(tokens) if not self._under[word] <= mine}
        if not others:
            return []
        found: list[str] = []
        for start in [k for k, token in enumerate(tokens) if token in others]:
            node = self._tree.get(tokens[start])
            k = start
            while node is not None:
                name = node.get("")
                if name and name not in mine and name not in found:
                    found.append(name)
                k += 1
                node = node.get(tokens[k]) if k < len(tokens) else None
        return found


def _check_person(out: _Collector, i: int, person: Interviewer, names: frozenset[str]) -> None:
    where = f"interviewers[{i}]"
    if "name" in person.unverified:
        out.add("warning", "unverified-name",
                f"Nobody has checked the spelling of \"{person.name}\"; a misspelled name tells the employer "
                "you were careless. Check it on a business card, an email signature or the company website, "
                "and record where you checked it.",
                person, f"{where}.checked.name")
    if "title" in person.unverified:
        out.add("warning", "unverified-title",
                f"Nobody has checked {person.name}'s title \"{person.title}\"; a wrong title reads as "
                "careless. Check it and record where you checked it.", person, f"{where}.checked.title")
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
    usable = [read(t, "topic", names) for t in person.topics]
    if not any(j.usable for j in usable):
        # R4, R6, R23, R26: a note must name something said with this person; a generic line
        # would make it anyone's note.
        if not person.topics:
            why = f"No topics are recorded for {person.name}."
        elif all(j.logistics for j in usable):
            why = (f"{person.name}'s topics are all practical matters (salary, dates, relocation, office days), "
                   "which a thank-you note leaves out.")
        else:
            why = f"None of {person.name}'s topics reads as a phrase the note can use (see the other findings)."
        out.add("error", "no-topics",
                f"{why} Add what you discussed with this person as a short phrase, e.g. \"the move to dbt\", "
                f"so that the note can name it and read as written to them alone.", person, f"{where}.topics")
    if person.personal and not person.salutation:
        asked = read(person.personal, "personal", names).salutation
        if asked:
            out.add("warning", "salutation",
                    f"\"{person.personal}\" says how to address {person.name}, not a personal connection: the "
                    f"notes say \"Dear {greeting_name(person, None, names)},\". Record it as their salutation "
                    f"(\"{asked}\") and take it out of personal.", person, f"{where}.personal")
    if person.title:
        for word, suggestions in _misspelled_title(person.title):
            out.add("warning", "spelling",
                    f"The title \"{person.title}\" has \"{word}\", which the dictionary does not know. Check "
                    f"the title against its source{_did_you_mean(suggestions, word)}",
                    person, f"{where}.title")


def _misspelled_title(title: str) -> list[tuple[str, tuple[str, ...]]]:
    found = []
    for word in _distinct_words(title):
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
                note: Note, companies: "Companies | None" = None) -> None:
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
    _check_grammar(out, record, person, text, field, draft=not note.own)
    _check_companies(out, interview, person, text, field, companies)

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

    _check_greeting_script(out, person, greeting, field)
    if not greeting:
        out.add("error", "no-greeting",
                f"The note does not open with a greeting. Start it with "
                f"\"Dear {greeting_name(person, profile)},\".", person, field)
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

    usable = usable_topics(person, record.names)
    if usable and not any(mentions_topic(text, t, interview) for t in usable):
        shown = "; ".join(f"\"{t}\"" for t in person.topics[:3])
        out.add("warning", "no-topic",
                f"The note names none of the topics you discussed with {person.name} ({shown}). Name at "
                f"least one, so that the note could only have been written to this person.",
                person, field)


def _check_email(out: _Collector, profile: Profile, interview: Interview, record: _Record, email: Email,
                 companies: "Companies | None") -> None:
    """A drafted email (same-day, status follow-up, feedback request), proofread as a note is."""
    person = email.recipients[0]
    field = email.kind
    _check_spelling(out, record, person, email.text, field, draft=True)
    _check_spelling(out, record, person, email.subject, field, draft=True)
    _check_repeats(out, person, email.text, field)
    _check_tone(out, record, person, email.text, field)
    _check_grammar(out, record, person, email.text, field, draft=True)
    _check_companies(out, interview, person, email.text, field, companies)
    _check_greeting_script(out, person, email.greeting, field)
    if email.greeting and not _names(email.greeting, person):
        out.add("error", "greeting-name",
                f"The greeting \"{email.greeting}\" does not name {person.name}. Address the person the email "
                f"is for, spelled as verified.", person, field)
    if not _signed(email.signature, email.text, profile.name):
        out.add("error", "no-signature",
                f"The email does not end with your name. Close it with a sign-off and \"{profile.name}\".",
                person, field)


def _check_jottings(out: _Collector, interview: Interview, names: frozenset[str]) -> None:
    """Every jotting that goes into a note: a phrase, or a finding with a rewrite (R23)."""
    places: list[tuple[Interviewer | None, str, str, str]] = []
    for i, person in enumerate(interview.interviewers):
        places += [(person, f"interviewers[{i}].topics[{k}]", "topic", t) for k, t in enumerate(person.topics)]
        if person.personal:
            places.append((person, f"interviewers[{i}].personal", "personal", person.personal))
        places += [(person, f"interviewers[{i}].concerns[{k}]", "concern", t)
                   for k, t in enumerate(person.concerns)]
    r = interview.reflection
    places += [(None, f"reflection.forgot_to_mention[{k}]", "forgot", t) for k, t in enumerate(r.forgot_to_mention)]
    places += [(None, f"reflection.concerns_raised[{k}]", "concern", t) for k, t in enumerate(r.concerns_raised)]
    places += [(None, f"extras[{k}].title", "extra", e.title) for k, e in enumerate(interview.extras)]
    for person, where, role, text in places:
        jotting = read(text, role, names)  # type: ignore[arg-type]
        if jotting.logistics or jotting.salutation or not jotting.problem:
            continue
        whose = f"{person.name}'s {ROLE_WORDS[role]}" if person else f"The {ROLE_WORDS[role]}"
        if jotting.language:
            out.add("error", "language",
                    f"{whose} \"{text}\" is {_language_words(jotting.language)}, but the note is in English. "
                    f"Write it in English, as a short phrase.", person, where)
        else:
            out.add("error", "jotting",
                    f"{whose} \"{text}\" would not read well inside a sentence of the note: {jotting.problem}. "
                    f"It is left out until you rewrite it; consider \"{jotting.suggestion}\".", person, where)


def _language_words(language: str) -> str:
    return language if language.endswith("script") else f"in {language}"


def _check_highlights(out: _Collector, interview: Interview, names: frozenset[str]) -> None:
    """R26: each note says why the candidate fits, from what stood out, each its own."""
    dealt = deal_highlights(interview, highlights(interview, names))
    missing = [p for p, h in zip(interview.interviewers, dealt) if h is None]
    if not missing:
        return
    count = len(interview.interviewers)
    if len(missing) == count:
        what = "Nothing recorded under what stood out reads as a phrase for a note"
    else:
        what = f"What stood out gives {count - len(missing)} of {count} notes their own reason"
    out.add("warning", "no-highlight",
            f"{what}, so the notes to {', '.join(p.name for p in missing)} cannot say why you fit the role. Add "
            f"one thing per person that stood out about the company or the role (e.g. \"the team publishes its "
            f"decisions openly\").", None, "reflection.stood_out")


def _check_greeting_script(out: _Collector, person: Interviewer, greeting: str, field: str) -> None:
    """R25: an English note greets in Latin letters; a name in another script suggests a salutation."""
    scripts = {script_of(word) for word in _distinct_words(greeting)} - {"Latin"}
    if scripts and not person.salutation:
        script = sorted(scripts)[0]
        out.add("warning", "greeting-script",
                f"The greeting \"{greeting}\" is in {script} script inside an English note. If you spoke English "
                f"with {person.name}, record how they introduced themselves in Latin letters as their salutation "
                f"(their email signature shows the spelling they use).", person, field)


# Agreement slips a writer makes when editing: "I has", "the teams works".
_I_WRONG = re.compile(r"\bI (has|is|does|was not|wasn't|doesn't|hasn't)\b")
_SINGULAR_WRONG = re.compile(r"\b(he|she|it) (have|are|were|do|don't|haven't|aren't)\b", re.I)
_PLURAL_WRONG = re.compile(r"\b(we|they|you) (has|is|was|does|doesn't|hasn't|isn't|wasn't)\b", re.I)
_DETERMINED_PLURAL = re.compile(r"\b(the|these|those|our|your|their|my|his|her|its|all|both|many) "
                                r"([a-z]+s) ([a-z]+s)\b", re.I)
_NOT_PLURAL = ("ss", "us", "is", "ics", "news", "series", "species", "physics")
_AFTER_VERB = {"the", "a", "an", "its", "their", "our", "your", "my", "his", "her", "this", "that", "well",
               "hard", "together", "closely", "with", "on", "in", "at", "for", "to", "from", "so", "out"}
# What the patterns above look for, word by word, to see cheaply whether a text may hold one.
# Verbs as runs of letters: "wasn't" is the runs "wasn" and "t".
_I_VERBS = {"has", "is", "does", "wasn", "doesn", "hasn"}
_SINGULAR_VERBS = {"have", "are", "were", "do", "don", "haven", "aren"}
_PLURAL_VERBS = {"has", "is", "was", "does", "doesn", "hasn", "isn", "wasn"}
_PLURAL_DETERMINERS = {"the", "these", "those", "our", "your", "their", "my", "his", "her", "its", "all", "both",
                       "many"}


#: What a search that ignores case takes for an English letter, but lower() writes otherwise:
#: "ſ" matches "s", "ı" and "İ" (lowered "i" and a dot above) match "i".
_AS_ENGLISH = str.maketrans({"ſ": "s", "ı": "i", "\u0307": None})
_NOT_AS_ENGLISH = "ſı\u0307"


@lru_cache(maxsize=64)
def _runs(masked: str) -> tuple[str, ...]:
    """The runs of letters of a text in any script."""
    return tuple(runs(masked))


@lru_cache(maxsize=64)
def _lowered_runs(masked: str) -> tuple[str, ...]:
    """The runs of letters of a text, lowered, as a search that ignores case reads them: in an
    ASCII text its runs of A-Z; in another its runs of letters of any script, which hold every
    run of A-Z that stands as a word (a word of the patterns stands between non-letters)."""
    if masked.isascii():
        return tuple(letter_runs(masked.lower()))
    lowered = " ".join(_runs(masked)).lower()
    if any(letter in lowered for letter in _NOT_AS_ENGLISH):
        lowered = lowered.translate(_AS_ENGLISH)
    return tuple(lowered.split())


def _grammar_candidates(masked: str) -> tuple[bool, bool]:
    """Whether ``masked`` may hold an agreement slip, and a determiner before two words ending
    in s: a superset of what the exact patterns find, read from the runs of letters."""
    # The runs are read once, lowered, for this look and the next.
    words = _lowered_runs(masked)
    slip = plural = False
    for k in range(len(words) - 1):
        word, after = words[k], words[k + 1]
        if not slip and ((word == "i" and (after in _I_VERBS or (
                after == "was" and k + 2 < len(words) and words[k + 2] == "not")))
                         or (word in ("he", "she", "it") and after in _SINGULAR_VERBS)
                         or (word in ("we", "they", "you") and after in _PLURAL_VERBS)):
            slip = True
        if (not plural and word in _PLURAL_DETERMINERS and after.endswith("s")
                and k + 2 < len(words) and words[k + 2].endswith("s")):
            plural = True
    return slip, plural


def _check_grammar(out: _Collector, record: _Record, person: Interviewer, text: str, field: str, *,
                   draft: bool) -> None:
    """Agreement slips and a noun repeated in two sentences in a row."""
    masked = _mask(text)
    # A look along the text's words first; the exact patterns only where it finds a candidate.
    slip, plural = _grammar_candidates(masked)
    agreement = (_I_WRONG, _SINGULAR_WRONG, _PLURAL_WRONG) if slip else ()
    for pattern in agreement:
        for m in pattern.finditer(masked):
            where = (_source_of(record, m.group(0).split(" ")[-1]) or field) if draft else field
            out.add("error", "agreement",
                    f"\"{m.group(0)}\": the verb does not agree with \"{m.group(1)}\". Read the sentence aloud "
                    f"and correct the verb.", person, where)
    for m in _DETERMINED_PLURAL.finditer(masked) if plural else ():
        noun, verb = m.group(2).lower(), m.group(3).lower()
        rest = masked[m.end():]
        if noun.endswith(_NOT_PLURAL) or verb.endswith(_NOT_PLURAL) or not rest:
            continue
        # "…how the teams works." ends the sentence; "the teams works on …" goes on as a verb would.
        following = "" if rest[0] in ".;:!?" else (rest.split(None, 1)[0].lower().strip(".,;") if rest.strip() else "")
        if ((following == "" or following in _AFTER_VERB) and _in_dictionary(noun[:-1]) and _in_dictionary(verb[:-1])):
            out.add("error", "agreement",
                    f"\"{m.group(2)} {m.group(3)}\": a plural subject takes \"{verb[:-1]}\", not \"{verb}\" (or "
                    f"\"{noun[:-1]} {verb}\" for one). Correct one of the two.", person, field)
    _check_repeated_nouns(out, person, masked, field)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
# A determiner (the, a, an, our, your, my, this, that, their, its, his, her) and the noun after it.
# Written with its shared letters together, and "not after a letter" for the word's start (the
# same as \b before a letter), so that the search skips ahead: almost twice as quick.
_NOUN_AFTER = re.compile(r"(?<!\w)(?:the|an?|our|your|my|th(?:is|at|eir)|its|h(?:is|er)) ([a-z][a-z-]{2,})\b",
                         re.I)
# Nouns a note may well repeat: its subject matter.
_REPEAT_FINE = {"role", "team", "company", "interview", "way", "time", "next", "same", "other", "first", "last",
                "most", "best", "kind", "chance", "more", "work", "one"}


_NOUN_DETERMINERS = frozenset({"the", "a", "an", "our", "your", "my", "this", "that", "their", "its", "his", "her"})


def _may_repeat_a_noun(text: str) -> bool:
    """Whether ``text`` may hold a noun after a determiner twice (a superset of what the search
    below finds): among its runs of letters, the same run after a determiner twice. A noun that
    may be repeated ("team") counts only where the text also has it before a hyphen ("team-based")."""
    letters = _lowered_runs(text)
    after = [noun for word, noun in zip(letters, letters[1:]) if word in _NOUN_DETERMINERS]
    if len(after) < 2:
        return False
    twice = {noun for noun, count in Counter(after).items() if count > 1}
    lowered = text.lower()
    if not any(letter in lowered for letter in _NOT_AS_ENGLISH):  # its runs read as the search reads them
        twice = {noun for noun in twice if not (noun in _REPEAT_FINE or noun in _STOP_NOUNS)
                 or f"{noun}-" in lowered}
    return bool(twice)


def _check_repeated_nouns(out: _Collector, person: Interviewer, text: str, field: str) -> None:
    """R10: "the call… the call" in two sentences in a row reads as careless."""
    if not _may_repeat_a_noun(text):
        return
    # The nouns of the whole text in one search, each given the sentence it stands in (a
    # sentence ends where the text breaks after . ! or ?, or at a blank line).
    ends = [m.start() for m in _SENTENCE_BREAK.finditer(text)]
    by_sentence: dict[int, set[str]] = {}
    for m in _NOUN_AFTER.finditer(text):
        noun = m.group(1).lower()
        if noun not in _REPEAT_FINE and noun not in _STOP_NOUNS:
            by_sentence.setdefault(bisect.bisect_right(ends, m.start()), set()).add(noun)
    previous: set[str] = set()
    for index in range(len(ends) + 1):
        nouns = by_sentence.get(index, set())
        for noun in sorted(nouns & previous):
            out.add("warning", "repeated-noun",
                    f"\"{noun}\" is in two sentences in a row; say it once, or use another word the second time.",
                    person, field)
        previous = nouns


_STOP_NOUNS = {"very", "most", "more", "best", "same", "only", "new", "open", "real", "first", "great", "good"}


def _check_companies(out: _Collector, interview: Interview, person: Interviewer, text: str, field: str,
                     companies: "Companies | None") -> None:
    if companies is None:
        return
    record_text = " ".join([*person.topics, person.personal or "", *interview.reflection.forgot_to_mention,
                            *(e.title for e in interview.extras)])
    for name in companies.named_in(text, interview.company):
        if name in record_text:
            continue  # the candidate wrote it on purpose
        out.add("error", "other-company",
                f"The note names {name}, another company you interviewed with, in a note to {interview.company}. "
                f"Check that the note was not copied from another one.", person, field)


def _names(greeting: str, person: Interviewer) -> bool:
    """True when the greeting names ``person`` (in any script, or transliterated)."""
    return names_person(greeting, person.name, person.salutation)


def _signed(signature: tuple[str, ...], text: str, name: str) -> bool:
    tail = "\n".join(signature) if signature else "\n".join(text.strip().splitlines()[-3:])
    words = {w.lower() for w in _distinct_words(tail)}
    return any(w.lower() in words for w in _distinct_words(name))


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


#: Lower-case words the dictionary knows: fine in any interview, so each is looked at once per process.
_ENGLISH: set[str] = set()


def _check_spelling(out: _Collector, record: _Record, person: Interviewer, text: str, field: str,
                    *, draft: bool) -> None:
    if record.folded is None:
        record.proper_set = set(record.proper.values())
        record.folded = {fold(w): w for w in record.proper_set}
    folded_proper = record.folded
    fine = record.fine
    # Most words of a text were read already (in another note of the interview) or are plain
    # English: a text with nothing new is done with one look at its distinct words.
    if _spelled_words(text).difference(fine) <= _ENGLISH:
        return
    # Each new word is read once. What is wrong with one is reported where it first stands in
    # the text, in the order of the text; a capital's finding depends on where it stands (a
    # sentence's first word or not), so that one is worked out at each place.
    flagged: list[tuple[str, Any]] = []  # a word, and its finding or a function of where it stands
    spelled = dict.fromkeys(word.replace("’", "'") for word in _distinct_words(text))
    for word in spelled:
        if word in fine or word in _ENGLISH:
            continue  # already read in another note or email of this interview, or plain English
        low = word.lower()
        if len(word) < 2 or low in record.known or low.split("'")[0] in record.known or low in TEXT_SPEAK:
            fine.add(word)
            continue  # text-speak has its own finding
        if word[0].isupper() and word not in record.proper_set:
            named = folded_proper.get(fold(word[:-2] if word.endswith("'s") else word))
            if named and named != word:
                # "Zoe" for "Zoë", "Jurgen" for "Jürgen": a dictionary word, but not the name (R11).
                flagged.append((word, ("error", "name-spelling",
                                       f"\"{word}\" is not how the record spells it: \"{named}\". Write names "
                                       f"exactly as verified, with their accents.", field)))
                continue
        bare = low[:-2] if low.endswith(("'s", "s'")) else low[:-1] if low.endswith("'") else low
        parts = [p for p in bare.split("-") if p]
        if parts and word.islower() and len(_ENGLISH) < 50_000 and all(len(p) < 2 or _in_dictionary(p) for p in parts):
            _ENGLISH.add(word)  # a lower-case dictionary word is fine in every interview
            continue
        if all(p in record.known or (len(p) < 2) or _in_dictionary(p) for p in parts) and parts:
            fine.add(word)
            continue
        if _in_dictionary(low):
            fine.add(word)
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
                word, list(record.proper.values()), n=1, cutoff=0.8)), None)
            if close and close != word:
                flagged.append((word, ("error", "name-spelling",
                                       f"\"{word}\" is not how the record spells it: \"{close}\". Write names "
                                       f"exactly as verified.", where)))
                continue
        if not word.isascii() or sum(c.isupper() for c in word) > 1:
            continue  # a foreign word, an acronym or a product name: not for an English dictionary
        flagged.append((word, _misspelling(word, _suggestions(low), text, where)))
    if not flagged:
        return
    places: dict[str, list[int]] = {}
    for m in _words(text):
        places.setdefault(m.group(0).replace("’", "'"), []).append(m.start())
    found = []
    for word, finding in flagged:
        if callable(finding):
            found += [(start, finding(start)) for start in places[word]]
        else:
            found.append((places[word][0], finding))
    for _, (severity, code, message, where) in sorted(found, key=lambda row: row[0]):
        out.add(severity, code, message, person, where)


def _misspelling(word: str, suggestions: tuple[str, ...], text: str, where: str) -> Any:
    """The finding on a word the dictionary does not know: for a word with a capital, a
    function of where it stands (a name mid-sentence is a warning)."""
    error = ("error", "spelling",
             f"\"{word}\" looks misspelled{_did_you_mean(suggestions, word) or '; it is not in the dictionary.'}",
             where)
    if not word[0].isupper():
        return error

    def at(start: int) -> tuple[str, str, str, str]:
        if not _sentence_start(text, start):
            return ("warning", "spelling",
                    f"\"{word}\" is not in the dictionary or the interview record. If it is a name, check its "
                    f"spelling{_did_you_mean(suggestions, word) or '.'}", where)
        if not suggestions:
            return ("warning", "spelling",
                    f"\"{word}\" is not in the dictionary or the interview record. If it is a name, "
                    f"check its spelling.", where)
        return error

    return at


_REPEAT = re.compile(r"\b([^\W\d_]+)(\s+)\1\b", re.I)
_REPEAT_OK = {"that", "had", "is", "do", "bye", "very"}


def _check_repeats(out: _Collector, person: Interviewer, text: str, field: str) -> None:
    masked = _mask(text)
    # A word written twice is a run of letters followed, after spaces, by the same run: look
    # for two such neighbours among the text's runs before the search that knows the spaces.
    lowered = _lowered_runs(masked)
    if not any(map(operator.eq, lowered, lowered[1:])):
        # The search compares letters lowered one by one; lower() of a word writes the same but
        # for "İ" (two characters) and "Σ" (ς at the end of a word): with either, any two
        # neighbours of one length outside ASCII may be the same word.
        if "Σ" not in masked and "İ" not in masked:
            return
        letters = _runs(masked)
        if not any(len(a) == len(b) and not (a + b).isascii() for a, b in zip(letters, letters[1:])):
            return
    for m in _REPEAT.finditer(masked):
        if m.group(1).lower() in _REPEAT_OK:
            continue
        out.add("error", "repeated-word",
                f"\"{m.group(0)}\": the word \"{m.group(1)}\" is written twice. Delete one.", person, field)


# Text-message style and slang (R10), with what to write instead.
TEXT_SPEAK = {
    "thx": "thank you", "thanx": "thank you", "thnx": "thank you", "tnx": "thank you", "ty": "thank you",
    "tysm": "thank you very much", "u": "you", "ur": "your", "r": "are", "pls": "please",
    "ppl": "people", "abt": "about", "rn": "right now",
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
_SPEAK_WORDS = frozenset(word.rstrip("/") for word in TEXT_SPEAK)
_SPEAK_LETTERS = frozenset(word for word in _SPEAK_WORDS if word.isalpha())
_SPEAK_DIGITS = tuple(word for word in _SPEAK_WORDS if not word.isalpha())


def _may_speak(masked: str) -> bool:
    """Whether ``masked`` has a word of text-message style, looked up among its runs of letters
    (read once for several looks), and the few with a digit."""
    if not _SPEAK_LETTERS.isdisjoint(_lowered_runs(masked)):
        return True
    lowered = masked.lower()
    return any(word in lowered for word in _SPEAK_DIGITS)
# No "8" for eyes: "8)" and "83" are far likelier a list item or a number than a smiley.
_EMOTICON = re.compile(r"(?:(?<=\s)|^)(?:[:;=][-'^]?[)(DPpO3/\\|*\]\[]|<3|\^_\^|xD)(?=\s|$|[.,!?])")
_ACRONYMS = {"usa", "uk", "eu", "ceo", "cto", "cfo", "coo", "cio", "vp", "hr", "it", "ai", "ml", "api",
             "sql", "bi", "pdf", "etl", "kpi", "okr", "tps", "saas", "aws", "gcp", "nyc", "ok", "phd",
             "mba", "msc", "bsc", "faq", "ui", "ux", "qa", "cv", "gmbh", "inc", "llc", "ltd", "ag", "ps"}


def _may_smile(text: str) -> bool:
    """Whether ``text`` may hold a smiley: each needs one of : ; = or is <3, ^_^ or xD."""
    return any(mark in text for mark in ":;=") or "<3" in text or "^_^" in text or "xD" in text


_FROM_U2100 = re.compile("[\u2100-\U0010ffff]")


def _is_emoji(char: str) -> bool:
    code = ord(char)
    return (0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or 0x2B00 <= code <= 0x2BFF
            or code in (0xFE0F, 0x200D, 0x2764) or unicodedata.category(char) == "So" and code > 0x2100
            and code not in (0x2116, 0x2122))


def _check_tone(out: _Collector, record: _Record, person: Interviewer, text: str, field: str) -> None:
    masked = _mask(text)
    # Every emoji is above U+2100: a text without such a character has none.
    emoji = [] if _FROM_U2100.search(text) is None else sorted(
        {c for c in set(text) if _is_emoji(c) and c not in "\u200d\ufe0f"})
    faces = _EMOTICON.finditer(masked) if _may_smile(masked) else ()
    for face in sorted(set(m.group(0) for m in faces) | set(emoji)):
        out.add("error", "emoji",
                f"\"{face}\": emoji and smileys do not belong in a thank-you note; remove it.",
                person, field)
    # Most texts hold no slang at all: their words are looked up first, and only a text with a
    # slang word (or "w" of "w/") is searched with the pattern, which knows where one may stand.
    speak = _SPEAK.finditer(masked) if _may_speak(masked) else ()
    for m in speak:
        token = m.group(1)
        # Capitals of one or two letters are a name, a language or a title ("R", "Unit U", "RN",
        # "NP"); slang is written small.
        if len(token) <= 2 and token.isupper():
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
    for word in filter(str.isupper, _distinct_words(text)):
        if len(word) < 3:
            continue
        low = word.lower()
        if (low not in _ACRONYMS and word not in record.proper.values()
                and _in_dictionary(low) and _speller()[low] > 0):
            out.add("warning", "all-caps",
                    f"\"{word}\" in capitals reads as shouting; write \"{low}\".", person, field)


def _body_words(note: Note) -> list[str]:
    parts = split_note(note.text) if note.own else None
    paragraphs = parts.paragraphs if parts else note.paragraphs
    masked = _mask(" ".join(paragraphs))
    return [word.lower() for word in words(masked)]


def likeness(a: Note, b: Note) -> float:
    """How alike two notes are, 0 to 1: difflib's ratio over the words of their bodies."""
    return _likeness(_body_words(a), _body_words(b))


def _likeness(a: list[str], b: list[str], at_least: float = 0.0,
              counts: tuple[Counter[str], Counter[str]] | None = None) -> float:
    """difflib's ratio of two word lists, or 0 when an upper bound of it is already below
    ``at_least`` (the ratio itself costs a quadratic search): the words the two lists share,
    counted with repeats (difflib's ``quick_ratio``, from ``counts`` when given)."""
    if at_least:
        if not a and not b:
            return 1.0
        if 2 * min(len(a), len(b)) / (len(a) + len(b)) < at_least:
            return 0.0
        first, second = counts or (Counter(a), Counter(b))
        if 2 * sum((first & second).values()) / (len(a) + len(b)) < at_least:
            return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _candidates(words: list[list[str]]) -> list[list[int]]:
    """For each note, the earlier notes it could be nearly the same as.

    A panel of a handful is compared pair by pair. A large one would cost n² difflib
    runs, so only notes sharing one of their rarer word runs (4-word shingles that
    few notes use) are compared: notes alike enough to matter share many such runs.
    """
    if len(words) <= 24:
        return [list(range(j)) for j in range(len(words))]
    shingles = [{" ".join(w[k:k + 4]) for k in range(max(1, len(w) - 3))} for w in words]
    users: dict[str, list[int]] = {}
    for j, note_runs in enumerate(shingles):
        for run in note_runs:
            users.setdefault(run, []).append(j)
    limit = max(8, len(words) // 50)  # a run in that many notes is template wording, not a sign
    found: list[list[int]] = []
    for j, note_runs in enumerate(shingles):
        earlier = {i for run in note_runs if len(users[run]) <= limit for i in users[run] if i < j}
        found.append(sorted(earlier))
    return found


def _check_duplicates(out: _Collector, interview: Interview, notes: list[Note]) -> None:
    words = [_body_words(note) for note in notes]
    counts = [Counter(w) for w in words]
    candidates = _candidates(words)
    for j, later in enumerate(notes):
        for i in candidates[j]:
            earlier = notes[i]
            ratio = _likeness(words[i], words[j], DUPLICATE_RATIO, (counts[i], counts[j]))
            if ratio >= DUPLICATE_RATIO:
                i = _index(interview, later.interviewer)
                field = f"interviewers[{i}].note" if later.own else "note"
                same = "the same as" if ratio == 1 else f"nearly the same as ({ratio:.0%} alike)"
                out.add("error", "duplicate-note",
                        f"This note is {same} the one to {earlier.interviewer.name}. Each note must name "
                        f"what you discussed with that person.", later.interviewer, field)
                break


def check_contact(interview: Interview, rounds: Iterable[Interview] = ()) -> list[Finding]:
    """A ``no-contact`` warning when the status follow-up of ``interview``'s application would go
    to nobody: no recruiter by title and nobody marked ``"contact": true`` on this panel or in
    the other ``rounds`` of the application (R17, R19). Never a guess at the first-listed.

    ``rounds``: the rounds of the application (only the latest round is checked)."""
    from .panel import contact_person

    rounds = list(rounds)
    if interview.closed or any((r.start, r.id) > (interview.start, interview.id) for r in rounds):
        return []  # the follow-up is the latest round's
    if contact_person(interview, rounds) is not None:
        return []
    names = ", ".join(p.name for p in interview.interviewers)
    return [Finding("warning", "no-contact",
                    f"Who should get the status follow-up? Nobody on the panel ({names}) has a recruiting title "
                    "and nobody is marked as the contact, so no follow-up email is drafted. Add \"contact\": true "
                    "to the person who runs the process, the one you would ask about the decision.",
                    interview.id or None, None, "interviewers")]


__all__ = ["DUPLICATE_RATIO", "Finding", "check_contact", "likeness", "mentions_topic", "proofread"]
