"""Where the kit finds the files it ships: templates, the demo workspace, the font.

An installed wheel carries ``templates/`` inside the package; a source checkout
(an editable install) keeps it at the top of the repository. Both are found.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

_PACKAGE = Path(str(resources.files("followup_kit")))


@lru_cache(maxsize=1)
def templates_dir() -> Path:
    """The folder of the shipped note and email templates."""
    for candidate in (_PACKAGE / "templates", _PACKAGE.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"followup-kit's templates are missing (looked in {_PACKAGE / 'templates'} and "
        f"{_PACKAGE.parent / 'templates'}). Reinstall with 'python -m pip install --force-reinstall followup-kit'."
    )


def demo_dir() -> Path:
    """The bundled demo workspace."""
    return _PACKAGE / "demo"


def cohort_template() -> Path:
    """The template CSV of a career centre's batch import (UTF-8 with a BOM, so Excel reads it)."""
    return _PACKAGE / "data" / "cohort-template.csv"


def font_file(name: str) -> Path:
    """A font shipped with the kit (``data/fonts/``; its licence is ``data/fonts/LICENSE``)."""
    path = _PACKAGE / "data" / "fonts" / name
    if not path.is_file():
        raise FileNotFoundError(
            f"followup-kit's font {name} is missing (looked in {path.parent}). Reinstall with "
            "'python -m pip install --force-reinstall followup-kit'.")
    return path
