"""The ``followup-kit`` command: a thin front end over the library.

Exit codes, the same for every command:

* 0: done, nothing to report;
* 1: done, but there are findings to look at (for example a misspelled word);
* 2: bad input: a file is not valid, a path does not exist, an option is wrong.

Bad input never shows a traceback: every :class:`FollowupKitError` becomes its
message on stderr and exit code 2.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import click

from .errors import FollowupKitError, InvalidFileError, WorkspaceError
from .geometry import SHEETS
from .vocabulary import BACKS, EVENT_KINDS, OUTCOMES

if TYPE_CHECKING:
    import datetime as dt

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
#: Commands draw a progress bar from this many interviews on (on a terminal only).
PROGRESS_FROM = 50


class _Group(click.Group):
    """Turns the kit's own errors into a message and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        # A command is one short run, and what its imports built lives to its end: the garbage
        # collector leaves all that out of its passes (and out of the last one, at exit), and
        # looks only at what the command itself makes.
        gc.freeze()
        try:
            return super().invoke(ctx)
        except FollowupKitError as exc:
            click.secho(f"error: {exc}", fg="red", err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except OSError as exc:  # a path the kit's own mapping did not see: still a message
            from .workspace import os_error_message

            click.secho(f"error: {os_error_message(exc.filename or 'a file', 'used', exc)}", fg="red", err=True)
            ctx.exit(EXIT_BAD_INPUT)
        finally:
            gc.freeze()


def _emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _say(message: str, **style: Any) -> None:
    """Messages, summaries and "written to" lines: stderr, so stdout stays the data."""
    click.secho(message, err=True, **style)


def _open(path: Path, *, label: str, quiet: bool, output: Path | None = None) -> Any:
    """The session every command works through; a bar while many files are read."""
    from .progress import tracked
    from .session import Session

    def progress(ids: list[str]) -> Iterator[str]:
        yield from tracked(ids, label=label, quiet=quiet, min_items=PROGRESS_FROM)
        # Once read, the records live to the end of the command: the garbage collector leaves
        # them out of its passes, which would walk them all again and again while it works.
        gc.freeze()

    return Session.open(path, output_dir=output, progress=progress)


def report_invalid(invalid: list[InvalidFileError]) -> None:
    """Invalid files go to stderr, so that stdout stays clean data for --json."""
    for exc in invalid:
        for problem in exc.problems:
            click.secho(f"error: {problem}", fg="red", err=True)


def file_findings(invalid: list[InvalidFileError]) -> list[dict[str, Any]]:
    """Invalid files as findings of the ``check --json`` shape."""
    rows = []
    for exc in invalid:
        for problem in exc.problems:
            rows.append({
                "severity": "error", "code": "invalid-file", "message": str(problem),
                "interview": exc.path.stem if exc.path.suffix == ".json" else None,
                "interviewer": None, "field": problem.field or None, "file": problem.file,
            })
    return rows


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="followup-kit")
@click.pass_context
def main(ctx: click.Context) -> None:
    """followup-kit: thank-you cards, email drafts and follow-up dates after a job interview.

    PATH is a workspace folder (with profile.json and interviews/) or one
    interview file inside one. Colour appears only on a terminal (and never
    with NO_COLOR set); progress bars only on a terminal and without --quiet.

    \b
    Exit codes: 0 ok, 1 findings to look at, 2 bad input.
    Start with:  followup-kit demo
    """
    if os.environ.get("NO_COLOR"):  # https://no-color.org
        ctx.color = False


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the findings as a JSON list.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only: no progress bar, warnings or summary.")
def check(path: Path, as_json: bool, quiet: bool) -> None:
    """Check a workspace (or one interview file): invalid files, then a proofreading of
    every note (spelling, names against their sources, tone, length, notes alike).

    Errors must be fixed before a note goes out; warnings are worth a look.
    On a terminal, a workspace of many interviews shows a progress bar on stderr.

    \b
    Exit codes: 0 valid, and no error in the notes (warnings allowed);
                1 an error finding in a note (e.g. a misspelled word);
                2 an invalid file or a missing path.

    \b
    Examples:
      followup-kit check my-job-search
      followup-kit check my-job-search/interviews/2026-11-20-acme-analytics-onsite.json
      followup-kit check my-job-search --json
      followup-kit check cohort/li-na --quiet && echo valid
    """
    session = _open(path, label="Checking interviews", quiet=quiet or as_json)
    invalid: list[InvalidFileError] = []
    try:
        session.profile
    except InvalidFileError as exc:
        invalid.append(exc)
    listing = session.listing
    invalid.extend(listing.invalid)
    findings = file_findings(invalid)
    findings.extend({"severity": "warning", "code": "stray-file", "message": message, "interview": None,
                     "interviewer": None, "field": None, "file": message.split(": ", 1)[0]}
                    for message in session.workspace.stray_files())
    if len(invalid) == len(listing.invalid):  # notes are proofread only with a valid profile
        findings.extend(proofread_findings(session, quiet=quiet or as_json))
    errors = sum(row["severity"] == "error" for row in findings)
    if as_json:
        _emit_json(findings)
    else:
        for row in findings:
            if quiet and row["severity"] != "error":
                continue
            where = " · ".join(str(row[k]) for k in ("interview", "interviewer", "field") if row.get(k))
            colour = "red" if row["severity"] == "error" else "yellow"
            prefix = f"{row['severity']}: "
            if row["code"] in ("invalid-file", "stray-file"):
                click.secho(prefix + row["message"], fg=colour)
            else:
                click.secho(f"{prefix}{where}: {row['message']} [{row['code']}]", fg=colour)
        checked = len(listing.interviews) + len(listing.invalid)
        if quiet:
            pass
        elif invalid:
            _say(f"{len(invalid)} invalid file(s); the files were not changed. Fix them and run check again.")
        elif not findings:
            _say(f"ok: {session.root}: profile and {checked} interview file(s) are valid, "
                 "and the notes read well.", fg="green")
        else:
            warnings = len(findings) - errors
            _say(f"{errors} error(s) and {warnings} warning(s) in {checked} interview file(s).")
    sys.exit(EXIT_BAD_INPUT if invalid else EXIT_FINDINGS if errors else EXIT_OK)


