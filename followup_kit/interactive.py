"""Questions in the terminal that build an interview file (``followup-kit new``).

For people without Jupyter: each answer is checked as soon as it is given, by
the record model itself (the same plain-words messages as ``check``), and asked
again until it is valid. Nothing is written until the whole interview is valid.
"""

from __future__ import annotations

import copy
import re
from typing import Any, Callable

import click

from .batch import _local_datetime as spreadsheet_datetime
from .errors import InvalidFileError
from .fields import MAX_ITEMS
from .model import INTERVIEW_FORMAT, PROFILE_FORMAT, Interview, Profile
from .vocabulary import CHECK_SOURCES, MEDIA, REFLECTION_QUESTIONS, STAGES, TIMELINE_LABELS

_SKELETON: dict[str, Any] = {
    "format": INTERVIEW_FORMAT, "company": "x", "role": "x", "stage": "other", "medium": "video",
    "start": "2000-01-01T10:00", "end": "2000-01-01T11:00", "timeline": {"kind": "none"},
    "interviewers": [{"name": "x"}],
}
_PROFILE_SKELETON: dict[str, Any] = {"format": PROFILE_FORMAT, "name": "x", "timezone": "UTC", "country": "US"}


def _problems(model: Any, record: dict[str, Any], field: str) -> list[str]:
    """The model's plain-words problems about ``field`` when ``record`` is validated."""
    try:
        model.from_record(record, file="answer")
    except InvalidFileError as exc:
        return [_words(p) for p in exc.problems
                if p.field == field or p.field.startswith((field + ".", field + "["))]
    return []


def _words(problem: Any) -> str:
    text = f"expected {problem.expected}"
    if problem.found and problem.found != "nothing":
        text += f" (got {problem.found})"
    fix = problem.fix
    if fix.startswith("This is the "):  # the question already says whom it is about
        fix = fix.split(".", 1)[1].strip() if "." in fix else ""
    text += f". {fix}" if fix else ""
    # The questions ask for '2026-11-20 10:00'; the file's 'T' form would only confuse.
    return re.sub(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})", r"\1 \2", text)


