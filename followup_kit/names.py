"""People's names: how a note addresses someone, and whether a name fits an email address.

A misspelled or misused name costs the candidate more than any other slip (domain
rules R11, R25), so these rules err on the side of the name exactly as the record
writes it, and never address anyone by a family name alone as if it were a given name.

How a note addresses a person (:func:`salutation`), in order:

1. the interviewer's own ``salutation`` field, when the candidate set one ("Ms Hà",
   "Dr Weiß", "Hiroshi"): the candidate knows best how the person introduced themselves;
2. the profile's greeting style: ``full-name`` ("Dear Ana Dvořák,"), or ``formal``,
   which uses a recorded salutation or a leading academic title with the family name
   and otherwise the full name (the kit never guesses "Mr" or "Ms");
3. a leading academic title is kept with the family name ("Dr Jürgen Weiß" -> "Dr Weiß"),
   because dropping it would be a slight;
4. a Vietnamese name is written family name first ("Nguyễn Thị Thu Hà"): the person is
   addressed by the given name, the part after the family name and the middle name
   ("Thu Hà"), never by "Nguyễn", which half the country shares;
5. a name that starts with a known Chinese, Japanese, Korean or Hungarian family name
   ("Li Wei", "Tanaka Hiroshi", "Park Jin-soo", "Nagy Péter") may be in either order: the
   email address decides where it puts another part of the name first ("wei.li@" makes
   "Wei" the given name, "peter.nagy@" "Péter"), a hyphenated Korean given name after the
   family name is one ("Jin-soo"), and otherwise it is the full name as written, since a
   wrong guess is worse than a formal greeting;
6. a name in Chinese, Japanese or Korean script is family name first: the given name in
   Latin letters when the email address spells it, else the full name;
7. a name in another script (Greek, Cyrillic, Arabic…) is addressed by its first word;
   when the email address spells that word in Latin letters ("sofia.nikolaou@" for
   "Σοφία"), the English note uses that spelling ("Dear Sofia,"), else the given name in
   its own script (proofreading then suggests recording a salutation);
8. a single-word name, or one that starts with an initial ("J. Smith"): the full name;
9. otherwise the first word, the given name in Western order ("Ana", "Zoë"). After a
   conversation in person, first names are the norm in the industries the kit is written
   for, and a given name needs no guess at the person's gender, which "Mr"/"Ms" would.

Names are printed in the script the record uses; only a greeting takes its Latin
spelling from the person's own email address.
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

# Latin spellings of common family names of cultures that write the family name first
# (R25). A name that starts with one may be in either order ("Li Wei" or "Wei Li"), so it
# is addressed by what the record supports. Names common as Western given names too
# (Simon, Sandor, Major) are left out: "Simon Kiss" is addressed as Simon.
_CHINESE_FAMILY = {
    "li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu",
    "hu", "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng",
    "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng",
    "wei", "su", "lu", "ding", "ren", "shen", "yao", "cui", "zhong", "tan", "fan", "liao", "shi", "jin",
    "jia", "xia", "fu", "fang", "zou", "xiong", "bai", "meng", "qin", "qiu", "hou", "yin", "xue", "yan",
    "duan", "lei", "long", "zhai", "wong", "chan", "cheung", "leung", "ng", "lau", "chow", "tsang", "kwok",
}
_JAPANESE_FAMILY = {
    "sato", "suzuki", "takahashi", "tanaka", "watanabe", "ito", "yamamoto", "nakamura", "kobayashi", "kato",
    "yoshida", "yamada", "sasaki", "yamaguchi", "matsumoto", "inoue", "kimura", "hayashi", "shimizu",
    "yamazaki", "mori", "abe", "ikeda", "hashimoto", "yamashita", "ishikawa", "nakajima", "maeda", "fujita",
    "ogawa", "goto", "okada", "hasegawa", "murakami", "kondo", "ishii", "saito", "sakamoto", "endo", "aoki",
    "fujii", "nishimura", "fukuda", "ota", "miura", "fujiwara", "okamoto", "matsuda", "nakagawa", "nakano",
    "harada", "ono", "tamura", "takeuchi", "kaneko", "wada", "nakayama", "ishida", "ueda", "morita",
    "shibata", "sakai", "kudo", "yokoyama", "miyazaki", "miyamoto", "uchida", "takagi", "ando", "taniguchi",
    "maruyama", "imai", "fujimoto", "takeda", "murata", "ueno", "sugiyama", "masuda", "hirano", "otsuka",
    "kojima", "chiba", "kubo", "matsui", "iwasaki", "sakurai", "kinoshita", "noguchi", "nomura", "kikuchi",
    "sano", "sugimoto", "arai", "honda", "hattori", "yamanaka", "oda", "nishida", "kawaguchi", "hirata",
}
_KOREAN_FAMILY = {
    "kim", "gim", "lee", "yi", "rhee", "park", "pak", "bak", "choi", "choe", "jung", "jeong", "chung", "kang",
    "cho", "jo", "yoon", "yun", "jang", "chang", "lim", "im", "shin", "sin", "seo", "suh", "kwon", "hwang",
    "ahn", "hong", "jeon", "moon", "mun", "son", "bae", "baek", "paik", "heo", "hur", "nam", "noh", "roh",
    "ryu", "yoo", "oh", "ko", "go", "woo", "min", "cha", "joo", "ju", "sung", "seong", "kwak", "gwak",
}
_HUNGARIAN_FAMILY = {
    "nagy", "kovács", "kovacs", "tóth", "toth", "szabó", "szabo", "horváth", "horvath", "varga", "kiss",
    "molnár", "molnar", "németh", "nemeth", "farkas", "balogh", "papp", "takács", "takacs", "juhász",
    "juhasz", "lakatos", "mészáros", "meszaros", "oláh", "olah", "rácz", "racz", "fekete", "szilágyi",
    "szilagyi", "török", "torok", "fehér", "feher", "gál", "szűcs", "szucs", "kocsis", "pintér", "pinter",
    "fodor", "szalai", "sipos", "gulyás", "gulyas", "bíró", "biro", "király", "kiraly", "katona", "halász",
    "halasz", "székely", "szekely", "fazekas", "pásztor", "pasztor", "bakos", "hegedűs", "hegedus",
    "bodnár", "bodnar", "somogyi", "hajdu", "veres", "boros", "vörös", "voros", "kozma", "hajdú",
}
FAMILY_FIRST = _CHINESE_FAMILY | _JAPANESE_FAMILY | _KOREAN_FAMILY | _HUNGARIAN_FAMILY

from .vocabulary import GREETING_STYLES  # noqa: E402,F401  (the styles :func:`salutation` takes)


def _is_cjk(char: str) -> bool:
    name = unicodedata.name(char, "")
    return name.startswith(("CJK", "HANGUL", "HIRAGANA", "KATAKANA"))


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is a Latin letter (accents allowed)."""
    # Every ASCII letter is Latin: most texts need no look at the characters' names.
    return text.isascii() or all("LATIN" in unicodedata.name(c, "") for c in text if c.isalpha())