def proofread_findings(session: Any, *, quiet: bool = False) -> list[dict[str, Any]]:
    """The proofreading of each interview's notes, as rows of the ``check --json`` shape."""
    from .progress import tracked

    rows = []
    workspace = session.workspace
    progress = lambda items: tracked(items, label="Proofreading", quiet=quiet, min_items=2)  # noqa: E731
    files: dict[str, str] = {}  # each interview's file, looked up once for all its findings
    for finding in session.findings(progress=progress if len(session.interviews) >= PROGRESS_FROM else None):
        row = finding.to_dict()
        if finding.interview and finding.interview not in files:
            files[finding.interview] = workspace.shown(workspace.interview_path(finding.interview))
        row["file"] = files[finding.interview] if finding.interview else None
        rows.append(row)
    return rows


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the notes as a JSON list.")
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), default=None,
              help="Write one .txt file per note into this folder.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, and with -o no list of the files written.")
def notes(path: Path, as_json: bool, output: Path | None, quiet: bool) -> None:
    """Write one thank-you note per interviewer: a card after an in-person interview,
    an email otherwise (phone screens get a short one).

    An interviewer's own "note" in the interview file replaces the draft. The wording
    comes from the kit's templates, or from the workspace's own templates/notes/ when
    it has one. Run 'followup-kit check' to proofread the notes.

    \b
    Exit codes: 0 written; 2 an invalid file (the others are written) or a missing path.

    \b
    Examples:
      followup-kit notes my-job-search
      followup-kit notes my-job-search/interviews/2026-11-20-acme-analytics-onsite.json
      followup-kit notes my-job-search --json
      followup-kit notes my-job-search -o cards-to-copy
    """
    from .progress import tracked

    session = _open(path, label="Reading interviews", quiet=quiet or as_json)
    session.profile  # an invalid profile stops here, before any note
    listing = session.listing
    report_invalid(listing.invalid)
    progress = lambda items: tracked(items, label="Composing notes", quiet=quiet or as_json,  # noqa: E731
                                     min_items=PROGRESS_FROM)
    if output is not None:
        export = session.write_notes(output, progress=progress)
        composed = export.notes
        if not quiet:
            for written in export.written:
                _say(f"written: {written}")
    else:
        composed = [note for interview in progress(listing.interviews) for note in session.notes(interview)]
    if as_json:
        _emit_json([{"interview": n.interview_id, "interviewer": n.interviewer.name, "medium": n.medium,
                     "subject": n.subject, "text": n.text} for n in composed])
    elif output is None:
        for note in composed:
            what = f"{note.medium}, {note.words} words" + (", your own wording" if note.own else "")
            click.secho(f"── {note.interview_id} · {note.interviewer.name} ({what})", bold=True)
            if note.subject:
                click.echo(f"Subject: {note.subject}\n")
            click.echo(note.text + "\n")
    if composed and not as_json and not quiet:
        from .compose import second_reader

        _say(second_reader(session.templates))  # R27: a second reader before anything goes out
    sys.exit(EXIT_BAD_INPUT if listing.invalid else EXIT_OK)


@main.command()
@click.argument("which", type=click.Choice(["interview", "profile"]), default="interview")
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), default=None,
              help="Write the schema to this file instead of printing it.")
