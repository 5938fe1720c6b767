"""What the notebook app computes without any widget: words, tables, rules, files.

The panels in :mod:`followup_kit.ui` only translate widget values into calls of
this module and of the session; everything here is plain Python, tested without
Jupyter (as ipyfilechooser keeps its ``utils.py``):

* the plain words the app shows for stages, media, steps and outcomes, and the
  label of an interview in a menu ("Nordwind Energie: Data Platform Engineer (Thu 19 Nov 2026)");
* reading dates and times as people type them ("24.11.2026", "2:30 pm");
* turning a record's problems into one message per field, in plain words;
* merging a form's unsaved edits with a version saved elsewhere meanwhile;
* the state of a follow-up step (due, still in time, overdue) and the tracker's rows;
* download links that carry the file itself, so no server route is needed;
* where the app remembers the workspace and unsaved input between visits;
* a debouncer, so that proofreading runs once typing pauses.

Nothing here shows a rule tag, a field path or a command-line flag: these are the
words the user reads (house rule 8).
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from .errors import FollowupKitError
from .model import FollowupSettings, Interview, Profile
from .templating import clock, day
from .vocabulary import MEDIUM_LABELS, OUTCOME_LABELS, STAGE_LABELS, STEP_LABELS, TIMELINE_LABELS

if TYPE_CHECKING:
    from .errors import Problem
    from .schedule import Event

# -- plain words ----------------------------------------------------------------------------
# The kit's vocabulary, as a menu or a table starts them: with a capital.

def _capital(labels: dict[str, str]) -> dict[str, str]:
    return {key: text[:1].upper() + text[1:] for key, text in labels.items()}


STAGE_WORDS = _capital(STAGE_LABELS)
MEDIUM_WORDS = _capital(MEDIUM_LABELS)
STEP_WORDS = _capital(STEP_LABELS)
OUTCOME_WORDS = _capital(OUTCOME_LABELS)
TIMELINE_WORDS = _capital(TIMELINE_LABELS)

_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december"]


def say_day(value: dt.date) -> str:
    """'Tue 24 Nov 2026': the kit's one way of writing a day."""
    return day(value, year=True)


def say_moment(moment: dt.datetime, *, today: dt.date | None = None) -> str:
    """'Tue 24 Nov 21:00', or 'today 21:00' / 'tomorrow 09:00' relative to ``today``."""
    if today is not None:
        if moment.date() == today:
            return f"today {clock(moment)}"
        if moment.date() == today + dt.timedelta(days=1):
            return f"tomorrow {clock(moment)}"
    return f"{day(moment, year=False)} {clock(moment)}"


def interview_label(interview: Interview) -> str:
    """How menus name an interview: 'Company: role (Tue 24 Nov 2026)', never its file name."""
    return f"{interview.company}: {interview.role} ({say_day(interview.start.date())})"


def interview_options(interviews: Iterable[Interview]) -> list[tuple[str, str]]:
    """Menu options (label, id), the labels made unique when two interviews share one."""
    options: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for interview in interviews:
        label = interview_label(interview)
        seen[label] = seen.get(label, 0) + 1
        options.append((label if seen[label] == 1 else f"{label} #{seen[label]}", interview.id))
    return options


# -- dates and times as people type them -----------------------------------------------------

class EntryError(ValueError):
    """What is wrong with a typed value, in words for the field it belongs to."""


def parse_day(text: str, *, month_first: bool = False) -> dt.date:
    """A date typed as '2026-11-24', '24.11.2026', '24/11/2026' (11/24/2026 with
    ``month_first``), '24 Nov 2026' or 'Nov 24, 2026'."""
    value = text.strip()
    if not value:
        raise EntryError("Write the date, e.g. 2026-11-24.")
    try:
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = re.fullmatch(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})", value)
        if m:
            first, second = int(m[1]), int(m[3])
            if m[2] == "/" and month_first:
                first, second = second, first
            return dt.date(int(m[4]), second, first)
        m = re.fullmatch(r"(\d{1,2})\.?\s+([A-Za-z]+)\.?,?\s+(\d{4})", value)
        if m and _month(m[2]):
            return dt.date(int(m[3]), _month(m[2]), int(m[1]))
        m = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", value)
        if m and _month(m[1]):
            return dt.date(int(m[3]), _month(m[1]), int(m[2]))
    except ValueError:
        raise EntryError(f"There is no such day as {value}; check the day and the month.") from None
    raise EntryError(f"Write the date as year-month-day, e.g. 2026-11-24 (not \"{value}\").")


