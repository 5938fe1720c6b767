"""The one Jinja2 environment behind every template: notes, emails, calendar entries, cards.

A workspace may have its own ``templates/`` folder; a file there replaces the
shipped one of the same path (``templates/notes/card.j2``,
``templates/calendar/move-on.j2``, ``templates/cards.j2``), and everything else
comes from the kit. Every template gets the same filters: the date formats of
:mod:`followup_kit.dates`, so a day reads the same in every output.

Environments are kept per override folder, so templates are compiled once; Jinja2
still reloads a template whose file changed, so edits show at once. ``jinja2`` is
imported here only when a template is first needed, so ``import followup_kit``
stays light.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

#: The folder of the note and email templates; their names inside it are used unqualified too.
NOTES = "notes"


def environment(templates: Path | str | None = None) -> "jinja2.Environment":
    """The environment of every template, ``templates`` (a workspace's own folder) first."""
    return _environment(str(templates) if templates else None)


@lru_cache(maxsize=8)
def _environment(templates: str | None) -> "jinja2.Environment":
    import jinja2

    from .dates import FILTERS
    from .resources import templates_dir

    roots = [Path(templates)] if templates else []
    roots.append(templates_dir())
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader([str(f) for f in roots if f.is_dir()]),
        # A note template may import "_common.j2" by its name inside notes/, as it always could.
        jinja2.FileSystemLoader([str(f / NOTES) for f in roots if (f / NOTES).is_dir()]),
    ])
    env = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        autoescape=False,  # plain text: notes, calendar entries, terminals, PDF; never HTML
    )
    env.filters.update(FILTERS)
    return env


def module(name: str, templates: Path | str | None = None, **context: Any) -> Any:
    """The module of template ``name`` rendered with ``context``: its macros give the wording
    (``module("calendar/move-on.j2", ...).title()``)."""
    return environment(templates).get_template(name).make_module(context)
