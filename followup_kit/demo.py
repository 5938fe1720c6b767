"""The bundled example workspace: copying it somewhere to try the kit on."""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import WorkspaceError
from .resources import demo_dir
from .workspace import INTERVIEWS_DIR, PROFILE_FILE, Workspace, os_errors


def copy_demo(directory: Path | str, *, force: bool = False,
              output_dir: Path | str | None = None) -> Workspace:
    """Copy the demo workspace to ``directory`` and open it.

    A folder that already holds an earlier copy of the demo is refreshed; one that
    holds any other workspace (it could be the user's own) is refused unless ``force``.
    A folder that cannot be made or written is a :class:`WorkspaceError` naming it.
    """
    target = Path(directory)
    source = demo_dir()
    profile = target / PROFILE_FILE
    with os_errors(target, "used for the demo"):
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
