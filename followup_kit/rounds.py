"""Notes across the rounds of one application: a person met again (domain rule R19).

Every round gets its own thank-you notes (R5), and someone met in an earlier round
gets a note that does not repeat what the earlier note said to them. Two things here:

* :func:`round_notes` composes a round's notes; a composed note to someone met
  before that would repeat a sentence of the earlier note is drawn again with other
  phrasings (the candidate's own wording is never changed);
* :func:`repeated_notes` is the proofreading across rounds: a note (composed or the
  candidate's own) that repeats the earlier one is reported with the code
  ``repeats-earlier-note`` and the sentence it repeats.

People are matched across rounds by email address, else by name (case, accents and
punctuation ignored). The proofreading module is imported inside the functions, so
``import followup_kit`` stays light.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from .applications import application_of, same_person
from .model import Interview, Interviewer, Profile
from .templating import day_month

if TYPE_CHECKING:
    from .compose import Note
    from .proofread import Finding

#: A sentence counts as repeated when it has at least this many words and reads the same
#: (case and punctuation ignored) in the earlier note: short stock lines ("Kind regards")
#: may recur.
REPEATED_SENTENCE_WORDS = 6
#: Two notes to one person whose bodies are at least this alike (difflib's ratio over their
#: words) say the same thing again, even without a sentence repeated word for word.
REPEAT_RATIO = 0.6
#: How many other phrasings :func:`round_notes` tries for a person met again.
VARIANTS = 6


def met_before(interview: Interview, rounds: Sequence[Interview]) -> dict[int, tuple[Interview, int]]:
    """For each interviewer of ``interview`` met in an earlier round of its application: their
    index → (the latest earlier round where they were met, their index in it)."""
    application = application_of(interview, rounds)
    earlier = [r for r in application.rounds if (r.start, r.id) < (interview.start, interview.id)]
    found: dict[int, tuple[Interview, int]] = {}
    for index, person in enumerate(interview.interviewers):
        for previous in reversed(earlier):
            match = next((j for j, other in enumerate(previous.interviewers) if same_person(person, other)), None)
            if match is not None:
                found[index] = (previous, match)
                break
    return found


def _sentences(note: "Note") -> list[str]:
    from .compose import split_note

    paragraphs = split_note(note.text).paragraphs if note.own else note.paragraphs
    text = " ".join(paragraphs)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def _plain(sentence: str) -> str:
    return " ".join(re.findall(r"\w+", sentence.casefold()))


def repeated(note: "Note", earlier: "Note") -> list[str]:
    """The sentences of ``note`` that ``earlier`` already said (long enough to matter), in order."""
    said = {_plain(s) for s in _sentences(earlier)}
    return [s for s in _sentences(note)
            if len(_plain(s).split()) >= REPEATED_SENTENCE_WORDS and _plain(s) in said]


def _likeness(a: "Note", b: "Note") -> float:
    words = lambda note: _plain(" ".join(_sentences(note))).split()  # noqa: E731
    return difflib.SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


def repeats(note: "Note", earlier: "Note") -> bool:
    """True when ``note`` repeats ``earlier``: a sentence word for word, or most of it."""
    return bool(repeated(note, earlier)) or _likeness(note, earlier) >= REPEAT_RATIO


NotesOf = Callable[[Interview], list["Note"]]


def round_notes(profile: Profile, interview: Interview, rounds: Sequence[Interview], *,
                templates: Path | str | None = None, kind: str | None = None) -> list["Note"]:
    """One note per interviewer of ``interview`` (see :func:`~followup_kit.compose.compose_notes`),
    where a composed note to someone met in an earlier round does not repeat the earlier note
    when another phrasing avoids it (R19).

    ``rounds`` are the workspace's interviews (those of other applications are ignored).
    """
    from .compose import compose_notes

    notes = compose_notes(profile, interview, templates=templates, kind=kind)
    again = met_before(interview, rounds)
    if not again:
        return notes
    cache: dict[str, list["Note"]] = {}

    def earlier_notes(previous: Interview) -> list["Note"]:
        if previous.id not in cache:
            cache[previous.id] = round_notes(profile, previous, rounds, templates=templates)
        return cache[previous.id]

    variants: list[list["Note"]] = []
    for index, (previous, match) in again.items():
        if notes[index].own:
            continue
        earlier = earlier_notes(previous)[match]

        def score(note: "Note") -> tuple[int, float]:
            return len(repeated(note, earlier)), _likeness(note, earlier)

        if not repeats(notes[index], earlier):
            continue
        for n in range(1, VARIANTS + 1):
            if len(variants) < n:
                variants.append(compose_notes(profile, interview, templates=templates, kind=kind, variant=n))
            if score(variants[n - 1][index]) < score(notes[index]):
                notes[index] = variants[n - 1][index]
            if not repeats(notes[index], earlier):
                break
    return notes


def repeated_notes(interview: Interview, notes: list["Note"], rounds: Sequence[Interview],
                   notes_of: NotesOf) -> list["Finding"]:
    """Findings ``repeats-earlier-note`` for the notes of ``interview`` that repeat the note to the
    same person in an earlier round of the application (R19).

    ``notes_of`` composes the notes of an earlier round (a session's ``notes``).
    """
    from .proofread import Finding

    findings = []
    again = met_before(interview, rounds)
    for index, (previous, match) in sorted(again.items()):
        note = next((n for n in notes if n.interviewer == interview.interviewers[index]), None)
        earlier = notes_of(previous)
        if note is None or match >= len(earlier) or not repeats(note, earlier[match]):
            continue
        person: Interviewer = interview.interviewers[index]
        same = repeated(note, earlier[match])
        quoted = f": \"{same[0]}\"" if same else ""
        field = f"interviewers[{index}].note" if note.own else "note"
        findings.append(Finding(
            "warning", "repeats-earlier-note",
            f"You met {person.name} in an earlier round ({day_month(previous.start)}), and this note repeats what "
            f"the note after that round said{quoted}. Someone met again should hear something new: what you "
            f"discussed this time, or how the earlier conversation moved on; record this round's topics.",
            interview.id or None, person.name, field))
    return findings


__all__ = ["REPEAT_RATIO", "met_before", "repeated", "repeated_notes", "repeats", "round_notes"]