def is_vietnamese_order(name: str) -> bool:
    """True for a Vietnamese name written family name first ("Nguyễn Thị Thu Hà")."""
    words = name.split()
    if len(words) < 2:
        return False
    first = words[0].lower()
    if first in _VIETNAMESE_FAMILY and (len(words) > 2 or _VIETNAMESE_LETTERS & set(name.lower())):
        return True
    return first in _VIETNAMESE_FAMILY_ASCII and words[1].lower() in _VIETNAMESE_MIDDLE


def _email_tokens(email: str | None) -> list[str]:
    if not email:
        return []
    local = email.split("@", 1)[0].lower()
    return [t for t in re.split(r"[._\-+0-9]+", local) if len(t) >= 2]


def _spelled(word: str, token: str) -> bool:
    """True when the address part ``token`` spells the name part ``word`` (any script)."""
    if is_latin(word):
        return token in _spellings(word)
    folded = re.sub(r"[^a-z]", "", fold(word))
    return len(folded) >= 2 and difflib.SequenceMatcher(None, token, folded).ratio() >= NON_LATIN_LIKENESS


def _first_in_email(words: list[str], email: str | None) -> int | None:
    """Which of ``words`` the email address puts first ("wei.li@" -> the index of "Wei"),
    when its first part spells one of them; None when the address says nothing."""
    tokens = _email_tokens(email)
    if not tokens:
        return None
    for index, word in enumerate(words):
        if _spelled(word, tokens[0]):
            return index
    return None