def schema(which: str, output: Path | None) -> None:
    """Print the JSON Schema of interview or profile files, for editors.

    \b
    Exit codes: 0 printed or written; 2 a bad argument or an unwritable file.

    \b
    Examples:
      followup-kit schema interview > interview.schema.json
      followup-kit schema profile -o profile.schema.json
    """
    from .model import Interview, Profile

    model = {"interview": Interview, "profile": Profile}[which]
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    if output is None:
        _emit_json(document)
    else:
        from .workspace import guard_output, write_atomic

        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        _say(f"Schema written to {write_atomic(guard_output(output), text.encode('utf-8'))}")


@main.command()
@click.argument("directory", type=click.Path(path_type=Path), default=Path("followup-demo"))
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), default=None,
              help="Write the outputs here instead of DIRECTORY/output/.")
@click.option("--force", is_flag=True, help="Replace the files of another workspace in DIRECTORY.")
@click.option("--json", "as_json", is_flag=True, help="Print the files written as a JSON list.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def demo(directory: Path, output: Path | None, force: bool, as_json: bool, quiet: bool) -> None:
    """Copy the bundled example workspace to DIRECTORY and build every output:
    notes, printable cards, the calendar and the email drafts. Prints where each file is.

    DIRECTORY defaults to ./followup-demo; the outputs go to DIRECTORY/output/
    unless -o says otherwise. Running it again refreshes an earlier demo copy.

    \b
    Exit codes: 0 done; 2 DIRECTORY holds another workspace (use --force) or cannot be written.

    \b
    Examples:
      followup-kit demo
      followup-kit demo -o output
      followup-kit demo /tmp/try-it --json
    """
    from .demo import copy_demo
    from .session import Session

    session = Session(copy_demo(directory, force=force, output_dir=output))
    rows = []
    if not (quiet or as_json):
        _say(f"Demo workspace: {session.root}")
    for label, written in session.build_all():
        rows.append({"step": label, "path": str(written)})
        if not (quiet or as_json):
            _say(f"  {label}: {written}")
    if as_json:
        _emit_json({"workspace": str(session.root), "files": rows})


@main.command("import")
@click.argument("csv_path", metavar="PATH.csv", required=False, type=click.Path(path_type=Path))
@click.option("-w", "--workspace", type=click.Path(path_type=Path),
              help="The workspace to import into (with a 'student' column: the cohort folder).")
@click.option("--dry-run", is_flag=True, help="Check every row and say what would be written; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no per-interview lines; only problems.")
@click.option("--delimiter", type=click.Choice([",", ";", "tab"]), default=None,
              help="The column separator; detected from the header when not given.")
@click.option("--encoding", default="utf-8-sig", show_default=True,
              help="The file's text encoding (UTF-8 with or without BOM by default).")
@click.option("--template", is_flag=True, help="Print the template CSV (every column, example rows) and exit.")
def import_(csv_path: Path | None, workspace: Path | None, dry_run: bool, as_json: bool, quiet: bool,
            delimiter: str | None, encoding: str, template: bool) -> None:
    """Import a spreadsheet of interviews (one row per interviewer) into a workspace.

    Rows of one interview share the 'interview' column (or company, start and
    role). Bad rows are listed with row number and column; every interview
    without a bad row is imported, and an interview with one is not written at
    all. Interviews already in the workspace (same company, start and role) are
    skipped, so importing the same file again is safe. The columns are listed in
    the README ("Career centres: batch import") and in the template.

    \b
    Exit codes: 0 every interview imported or already present;
                1 some rows are bad (the other interviews were imported);
                2 the file or workspace cannot be used (nothing was written).

    \b
    Examples:
      followup-kit import --template > cohort.csv
      followup-kit import cohort.csv -w my-job-search --dry-run
      followup-kit import cohort.csv -w my-job-search
      followup-kit import cohort.csv -w career-centre/2026 --quiet
    """
    from .batch import format_rows, import_csv
    from .progress import tracked
    from .resources import cohort_template

    if template:
        click.echo(cohort_template().read_bytes(), nl=False)
        return
    if csv_path is None:
        raise click.UsageError("give the CSV file to import, or --template to get one.")
    if workspace is None:
        raise click.UsageError("give the workspace to import into with -w WORKSPACE.")
    report = import_csv(
        csv_path, workspace, dry_run=dry_run, encoding=encoding,
        delimiter="\t" if delimiter == "tab" else delimiter,
        progress=lambda groups: tracked(groups, label="Importing interviews", quiet=quiet or as_json,
                                        min_items=PROGRESS_FROM),
    )
    for rejected in report.rejected:
        for problem in rejected.problems:
            click.secho(f"error: {problem}", fg="red", err=True)
    if as_json:
        _emit_json(report.to_json())
    elif not quiet:
        verb = "would import" if dry_run else "imported"
        for item in report.imported:
            _say(f"{verb}: {format_rows(item.rows)} -> {item.path}")
        for item in report.skipped:
            _say(f"skipped: {format_rows(item.rows)}: already in {item.workspace} as {item.existing}")
    if not as_json:
        for rejected in report.rejected:
            click.secho(f"not imported: {format_rows(rejected.rows)} ({rejected.label}): fix "
                        f"{format_rows(rejected.bad_rows)} and import again", fg="yellow", err=True)
        if not quiet:
            summary = (f"{len(report.imported)} interview(s) {verb}, {len(report.skipped)} already present, "
                       f"{len(report.rejected)} not imported.")
            _say(summary, fg="yellow" if report.rejected else "green")
    sys.exit(EXIT_FINDINGS if report.rejected else EXIT_OK)


@main.command()
@click.argument("workspace", type=click.Path(path_type=Path), default=Path("."))
def new(workspace: Path) -> None:
    """Create an interview file by answering questions (no Jupyter needed).

    Asks for the company, role, stage, medium, times, what they said about the
    decision, each interviewer (name, title, where each was checked, email,
    topics) and your reflection. Every answer is checked at once and asked again
    if it is not valid; nothing is written until the whole interview is valid.
    A folder without profile.json gets one first (your name, time zone, country).

    \b
    Exit codes: 0 saved; 2 the workspace cannot be used, or the input ended
    before the interview was complete (nothing was written).

    \b
    Examples:
      followup-kit new                  # in the workspace folder
      followup-kit new my-job-search
      followup-kit new career-centre/li-na
    """
    from .templating import local_iso
    from .interactive import DuplicateInterview, Questions
    from .session import Session, create
    from .workspace import PROFILE_FILE

    if workspace.name == PROFILE_FILE:  # the profile stands for its workspace, as everywhere
        workspace = workspace.parent
    created = False
    try:
        if (workspace / PROFILE_FILE).exists():
            session = Session.open(workspace)
            profile = session.profile
        else:
            if workspace.exists() and not workspace.is_dir():
                raise WorkspaceError(f"{workspace}: is a file, not a folder. Give the workspace folder "
                                     "(the one that holds, or will hold, profile.json).")
            _say(f"{workspace} has no {PROFILE_FILE} yet: creating a workspace there.")
            profile = Questions().profile()
            session = create(workspace, profile)
            created = True
            _say(f"saved: {session.root / PROFILE_FILE}", fg="green")
        def existing(company: str, start: str, role: str) -> str | None:
            key = (company.casefold(), start, role.casefold())
            return next((str(session.workspace.interview_path(i.id)) for i in session.interviews
                         if (i.company.casefold(), local_iso(i.start), i.role.casefold()) == key), None)

        interview = Questions(default_timezone=profile.timezone, existing=existing).interview()
    except DuplicateInterview as exc:
        _say(f"error: this interview (the same company, start and role) is already in the workspace as "
             f"{exc.existing}; nothing was written. Open that file to change it.", fg="red")
        sys.exit(EXIT_BAD_INPUT)
    except click.exceptions.Abort:
        written = "only the profile was saved" if created else "nothing was written"
        _say(f"error: the input ended before the interview was complete; {written}.", fg="red")
        sys.exit(EXIT_BAD_INPUT)
    saved = session.save(interview)
    path = session.workspace.interview_path(saved.id)
    _say(f"saved: {path}", fg="green")
    for person in interview.interviewers:
        if person.unverified:  # R2, R11: nothing unverified gets printed without a reminder
            _say(f"reminder: check the {' and '.join(person.unverified)} of {person.name} before "
                 f"anything is printed, then record where under 'checked' in {path.name}.")
    sys.exit(EXIT_OK)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), default=None,
              help="The PDF to write (default: cards.pdf in the workspace's output folder).")
