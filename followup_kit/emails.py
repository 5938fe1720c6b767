"""Email drafts: one ``.eml`` file per message, to open in a mail program and send.

Per interview, each on the date its step is planned for (:mod:`followup_kit.schedule`):

* ``thank-you`` (R7, R8): after a phone or video interview, the thank-you note
  itself, one per interviewer (:func:`~followup_kit.compose.compose_notes`); after
  an in-person interview too, when a card posted on its mail-by day would arrive
  after the decision date: the email is then the full note (R21);
* ``card-on-its-way`` (R8): otherwise after an in-person interview, the same-day
  email per interviewer saying a handwritten card follows
  (:func:`~followup_kit.compose.compose_card_emails`);
* ``status-follow-up`` (R17, R19): the one follow-up of the application, on its
  latest round, recalling the employer's timeline and offering further material
  (:func:`~followup_kit.compose.compose_follow_up`);
* ``feedback-request`` (R18): on the move-on date
  (:func:`~followup_kit.compose.compose_feedback_request`); or, after a rejection,
  the reply to it, the next business day (R24,
  :func:`~followup_kit.compose.compose_rejection_reply`), and then instead.

Steps marked done, replaced by a later round and of closed applications get no
draft: the planner decides, with :func:`~followup_kit.schedule.plan_interview`.
The status follow-up and the feedback request go to the contact person
(:func:`~followup_kit.panel.contact_person`); without one, the draft is listed
with a :attr:`Draft.problem` and not written, never sent to the first-listed.

How the files are built, and why:

* **Drafts, not sent mail.** ``X-Unsent: 1`` makes Outlook open the file as a
  new message ready to send. A program that ignores the header shows the file
  as a received message; there, Thunderbird's "Edit as New Message" and Apple
  Mail's "Send Again" turn it into one. There is no ``Message-ID``: the mail program gives one when the message is
  sent; a fixed one would repeat if the user exported and sent twice, and Gmail
  drops a message whose Message-ID it has already seen.
* **Date** is when the step is due (the planner's date, in the profile's time
  zone), so the drafts sort by when to send them; nothing reads the clock.
* **Plain text only.** The notes are prose without formatting, so an HTML
  alternative would add nothing a reader sees, would be a second copy that can
  disagree, and would need a MIME boundary, which the stdlib draws at random.
  One ``text/plain; charset=utf-8`` part, quoted-printable: paragraphs are long
  lines that mail programs reflow, and the file stays readable in an editor.
* **Names per RFC 2047**, not raw UTF-8 headers (RFC 6532): "Олена Коваленко"
  becomes an encoded word that every mail program has decoded for decades,
  whereas raw UTF-8 headers in an ``.eml`` are shown garbled by some versions
  of Outlook. The whole file is then 7-bit ASCII, with CRLF line ends (RFC 5322),
  and the program sending it re-encodes the headers as its server needs.
  A domain in another script is written in its IDNA (``xn--``) form.
* The same input gives the same bytes.

An interviewer without an email address gets no file (an ``.eml`` addressed to
nobody is easy to send to the wrong place): :class:`EmailExport` lists those
drafts in ``unaddressed`` and the command suggests the HR route (R12).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from .compose import (
    compose_card_emails,
    compose_feedback_request,
    compose_follow_up,
    compose_rejection_reply,
    person_slug,
)
from .errors import InvalidFileError, InvalidValueError
from .fields import ascii_domain
from .model import Interview, Interviewer, Profile
from .panel import contact_person
from .schedule import Status, plan_interview
from .vocabulary import DRAFT_STEPS, DraftKind

if TYPE_CHECKING:
    from email.message import EmailMessage

EMAILS_DIR = "emails"
#: Who a status follow-up or a feedback request is to when nobody on the panel is the contact:
#: a stand-in for messages, never an address (such a draft is not written).
NO_CONTACT = Interviewer(name="the person who runs the process")


@lru_cache(maxsize=1)
def policy() -> Any:
    """The stdlib ``email`` policy of the drafts.

    SMTP-style: CRLF line ends and RFC 2047 for non-ASCII headers. Lines are kept to 76
    characters, not the policy's default 78: RFC 2045 allows quoted-printable lines of
    76 at most, and the stdlib encodes the body to the policy's line length.
    (``email`` is imported here, not at the top, to keep ``import followup_kit`` light.)
    """
    from email.policy import SMTP

    return SMTP.clone(max_line_length=76)


@dataclass(frozen=True)
class Draft:
    """One email to one person, due when its step is.

    ``number`` orders the drafts of one interview (thank-yous in the order of the
    interview file, then the follow-up, then the feedback request) and stays the
    same when earlier steps are marked done, so a file keeps its name.
    ``status`` is the step's: ``open``, ``done``, ``replaced`` (by a later round) or
    ``closed`` (the application has an outcome). ``no_contact``: nobody on the panel is
    the contact for the follow-up; ``recipient`` is then :data:`NO_CONTACT`, a stand-in
    that is never addressed (see :attr:`problem`).
    """

    interview_id: str
    number: int
    kind: DraftKind
    recipient: Interviewer
    subject: str
    text: str
    due: dt.datetime
    status: Status = "open"
    event: str = ""
    """The planner's step this draft carries out, where it is not the kind's usual one."""
    no_contact: bool = False

    @property
    def step(self) -> str:
        """The follow-up step this draft carries out ('thank-you-email', 'status-follow-up', 'move-on',
        'rejection-reply')."""
        return self.event or DRAFT_STEPS[self.kind]

    @property
    def filename(self) -> str:
        """'2026-11-19-nordwind-energie-onsite--01-card-on-its-way--malgorzata-wisniewska.eml'.

        ASCII whatever the script of the name; the interview id starts with its date,
        so the files of a workspace sort by interview, then in the order to send them.
        """
        return f"{self.interview_id}--{self.number:02d}-{self.kind}--{person_slug(self.recipient)}.eml"

    @property
    def name(self) -> str | None:
        """The recipient's name, or None when there is nobody to address it to."""
        return None if self.no_contact else self.recipient.name

    @property
    def address(self) -> str | None:
        """The recipient's address as a draft can carry it, or None (see :attr:`problem`)."""
        return None if self.no_contact else _ascii_address(self.recipient.email)

    @property
    def problem(self) -> str | None:
        """Why no draft can be addressed to the recipient, or None when one can."""
        if self.no_contact:
            return "nobody on the panel is marked as the contact, and no recruiter is"
        if not self.recipient.email:
            return "no email address"
        if self.address is None:
            return (f"the address {self.recipient.email} has letters outside ASCII before the @, "
                    "which a draft file cannot carry")
        return None


