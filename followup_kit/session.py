"""One open workspace: the only route from the files on disk to every output.

A :class:`Session` opens a workspace once: the profile, the valid interviews and
the report of the invalid ones, the workspace's own templates and the follow-up
settings. The command line, the notebook panels, the demo and the batch import
all go through one, so they cannot drift apart: the same PATH means the same
interviews everywhere, and a workspace's own templates are honoured by every
output. The renderers (cards, calendar, email drafts) take records and return
bytes; the session writes the files, each through
:func:`~followup_kit.workspace.write_atomic`, behind one mapping of OS errors to
the kit's errors.

Panels share one session and hear when it changes (:meth:`Session.subscribe`):
a save anywhere is seen by every panel at once.

Heavy libraries (reportlab, icalendar, jinja2) are imported by the methods that
use them, so opening a session stays light.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, Sequence

from .errors import FollowupKitError, InvalidFileError, Problem, RenderError, WorkspaceError
from .model import FollowupSettings, Interview, Profile
from .workspace import (
    OUTPUT_DIR,
    PROFILE_FILE,
    TEMPLATES_DIR,
    Listing,
    Workspace,
    dump_json,
    guard_output,
    locate,
    os_errors,
    parse_json,
    write_atomic,
)

if TYPE_CHECKING:
    from .caldav_sync import SyncReport
    from .calendar import CalendarExport, Previous, Wording
    from .compose import Email, Note
    from .emails import Draft, EmailExport
    from .proofread import Companies, Finding
    from .schedule import Event

#: Wraps a list while it is worked through, e.g. to draw a progress bar
#: (:func:`followup_kit.progress.tracked`); it must yield every item.
Progress = Callable[[list[Any]], Iterable[Any]]

NOTES_DIR = "notes"
EMAILS_DIR = "emails"
CARDS_FILE = "cards.pdf"
CALENDAR_FILE = "followup.ics"


#: In a folder of email drafts: what the kit last wrote to each, so that an edit is recognised.
DRAFTS_MANIFEST = ".followup-kit-drafts.json"
#: File names stay well under the 255 bytes every file system allows.
MAX_NAME = 180


def _through(progress: Progress | None, items: list[Any]) -> Iterable[Any]:
    return progress(items) if progress is not None else items


def _digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def unique_names(names: Iterable[str]) -> list[str]:
    """The file names, each bounded in length and made unique within the list by a suffix:
    'Anna Müller' and 'Anna Muller' both fold to 'anna-muller', so the second gets '-2'."""
    taken: set[str] = set()
    result = []
    for name in names:
        stem, dot, ext = name.rpartition(".")
        if len(name.encode()) > MAX_NAME:
            stem = stem.encode()[: MAX_NAME - 20].decode("ascii", "ignore") + "-" + _digest(name.encode())[:8]
        candidate, n = f"{stem}{dot}{ext}", 2
        while candidate in taken:
            candidate, n = f"{stem}-{n}{dot}{ext}", n + 1
        taken.add(candidate)
        result.append(candidate)
    return result


@dataclass(frozen=True)
class NotesExport:
    """What :meth:`Session.write_notes` wrote: one text file per note."""

    directory: Path
    written: list[Path] = field(default_factory=list)
    notes: list["Note"] = field(default_factory=list)


class Session:
    """A workspace opened once, and every output made from it.

    ``ids`` narrows the session to some interviews (``None``: all of them), as a
    command given one interview file does. Everything read is cached until
    :meth:`reload`; every save goes through the session, updates the cache and
    tells the subscribers.
    """

    def __init__(self, workspace: Workspace, *, ids: Sequence[str] | None = None,
                 progress: Progress | None = None):
        self.workspace = workspace
        self.ids = list(ids) if ids is not None else None
        self._progress = progress
        self._profile: Profile | None = None
        self._listing: Listing | None = None
        self._templates_seen: tuple[Listing | None, Path | None] | None = None
        self._index: tuple[Listing, dict[str, Interview]] | None = None
        self._everyone: list[Interview] | None = None
        self._by_application: dict[str, list[Interview]] | None = None
        self._companies: tuple[Listing, "Companies"] | None = None
        self._listeners: list[Callable[[str, Any], None]] = []

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, output_dir: Path | str | None = None,
             progress: Progress | None = None) -> "Session":
        """Open what a command's PATH names: a workspace folder, its ``profile.json`` (the
        whole workspace) or one interview file in its ``interviews/`` folder.

        ``output_dir`` replaces the workspace's ``output/`` folder; ``progress`` wraps
        the list of interview files while they are read. Raises
        :class:`~followup_kit.errors.WorkspaceError` saying what is missing.
        """
        workspace, ids = locate(path, output_dir=output_dir)
        return cls(workspace, ids=ids, progress=progress)

    # -- what is in the workspace ------------------------------------------------------------

    @property
    def root(self) -> Path:
        return self.workspace.root

    @property
    def output_dir(self) -> Path:
        return self.workspace.output_dir

    @property
    def profile(self) -> Profile:
        """The candidate's profile; :class:`InvalidFileError` when it is not valid."""
        if self._profile is None:
            self._profile = self.workspace.profile()
        return self._profile

    @property
    def settings(self) -> FollowupSettings:
        """The follow-up settings: the kit's defaults with the profile's own on top."""
        return self.profile.settings

    @property
    def templates(self) -> Path | None:
        """The workspace's own ``templates/`` folder, whose files replace the shipped ones."""
        # Looked for once per reading of the interviews (composing asks for every note).
        seen = self._templates_seen
        if seen is not None and self._listing is not None and seen[0] is self._listing:
            return seen[1]
        folder = self.root / TEMPLATES_DIR
        found = folder if folder.is_dir() else None
        self._templates_seen = (self._listing, found)
        return found

    @property
    def listing(self) -> Listing:
        """The interviews of the session: the valid ones by start time, the invalid reported."""
        if self._listing is None:
            self._listing = self.workspace.interviews(self.ids, progress=self._progress)
        return self._listing

    @property
    def interviews(self) -> list[Interview]:
        """The valid interviews, by start time."""
        return self.listing.interviews

    @property
    def invalid(self) -> list[InvalidFileError]:
        """The interview files that could not be read, each with its problems."""
        return self.listing.invalid

    @property
    def all_interviews(self) -> list[Interview]:
        """Every valid interview of the workspace, also when the session is narrowed to some:
        the rounds of an application are planned together (R19)."""
        if self.ids is None:
            return self.interviews
        if self._everyone is None:
            self._everyone = self.workspace.interviews().interviews
        mine = {interview.id: interview for interview in self.interviews}
        return [mine.get(interview.id, interview) for interview in self._everyone]

    def rounds(self, interview: Interview) -> list[Interview]:
        """The rounds of ``interview``'s application in the workspace, first to latest (R19)."""
        from .applications import application_key, application_of

        rounds = self._applications().get(application_key(interview), [])
        return list(application_of(interview, rounds).rounds)

    def _applications(self) -> dict[str, list[Interview]]:
        """The workspace's valid interviews by application (grouped once)."""
        from .applications import application_key

        if self._by_application is None:
            groups: dict[str, list[Interview]] = {}
            for other in self.all_interviews:
                groups.setdefault(application_key(other), []).append(other)
            self._by_application = groups
        return self._by_application

    def interview(self, interview_id: str) -> Interview:
        """One interview by id, as this session last read or saved it."""
        listing = self.listing
        if self._index is None or self._index[0] is not listing:
            self._index = (listing, {interview.id: interview for interview in listing.interviews})
        found = self._index[1].get(interview_id)
        if found is not None:
            return found
        for error in self.invalid:
            if error.path.stem == interview_id:
                raise error
        known = ", ".join(i.id for i in self.interviews) or "none"
        raise WorkspaceError(f"{self.workspace.interview_path(interview_id)}: no such interview file. "
                             f"The interviews in {self.root} are: {known}.")

    def reload(self) -> None:
        """Forget what was read, so that the next access reads the files again."""
        self._profile = None
        self._listing = None
        self._everyone = None
        self._by_application = None
        self._notify("reload", None)

    # -- saving --------------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[str, Any], None]) -> Callable[[], None]:
        """Call ``listener(what, record)`` after every change (``"interview"``, ``"profile"``,
        ``"deleted"``, ``"reload"``); returns a function that unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _notify(self, what: str, record: Any) -> None:
        for listener in list(self._listeners):
            listener(what, record)

    def save(self, interview: Interview, *, new: bool = False) -> Interview:
        """Save an interview (see :meth:`Workspace.save`) and return it with its id.

        Every subscriber hears of it, so each panel shows the saved version.
        """
        path = self.workspace.save(interview, new=new)
        saved = interview.with_id(path.stem)
        outside = self.ids is not None and saved.id not in self.ids and not new  # another round of it
        if self._listing is not None and not outside:
            others = [i for i in self._listing.interviews if i.id != saved.id]
            invalid = [e for e in self._listing.invalid if e.path.stem != saved.id]
            self._listing = Listing(sorted([*others, saved], key=lambda i: (i.start, i.id)), invalid)
        if self._everyone is not None:
            others = [i for i in self._everyone if i.id != saved.id]
            self._everyone = sorted([*others, saved], key=lambda i: (i.start, i.id))
        self._by_application = None
        self._notify("interview", saved)
        return saved

    def delete(self, interview_id: str) -> Path:
        """Delete an interview recoverably (see :meth:`Workspace.delete`); every subscriber
        hears ``("deleted", interview)``. Returns where the file now is, for :meth:`restore`."""
        interview = self.interview(interview_id)
        trashed = self.workspace.delete(interview_id)
        if self._listing is not None:
            self._listing = Listing([i for i in self._listing.interviews if i.id != interview_id],
                                    self._listing.invalid)
        self._everyone = self._by_application = None
        self._notify("deleted", interview)
        return trashed

    def restore(self, trashed: Path | str, interview_id: str) -> Interview:
        """Undo :meth:`delete`: the interview is back, and every subscriber hears of it."""
        path = self.workspace.restore(trashed, interview_id)
        restored = self.workspace.load(path.stem)
        if self._listing is not None:
            others = [i for i in self._listing.interviews if i.id != restored.id]
            self._listing = Listing(sorted([*others, restored], key=lambda i: (i.start, i.id)), self._listing.invalid)
        self._everyone = self._by_application = None
        self._notify("interview", restored)
        return restored

    def save_profile(self, profile: Profile) -> Path:
        """Save the profile (atomic, with a ``.bak``) and tell every subscriber."""
        path = self.workspace.save_profile(profile)
        self._profile = profile
        self._notify("profile", profile)
        return path

    # -- composing --------------------------------------------------------------------------

    def _chosen(self, ids: Sequence[str] | None) -> list[Interview]:
        if ids is None:
            return self.interviews
        return [self.interview(interview_id) for interview_id in ids]

    def notes(self, interview: Interview) -> list["Note"]:
        """One note per interviewer of ``interview``, in the workspace's own wording if it has one;
        to someone met in an earlier round, a note that does not repeat the earlier one (R19)."""
        from .rounds import round_notes

        return round_notes(self.profile, interview, self.rounds(interview), templates=self.templates)

    def card_emails(self, interview: Interview) -> list["Email"]:
        """The same-day emails saying a handwritten card is on its way."""
        from .compose import compose_card_emails

        return compose_card_emails(self.profile, interview, templates=self.templates)

    def emails(self, interview: Interview) -> list["Email"]:
        """Every email drafted for ``interview`` besides the thank-you notes: the same-day
        emails after an in-person interview, the status follow-up and the feedback request
        (to the application's contact; with nobody to send them to, ``check`` says so)."""
        from .compose import compose_feedback_request, compose_follow_up
        from .errors import InvalidValueError

        rounds = self.rounds(interview)
        found = [*self.card_emails(interview)]
        if rounds and rounds[-1].id != interview.id:
            return found  # the application's follow-up and feedback request are its latest round's (R19)
        for compose in (compose_follow_up, compose_feedback_request):
            try:
                found.append(compose(self.profile, interview, templates=self.templates, rounds=rounds))
            except InvalidValueError:
                continue  # no contact on the panel: the no-contact finding asks for one
        return found

    def companies(self) -> "Companies":
        """The workspace's companies, for finding another one named in a note (built once)."""
        from .proofread import Companies

        if self._companies is None or self._companies[0] is not self.listing:
            self._companies = (self.listing, Companies(i.company for i in self.listing.interviews))
        return self._companies[1]

    def proofread(self, interview: Interview, notes: list["Note"] | None = None) -> list["Finding"]:
        """The proofreading of one interview's notes (composed here unless given), of every
        email drafted for it and of its record, with the checks across the rounds of its
        application (R19): who gets the follow-up, and notes to a person met again that repeat
        the earlier note."""
        from .proofread import check_contact, proofread
        from .rounds import repeated_notes

        notes = self.notes(interview) if notes is None else notes
        rounds = self.rounds(interview)
        return [*proofread(self.profile, interview, notes, emails=self.emails(interview),
                           companies=self.companies()),
                *check_contact(interview, rounds), *repeated_notes(interview, notes, rounds, self.notes)]

    def findings(self, *, progress: Progress | None = None, workers: int | None = None) -> list["Finding"]:
        """The proofreading of every valid interview of the session, in interview order.

        A large workspace is proofread by several processes at once (``workers``,
        by default one per core from :data:`PARALLEL_FROM` interviews on, where the
        system can fork); ``progress`` then advances by batches of interviews.
        """
        interviews = self.interviews
        if workers is None:
            workers = _default_workers(len(interviews))
        if workers <= 1:
            return [finding for interview in _through(progress, interviews) for finding in self.proofread(interview)]
        import gc
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _FORKED
        # What was read is left out of the garbage collections from here on (the workers',
        # which would otherwise walk, and so copy page by page, every record of a large
        # workspace, and this process's while it gathers what the workers share).
        gc.freeze()
        try:
            # Read and built before forking, so that every worker has them: the profile, the
            # workspace's companies and its applications (each worker would otherwise build the
            # last two from every record, and copy every page of them as it went).
            self.profile
            self.companies()
            self._applications()
            size = max(1, min(50, len(interviews) // (workers * 4) or 1))
            batches = [[i.id for i in interviews[k:k + size]] for k in range(0, len(interviews), size)]
            _FORKED = self
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                futures = [pool.submit(_proofread_batch, batch) for batch in batches]
                return [finding for future in _through(progress, futures) for finding in future.result()]
        finally:
            gc.unfreeze()
            _FORKED = None

    def plan(self, *, now: dt.datetime | None = None, include_done: bool = False,
             ids: Sequence[str] | None = None) -> list["Event"]:
        """Every follow-up step of the session's interviews (or of ``ids``), by due time, each
        planned as a round of its application in the whole workspace (R19)."""
        from .schedule import plan

        chosen = self._chosen(ids)
        if ids is None and self.ids is None:
            return plan(self.profile, chosen, settings=self.settings, now=now, include_done=include_done)
        context = {interview.id: interview for interview in self.all_interviews}
        context.update((interview.id, interview) for interview in chosen)
        return [event for event in plan(self.profile, context.values(), settings=self.settings, now=now,
                                        include_done=include_done) if event.interview_id in set(context) & {
                                            interview.id for interview in chosen}]

    def describe(self, event: "Event") -> "Wording":
        """What a planned step says (its calendar title and description), in the workspace's wording."""
        from .calendar import describe

        return describe(event, templates=self.templates)

    def drafts(self, interview: Interview, *, include_done: bool = False) -> list["Draft"]:
        """Every email draft of ``interview``, in the order to send them."""
        from .emails import email_drafts

        return email_drafts(self.profile, interview, templates=self.templates, include_done=include_done,
                            rounds=self.rounds(interview))

    # -- rendering: records in, bytes out ------------------------------------------------------

    def card_notes(self, ids: Sequence[str] | None = None, *,
                   progress: Progress | None = None) -> list["Note"]:
        """The card notes of the in-person interviews (all, or those in ``ids``)."""
        in_person = [i for i in self._chosen(ids) if i.medium == "in-person"]
        return [note for interview in _through(progress, in_person)
                for note in self.notes(interview) if note.medium == "card"]

    def cards_pdf(self, ids: Sequence[str] | None = None, *, size: Any = None, sheet: str | None = None,
                  draft: bool = False, progress: Progress | None = None, **options: Any) -> bytes:
        """The printable cards of the in-person interviews as PDF bytes.

        Size and sheet default to the profile's country. Raises :class:`RenderError`
        when there is no in-person interview, and the renderer's errors for an
        unverified name (without ``draft``) or a character no font has.
        """
        from .cards import default_size_and_sheet, render_cards
        from .geometry import Layout

        if ids is None and self.invalid:
            raise self.invalid[0]
        default_size, default_sheet = default_size_and_sheet(self.profile)
        size, sheet = size or default_size, sheet or default_sheet
        Layout.build(size, sheet)  # a bad size or sheet is reported before any work
        notes = self.card_notes(ids, progress=progress)
        if not notes:
            among = f" among {', '.join(ids)}" if ids else ""
            raise RenderError(
                f"{self.root}: no in-person interview{among}, so no cards to print (after a phone or "
                "video interview the email is the thank-you note).")
        return render_cards(notes, self.profile, self._chosen(ids), size=size, sheet=sheet, draft=draft,
                            templates=self.templates, **options)

    def card_preview(self, note: "Note", interview: Interview, **options: Any) -> bytes:
        """A PNG of one card at its real proportions."""
        from .cards import card_preview

        return card_preview(note, self.profile, interview, templates=self.templates, **options)

    def calendar_ics(self, *, previous: "bytes | Mapping[str, Previous] | None" = None,
                     stamp: dt.datetime | None = None,
                     ids: Sequence[str] | None = None) -> tuple[bytes, list["Event"]]:
        """The .ics of every open step (all interviews, or ``ids``) and the events in it.

        ``previous``, an earlier export to the same file, carries each event's SEQUENCE on,
        and its steps that dropped out are written once more as cancelled. With an email
        in the profile, the calendar is published with the candidate as its organizer.
        """
        from .calendar import build_calendar, calendar_name

        events = self.plan(ids=ids)
        data = build_calendar(events, stamp=stamp, name=calendar_name(self.profile, templates=self.templates),
                              previous=previous, templates=self.templates,
                              organizer=self.profile.email, organizer_name=self.profile.name)
        return data, events

    def sync_caldav(self, target: Any, *, user: str | None = None, password: str | None = None,
                    stamp: dt.datetime | None = None, ids: Sequence[str] | None = None) -> "SyncReport":
        """Bring a CalDAV calendar in line with the open steps (all interviews, or ``ids``).

        ``target`` is the calendar's address or a connected ``caldav.Calendar``. New steps
        are created, changed ones updated, and the kit's events of these interviews that
        dropped out deleted; no other event is touched (see :mod:`followup_kit.caldav_sync`).
        """
        from .caldav_sync import connect, sync, url_user

        if isinstance(target, str):
            user = user or url_user(target)
            target = connect(target, user=user, password=password)
        scope = {interview.id for interview in self._chosen(ids)}
        report = sync(target, lambda previous: self.calendar_ics(previous=previous, stamp=stamp, ids=ids)[0],
                      scope=scope, user=user)
        report.invalid = list(self.invalid) if ids is None else []
        return report

    # -- writing: the one place files are made -------------------------------------------------

    def write(self, path: Path | str, data: bytes) -> Path:
        """Write one output file atomically; an OS error becomes a message naming the file.

        Never onto the workspace's records or over a file the kit did not write
        (:func:`~followup_kit.workspace.guard_output`).
        """
        return write_atomic(guard_output(path), data)

    def _default(self, name: str, ids: Sequence[str] | None, suffix: str) -> Path:
        # One interview's file is named after it, so files of different interviews never collide.
        chosen = ids if ids is not None else self.ids
        if chosen is not None and len(chosen) == 1:
            return self.output_dir / f"{name}-{chosen[0]}{suffix}"
        return self.output_dir / f"{name}{suffix}"

    def write_notes(self, directory: Path | str | None = None, *,
                    progress: Progress | None = None) -> NotesExport:
        """One text file per note of every valid interview (default: ``output/notes/``)."""
        from .compose import note_file_text, note_filename

        export = NotesExport(guard_output(Path(directory) if directory is not None else self.output_dir / NOTES_DIR,
                                          folder=True))
        for interview in _through(progress, self.interviews):
            notes = self.notes(interview)
            for note, name in zip(notes, unique_names(note_filename(n) for n in notes)):
                export.notes.append(note)
                export.written.append(write_atomic(export.directory / name, note_file_text(note).encode("utf-8")))
        return export

    def write_cards(self, output: Path | str | None = None, *, ids: Sequence[str] | None = None,
                    **options: Any) -> Path:
        """The cards PDF (see :meth:`cards_pdf`) written to ``output``, by default
        ``output/cards.pdf`` (``cards-<id>.pdf`` for one interview)."""
        pdf = self.cards_pdf(ids, **options)
        return self.write(Path(output) if output is not None else self._default("cards", ids, ".pdf"), pdf)

    def write_calendar(self, path: Path | str | None = None, *, stamp: dt.datetime | None = None,
                       ids: Sequence[str] | None = None) -> "CalendarExport":
        """The .ics written to ``path``, by default ``output/followup.ics``
        (``followup-<id>.ics`` for one interview).

        An earlier export at ``path`` is read back so each event keeps its SEQUENCE; a
        file there that the kit did not write, or a damaged export, is never replaced.
        """
        from .calendar import CalendarExport, previous_events

        target = guard_output(Path(path) if path is not None else self._default("followup", ids, ".ics"))
        with os_errors(target, "read"):
            previous = target.read_bytes() if target.is_file() else None
        try:
            earlier = previous_events(previous)  # read once: checked here, then numbered from
        except ValueError as exc:  # numbering again from 0 would make calendar apps ignore the updates
            raise InvalidFileError(target, [Problem(
                str(target), "", "the whole calendar followup-kit wrote there before", str(exc),
                "It was left unchanged. Restore it from a backup and run again; or, to start afresh, move "
                "it away, delete these follow-up events in your calendar app and import the new file "
                "(calendar apps ignore updates numbered lower than what they already have).")]) from exc
        data, events = self.calendar_ics(previous=earlier, stamp=stamp, ids=ids)
        self.write(target, data)
        return CalendarExport(target, events, list(self.invalid) if ids is None else [])

    def write_emails(self, directory: Path | str | None = None, *,
                     progress: Progress | None = None) -> "EmailExport":
        """The open email drafts of every valid interview as ``.eml`` files (default:
        ``output/emails/``).

        A draft the user edited is never overwritten: the new one is written beside it
        (``….new.eml``) and listed in ``beside``. Drafts of steps since marked done (or
        of closed interviews) that an earlier run wrote are deleted, so that nothing is
        sent twice, unless they were edited (then listed in ``kept``). What the kit
        wrote is remembered in a hidden file in the folder, which is how an edit is told.
        """
        from .emails import EmailExport, draft_bytes

        target = guard_output(Path(directory) if directory is not None else self.output_dir / EMAILS_DIR,
                              folder=True)
        export = EmailExport(target, invalid=list(self.invalid))
        manifest = self._manifest(target)
        settled = {e.interview_id for e in self.plan(include_done=True) if e.status != "open"}
        for interview in _through(progress, self.interviews):
            finished = interview.id in settled  # done, replaced by a later round, or closed
            # Drafts of finished steps are composed only to find an earlier export of them.
            drafts = self.drafts(interview, include_done=finished and target.is_dir())
            for draft, name in zip(drafts, unique_names(d.filename for d in drafts)):
                path = target / name
                if draft.status != "open":
                    self._remove_stale(path, draft, manifest, export)
                elif draft.problem:
                    export.unaddressed.append(draft)
                else:
                    data = draft_bytes(draft, self.profile)
                    export.drafts.append(draft)
                    if self._edited(path, manifest, data):
                        path = path.with_name(path.stem + ".new.eml")
                        export.beside.append(path)
                    export.written.append(write_atomic(path, data))
                    manifest[path.name] = _digest(data)
        if export.written or export.removed:
            write_atomic(target / DRAFTS_MANIFEST, dump_json(dict(sorted(manifest.items()))))
        return export

    @staticmethod
    def _manifest(folder: Path) -> dict[str, str]:
        path = folder / DRAFTS_MANIFEST
        with os_errors(path, "read"):
            if not path.is_file():
                return {}
            try:
                data = parse_json(path.read_bytes(), str(path))
            except FollowupKitError:
                return {}  # a damaged record of what was written: every existing draft counts as edited
        return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}

    @staticmethod
    def _edited(path: Path, manifest: dict[str, str], new: bytes) -> bool:
        """Whether the draft at ``path`` holds changes the kit did not make."""
        with os_errors(path, "read"):
            if not path.is_file():
                return False
            current = path.read_bytes()
        return current != new and manifest.get(path.name) != _digest(current)

    def _remove_stale(self, path: Path, draft: "Draft", manifest: dict[str, str], export: "EmailExport") -> None:
        from .emails import draft_bytes

        with os_errors(path, "removed"):
            if not path.is_file() or draft.problem:
                return
            current = path.read_bytes()
            if manifest.get(path.name) == _digest(current) or current == draft_bytes(draft, self.profile):
                path.unlink()  # as the kit wrote it: safe to delete
                manifest.pop(path.name, None)
                export.removed.append(path)
            else:
                export.kept.append(path)

    def build_all(self) -> Iterator[tuple[str, Path]]:
        """Every output of the workspace, as the demo makes them: (label, path) per file written.

        Notes, the cards of the in-person interviews with a printer test page, the
        calendar and the email drafts, each in the output folder.
        """
        for path in self.write_notes().written:
            yield "thank-you notes", path
        if any(i.medium == "in-person" for i in self.interviews):
            yield "cards", self.write_cards(alignment_page=True)
        yield "calendar", self.write_calendar().path
        for path in self.write_emails().written:
            yield "email drafts", path


#: From this many interviews on, proofreading a workspace uses every core.
PARALLEL_FROM = 200
#: The session a forked proofreading worker reads (set only while the workers run).
_FORKED: Session | None = None


def _default_workers(count: int) -> int:
    import multiprocessing
    import os

    if count < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(os.cpu_count() or 1, 8)


def _proofread_batch(ids: list[str]) -> list["Finding"]:
    """In a forked worker: the proofreading of some interviews of the session that forked it."""
    import gc

    session = _FORKED
    assert session is not None, "a proofreading worker runs only forked from a session"
    # A worker lives only as long as the proofreading, which makes many short-lived objects and
    # next to no cycles (2,000 interviews in one process peak at the same memory either way):
    # the cyclic collector's passes would be time spent finding nothing.
    gc.disable()
    return [finding for interview_id in ids for finding in session.proofread(session.interview(interview_id))]


def create(root: Path | str, profile: Profile) -> Session:
    """Make a new workspace folder holding ``profile`` and open a session on it."""
    with os_errors(root, "created"):
        return Session(Workspace.create(root, profile))


__all__ = ["CARDS_FILE", "CALENDAR_FILE", "NotesExport", "OUTPUT_DIR", "PROFILE_FILE", "Session", "create"]