@click.option("--size", default=None, metavar="a2|a6|a7|iso-a6|WxH",
              help="Card size: US A2 4.25x5.5in, US A6 4.5x6.25in, US A7 5x7in, ISO A6 105x148mm, "
                   "or WxH with a unit such as 4x6in or 100x150mm. Default: a2 where Letter paper "
                   "is used (US, CA, …), iso-a6 elsewhere.")
@click.option("--sheet", type=click.Choice(list(SHEETS), case_sensitive=False), default=None,
              help="Paper: several cards per letter or a4 sheet with crop marks, or 'card' for one "
                   "card per page at its exact size. Default: from the profile's country.")
@click.option("--draft", is_flag=True, help="Print cards whose name or title is unverified, marked DRAFT.")
@click.option("--interview", "interviews", multiple=True, metavar="ID",
              help="Only this interview (repeat for several). Default: every in-person interview.")
@click.option("--ruled", is_flag=True, help="Faint ruled lines under the note, to keep handwriting straight.")
@click.option("--backs", type=click.Choice(BACKS), default="duplex", show_default=True,
              help="Addresses behind each card for double-sided printing (flip on long edge), on "
                   "separate envelope sheets at the end, or not at all.")
@click.option("--test-page", is_flag=True, help="Add a printer alignment page (rulers, card outlines).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, and nothing printed on success.")
def cards(path: Path, output: Path | None, size: str | None, sheet: str | None, draft: bool,
          interviews: tuple[str, ...], ruled: bool, backs: str, test_page: bool, quiet: bool) -> None:
    """Lay the thank-you notes of in-person interviews out as printable cards (PDF).

    One card per interviewer, at the real card size, with the verified name and
    title, for you to copy by hand. A first page lists every card to tick. Print
    at 100% ("Actual size"), double-sided flipping on the long edge. A name or
    title nobody checked stops the command unless --draft.

    \b
    Exit codes: 0 written; 2 an invalid file, no in-person interview, an
                unverified name or title without --draft, a character no
                installed font has, or a bad option.

    \b
    Examples:
      followup-kit cards my-job-search -o cards.pdf
      followup-kit cards my-job-search --size a7 --sheet card
      followup-kit cards my-job-search --interview 2026-11-19-nordwind-energie-onsite --draft
      followup-kit cards my-job-search --size 100x150mm --sheet a4 --test-page
    """
    from .progress import tracked
    from .session import Session
    from .workspace import locate

    workspace, ids = locate(path)
    if interviews:
        ids = sorted(set(ids or []) | set(interviews)) if ids else list(interviews)
        known = set(workspace.ids())
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise click.BadParameter(
                f"no interview file {', '.join(unknown)} in {workspace.interviews_dir}. "
                f"Known ids: {', '.join(sorted(known)) or 'none'}.", param_hint="--interview")
    session = Session(workspace, ids=ids)
    written = session.write_cards(output, ids=ids, size=size, sheet=sheet and sheet.lower(),
                                  draft=draft, ruled=ruled, backs=backs, alignment_page=test_page,
                                  progress=lambda items: tracked(items, label="Composing cards", quiet=quiet,
                                                                 min_items=PROGRESS_FROM))
    if not quiet:
        _say(f"Cards written to {written}. Print at 100% (Actual size)"
             + (", double-sided, flip on long edge." if backs == "duplex" else "."))


