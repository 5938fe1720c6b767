"""Email drafts: .eml files parsed back with the stdlib parser, names, dates, done steps, no address (R12)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from followup_kit.cli import main
from followup_kit.compose import compose_follow_up, compose_notes
from followup_kit.emails import draft_bytes, email_drafts
from followup_kit.session import Session
from followup_kit.model import Interview, Profile
from followup_kit.schedule import mark_done, plan_interview, record_outcome
from followup_kit.workspace import Workspace, dump_json

ONSITE = "2026-11-19-nordwind-energie-onsite"
PHONE = "2026-11-20-mekong-freight-labs-phone-screen"
VIDEO = "2026-11-23-dnipro-robotics-first-round"


def parse(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def body(message: email.message.EmailMessage) -> str:
    return message.get_content().replace("\r\n", "\n")


def edit(ws: Workspace, interview_id: str, change) -> None:
    path = ws.interview_path(interview_id)
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_bytes(dump_json(data))


def save(ws: Workspace, interview: Interview) -> None:
    ws.interview_path(interview.id).write_bytes(dump_json(interview.to_record()))


@pytest.fixture
def written(demo_ws: Workspace) -> dict[str, Path]:
    """The demo's drafts, written once, by file name."""
    return {path.name: path for path in Session(demo_ws).write_emails().written}


def test_demo_drafts_one_file_per_message(written: dict[str, Path]) -> None:
    """Card-on-its-way per person in person, thank-you per person otherwise, then follow-up and feedback (R8, R17, R18)."""
    onsite = sorted(name for name in written if name.startswith(ONSITE))
    assert onsite == [
        f"{ONSITE}--01-card-on-its-way--malgorzata-wisniewska.eml",
        f"{ONSITE}--02-card-on-its-way--jurgen-weiss.eml",
        f"{ONSITE}--03-card-on-its-way--sophie-laurent.eml",
        f"{ONSITE}--04-status-follow-up--sophie-laurent.eml",
        f"{ONSITE}--05-feedback-request--sophie-laurent.eml",
    ]
    assert sorted(n for n in written if n.startswith(VIDEO))[:2] == [
        f"{VIDEO}--01-thank-you--olena-kovalenko.eml", f"{VIDEO}--02-thank-you--taras-melnik.eml"]
    assert len(written) == 16 and all(name.isascii() for name in written)


def test_headers_parse_back(demo_ws: Workspace, written: dict[str, Path]) -> None:
    """From is the profile, To the interviewer, X-Unsent marks a draft, and no Message-ID is made up."""
    message = parse(written[f"{ONSITE}--02-card-on-its-way--jurgen-weiss.eml"])
    (sender,) = message["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Lena Hoffmann", "lena.hoffmann@example.org")
    (to,) = message["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Jürgen Weiß", "juergen.weiss@nordwind.example")
    assert message["X-Unsent"] == "1"
    assert "Message-ID" not in message and not message.is_multipart()
    assert message.get_content_type() == "text/plain" and message.get_content_charset() == "utf-8"


@pytest.mark.parametrize(("name", "file"), [
    ("Олена Коваленко", f"{VIDEO}--01-thank-you--olena-kovalenko.eml"),
    ("Nguyễn Thị Thu Hà", f"{PHONE}--01-thank-you--nguyen-thi-thu-ha.eml"),
    ("Małgorzata Wiśniewska", f"{ONSITE}--01-card-on-its-way--malgorzata-wisniewska.eml"),
    ("Σοφία Νικολάου", "2026-11-24-aegean-analytics-final--01-card-on-its-way--sofia-nikolaou.eml"),
], ids=["cyrillic", "vietnamese", "polish", "greek"])
def test_names_are_encoded_words_that_round_trip(written: dict[str, Path], name: str, file: str) -> None:
    """A name in any script is an RFC 2047 encoded word in the file and the same name when parsed."""
    raw = written[file].read_bytes()
    assert raw.isascii() and b"=?utf-8?" in raw
    assert parse(written[file])["To"].addresses[0].display_name == name


def test_files_are_ascii_with_crlf_line_ends(written: dict[str, Path]) -> None:
    """Every line ends in CRLF (RFC 5322), and none is longer than quoted-printable's 76 (RFC 2045)."""
    for path in written.values():
        raw = path.read_bytes()
        assert raw.count(b"\n") == raw.count(b"\r\n")
        assert max(len(line) for line in raw.split(b"\r\n")) <= 76


def test_thank_you_email_body_is_the_note(demo_ws: Workspace, written: dict[str, Path]) -> None:
    """After a video interview the draft carries the composed thank-you note and its subject (R8)."""
    note = compose_notes(demo_ws.profile(), demo_ws.load(VIDEO))[1]
    message = parse(written[f"{VIDEO}--02-thank-you--taras-melnik.eml"])
    assert body(message) == note.text + "\n"
    # Тарас Мельник's own address spells his name "taras": the English note greets him so (R25).
    assert message["Subject"] == note.subject and "Dear Taras," in body(message)


