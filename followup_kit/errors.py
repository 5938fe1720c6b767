"""The errors followup-kit raises.

Every error derives from :class:`FollowupKitError`, and also from the builtin
that matches it best, so callers can catch either. Each message names the file,
the field, what was expected and what was found, and says how to fix it: the
people reading them are job seekers, not programmers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class FollowupKitError(Exception):
    """Base class of every error followup-kit raises on purpose.

    Catch this to report any problem the user can fix; its ``str()`` is a
    complete, plain-words message.
    """


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file: where, what was expected, what was found.

    ``field`` is a path into the file such as ``interviewers[2].checked.title``
    (empty when the problem is the whole file).
    """

    file: str
    field: str
    expected: str
    found: str = ""
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        text = f"{where}: expected {self.expected}"
        if self.found:
            text += f" (got {self.found})"
        if self.fix:
            text += f". {self.fix}"
        return text


class InvalidFileError(FollowupKitError, ValueError):
    """A workspace file is not valid; it was not changed.

    Open the file named in the message, correct each field listed, and run
    ``followup-kit check`` again.
    """

    def __init__(self, path: Path | str, problems: list[Problem]):
        self.path = Path(path)
        self.problems = list(problems)
        lines = [str(p) for p in self.problems]
        super().__init__("\n".join(lines))


class InvalidValueError(FollowupKitError, ValueError):
    """A value passed to one of the kit's functions is not one it can use.

    The message names the argument, what it must be and what was given, and how
    to fix the call: for example a step kind that does not exist, or a date-time
    without its time zone.
    """


class WorkspaceError(FollowupKitError, OSError):
    """A workspace folder is missing, or a file in it cannot be read or written.

    The message names the path and what to do: create the folder, fix its
    permissions, or point the command at the right place.
    """


class ConflictError(FollowupKitError, RuntimeError):
    """A file changed on disk since it was loaded, so saving would lose those changes.

    Nothing was written. Load the file again, apply your edits to the fresh
    copy and save; or save your version under a new id.
    """

    def __init__(self, path: Path | str, message: str):
        self.path = Path(path)
        super().__init__(message)


class UnverifiedError(FollowupKitError, ValueError):
    """A name or title that nobody checked would be printed (domain rule R2, R11).

    Check each listed field against a business card, an email signature or the
    company website and record the source under ``checked``; or print a draft.
    """


class RenderError(FollowupKitError, RuntimeError):
    """An output (card, calendar, email) cannot be produced faithfully.

    The message says what cannot be rendered and what to install or change.
    """


#: What installs the notebook side of the kit (widgets, the tracker's chart, JupyterLab, Voilà).
LAB_INSTALL = "python -m pip install 'followup-kit[lab]'"


class NotInstalledError(FollowupKitError, ImportError):
    """A part of the kit needs a package that this installation does not have.

    ``pip install followup-kit`` brings the command line only; the notebook panels and
    the tracker's chart come with the ``lab`` extra. The message names the package
    and the command that installs it.
    """


class CalendarServerError(FollowupKitError, ConnectionError):
    """A calendar server could not be reached, refused the login, or the address is not a calendar.

    The message names the address (never the password) and what to do: check the
    address, the user name or the password (an app password where the provider
    asks for one), or the connection.
    """