def _parse_now(value: str | None) -> "dt.datetime":
    import datetime as dt

    if value is None:
        return dt.datetime.now(dt.timezone.utc)
    try:
        # Python 3.10's fromisoformat does not read a trailing "Z" (UTC); 3.11 does.
        moment = dt.datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value)
    except ValueError:
        raise click.BadParameter(
            f"expected an ISO 8601 date-time such as 2026-11-20T18:00+01:00 (got {value!r})",
            param_hint="--now") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _status_words(event: Any) -> str:
    if event.status == "done":
        return f"done {event.done_on.isoformat()}"
    if event.status in ("closed", "replaced"):
        return event.status
    return "overdue" if event.overdue else ""


def _application_heading(events: list[Any]) -> str:
    """'Acme Analytics · Data Analyst: 3 rounds (Mon 2 Nov, Thu 12 Nov, Fri 20 Nov)' over its steps."""
    from .templating import day
    from .vocabulary import OUTCOME_LABELS, label

    first = events[0]
    rounds = {e.interview_id: e.interview for e in events if e.interview is not None}
    latest = max(rounds.values(), key=lambda i: (i.start, i.id))
    heading = f"{latest.company} · {latest.role}"
    if first.rounds > 1:
        heading += f": {first.rounds} rounds"
        shown = sorted(rounds.values(), key=lambda i: (i.start, i.id))
        if len(shown) == first.rounds:
            heading += f" ({', '.join(day(i.start, year=False) for i in shown)})"
    if first.outcome:
        heading += f"; {label(first.outcome, OUTCOME_LABELS)}"
    return heading


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the events as a JSON list.")
@click.option("--all", "include_done", is_flag=True,
              help="Also list steps already done and those of closed interviews.")
@click.option("--now", "now_text", metavar="DATETIME", default=None,
              help="Mark events before this ISO 8601 time as overdue (default: now).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line; the table only.")
