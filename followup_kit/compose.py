"""Thank-you notes: one per interviewer (domain rules R5–R12)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .model import Interviewer


@dataclass(frozen=True)
class Note:
    """One thank-you note to one interviewer.

    ``medium`` is ``card`` after an in-person interview (a handwritten card, R8)
    and ``email`` otherwise; ``subject`` is set for emails. ``text`` is the
    whole note: greeting, paragraphs separated by blank lines, sign-off and the
    candidate's name.
    """

    interview_id: str
    interviewer: Interviewer
    medium: Literal["card", "email"]
    text: str
    subject: str | None = None