def _month(word: str) -> int:
    word = word.lower()
    for n, name in enumerate(_MONTH_NAMES, 1):
        if len(word) >= 3 and name.startswith(word):
            return n
    return 0


def parse_clock(text: str) -> dt.time:
    """A time of day typed as '14:30', '14.30', '1430', '9', '2pm' or '2:30 pm'."""
    value = text.strip().lower().replace(" ", "")
    if not value:
        raise EntryError("Write the time, e.g. 14:30.")
    m = re.fullmatch(r"(\d{1,2})(?:[:.h]?(\d{2}))?(am|pm|a\.m\.|p\.m\.)?", value)
    if m:
        hour, minute, half = int(m[1]), int(m[2] or 0), (m[3] or "").replace(".", "")
        if half:
            if not 1 <= hour <= 12:
                raise EntryError(f"With am or pm the hour is 1 to 12 (not \"{text.strip()}\").")
            hour = hour % 12 + (12 if half == "pm" else 0)
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise EntryError(f"Write the time as hours:minutes, e.g. 14:30 (not \"{text.strip()}\").")


# -- a record's problems, one message per field ------------------------------------------------

#: What each part of the form is called on screen (the label beside it).
FIELD_LABELS = {
    "company": "Company", "role": "Role", "company_address": "Company address", "stage": "Stage",
    "medium": "How", "day": "Date", "start": "From", "end": "To", "timezone": "Time zone",
    "timeline.kind": "Decision", "timeline.date": "Decision by", "timeline.days": "Days",
    "timeline.said": "Their words", "interviewers": "Interviewers", "extras": "Worth sending along",
    "reflection.went_well": "What went well?", "reflection.went_poorly": "What did not go well?",
    "reflection.stood_out": "What stood out?", "reflection.forgot_to_mention": "What did you forget to mention?",
    "reflection.concerns_raised": "Which concerns did they raise?",
    "name": "Name", "title": "Title", "email": "Email", "address": "Postal address",
    "checked.name": "Name checked on", "checked.title": "Title checked on", "topics": "Topics",
    "personal": "Personal", "salutation": "Greet as", "note": "Note", "phone": "Phone",
    "country": "Country", "subdivision": "Region", "greeting": "Greeting",
}

#: The message for a field whatever the model's wording: said as a person would.
_FIELD_WORDS = {
    "company": "Write the company's name.",
    "role": "Write the role you interviewed for.",
    "name": "Write the name exactly as it is printed on the business card.",
    "title": "Write the job title as printed, or leave it empty.",
    "salutation": "Write how to greet the person, or leave it empty.",
    "interviewers": "Add everyone who interviewed you: each gets a note of their own.",
    "days": "Write a number of days from 1 to 366.",
    "date": "Write the date they gave, e.g. 2026-12-04.",
    "url": "Write the web address after the |, starting with https://.",
    "end": "The interview must end after it starts: check the two times.",
    "topics": "Write each topic as a short phrase on its own line.",
}


#: Problems whose own fix says more than a field's usual words (see fields.py).
_SAYS_THE_FIX = re.compile(r"control characters|direction overrides|invisible characters|one line|line breaks"
                           r"|at most [\d,]+ (characters|interviewers|topics)|character pair|between the years"
                           r"|within (a year|\d+ days)")


def field_path(text: str) -> tuple[str | int, ...]:
    """'interviewers[2].checked.name' as ('interviewers', 2, 'checked', 'name')."""
    parts: list[str | int] = []
    for m in re.finditer(r"\[(\d+)\]|([^.\[\]]+)", text or ""):
        parts.append(int(m[1]) if m[1] is not None else m[2])
    return tuple(parts)