def plan(path: Path, as_json: bool, include_done: bool, now_text: str | None, quiet: bool) -> None:
    """List every follow-up step and when it is due.

    Per interview: the thank-you email (same day), the handwritten cards (in
    person only, within 24 hours), the one status follow-up and the day to move
    on, on business days of your country. Times are in your profile's time zone.
    Invalid interview files are reported on stderr; the others are planned.

    \b
    Exit codes: 0 planned; 2 an invalid file (the others are planned), a
                missing path or a bad --now.

    \b
    Examples:
      followup-kit plan my-job-search
      followup-kit plan my-job-search/interviews/2026-11-20-acme-analytics-onsite.json
      followup-kit plan my-job-search --json
      followup-kit plan my-job-search --all
    """
    now = _parse_now(now_text)
    session = _open(path, label="Planning", quiet=quiet or as_json)
    profile = session.profile
    events = session.plan(now=now, include_done=include_done)
    report_invalid(session.invalid)
    if as_json:
        rows = []
        from .calendar import event_json

        for event in events:
            row = event_json(event, templates=session.templates)
            row.update(application=event.application, round=event.round)
            if include_done:
                row.update(status=event.status, done=event.done_on.isoformat() if event.done_on else None)
            rows.append(row)
        _emit_json(rows)
    elif events:
        from .schedule import by_application
        from .templating import moment

        due = {id(e): moment(e.due, zone=True) for e in events}
        status = {id(e): _status_words(e) for e in events}
        width = max(len(text) for text in due.values())
        state_width = max(len(text) for text in [*status.values(), "Status"]) + 2 if any(status.values()) else 0
        click.echo(f"{'Due':<{width}}  " + ("Status".ljust(state_width) if state_width else "") + "What")
        groups = by_application(events)
        for _name, group in groups:  # R19: the steps of each application together, its rounds named
            click.secho(_application_heading(group), bold=True)
            for event in group:
                line = f"{due[id(event)]:<{width}}  " + status[id(event)].ljust(state_width) + \
                    session.describe(event).title
                click.secho(line, fg="yellow" if event.overdue else None)
        planned = len({e.interview_id for e in events})
        if not quiet:
            _say(f"{len(events)} step(s) for {planned} interview(s) in {len(groups)} application(s); "
                 f"times in {profile.timezone}.")
    elif not quiet:
        _say("Nothing to plan: no open interview.")
    sys.exit(EXIT_BAD_INPUT if session.invalid else EXIT_OK)


def _parse_day(value: str | None, zone: Any) -> "dt.date":
    import datetime as dt

    if value is None:
        return dt.datetime.now(zone).date()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a day written YYYY-MM-DD, e.g. 2026-11-27 (got {value!r})",
                                 param_hint="--on") from None


def _one_interview(path: Path, workspace: Path) -> tuple[Any, Any]:
    """PATH as an interview file, or as the id of one in WORKSPACE: (session, interview)."""
    from .session import Session

    if path.suffix.lower() == ".json" or path.is_file():
        session = Session.open(path)
        if session.ids is None:
            raise WorkspaceError(f"{path}: give one interview file (in the interviews/ folder of a workspace) "
                                 "or its id, not the whole workspace.")
        return session, session.interview(session.ids[0])
    if path.is_dir():
        raise WorkspaceError(f"{path}: is a folder; give one interview file, or its id with -w WORKSPACE.")
    session = Session.open(workspace)
    return session, session.interview(str(path))


def _next_words(session: Any, interview: Any) -> str:
    """What the application of ``interview`` has to do next, in a line."""
    from .schedule import plan
    from .templating import moment

    events = plan(session.profile, session.rounds(interview), settings=session.settings)
    if not events:
        return "Nothing more to do for this application."
    upcoming = events[0]
    return f"Next: {session.describe(upcoming).title}, due {moment(upcoming.due, zone=True)}."


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.argument("step", type=click.Choice(list(EVENT_KINDS)))
@click.option("--on", "on_text", metavar="YYYY-MM-DD", default=None,
              help="The day it was done (default: today, in your profile's time zone).")
