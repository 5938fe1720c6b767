"""A career centre's spreadsheet → interview files (``followup-kit import``).

One row per interviewer. The rows of one interview share a value in the
``interview`` column (any label, e.g. ``ana-acme``); without that column, rows
with the same company, start and role belong together. Interview-level cells
(company, start, timeline, reflection…) may be left blank on the second and
later rows of an interview; when filled they must agree with the first.

Each interview is validated as a whole by the record model, whose plain-words
problems are mapped back to the spreadsheet's row (header = row 1, as the
spreadsheet shows it) and column. An interview with any bad row is not written
at all; the others are, each in one atomic write through :meth:`Workspace.save`.

Re-importing is safe: an interview whose company, start and role (ignoring
case) are already in the workspace is skipped, never overwritten, so edits made
after the first import survive.

With a ``student`` column, WORKSPACE is a cohort folder holding one workspace
per student (``WORKSPACE/<student>/profile.json``): each profile signs that
student's notes, so students never share a workspace.
"""

from __future__ import annotations

import csv
import difflib
import re
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .errors import FollowupKitError, InvalidFileError, Problem, WorkspaceError
from .fields import WRONG_ENCODING, visible
from .model import INTERVIEW_FORMAT, Interview
from .templating import local_iso
from .validation import person_hint
from .vocabulary import REFLECTION_FIELDS, TIMELINE_KINDS
from .workspace import PROFILE_FILE, os_errors, read_bytes

#: Columns describing the interview; the same on every row of one interview.
INTERVIEW_COLUMNS = (
    "interview", "student",
    "company", "company_address", "role", "stage", "medium", "start", "end", "timezone",
    "timeline", "timeline_date", "timeline_days", "timeline_business", "timeline_said",
    *REFLECTION_FIELDS, "extras",
)
#: Columns describing the one interviewer of a row.
INTERVIEWER_COLUMNS = (
    "name", "title", "name_checked", "title_checked", "email", "address", "topics", "personal", "concerns", "note",
)
COLUMNS = INTERVIEW_COLUMNS + INTERVIEWER_COLUMNS
#: Columns the header must have.
REQUIRED_COLUMNS = ("company", "role", "stage", "medium", "start", "end", "name")
#: Reflection columns hold lists: items separated by ';' (or by '|' when the cell has one),
#: as do ``topics``, ``concerns`` and ``extras``.
REFLECTION_COLUMNS = REFLECTION_FIELDS
_GROUPING = ("interview", "student")
_KEYWORD_COLUMNS = ("stage", "medium", "timeline")
_YES = {"yes", "y", "true", "1", "x", "ja", "oui", "sí", "si"}
_NO = {"no", "n", "false", "0", "nein", "non"}
_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::00(?:\.0+)?)?$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::00)?$")
_URL_AT_END = re.compile(r"^(.*?)\s*(\S+://\S+)$")


# -- results -------------------------------------------------------------------

@dataclass(frozen=True)
class RowProblem(Problem):
    """A problem in one cell: the spreadsheet row (header = row 1) and the column."""

    row: int = 0
    column: str = ""

    @classmethod
    def at(cls, file: str, row: int, column: str, expected: str, found: str = "",
           fix: str = "") -> "RowProblem":
        where = f"row {row}, column {column}" if column else f"row {row}"
        return cls(file=file, field=where, expected=expected, found=found, fix=fix, row=row, column=column)


@dataclass(frozen=True)
class ImportedInterview:
    """An interview written (or, in a dry run, that would be written)."""

    rows: tuple[int, ...]
    id: str  # the interview's id (its file name); only the id is kept, so a large import stays small
    workspace: Path
    path: Path


@dataclass(frozen=True)
class SkippedInterview:
    """An interview already in the workspace (same company, start and role); left as it is."""

    rows: tuple[int, ...]
    existing: str
    workspace: Path