def field_key(path: Sequence[str | int]) -> str:
    """The form's name for the field a problem is about: 'interviewers.2.email', 'extras', 'day'."""
    if not path:
        return ""
    head = path[0]
    if head == "interviewers" and len(path) >= 3 and isinstance(path[1], int):
        rest = [p for p in path[2:] if not isinstance(p, int)]
        return f"interviewers.{path[1]}.{'.'.join(str(p) for p in rest[:2])}"
    if head in ("extras", "interviewers"):
        return str(head)
    if head in ("timeline", "reflection") and len(path) > 1:
        return f"{head}.{path[1]}"
    if head == "start":
        return "day"
    return str(head)


def problem_words(problem: "Problem") -> str:
    """A record's problem as the message beside its field: no field path, no JSON."""
    path = field_path(problem.field)
    names = [p for p in path if isinstance(p, str)]
    last = names[-1] if names else ""
    if path[:1] == ("extras",) and len(path) > 1 and isinstance(path[1], int):
        line = path[1] + 1
        if last == "title":
            return f"Line {line}: write a title, then | and the web address."
        return f"Line {line}: write the web address after the |, starting with https://."
    if _SAYS_THE_FIX.search(problem.expected) and problem.fix:
        # What is wrong is in the text itself (a control character, a line break, its length, a
        # year): the field's usual words ("Write the company's name") would not say it.
        return plain(f"Expected {problem.expected}. {problem.fix}.")
    if path[:1] == ("timeline",) and last == "date":
        return _FIELD_WORDS["date"]
    if last == "email":
        if "@" in str(problem.found) and problem.fix:
            return plain(f"This is not one plain email address: {problem.fix[0].lower()}{problem.fix[1:]}.")
        return "This is not an email address yet: it needs an @ and a domain, as in ana@example.com."
    if last == "timezone":
        close = re.search(r"Did you mean '([^']+)'", problem.fix or "")
        hint = f" Did you mean {close[1]}?" if close else (f" {problem.fix}." if problem.fix else "")
        return f"Choose a time zone from the list; type a city to search.{hint}"
    if last in _FIELD_WORDS:
        return _FIELD_WORDS[last]
    return plain(f"Expected {problem.expected}.")


def plain(message: str) -> str:
    """A library message in the app's words: command-line flags, Python names and rule
    tags become what the app offers instead."""
    replacements = [
        (r"\s*;?\s*or print drafts marked DRAFT with --draft \(draft=True\)\.?", "; or tick \"Print as a draft\"."),
        (r"record where under \"checked\" \(e\.g\. [^)]*\)", "choose where you checked each in the Interview tab"),
        (r"with --size", "under Card size"),
        (r"--draft", "\"Print as a draft\""),
        (r"\s*\(R\d+(?:[–,-]\s*R?\d+)*\)", ""),
        (r"\b(checked\.(?:name|title))\b", "\"checked on\""),
        (r"interviews/([\w.-]+)\.json", "this interview"),
        (r"\binterviewers\[(\d+)\]\.?", lambda m: f"interviewer {int(m[1]) + 1} "),
    ]
    for pattern, replacement in replacements:
        message = re.sub(pattern, replacement, message)
    return message


# -- merging unsaved edits with a version saved meanwhile -----------------------------------------

_MISSING = object()


def merge(base: Any, mine: Any, theirs: Any, path: tuple[Any, ...] = ()) -> tuple[Any, list[tuple[Any, ...]]]:
    """Combine ``mine`` (a form's edits of ``base``) with ``theirs`` (``base`` as saved
    since by someone else), field by field, as version control merges lines.

    A field only one side changed takes that side's value; a field both changed to
    different values is a conflict, listed by its path (``mine`` is kept there).
    Interviewers are merged person by person while both sides keep the same people.
    """
    if _same(mine, base):
        return theirs, []
    if _same(theirs, base) or _same(theirs, mine):
        return mine, []
    if all(isinstance(v, dict) for v in (base, mine, theirs)):
        merged: dict[str, Any] = {}
        conflicts: list[tuple[Any, ...]] = []
        for key in list(dict.fromkeys([*base, *mine, *theirs])):
            value, found = merge(base.get(key, _MISSING), mine.get(key, _MISSING), theirs.get(key, _MISSING),
                                 (*path, key))
            conflicts += found
            if value is not _MISSING:
                merged[key] = value
        return merged, conflicts
    if (all(isinstance(v, list) for v in (base, mine, theirs)) and len(base) == len(mine) == len(theirs)
            and path == ("interviewers",)):
        items, conflicts = [], []
        for n, (b, m, t) in enumerate(zip(base, mine, theirs)):
            value, found = merge(b, m, t, (*path, n))
            items.append(value)
            conflicts += found
        return items, conflicts
    return mine, [path]


