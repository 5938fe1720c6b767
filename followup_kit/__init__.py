"""followup-kit: the hour after a job interview.

One thank-you note per interviewer, laid out as a printable card with verified
names; every follow-up date in an .ics calendar; email drafts. The library does
the work; notebooks and the ``followup-kit`` command are thin front ends.
"""

from .cards import card_preview, preview_png, render_cards, write_cards
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
from .geometry import CardSize, Layout
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
    "card_preview",
    "CardSize",
    "Checked",
    "compose_card_emails",
    "compose_feedback_request",
    "compose_follow_up",
    "compose_notes",
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
    "Layout",
    "Listing",
    "locate",
    "Note",
    "NoTimeline",
    "preview_png",
    "Problem",
    "Profile",
    "proofread",
    "Reflection",
    "render_cards",
    "RenderError",
    "replace",
    "Timeline",
    "UnverifiedError",
    "WithinTimeline",
    "Workspace",
    "WorkspaceError",
    "write_cards",
]
