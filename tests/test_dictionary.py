"""The English dictionary is read faster than pyspellchecker reads it, and is the same dictionary."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spellchecker import SpellChecker

from followup_kit.dictionary import _speller


def test_the_dictionary_read_directly_is_pyspellcheckers_own() -> None:
    ours, theirs = _speller().word_frequency, SpellChecker(language="en").word_frequency
    assert dict(ours.dictionary) == dict(theirs.dictionary)
    assert (ours.total_words, ours.unique_words, ours.letters) == (theirs.total_words, theirs.unique_words,
                                                                   theirs.letters)


def test_suggestions_and_frequencies_are_unchanged() -> None:
    ours, theirs = _speller(), SpellChecker(language="en")
    for word in ("evry", "recieve", "tommorow", "enginer", "the", "roadmap"):
        assert ours.candidates(word) == theirs.candidates(word)
        assert ours[word] == theirs[word]
        assert ours.known([word]) == theirs.known([word])


def test_a_word_is_known_as_pyspellchecker_knows_it() -> None:
    """Whether a word is in the dictionary is answered from its words alone, as pyspellchecker's
    own ``known`` answers it (numbers and lone punctuation marks are not words)."""
    import random

    from followup_kit.dictionary import _english, _known_in

    theirs = SpellChecker(language="en")
    words = _english()
    assert words is not None  # the stored words are lower-case: read directly
    sample = random.Random(7).sample(sorted(theirs.word_frequency.dictionary), 3000)
    odd = [w for w in theirs.word_frequency.dictionary if not w.isalpha()][:500]
    for word in [*sample, *odd, "evry", "roadmap", "nan", "inf", "10", "1.5", ".", "-", "a", "", "zzzz"]:
        assert _known_in(words, word) == bool(theirs.known([word])), word


def test_knowing_words_does_not_build_the_spelling_checker() -> None:
    """Reading jottings asks only whether words are known: the checker that suggests spellings
    (its tables take a moment to build) is built when a suggestion is first wanted."""
    import subprocess
    import sys

    code = ("from followup_kit.dictionary import _speller, known, frequency\n"
            "assert known('roadmap') and known('colour') and not known('evry')\n"
            "print(_speller.cache_info().currsize)\n"
            "assert frequency('the') > 0 and known('colour') and not known('evry')\n"
            "print(_speller.cache_info().currsize)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "1"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=6), max_size=40, unique=True), st.lists(st.text(max_size=6), max_size=20))
def test_sorted_words_know_what_a_set_of_them_knows(words: list[str], others: list[str]) -> None:
    """The binary search over the kept list answers as a set of the same words would."""
    from followup_kit.dictionary import SortedWords

    words = [w for w in words if "\n" not in w]
    kept = SortedWords("".join(f"{w}\n" for w in sorted(words)))
    assert sorted(kept) == sorted(words) and len(kept) == len(words)
    for word in [*words, *others, "", "\n", "a\nb"]:
        assert (word in kept) == (word in set(words)), word
