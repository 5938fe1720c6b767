"""The one template environment and the one way dates are written.

Every wording the kit produces (notes, emails, calendar entries, the words on the
cards) is a Jinja2 template under ``templates/``. A workspace may carry its own
``templates/`` folder: a file there replaces the shipped file of the same name, for
every output alike. One environment per such folder is built and kept, so templates
compile once; Jinja2 still reloads a template whose file changed.

Workspace templates come from whoever handed the workspace over (a career centre, a
coach), so a workspace with its own templates renders in Jinja2's immutable sandbox
(the kit's own templates alone, being the kit's, do not need it): a template can use the values
and filters the kit passes in, and nothing else of Python (no attribute of a
function's globals, no method that changes a value). A template that breaks, or
tries, is a :class:`~followup_kit.errors.RenderError` naming its file.

Dates are written here, in English whatever the machine's locale, with fixed names:
the wording is English. Every output writes a day with these functions (the
templates get them as filters), so a calendar entry, a card, a table and a note
write it the same way.
"""

from __future__ import annotations

import datetime as dt
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import RenderError

if TYPE_CHECKING:
    import jinja2

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_WEEKDAYS = [name[:3] for name in WEEKDAYS]
_MONTHS = [name[:3] for name in MONTHS]
NBSP = "\u00a0"


# -- dates -------------------------------------------------------------------------------

def day(value: dt.date | dt.datetime, *, space: str = " ", year: bool | None = None) -> str:
    """'Fri 20 Nov 2026'. ``space=NBSP`` keeps it on one line of a card (and leaves out the
    year); ``year=False`` leaves it out where the context gives it ('Fri 20 Nov')."""
    text = f"{_WEEKDAYS[value.weekday()]}{space}{value.day}{space}{_MONTHS[value.month - 1]}"
    return f"{text} {value.year}" if (space != NBSP if year is None else year) else text


def short_day(value: dt.date | dt.datetime) -> str:
    """'Fri 20 Nov' on one line (no-break spaces), as the cards print it."""
    return day(value, space=NBSP)


def clock(value: dt.datetime | dt.time) -> str:
    """'09:30', the 24-hour clock."""
    return f"{value.hour:02d}:{value.minute:02d}"


def moment(value: dt.datetime, *, zone: bool = False, year: bool = True) -> str:
    """'Fri 20 Nov 2026 18:00' (with ``zone``: 'Fri 20 Nov 2026 18:00 CST'), for tables."""
    text = f"{day(value, year=year)} {clock(value)}"
    return f"{text} {value.tzname()}" if zone and value.tzname() else text


def day_month(value: dt.date | dt.datetime) -> str:
    """'20 Nov': a day that the context already places in its week and year."""
    return f"{value.day} {_MONTHS[value.month - 1]}"


def weekday(value: dt.date | dt.datetime) -> str:
    """'Friday'."""
    return WEEKDAYS[value.weekday()]


def long_date(value: dt.date | dt.datetime, us_style: bool = False) -> str:
    """'Friday, 20 November', or in the US 'Friday, November 20': a day as a letter names it."""
    month = MONTHS[value.month - 1]
    return f"{weekday(value)}, {month} {value.day}" if us_style else f"{weekday(value)}, {value.day} {month}"


