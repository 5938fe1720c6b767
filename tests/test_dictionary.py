"""The English dictionary is read faster than pyspellchecker reads it, and is the same dictionary."""

from __future__ import annotations

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
