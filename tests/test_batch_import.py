"""`followup-kit import`: a cohort spreadsheet becomes interview files, bad rows named by row and column."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from followup_kit.batch import COLUMNS, format_rows, import_csv, read_sheet
from followup_kit.cli import main
from followup_kit.errors import InvalidFileError
from followup_kit.sample import sample_profile
from followup_kit.workspace import Workspace

HEADER = ["interview", "company", "role", "stage", "medium", "start", "end", "timezone", "timeline",
          "timeline_date", "timeline_days", "timeline_business", "name", "title", "name_checked",
          "title_checked", "email", "topics"]


def _row(**cells: str) -> list[str]:
    return [cells.get(column, "") for column in HEADER]


ACME_1 = _row(interview="acme", company="Acme Analytics", role="Data Analyst", stage="onsite",
              medium="in-person", start="2026-11-20 10:00", end="13:30", timezone="America/Chicago",
              timeline="date", timeline_date="2026-12-04", name="Ana Dvořák", title="Director of Analytics",
              name_checked="business card", title_checked="business card", email="ana@acme.example",
              topics="dbt migration; pairing with product")
ACME_2 = _row(interview="acme", name="王秀英", title="Staff Engineer", name_checked="email signature",
              topics="backfills | alerting")
MEKONG = _row(interview="mekong", company="Mekong Freight Labs", role="Data Engineer", stage="phone-screen",
              medium="phone", start="2026-11-21 16:00", end="16:30", timeline="within", timeline_days="10",
              timeline_business="yes", name="Nguyễn Thị Thu Hà", title="Recruiter", name_checked="HR",
              topics="remote team")
GULF = _row(interview="gulf", company="Gulf Harbour", role="Analyst", stage="first-round", medium="video",
            start="2026-11-24T09:00", end="2026-11-24T10:00", timeline="few-days", name="ليلى حداد",
            name_checked="professional profile")


def write_csv(path: Path, rows: list[list[str]], *, header: list[str] = HEADER, delimiter: str = ",",
              bom: bool = False, encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode(encoding))
    return path


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """An empty workspace with a profile."""
    return Workspace.create(tmp_path / "ws", sample_profile())


def run(*args: str) -> "CliRunner.invoke":
    return CliRunner().invoke(main, [str(a) for a in args])


def files(ws: Workspace) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(ws.interviews_dir.glob("*.json"))}


# -- good rows --------------------------------------------------------------------

def test_good_rows_become_one_file_per_interview(ws: Workspace, tmp_path: Path) -> None:
    """Rows sharing an 'interview' label form one interview; every interview is written."""
    result = run("import", write_csv(tmp_path / "c.csv", [ACME_1, ACME_2, MEKONG, GULF]), "-w", ws.root)
    assert result.exit_code == 0, result.output
    assert sorted(files(ws)) == ["2026-11-20-acme-analytics-onsite", "2026-11-21-mekong-freight-labs-phone-screen",
                                 "2026-11-24-gulf-harbour-first-round"]
    assert "3 interview(s) imported" in result.output


def test_interview_cells_are_inherited_by_later_rows(ws: Workspace, tmp_path: Path) -> None:
    """The second row of an interview may leave company, start, timeline blank."""
    run("import", write_csv(tmp_path / "c.csv", [ACME_1, ACME_2]), "-w", ws.root)
    acme = ws.load("2026-11-20-acme-analytics-onsite")
    assert [p.name for p in acme.interviewers] == ["Ana Dvořák", "王秀英"]
    assert acme.end.isoformat() == "2026-11-20T13:30:00"  # "13:30" means on the day of the start
    assert acme.timeline.kind == "date" and str(acme.timeline.date) == "2026-12-04"


def test_cells_map_to_every_interviewer_field(ws: Workspace, tmp_path: Path) -> None:
    """Checked sources, lists split on ';' or '|', and an unchecked title stay as written (R2, R4)."""
    run("import", write_csv(tmp_path / "c.csv", [ACME_1, ACME_2]), "-w", ws.root)
    ana, wang = ws.load("2026-11-20-acme-analytics-onsite").interviewers
    assert ana.checked.name == ana.checked.title == "business card"
    assert ana.topics == ["dbt migration", "pairing with product"]
    assert wang.topics == ["backfills", "alerting"]
    assert wang.unverified == ["title"]


def test_within_timeline_with_business_days(ws: Workspace, tmp_path: Path) -> None:
    """timeline_days and timeline_business build a 'within' timeline (R3)."""
    run("import", write_csv(tmp_path / "c.csv", [MEKONG]), "-w", ws.root)
    timeline = ws.load("2026-11-21-mekong-freight-labs-phone-screen").timeline
    assert (timeline.kind, timeline.days, timeline.business) == ("within", 10, True)


@pytest.mark.parametrize("name", ["Nguyễn Thị Thu Hà", "王秀英", "ليلى حداد", "Zoë Ångström-Nguyễn"])
def test_non_latin_names_survive_exactly(ws: Workspace, tmp_path: Path, name: str) -> None:
    """A name in any script is stored exactly, in NFC even when the CSV has it decomposed (R2, R11)."""
    decomposed = unicodedata.normalize("NFD", name)
    run("import", write_csv(tmp_path / "c.csv", [GULF[:12] + [decomposed] + GULF[13:]]), "-w", ws.root)
    (interview,) = ws.interviews()
    assert interview.interviewers[0].name == unicodedata.normalize("NFC", name)


def test_rows_group_by_company_start_role_without_interview_column(ws: Workspace, tmp_path: Path) -> None:
    """Without an 'interview' column, rows with the same company, start and role are one interview."""
    header = HEADER[1:]
    second = ACME_1[1:8] + ACME_2[8:]
    second[4] = "2026-11-20T10:00"  # the same start, written the other way
    result = run("import", write_csv(tmp_path / "c.csv", [ACME_1[1:], second, MEKONG[1:]], header=header),
                 "-w", ws.root)
    assert result.exit_code == 0, result.output
    assert [len(i.interviewers) for i in ws.interviews()] == [2, 1]


def test_the_template_imports_cleanly(ws: Workspace, tmp_path: Path) -> None:
    """`import --template` prints a CSV with every column whose example rows import as they are."""
    template = run("import", "--template")
    assert template.exit_code == 0
    assert template.stdout_bytes.startswith(b"\xef\xbb\xbf")  # so that Excel reads it as UTF-8
    path = tmp_path / "cohort.csv"
    path.write_bytes(template.stdout_bytes)
    assert set(read_sheet(path).columns) == set(COLUMNS) - {"student"}
    result = run("import", path, "-w", ws.root)
    assert result.exit_code == 0, result.output
    names = {p.name for i in ws.interviews() for p in i.interviewers}
    assert {"王秀英", "Nguyễn Thị Thu Hà", "ليلى حداد", "Jürgen Weiß"} <= names


# -- bad rows ---------------------------------------------------------------------------

def _with(row: list[str], **cells: str) -> list[str]:
    fresh = list(row)
    for column, value in cells.items():
        fresh[HEADER.index(column)] = value
    return fresh


@pytest.mark.parametrize(
    ("rows", "row", "column", "words"),
    [
        ([_with(ACME_1, email="ana@acme"), ACME_2], 2, "email", "email address"),
        ([ACME_1, _with(ACME_2, name="  ")], 3, "name", "some text"),
        ([ACME_1, _with(ACME_2, medium="video")], 3, "medium", "the same value as row 2"),
        ([_with(ACME_1, start="20/11/2026 10:00"), ACME_2], 2, "start", "YYYY-MM-DDTHH:MM"),
        ([_with(ACME_1, end="09:00"), ACME_2], 2, "end", "after the start"),
        ([_with(ACME_1, stage="onsite-2"), ACME_2], 2, "stage", "'phone-screen'"),
        ([_with(ACME_1, timezone="America/Chicgo"), ACME_2], 2, "timezone", "America/Chicago"),
        ([_with(ACME_1, timeline="soon"), ACME_2], 2, "timeline", "'few-days'"),
        ([_with(ACME_1, timeline_date="12/04/2026"), ACME_2], 2, "timeline_date", "YYYY-MM-DD"),
        ([_with(ACME_1, timeline_days="3"), ACME_2], 2, "timeline_days", "empty cell when timeline is 'date'"),
        ([_with(MEKONG, timeline_days="two weeks")], 2, "timeline_days", "whole number"),
        ([_with(MEKONG, timeline_business="maybe")], 2, "timeline_business", "yes or no"),
    ],
    ids=["email", "blank-name", "conflicting-medium", "start-format", "end-before-start", "stage", "zone",
         "timeline-kind", "timeline-date", "days-for-date", "days-words", "business-words"],
)
def test_bad_cell_is_named_by_row_and_column(ws: Workspace, tmp_path: Path, rows: list[list[str]], row: int,
                                             column: str, words: str) -> None:
    """Each bad cell is reported with the spreadsheet's row number (header = 1), column and expectation."""
    report = import_csv(write_csv(tmp_path / "c.csv", rows), ws.root)
    assert [(p.row, p.column) for p in report.problems] == [(row, column)]
    assert words in str(report.problems[0])
    assert f"c.csv: row {row}, column {column}: expected" in str(report.problems[0])


