"""The follow-up plan kept in the user's own calendar over CalDAV (RFC 4791).

A file import is read once: calendar programs duplicate its events, ignore
updates, or keep steps long done. A CalDAV calendar collection (Apple's iCloud,
Fastmail, Nextcloud, Radicale, …) lets the kit create, update and delete its own
events, so the calendar the user lives in shows the plan as it is today.

* The kit's events are those whose UID it writes
  (``<interview id>.<step>@followup-kit``, :func:`~followup_kit.calendar.event_uid`).
  Every other event in the calendar is never changed or deleted, and neither are
  the kit's events of interviews outside the workspace synced (another
  workspace, an interview file that cannot be read): only counted.
* The events are the same as in the .ics export: the session builds them (its
  :meth:`~followup_kit.session.Session.calendar_ics`) with the server's copies
  as the earlier export, so SEQUENCE rises exactly when an event changed, and
  an unchanged event is not sent again. A step that dropped out comes back
  cancelled, and is deleted here instead.
* One resource per event, without METHOD (RFC 4791 4.1) or ORGANIZER (an event
  with an organizer can start invitations on servers that schedule).
* The password is never stored or printed: it is given by the caller, read from
  ``FOLLOWUP_KIT_CALDAV_PASSWORD`` or the system keyring (:func:`find_password`).
* Every request has a time limit, and there is no discovery by DNS: the address
  given is the only place contacted.

``caldav`` (and ``keyring``) are imported inside the functions, so that
``import followup_kit`` stays light and the base install does without them.
"""

from __future__ import annotations

import datetime as dt
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Collection, Iterable, Iterator, Mapping
from urllib.parse import unquote, urlsplit, urlunsplit

from .calendar import PRODID, UID_DOMAIN
from .errors import CalendarServerError, FollowupKitError, RenderError
from .model import EVENT_KINDS
from .templating import moment

if TYPE_CHECKING:
    from .errors import InvalidFileError

#: The environment variable a password may come from (for scripts and CI).
PASSWORD_VARIABLE = "FOLLOWUP_KIT_CALDAV_PASSWORD"
#: The system keyring's service name: ``keyring set followup-kit USER`` stores the password.
KEYRING_SERVICE = "followup-kit"
#: Seconds each request to the server may take.
TIMEOUT = 30
INSTALL = "python -m pip install 'followup-kit[caldav]'"
_CALENDAR = "{urn:ietf:params:xml:ns:caldav}calendar"


def shown_url(url: str) -> str:
    """The address as messages show it: without any user name or password in it."""
    parts = urlsplit(url.strip())
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def url_user(url: str) -> str | None:
    """The user name written in the address (``https://NAME@host/…``), if any."""
    username = urlsplit(url.strip()).username
    return unquote(username) if username else None


def kit_uid(uid: str) -> tuple[str, str] | None:
    """(interview id, step) of a UID the kit writes; ``None`` for every other UID."""
    suffix = "@" + UID_DOMAIN
    if not uid.endswith(suffix):
        return None
    interview_id, _, kind = uid[: -len(suffix)].rpartition(".")
    return (interview_id, kind) if interview_id and kind in EVENT_KINDS else None


def find_password(user: str, *, environ: Mapping[str, str] | None = None) -> str | None:
    """The password of ``user`` from ``FOLLOWUP_KIT_CALDAV_PASSWORD``, else the system
    keyring (service ``followup-kit``) where the ``keyring`` package and a keyring are
    present; ``None`` when neither has one (the caller asks, without echo)."""
    environ = os.environ if environ is None else environ
    if environ.get(PASSWORD_VARIABLE):
        return environ[PASSWORD_VARIABLE]
    try:
        import keyring
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, user) or None
    except Exception:  # no keyring on this system, a locked one, a backend failing: ask instead
        return None


# -- errors ------------------------------------------------------------------------------------

def _unreachable(exc: BaseException) -> str:
    text = repr(exc)
    if "Timeout" in type(exc).__name__ or "timed out" in text:
        return f"it did not answer within {TIMEOUT} seconds"
    if "Connection refused" in text:
        return "nothing answers there (the connection was refused)"
    if "NameResolution" in text or "not known" in text or "getaddrinfo" in text:
        return "its name is not known (no such server)"
    if "CERTIFICATE" in text.upper() or "SSL" in text:
        return "its security certificate could not be verified"
    return "the connection failed"


