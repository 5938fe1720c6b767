"""followup-kit: the hour after a job interview.

One thank-you note per interviewer, laid out as a printable card with verified
names; every follow-up date in an .ics calendar; email drafts. The library does
the work; notebooks and the ``followup-kit`` command are thin front ends.
"""

from .compose import (
    Email,
    Note,
    compose_card_emails,
    compose_feedback_request,
    compose_follow_up,
    compose_notes,
)
from .errors import (
    ConflictError,
    FollowupKitError,
    InvalidFileError,
    Problem,
    RenderError,
    UnverifiedError,
    WorkspaceError,
)
from .model import (
    Checked,
    DateTimeline,
    Extra,
    FewDaysTimeline,
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
from .workspace import Listing, Workspace, locate

__all__ = [
    "Checked",
    "ConflictError",
    "DateTimeline",
    "Email",
    "Extra",
    "FewDaysTimeline",
    "Finding",
    "FollowupKitError",
    "Interview",
    "Interviewer",
    "InvalidFileError",
    "Listing",
    "NoTimeline",
    "Note",
    "Problem",
    "Profile",
    "Reflection",
    "RenderError",
    "Timeline",
    "UnverifiedError",
    "WithinTimeline",
    "Workspace",
    "WorkspaceError",
    "compose_card_emails",
    "compose_feedback_request",
    "compose_follow_up",
    "compose_notes",
    "locate",
    "proofread",
    "replace",
]
