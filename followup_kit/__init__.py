"""followup-kit: the hour after a job interview.

One thank-you note per interviewer, laid out as a printable card with verified
names; every follow-up date in an .ics calendar; email drafts. The library does
the work; notebooks and the ``followup-kit`` command are thin front ends.
"""

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
