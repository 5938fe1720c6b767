"""The package as a whole: a light import, the base install, the README's two commands, the schema."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
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



#: Every public name and the module that defines it, as ``followup_kit/__init__.py`` imported
#: them one by one before the facade imported each on first use.
PUBLIC = {
    "applications": ["Application", "Overview", "applications", "is_overdue", "overview"],
    "calendar": ["CalendarExport", "Wording", "build_calendar", "describe"],
    "cards": ["card_preview", "preview_png", "render_cards"],
    "compose": ["Email", "Note", "compose_card_emails", "compose_feedback_request", "compose_follow_up",
                "compose_notes", "compose_rejection_reply"],
    "emails": ["Draft", "EmailExport", "draft_bytes", "email_drafts", "email_message"],
    "errors": ["CalendarServerError", "ConflictError", "FollowupKitError", "InvalidFileError", "InvalidValueError",
               "NotInstalledError", "Problem", "RenderError", "UnverifiedError", "WorkspaceError"],
    "geometry": ["CardSize", "Layout"],
    "model": ["Checked", "DateTimeline", "Extra", "FewDaysTimeline", "FollowupSettings", "Interview", "Interviewer",
              "NoTimeline", "Profile", "Reflection", "Timeline", "WithinTimeline", "replace"],
    "proofread": ["Finding", "proofread"],
    "schedule": ["Event", "mark_done", "mark_step_done", "mark_undone", "plan", "plan_interview",
                 "record_application_outcome", "record_outcome"],
    "session": ["NotesExport", "Session"],
    "workspace": ["Listing", "Workspace", "locate"],
}

#: Run in a fresh interpreter: each public name is the object its module defines, whether it is
#: reached before or after its module was imported, by attribute, by `from ... import` or by `*`.
_RESOLVES = """
import importlib, json, sys
public = json.loads(sys.argv[1])
first = sys.argv[2]
import followup_kit
if first == "modules":  # `proofread` and `applications` are also modules of the package
    for module in public:
        importlib.import_module(f"followup_kit.{module}")
wrong = []
for module, names in public.items():
    for name in names:
        mine = getattr(importlib.import_module(f"followup_kit.{module}"), name)
        if getattr(followup_kit, name) is not mine:
            wrong.append(name)
        exec(f"from followup_kit import {name} as seen", globals())
        if seen is not mine:
            wrong.append(f"from: {name}")
star = {}
exec("from followup_kit import *", star)
wrong += [f"*: {n}" for names in public.values() for n in names if star.get(n) is not getattr(followup_kit, n)]
print(json.dumps(wrong))
"""


@pytest.mark.parametrize("first", ["names", "modules"])
def test_every_public_name_is_the_object_its_module_defines(first: str) -> None:
    """Each name in `__all__` resolves to the same object as its module's, imported first or last."""
    import followup_kit

    assert sorted(followup_kit.__all__) == sorted(n for names in PUBLIC.values() for n in names)
    proc = subprocess.run([sys.executable, "-c", _RESOLVES, json.dumps(PUBLIC), first],
                          capture_output=True, text=True, check=True)
    assert json.loads(proc.stdout) == []


