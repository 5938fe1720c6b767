"""The app as a whole: your own workspace and profile, one state for every tab, what a reload finds."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("ipywidgets")

import ipywidgets as widgets  # noqa: E402

from followup_kit import Workspace  # noqa: E402
from followup_kit.ui import TABS, App  # noqa: E402
from followup_kit.uikit import AppMemory, example_workspace  # noqa: E402

NOW = dt.datetime(2026, 11, 24, 20, 0, tzinfo=dt.timezone.utc)
NORDWIND = "2026-11-19-nordwind-energie-onsite"
#: What the app never shows: rule tags, field paths, Python values, command-line flags, JSON.
JARGON = re.compile(r"\bR\d{1,2}\b|\w\[\d+\]|\b(?:checked|timeline|reflection|interviewers|extras)\.\w"
                    r"|\b(?:None|True|False)\b|(?<![\w-])--\w|=True|\.json\b|\"checked\"")


def _memory(tmp_path: Path) -> AppMemory:
    return AppMemory(tmp_path / "config")


def _texts(root: Any) -> list[str]:
    """Every word a widget tree shows: HTML and labels (tags and style stripped), descriptions,
    placeholders, tooltips and menu entries."""
    texts, stack = [], [root]
    while stack:
        widget = stack.pop()
        if isinstance(widget, (widgets.HTML, widgets.Label)) and "<style>" not in widget.value:
            texts.append(re.sub(r"<[^>]+>", " ", re.sub(r'href="data:[^"]*"', "", widget.value)))
        for attribute in ("description", "placeholder", "tooltip"):
            value = getattr(widget, attribute, None)
            if isinstance(value, str) and value:
                texts.append(value)
        texts.extend(str(label) for label in getattr(widget, "_options_labels", ()))
        stack.extend(getattr(widget, "children", ()))
    return texts


def test_an_empty_folder_starts_empty_and_asks_for_the_profile_first(tmp_path: Path) -> None:
    """No demo copied in: the profile first, and Save profile makes the workspace."""
    folder = tmp_path / "mine"
    app = App(folder, memory=_memory(tmp_path))
    assert app.tabs.value == "Profile" and app.session is None
    assert "No workspace in" in app.folder_status.value
    profile = app.profile
    profile.name.value = "Ana López"
    profile.email.value = "ana.lopez@example.org"
    profile.address.value = "Gollierstraße 42\n80339 München"
    profile.timezone.value = "Europe/Berlin"
    profile.country.value = "DE"
    assert ("Bayern (BY)", "BY") in profile.subdivision.options
    profile.subdivision.value = "BY"
    profile.greeting.value = "full-name"
    profile.save.click()
    saved = json.loads((folder / "profile.json").read_text("utf-8"))
    assert saved["name"] == "Ana López" and saved["greeting"] == "full-name" and saved["subdivision"] == "BY"
    assert Workspace.open(folder).ids() == []  # nothing of the demo's
    assert app.tabs.value == "Interview" and app.form.company.value == ""
    assert _memory(tmp_path).workspace == folder


def test_the_profile_says_what_is_missing_beside_each_field(tmp_path: Path) -> None:
    app = App(tmp_path / "mine", memory=_memory(tmp_path))
    profile = app.profile
    profile.email.value = "ana.lopez"
    assert profile.messages["email"].value.startswith("This is not an email address yet")
    assert profile.messages["name"].value == ""  # not touched yet
    profile.save.click()
    assert profile.messages["name"].value.startswith("Write your name")
    assert profile.messages["country"].value.startswith("Choose the country")
    assert "Not saved yet. Still to do:" in profile.status.value
    assert not (tmp_path / "mine" / "profile.json").exists()


def test_a_profile_with_problems_is_mended_in_the_form(tmp_path: Path, demo_ws: Workspace) -> None:
    """A workspace whose profile.json has a bad country opens on the profile, which Save rewrites."""
    path = demo_ws.root / "profile.json"
    path.write_text(path.read_text("utf-8").replace('"DE"', '"XX"'), "utf-8")
    app = App(demo_ws.root, memory=_memory(tmp_path), now=NOW)
    assert app.session is None and app.tabs.value == "Profile" and "has problems" in app.folder_status.value
    app.profile.name.value = "Lena Hoffmann"
    app.profile.timezone.value = "Europe/Berlin"
    app.profile.country.value = "DE"
    app.profile.save.click()
    assert json.loads(path.read_text("utf-8"))["country"] == "DE"
    assert app.session is not None and app.tabs.value == "Interview"


def test_notes_greet_by_full_name_when_the_profile_says_so(tmp_path: Path, demo_ws: Workspace) -> None:
    app = App(demo_ws.root, memory=_memory(tmp_path), now=NOW)
    app.profile.greeting.value = "full-name"
    app.profile.save.click()
    app.selection.set(NORDWIND)
    assert app.notes.notes.children[0].text.value.startswith("Dear Małgorzata Wiśniewska,")


def test_example_data_goes_to_its_own_folder(tmp_path: Path) -> None:
    """'Try it with example data' never writes into the user's folder."""
    mine = tmp_path / "mine"
    app = App(mine, memory=_memory(tmp_path))
    app.example.click()
    assert app.session is not None and app.session.root == example_workspace()
    assert "Example data" in app.where.value
    assert not mine.exists() or not any(mine.iterdir())


