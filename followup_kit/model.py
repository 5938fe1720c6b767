"""Typed, validated records of the workspace format (version 1).

Records are frozen pydantic models: they are checked when built and never
change afterwards; ``record.model_copy(update=...)`` or :func:`replace` makes a
new one. Raw JSON becomes a record through the named constructors
(``Interview.from_record``), which turn pydantic's errors into
:class:`~followup_kit.errors.InvalidFileError` with plain-words messages
(:mod:`followup_kit.validation`). Fields are typed with the reusable checked
types of :mod:`followup_kit.fields`, and closed lists of words come from
:mod:`followup_kit.vocabulary`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import lru_cache
from typing import Annotated, Any, Literal, Union
from zoneinfo import ZoneInfo

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictInt,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .errors import InvalidValueError
from .fields import (
    LONGEST_INTERVIEW_DAYS,
    RELATED_DAYS,
    CheckedSource,
    ClockTime,
    CountryCode,
    EmailAddress,
    IsoDate,
    LocalDateTime,
    Name,
    NoteText,
    OwnEmailAddress,
    Personal,
    Phone,
    Points,
    PostalAddress,
    Said,
    Salutation,
    TimeZoneName,
    Subdivision,
    Topic,
    Topics,
    WebAddress,
    check_timezone,  # noqa: F401  (re-exported: first defined here)
    country_codes,
    expected,
    format_tag,
    iso_date,
    items,
    regions,
)
from .templating import local_iso
from .validation import build
from .vocabulary import EVENT_KINDS, OUTCOMES, TIMELINE_KINDS  # noqa: F401  (re-exported: first defined here)
from .vocabulary import CLOSING_OUTCOMES, EventKind, GreetingStyle, Medium, Outcome, Stage, Weekday

PROFILE_FORMAT = "followup-kit/profile@1"
INTERVIEW_FORMAT = "followup-kit/interview@1"
ProfileFormat = format_tag(PROFILE_FORMAT)
InterviewFormat = format_tag(INTERVIEW_FORMAT)



def _nfc(value: Any) -> Any:
    # Names are compared and printed; NFC makes "Dvořák" typed two ways one string.
    # ASCII text is NFC already; skipping it keeps loading hundreds of files fast.
    if isinstance(value, str) and not value.isascii():
        return unicodedata.normalize("NFC", value)
    return value


def _empty(factory: Any) -> Any:
    """An empty default made anew for each record: pydantic deep-copies a default value for
    every record it builds, which cost a fifth of the time of reading a workspace. The JSON
    schema still shows the default."""
    shown = factory()
    return Field(default_factory=factory, json_schema_extra={
        "default": shown.model_dump(mode="json") if isinstance(shown, BaseModel) else shown})


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


# -- the timeline the employer gave (R3) ----------------------------------------

class _TimelineBase(Record):
    said: Said | None = None
    """The employer's words, verbatim."""


class DateTimeline(_TimelineBase):
    """'We will decide by December 4.'"""

    kind: Literal["date"]
    date: IsoDate


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


# -- people and the interview ---------------------------------------------------

class Checked(Record):  # R2 (tags stay out of docstrings: the JSON Schema shows them to users)
    """Where the name and the title were verified; a missing key means unverified."""

    name: CheckedSource | None = None
    title: CheckedSource | None = None


class Interviewer(Record):
    """One person who interviewed the candidate."""

    name: Name
    title: Name | None = None
    email: EmailAddress | None = None
    address: PostalAddress | None = None
    checked: Checked = _empty(Checked)
    topics: Topics = _empty(list)
    personal: Personal | None = None
    concerns: Points = _empty(list)
    """Concerns this person raised; each is answered in this person's note only (R22)."""
    note: NoteText | None = None
    salutation: Salutation | None = None
    """How notes address this person after "Dear" ("Ms Hà", "Dr Weiß"); by default
    the given name, see :func:`followup_kit.names.salutation` (R11)."""
    contact: StrictBool | None = None
    """true: the person the status follow-up and the feedback request go to (the one who runs
    the process), when the panel has no recruiter or another person should get them."""

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


#: The people of one interview, at most a few hundred.
Interviewers = items("interviewers", Interviewer)


class Reflection(Record):  # R1
    """What the candidate wrote down right after the interview, while it was fresh."""

    went_well: Points = _empty(list)
    went_poorly: Points = _empty(list)
    stood_out: Points = _empty(list)
    forgot_to_mention: Points = _empty(list)
    concerns_raised: Points = _empty(list)


class Extra(Record):  # R4, R9
    """An article or work sample worth referencing in a note."""

    title: Topic
    url: WebAddress


#: The articles and work samples of one interview.
Extras = items("extras", Extra)


# -- follow-up settings (R7, R13–R18) -----------------------------------------------