def test_card_on_its_way_body_says_a_card_follows(written: dict[str, Path]) -> None:
    """After an in-person interview the same-day email says a handwritten card is on its way (R8)."""
    message = parse(written[f"{ONSITE}--01-card-on-its-way--malgorzata-wisniewska.eml"])
    assert "Dear Małgorzata," in body(message) and "handwritten card" in body(message)


def test_status_follow_up_recalls_the_timeline(demo_ws: Workspace, written: dict[str, Path]) -> None:
    """The follow-up draft is the R17 email: it names the employer's timeline."""
    interview = demo_ws.load(ONSITE)
    expected = compose_follow_up(demo_ws.profile(), interview)
    message = parse(written[f"{ONSITE}--04-status-follow-up--sophie-laurent.eml"])
    assert body(message) == expected.text + "\n" and message["Subject"] == expected.subject
    assert "a decision was expected by Friday, 27 November" in body(message)


def test_date_is_when_the_step_is_due(demo_ws: Workspace, written: dict[str, Path]) -> None:
    """Each draft's Date is the planner's due time of its step, with the profile's UTC offset."""
    due = {e.kind: e.due for e in plan_interview(demo_ws.profile(), demo_ws.load(ONSITE))}
    for number, step in (("01-card-on-its-way--malgorzata-wisniewska", "thank-you-email"),
                         ("04-status-follow-up--sophie-laurent", "status-follow-up"),
                         ("05-feedback-request--sophie-laurent", "move-on")):
        message = parse(written[f"{ONSITE}--{number}.eml"])
        assert message["Date"].datetime == due[step]
    assert parse(written[f"{ONSITE}--04-status-follow-up--sophie-laurent.eml"])["Date"] == \
        "Mon, 30 Nov 2026 09:00:00 +0100"


def test_same_input_gives_the_same_bytes(demo_ws: Workspace, tmp_path: Path) -> None:
    """Two exports of one workspace are byte-identical: no clock, no random boundary or Message-ID."""
    first = Session(demo_ws).write_emails(tmp_path / "a").written
    second = Session(demo_ws).write_emails(tmp_path / "b").written
    assert [p.name for p in first] == [p.name for p in second]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second))


def test_interviewer_without_email_gets_no_file(demo_ws: Workspace) -> None:
    """No .eml with an empty To: the draft is listed as unaddressed and no file is written (R12)."""
    edit(demo_ws, VIDEO, lambda d: d["interviewers"][1].pop("email"))
    export = Session(demo_ws).write_emails()
    assert [(d.recipient.name, d.kind, d.problem) for d in export.unaddressed] == [
        ("Тарас Мельник", "thank-you", "no email address")]
    names = [p.name for p in export.written]
    assert not any("taras" in n for n in names) and f"{VIDEO}--01-thank-you--olena-kovalenko.eml" in names


def test_emails_command_suggests_hr_and_exits_1_without_an_address(demo_ws: Workspace) -> None:
    """The command warns on stderr, names the file to complete, suggests HR (R12) and exits 1."""
    edit(demo_ws, VIDEO, lambda d: d["interviewers"][1].pop("email"))
    result = CliRunner().invoke(main, ["emails", str(demo_ws.root)])
    assert result.exit_code == 1
    assert "Тарас Мельник: no email address, so no thank-you email draft was written" in result.stderr
    assert "HR department" in result.stderr and "(R12)" not in result.stderr
    assert f"{VIDEO}.json" in result.stderr and "1 without an address" in result.stderr


def test_follow_up_goes_to_someone_with_an_address(demo_ws: Workspace) -> None:
    """When the recruiter has no address, the follow-up goes to a panel member who has one (R12)."""
    edit(demo_ws, ONSITE, lambda d: d["interviewers"][2].pop("email"))
    drafts = email_drafts(demo_ws.profile(), demo_ws.load(ONSITE))
    assert [d.recipient.name for d in drafts if d.kind == "status-follow-up"] == ["Małgorzata Wiśniewska"]


def test_done_steps_get_no_draft_and_keep_the_numbering(demo_ws: Workspace) -> None:
    """A thank-you step marked done drops its drafts; the follow-up keeps its file name."""
    save(demo_ws, mark_done(demo_ws.load(ONSITE), "thank-you-email", dt.date(2026, 11, 19)))
    drafts = email_drafts(demo_ws.profile(), demo_ws.load(ONSITE))
    assert [d.filename for d in drafts] == [f"{ONSITE}--04-status-follow-up--sophie-laurent.eml",
                                            f"{ONSITE}--05-feedback-request--sophie-laurent.eml"]


def test_closed_interview_gets_no_draft(demo_ws: Workspace) -> None:
    """An interview with an outcome gets no more emails."""
    closed = record_outcome(demo_ws.load(PHONE), "rejected", dt.date(2026, 11, 30))
    assert email_drafts(demo_ws.profile(), closed) == []


