"""followup-kit: the hour after a job interview.

One thank-you note per interviewer, laid out as a printable card with verified
names; every follow-up date in an .ics calendar; email drafts. The library does
the work; notebooks and the ``followup-kit`` command are thin front ends.
"""

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .errors import (
    CalendarServerError,
    ConflictError,
    FollowupKitError,
    InvalidFileError,
    InvalidValueError,
    NotInstalledError,
    Problem,
    RenderError,
    UnverifiedError,
    WorkspaceError,
)

if TYPE_CHECKING:  # what type checkers and editors see; at run time each name is imported on first use
    from .applications import Application, Overview, applications, is_overdue, overview
    from .calendar import CalendarExport, Wording, build_calendar, describe
    from .cards import card_preview, preview_png, render_cards
    from .compose import (
        Email,
        Note,
        compose_card_emails,
        compose_feedback_request,
        compose_follow_up,
        compose_notes,
        compose_rejection_reply,
    )
    from .emails import Draft, EmailExport, draft_bytes, email_drafts, email_message
    from .geometry import CardSize, Layout
    from .model import (
        Checked,
        DateTimeline,
        Extra,
        FewDaysTimeline,
        FollowupSettings,
        Interview,
        Interviewer,
        NoTimeline,
        Profile,
        Reflection,
        Timeline,
        WithinTimeline,
        replace,
    )
    from .proofread import Finding, proofread
    from .schedule import (
        Event,
        mark_done,
        mark_step_done,
        mark_undone,
        plan,
        plan_interview,
        record_application_outcome,
        record_outcome,
    )
    from .session import NotesExport, Session
    from .workspace import Listing, Workspace, locate

#: Where each public name lives, imported only when it is first used: a command or a notebook
#: loads the modules it needs (``followup-kit cards`` never loads the calendar or the proofreader).
_LAZY = {
    "applications": ("Application", "Overview", "applications", "is_overdue", "overview"),
    "calendar": ("CalendarExport", "Wording", "build_calendar", "describe"),
    "cards": ("card_preview", "preview_png", "render_cards"),
    "compose": ("Email", "Note", "compose_card_emails", "compose_feedback_request", "compose_follow_up",
                "compose_notes", "compose_rejection_reply"),
    "emails": ("Draft", "EmailExport", "draft_bytes", "email_drafts", "email_message"),
    "geometry": ("CardSize", "Layout"),
    "model": ("Checked", "DateTimeline", "Extra", "FewDaysTimeline", "FollowupSettings", "Interview",
              "Interviewer", "NoTimeline", "Profile", "Reflection", "Timeline", "WithinTimeline", "replace"),
    "proofread": ("Finding", "proofread"),
    "schedule": ("Event", "mark_done", "mark_step_done", "mark_undone", "plan", "plan_interview",
                 "record_application_outcome", "record_outcome"),
    "session": ("NotesExport", "Session"),
    "workspace": ("Listing", "Workspace", "locate"),
}
_HOME = {name: module for module, names in _LAZY.items() for name in names}


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use; or one of the package's modules."""
    module = _HOME.get(name)
    if module is not None:
        value = getattr(import_module(f".{module}", __name__), name)
        globals()[name] = value  # found directly from now on
        return value
    if not name.startswith("_"):
        from importlib.util import find_spec

        if find_spec(f".{name}", __name__) is not None:  # `followup_kit.cards`, as before
            return import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Facade(ModuleType):
    """The package's module object. ``proofread`` and ``applications`` are functions of the facade
    and modules of the package at once; importing such a module sets the package's attribute to
    the module, which would hide the function. The facade keeps the function."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _HOME and isinstance(value, ModuleType) and value.__name__ == f"{__name__}.{name}":
            return  # the import system recording a submodule whose name is a public function
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Facade

__all__ = [
    "Application",
    "applications",
    "build_calendar",
    "CalendarExport",
    "CalendarServerError",
    "card_preview",
    "CardSize",
    "Checked",
    "compose_card_emails",
    "compose_feedback_request",
    "compose_follow_up",
    "compose_notes",
    "compose_rejection_reply",
    "ConflictError",
    "DateTimeline",
    "Draft",
    "draft_bytes",
    "Email",
    "email_drafts",
    "email_message",
    "EmailExport",
    "Event",
    "describe",
    "Extra",
    "FewDaysTimeline",
    "Finding",
    "FollowupKitError",
    "FollowupSettings",
    "Interview",
    "Interviewer",
    "InvalidFileError",
    "InvalidValueError",
    "is_overdue",
    "Layout",
    "Listing",
    "locate",
    "mark_done",
    "mark_step_done",
    "mark_undone",
    "Note",
    "NotesExport",
    "NotInstalledError",
    "NoTimeline",
    "Overview",
    "overview",
    "plan",
    "plan_interview",
    "preview_png",
    "Problem",
    "Profile",
    "proofread",
    "record_application_outcome",
    "record_outcome",
    "Reflection",
    "render_cards",
    "RenderError",
    "replace",
    "Session",
    "Timeline",
    "UnverifiedError",
    "WithinTimeline",
    "Wording",
    "Workspace",
    "WorkspaceError",
]