def test_mixed_rows_import_the_good_interviews_and_exit_1(ws: Workspace, tmp_path: Path) -> None:
    """Good interviews are written, the bad one is not, and the exit code says there are findings."""
    rows = [ACME_1, _with(ACME_2, email="wang@"), MEKONG, GULF]
    result = run("import", write_csv(tmp_path / "c.csv", rows), "-w", ws.root)
    assert result.exit_code == 1
    assert sorted(files(ws)) == ["2026-11-21-mekong-freight-labs-phone-screen", "2026-11-24-gulf-harbour-first-round"]
    assert "error: " in result.stderr and "row 3, column email" in result.stderr
    assert "not imported: rows 2–3 (Acme Analytics, Data Analyst, 2026-11-20T10:00): fix row 3" in result.stderr


def test_an_interview_with_a_bad_row_is_not_half_written(ws: Workspace, tmp_path: Path) -> None:
    """The good first interviewer of an interview whose second row is bad is not written either."""
    report = import_csv(write_csv(tmp_path / "c.csv", [ACME_1, _with(ACME_2, name="")]), ws.root)
    assert files(ws) == {}
    assert report.rejected[0].rows == (2, 3) and report.rejected[0].bad_rows == (3,)


def test_every_bad_cell_of_a_row_is_listed(ws: Workspace, tmp_path: Path) -> None:
    """Several problems in one interview are all reported at once, by row."""
    report = import_csv(write_csv(tmp_path / "c.csv", [_with(ACME_1, email="x", stage="zz"),
                                                       _with(ACME_2, name="")]), ws.root)
    assert [(p.row, p.column) for p in report.problems] == [(2, "email"), (2, "stage"), (3, "name")]