def test_drafts_of_a_step_marked_done_are_removed(demo_ws: Workspace) -> None:
    """An untouched earlier draft of a step since done is deleted, so it cannot be sent twice (R17)."""
    first = Session(demo_ws).write_emails().written
    follow_up = next(p for p in first if "status-follow-up" in p.name and p.name.startswith(ONSITE))
    save(demo_ws, mark_done(demo_ws.load(ONSITE), "status-follow-up", dt.date(2026, 12, 7)))
    export = Session(demo_ws).write_emails()
    assert export.removed == [follow_up] and not follow_up.exists()


def test_an_edited_draft_of_a_done_step_is_kept(demo_ws: Workspace) -> None:
    """A draft the user edited is never deleted, only reported."""
    first = Session(demo_ws).write_emails().written
    follow_up = next(p for p in first if "status-follow-up" in p.name and p.name.startswith(ONSITE))
    follow_up.write_bytes(follow_up.read_bytes() + b"P.S. edited\r\n")
    save(demo_ws, mark_done(demo_ws.load(ONSITE), "status-follow-up", dt.date(2026, 12, 7)))
    export = Session(demo_ws).write_emails()
    assert export.kept == [follow_up] and follow_up.exists() and export.removed == []


def test_own_wording_replaces_the_draft(demo_ws: Workspace) -> None:
    """An interviewer's own 'note' is the body of their thank-you email."""
    own = "Dear Olena,\n\nThank you for the robot tour.\n\nKind regards,\nLena Hoffmann"
    edit(demo_ws, VIDEO, lambda d: d["interviewers"][0].update(note=own))
    (draft, *_) = email_drafts(demo_ws.profile(), demo_ws.load(VIDEO))
    assert draft.text == own + "\n"


def test_domain_in_another_script_is_written_as_idna(demo_ws: Workspace) -> None:
    """An address like olena@прикладі.укр reaches the file in its xn-- form and parses back."""
    edit(demo_ws, VIDEO, lambda d: d["interviewers"][0].update(email="olena@прикладі.укр"))
    (draft, *_) = email_drafts(demo_ws.profile(), demo_ws.load(VIDEO))
    message = email.message_from_bytes(draft_bytes(draft, demo_ws.profile()), policy=email.policy.default)
    assert message["To"].addresses[0].addr_spec == "olena@xn--80aikifvh5p.xn--j1amh"


def test_address_with_a_non_ascii_local_part_is_unaddressed(demo_ws: Workspace) -> None:
    """A mailbox name outside ASCII cannot go into a draft file: reported like a missing address."""
    edit(demo_ws, VIDEO, lambda d: d["interviewers"][0].update(email="олена@example.com"))
    (draft, *_) = email_drafts(demo_ws.profile(), demo_ws.load(VIDEO))
    assert draft.problem and "before the @" in draft.problem
    with pytest.raises(ValueError, match="cannot address"):
        draft_bytes(draft, demo_ws.profile())


def test_profile_without_email_leaves_from_to_the_mail_program(demo_ws: Workspace) -> None:
    """Without the candidate's address there is no From header: the mail program fills in its account."""
    profile = Profile.from_record({**demo_ws.profile().model_dump(mode="json", exclude_none=True), "email": None})
    (draft, *_) = email_drafts(profile, demo_ws.load(VIDEO))
    message = email.message_from_bytes(draft_bytes(draft, profile), policy=email.policy.default)
    assert "From" not in message and message["To"].addresses[0].display_name == "Олена Коваленко"


def test_emails_json_lists_every_draft(demo_ws: Workspace, tmp_path: Path) -> None:
    """--json prints one row per draft with its file; -o chooses the folder."""
    result = CliRunner().invoke(main, ["emails", str(demo_ws.root), "-o", str(tmp_path / "out"), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 16 and all(Path(r["file"]).parent == tmp_path / "out" for r in rows)
    assert rows[0] == {**rows[0], "interview": ONSITE, "kind": "card-on-its-way", "to":
                       "malgorzata.wisniewska@nordwind.example", "date": "2026-11-19T18:00:00+01:00"}


def test_emails_of_one_interview_file(demo_ws: Workspace) -> None:
    """PATH may be one interview file: only its drafts are written."""
    result = CliRunner().invoke(main, ["emails", str(demo_ws.interview_path(PHONE))])
    assert result.exit_code == 0
    assert sorted(p.name[:len(PHONE)] for p in (demo_ws.output_dir / "emails").glob("*.eml")) == [PHONE] * 3


def test_date_header_matches_email_utils(demo_ws: Workspace) -> None:
    """The Date is written as RFC 5322 date-time, as email.utils formats it."""
    (draft, *_) = email_drafts(demo_ws.profile(), demo_ws.load(PHONE))
    message = email.message_from_bytes(draft_bytes(draft, demo_ws.profile()), policy=email.policy.default)
    assert message["Date"] == email.utils.format_datetime(draft.due)
