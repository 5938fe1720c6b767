"""End to end in a real browser: the app served as the README says, driven in headless Chromium.

The whole evening from an empty folder in Voilà (started with the README's command, nothing
added but where it listens), then the same downloads in JupyterLab. Downloads are caught
through the page (Playwright's ``expect_download``), so they are what a user's browser saves.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from browser import browser_page, jupyterlab, voila
from followup_kit.demo import copy_demo
from followup_kit.uikit import AppMemory

REPO = Path(__file__).resolve().parent.parent
#: The README's command, run in the repository's folder.
NOTEBOOK = "notebooks/01-after-the-interview.ipynb"
# Set FOLLOWUP_KIT_SCREENSHOTS=docs/screenshots to refresh the README's pictures from this run.
SCREENSHOTS = os.environ.get("FOLLOWUP_KIT_SCREENSHOTS")
ZONE = ZoneInfo("Europe/Berlin")
COMPANY = "Hafenkraft AG"
PEOPLE = [("Anna Berg", "the move to dbt"), ("Zoë Ångström", "data contracts with the sales team"),
          ("Jonas Meyer", "on-call rotations and alert fatigue")]
LONG = 90_000


def _env(tmp_path: Path) -> dict[str, str]:
    """The app's memory and the home folder in tmp; the kit from this checkout."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {"FOLLOWUP_KIT_CONFIG": str(tmp_path / "config"), "HOME": str(home),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}


def _shoot(page, name: str, selector: str = ".fk-app") -> None:
    """A picture of the whole element, however tall: the window grows to hold it."""
    if not SCREENSHOTS:
        return
    size = page.viewport_size
    element = page.locator(selector).first
    # Voilà scrolls a container, not the window: scroll every ancestor to the top first.
    height = int(element.evaluate(
        "e => { for (let p = e; p; p = p.parentElement) p.scrollTop = 0; window.scrollTo(0, 0);"
        " return e.getBoundingClientRect().bottom; }")) + 40
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height)})
    page.wait_for_timeout(300)
    element.screenshot(path=str(Path(SCREENSHOTS) / name))
    page.set_viewport_size(size)


def _tab(page, name: str) -> None:
    page.locator(".fk-tabs").get_by_role("button", name=name, exact=True).click()


def _download(page, button, timeout: int = 60_000) -> tuple[str, bytes]:
    """Wait for ``button`` (a download link) and click it; the file the browser saved."""
    button.wait_for(timeout=timeout)
    with page.expect_download(timeout=timeout) as caught:
        button.click()
    download = caught.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def _pdf_text(data: bytes) -> str:
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return unicodedata.normalize("NFC", text)


def _field(scope, label: str):
    return scope.get_by_label(label, exact=True)


