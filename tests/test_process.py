"""The follow-up process across rounds and outcomes (R19–R21, R24): one application, no night
reminders, mail days, late cards, a reply to a rejection.

The table below plans whole applications (every round in the workspace) and checks, per scenario,
every open step with its due moment and every email draft with its kind, step and recipient.
Every date was worked out by hand; the comments show the arithmetic. Calendar facts used:

  November 2026: Sun 1, Mon 2, Tue 3 (Election Day, a public holiday in Illinois), Wed 11 (Veterans
  Day), Sat 14, Sun 15, Fri 20, Sat 21, Mon 23, Tue 24, Wed 25, Thu 26 (Thanksgiving), Fri 27, Mon 30.
  December 2026: Fri 4, Sat 5, Mon 7, Sat 12, Mon 14, Sun 20, Mon 21, Thu 24, Fri 25 (Christmas; in
  Germany also Sat 26), Mon 28. January 2027: Fri 1 (New Year), Wed 6 (Epiphany in Bavaria, not in
  Berlin), Thu 7. :func:`test_the_holidays_the_table_relies_on` checks these against ``holidays``.

Times: Chicago is UTC-6 (CST) after Sun 1 Nov 2026, Berlin UTC+1 (CET) from Sun 25 Oct 2026.
Defaults: email at 18:00 (an hour after the end at the earliest), on time until 21:00; night 22:00–
07:00, a late email at 08:00; cards the next morning at 09:00 on a mail day (Mon–Sat, no holiday);
domestic post two business days; reminders at 09:00.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import holidays
import icalendar
import pytest
from click.testing import CliRunner

from followup_kit.applications import application_key, applications, is_overdue, overview
from followup_kit.calendar import describe
from followup_kit.cli import main
from followup_kit.emails import email_drafts
from followup_kit.model import Interview, Profile
from followup_kit.schedule import plan, plan_interview
from followup_kit.session import Session
from followup_kit.workspace import Workspace, dump_json

UTC = dt.timezone.utc
REPO = Path(__file__).resolve().parent.parent

US = {"timezone": "America/Chicago", "country": "US", "subdivision": "IL"}
BY = {"timezone": "Europe/Berlin", "country": "DE", "subdivision": "BY"}
BE = {"timezone": "Europe/Berlin", "country": "DE", "subdivision": "BE"}

NONE = {"kind": "none"}
FEW = {"kind": "few-days"}

#: The default panel: a recruiter (who gets the follow-up) and a director.
PANEL = [
    {"name": "Priya Raghunathan", "title": "Recruiter", "email": "priya@acme.example",
     "checked": {"name": "business card", "title": "business card"}, "topics": ["the hiring process"]},
    {"name": "Ana Dvořák", "title": "Director of Analytics", "email": "ana@acme.example",
     "checked": {"name": "business card", "title": "business card"}, "topics": ["dbt models"]},
]
#: Engineers only: nobody recruits, nobody is marked as the contact.
ENGINEERS = [
    {"name": "Marcus O'Neill", "title": "Staff Data Engineer", "email": "marcus@acme.example",
     "topics": ["streaming ingestion"]},
    {"name": "Tomás Ruiz", "title": "Data Engineer", "email": "tomas@acme.example", "topics": ["data contracts"]},
]


def profile(zone: dict[str, Any], **followup: Any) -> Profile:
    data: dict[str, Any] = {"format": "followup-kit/profile@1", "name": "Jordan Rivera", **zone}
    if followup:
        data["followup"] = followup
    return Profile.from_record(data)


def date(day: str) -> dict[str, Any]:
    return {"kind": "date", "date": day}


def within(days: int, business: bool = False) -> dict[str, Any]:
    return {"kind": "within", "days": days, "business": business}


def rnd(id: str, start: str, end: str, medium: str = "video", timeline: dict[str, Any] = NONE,
        **extra: Any) -> Interview:
    """One round: ``id`` is the file's stem; ``end`` may be just the time on the day of ``start``."""
    if "T" not in end:
        end = f"{start[:10]}T{end}"
    data: dict[str, Any] = {
        "format": "followup-kit/interview@1", "company": "Acme Analytics", "role": "Data Analyst",
        "stage": "first-round", "medium": medium, "start": start, "end": end, "timeline": timeline,
        "interviewers": PANEL, **extra,
    }
    return Interview.from_record(data, id=id)


THANKED = {"done": {"thank-you-email": "2026-11-02"}}  # an earlier round's email, long sent

