"""End to end in a real browser: the walkthrough served by Voilà, driven in headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from browser import browser_page, voila
from followup_kit.demo import copy_demo

REPO = Path(__file__).resolve().parent.parent
WALKTHROUGH = REPO / "notebooks" / "01-after-the-interview.ipynb"
# Set FOLLOWUP_KIT_SCREENSHOTS=docs/screenshots to refresh the README's pictures from this run.
SCREENSHOTS = os.environ.get("FOLLOWUP_KIT_SCREENSHOTS")


@pytest.fixture
def served(tmp_path: Path):
    """The walkthrough notebook served by Voilà over a fresh demo workspace in tmp_path."""
    copy_demo(tmp_path / "followup-demo")
    notebook = tmp_path / WALKTHROUGH.name
    shutil.copy(WALKTHROUGH, notebook)
    with voila(notebook, tmp_path, tmp_path / "voila.log") as url:
        yield url, tmp_path


def test_walkthrough_in_a_browser(served) -> None:
    """Load an interview, edit a field, Save: the workspace file on disk changes."""
    url, root = served
    interview_id = "2026-11-24-aegean-analytics-final"
    with browser_page() as page:
        page.goto(url, timeout=90_000)
        page.get_by_role("button", name="Load").wait_for(timeout=90_000)
        page.get_by_label("Interview").select_option(interview_id)
        page.get_by_role("button", name="Load").click()
        role = page.get_by_label("Role")
        role.wait_for()
        page.wait_for_function("() => [...document.querySelectorAll('input')].some(i => i.value === 'Lead Data Engineer')")
        role.fill("Lead Data Engineer, Platform")
        role.press("Enter")
        page.get_by_role("button", name="Save").click()
        page.get_by_text("Saved").wait_for(timeout=30_000)
        if SCREENSHOTS:
            page.screenshot(path=str(Path(SCREENSHOTS) / "interview-form.png"), full_page=True)
    data = json.loads((root / "followup-demo" / "interviews" / f"{interview_id}.json").read_text("utf-8"))
    assert data["role"] == "Lead Data Engineer, Platform"