def local_iso(value: dt.datetime) -> str:
    """'2026-11-20T10:00': a local date and time as the interview file stores it."""
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}"


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
    # The kit's own templates are trusted; only a workspace's own (handed over by someone
    # else) needs the sandbox, whose checks on every attribute cost a third of the time.
    kind = ImmutableSandboxedEnvironment if overrides else jinja2.Environment
    env = kind(
        loader=jinja2.FileSystemLoader([str(folder) for folder in search if folder.is_dir()]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain text for cards, emails, calendars and terminals, not HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        # The kit's installed templates do not change while it runs: no file check per render.
        # A workspace's own are re-read when edited (a notebook stays open while they are).
        auto_reload=bool(overrides),
        bytecode_cache=None if overrides else _bytecode_cache(),
    )
    if not overrides:
        env.context_class = _kit_context()
    env.filters.update(day=day, short_day=short_day, clock=clock, part_of_day=part_of_day, moment=moment,
                       day_month=day_month, weekday=weekday, long_date=long_date)
    return env


_LOCALS = frozenset({"_block_vars", "_loop_vars"})
#: The kit's own classes whose instances its templates call like functions (see :func:`plain_callable`).
_PLAIN_CALLABLES: set[type] = set()


def plain_callable(cls: type) -> type:
    """Mark ``cls`` (a class of the kit whose instances its templates call, such as the chooser
    of phrasings) as taking no template context: the kit's own templates call one at once."""
    _PLAIN_CALLABLES.add(cls)
    return cls


@lru_cache(maxsize=1)
def _kit_context() -> type:
    """The context of the kit's own templates: a macro called with its arguments in order (as
    every call in them is), or an instance of a :func:`plain_callable` class, runs at once,
    without Jinja2's general handling of any callable and of any way of passing arguments,
    which costs more than most macros themselves. Anything else is called as Jinja2 calls it."""
    from jinja2.runtime import Context, Macro, missing

    def plain(macro: Any) -> bool:
        # Macro's own attributes, as Jinja2 3.x names them; without them every call is Jinja2's.
        return (not (macro.caller or macro.catch_kwargs or macro.catch_varargs)
                and not macro._environment.is_async and not macro._default_autoescape)

    class KitContext(Context):
        def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja2's names)
            # Inside a block or a loop Jinja2 passes the local variables too, for a callable that
            # takes the context (a macro does not).
            if kwargs.keys() <= _LOCALS and not __self.eval_ctx.autoescape:
                kind = type(__obj)
                if kind is Macro and len(args) <= __obj._argument_count and plain(__obj):
                    missing_args = __obj._argument_count - len(args)
                    return __obj._func(*args, *(missing,) * missing_args) if missing_args else __obj._func(*args)
                if kind in _PLAIN_CALLABLES:
                    return __obj(*args)
            return super().call(__obj, *args, **kwargs)

    from jinja2 import Environment

    sample = Environment().from_string("{% macro m(a) %}{{ a }}{% endmacro %}").module.m  # type: ignore[attr-defined]
    names = ("_func", "_argument_count", "_environment", "_default_autoescape", "caller", "catch_kwargs",
             "catch_varargs")
    return KitContext if all(hasattr(sample, name) for name in names) else Context


def _quiet_cache(directory: str) -> Any:
    """Jinja2's bytecode cache in ``directory``, never an error: a compiled template that cannot
    be read (damaged, cut short, foreign) or written (a full or read-only disk) is compiled again."""
    from jinja2 import FileSystemBytecodeCache

    class QuietCache(FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Any) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # pickle and marshal raise many kinds on damaged data
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass

    return QuietCache(directory)


def _bytecode_cache() -> Any:
    """The cache of the kit's own compiled templates, in the kit's cache folder (see
    :mod:`followup_kit.cache`), as Python keeps a module's bytecode; None without that folder."""
    from .cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    try:
        (folder / "templates").mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    return _quiet_cache(str(folder / "templates"))


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


#: The kit's own templates by environment and name: they never change while the kit runs.
_KIT_TEMPLATES: dict[tuple[Any, str], Any] = {}


def template_of(env: "jinja2.Environment", name: str) -> "jinja2.Template":
    """Template ``name`` of ``env``: a workspace's own is looked up through Jinja2 each time, so
    that an edit is read again; the kit's own (never reloaded) once."""
    if env.auto_reload:
        return env.get_template(name)
    template = _KIT_TEMPLATES.get((env, name))
    if template is None:
        template = _KIT_TEMPLATES[(env, name)] = env.get_template(name)
    return template


@lru_cache(maxsize=64)
def globals_of(template: "jinja2.Template") -> dict[str, Any]:
    """A template's globals (its environment's, and its own) as one dict, to render it from one
    merged context: Jinja2 would otherwise merge them into a copy, through a ChainMap, each time."""
    return dict(template.globals)


#: The kit's own templates that do nothing but define macros, known without parsing them
#: again (a test holds this list to what :func:`parsed_macros_only` says of each).
KIT_MACROS_ONLY = frozenset({"_common.j2"})


@lru_cache(maxsize=64)
def macros_only(template: "jinja2.Template") -> bool:
    """True when ``template`` does nothing but define macros (text between them aside):
    its module is then the same for every context, only what the macros read differs."""
    if not template.environment.auto_reload and template.name in KIT_MACROS_ONLY:
        return True  # the kit's own environment reads the kit's own templates only
    return parsed_macros_only(template)


def parsed_macros_only(template: "jinja2.Template") -> bool:
    """:func:`macros_only` worked out from the template's source, parsed again."""
    from jinja2 import nodes

    env = template.environment
    if template.name is None or env.loader is None:
        return False
    source, filename, _ = env.loader.get_source(env, template.name)
    body = env.parse(source, template.name, filename).body
    return all(isinstance(node, nodes.Macro) or (isinstance(node, nodes.Output) and all(
        isinstance(part, nodes.TemplateData) for part in node.nodes)) for node in body)


_MODULES = threading.local()


def module_for(template: "jinja2.Template", variables: dict[str, Any]) -> Any:
    """The module of ``template`` (``{% import %}`` of it) whose macros read ``variables``.

    A template that only defines macros (such as the notes' ``_common.j2``) is built once
    per thread and then handed each render's variables, rather than defining every macro
    again for each note; any other is built for the variables, as Jinja2 does.
    """
    from jinja2.environment import TemplateModule
    from jinja2.runtime import new_context

    if not macros_only(template):
        return template.make_module(variables)
    built = _MODULES.__dict__.setdefault("built", {})
    entry = built.get(template)  # a template edited and reloaded is a new object, built anew
    if entry is None:
        if len(built) > 32:
            built.clear()
        context = new_context(template.environment, template.name, template.blocks, variables, True,
                              template.globals)
        entry = built[template] = (TemplateModule(template, context), context)
    entry[1].parent = variables
    return entry[0]


def call(name: str, overrides: Path | str | None, macro: Any, *args: Any) -> str:
    """Call one macro of a template module; an error becomes a RenderError naming the template."""
    import jinja2

    try:
        return str(macro(*args))
    except jinja2.TemplateError as exc:
        raise template_error(exc, name) from None
