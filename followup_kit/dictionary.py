"""The English dictionary of the proofreading and of reading jottings (pyspellchecker).

Loaded once, on first use, so that ``import followup_kit`` stays light and later
look-ups are fast; every answer is cached per word.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spellchecker import SpellChecker


@lru_cache(maxsize=1)
def _speller() -> "SpellChecker":
    import gzip
    import json
    import pkgutil

    from spellchecker import SpellChecker  # imported here: loading it takes a moment

    # pyspellchecker lower-cases every one of its 160,000 English words while loading them,
    # which costs as much as reading them. They are lower-case already, so they are read as
    # they are (into a case-sensitive checker, which then finds and counts them the same way);
    # should a later version of the file hold a capital, pyspellchecker loads it its own way.
    try:
        data = pkgutil.get_data("spellchecker", "resources/en.json.gz")
        words = json.loads(gzip.decompress(data).decode("utf-8")) if data else {}
    except (OSError, ValueError):
        words = {}
    joined = "".join(words)
    if not words or joined != joined.lower():
        return SpellChecker(language="en")
    speller = SpellChecker(language=None, case_sensitive=True)
    speller.word_frequency.load_json(words)
    return speller


@lru_cache(maxsize=1)
def _kit_words() -> frozenset[str]:
    path = Path(__file__).with_name("known-words.txt")
    lines = path.read_text("utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


# British spellings the (American) dictionary lacks are accepted when the American
# form is known: organise, colour, centre, programme, analyse, optimisation.
_BRITISH = (("isation", "ization"), ("ise", "ize"), ("isi", "izi"), ("yse", "yze"), ("ysi", "yzi"),
            ("our", "or"), ("tre", "ter"), ("mme", "m"), ("ogue", "og"), ("ence", "ense"),
            ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("ae", "e"), ("oe", "e"))


@lru_cache(maxsize=8192)
def _in_dictionary(word: str) -> bool:
    speller = _speller()
    if word in _kit_words() or speller.known([word]):
        return True
    for british, american in _BRITISH:
        if british in word and speller.known([word.replace(british, american)]):
            return True
    return False


@lru_cache(maxsize=1024)
def _suggestions(word: str) -> tuple[str, ...]:
    speller = _speller()
    candidates = speller.candidates(word) or set()
    # Closest in letters first ("evry" -> "every" before "very"), then the commoner word.
    ranked = sorted((c for c in candidates if c != word),
                    key=lambda c: (-round(difflib.SequenceMatcher(None, word, c).ratio(), 2), -speller[c], c))
    return tuple(ranked[:3])


def known(word: str) -> bool:
    """True when the English dictionary (or the kit's own word list) knows the lower-case ``word``."""
    return _in_dictionary(word)


def frequency(word: str) -> int:
    """How common the lower-case ``word`` is in the dictionary's corpus (0: unknown)."""
    return _speller()[word]
