"""Dates and times as people read them: the one place every output formats them.

The names of days and months are English whatever the machine's locale (strftime's
``%a`` and ``%b`` follow the locale), because the words around them are English. The
templates get the same functions as filters (:mod:`followup_kit.templating`), so a
calendar entry, a card, a table and a note write a day the same way.
"""

from __future__ import annotations

import datetime as dt

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def weekday(value: dt.date) -> str:
    """'Friday'."""
    return WEEKDAYS[value.weekday()]


def day(value: dt.date, *, year: bool = True) -> str:
    """'Fri 4 Dec 2026', or 'Fri 4 Dec' without the year."""
    text = f"{WEEKDAYS[value.weekday()][:3]} {value.day} {MONTHS[value.month - 1][:3]}"
    return f"{text} {value.year}" if year else text


def day_month(value: dt.date) -> str:
    """'4 Dec': a day that the context already places in its week and year."""
    return f"{value.day} {MONTHS[value.month - 1][:3]}"


def clock(value: dt.datetime | dt.time) -> str:
    """'09:00' (24-hour clock)."""
    return f"{value.hour:02d}:{value.minute:02d}"


def moment(value: dt.datetime, *, year: bool = True, zone: bool = False) -> str:
    """'Fri 4 Dec 2026 09:00', with ``zone`` the zone's abbreviation after it ('… 09:00 CST')."""
    text = f"{day(value, year=year)} {clock(value)}"
    name = value.tzname() if zone else None
    return f"{text} {name}" if name else text


def long_date(value: dt.date, *, us_style: bool = False) -> str:
    """'Friday, 4 December', or in the US 'Friday, December 4': the way a letter names a day."""
    month = MONTHS[value.month - 1]
    if us_style:
        return f"{weekday(value)}, {month} {value.day}"
    return f"{weekday(value)}, {value.day} {month}"


def part_of_day(value: dt.datetime | dt.time) -> str:
    """'morning' before noon, 'afternoon' before five, else 'evening'."""
    return "morning" if value.hour < 12 else "afternoon" if value.hour < 17 else "evening"


def local_iso(value: dt.datetime) -> str:
    """'2026-11-20T10:00': a local date and time as the interview file stores it."""
    return value.strftime("%Y-%m-%dT%H:%M")


#: The filters every template gets: ``{{ start | day }}``, ``{{ date | long_date(us_style) }}``.
FILTERS = {
    "day": day,
    "day_month": day_month,
    "clock": clock,
    "moment": moment,
    "weekday": weekday,
    "long_date": lambda value, us_style=False: long_date(value, us_style=us_style),
    "part_of_day": part_of_day,
}