def test_all_rows_bad_still_exits_1_and_writes_nothing(ws: Workspace, tmp_path: Path) -> None:
    """Bad rows are findings (exit 1), whatever their number; no file is written."""
    result = run("import", write_csv(tmp_path / "c.csv", [_with(GULF, medium="zoom")]), "-w", ws.root)
    assert result.exit_code == 1 and files(ws) == {}
    assert "0 interview(s) imported" in result.output


def test_json_report_lists_rows_and_columns(ws: Workspace, tmp_path: Path) -> None:
    """--json prints the report as data: imported ids, rejected rows with their columns."""
    result = run("import", write_csv(tmp_path / "c.csv", [ACME_1, _with(MEKONG, email="no")]), "-w", ws.root,
                 "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [i["id"] for i in data["imported"]] == ["2026-11-20-acme-analytics-onsite"]
    assert [(p["row"], p["column"]) for p in data["rejected"][0]["problems"]] == [(3, "email")]


# -- the file itself -------------------------------------------------------------------

@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
@pytest.mark.parametrize("bom", [False, True], ids=["no-bom", "bom"])
def test_excel_flavours_are_read(ws: Workspace, tmp_path: Path, delimiter: str, bom: bool) -> None:
    """UTF-8 with or without BOM, and ',', ';' (European Excel) or tab separated, all import alike."""
    path = write_csv(tmp_path / "c.csv", [ACME_1, ACME_2], delimiter=delimiter, bom=bom)
    result = run("import", path, "-w", ws.root)
    assert result.exit_code == 0, result.output
    (acme,) = ws.interviews()
    assert acme.company == "Acme Analytics" and acme.interviewers[1].name == "王秀英"


def test_delimiter_option_overrides_detection(ws: Workspace, tmp_path: Path) -> None:
    """--delimiter ';' reads a semicolon file whose header has more commas than semicolons."""
    header = [*HEADER, "# notes" + "," * 30]
    path = write_csv(tmp_path / "c.csv", [[*MEKONG, ""]], delimiter=";", header=header)
    assert run("import", path, "-w", ws.root).exit_code == 2
    assert run("import", path, "-w", ws.root, "--delimiter", ";").exit_code == 0


def test_blank_lines_keep_the_spreadsheet_row_numbers(ws: Workspace, tmp_path: Path) -> None:
    """Blank lines and rows of empty cells are skipped but still counted, as the spreadsheet shows them."""
    path = tmp_path / "c.csv"
    good = write_csv(tmp_path / "g.csv", [MEKONG]).read_text("utf-8").splitlines()
    bad = ",".join(_with(GULF, email="nope"))
    path.write_text("\n".join([good[0], "", ",,,,", good[1], "", bad]) + "\n", encoding="utf-8")
    report = import_csv(path, ws.root)
    assert [(p.row, p.column) for p in report.problems] == [(6, "email")]
    assert report.imported[0].rows == (4,)


def test_a_multi_line_cell_is_one_row(ws: Workspace, tmp_path: Path) -> None:
    """An address typed on two lines in one cell counts as one spreadsheet row."""
    header = [*HEADER, "company_address"]
    rows = [[*ACME_1, "350 N Orleans St\nChicago, IL 60654"], [*_with(ACME_2, email="bad"), ""]]
    report = import_csv(write_csv(tmp_path / "c.csv", rows, header=header), ws.root)
    assert [(p.row, p.column) for p in report.problems] == [(3, "email")]


def test_note_columns_starting_with_hash_are_ignored(ws: Workspace, tmp_path: Path) -> None:
    """A career centre's own column ('# advisor') does not stop the import."""
    path = write_csv(tmp_path / "c.csv", [[*MEKONG, "Dr. Weber"]], header=[*HEADER, "# advisor"])
    assert run("import", path, "-w", ws.root).exit_code == 0


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "an empty file"),
        (",".join(HEADER).encode(), "at least one row under the header"),
        (",".join(HEADER).replace("title_checked", "title_cheked").encode() + b"\n" + b"x," * 17 + b"x",
         'Did you mean "title_checked"'),
        (",".join(h for h in HEADER if h != "start").encode() + b"\nx", 'no "start"'),
        ("company,role,stage,medium,start,end,name\nCafé,x,onsite,phone,2026-11-20 10:00,11:00,José".encode("cp1252"),
         "CSV UTF-8"),
    ],
    ids=["empty", "header-only", "unknown-column", "missing-column", "not-utf8"],
)
def test_unusable_file_exits_2_and_writes_nothing(ws: Workspace, tmp_path: Path, content: bytes,
                                                  words: str) -> None:
    """A file that cannot be read as a cohort sheet is bad input: exit 2, the reason, nothing written."""
    path = tmp_path / "c.csv"
    path.write_bytes(content)
    result = run("import", path, "-w", ws.root)
    assert result.exit_code == 2
    assert words in result.stderr and "Traceback" not in result.output
    assert files(ws) == {}


