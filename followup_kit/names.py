"""People's names: how a note addresses someone, and whether a name fits an email address.

A misspelled or misused name costs the candidate more than any other slip (domain
rule R11), so these rules err on the side of the name exactly as the record writes it.

How a note addresses a person (R11), in order:

1. the interviewer's own ``salutation`` field, when the candidate set one ("Ms Hà",
   "Dr Weiß", "Dimitris"): the candidate knows best how the person introduced themselves;
2. a leading academic title is kept with the family name ("Dr Jürgen Weiß" -> "Dr Weiß"),
   because dropping it would be a slight;
3. a Vietnamese name is written family name first ("Nguyễn Thị Thu Hà"): the person is
   addressed by the given name, the part after the family name and the middle name
   ("Thu Hà"), never by "Nguyễn", which half the country shares;
4. a name in a script written without spaces or family name first (Chinese, Japanese,
   Korean), a single-word name, a name that starts with an initial ("J. Smith"), or a
   Latin-script name that starts with a common Chinese or Korean family name ("Wang
   Fang" could be either order): the full name as written, since a wrong guess is worse
   than a formal greeting;
5. otherwise the first word, the given name in Western order, in its own script
   ("Ana", "Σοφία", "Олена"). After a conversation in person, first names are the norm
   in the industries the kit is written for, and a given name needs no guess at the
   person's gender, which "Mr"/"Ms" would.

Never transliterated: the note prints the name in the script the record uses.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_TITLES = {"dr", "dr.", "prof", "prof.", "professor", "mag.", "ing.", "dipl.-ing."}

# Family names that mark a Vietnamese name written in the Vietnamese order. The forms
# with diacritics are unambiguous; bare ASCII forms count only before a middle name
# (Thị/Văn), because "Tran" or "Do" may also be a Western given or family name.
_VIETNAMESE_FAMILY = {
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi",
    "đỗ", "hồ", "ngô", "dương", "lý", "đinh", "trịnh", "đoàn", "lâm", "mai", "trương", "cao",
}
_VIETNAMESE_FAMILY_ASCII = {"nguyen", "tran", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang",
                            "bui", "ngo", "duong", "dinh", "trinh", "doan", "truong"}
_VIETNAMESE_MIDDLE = {"thị", "văn", "thi", "van"}
# Vietnamese letters that no other Latin orthography uses: ơ ư đ and the stacked tones.
_VIETNAMESE_LETTERS = set("ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")

# Latin spellings of common Chinese and Korean family names: a name that starts with one
# may be in either order ("Wang Fang" or "Fang Wang"), so it is addressed in full.
_EAST_ASIAN_FAMILY = {
    "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "zhou", "xu", "sun", "zhu", "guo",
    "lin", "luo", "zheng", "liang", "xie", "tang", "feng", "deng", "cao", "peng", "zeng", "xiao",
    "tian", "pan", "yuan", "cai", "jiang", "cheng", "shen", "yao", "kim", "park", "choi", "jung",
    "kang", "cho", "yoon", "jang", "lim", "shin", "seo", "kwon", "hwang",
}


def _is_cjk(char: str) -> bool:
    name = unicodedata.name(char, "")
    return name.startswith(("CJK", "HANGUL", "HIRAGANA", "KATAKANA"))


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is a Latin letter (accents allowed)."""
    return all("LATIN" in unicodedata.name(c, "") for c in text if c.isalpha())


def is_vietnamese_order(name: str) -> bool:
    """True for a Vietnamese name written family name first ("Nguyễn Thị Thu Hà")."""
    words = name.split()
    if len(words) < 2:
        return False
    first = words[0].lower()
    if first in _VIETNAMESE_FAMILY and (len(words) > 2 or _VIETNAMESE_LETTERS & set(name.lower())):
        return True
    return first in _VIETNAMESE_FAMILY_ASCII and words[1].lower() in _VIETNAMESE_MIDDLE


def salutation(name: str, override: str | None = None) -> str:
    """How a note addresses ``name`` after "Dear" (see the module docstring, R11)."""
    if override:
        return override
    words = name.split()
    if len(words) < 2 or any(_is_cjk(c) for c in name):
        return name
    if words[0].lower() in _TITLES:
        return f"{words[0]} {words[-1]}"
    if is_vietnamese_order(name):
        given = [w for w in words[1:] if w.lower() not in _VIETNAMESE_MIDDLE]
        return " ".join(given) or name
    if re.fullmatch(r"\w\.?", words[0]) or words[0].lower() in _EAST_ASIAN_FAMILY:
        return name
    return words[0]


# -- names against email addresses -----------------------------------------------

