"""Turning pydantic's validation errors into plain words.

A record that does not validate raises pydantic's :class:`~pydantic.ValidationError`,
whose locations and codes are for programmers. :func:`build` validates a record
and turns each error into a :class:`~followup_kit.errors.Problem` that names the
file, the field as a person reads it (``interviewers[1].checked.title``, the
person's name added), what was expected, what was found and how to fix it, and
raises them together as one :class:`~followup_kit.errors.InvalidFileError`.
"""

from __future__ import annotations

import difflib
import json
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from .errors import InvalidFileError, Problem
from .vocabulary import TIMELINE_KINDS

_UNION_FIELDS = {"timeline"}

_TYPE_WORDS = {
    "string_type": "text in quotes",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list in square brackets [...]",
    "dict_type": "an object in braces {...}",
    "model_type": "an object in braces {...}",
    "model_attributes_type": "an object in braces {...}",
    "date_type": "a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "a date written YYYY-MM-DD",
    "date_parsing": "a date written YYYY-MM-DD",
}


def _path(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    skip_next = False
    for i, item in enumerate(loc):
        if skip_next:
            skip_next = False
            continue
        if item == "[key]":  # pydantic's marker for "the key itself is wrong", already named
            continue
        if isinstance(item, int):
            parts.append(f"[{item}]")
        else:
            parts.append(("." if parts else "") + str(item))
            # A tagged union puts the tag ('date', 'within') in the location.
            if item in _UNION_FIELDS and i + 1 < len(loc) and loc[i + 1] in TIMELINE_KINDS:
                skip_next = True
    return "".join(parts)


def shown(value: Any) -> str:
    """A value as the message quotes it: JSON, cut to 60 characters."""
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The record class that owns the last key of ``loc`` (for 'did you mean')."""
    current: Any = model
    annotation: Any = None
    for item in loc[:-1]:
        if isinstance(item, int) or current is None:
            continue
        fields = getattr(current, "model_fields", {})
        if item in fields:
            annotation = fields[item].annotation
            current = _record_class(annotation)
        elif item in TIMELINE_KINDS and annotation is not None:
            current = _record_class(annotation, tag=item)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _record_class(annotation: Any, *, tag: str | None = None) -> Any:
    """The first record class in ``annotation``; with ``tag``, the member of a tagged union
    whose ``kind`` is ``tag``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        kind = annotation.model_fields.get("kind")
        if tag is None or (kind is not None and tag in get_args(kind.annotation)):
            return annotation
        return None
    for arg in get_args(annotation):
        found = _record_class(arg, tag=tag)
        if found is not None:
            return found
    return None


def _problem(model: type[BaseModel], file: str, error: dict[str, Any], data: Any) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    field = _path(loc)
    found = shown(error.get("input")) if "input" in error else ""
    fix = ""
    if kind == "expected":
        expected, fix = ctx["expected"], ctx.get("hint", "")
    elif kind == "missing":
        expected, found = "a value (this field is required)", "nothing"
        parent = _path(loc[:-1])
        fix = f"Add \"{loc[-1]}\" to " + (f"\"{parent}\"" if parent else "the file") if loc else ""
    elif kind == "extra_forbidden":
        owner = _model_at(model, loc)
        names = [n for n, f in (owner.model_fields.items() if owner else []) if not f.exclude]
        close = difflib.get_close_matches(str(loc[-1]), names, n=1)
        expected = "only known fields" + (f" ({', '.join(names)})" if names else "")
        found = f"unknown field \"{loc[-1]}\""
        fix = f"Did you mean \"{close[0]}\"?" if close else "Remove it or check its spelling"
    elif kind == "literal_error":
        expected = f"one of {ctx.get('expected')}"
    elif kind == "union_tag_invalid":
        expected = f"a timeline kind, one of {ctx.get('expected_tags')}"
        found = shown(ctx.get("tag"))
        field = (field + ".kind") if not field.endswith("kind") else field
    elif kind == "union_tag_not_found":
        expected = "a \"kind\": one of " + ", ".join(f"'{kind}'" for kind in TIMELINE_KINDS)
        field = field + ".kind"
        found = "no kind"
    elif kind == "too_short":
        expected = f"at least {ctx.get('min_length')} item(s)" if "min_length" in ctx else "more items"
        if loc and loc[-1] in ("name", "title", "company", "role") or ctx.get("min_length") == 1 and isinstance(error.get("input"), str):
            expected = "some text (it is empty)"
    elif kind in ("greater_than", "less_than_equal", "greater_than_equal", "less_than"):
        bounds = {"greater_than": "more than", "greater_than_equal": "at least",
                  "less_than": "less than", "less_than_equal": "at most"}
        limit = next(iter(ctx.values()), "")
        expected = f"a number {bounds[kind]} {limit}"
    elif kind in _TYPE_WORDS:
        expected = _TYPE_WORDS[kind]
    else:
        expected = error.get("msg", "a valid value").removeprefix("Input should be ")
    if field.startswith("interviewers[") and isinstance(data, dict):
        fix = f"{person_hint(data, loc)} {fix}".strip()
    return Problem(file=file, field=field, expected=expected, found=found, fix=fix)


def person_hint(data: dict[str, Any], loc: tuple[Any, ...]) -> str:
    """'This is the 2nd interviewer, Ana Dvořák.' for a location in ``interviewers``:
    "interviewers[1]" means little to a non-programmer."""
    try:
        index = loc[1]
        person = data["interviewers"][index]
        name = person.get("name") if isinstance(person, dict) else None
    except (IndexError, KeyError, TypeError):
        return ""
    ordinal = {0: "1st", 1: "2nd", 2: "3rd"}.get(index, f"{index + 1}th")
    who = f"the {ordinal} interviewer" + (f", {name}" if isinstance(name, str) and name else "")
    return f"This is {who}."


def build(model: type[BaseModel], data: Any, file: str) -> Any:
    """``model`` validated from ``data`` (parsed JSON), or :class:`InvalidFileError` naming ``file``."""
    if not isinstance(data, dict):
        raise InvalidFileError(file, [Problem(file, "", "a JSON object in braces {...}", shown(data)[:20])])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [_problem(model, file, e, data) for e in exc.errors(include_url=False)]
        raise InvalidFileError(file, problems) from None
