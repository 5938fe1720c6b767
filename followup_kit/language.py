"""Which language a jotting is written in, so that a note stays in one language (R23).

People who interview in English often jot in their own language ("die Migration nach
dbt"); pasted into an English note, such a phrase reads as a slip. The detector is
**lingua** (``lingua-language-detector``), chosen over the alternatives because:

* it is the most accurate of the offline detectors on *short* text, which is all a
  jotting is (two to eight words): langdetect and py3langid (langid.py's models)
  are trained for sentences and, in our table of jottings, call "pipeline latency"
  Dutch and "Postgres partitioning" French; lingua's confidence values let the kit
  stay quiet unless another language clearly wins;
* it is well kept (regular releases, typed, compiled Rust core), works offline with
  its models inside the wheel, needs no model download (fastText needs a model file
  the kit could not ship), and can be limited to the languages that matter here.

Its cost is size (a large wheel) and, in its accurate mode, a second and a half and
nearly 300 MB to load the models of the languages below, so the kit pays it only when
needed: the module is imported on first use, never by ``import followup_kit``; it is
asked only about phrases that hold a word the English dictionary and the record do
not know ("compressor station maintenance" is English whatever a detector says); and
such a phrase goes first to lingua's low-accuracy mode (trigrams only: a tenth of a
second and 50 MB to load). Ordinary English jottings ("the team's roadmap",
"idempotency keys for the payouts") score 0.8 or more for English there, and phrases
in another language 0.25 or less, so only a phrase below :data:`QUICK_ENGLISH` is read
again by the accurate detector, whose verdict stands. Each detector is built once per
process and results are cached per phrase.

Words in another script (Cyrillic, Greek, Arabic, CJK…) need no model: their script
says it, and a name from the record in its own script is never counted.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterable

if TYPE_CHECKING:
    from lingua import LanguageDetector

#: The Latin-script languages the detector tells apart from English: the languages the
#: kit's users most often jot in. Fewer languages load faster and confuse less.
LANGUAGES = ("ENGLISH", "GERMAN", "FRENCH", "SPANISH", "ITALIAN", "PORTUGUESE", "DUTCH", "POLISH", "SWEDISH")

#: Another language is named only when it wins with at least this confidence and English
#: has at most ENGLISH_AT_MOST: short English phrases often score 0.3–0.6 for English,
#: and a name or an acronym can tip a two-word phrase towards any language.
OTHER_AT_LEAST = 0.35
ENGLISH_AT_MOST = 0.25

#: A phrase the low-accuracy detector gives at least this much English is English; below
#: it, the accurate detector decides.
QUICK_ENGLISH = 0.5

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@lru_cache(maxsize=2)
def detector(*, quick: bool = False) -> "LanguageDetector":
    """The language detector, built once per process: the accurate one (loading its models
    takes a second and a half), or with ``quick`` the low-accuracy one that screens phrases."""
    from lingua import Language, LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in LANGUAGES))
    return (builder.with_low_accuracy_mode() if quick else builder).build()


def _english(values: Iterable[Any]) -> float:
    return next((v.value for v in values if v.language.name == "ENGLISH"), 0.0)


def script_of(word: str) -> str:
    """The script of a word's letters in plain words: 'Latin', 'Greek', 'Cyrillic', 'Arabic', …"""
    if word.isascii():
        return "Latin"
    for char in word:
        if char.isalpha():
            name = unicodedata.name(char, "")
            if name.startswith(("CJK", "HIRAGANA", "KATAKANA")):
                return "Chinese or Japanese"
            if name.startswith("HANGUL"):
                return "Korean"
            first = name.split(" ")[0]
            return first.capitalize() if first else "unknown"
    return "Latin"


@lru_cache(maxsize=8192)
def _detected(text: str) -> str:
    if _english(detector(quick=True).compute_language_confidence_values(text)) >= QUICK_ENGLISH:
        return ""
    values = detector().compute_language_confidence_values(text)
    if not values:
        return ""
    top = values[0]
    english = _english(values)
    if top.language.name != "ENGLISH" and top.value >= OTHER_AT_LEAST and english <= ENGLISH_AT_MOST:
        return top.language.name.capitalize()
    return ""


def other_language(text: str, *, known: Callable[[str], bool], names: Iterable[str] = ()) -> str:
    """The language ``text`` is written in when it is not English ('German'), else ''.

    ``known(word)`` says whether the English dictionary (or the record) knows a
    lower-case word; ``names`` are the record's names, never counted as another
    language whatever their script. Only a phrase with a word ``known`` rejects goes
    to the detector.
    """
    names = {n.lower() for n in names}
    unknown = False
    kept = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        low = word.lower()
        if low in names or len(word) < 2:
            continue
        script = script_of(word)
        if script != "Latin":
            return f"{script} script"
        if word.isupper():
            continue  # an acronym
        kept.append(word)
        # Only a lower-case word counts: a capitalised one the dictionary lacks is likely a
        # name or a product ("Kubernetes at scale"), and a German noun rarely comes alone.
        if word[:1].islower() and not known(low):
            unknown = True
    # Names and acronyms are left out of what the detector reads: "Wrocław" is not Polish prose.
    return _detected(" ".join(kept)) if unknown and len(kept) >= 2 else ""


__all__ = ["LANGUAGES", "QUICK_ENGLISH", "detector", "other_language", "script_of"]
