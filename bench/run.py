"""Every benchmark in one run, each as a ratio against a baseline measured in the same run.

    python bench/run.py

| benchmark | the kit | the baseline |
|---|---|---|
| cards | ``python -m followup_kit cards WS -q``: 1,000 cards, the whole process (bench/cards.py) | a bare reportlab script drawing the same pages (checklist, fronts, backs) from the finished texts, as a process (fastest CPU time of 7 each) |
| calendar | ``plan`` + ``build_calendar`` for 1,000 interviews in memory (from the records: rules, templates, .ics) | bare icalendar building the same events from the finished texts and UTC times (same bytes) |
| import | ``python -c "import followup_kit"`` | ``python -c "import json"`` (median of 7 processes each) |
| demo | ``python -m followup_kit demo DIR -q``: copy and build every output | a process copying the demo folder (``shutil.copytree``), i.e. the interpreter and the copy without building anything (median of 3) |

In-process timings are the best of 3 after a warm-up (imports, templates); subprocess
timings are medians, as process start-up varies, except the cards' (see bench/cards.py).
Not a test: nothing is asserted except that the calendar baseline writes the kit's bytes
and the cards baseline prints as many pages as the kit (so both do the same work).
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import cards as cards_bench  # noqa: E402  (bench/cards.py)

from followup_kit.calendar import PRODID, build_calendar, describe, event_uid  # noqa: E402
from followup_kit.model import Interview  # noqa: E402
from followup_kit.resources import demo_dir  # noqa: E402
from followup_kit.sample import sample_interview_record, sample_profile  # noqa: E402
from followup_kit.schedule import Event, plan  # noqa: E402

UTC = dt.timezone.utc
STAMP = dt.datetime(2026, 11, 1, tzinfo=UTC)
CALENDAR_NAME = "Interview follow-ups"


def best(function: Callable[[], Any], repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def median_process(argv: list[str], repeat: int, setup: Callable[[], None] | None = None) -> float:
    """The median wall time of running ``argv`` ``repeat`` times, in seconds."""
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# -- calendar -------------------------------------------------------------------------------

def interviews(count: int) -> list[Interview]:
    return [Interview.from_record(sample_interview_record(i)).with_id(f"sample-{i:04d}") for i in range(count)]


def kit_calendar(profile: Any, records: list[Interview]) -> bytes:
    """The kit from records to bytes: the rules, the wording, the .ics."""
    return build_calendar(plan(profile, records), stamp=STAMP, name=CALENDAR_NAME)


def bare_calendar(rows: list[tuple[str, str, str, dt.datetime, dt.datetime, int]]) -> bytes:
    """icalendar alone, from finished rows: (uid, summary, description, start, end, alarm minutes)."""
    from icalendar import Alarm, Calendar
    from icalendar import Event as VEvent

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    for uid, summary, description, start, end, minutes in rows:
        event = VEvent()
        event.add("uid", uid)
        event.add("dtstamp", STAMP)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", summary)
        event.add("description", description)
        event.add("status", "CONFIRMED")
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", dt.timedelta(minutes=-minutes))
        alarm.add("description", summary)
        event.add_component(alarm)
        event.add("sequence", 0)
        calendar.add_component(event)
    return calendar.to_ical()


def rows_of(events: list[Event]) -> list[tuple[str, str, str, dt.datetime, dt.datetime, int]]:
    words = [describe(e) for e in events]
    return [(event_uid(e.interview_id, e.kind), w.title, w.description, e.due.astimezone(UTC),
             e.end.astimezone(UTC), e.alarm_minutes) for e, w in zip(events, words)]


# -- the run --------------------------------------------------------------------------------------

def main() -> None:
    results: list[tuple[str, str, float, float, str]] = []
    python = sys.executable

    # cards: bench/cards.py, the whole command against the bare script, both as processes
    cards = cards_bench.measure(1000)
    results.append(("cards", f"{cards['count']} cards, {cards['pages']} pages", cards["kit"], cards["bare"],
                    "bare reportlab script, same pages"))

    # calendar: 1,000 interviews in memory
    profile, records = sample_profile(), interviews(1000)
    kit_calendar(profile, records[:10])  # warm up: imports, templates, holidays
    rows = rows_of(plan(profile, records))
    assert bare_calendar(rows) == kit_calendar(profile, records), "the baseline must build the same calendar"
    bare_time = best(lambda: bare_calendar(rows))
    kit_time = best(lambda: kit_calendar(profile, records))
    results.append(("calendar", f"1000 interviews, {len(rows)} events", kit_time, bare_time,
                    "bare icalendar, same events (same bytes)"))

    # import: fresh interpreters
    kit_time = median_process([python, "-c", "import followup_kit"], 7)
    bare_time = median_process([python, "-c", "import json"], 7)
    results.append(("import", "python -c 'import …'", kit_time, bare_time, "python -c 'import json'"))

    # demo: the whole command against copying the demo folder in a process
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "demo"

        def clean() -> None:
            import shutil

            shutil.rmtree(target, ignore_errors=True)

        kit_time = median_process([python, "-m", "followup_kit", "demo", str(target), "-q"], 3, setup=clean)
        outputs = sorted(p.name for p in (target / "output").rglob("*") if p.is_file())
        copy = f"import shutil; shutil.copytree({str(demo_dir())!r}, {str(target)!r})"
        bare_time = median_process([python, "-c", copy], 3, setup=clean)
    results.append(("demo", f"{len(outputs)} files written", kit_time, bare_time,
                    "python -c 'shutil.copytree(demo)'"))

    print(f"{'benchmark':<10} {'work':<30} {'kit':>9} {'baseline':>9} {'ratio':>7}  baseline")
    for name, work, kit_time, bare_time, baseline in results:
        print(f"{name:<10} {work:<30} {kit_time * 1000:7.0f}ms {bare_time * 1000:7.0f}ms "
              f"{kit_time / bare_time:6.2f}x  {baseline}")


if __name__ == "__main__":
    main()
