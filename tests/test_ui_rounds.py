"""The tracker of the app over the rounds of one application: steps recorded on the round
that holds them, the outcome on the latest round, and the reply after a rejection shown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_process import THREE_ROUNDS, _workspace

from followup_kit import uikit
from followup_kit.session import Session
from followup_kit.ui import Tracker

NOW = dt.datetime(2026, 12, 20, 12, 0, tzinfo=dt.timezone.utc)


def test_marking_the_follow_up_done_records_it_on_the_latest_round(tmp_path: Path) -> None:
    """Chosen on the first round, the application's follow-up is recorded where it belongs: the latest round."""
    ws = _workspace(tmp_path, THREE_ROUNDS)
    session = Session(ws)
    tracker = Tracker(session, now=NOW)
    tracker.choice.value = THREE_ROUNDS[0].id
    tracker.step.value = "status-follow-up"
    tracker.when.value = "2026-12-09"
    tracker.done.click()
    assert "marked done" in tracker.status.value
    assert session.interview(THREE_ROUNDS[-1].id).done.get("status-follow-up") == dt.date(2026, 12, 9)
    assert "status-follow-up" not in session.interview(THREE_ROUNDS[0].id).done


def test_a_rejection_shows_the_reply_to_send(tmp_path: Path) -> None:
    """After 'rejected' the tracker's row is the reply to send, not a closed application."""
    ws = _workspace(tmp_path, THREE_ROUNDS)
    session = Session(ws)
    tracker = Tracker(session, now=NOW)
    tracker.choice.value = THREE_ROUNDS[-1].id
    tracker.outcome.value = "rejected"
    tracker.when.value = "2026-12-18"
    tracker.record.click()
    tracker.confirm.click()
    latest = session.interview(THREE_ROUNDS[-1].id)
    assert latest.outcome == "rejected"
    events = session.plan(now=NOW, include_done=True)
    rows = uikit.tracker_rows([latest], events, session.profile, NOW, session.settings)
    assert rows[0].next_kind == "rejection-reply"
