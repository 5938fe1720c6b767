"""The records' reusable field types, each checked with its plain-words message.

pydantic's idiom: a type is ``Annotated[str, AfterValidator(check)]``, so a record
that declares ``name: NonEmptyText`` gets the check and its message, the same in
every record that uses the type. Every message reads "expected …", with a hint
that says how to fix it (:func:`expected`); :mod:`followup_kit.validation` turns
them into the kit's errors.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from .places import MAX_ZONE_LENGTH, country_hint, country_names, holiday_class, time_zones, zone_hint
from .templating import local_iso


def expected(what: str, hint: str = "", *, at: str = "") -> PydanticCustomError:
    """An error whose message is 'expected ...'; the hint says how to fix it.

    ``at`` names a part inside the field being checked ('date' of 'timeline'),
    for a check that looks at the record as a whole.
    """
    ctx = {"expected": what, "hint": hint}
    if at:
        ctx["at"] = at
    return PydanticCustomError("expected", "expected {expected}", ctx)


#: How long each kind of text may be, in characters (README and the JSON Schema say so too).
LIMITS = {
    "name": 200,          # a person's name, a job title, a company, a role
    "salutation": 100,
    "source": 200,        # where a name or title was checked
    "email": 254,         # the most an address can be (RFC 5321)
    "phone": 50,
    "topic": 300,         # a topic, an article's title
    "point": 1_000,       # a point of the reflection, a personal connection
    "said": 500,          # the employer's words about the timeline
    "address": 1_000,     # a postal address, several lines
    "note": 20_000,       # a note written by hand, several lines
    "url": 2_000,
    "subdivision": 10,
}
#: How many items each list may hold.
MAX_ITEMS = {"interviewers": 200, "topics": 50, "points": 50, "extras": 50}
#: The years an interview may fall in; dates outside are typing slips (9999, 1900).
FIRST_YEAR, LAST_YEAR = 1990, 2100
#: A decision date, an outcome and a step marked done lie within this many days of the interview.
RELATED_DAYS = 366
#: An interview ends within this many days of its start.
LONGEST_INTERVIEW_DAYS = 7


# -- characters -----------------------------------------------------------------------------

#: Characters that are never what the user meant, or only in some places: control characters
#: (C0, DEL, C1), line and paragraph separators, bidi embeddings, overrides and isolates, zero-width
#: and other invisible format characters, and halves of surrogate pairs. Left-to-right and
#: right-to-left marks (U+200E, U+200F, U+061C) are harmless and allowed.
_SUSPECT = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200d\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]")
#: The same, less the line breaks and tabs that text of several lines may hold.
_SUSPECT_IN_LINES = re.compile(_SUSPECT.pattern.replace("\x00-\x1f", "\x00-\x08\x0b-\x1f"))
_JOINERS = "\u200c\u200d"
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_TAGS = re.compile("[\U000e0020-\U000e007f]")
#: Part of the message about text from a Windows file read in the wrong encoding (the import
#: replaces the fix with how to read the file right).
WRONG_ENCODING = "a Windows-1252 file read as Latin-1"


def visible(text: str) -> str:
    """``text`` with every character :data:`_SUSPECT` matches written as ``\\uXXXX``: safe to print
    in a message (no terminal escapes, no reversed text, nothing that cannot be encoded)."""
    return _SUSPECT.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _joins(value: str, i: int) -> bool:
    """Whether the joiner at ``i`` sits where a script or an emoji sequence needs it:
    between two letters of a script that joins (Arabic, Persian, Indic…) or two emoji."""
    if i == 0 or i + 1 >= len(value):
        return False

    def fits(ch: str) -> bool:
        category = unicodedata.category(ch)
        if ch == "\ufe0f" or category in ("So", "Sk"):
            return True  # emoji, their skin tones and presentation selectors
        return (not ch.isascii() and category[0] in "LM"
                and not unicodedata.name(ch, "").startswith(("LATIN ", "GREEK ", "CYRILLIC ")))

    return fits(value[i - 1]) and fits(value[i + 1])


def _where(value: str, i: int) -> str:
    before = _SUSPECT.sub("", value[max(0, i - 20):i]).rsplit("\n", 1)[-1]
    return f"after \"{before}\"" if before.strip() else "at the start"


def _character_problem(value: str, i: int, lines: bool) -> PydanticCustomError | None:
    ch = value[i]
    code = f"U+{ord(ch):04X}"
    where = _where(value, i)
    if ch in "\n\r\u2028\u2029":
        if lines and ch == "\n":
            return None
        if lines:
            return expected("ordinary line breaks", f"Replace the special line break ({code}) {where} "
                                                     "with an ordinary one")
        return expected("one line, without line breaks", f"Write it on one line (a line break {where})")
    if ch == "\t":
        return None if lines else expected("one line of text, without tabs", f"Replace the tab {where} with a space")
    if "\ud800" <= ch <= "\udfff":
        return expected("text (it holds half of a character pair, a damaged character)",
                        f"Type the text {where} again: {code} is not a character on its own")
    if "\x80" <= ch <= "\x9f":
        try:
            meant = bytes([ord(ch)]).decode("cp1252")
        except UnicodeDecodeError:
            meant = ""
        if meant:
            return expected("text without control characters",
                            f"{code} {where} is '{meant}' from {WRONG_ENCODING}; type '{meant}' instead")
        return expected("text without control characters", f"Delete the invisible character {code} {where}")
    if ch < " " or ch == "\x7f":
        return expected("text without control characters",
                        f"Delete the invisible character {code} {where}; it may come from copying text "
                        "out of a terminal or another program")
    if ch in _BIDI:
        return expected("text without direction overrides",
                        f"Delete the invisible character {code} {where}: it makes the text show in another "
                        "order than it is written, so what is printed or sent is not what you read")
    if ch in _JOINERS and _joins(value, i):
        return None
    if _TAGS.match(ch) and i > 0 and (value[i - 1] == "\U0001f3f4" or _TAGS.match(value[i - 1])):
        return None  # the tags of a flag such as Scotland's
    return expected("text without invisible characters",
                    f"Delete the invisible character {code} {where}; it makes the text differ from what you see")


def check_characters(value: str, *, lines: bool = False) -> str:
    """``value`` if every character in it is one a person meant to write, else a plain-words error.

    With ``lines``, line breaks and tabs are fine (an address, a note).
    """
    pattern = _SUSPECT_IN_LINES if lines else _SUSPECT
    if pattern.search(value) is None:  # nearly always: one scan in C
        return value
    for match in pattern.finditer(value):
        problem = _character_problem(value, match.start(), lines)
        if problem is not None:
            raise problem
    return value


def _one_line(value: str) -> str:
    if _SUSPECT.search(value) is None:
        return value
    return check_characters(value)


def _some_lines(value: str) -> str:
    if _SUSPECT_IN_LINES.search(value) is None:
        return value
    return check_characters(value, lines=True)


# -- text ---------------------------------------------------------------------------------

def _non_empty(value: str) -> str:
    if not value.strip():
        raise expected("some text (it is empty)")
    if value != value.strip():
        raise expected("no spaces at the start or end", "Remove the extra spaces around the text")
    return value


def line(limit: str, *, required: bool = False) -> Any:
    """The type of one line of text of at most ``LIMITS[limit]`` characters, without control
    or invisible characters; ``required``: not empty, without spaces around it."""
    checks = [AfterValidator(_non_empty)] if required else []
    return Annotated[str, Field(max_length=LIMITS[limit]), AfterValidator(_one_line), *checks]


def paragraphs(limit: str) -> Any:
    """The type of text of several lines (an address, a note) of at most ``LIMITS[limit]`` characters."""
    return Annotated[str, Field(max_length=LIMITS[limit]), AfterValidator(_some_lines)]


def entry(limit: str) -> Any:
    """The type of an entry of a list (a topic, a point of the reflection): one line, not empty."""
    return Annotated[str, Field(min_length=1, max_length=LIMITS[limit]), AfterValidator(_one_line)]


#: Text that is there, on one line, without spaces around it: a name, a title, a company.
NonEmptyText = line("name", required=True)
#: A person's or a company's name, a job title, a role.
Name = NonEmptyText
#: How a note addresses a person ('Ms Hà').
Salutation = line("salutation", required=True)
#: A phone number as written.
Phone = line("phone")
#: A postal address: several lines.
PostalAddress = paragraphs("address")
#: A note written by hand: several lines.
NoteText = paragraphs("note")
#: A personal connection worth a sentence.
Personal = line("point")
#: The employer's words about when they decide.
Said = line("said")
#: A topic discussed with one interviewer, or an article's title.
Topic = entry("topic")
#: A point of the reflection (what went well, what was forgotten…).
Point = entry("point")
#: An entry of a list: not empty, one line.
Entry = Topic


def items(kind: str, of: Any) -> Any:
    """The type of a list of at most ``MAX_ITEMS[kind]`` items of type ``of``."""
    return Annotated[list[of], Field(max_length=MAX_ITEMS[kind])]


#: The topics discussed with one interviewer.
Topics = items("topics", Topic)
#: A list of the reflection (what went well, what was forgotten…).
Points = items("points", Point)
#: A region code for regional holidays ('BY', 'IL').
Subdivision = line("subdivision")


def _source(value: str) -> str:
    if not value.strip():
        raise expected(
            "where it was checked, such as 'business card' or 'email signature'",
            "Leave the key out if it was not checked",
        )
    return value


#: Where a name or title was checked ('business card'); a missing key means unchecked.
CheckedSource = Annotated[str, Field(max_length=LIMITS["source"]), AfterValidator(_one_line),
                          AfterValidator(_source)]

# RFC 5322's dot-atom: what an address's part before the @ is, unquoted.
_ATEXT = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_SPACE = re.compile(r"\s")
_SEPARATOR = re.compile(r"[,;]")
_DISPLAY = re.compile(r'[<>"()\[\]:\\]')


def _local_part_ok(local: str) -> bool:
    if local.isascii():
        return bool(_ATEXT.match(local))
    # An address in another script (RFC 6531): letters, digits and the same punctuation.
    plain = "".join("a" if not ch.isascii() and (ch.isalnum() or unicodedata.category(ch)[0] == "M")
                    else ch for ch in local)
    return bool(_ATEXT.match(plain))


@lru_cache(maxsize=4096)  # a cohort's addresses share a few domains
def ascii_domain(domain: str) -> str | None:
    """``domain`` as DNS has it: ASCII labels, a name in another script in its IDNA 2008
    (``xn--``) form, so that 'bäckerei-groß.de' keeps its ß; None if it is no domain name."""
    if domain.isascii():
        labels = domain.split(".")
        if len(domain) > 253 or len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
            return None
        return domain if labels[-1].isalpha() or labels[-1].lower().startswith("xn--") else None
    import idna  # imported here: only a domain in another script needs it

    try:
        encoded = idna.encode(domain, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        return None
    return ascii_domain(encoded)


def check_email(value: str, example: str = "ana@example.com") -> str:
    """``value`` if it is exactly one plain email address, else a plain-words error."""
    what = f"an email address such as '{example}'"
    if _SPACE.search(value):
        raise expected(what, "Remove the spaces and line breaks from it")
    _one_line(value)
    if _SEPARATOR.search(value):
        raise expected(what, "Give one address only; each person has their own record")
    if _DISPLAY.search(value):
        raise expected(what, f"Give the bare address, without a name, quotes or brackets: {example}")
    local, at, domain = value.rpartition("@")
    if not at or not local:
        raise expected(what, "An address has a name, an @ and a domain")
    if "@" in local:
        raise expected(what, "Give one address only, with one @")
    if len(local) > 64 or not _local_part_ok(local):
        raise expected(what, "The part before the @ has characters an address cannot have, "
                             "or a dot at its start or end or two in a row")
    if ascii_domain(domain) is None:
        raise expected(what, f"The part after the @ ('{domain}') is not a domain name such as "
                             f"'{example.split('@')[1]}'")
    return value


def email_address(example: str) -> Any:
    """The type of an email address whose message shows ``example``."""

    def check(value: str) -> str:
        return check_email(value, example)

    return Annotated[str, Field(max_length=LIMITS["email"]), AfterValidator(check)]


#: An interviewer's email address.
EmailAddress = email_address("ana@example.com")
#: The candidate's own email address.
OwnEmailAddress = email_address("you@example.org")


def _web_address(value: str) -> str:
    if not re.match(r"^https?://\S+$", value):
        raise expected("a web address starting with https://")
    return check_characters(value)


#: A link to an article or work sample.
WebAddress = Annotated[str, Field(max_length=LIMITS["url"]), AfterValidator(_web_address)]


def format_tag(tag: str) -> Any:
    """The type of a file's ``format`` field, which must be ``tag``
    ('followup-kit/interview@1'); a newer version of the format says to upgrade."""
    kind = tag.split("/")[1].split("@")[0]

    def check(value: Any) -> str:
        if value == tag:
            return value
        if isinstance(value, str) and value.startswith(f"followup-kit/{kind}@"):
            raise expected(
                f"'{tag}'",
                "This file was written by a newer followup-kit; upgrade with "
                "'python -m pip install -U followup-kit'",
            )
        raise expected(f"'{tag}'", f"Is this a followup-kit {kind} file?")

    return Annotated[Literal[tag], BeforeValidator(check)]  # type: ignore[valid-type]


# -- places ---------------------------------------------------------------------------------

def check_timezone(name: str) -> str:
    """Return ``name`` if it is the IANA time zone of a place (or 'UTC'), else raise a
    plain-words error with the zone to use (:func:`followup_kit.places.zone_hint`)."""
    if name in time_zones():
        return name
    raise expected("an IANA time zone name of a place, such as 'America/Chicago'", zone_hint(name))


#: An IANA time zone name ('Europe/Berlin').
TimeZoneName = Annotated[
    str, Field(max_length=MAX_ZONE_LENGTH * 100), AfterValidator(check_timezone),
    WithJsonSchema({"type": "string", "maxLength": MAX_ZONE_LENGTH,
                    "description": "IANA time zone of a place, such as 'America/Chicago', or 'UTC'"}),
]


@lru_cache(maxsize=1)
def countries() -> dict[str, list[str]]:
    """The countries (ISO 3166-1 alpha-2 codes) whose public holidays are known, each with its regions."""
    import holidays  # imported here: it is only needed to validate a profile

    # holidays also answers to alpha-3 codes ('USA') and to 'UK', which ISO 3166 reserves (the
    # code is GB); a record holds the ISO code only. Kosovo's XK is the code everyone uses.
    return {code: regions for code, regions in holidays.list_supported_countries().items()
            if len(code) == 2 and (code in country_names() or code == "XK")}


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The keys of :func:`countries`, read from the holidays package's registry: listing
    every country with its regions imports all of its 250 country modules."""
    try:
        from holidays.registry import EntityLoader  # imported here: only a profile needs it

        return frozenset(EntityLoader.get_country_codes(include_aliases=True))
    except (ImportError, AttributeError):  # a holidays release without that registry
        return frozenset(countries())


