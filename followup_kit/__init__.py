"""followup-kit: the hour after a job interview.

One thank-you note per interviewer, laid out as a printable card with verified
names; every follow-up date in an .ics calendar; email drafts. The library does
the work; notebooks and the ``followup-kit`` command are thin front ends.
"""

from .errors import (
    ConflictError,
    FollowupKitError,
    InvalidFileError,
    Problem,
    RenderError,
    UnverifiedError,
    WorkspaceError,
)
from .calendar import build_calendar, export_calendar
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
from .schedule import Event, mark_done, mark_undone, plan, plan_interview, record_outcome
from .workspace import Listing, Workspace, locate

__all__ = [
    "Checked",
    "ConflictError",
    "DateTimeline",
    "Event",
    "Extra",
    "FewDaysTimeline",
    "FollowupKitError",
    "FollowupSettings",
    "Interview",
    "Interviewer",
    "InvalidFileError",
    "Listing",
    "NoTimeline",
    "Problem",
    "Profile",
    "Reflection",
    "RenderError",
    "Timeline",
    "UnverifiedError",
    "WithinTimeline",
    "Workspace",
    "WorkspaceError",
    "build_calendar",
    "export_calendar",
    "locate",
    "mark_done",
    "mark_undone",
    "plan",
    "plan_interview",
    "record_outcome",
    "replace",
]
