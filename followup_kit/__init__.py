"""followup-kit: the hour after a job interview.

One thank-you note per interviewer, laid out as a printable card with verified
names; every follow-up date in an .ics calendar; email drafts. The library does
the work; notebooks and the ``followup-kit`` command are thin front ends.
"""

from .cards import card_preview, preview_png, render_cards, write_cards
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
from .workspace import Listing, Workspace, locate

__all__ = [
    "CardSize",
    "Checked",
    "ConflictError",
    "DateTimeline",
    "Extra",
    "FewDaysTimeline",
    "FollowupKitError",
    "Interview",
    "Interviewer",
    "InvalidFileError",
    "Layout",
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
    "card_preview",
    "locate",
    "preview_png",
    "render_cards",
    "replace",
    "write_cards",
]
