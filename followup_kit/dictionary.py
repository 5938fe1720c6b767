"""The English dictionary of the proofreading and of reading jottings (pyspellchecker).

Loaded once, on first use, so that ``import followup_kit`` stays light and later
look-ups are fast; every answer is cached per word.
"""

from __future__ import annotations

import difflib
import string
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Collection, Iterator

if TYPE_CHECKING:
    from spellchecker import SpellChecker


def _stored() -> bytes | None:
    """pyspellchecker's English dictionary as installed: gzipped JSON of each word and its count."""
    import pkgutil

    try:
        return pkgutil.get_data("spellchecker", "resources/en.json.gz")
    except OSError:
        return None


def _parsed(data: bytes) -> dict[str, int] | None:
    """The words and counts of the stored dictionary; None when not stored in lower case
    (then pyspellchecker reads them its own way)."""
    import gzip
    import json

    # pyspellchecker lower-cases every one of its 160,000 English words while loading them,
    # which costs as much as reading them. They are lower-case already, so they are read as
    # they are; should a later version of the file hold a capital, pyspellchecker loads it.
    try:
        words = json.loads(gzip.decompress(data).decode("utf-8"))
    except (OSError, ValueError, EOFError):
        return None
    if not isinstance(words, dict):
        return None
    joined = "".join(words)
    return words if words and joined == joined.lower() else None


class SortedWords(Collection[str]):
    """Words kept as one text, one a line in sorted order, asked by binary search: reading
    them is reading one string, where a set of 160,000 words takes 17 MB and a third of a
    second of CPU to build. A word not yet asked costs some twenty comparisons."""

    def __init__(self, text: str) -> None:
        self._text = text  # every line ends with "\n", in ascending order, none repeated

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or "\n" in word:
            return False
        text = self._text
        low, high = 0, len(text)  # both at the start of a line (or the end)
        while low < high:
            start = text.rfind("\n", low, (low + high) // 2) + 1 or low
            end = text.index("\n", start)
            line = text[start:end]
            if line == word:
                return True
            if line < word:
                low = end + 1
            else:
                high = start
        return False

    def __iter__(self) -> Iterator[str]:
        return iter(self._text.split("\n")[:-1])

    def __len__(self) -> int:
        return self._text.count("\n")


@lru_cache(maxsize=1)
def _english() -> Collection[str] | None:
    """pyspellchecker's English words, or None (see :func:`_parsed`).

    Parsing the JSON takes a third of a second of CPU, so the words are kept, sorted, in the
    kit's cache folder (:mod:`followup_kit.cache`) under the installed file's digest (another
    version of pyspellchecker is another list) and read from there as :class:`SortedWords`.
    """
    import hashlib

    from . import cache

    data = _stored()
    if not data:
        return None
    name = f"english-words-{hashlib.sha256(data).hexdigest()[:16]}.txt"
    kept = cache.read(name)
    if kept is not None:
        head, _, body = kept.partition(b"\n")
        if head == _header(body):  # whole and as written, else read again below
            return SortedWords(body.decode("utf-8"))
    parsed = _parsed(data)
    if parsed is not None and not any("\n" in word for word in parsed):
        body = "".join(f"{word}\n" for word in sorted(parsed)).encode("utf-8")
        cache.write(name, _header(body) + b"\n" + body, replaces="english-words-*.txt")
    return parsed


def _header(body: bytes) -> bytes:
    """The first line of the kept list: what it is, and the digest of the rest."""
    import hashlib

    return b"followup-kit: the English dictionary's words, sorted, one a line; sha256 " + \
        hashlib.sha256(body).hexdigest().encode()


@lru_cache(maxsize=1)
def _speller() -> "SpellChecker":
    """The spelling checker, for suggestions and frequencies: built only when one is asked for
    (whether a word is known needs the words alone, see :func:`_listed`)."""
    from spellchecker import SpellChecker  # imported here: loading it takes a moment

    data = _stored()
    words = _parsed(data) if data else None
    if words is None:
        return SpellChecker(language="en")
    # A case-sensitive checker finds and counts the lower-case words as the default one does.
    speller = SpellChecker(language=None, case_sensitive=True)
    speller.word_frequency.load_json(words)
    _english.cache_clear()  # the checker holds the words now
    return speller


def _listed(word: str) -> bool:
    """What ``SpellChecker.known([word])`` says, without building the checker while it is not
    built: a word of the dictionary, unless a lone punctuation mark or a number."""
    words = None if _speller.cache_info().currsize else _english()
    if words is None:
        return bool(_speller().known([word]))
    return _known_in(words, word)


def _known_in(words: Collection[str], word: str) -> bool:
    if word not in words or (len(word) == 1 and word in string.punctuation):
        return False
    if word.lower() in ("nan", "inf", "infinity"):
        return True
    try:
        float(word)
    except ValueError:
        return True
    return False


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
    if word in _kit_words() or _listed(word):
        return True
    for british, american in _BRITISH:
        if british in word and _listed(word.replace(british, american)):
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
