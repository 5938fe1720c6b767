"""End to end in a real browser: the notebooks served by Voilà, driven in headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from browser import browser_page, voila
from followup_kit.demo import copy_demo

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
# Set FOLLOWUP_KIT_SCREENSHOTS=docs/screenshots to refresh the README's pictures from this run.
SCREENSHOTS = os.environ.get("FOLLOWUP_KIT_SCREENSHOTS")
AEGEAN = "2026-11-24-aegean-analytics-final"


def _serve(tmp_path: Path, name: str):
    copy_demo(tmp_path / "followup-demo")
    notebook = tmp_path / name
    shutil.copy(NOTEBOOKS / name, notebook)
    return voila(notebook, tmp_path, tmp_path / "voila.log")


def _shoot(page, selector: str, name: str) -> None:
    if SCREENSHOTS:
        page.locator(selector).screenshot(path=str(Path(SCREENSHOTS) / name))


def test_walkthrough_in_a_browser(tmp_path: Path) -> None:
    """Load an interview, edit a field, Save; then Generate the cards: both land on disk."""
    with _serve(tmp_path, "01-after-the-interview.ipynb") as url, browser_page() as page:
        page.goto(url, timeout=90_000)
        form = page.locator(".fk-interview-form")
        form.get_by_role("button", name="Load").wait_for(timeout=90_000)
        form.get_by_label("Interview").select_option(AEGEAN)
        form.get_by_role("button", name="Load").click()
        page.wait_for_function(
            "() => [...document.querySelectorAll('.fk-interview-form input')]"
            ".some(i => i.value === 'Lead Data Engineer')")
        role = form.get_by_label("Role")
        role.fill("Lead Data Engineer, Platform")
        role.press("Enter")
        form.get_by_role("button", name="Save").click()
        form.get_by_text("Saved").wait_for(timeout=30_000)
        _shoot(page, ".fk-interview-form", "interview-form.png")
        _shoot(page, ".fk-notes-panel", "notes-panel.png")

        cards = page.locator(".fk-cards-panel")
        cards.get_by_role("button", name="Generate").click()
        cards.get_by_text("Cards written").wait_for(timeout=60_000)
        _shoot(page, ".fk-cards-panel", "cards-panel.png")

        calendar = page.locator(".fk-calendar-panel")
        calendar.get_by_role("button", name="Export .ics").click()
        calendar.get_by_text("Calendar written").wait_for(timeout=60_000)
        _shoot(page, ".fk-calendar-panel", "calendar-panel.png")

    root = tmp_path / "followup-demo"
    data = json.loads((root / "interviews" / f"{AEGEAN}.json").read_text("utf-8"))
    assert data["role"] == "Lead Data Engineer, Platform"
    pdf = PdfReader(root / "output" / "cards-2026-11-19-nordwind-energie-onsite.pdf")  # each interview its own file
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Małgorzata Wiśniewska" in text
    assert (root / "output" / "followup.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_tracker_in_a_browser(tmp_path: Path) -> None:
    """The tracker shows the next steps; Mark done writes the step into the interview file."""
    with _serve(tmp_path, "02-tracker.ipynb") as url, browser_page() as page:
        page.goto(url, timeout=90_000)
        tracker = page.locator(".fk-tracker")
        tracker.get_by_role("button", name="Mark done").wait_for(timeout=90_000)
        tracker.get_by_label("Interview").select_option(label="Aegean Analytics: Lead Data Engineer (24 Nov)")
        tracker.get_by_role("button", name="Mark done").click()
        tracker.get_by_text("Marked thank-you email done").wait_for(timeout=30_000)
        _shoot(page, ".fk-tracker", "tracker.png")
    data = json.loads((tmp_path / "followup-demo" / "interviews" / f"{AEGEAN}.json").read_text("utf-8"))
    assert "thank-you-email" in data["done"]