# (name, profile, rounds, open steps {(round, step): due}, drafts [(round, kind, step, recipient)])
SCENARIOS: list[tuple[str, Profile, list[Interview], dict[tuple[str, str], str], list[tuple[str, ...]]]] = [
    # 1. Three rounds with one recruiter (phone 2 Nov, video 12 Nov, in person Tue 24 Nov 10:00–12:00).
    #    The earlier rounds' emails are sent; their follow-ups and move-ons are replaced. From round 3:
    #    email 24 Nov 18:00; cards Wed 25 Nov 09:00 (a mail day, 21 h after the end); no timeline:
    #    24 Nov + 14 = Tue 8 Dec; move-on 24 Nov + 30 = Thu 24 Dec (not a holiday; 8 Dec + 7 = 15 Dec).
    ("three-rounds-one-follow-up", profile(US), [
        rnd("r1", "2026-11-02T10:00", "10:30", "phone", FEW, **THANKED),
        rnd("r2", "2026-11-12T10:00", "11:00", "video", NONE, done={"thank-you-email": "2026-11-12"}),
        rnd("r3", "2026-11-24T10:00", "12:00", "in-person", NONE, company="ACME Analytics, Inc."),
    ], {("r3", "thank-you-email"): "2026-11-24T18:00-06:00", ("r3", "thank-you-cards"): "2026-11-25T09:00-06:00",
        ("r3", "status-follow-up"): "2026-12-08T09:00-06:00", ("r3", "move-on"): "2026-12-24T09:00-06:00"},
     [("r3", "card-on-its-way", "thank-you-email", "Priya Raghunathan"),
      ("r3", "card-on-its-way", "thank-you-email", "Ana Dvořák"),
      ("r3", "status-follow-up", "status-follow-up", "Priya Raghunathan"),
      ("r3", "feedback-request", "move-on", "Priya Raghunathan")]),
    # 2. Round 1's follow-up (few days: 2 Nov + 7 = Mon 9 Nov) would be overdue by round 2 (Thu 12 Nov);
    #    round 2 replaces it. Decision by Fri 20 Nov: follow-up one business day later, Mon 23 Nov
    #    (12 + 7 = 19 Nov is sooner); move-on 12 Nov + 30 = Sat 12 Dec -> Mon 14 Dec.
    ("a-later-round-replaces-the-follow-up", profile(US), [
        rnd("r1", "2026-11-02T10:00", "10:30", "phone", FEW, **THANKED),
        rnd("r2", "2026-11-12T10:00", "11:00", "video", date("2026-11-20")),
    ], {("r2", "thank-you-email"): "2026-11-12T18:00-06:00", ("r2", "status-follow-up"): "2026-11-23T09:00-06:00",
        ("r2", "move-on"): "2026-12-14T09:00-06:00"},
     [("r2", "thank-you", "thank-you-email", "Priya Raghunathan"), ("r2", "thank-you", "thank-you-email", "Ana Dvořák"),
      ("r2", "status-follow-up", "status-follow-up", "Priya Raghunathan"),
      ("r2", "feedback-request", "move-on", "Priya Raghunathan")]),
    # 3. A follow-up already sent after round 1 (9 Nov) stays done; round 2 (Thu 12 Nov, no timeline)
    #    gets its own: 12 + 14 = Thu 26 Nov, Thanksgiving -> Fri 27 Nov; move-on 12 Dec (Sat) -> Mon 14 Dec.
    ("a-sent-follow-up-stays-done-the-next-round-gets-one", profile(US), [
        rnd("r1", "2026-11-02T10:00", "10:30", "phone", FEW,
            done={"thank-you-email": "2026-11-02", "status-follow-up": "2026-11-09"}),
        rnd("r2", "2026-11-12T10:00", "11:00", "video", NONE, done={"thank-you-email": "2026-11-12"}),
    ], {("r2", "status-follow-up"): "2026-11-27T09:00-06:00", ("r2", "move-on"): "2026-12-14T09:00-06:00"},
     [("r2", "status-follow-up", "status-follow-up", "Priya Raghunathan"),
      ("r2", "feedback-request", "move-on", "Priya Raghunathan")]),
    # 4. Another company name and role, joined by the same label: one application. Round 2 on Mon 16 Nov,
    #    a few days: 16 + 7 = Mon 23 Nov; move-on 16 + 30 = Wed 16 Dec.
    ("a-label-joins-rounds", profile(US), [
        rnd("g1", "2026-11-02T10:00", "10:30", "phone", FEW, company="Globex Logistics", application="globex-ae",
            **THANKED),
        rnd("g2", "2026-11-16T10:00", "11:00", "video", FEW, company="Globex", role="Analytics Engineer II",
            application="Globex-AE", done={"thank-you-email": "2026-11-16"}),
    ], {("g2", "status-follow-up"): "2026-11-23T09:00-06:00", ("g2", "move-on"): "2026-12-16T09:00-06:00"},
     [("g2", "status-follow-up", "status-follow-up", "Priya Raghunathan"),
      ("g2", "feedback-request", "move-on", "Priya Raghunathan")]),
    # 5. Two openings for the same role at one company, told apart by labels: two applications, each
    #    with its follow-up: a few days after Mon 2 Nov = Mon 9 Nov; after Mon 16 Nov = Mon 23 Nov.
    ("labels-split-two-openings", profile(US), [
        rnd("a", "2026-11-02T10:00", "10:30", "phone", FEW, application="acme-chicago", **THANKED),
        rnd("b", "2026-11-16T10:00", "10:30", "phone", FEW, application="acme-remote",
            done={"thank-you-email": "2026-11-16"}),
    ], {("a", "status-follow-up"): "2026-11-09T09:00-06:00", ("a", "move-on"): "2026-12-02T09:00-06:00",
        ("b", "status-follow-up"): "2026-11-23T09:00-06:00", ("b", "move-on"): "2026-12-16T09:00-06:00"},
     [("a", "status-follow-up", "status-follow-up", "Priya Raghunathan"),
      ("a", "feedback-request", "move-on", "Priya Raghunathan"),
      ("b", "status-follow-up", "status-follow-up", "Priya Raghunathan"),
      ("b", "feedback-request", "move-on", "Priya Raghunathan")]),
    # 6. Same company, another role, no labels: two applications. Mon 2 Nov + 7 = Mon 9 Nov for the first;
    #    the second (Mon 16 Nov, no timeline): 16 + 14 = Mon 30 Nov, move-on 16 Dec.
    ("another-role-is-another-application", profile(US), [
        rnd("a", "2026-11-02T10:00", "10:30", "phone", FEW, **THANKED),
        rnd("b", "2026-11-16T10:00", "10:30", "phone", NONE, role="Data Engineer",
            done={"thank-you-email": "2026-11-16"}),
    ], {("a", "status-follow-up"): "2026-11-09T09:00-06:00", ("a", "move-on"): "2026-12-02T09:00-06:00",
        ("b", "status-follow-up"): "2026-11-30T09:00-06:00", ("b", "move-on"): "2026-12-16T09:00-06:00"},
     [("a", "status-follow-up", "status-follow-up", "Priya Raghunathan"),
      ("a", "feedback-request", "move-on", "Priya Raghunathan"),
      ("b", "status-follow-up", "status-follow-up", "Priya Raghunathan"),
      ("b", "feedback-request", "move-on", "Priya Raghunathan")]),
    # 7. "Advanced" on Thu 5 Nov, next round not planned yet: counted from 5 Nov as if no timeline was
    #    given: 5 + 14 = Thu 19 Nov (the decision date 6 Nov no longer counts); move-on 5 + 30 = Sat 5 Dec
    #    -> Mon 7 Dec.
    ("advanced-counts-from-the-day-they-said-so", profile(US), [
        rnd("r1", "2026-11-02T10:00", "10:30", "phone", date("2026-11-06"), outcome="advanced",
            outcome_date="2026-11-05", **THANKED),
    ], {("r1", "status-follow-up"): "2026-11-19T09:00-06:00", ("r1", "move-on"): "2026-12-07T09:00-06:00"},
     [("r1", "status-follow-up", "status-follow-up", "Priya Raghunathan"),
      ("r1", "feedback-request", "move-on", "Priya Raghunathan")]),
    # 8. "Advanced" on 5 Nov, then round 2 on Thu 12 Nov: the round takes over (a new round implies it).
    #    Round 2, a few days: 12 + 7 = Thu 19 Nov; move-on 12 Dec (Sat) -> Mon 14 Dec.
    ("a-new-round-supersedes-advanced", profile(US), [
        rnd("r1", "2026-11-02T10:00", "10:30", "phone", date("2026-11-06"), outcome="advanced",
            outcome_date="2026-11-05", **THANKED),
        rnd("r2", "2026-11-12T10:00", "11:00", "video", FEW, done={"thank-you-email": "2026-11-12"}),
    ], {("r2", "status-follow-up"): "2026-11-19T09:00-06:00", ("r2", "move-on"): "2026-12-14T09:00-06:00"},
     [("r2", "status-follow-up", "status-follow-up", "Priya Raghunathan"),
      ("r2", "feedback-request", "move-on", "Priya Raghunathan")]),
    # 9. An offer after round 2 closes every round, including round 2's unsent email: nothing left.
    ("an-offer-closes-every-round", profile(US), [
        rnd("r1", "2026-11-02T10:00", "10:30", "phone", FEW, **THANKED),
        rnd("r2", "2026-11-12T10:00", "11:00", "in-person", NONE, outcome="offer", outcome_date="2026-11-13"),
    ], {}, []),
    # 10. Withdrawn: no further reminders either.
    ("withdrawn-stops-everything", profile(US), [
        rnd("r1", "2026-11-02T10:00", "10:30", "phone", FEW, outcome="withdrawn", outcome_date="2026-11-04"),
    ], {}, []),
    # 11. Rejected on Fri 27 Nov after the final round: the reply the next business day, Mon 30 Nov 09:00,
    #     to the recruiter; no silence-based feedback request.
    ("rejected-a-reply-the-next-business-day", profile(US), [
        rnd("r1", "2026-11-02T10:00", "10:30", "phone", FEW, **THANKED),
        rnd("r2", "2026-11-20T10:00", "12:00", "in-person", date("2026-12-04"),
            done={"thank-you-email": "2026-11-20", "thank-you-cards": "2026-11-21"},
            outcome="rejected", outcome_date="2026-11-27"),
    ], {("r2", "rejection-reply"): "2026-11-30T09:00-06:00"},
     [("r2", "feedback-request", "rejection-reply", "Priya Raghunathan")]),
    # 12. Rejected on Wed 25 Nov: Thu 26 is Thanksgiving, so the reply is due Fri 27 Nov.
    ("rejected-before-thanksgiving", profile(US), [
        rnd("r1", "2026-11-16T10:00", "10:30", "phone", FEW, done={"thank-you-email": "2026-11-16"},
            outcome="rejected", outcome_date="2026-11-25"),
    ], {("r1", "rejection-reply"): "2026-11-27T09:00-06:00"},
     [("r1", "feedback-request", "rejection-reply", "Priya Raghunathan")]),
    # 13. Rejected in Bavaria on Thu 24 Dec: Fri 25 and Sat 26 are holidays, Sun 27 a Sunday: Mon 28 Dec.
    ("rejected-in-bavaria-before-christmas", profile(BY), [
        rnd("r1", "2026-12-14T10:00", "11:00", "video", FEW, done={"thank-you-email": "2026-12-14"},
            outcome="rejected", outcome_date="2026-12-24"),
    ], {("r1", "rejection-reply"): "2026-12-28T09:00+01:00"},
     [("r1", "feedback-request", "rejection-reply", "Priya Raghunathan")]),
    # 14. The rejection recorded on round 1's file after round 2 (Mon 30 Nov): it still ends the
    #     application; the reply belongs to round 1, due Tue 1 Dec.
    ("a-rejection-on-an-earlier-rounds-file", profile(US), [
        rnd("r1", "2026-11-02T10:00", "10:30", "phone", FEW, outcome="rejected", outcome_date="2026-11-30",
            **THANKED),
        rnd("r2", "2026-11-12T10:00", "11:00", "video", FEW, done={"thank-you-email": "2026-11-12"}),
    ], {("r1", "rejection-reply"): "2026-12-01T09:00-06:00"},
     [("r1", "feedback-request", "rejection-reply", "Priya Raghunathan")]),
    # 15. A video interview ending at 21:30: an hour later is 22:30, in the night, so the email is due at
    #     08:00 the next morning (Wed 11 Nov, 10.5 h after the end; Veterans Day does not move it).
    #     Follow-up 10 + 14 = Tue 24 Nov; move-on 10 Dec (Thu).
    ("late-interview-email-first-thing-in-the-morning", profile(US), [
        rnd("r1", "2026-11-10T20:00", "21:30", "video", NONE),
    ], {("r1", "thank-you-email"): "2026-11-11T08:00-06:00", ("r1", "status-follow-up"): "2026-11-24T09:00-06:00",
        ("r1", "move-on"): "2026-12-10T09:00-06:00"},
     [("r1", "thank-you", "thank-you-email", "Priya Raghunathan"), ("r1", "thank-you", "thank-you-email", "Ana Dvořák"),
      ("r1", "status-follow-up", "status-follow-up", "Priya Raghunathan"),
      ("r1", "feedback-request", "move-on", "Priya Raghunathan")]),
    # 16. In Berlin, an interview ending at 23:00 on Thu 19 Nov: email Fri 20 Nov 08:00 CET (not 00:00).
    #     Few days: 19 + 7 = Thu 26 Nov (a working day in Germany); move-on 19 Dec (Sat) -> Mon 21 Dec.
    ("berlin-interview-ending-at-23", profile(BY), [
        rnd("r1", "2026-11-19T22:00", "23:00", "video", FEW),
    ], {("r1", "thank-you-email"): "2026-11-20T08:00+01:00", ("r1", "status-follow-up"): "2026-11-26T09:00+01:00",
        ("r1", "move-on"): "2026-12-21T09:00+01:00"},
     [("r1", "thank-you", "thank-you-email", "Priya Raghunathan"), ("r1", "thank-you", "thank-you-email", "Ana Dvořák"),
      ("r1", "status-follow-up", "status-follow-up", "Priya Raghunathan"),
      ("r1", "feedback-request", "move-on", "Priya Raghunathan")]),
    # 17. Ending at 20:30: an hour later, 21:30, is before the night; the email stays that evening.
    ("evening-interview-email-before-the-night", profile(US), [
        rnd("r1", "2026-11-10T19:00", "20:30", "video", NONE, done={"status-follow-up": "2026-11-24"}),
    ], {("r1", "thank-you-email"): "2026-11-10T21:30-06:00", ("r1", "move-on"): "2026-12-10T09:00-06:00"},
     [("r1", "thank-you", "thank-you-email", "Priya Raghunathan"), ("r1", "thank-you", "thank-you-email", "Ana Dvořák"),
      ("r1", "feedback-request", "move-on", "Priya Raghunathan")]),
    # 18. In person on Sat 14 Nov: no collection on Sun 15 Nov, the card is posted Mon 16 Nov.
    ("saturday-in-person-card-on-monday", profile(US), [
        rnd("r1", "2026-11-14T10:00", "11:00", "in-person", FEW,
            done={"status-follow-up": "2026-11-23", "move-on": "2026-12-14"}),
    ], {("r1", "thank-you-email"): "2026-11-14T18:00-06:00", ("r1", "thank-you-cards"): "2026-11-16T09:00-06:00"},
     [("r1", "card-on-its-way", "thank-you-email", "Priya Raghunathan"),
      ("r1", "card-on-its-way", "thank-you-email", "Ana Dvořák")]),
    # 19. In person on Wed 25 Nov: the next morning is Thanksgiving, no collection: Fri 27 Nov.
    ("card-skips-thanksgiving", profile(US), [
        rnd("r1", "2026-11-25T10:00", "12:00", "in-person", NONE,
            done={"status-follow-up": "2026-12-09", "move-on": "2026-12-28"}),
    ], {("r1", "thank-you-email"): "2026-11-25T18:00-06:00", ("r1", "thank-you-cards"): "2026-11-27T09:00-06:00"},
     [("r1", "card-on-its-way", "thank-you-email", "Priya Raghunathan"),
      ("r1", "card-on-its-way", "thank-you-email", "Ana Dvořák")]),
    # 20. In person in Bavaria on Tue 5 Jan 2027: Wed 6 Jan is Epiphany there: the card goes Thu 7 Jan.
    ("bavarian-card-skips-epiphany", profile(BY), [
        rnd("r1", "2027-01-05T10:00", "12:00", "in-person", NONE,
            done={"status-follow-up": "2027-01-19", "move-on": "2027-02-04"}),
    ], {("r1", "thank-you-email"): "2027-01-05T18:00+01:00", ("r1", "thank-you-cards"): "2027-01-07T09:00+01:00"},
     [("r1", "card-on-its-way", "thank-you-email", "Priya Raghunathan"),
      ("r1", "card-on-its-way", "thank-you-email", "Ana Dvořák")]),
    # 21. The same in Berlin, where 6 Jan is a working day: the card goes Wed 6 Jan.
    ("berlin-card-on-epiphany", profile(BE), [
        rnd("r1", "2027-01-05T10:00", "12:00", "in-person", NONE,
            done={"status-follow-up": "2027-01-19", "move-on": "2027-02-04"}),
    ], {("r1", "thank-you-email"): "2027-01-05T18:00+01:00", ("r1", "thank-you-cards"): "2027-01-06T09:00+01:00"},
     [("r1", "card-on-its-way", "thank-you-email", "Priya Raghunathan"),
      ("r1", "card-on-its-way", "thank-you-email", "Ana Dvořák")]),
    # 22. Friday in-person final (20 Nov, 14:00–16:00), decision on Monday 23 Nov. The card goes Sat 21 Nov
    #     and arrives two business days later, Tue 24 Nov: too late. The same-day email is the full note
    #     (kind thank-you) and the card is optional. Follow-up: 23 Nov + 1 = 24 Nov, but a week after the
    #     round is Fri 27 Nov; move-on 20 Dec (Sun) -> Mon 21 Dec.
    ("friday-final-decided-monday-us", profile(US), [
        rnd("r1", "2026-11-20T14:00", "16:00", "in-person", date("2026-11-23"), stage="final"),
    ], {("r1", "thank-you-email"): "2026-11-20T18:00-06:00", ("r1", "thank-you-cards"): "2026-11-21T09:00-06:00",
        ("r1", "status-follow-up"): "2026-11-27T09:00-06:00", ("r1", "move-on"): "2026-12-21T09:00-06:00"},
     [("r1", "thank-you", "thank-you-email", "Priya Raghunathan"), ("r1", "thank-you", "thank-you-email", "Ana Dvořák"),
      ("r1", "status-follow-up", "status-follow-up", "Priya Raghunathan"),
      ("r1", "feedback-request", "move-on", "Priya Raghunathan")]),
    # 23. The same in Bavaria (Fri 20 Nov 10:00–12:00, decision Mon 23 Nov): card Sat 21 Nov, arrives Tue
    #     24 Nov, too late. Follow-up Fri 27 Nov; move-on Mon 21 Dec.
    ("friday-final-decided-monday-bavaria", profile(BY), [
        rnd("r1", "2026-11-20T10:00", "12:00", "in-person", date("2026-11-23"), stage="final"),
    ], {("r1", "thank-you-email"): "2026-11-20T18:00+01:00", ("r1", "thank-you-cards"): "2026-11-21T09:00+01:00",
        ("r1", "status-follow-up"): "2026-11-27T09:00+01:00", ("r1", "move-on"): "2026-12-21T09:00+01:00"},
     [("r1", "thank-you", "thank-you-email", "Priya Raghunathan"), ("r1", "thank-you", "thank-you-email", "Ana Dvořák"),
      ("r1", "status-follow-up", "status-follow-up", "Priya Raghunathan"),
      ("r1", "feedback-request", "move-on", "Priya Raghunathan")]),
    # 24. Tue 17 Nov, decision Fri 20 Nov: the card goes Wed 18 Nov and arrives Fri 20 Nov (Thu 19 is the
    #     first business day, Fri 20 the second), on the decision day, not after: a card, and the email
    #     says it is on its way. Follow-up: 20 + 1 = Mon 23 Nov (17 + 7 = 24 Nov is later): Tue 24 Nov.
    ("a-card-arriving-on-the-decision-day-is-in-time", profile(US), [
        rnd("r1", "2026-11-17T10:00", "12:00", "in-person", date("2026-11-20"), done={"move-on": "2026-12-17"}),
    ], {("r1", "thank-you-email"): "2026-11-17T18:00-06:00", ("r1", "thank-you-cards"): "2026-11-18T09:00-06:00",
        ("r1", "status-follow-up"): "2026-11-24T09:00-06:00"},
     [("r1", "card-on-its-way", "thank-you-email", "Priya Raghunathan"),
      ("r1", "card-on-its-way", "thank-you-email", "Ana Dvořák"),
      ("r1", "status-follow-up", "status-follow-up", "Priya Raghunathan")]),
    # 25. "Within two working days" after Thu 19 Nov in Bavaria is Mon 23 Nov; the card goes Fri 20 Nov
    #     and arrives Tue 24 Nov: too late, the email is the note. Follow-up 24 Nov -> a week after the
    #     round, Thu 26 Nov (no holiday in Germany); move-on 19 Dec (Sat) -> Mon 21 Dec.
    ("within-two-working-days-card-too-late", profile(BY), [
        rnd("r1", "2026-11-19T09:30", "13:00", "in-person", within(2, True)),
    ], {("r1", "thank-you-email"): "2026-11-19T18:00+01:00", ("r1", "thank-you-cards"): "2026-11-20T09:00+01:00",
        ("r1", "status-follow-up"): "2026-11-26T09:00+01:00", ("r1", "move-on"): "2026-12-21T09:00+01:00"},
     [("r1", "thank-you", "thank-you-email", "Priya Raghunathan"), ("r1", "thank-you", "thank-you-email", "Ana Dvořák"),
      ("r1", "status-follow-up", "status-follow-up", "Priya Raghunathan"),
      ("r1", "feedback-request", "move-on", "Priya Raghunathan")]),
    # 26. Post collected Monday to Friday only (a setting): Fri 20 Nov in person, the card goes Mon 23 Nov.
    ("weekday-mail-days-setting", profile(US, mail_days=["mon", "tue", "wed", "thu", "fri"]), [
        rnd("r1", "2026-11-20T10:00", "12:00", "in-person", FEW,
            done={"status-follow-up": "2026-11-27", "move-on": "2026-12-21"}),
    ], {("r1", "thank-you-email"): "2026-11-20T18:00-06:00", ("r1", "thank-you-cards"): "2026-11-23T09:00-06:00"},
     [("r1", "card-on-its-way", "thank-you-email", "Priya Raghunathan"),
      ("r1", "card-on-its-way", "thank-you-email", "Ana Dvořák")]),
    # 27. The phone screen's recruiter runs the process: the final round's panel is engineers only, yet
    #     the follow-up (Thu 12 Nov + 14 = Thu 26 Nov, Thanksgiving -> Fri 27 Nov) goes to the recruiter.
    ("the-recruiter-of-an-earlier-round-gets-the-follow-up", profile(US), [
        rnd("r1", "2026-11-02T10:00", "10:30", "phone", FEW, **THANKED),
        rnd("r2", "2026-11-12T10:00", "11:00", "video", NONE, interviewers=ENGINEERS,
            done={"thank-you-email": "2026-11-12", "move-on": "2026-12-14"}),
    ], {("r2", "status-follow-up"): "2026-11-27T09:00-06:00"},
     [("r2", "status-follow-up", "status-follow-up", "Priya Raghunathan")]),
    # 28. Nobody recruits and nobody is marked: the follow-up is planned, but its draft has nobody to go
    #     to (never the first-listed by accident).
    ("no-contact-no-recipient", profile(US), [
        rnd("r1", "2026-11-12T10:00", "11:00", "video", NONE, interviewers=ENGINEERS,
            done={"thank-you-email": "2026-11-12", "move-on": "2026-12-14"}),
    ], {("r1", "status-follow-up"): "2026-11-27T09:00-06:00"},
     [("r1", "status-follow-up", "status-follow-up", "")]),
]