def _ascii_address(address: str | None) -> str | None:
    """``address`` with its domain in IDNA form; None if empty or its local part is not ASCII."""
    if not address:
        return None
    local, _, domain = address.rpartition("@")
    if not local.isascii():
        return None  # RFC 6531 mailboxes need SMTPUTF8 all the way; the stdlib cannot write them
    # IDNA 2008 (the idna package), not the stdlib's IDNA 2003 codec, which maps ß to ss:
    # 'bäckerei-groß.de' and 'bäckerei-gross.de' are different domains.
    domain = ascii_domain(domain)
    if domain is None:
        return None
    return f"{local}@{domain}"


def email_drafts(profile: Profile, interview: Interview, *, templates: Path | str | None = None,
                 include_done: bool = False, rounds: Sequence[Interview] = ()) -> list[Draft]:
    """Every email draft of ``interview``, in the order to send them.

    ``rounds`` are the workspace's other interviews: ``interview`` is drafted as a round
    of its application (R19), whose status follow-up and feedback request belong to the
    latest round. Drafts of steps marked done, replaced and of a closed application are
    left out unless ``include_done``. Drafts whose recipient has no usable address, or
    that have no recipient, are included (see :attr:`Draft.problem`): the caller decides
    how to say so (R12).
    """
    from .applications import application_of

    application = application_of(interview, rounds)
    events = {event.kind: event for event in plan_interview(profile, interview, include_done=True,
                                                             rounds=application.rounds)}
    wanted = {kind for kind, event in events.items() if include_done or event.is_open}
    drafts: list[Draft] = []
    count = len(interview.interviewers)

    def add(number: int, kind: DraftKind, person: Interviewer | None, subject: str, text: str,
            step: str = "") -> None:
        event = events[step or DRAFT_STEPS[kind]]
        drafts.append(Draft(interview.id, number, kind, person or NO_CONTACT, subject, text + "\n" if text else "",
                            event.due, event.status, step, no_contact=person is None))

    def single(number: int, kind: DraftKind, compose: Any, step: str = "") -> None:
        if contact_person(interview, application.rounds) is None:  # never the first-listed by accident
            add(number, kind, None, "", "", step)
            return
        message = compose(profile, interview, templates=templates, rounds=application.rounds)
        add(number, kind, message.recipients[0], message.subject, message.text, step)

    if "thank-you-email" in wanted:
        email = events["thank-you-email"]
        if interview.medium == "in-person" and not email.late_card:  # R8: a card follows by post; this email says so
            for number, message in enumerate(compose_card_emails(profile, interview, templates=templates), 1):
                add(number, "card-on-its-way", message.recipients[0], message.subject, message.text)
        else:  # R21: a card would arrive too late, so the email is the full note
            from .rounds import round_notes

            kind = "email" if interview.medium == "in-person" else None
            notes = round_notes(profile, interview, application.rounds, templates=templates, kind=kind)
            for number, note in enumerate(notes, 1):
                add(number, "thank-you", note.interviewer, note.subject or "", note.text)
    if "status-follow-up" in wanted:  # R17: one follow-up, to the person who runs the process
        single(count + 1, "status-follow-up", compose_follow_up)
    replied = "rejection-reply" in wanted
    if replied:  # R24: the reply to a rejection is the feedback request
        single(count + 2, "feedback-request", compose_rejection_reply, "rejection-reply")
    if "move-on" in wanted and not (replied and events["move-on"].status != "open"):  # R18
        single(count + 2, "feedback-request", compose_feedback_request)
    return drafts


