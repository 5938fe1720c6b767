"""What the kit keeps between runs so that the next one starts sooner.

Two things, both derived from what is installed and both rebuilt when missing: the
compiled form of the kit's own templates (Jinja2's bytecode cache) and the English
dictionary's words as a plain list (reading pyspellchecker's JSON costs a third of a
second of CPU). They live in the user's cache folder: ``$FOLLOWUP_KIT_CACHE`` if set,
else ``~/.cache/followup-kit`` on Linux (``$XDG_CACHE_HOME``), ``~/Library/Caches/followup-kit``
on macOS and ``%LOCALAPPDATA%\\followup-kit\\Cache`` on Windows. Deleting the folder
is always safe.

Nothing here is ever an error: a folder that cannot be made, a file that cannot be
read or written, or one that is damaged, only means the work is done again. Files are
written whole (a temporary file, then renamed), so a killed run leaves the old file
or the new one. A workspace never goes in here: only what the kit itself ships.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def cache_dir() -> Path | None:
    """The kit's cache folder, made (readable by the user alone) if missing; None if it cannot be."""
    own = os.environ.get("FOLLOWUP_KIT_CACHE")
    if own:
        folder = Path(own).expanduser()
    elif os.name == "nt":
        folder = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "followup-kit" / "Cache"
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / "Caches" / "followup-kit"
    else:
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "followup-kit"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home folder to expand
        return None
    return folder if folder.is_dir() and os.access(folder, os.W_OK | os.X_OK) else None


def read(name: str) -> bytes | None:
    """The cached file ``name``, or None when there is none (or it cannot be read)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return (folder / name).read_bytes()
    except OSError:
        return None


def write(name: str, data: bytes, *, replaces: str = "") -> None:
    """Keep ``data`` as ``name``, whole or not at all; a failure is silent (it is only a cache).

    ``replaces`` is a pattern (``english-words-*.txt``) of the files this one supersedes (kept
    for another version of what it is derived from): they are deleted once it is written.
    """
    from .errors import FollowupKitError
    from .workspace import write_atomic

    folder = cache_dir()
    if folder is None:
        return
    try:
        write_atomic(folder / name, data)
    except FollowupKitError:
        return
    for old in folder.glob(replaces) if replaces else ():
        if old.name != name:
            try:
                old.unlink()
            except OSError:
                pass


__all__ = ["cache_dir", "read", "write"]
