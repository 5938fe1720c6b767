"""No record, however odd, makes a command print a traceback (hypothesis over the record schema).

Generated profiles and interviews, mostly close to valid so that they reach the renderers (names
in any script, emoji, Jinja-looking braces, text at its length limit, dates at the edges of their
range), sometimes not (control characters, legacy time zones, odd email addresses, huge numbers),
are written to a workspace; then every command runs over it. Each must end with exit code 0, 1 or
2 and no unhandled exception. The examples are derandomized, so the run is the same every time.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, event, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from followup_kit.cli import main  # noqa: E402
from followup_kit.vocabulary import EVENT_KINDS, MEDIA, OUTCOMES, STAGES  # noqa: E402

NOW = "2026-11-25T12:00"

# -- text: mostly what people write, sometimes what they should not -------------------------------

_WORDS = ["Ana", "Dvořák", "王秀英", "Nguyễn Thị Thu Hà", "ليلى حداد", "Σοφία", "Олена", "O'Neil", "Weiß",
          "{{ cycler.__init__ }}", "{% if %}", "<b>", "%s", "\\n", "Müller", "🙂", "👩\u200d💻", "रजनी",
          "data", "pipeline", "dbt", "Looker", "the", "and", "-", "—", "“quoted”", "#1", "&", "Ⅻ", "ǅ"]
_ODD = ["\n", "\t", "\r", "\x00", "\x1b[31m", "\x85", "\x8a", "\u202e", "\u2066", "\u200b", "\u200d",
        "\ufeff", "\u2028", "\ud800", "\u00ad", " ", "\u00a0"]

def mostly(good: Any, bad: Any, one_in: int = 60) -> Any:
    """``good``, and once in ``one_in`` draws ``bad``: a workspace has many fields, and most
    workspaces must be valid to reach the renderers."""
    # The middle value: hypothesis draws the ends of a range more often than the rest.
    return st.integers(0, one_in - 1).flatmap(lambda n: bad if n == one_in // 2 else good)


words = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(" ".join)
odd = st.builds(lambda a, b, c: a + b + c, words, st.sampled_from(_ODD), words)
any_text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40)
#: Any characters a person can mean: every script, symbols, spaces of all widths.
printable = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn")),
                    min_size=1, max_size=30).map(str.strip).filter(bool)
text = mostly(st.one_of(words, words, printable, st.builds(lambda n: "x" * n, st.sampled_from([199, 200]))),
              st.one_of(odd, any_text, st.builds(lambda n: "x" * n, st.sampled_from([201, 300]))))

ZONES = mostly(st.sampled_from(["America/Chicago", "Europe/Berlin", "Asia/Tokyo", "Pacific/Chatham",
                                "Asia/Kathmandu", "UTC", "Australia/Lord_Howe", "America/St_Johns"]),
               st.sampled_from(["EST", "US/Eastern", "localtime", "America", "Europe/Munich"]), 25)
COUNTRIES = mostly(st.sampled_from(["US", "DE", "GB", "CA", "JP", "NP", "AU", "us"]),
                   st.sampled_from(["USA", "UK", "XX"]), 25)
emails = mostly(st.one_of(st.emails(), st.sampled_from(["ana@acme.example", "juergen.gross@bäckerei-groß.de",
                                                        "ана@пример.рф", "o'neil+x@sub.example.co.uk"])),
                st.sampled_from(["a,b@x.com", "x>,<a@y.com", '"a"b@x.com', "a@x.com\n", "a@localhost", "@x.com"]),
                25)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=5)


def _date(day: dt.date) -> str:
    return day.isoformat()


@st.composite
def interviews(draw: Any) -> dict[str, Any]:
    start = draw(mostly(st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 12, 31)),
                        st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(9999, 12, 1)), 25)
                 ).replace(second=0, microsecond=0)
    end = start + dt.timedelta(minutes=draw(mostly(st.integers(1, 60 * 24 * 7), st.integers(-30, 60 * 24 * 9), 25)))
    near = mostly(st.integers(-366, 366), st.integers(-800, 800), 25).map(
        lambda n: _date(min(start.date() + dt.timedelta(days=n), dt.date(9999, 12, 31))))
    timeline = draw(st.one_of(
        st.fixed_dictionaries({"kind": st.just("date"), "date": near}, optional={"said": text}),
        st.fixed_dictionaries({"kind": st.just("within"), "days": mostly(st.integers(1, 366), st.one_of(
                                   st.integers(-2, 400), st.just(10 ** 40)), 10)},
                              optional={"business": st.booleans(), "said": text}),
        st.fixed_dictionaries({"kind": st.sampled_from(["few-days", "none"])}, optional={"said": text}),
    ))
    person = st.fixed_dictionaries(
        {"name": text},
        optional={"title": text, "email": emails, "address": text, "personal": text, "note": text,
                  "salutation": short, "topics": st.lists(text, max_size=4),
                  "checked": st.fixed_dictionaries({}, optional={"name": st.just("business card"),
                                                                 "title": st.just("HR")})})
    record: dict[str, Any] = {
        "format": "followup-kit/interview@1", "company": draw(text), "role": draw(text),
        "stage": draw(st.sampled_from(STAGES)), "medium": draw(mostly(st.just("in-person"), st.sampled_from(MEDIA), 2)),
        "start": start.strftime("%Y-%m-%dT%H:%M"), "end": end.strftime("%Y-%m-%dT%H:%M"),
        "timeline": timeline, "interviewers": draw(st.lists(person, min_size=1, max_size=3)),
    }
    optional = draw(st.fixed_dictionaries({}, optional={
        "company_address": text, "timezone": ZONES,
        "reflection": st.fixed_dictionaries({}, optional={"went_well": st.lists(text, max_size=2),
                                                           "forgot_to_mention": st.lists(text, max_size=2),
                                                           "concerns_raised": st.lists(text, max_size=2)}),
        "extras": st.lists(st.fixed_dictionaries({"title": text, "url": mostly(st.sampled_from(
            ["https://example.org/a", "http://x.example/{{ 1 }}"]), st.just("example.org"), 25)}), max_size=2),
        "done": st.dictionaries(st.sampled_from(EVENT_KINDS), near, max_size=2),
        "outcome": st.sampled_from(OUTCOMES), "outcome_date": near,
    }))
    record = {**record, **optional}
    if draw(st.integers(0, 9)) == 5:  # now and then, any JSON where a field should be
        target = record if draw(st.booleans()) else record["interviewers"][0]
        target[draw(st.sampled_from(sorted(target)))] = draw(json_values)
    return record


short = mostly(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=2).map(" ".join), text, 10)


def _region(profile: dict[str, Any]) -> dict[str, Any]:
    return {**profile, "subdivision": "IL"} if profile["country"] == "US" and "phone" in profile else profile


profiles = st.fixed_dictionaries(
    {"format": st.just("followup-kit/profile@1"), "name": text, "timezone": ZONES, "country": COUNTRIES},
    optional={"email": emails, "phone": short, "address": text,
              "followup": st.fixed_dictionaries({}, optional={
                  "min_wait_days": mostly(st.integers(0, 60), st.integers(-1, 70), 10),
                  "email_by": mostly(st.sampled_from(["18:00", "23:59", "00:00"]), st.just("25:00"), 10),
                  "move_on_days": st.integers(1, 365)})}).map(_region)
profiles = mostly(profiles, profiles.flatmap(  # now and then, any JSON where a field should be
    lambda p: st.tuples(st.sampled_from(sorted(p)), json_values).map(lambda kv: {**p, kv[0]: kv[1]})), 10)

COMMANDS = [
    ["check"], ["plan", "--now", NOW], ["plan", "--all", "--json", "--now", NOW], ["notes", "-o", "{out}/notes"],
    ["cards", "--draft", "-o", "{out}/cards.pdf"], ["calendar", "-o", "{out}/followup.ics"],
    ["emails", "-o", "{out}/emails"],
]


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(profile=profiles, records=st.lists(interviews(), min_size=1, max_size=2))
def test_no_record_makes_any_command_crash(profile: dict[str, Any], records: list[dict[str, Any]]) -> None:
    """Every command on any generated workspace exits 0, 1 or 2, without an unhandled exception."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        (root / "interviews").mkdir(parents=True)
        (root / "profile.json").write_text(json.dumps(profile, indent=2), encoding="utf-8")
        for n, record in enumerate(records):
            (root / "interviews" / f"interview-{n}.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
        for command in COMMANDS:
            args = [a.format(out=tmp) for a in command]
            result = CliRunner().invoke(main, [args[0], str(root), *args[1:]])
            event(f"{args[0]} exit {result.exit_code}")  # shown by --hypothesis-show-statistics
            assert result.exit_code in (0, 1, 2), (command, result.output, result.exception)
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                command, result.output, repr(result.exception))
