"""The one template environment and the one way dates are written.

Every wording the kit produces (notes, emails, calendar entries, the words on the
cards) is a Jinja2 template under ``templates/``. A workspace may carry its own
``templates/`` folder: a file there replaces the shipped file of the same name, for
every output alike. One environment per such folder is built and kept, so templates
compile once; Jinja2 still reloads a template whose file changed.

Workspace templates come from whoever handed the workspace over (a career centre, a
coach), so they render in Jinja2's immutable sandbox: a template can use the values
and filters the kit passes in, and nothing else of Python (no attribute of a
function's globals, no method that changes a value). A template that breaks, or
tries, is a :class:`~followup_kit.errors.RenderError` naming its file.

Dates are written here, in English whatever the machine's locale, with fixed names:
the wording is English.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import RenderError

if TYPE_CHECKING:
    import jinja2

_WEEKDAYS = "Mon Tue Wed Thu Fri Sat Sun".split()
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
NBSP = "\u00a0"


# -- dates -------------------------------------------------------------------------------

def day(value: dt.date | dt.datetime, *, space: str = " ") -> str:
    """'Fri 20 Nov 2026'. ``space=NBSP`` keeps it on one line of a card (and leaves out the year)."""
    text = f"{_WEEKDAYS[value.weekday()]}{space}{value.day}{space}{_MONTHS[value.month - 1]}"
    return text if space == NBSP else f"{text} {value.year}"


def short_day(value: dt.date | dt.datetime) -> str:
    """'Fri 20 Nov' on one line (no-break spaces), as the cards print it."""
    return day(value, space=NBSP)


def clock(value: dt.datetime | dt.time) -> str:
    """'09:30', the 24-hour clock."""
    return f"{value.hour:02d}:{value.minute:02d}"


def moment(value: dt.datetime, *, zone: bool = False) -> str:
    """'Fri 20 Nov 2026 18:00' (with ``zone``: 'Fri 20 Nov 2026 18:00 CST'), for tables."""
    text = f"{day(value)} {clock(value)}"
    return f"{text} {value.tzname()}" if zone and value.tzname() else text


def part_of_day(value: dt.datetime | dt.time) -> str:
    """'morning', 'afternoon' or 'evening'."""
    return "morning" if value.hour < 12 else "afternoon" if value.hour < 17 else "evening"


# -- the environment ----------------------------------------------------------------------

def environment(overrides: Path | str | None = None) -> "jinja2.Environment":
    """The environment of every template, with ``overrides`` (a workspace's ``templates/``
    folder) searched before the shipped templates."""
    return _environment(str(overrides) if overrides else None)


@lru_cache(maxsize=8)
def _environment(overrides: str | None) -> "jinja2.Environment":
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from .resources import templates_dir

    roots = [Path(overrides)] if overrides else []
    roots.append(templates_dir())
    # Note templates import each other by bare name ("_common.j2"); the rest by path
    # from the top ("calendar/_common.j2"). Both resolve, the workspace's own first.
    search = [root / "notes" for root in roots] + roots
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in search if folder.is_dir()]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain text for cards, emails, calendars and terminals, not HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(day=day, short_day=short_day, clock=clock, part_of_day=part_of_day)
    return env


def template_error(exc: Exception, name: str) -> RenderError:
    """A template that failed, as a message naming its file and what to do."""
    import jinja2

    from .resources import templates_dir

    where = getattr(exc, "filename", None) or name
    line = getattr(exc, "lineno", None)
    at = f"{where}{f', line {line}' if line else ''}"
    own = not str(where).startswith(str(templates_dir()))
    fix = ("Correct that template of the workspace, or delete it to use the kit's own wording again."
           if own else "Reinstall followup-kit; its own templates should not fail.")
    if isinstance(exc, jinja2.exceptions.SecurityError):
        what = "uses something templates may not (only the values and filters the kit passes in)"
    elif isinstance(exc, jinja2.TemplateSyntaxError):
        what = f"is not a valid template ({exc.message})"
    else:
        what = f"could not be rendered ({exc})"
    return RenderError(f"{at}: {what}. {fix}")


def get_template(name: str, overrides: Path | str | None = None) -> "jinja2.Template":
    """The template ``name`` (e.g. ``card.j2`` or ``calendar/move-on.j2``); a broken one is a RenderError."""
    import jinja2

    try:
        return environment(overrides).get_template(name)
    except jinja2.TemplateError as exc:
        raise template_error(exc, name) from None


def module(name: str, overrides: Path | str | None = None, **context: Any) -> Any:
    """The module of a template rendered with ``context``: its macros give the wording.

    Any error inside, when the module is built or one of its macros called through
    :func:`call`, becomes a RenderError naming the template.
    """
    import jinja2

    try:
        return get_template(name, overrides).make_module(context)
    except jinja2.TemplateError as exc:
        raise template_error(exc, name) from None


def call(name: str, overrides: Path | str | None, macro: Any, *args: Any) -> str:
    """Call one macro of a template module; an error becomes a RenderError naming the template."""
    import jinja2

    try:
        return str(macro(*args))
    except jinja2.TemplateError as exc:
        raise template_error(exc, name) from None
