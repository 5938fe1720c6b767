"""The cheap looks that spare proofreading its exact searches never miss what those searches find.

Each check of a note first reads the text's words cheaply and runs its exact pattern only when
that look finds a candidate; these properties say the look is a superset of the pattern.
"""

from __future__ import annotations

import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

import followup_kit.proofread  # noqa: F401  (the module, not the function of the same name)

P = sys.modules["followup_kit.proofread"]

WORDS = ["I", "i", "he", "She", "IT", "we", "They", "you", "YOU", "has", "Has", "is", "does", "was", "not", "wasn't",
         "doesn't", "hasn't", "have", "are", "were", "do", "don't", "haven't", "aren't", "isn't", "the", "The",
         "these", "our", "teams", "works", "analysts", "say", "glass", "team's", "teamſ", "KS", "thx", "u", "w/",
         "gr8", "lol", "Zoë", "zoë", "ZOË", "well-known", "known", "that", "é", "x", "plſ", "LOL", "tysm", "ıdk",
         "ΟΔΟΣ", "οδοσ", "οδος", "İstanbul", "istanbul", "ſo", "so", "ǅ", "ǆ", "Straße", "STRASSE", "ẞ", "ß"]
GLUE = [" ", "  ", ", ", ". ", "-", "'", "’", "\n", "\n\n", "é", "_", "2", "/", "@", "!"]

GRAMMAR = ["I", "i", "he", "She", "IT", "we", "They", "you", "has", "Has", "is", "does", "was", "not", "wasn't",
           "doesn't", "hasn't", "have", "are", "were", "do", "don't", "haven't", "aren't", "isn't", "the", "The",
           "these", "all", "many", "its", "teams", "works", "analysts", "glass", "team's", "teamſ", "KS",
           # Letters a search that ignores case takes for English ones: "ſhe", "İt", "ıt", "hıs".
           "ſhe", "İt", "ıt", "hıs", "Iſ", "wé", "Thé"]


def _joined(words: list[str], glue: list[str]) -> st.SearchStrategy[str]:
    # Mostly single spaces, as the patterns need, sometimes anything else.
    joints = st.one_of(st.just(" "), st.just(" "), st.sampled_from(glue))
    return st.lists(st.tuples(st.sampled_from(words), joints), min_size=1, max_size=8).map(
        lambda parts: "".join(word + joint for word, joint in parts))


texts = _joined(WORDS, GLUE) | st.text(max_size=60)
grammar_texts = _joined(GRAMMAR, GLUE) | texts


@settings(max_examples=1500, deadline=None)
@given(grammar_texts)
def test_the_look_for_agreement_slips_misses_none(text: str) -> None:
    slip, plural = P._grammar_candidates(text)
    if any(pattern.search(text) for pattern in (P._I_WRONG, P._SINGULAR_WRONG, P._PLURAL_WRONG)):
        assert slip
    if P._DETERMINED_PLURAL.search(text):
        assert plural


class _Found:
    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, severity: str, code: str, message: str, person: object, field: object) -> None:
        self.messages.append(message)


@settings(max_examples=1500, deadline=None)
@given(texts)
@example("ΟΔΟΣ οδοσ")  # lower() writes the first "ς", the search compares letter by letter
def test_the_look_for_a_word_written_twice_misses_none(text: str) -> None:
    found = _Found()
    P._check_repeats(found, None, text, "note")
    expected = [m.group(1) for m in P._REPEAT.finditer(P._mask(text)) if m.group(1).lower() not in P._REPEAT_OK]
    assert len(found.messages) == len(expected)


@settings(max_examples=3000, deadline=None)
@given(texts | st.text(max_size=80) | st.text(st.characters(codec="utf-8"), max_size=40))
@example("(Hà, Nguyễn’s team-based “x²” 2026 ½ İstanbul) _é_ Thu’ ‘a")
def test_a_text_read_a_piece_at_a_time_gives_the_words_the_patterns_find(text: str) -> None:
    """Words and runs of letters, read between spaces and without the marks around them, are
    exactly what the patterns find in the whole text, in any script."""
    from followup_kit import phrasing

    assert phrasing.words(text) == phrasing.WORD.findall(text)
    assert phrasing.runs(text) == phrasing.LETTERS.findall(text)
    words = set(phrasing._CONTENT_WORD.findall(text.lower())) - phrasing._STOP - phrasing._GENERIC
    assert phrasing._content_stems.__wrapped__(text, frozenset()) == frozenset(
        phrasing.stem(w) for w in words if len(w) >= 3)


