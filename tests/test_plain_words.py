"""What users read says each rule in plain words: no rule tag (R7, R13–R18…) anywhere they look.

House rule 8. The tags are defined in docs/etiquette.md for the code, the template comments and
the tests; the notebooks' text, the calendar entries, the command's help and messages, the
proofreading findings and the panels' texts must not show them. Each test reads the real
output (a notebook's JSON, an .ics built by the library, click's runner, live widgets) on the
demo workspace and on a copy with planted faults, so that error and warning paths are read too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any, Callable

import pytest
from click.testing import CliRunner

from followup_kit.calendar import build_calendar, calendar_name
from followup_kit.cli import main
from followup_kit.demo import copy_demo
from followup_kit.resources import cohort_template
from followup_kit.session import Session
from followup_kit.schedule import plan
from followup_kit.workspace import Workspace, dump_json

REPO = Path(__file__).resolve().parent.parent
TAG = re.compile(r"\bR\d{1,2}\b")
NOW = dt.datetime(2026, 11, 24, 20, 0, tzinfo=dt.timezone.utc)

ONSITE = "2026-11-19-nordwind-energie-onsite"
PHONE = "2026-11-20-mekong-freight-labs-phone-screen"
VIDEO = "2026-11-23-dnipro-robotics-first-round"
FINAL = "2026-11-24-aegean-analytics-final"

#: Answers to `followup-kit new` in a workspace that has a profile.
NEW_ANSWERS = [
    "Acme Analytics", "", "Data Analyst", "onsite", "in person", "2026-11-20 10:00", "13:30", "",
    "none", "",
    "Ana Dvořák", "business card", "Director of Analytics", "", "ana@acme.example",
    "dbt migration", "", "", "n",
    "", "", "", "", "",
]

#: Every proofreading code; the planted workspace must trigger each of them.
FINDING_CODES = {
    "spelling", "name-spelling", "repeated-word", "emoji", "text-speak", "exclamation", "all-caps",
    "duplicate-note", "no-topic", "no-topics", "too-long", "too-short", "no-greeting",
    "greeting-name", "no-signature", "unverified-name", "unverified-title", "name-email",
    "jotting", "language", "salutation", "greeting-script", "no-highlight", "agreement", "other-company",
    "repeated-noun",
}


def tags_in(text: str) -> list[str]:
    """The rule tags a text shows, with a little context to find them."""
    return [text[max(m.start() - 40, 0):m.end() + 10] for m in TAG.finditer(text)]


# -- workspaces -------------------------------------------------------------------------

def _edit(ws: Workspace, interview_id: str, change: Callable[[dict], None]) -> None:
    path = ws.interview_path(interview_id)
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_bytes(dump_json(data))


def demo_only(ws: Workspace) -> None:
    """The demo workspace as shipped."""


def planted_faults(ws: Workspace) -> None:
    """Every kind of proofreading finding, an unverified name, a missing address, an overlong card."""
    def onsite(data: dict) -> None:
        first, second, third = data["interviewers"]
        first["checked"] = {}
        first["title"] = "Head of Data Platfrom"
        first["email"] = "malgorzata.wisnieska@nordwind.example"
        second["note"] = ("Hey Sophie,\n\nthx u for the chat about the the schema evolution!! It was AWESOME :) "
                          "\U0001F600 Say hi to Malgorzta. I realy enjoyed it.\n\nCheers")
        third["topics"] = []
        third.pop("email")

    def video(data: dict) -> None:
        body = ("Thank you for the conversation on Tuesday about the robotics team and its plans for the "
                "coming year. I enjoyed hearing how the team works, and I am keen on the role.\n\n"
                "Best regards,\nLena Hoffmann")
        for person in data["interviewers"][:2]:
            person["note"] = f"Dear {person['name'].split()[0]},\n\n{body}"

    def final(data: dict) -> None:
        data["interviewers"][0]["note"] = (
            "Dear Sofia,\n\n" + " ".join(["I enjoyed our talk about the data platform and the plans for it."] * 60)
            + "\n\nKind regards,\nLena Hoffmann")
        data["interviewers"][1]["topics"].append("exactly-once is a lie lol")
        data["interviewers"][1]["personal"] = "told me to call him Dimitris"
        data["reflection"]["forgot_to_mention"] = ["die Migration nach dbt"]

    def phone(data: dict) -> None:
        data["interviewers"][0]["note"] = ("Thanks for your time today, it was great. I has enjoyed it, and I "
                                           "would love to join Nordwind Energie.\n\nLena Hoffmann")
        data["reflection"]["stood_out"] = []

    _edit(ws, ONSITE, onsite)
    _edit(ws, VIDEO, video)
    _edit(ws, FINAL, final)
    _edit(ws, PHONE, phone)


def no_in_person(ws: Workspace) -> None:
    """Only the phone screen and the video interview are left: nothing to print as a card."""
    planted_faults(ws)
    for interview_id in (ONSITE, FINAL):
        ws.interview_path(interview_id).unlink()


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return copy_demo(tmp_path / "ws")


# -- notebooks --------------------------------------------------------------------------

@pytest.mark.parametrize("notebook", sorted((REPO / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_notebook_text_has_no_rule_tags(notebook: Path) -> None:
    """A notebook's markdown says each rule in words."""
    cells = json.loads(notebook.read_text("utf-8"))["cells"]
    markdown = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]
    assert markdown, f"{notebook.name} has no text cells"
    assert [tags_in(text) for text in markdown if TAG.search(text)] == []