def _same(a: Any, b: Any) -> bool:
    return a is b or (a is not _MISSING and b is not _MISSING and a == b)


def conflict_words(path: Sequence[Any], record: dict[str, Any]) -> str:
    """A conflicting field as the user knows it: 'Role', "Zoë Ångström's title"."""
    if len(path) >= 2 and path[0] == "interviewers" and isinstance(path[1], int):
        people = record.get("interviewers") or []
        who = people[path[1]].get("name") if path[1] < len(people) else None
        who = who or f"interviewer {path[1] + 1}"
        rest = ".".join(str(p) for p in path[2:] if not isinstance(p, int))
        what = FIELD_LABELS.get(rest, rest or "details").lower()
        return f"{who}'s {what}" if rest else f"{who}'s details"
    key = field_key(tuple(path))
    return FIELD_LABELS.get(key, FIELD_LABELS.get(str(path[0]) if path else "", "a field"))


# -- follow-up steps: due, still in time, overdue -------------------------------------------------

#: When the evening ends: the same-day email is due by then, before the night when
#: no reminder asks anything of anyone (R7, R20). A profile may set ``evening_ends``.
EVENING_ENDS = dt.time(21, 0)


@dataclass(frozen=True)
class StepState:
    """Where a step stands at ``now``: ``upcoming``, ``due`` (do it now, still in time),
    ``late`` (past its planned time, but still in time), ``overdue`` (too late by the rule),
    ``done`` or ``closed``."""

    kind: str
    state: str
    due: dt.datetime
    deadline: dt.datetime
    text: str

    @property
    def overdue(self) -> bool:
        return self.state == "overdue"


def step_deadline(event: "Event", interview: Interview, profile: Profile,
                  settings: FollowupSettings | None = None) -> tuple[dt.datetime, dt.datetime]:
    """When a step should be done by, and when it is too late: (by, limit).

    The thank-you email is done by the end of its evening (R7, R20) and too late once
    the 24 hours after the interview run out (R7); the cards are too late at those 24
    hours too; a follow-up or the move-on is in time all through its day.
    """
    settings = settings or profile.settings
    zone = profile.zone
    due = event.due.astimezone(zone)
    if event.kind in ("thank-you-email", "thank-you-cards"):
        end = interview.ended_at(profile).astimezone(dt.timezone.utc)
        limit = (end + dt.timedelta(hours=settings.thank_you_within_hours)).astimezone(zone)
        if event.kind == "thank-you-email":
            evening = _evening_end(settings)
            by = dt.datetime.combine(due.date(), evening, tzinfo=zone)
            by = max(by, due, key=lambda m: m.astimezone(dt.timezone.utc))
            by = min(by, limit, key=lambda m: m.astimezone(dt.timezone.utc))
            return by, limit
        return limit, limit
    day_end = dt.datetime.combine(due.date() + dt.timedelta(days=1), dt.time(0, 0), tzinfo=zone)
    return day_end, day_end


def _evening_end(settings: FollowupSettings) -> dt.time:
    value = getattr(settings, "evening_ends", None)
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str):
        try:
            return dt.time.fromisoformat(value)
        except ValueError:
            pass
    return EVENING_ENDS


def step_state(event: "Event", interview: Interview, profile: Profile, now: dt.datetime,
               settings: FollowupSettings | None = None) -> StepState:
    """The state of one step at ``now`` (aware), with the words the tracker shows for it."""
    zone = profile.zone
    now = now.astimezone(zone)
    due = event.due.astimezone(zone)
    by, limit = step_deadline(event, interview, profile, settings)
    today = now.date()
    if event.status == "done":
        when = f" on {say_day(event.done_on)}" if event.done_on else ""
        return StepState(event.kind, "done", due, limit, f"done{when}")
    if event.status == "closed":
        return StepState(event.kind, "closed", due, limit, "not needed: the application is closed")
    if event.status == "replaced":
        return StepState(event.kind, "closed", due, limit, "not needed: a later round took its place")
    if now > limit:
        return StepState(event.kind, "overdue", due, limit, f"overdue: it was due by {say_moment(limit, today=today)}")
    if now < due:
        return StepState(event.kind, "upcoming", due, limit, f"due {say_moment(due, today=today)}")
    if now <= by:
        if event.kind in ("status-follow-up", "move-on"):
            return StepState(event.kind, "due", due, limit, "due today")
        return StepState(event.kind, "due", due, limit, f"due now, by {say_moment(by, today=today)}")
    return StepState(event.kind, "late", due, limit,
                     f"still in time until {say_moment(limit, today=today)}")


