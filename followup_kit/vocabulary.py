"""Every closed list of words the kit knows, each with the plain words people read for it.

One source for each list: the record model builds its ``Literal`` types from these,
the command line its choices, the form its dropdowns, the terminal questions and
the batch import their hints, the email drafts their kinds. The keys are what the
files store; the values are what a person reads (a dropdown, a legend, a message).
"""

from __future__ import annotations

from typing import Literal

# -- the interview ----------------------------------------------------------------------

#: How far along the process the interview was.
STAGE_LABELS = {"phone-screen": "phone screen", "first-round": "first round", "onsite": "onsite",
                "final": "final round", "other": "other"}
STAGES = tuple(STAGE_LABELS)
Stage = Literal[STAGES]  # type: ignore[valid-type]

#: How the interview was held; after an in-person one a handwritten card follows.
MEDIUM_LABELS = {"phone": "phone", "video": "video", "in-person": "in person"}
MEDIA = tuple(MEDIUM_LABELS)
Medium = Literal[MEDIA]  # type: ignore[valid-type]

#: What the employer said about when they decide (the ``kind`` of a timeline).
TIMELINE_LABELS = {"date": "a decision date", "within": "within a number of days",
                   "few-days": "\"in a few days\"", "none": "nothing was said"}
TIMELINE_KINDS = tuple(TIMELINE_LABELS)

#: Where a name or title can be checked; any other words are accepted too.
CHECK_SOURCES = ("business card", "email signature", "company website", "professional profile", "HR")

#: What the candidate writes down right after the interview, each as the question asked.
REFLECTION_QUESTIONS = {
    "went_well": "What went well?",
    "went_poorly": "What did not go well?",
    "stood_out": "What stood out about the company and the role?",
    "forgot_to_mention": "What did you forget to mention?",
    "concerns_raised": "Which concerns did they raise?",
}
REFLECTION_FIELDS = tuple(REFLECTION_QUESTIONS)

#: How notes greet people by default (the profile's ``greeting``); a person's own recorded
#: salutation always comes first (R25).
GREETING_LABELS = {"given-name": "by the given name (\"Dear Ana,\")",
                   "full-name": "by the full name (\"Dear Ana Dvořák,\")",
                   "formal": "by the salutation you record for each person, else the full name (\"Dear Dr Weiß,\")"}
GREETING_STYLES = tuple(GREETING_LABELS)
GreetingStyle = Literal[GREETING_STYLES]  # type: ignore[valid-type]

# -- following up -----------------------------------------------------------------------

#: The follow-up steps of an interview, in the order they fall due. The status follow-up and the
#: move-on belong to the application (its latest round, R19); the reply to a rejection is planned
#: only once the outcome "rejected" is recorded (R24).
STEP_LABELS = {"thank-you-email": "thank-you email", "thank-you-cards": "thank-you cards",
               "status-follow-up": "status follow-up", "move-on": "move on",
               "rejection-reply": "reply to the rejection"}
EVENT_KINDS = tuple(STEP_LABELS)
EventKind = Literal[EVENT_KINDS]  # type: ignore[valid-type]

#: What came of a round. "advanced" (to the next round) keeps the application open, and a later
#: round implies it (R19); the others end the application: no more reminders, except the reply
#: to a rejection (R24).
OUTCOME_LABELS = {"offer": "offer", "rejected": "rejected", "withdrawn": "withdrawn", "moved-on": "moved on",
                  "advanced": "advanced to the next round"}
OUTCOMES = tuple(OUTCOME_LABELS)
Outcome = Literal[OUTCOMES]  # type: ignore[valid-type]
#: The outcomes that end an application.
CLOSING_OUTCOMES = ("offer", "rejected", "withdrawn", "moved-on")

#: The emails the kit drafts: the thank-you email itself and the three others. One name per
#: kind, the same in a composed email, a draft and a draft's file name; each belongs to the
#: planner's step that dates it and is marked done with it. A feedback request is the
#: move-on's, or, after a rejection, the reply's (R24); a thank-you after an in-person
#: interview is the full note when a card would arrive too late (R21).
DRAFT_LABELS = {"thank-you": "thank-you email", "card-on-its-way": "'a card is on its way' email",
                "status-follow-up": "status follow-up email", "feedback-request": "feedback request email"}
DRAFT_KINDS = tuple(DRAFT_LABELS)
DraftKind = Literal[DRAFT_KINDS]  # type: ignore[valid-type]
DRAFT_STEPS = {"thank-you": "thank-you-email", "card-on-its-way": "thank-you-email",
               "status-follow-up": "status-follow-up", "feedback-request": "move-on"}

#: Days of the week, as settings name them (``mail_days``).
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Weekday = Literal[WEEKDAY_NAMES]  # type: ignore[valid-type]

# -- printing ---------------------------------------------------------------------------

#: Where the backs of the cards (the addresses) are printed: behind each card (double-sided),
#: on separate sheets at the end, or not at all.
BACKS = ("duplex", "separate", "none")
Backs = Literal[BACKS]  # type: ignore[valid-type]


def label(value: str, labels: dict[str, str]) -> str:
    """The plain words for ``value`` in one of the lists above; an unknown value as it is."""
    return labels.get(value, value)


def options(labels: dict[str, str]) -> list[tuple[str, str]]:
    """(label, value) pairs, in order, as a dropdown takes them."""
    return [(text, value) for value, text in labels.items()]