def _open_steps(prof: Profile, rounds: list[Interview]) -> dict[tuple[str, str], str]:
    return {(e.interview_id, e.kind): e.due.isoformat(timespec="minutes") for e in plan(prof, rounds)}


def _drafts(prof: Profile, rounds: list[Interview]) -> list[tuple[str, ...]]:
    return [(d.interview_id, d.kind, d.step, d.name or "")
            for interview in rounds for d in email_drafts(prof, interview, rounds=rounds)]


@pytest.mark.parametrize(("prof", "rounds", "steps", "drafts"), [s[1:] for s in SCENARIOS],
                         ids=[s[0] for s in SCENARIOS])
def test_process(prof: Profile, rounds: list[Interview], steps: dict[tuple[str, str], str],
                 drafts: list[tuple[str, ...]]) -> None:
    """Each application gets exactly the open steps and the drafts worked out by hand (R7, R8, R13–R21, R24)."""
    assert _open_steps(prof, rounds) == steps
    assert _drafts(prof, rounds) == drafts


def test_there_are_at_least_20_scenarios() -> None:
    """The table covers rounds, outcomes, late hours, mail days in two countries and late cards."""
    assert len(SCENARIOS) >= 20
    assert {s[1].country for s in SCENARIOS} == {"US", "DE"}