# -- templates --------------------------------------------------------------------------

@pytest.mark.parametrize("template", sorted((REPO / "templates").rglob("*.j2")),
                         ids=lambda p: str(p.relative_to(REPO / "templates")))
def test_template_text_has_no_rule_tags(template: Path) -> None:
    """A template cites rules in its {# comments #} only; everything it renders is in words."""
    rendered_part = re.sub(r"\{#.*?#\}", "", template.read_text("utf-8"), flags=re.S)
    assert tags_in(rendered_part) == []


# -- calendar ---------------------------------------------------------------------------

def _ics_texts(ics: bytes) -> list[str]:
    """Every property value of every component, as the .ics carries it."""
    from icalendar import Calendar

    texts = []
    for component in Calendar.from_ical(ics).walk():
        for name, value in component.property_items(recursive=False):
            if name not in ("BEGIN", "END"):
                texts.append(f"{name}: {value.decode('utf-8') if isinstance(value, bytes) else value}")
    return texts


@pytest.mark.parametrize("scene", [demo_only, planted_faults])
def test_calendar_entries_have_no_rule_tags(ws: Workspace, scene: Callable[[Workspace], None]) -> None:
    """Titles, descriptions and alarms of every step, done ones included, say the rule in words."""
    scene(ws)
    profile = ws.profile()
    events = plan(profile, ws.interviews().interviews, now=NOW, include_done=True)
    assert {e.kind for e in events} == {"thank-you-email", "thank-you-cards", "status-follow-up", "move-on"}
    ics = build_calendar(events, stamp=NOW, name=calendar_name(profile))
    texts = _ics_texts(ics)
    assert any(t.startswith("DESCRIPTION:") for t in texts)
    assert [tags_in(t) for t in texts if TAG.search(t)] == []


# -- the command line -------------------------------------------------------------------

def _commands() -> list[list[str]]:
    return [[], *([name] for name in sorted(main.commands))]


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "followup-kit")
def test_help_has_no_rule_tags(command: list[str]) -> None:
    """Every command's --help says what it does in plain words."""
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert tags_in(result.stdout) == []


#: scene, arguments ({ws} the workspace, {tmp} beside it, {template} the cohort CSV),
#: text that shows the run reached the message it is about
RUNS = [
    (demo_only, ["check", "{ws}"], "ok: "),
    (demo_only, ["plan", "{ws}", "--all", "--now", "2026-11-24T20:00Z"], "step(s) for 4 interview(s)"),
    (demo_only, ["plan", "{ws}", "--json"], '"description"'),
    (demo_only, ["notes", "{ws}"], "Dear Małgorzata,"),
    (demo_only, ["cards", "{ws}", "--draft", "-o", "{tmp}/cards.pdf"], "Cards written to"),
    (demo_only, ["calendar", "{ws}", "-o", "{tmp}/followup.ics"], "Wrote 14 event(s)"),
    (demo_only, ["emails", "{ws}", "-o", "{tmp}/emails"], "Wrote 16 draft(s)"),
    (demo_only, ["import", "{template}", "-w", "{ws}", "--dry-run"], "would import"),
    (demo_only, ["import", "--template"], "interview,"),
    (demo_only, ["schema", "interview"], '"description"'),
    (demo_only, ["schema", "profile"], '"description"'),
    (demo_only, ["new", "{ws}"], "saved: "),
    (planted_faults, ["check", "{ws}"], "[duplicate-note]"),
    (planted_faults, ["check", "{ws}", "--json"], '"unverified-name"'),
    (planted_faults, ["plan", "{ws}"], "Status follow-up"),
    (planted_faults, ["notes", "{ws}"], "Hey Sophie,"),
    (planted_faults, ["cards", "{ws}"], "never checked"),
    (planted_faults, ["cards", "{ws}", "--draft", "--interview", FINAL], "words do not fit"),
    (planted_faults, ["cards", "{ws}", "--interview", PHONE], "no in-person interview"),
    (planted_faults, ["calendar", "{ws}", "-o", "{tmp}/followup.ics"], "Wrote 14 event(s)"),
    (planted_faults, ["emails", "{ws}", "-o", "{tmp}/emails"], "HR department"),
]


@pytest.mark.parametrize(("scene", "args", "expected"), RUNS,
                         ids=[f"{s.__name__}: {' '.join(x for x in a if not x.startswith('{'))}" for s, a, _ in RUNS])