# Letters whose German or Nordic spelling in an address differs from what Unicode
# decomposition gives: "Jürgen" is "juergen" as often as "jurgen".
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                         "å": "aa", "Å": "Aa", "ø": "oe", "Ø": "Oe", "æ": "ae", "Æ": "Ae"})


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case ASCII letters of ``text`` ("Jürgen Weiß" -> "jurgen weiss"), any script."""
    from anyascii import anyascii  # transliterates Cyrillic, Greek and Latin accents alike

    # Greek "ου" is written "ou" in Latin letters ("Νικολάου" -> "Nikolaou"), not "oy".
    text = re.sub("[οΟ][υύΥ]", lambda m: "Ou" if m.group(0)[0] == "Ο" else "ou", unicodedata.normalize("NFC", text))
    return re.sub(r"[^a-z0-9 \-]", "", anyascii(text).lower())


def _spellings(word: str) -> set[str]:
    """The ways ``word`` may be written in an address: 'Jürgen' -> {'jurgen', 'juergen'}."""
    forms = {fold(word), fold(word.translate(_GERMAN))}
    return {re.sub(r"[^a-z0-9]", "", f) for f in forms} - {""}


def _name_words(name: str) -> list[str]:
    # Hyphenated and apostrophe names count whole and by part: "Ångström-Nguyễn",
    # "O'Neill" -> "oneill"; titles such as "Dr" are not part of an address.
    words = [w for w in re.split(r"[\s]+", name) if w and w.lower() not in _TITLES]
    parts = []
    for word in words:
        parts.append(word)
        parts.extend(p for p in word.split("-") if p and "-" in word)
    return parts


@dataclass(frozen=True)
class NameCheck:
    """What a name and an email address say about each other."""

    agrees: bool
    """False when the address spells a part of the name differently."""
    unexplained: str = ""
    """The part of the address that no part of the name explains."""
    close_to: str = ""
    """The part of the name it most resembles."""
    certain: bool = True
    """False when the disagreement may be innocent: a name in another script compared
    through a transliteration, or an address none of whose parts matches the name."""


# A non-Latin name has several transliterations ("Мельник": Mel'nik, Melnyk, Melnik),
# so a part of the address counts as that name part when it is this similar to the
# transliteration (difflib ratio); an unrelated part ("sales") is far below it.
NON_LATIN_LIKENESS = 0.7
# An address none of whose parts is a name part is taken for a shared mailbox
# ("talent@", "careers@") unless a part is this close to a name part ("marcos" for "Marcus").
MISSPELLING_LIKENESS = 0.8


_MAILBOX_WORDS = {
    "hr", "talent", "careers", "career", "jobs", "job", "recruiting", "recruitment", "recruiter",
    "people", "info", "hello", "team", "office", "contact", "acquisition", "admin", "hiring",
    "apply", "applications", "noreply", "no", "reply", "mail", "personal", "staffing",
}


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def check_email(name: str, email: str) -> NameCheck:
    """Compare a person's name with the local part of their email address.

    Every part of the address ("marcus", "oneill") must be a part of the name, an
    initial of one ("d.georgiou@", "priya.r@"), or several of these run together
    ("jsmith@", "marcusoneill@"). Accents may be dropped or spelled out (ü as u or
    ue, ß as ss, ø as o). An address that shares nothing with the name is a shared
    mailbox ("talent@", "hr@") and agrees. A name in another script is compared
    through its transliteration, loosely (``NON_LATIN_LIKENESS``).
    """
    if any(_is_cjk(c) for c in name):
        # Han characters read differently in Chinese and Japanese, and Korean names have
        # several romanisations (김 is Kim or Gim): no transliteration can judge the address.
        return NameCheck(True, certain=False)
    local = email.split("@", 1)[0].lower()
    tokens = [t for t in re.split(r"[._\-+0-9]+", local) if t]
    latin = is_latin(name)
    words = _name_words(name)
    by_word = {w: _spellings(w) for w in words}
    flat = sorted({s for group in by_word.values() for s in group}, key=len, reverse=True)
    if not tokens or not flat:
        return NameCheck(True)

    def explained(token: str) -> bool:
        if _composed(token, flat):
            return True
        return not latin and any(_ratio(token, s) >= NON_LATIN_LIKENESS for s in flat)

    def likeness(token: str, word: str) -> float:
        return max((_ratio(token, s) for s in by_word[word]), default=0.0)

    missing = [t for t in tokens if not explained(t)]
    if not missing:
        return NameCheck(True)
    token = missing[0]
    close = max(words, key=lambda w: likeness(token, w))
    some_explained = len(missing) < len(tokens)
    if not some_explained and likeness(token, close) < MISSPELLING_LIKENESS:
        # Nothing in common: a shared mailbox (talent@, careers@) agrees; a personal-looking
        # address ("petro.shevchenko@") may belong to someone else, which is worth a look.
        if len(tokens) < 2 or set(tokens) & _MAILBOX_WORDS:
            return NameCheck(True)
        return NameCheck(False, unexplained=local, close_to="", certain=False)
    return NameCheck(False, unexplained=token, close_to=close, certain=latin and some_explained)


def _composed(token: str, parts: list[str]) -> bool:
    """True when ``token`` is name parts or their initials run together, in any order."""
    if not token:
        return True
    for part in parts:
        if token.startswith(part) and _composed(token[len(part):], parts):
            return True
    # An initial stands for one name part, which is then used up.
    return any(token[0] == part[0] and _composed(token[1:], [p for p in parts if p != part])
               for part in parts)


def names_person(text: str, name: str, salutation_: str | None = None) -> bool:
    """True when ``text`` (a greeting) names the person: a part of the name or of its
    salutation, in its own script or transliterated ("Dear Olena," for "Олена Коваленко").
    A name in another script is matched loosely, as its romanisations vary."""
    said = [w for w in re.findall(r"[^\W\d_]+", text)]
    said_folded = {fold(w) for w in said} | {w.lower() for w in said}
    target = f"{name} {salutation_ or ''}"
    parts = re.findall(r"[^\W\d_]+", target)
    for part in parts:
        if part.lower() in said_folded or fold(part) in said_folded:
            return True
    if is_latin(name):
        return False
    folded = [fold(p) for p in parts]
    for word in said_folded:
        if len(word) < 3:
            continue
        if any(word in f or difflib.SequenceMatcher(None, word, f).ratio() >= NON_LATIN_LIKENESS for f in folded):
            return True
    return False