class FollowupSettings(Record):  # R7, R13–R18
    """Every number the follow-up planner uses (when to thank, follow up, move on), with its default.

    This is the one place the defaults live. A profile may override any of them
    under ``"followup"``; only the fields written there are saved back, so a
    later version's better defaults still reach everyone else.
    """

    thank_you_within_hours: StrictInt = Field(24, ge=1, le=168)
    """R7: the thank-you email and the cards are due within this many hours (elapsed) of the end."""
    email_by: ClockTime = "18:00"
    """R7: the same-day time (HH:MM) the thank-you email is planned for."""
    email_after_end_minutes: StrictInt = Field(60, ge=0, le=720)
    """The email is never planned sooner than this after the interview ends (time to get home)."""
    reminder_time: ClockTime = "09:00"
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
    evening_ends: ClockTime = "21:00"
    """R20: the same-day thank-you email is on time until this time of the evening (HH:MM)."""
    night_starts: ClockTime = "22:00"
    """R20: nothing is due from this time (HH:MM) ..."""
    night_ends: ClockTime = "07:00"
    """... until this time (HH:MM) the next morning."""
    morning_email: ClockTime = "08:00"
    """R20: when an interview ends too late for an email that evening, it is due at this time
    (HH:MM) the next morning."""
    mail_days: list[Weekday] = Field(["mon", "tue", "wed", "thu", "fri", "sat"], min_length=1)
    """R21: the days the post is collected ("mon" … "sun"); public holidays never are."""
    domestic_mail_business_days: StrictInt = Field(2, ge=0, le=20)
    """R21: how many business days a card takes to arrive by domestic post."""
    rejection_reply_business_days: StrictInt = Field(1, ge=0, le=10)
    """R24: the reply to a rejection is due this many business days after it came."""

    @model_serializer(mode="wrap")
    def _only_what_was_set(self, handler: Any, info: Any) -> dict[str, Any]:
        # Written back to profile.json: only the user's overrides, never the defaults.
        data = handler(self)
        if info.mode != "json":
            return data
        return {key: value for key, value in data.items() if key in self.model_fields_set}

    def time_of(self, name: str) -> dt.time:
        """A time setting (``email_by``, ``reminder_time``, ``evening_ends``…) as a :class:`datetime.time`."""
        return dt.time.fromisoformat(getattr(self, name))


@lru_cache(maxsize=1)
def _default_followup() -> FollowupSettings:
    return FollowupSettings()


class Profile(Record):
    """The candidate: how they sign, how to reach them, where they live."""

    format: ProfileFormat
    name: Name
    email: OwnEmailAddress | None = None
    phone: Phone | None = None
    address: PostalAddress | None = None
    timezone: TimeZoneName
    country: CountryCode
    subdivision: Subdivision | None = None
    followup: FollowupSettings | None = None
    """Overrides of the follow-up planner's defaults (R7, R13–R18); see :class:`FollowupSettings`."""
    greeting: GreetingStyle | None = None
    """How notes greet people by default: "given-name" (the default), "full-name", or "formal"
    (the salutation recorded for each person, else the full name)."""

    @field_validator("subdivision")
    @classmethod
    def _subdivision(cls, value: str | None, info) -> str | None:
        country = info.data.get("country")
        if value is None or country is None:
            return value
        known = regions(country) if country in country_codes() else []
        if value not in known:
            upper = value.upper()
            if upper in known:
                return upper
            shown = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
            raise expected(
                f"a region code of {country}" + (f" ({shown})" if known else ""),
                "Leave 'subdivision' out if unsure",
            )
        return value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def settings(self) -> FollowupSettings:
        """The follow-up settings: the profile's own, else the kit's defaults (built once)."""
        return self.followup or _default_followup()

    @classmethod
    def from_record(cls, data: Any, *, file: str = "profile.json") -> "Profile":
        """Build a profile from parsed JSON, or raise :class:`InvalidFileError`."""
        return build(cls, data, file)


