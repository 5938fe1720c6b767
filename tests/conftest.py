"""Shared fixtures: the bundled demo workspace and the reference examples, copied to tmp."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from followup_kit.demo import copy_demo
from followup_kit.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
SHARED_EXAMPLES = REPO.parent / "shared" / "examples" / "workspace"


@pytest.fixture
def reference_dir() -> Path:
    """The reference workspace of the format (read-only), when it exists beside the repo."""
    if not SHARED_EXAMPLES.is_dir():
        pytest.skip(f"reference examples not found at {SHARED_EXAMPLES}")
    return SHARED_EXAMPLES


@pytest.fixture
def reference_ws(reference_dir: Path, tmp_path: Path) -> Workspace:
    """A writable copy of the reference workspace."""
    target = tmp_path / "reference"
    shutil.copytree(reference_dir, target)
    return Workspace.open(target)


@pytest.fixture
def demo_ws(tmp_path: Path) -> Workspace:
    """A writable copy of the bundled demo workspace."""
    return copy_demo(tmp_path / "demo")


def pytest_configure(config: pytest.Config) -> None:
    # The notebook app remembers its workspace in the user's configuration folder; the suite
    # (the notebooks nbval runs included) keeps one of its own, so it never reads or writes theirs.
    os.environ["FOLLOWUP_KIT_CONFIG"] = tempfile.mkdtemp(prefix="followup-kit-config-")