@click.option("-w", "--workspace", type=click.Path(path_type=Path), default=Path("."), show_default=True,
              help="The workspace, when PATH is an interview id rather than a file.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def done(path: Path, step: str, on_text: str | None, workspace: Path, quiet: bool) -> None:
    """Mark a follow-up step of an interview done: it leaves the plan, the calendar and the drafts.

    PATH is an interview file, or its id (with -w for the workspace). The status
    follow-up and the move-on belong to the application and are recorded on its
    latest round; the thank-you steps on the round given.

    \b
    Exit codes: 0 recorded; 2 no such interview, a step it does not have,
                an invalid file or a bad --on.

    \b
    Examples:
      followup-kit done my-job-search/interviews/2026-11-20-acme-analytics-onsite.json thank-you-email
      followup-kit done 2026-11-20-acme-analytics-onsite status-follow-up --on 2026-12-07 -w my-job-search
    """
    from .schedule import mark_step_done
    from .templating import day
    from .vocabulary import STEP_LABELS

    session, interview = _one_interview(path, workspace)
    on = _parse_day(on_text, session.profile.zone)
    try:
        updated = mark_step_done(session.profile, interview, step, on, rounds=session.rounds(interview),
                                 settings=session.settings)
    except ValueError as exc:
        raise WorkspaceError(str(exc).replace("interviews/", f"{session.workspace.interviews_dir}/", 1)) from None
    saved = session.save(updated)
    if not quiet:
        file = session.workspace.shown(session.workspace.interview_path(saved.id))
        _say(f"Marked the {STEP_LABELS[step]} done on {day(on)} in {file}.", fg="green")
        _say(_next_words(session, saved))


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.argument("result", metavar="OUTCOME", type=click.Choice([*OUTCOMES, "none"]))
@click.option("--on", "on_text", metavar="YYYY-MM-DD", default=None,
              help="The day you heard (default: today, in your profile's time zone).")
@click.option("-w", "--workspace", type=click.Path(path_type=Path), default=Path("."), show_default=True,
              help="The workspace, when PATH is an interview id rather than a file.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def outcome(path: Path, result: str, on_text: str | None, workspace: Path, quiet: bool) -> None:
    """Record what came of an application: advanced (to a next round not yet planned), offer,
    rejected, withdrawn or moved-on; 'none' opens it again.

    PATH is an interview file, or its id (with -w for the workspace); the outcome is
    recorded on the latest round of its application. After offer, withdrawn or
    moved-on there are no more reminders; after rejected, one: a reply that thanks
    them and asks for brief feedback, the next business day.

    \b
    Exit codes: 0 recorded; 2 no such interview, an invalid file or a bad --on.

    \b
    Examples:
      followup-kit outcome my-job-search/interviews/2026-11-24-acme-analytics-final.json rejected
      followup-kit outcome 2026-11-24-acme-analytics-final offer --on 2026-12-03 -w my-job-search
    """
    from .schedule import record_application_outcome
    from .templating import day
    from .vocabulary import OUTCOME_LABELS

    session, interview = _one_interview(path, workspace)
    on = _parse_day(on_text, session.profile.zone)
    saved = session.save(record_application_outcome(interview, None if result == "none" else result, on,
                                                    rounds=session.rounds(interview)))
    if not quiet:
        file = session.workspace.shown(session.workspace.interview_path(saved.id))
        what = "Opened the application again" if result == "none" else \
            f"Recorded the outcome \"{OUTCOME_LABELS[result]}\" on {day(on)}"
        _say(f"{what} in {file}.", fg="green")
        _say(_next_words(session, saved))


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), default=None,
              help="The .ics file to write (default: output/followup.ics in the workspace).")
@click.option("--caldav", "caldav_url", metavar="URL", default=None,
              help="Sync the steps into this CalDAV calendar (its address) instead of writing a file "
                   "(with -o, both).")
@click.option("--user", metavar="NAME", default=None,
              help="The user name on the CalDAV server (default: the one in the URL, if any).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; print nothing but errors.")
def calendar(path: Path, output: Path | None, caldav_url: str | None, user: str | None, quiet: bool) -> None:
    """Write every follow-up step as an .ics calendar to import into your calendar app,
    or sync the steps into your own calendar on a CalDAV server (--caldav).

    One event per step, each with one reminder alarm, at UTC times that every
    app shows in its own time zone. Importing the file again updates the events
    instead of duplicating them, in the apps that honour updates; steps marked
    done and closed interviews come back as cancelled. Invalid interview files
    are reported on stderr; the others are written.

    With --caldav URL (a calendar's address on iCloud, Fastmail, Nextcloud,
    Radicale, …) the kit creates the new steps there, updates the changed ones,
    deletes its own events of steps that dropped out, and never touches an
    event it did not write. The password comes from the environment variable
    FOLLOWUP_KIT_CALDAV_PASSWORD, else the system keyring (service
    "followup-kit", your user name), else a prompt that does not echo; it is
    never stored or printed.

    \b
    Exit codes: 0 written or synced; 2 an invalid file (the others are
                written), a missing path, an existing .ics that followup-kit
                did not write or that is damaged, or a calendar server that
                cannot be reached, refuses the login or has no calendar there.

    \b
    Examples:
      followup-kit calendar my-job-search
      followup-kit calendar my-job-search -o ~/Desktop/interviews.ics
      followup-kit calendar my-job-search/interviews/2026-11-20-acme-analytics-onsite.json
      followup-kit calendar my-job-search --caldav https://caldav.fastmail.com/dav/calendars/user/lena@example.org/Default/ --user lena@example.org
    """
    if user is not None and caldav_url is None:
        raise click.UsageError("--user names the login on a CalDAV server: give --caldav URL too.")
    session = _open(path, label="Planning the calendar", quiet=quiet)
    session.profile  # an invalid profile stops here
    invalid: list[InvalidFileError] = []
    if caldav_url is None or output is not None:
        result = session.write_calendar(output)
        invalid = result.invalid
        if not quiet:
            interviews = len({e.interview_id for e in result.events})
            _say(f"Wrote {len(result.events)} event(s) for {interviews} interview(s) to {result.path}")
    if caldav_url is not None:
        report = _sync_caldav(session, caldav_url, user)
        invalid = report.invalid
        if not quiet:
            from zoneinfo import ZoneInfo

            for line in report.lines(ZoneInfo(session.profile.timezone)):
                _say(line)
            _say(report.summary())
    report_invalid(invalid)
    sys.exit(EXIT_BAD_INPUT if invalid else EXIT_OK)


