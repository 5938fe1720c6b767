"""Nothing wrong gets in, whichever way it comes: a file and `check`, `new`'s questions, the form
(which validates through the model, so the model is its door) and the CSV import.

One table of bad inputs; each is refused at every door it can come through, with the file (or
spreadsheet row and column, or question), the field and the fix in plain words, no traceback,
and the user's files byte for byte as they were.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pytest
from click.testing import CliRunner

from followup_kit.cli import main
from followup_kit.errors import InvalidFileError
from followup_kit.model import Interview
from followup_kit.sample import sample_profile
from followup_kit.workspace import Workspace

ONSITE = "2026-11-20-lakeshore-metrics-onsite"

# -- the doors' good input, which each case spoils in one place ---------------------------------

PROFILE_ANSWERS = ["Lena Hoffmann", "lena@example.org", "Gollierstraße 42 | 80339 München", "Europe/Berlin",
                   "de", "BY"]
INTERVIEW_ANSWERS = [
    "Acme Analytics", "350 N Orleans St | Chicago, IL 60654", "Data Analyst", "onsite", "in person",
    "2026-11-20 10:00", "13:30", "America/Chicago", "date", "2026-12-04", "We decide by December 4.",
    "Ana Dvořák", "business card", "Director of Analytics", "business card", "ana@acme.example",
    "dbt migration; pairing with product", "We both ran the marathon.", "n",
]
#: The position of each question in INTERVIEW_ANSWERS (PROFILE_ANSWERS for the profile's).
ASKED = {"company": 0, "company_address": 1, "role": 2, "start": 5, "end": 6, "timezone": 7, "timeline.date": 9,
         "timeline.said": 10, "name": 11, "title": 13, "email": 15, "topics": 16, "personal": 17}
ASKED_PROFILE = {"name": 0, "email": 1, "address": 2, "timezone": 3, "country": 4}

CSV_ROW = {
    "interview": "acme", "company": "Acme Analytics", "role": "Data Analyst", "stage": "onsite",
    "medium": "in-person", "start": "2026-11-20 10:00", "end": "13:30", "timezone": "America/Chicago",
    "timeline": "date", "timeline_date": "2026-12-04", "timeline_days": "", "timeline_said": "By December 4.",
    "name": "Ana Dvořák", "title": "Director of Analytics", "name_checked": "business card",
    "email": "ana@acme.example", "address": "", "topics": "dbt migration; pairing with product",
    "personal": "", "note": "",
}


@dataclass(frozen=True)
class Case:
    """One bad input: where it goes in the file, what the message must say, and how each door takes it.

    ``path`` is the field in the file ('interviewers.0.name'), ``field`` how the message names it,
    ``words`` a part of what was expected or of the fix. ``csv``: the cells to change (None: the
    spreadsheet cannot carry it); ``new``: the question and the answer (None: it cannot be typed).
    """

    id: str
    path: str
    value: Any
    field: str
    words: str
    which: str = "interview"
    csv: dict[str, str] | Callable[[], list[dict[str, str]]] | None = None
    column: str = ""
    new: tuple[str, str] | None = None
    csv_words: str = ""
    file_text: Callable[[str], str] | None = field(default=None, compare=False)


def c(id: str, path: str, value: Any, field: str, words: str, *, which: str = "interview",
      csv: Any = "same", column: str = "", new: Any = "same", csv_words: str = "",
      file_text: Any = None) -> Case:
    """A case whose CSV cell and `new` answer are, unless given, ``value`` at the obvious place."""
    key = path.replace("interviewers.0.", "").split(".")[0] if path.startswith("interviewers.0.") else path
    csv_column = {"timeline.date": "timeline_date", "timeline.said": "timeline_said"}.get(key, key)
    column = column or csv_column
    if csv == "same":
        csv = {csv_column: value} if which == "interview" and csv_column in CSV_ROW and isinstance(value, str) \
            else None
    if new == "same":
        asked = ASKED_PROFILE if which == "profile" else ASKED
        new = (key, value) if key in asked and isinstance(value, str) else None
    return Case(id, path, value, field, words, which, csv, column, new, csv_words, file_text)


def too_many_rows() -> list[dict[str, str]]:
    return [CSV_ROW] + [{**CSV_ROW, "name": f"Person {n}", "email": f"p{n}@acme.example"} for n in range(200)]


CASES = [
    # time zones: a place's IANA zone, with the one to use
    c("zone-EST", "timezone", "EST", "timezone", "America/New_York"),
    c("zone-PST8PDT", "timezone", "PST8PDT", "timezone", "America/Los_Angeles"),
    c("zone-US/Eastern", "timezone", "US/Eastern", "timezone", "use 'America/New_York'"),
    c("zone-localtime", "timezone", "localtime", "timezone", "whatever the computer is set to"),
    c("zone-folder", "timezone", "America", "timezone", "whole region"),
    c("zone-5000", "timezone", "A" * 5000, "timezone", "a few dozen letters"),
    c("zone-Munich", "timezone", "Europe/Munich", "timezone", "'Europe/Berlin'"),
    c("profile-zone-EST", "timezone", "EST", "timezone", "America/New_York", which="profile"),
    c("profile-zone-Munich", "timezone", "Europe/Munich", "timezone", "'Europe/Berlin'", which="profile"),
    # countries: ISO 3166-1 alpha-2
    c("country-USA", "country", "USA", "country", "Write 'US'", which="profile"),
    c("country-UK", "country", "UK", "country", "Write 'GB'", which="profile"),
    # one line
    c("name-line-break", "interviewers.0.name", "Ana\nDvořák", "interviewers[0].name", "one line", new=None),
    c("company-line-break", "company", "Acme\nAnalytics", "company", "one line", new=None),
    c("title-line-break", "interviewers.0.title", "Director\nof Analytics", "interviewers[0].title", "one line",
      new=None),
    c("role-line-break", "role", "Data\r\nAnalyst", "role", "one line", new=None),
    c("topic-line-break", "interviewers.0.topics", ["dbt\nmigration"], "interviewers[0].topics[0]", "one line",
      csv={"topics": "dbt\nmigration"}, column="topics"),
    c("said-line-break", "timeline.said", "By\nFriday", "timeline.said", "one line", new=None),
    c("profile-name-line-break", "name", "Dana\nWhitfield", "name", "one line", which="profile", new=None),
    # control characters
    c("name-NUL", "interviewers.0.name", "Ana\x00 Dvořák", "interviewers[0].name", "control characters"),
    c("company-ESC", "company", "Acme\x1b[31m Analytics", "company", "control characters"),
    c("role-DEL", "role", "Data\x7f Analyst", "role", "control characters"),
    c("name-cp1252-as-latin-1", "interviewers.0.name", "\x8aárka \x8eáková", "interviewers[0].name",
      "'Š' from a Windows-1252 file", csv_words="--encoding cp1252"),
    c("note-NUL", "interviewers.0.note", "Dear Ana,\n\x00thank you.", "interviewers[0].note", "control characters",
      csv={"note": "Dear Ana,\n\x00thank you."}, column="note"),
    # direction overrides and isolates
    c("name-RLO", "interviewers.0.name", "Ana \u202eDvořák", "interviewers[0].name", "direction overrides"),
    c("topic-LRI", "interviewers.0.topics", ["dbt \u2066migration"], "interviewers[0].topics[0]",
      "direction overrides", csv={"topics": "dbt \u2066migration"}, column="topics",
      new=("topics", "dbt \u2066migration")),
    c("address-RLE", "company_address", "Main St\n\u202bChicago", "company_address", "direction overrides",
      csv=None, new=("company_address", "Main St | \u202bChicago")),
    # invisible characters; joiners where a script needs them are fine (a test below)
    c("name-ZWSP", "interviewers.0.name", "Ana\u200b Dvořák", "interviewers[0].name", "invisible characters"),
    c("company-BOM", "company", "\ufeffAcme Analytics", "company", "invisible characters", csv=None),
    c("name-stray-ZWJ", "interviewers.0.name", "An\u200da Dvořák", "interviewers[0].name", "invisible characters"),
    c("personal-soft-hyphen", "interviewers.0.personal", "We both ran the mara\u00adthon.",
      "interviewers[0].personal", "invisible characters"),
    # half of a surrogate pair: only JSON's \ud800 or a program can make one
    c("role-lone-surrogate", "role", "Data \ud800Analyst", "role", "half of a character pair", csv=None,
      new=None),
    # email addresses: exactly one mailbox, domain by IDNA 2008
    c("email-two", "interviewers.0.email", "a,b@acme.example", "interviewers[0].email", "one address only"),
    c("email-angle", "interviewers.0.email", "x>,<a@acme.example", "interviewers[0].email", "one address only"),
    c("email-quoted", "interviewers.0.email", '"a"b@acme.example', "interviewers[0].email", "bare address"),
    c("email-line-break", "interviewers.0.email", "ana@acme.example\n", "interviewers[0].email",
      "line breaks", csv=None, new=None),
    c("email-domain", "interviewers.0.email", "ana@acme_analytics.com", "interviewers[0].email",
      "not a domain name"),
    c("email-idna", "interviewers.0.email", "ana@xn--.example", "interviewers[0].email", "not a domain name"),
    c("profile-email-two-at", "email", "lena@@example.org", "email", "one @", which="profile"),
    # dates near the interview
    c("start-9999", "start", "9999-11-20T10:00", "start", "between the years 1990 and 2100",
      csv={"start": "9999-11-20 10:00"}, new=("start", "9999-11-20 10:00")),
    c("start-1900", "start", "1900-11-20T10:00", "start", "between the years 1990 and 2100",
      csv={"start": "1900-11-20 10:00"}, new=("start", "1900-11-20 10:00")),
    c("end-weeks-later", "end", "2026-12-20T13:30", "end", "within 7 days of the start",
      csv={"end": "2026-12-20 13:30"}, new=("end", "2026-12-20 13:30")),
    c("decision-years-away", "timeline.date", "2029-12-04", "timeline.date", "within a year of the interview"),
    c("outcome-years-away", "outcome_date", "2031-01-05", "outcome_date", "within a year of the interview",
      csv=None),
    c("done-years-away", "done", {"thank-you-email": "2036-11-20"}, "done.thank-you-email",
      "within a year of the interview", csv=None),
    # lengths and counts
    c("company-300", "company", "C" * 300, "company", "at most 200 characters"),
    c("name-240", "interviewers.0.name", "N" * 240, "interviewers[0].name", "at most 200 characters"),
    c("note-20001", "interviewers.0.note", "word " * 4000 + "x", "interviewers[0].note",
      "at most 20,000 characters", csv={"note": "word " * 4000 + "x"}, column="note"),
    c("topic-301", "interviewers.0.topics", ["t" * 301], "interviewers[0].topics[0]", "at most 300 characters",
      csv={"topics": "t" * 301}, column="topics", new=("topics", "t" * 301)),
    c("interviewers-201", "interviewers", "201 people", "interviewers", "at most 200 interviewers",
      csv=too_many_rows, column="name"),
    c("topics-51", "interviewers.0.topics", [f"topic {n}" for n in range(51)], "interviewers[0].topics",
      "at most 50 topics", csv={"topics": "; ".join(f"topic {n}" for n in range(51))}, column="topics",
      new=("topics", "; ".join(f"topic {n}" for n in range(51)))),
    # numbers
    c("days-5000-digits", "timeline", {"kind": "within", "days": 7}, "line", "at most 30 digits",
      csv={"timeline": "within", "timeline_date": "", "timeline_days": "9" * 5000}, column="timeline_days",
      csv_words="a whole number", new=None,
      file_text=lambda text: text.replace('"days": 7', '"days": ' + "9" * 5000)),
    c("days-huge-int", "timeline", {"kind": "within", "days": 10 ** 25}, "timeline.days", "at most 366",
      csv={"timeline": "within", "timeline_date": "", "timeline_days": "1e308"}, column="timeline_days",
      csv_words="a whole number", new=None),
]
ID = [case.id for case in CASES]


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    for key in parents:
        data = data[key]
    if path == "interviewers" and value == "201 people":
        value = [dict(data["interviewers"][0], name=f"Person {n}") for n in range(201)]
    data[last] = value


def _snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _clean(result: Any) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


@pytest.fixture
def workspace_copy(fixture_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(fixture_dir, target)
    return target


# -- door 1: a file, then `check` -------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=ID)
def test_a_file_is_refused_with_file_field_and_fix(workspace_copy: Path, case: Case) -> None:
    """A bad value in a file: exit 2, the file, the field and the fix named, every file unchanged."""
    target = workspace_copy / "profile.json" if case.which == "profile" else \
        workspace_copy / "interviews" / f"{ONSITE}.json"
    data = json.loads(target.read_text("utf-8"))
    _put(data, case.path, case.value)
    text = json.dumps(data, indent=2)  # ASCII with \u escapes, as a lone surrogate can only be written
    if case.file_text:
        text = case.file_text(text)
    target.write_text(text, encoding="utf-8")
    before = _snapshot(workspace_copy)

    result = CliRunner().invoke(main, ["check", str(workspace_copy)])

    _clean(result)
    assert result.exit_code == 2, result.output
    message = next((line for line in result.output.splitlines() if target.name in line and "error" in line), "")
    assert f": {case.field}" in message and case.words in message, result.output
    assert _snapshot(workspace_copy) == before


# -- door 2: the form, through the model it validates with -------------------------------------

@pytest.mark.parametrize("case", [k for k in CASES if k.which == "interview" and not k.file_text], ids=lambda k: k.id)
def test_the_form_is_refused_with_field_and_fix(fixture_dir: Path, case: Case) -> None:
    """What the form builds is validated by Interview.from_record, as the form does: field and fix named."""
    data = json.loads((fixture_dir / "interviews" / f"{ONSITE}.json").read_text("utf-8"))
    _put(data, case.path, case.value)
    with pytest.raises(InvalidFileError) as caught:
        Interview.from_record(data, file="this form")
    problems = [p for p in caught.value.problems if p.field == case.field]
    assert problems, [str(p) for p in caught.value.problems]
    assert case.words in str(problems[0]) and problems[0].fix, str(problems[0])


def test_the_form_widgets_show_the_problem(fixture_dir: Path, tmp_path: Path) -> None:
    """The form itself: a terminal escape in the company, a legacy zone, two addresses in one and an
    invisible character in a name are each named beside their field with the fix; nothing saved."""
    from followup_kit.ui import InterviewForm

    root = tmp_path / "ws"
    shutil.copytree(fixture_dir, root)
    before = _snapshot(root)
    form = InterviewForm(Workspace.open(root), interview_id=ONSITE)
    form.company.value = "Acme\x1b[31m"
    form.timezone.value = "EST"
    person = form.people.children[0]
    person.email.value = "a,b@acme.example"
    person.name.value = "Kateřina\u200b Horáčková"
    form.show_all = True  # as after pressing Save: every message shown
    assert form.validate() is None
    assert "control characters" in form.messages["company"].value
    assert "America/New_York" in form.messages["timezone"].value
    assert "one address only" in person.messages["email"].value
    assert "invisible" in person.messages["name"].value and "U+200B" in person.messages["name"].value
    assert _snapshot(root) == before


# -- door 3: `new`'s questions -----------------------------------------------------------------

NEW_CASES = [k for k in CASES if k.new is not None]


@pytest.mark.parametrize("case", NEW_CASES, ids=[k.id for k in NEW_CASES])
def test_new_refuses_the_answer_at_once(tmp_path: Path, case: Case) -> None:
    """A bad answer to `new` is refused when given, with the fix; the input ending there writes nothing."""
    question, answer = case.new
    if case.which == "profile":
        root = tmp_path / "fresh"
        lines = PROFILE_ANSWERS[:ASKED_PROFILE[question]] + [answer]
    else:
        root = Workspace.create(tmp_path / "ws", sample_profile()).root
        lines = INTERVIEW_ANSWERS[:ASKED[question]] + [answer]
    before = _snapshot(tmp_path)

    result = CliRunner().invoke(main, ["new", str(root)], input="\n".join(lines) + "\n")

    _clean(result)
    assert result.exit_code == 2, result.output
    assert "Error: expected" in result.output and case.words in result.output, result.output
    assert "nothing was written" in result.output
    assert _snapshot(tmp_path) == before


# -- door 4: the CSV import -------------------------------------------------------------------

CSV_CASES = [k for k in CASES if k.csv is not None]


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(CSV_ROW), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8", "surrogatepass"))
    return path


@pytest.mark.parametrize("case", CSV_CASES, ids=[k.id for k in CSV_CASES])
def test_the_import_refuses_the_row_with_row_column_and_fix(tmp_path: Path, case: Case) -> None:
    """A bad cell: the row and column and the fix named, the interview not written, the workspace unchanged."""
    ws = Workspace.create(tmp_path / "ws", sample_profile())
    rows = case.csv() if callable(case.csv) else [{**CSV_ROW, **case.csv}]
    sheet = _csv(tmp_path / "cohort.csv", rows)
    args = ["import", str(sheet), "-w", str(ws.root)]
    if case.csv_words == "--encoding cp1252":  # the spreadsheet saved by Windows, read as Latin-1
        sheet.write_bytes(sheet.read_bytes().decode("utf-8").replace("\x8a", "Š").replace("\x8e", "Ž")
                          .encode("cp1252"))
        args += ["--encoding", "latin-1"]
    before = _snapshot(ws.root)

    result = CliRunner().invoke(main, args)

    _clean(result)
    assert result.exit_code in (1, 2), result.output
    message = next((line for line in result.output.splitlines() if f"column {case.column}:" in line), "")
    assert "cohort.csv: row 2" in message, result.output
    assert (case.csv_words or case.words) in message, result.output
    assert _snapshot(ws.root) == before


# -- what is fine stays fine ----------------------------------------------------------------

@pytest.mark.parametrize(("path", "value"), [
    ("interviewers.0.name", "رضا\u200cزاده"),                       # ZWNJ in a Persian name
    ("interviewers.0.name", "क्\u200dष"),                              # ZWJ in Devanagari
    ("interviewers.0.personal", "Our teams 👩\u200d💻 met at the marathon."),  # an emoji sequence
    ("interviewers.0.name", "Sophie\u00a0Laurent"),                    # a no-break space
    ("interviewers.0.name", "דוד\u200f כהן"),                         # a right-to-left mark
    ("interviewers.0.email", "juergen.gross@bäckerei-groß.de"),       # IDNA 2008 keeps the ß
    ("interviewers.0.note", "Dear Ana,\n\n\tthank you."),              # a note: several lines, a tab
    ("timezone", "UTC"),
    ("timezone", "Europe/Kyiv"),
])
def test_what_people_write_is_accepted(fixture_dir: Path, path: str, value: str) -> None:
    """Joiners where a script needs them, marks, IDNA 2008 domains and UTC are all accepted."""
    data = json.loads((fixture_dir / "interviews" / f"{ONSITE}.json").read_text("utf-8"))
    _put(data, path, value)
    Interview.from_record(copy.deepcopy(data))


def test_an_idna_2008_domain_keeps_its_sharp_s_in_the_draft(fixture_dir: Path, tmp_path: Path) -> None:
    """The .eml's To: carries the IDNA 2008 form of 'bäckerei-groß.de', not IDNA 2003's 'bäckerei-gross'."""
    import idna

    root = tmp_path / "ws"
    shutil.copytree(fixture_dir, root)
    path = root / "interviews" / f"{ONSITE}.json"
    data = json.loads(path.read_text("utf-8"))
    data["interviewers"][0]["email"] = "juergen.gross@bäckerei-groß.de"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    result = CliRunner().invoke(main, ["emails", str(root), "-o", str(tmp_path / "out")])

    _clean(result)
    drafts = "".join(p.read_text("ascii") for p in (tmp_path / "out").glob(f"{ONSITE}--01-*.eml"))
    expected = idna.encode("bäckerei-groß.de").decode()
    assert f"@{expected}>" in drafts and idna.decode(expected) == "bäckerei-groß.de"
    assert "bckerei-gross" not in drafts
