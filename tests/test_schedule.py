"""The follow-up planner: domain rules R7, R8, R13–R18 turned into dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from followup_kit.calendar import describe
from followup_kit.errors import FollowupKitError
from followup_kit.model import FollowupSettings, Interview, Profile
from followup_kit.schedule import (
    BusinessDays,
    MailDays,
    mark_done,
    mark_undone,
    plan,
    plan_interview,
    record_outcome,
)
from followup_kit.workspace import Workspace

UTC = dt.timezone.utc
KINDS = {"email": "thank-you-email", "cards": "thank-you-cards", "follow": "status-follow-up", "move": "move-on"}


def make_profile(timezone: str = "America/Chicago", country: str = "US", subdivision: str | None = "IL",
                 **followup: Any) -> Profile:
    data: dict[str, Any] = {"format": "followup-kit/profile@1", "name": "Jordan Rivera",
                            "timezone": timezone, "country": country}
    if subdivision:
        data["subdivision"] = subdivision
    if followup:
        data["followup"] = followup
    return Profile.from_record(data)


def make_interview(start: str, end: str, timeline: dict[str, Any], *, medium: str = "video",
                   timezone: str | None = None, id: str = "interview", **extra: Any) -> Interview:
    data: dict[str, Any] = {
        "format": "followup-kit/interview@1", "company": "Acme Analytics", "role": "Data Analyst",
        "stage": "first-round", "medium": medium, "start": start, "end": end, "timeline": timeline,
        "interviewers": [{"name": "Ana Dvořák", "topics": ["dbt"]}, {"name": "Marcus O'Neill"}],
        **extra,
    }
    if timezone:
        data["timezone"] = timezone
    return Interview.from_record(data, id=id)


NONE = {"kind": "none"}
FEW = {"kind": "few-days", "said": "You'll hear from us in a few days."}
US: dict[str, Any] = {}
BY = {"timezone": "Europe/Berlin", "country": "DE", "subdivision": "BY"}
BE = {"timezone": "Europe/Berlin", "country": "DE", "subdivision": "BE"}


def date(day: str, said: str | None = None) -> dict[str, Any]:
    return {"kind": "date", "date": day, **({"said": said} if said else {})}


def within(days: int, business: bool) -> dict[str, Any]:
    return {"kind": "within", "days": days, "business": business}


# (id, profile, interview: (start, end, timeline, options), expected due of each kind; None = not planned)
SCENARIOS = [
    ("date-kind-in-person", US, ("2026-11-20T10:00", "2026-11-20T13:30", date("2026-12-04"), {"medium": "in-person"}),
     dict(email="2026-11-20T18:00-06:00", cards="2026-11-21T09:00-06:00",
          follow="2026-12-07T09:00-06:00", move="2026-12-21T09:00-06:00")),
    ("few-days-phone-has-no-cards", US, ("2026-11-23T15:00", "2026-11-23T15:30", FEW, {"medium": "phone"}),
     dict(email="2026-11-23T18:00-06:00", cards=None,
          follow="2026-11-30T09:00-06:00", move="2026-12-23T09:00-06:00")),
    ("no-timeline-14-days", US, ("2026-11-24T09:00", "2026-11-24T10:00", NONE, {}),
     dict(email="2026-11-24T18:00-06:00", cards=None,
          follow="2026-12-08T09:00-06:00", move="2026-12-24T09:00-06:00")),
    ("within-calendar-days", US, ("2026-11-02T10:00", "2026-11-02T11:00", within(14, False), {}),
     dict(email="2026-11-02T18:00-06:00", follow="2026-11-17T09:00-06:00", move="2026-12-02T09:00-06:00")),
    ("within-business-days-skip-election-and-veterans-day", US,
     ("2026-11-02T10:00", "2026-11-02T11:00", within(10, True), {}),
     dict(follow="2026-11-19T09:00-06:00", move="2026-12-02T09:00-06:00")),
    ("within-business-days-across-thanksgiving", US, ("2026-11-23T10:00", "2026-11-23T11:00", within(5, True), {}),
     dict(follow="2026-12-02T09:00-06:00", move="2026-12-23T09:00-06:00")),
    ("within-calendar-days-ending-on-saturday", US, ("2026-11-09T10:00", "2026-11-09T11:00", within(5, False), {}),
     dict(follow="2026-11-16T09:00-06:00", move="2026-12-09T09:00-06:00")),
    ("few-days-lands-on-thanksgiving", US, ("2026-11-19T10:00", "2026-11-19T11:00", FEW, {}),
     dict(follow="2026-11-27T09:00-06:00", move="2026-12-21T09:00-06:00")),
    ("no-timeline-lands-on-christmas-then-weekend", US, ("2026-12-11T10:00", "2026-12-11T11:00", NONE, {}),
     dict(follow="2026-12-28T09:00-06:00", move="2027-01-11T09:00-06:00")),
    ("decision-on-christmas-eve", US, ("2026-12-14T10:00", "2026-12-14T11:00", date("2026-12-24"), {}),
     dict(follow="2026-12-28T09:00-06:00", move="2027-01-13T09:00-06:00")),
    ("decision-on-a-saturday", US, ("2026-11-23T10:00", "2026-11-23T11:00", date("2026-12-05"), {}),
     dict(follow="2026-12-07T09:00-06:00", move="2026-12-23T09:00-06:00")),
    ("r16-stated-date-two-days-after", US, ("2026-11-09T10:00", "2026-11-09T11:00", date("2026-11-11"), {}),
     dict(follow="2026-11-16T09:00-06:00", move="2026-12-09T09:00-06:00")),
    ("r16-week-after-lands-on-thanksgiving", US, ("2026-11-19T10:00", "2026-11-19T11:00", date("2026-11-20"), {}),
     dict(follow="2026-11-27T09:00-06:00", move="2026-12-21T09:00-06:00")),
    ("r16-stated-date-before-the-interview", US, ("2026-11-09T10:00", "2026-11-09T11:00", date("2026-11-01"), {}),
     dict(follow="2026-11-16T09:00-06:00", move="2026-12-09T09:00-06:00")),
    # R21: no collection on Sunday 15 Nov, so the card is posted on Monday; the email is not moved.
    ("saturday-interview-email-not-moved-card-on-monday", US,
     ("2026-11-14T10:00", "2026-11-14T11:00", FEW, {"medium": "in-person"}),
     dict(email="2026-11-14T18:00-06:00", cards="2026-11-16T09:00-06:00",
          follow="2026-11-23T09:00-06:00", move="2026-12-14T09:00-06:00")),
    # The 24 elapsed hours end on Sunday 1 Nov 07:30 CST; no collection on a Sunday (R21): Monday.
    ("day-before-dst-ends-24h-elapsed", US, ("2026-10-31T07:30", "2026-10-31T08:30", NONE, {"medium": "in-person"}),
     dict(email="2026-10-31T18:00-05:00", cards="2026-11-02T09:00-06:00",
          follow="2026-11-16T09:00-06:00", move="2026-11-30T09:00-06:00")),
    # Sunday 8 Mar (DST starts): no collection (R21), so Monday 9 Mar, in CDT.
    ("day-before-dst-starts-24h-elapsed", US, ("2026-03-07T07:30", "2026-03-07T08:30", FEW, {"medium": "in-person"}),
     dict(email="2026-03-07T18:00-06:00", cards="2026-03-09T09:00-05:00",
          follow="2026-03-16T09:00-05:00", move="2026-04-06T09:00-05:00")),
    ("evening-interview-email-after-getting-home", US, ("2026-11-10T17:30", "2026-11-10T19:00", NONE, {}),
     dict(email="2026-11-10T20:00-06:00")),
    # R20: 00:30 would be in the night; the email is due at 08:00 the next morning, within 24 h.
    ("late-night-interview-email-next-morning", US, ("2026-11-10T22:30", "2026-11-10T23:30", NONE, {}),
     dict(email="2026-11-11T08:00-06:00")),
    ("another-zone-london", US,
     ("2026-11-23T16:00", "2026-11-23T17:00", FEW, {"timezone": "Europe/London"}),
     dict(email="2026-11-23T18:00-06:00", follow="2026-11-30T09:00-06:00", move="2026-12-23T09:00-06:00")),
    ("another-zone-tokyo-is-the-day-before-in-chicago", US,
     ("2026-11-24T09:00", "2026-11-24T10:00", NONE, {"timezone": "Asia/Tokyo"}),
     dict(email="2026-11-23T20:00-06:00", follow="2026-12-07T09:00-06:00", move="2026-12-23T09:00-06:00")),
    ("bavaria-epiphany", BY, ("2026-12-30T10:00", "2026-12-30T11:00", FEW, {}),
     dict(email="2026-12-30T18:00+01:00", follow="2027-01-07T09:00+01:00", move="2027-01-29T09:00+01:00")),
    ("berlin-has-no-epiphany", BE, ("2026-12-30T10:00", "2026-12-30T11:00", FEW, {}),
     dict(follow="2027-01-06T09:00+01:00", move="2027-01-29T09:00+01:00")),
    ("bavaria-in-person-cards-next-morning", BY,
     ("2026-11-19T09:30", "2026-11-19T13:00", date("2026-11-27"), {"medium": "in-person"}),
     dict(email="2026-11-19T18:00+01:00", cards="2026-11-20T09:00+01:00",
          follow="2026-11-30T09:00+01:00", move="2026-12-21T09:00+01:00")),
    ("r18-move-on-a-week-after-a-late-follow-up", US,
     ("2026-11-20T10:00", "2026-11-20T11:00", date("2026-12-18"), {}),
     dict(follow="2026-12-21T09:00-06:00", move="2026-12-28T09:00-06:00")),
    ("r18-move-on-lands-on-christmas", US, ("2026-11-25T10:00", "2026-11-25T11:00", NONE, {}),
     dict(follow="2026-12-09T09:00-06:00", move="2026-12-28T09:00-06:00")),
    ("r18-move-on-lands-on-new-year", US, ("2026-12-02T10:00", "2026-12-02T11:00", FEW, {}),
     dict(follow="2026-12-09T09:00-06:00", move="2027-01-04T09:00-06:00")),
    ("profile-overrides-the-defaults", {"reminder_time": "08:00", "no_timeline_wait_days": 10, "email_by": "17:00"},
     ("2026-11-24T09:00", "2026-11-24T10:00", NONE, {}),
     dict(email="2026-11-24T17:00-06:00", follow="2026-12-04T08:00-06:00", move="2026-12-24T08:00-06:00")),
    ("profile-overrides-business-days-after-date", {"business_days_after_date": 2},
     ("2026-11-20T10:00", "2026-11-20T11:00", date("2026-12-04"), {}),
     dict(follow="2026-12-08T09:00-06:00", move="2026-12-21T09:00-06:00")),
]


def _split(profile_options: dict[str, Any]) -> Profile:
    zone_keys = {"timezone", "country", "subdivision"}
    return make_profile(**{k: v for k, v in profile_options.items() if k in zone_keys},
                        **{k: v for k, v in profile_options.items() if k not in zone_keys})


def _planned(profile_options: dict[str, Any], spec: tuple[Any, ...]) -> tuple[Profile, Interview, dict[str, Any]]:
    start, end, timeline, options = spec
    profile = _split(profile_options)
    interview = make_interview(start, end, timeline, **options)
    events = {e.kind: e for e in plan_interview(profile, interview)}
    return profile, interview, events


@pytest.mark.parametrize("profile_options, spec, expected", [s[1:] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
def test_due_dates(profile_options: dict[str, Any], spec: tuple[Any, ...], expected: dict[str, str | None]) -> None:
    """Each step falls due exactly when the rules say (R7, R8, R13–R18)."""
    _, _, events = _planned(profile_options, spec)
    for short, due in expected.items():
        event = events.get(KINDS[short])
        got = None if event is None else event.due.isoformat(timespec="minutes")
        assert got == due, f"{KINDS[short]}: expected {due}, got {got}"


def test_there_are_at_least_25_scenarios() -> None:
    """The table covers at least 25 scenarios, as the planner's contract asks."""
    assert len(SCENARIOS) >= 25


