"""Shared fixtures: the suite's own workspace, the bundled demo, and golden files.

Everything the suite reads lives under ``tests/`` (``fixtures/workspace`` and ``golden/``) or
ships in the package (the demo). Only tests/test_reference_examples.py reads the reference
examples beside the repository, and it skips, saying so, where they are absent.

Golden files: after a deliberate change of wording or of the calendar, regenerate every file
under tests/golden/ with one switch, then read the diff before committing:

    python -m pytest --regen-golden tests/test_compose.py tests/test_calendar.py

(or the whole suite with ``--regen-golden``). A test that regenerated reports itself as
skipped with "regenerated" and the files it wrote, so a regenerating run never passes as a
check.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from followup_kit.demo import copy_demo
from followup_kit.workspace import Workspace, write_atomic

TESTS = Path(__file__).resolve().parent
FIXTURE_WORKSPACE = TESTS / "fixtures" / "workspace"
GOLDEN = TESTS / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", default=False,
                     help="rewrite every golden file under tests/golden/ from what the kit produces now; "
                          "the tests that did so are reported as skipped ('regenerated')")


@pytest.fixture
def fixture_dir() -> Path:
    """The suite's own workspace (read-only): three interviews in America/Chicago, US-IL.

    An in-person onsite with a decision date and a panel of three (a recruiter whose title is
    unverified, an engineer who raised a concern); a phone screen with 'a few days'; a video
    round with no timeline whose first interviewer is unverified and has no email address.
    """
    return FIXTURE_WORKSPACE


@pytest.fixture
def fixture_ws(fixture_dir: Path, tmp_path: Path) -> Workspace:
    """A writable copy of the suite's own workspace."""
    target = tmp_path / "workspace"
    shutil.copytree(fixture_dir, target)
    return Workspace.open(target)


@pytest.fixture
def demo_ws(tmp_path: Path) -> Workspace:
    """A writable copy of the bundled demo workspace."""
    return copy_demo(tmp_path / "demo")


# -- golden files -------------------------------------------------------------------------

class Golden:
    """Compares output with the reviewed files under tests/golden/, or rewrites them."""

    def __init__(self, regen: bool):
        self.regen = regen
        self.changed: list[str] = []

    def check(self, path: Path, data: str | bytes) -> None:
        """Assert ``data`` is the golden file's content (or, with --regen-golden, make it so)."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        name = path.resolve().relative_to(GOLDEN).as_posix()
        if self.regen:
            if not path.is_file() or path.read_bytes() != raw:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(path, raw)
                self.changed.append(name)
            return
        assert path.is_file(), f"{path} is missing; regenerate with: python -m pytest --regen-golden"
        if isinstance(data, str):
            assert data == path.read_text("utf-8"), name
        else:
            assert data == path.read_bytes(), name

    def remove_stale(self, folder: Path, produced: set[str], pattern: str = "*.txt") -> None:
        """Assert ``folder`` holds exactly the files ``produced`` (with --regen-golden, delete the rest)."""
        folder = folder.resolve()
        found = {p.name for p in folder.glob(pattern)}
        if self.regen:
            for name in sorted(found - produced):
                (folder / name).unlink()
                self.changed.append(f"{folder.relative_to(GOLDEN).as_posix()}/{name} (deleted)")
            return
        assert found == produced, f"stale or missing golden files in {folder}; regenerate with --regen-golden"


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    """The golden-file checker of one test; --regen-golden turns it into a writer."""
    checker = Golden(request.config.getoption("--regen-golden"))
    request.node.stash[_GOLDEN_KEY] = checker
    return checker


_GOLDEN_KEY = pytest.StashKey[Golden]()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A test that regenerated golden files is reported skipped, naming them, never passed."""
    outcome = yield
    report = outcome.get_result()
    checker = item.stash.get(_GOLDEN_KEY, None)
    if report.when == "call" and report.passed and checker is not None and checker.regen:
        changed = f"{len(checker.changed)} changed: {', '.join(checker.changed)}" if checker.changed \
            else "none changed"
        reason = f"regenerated golden files under tests/golden/ ({changed})"
        path, line, _ = item.location
        report.outcome = "skipped"
        report.longrepr = (str(item.path), (line or 0) + 1, f"Skipped: {reason}")


def pytest_configure(config: pytest.Config) -> None:
    # The notebook app remembers its workspace in the user's configuration folder; the suite
    # (the notebooks nbval runs included) keeps one of its own, so it never reads or writes theirs.
    os.environ["FOLLOWUP_KIT_CONFIG"] = _OWN_FOLDERS["FOLLOWUP_KIT_CONFIG"] = tempfile.mkdtemp(
        prefix="followup-kit-config-")
    # Likewise its cache (compiled templates, the dictionary's word list): the suite's own.
    os.environ["FOLLOWUP_KIT_CACHE"] = _OWN_FOLDERS["FOLLOWUP_KIT_CACHE"] = tempfile.mkdtemp(
        prefix="followup-kit-cache-")


#: The configuration and cache folders this run of the suite made, removed when it ends.
_OWN_FOLDERS: dict[str, str] = {}


def pytest_unconfigure(config: pytest.Config) -> None:
    import shutil

    for variable, folder in _OWN_FOLDERS.items():
        shutil.rmtree(folder, ignore_errors=True)
        if os.environ.get(variable) == folder:
            del os.environ[variable]