@lru_cache(maxsize=1)
def iso_country_codes() -> frozenset[str]:
    """The two-letter ISO codes among :func:`country_codes` (no 'USA', no 'UK'), without
    importing every country module of the holidays package."""
    return frozenset(code for code in country_codes()
                     if len(code) == 2 and (code in country_names() or code == "XK"))


@lru_cache(maxsize=None)
def regions(country: str) -> list[str]:
    """The region codes of ``country`` (one of :func:`country_codes`), as :func:`countries` lists them,
    from that country's module of the holidays package alone."""
    return list(holiday_class(country).subdivisions)


def _country(value: str) -> str:
    code = value.strip().upper()
    if code in iso_country_codes():
        return code
    if code in country_names():
        raise expected("a country whose public holidays the kit knows",
                       f"{country_names()[code]} ('{code}') is not one of them yet; give the nearest "
                       "country whose holidays you keep")
    raise expected("a two-letter ISO 3166 country code such as 'US' or 'DE'", country_hint(value))


#: A country whose public holidays are known, as its two-letter code (written in capitals).
CountryCode = Annotated[str, Field(max_length=100), AfterValidator(_country),
                        WithJsonSchema({"type": "string", "pattern": "^[A-Za-z]{2}$",
                                        "description": "ISO 3166-1 alpha-2 country code, such as 'US'"})]