def test_the_holidays_the_table_relies_on() -> None:
    """The public holidays named in the table's comments are the `holidays` package's (R13, R21)."""
    us = holidays.country_holidays("US", subdiv="IL", years=[2026])
    bavaria = holidays.country_holidays("DE", subdiv="BY", years=[2026, 2027])
    berlin = holidays.country_holidays("DE", subdiv="BE", years=[2027])
    assert dt.date(2026, 11, 26) in us and "Thanksgiving" in us[dt.date(2026, 11, 26)]
    assert dt.date(2026, 11, 3) in us and dt.date(2026, 11, 11) in us
    assert dt.date(2026, 12, 25) in us and dt.date(2026, 12, 24) not in us
    assert {dt.date(2026, 12, 25), dt.date(2026, 12, 26), dt.date(2027, 1, 6)} <= set(bavaria)
    assert dt.date(2027, 1, 6) not in berlin
    assert dt.date(2026, 11, 26) not in bavaria


@pytest.mark.parametrize(("prof", "rounds"), [s[1:3] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
def test_nothing_is_due_at_night(prof: Profile, rounds: list[Interview]) -> None:
    """No step of any scenario falls between 22:00 and 07:00 local time (R20)."""
    for event in plan(prof, rounds, include_done=True):
        assert dt.time(7) <= event.due.time() < dt.time(22), (event.interview_id, event.kind, event.due)


@pytest.mark.parametrize(("prof", "rounds"), [s[1:3] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
def test_one_open_follow_up_per_application(prof: Profile, rounds: list[Interview]) -> None:
    """Each application has at most one open status follow-up and one open move-on, on its latest round (R17, R19)."""
    events = plan(prof, rounds)
    for application in applications(rounds):
        mine = [e for e in events if e.interview_id in application.ids]
        for kind in ("status-follow-up", "move-on"):
            found = [e for e in mine if e.kind == kind]
            assert len(found) <= 1
            assert all(e.interview_id == application.latest.id for e in found)


# -- applications ----------------------------------------------------------------------------

def test_company_names_match_without_case_punctuation_or_legal_form() -> None:
    """'Acme Analytics', 'ACME Analytics, Inc.' and 'acme-analytics GmbH' are one company (R19)."""
    keys = {application_key(rnd("x", "2026-11-02T10:00", "11:00", company=name))
            for name in ("Acme Analytics", "ACME Analytics, Inc.", "acme-analytics GmbH", "Acme  Analytics LLC")}
    assert len(keys) == 1
    assert application_key(rnd("y", "2026-11-02T10:00", "11:00", company="Acme Robotics")) not in keys


def test_an_outcome_counts_unless_a_later_round_followed_it() -> None:
    """'Advanced' recorded the day of the next round is superseded by it; a rejection recorded on an earlier
    round's file after the latest round ends the application."""
    r1 = rnd("r1", "2026-11-02T10:00", "10:30", "phone", FEW, outcome="advanced", outcome_date="2026-11-12")
    r2 = rnd("r2", "2026-11-12T14:00", "15:00", "video", FEW)
    (application,) = applications([r1, r2])
    assert application.outcome is None and not application.closed
    r1 = rnd("r1", "2026-11-02T10:00", "10:30", "phone", FEW, outcome="rejected", outcome_date="2026-11-20")
    (application,) = applications([r1, r2])
    assert (application.outcome, application.decided.id, application.closed) == ("rejected", "r1", True)


def test_replaced_steps_say_by_which_round() -> None:
    """With include_done, an earlier round's follow-up and move-on are 'replaced', naming the later round."""
    rounds = SCENARIOS[0][2]
    events = {(e.interview_id, e.kind): e for e in plan(profile(US), rounds, include_done=True)}
    assert events[("r1", "status-follow-up")].status == "replaced"
    assert events[("r1", "status-follow-up")].replaced_by == "r2"
    assert events[("r2", "move-on")].replaced_by == "r3"
    assert events[("r1", "thank-you-email")].status == "done"
    assert {e.application for e in events.values()} == {"acme-analytics--data-analyst"}
    assert (events[("r3", "move-on")].round, events[("r3", "move-on")].rounds) == (3, 3)


def test_plan_interview_with_the_other_rounds_plans_it_as_a_round() -> None:
    """Given the workspace's other interviews, one round is planned within its application."""
    r1, r2, r3 = SCENARIOS[0][2]
    alone = {e.kind for e in plan_interview(profile(US), r1)}
    as_round = {e.kind for e in plan_interview(profile(US), r1, rounds=[r1, r2, r3])}
    assert "status-follow-up" in alone and as_round == set()


# -- evening and night (R20) ----------------------------------------------------------------------

def test_a_same_day_email_is_on_time_until_the_end_of_the_evening() -> None:
    """Due at 18:00, the email is not overdue at 20:59 but is at 21:01; the evening is a setting."""
    interview = rnd("r1", "2026-11-10T10:00", "11:00")
    email = plan_interview(profile(US), interview)[0]
    assert email.kind == "thank-you-email" and email.deadline.isoformat() == "2026-11-10T21:00:00-06:00"
    at = lambda hh, mm: dt.datetime(2026, 11, 10, hh, mm, tzinfo=email.due.tzinfo)  # noqa: E731
    assert not is_overdue(email, at(20, 59)) and is_overdue(email, at(21, 1))
    assert [e.overdue for e in plan_interview(profile(US), interview, now=at(20, 59))][0] is False
    late = plan_interview(profile(US, evening_ends="20:00"), interview)[0]
    assert late.deadline.isoformat() == "2026-11-10T20:00:00-06:00"


def test_other_steps_are_overdue_only_after_their_evening() -> None:
    """A follow-up due at 09:00 is on time all that day, overdue the next morning."""
    follow = next(e for e in plan_interview(profile(US), rnd("r1", "2026-11-10T10:00", "11:00"))
                  if e.kind == "status-follow-up")
    day = follow.due.date()
    assert not is_overdue(follow, dt.datetime.combine(day, dt.time(20, 30), follow.due.tzinfo))
    assert is_overdue(follow, dt.datetime.combine(day + dt.timedelta(days=1), dt.time(8), follow.due.tzinfo))


def test_a_late_interview_says_first_thing_in_the_morning() -> None:
    """The email after a late interview is worded 'first thing in the morning', its draft dated 08:00."""
    prof = profile(US)
    interview = rnd("r1", "2026-11-10T22:00", "23:00")
    email = plan_interview(prof, interview)[0]
    wording = describe(email)
    assert email.next_morning and "first thing in the morning" in wording.title
    assert "first thing in the morning" in wording.description
    draft = email_drafts(prof, interview)[0]
    assert draft.due.isoformat() == "2026-11-11T08:00:00-06:00"


def test_the_night_is_a_setting() -> None:
    """A night from 23:00 keeps a 22:30 email that evening."""
    interview = rnd("r1", "2026-11-10T20:30", "21:30")
    assert plan_interview(profile(US), interview)[0].due.isoformat() == "2026-11-11T08:00:00-06:00"
    later = plan_interview(profile(US, night_starts="23:00"), interview)[0]
    assert later.due.isoformat() == "2026-11-10T22:30:00-06:00"


# -- late cards (R21) ----------------------------------------------------------------------------

FRIDAY_FINAL = SCENARIOS[21][2][0]


def test_a_card_too_late_is_optional_in_the_calendar() -> None:
    """The cards' calendar entry says the card is optional and why; the email's says it is the full note."""
    events = {e.kind: e for e in plan_interview(profile(US), FRIDAY_FINAL)}
    cards, email = describe(events["thank-you-cards"]), describe(events["thank-you-email"])
    assert events["thank-you-cards"].optional and "(optional)" in cards.title
    assert "Tue 24 Nov 2026, after their decision by Mon 23 Nov 2026" in cards.description
    assert "this email is the full thank-you note" in email.description


def test_the_full_thank_you_email_names_what_was_discussed() -> None:
    """When the card is too late, each email is the whole note to that person, not an announcement."""
    drafts = email_drafts(profile(US), FRIDAY_FINAL)
    thanks = [d for d in drafts if d.kind == "thank-you"]
    assert [d.name for d in thanks] == ["Priya Raghunathan", "Ana Dvořák"]
    assert "dbt models" in thanks[1].text and "card" not in thanks[1].text.lower()


def test_the_card_checklist_marks_a_late_card_optional() -> None:
    """The cards' checklist says OPTIONAL, with the arrival and the decision date; the mail-by day is the planner's."""
    from cardkit import pypdf_pages

    from followup_kit.cards import Card, render_cards
    from followup_kit.compose import compose_notes

    prof = profile(US)
    notes = compose_notes(prof, FRIDAY_FINAL)
    pdf = render_cards(notes, prof, [FRIDAY_FINAL], size="a2", sheet="letter", invariant=True)
    checklist = pypdf_pages(pdf)[0]
    assert "OPTIONAL: it would arrive around Tue 24 Nov, after their decision by Mon 23 Nov" in checklist
    saturday = rnd("s", "2026-11-14T10:00", "11:00", "in-person", FEW)
    assert Card(notes[0], saturday, prof, ()).mail_by == dt.date(2026, 11, 16)  # Sunday skipped


# -- who gets the follow-up, and check across rounds -----------------------------------------------

def _workspace(tmp_path: Path, rounds: list[Interview], zone: dict[str, Any] = US) -> Workspace:
    root = tmp_path / "ws"
    (root / "interviews").mkdir(parents=True)
    (root / "profile.json").write_bytes(dump_json({"format": "followup-kit/profile@1", "name": "Jordan Rivera",
                                                   "email": "jordan@example.org", **zone}))
    for interview in rounds:
        (root / "interviews" / f"{interview.id}.json").write_bytes(dump_json(interview.to_record()))
    return Workspace.open(root)


def test_check_warns_when_nobody_would_get_the_follow_up(tmp_path: Path) -> None:
    """No recruiter and nobody marked: `check` warns (no-contact) and says what to add; marking one silences it."""
    ws = _workspace(tmp_path, [rnd("2026-11-12-acme-video", "2026-11-12T10:00", "11:00", interviewers=ENGINEERS)])
    result = CliRunner().invoke(main, ["check", str(ws.root), "--json"])
    rows = [r for r in json.loads(result.stdout) if r["code"] == "no-contact"]
    assert len(rows) == 1 and '"contact": true' in rows[0]["message"]
    assert rows[0]["file"].endswith("2026-11-12-acme-video.json")
    emails = CliRunner().invoke(main, ["emails", str(ws.root)])
    assert emails.exit_code == 1 and '"contact": true' in emails.stderr
    marked = ws.load("2026-11-12-acme-video").with_interviewer(1, contact=True)
    ws.save(marked)
    again = CliRunner().invoke(main, ["check", str(ws.root), "--json"])
    assert "no-contact" not in {r["code"] for r in json.loads(again.stdout)}
    drafts = email_drafts(ws.profile(), ws.load("2026-11-12-acme-video"))
    assert [d.name for d in drafts if d.kind == "status-follow-up"] == ["Tomás Ruiz"]


def test_a_marked_contact_wins_over_the_recruiter() -> None:
    """The person the user marks is the contact even with a recruiter on the panel."""
    people = [{**PANEL[0]}, {**PANEL[1], "contact": True}]
    interview = rnd("r1", "2026-11-12T10:00", "11:00", interviewers=people)
    assert [d.name for d in email_drafts(profile(US), interview) if d.kind == "status-follow-up"] == ["Ana Dvořák"]


def test_a_note_to_someone_met_again_does_not_repeat_the_earlier_one(tmp_path: Path) -> None:
    """Ana, met in two rounds on the same topic, gets a second note without a sentence of the first (R19)."""
    from followup_kit.rounds import repeated

    r1 = rnd("2026-11-02-acme-video", "2026-11-02T10:00", "11:00")
    r2 = rnd("2026-11-12-acme-video", "2026-11-12T10:00", "11:00")
    session = Session(_workspace(tmp_path, [r1, r2]))
    first, second = (session.notes(session.interview(i.id)) for i in (r1, r2))
    for earlier, later in zip(first, second):
        assert repeated(later, earlier) == [], (later.interviewer.name, later.text)
    codes = {f.code for f in session.proofread(session.interview(r2.id))}
    assert "repeats-earlier-note" not in codes


def test_check_reports_an_own_note_that_repeats_the_earlier_round(tmp_path: Path) -> None:
    """A note of the candidate's own that says again what the earlier round's said is a warning naming it."""
    text = ("Dear Ana,\n\nThank you for the conversation about dbt models and the way your team tests them.\n\n"
            "Kind regards,\nJordan Rivera")
    people = [PANEL[0], {**PANEL[1], "note": text}]
    r1 = rnd("2026-11-02-acme-video", "2026-11-02T10:00", "11:00", interviewers=people)
    r2 = rnd("2026-11-12-acme-video", "2026-11-12T10:00", "11:00", interviewers=people)
    ws = _workspace(tmp_path, [r1, r2])
    result = CliRunner().invoke(main, ["check", str(ws.root), "--json"])
    rows = [r for r in json.loads(result.stdout) if r["code"] == "repeats-earlier-note"]
    assert [(r["interview"], r["interviewer"], r["field"]) for r in rows] == [
        ("2026-11-12-acme-video", "Ana Dvořák", "interviewers[1].note")]
    assert "Thank you for the conversation about dbt models" in rows[0]["message"]


# -- the tracker's helpers ------------------------------------------------------------------------

def test_overview_gives_each_application_its_rounds_and_one_next_step() -> None:
    """overview(): the three rounds as one application whose next step is the final round's email; a
    rejected one whose next step is the reply."""
    rejected = rnd("e1", "2026-11-16T10:00", "10:30", "phone", FEW, role="Data Engineer",
                   done={"thank-you-email": "2026-11-16"}, outcome="rejected", outcome_date="2026-11-25")
    rounds = [*SCENARIOS[0][2], rejected]
    now = dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=-6)))
    rows = overview(profile(US), rounds, now=now)
    assert [(len(r.application.rounds), r.state) for r in rows] == [(3, "open"), (1, "rejected")]
    acme, reply = rows
    assert (acme.next_step.interview_id, acme.next_step.kind, acme.overdue) == ("r3", "thank-you-email", True)
    assert (reply.next_step.kind, reply.next_step.due.date(), reply.overdue) == (
        "rejection-reply", dt.date(2026, 11, 27), True)
    assert len(acme.events) == 10  # 3 + 3 + 4 steps: two emails done, two follow-ups and move-ons replaced


def test_the_tracker_records_a_step_on_the_round_that_holds_it() -> None:
    """mark_step_done: a thank-you on its own round, the follow-up on the latest round, the reply on the
    rejected round; a step the application lacks is refused naming the file."""
    from followup_kit.errors import InvalidValueError
    from followup_kit.schedule import mark_step_done, record_application_outcome

    prof, (r1, r2, r3) = profile(US), SCENARIOS[0][2]
    rounds = [r1, r2, r3]
    on = dt.date(2026, 12, 8)
    assert mark_step_done(prof, r1, "status-follow-up", on, rounds=rounds).id == "r3"
    assert mark_step_done(prof, r2, "thank-you-email", on, rounds=rounds).id == "r2"
    with pytest.raises(InvalidValueError, match=r"interviews/r1\.json: has no thank-you cards step.*in-person"):
        mark_step_done(prof, r1, "thank-you-cards", on, rounds=[r1])
    with pytest.raises(InvalidValueError, match="no rejection is recorded"):
        mark_step_done(prof, r1, "rejection-reply", on, rounds=rounds)
    rejected = record_application_outcome(r1, "rejected", dt.date(2026, 11, 30), rounds=rounds)
    assert (rejected.id, rejected.outcome) == ("r3", "rejected")
    replied = mark_step_done(prof, r2, "rejection-reply", on, rounds=[r1, r2, rejected])
    assert (replied.id, replied.done["rejection-reply"]) == ("r3", on)


# -- the command line -----------------------------------------------------------------------------

THREE_ROUNDS = [
    rnd("2026-11-02-acme-analytics-phone-screen", "2026-11-02T10:00", "10:30", "phone", FEW, stage="phone-screen"),
    rnd("2026-11-12-acme-analytics-video", "2026-11-12T10:00", "11:00", "video", NONE),
    rnd("2026-11-24-acme-analytics-onsite", "2026-11-24T10:00", "12:00", "in-person", NONE, stage="final"),
]


def test_plan_json_lists_one_follow_up_and_one_move_on_after_the_latest_round(tmp_path: Path) -> None:
    """`plan --json` of a three-round application: one pending status follow-up and one move-on, both from
    the final round (Tue 24 Nov: 14 days is Tue 8 Dec; 30 days is Thu 24 Dec), all in one application."""
    ws = _workspace(tmp_path, THREE_ROUNDS)
    result = CliRunner().invoke(main, ["plan", str(ws.root), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    later = [(r["interview"], r["due"]) for r in rows if r["kind"] in ("status-follow-up", "move-on")]
    assert later == [("2026-11-24-acme-analytics-onsite", "2026-12-08T09:00:00-06:00"),
                     ("2026-11-24-acme-analytics-onsite", "2026-12-24T09:00:00-06:00")]
    assert {r["application"] for r in rows} == {"acme-analytics--data-analyst"}
    assert sorted({(r["interview"][:10], r["round"]) for r in rows}) == [
        ("2026-11-02", 1), ("2026-11-12", 2), ("2026-11-24", 3)]
    table = CliRunner().invoke(main, ["plan", str(ws.root), "--now", "2026-11-24T12:00-06:00"])
    assert "Acme Analytics · Data Analyst: 3 rounds (Mon 2 Nov, Thu 12 Nov, Tue 24 Nov)" in table.stdout
    assert "in 1 application(s)" in table.stderr


def test_plan_of_an_earlier_rounds_file_knows_the_later_rounds(tmp_path: Path) -> None:
    """Given round 1's file alone, `plan` still plans it as a round: its follow-up is replaced."""
    ws = _workspace(tmp_path, THREE_ROUNDS)
    path = ws.interview_path(THREE_ROUNDS[0].id)
    rows = json.loads(CliRunner().invoke(main, ["plan", str(path), "--json"]).stdout)
    assert [r["kind"] for r in rows] == ["thank-you-email"]


def test_emails_json_after_a_rejection_lists_one_feedback_request(tmp_path: Path) -> None:
    """`outcome rejected` then `emails --json`: one feedback-request, due within two business days of the
    outcome (Fri 27 Nov -> Mon 30 Nov), and no status follow-up or move-on request."""
    ws = _workspace(tmp_path, THREE_ROUNDS)
    runner = CliRunner()
    for round_ in THREE_ROUNDS:
        done = runner.invoke(main, ["done", round_.id, "thank-you-email", "--on", round_.start.date().isoformat(),
                                    "-w", str(ws.root)])
        assert done.exit_code == 0, done.output
    assert runner.invoke(main, ["done", str(ws.interview_path(THREE_ROUNDS[2].id)), "thank-you-cards",
                                "--on", "2026-11-25"]).exit_code == 0
    result = runner.invoke(main, ["outcome", str(ws.interview_path(THREE_ROUNDS[0].id)), "rejected",
                                  "--on", "2026-11-27"])
    assert result.exit_code == 0, result.output
    assert "2026-11-24-acme-analytics-onsite.json" in result.stderr  # recorded on the latest round
    assert "Next: Reply to the rejection: Acme Analytics (Data Analyst), due Mon 30 Nov 2026 09:00 CST." \
        in result.stderr
    emails = runner.invoke(main, ["emails", str(ws.root), "--json"])
    assert emails.exit_code == 0, emails.output
    rows = json.loads(emails.stdout)
    assert [(r["kind"], r["step"], r["name"]) for r in rows] == [
        ("feedback-request", "rejection-reply", "Priya Raghunathan")]
    due = dt.datetime.fromisoformat(rows[0]["date"]).date()
    assert dt.date(2026, 11, 27) < due <= dt.date(2026, 12, 1)  # within two business days (Mon 30 Nov, Tue 1 Dec)
    text = Path(rows[0]["file"]).read_bytes().decode("ascii")
    assert "feedback" in text and "future" in text


def test_emails_json_of_a_friday_final_decided_monday(tmp_path: Path) -> None:
    """A Friday in-person final decided on Monday: one `thank-you` email per interviewer, no `card-on-its-way`."""
    ws = _workspace(tmp_path, [FRIDAY_FINAL.with_id("2026-11-20-acme-analytics-final")])
    rows = json.loads(CliRunner().invoke(main, ["emails", str(ws.root), "--json"]).stdout)
    kinds = [(r["kind"], r["name"]) for r in rows if r["step"] == "thank-you-email"]
    assert kinds == [("thank-you", "Priya Raghunathan"), ("thank-you", "Ana Dvořák")]
    assert "card-on-its-way" not in {r["kind"] for r in rows}


def test_done_on_an_earlier_round_records_the_applications_step_on_the_latest(tmp_path: Path) -> None:
    """`done` of the status follow-up, given round 1, marks the application's one follow-up (round 3's)."""
    ws = _workspace(tmp_path, THREE_ROUNDS)
    result = CliRunner().invoke(main, ["done", str(ws.interview_path(THREE_ROUNDS[0].id)), "status-follow-up",
                                       "--on", "2026-12-08"])
    assert result.exit_code == 0, result.output
    assert ws.load(THREE_ROUNDS[2].id).done == {"status-follow-up": dt.date(2026, 12, 8)}
    assert ws.load(THREE_ROUNDS[0].id).done == {}


def test_done_and_outcome_refuse_what_does_not_exist(tmp_path: Path) -> None:
    """A reply to a rejection that was never recorded, or an unknown outcome, is bad input (exit 2)."""
    ws = _workspace(tmp_path, THREE_ROUNDS)
    runner = CliRunner()
    reply = runner.invoke(main, ["done", THREE_ROUNDS[0].id, "rejection-reply", "-w", str(ws.root)])
    assert reply.exit_code == 2 and "no rejection is recorded" in reply.stderr
    assert runner.invoke(main, ["outcome", THREE_ROUNDS[0].id, "hired", "-w", str(ws.root)]).exit_code == 2
    assert runner.invoke(main, ["outcome", str(ws.root), "offer"]).exit_code == 2


def test_outcome_none_opens_the_application_again(tmp_path: Path) -> None:
    """`outcome PATH none` removes the outcome, and the follow-up comes back."""
    ws = _workspace(tmp_path, THREE_ROUNDS)
    runner = CliRunner()
    assert runner.invoke(main, ["outcome", THREE_ROUNDS[2].id, "offer", "-w", str(ws.root)]).exit_code == 0
    assert ws.load(THREE_ROUNDS[2].id).outcome == "offer"
    assert runner.invoke(main, ["outcome", THREE_ROUNDS[2].id, "none", "-w", str(ws.root)]).exit_code == 0
    assert ws.load(THREE_ROUNDS[2].id).outcome is None


# -- the calendar ------------------------------------------------------------------------------------

def _vevents(data: bytes) -> dict[str, Any]:
    return {str(c["uid"]): c for c in icalendar.Calendar.from_ical(data).walk("VEVENT")}


def test_a_step_replaced_by_a_later_round_is_cancelled_on_re_export(tmp_path: Path) -> None:
    """Round 1's follow-up and move-on leave the plan when round 2 is added, and the re-exported .ics carries
    them as CANCELLED (same UID, higher SEQUENCE, no alarm); an outcome cancels the rest."""
    first, second = THREE_ROUNDS[0], THREE_ROUNDS[1]
    ws = _workspace(tmp_path, [first])
    stamp = dt.datetime(2026, 11, 3, 12, tzinfo=UTC)
    ics = tmp_path / "followup.ics"
    before = _vevents(Session(ws).write_calendar(ics, stamp=stamp).path.read_bytes())
    follow = f"{first.id}.status-follow-up@followup-kit"
    move = f"{first.id}.move-on@followup-kit"
    assert str(before[follow]["status"]) == "CONFIRMED"
    (ws.root / "interviews" / f"{second.id}.json").write_bytes(dump_json(second.to_record()))
    session = Session(ws)
    assert {(e.interview_id, e.kind) for e in session.plan()} >= {(second.id, "status-follow-up")}
    assert (first.id, "status-follow-up") not in {(e.interview_id, e.kind) for e in session.plan()}
    after = _vevents(session.write_calendar(ics, stamp=stamp).path.read_bytes())
    for uid in (follow, move):
        assert str(after[uid]["status"]) == "CANCELLED" and int(after[uid]["sequence"]) == 1
        assert after[uid].walk("VALARM") == []
    assert str(after[f"{second.id}.status-follow-up@followup-kit"]["status"]) == "CONFIRMED"
    ws.save(ws.load(second.id).model_copy(update={"outcome": "offer", "outcome_date": dt.date(2026, 11, 20)}))
    closed = _vevents(Session(ws).write_calendar(ics, stamp=stamp).path.read_bytes())
    assert all(str(c["status"]) == "CANCELLED" for uid, c in closed.items() if uid.startswith(second.id))


# -- the documents -------------------------------------------------------------------------------------

def test_the_etiquette_page_names_what_exists() -> None:
    """Every module path docs/etiquette.md cites exists, and R19–R21 and R24 no longer say 'not yet'."""
    import re

    text = (REPO / "docs" / "etiquette.md").read_text("utf-8")
    for path in set(re.findall(r"`((?:followup_kit|templates)/[\w/.-]+)`", text)):
        assert (REPO / path).exists(), path
    for tag in ("r19", "r20", "r21", "r24"):
        section = text.split(f'<a id="{tag}"></a>', 1)[1].split("<a id=", 1)[0]
        assert "not yet" not in section, tag


def test_the_new_findings_speak_plain_words(tmp_path: Path) -> None:
    """The new proofreading findings name no rule tag (house rule 8)."""
    import re

    ws = _workspace(tmp_path, [rnd("2026-11-12-acme-video", "2026-11-12T10:00", "11:00", interviewers=ENGINEERS)])
    rows = json.loads(CliRunner().invoke(main, ["check", str(ws.root), "--json"]).stdout)
    assert rows and not any(re.search(r"\bR\d{1,2}\b", r["message"]) for r in rows)


def test_check_proofreads_the_follow_up_of_the_latest_round_only(tmp_path: Path) -> None:
    """R19: the status follow-up and the feedback request belong to the application's latest round,
    which is the only round `emails` drafts them for; `check` proofreads them there and nowhere else."""
    from followup_kit.session import Session

    ws = _workspace(tmp_path, THREE_ROUNDS)
    session = Session.open(ws.root)
    kinds = {interview.id: sorted({email.kind for email in session.emails(interview)})
             for interview in session.interviews}
    first, second, final = (r.id for r in THREE_ROUNDS)
    assert "status-follow-up" not in kinds[first] and "feedback-request" not in kinds[first]
    assert "status-follow-up" not in kinds[second] and "feedback-request" not in kinds[second]
    assert {"status-follow-up", "feedback-request"} <= set(kinds[final])