def _set(record: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    fresh = copy.deepcopy(record)
    target = fresh
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return fresh


def _field_name(path: tuple[Any, ...]) -> str:
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


class DuplicateInterview(Exception):
    """The interview being entered is already in the workspace (same company, start and role)."""

    def __init__(self, existing: str):
        super().__init__(existing)
        self.existing = existing


class Questions:
    """Asks for an interview (and, if needed, a profile), re-asking until each answer is valid."""

    def __init__(self, *, default_timezone: str | None = None,
                 existing: Callable[[str, str, str], str | None] | None = None):
        self.default_timezone = default_timezone
        self.existing = existing
        self.record: dict[str, Any] = copy.deepcopy(_SKELETON)

    # -- one question ------------------------------------------------------------

    def ask(self, text: str, path: tuple[Any, ...], *, optional: bool = False, default: str | None = None,
            convert: Callable[[str], Any] = lambda s: s, model: Any = Interview,
            record: dict[str, Any] | None = None) -> Any:
        """Ask ``text`` until the answer, put at ``path`` of the record, validates; return it converted.

        An optional question accepts an empty answer and returns ``None``.
        """
        base = self.record if record is None else record

        def check(answer: str) -> Any:
            answer = answer.strip()
            if not answer:
                if optional:
                    return None
                raise click.BadParameter("expected some text (this question needs an answer)")
            value = convert(answer)
            problems = _problems(model, _set(base, path, value), _field_name(path))
            if problems:
                raise click.BadParameter("; ".join(problems))
            return value

        return click.prompt(text, default=default if default is not None else ("" if optional else None),
                            show_default=bool(default), value_proc=check)

    # -- the profile -------------------------------------------------------------

    def profile(self) -> Profile:
        """Ask for the candidate's profile: name, email, time zone, country, region."""
        click.echo("First, about you (this is saved once, in profile.json).")
        record = copy.deepcopy(_PROFILE_SKELETON)
        for key, text, optional, convert in (
            ("name", "Your name, as you sign your notes", False, str),
            ("email", "Your email address (optional)", True, str),
            ("address", "Your postal address for the back of the cards (optional; separate lines with ' | ')",
             True, _lines),
            ("timezone", "Your time zone (e.g. America/Chicago, Europe/Berlin)", False, str),
            ("country", "Your country, two letters (e.g. US, DE); business days skip its holidays", False,
             str.upper),
            ("subdivision", "Your region code for regional holidays (optional, e.g. IL, BY)", True, str),
        ):
            value = self.ask(text, (key,), optional=optional, convert=convert, model=Profile, record=record)
            if value is not None:
                record[key] = value
        return Profile.from_record(record)

    # -- the interview -----------------------------------------------------------

    def interview(self) -> Interview:
        """Ask for every part of the interview and return the validated record."""
        r = self.record
        r["company"] = self.ask("Company", ("company",))
        address = self.ask("Company postal address (optional; separate lines with ' | ')",
                           ("company_address",), optional=True, convert=_lines)
        if address:
            r["company_address"] = address
        r["role"] = self.ask("Role you interviewed for", ("role",))
        r["stage"] = self.ask(f"Stage ({', '.join(STAGES)})", ("stage",), convert=_keyword)
        r["medium"] = self.ask(f"Medium ({', '.join(MEDIA)})", ("medium",), convert=_keyword)
        r["start"] = self.ask("Start (YYYY-MM-DD HH:MM)", ("start",), convert=_local_datetime)
        if self.existing is not None:  # asked before the rest, so no answer is given in vain
            same = self.existing(r["company"], r["start"], r["role"])
            if same:
                raise DuplicateInterview(same)
        r["end"] = self.ask("End (HH:MM, or YYYY-MM-DD HH:MM)", ("end",),
                            convert=lambda s: _local_datetime(s, day=r["start"][:10]))
        zone = self.ask("Time zone of those times", ("timezone",), default=self.default_timezone,
                        optional=self.default_timezone is None)
        if zone and zone != self.default_timezone:
            r["timezone"] = zone
        r["timeline"] = self._timeline()
        r["interviewers"] = []
        while True:
            r["interviewers"].append(self._person(len(r["interviewers"])))
            if len(r["interviewers"]) >= MAX_ITEMS["interviewers"]:  # asked no further than a file holds
                click.echo(f"That makes {len(r['interviewers'])} interviewers, as many as one interview holds.")
                break
            if not click.confirm("Add another interviewer?", default=False):
                break
        # R1: written down while it is fresh.
        click.echo("While it is fresh: separate several points with ';', Enter to skip.")
        reflection = r["reflection"] = {}
        for key, text in REFLECTION_QUESTIONS.items():
            items = self.ask(text, ("reflection", key), optional=True, convert=_items)
            if items:
                reflection[key] = items
        if not reflection:
            del r["reflection"]
        return Interview.from_record(r, file="your answers")

    def _timeline(self) -> dict[str, Any]:
        click.echo("What did they say about when they will decide?")  # R3
        kinds = ", ".join(f"{kind} = {words}" for kind, words in TIMELINE_LABELS.items())
        kind = self.ask(f"Timeline ({kinds})", ("timeline", "kind"), convert=_keyword)
        timeline: dict[str, Any] = {"kind": kind}
        self.record["timeline"] = timeline
        if kind == "date":
            timeline["date"] = self.ask("Decision date (YYYY-MM-DD)", ("timeline", "date"),
                                        convert=lambda s: _local_datetime(s)[:10] if " " in s else s)
        elif kind == "within":
            timeline["days"] = self.ask("Within how many days?", ("timeline", "days"), convert=_whole)
            timeline["business"] = click.confirm("Business days (not calendar days)?", default=False)
        said = self.ask("Their exact words (optional)", ("timeline", "said"), optional=True)
        if said:
            timeline["said"] = said
        return timeline

    def _person(self, index: int) -> dict[str, Any]:
        # R2: the name exactly as printed, and where it was checked.
        click.echo(f"Interviewer {index + 1}: spell the name exactly as it must be printed.")
        checked: dict[str, str] = {}
        person: dict[str, Any] = {"name": "x", "checked": checked}
        self.record["interviewers"] = [*self.record["interviewers"][:index], person]
        path = ("interviewers", index)
        person["name"] = self.ask("Name", (*path, "name"))
        sources = ", ".join(CHECK_SOURCES)
        source = self.ask(f"Where did you check the spelling of the name? ({sources}; Enter if not checked)",
                          (*path, "checked", "name"), optional=True)
        if source:
            checked["name"] = source
        title = self.ask("Job title (optional)", (*path, "title"), optional=True)
        if title:
            person["title"] = title
            source = self.ask("Where did you check the title? (Enter if not checked)",
                              (*path, "checked", "title"), optional=True)
            if source:
                checked["title"] = source
        email = self.ask("Email (optional)", (*path, "email"), optional=True)
        if email:
            person["email"] = email
        # R4, R6, R23: the topics make each person's note their own; jotted as short phrases,
        # they go into the note's sentences as written.
        person["topics"] = self.ask("Topics you discussed with them, as short phrases, e.g. 'the move to dbt' "
                                    "(separate with ';')", (*path, "topics"), optional=True, convert=_items) or []
        # R22: a concern is answered in the note to the person who raised it.
        concerns = self.ask("Concerns this person raised, as short phrases, e.g. 'my experience with Kafka' "
                            "(optional; separate with ';')", (*path, "concerns"), optional=True, convert=_items)
        if concerns:
            person["concerns"] = concerns
        personal = self.ask("A personal connection worth a sentence (optional)", (*path, "personal"),
                            optional=True)
        if personal:
            person["personal"] = personal
        return person


def _keyword(text: str) -> str:
    return re.sub(r"[\s_]+", "-", text.strip().lower())


def _local_datetime(text: str, *, day: str = "") -> str:
    value = spreadsheet_datetime(text.strip(), day=day)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value):
        # Said in the form the question asks for, not the file's 'T' form.
        example = "13:30 or 2026-11-20 13:30" if day else "2026-11-20 10:00"
        raise click.BadParameter(f"expected a date and time such as {example} (got {text.strip()!r})")
    return value


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(";") if item.strip()]


def _lines(text: str) -> str:
    return "\n".join(line.strip() for line in text.split("|") if line.strip())


def _whole(text: str) -> Any:
    # Only a plain number of a few digits: int() refuses 4,300 digits and '²' with a traceback.
    return int(text) if re.fullmatch(r"[0-9]{1,9}", text.strip()) else text