@contextmanager
def server_errors(url: str, user: str | None) -> Iterator[None]:
    """Turn what the server, the network or the caldav library raise into a
    :class:`CalendarServerError` naming the address and the fix (never the password)."""
    from caldav.lib import error

    shown = shown_url(url)
    who = f" for {user}" if user else ""
    try:
        yield
    except FollowupKitError:
        raise
    except error.AuthorizationError as exc:
        if exc.status == 403:
            raise CalendarServerError(
                f"{shown}: the server refused access{who}: this address is not a calendar that this account "
                "may change. Check the address (the one of your own calendar) and the user name.") from None
        if not user:
            raise CalendarServerError(
                f"{shown}: the server asks for a login. Give your user name and password and sync again.") from None
        raise CalendarServerError(
            f"{shown}: the server refused the login{who}: the user name or the password is wrong. iCloud and "
            "Fastmail need an app password (made in the account's security settings), not the account's own; "
            "check both and sync again.") from None
    except error.NotFoundError:
        raise CalendarServerError(
            f"{shown}: the server has no calendar at this address (it answered 'not found'). Check the "
            "address: copy it from your calendar's settings on the server.") from None
    except (error.ETagMismatchError, error.ScheduleTagMismatchError):
        raise CalendarServerError(
            f"{shown}: an event changed on the server while syncing. Nothing else was lost; sync again.") from None
    except error.DAVError as exc:
        reason = " ".join(str(exc.reason or "").split())[:120]
        said = f" (it said: {reason})" if reason and reason != error.DAVError.reason else ""
        raise CalendarServerError(
            f"{shown}: the server there does not answer as a CalDAV calendar does{said}. Check the address: "
            "it is the calendar's CalDAV address, not the web page that shows the calendar.") from None
    except OSError as exc:  # the HTTP library's connection errors and time-outs are OSErrors
        raise CalendarServerError(
            f"Could not reach {shown}: {_unreachable(exc)}. Check the address and your internet connection, "
            "and sync again.") from None
    except ValueError as exc:  # an answer that is not WebDAV at all (an HTML page, …)
        raise CalendarServerError(
            f"{shown}: the answer is not a CalDAV server's ({' '.join(str(exc).split())[:120]}). Check the "
            "address: it is the calendar's CalDAV address, not the web page of the calendar.") from None


# -- connecting --------------------------------------------------------------------------------

def connect(url: str, *, user: str | None = None, password: str | None = None,
            timeout: float = TIMEOUT) -> Any:
    """The CalDAV calendar collection at ``url`` (a ``caldav.Calendar``), checked to be one.

    ``user`` defaults to the name written in the address; a password in the
    address is never used. Raises :class:`CalendarServerError` for an address
    that is not a calendar (listing the account's calendars when it can), a
    refused login or a server that cannot be reached, and :class:`RenderError`
    when the ``caldav`` package is missing.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CalendarServerError(
            f"'{shown_url(url)}' is not a calendar's address: give the whole address, starting with https://, "
            "as the calendar's settings on the server show it.")
    try:
        import caldav
        from caldav.elements import dav
    except ImportError as exc:
        raise RenderError(f"Syncing with a calendar server needs the caldav package: {INSTALL}") from exc

    user = user or url_user(url)
    address = shown_url(url)
    client = caldav.DAVClient(url=address, username=user, password=password, timeout=timeout,
                              enable_rfc6764=False)
    calendar = client.calendar(url=address)
    with server_errors(address, user):
        kinds = calendar.get_properties([dav.ResourceType()]).get(dav.ResourceType.tag) or []
    if _CALENDAR not in kinds:
        raise CalendarServerError(f"{address}: is not a calendar but {_what(kinds)}. {_calendars_hint(client)}")
    return calendar


def _what(kinds: Iterable[str]) -> str:
    kinds = set(kinds)
    if "{DAV:}principal" in kinds:
        return "your account"
    if "{DAV:}collection" in kinds:
        return "a folder"
    return "a single item"


def _calendars_hint(client: Any) -> str:
    """The account's calendars, to choose one from (nothing, if the server will not say)."""
    try:
        found = [(c.get_display_name() or "", str(c.url)) for c in client.principal().calendars()]
    except Exception:  # a hint only: the error it decorates is the message
        found = []
    if not found:
        return ("Give the address of one calendar, as the calendar's settings on the server show it "
                "(a calendar of its own for the follow-ups is the easiest to tidy).")
    names = "; ".join(f"'{name}' {url}" if name else url for name, url in found)
    return (f"The calendars of this account are: {names}. Give one of these addresses (a calendar of its "
            "own for the follow-ups is the easiest to tidy).")


# -- syncing -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class SyncedEvent:
    """One event the sync created, updated, deleted or left as it was."""

    uid: str
    title: str
    start: dt.datetime | None