def _sync_caldav(session: Any, url: str, user: str | None) -> Any:
    """The sync, with the password from the environment, the keyring or a prompt without echo."""
    from .caldav_sync import PASSWORD_VARIABLE, find_password, shown_url, url_user
    from .errors import CalendarServerError

    user = user or url_user(url)
    password = find_password(user) if user else None
    if user and password is None:
        try:
            if not sys.stdin.isatty():  # a pipe would echo what it is given, and may hold nothing
                raise click.Abort()
            password = click.prompt(f"Password for {user} at {shown_url(url)}", hide_input=True, err=True)
        except click.Abort:
            raise CalendarServerError(
                f"No password for {user} at {shown_url(url)}: set {PASSWORD_VARIABLE}, store it in the "
                f"system keyring (keyring set followup-kit {user}), or run the command in a terminal "
                "to type it.") from None
    return session.sync_caldav(url, user=user, password=password)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), default=None,
              help="The folder to write the .eml files to (default: output/emails/ in the workspace).")
@click.option("--json", "as_json", is_flag=True, help="Print the drafts as a JSON list.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no list of files; problems only.")
def emails(path: Path, output: Path | None, as_json: bool, quiet: bool) -> None:
    """Write every email still to send as a draft (.eml) to open in your mail program.

    Per interview: the thank-you email to each interviewer after a phone or video
    interview, or after an in-person one the email saying a handwritten card
    follows by post; the one status follow-up; the feedback request on the
    move-on date, a month without news. Each is dated when it is due; Outlook
    opens it as a new message ready to send (X-Unsent: 1); in Thunderbird use
    "Edit as New Message", in Apple Mail "Send Again". Steps marked done and closed
    interviews get none, and their earlier drafts are deleted unless you edited them.

    An interviewer without an email address gets no draft: the command says so;
    send it through the company's HR department, or add the address.

    \b
    Exit codes: 0 every draft written;
                1 some drafts have nobody to address them to (the rest are written);
                2 an invalid file (the others are written) or a missing path.

    \b
    Examples:
      followup-kit emails my-job-search
      followup-kit emails my-job-search -o ~/Desktop/drafts
      followup-kit emails my-job-search/interviews/2026-11-20-acme-analytics-onsite.json
      followup-kit emails my-job-search --json --quiet
    """
    from .progress import tracked
    from .vocabulary import DRAFT_LABELS

    session = _open(path, label="Reading interviews", quiet=quiet or as_json)
    workspace = session.workspace
    session.profile  # an invalid profile stops here
    export = session.write_emails(output, progress=lambda items: tracked(
        items, label="Writing email drafts", quiet=quiet or as_json, min_items=PROGRESS_FROM))
    report_invalid(export.invalid)
    for draft in export.unaddressed:  # R12: the HR route
        file = workspace.shown(workspace.interview_path(draft.interview_id))
        if draft.no_contact:  # R17: never the first-listed by accident
            click.secho(f"warning: {draft.interview_id}: {draft.problem}, so no {DRAFT_LABELS[draft.kind]} "
                        f"draft was written. Add \"contact\": true to the interviewer in {file} who runs the "
                        "process (the person you would ask about the decision) and run again.",
                        fg="yellow", err=True)
            continue
        click.secho(f"warning: {draft.interview_id} · {draft.recipient.name}: {draft.problem}, so no "
                    f"{DRAFT_LABELS[draft.kind]} draft was written. Send it through the company's HR "
                    f"department and ask them to pass it on, or add the email address to {file} "
                    "and run again.", fg="yellow", err=True)
    for path in export.beside:
        _say(f"warning: {path.with_name(path.name.replace('.new.eml', '.eml'))}: you edited this draft, so it "
             f"was kept; the kit's new version is beside it as {path.name}. Keep the one you want and delete "
             "the other.", fg="yellow")
    for kept in export.kept:
        click.secho(f"warning: {kept}: its step is marked done, but the draft was edited, so it was "
                    "left in place; delete it once it is sent.", fg="yellow", err=True)
    if as_json:
        rows = [{"interview": d.interview_id, "kind": d.kind, "step": d.step, "to": d.address,
                 "name": d.name, "subject": d.subject, "date": d.due.isoformat(timespec="seconds"),
                 "file": str(export.directory / d.filename) if not d.problem else None,
                 "problem": d.problem}
                for d in sorted([*export.drafts, *export.unaddressed], key=lambda d: d.filename)]
        _emit_json(rows)
    elif not quiet:
        for written in export.written:
            _say(f"written: {written}")
        for removed in export.removed:
            _say(f"removed (step done): {removed}")
        interviews = len({d.interview_id for d in export.drafts})
        click.echo(f"Wrote {len(export.written)} draft(s) for {interviews} interview(s) to {export.directory}"
                   + (f"; {len(export.unaddressed)} without an address (see above)." if export.unaddressed else "."),
                   err=True)
    sys.exit(EXIT_BAD_INPUT if export.invalid else EXIT_FINDINGS if export.unaddressed else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
