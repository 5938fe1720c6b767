"""The only module that reads and writes the user's files.

A workspace is a folder the user owns::

    my-job-search/
      profile.json
      interviews/<id>.json
      output/

Writes are atomic (a temporary file in the same folder, flushed and fsynced,
then ``os.replace``) and keep the previous version as ``<name>.bak``. Saving
refuses to overwrite a file that changed on disk since this workspace object
read it, so two notebooks open on one interview never silently lose edits.
"""

from __future__ import annotations

import errno
import gc
import hashlib
import json
import os
import re
import stat
import tempfile
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Container, Iterable, Iterator

from .errors import ConflictError, FollowupKitError, InvalidFileError, Problem, WorkspaceError
from .model import Interview, Profile

PROFILE_FILE = "profile.json"
INTERVIEWS_DIR = "interviews"
OUTPUT_DIR = "output"
TEMPLATES_DIR = "templates"
LOCK_FILE = ".followup-kit.lock"
GENERATION_FILE = ".followup-kit.saves"
#: Inside ``interviews/``: where deleted interviews wait, recoverable (hidden, so never listed).
TRASH_DIR = ".deleted"
#: Seconds a save waits for another program's save to finish before giving up.
LOCK_TIMEOUT = 30.0


def _umask() -> int:
    # os.umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


#: What to do about a file the system refused, by errno: the fix in plain words.
_OS_FIXES = {
    errno.ENOENT: "Check that the folder exists and the path is spelled right",
    errno.ENOTDIR: "A part of the path is a file where a folder was expected; give another path",
    errno.EISDIR: "That is a folder; give the path of a file",
    errno.EACCES: "You have no permission there; choose a folder you can write to, or fix its permissions",
    errno.EPERM: "You have no permission there; choose a folder you can write to, or fix its permissions",
    errno.EROFS: "That disk is read-only; choose another folder",
    errno.ENOSPC: "The disk is full; free some space and try again",
    errno.ENAMETOOLONG: "The name is too long for this system; choose a shorter path",
    errno.EEXIST: "Something is already there; choose another path or move it away first",
}


def file_in_the_way(path: Path | str) -> Path | None:
    """The file that stands where a folder on the way to ``path`` should be, if any."""
    for folder in Path(path).parents:
        try:
            if folder.exists():
                return None if folder.is_dir() else folder
        except OSError:
            return None
    return None


def os_error_message(path: Path | str, doing: str, exc: OSError) -> str:
    """A plain-words message for an :class:`OSError`: the path, what failed, why, and the fix."""
    blocker = file_in_the_way(exc.filename or path) if exc.errno in (errno.EEXIST, errno.ENOTDIR) else None
    if blocker is not None:  # mkdir's "File exists" says nothing about which file is in the way
        return (f"{path}: could not be {doing} ({blocker} is a file, where a folder was expected). "
                "Give another path, or move that file away first.")
    where = exc.filename if exc.filename and str(exc.filename) != str(path) else None
    reason = exc.strerror or str(exc)
    if where is not None:
        reason += f": {where}"
    fix = _OS_FIXES.get(exc.errno or 0, "Check the path and its permissions, then try again")
    return f"{path}: could not be {doing} ({reason}). {fix}."


@contextmanager
def os_errors(path: Path | str, doing: str = "written") -> Iterator[None]:
    """Turn any :class:`OSError` inside the block into a :class:`WorkspaceError` naming ``path``.

    The one mapping of operating-system errors to the kit's errors (as httpx's
    ``map_exceptions``): every read and write of the user's files goes through it,
    so a full disk or a missing folder is a message, never a traceback.
    """
    try:
        yield
    except FollowupKitError:
        raise
    except OSError as exc:
        raise WorkspaceError(os_error_message(path, doing, exc)) from exc


