"""Which language a jotting is in (R23): a quick screen first, the accurate detector only when in doubt."""

from __future__ import annotations

import subprocess
import sys

import pytest

from followup_kit.jottings import _known
from followup_kit.language import other_language

# Phrases people jot in their own language, one or more per language the detector tells apart.
FOREIGN = [
    ("die Migration nach dbt", "German"), ("wie sie Bereitschaftsdienst organisieren", "German"),
    ("Einarbeitung neuer Kollegen", "German"), ("das Team wächst schnell", "German"),
    ("comment ils gèrent les astreintes", "French"), ("la culture d'entreprise", "French"),
    ("el equipo de datos en Madrid", "Spanish"), ("cómo organizan las guardias", "Spanish"),
    ("il progetto di migrazione dati", "Italian"), ("le nostre priorità per il prossimo anno", "Italian"),
    ("de overstap naar Kubernetes", "Dutch"), ("hoe ze met storingen omgaan", "Dutch"),
    ("migracja do chmury obliczeniowej", "Polish"), ("jak zespół planuje sprinty", "Polish"),
    ("hur teamet arbetar med kvalitet", "Swedish"),
]
# English jottings with a word the dictionary lacks: each reaches a detector, none is foreign.
ENGLISH = [
    "the team's dogfooding of the product", "idempotency keys for the payouts", "my open source contributions to pgbouncer",
    "coding round got optimal soln for the interval merging problem", "felt confident the behavioral qs",
    "my classroom mgmt background as facilitation skills", "exactly once is lie lol",
    "worried havent worked on big production codebase", "question used the story about the science dept head",
    "portfolio walkthrough went great he asked lots of follow ups",
]


@pytest.mark.parametrize("text, language", FOREIGN)
def test_a_phrase_in_another_language_is_named(text: str, language: str) -> None:
    assert other_language(text, known=_known) == language


@pytest.mark.parametrize("text", ENGLISH)
def test_an_english_jotting_with_an_unknown_word_is_english(text: str) -> None:
    assert other_language(text, known=_known) == ""


def test_english_jottings_never_load_the_accurate_models() -> None:
    """The quick screen settles English jottings: the accurate detector (1.5 s, 300 MB) stays unbuilt.

    Run in a process of its own, since a detector once built stays for the process.
    """
    code = (
        "from followup_kit.jottings import _known\n"
        "from followup_kit import language\n"
        f"assert all(language.other_language(t, known=_known) == '' for t in {ENGLISH!r})\n"
        "print(language.detector.cache_info().currsize)\n"
        "assert language.other_language('die Migration nach dbt', known=_known) == 'German'\n"
        "print(language.detector.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "2"]  # the quick one only; the accurate one for the German phrase