@dataclass(frozen=True)
class TrackerRow:
    """One interview in the tracker: its next step and the state of every step."""

    interview: Interview
    next_kind: str | None
    next_text: str
    state: str
    steps: list[StepState] = field(default_factory=list)

    @property
    def label(self) -> str:
        return interview_label(self.interview)


def tracker_rows(interviews: Sequence[Interview], events: Sequence["Event"], profile: Profile,
                 now: dt.datetime, settings: FollowupSettings | None = None) -> list[TrackerRow]:
    """Per interview: the next open step (the earliest due), its words and state."""
    rows = []
    for interview in interviews:
        mine = [e for e in events if e.interview_id == interview.id]
        states = [step_state(e, interview, profile, now, settings) for e in mine]
        waiting = [e for e in mine if e.status == "open"]  # after a rejection: the reply to send
        if interview.closed and not waiting:
            outcome = OUTCOME_WORDS.get(interview.outcome or "", interview.outcome or "")
            when = f" on {say_day(interview.outcome_date)}" if interview.outcome_date else ""
            rows.append(TrackerRow(interview, None, f"Closed: {outcome.lower()}{when}", "closed", states))
            continue
        upcoming = [(e, s) for e, s in zip(mine, states) if e.status == "open"]
        if not upcoming:
            rows.append(TrackerRow(interview, None, "All steps done", "done", states))
            continue
        event, state = upcoming[0]
        rows.append(TrackerRow(interview, event.kind, f"{STEP_WORDS[event.kind]}: {state.text}", state.state,
                               states))
    return rows


_STATE_STYLE = {"overdue": "color:#b00020;font-weight:bold", "due": "color:#8a5300;font-weight:bold",
                "late": "color:#8a5300;font-weight:bold", "closed": "color:#555", "done": "color:#555"}
_STATE_MARK = {"overdue": "⚠ ", "due": "● ", "late": "● "}


def state_html(text: str, state: str) -> str:
    """A step's words coloured by its state, with a sign besides the colour."""
    return (f"<span class='fk-state-{state}' style='{_STATE_STYLE.get(state, '')}'>"
            f"{_STATE_MARK.get(state, '')}{html.escape(text)}</span>")


def table_html(head: Sequence[str], rows: Iterable[Sequence[str]], *, css: str = "fk-table") -> str:
    """A plain HTML table; the cells are HTML already."""
    header = "".join(f"<th scope='col'>{html.escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table class='{css}'><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def steps_table(interviews: Sequence[Interview], events: Sequence["Event"], profile: Profile,
                now: dt.datetime, settings: FollowupSettings | None = None) -> str:
    """Every step of every interview as text: what the chart shows, readable by anyone."""
    by_id = {i.id: i for i in interviews}
    rows = []
    for event in events:
        interview = by_id.get(event.interview_id)
        if interview is None:
            continue
        state = step_state(event, interview, profile, now, settings)
        rows.append((html.escape(interview.company), html.escape(STEP_WORDS[event.kind]),
                     html.escape(say_moment(event.due.astimezone(profile.zone))), state_html(state.text, state.state)))
    if not rows:
        return "<p>Nothing to plan yet.</p>"
    return table_html(("Company", "Step", "When", "State"), rows)


# -- downloads that carry the file itself -----------------------------------------------------

MIME = {".pdf": "application/pdf", ".ics": "text/calendar", ".eml": "message/rfc822", ".zip": "application/zip"}