class Interview(Record):
    """One interview: the company, the role, when, with whom, and what was said."""

    format: InterviewFormat
    company: Name
    company_address: PostalAddress | None = None
    role: Name
    stage: Stage
    medium: Medium
    start: LocalDateTime
    end: LocalDateTime
    timezone: TimeZoneName | None = None
    timeline: Timeline
    interviewers: Interviewers = Field(min_length=1)
    reflection: Reflection = _empty(Reflection)
    extras: Extras = _empty(list)
    done: dict[EventKind, IsoDate] = _empty(dict)
    """Follow-up steps already done, each with the date: ``{"thank-you-email": "2026-11-20"}``."""
    outcome: Outcome | None = None
    """What came of this round: "advanced" to the next round, or how the application ended
    ("offer", "rejected", "withdrawn", "moved-on"), after which it gets no more reminders."""
    outcome_date: IsoDate | None = None
    """When the outcome was recorded."""
    application: Name | None = None
    """A label joining the rounds of one application; by default, interviews at one company
    for one role are its rounds."""

    _id: str = PrivateAttr(default="")

    @property
    def id(self) -> str:
        """The file's stem ('2026-11-20-acme-analytics-onsite'); never stored in the file."""
        # Read from pydantic's store of private values: ``self._id`` goes through a
        # ``__getattr__`` thirty times slower, and ids are read in every sort and look-up.
        private = self.__pydantic_private__
        return private.get("_id", "") if private else ""

    def with_id(self, interview_id: str) -> "Interview":
        """The same interview under another id."""
        copy = self.model_copy()
        copy._id = interview_id
        return copy

    @field_validator("end")
    @classmethod
    def _after_start(cls, value: dt.datetime, info) -> dt.datetime:
        start = info.data.get("start")
        if start is not None and value <= start:
            raise expected(
                f"a time after the start ({local_iso(start)})",
                "Check that 'start' and 'end' are not swapped",
            )
        if start is not None and value - start > dt.timedelta(days=LONGEST_INTERVIEW_DAYS):
            raise expected(
                f"a time within {LONGEST_INTERVIEW_DAYS} days of the start ({local_iso(start)})",
                "Check the date of the end",
            )
        return value

    @field_validator("timeline")
    @classmethod
    def _decision_near(cls, value: Any, info) -> Any:
        # Only a timeline of kind "date" has one (a look-up on the others is a slow miss in pydantic).
        if isinstance(value, DateTimeline) and isinstance(value.date, dt.date):
            _near_interview(value.date, info, "the decision date", at="date")
        return value

    @field_validator("done")
    @classmethod
    def _done_near(cls, value: dict[str, dt.date], info) -> dict[str, dt.date]:
        for key, day in value.items():
            _near_interview(day, info, "the day the step was done", at=key)
        return value

    @field_validator("outcome_date")
    @classmethod
    def _outcome_near(cls, value: dt.date | None, info) -> dt.date | None:
        if value is not None:
            _near_interview(value, info, "the day of the outcome")
        return value

    @field_validator("interviewers", mode="before")
    @classmethod
    def _some_interviewer(cls, value: Any) -> Any:
        if isinstance(value, list) and not value:
            raise expected(
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
                    dates[key] = iso_date(day)
                except PydanticCustomError:
                    raise expected(f"a date written YYYY-MM-DD for \"{key}\", e.g. '2026-11-20'",
                                   "Write the day the step was done") from None
            return dates
        return value

    @property
    def closed(self) -> bool:
        """True once an outcome that ends the application is recorded (R18, R24); "advanced"
        keeps it open (R19)."""
        return self.outcome in CLOSING_OUTCOMES

    def zone(self, profile: Profile) -> ZoneInfo:
        """The interview's time zone, else the profile's."""
        return ZoneInfo(self.timezone or profile.timezone)

    def ended_at(self, profile: Profile) -> dt.datetime:
        """When the interview ended, as an aware date-time."""
        return self.end.replace(tzinfo=self.zone(profile))

    def with_interviewer(self, index: int, **changes: Any) -> "Interview":
        """A new interview whose interviewer ``index`` has ``changes`` applied (validated)."""
        if not 0 <= index < len(self.interviewers):
            raise InvalidValueError(
                f"index: expected the number of one of the {len(self.interviewers)} interviewers, 0 to "
                f"{len(self.interviewers) - 1} (got {index})")
        people = [p.to_record() for p in self.interviewers]
        people[index] = {k: v for k, v in {**people[index], **changes}.items() if v is not None}
        return replace(self, interviewers=people)

    @classmethod
    def from_record(cls, data: Any, *, id: str = "", file: str = "interview.json") -> "Interview":
        """Build an interview from parsed JSON, or raise :class:`InvalidFileError`."""
        interview = build(cls, data, file)
        interview._id = id  # a record just built, shared with nobody: no copy needed
        return interview

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready dict written to ``interviews/<id>.json``."""
        return self.model_dump(mode="json", exclude_none=True)


def _near_interview(day: dt.date, info: Any, what: str, *, at: str = "") -> None:
    """Refuse a date (a decision, an outcome, a step done) years away from the interview:
    a slip of the year, which would put every reminder in the wrong year."""
    start = info.data.get("start")
    if start is None:
        return
    if abs((day - start.date()).days) > RELATED_DAYS:
        raise expected(f"{what} within a year of the interview ({start.date().isoformat()})",
                       "Check the year", at=at)


def replace(record: Record, **changes: Any) -> Record:
    """A new record with ``changes`` applied and validated again.

    Raises :class:`InvalidFileError` in the same plain words as a file would get,
    naming the interview's file when the record came from one.
    """
    if not isinstance(record, Record):
        raise InvalidValueError(f"record: expected a followup-kit record such as an Interview or a Profile "
                                f"(got {type(record).__name__}); load it with Interview.from_record first")
    data = record.model_dump(mode="json", exclude_none=True)
    data.update(changes)
    where = f"interviews/{record.id}.json" if isinstance(record, Interview) and record.id else "the edited record"
    fresh = build(type(record), data, where)
    return fresh.with_id(record.id) if isinstance(record, Interview) else fresh
