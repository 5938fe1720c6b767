"""The bundled example workspace, and building every output from a workspace."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable, Iterator

from .errors import WorkspaceError
from .resources import demo_dir
from .workspace import INTERVIEWS_DIR, PROFILE_FILE, Workspace

OutputStep = Callable[[Workspace], "list[Path]"]

# Each step imports its renderer when it runs: reportlab and icalendar are heavy.
def _notes_step(workspace: Workspace) -> list[Path]:
    from .compose import write_notes

    return write_notes(workspace)


def _cards_step(workspace: Workspace) -> list[Path]:
    """The printable cards of the in-person interviews, and a printer test page."""
    from .cards import write_cards

    return [write_cards(workspace, alignment_page=True)]


def _calendar_step(workspace: Workspace) -> list[Path]:
    from .calendar import write_calendar_step

    return write_calendar_step(workspace)


def _emails_step(workspace: Workspace) -> list[Path]:
    from .emails import write_emails_step

    return write_emails_step(workspace)


#: The output steps ``followup-kit demo`` runs, in order: (label, step).
#: Each step writes its files under the workspace's output folder and returns their paths.
OUTPUT_STEPS: list[tuple[str, OutputStep]] = [
    ("thank-you notes", _notes_step),
    ("cards", _cards_step),
    ("calendar", _calendar_step),
    ("email drafts", _emails_step),
]


def copy_demo(directory: Path | str, *, force: bool = False,
              output_dir: Path | str | None = None) -> Workspace:
    """Copy the demo workspace to ``directory`` and open it.

    A folder that already holds an earlier copy of the demo is refreshed; one that
    holds any other workspace (it could be the user's own) is refused unless ``force``.
    """
    target = Path(directory)
    source = demo_dir()
    profile = target / PROFILE_FILE
    if profile.exists() and not force and profile.read_bytes() != (source / PROFILE_FILE).read_bytes():
        raise WorkspaceError(
            f"{target}: already holds a workspace ({PROFILE_FILE} exists). Nothing was changed. "
            "Pass another folder, or --force to replace the demo files in it."
        )
    (target / INTERVIEWS_DIR).mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / PROFILE_FILE, target / PROFILE_FILE)
    for path in sorted((source / INTERVIEWS_DIR).glob("*.json")):
        shutil.copy2(path, target / INTERVIEWS_DIR / path.name)
    return Workspace.open(target, output_dir=output_dir)


def open_or_copy_demo(directory: Path | str) -> Workspace:
    """Open the workspace at ``directory``; where there is none yet, start it from the demo.

    The notebooks call this, so they work out of the box and on the user's own
    workspace by changing one path.
    """
    target = Path(directory)
    if (target / PROFILE_FILE).exists():
        return Workspace.open(target)
    return copy_demo(target)


def build_outputs(workspace: Workspace) -> Iterator[tuple[str, Path]]:
    """Run every output step on ``workspace``; yields (label, path) for each file written."""
    for label, step in OUTPUT_STEPS:
        for path in step(workspace):
            yield label, path
