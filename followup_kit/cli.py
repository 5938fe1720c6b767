"""The ``followup-kit`` command: a thin front end over the library.

Exit codes, the same for every command:

* 0: done, nothing to report;
* 1: done, but there are findings to look at (for example a misspelled word);
* 2: bad input: a file is not valid, a path does not exist, an option is wrong.

Bad input never shows a traceback: every :class:`FollowupKitError` becomes its
message on stderr and exit code 2.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from .errors import FollowupKitError, InvalidFileError

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


class _Group(click.Group):
    """Turns the kit's own errors into a message and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FollowupKitError as exc:
            click.secho(f"error: {exc}", fg="red", err=True)
            ctx.exit(EXIT_BAD_INPUT)


def _emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


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
def main() -> None:
    """followup-kit: thank-you cards, email drafts and follow-up dates after a job interview.

    Every command takes PATH, a workspace folder (with profile.json and
    interviews/) or one interview file inside one.

    \b
    Exit codes: 0 ok, 1 findings to look at, 2 bad input.
    Start with:  followup-kit demo
    """


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the findings as a JSON list.")
def check(path: Path, as_json: bool) -> None:
    """Check a workspace (or one interview file) and list every problem.

    \b
    Examples:
      followup-kit check my-job-search
      followup-kit check my-job-search/interviews/2026-11-20-acme-analytics-onsite.json
      followup-kit check my-job-search --json
    """
    from .workspace import locate

    workspace, ids = locate(path)
    invalid: list[InvalidFileError] = []
    try:
        workspace.profile()
    except InvalidFileError as exc:
        invalid.append(exc)
    listing = workspace.interviews(ids)
    invalid.extend(listing.invalid)
    findings = file_findings(invalid)
    if as_json:
        _emit_json(findings)
    else:
        for row in findings:
            click.secho(f"error: {row['message']}", fg="red")
        checked = len(listing.interviews) + len(listing.invalid)
        if not findings:
            click.secho(f"ok: {workspace.root}: profile and {checked} interview file(s) are valid.", fg="green")
        else:
            click.echo(f"{len(invalid)} invalid file(s); the files were not changed. Fix them and run check again.")
    sys.exit(EXIT_BAD_INPUT if invalid else EXIT_OK)


@main.command()
@click.argument("which", type=click.Choice(["interview", "profile"]), default="interview")
def schema(which: str) -> None:
    """Print the JSON Schema of interview or profile files, for editors.

    \b
    Examples:
      followup-kit schema interview > interview.schema.json
      followup-kit schema profile
    """
    from .model import Interview, Profile

    model = {"interview": Interview, "profile": Profile}[which]
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    _emit_json(document)


@main.command()
@click.argument("directory", type=click.Path(path_type=Path), default=Path("followup-demo"))
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), default=None,
              help="Write the outputs here instead of DIRECTORY/output/.")
@click.option("--force", is_flag=True, help="Replace the files of another workspace in DIRECTORY.")
def demo(directory: Path, output: Path | None, force: bool) -> None:
    """Copy the bundled example workspace to DIRECTORY and build every output.

    DIRECTORY defaults to ./followup-demo; the outputs go to DIRECTORY/output/
    unless -o says otherwise. Running it again refreshes an earlier demo copy.

    \b
    Examples:
      followup-kit demo
      followup-kit demo -o output
      followup-kit demo /tmp/try-it
    """
    from .demo import build_outputs, copy_demo

    workspace = copy_demo(directory, force=force, output_dir=output)
    click.echo(f"Demo workspace: {workspace.root}")
    for label, written in build_outputs(workspace):
        click.echo(f"  {label}: {written}")