def write_atomic(path: Path, data: bytes, *, backup: bool = False) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never half.

    With ``backup``, the file being replaced is kept as ``<name>.bak`` first. A
    replaced file keeps its permissions; a new one gets those the umask allows (as
    any program's new file would), not the private mode of a temporary file.
    Raises :class:`WorkspaceError` naming the path when the folder is not writable.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            info = path.stat()
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        else:
            if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
                # A device or pipe (/dev/null, /dev/stdout) is written to, never replaced.
                with open(path, "wb") as handle:
                    handle.write(data)
                return path
            mode = info.st_mode & 0o7777
        if backup and path.exists():
            write_atomic(path.with_name(path.name + ".bak"), path.read_bytes())
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        blocker = file_in_the_way(path) if exc.errno in (errno.EEXIST, errno.ENOTDIR) else None
        if blocker is not None:
            raise WorkspaceError(
                f"{path}: could not be written: {blocker} is a file, where a folder was expected. "
                "Give another path, or move that file away first.") from exc
        raise WorkspaceError(
            f"{path}: could not be written ({exc.strerror or exc}). The previous version, if any, "
            f"is unchanged. {_OS_FIXES.get(exc.errno or 0, 'Check that the folder exists and is writable')}."
        ) from exc
    return path


#: The largest record file the kit reads: a real interview is a few kilobytes.
MAX_RECORD_BYTES = 16_000_000


#: Existing files are searched this far for the signature of the kit.
_LARGEST_OUTPUT = 256 * 1024 * 1024
#: How each kind of single output file says the kit wrote it.
_SIGNATURES = {
    ".pdf": b"followup-kit",
    ".ics": b"PRODID:-//followup-kit//",
    ".json": b'"$schema": "https://json-schema.org/',
}


def _records_of(path: Path) -> Path | None:
    """The workspace whose own records (profile, interviews, templates) ``path`` would be, if any."""
    path = path.absolute()
    for folder in path.parents:
        if (folder / PROFILE_FILE).is_file():
            inside = path.relative_to(folder).parts
            if inside and (inside[0] in (INTERVIEWS_DIR, TEMPLATES_DIR) or inside[0].startswith(PROFILE_FILE)):
                return folder
            return None
    return None


def guard_output(path: Path | str, *, folder: bool = False) -> Path:
    """Check that an output may be written at ``path``; raise :class:`WorkspaceError` if not.

    Never onto a workspace's own records (its profile, interview files and
    templates), never onto a folder, and never over an existing file the kit did
    not write (by the signature each kind of output carries). With ``folder``,
    ``path`` is a folder of outputs (notes, email drafts).
    """
    path = Path(path)
    workspace = _records_of(path)
    if workspace is not None:
        raise WorkspaceError(
            f"{path}: is one of the records of the workspace {workspace} (its profile, interviews or "
            f"templates), so nothing was written there. Give a path outside them, for example in "
            f"{workspace / OUTPUT_DIR}.")
    if folder:
        if path.exists() and not path.is_dir():
            raise WorkspaceError(f"{path}: is a file, so the outputs cannot go into it. Give a folder.")
        return path
    with os_errors(path, "read"):
        if path.is_dir():
            raise WorkspaceError(f"{path}: is a folder; give the path of a file in it.")
        if path.exists():
            if not stat.S_ISREG(path.stat().st_mode):
                return path  # /dev/null and the like take anything
            with open(path, "rb") as handle:
                content = handle.read(_LARGEST_OUTPUT)
            signature = _SIGNATURES.get(path.suffix.lower())
            if signature is None or signature not in content:
                raise WorkspaceError(
                    f"{path}: exists and was not written by followup-kit, so it was left unchanged. "
                    "Give another file name, or move that file away first.")
    return path


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for the block (work that builds many objects and
    no cycles), and as it was after; reference counting frees what is dropped meanwhile."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _too_large(shown: str, size: str, limit: int) -> WorkspaceError:
    return WorkspaceError(f"{shown}: is {size}; a file of this kind is at most {limit:,}. It was not "
                          "read: check that it is the right file.")


def read_bytes(path: Path | str, *, shown: str | None = None, missing: str = "",
               limit: int | None = None) -> bytes:
    """A user's file as bytes; a missing or unreadable file raises :class:`WorkspaceError`
    naming it (``missing`` says what to do when it does not exist).

    Only a regular file is opened (a FIFO would hang, a device never end); with
    ``limit``, a larger file is refused before it is read.
    """
    shown = shown or str(path)
    try:
        info = Path(path).stat()
        if not stat.S_ISREG(info.st_mode):
            raise WorkspaceError(f"{shown}: is not a regular file (a folder, pipe or device), so it was not "
                                 "read. Move it out of the workspace, or give the path of a file.")
        if limit is not None and info.st_size > limit:
            raise _too_large(shown, f"{info.st_size:,} bytes", limit)
        with open(path, "rb") as handle:
            if limit is None:
                return handle.read()
            # As many bytes as the file holds (a buffer of ``limit`` bytes for each small file would
            # be allocated and given back to the system every time), and more if it grew since.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(max(0, limit + 1 - len(data)))
                if len(data) > limit:
                    raise _too_large(shown, f"more than {limit:,} bytes now", limit)
            return data
    except FileNotFoundError:
        raise WorkspaceError(f"{shown}: no such file.{' ' + missing if missing else ''}") from None
    except OSError as exc:
        raise WorkspaceError(f"{shown}: could not be read ({exc.strerror or exc}).") from exc


def read_json(path: Path | str, *, shown: str | None = None) -> Any:
    """Parse a JSON file, or raise :class:`InvalidFileError` with the line and column."""
    shown = shown or str(path)
    return parse_json(read_bytes(path, shown=shown), shown)


def parse_json(raw: bytes, shown: str) -> Any:
    """Parse JSON bytes; a syntax error names the line and column in plain words."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InvalidFileError(shown, [Problem(
            shown, f"line {line}", "text saved as UTF-8", "bytes in another encoding",
            "Save the file as UTF-8 in your editor")]) from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_int=_whole_number)
    except _HugeNumber as exc:
        long_run = re.search(r"\d{%d,}" % (_MAX_DIGITS + 1), text)
        line = f"line {text.count(chr(10), 0, long_run.start()) + 1}" if long_run else ""
        raise InvalidFileError(shown, [Problem(
            shown, line, f"numbers of at most {_MAX_DIGITS} digits", f"a number of {exc.args[0]:,} digits",
            "No field of a record holds such a number; check the file, or restore it from its .bak copy")]) from None
    except RecursionError:
        raise InvalidFileError(shown, [Problem(
            shown, "", "a record nested a few levels deep", "lists or objects nested thousands of levels deep",
            "This is not a file the kit wrote; restore it from its .bak copy or write it again")]) from None
    except json.JSONDecodeError as exc:
        raise InvalidFileError(shown, [Problem(
            shown, f"line {exc.lineno}, column {exc.colno}", "valid JSON",
            exc.msg.lower(), "A missing comma or quote just before this point is the usual cause")]) from None
    except _DuplicateKey as exc:
        raise InvalidFileError(shown, [Problem(
            shown, str(exc), "each field once", "the field twice",
            "Delete one of the two; only one can be kept")]) from None


class _DuplicateKey(ValueError):
    pass


#: A record's numbers are days and minutes; a longer one is a damaged file, and Python refuses
#: to convert more than 4,300 digits anyway.
_MAX_DIGITS = 30


class _HugeNumber(ValueError):
    pass


def _whole_number(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > _MAX_DIGITS:
        raise _HugeNumber(digits)
    return int(text)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads keeps the last of two equal keys silently; a user's edit could vanish.
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    result = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def dump_json(record: dict[str, Any]) -> bytes:
    """The bytes the kit writes for a record: UTF-8, two-space indent, final newline."""
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# Latin letters that Unicode does not decompose into a base letter plus accent.
_ASCII_EXTRA = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                              "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ı": "i"})
_COMPANY_SUFFIXES = {"inc", "llc", "ltd", "gmbh", "ag", "sa", "co", "corp", "plc", "bv", "srl", "limited"}


def slug(text: str, *, limit: int = 60) -> str:
    """A lower-case ASCII slug of at most ``limit`` characters: 'Nordwind Energie GmbH' -> 'nordwind-energie'."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_ASCII_EXTRA)).encode("ascii", "ignore").decode()
    words = [w for w in re.split(r"[^a-z0-9]+", ascii_text.lower()) if w]
    while len(words) > 1 and words[-1] in _COMPANY_SUFFIXES:
        words.pop()
    return "-".join(words)[:limit].rstrip("-")


@dataclass(frozen=True)
class Listing:
    """The interviews of a workspace: the valid ones, and a report of the invalid ones."""

    interviews: list[Interview] = field(default_factory=list)
    invalid: list[InvalidFileError] = field(default_factory=list)

    def __iter__(self) -> Iterator[Interview]:
        return iter(self.interviews)


class Workspace:
    """A workspace folder: its profile, its interviews and its output folder."""

    def __init__(self, root: Path | str, *, output_dir: Path | str | None = None):
        self.root = Path(root)
        self._output_dir = Path(output_dir) if output_dir is not None else None
        self._seen: dict[Path, str] = {}
        self._folders: dict[Path, Path] = {}
        self._lock: Any = None

    # -- opening --------------------------------------------------------------------

    @classmethod
    def open(cls, root: Path | str, *, output_dir: Path | str | None = None) -> "Workspace":
        """Open an existing workspace, or raise :class:`WorkspaceError` saying what is missing.

        Generated files go to ``output_dir``, by default the workspace's ``output/``.
        """
        root = Path(root)
        if not root.is_dir():
            blocker = file_in_the_way(root)
            if blocker is not None:
                raise WorkspaceError(f"{root}: {blocker} is a file, where a folder was expected. Give the "
                                     "path of a workspace folder.")
            raise WorkspaceError(
                f"{root}: no such folder. Give the path of a workspace (a folder with {PROFILE_FILE} and "
                f"{INTERVIEWS_DIR}/), or create one with 'followup-kit new {root}', which asks for "
                "your profile and your first interview."
            )
        if not (root / PROFILE_FILE).is_file():
            raise WorkspaceError(
                f"{root}: this folder has no {PROFILE_FILE}, so it is not a workspace. "
                f"Create it with 'followup-kit new {root}', which asks for your profile first "
                f"(or write {root / PROFILE_FILE} by hand: see 'followup-kit schema profile')."
            )
        return cls(root, output_dir=output_dir)

    @classmethod
    def create(cls, root: Path | str, profile: Profile) -> "Workspace":
        """Make a new workspace folder holding ``profile``; refuses to replace an existing one."""
        root = Path(root)
        if (root / PROFILE_FILE).exists():
            raise WorkspaceError(f"{root / PROFILE_FILE}: already exists; open that workspace instead.")
        workspace = cls(root)
        (root / INTERVIEWS_DIR).mkdir(parents=True, exist_ok=True)
        workspace.save_profile(profile)
        return workspace

    # -- paths --------------------------------------------------------------------------

    @property
    def interviews_dir(self) -> Path:
        return self.root / INTERVIEWS_DIR

    @property
    def output_dir(self) -> Path:
        return self._output_dir or self.root / OUTPUT_DIR

    def interview_path(self, interview_id: str) -> Path:
        path = self.interviews_dir / f"{interview_id}.json"
        if not path.exists():  # a file saved elsewhere as <id>.JSON keeps its name
            for suffix in (".JSON", ".Json"):
                other = self.interviews_dir / f"{interview_id}{suffix}"
                if other.exists():
                    return other
        return path

    def shown(self, path: Path) -> str:
        """How a path is named in messages: as the user gave the workspace, plus the file."""
        return str(path)

    def _key(self, path: Path) -> Path:
        # Resolving every file's full path costs a system call per folder level; the
        # folders of a workspace are few, so resolve each once and add the file name.
        folder = self._folders.get(path.parent)
        if folder is None:
            folder = self._folders[path.parent] = path.parent.resolve()
        return folder / path.name

    # -- reading ------------------------------------------------------------------------

    def _read(self, path: Path) -> Any:
        raw = read_bytes(path, shown=self.shown(path), limit=MAX_RECORD_BYTES)
        data = parse_json(raw, self.shown(path))
        self._seen[self._key(path)] = _digest(raw)
        return data

    def profile(self) -> Profile:
        """The candidate's profile; :class:`InvalidFileError` if it is not valid."""
        path = self.root / PROFILE_FILE
        return Profile.from_record(self._read(path), file=self.shown(path))

    def _entries(self) -> Iterator[os.DirEntry[str]]:
        folder = self.interviews_dir
        try:
            with os.scandir(folder) as entries:
                yield from entries
        except FileNotFoundError:
            raise WorkspaceError(
                f"{self.shown(folder)}: no such folder, so this workspace's interviews cannot be found. "
                f"If it has none yet, create the empty folder {folder.name}/ beside {PROFILE_FILE}; if it was "
                "moved or renamed, put it back.") from None
        except OSError as exc:
            raise WorkspaceError(os_error_message(self.shown(folder), "read", exc)) from exc

    def ids(self) -> list[str]:
        """The ids of every interview file (``<id>.json``, any case), sorted.

        Raises :class:`WorkspaceError` when the ``interviews/`` folder is missing or
        cannot be read: that is never taken for a workspace without interviews.
        """
        return sorted(name[:-5] for name in self._names())  # each ends in .json, in some case

    def _names(self) -> list[str]:
        """The names of the interview files (``<id>.json``, any case)."""
        return [e.name for e in self._entries() if not e.name.startswith(".") and e.name.lower().endswith(".json")]

    def stray_files(self) -> list[str]:
        """What is in ``interviews/`` besides interview files and the kit's own backups: each
        reported and skipped, never opened."""
        stray = []
        for entry in self._entries():
            name = entry.name
            if name.startswith(".") or name.endswith(".json.bak"):
                continue
            if not name.lower().endswith(".json"):
                stray.append(f"{self.shown(self.interviews_dir / name)}: not an interview file (only .json "
                             "files are read), so it was skipped. Move it elsewhere to silence this.")
        return sorted(stray)

    def load(self, interview_id: str, *, path: Path | None = None) -> Interview:
        """One interview by id; :class:`InvalidFileError` if its file is not valid.
        ``path``: its file, when the caller has just listed the folder."""
        path = path or self.interview_path(interview_id)
        return Interview.from_record(self._read(path), id=interview_id, file=self.shown(path))

    def interviews(self, ids: list[str] | None = None, *,
                   progress: Callable[[list[str]], Iterable[str]] | None = None) -> Listing:
        """Every interview (or those in ``ids``): valid ones by start time, invalid ones reported.

        ``progress`` wraps the list of ids while they are read, e.g. to draw a
        progress bar (:func:`followup_kit.progress.tracked`).
        """
        # Reading builds thousands of records that all live on and hold no cycles: left on, the
        # cyclic collector would walk every record read so far, again and again (a quarter of
        # the time for 10,000 files).
        with collector_paused():
            return self._listing(ids, progress)

    def _listing(self, ids: list[str] | None, progress: Callable[[list[str]], Iterable[str]] | None) -> Listing:
        valid: list[Interview] = []
        invalid: list[InvalidFileError] = []
        files: dict[str, str] = {}
        if ids is None:  # every file: each one's name is known from the listing, not looked for again
            names = self._names()
            ids = sorted(name[:-5] for name in names)  # each ends in .json, in some case
            for name in sorted(names, key=lambda n: n.endswith(".json")):  # <id>.json wins, as it is looked for
                files[name[:-5]] = name
        for interview_id in progress(ids) if progress is not None else ids:
            name = files.get(interview_id)
            try:
                valid.append(self.load(interview_id, path=self.interviews_dir / name if name else None))
            except InvalidFileError as exc:
                invalid.append(exc)
            except WorkspaceError as exc:  # unreadable: reported beside the others, which go on
                path = self.shown(self.interview_path(interview_id))
                invalid.append(InvalidFileError(path, [Problem(path, "", "a readable interview file",
                                                               str(exc).removeprefix(f"{path}: "))]))
        valid.sort(key=lambda i: (i.start, i.id))
        return Listing(valid, invalid)

    # -- writing -----------------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the workspace's write lock for the block.

        Every save takes it, so "has the file changed since it was loaded?" and the
        write are one step that no other notebook, tab or command can come between,
        and a new id is claimed by one saver only. The lock is a file
        (``.followup-kit.lock``) that the operating system releases if the process dies.
        """
        from filelock import FileLock, Timeout  # imported here: `import followup_kit` stays light

        if self._lock is None:
            self._lock = FileLock(str(self.root / LOCK_FILE), timeout=LOCK_TIMEOUT)
        try:
            with os_errors(self.root / LOCK_FILE, "locked"), self._lock:
                yield
        except Timeout:
            raise WorkspaceError(
                f"{self.root}: another program has been saving to this workspace for over "
                f"{LOCK_TIMEOUT:.0f} seconds, so nothing was written. Try again in a moment; if it "
                f"persists, close the other notebooks and commands working on it.") from None

    def _clean_leftovers(self, folder: Path) -> None:
        # A save killed half-way leaves its hidden temporary file. Under the lock no save
        # is under way, so any left in the folder is such a leftover.
        for leftover in folder.glob(".*.tmp"):
            leftover.unlink(missing_ok=True)

    def _write(self, path: Path, data: bytes, *, new: bool) -> Path:
        key = self._key(path)
        with self.locked():
            with os_errors(path, "read"):
                self._clean_leftovers(path.parent)
                current = path.read_bytes() if path.exists() else None
            seen = self._seen.get(key)
            if current is not None and seen is None:
                raise ConflictError(path, (
                    f"{self.shown(path)}: a file with this name already exists, and this session "
                    "has not loaded it. Nothing was written. Load it first to edit it, or save "
                    "under another id."
                ))
            if current is not None and seen != _digest(current):
                raise ConflictError(path, (
                    f"{self.shown(path)}: changed on disk since it was loaded (another notebook or "
                    "an editor saved it). Nothing was written, so neither version is lost. Load the "
                    "file again, re-apply your edits and save; or save yours under a new id."
                ))
            write_atomic(path, data, backup=True)
            self._seen[key] = _digest(data)
            self._bump_generation()
        return path

    def generation(self) -> int:
        """How many saves the workspace has had (read it under :meth:`locked`): a reader that
        saw one number and sees another knows someone saved in between. A folder's time
        stamp cannot tell that: two saves within one clock tick leave it the same."""
        try:
            return int((self.root / GENERATION_FILE).read_text("ascii") or 0)
        except (OSError, ValueError):
            return 0

    def _bump_generation(self) -> None:
        with os_errors(self.root / GENERATION_FILE, "written"):
            (self.root / GENERATION_FILE).write_text(str(self.generation() + 1), "ascii")

    def save(self, interview: Interview, *, new: bool = False) -> Path:
        """Write an interview to ``interviews/<id>.json`` atomically, keeping a ``.bak``.

        With ``new`` (or when the interview has no id yet) the id is derived from the
        date, company and stage and made unique; it is claimed under the workspace's
        lock, so two savers never get the same one. Raises :class:`ConflictError` if the
        file changed since it was loaded, or exists and was never loaded.
        """
        with self.locked():
            if not interview.id:
                interview = interview.with_id(self.new_id(interview))
                new = True
            return self._write(self.interview_path(interview.id), dump_json(interview.to_record()), new=new)

    def save_profile(self, profile: Profile) -> Path:
        """Write ``profile.json`` atomically, keeping a ``.bak``."""
        data = dump_json(profile.model_dump(mode="json", exclude_none=True))
        return self._write(self.root / PROFILE_FILE, data, new=False)

    def delete(self, interview_id: str) -> Path:
        """Move an interview file into ``interviews/.deleted/``, where :meth:`restore` finds it.

        Nothing is lost: the folder is hidden, so the kit no longer lists the
        interview, but the file is whole. Raises :class:`ConflictError` when the file
        changed on disk since it was loaded (its latest version would go unseen).
        """
        path = self.interview_path(interview_id)
        key = self._key(path)
        with self.locked():
            with os_errors(path, "read"):
                current = path.read_bytes()
            if self._seen.get(key) != _digest(current):
                raise ConflictError(path, (
                    f"{self.shown(path)}: changed on disk since it was loaded (another notebook or an "
                    "editor saved it), so it was not deleted. Look at its latest version first."))
            trash = self.interviews_dir / TRASH_DIR
            target, n = trash / path.name, 2
            with os_errors(trash, "written"):
                trash.mkdir(exist_ok=True)
                while target.exists():
                    target, n = trash / f"{path.stem}.{n}{path.suffix}", n + 1
                os.replace(path, target)
            self._seen.pop(key, None)
        return target

    def restore(self, trashed: Path | str, interview_id: str) -> Path:
        """Put a file that :meth:`delete` moved away back as interview ``interview_id``;
        refuses when a file of that id exists again."""
        trashed = Path(trashed)
        path = self.interviews_dir / f"{interview_id}.json"
        with self.locked():
            if path.exists():
                raise WorkspaceError(f"{self.shown(path)}: exists again, so the deleted interview was not put "
                                     f"back over it. It is still in {self.shown(trashed)}.")
            with os_errors(path, "restored"):
                os.replace(trashed, path)
                self._seen[self._key(path)] = _digest(path.read_bytes())
        return path

    @staticmethod
    def base_id(interview: Interview) -> str:
        """The readable part of an interview's id: '2026-11-20-acme-analytics-onsite'."""
        return "-".join((f"{interview.start:%Y-%m-%d}", slug(interview.company) or "interview", interview.stage))

    def new_id(self, interview: Interview, *, taken: Container[str] = ()) -> str:
        """A readable id not yet used: '2026-11-20-acme-analytics-onsite'.

        Ids in ``taken`` count as used too (a dry run plans several ids before writing any).
        """
        base = self.base_id(interview)
        # Asking for each candidate file, not listing the folder, keeps a batch of
        # hundreds of saves linear.
        candidate, n = base, 2
        while candidate in taken or self.interview_path(candidate).exists():
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def write_output(self, name: str, data: bytes) -> Path:
        """Write a generated file under ``output/`` atomically."""
        return write_atomic(self.output_dir / name, data)


def locate(path: Path | str, *, output_dir: Path | str | None = None) -> tuple[Workspace, list[str] | None]:
    """Resolve a command's PATH: a workspace folder, its ``profile.json`` (the whole
    workspace), or one interview file inside one.

    Returns the workspace and the interview ids to work on (``None`` for all).
    """
    path = Path(path)
    if path.is_file() or path.suffix == ".json":
        if not path.exists():
            raise WorkspaceError(f"{path}: no such file.")
        if path.name == PROFILE_FILE:  # the profile stands for its whole workspace
            return Workspace.open(path.parent, output_dir=output_dir), None
        root = path.parent.parent if path.parent.name == INTERVIEWS_DIR else None
        if root is None or not (root / PROFILE_FILE).is_file():
            raise WorkspaceError(
                f"{path}: an interview file must sit in the {INTERVIEWS_DIR}/ folder of a "
                f"workspace, next to its {PROFILE_FILE}. Move it there or give the workspace folder."
            )
        return Workspace.open(root, output_dir=output_dir), [path.stem]
    return Workspace.open(path, output_dir=output_dir), None