def salutation(name: str, override: str | None = None, *, email: str | None = None,
               style: str | None = None) -> str:
    """How a note addresses ``name`` after "Dear" (see the module docstring, R11, R25).

    ``email`` is the person's address, whose local part may show the order of the names;
    ``style`` the profile's greeting style (:data:`GREETING_STYLES`, default given name).
    """
    if override:
        return override
    words = name.split()
    if style == "full-name":
        return name
    if len(words) >= 2 and words[0].lower() in _TITLES:
        return f"{words[0]} {words[-1]}"
    if style == "formal":
        return name
    if any(_is_cjk(c) for c in name):
        return _given_from_email(words, email) or name
    if len(words) < 2:
        return name
    if not is_latin(name):
        # Greek, Cyrillic, Arabic…: the given name first. An English note greets in Latin
        # letters when the person's own address spells the given name that way.
        return _email_spelling(email) if _first_in_email(words, email) == 0 else words[0]
    if is_vietnamese_order(name):
        given = [w for w in words[1:] if w.lower() not in _VIETNAMESE_MIDDLE]
        return " ".join(given) or name
    if re.fullmatch(r"\w\.?", words[0]):
        return name
    if words[0].lower() in FAMILY_FIRST or fold(words[0]) in FAMILY_FIRST:
        index = _first_in_email(words, email)
        if index is not None and index > 0:
            return words[index]
        if (len(words) == 2 and "-" in words[1] and words[0].lower() in _KOREAN_FAMILY
                and all(part.isalpha() for part in words[1].split("-"))):
            return words[1]  # "Park Jin-soo": a hyphenated Korean given name after the family name
        return name  # the order is in doubt: never the family name alone
    return words[0]


def _email_spelling(email: str | None) -> str:
    token = _email_tokens(email)[0]
    return token[:1].upper() + token[1:]


def _given_from_email(words: list[str], email: str | None) -> str | None:
    """A name in Chinese, Japanese or Korean script: the given name as the address spells it."""
    tokens = _email_tokens(email)
    if len(tokens) < 2:
        return None
    joined = re.sub(r"[^a-z]", "", fold("".join(words)))
    # "王秀英" folds to "wangxiuying": an address "xiuying.wang@" names the given name first.
    first, rest = tokens[0], "".join(tokens[1:])
    if joined == rest + first:
        return first[:1].upper() + first[1:]
    return None


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


@lru_cache(maxsize=4096)
def _spellings(word: str) -> frozenset[str]:
    """The ways ``word`` may be written in an address: 'Jürgen' -> {'jurgen', 'juergen'}."""
    forms = {fold(word), fold(word.translate(_GERMAN))}
    return frozenset(re.sub(r"[^a-z0-9]", "", f) for f in forms) - {""}


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


def _ratio_at_least(a: str, b: str, least: float) -> bool:
    """``_ratio(a, b) >= least``, without comparing when the lengths alone rule it out
    (the ratio is at most twice the shorter length over the two lengths)."""
    if a and b and 2 * min(len(a), len(b)) / (len(a) + len(b)) < least:
        return False
    return _ratio(a, b) >= least


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
        # Scripts without written vowels (Arabic, Hebrew) transliterate to consonants: "حداد"
        # folds to "hdd", which "haddad" matches once vowels and doubled letters are set aside.
        if latin:
            return False
        skeleton = _skeleton(token)
        return any(_ratio_at_least(token, s, NON_LATIN_LIKENESS) or skeleton == _skeleton(s) for s in flat)

    def likeness(token: str, word: str) -> float:
        return max((_ratio(token, s) for s in by_word[word]), default=0.0)

    missing = [t for t in tokens if not explained(t)]
    if not missing:
        return NameCheck(True)
    token = missing[0]
    some_explained = len(missing) < len(tokens)
    if not some_explained and not any(_ratio_at_least(token, s, MISSPELLING_LIKENESS) for s in flat):
        # Nothing in common: a shared mailbox (talent@, careers@) agrees; a personal-looking
        # address ("petro.shevchenko@") may belong to someone else, which is worth a look.
        if len(tokens) < 2 or set(tokens) & _MAILBOX_WORDS:
            return NameCheck(True)
        return NameCheck(False, unexplained=local, close_to="", certain=False)
    close = max(words, key=lambda w: likeness(token, w))
    return NameCheck(False, unexplained=token, close_to=close, certain=latin and some_explained)


@lru_cache(maxsize=4096)
def _skeleton(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", word))


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