@dataclass
class SyncReport:
    """What a sync did to the calendar at ``url``.

    ``others`` counts the events the kit did not write; ``elsewhere`` the kit's
    events of interviews outside this sync (another workspace, an interview file
    that could not be read). Both were left alone.
    """

    url: str
    created: list[SyncedEvent] = field(default_factory=list)
    updated: list[SyncedEvent] = field(default_factory=list)
    deleted: list[SyncedEvent] = field(default_factory=list)
    unchanged: list[SyncedEvent] = field(default_factory=list)
    others: int = 0
    elsewhere: int = 0
    invalid: list["InvalidFileError"] = field(default_factory=list)

    def lines(self, zone: dt.tzinfo | None = None) -> list[str]:
        """One line per event created, updated or deleted, its time in ``zone``."""
        def when(event: SyncedEvent) -> str:
            return f"{moment(event.start.astimezone(zone))}  " if event.start else ""

        return [f"{what}: {when(event)}{event.title}"
                for what, events in (("created", self.created), ("updated", self.updated),
                                     ("deleted", self.deleted))
                for event in events]

    def summary(self) -> str:
        """The counts in one sentence."""
        text = (f"Synced to {self.url}: {len(self.created)} created, {len(self.updated)} updated, "
                f"{len(self.deleted)} deleted, {len(self.unchanged)} unchanged")
        alone = []
        if self.others:
            alone.append(f"{self.others} event(s) not written by followup-kit")
        if self.elsewhere:
            alone.append(f"{self.elsewhere} follow-up event(s) of other interviews")
        return text + (f"; left alone: {' and '.join(alone)}." if alone else ".")


def _vevent_of(resource: Any) -> Any:
    """The first VEVENT of a resource on the server, or ``None`` if it cannot be read."""
    from icalendar import Calendar

    try:
        events = Calendar.from_ical(resource.data).walk("VEVENT")
    except Exception:  # someone else's event the kit cannot read is not the kit's to touch
        return None
    return events[0] if events else None


def _synced(component: Any) -> SyncedEvent:
    start = component.decoded("dtstart") if "dtstart" in component else None
    if isinstance(start, dt.datetime) and start.tzinfo is None:
        start = None  # a floating time has no instant to show
    elif isinstance(start, dt.date) and not isinstance(start, dt.datetime):
        start = None
    return SyncedEvent(str(component.get("uid", "")), str(component.get("summary", "")), start)


def _calendar_of(components: Iterable[Any]) -> bytes:
    """Components as one VCALENDAR with the kit's PRODID: a resource, or the "earlier export"."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    for component in components:
        calendar.add_component(component)
    return calendar.to_ical()


def sync(calendar: Any, build: Callable[[bytes], bytes], *, scope: Collection[str],
         user: str | None = None) -> SyncReport:
    """Bring the kit's events in ``calendar`` (a ``caldav.Calendar``) in line with the plan.

    ``build(previous)`` returns the .ics of the plan, given the kit's events now on
    the server as the earlier export (the session's
    :meth:`~followup_kit.session.Session.calendar_ics`). Only the kit's events of
    the interviews in ``scope`` (ids) are created, updated or deleted.
    """
    from caldav import Event as Resource
    from icalendar import Calendar

    shown = shown_url(str(calendar.url))
    report = SyncReport(shown)
    with server_errors(shown, user):
        resources = calendar.get_events()
    ours: dict[str, tuple[Any, Any]] = {}
    for resource in resources:
        component = _vevent_of(resource)
        owner = kit_uid(str(component.get("uid", ""))) if component is not None else None
        if owner is None:
            report.others += 1
        elif owner[0] not in scope:
            report.elsewhere += 1
        else:
            ours[str(component["uid"])] = (resource, component)
    try:
        wanted = Calendar.from_ical(build(_calendar_of(c for _, c in ours.values()))).walk("VEVENT")
    except ValueError as exc:
        raise CalendarServerError(
            f"{shown}: the follow-up events there cannot be read back ({exc}). Delete them in your calendar "
            "app and sync again.") from exc
    with server_errors(shown, user):
        for component in wanted:
            uid = str(component["uid"])
            component.pop("organizer", None)
            resource, before = ours.get(uid, (None, None))
            if str(component.get("status", "")) == "CANCELLED":
                if resource is not None:
                    resource.delete()
                    report.deleted.append(_synced(before))
                continue
            data = _calendar_of([component])
            if resource is None:  # the calendar was just listed: no search for the UID per event
                Resource(calendar.client, parent=calendar).save(raw_data=data)
                report.created.append(_synced(component))
            elif int(component.get("sequence", 0)) != int(before.get("sequence", 0)):
                resource.save(raw_data=data)
                report.updated.append(_synced(component))
            else:
                report.unchanged.append(_synced(component))
    return report