def download_html(data: bytes, filename: str, label: str) -> str:
    """A link styled as a button that hands the browser the file itself (a data: address).

    It works the same in Voilà and JupyterLab and needs no file route on the server.
    """
    mime = MIME.get(Path(filename).suffix.lower(), "application/octet-stream")
    payload = base64.b64encode(data).decode("ascii")
    return (f'<a class="fk-download" download="{html.escape(filename)}" '
            f'href="data:{mime};base64,{payload}">⬇ {html.escape(label)}</a>')


def zip_bytes(files: Iterable[tuple[str, bytes]]) -> bytes:
    """The files in one .zip (fixed dates, so the same files give the same bytes)."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


# -- what the app remembers between visits ---------------------------------------------------

SETTINGS_FILE = "app.json"
UNSAVED_FILE = "unsaved.json"


def config_dir() -> Path:
    """Where the app keeps its own small files: ``$FOLLOWUP_KIT_CONFIG`` if set, else the
    user's configuration folder (``~/.config/followup-kit`` on Linux, ``%APPDATA%`` on
    Windows, ``~/Library/Application Support`` on macOS)."""
    own = os.environ.get("FOLLOWUP_KIT_CONFIG")
    if own:
        return Path(own).expanduser()
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "followup-kit"


def default_workspace() -> Path:
    """The folder the app suggests for a first workspace."""
    return Path.home() / "job-search"


def example_workspace() -> Path:
    """Where 'try it with example data' copies the example, never the user's own folder."""
    return config_dir() / "example-workspace"


class AppMemory:
    """The app's memory between visits: the workspace last open, the interview and tab
    last shown, and what was typed but not saved (per workspace). A reload of the page
    starts a new kernel; this is how it finds everything as it was.

    Stored as two small JSON files in :func:`config_dir`, written atomically. A damaged
    file is treated as empty: it only holds conveniences, never the user's records.
    """

    def __init__(self, folder: Path | str | None = None):
        self.folder = Path(folder) if folder is not None else config_dir()

    def _read(self, name: str) -> dict[str, Any]:
        try:
            data = json.loads((self.folder / name).read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, name: str, data: dict[str, Any]) -> None:
        from .workspace import write_atomic

        try:
            write_atomic(self.folder / name, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode())
        except FollowupKitError:
            pass  # a convenience only: the records themselves are saved elsewhere

    # the workspace, the interview, the tab
    @property
    def workspace(self) -> Path | None:
        value = self._read(SETTINGS_FILE).get("workspace")
        return Path(value) if isinstance(value, str) and value else None

    def remember(self, **values: Any) -> None:
        """Remember ``workspace`` (a path), ``tab``; ``interview`` is kept per workspace."""
        data = self._read(SETTINGS_FILE)
        if "workspace" in values:
            path = values.pop("workspace")
            data["workspace"] = str(Path(path).absolute()) if path else ""
            recent = [str(Path(path).absolute())] if path else []
            data["recent"] = list(dict.fromkeys(recent + [r for r in data.get("recent", []) if isinstance(r, str)]))[:8]
        if "interview" in values:
            shown = data.setdefault("interview", {})
            if isinstance(shown, dict) and data.get("workspace"):
                shown[data["workspace"]] = values.pop("interview") or ""
            else:
                values.pop("interview")
        data.update(values)
        self._write(SETTINGS_FILE, data)

    def recall(self, key: str, default: Any = None) -> Any:
        data = self._read(SETTINGS_FILE)
        if key == "interview":
            shown = data.get("interview")
            value = shown.get(data.get("workspace", "")) if isinstance(shown, dict) else None
            return value or default
        return data.get(key, default)

    @property
    def recent(self) -> list[str]:
        return [r for r in self._read(SETTINGS_FILE).get("recent", []) if isinstance(r, str)]

    # what was typed but not saved
    def unsaved(self, workspace: Path, kind: str, key: str) -> Any:
        """What was typed but not saved in one form (``kind`` 'form' or 'note')."""
        return self._read(UNSAVED_FILE).get(str(Path(workspace).absolute()), {}).get(kind, {}).get(key)

    def keep_unsaved(self, workspace: Path, kind: str, key: str, value: Any) -> None:
        """Keep (or, with ``None``, forget) what was typed in one form."""
        data = self._read(UNSAVED_FILE)
        mine = data.setdefault(str(Path(workspace).absolute()), {}).setdefault(kind, {})
        if value is None:
            if key not in mine:
                return
            mine.pop(key)
        else:
            mine[key] = value
        self._write(UNSAVED_FILE, data)