def _parse_now(value: str | None) -> "dt.datetime":
    import datetime as dt

    if value is None:
        return dt.datetime.now(dt.timezone.utc)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"expected an ISO 8601 date-time such as 2026-11-20T18:00+01:00 (got {value!r})",
            param_hint="--now") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _status_words(event: Any) -> str:
    if event.status == "done":
        return f"done {event.done_on:%Y-%m-%d}"
    if event.status == "closed":
        return "closed"
    return "overdue" if event.overdue else ""


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the events as a JSON list.")
@click.option("--all", "include_done", is_flag=True,
              help="Also list steps already done and those of closed interviews.")
@click.option("--now", "now_text", metavar="DATETIME", default=None,
              help="Mark events before this ISO 8601 time as overdue (default: now).")
def plan(path: Path, as_json: bool, include_done: bool, now_text: str | None) -> None:
    """List every follow-up step and when it is due (domain rules R7, R8, R13–R18).

    Per interview: the thank-you email (same day), the handwritten cards (in
    person only, within 24 hours), the one status follow-up and the day to move
    on, on business days of your country. Times are in your profile's time zone.
    Invalid interview files are reported on stderr (exit 2); the others are planned.

    \b
    Examples:
      followup-kit plan my-job-search
      followup-kit plan my-job-search/interviews/2026-11-20-acme-analytics-onsite.json
      followup-kit plan my-job-search --json
      followup-kit plan my-job-search --all
    """
    from .schedule import plan as plan_events
    from .workspace import locate

    workspace, ids = locate(path)
    profile = workspace.profile()
    listing = workspace.interviews(ids or None)  # profile.json stands for its whole workspace
    now = _parse_now(now_text)
    events = plan_events(profile, listing.interviews, now=now, include_done=include_done)
    report_invalid(listing.invalid)
    if as_json:
        rows = []
        for event in events:
            row = event.to_json()
            if include_done:
                row.update(status=event.status, done=event.done_on.isoformat() if event.done_on else None)
            rows.append(row)
        _emit_json(rows)
    elif events:
        due = [f"{e.due:%a %d %b %Y %H:%M %Z}" for e in events]
        status = [_status_words(e) for e in events]
        width = max(len(text) for text in due)
        state_width = max(len(text) for text in status + ["Status"]) + 2 if any(status) else 0
        click.echo(f"{'Due':<{width}}  " + ("Status".ljust(state_width) if state_width else "") + "What")
        for when, state, event in zip(due, status, events):
            line = f"{when:<{width}}  " + state.ljust(state_width) + event.title
            click.secho(line, fg="yellow" if event.overdue else None)
        planned = len({e.interview_id for e in events})
        click.echo(f"{len(events)} step(s) for {planned} interview(s); times in {profile.timezone}.")
    else:
        click.echo("Nothing to plan: no open interview.")
    sys.exit(EXIT_BAD_INPUT if listing.invalid else EXIT_OK)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), default=None,
              help="The .ics file to write (default: output/followup.ics in the workspace).")
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
def calendar(path: Path, output: Path | None, quiet: bool) -> None:
    """Write every follow-up step as an .ics calendar to import into your calendar app.

    One event per step, each with one reminder alarm, at UTC times that every
    app shows in its own time zone. Importing the file again updates the events
    instead of duplicating them. Steps marked done and closed interviews are left
    out. Invalid interview files are reported on stderr (exit 2); the others are written.

    \b
    Examples:
      followup-kit calendar my-job-search
      followup-kit calendar my-job-search -o ~/Desktop/interviews.ics
      followup-kit calendar my-job-search/interviews/2026-11-20-acme-analytics-onsite.json
    """
    from .calendar import export_calendar
    from .workspace import locate

    workspace, ids = locate(path)
    result = export_calendar(workspace, ids=ids or None, path=output)  # profile.json: the whole workspace
    report_invalid(result.invalid)
    if not quiet:
        interviews = len({e.interview_id for e in result.events})
        click.echo(f"Wrote {len(result.events)} event(s) for {interviews} interview(s) to {result.path}")
    sys.exit(EXIT_BAD_INPUT if result.invalid else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