def email_message(draft: Draft, profile: Profile) -> "EmailMessage":
    """The draft as an :class:`~email.message.EmailMessage` (see the module notes).

    Raises :class:`~followup_kit.errors.InvalidValueError` (a ``ValueError``) when the
    recipient has no usable address (:attr:`Draft.problem`).
    """
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.utils import format_datetime

    if draft.no_contact:
        raise InvalidValueError(
            f"{draft.filename}: cannot address the draft: {draft.problem}. Add \"contact\": true to the "
            f"interviewer in interviews/{draft.interview_id}.json who runs the process.")
    if draft.problem:
        raise InvalidValueError(
            f"{draft.filename}: cannot address a draft to {draft.recipient.name}: {draft.problem}. Give "
            f"their \"email\" in interviews/{draft.interview_id}.json, or send it through the company's HR "
            "department.")
    message = EmailMessage(policy=policy())
    sender = _ascii_address(profile.email)
    if sender:  # without one, the mail program fills in the account it sends from
        message["From"] = Address(profile.name, addr_spec=sender)
    message["To"] = Address(draft.recipient.name, addr_spec=draft.address)
    message["Subject"] = draft.subject
    message["Date"] = format_datetime(draft.due)
    message["X-Unsent"] = "1"
    message.set_content(draft.text, cte="quoted-printable")
    return message


def draft_bytes(draft: Draft, profile: Profile) -> bytes:
    """The ``.eml`` file of a draft: ASCII, CRLF line ends, the same bytes for the same draft."""
    return email_message(draft, profile).as_bytes(policy=policy())


@dataclass(frozen=True)
class EmailExport:
    """What :func:`write_emails` did.

    ``written``: the files, in order. ``unaddressed``: drafts not written because
    the recipient has no usable address (R12). ``removed``: earlier drafts of steps
    since marked done (or of closed interviews), deleted so they cannot be sent
    twice (R17); ``kept``: such drafts left in place because they were edited.
    ``beside``: new drafts written next to an open step's draft that the user edited.
    ``invalid``: interview files that could not be read.
    """

    directory: Path
    written: list[Path] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    unaddressed: list[Draft] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    beside: list[Path] = field(default_factory=list)
    invalid: list[InvalidFileError] = field(default_factory=list)