# -- debouncing -------------------------------------------------------------------------------

class Debouncer:
    """Call ``function`` once calls pause for ``delay`` seconds (the last call's arguments).

    In a running kernel the call is scheduled on its event loop, the thread the
    widgets live in; where no loop runs (plain tests, scripts) it is called at once,
    so tests can drive it directly. :meth:`flush` runs a pending call now.
    """

    def __init__(self, function: Callable[..., Any], delay: float = 0.3):
        self.function, self.delay = function, delay
        self._handle: Any = None
        self._pending: tuple[tuple[Any, ...], dict[str, Any]] | None = None

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        import asyncio

        self.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.function(*args, **kwargs)
            return
        self._pending = (args, kwargs)
        self._handle = loop.call_later(self.delay, self.flush)

    def flush(self) -> None:
        pending, self._pending = self._pending, None
        self._handle = None
        if pending is not None:
            self.function(*pending[0], **pending[1])

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
        self._handle, self._pending = None, None


__all__ = [
    "AppMemory", "Debouncer", "EntryError", "FIELD_LABELS", "MEDIUM_WORDS", "OUTCOME_WORDS", "STAGE_WORDS",
    "STEP_WORDS", "StepState", "TIMELINE_WORDS", "TrackerRow", "config_dir", "conflict_words", "download_html",
    "field_key", "field_path", "interview_label", "interview_options", "merge", "parse_clock", "parse_day",
    "plain", "problem_words", "say_day", "say_moment", "step_deadline", "step_state", "steps_table",
    "table_html", "tracker_rows", "zip_bytes",
]


# -- the interview every panel shows ------------------------------------------------------------

class Selection:
    """Which interview the panels show: one for all of them, so they never disagree.

    ``id`` is ``""`` for a new interview not saved yet. Listeners hear each change.
    """

    def __init__(self, interview_id: str = ""):
        self.id = interview_id or ""
        self._listeners: list[Callable[[str], None]] = []

    def set(self, interview_id: str | None) -> None:
        interview_id = interview_id or ""
        if interview_id == self.id:
            return
        self.id = interview_id
        for listener in list(self._listeners):
            listener(interview_id)

    def subscribe(self, listener: Callable[[str], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None


# -- countries and regions, by name ------------------------------------------------------------

def country_options() -> list[tuple[str, str]]:
    """Every country whose public holidays the kit knows, as (name, code), by name."""
    import holidays
    from holidays import registry

    supported = holidays.list_supported_countries()
    names = {}
    for entry in registry.COUNTRIES.values():
        name, code = entry[0], entry[1]
        if code in supported:
            names[code] = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)
    return sorted(((n, c) for c, n in names.items()), key=lambda item: item[0])


def region_options(country: str) -> list[tuple[str, str]]:
    """The regions of ``country`` (their own public holidays), as (name, code)."""
    import holidays

    if not country:
        return []
    codes = holidays.list_supported_countries().get(country, [])
    try:
        aliases = getattr(holidays.country_holidays(country), "subdivisions_aliases", {}) or {}
    except (NotImplementedError, KeyError):
        aliases = {}
    named = {}
    for alias, code in aliases.items():
        named.setdefault(code, alias)
    return [(f"{named[c]} ({c})" if c in named and named[c] != c else c, c) for c in codes]


#: How a new round follows the last one.
NEXT_STAGE = {"phone-screen": "first-round", "first-round": "onsite", "onsite": "final", "final": "final",
              "other": "other"}


def next_round(record: dict[str, Any]) -> dict[str, Any]:
    """A new interview for the next round of the same application: the company, role and
    people carried over; the date, notes, reflection, progress and outcome left to fill."""
    keep = {k: v for k, v in record.items() if k in ("format", "company", "company_address", "role", "medium",
                                                       "timezone")}
    keep["stage"] = NEXT_STAGE.get(record.get("stage", ""), "other")
    keep["timeline"] = {"kind": "none"}
    keep["interviewers"] = [{k: v for k, v in person.items() if k != "note"}
                            for person in record.get("interviewers", [])]
    return keep
