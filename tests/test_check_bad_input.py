"""`followup-kit check` on bad input: plain-words messages, exit 2, files untouched."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest
from click.testing import CliRunner

from followup_kit.cli import main

ONSITE = "2026-11-20-lakeshore-metrics-onsite"


def _edit(fn: Callable[[dict[str, Any]], None]) -> Callable[[str], bytes]:
    def apply(text: str) -> bytes:
        data = json.loads(text)
        fn(data)
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    return apply


def _set(path: str, value: Any) -> Callable[[str], bytes]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        for key in parents:
            data = data[key]
        if value is _DELETE:
            del data[last]
        else:
            data[last] = value
    return _edit(change)


_DELETE = object()

# (case id, file to break, how, field named in the message, expected words in the message)
CASES = [
    ("json-syntax", ONSITE, lambda t: t.replace('"role":', '"role"', 1).encode(), "line 5", "valid JSON"),
    ("not-utf8", ONSITE, lambda t: t.replace("Horáčková", "Hor\udce1\udce8kov\udce1").encode("utf-8", "surrogateescape"),
     "line", "UTF-8"),
    ("duplicate-key", ONSITE, lambda t: t.replace('"role":', '"role": "x", "role":', 1).encode(), "role", "each field once"),
    ("newer-format", ONSITE, _set("format", "followup-kit/interview@2"), "format", "upgrade"),
    ("missing-format", ONSITE, _set("format", _DELETE), "format", "required"),
    ("bad-zone", ONSITE, _set("timezone", "America/Chicgo"), "timezone", "America/Chicago"),
    ("end-before-start", ONSITE, _set("end", "2026-11-20T09:00"), "end", "after the start"),
    ("start-format", ONSITE, _set("start", "2026-11-20 10:00"), "start", "YYYY-MM-DDTHH:MM"),
    ("impossible-date", ONSITE, _set("start", "2026-02-30T10:00"), "start", "real calendar date"),
    ("no-interviewers", ONSITE, _set("interviewers", []), "interviewers", "at least one interviewer"),
    ("timeline-kind", ONSITE, _set("timeline", {"kind": "soon"}), "timeline.kind", "'few-days'"),
    ("timeline-no-kind", ONSITE, _set("timeline", {"date": "2026-12-04"}), "timeline.kind", "kind"),
    ("timeline-date-missing", ONSITE, _set("timeline", {"kind": "date"}), "timeline.date", "required"),
    ("timeline-date-format", ONSITE, _set("timeline", {"kind": "date", "date": "12/04/2026"}), "timeline.date",
     "YYYY-MM-DD"),
    ("within-days", ONSITE, _set("timeline", {"kind": "within", "days": 0}), "timeline.days", "more than 0"),
    ("within-business", ONSITE, _set("timeline", {"kind": "within", "days": 5, "business": "yes"}),
     "timeline.business", "true or false"),
    ("medium", ONSITE, _set("medium", "zoom"), "medium", "'in-person'"),
    ("stage", ONSITE, _set("stage", "onsite-2"), "stage", "'phone-screen'"),
    ("empty-name", ONSITE, _set("interviewers.1.name", "  "), "interviewers[1].name", "some text"),
    ("checked-typo", ONSITE, _set("interviewers.2.checked", {"name": "business card", "titel": "HR"}),
     "interviewers[2].checked.titel", 'Did you mean "title"'),
    ("empty-checked-source", ONSITE, _set("interviewers.0.checked.title", ""), "interviewers[0].checked.title",
     "where it was checked"),
    ("topics-not-list", ONSITE, _set("interviewers.0.topics", "dbt"), "interviewers[0].topics", "a list"),
    ("email", ONSITE, _set("interviewers.1.email", "tamsin.achterberg"), "interviewers[1].email", "email address"),
    ("extra-url", ONSITE, _set("extras.0.url", "example.org/x"), "extras[0].url", "https://"),
    ("unknown-field", ONSITE, _set("comapny", "x"), "comapny", 'Did you mean "company"'),
    ("done-step-name", ONSITE, _set("done", {"thank-you": "2026-11-20"}), "done.thank-you", "'thank-you-email'"),
    ("done-date", ONSITE, _set("done", {"thank-you-email": "yesterday"}), "done", "YYYY-MM-DD"),
    ("outcome", ONSITE, _set("outcome", "hired"), "outcome", "'offer'"),
    ("profile-country", "profile", _set("country", "XX"), "country", "ISO 3166"),
    ("profile-subdivision", "profile", _set("subdivision", "ZZ"), "subdivision", "region code of US"),
    ("profile-zone", "profile", _set("timezone", "Chicago"), "timezone", "IANA time zone"),
    ("profile-name", "profile", _set("name", ""), "name", "some text"),
]


def _file(root: Path, which: str) -> Path:
    return root / "profile.json" if which == "profile" else root / "interviews" / f"{which}.json"


@pytest.fixture
def workspace_copy(fixture_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(fixture_dir, target)
    return target


@pytest.mark.parametrize(("case", "which", "breaker", "field", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_named_plainly(workspace_copy: Path, case, which, breaker, field, expected) -> None:
    """Each kind of bad input: exit 2, the file, field and expectation named, files unchanged."""
    target = _file(workspace_copy, which)
    target.write_bytes(breaker(target.read_text("utf-8")))
    before = {p: p.read_bytes() for p in workspace_copy.rglob("*") if p.is_file()}

    result = CliRunner().invoke(main, ["check", str(workspace_copy)])

    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert target.name in result.output
    assert field in result.output
    assert expected in result.output
    after = {p: p.read_bytes() for p in workspace_copy.rglob("*") if p.is_file()}
    assert after == before


def test_bad_input_through_the_installed_command(workspace_copy: Path) -> None:
    """The real entry point prints the message on stderr and no traceback."""
    target = _file(workspace_copy, ONSITE)
    target.write_bytes(_set("medium", "zoom")(target.read_text("utf-8")))
    proc = subprocess.run(
        [sys.executable, "-m", "followup_kit.cli", "check", str(target), "--json"],
        capture_output=True, text=True, encoding="utf-8",
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    rows = json.loads(proc.stdout)
    assert [(r["severity"], r["code"], r["interview"], r["field"]) for r in rows] == [
        ("error", "invalid-file", ONSITE, "medium")]


def test_missing_workspace_is_exit_2(tmp_path: Path) -> None:
    """A path that does not exist is bad input, named, with what to do."""
    result = CliRunner().invoke(main, ["check", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such folder" in result.output and "followup-kit demo" in result.output


def test_fixture_workspace_checks_clean(fixture_dir: Path) -> None:
    """`followup-kit check` accepts the suite's workspace as it is (warnings only, exit 0)."""
    proc = subprocess.run(
        [sys.executable, "-m", "followup_kit.cli", "check", str(fixture_dir)],
        capture_output=True, text=True, encoding="utf-8",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
