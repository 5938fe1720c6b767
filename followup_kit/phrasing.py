"""English in the notes: turning what the candidate jotted down into parts of sentences.

The templates hold the wording; these heuristics make the record's own text fit
inside it. A topic's first word is lowered mid-sentence only when it is plainly
not a name ('Relocation timeline' -> 'relocation timeline'); a note about an
interviewer ('She recommended a bakery') is turned to address them ('you
recommended a bakery'); a fragment ('open to relocating') becomes a clause
('I am open to relocating'); a concern is told apart as a question, a 'whether'
or a gap in experience, so the template can answer it fittingly. Words are
matched by crude stems to see which topic a point belongs to.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .model import Interview, Profile


def count_words(text: str) -> int:
    """Words as a hand counts them when copying a note onto a card."""
    return len(text.split())


# -- the words of a text ------------------------------------------------------------------
# An ASCII text splits into its words in C, quicker than a search finds them one by one:
# str.translate turns each character that cannot be part of a word into a space (one pass,
# through a table of the 128 ASCII characters), and split() cuts at the spaces. Only a piece
# with an apostrophe or a hyphen in it is searched, since those join letters only between them.

#: A word of English letters, joined by apostrophes and hyphens ("team's", "on-call").
ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*(?:-[A-Za-z]+(?:'[A-Za-z]+)*)*")
_ASCII_CONTENT_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_LETTERS_ONLY = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalpha()})
_WORD_CHARACTERS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalpha() and chr(c) not in "'-"})
_CONTENT_CHARACTERS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalpha() and chr(c) != "'"})


def letter_runs(text: str) -> list[str]:
    """The runs of letters of an ASCII ``text`` (what ``[A-Za-z]+`` finds)."""
    return text.translate(_LETTERS_ONLY).split()


def ascii_words(text: str) -> list[str]:
    """The words of an ASCII ``text``, as :data:`ASCII_WORD` finds them."""
    return _ascii_split(text, _WORD_CHARACTERS, ASCII_WORD, "'-")


def _ascii_split(text: str, table: dict[int, str], word: re.Pattern[str], joiners: str) -> list[str]:
    """What ``word`` finds in an ASCII ``text``: the text cut where ``table`` puts a space, and
    only the pieces with one of the ``joiners`` searched."""
    chunks = text.translate(table).split()
    if not any(joiner in text for joiner in joiners):
        return chunks
    return [found for chunk in chunks for found in ((chunk,) if chunk.isalpha() else word.findall(chunk))]


# A text in any script: its words, and its runs of letters, are read a piece at a time, a piece
# being what stands between spaces without the marks around it ("(Hà," -> "Hà"). A piece of
# letters alone is one word (every letter is one a word is made of), as most are; the patterns
# look into the others only ("team’s", "2026", "x²").

#: A word of letters of any script, joined by apostrophes and hyphens ("Thu’s", "Jean-Luc").
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*")
LETTERS = re.compile(r"[^\W\d_]+")
_AROUND = ".,;:!?()[]{}\"“”„«»"  # marks that are never part of a word


def words(text: str) -> list[str]:
    """The words of ``text``, as :data:`WORD` finds them."""
    return ascii_words(text) if text.isascii() else _split(text, WORD)


def runs(text: str) -> list[str]:
    """The runs of letters of ``text``, as :data:`LETTERS` finds them."""
    return letter_runs(text) if text.isascii() else _split(text, LETTERS)


def _split(text: str, word: re.Pattern[str]) -> list[str]:
    found: list[str] = []
    for piece in text.split():
        core = piece.strip(_AROUND)
        if core.isalpha():
            found.append(core)
        elif core:
            found += word.findall(core)
    return found


_STOP = set("""a an and the of to in on at for with about from by as or but is are was were be been
it its this that these those my our your their his her we you they i me us how what when where
which who why whether if into over under than then so not no very also just more most some any
each both all can could would should will may might do does did have has had""".split())
# Words too common in notes to show that a topic was mentioned ("team", "role").
_GENERIC = set("""team teams role roles company work working job position interview people person
thing things time times day days week weeks year years data way ways part lot""".split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem, enough to see 'mentored' and 'mentoring' as one word."""
    word = word.lower()
    for suffix in ("ings", "ing", "ers", "ed", "es", "er", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_stems(text: str, *, ignore: set[str] | frozenset[str] = frozenset()) -> frozenset[str]:
    """The stems of the words that carry meaning in ``text`` (for matching topics)."""
    return _content_stems(text, frozenset(ignore))


_CONTENT_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@lru_cache(maxsize=4096)  # a note's text is matched against each of its topics
def _content_stems(text: str, ignore: frozenset[str]) -> frozenset[str]:
    lowered = text.lower()
    found = (_ascii_split(lowered, _CONTENT_CHARACTERS, _ASCII_CONTENT_WORD, "'") if lowered.isascii()
             else _split(lowered, _CONTENT_WORD))
    words = set(found) - _STOP - _GENERIC  # each distinct word once
    return frozenset(stem(w) for w in words if len(w) >= 3) - ignore


def proper_words(profile: Profile, interview: Interview) -> set[str]:
    """Words the record writes with a capital in mid-sentence: names, places, products."""
    # Records are frozen, so the words of one (profile, interview) pair are worked out once:
    # composing the notes, each email and the proofreading all ask for them.
    key = (id(profile), id(interview))
    kept = _PROPER.get(key)
    if kept is not None and kept[0] is profile and kept[1] is interview:
        return set(kept[2])
    found = _proper_words(profile, interview)
    if len(_PROPER) >= 64:
        _PROPER.pop(next(iter(_PROPER)))
    _PROPER[key] = (profile, interview, frozenset(found))
    return found


#: The latest proper_words answers, by the identity of the records asked about (kept alive here).
_PROPER: dict[tuple[int, int], tuple[Profile, Interview, frozenset[str]]] = {}


def _proper_words(profile: Profile, interview: Interview) -> set[str]:
    texts = [interview.company, interview.role, profile.name]
    for person in interview.interviewers:
        texts += [person.name, person.title or "", person.personal or "", *person.topics]
    r = interview.reflection
    texts += [*r.forgot_to_mention, *r.concerns_raised, *r.went_well, *r.stood_out,
              *(e.title for e in interview.extras)]
    # A record's own names are capitalised at their start too; other texts only mid-sentence.
    named = {interview.company, interview.role, profile.name, *(p.name for p in interview.interviewers)}
    proper: set[str] = set()
    for text in texts:
        for i, word in enumerate(re.findall(r"[^\W\d_][\w'’-]*", text)):
            if word[0].isupper() and (i > 0 or text in named):
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


def inline(text: str, proper: set[str]) -> str:
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


#: The words :func:`second_person` turns, each standing alone ("he's" included).
_THIRD_PERSON = re.compile(r"\b(?:he|she|him|his|her|himself|herself)\b", re.I)


def second_person(text: str) -> str:
    """The candidate's note about someone, turned to address them.

    ``personal`` is written about the interviewer ("She recommended a bakery near
    the office."); the note speaks to them ("you recommended a bakery near the
    office"). Only 'he' and 'she' are turned: 'they' may mean several people.
    """
    if _THIRD_PERSON.search(text) is None:
        return text  # most jottings say nothing of "him" or "her"
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


def as_clause(text: str) -> str:
    """A fragment the candidate jotted down, as a sentence: 'open to the Milwaukee office'
    -> 'I am open to the Milwaukee office'; 'completed the course' -> 'I completed the course'."""
    first = text.split(" ", 1)[0]
    if first in _STATES:
        return "I am " + text
    if first in _PAST or (first.islower() and first.endswith("ed") and len(first) > 4):
        return "I " + text
    return text


def is_clause(text: str) -> bool:
    """True when ``text`` is a sentence with a subject ('I organise…'), not a fragment."""
    first = text.split(" ", 1)[0].lower().replace("’", "'")
    return first in {"i", "i'm", "i've", "i'd", "i'll", "my", "we", "we're", "we've", "our", "you",
                     "you're", "your", "both", "he", "she", "they"}


def concern_kind(text: str) -> str:
    """What kind of concern ``text`` names: 'whether', a 'question', a 'gap' in experience, or 'other'."""
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


def own_gap(text: str) -> str:
    """A gap as the candidate names it: 'little hands-on experience with X' -> 'my
    limited hands-on experience with X', so that 'the point you raised about …' reads."""
    for start, mine in _GAP_STARTS:
        if text.lower().startswith(start):
            return mine + text[len(start):]
    return text


_LEGAL_FORMS = {"gmbh", "ag", "inc", "llc", "ltd", "plc", "corp", "co", "bv", "srl", "sa", "sas",
                "kg", "ohg", "ug", "limited", "s.a.", "s.r.l.", "pty", "oy", "ab", "as", "nv"}


def company_in_prose(company: str) -> str:
    """The company as a sentence names it, without its legal form ('Nordwind Energie GmbH'
    -> 'Nordwind Energie'); the card's address keeps the full name."""
    words = company.split()
    while len(words) > 1 and words[-1].lower().strip(".,") in _LEGAL_FORMS | {"s.a", "s.r.l"}:
        words.pop()
    return " ".join(words).rstrip(",")