@dataclass(frozen=True)
class RejectedInterview:
    """An interview not written because at least one of its rows is bad."""

    rows: tuple[int, ...]
    label: str
    problems: tuple[RowProblem, ...]

    @property
    def bad_rows(self) -> tuple[int, ...]:
        return tuple(sorted({p.row for p in self.problems}))


@dataclass
class ImportReport:
    """What an import did, interview by interview."""

    file: str
    dry_run: bool = False
    imported: list[ImportedInterview] = field(default_factory=list)
    skipped: list[SkippedInterview] = field(default_factory=list)
    rejected: list[RejectedInterview] = field(default_factory=list)

    @property
    def problems(self) -> list[RowProblem]:
        """Every bad cell, by row."""
        return sorted((p for r in self.rejected for p in r.problems), key=lambda p: (p.row, p.column))

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready data (``followup-kit import --json``)."""
        return {
            "file": self.file, "dry_run": self.dry_run,
            "imported": [{"rows": list(i.rows), "id": i.id, "path": str(i.path),
                          "workspace": str(i.workspace)} for i in self.imported],
            "skipped": [{"rows": list(s.rows), "existing": s.existing, "workspace": str(s.workspace)}
                        for s in self.skipped],
            "rejected": [{"rows": list(r.rows), "interview": r.label, "problems": [
                {"row": p.row, "column": p.column, "expected": p.expected, "found": p.found,
                 "fix": p.fix, "message": str(p)} for p in r.problems]} for r in self.rejected],
        }


# -- reading the file -------------------------------------------------------------

@dataclass(frozen=True)
class Sheet:
    """A cohort CSV: its known columns, and its rows read from the file each time they are
    walked through (:meth:`rows`), so a large file is never held in memory whole."""

    file: str
    columns: tuple[str, ...]
    path: Path
    encoding: str
    delimiter: str
    header_row: int
    _named: tuple[str, ...] = ()  # every header cell, "" for the centre's own '#' columns

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        """Each filled row under the header: (its row number as the spreadsheet shows it, its
        known cells, stripped). Raises :class:`InvalidFileError` for bytes in another encoding."""
        for n, cells in _records(self.path, self.file, self.encoding, self.delimiter):
            if n <= self.header_row:
                continue
            yield n, {name: cells[i] if i < len(cells) else "" for i, name in enumerate(self._named) if name}

    def stray_cells(self, n: int, cells: list[str]) -> list["RowProblem"]:
        """Cells of row ``n`` beyond the last named column: text that would be lost."""
        return [RowProblem.at(self.file, n, f"#{i + 1}", "no cell beyond the last named column",
                              _quoted(cells[i]),
                              "Give the column a name in the header, or move the text into the right column")
                for i in range(len(self._named), len(cells)) if cells[i]]


def _records(path: Path, shown: str, encoding: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """The file's filled rows, streamed: (row number, stripped cells)."""
    try:
        with open(path, encoding=encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=delimiter)
            for n, cells in enumerate(reader, start=1):
                cells = [cell.replace("\r\n", "\n").strip().lstrip("\ufeff") if i == 0 else
                         cell.replace("\r\n", "\n").strip() for i, cell in enumerate(cells)]
                if any(cells):
                    yield n, cells
    except UnicodeDecodeError as exc:
        raise InvalidFileError(shown, [Problem(
            shown, f"byte {exc.start + 1:,}", "text saved as UTF-8", "bytes in another encoding",
            "In Excel choose 'Save As' → 'CSV UTF-8 (Comma delimited)'; or, if you know the "
            "file's encoding, pass it with --encoding (e.g. --encoding cp1252)")]) from None
    except csv.Error as exc:
        raise InvalidFileError(shown, [Problem(shown, "", "a CSV file", str(exc))]) from None
    except OSError as exc:
        raise WorkspaceError(f"{shown}: could not be read ({exc.strerror or exc}).") from exc