def test_the_whole_evening_in_voila(tmp_path: Path) -> None:
    """From an empty folder: profile, an interview with three people, two notes saved one by one,
    a misspelling flagged while typing, cards and calendar downloaded, a step marked done
    yesterday; then a reload finds everything as it was."""
    folder = tmp_path / "my-job-search"
    folder.mkdir()
    today = dt.datetime.now(ZONE).date()
    yesterday = today - dt.timedelta(days=1)
    with voila(NOTEBOOK, REPO, tmp_path / "voila.log", _env(tmp_path)) as url, browser_page() as page:
        page.goto(url, timeout=LONG)
        page.locator(".fk-app").wait_for(timeout=LONG)
        assert "Shift+Enter" not in page.content() and page.locator(".fk-before-start").is_hidden()

        # The workspace and the profile, first of all.
        _field(page, "Workspace folder").fill(str(folder))
        page.get_by_role("button", name="Open or create").click()
        profile = page.locator(".fk-profile")
        _field(profile, "Your name").wait_for(timeout=LONG)
        _field(profile, "Your name").fill("Ana López")
        _field(profile, "Your email").fill("ana.lopez@example.org")
        _field(profile, "Postal address").fill("Ana López\nGollierstraße 42\n80339 München\nGermany")
        _field(profile, "Time zone").fill("Europe/Berlin")
        _field(profile, "Country").select_option(label="Germany")
        _field(profile, "Region").select_option(label="Bayern (BY)")
        _shoot(page, "profile.png")
        profile.get_by_role("button", name="Save profile").click()

        # A new in-person interview with three people; the decision within 5 business days.
        form = page.locator(".fk-interview-form")
        _field(form, "Company").wait_for(timeout=LONG)
        _field(form, "Company").fill(COMPANY)
        _field(form, "Role").fill("Analytics Engineer")
        _field(form, "Stage").select_option(label="Onsite")
        _field(form, "How").select_option(label="In person")
        _field(form, "Date").fill(yesterday.isoformat())
        _field(form, "From").fill("14:00")
        _field(form, "To").fill("15:30")
        _field(form, "Decision").select_option(label="Within a number of days")
        _field(form, "Days").fill("5")
        _field(form, "Their words").fill("You will hear from us within five working days.")
        form.get_by_role("button", name="Add interviewer").click()
        form.get_by_role("button", name="Add interviewer").click()
        people = form.locator(".fk-person")
        people.nth(2).wait_for()
        for n, (name, topic) in enumerate(PEOPLE):
            person = people.nth(n)
            _field(person, "Name").fill(name)
            _field(person, "Name checked on").fill("business card")
            _field(person, "Topics discussed").fill(topic)
        _field(people.nth(1), "Title").fill("Head of Data")
        _field(people.nth(1), "Title checked on").fill("business card")
        people.nth(1).get_by_text("Interviewer 2: Zoë Ångström").wait_for()
        _field(form, "What went well?").fill("the case study on late-arriving data")
        _shoot(page, "interview-form.png")
        form.get_by_role("button", name="Save", exact=True).click()
        form.get_by_text(f"Saved {COMPANY}").wait_for(timeout=LONG)

        # Two notes edited, each saved on its own, neither losing the other's edit.
        _tab(page, "Notes")
        notes = page.locator(".fk-notes-panel")
        first, second, third = (_field(notes, f"Note to {name}") for name, _ in PEOPLE)
        first.wait_for(timeout=LONG)
        first.fill(first.input_value().replace("\n\n", "\n\nI still think about your question on tests.\n\n", 1))
        second.fill(second.input_value().replace("\n\n", "\n\nThank you for the tour of the office.\n\n", 1))
        notes.get_by_role("button", name="Save this note").first.click()
        notes.get_by_text("Saved your wording for Anna Berg").wait_for(timeout=LONG)
        assert "Thank you for the tour of the office." in second.input_value()
        notes.get_by_role("button", name="Save this note").nth(1).click()
        notes.get_by_text("Saved your wording for Zoë Ångström").wait_for(timeout=LONG)
        assert "I still think about your question on tests." in first.input_value()

        # A misspelling and a name without its accents, flagged while typing, before anything is saved.
        third.click()
        page.keyboard.press("Control+End")
        third.press_sequentially(" I realy liked meeting Zoe.", delay=20)
        notes.get_by_text("\"realy\" looks misspelled").wait_for(timeout=10_000)
        notes.get_by_text("\"Zoe\" is not how the record spells it").wait_for(timeout=10_000)
        _shoot(page, "notes-panel.png")

        # The cards, downloaded through the page.
        _tab(page, "Cards")
        cards = page.locator(".fk-cards-panel")
        cards.get_by_role("button", name="Generate").click()
        name, pdf = _download(page, cards.locator("a.fk-download"))
        assert name.startswith("cards-") and name.endswith(".pdf") and pdf.startswith(b"%PDF")
        text = _pdf_text(pdf)
        assert all(person in text for person, _ in PEOPLE)
        _shoot(page, "cards-panel.png")

        # The calendar, downloaded through the page.
        _tab(page, "Calendar")
        calendar = page.locator(".fk-calendar-panel")
        calendar.get_by_role("button", name="Export .ics").click()
        name, ics = _download(page, calendar.locator("a.fk-download"))
        assert name.endswith(".ics") and ics.startswith(b"BEGIN:VCALENDAR\r\n") and COMPANY.encode() in ics
        _shoot(page, "calendar-panel.png")

        # The tracker: the thank-you email marked done yesterday.
        _tab(page, "Tracker")
        tracker = page.locator(".fk-tracker")
        row = tracker.locator(".fk-row", has_text=COMPANY)
        row.get_by_role("button", name="Mark done…").click()
        _field(tracker, "Step").select_option(label="Thank-you email")
        _field(tracker, "On").fill(yesterday.isoformat())
        tracker.get_by_role("button", name="Mark done", exact=True).click()
        tracker.get_by_text("marked done on").wait_for(timeout=LONG)
        row.get_by_text("Thank-you cards").wait_for(timeout=LONG)
        _shoot(page, "tracker.png")

        if SCREENSHOTS:
            page.set_viewport_size({"width": 800, "height": 1000})
            for tab, shot in (("Interview", "interview-form-800.png"), ("Notes", "notes-panel-800.png"),
                              ("Tracker", "tracker-800.png")):
                _tab(page, tab)
                page.wait_for_timeout(500)
                _shoot(page, shot)
            page.set_viewport_size({"width": 1400, "height": 1000})

        # A reload starts a new kernel: everything is as it was, the note not saved yet included.
        page.reload()
        page.locator(".fk-app").wait_for(timeout=LONG)
        tracker = page.locator(".fk-tracker")
        tracker.locator(".fk-row", has_text=COMPANY).get_by_text("Thank-you cards").wait_for(timeout=LONG)
        _tab(page, "Notes")
        notes = page.locator(".fk-notes-panel")
        assert "I still think about your question on tests." in _field(notes, "Note to Anna Berg").input_value()
        assert "Thank you for the tour of the office." in _field(notes, "Note to Zoë Ångström").input_value()
        assert "I realy liked meeting Zoe." in _field(notes, "Note to Jonas Meyer").input_value()
        _tab(page, "Interview")
        assert _field(page.locator(".fk-interview-form"), "Company").input_value() == COMPANY

    files = list((folder / "interviews").glob("*.json"))
    assert len(files) == 1
    data = json.loads(files[0].read_text("utf-8"))
    assert [p["name"] for p in data["interviewers"]] == [p for p, _ in PEOPLE]
    assert data["timeline"] == {"kind": "within", "days": 5, "business": True,
                                "said": "You will hear from us within five working days."}
    assert data["done"] == {"thank-you-email": yesterday.isoformat()}
    assert "I still think about your question on tests." in data["interviewers"][0]["note"]
    assert "Thank you for the tour of the office." in data["interviewers"][1]["note"]
    assert "note" not in data["interviewers"][2]  # typed, never saved
    assert json.loads((folder / "profile.json").read_text("utf-8"))["name"] == "Ana López"