def test_a_save_in_one_tab_shows_in_every_other(tmp_path: Path, demo_ws: Workspace) -> None:
    """A step marked done in the tracker is gone from the calendar; a note saved shows in the cards."""
    app = App(demo_ws.root, memory=_memory(tmp_path), now=NOW)
    app.selection.set(NORDWIND)
    row = next(r for r in app.tracker.rows.children if "Nordwind" in r.label.value)
    row.mark.click()
    app.tracker.done.click()
    assert "Thank-you email" not in [line for line in app.calendar.table.value.split("<tr>") if "Nordwind" in line][0]
    editor = app.notes.notes.children[0]
    editor.text.value = editor.text.value.replace("\n\n", "\n\nThe control room tour was a highlight.\n\n", 1)
    editor.save.click()
    assert any("control room tour" in note.text for note in app.cards.notes)
    assert app.form.choice.value == app.notes.choice.value == app.cards.choice.value == NORDWIND


def test_a_reload_finds_everything_as_it_was(tmp_path: Path, demo_ws: Workspace) -> None:
    """A new app (a new kernel) on the same memory: the workspace, interview, tab, unsaved input."""
    memory = _memory(tmp_path)
    app = App(demo_ws.root, memory=memory, now=NOW)
    app.selection.set(NORDWIND)
    app.form.role.value = "Data Platform Engineer II"  # typed, not saved
    app.form._keep.flush()
    editor = app.notes.notes.children[1]
    editor.text.value = editor.text.value + "\nP.S. Unsaved words."
    app.notes._keep.flush()
    app.tabs.value = "Notes"
    again = App(memory=memory, now=NOW)
    assert again.session is not None and again.session.root == demo_ws.root.absolute()
    assert again.tabs.value == "Notes" and again.selection.id == NORDWIND
    assert again.form.role.value == "Data Platform Engineer II" and "not saved yet are back" in again.form.banner.value
    assert again.notes.notes.children[1].text.value.endswith("P.S. Unsaved words.")
    assert demo_ws.load(NORDWIND).role == "Data Platform Engineer"


def test_a_reload_finds_a_new_interview_half_written(tmp_path: Path, demo_ws: Workspace) -> None:
    """A new interview typed but not saved is what the next visit opens on."""
    memory = _memory(tmp_path)
    app = App(demo_ws.root, memory=memory, now=NOW)
    app.form.new.click()
    app.form.company.value = "Hafenkraft AG"
    app.form._keep.flush()
    again = App(memory=memory, now=NOW)
    assert again.selection.id == "" and again.form.company.value == "Hafenkraft AG"


def test_no_tag_path_flag_or_json_anywhere_in_the_app(tmp_path: Path, demo_ws: Workspace) -> None:
    """After the buttons of every tab were pressed, on good and on faulty records, the app speaks words."""
    interview = demo_ws.load(NORDWIND)
    demo_ws.save(interview.with_interviewer(1, checked={}, email="juergen@nordwind.example"))
    app = App(demo_ws.root, memory=_memory(tmp_path), now=NOW)
    app.selection.set(NORDWIND)
    app.form.company.value = ""
    app.form.extras.value = "half a link | example.org"
    app.form.people.children[0].email.value = "not an address"
    app.form.save.click()
    editor = app.notes.notes.children[1]
    editor.text.value = "Hey Jurgen!! thx u :) " * 3
    app.notes.prepare.click()
    app.cards.generate.click()
    app.cards.size.value = "a7"
    app.calendar.export.click()
    row = next(r for r in app.tracker.rows.children if "Nordwind" in r.label.value)
    row.ended.click()
    app.tracker.record.click()
    app.tracker.outcome.value = "offer"
    app.tracker.record.click()
    texts = _texts(app)
    assert any("Not saved yet" in t for t in texts) and any("Jürgen" in t for t in texts)
    assert [t for t in texts if JARGON.search(t)] == []
    assert set(TABS) == {label for label in app.tabs.options}