def test_type_checkers_see_the_names_the_facade_imports() -> None:
    """The imports type checkers read in `__init__.py` name the same modules and names as the lazy table."""
    import ast

    import followup_kit

    tree = ast.parse((REPO / "followup_kit" / "__init__.py").read_text("utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test))
    seen = {node.module: tuple(alias.name for alias in node.names) for node in block.body
            if isinstance(node, ast.ImportFrom)}
    assert seen == followup_kit._LAZY


def test_shadowed_names_stay_functions_after_their_module_is_imported() -> None:
    """`followup_kit.proofread` and `.applications` are the functions even once their modules are loaded."""
    code = ("import followup_kit.proofread, followup_kit.applications, followup_kit as kit, sys\n"
            "print(kit.proofread is sys.modules['followup_kit.proofread'].proofread,\n"
            "      kit.applications is sys.modules['followup_kit.applications'].applications,\n"
            "      kit.cards is sys.modules['followup_kit.cards'])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.split() == ["True", "True", "True"]


def test_cards_command_loads_only_what_it_needs(tmp_path: Path) -> None:
    """`followup-kit cards` imports neither the calendar, the email drafts nor the proofreader."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "followup_kit", "cards", str(REPO / "tests" / "fixtures" / "workspace"),
         "-o", str(tmp_path / "cards.pdf"), "--draft", "-q"],
        capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (tmp_path / "cards.pdf").read_bytes().startswith(b"%PDF")
    modules = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    assert "followup_kit.cards" in modules
    unneeded = {"followup_kit.calendar", "followup_kit.emails", "followup_kit.proofread", "icalendar"}
    assert not modules & unneeded, sorted(modules & unneeded)

# -- `pip install followup-kit`, no extras: the whole command line, no notebook packages ------------

#: Renderers and notebook packages: none is imported by `import followup_kit` in the base install.
RENDERERS = ("reportlab", "icalendar", "pypdfium2", "matplotlib", "ipywidgets", "jinja2", "spellchecker")
#: pip's words when PyPI cannot be reached at all (then the test skips, saying so).
_OFFLINE = ("NewConnectionError", "Failed to establish a new connection", "Temporary failure in name resolution",
            "Name or service not known", "Network is unreachable", "ProxyError", "ConnectTimeout")


@pytest.fixture(scope="module")
def base_install(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with `pip install .` (no extras) from this checkout; its bin folder.

    Needs PyPI for the dependencies (pip's cache makes later runs quick)."""
    venv = tmp_path_factory.mktemp("base-install") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=300)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    proc = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                           str(REPO)], capture_output=True, text=True, timeout=900, env=_clean_env())
    if proc.returncode != 0:
        if any(word in proc.stderr for word in _OFFLINE):
            pytest.skip("the base install needs PyPI, which cannot be reached from here")
        pytest.fail(f"pip install . failed:\n{proc.stderr[-3000:]}")
    return bin_dir


def _clean_env() -> dict[str, str]:
    """This environment without PYTHONPATH, so the fresh environment sees only what it installed."""
    return {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}


def _run(bin_dir: Path, *argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bin_dir / argv[0]), *argv[1:]], capture_output=True, text=True, cwd=cwd,
                          env=_clean_env(), timeout=300)


def test_base_install_has_no_notebook_packages(base_install: Path, tmp_path: Path) -> None:
    """`pip install followup-kit` brings neither ipywidgets nor matplotlib; what needs them says what to install."""
    for package in ("ipywidgets", "matplotlib"):
        proc = _run(base_install, "python", "-c", f"import {package}", cwd=tmp_path)
        assert proc.returncode != 0 and "ModuleNotFoundError" in proc.stderr, package
    probe = ("import datetime as dt\n"
             "from followup_kit.errors import FollowupKitError, NotInstalledError, RenderError\n"
             "try:\n    import followup_kit.ui\nexcept NotInstalledError as exc:\n    print('ui:', exc)\n"
             "from followup_kit.chart import timeline_png\n"
             "try:\n    timeline_png([], [], now=dt.datetime.now(dt.timezone.utc))\n"
             "except RenderError as exc:\n    print('chart:', exc)\n")
    proc = _run(base_install, "python", "-c", probe, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["ui", "chart"]
    for line, package in zip(lines, ("ipywidgets", "matplotlib")):
        assert package in line and "python -m pip install 'followup-kit[lab]'" in line


def test_base_install_runs_the_demo(base_install: Path, tmp_path: Path) -> None:
    """`followup-kit demo DIR` in the base install writes the cards, the calendar and the email drafts,
    the cards set in the DejaVu Sans that ships inside the package."""
    proc = _run(base_install, "followup-kit", "demo", str(tmp_path / "demo"), "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    output = tmp_path / "demo" / "output"
    cards = (output / "cards.pdf").read_bytes()
    assert cards.startswith(b"%PDF") and b"DejaVuSans" in cards
    assert (output / "followup.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    drafts = sorted((output / "emails").glob("*.eml"))
    assert drafts and all(b"X-Unsent: 1" in d.read_bytes() for d in drafts)
    proc = _run(base_install, "python", "-c", "from followup_kit.fonts import dejavu_sans; print(dejavu_sans())",
                cwd=tmp_path)
    font = Path(proc.stdout.strip())
    assert base_install.parent in font.parents and (font.parent / "LICENSE").is_file()


def test_base_install_import_loads_no_renderer(base_install: Path, tmp_path: Path) -> None:
    """In the base install, `import followup_kit` loads no renderer and no notebook package."""
    proc = _run(base_install, "python", "-X", "importtime", "-c", "import followup_kit; print(followup_kit.__file__)",
                cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert base_install.parent in Path(proc.stdout.strip()).parents  # the installed copy, not this checkout
    modules = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines() if "|" in line}
    assert "followup_kit" in modules
    assert not modules & set(RENDERERS), sorted(modules & set(RENDERERS))


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
