"""Typed, validated records of the workspace format (version 1).

Records are frozen pydantic models: they are checked when built and never
change afterwards; ``record.model_copy(update=...)`` or :func:`replace` makes a
new one. Raw JSON becomes a record through the named constructors
(``Interview.from_record``), which turn pydantic's errors into
:class:`~followup_kit.errors.InvalidFileError` with plain-words messages.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from functools import lru_cache
from typing import Annotated, Any, Literal, Union
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictInt,
    WithJsonSchema,
    ValidationError,
    field_serializer,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .errors import InvalidFileError, Problem

PROFILE_FORMAT = "followup-kit/profile@1"
INTERVIEW_FORMAT = "followup-kit/interview@1"

Stage = Literal["phone-screen", "first-round", "onsite", "final", "other"]
Medium = Literal["phone", "video", "in-person"]
EventKind = Literal["thank-you-email", "thank-you-cards", "status-follow-up", "move-on"]
#: The follow-up steps of an interview, in the order they fall due (R7, R8, R13–R18).
EVENT_KINDS: tuple[str, ...] = ("thank-you-email", "thank-you-cards", "status-follow-up", "move-on")
Outcome = Literal["offer", "rejected", "withdrawn", "moved-on"]
#: How an application can end; an interview with an outcome is closed (no more reminders).
OUTCOMES: tuple[str, ...] = ("offer", "rejected", "withdrawn", "moved-on")

_LOCAL_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")
LocalDateTime = Annotated[dt.datetime, WithJsonSchema({
    "type": "string", "pattern": _LOCAL_DATETIME.pattern,
    "description": "local date and time YYYY-MM-DDTHH:MM, in the interview's time zone"})]
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _expected(expected: str, hint: str = "") -> PydanticCustomError:
    """An error whose message is 'expected ...'; the hint says how to fix it."""
    return PydanticCustomError("expected", "expected {expected}", {"expected": expected, "hint": hint})


def _nfc(value: Any) -> Any:
    # Names are compared and printed; NFC makes "Dvořák" typed two ways one string.
    # ASCII text is NFC already; skipping it keeps loading hundreds of files fast.
    if isinstance(value, str) and not value.isascii():
        return unicodedata.normalize("NFC", value)
    return value


class Record(BaseModel):
    """Base of every record: frozen, no unknown fields, text in NFC."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=False)

    @model_validator(mode="before")
    @classmethod
    def _normalise_text(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        # Copy the dict only when some text changes: most files are NFC already.
        changes = {}
        for key, value in data.items():
            if isinstance(value, str):
                if not value.isascii():
                    changes[key] = _nfc(value)
            elif isinstance(value, list) and not all(type(v) is not str or v.isascii() for v in value):
                changes[key] = [_nfc(v) for v in value]
        return {**data, **changes} if changes else data


def _non_empty(value: str) -> str:
    if not value.strip():
        raise _expected("some text (it is empty)")
    if value != value.strip():
        raise _expected("no spaces at the start or end", "Remove the extra spaces around the text")
    return value


NonEmpty = Annotated[str, Field(min_length=1)]


# -- time zones, countries --------------------------------------------------

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
        raise _expected("an IANA time zone name such as 'America/Chicago'", hint) from None
    return name


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    """The country codes the holidays package knows, read from its registry: listing
    them with their regions would import every one of its 250 country modules."""
    try:
        from holidays.registry import EntityLoader  # imported here: only a profile needs it

        return frozenset(EntityLoader.get_country_codes(include_aliases=True))
    except (ImportError, AttributeError):  # a holidays release without that registry
        import holidays

        return frozenset(holidays.list_supported_countries())


@lru_cache(maxsize=None)
def _regions(country: str) -> list[str]:
    """The region codes of ``country`` (a code from :func:`_country_codes`)."""
    import holidays

    return list(getattr(holidays, country).subdivisions)


# -- the timeline the employer gave (R3) ----------------------------------------

class _TimelineBase(Record):
    said: str | None = None
    """The employer's words, verbatim."""


class DateTimeline(_TimelineBase):
    """'We will decide by December 4.'"""

    kind: Literal["date"]
    date: dt.date

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise _expected("a date written YYYY-MM-DD, e.g. '2026-12-04'")
        return value


class WithinTimeline(_TimelineBase):
    """'Within two weeks' (calendar days) or 'in 10 business days'."""

    kind: Literal["within"]
    # Strict: in a JSON file, "yes" or "10" in quotes is a slip worth pointing out.
    days: StrictInt = Field(gt=0, le=366)
    business: StrictBool = False


class FewDaysTimeline(_TimelineBase):
    """'You will hear from us in a few days.'"""

    kind: Literal["few-days"]


class NoTimeline(_TimelineBase):
    """Nothing was said about when the decision comes."""

    kind: Literal["none"]


Timeline = Annotated[
    Union[DateTimeline, WithinTimeline, FewDaysTimeline, NoTimeline],
    Field(discriminator="kind"),
]
TIMELINE_KINDS = ("date", "within", "few-days", "none")


# -- people and the interview ---------------------------------------------------

class Checked(Record):  # R2 (tags stay out of docstrings: the JSON Schema shows them to users)
    """Where the name and the title were verified; a missing key means unverified."""

    name: str | None = None
    title: str | None = None

    @field_validator("name", "title")
    @classmethod
    def _source(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise _expected(
                "where it was checked, such as 'business card' or 'email signature'",
                "Leave the key out if it was not checked",
            )
        return value


class Interviewer(Record):
    """One person who interviewed the candidate."""

    name: str
    title: str | None = None
    email: str | None = None
    address: str | None = None
    checked: Checked = Checked()
    topics: list[NonEmpty] = []
    personal: str | None = None
    note: str | None = None
    salutation: str | None = None
    """How notes address this person after "Dear" ("Ms Hà", "Dr Weiß"); by default
    the given name, see :func:`followup_kit.names.salutation` (R11)."""

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return _non_empty(value)

    @field_validator("title", "salutation")
    @classmethod
    def _title(cls, value: str | None) -> str | None:
        return None if value is None else _non_empty(value)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not _EMAIL.match(value):
            raise _expected("an email address such as 'ana@example.com'")
        return value

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready dict stored in the interview file."""
        return self.model_dump(mode="json", exclude_none=True)

    @property
    def unverified(self) -> list[str]:
        """The fields ('name', 'title') that nobody checked (R2)."""
        missing = [] if self.checked.name else ["name"]
        if self.title and not self.checked.title:
            missing.append("title")
        return missing


class Reflection(Record):  # R1
    """What the candidate wrote down right after the interview, while it was fresh."""

    went_well: list[NonEmpty] = []
    went_poorly: list[NonEmpty] = []
    stood_out: list[NonEmpty] = []
    forgot_to_mention: list[NonEmpty] = []
    concerns_raised: list[NonEmpty] = []


class Extra(Record):  # R4, R9
    """An article or work sample worth referencing in a note."""

    title: NonEmpty
    url: str

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not re.match(r"^https?://\S+$", value):
            raise _expected("a web address starting with https://")
        return value


def _check_format(value: Any, expected_format: str) -> str:
    kind = expected_format.split("/")[1].split("@")[0]
    if value == expected_format:
        return value
    if isinstance(value, str) and value.startswith(f"followup-kit/{kind}@"):
        raise _expected(
            f"'{expected_format}'",
            "This file was written by a newer followup-kit; upgrade with "
            "'python -m pip install -U followup-kit'",
        )
    raise _expected(f"'{expected_format}'", f"Is this a followup-kit {kind} file?")

# -- follow-up settings (R7, R13–R18) -----------------------------------------------

_HH_MM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise _expected("a date written YYYY-MM-DD, e.g. '2026-12-04'")
    return value


class FollowupSettings(Record):  # R7, R13–R18
    """Every number the follow-up planner uses (when to thank, follow up, move on), with its default.

    This is the one place the defaults live. A profile may override any of them
    under ``"followup"``; only the fields written there are saved back, so a
    later version's better defaults still reach everyone else.
    """

    thank_you_within_hours: StrictInt = Field(24, ge=1, le=168)
    """R7: the thank-you email and the cards are due within this many hours (elapsed) of the end."""
    email_by: str = "18:00"
    """R7: the same-day time (HH:MM) the thank-you email is planned for."""
    email_after_end_minutes: StrictInt = Field(60, ge=0, le=720)
    """The email is never planned sooner than this after the interview ends (time to get home)."""
    reminder_time: str = "09:00"
    """The time of day (HH:MM) the cards, status follow-up and move-on reminders are placed."""
    business_days_after_date: StrictInt = Field(1, ge=0, le=30)
    """R13: follow up this many business days after a stated decision date or span."""
    few_days_wait_days: StrictInt = Field(7, ge=1, le=60)
    """R14: after "a few days", follow up this many days after the interview."""
    no_timeline_wait_days: StrictInt = Field(14, ge=1, le=90)
    """R15: with no timeline, follow up this many days after the interview."""
    min_wait_days: StrictInt = Field(7, ge=0, le=60)
    """R16: never follow up sooner than this many days after the interview."""
    move_on_days: StrictInt = Field(30, ge=1, le=365)
    """R18: about a month after the interview, it is time to move on."""
    move_on_after_follow_up_days: StrictInt = Field(7, ge=1, le=90)
    """R18: the move-on date is at least this many days after the status follow-up."""
    event_minutes: StrictInt = Field(30, ge=5, le=480)
    """How long each calendar entry lasts."""
    alarm_minutes_before: StrictInt = Field(15, ge=0, le=1440)
    """How long before each calendar entry its alarm rings."""

    @field_validator("email_by", "reminder_time")
    @classmethod
    def _hh_mm(cls, value: str) -> str:
        if not _HH_MM.match(value):
            raise _expected("a time of day written HH:MM, e.g. '09:00'")
        return value

    @model_serializer(mode="wrap")
    def _only_what_was_set(self, handler: Any, info: Any) -> dict[str, Any]:
        # Written back to profile.json: only the user's overrides, never the defaults.
        data = handler(self)
        if info.mode != "json":
            return data
        return {key: value for key, value in data.items() if key in self.model_fields_set}

    def time_of(self, name: str) -> dt.time:
        """``email_by`` or ``reminder_time`` as a :class:`datetime.time`."""
        return dt.time.fromisoformat(getattr(self, name))


class Profile(Record):
    """The candidate: how they sign, how to reach them, where they live."""

    format: Literal["followup-kit/profile@1"]
    name: str
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    timezone: str
    country: str
    subdivision: str | None = None
    followup: FollowupSettings | None = None
    """Overrides of the follow-up planner's defaults (R7, R13–R18); see :class:`FollowupSettings`."""

    @field_validator("format", mode="before")
    @classmethod
    def _format(cls, value: Any) -> str:
        return _check_format(value, PROFILE_FORMAT)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return _non_empty(value)

    @field_validator("timezone")
    @classmethod
    def _tz(cls, value: str) -> str:
        return check_timezone(value)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not _EMAIL.match(value):
            raise _expected("an email address such as 'you@example.org'")
        return value

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        code = value.strip().upper()
        if code not in _country_codes():
            raise _expected(
                "a two-letter ISO 3166 country code such as 'US' or 'DE'",
                "Business days skip that country's public holidays",
            )
        return code

    @field_validator("subdivision")
    @classmethod
    def _subdivision(cls, value: str | None, info) -> str | None:
        country = info.data.get("country")
        if value is None or country is None:
            return value
        known = _regions(country) if country in _country_codes() else []
        if value not in known:
            upper = value.upper()
            if upper in known:
                return upper
            shown = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
            raise _expected(
                f"a region code of {country}" + (f" ({shown})" if known else ""),
                "Leave 'subdivision' out if unsure",
            )
        return value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @classmethod
    def from_record(cls, data: Any, *, file: str = "profile.json") -> "Profile":
        """Build a profile from parsed JSON, or raise :class:`InvalidFileError`."""
        return _build(cls, data, file)


class Interview(Record):
    """One interview: the company, the role, when, with whom, and what was said."""

    format: Literal["followup-kit/interview@1"]
    company: str
    company_address: str | None = None
    role: str
    stage: Stage
    medium: Medium
    start: LocalDateTime
    end: LocalDateTime
    timezone: str | None = None
    timeline: Timeline
    interviewers: list[Interviewer] = Field(min_length=1)
    reflection: Reflection = Reflection()
    extras: list[Extra] = []
    done: dict[EventKind, dt.date] = {}
    """Follow-up steps already done, each with the date: ``{"thank-you-email": "2026-11-20"}``."""
    outcome: Outcome | None = None
    """How the application ended; an interview with an outcome gets no more reminders."""
    outcome_date: dt.date | None = None
    """When the outcome was recorded."""

    _id: str = PrivateAttr(default="")

    @property
    def id(self) -> str:
        """The file's stem ('2026-11-20-acme-analytics-onsite'); never stored in the file."""
        return self._id

    def with_id(self, interview_id: str) -> "Interview":
        """The same interview under another id."""
        copy = self.model_copy()
        copy._id = interview_id
        return copy

    @field_validator("format", mode="before")
    @classmethod
    def _format(cls, value: Any) -> str:
        return _check_format(value, INTERVIEW_FORMAT)

    @field_validator("company", "role")
    @classmethod
    def _text(cls, value: str) -> str:
        return _non_empty(value)

    @field_validator("timezone")
    @classmethod
    def _tz(cls, value: str | None) -> str | None:
        return None if value is None else check_timezone(value)

    @field_validator("start", "end", mode="before")
    @classmethod
    def _local_datetime(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value
        if not isinstance(value, str) or not _LOCAL_DATETIME.match(value):
            raise _expected(
                "a local date and time written YYYY-MM-DDTHH:MM, e.g. '2026-11-20T10:00'",
                "Write the date, a T, then hours and minutes, with no seconds or UTC offset "
                "(the interview's time zone applies)",
            )
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            raise _expected("a real calendar date and time, e.g. '2026-11-20T10:00'") from None

    @field_validator("end")
    @classmethod
    def _after_start(cls, value: dt.datetime, info) -> dt.datetime:
        start = info.data.get("start")
        if start is not None and value <= start:
            raise _expected(
                f"a time after the start ({start:%Y-%m-%dT%H:%M})",
                "Check that 'start' and 'end' are not swapped",
            )
        return value

    @field_validator("interviewers", mode="before")
    @classmethod
    def _some_interviewer(cls, value: Any) -> Any:
        if isinstance(value, list) and not value:
            raise _expected(
                "at least one interviewer",
                "Add each person who interviewed you, with name, title and topics",
            )
        return value

    @field_validator("done", mode="before")
    @classmethod
    def _done_dates(cls, value: Any) -> Any:
        if isinstance(value, dict):
            dates = {}
            for key, day in value.items():
                try:
                    dates[key] = _iso_date(day)
                except PydanticCustomError:
                    raise _expected(f"a date written YYYY-MM-DD for \"{key}\", e.g. '2026-11-20'",
                                    "Write the day the step was done") from None
            return dates
        return value

    @field_validator("outcome_date", mode="before")
    @classmethod
    def _outcome_date(cls, value: Any) -> Any:
        return None if value is None else _iso_date(value)

    @property
    def closed(self) -> bool:
        """True once an outcome is recorded: the interview gets no more reminders (R18)."""
        return self.outcome is not None

    @field_serializer("start", "end")
    def _write_local(self, value: dt.datetime) -> str:
        return value.strftime("%Y-%m-%dT%H:%M")

    def zone(self, profile: Profile) -> ZoneInfo:
        """The interview's time zone, else the profile's."""
        return ZoneInfo(self.timezone or profile.timezone)

    def ended_at(self, profile: Profile) -> dt.datetime:
        """When the interview ended, as an aware date-time."""
        return self.end.replace(tzinfo=self.zone(profile))

    def with_interviewer(self, index: int, **changes: Any) -> "Interview":
        """A new interview whose interviewer ``index`` has ``changes`` applied (validated)."""
        people = [p.to_record() for p in self.interviewers]
        people[index] = {k: v for k, v in {**people[index], **changes}.items() if v is not None}
        return replace(self, interviewers=people)

    @classmethod
    def from_record(cls, data: Any, *, id: str = "", file: str = "interview.json") -> "Interview":
        """Build an interview from parsed JSON, or raise :class:`InvalidFileError`."""
        return _build(cls, data, file).with_id(id)

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready dict written to ``interviews/<id>.json``."""
        return self.model_dump(mode="json", exclude_none=True)


def replace(record: Record, **changes: Any) -> Record:
    """A new record with ``changes`` applied and validated again.

    Raises :class:`InvalidFileError` in the same plain words as a file would get,
    naming the interview's file when the record came from one.
    """
    data = record.model_dump(mode="json", exclude_none=True)
    data.update(changes)
    where = f"interviews/{record.id}.json" if isinstance(record, Interview) and record.id else "the edited record"
    fresh = _build(type(record), data, where)
    return fresh.with_id(record.id) if isinstance(record, Interview) else fresh


# -- turning pydantic's errors into plain words ------------------------------------

_UNION_FIELDS = {"timeline"}

_TYPE_WORDS = {
    "string_type": "text in quotes",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list in square brackets [...]",
    "dict_type": "an object in braces {...}",
    "model_type": "an object in braces {...}",
    "model_attributes_type": "an object in braces {...}",
    "date_type": "a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "a date written YYYY-MM-DD",
    "date_parsing": "a date written YYYY-MM-DD",
}


def _path(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    skip_next = False
    for i, item in enumerate(loc):
        if skip_next:
            skip_next = False
            continue
        if item == "[key]":  # pydantic's marker for "the key itself is wrong", already named
            continue
        if isinstance(item, int):
            parts.append(f"[{item}]")
        else:
            parts.append(("." if parts else "") + str(item))
            # A tagged union puts the tag ('date', 'within') in the location.
            if item in _UNION_FIELDS and i + 1 < len(loc) and loc[i + 1] in TIMELINE_KINDS:
                skip_next = True
    return "".join(parts)


def _shown(value: Any) -> str:
    import json

    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The record class that owns the last key of ``loc`` (for 'did you mean')."""
    current: Any = model
    for item in loc[:-1]:
        if isinstance(item, int) or current is None:
            continue
        if item in TIMELINE_KINDS and current is None:
            continue
        fields = getattr(current, "model_fields", {})
        if item in fields:
            current = _record_class(fields[item].annotation)
        elif item in TIMELINE_KINDS:
            current = {"date": DateTimeline, "within": WithinTimeline,
                       "few-days": FewDaysTimeline, "none": NoTimeline}[item]
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _record_class(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _record_class(arg)
        if found is not None:
            return found
    return None


def _problem(model: type[BaseModel], file: str, error: dict[str, Any], data: Any) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    field = _path(loc)
    found = _shown(error.get("input")) if "input" in error else ""
    fix = ""
    if kind == "expected":
        expected, fix = ctx["expected"], ctx.get("hint", "")
    elif kind == "missing":
        expected, found = "a value (this field is required)", "nothing"
        parent = _path(loc[:-1])
        fix = f"Add \"{loc[-1]}\" to " + (f"\"{parent}\"" if parent else "the file") if loc else ""
    elif kind == "extra_forbidden":
        owner = _model_at(model, loc)
        names = [n for n, f in (owner.model_fields.items() if owner else []) if not f.exclude]
        close = difflib.get_close_matches(str(loc[-1]), names, n=1)
        expected = "only known fields" + (f" ({', '.join(names)})" if names else "")
        found = f"unknown field \"{loc[-1]}\""
        fix = f"Did you mean \"{close[0]}\"?" if close else "Remove it or check its spelling"
    elif kind == "literal_error":
        expected = f"one of {ctx.get('expected')}"
    elif kind == "union_tag_invalid":
        expected = f"a timeline kind, one of {ctx.get('expected_tags')}"
        found = _shown(ctx.get("tag"))
        field = (field + ".kind") if not field.endswith("kind") else field
    elif kind == "union_tag_not_found":
        expected = "a \"kind\": one of 'date', 'within', 'few-days', 'none'"
        field = field + ".kind"
        found = "no kind"
    elif kind == "too_short":
        expected = f"at least {ctx.get('min_length')} item(s)" if "min_length" in ctx else "more items"
        if loc and loc[-1] in ("name", "title", "company", "role") or ctx.get("min_length") == 1 and isinstance(error.get("input"), str):
            expected = "some text (it is empty)"
    elif kind in ("greater_than", "less_than_equal", "greater_than_equal", "less_than"):
        bounds = {"greater_than": "more than", "greater_than_equal": "at least",
                  "less_than": "less than", "less_than_equal": "at most"}
        limit = next(iter(ctx.values()), "")
        expected = f"a number {bounds[kind]} {limit}"
    elif kind in _TYPE_WORDS:
        expected = _TYPE_WORDS[kind]
    else:
        expected = error.get("msg", "a valid value").removeprefix("Input should be ")
    if field.startswith("interviewers[") and isinstance(data, dict):
        fix = f"{_person_hint(data, loc)} {fix}".strip()
    return Problem(file=file, field=field, expected=expected, found=found, fix=fix)


def _person_hint(data: dict[str, Any], loc: tuple[Any, ...]) -> str:
    # "interviewers[2]" means little to a non-programmer; name the person.
    try:
        index = loc[1]
        person = data["interviewers"][index]
        name = person.get("name") if isinstance(person, dict) else None
    except (IndexError, KeyError, TypeError):
        return ""
    ordinal = {0: "1st", 1: "2nd", 2: "3rd"}.get(index, f"{index + 1}th")
    who = f"the {ordinal} interviewer" + (f", {name}" if isinstance(name, str) and name else "")
    return f"This is {who}."


def _build(model: type[Record], data: Any, file: str) -> Any:
    if not isinstance(data, dict):
        raise InvalidFileError(file, [Problem(file, "", "a JSON object in braces {...}", _shown(data)[:20])])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [_problem(model, file, e, data) for e in exc.errors(include_url=False)]
        raise InvalidFileError(file, problems) from None
