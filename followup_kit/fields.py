"""The records' reusable field types, each checked with its plain-words message.

pydantic's idiom: a type is ``Annotated[str, AfterValidator(check)]``, so a record
that declares ``name: NonEmptyText`` gets the check and its message, the same in
every record that uses the type. Every message reads "expected …", with a hint
that says how to fix it (:func:`expected`); :mod:`followup_kit.validation` turns
them into the kit's errors.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from functools import lru_cache
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from .templating import local_iso


def expected(what: str, hint: str = "") -> PydanticCustomError:
    """An error whose message is 'expected ...'; the hint says how to fix it."""
    return PydanticCustomError("expected", "expected {expected}", {"expected": what, "hint": hint})


# -- text ---------------------------------------------------------------------------------

def _non_empty(value: str) -> str:
    if not value.strip():
        raise expected("some text (it is empty)")
    if value != value.strip():
        raise expected("no spaces at the start or end", "Remove the extra spaces around the text")
    return value


#: Text that is there, without spaces around it: a name, a title, a company.
NonEmptyText = Annotated[str, AfterValidator(_non_empty)]

#: An entry of a list (a topic, a point of the reflection) or an article's title: not empty.
Entry = Annotated[str, Field(min_length=1)]


def _source(value: str) -> str:
    if not value.strip():
        raise expected(
            "where it was checked, such as 'business card' or 'email signature'",
            "Leave the key out if it was not checked",
        )
    return value


#: Where a name or title was checked ('business card'); a missing key means unchecked.
CheckedSource = Annotated[str, AfterValidator(_source)]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email_address(example: str) -> Any:
    """The type of an email address whose message shows ``example``."""

    def check(value: str) -> str:
        if not _EMAIL.match(value):
            raise expected(f"an email address such as '{example}'")
        return value

    return Annotated[str, AfterValidator(check)]


#: An interviewer's email address.
EmailAddress = email_address("ana@example.com")
#: The candidate's own email address.
OwnEmailAddress = email_address("you@example.org")


def _web_address(value: str) -> str:
    if not re.match(r"^https?://\S+$", value):
        raise expected("a web address starting with https://")
    return value


#: A link to an article or work sample.
WebAddress = Annotated[str, AfterValidator(_web_address)]


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

@lru_cache(maxsize=None)
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def check_timezone(name: str) -> str:
    """Return ``name`` if it is an IANA time zone, else raise a plain-words error."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        close = difflib.get_close_matches(name, _zone_names(), n=1)
        hint = f"Did you mean '{close[0]}'?" if close else "Use a name such as 'America/Chicago' or 'Europe/Berlin'"
        raise expected("an IANA time zone name such as 'America/Chicago'", hint) from None
    return name


#: An IANA time zone name ('Europe/Berlin').
TimeZoneName = Annotated[str, AfterValidator(check_timezone)]


@lru_cache(maxsize=1)
def countries() -> dict[str, list[str]]:
    """The countries (ISO 3166 codes) whose public holidays are known, each with its regions."""
    import holidays  # imported here: it is only needed to validate a profile

    return holidays.list_supported_countries()


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The keys of :func:`countries`, read from the holidays package's registry: listing
    every country with its regions imports all of its 250 country modules."""
    try:
        from holidays.registry import EntityLoader  # imported here: only a profile needs it

        return frozenset(EntityLoader.get_country_codes(include_aliases=True))
    except (ImportError, AttributeError):  # a holidays release without that registry
        return frozenset(countries())


@lru_cache(maxsize=None)
def regions(country: str) -> list[str]:
    """The region codes of ``country`` (one of :func:`country_codes`), as :func:`countries` lists them."""
    import holidays

    return list(getattr(holidays, country).subdivisions)


def _country(value: str) -> str:
    code = value.strip().upper()
    if code not in country_codes():
        raise expected(
            "a two-letter ISO 3166 country code such as 'US' or 'DE'",
            "Business days skip that country's public holidays",
        )
    return code


#: A country whose public holidays are known, as its two-letter code (written in capitals).
CountryCode = Annotated[str, AfterValidator(_country)]


# -- dates and times ------------------------------------------------------------------------

def iso_date(value: Any) -> Any:
    """``value`` if it is a date or text written YYYY-MM-DD, else a plain-words error."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise expected("a date written YYYY-MM-DD, e.g. '2026-12-04'")
    return value


#: A day, written YYYY-MM-DD in the files.
IsoDate = Annotated[dt.date, BeforeValidator(iso_date)]

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
