"""The package as a whole: a light import, the README's two commands, the schema."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from followup_kit.cli import main

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("reportlab", "icalendar", "ipywidgets", "jupyter", "matplotlib", "spellchecker", "pypdfium2",
         "fontTools", "IPython", "holidays", "jinja2", "caldav", "niquests", "keyring", "lingua")


def test_import_is_light() -> None:
    """`import followup_kit` loads none of the renderers, widgets or heavy helpers."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import followup_kit"],
        capture_output=True, text=True, check=True,
    )
    modules = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines() if "|" in line}
    assert "followup_kit" in modules
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))


def test_readme_starts_with_the_two_commands() -> None:
    """README.md opens with one code block holding exactly the run and the test commands."""
    text = (REPO / "README.md").read_text("utf-8")
    first = re.search(r"```(?:bash)?\n(.*?)```", text, re.S)
    assert first and text.index(first.group(0)) < text.index("\n## ")
    lines = [line for line in first.group(1).splitlines() if line.strip()]
    assert len(lines) == 2
    assert "followup_kit demo" in lines[0] and "pip install" in lines[0]
    assert "pytest" in lines[1] and ".[test]" in lines[1]


def test_schema_describes_the_interview_file() -> None:
    """`followup-kit schema` prints a JSON Schema naming every field of the format."""
    result = CliRunner().invoke(main, ["schema", "interview"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["properties"]["format"]["const"] == "followup-kit/interview@1"
    assert {"company", "role", "stage", "medium", "start", "end", "timeline", "interviewers"} <= set(
        schema["required"])
    assert "pattern" in schema["properties"]["start"]


def test_demo_refuses_to_overwrite_a_workspace(tmp_path: Path) -> None:
    """`followup-kit demo DIR` refreshes its own copy but leaves another workspace alone."""
    runner = CliRunner()
    assert runner.invoke(main, ["demo", str(tmp_path)]).exit_code == 0
    assert runner.invoke(main, ["demo", str(tmp_path)]).exit_code == 0
    (tmp_path / "profile.json").write_text("{}")
    result = runner.invoke(main, ["demo", str(tmp_path)])
    assert result.exit_code == 2 and "already holds a workspace" in result.output
    assert (tmp_path / "profile.json").read_text() == "{}"
    assert runner.invoke(main, ["demo", str(tmp_path), "--force"]).exit_code == 0


def test_readme_lists_each_vocabulary_as_the_kit_knows_it() -> None:
    """The README's lists of stages, media, steps, outcomes and draft kinds are the vocabulary's, in order."""
    from followup_kit.vocabulary import DRAFT_KINDS, EVENT_KINDS, MEDIA, OUTCOMES, STAGES

    text = (REPO / "README.md").read_text("utf-8")

    def listed(line_start: str) -> list[str]:
        line = next(line for line in text.splitlines() if line.startswith(line_start))
        return re.findall(r"`([a-z-]+)`", line.split("|")[3] if line.startswith("|") else line)

    assert listed("| `stage` |") == list(STAGES)
    assert listed("| `medium` |") == list(MEDIA)
    assert listed("`outcome` is one of") == ["outcome", *OUTCOMES]
    steps = re.findall(r"^\| `([a-z-]+)` \| .* \| R[\d–, R]+ \|$", text, re.M)
    assert [s for s in steps if s in EVENT_KINDS] == list(EVENT_KINDS)
    drafts = re.findall(r"^\| `…--\d\d-([a-z-]+)--<name>\.eml` \|", text, re.M)
    assert drafts == list(DRAFT_KINDS)