NOUNS = ["the", "The", "THE", "a", "an", "our", "my", "this", "its", "his", "her", "call", "Call", "team", "role",
         "first", "team-based", "call-back", "fırst", "ſtack", "stack", "İt", "on-call", "x", "é", "café", "team's"]


@settings(max_examples=3000, deadline=None)
@given(_joined(NOUNS, [" ", ". ", ".  ", "! ", "? ", "\n\n", "-", ", ", "'", "é"]) | texts)
@example("We met the team-based way. The team-based way works.")
@example("the fırst. the fırst ")
def test_the_look_for_a_noun_in_two_sentences_misses_none(text: str) -> None:
    """A text the quick look passes over has no noun repeated in two sentences in a row."""
    found = _Found()
    P._check_repeated_nouns(found, None, text, "note")
    if not P._may_repeat_a_noun(text):
        plain = _Found()
        original = P._may_repeat_a_noun
        try:
            P._may_repeat_a_noun = lambda text: True
            P._check_repeated_nouns(plain, None, text, "note")
        finally:
            P._may_repeat_a_noun = original
        assert plain.messages == found.messages == []


@settings(max_examples=1500, deadline=None)
@given(texts)
def test_the_look_for_text_speak_misses_none(text: str) -> None:
    masked = P._mask(text)
    if P._SPEAK.search(masked):
        assert P._may_speak(masked)
    ascii_text = masked.encode("ascii", "replace").decode("ascii")
    if P._SPEAK.search(ascii_text):
        assert P._may_speak(ascii_text)


@settings(max_examples=1500, deadline=None)
@given(st.text("abcdehlnorsuy", max_size=12), st.text("abcdehlnorsuy", max_size=12),
       st.sampled_from([0.5, 0.7, 0.8, 0.9, 1.0]))
def test_the_length_bound_of_a_likeness_never_decides_wrongly(a: str, b: str, least: float) -> None:
    """An email address's part is compared with a name's spellings (difflib) only when their
    lengths leave the likeness a chance: the answer is the comparison's."""
    from followup_kit.names import _ratio, _ratio_at_least

    assert _ratio_at_least(a, b, least) == (_ratio(a, b) >= least)


COMPANIES = ["Globex", "Globex Labs", "Acme Analytics", "Acme", "Initech GmbH", "The Hartley Group", "Hooli"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["Globex", "Labs", "Acme", "Analytics", "Initech", "GmbH", "Hartley", "Group",
                                 "Hooli", "the", "at", "Globex,", "Labs.", "Acme's", "Hooli!"]), max_size=12),
       st.sampled_from(COMPANIES))
def test_the_look_for_another_company_misses_none(words: list[str], own: str) -> None:
    """A note is read down the companies' tree only when a company other than its own may
    start among its words: what it finds is what reading every word would find."""
    from followup_kit.phrasing import company_in_prose

    text = " ".join(words)
    tokens = [t.rstrip(".,;:!?)") for t in text.split()]
    mine = {own, company_in_prose(own)}
    forms = {form for name in COMPANIES for form in {name, company_in_prose(name)}
             if len(form.split()) > 1 or len(form) >= 4}
    expected: list[str] = []
    for start in range(len(tokens)):
        for form in sorted(forms, key=lambda f: len(f.split())):
            if tokens[start:start + len(form.split())] == form.split() and form not in mine and form not in expected:
                expected.append(form)
    assert P.Companies(COMPANIES).named_in(text, own) == expected


EXPANDED = ["thru", "yrs", "yr", "exp", "mgmt", "eng", "and", "prod", "dept", "mins", "min", "hrs", "cert", "certs",
            "chem", "soln", "Jan", "Feb", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "i", "I", "w", "o", "30",
            "team", "dbt", "expo", "JAN", "i'd", "i’m", "ive", "ll", "é", "ſ"]


@settings(max_examples=2000, deadline=None)
@example("30 hrs")
@example("5min")
@example("w/ team")
@example("i'd say")
@example("Q3 + Q4")
@given(_joined(EXPANDED, [" ", "/", "+", " + ", "→", " & ", "&", "'", "’", "-", ".", "2", "_", "\t"]) | st.text(max_size=40))
def test_the_look_for_a_jotting_to_write_out_misses_none(text: str) -> None:
    """A jotting is searched for abbreviations to write out ("w/", "yrs", "30 mins") only when
    a cheap look finds a word or a mark one needs: it finds every jotting the search would."""
    from followup_kit import jottings

    if jottings._ANY_EXPAND.search(text):
        assert jottings._may_expand(text)


