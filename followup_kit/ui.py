"""ipywidgets panels for the notebooks; the only module that imports ipywidgets.

One composite widget class per panel. Handlers are named ``_on_<widget>_<event>``
and only translate widget values into library calls; everything they compute is
done by the library, which is tested without Jupyter. Messages are shown in
``HTML`` widgets (not ``Output``), so tests can read them.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from .errors import LAB_INSTALL, FollowupKitError, InvalidFileError, NotInstalledError

try:
    import ipywidgets as widgets
except ImportError as exc:  # the command line alone installs without the notebook packages
    raise NotInstalledError(
        "The notebook panels need ipywidgets, which is not installed: `pip install followup-kit` brings "
        f"the command line only. Install the notebook part with: {LAB_INSTALL} (then restart the "
        "notebook's kernel).") from exc

from .geometry import CARD_SIZES, SHEETS
from .model import INTERVIEW_FORMAT, Interview, Interviewer
from .session import Session
from .templating import day_month, local_iso, moment
from .vocabulary import (
    CHECK_SOURCES,
    MEDIUM_LABELS,
    OUTCOME_LABELS,
    REFLECTION_QUESTIONS,
    STAGE_LABELS,
    STEP_LABELS,
    TIMELINE_LABELS,
    label,
    options,
)
from .workspace import Workspace

NOT_CHECKED = "(not checked yet)"
_WIDE = widgets.Layout(width="640px")


def as_session(source: "Session | Workspace") -> Session:
    """The session a panel works through: panels given one session share it (and hear
    each other's saves); a bare workspace gets a session of its own."""
    return source if isinstance(source, Session) else Session(source)


def _tidy(widget: widgets.Widget, label_width: str = "90px") -> None:
    """Give every labelled widget inside ``widget`` the same label width, so fields line up."""
    for child in getattr(widget, "children", ()):
        _tidy(child, label_width)
    if isinstance(widget, widgets.Checkbox):
        widget.indent = False  # its label sits to the right and needs its full width
    elif getattr(widget, "description", "") and hasattr(getattr(widget, "style", None), "description_width"):
        widget.style.description_width = label_width


def message_html(lines: list[str], *, kind: str = "error") -> str:
    """Messages as an HTML list, coloured by kind (error, warning, ok)."""
    if not lines:
        return ""
    colour = {"error": "#b00020", "warning": "#8a5300", "ok": "#1b5e20"}[kind]
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return f'<ul style="color:{colour};margin:0.3em 0">{items}</ul>'


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _source_options() -> list[str]:
    return [NOT_CHECKED, *CHECK_SOURCES]


class InterviewerEditor(widgets.VBox):
    """The fields of one interviewer, with where the name and title were checked (R2)."""

    def __init__(self, on_change: Any = None, on_remove: Any = None):
        self.name = widgets.Text(description="Name", placeholder="exactly as printed, any script")
        self.title = widgets.Text(description="Title", placeholder="job title as printed")
        self.name_checked = widgets.Combobox(description="Name from", options=_source_options(),
                                             value=NOT_CHECKED, ensure_option=False)
        self.title_checked = widgets.Combobox(description="Title from", options=_source_options(),
                                              value=NOT_CHECKED, ensure_option=False)
        self.email = widgets.Text(description="Email")
        self.address = widgets.Textarea(description="Address", placeholder="postal address, if not the company's")
        self.topics = widgets.TagsInput(allow_duplicates=False)
        self.personal = widgets.Text(description="Personal", placeholder="a personal connection (optional)")
        self.salutation = widgets.Text(description="Greet as", placeholder="optional, e.g. Ms Hà or Dr Weiß")
        self.remove = widgets.Button(description="Remove", icon="trash", button_style="warning")
        self._on_remove = on_remove
        self.remove.on_click(self._on_remove_click)
        self._note: str | None = None
        super().__init__([
            widgets.HBox([self.name, self.name_checked]),
            widgets.HBox([self.title, self.title_checked]),
            widgets.HBox([self.email, self.remove]),
            self.address,
            widgets.HBox([widgets.Label("Topics discussed with this person:"), self.topics]),
            widgets.HBox([self.personal, self.salutation]),
        ], layout=widgets.Layout(border="1px solid #ccc", padding="4px", margin="4px 0"))
        _tidy(self)
        if on_change is not None:
            for child in (self.name, self.title, self.name_checked, self.title_checked, self.email,
                          self.address, self.topics, self.personal, self.salutation):
                child.observe(on_change, names="value")

    def _on_remove_click(self, _button: widgets.Button) -> None:
        if self._on_remove is not None:
            self._on_remove(self)

    @property
    def record(self) -> dict[str, Any]:
        """The interviewer as the file stores it."""
        checked = {key: widget.value.strip() for key, widget in
                   (("name", self.name_checked), ("title", self.title_checked))
                   if widget.value.strip() and widget.value != NOT_CHECKED}
        data: dict[str, Any] = {"name": self.name.value.strip(), "checked": checked,
                                "topics": list(self.topics.value)}
        for key, widget in (("title", self.title), ("email", self.email), ("personal", self.personal),
                            ("salutation", self.salutation)):
            if widget.value.strip():
                data[key] = widget.value.strip()
        if self.address.value.strip():
            data["address"] = self.address.value.strip()
        if self._note:
            data["note"] = self._note
        return data

    def fill(self, person: Interviewer) -> None:
        """Show an existing interviewer."""
        self.name.value = person.name
        self.title.value = person.title or ""
        self.name_checked.value = person.checked.name or NOT_CHECKED
        self.title_checked.value = person.checked.title or NOT_CHECKED
        self.email.value = person.email or ""
        self.address.value = person.address or ""
        self.topics.value = list(person.topics)
        self.personal.value = person.personal or ""
        self.salutation.value = person.salutation or ""
        self._note = person.note


class InterviewForm(widgets.VBox):
    """Every field of an interview, validated as you type, saved atomically (R1–R4)."""

    def __init__(self, workspace: "Session | Workspace", *, interview_id: str | None = None,
                 now: dt.datetime | None = None):
        self.session = as_session(workspace)
        self.workspace = self.session.workspace
        self.interview: Interview | None = None
        start = (now or dt.datetime.now()).replace(minute=0, second=0, microsecond=0)

        self.company = widgets.Text(description="Company", layout=_WIDE)
        self.company_address = widgets.Textarea(description="Address", placeholder="the company's postal address")
        self.role = widgets.Text(description="Role", layout=_WIDE)
        self.stage = widgets.Dropdown(description="Stage", options=options(STAGE_LABELS), value="first-round")
        self.medium = widgets.ToggleButtons(description="Medium", options=options(MEDIUM_LABELS), value="in-person")
        self.start = widgets.NaiveDatetimePicker(description="Start", value=start)
        self.end = widgets.NaiveDatetimePicker(description="End", value=start + dt.timedelta(hours=1))
        self.timezone = widgets.Combobox(description="Time zone", placeholder=self._profile_zone(),
                                         options=_zone_options(), ensure_option=False)
        self.timeline_kind = widgets.Dropdown(
            description="Decision", options=options(TIMELINE_LABELS),
            value="none")
        self.timeline_date = widgets.DatePicker(description="By")
        self.timeline_days = widgets.BoundedIntText(description="Days", value=10, min=1, max=366)
        self.timeline_business = widgets.Checkbox(description="business days", value=True)
        self.timeline_said = widgets.Text(description="Their words", placeholder="what they said, verbatim",
                                          layout=_WIDE)
        self.people = widgets.VBox()
        self.add_person = widgets.Button(description="Add interviewer", icon="plus")
        self.reflection = {key: widgets.Textarea(placeholder="one point per line", layout=_WIDE)
                           for key in REFLECTION_QUESTIONS}
        self.extras = widgets.Textarea(placeholder="Title | https://… (one per line)", layout=_WIDE)
        self.messages = widgets.HTML()
        self.status = widgets.HTML()
        self.save = widgets.Button(description="Save", icon="save", button_style="primary")
        self.load_choice = widgets.Dropdown(description="Interview", options=[])
        self.load = widgets.Button(description="Load", icon="folder-open")

        self.add_person.on_click(self._on_add_person_click)
        self.save.on_click(self._on_save_click)
        self.load.on_click(self._on_load_click)
        self.timeline_kind.observe(self._on_timeline_kind_change, names="value")
        for child in (self.company, self.company_address, self.role, self.stage, self.medium, self.start,
                      self.end, self.timezone, self.timeline_kind, self.timeline_date, self.timeline_days,
                      self.timeline_business, self.timeline_said, self.extras, *self.reflection.values()):
            child.observe(self._on_field_change, names="value")

        self.timeline_box = widgets.HBox()
        reflection_box = widgets.VBox([
            w for key, area in self.reflection.items()
            for w in (widgets.Label(REFLECTION_QUESTIONS[key]), area)])
        super().__init__([
            widgets.HBox([self.load_choice, self.load]),
            widgets.HTML("<b>The interview</b>"),
            self.company, self.company_address, self.role,
            widgets.HBox([self.stage, self.medium]),
            widgets.HBox([self.start, self.end]), self.timezone,
            widgets.HTML("<b>What they said about the next step and the decision</b>"),
            widgets.HBox([self.timeline_kind]), self.timeline_box, self.timeline_said,
            widgets.HTML("<b>Who interviewed you</b>: each name and title exactly as on their business card"),
            self.people, self.add_person,
            widgets.HTML("<b>While it is fresh</b>"), reflection_box,
            widgets.HTML("<b>Anything worth sending along</b>: an article, a work sample"),
            self.extras,
            self.messages, widgets.HBox([self.save]), self.status,
        ])
        self.add_class("fk-interview-form")  # lets a browser test find the panel
        _tidy(self)
        self.refresh_choices()
        if interview_id:
            self.load_choice.value = interview_id
            self._on_load_click(self.load)
        else:
            self._add_person()
            self._on_timeline_kind_change({"new": self.timeline_kind.value})

    # -- helpers -------------------------------------------------------------------------

    def _profile_zone(self) -> str:
        try:
            return self.session.profile.timezone
        except FollowupKitError:
            return "e.g. America/Chicago"

    def refresh_choices(self) -> None:
        """List the workspace's interviews in the Load menu."""
        self.load_choice.options = [i.id for i in self.session.interviews]

    def _add_person(self) -> InterviewerEditor:
        editor = InterviewerEditor(on_change=self._on_field_change, on_remove=self._remove_person)
        self.people.children = (*self.people.children, editor)
        return editor

    def _remove_person(self, editor: InterviewerEditor) -> None:
        self.people.children = tuple(c for c in self.people.children if c is not editor)
        self.validate()

    @property
    def record(self) -> dict[str, Any]:
        """The interview as the file stores it, built from the widgets."""
        kind = self.timeline_kind.value
        timeline: dict[str, Any] = {"kind": kind}
        if kind == "date" and self.timeline_date.value is not None:
            timeline["date"] = self.timeline_date.value.isoformat()
        if kind == "within":
            timeline.update(days=int(self.timeline_days.value), business=bool(self.timeline_business.value))
        if self.timeline_said.value.strip():
            timeline["said"] = self.timeline_said.value.strip()
        data: dict[str, Any] = {
            "format": INTERVIEW_FORMAT,
            "company": self.company.value.strip(),
            "role": self.role.value.strip(),
            "stage": self.stage.value,
            "medium": self.medium.value,
            "start": _local(self.start.value),
            "end": _local(self.end.value),
            "timeline": timeline,
            "interviewers": [editor.record for editor in self.people.children],
        }
        if self.company_address.value.strip():
            data["company_address"] = self.company_address.value.strip()
        if self.timezone.value.strip():
            data["timezone"] = self.timezone.value.strip()
        extras = [_extra(line) for line in _lines(self.extras.value)]
        if extras:
            data["extras"] = extras
        reflection = {key: _lines(area.value) for key, area in self.reflection.items() if _lines(area.value)}
        if reflection:
            data["reflection"] = reflection
        if self.interview is not None:
            # Fields the form does not show (extras, progress) are kept as they were.
            for key, value in self.interview.to_record().items():
                data.setdefault(key, value)
        return data

    def validate(self) -> Interview | None:
        """Show what is wrong, in plain words; return the interview when it is valid."""
        try:
            interview = Interview.from_record(self.record, file="this form")
        except InvalidFileError as exc:
            self.messages.value = message_html([_form_words(p) for p in exc.problems])
            return None
        self.messages.value = ""
        return interview

    def fill(self, interview: Interview) -> None:
        """Show an existing interview in the form."""
        self.interview = interview
        self.company.value = interview.company
        self.company_address.value = interview.company_address or ""
        self.role.value = interview.role
        self.stage.value = interview.stage
        self.medium.value = interview.medium
        self.start.value = interview.start
        self.end.value = interview.end
        self.timezone.value = interview.timezone or ""
        timeline = interview.timeline
        self.timeline_kind.value = timeline.kind
        self.timeline_said.value = timeline.said or ""
        if timeline.kind == "date":
            self.timeline_date.value = timeline.date
        if timeline.kind == "within":
            self.timeline_days.value = timeline.days
            self.timeline_business.value = timeline.business
        self.people.children = ()
        for person in interview.interviewers:
            self._add_person().fill(person)
        for key, area in self.reflection.items():
            area.value = "\n".join(getattr(interview.reflection, key))
        self.extras.value = "\n".join(f"{e.title} | {e.url}" for e in interview.extras)
        self._on_timeline_kind_change({"new": timeline.kind})
        self.validate()

    # -- handlers ------------------------------------------------------------------------

    def _on_field_change(self, _change: Any) -> None:
        self.validate()

    def _on_timeline_kind_change(self, change: Any) -> None:
        kind = change["new"]
        self.timeline_box.children = {
            "date": (self.timeline_date,),
            "within": (self.timeline_days, self.timeline_business),
        }.get(kind, ())

    def _on_add_person_click(self, _button: widgets.Button) -> None:
        self._add_person()
        self.validate()

    def _on_save_click(self, _button: widgets.Button) -> None:
        interview = self.validate()
        if interview is None:
            self.status.value = message_html(["Not saved: correct the fields listed above first."])
            return
        if self.interview is not None:
            interview = interview.with_id(self.interview.id)
        try:
            saved = self.session.save(interview)
        except FollowupKitError as exc:  # a conflict included: nothing was written
            self.status.value = message_html([str(exc)])
            return
        self.interview = saved
        self.refresh_choices()
        self.status.value = message_html([f"Saved {self.workspace.interview_path(saved.id)}"], kind="ok")

    def _on_load_click(self, _button: widgets.Button) -> None:
        if not self.load_choice.value:
            return
        try:
            self.fill(self.session.interview(self.load_choice.value))
        except FollowupKitError as exc:
            self.status.value = message_html([str(exc)])
            return
        self.status.value = message_html([f"Loaded {self.load_choice.value}"], kind="ok")


def _extra(line: str) -> dict[str, str]:
    """'Title | https://…' as an extra; the model says what is wrong with a half-written line."""
    title, _, url = line.rpartition("|") if "|" in line else ("", "", line)
    return {"title": title.strip(), "url": url.strip()}


def _local(value: dt.datetime | None) -> str | None:
    return local_iso(value) if value else None


def _zone_options() -> list[str]:
    from zoneinfo import available_timezones

    return sorted(z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/")))


def _form_words(problem: Any) -> str:
    """A file problem, worded for a form: the field, not the file."""
    text = f"{problem.field}: expected {problem.expected}" if problem.field else f"expected {problem.expected}"
    if problem.found and problem.found != "nothing":
        text += f" (got {problem.found})"
    if problem.fix:
        text += f". {problem.fix}"
    return text


class NoteEditor(widgets.HBox):
    """One interviewer's note, editable, with the proofreading findings beside it."""

    def __init__(self, panel: "NotesPanel", index: int, note: Any):
        self.panel, self.index = panel, index
        person = note.interviewer
        self.heading = widgets.HTML(f"<b>{html.escape(person.name)}</b>"
                                    + (f", {html.escape(person.title)}" if person.title else "")
                                    + f" · {note.medium}" + (" · your own wording" if note.own else " · draft"))
        self.subject = widgets.HTML(f"Subject: {html.escape(note.subject)}" if note.subject else "")
        self.text = widgets.Textarea(value=note.text, continuous_update=False,
                                     layout=widgets.Layout(width="560px", height="300px"))
        self.findings = widgets.HTML(layout=widgets.Layout(width="380px"))
        self.save = widgets.Button(description="Save my wording", icon="save", button_style="primary")
        self.reset = widgets.Button(description="Back to the draft", icon="undo")
        self.text.observe(self._on_text_change, names="value")
        self.save.on_click(self._on_save_click)
        self.reset.on_click(self._on_reset_click)
        super().__init__([
            widgets.VBox([self.heading, self.subject, self.text, widgets.HBox([self.save, self.reset])]),
            self.findings,
        ])

    def _on_text_change(self, change: Any) -> None:
        self.panel.proofread_edit(self.index, change["new"])

    def _on_save_click(self, _button: widgets.Button) -> None:
        self.panel.save_note(self.index, self.text.value)

    def _on_reset_click(self, _button: widgets.Button) -> None:
        self.panel.save_note(self.index, None)


class NotesPanel(widgets.VBox):
    """One note per interviewer (R6), proofread as you edit (R9–R11), saved as your wording."""

    def __init__(self, workspace: "Session | Workspace", interview_id: str | None = None):
        self.session = as_session(workspace)
        self.workspace = self.session.workspace
        self.interview: Interview | None = None
        self.choice = widgets.Dropdown(description="Interview", options=self._ids(),
                                       layout=widgets.Layout(width="520px"))
        self.status = widgets.HTML()
        self.notes = widgets.VBox()
        self.choice.observe(self._on_choice_change, names="value")
        super().__init__([self.choice, self.notes, self.status])
        self.add_class("fk-notes-panel")  # lets a browser test find the panel
        _tidy(self)
        self.session.subscribe(self._on_session_change)
        if interview_id or self.choice.options:
            self.show(interview_id or self.choice.options[-1])

    def _ids(self) -> list[str]:
        return [i.id for i in self.session.interviews]

    def _on_session_change(self, what: str, record: Any) -> None:
        self.choice.options = self._ids()
        if what == "interview" and self.interview is not None and record.id == self.interview.id:
            self.show(record.id, refresh=True)

    def show(self, interview_id: str, *, refresh: bool = False) -> None:
        """Compose and proofread the notes of one interview."""
        if self.choice.value != interview_id:
            self.choice.value = interview_id  # calls back into show()
            return
        if not refresh and self.interview is not None and self.interview.id == interview_id and self.notes.children:
            return
        try:
            self.interview = self.session.interview(interview_id)
            notes = self.session.notes(self.interview)
        except FollowupKitError as exc:
            self.notes.children = ()
            self.status.value = message_html([str(exc)])
            return
        self.notes.children = tuple(NoteEditor(self, i, note) for i, note in enumerate(notes))
        self._show_findings(self.interview)
        self.status.value = ""

    def _show_findings(self, interview: Interview) -> None:
        findings = self.session.proofread(interview)
        for editor in self.notes.children:
            name = interview.interviewers[editor.index].name
            mine = [f for f in findings if f.interviewer == name]
            errors = [f.message for f in mine if f.severity == "error"]
            warnings = [f.message for f in mine if f.severity == "warning"]
            editor.findings.value = (message_html(errors) + message_html(warnings, kind="warning")
                                     or message_html(["No problems found."], kind="ok"))

    def proofread_edit(self, index: int, text: str) -> None:
        """Proofread an edited note as if it were saved."""
        if self.interview is not None:
            self._show_findings(self.interview.with_interviewer(index, note=text))

    def save_note(self, index: int, text: str | None) -> None:
        """Save ``text`` as the interviewer's own note (``None`` goes back to the draft)."""
        if self.interview is None:
            return
        try:
            updated = self.session.save(self.interview.with_interviewer(index, note=text))
        except FollowupKitError as exc:
            self.status.value = message_html([str(exc)])
            return
        who = updated.interviewers[index].name
        self.status.value = message_html(
            [f"Saved your wording for {who}." if text else f"Back to the composed draft for {who}."], kind="ok")

    def _on_choice_change(self, change: Any) -> None:
        if change["new"]:
            self.show(change["new"])


def _file_link(path: Any, label: str) -> str:
    """A link to a file that a notebook (or Voilà) serves relative to its own folder."""
    import os

    relative = os.path.relpath(path)
    return (f'{html.escape(label)}: <a href="{html.escape(relative)}" target="_blank" download>'
            f"{html.escape(relative)}</a>")


def verification_table(notes: list[Any]) -> str:
    """The list to tick before copying: each name and title and where it was checked (R2, R11)."""
    rows = []
    for note in notes:
        person = note.interviewer
        cells = [html.escape(person.name), html.escape(person.title or "")]
        for field, source in (("name", person.checked.name), ("title", person.checked.title)):
            if source:
                cells.append(f"✓ {html.escape(source)}")
            elif field == "title" and not person.title:
                cells.append("")
            else:
                cells.append('<span style="color:#b00020">✗ not checked</span>')
        rows.append("<tr>" + "".join(f"<td style='padding:2px 8px'>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th style='padding:2px 8px;text-align:left'>{h}</th>"
                   for h in ("Name", "Title", "Name checked on", "Title checked on"))
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


class CardsPanel(widgets.VBox):
    """Printable cards: size and sheet, a preview, the verification list, Generate (R2, R8, R11)."""

    def __init__(self, workspace: "Session | Workspace", interview_id: str | None = None):
        from .cards import default_size_and_sheet

        self.session = as_session(workspace)
        self.workspace = self.session.workspace
        self.interview: Interview | None = None
        self.notes: list[Any] = []
        self.profile = self.session.profile
        size, sheet = default_size_and_sheet(self.profile)
        self.choice = widgets.Dropdown(description="Interview", options=self._in_person(),
                                       layout=widgets.Layout(width="520px"))
        self.size = widgets.Combobox(description="Card size", value=size,
                                     options=list(CARD_SIZES), ensure_option=False,
                                     placeholder="a2, a6, a7, iso-a6 or WxH such as 4x6in")
        self.sheet = widgets.ToggleButtons(description="Sheet", options=list(SHEETS), value=sheet)
        self.draft = widgets.Checkbox(description="draft: print unverified names, marked DRAFT",
                                      layout=widgets.Layout(width="360px"))
        self.ruled = widgets.Checkbox(description="faint ruled lines")
        self.person = widgets.Dropdown(description="Preview")
        self.preview = widgets.Image(format="png", layout=widgets.Layout(
            max_width="520px", border="1px solid #999", margin="4px 0"))  # the border is the card's edge
        self.checklist = widgets.HTML()
        self.generate = widgets.Button(description="Generate", icon="print", button_style="primary")
        self.status = widgets.HTML()
        self.choice.observe(self._on_choice_change, names="value")
        for control in (self.size, self.draft, self.ruled, self.person):
            control.observe(self._on_preview_change, names="value")
        self.generate.on_click(self._on_generate_click)
        super().__init__([
            self.choice, widgets.HBox([self.size, self.sheet]), widgets.HBox([self.draft, self.ruled]),
            widgets.HTML("<b>Check each name and title against its source before copying</b>"),
            self.checklist, self.person, self.preview, self.generate, self.status,
        ])
        self.add_class("fk-cards-panel")  # lets a browser test find the panel
        _tidy(self)
        self.session.subscribe(self._on_session_change)
        if interview_id and interview_id != self.choice.value:
            self.choice.value = interview_id  # the observer loads it
        elif self.choice.value:
            self._on_choice_change({"new": self.choice.value})

    def _in_person(self) -> list[str]:
        return [i.id for i in self.session.interviews if i.medium == "in-person"]

    def _on_session_change(self, what: str, record: Any) -> None:
        self.profile = self.session.profile
        current = self.choice.value
        self.choice.options = self._in_person()
        if current in self.choice.options:
            self.choice.value = current
            self._on_choice_change({"new": current})

    def _on_choice_change(self, change: Any) -> None:
        if not change["new"]:
            return
        self.interview = self.session.interview(change["new"])
        self.notes = [n for n in self.session.notes(self.interview) if n.medium == "card"]
        self.checklist.value = verification_table(self.notes)
        self.person.options = [(n.interviewer.name, i) for i, n in enumerate(self.notes)]
        # ipywidgets selects nothing when the options change; show the first card.
        if self.notes and self.person.value is None:
            self.person.value = 0
        else:
            self._on_preview_change(None)

    def _on_preview_change(self, _change: Any) -> None:
        if not self.notes or self.person.value is None or self.person.value >= len(self.notes):
            return
        note = self.notes[self.person.value]
        try:
            self.preview.value = self.session.card_preview(note, self.interview, size=self.size.value,
                                                           draft=self.draft.value, ruled=self.ruled.value,
                                                           scale=1.5)
        except FollowupKitError as exc:
            self.status.value = message_html([str(exc)])
            return
        self.status.value = ""

    def _on_generate_click(self, _button: widgets.Button) -> None:
        if not self.choice.value:
            self.status.value = message_html([
                "This workspace has no in-person interview, so no cards to print: after a phone or video "
                "interview the thank-you note goes by email."])
            return
        try:
            path = self.session.write_cards(ids=[self.choice.value], size=self.size.value,
                                            sheet=self.sheet.value, draft=self.draft.value, ruled=self.ruled.value)
        except FollowupKitError as exc:
            self.status.value = message_html([str(exc)])
            return
        self.status.value = (
            f'<p style="color:#1b5e20">{_file_link(path, "Cards written")}. Print at 100% '
            "(actual size), double-sided, flip on the long edge.</p>")


def events_table(events: list[Any], describe: Any = None) -> str:
    """The planned steps as an HTML table; overdue ones in red. ``describe`` gives an
    event's words (default: the kit's wording)."""
    if describe is None:
        from .calendar import describe
    rows = []
    for event in events:
        style = "color:#b00020;font-weight:bold" if event.overdue else ""
        state = "overdue" if event.overdue else event.status if event.status != "open" else ""
        cells = (moment(event.due), html.escape(describe(event).title), state)
        rows.append(f"<tr style='{style}'>" + "".join(
            f"<td style='padding:2px 8px'>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th style='padding:2px 8px;text-align:left'>{h}</th>" for h in ("Due", "What", ""))
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>" if rows else "<p>Nothing to plan.</p>"


class CalendarPanel(widgets.VBox):
    """The planned follow-up dates (R7, R13–R18), an .ics export for any calendar app, and a
    sync to the user's own calendar on a CalDAV server."""

    def __init__(self, workspace: "Session | Workspace", *, now: dt.datetime | None = None):
        self.session = as_session(workspace)
        self.workspace = self.session.workspace
        self.now = now
        self.table = widgets.HTML()
        self.export = widgets.Button(description="Export .ics", icon="calendar", button_style="primary")
        self.status = widgets.HTML()
        self.export.on_click(self._on_export_click)
        self.caldav_url = widgets.Text(description="Address", placeholder="https://… your calendar's CalDAV address",
                                       layout=_WIDE)
        self.caldav_user = widgets.Text(description="User name")
        # Typed for one sync and emptied after it, so it is never kept in the notebook.
        self.caldav_password = widgets.Password(description="Password")
        self.sync = widgets.Button(description="Sync to my calendar", icon="refresh",
                                   layout=widgets.Layout(width="200px"))
        self.sync_status = widgets.HTML()
        self.sync.on_click(self._on_sync_click)
        sync_section = widgets.VBox([
            widgets.HTML("<b>Sync to my calendar</b>: adds new steps to your calendar on iCloud, Fastmail, "
                         "Nextcloud or any CalDAV server, updates the changed ones and removes the done ones; "
                         "your other events are never touched. The password is not saved."),
            self.caldav_url, self.caldav_user, self.caldav_password, self.sync, self.sync_status])
        _tidy(sync_section)
        super().__init__([self.table, self.export, self.status, sync_section])
        self.add_class("fk-calendar-panel")  # lets a browser test find the panel
        self.session.subscribe(lambda _what, _record: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Plan every interview of the workspace again."""
        events = self.session.plan(now=_aware(self.now))
        self.table.value = (events_table(events, self.session.describe)
                            + message_html([str(e) for e in self.session.invalid]))

    def _on_export_click(self, _button: widgets.Button) -> None:
        try:
            result = self.session.write_calendar()
        except FollowupKitError as exc:
            self.status.value = message_html([str(exc)])
            return
        self.status.value = (f'<p style="color:#1b5e20">{_file_link(result.path, "Calendar written")} '
                             f"({len(result.events)} events). Import it into your calendar app; apps that honour "
                             "updates update the events when you import it again, and the others add them "
                             "again: to keep your own calendar in step, sync it below.</p>")


    def _on_sync_click(self, _button: widgets.Button) -> None:
        from zoneinfo import ZoneInfo

        from .caldav_sync import find_password, url_user

        url, password = self.caldav_url.value.strip(), self.caldav_password.value
        self.caldav_password.value = ""
        user = self.caldav_user.value.strip() or url_user(url)
        if not url:
            self.sync_status.value = message_html(["Give your calendar's address (its CalDAV address, as the "
                                                   "calendar's settings on the server show it)."])
            return
        password = password or (find_password(user) if user else None)
        if user and not password:
            self.sync_status.value = message_html([f"Type the password for {user} (an app password for iCloud "
                                                   "or Fastmail) and sync again."])
            return
        try:
            report = self.session.sync_caldav(url, user=user, password=password)
        except FollowupKitError as exc:
            self.sync_status.value = message_html([str(exc)])
            return
        lines = report.lines(ZoneInfo(self.session.profile.timezone))
        self.sync_status.value = (message_html([report.summary()], kind="ok") + message_html(lines, kind="ok")
                                  + message_html([str(e) for e in report.invalid]))


def _aware(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return dt.datetime.now(dt.timezone.utc)
    return now if now.tzinfo else now.replace(tzinfo=dt.timezone.utc)


class Tracker(widgets.VBox):
    """Every interview, its next step and due date; mark steps done, record outcomes (R17, R18)."""

    def __init__(self, workspace: "Session | Workspace", *, now: dt.datetime | None = None):
        self.session = as_session(workspace)
        self.workspace = self.session.workspace
        self.now = now
        self.table = widgets.HTML()
        self.chart = widgets.Image(format="png")
        self.choice = widgets.Dropdown(description="Interview", layout=widgets.Layout(width="520px"))
        self.step = widgets.Dropdown(description="Step", options=options(STEP_LABELS))
        self.done = widgets.Button(description="Mark done", icon="check", button_style="success")
        self.outcome = widgets.Dropdown(description="Outcome", options=options(OUTCOME_LABELS))
        self.record = widgets.Button(description="Record outcome", icon="flag")
        self.status = widgets.HTML()
        self.done.on_click(self._on_done_click)
        self.record.on_click(self._on_record_click)
        super().__init__([
            self.table, self.chart, self.choice, widgets.HBox([self.step, self.done]),
            widgets.HBox([self.outcome, self.record]), self.status,
        ])
        self.add_class("fk-tracker")  # lets a browser test find the panel
        _tidy(self)
        self.session.subscribe(lambda _what, _record: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Plan the whole workspace again and redraw the table and the chart."""
        from .chart import timeline_png

        listing = self.session.listing
        profile = self.session.profile
        now = _aware(self.now)
        events = self.session.plan(now=now, include_done=True)
        rows = []
        for interview in listing.interviews:
            mine = [e for e in events if e.interview_id == interview.id]
            upcoming = next((e for e in mine if e.status == "open"), None)
            if interview.closed:
                step, due, style = f"closed: {label(interview.outcome, OUTCOME_LABELS)}", "", "color:#555"
            elif upcoming is None:
                step, due, style = "all steps done", "", ""
            else:
                step = self.session.describe(upcoming).title
                due = moment(upcoming.due.astimezone(profile.zone), year=False)
                style = "color:#b00020;font-weight:bold" if upcoming.overdue else ""
                if upcoming.overdue:
                    due += " (overdue)"
            cells = (html.escape(interview.company), html.escape(interview.role), html.escape(step), due)
            rows.append(f"<tr style='{style}'>" + "".join(
                f"<td style='padding:2px 8px'>{c}</td>" for c in cells) + "</tr>")
        head = "".join(f"<th style='padding:2px 8px;text-align:left'>{h}</th>"
                       for h in ("Company", "Role", "Next step", "Due"))
        self.table.value = (f"<table><tr>{head}</tr>{''.join(rows)}</table>"
                            + message_html([str(e) for e in listing.invalid]))
        self.chart.value = timeline_png(listing.interviews, events, now=now.astimezone(profile.zone))
        current = self.choice.value
        self.choice.options = [(f"{i.company}: {i.role} ({day_month(i.start)})", i.id) for i in listing.interviews]
        ids = [i.id for i in listing.interviews]
        self.choice.value = current if current in ids else (ids[0] if ids else None)

    def _today(self) -> dt.date:
        return _aware(self.now).astimezone(self.session.profile.zone).date()

    def _update(self, change: Any, message: str) -> None:
        try:
            self.session.save(change(self.session.interview(self.choice.value)))
        except FollowupKitError as exc:
            self.status.value = message_html([str(exc)])
            return
        self.status.value = message_html([message], kind="ok")

    def _on_done_click(self, _button: widgets.Button) -> None:
        from .schedule import mark_done

        self._update(lambda i: mark_done(i, self.step.value, self._today()),
                     f"Marked {label(self.step.value, STEP_LABELS)} done on {day_month(self._today())}.")

    def _on_record_click(self, _button: widgets.Button) -> None:
        from .schedule import record_outcome

        self._update(lambda i: record_outcome(i, self.outcome.value, self._today()),
                     f"Recorded the outcome: {label(self.outcome.value, OUTCOME_LABELS)}.")