def test_command_output_has_no_rule_tags(ws: Workspace, scene: Callable[[Workspace], None], args: list[str],
                                         expected: str) -> None:
    """What a command prints, on stdout and stderr, data and messages alike, says the rule in words."""
    scene(ws)
    values = {"ws": str(ws.root), "tmp": str(ws.root.parent), "template": str(cohort_template())}
    argv = [a.format(**values) for a in args]
    stdin = "\n".join(NEW_ANSWERS) + "\n" if args[0] == "new" else None
    result = CliRunner().invoke(main, argv, input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    shown = result.stdout + result.stderr
    assert expected in shown
    assert tags_in(shown) == []


# -- proofreading -----------------------------------------------------------------------

@pytest.mark.parametrize("scene", [demo_only, planted_faults])
def test_proofreading_findings_have_no_rule_tags(ws: Workspace, scene: Callable[[Workspace], None]) -> None:
    """Every finding's message says why in words; the planted workspace triggers every kind."""
    scene(ws)
    findings = Session.open(ws.root).findings(workers=1)
    if scene is planted_faults:
        assert {f.code for f in findings} == FINDING_CODES
    texts = [value for f in findings for key, value in f.to_dict().items() if key != "code" and value]
    assert [tags_in(t) for t in texts if TAG.search(t)] == []


# -- the panels -------------------------------------------------------------------------

def _widget_texts(root: Any) -> list[str]:
    """What a panel shows in words: HTML and Label values, descriptions, placeholders, tooltips, options."""
    import ipywidgets as widgets

    texts, stack = [], [root]
    while stack:
        widget = stack.pop()
        if isinstance(widget, (widgets.HTML, widgets.HTMLMath, widgets.Label)):
            texts.append(widget.value)
        for attribute in ("description", "placeholder", "tooltip"):
            value = getattr(widget, attribute, None)
            if isinstance(value, str) and value:
                texts.append(value)
        texts.extend(str(label) for label in getattr(widget, "_options_labels", ()))
        stack.extend(getattr(widget, "children", ()))
    return texts


def _form_new(ws: Workspace) -> Any:
    from followup_kit.ui import InterviewForm

    return InterviewForm(ws, now=NOW.replace(tzinfo=None))


def _form_invalid(ws: Workspace) -> Any:
    form = _form_new(ws)
    form.company.value = ""
    form.start.value, form.end.value = "10:00", "09:00"  # an end before the start
    form.save.click()
    return form


def _form_loaded(ws: Workspace) -> Any:
    from followup_kit.ui import InterviewForm

    return InterviewForm(ws, interview_id=ONSITE, now=NOW.replace(tzinfo=None))


def _notes(interview_id: str) -> Callable[[Workspace], Any]:
    def build(ws: Workspace) -> Any:
        from followup_kit.ui import NotesPanel

        return NotesPanel(ws, interview_id)
    build.__name__ = f"notes {interview_id}"
    return build


def _cards_generate(ws: Workspace) -> Any:
    from followup_kit.ui import CardsPanel

    panel = CardsPanel(ws, ONSITE)
    panel.generate.click()
    return panel


def _cards_draft_long(ws: Workspace) -> Any:
    from followup_kit.ui import CardsPanel

    panel = CardsPanel(ws, FINAL)
    panel.draft.value = True
    panel.generate.click()
    return panel


def _calendar(ws: Workspace) -> Any:
    from followup_kit.ui import CalendarPanel

    panel = CalendarPanel(ws, now=NOW)
    panel.export.click()
    return panel


def _tracker(ws: Workspace) -> Any:
    from followup_kit.ui import Tracker

    tracker = Tracker(ws, now=NOW)
    tracker.choice.value = ONSITE
    tracker.done.click()
    tracker.record.click()
    return tracker


PANELS = [_form_new, _form_invalid, _form_loaded, *(_notes(i) for i in (ONSITE, PHONE, VIDEO, FINAL)),
          _cards_generate, _cards_draft_long, _calendar, _tracker]


@pytest.mark.parametrize("scene", [demo_only, planted_faults])
@pytest.mark.parametrize("panel", PANELS, ids=lambda p: p.__name__.strip("_"))
def test_panel_texts_have_no_rule_tags(ws: Workspace, scene: Callable[[Workspace], None],
                                       panel: Callable[[Workspace], Any]) -> None:
    """Every word a panel shows, after its buttons are clicked, says the rule in words."""
    pytest.importorskip("ipywidgets")
    scene(ws)
    texts = _widget_texts(panel(ws))
    assert any(texts)
    assert [tags_in(t) for t in texts if TAG.search(t)] == []


def test_cards_panel_without_in_person_interview_says_why_in_words(ws: Workspace) -> None:
    """Generate with only phone and video interviews explains that their note goes by email."""
    pytest.importorskip("ipywidgets")
    from followup_kit.ui import CardsPanel

    no_in_person(ws)
    panel = CardsPanel(ws)
    panel.generate.click()
    assert "goes by email" in panel.status.value
    assert [tags_in(t) for t in _widget_texts(panel) if TAG.search(t)] == []
