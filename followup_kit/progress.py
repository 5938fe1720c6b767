"""Progress for long commands: a bar on a terminal, silence everywhere else.

Every command that works through many files (``check``, ``import``, and the
output commands ``plan``, ``notes``, ``cards``, ``calendar``, ``emails``) wraps
its loop in :func:`tracked`::

    for interview in tracked(listing.interviews, label="Cards", quiet=quiet):
        ...

or hands it to the workspace while loading::

    workspace.interviews(ids, progress=lambda ids: tracked(ids, label="Reading", quiet=quiet))

The bar goes to stderr, so stdout stays clean data (``--json``, ``> file``). It
is shown only when stderr is a terminal, ``--quiet`` was not given, and there
are at least ``min_items`` items; otherwise the items pass through untouched and
nothing is printed (click would otherwise print the label once on a pipe).
"""

from __future__ import annotations

import sys
from typing import Iterable, Iterator, Sized, TypeVar

import click

T = TypeVar("T")

#: Below this many items a bar would only flicker; commands may pass their own threshold.
DEFAULT_MIN_ITEMS = 1


def progress_shown(*, quiet: bool = False, stream: object | None = None) -> bool:
    """Whether a progress bar would be drawn: not quiet and stderr is a terminal."""
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    return not quiet and callable(isatty) and bool(isatty())


def tracked(items: Iterable[T], *, label: str, quiet: bool = False,
            min_items: int = DEFAULT_MIN_ITEMS) -> Iterator[T]:
    """Yield ``items``, drawing a progress bar on stderr when it is a terminal (see module doc)."""
    length = len(items) if isinstance(items, Sized) else None
    if not progress_shown(quiet=quiet) or (length is not None and length < min_items):
        yield from items
        return
    with click.progressbar(items, length=length, label=label, file=sys.stderr,
                           show_pos=True, show_eta=False) as bar:
        yield from bar