@settings(max_examples=1500, deadline=None)
@given(texts)
def test_the_searches_for_words_in_ascii_find_the_same_words(text: str) -> None:
    """A text of ASCII alone is split into words and runs of letters through a table of A-Z:
    that finds exactly what the patterns for every script find."""
    from followup_kit import phrasing

    ascii_text = text.encode("ascii", "replace").decode("ascii")
    assert phrasing.ascii_words(ascii_text) == phrasing.WORD.findall(ascii_text)
    assert phrasing.letter_runs(ascii_text) == phrasing.LETTERS.findall(ascii_text)
    # A topic's words, as the pattern for every script reads them.
    words = set(phrasing._CONTENT_WORD.findall(ascii_text.lower())) - phrasing._STOP - phrasing._GENERIC
    assert phrasing._content_stems.__wrapped__(ascii_text, frozenset()) == frozenset(
        phrasing.stem(w) for w in words if len(w) >= 3)


NOUN_WORDS = ["the", "The", "a", "an", "An", "our", "your", "my", "this", "that", "their", "its", "his", "her",
              "there", "bathe", "than", "Hers", "team", "call", "well-known", "x", "ſe", "oh", "ai", "an-", "1"]


@settings(max_examples=2000, deadline=None)
@given(_joined(NOUN_WORDS, [" ", "  ", ".", ". ", "-", "'", "_", "é", "\n"]) | st.text(max_size=40))
def test_the_search_for_a_determiner_and_its_noun_is_the_plain_one(text: str) -> None:
    """The determiner-and-noun search, written to skip ahead quickly, finds exactly what the plain
    pattern finds."""
    import re

    plain = re.compile(r"\b(?:the|a|an|our|your|my|this|that|their|its|his|her) ([a-z][a-z-]{2,})\b", re.I)
    assert [(m.span(), m.group(1)) for m in P._NOUN_AFTER.finditer(text)] == [
        (m.span(), m.group(1)) for m in plain.finditer(text)]


@settings(max_examples=1500, deadline=None)
@given(_joined(["x", "D", "xD", ":", ";", "=", "-", ")", "(", "P", "<3", "<", "3", "^_^", "^", "_", "ok"],
               [" ", "", ".", "!", "\n"]) | st.text(max_size=30))
def test_the_look_for_a_smiley_misses_none(text: str) -> None:
    """A text is searched for smileys only when it has a mark one needs."""
    if P._EMOTICON.search(text):
        assert P._may_smile(text)


@settings(max_examples=1500, deadline=None)
@given(_joined(["a", "b", "x y", ".", ",", "!", "?", ";", ":", " .", "\u00a0", "\u3000", "\x1c"],
               [" ", "  ", "\n", "\n\n", "\n \n", "\t", ""]) | st.text(max_size=40))
def test_a_rendered_note_is_tidied_as_the_plain_searches_tidy_it(text: str) -> None:
    """A rendered note is cut into paragraphs and a space before a mark is taken out only
    where a look finds one: the paragraphs are those the plain searches make."""
    import re

    from followup_kit.compose import _paragraphs

    expected = [re.sub(r"\s+([.,;:!?])", r"\1", " ".join(block.split())) for block in re.split(r"\n\s*\n", text)]
    assert _paragraphs(text) == tuple(line for line in expected if line)


PEOPLE = ["He", "he", "she's", "She’s", "him", "HIS", "her", "herself", "himself", "he_x", "the", "shed", "hers",
          "talks", "also", "taught", "x", "é", "İ"]


@settings(max_examples=2000, deadline=None)
@given(_joined(PEOPLE, [" ", ", ", ". ", "'", "’", "-", "(", ")"]) | st.text(max_size=40))
def test_a_jotting_without_him_or_her_is_left_as_it_is(text: str) -> None:
    """The quick look for "he", "she" and their forms misses none that the turn to "you" turns."""
    from followup_kit import phrasing

    if phrasing._THIRD_PERSON.search(text) is None:
        original = phrasing._THIRD_PERSON
        try:
            phrasing._THIRD_PERSON = type("Always", (), {"search": staticmethod(lambda text: True)})()
            assert phrasing.second_person(text) == text
        finally:
            phrasing._THIRD_PERSON = original


ADDRESS_PARTS = ["a", "b.c", "x_y", "+", "-", ".", "@", "@@", "é", "1", " ", "\n", "com", "de", "ä.ö", "/", ","]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(ADDRESS_PARTS), max_size=14).map("".join) | st.text(max_size=40))
@example("a@b.c+d@e.f")
@example("mail jane.doe+jobs@firma-x.de, or j@x.io.")
def test_addresses_are_blanked_as_the_pattern_blanks_them(text: str) -> None:
    """Searching for an address only before each "@" blanks exactly what the pattern's own search blanks."""
    assert P._blank_emails(text) == P._EMAIL.sub(lambda m: " " * len(m.group(0)), text)