@pytest.mark.parametrize("profile_options, spec", [s[1:3] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
def test_thank_yous_fall_within_24_elapsed_hours(profile_options: dict[str, Any], spec: tuple[Any, ...]) -> None:
    """The thank-you email and cards are due after the end and at most 24 h of elapsed time later (R7);
    a card only later when no post is collected in between (R21)."""
    profile, interview, events = _planned(profile_options, spec)
    end = interview.ended_at(profile).astimezone(UTC)
    for kind in ("thank-you-email", "thank-you-cards"):
        if kind in events:
            elapsed = events[kind].due.astimezone(UTC) - end
            assert dt.timedelta(0) < elapsed, (kind, elapsed)
            if elapsed > dt.timedelta(hours=24):
                mail = MailDays.of(profile, FollowupSettings())
                due = events[kind].due.date()
                assert kind == "thank-you-cards" and mail.is_mail_day(due)
                skipped = [end.astimezone(profile.zone).date() + dt.timedelta(days=n) for n in range(1, 3)]
                assert not any(mail.is_mail_day(d) for d in skipped if d < due), (kind, elapsed)


@pytest.mark.parametrize("profile_options, spec", [s[1:3] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
def test_decision_dates_keep_their_distances(profile_options: dict[str, Any], spec: tuple[Any, ...]) -> None:
    """Follow-up and move-on fall on business days, the follow-up a week or more after the interview (R16),
    the move-on a week or more after the follow-up (R18)."""
    profile, interview, events = _planned(profile_options, spec)
    days = BusinessDays.of(profile)
    day = interview.ended_at(profile).astimezone(profile.zone).date()
    follow, move = events["status-follow-up"].due.date(), events["move-on"].due.date()
    assert days.is_business_day(follow) and days.is_business_day(move)
    assert follow - day >= dt.timedelta(days=7)
    assert move - follow >= dt.timedelta(days=7)
    assert move - day >= dt.timedelta(days=30)


@pytest.mark.parametrize("profile_options, spec", [s[1:3] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
def test_every_due_time_is_in_the_profile_zone(profile_options: dict[str, Any], spec: tuple[Any, ...]) -> None:
    """All times are aware and in the profile's zone, as the calendar shows them (FORMAT.md)."""
    profile, _, events = _planned(profile_options, spec)
    assert {str(e.due.tzinfo) for e in events.values()} == {profile.timezone}


def test_cards_only_after_in_person_interviews() -> None:
    """Handwritten cards are planned after in-person interviews only, never after phone or video (R8)."""
    profile = make_profile()
    kinds = {medium: {e.kind for e in plan_interview(profile, make_interview(
        "2026-11-20T10:00", "2026-11-20T11:00", NONE, medium=medium))} for medium in ("phone", "video", "in-person")}
    assert "thank-you-cards" in kinds["in-person"]
    assert "thank-you-cards" not in kinds["phone"] | kinds["video"]
    assert all("thank-you-email" in k and "status-follow-up" in k and "move-on" in k for k in kinds.values())


def test_exactly_one_status_follow_up() -> None:
    """Each interview gets one status follow-up, never more (R17)."""
    profile = make_profile()
    events = plan_interview(profile, make_interview("2026-11-20T10:00", "2026-11-20T11:00", FEW, medium="in-person"))
    assert [e.kind for e in events].count("status-follow-up") == 1


def test_in_person_email_says_a_card_is_coming() -> None:
    """After an in-person interview the same-day email says a handwritten card is on its way (R8)."""
    profile = make_profile()
    email = plan_interview(profile, make_interview(
        "2026-11-20T10:00", "2026-11-20T11:00", NONE, medium="in-person"))[0]
    assert email.kind == "thank-you-email" and "card is on its way" in describe(email).description


def test_events_carry_people_and_the_employers_words() -> None:
    """Every event names its people and carries what the employer said, in its description too."""
    profile = make_profile()
    said = "We expect to make a decision by Friday, December 4."
    events = plan_interview(profile, make_interview(
        "2026-11-20T10:00", "2026-11-20T11:00", date("2026-12-04", said), medium="in-person"))
    assert len(events) == 4
    for event in events:
        assert event.people == ("Ana Dvořák", "Marcus O'Neill")
        assert event.said == said
        assert said in describe(event).description


def test_follow_up_description_states_the_timeline() -> None:
    """The follow-up's description gives the decision date the employer's span implies (R17)."""
    profile = make_profile()
    events = plan_interview(profile, make_interview("2026-11-23T10:00", "2026-11-23T11:00", within(5, True)))
    follow = next(e for e in events if e.kind == "status-follow-up")
    assert "within 5 business days, that is by Tue 1 Dec 2026" in describe(follow).description
    assert "never by text message" in describe(follow).description


def test_title_is_one_line_even_with_a_line_break_in_the_record() -> None:
    """The title (the calendar SUMMARY) never has a line break: some clients skip such events."""
    profile = make_profile()
    interview = make_interview("2026-11-20T10:00", "2026-11-20T11:00", NONE, medium="in-person")
    interview = interview.model_copy(update={"company": "Acme\nAnalytics"})
    titles = [describe(e).title for e in plan_interview(profile, interview)]
    assert titles[1] == "Thank-you cards: Acme Analytics (Ana Dvořák, Marcus O'Neill)"
    assert not any("\n" in t or "\r" in t for t in titles)


def test_titles_show_three_names_and_count_the_rest() -> None:
    """A panel of five reads well in a month view: three names and '+2'."""
    profile = make_profile()
    people = [{"name": n} for n in ("A Ab", "B Bc", "C Cd", "D De", "E Ef")]
    interview = make_interview("2026-11-20T10:00", "2026-11-20T11:00", NONE).model_copy()
    interview = Interview.from_record({**interview.to_record(), "interviewers": people}, id="panel")
    assert describe(plan_interview(profile, interview)[0]).title == "Thank-you email: Acme Analytics (A Ab, B Bc, C Cd +2)"


def test_done_steps_drop_out() -> None:
    """A step marked done leaves the plan; the tracker still sees it with include_done."""
    profile = make_profile()
    interview = make_interview("2026-11-20T10:00", "2026-11-20T11:00", NONE, medium="in-person")
    done = mark_done(interview, "thank-you-email", dt.date(2026, 11, 20))
    assert "thank-you-email" not in {e.kind for e in plan_interview(profile, done)}
    listed = {e.kind: e for e in plan_interview(profile, done, include_done=True)}
    assert listed["thank-you-email"].status == "done"
    assert listed["thank-you-email"].done_on == dt.date(2026, 11, 20)
    assert listed["thank-you-cards"].status == "open"


def test_mark_done_returns_a_new_interview() -> None:
    """Marking a step done leaves the original record unchanged and keeps the id."""
    interview = make_interview("2026-11-20T10:00", "2026-11-20T11:00", NONE, id="acme")
    done = mark_done(interview, "thank-you-email", dt.date(2026, 11, 20))
    assert interview.done == {} and done.done == {"thank-you-email": dt.date(2026, 11, 20)}
    assert done.id == "acme"
    assert mark_undone(done, "thank-you-email").done == {}


def test_mark_done_refuses_an_unknown_step() -> None:
    """An unknown step name is refused with the list of known ones."""
    interview = make_interview("2026-11-20T10:00", "2026-11-20T11:00", NONE)
    with pytest.raises(ValueError, match="thank-you-email"):
        mark_done(interview, "thank-you", dt.date(2026, 11, 20))


def test_an_outcome_closes_the_interview() -> None:
    """With an outcome recorded, no step is planned; opening it again brings them back."""
    profile = make_profile()
    interview = make_interview("2026-11-20T10:00", "2026-11-20T11:00", NONE)
    closed = record_outcome(interview, "offer", dt.date(2026, 12, 1))
    assert closed.closed and closed.outcome_date == dt.date(2026, 12, 1)
    assert plan_interview(profile, closed) == []
    assert {e.status for e in plan_interview(profile, closed, include_done=True)} == {"closed"}
    assert len(plan_interview(profile, record_outcome(closed, None))) == 3


def test_record_outcome_refuses_an_unknown_outcome() -> None:
    """Only offer, rejected, withdrawn and moved-on close an interview."""
    interview = make_interview("2026-11-20T10:00", "2026-11-20T11:00", NONE)
    with pytest.raises(ValueError, match="offer"):
        record_outcome(interview, "hired", dt.date(2026, 12, 1))


def test_a_late_follow_up_pushes_the_move_on_date() -> None:
    """Move-on stays a week after the follow-up as actually sent, when it was sent late (R18)."""
    profile = make_profile()
    interview = make_interview("2026-11-20T10:00", "2026-11-20T11:00", date("2026-12-04"))
    late = mark_done(interview, "status-follow-up", dt.date(2026, 12, 17))
    move = next(e for e in plan_interview(profile, late) if e.kind == "move-on")
    assert move.due.isoformat(timespec="minutes") == "2026-12-24T09:00-06:00"


def test_done_steps_survive_a_save(fixture_ws: Workspace) -> None:
    """Done steps and the outcome are written to the interview file and read back."""
    interview = fixture_ws.load("2026-11-23-meridian-freight-phone-screen")
    updated = record_outcome(mark_done(interview, "thank-you-email", dt.date(2026, 11, 23)),
                             "rejected", dt.date(2026, 12, 2))
    fixture_ws.save(updated)
    again = Workspace.open(fixture_ws.root).load("2026-11-23-meridian-freight-phone-screen")
    assert again.done == {"thank-you-email": dt.date(2026, 11, 23)}
    assert (again.outcome, again.outcome_date) == ("rejected", dt.date(2026, 12, 2))


def test_profile_saves_only_its_overrides(tmp_path: Any) -> None:
    """A profile's follow-up settings are written back as the user wrote them, not with every default."""
    profile = make_profile(no_timeline_wait_days=10)
    workspace = Workspace.create(tmp_path / "ws", profile)
    text = (workspace.root / "profile.json").read_text("utf-8")
    assert '"followup": {\n    "no_timeline_wait_days": 10\n  }' in text
    assert Workspace.open(workspace.root).profile().followup == FollowupSettings(no_timeline_wait_days=10)


def test_settings_argument_overrides_the_profile() -> None:
    """Settings passed to the planner win over the profile's."""
    profile = make_profile(reminder_time="08:00")
    interview = make_interview("2026-11-24T09:00", "2026-11-24T10:00", NONE)
    events = plan_interview(profile, interview, settings=FollowupSettings(reminder_time="10:30"))
    assert events[-1].due.strftime("%H:%M") == "10:30"


def test_overdue_is_judged_against_now() -> None:
    """With `now`, open events already past are flagged overdue; without it, none is."""
    profile = make_profile()
    interview = make_interview("2026-11-20T10:00", "2026-11-20T11:00", NONE)
    now = dt.datetime(2026, 11, 21, 12, tzinfo=UTC)
    assert [e.overdue for e in plan_interview(profile, interview, now=now)] == [True, False, False]
    assert not any(e.overdue for e in plan_interview(profile, interview))


def test_plan_orders_events_of_all_interviews_by_due_time() -> None:
    """The plan of several interviews is one list in the order the steps fall due."""
    profile = make_profile()
    first = make_interview("2026-11-20T10:00", "2026-11-20T11:00", NONE, id="a")
    second = make_interview("2026-11-23T10:00", "2026-11-23T11:00", FEW, id="b")
    events = plan(profile, [second, first])
    assert [e.due for e in events] == sorted(e.due for e in events)
    assert [(e.interview_id, e.kind) for e in events][:2] == [("a", "thank-you-email"), ("b", "thank-you-email")]


def test_fixture_workspace_dates(fixture_ws: Workspace) -> None:
    """The suite's three interviews get the dates checked by hand against R7–R18."""
    profile = fixture_ws.profile()
    got = {(e.interview_id.split("-")[3], e.kind): e.due.isoformat(timespec="minutes")
           for e in plan(profile, fixture_ws.interviews())}
    assert got == {
        # Fri 20 Nov, in person, ends 13:30; decision by Fri 4 Dec.
        ("lakeshore", "thank-you-email"): "2026-11-20T18:00-06:00",
        ("lakeshore", "thank-you-cards"): "2026-11-21T09:00-06:00",     # Saturday morning, 19.5 h later
        ("lakeshore", "status-follow-up"): "2026-12-07T09:00-06:00",    # one business day after Fri 4 Dec
        ("lakeshore", "move-on"): "2026-12-21T09:00-06:00",             # 30 days = Sun 20 Dec -> Mon
        # Mon 23 Nov, phone, "a few days".
        ("meridian", "thank-you-email"): "2026-11-23T18:00-06:00",
        ("meridian", "status-follow-up"): "2026-11-30T09:00-06:00",  # a week later (R14)
        ("meridian", "move-on"): "2026-12-23T09:00-06:00",
        # Tue 24 Nov, video, no timeline.
        ("cobalt", "thank-you-email"): "2026-11-24T18:00-06:00",
        ("cobalt", "status-follow-up"): "2026-12-08T09:00-06:00",  # 14 days (R15)
        ("cobalt", "move-on"): "2026-12-24T09:00-06:00",
    }


@pytest.mark.parametrize("country, subdivision, day, expected", [
    ("US", "IL", "2026-11-26", False),  # Thanksgiving
    ("US", "IL", "2026-11-27", True),
    ("US", "IL", "2026-11-28", False),  # Saturday
    ("DE", "BY", "2027-01-06", False),  # Epiphany in Bavaria
    ("DE", "BE", "2027-01-06", True),   # not in Berlin
    ("IL", None, "2026-11-27", False),  # Friday: weekend in Israel
    ("IL", None, "2026-11-29", True),   # Sunday: a working day in Israel
])
def test_business_days_follow_the_country(country: str, subdivision: str | None, day: str, expected: bool) -> None:
    """Business days skip the country's own weekend and its (regional) public holidays (R13)."""
    assert BusinessDays(country, subdivision).is_business_day(dt.date.fromisoformat(day)) is expected


def test_a_naive_now_is_refused() -> None:
    """`now` without a zone is refused: it would be read in the machine's zone, a hidden input."""
    interview = make_interview("2026-11-20T10:00", "2026-11-20T11:00", NONE)
    with pytest.raises(ValueError, match="time zone"):
        plan_interview(make_profile(), interview, now=dt.datetime(2026, 11, 21, 12))


def test_the_planner_returns_facts_the_wording_is_rendered_apart() -> None:
    """A step carries dates and facts only; its title and description are rendered from them."""
    profile = make_profile()
    interview = make_interview("2026-11-20T10:00", "2026-11-20T11:00", date("2026-12-04"))
    events = plan_interview(profile, interview)
    assert not any(hasattr(event, "title") or hasattr(event, "description") for event in events)
    follow = next(e for e in events if e.kind == "status-follow-up")
    move = next(e for e in events if e.kind == "move-on")
    assert move.follow_up == follow.due and move.stated == dt.date(2026, 12, 4)
    assert "Fri 4 Dec 2026" in describe(move).description


def test_a_workspace_calendar_template_replaces_the_shipped_one(tmp_path: Path) -> None:
    """A workspace's own templates/calendar/<step>.j2 words that step; the others stay the kit's."""
    (tmp_path / "calendar").mkdir()
    (tmp_path / "calendar" / "move-on.j2").write_text(
        "{% macro title() %}Let {{ interview.company }} go{% endmacro %}"
        "{% macro description() %}Since {{ follow_up | day }}.{% endmacro %}", "utf-8")
    profile = make_profile()
    interview = make_interview("2026-11-20T10:00", "2026-11-20T11:00", date("2026-12-04"))
    titles = {e.kind: describe(e, templates=tmp_path).title for e in plan_interview(profile, interview)}
    assert titles["move-on"] == "Let Acme Analytics go"
    assert titles["status-follow-up"].startswith("Status follow-up: Acme Analytics")


@pytest.mark.parametrize("call, words", [
    (lambda i: mark_done(i, "thank-you", dt.date(2026, 11, 20)), ["kind:", "thank-you-email", "'thank-you'"]),
    (lambda i: mark_done(i, "thank-you-email", "2026-11-20"), ["on:", "date(2026, 11, 20)"]),
    (lambda i: mark_undone(i, "cards"), ["kind:", "thank-you-cards"]),
    (lambda i: record_outcome(i, "hired"), ["outcome:", "moved-on", "'hired'"]),
    (lambda i: plan_interview(make_profile(), i, now=dt.datetime(2026, 11, 21, 12)), ["now:", "time zone"]),
    (lambda i: i.with_interviewer(5, note="x"), ["index:", "0 to 1", "(got 5)"]),
])
def test_bad_arguments_raise_the_kits_error_naming_the_argument(call: Any, words: list[str]) -> None:
    """A bad argument is the kit's error (also a ValueError) naming the argument, the values it takes and the fix."""
    interview = make_interview("2026-11-20T10:00", "2026-11-20T11:00", NONE)
    with pytest.raises(FollowupKitError) as caught:
        call(interview)
    assert isinstance(caught.value, ValueError)
    assert all(word in str(caught.value) for word in words), str(caught.value)