# -- dates and times ------------------------------------------------------------------------

def iso_date(value: Any) -> Any:
    """``value`` if it is a date or text written YYYY-MM-DD, else a plain-words error."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise expected("a date written YYYY-MM-DD, e.g. '2026-12-04'")
    return value


def _sane_year(value: Any) -> Any:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise expected(f"a date between the years {FIRST_YEAR} and {LAST_YEAR}", "Check the year")
    return value


#: A day, written YYYY-MM-DD in the files.
IsoDate = Annotated[dt.date, BeforeValidator(iso_date), AfterValidator(_sane_year)]

LOCAL_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")


def _local_datetime(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not LOCAL_DATETIME.match(value):
        raise expected(
            "a local date and time written YYYY-MM-DDTHH:MM, e.g. '2026-11-20T10:00'",
            "Write the date, a T, then hours and minutes, with no seconds or UTC offset "
            "(the interview's time zone applies)",
        )
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise expected("a real calendar date and time, e.g. '2026-11-20T10:00'") from None


#: A wall-clock date and time without a zone ('2026-11-20T10:00'); the interview's zone applies.
LocalDateTime = Annotated[
    dt.datetime,
    BeforeValidator(_local_datetime),
    AfterValidator(_sane_year),
    PlainSerializer(local_iso),
    WithJsonSchema({"type": "string", "pattern": LOCAL_DATETIME.pattern,
                    "description": "local date and time YYYY-MM-DDTHH:MM, in the interview's time zone"}),
]

_HH_MM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _clock_time(value: str) -> str:
    if not _HH_MM.match(value):
        raise expected("a time of day written HH:MM, e.g. '09:00'")
    return value


#: A time of day, written HH:MM.
ClockTime = Annotated[str, AfterValidator(_clock_time)]