def test_encoding_option_reads_a_legacy_file(ws: Workspace, tmp_path: Path) -> None:
    """--encoding cp1252 reads a file saved by an old Excel, accents intact."""
    path = tmp_path / "c.csv"
    path.write_bytes("company,role,stage,medium,start,end,name,name_checked\n"
                     "Café Noir,Barista,onsite,in-person,2026-11-20 10:00,11:00,José Núñez,business card\n"
                     .encode("cp1252"))
    assert run("import", path, "-w", ws.root, "--encoding", "cp1252").exit_code == 0
    assert ws.interviews().interviews[0].interviewers[0].name == "José Núñez"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["import", "{csv}"], "-w WORKSPACE"),
        (["import", "-w", "{ws}"], "give the CSV file"),
        (["import", "{tmp}/missing.csv", "-w", "{ws}"], "no such file"),
        (["import", "{csv}", "-w", "{tmp}/nowhere"], "no such folder"),
        (["import", "{csv}", "-w", "{tmp}/ws", "--delimiter", "|"], "Invalid value"),
    ],
    ids=["no-workspace", "no-csv", "missing-csv", "missing-workspace", "bad-option"],
)
def test_bad_command_line_exits_2(ws: Workspace, tmp_path: Path, args: list[str], words: str) -> None:
    """A missing argument, file or folder is bad input: exit 2 with what to give."""
    csv_path = write_csv(tmp_path / "c.csv", [MEKONG])
    filled = [a.format(csv=csv_path, ws=ws.root, tmp=tmp_path) for a in args]
    result = run(*filled)
    assert result.exit_code == 2 and words in result.output + result.stderr
    assert files(ws) == {}