def _column_name(header: str) -> str:
    return re.sub(r"[\s\-]+", "_", header.strip().lower())


def _detect_delimiter(text: str) -> str:
    # The header holds plain column names, so the separator it uses most is the file's:
    # ',' from most programs, ';' from Excel in many European locales, tab from copy-paste.
    first = next((line for line in text.splitlines() if line.strip(" ,;\t")), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_sheet(path: Path | str, *, encoding: str = "utf-8-sig", delimiter: str | None = None) -> Sheet:
    """Open a cohort CSV: read its header; raise :class:`InvalidFileError` when the file as a
    whole is unusable (no header, an unknown column, an unknown encoding).

    UTF-8 with or without a byte-order mark (Excel's "CSV UTF-8") is the default;
    the delimiter (',', ';' or tab) is detected from the header unless given. The
    rows are read later, as they are needed (:meth:`Sheet.rows`).
    """
    path = Path(path)
    shown = str(path)
    try:
        import codecs

        codecs.lookup(encoding)
    except LookupError:
        raise InvalidFileError(shown, [Problem(shown, "", "a known text encoding such as 'utf-8'",
                                               encoding)]) from None
    with os_errors(path, "read"):
        if not path.is_file():
            read_bytes(path, shown=shown, missing="Give the path of the CSV to import.")
        with open(path, encoding=encoding, errors="replace", newline="") as handle:
            start = handle.read(64 * 1024).lstrip("\ufeff")
    delimiter = delimiter or _detect_delimiter(start)
    first = next(iter(_records(path, shown, encoding, delimiter)), None)
    if first is None:
        raise InvalidFileError(shown, [Problem(
            shown, "", "a header row naming the columns, then one row per interviewer", "an empty file",
            "Start from the template: followup-kit import --template > cohort.csv")])
    header_row, header = first
    columns, problems = _read_header(shown, header_row, header)
    if problems:
        raise InvalidFileError(shown, problems)
    sheet = Sheet(shown, tuple(c for c in columns if c), path, encoding, delimiter, header_row, tuple(columns))
    if next(sheet.rows(), None) is None:
        raise InvalidFileError(shown, [Problem(
            shown, "", "at least one row under the header (one row per interviewer)", "only the header")])
    return sheet


def _read_header(shown: str, row: int, header: list[str]) -> tuple[list[str], list[Problem]]:
    problems: list[Problem] = []
    columns: list[str] = []
    for i, cell in enumerate(header):
        name = _column_name(cell)
        if not name or name.startswith("#"):
            columns.append("")  # a note column the import ignores
            continue
        if name not in COLUMNS:
            close = difflib.get_close_matches(name, COLUMNS, n=1)
            problems.append(Problem(
                shown, f"row {row}, column {i + 1}", "a known column name", _quoted(cell),
                (f"Did you mean \"{close[0]}\"? " if close else "")
                + "Start a column's name with '#' to keep notes the import ignores"))
            columns.append("")
            continue
        if name in columns:
            problems.append(Problem(shown, f"row {row}, column {i + 1}", "each column once",
                                    f"a second \"{name}\"", "Delete or rename one of the two"))
        columns.append(name)
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        problems.append(Problem(
            shown, f"row {row}", "the columns " + ", ".join(REQUIRED_COLUMNS),
            "no " + ", ".join(f'"{c}"' for c in missing),
            "Add the missing columns to the header; the template has them all"))
    return columns, problems


def _quoted(text: str) -> str:
    text = visible(text[:200].replace("\n", " "))
    return f"\"{text}\"" if len(text) <= 60 else f"\"{text[:57]}…\""


# -- grouping rows into interviews ------------------------------------------------

@dataclass
class _Group:
    key: tuple[Any, ...]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(n for n, _ in self.rows)


def _key(row: dict[str, str], n: int, keyed: bool) -> tuple[Any, ...]:
    student = row.get("student", "")
    if keyed:
        return (student, "interview", row["interview"].casefold()) if row["interview"] else ("row", n)
    if row["company"] and row["start"] and row["role"]:
        return (student, row["company"].casefold(), _local_datetime(row["start"]), row["role"].casefold())
    return ("row", n)


@dataclass
class Grouping:
    """Where each interview's rows are, found in one pass over the file: its groups in order of
    their first row, the last row of each, and the cells beyond the named columns."""

    firsts: list[tuple[Any, ...]] = field(default_factory=list)
    last: dict[tuple[Any, ...], int] = field(default_factory=dict)
    stray: dict[int, list["RowProblem"]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.firsts)


def _locate_groups(sheet: Sheet) -> Grouping:
    keyed = "interview" in sheet.columns
    found = Grouping()
    for n, cells in _records(sheet.path, sheet.file, sheet.encoding, sheet.delimiter):
        if n <= sheet.header_row:
            continue
        row = {name: cells[i] if i < len(cells) else "" for i, name in enumerate(sheet._named) if name}
        key = _key(row, n, keyed)
        if key not in found.last:
            found.firsts.append(key)
        found.last[key] = n
        stray = sheet.stray_cells(n, cells)
        if stray:
            found.stray[n] = stray
    return found


def _group_rows(sheet: Sheet, grouping: Grouping | None = None) -> Iterator[_Group]:
    """The interviews of the sheet, each as soon as its last row is read (a second pass over
    the file): only interviews whose rows are still to come are held in memory."""
    grouping = grouping or _locate_groups(sheet)
    keyed = "interview" in sheet.columns
    open_groups: dict[tuple[Any, ...], _Group] = {}
    for n, row in sheet.rows():
        key = _key(row, n, keyed)
        group = open_groups.setdefault(key, _Group(key))
        group.rows.append((n, row))
        if grouping.last.get(key) == n:
            yield open_groups.pop(key)


def _local_datetime(text: str, *, day: str = "") -> str:
    """Spreadsheet date-times ('2026-11-20 10:00', '…T10:00:00', or '13:30' for the end) → 'YYYY-MM-DDTHH:MM'."""
    match = _DATETIME.match(text)
    if match:
        return f"{match[1]}T{int(match[2]):02d}:{match[3]}"
    match = _TIME.match(text)
    if match and day:
        return f"{day}T{int(match[1]):02d}:{match[2]}"
    return text  # left for the model to explain


def _items(cell: str) -> list[str]:
    separator = "|" if "|" in cell else ";"
    return [item.strip() for item in cell.split(separator) if item.strip()]


def _keyword(cell: str) -> str:
    # 'Phone screen', 'In person', 'few days' are what people type in a spreadsheet.
    return re.sub(r"[\s_]+", "-", cell.strip().lower())


# -- one group → one interview record ------------------------------------------------

class _Builder:
    """Builds the record of one group and remembers which cell each field came from."""

    def __init__(self, file: str, group: _Group):
        self.file = file
        self.group = group
        self.problems: list[RowProblem] = []
        self.source: dict[str, tuple[int, str]] = {}   # interview-level column -> (row, column)
        self.values: dict[str, str] = {}

    def problem(self, row: int, column: str, expected: str, found: str = "", fix: str = "") -> None:
        self.problems.append(RowProblem.at(self.file, row, column, expected, found, fix))

    def _collect_interview_cells(self) -> None:
        for n, row in self.group.rows:
            for column in INTERVIEW_COLUMNS:
                value = row.get(column, "")
                if not value:
                    continue
                if column not in self.values:
                    self.values[column], self.source[column] = value, (n, column)
                elif not _same(column, value, self.values[column]):
                    first = self.source[column][0]
                    self.problem(n, column, f"the same value as row {first} of this interview "
                                 f"({_quoted(self.values[column])})", _quoted(value),
                                 "Every row of one interview describes the same interview; "
                                 "leave the cell blank or copy the first row's value")

    def record(self) -> dict[str, Any]:
        self._collect_interview_cells()
        v = self.values
        first_row = self.group.numbers[0]
        data: dict[str, Any] = {"format": INTERVIEW_FORMAT}
        for column in ("company", "company_address", "role", "timezone"):
            if column in v:
                data[column] = v[column]
        for column in ("stage", "medium"):
            if column in v:
                data[column] = _keyword(v[column])
        if "start" in v:
            data["start"] = _local_datetime(v["start"])
        if "end" in v:
            day = data.get("start", "")[:10] if _DATETIME.match(v.get("start", "")) else ""
            data["end"] = _local_datetime(v["end"], day=day)
        data["timeline"] = self._timeline(first_row)
        reflection = {c: _items(v[c]) for c in REFLECTION_COLUMNS if c in v}
        if reflection:
            data["reflection"] = reflection
        if "extras" in v:
            data["extras"] = [_extra(item) for item in _items(v["extras"])]
        data["interviewers"] = [self._person(n, row) for n, row in self.group.rows]
        return data

    def _timeline(self, first_row: int) -> dict[str, Any]:
        v = self.values
        kind = _keyword(v["timeline"]) if "timeline" in v else (
            "date" if "timeline_date" in v else "within" if "timeline_days" in v else "none")
        timeline: dict[str, Any] = {"kind": kind}
        uses = {"date": ("timeline_date",), "within": ("timeline_days", "timeline_business")}.get(kind, ())
        for column in ("timeline_date", "timeline_days", "timeline_business"):
            if column in v and column not in uses and kind in TIMELINE_KINDS:
                row, _ = self.source[column]
                self.problem(row, column, f"an empty cell when timeline is '{kind}'", _quoted(v[column]),
                             "Clear it, or change the timeline column")
        if kind == "date" and "timeline_date" in v:
            timeline["date"] = v["timeline_date"][:10] if _DATETIME.match(v["timeline_date"]) \
                else v["timeline_date"]
        if kind == "within":
            if "timeline_days" in v:
                timeline["days"] = _whole_number(v["timeline_days"])
            if "timeline_business" in v:
                answer = v["timeline_business"].casefold()
                if answer in _YES or answer in _NO:
                    timeline["business"] = answer in _YES
                else:
                    row, _ = self.source["timeline_business"]
                    self.problem(row, "timeline_business", "yes or no (business days or calendar days)",
                                 _quoted(v["timeline_business"]))
        if "timeline_said" in v:
            timeline["said"] = v["timeline_said"]
        return timeline

    @staticmethod
    def _person(n: int, row: dict[str, str]) -> dict[str, Any]:
        person: dict[str, Any] = {"name": row.get("name", "")}
        for column in ("title", "email", "address", "personal", "note"):
            if row.get(column):
                person[column] = row[column]
        checked = {key: row[f"{key}_checked"] for key in ("name", "title") if row.get(f"{key}_checked")}
        person["checked"] = checked
        person["topics"] = _items(row.get("topics", ""))
        concerns = _items(row.get("concerns", ""))
        if concerns:
            person["concerns"] = concerns  # R22: the concerns this person raised
        return person


def _same(column: str, a: str, b: str) -> bool:
    if column in _KEYWORD_COLUMNS:
        return _keyword(a) == _keyword(b)
    if column in ("start", "end"):
        return _local_datetime(a) == _local_datetime(b)
    if column in ("interview", "company", "role"):
        return a.casefold() == b.casefold()
    return a == b


def _whole_number(text: str) -> Any:
    # '10', or '10.0' as a spreadsheet may write it; anything else (1e308, 5,000 digits) is left
    # for the model to explain: "a whole number (got ...)".
    match = re.fullmatch(r"(-?\d{1,9})(?:\.0*)?", text)
    return int(match[1]) if match else text


def _extra(item: str) -> dict[str, str]:
    match = _URL_AT_END.match(item)
    if not match:
        return {"title": item, "url": ""}
    title, url = match[1].strip(" -–:"), match[2]
    return {"title": title or url, "url": url}


# model field path -> spreadsheet column
_FIELD_COLUMNS = {
    "timeline": "timeline", "timeline.kind": "timeline", "timeline.date": "timeline_date",
    "timeline.days": "timeline_days", "timeline.business": "timeline_business", "timeline.said": "timeline_said",
    "checked.name": "name_checked", "checked.title": "title_checked", "checked": "name_checked",
    "interviewers": "name",
}
_CSV_FIXES = {
    "start": "In the spreadsheet, write it as 2026-11-20 10:00 (format the column as text if Excel changes it)",
    "end": "Write it as 2026-11-20 11:30, or just 11:30 on the day of the start",
    "timeline_date": "Write it as 2026-12-04 (format the column as text if Excel changes it)",
    "name_checked": "Write where it was checked, e.g. business card; leave the cell empty if nobody checked",
    "title_checked": "Write where it was checked, e.g. company website; leave the cell empty if nobody checked",
}


def _cell_of(problem: Problem, builder: _Builder, data: dict[str, Any]) -> RowProblem:
    rows = builder.group.rows
    path = problem.field
    fix = problem.fix
    person = re.match(r"^interviewers\[(\d+)\]\.?(.*)$", path)
    if person:
        index, rest = int(person[1]), re.sub(r"\[\d+\]$", "", person[2])
        row = rows[index][0] if index < len(rows) else rows[0][0]
        column = _FIELD_COLUMNS.get(rest, rest.split(".")[0] or "name")
        hint = person_hint(data, ("interviewers", index))
        fix = fix.removeprefix(hint).strip()  # the row number already says who it is
    else:
        bare = re.sub(r"\[\d+\].*$", "", path)
        column = _FIELD_COLUMNS.get(bare, bare.split(".")[-1] if bare.startswith("reflection.")
                                    else bare.split(".")[0])
        row = builder.source.get(column, (rows[0][0], column))[0]
        if column == "reflection":
            column = "went_well"
    if column in _CSV_FIXES and ("YYYY" in problem.expected or column.endswith("_checked")):
        fix = _CSV_FIXES[column]  # say how to write it in a spreadsheet, not in JSON
    if WRONG_ENCODING in fix:
        fix = (f"{fix.split(' from ')[0]}: the file looks like Windows-1252 read as Latin-1. "
               "Import it again with --encoding cp1252")
    return RowProblem.at(builder.file, row, column, problem.expected, problem.found, fix)


def _label(data: dict[str, Any], rows: tuple[int, ...]) -> str:
    parts = [str(data.get(k)) for k in ("company", "role", "start") if data.get(k)]
    parts = [visible(p if len(p) <= 60 else p[:57] + "…") for p in parts]
    return ", ".join(parts) or format_rows(rows)


def format_rows(rows: Iterable[int]) -> str:
    """Row numbers as people read them: 'row 4', 'rows 2–4, 7'."""
    numbers = sorted(set(rows))
    return ("row " if len(numbers) == 1 else "rows ") + _spans(numbers)


def _spans(numbers: list[int]) -> str:
    spans: list[str] = []
    start = prev = None
    for n in numbers + [None]:  # type: ignore[list-item]
        if start is None:
            start = prev = n
        elif n is not None and n == prev + 1:
            prev = n
        else:
            spans.append(f"{start}" if start == prev else f"{start}–{prev}")
            start = prev = n
    return ", ".join(spans)


def _dedup_key(interview: Interview) -> tuple[str, str, str]:
    return (interview.company.casefold(), local_iso(interview.start), interview.role.casefold())


# -- the import ------------------------------------------------------------------

class _Counted:
    """An iterator that knows how many items it will give, so a progress bar can show it."""

    def __init__(self, items: Iterator[Any], count: int):
        self._items, self._count = items, count

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        return self._items


class _Target:
    """A workspace being imported into, with the interviews it already holds."""

    def __init__(self, root: Path, progress: Callable[[list[str]], Iterable[str]] | None):
        from .session import Session

        self.session = Session.open(root, progress=progress)
        self.workspace = self.session.workspace
        # Counted before the interviews are read: a save while they are read shows as a change.
        self._generation = self.workspace.generation()
        self.existing = {_dedup_key(i): i.id for i in self.session.interviews}
        # Files that could not be read still hold an interview: one importing again must not duplicate.
        self.unreadable = {error.path.stem for error in self.session.invalid}
        self.known = {i.id for i in self.session.interviews} | self.unreadable
        self.planned: set[str] = set()

    def refresh(self) -> None:
        """Count the interviews another program saved since this import began (call under the lock)."""
        generation = self.workspace.generation()
        if generation == self._generation:
            return
        for interview_id in sorted(set(self.workspace.ids()) - self.known):
            self.known.add(interview_id)
            try:
                interview = self.workspace.load(interview_id)
            except InvalidFileError:
                self.unreadable.add(interview_id)
                continue
            self.existing.setdefault(_dedup_key(interview), interview.id)
        self._generation = generation

    def unreadable_twin(self, interview: Interview) -> str | None:
        """An unreadable file whose name says it is this interview (same date, company and stage)."""
        base = self.workspace.base_id(interview)
        return next((i for i in sorted(self.unreadable) if re.fullmatch(re.escape(base) + r"(-\d+)?", i)), None)

    def saved(self, interview_id: str) -> None:
        """Note an interview this import saved (under the lock), so it is not read back as another's."""
        self.known.add(interview_id)
        self._generation = self.workspace.generation()


def import_csv(path: Path | str, workspace: Path | str, *, dry_run: bool = False,
               encoding: str = "utf-8-sig", delimiter: str | None = None,
               progress: Callable[[list[Any]], Iterable[Any]] | None = None) -> ImportReport:
    """Import a cohort CSV into ``workspace``; see the module docstring for the columns.

    Returns what was imported, skipped (already present) and rejected (with every
    bad cell). Raises :class:`InvalidFileError` when the file as a whole cannot be
    read (encoding, header) and :class:`WorkspaceError` when the workspace is
    missing; nothing is written then. ``progress`` wraps the list of interviews
    being processed (e.g. :func:`followup_kit.progress.tracked`).
    """
    sheet = read_sheet(path, encoding=encoding, delimiter=delimiter)
    root = Path(workspace)
    cohort = "student" in sheet.columns
    if cohort:
        if not root.is_dir():
            raise WorkspaceError(
                f"{root}: no such folder. With a 'student' column, -w names the cohort folder that "
                "holds one workspace per student; create it first.")
        targets: dict[str, _Target | RowProblem] = {}
    else:
        single = _Target(root, None)

    report = ImportReport(sheet.file, dry_run=dry_run)
    grouping = _locate_groups(sheet)
    groups = _Counted(_group_rows(sheet, grouping), len(grouping))
    for group in progress(groups) if progress is not None else groups:
        builder = _Builder(sheet.file, group)
        builder.problems.extend(p for n in group.numbers for p in grouping.stray.get(n, ()))
        data = builder.record()
        target: _Target | None = None
        if cohort:
            target = _student_target(builder, root, targets)
        else:
            target = single
        if "interview" in sheet.columns and not group.rows[0][1].get("interview"):
            builder.problem(group.numbers[0], "interview",
                            "a label shared by the rows of one interview, e.g. 'ana-acme-onsite'")
        interview: Interview | None = None
        try:
            interview = Interview.from_record(data, file=sheet.file)
        except InvalidFileError as exc:
            found = [_cell_of(p, builder, data) for p in exc.problems]
            if any(p.column == "start" for p in found) and _TIME.match(builder.values.get("end", "")):
                # An end written as a bare time borrows the start's day: fix the start first.
                found = [p for p in found if p.column != "end"]
            builder.problems.extend(found)
        if builder.problems or interview is None or target is None:
            unique = list(dict.fromkeys(builder.problems))
            report.rejected.append(RejectedInterview(
                group.numbers, _label(data, group.numbers),
                tuple(sorted(unique, key=lambda p: (p.row, p.column)))))
            continue
        try:
            with nullcontext() if dry_run else target.workspace.locked():  # check and save as one step
                if not dry_run:
                    target.refresh()
                _add(report, target, interview, group, data, sheet.file, dry_run)
        except FollowupKitError as exc:  # a full disk, a lock held too long: the report stays exact
            report.rejected.append(RejectedInterview(group.numbers, _label(data, group.numbers), (
                RowProblem.at(sheet.file, group.numbers[0], "interview", "an interview file that could be saved",
                              fix=str(exc)),)))
    return report


def _add(report: ImportReport, target: _Target, interview: Interview, group: _Group, data: dict[str, Any],
         file: str, dry_run: bool) -> None:
    """Import one interview into ``target``, or say why it is skipped or rejected."""
    key = _dedup_key(interview)
    if key in target.existing:
        existing = target.existing[key]
        if existing.startswith("row"):
            report.rejected.append(RejectedInterview(group.numbers, _label(data, group.numbers), (
                RowProblem.at(file, group.numbers[0], "interview",
                              f"one interview per company, start and role (the same as {existing})",
                              fix="Give both groups of rows the same 'interview' label, or correct "
                                  "the company, start or role"),)))
        else:
            report.skipped.append(SkippedInterview(group.numbers, existing, target.workspace.root))
        return
    twin = target.unreadable_twin(interview)
    if twin is not None:
        shown = target.workspace.interview_path(twin)
        report.rejected.append(RejectedInterview(group.numbers, _label(data, group.numbers), (
            RowProblem.at(file, group.numbers[0], "interview",
                          f"an interview not yet in the workspace; {shown} looks like this one but cannot be read",
                          fix=f"Run 'followup-kit check {shown}' and fix that file, then import again "
                              "(it will be skipped as already there); or delete it to import this one anew"),)))
        return
    if dry_run:
        new_id = target.workspace.new_id(interview, taken=target.planned)
    else:
        # Saved through the workspace, not the session: the session would keep every record in memory.
        new_id = target.workspace.save(interview).stem
        target.saved(new_id)
    target.planned.add(new_id)
    target.existing[key] = format_rows(group.numbers)
    report.imported.append(ImportedInterview(group.numbers, new_id, target.workspace.root,
                                             target.workspace.interview_path(new_id)))


def _student_target(builder: _Builder, root: Path, targets: dict[str, Any]) -> _Target | None:
    student = builder.values.get("student", "")
    row = builder.source.get("student", (builder.group.numbers[0], "student"))[0]
    if not student:
        builder.problem(row, "student", "the name of the student's workspace folder inside " + str(root))
        return None
    if student not in targets:
        folder = root / student
        if re.search(r"[/\\]", student) or student.startswith("."):
            targets[student] = RowProblem.at(builder.file, row, "student",
                                             "a folder name without '/', '\\' or a leading '.'",
                                             _quoted(student))
        elif not (folder / PROFILE_FILE).is_file():
            targets[student] = RowProblem.at(
                builder.file, row, "student", f"a workspace folder inside {root} with a {PROFILE_FILE}",
                _quoted(student),
                f"Create the student's workspace first: followup-kit new {folder}")
        else:
            targets[student] = _Target(folder, None)
    target = targets[student]
    if isinstance(target, RowProblem):
        builder.problems.append(target if target.row == row else RowProblem.at(
            builder.file, row, target.column, target.expected, target.found, target.fix))
        return None
    return target
