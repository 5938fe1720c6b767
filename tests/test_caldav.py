"""CalDAV sync against a real Radicale server on loopback: create, update, delete, and hands off
every event the kit did not write; plain messages and exit 2 when the server says no."""

from __future__ import annotations

import datetime as dt
import os
import select
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any, Iterator

import icalendar
import pytest
from click.testing import CliRunner

from followup_kit.calendar import event_uid
from followup_kit.cli import main
from followup_kit.model import replace
from followup_kit.schedule import mark_done, record_outcome
from followup_kit.session import Session
from followup_kit.workspace import Workspace

USER = "lena"
PASSWORD = "Correct-Horse-7-Battery"
NORDWIND = "2026-11-19-nordwind-energie-onsite"
MEKONG = "2026-11-20-mekong-freight-labs-phone-screen"
#: The user's own events, which the kit must never touch: an appointment, one whose UID looks like
#: the kit's but is not, and a follow-up the kit wrote for an interview of another workspace.
FOREIGN = {
    "dentist-2026@example.org": "Dentist",
    f"{NORDWIND}.move-on@example.org": "Not the kit's: another domain",
    "2025-03-01-elsewhere-onsite.move-on@followup-kit": "Another workspace's move-on",
}
#: Environment of a command: the password given, no system keyring consulted.
ENV = {"FOLLOWUP_KIT_CALDAV_PASSWORD": PASSWORD, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A Radicale server on 127.0.0.1 with one user (plain htpasswd): its address and storage folder."""
    root = tmp_path_factory.mktemp("radicale")
    (root / "users").write_text(f"{USER}:{PASSWORD}\n", "utf-8")
    port = _free_port()
    log = (root / "log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", "", "--server-hosts", f"127.0.0.1:{port}",
         "--storage-filesystem-folder", str(root / "storage"), "--auth-type", "htpasswd",
         "--auth-htpasswd-filename", str(root / "users"), "--auth-htpasswd-encryption", "plain",
         "--auth-delay", "0", "--rights-type", "owner_only", "--logging-level", "warning"],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"Radicale stopped at start: {(root / 'log').read_text('utf-8')}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("Radicale did not answer within 30 seconds")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", root / "storage" / "collection-root"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@pytest.fixture
def calendar_url(radicale: tuple[str, Path]) -> str:
    """A new calendar of the user's, holding the user's own events (:data:`FOREIGN`)."""
    import caldav

    server, _ = radicale
    with caldav.DAVClient(url=f"{server}/", username=USER, password=PASSWORD, enable_rfc6764=False) as client:
        calendar = client.principal().make_calendar(name="Job search", cal_id=uuid.uuid4().hex)
        for uid, summary in FOREIGN.items():
            calendar.add_event(
                f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Someone else//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\n"
                f"DTSTAMP:20261101T090000Z\r\nDTSTART:20261125T090000Z\r\nDTEND:20261125T100000Z\r\n"
                f"SUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        return str(calendar.url)


def _stored(radicale: tuple[str, Path], url: str) -> dict[str, tuple[str, Any, bytes]]:
    """UID → (file name, VEVENT, bytes) of every event as Radicale keeps it on disk."""
    _, storage = radicale
    folder = storage / USER / url.rstrip("/").rsplit("/", 1)[1]
    found = {}
    for path in sorted(folder.glob("*.ics")):
        data = path.read_bytes()
        component = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
        found[str(component["uid"])] = (path.name, component, data)
    return found


def _sync(ws: Workspace, url: str, *args: str, env: dict[str, str] | None = None, path: Path | None = None) -> Any:
    return CliRunner().invoke(main, ["calendar", str(path or ws.root), "--caldav", url, "--user", USER, *args],
                              env=ENV if env is None else env)


def _kit(stored: dict[str, Any]) -> dict[str, Any]:
    return {uid: entry for uid, entry in stored.items() if uid not in FOREIGN}


def test_first_sync_creates_one_event_per_step(demo_ws: Workspace, radicale, calendar_url: str) -> None:
    """The first sync creates one event per planned step, at its instant, and says so; the user's own
    events stay as they were."""
    before = _stored(radicale, calendar_url)
    result = _sync(demo_ws, calendar_url)
    assert result.exit_code == 0, result.output
    events = Session(demo_ws).plan()
    stored = _stored(radicale, calendar_url)
    kit = _kit(stored)
    assert set(kit) == {event_uid(e.interview_id, e.kind) for e in events} and len(kit) == 14
    for event in events:
        _, component, _ = kit[event_uid(event.interview_id, event.kind)]
        assert component.decoded("dtstart") == event.due
        assert int(component["sequence"]) == 0 and str(component["status"]) == "CONFIRMED"
        assert "organizer" not in component and len(component.walk("VALARM")) == 1
    assert {uid: stored[uid] for uid in FOREIGN} == before
    assert result.stderr.count("created: ") == 14
    assert f"Synced to {calendar_url}: 14 created, 0 updated, 0 deleted, 0 unchanged" in result.stderr
    assert "left alone: 2 event(s) not written by followup-kit and 1 follow-up event(s) of other interviews" \
        in result.stderr
    assert PASSWORD not in result.output


def test_a_second_sync_changes_nothing(demo_ws: Workspace, radicale, calendar_url: str) -> None:
    """Syncing an unchanged plan again sends nothing: every stored event keeps its bytes."""
    assert _sync(demo_ws, calendar_url).exit_code == 0
    first = _stored(radicale, calendar_url)
    result = _sync(demo_ws, calendar_url)
    assert result.exit_code == 0, result.output
    assert "0 created, 0 updated, 0 deleted, 14 unchanged" in result.stderr
    assert _stored(radicale, calendar_url) == first


def test_a_step_marked_done_is_deleted_on_the_next_sync(demo_ws: Workspace, radicale, calendar_url: str) -> None:
    """A step marked done, and every step of a closed interview, is deleted; the other events stay."""
    assert _sync(demo_ws, calendar_url).exit_code == 0
    first = _stored(radicale, calendar_url)
    demo_ws.save(mark_done(demo_ws.load(NORDWIND), "thank-you-email", dt.date(2026, 11, 19)))
    demo_ws.save(record_outcome(demo_ws.load(MEKONG), "offer", dt.date(2026, 11, 26)))
    result = _sync(demo_ws, calendar_url)
    assert result.exit_code == 0, result.output
    stored = _stored(radicale, calendar_url)
    gone = {event_uid(NORDWIND, "thank-you-email")} | {u for u in first if u.startswith(MEKONG)}
    assert len(gone) == 4 and not gone & set(stored)
    assert {uid: stored[uid] for uid in set(first) - gone} == {uid: first[uid] for uid in set(first) - gone}
    assert "0 created, 0 updated, 4 deleted, 10 unchanged" in result.stderr
    assert result.stderr.count("deleted: ") == 4


def test_the_users_own_events_survive_every_sync(demo_ws: Workspace, radicale, calendar_url: str) -> None:
    """Events whose UID the kit did not write, and the kit's events of another workspace, are never
    changed or deleted, whatever the plan does."""
    before = {uid: entry for uid, entry in _stored(radicale, calendar_url).items() if uid in FOREIGN}
    assert _sync(demo_ws, calendar_url).exit_code == 0
    for interview in demo_ws.interviews():
        demo_ws.save(record_outcome(interview, "withdrawn", dt.date(2026, 11, 30)))
    result = _sync(demo_ws, calendar_url)
    assert result.exit_code == 0, result.output
    assert "14 deleted" in result.stderr
    assert _stored(radicale, calendar_url) == before


def test_a_changed_date_updates_in_place(demo_ws: Workspace, radicale, calendar_url: str) -> None:
    """A new decision date moves the follow-up two weeks, in the same resource, with SEQUENCE 1; the
    interview's other steps, which quote the employer's words, are updated the same way; nothing is
    duplicated and the other interviews' events are not sent again."""
    assert _sync(demo_ws, calendar_url).exit_code == 0
    first = _stored(radicale, calendar_url)
    demo_ws.save(replace(demo_ws.load(NORDWIND),
                         timeline={"kind": "date", "date": "2026-12-11", "said": "By 11 December."}))
    result = _sync(demo_ws, calendar_url)
    assert result.exit_code == 0, result.output
    stored = _stored(radicale, calendar_url)
    changed = {uid for uid in _kit(first) if uid.startswith(NORDWIND + ".")}
    assert set(stored) == set(first) and len(changed) == 4
    for uid in changed:
        assert stored[uid][0] == first[uid][0]  # the same resource on the server
        assert int(stored[uid][1]["sequence"]) == 1
    follow_up = event_uid(NORDWIND, "status-follow-up")
    assert stored[follow_up][1].decoded("dtstart") - first[follow_up][1].decoded("dtstart") == dt.timedelta(days=14)
    assert {u: stored[u] for u in set(stored) - changed} == {u: first[u] for u in set(first) - changed}
    assert "0 created, 4 updated, 0 deleted, 10 unchanged" in result.stderr
    assert "updated: Mon 14 Dec 2026 09:00  Status follow-up: Nordwind Energie GmbH" in result.stderr


def test_syncing_one_interview_leaves_the_others(demo_ws: Workspace, radicale, calendar_url: str) -> None:
    """Given one interview file, the sync creates and deletes that interview's events only: the
    closed interview's events stay until the whole workspace is synced."""
    assert _sync(demo_ws, calendar_url).exit_code == 0
    demo_ws.save(record_outcome(demo_ws.load(NORDWIND), "offer", dt.date(2026, 11, 26)))
    result = _sync(demo_ws, calendar_url, path=demo_ws.interview_path(MEKONG))
    assert result.exit_code == 0, result.output
    assert "0 deleted, 3 unchanged" in result.stderr and "12 follow-up event(s) of other interviews" in result.stderr
    assert len(_kit(_stored(radicale, calendar_url))) == 14


def test_an_invalid_interview_file_keeps_its_events_and_exits_2(demo_ws: Workspace, radicale,
                                                                 calendar_url: str) -> None:
    """An interview file that cannot be read is reported (exit 2); its events stay as they were, since
    nothing says its steps are done, and the other interviews are synced."""
    assert _sync(demo_ws, calendar_url).exit_code == 0
    first = _stored(radicale, calendar_url)
    demo_ws.interview_path(MEKONG).write_text("{", "utf-8")
    result = _sync(demo_ws, calendar_url)
    assert result.exit_code == 2
    assert MEKONG in result.stderr and "0 deleted, 11 unchanged" in result.stderr
    assert _stored(radicale, calendar_url) == first


def test_session_syncs_a_connected_calendar(demo_ws: Workspace, radicale, calendar_url: str) -> None:
    """Session.sync_caldav takes a connected caldav calendar as well as an address."""
    import caldav

    with caldav.DAVClient(url=calendar_url, username=USER, password=PASSWORD, enable_rfc6764=False) as client:
        report = Session(demo_ws).sync_caldav(client.calendar(url=calendar_url))
    assert (len(report.created), report.others, report.elsewhere) == (14, 2, 1)
    assert len(_kit(_stored(radicale, calendar_url))) == 14


# -- when the server says no -------------------------------------------------------------------

def test_a_wrong_password_exits_2_with_a_plain_message(demo_ws: Workspace, radicale, calendar_url: str) -> None:
    """A refused login: exit 2, the address and the fix named, the password never printed, nothing written."""
    result = _sync(demo_ws, calendar_url, env={**ENV, "FOLLOWUP_KIT_CALDAV_PASSWORD": "not-the-password"})
    assert result.exit_code == 2
    assert calendar_url in result.stderr and "refused the login for lena" in result.stderr
    assert "app password" in result.stderr
    assert "not-the-password" not in result.output and "Traceback" not in result.output
    assert not _kit(_stored(radicale, calendar_url))


def test_an_unreachable_server_exits_2_with_a_plain_message(demo_ws: Workspace) -> None:
    """Nothing listening at the address: exit 2 and a message naming it, at once."""
    url = f"http://127.0.0.1:{_free_port()}/lena/job-search/"
    started = time.monotonic()
    result = _sync(demo_ws, url)
    assert result.exit_code == 2
    assert f"Could not reach {url}" in result.stderr and "connection was refused" in result.stderr
    assert "Traceback" not in result.output and time.monotonic() - started < 20


def test_a_password_written_in_the_address_is_never_printed(demo_ws: Workspace) -> None:
    """Messages name the address without the user name and password someone wrote into it."""
    port = _free_port()
    result = _sync(demo_ws, f"http://lena:Hunter-2-Secret@127.0.0.1:{port}/lena/job-search/")
    assert result.exit_code == 2
    assert f"Could not reach http://127.0.0.1:{port}/lena/job-search/" in result.stderr
    assert "Hunter-2-Secret" not in result.output


def test_an_address_that_is_not_a_calendar_lists_the_calendars(demo_ws: Workspace, radicale,
                                                               calendar_url: str) -> None:
    """The account's address instead of a calendar's: exit 2, and the calendars to choose from."""
    server, _ = radicale
    result = _sync(demo_ws, f"{server}/{USER}/")
    assert result.exit_code == 2
    assert "is not a calendar but your account" in result.stderr and calendar_url in result.stderr


@pytest.mark.parametrize("url, words", [
    ("caldav.example.org/lena/", "starting with https://"),
    ("{server}/lena/no-such-calendar/", "answered 'not found'"),
    ("{server}/someone-else/calendar/", "refused access for lena"),
])
def test_wrong_addresses_exit_2_with_a_plain_message(demo_ws: Workspace, radicale, url: str, words: str) -> None:
    """An address without its scheme, one with no calendar, another user's: exit 2 and what to check."""
    result = _sync(demo_ws, url.format(server=radicale[0]))
    assert result.exit_code == 2
    assert words in result.stderr and "Traceback" not in result.output


def test_without_the_caldav_package_the_command_says_what_to_install(demo_ws: Workspace,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The base install has no caldav package: exit 2 with the install command, no traceback."""
    monkeypatch.setitem(sys.modules, "caldav", None)
    result = _sync(demo_ws, "https://caldav.example.org/lena/job-search/")
    assert result.exit_code == 2
    assert "pip install 'followup-kit[caldav]'" in result.stderr and "Traceback" not in result.output


def test_user_without_caldav_is_a_usage_error(demo_ws: Workspace) -> None:
    """--user alone means nothing: exit 2 saying to give the calendar's address."""
    result = CliRunner().invoke(main, ["calendar", str(demo_ws.root), "--user", USER])
    assert result.exit_code == 2 and "--caldav" in result.output


# -- where the password comes from -------------------------------------------------------------

def test_no_password_without_a_terminal_exits_2(demo_ws: Workspace, radicale, calendar_url: str) -> None:
    """No password in the environment or the keyring, and no terminal to ask on: exit 2 saying where to put it."""
    result = _sync(demo_ws, calendar_url, env={"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
                                               "FOLLOWUP_KIT_CALDAV_PASSWORD": ""})
    assert result.exit_code == 2
    assert "No password for lena" in result.stderr and "FOLLOWUP_KIT_CALDAV_PASSWORD" in result.stderr


def test_the_password_comes_from_the_system_keyring(demo_ws: Workspace, radicale, calendar_url: str) -> None:
    """Without the environment variable, the system keyring's password for the user is used."""
    import keyring
    from keyring.backend import KeyringBackend

    class Stored(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return PASSWORD if (service, username) == ("followup-kit", USER) else None

        def set_password(self, service: str, username: str, password: str) -> None:
            raise NotImplementedError

        def delete_password(self, service: str, username: str) -> None:
            raise NotImplementedError

    before = keyring.get_keyring()
    keyring.set_keyring(Stored())
    try:
        result = _sync(demo_ws, calendar_url, env={"FOLLOWUP_KIT_CALDAV_PASSWORD": ""})
    finally:
        keyring.set_keyring(before)
    assert result.exit_code == 0, result.output
    assert len(_kit(_stored(radicale, calendar_url))) == 14


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal (POSIX)")
def test_the_password_prompt_does_not_echo(demo_ws: Workspace, radicale, calendar_url: str) -> None:
    """On a terminal the command asks for the password with echo off, and syncs with it."""
    import termios

    controller, terminal = os.openpty()
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", "NO_COLOR": "1"}
    env.pop("FOLLOWUP_KIT_CALDAV_PASSWORD", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "followup_kit", "calendar", str(demo_ws.root), "--caldav", calendar_url,
         "--user", USER], stdin=terminal, stdout=terminal, stderr=terminal, env=env, start_new_session=True,
        cwd=Path(__file__).resolve().parent.parent)
    try:
        screen = b""
        deadline = time.monotonic() + 60
        while b"Password for lena" not in screen or termios.tcgetattr(terminal)[3] & termios.ECHO:
            assert time.monotonic() < deadline and proc.poll() is None, screen.decode(errors="replace")
            if select.select([controller], [], [], 0.1)[0]:
                screen += os.read(controller, 4096)
        os.write(controller, PASSWORD.encode() + b"\n")
        assert proc.wait(timeout=60) == 0
        while select.select([controller], [], [], 0.2)[0]:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            screen += chunk
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(controller)
        os.close(terminal)
    assert b"14 created" in screen, screen.decode(errors="replace")
    assert PASSWORD.encode() not in screen
    assert len(_kit(_stored(radicale, calendar_url))) == 14


# -- the notebook panel ------------------------------------------------------------------------

def test_the_calendar_panel_syncs_to_my_calendar(demo_ws: Workspace, radicale, calendar_url: str) -> None:
    """Address, user name and password typed into the panel sync the plan; the password field is emptied."""
    pytest.importorskip("ipywidgets")
    from followup_kit.ui import CalendarPanel

    panel = CalendarPanel(demo_ws, now=dt.datetime(2026, 11, 24, 20, 0, tzinfo=dt.timezone.utc))
    panel.caldav_url.value = calendar_url
    panel.caldav_user.value = USER
    panel.caldav_password.value = "Not-The-Password-3"
    panel.sync.click()
    assert "refused the login" in panel.sync_status.value and "Not-The-Password-3" not in panel.sync_status.value
    assert panel.caldav_password.value == ""
    panel.caldav_password.value = PASSWORD
    panel.sync.click()
    assert "14 created" in panel.sync_status.value and PASSWORD not in panel.sync_status.value
    assert panel.caldav_password.value == ""
    assert len(_kit(_stored(radicale, calendar_url))) == 14


def test_steps_replaced_by_a_later_round_are_deleted_on_the_next_sync(demo_ws: Workspace, radicale,
                                                                       calendar_url: str) -> None:
    """A second round of the Mekong application replaces the first round's follow-up and move-on: the next
    sync deletes those two and creates the new round's steps (R19)."""
    assert _sync(demo_ws, calendar_url).exit_code == 0
    first = demo_ws.load(MEKONG)
    later = replace(first, start="2026-11-26T16:00", end="2026-11-26T17:00", medium="video", stage="first-round")
    demo_ws.save(later.with_id("2026-11-26-mekong-freight-labs-video"), new=True)
    result = _sync(demo_ws, calendar_url)
    assert result.exit_code == 0, result.output
    stored = _kit(_stored(radicale, calendar_url))
    replaced = {event_uid(MEKONG, "status-follow-up"), event_uid(MEKONG, "move-on")}
    assert not replaced & set(stored) and event_uid(MEKONG, "thank-you-email") in stored
    assert event_uid("2026-11-26-mekong-freight-labs-video", "status-follow-up") in stored
    # The first round's email is updated: it now says it is round 1 of 2 of the application.
    assert "Round 1 of 2" in str(stored[event_uid(MEKONG, "thank-you-email")][1]["description"])
    assert "3 created, 1 updated, 2 deleted" in result.stderr