# -- importing again ----------------------------------------------------------------------

def test_reimport_skips_what_is_already_there(ws: Workspace, tmp_path: Path) -> None:
    """Importing the same CSV twice writes nothing new, leaves the files as they are, and exits 0."""
    path = write_csv(tmp_path / "c.csv", [ACME_1, ACME_2, MEKONG])
    run("import", path, "-w", ws.root)
    before = {p.name: p.read_bytes() for p in ws.interviews_dir.iterdir()}
    result = run("import", path, "-w", ws.root)
    assert result.exit_code == 0
    assert {p.name: p.read_bytes() for p in ws.interviews_dir.iterdir()} == before
    assert "skipped: rows 2–3: already in" in result.output and "2026-11-20-acme-analytics-onsite" in result.output


def test_reimport_keeps_edits_made_after_the_first_import(ws: Workspace, tmp_path: Path) -> None:
    """An interview edited after import is skipped, not overwritten with the spreadsheet's older text."""
    path = write_csv(tmp_path / "c.csv", [MEKONG])
    run("import", path, "-w", ws.root)
    interview = ws.load("2026-11-21-mekong-freight-labs-phone-screen")
    ws.save(interview.model_copy(update={"company_address": "1 Harbour Rd"}))
    run("import", path, "-w", ws.root)
    assert ws.load(interview.id).company_address == "1 Harbour Rd"


def test_the_same_interview_twice_in_one_file_is_reported(ws: Workspace, tmp_path: Path) -> None:
    """Two labels for one company, start and role would make a duplicate: the second is a bad row."""
    report = import_csv(write_csv(tmp_path / "c.csv", [MEKONG, _with(MEKONG, interview="again")]), ws.root)
    assert len(report.imported) == 1
    assert [(p.row, p.column) for p in report.problems] == [(3, "interview")]
    assert "row 2" in report.problems[0].expected


def test_dry_run_writes_nothing_and_names_the_files(ws: Workspace, tmp_path: Path) -> None:
    """--dry-run checks every row, lists the files it would write, and leaves the workspace alone."""
    path = write_csv(tmp_path / "c.csv", [MEKONG, _with(MEKONG, interview="m2", start="2026-11-21 17:00",
                                                        end="17:30")])
    result = run("import", path, "-w", ws.root, "--dry-run")
    assert result.exit_code == 0 and files(ws) == {}
    assert "would import: row 2 -> " in result.output
    assert "mekong-freight-labs-phone-screen.json" in result.output
    assert "mekong-freight-labs-phone-screen-2.json" in result.output


# -- a career centre's cohort ----------------------------------------------------------------

def test_student_column_imports_into_each_students_workspace(tmp_path: Path) -> None:
    """With a 'student' column, -w is a cohort folder; each student's rows go to their own workspace."""
    cohort = tmp_path / "cohort"
    for student in ("li-na", "omar"):
        Workspace.create(cohort / student, sample_profile())
    rows = [["li-na", *ACME_1], ["li-na", *ACME_2], ["omar", *MEKONG], ["nobody", *GULF]]
    result = run("import", write_csv(tmp_path / "c.csv", rows, header=["student", *HEADER]), "-w", cohort)
    assert result.exit_code == 1
    assert [i.company for i in Workspace.open(cohort / "li-na").interviews()] == ["Acme Analytics"]
    assert [i.company for i in Workspace.open(cohort / "omar").interviews()] == ["Mekong Freight Labs"]
    assert "row 5, column student" in result.stderr and "followup-kit new" in result.stderr


def test_format_rows() -> None:
    """Row lists read like a person writes them."""
    assert format_rows([7]) == "row 7"
    assert format_rows([2, 3, 4, 7, 9, 10]) == "rows 2–4, 7, 9–10"


def test_read_sheet_refuses_an_unknown_column_with_a_suggestion(tmp_path: Path) -> None:
    """The header is checked before any row, so a typo never silently drops a column."""
    path = write_csv(tmp_path / "c.csv", [MEKONG], header=[h.replace("name_checked", "name checkd") for h in HEADER])
    with pytest.raises(InvalidFileError, match='Did you mean "name_checked"'):
        read_sheet(path)