def test_downloads_in_jupyterlab(tmp_path: Path) -> None:
    """In JupyterLab the same download buttons hand over the real PDF and .ics, not a web page."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    (notebooks / "app.ipynb").write_bytes((REPO / NOTEBOOK).read_bytes())
    workspace = copy_demo(tmp_path / "followup-demo").root
    env = _env(tmp_path)
    AppMemory(env["FOLLOWUP_KIT_CONFIG"]).remember(workspace=workspace)
    with jupyterlab(notebooks, tmp_path / "lab.log", env) as url, browser_page() as page:
        page.goto(f"{url}lab/tree/app.ipynb", timeout=LONG)
        page.locator(".jp-RenderedMarkdown .fk-before-start").wait_for(timeout=LONG)  # what to do, until it runs
        page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=LONG)
        page.get_by_role("menuitem", name="Run").click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        page.locator(".fk-app").wait_for(timeout=LONG)
        assert page.locator(".fk-before-start").is_hidden()

        _tab(page, "Cards")
        cards = page.locator(".fk-cards-panel")
        cards.get_by_role("button", name="Generate").click()
        name, pdf = _download(page, cards.locator("a.fk-download"))
        assert name.endswith(".pdf") and pdf.startswith(b"%PDF")
        assert "Dimitris Georgiou" in _pdf_text(pdf)

        _tab(page, "Calendar")
        calendar = page.locator(".fk-calendar-panel")
        calendar.get_by_role("button", name="Export .ics").click()
        name, ics = _download(page, calendar.locator("a.fk-download"))
        assert name == "followup.ics" and ics.startswith(b"BEGIN:VCALENDAR\r\n")


@pytest.fixture(autouse=True)
def _screenshots_folder() -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
