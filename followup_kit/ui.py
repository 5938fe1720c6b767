"""ipywidgets panels and the app built of them; the only module that imports ipywidgets.

One composite widget class per panel: the profile, the interview form, the notes,
the cards, the calendar and the tracker; :class:`App` puts them in tabs over one
:class:`~followup_kit.session.Session`, so a save anywhere shows everywhere at once.
Handlers are named ``_on_<widget>_<event>`` and only translate widget values into
calls of the session and of :mod:`followup_kit.uikit`, which holds everything that
needs no widget and is tested without Jupyter. Messages are shown in ``HTML``
widgets (not ``Output``), so tests can read them.
"""

from __future__ import annotations

import copy
import datetime as dt
import html
from pathlib import Path
from typing import Any, Callable

from .errors import (
    LAB_INSTALL,
    ConflictError,
    FollowupKitError,
    InvalidFileError,
    NotInstalledError,
    UnverifiedError,
)

try:
    import ipywidgets as widgets
except ImportError as exc:  # the command line alone installs without the notebook packages
    raise NotInstalledError(
        "The notebook panels need ipywidgets, which is not installed: `pip install followup-kit` brings "
        f"the command line only. Install the notebook part with: {LAB_INSTALL} (then restart the "
        "notebook's kernel).") from exc

from . import uikit
from .model import INTERVIEW_FORMAT, PROFILE_FORMAT, Interview, Profile
from .session import Session
from .uikit import (
    MEDIUM_WORDS,
    OUTCOME_WORDS,
    STAGE_WORDS,
    STEP_WORDS,
    TIMELINE_WORDS,
    AppMemory,
    Debouncer,
    EntryError,
    Selection,
    plain,
)
from .vocabulary import CHECK_SOURCES, REFLECTION_QUESTIONS
from .workspace import PROFILE_FILE, Workspace

SOURCES = CHECK_SOURCES
#: Seconds of quiet typing before a note is proofread again.
PROOFREAD_DELAY = 0.3
#: Seconds of quiet typing before unsaved input is kept for the next visit.
KEEP_DELAY = 1.0

#: The app's look: labels above long fields, messages beside their field, downloads as buttons.
STYLE = """<style>
.fk-app { max-width: 1180px; }
.fk-stack { flex-direction: column !important; align-items: stretch !important; }
.fk-stack > .widget-label { width: auto !important; max-width: none !important; text-align: left !important;
  margin: 4px 0 2px 0; white-space: normal; }
.fk-invalid input, .fk-invalid textarea, .fk-invalid select { border: 2px solid #b00020 !important;
  background: #fff6f6; }
.fk-stack textarea { width: 100%; box-sizing: border-box; min-width: 0; }
.fk-msg { margin: 0 0 6px 10.5em; }
.fk-stack + .fk-msg, .fk-person .fk-stack + .fk-msg { margin-left: 0; }
.widget-checkbox { margin-right: 12px; }
.fk-msg .widget-html-content, .fk-auto .widget-html-content { height: auto; line-height: 1.35; }
.fk-msg .widget-html-content { color: #b00020; font-size: 90%; white-space: normal; }
.fk-hint .widget-html-content { color: #555; font-size: 90%; height: auto; line-height: 1.35; }
.fk-person { border: 1px solid #bbb; border-radius: 4px; padding: 6px 8px; margin: 6px 0; }
a.fk-download { display: inline-block; margin: 4px 8px 4px 0; padding: 6px 14px; background: #1565c0;
  color: #fff !important; border-radius: 3px; text-decoration: none; font-weight: 600; }
a.fk-download:focus { outline: 3px solid #f9a825; }
table.fk-table { border-collapse: collapse; margin: 4px 0; }
table.fk-table th, table.fk-table td { padding: 3px 8px; text-align: left; vertical-align: top;
  border-bottom: 1px solid #e0e0e0; }
.fk-row { border-bottom: 1px solid #e0e0e0; padding: 2px 0; }
.fk-banner .widget-html-content { height: auto; background: #fff8e1; padding: 6px 10px; border-radius: 3px; }
.fk-before-start { display: none; }
.fk-tabs { margin: 6px 0 0 0; }
.fk-tabs .widget-toggle-button { margin: 0 2px 0 0; border-radius: 4px 4px 0 0; padding: 0 16px; }
.fk-tabs .widget-toggle-button.mod-active { background: #1565c0; color: #fff; }
.fk-pages { border-top: 2px solid #1565c0; padding-top: 6px; }
</style>"""


def as_session(source: "Session | Workspace") -> Session:
    """The session a panel works through: panels given one session share it (and hear
    each other's saves); a bare workspace gets a session of its own."""
    return source if isinstance(source, Session) else Session(source)


def message_html(lines: list[str], *, kind: str = "error") -> str:
    """Messages as an HTML list, coloured by kind (error, warning, ok), in the app's words."""
    if not lines:
        return ""
    colour = {"error": "#b00020", "warning": "#8a5300", "ok": "#1b5e20"}[kind]
    items = "".join(f"<li>{html.escape(plain(line))}</li>" for line in lines)
    return f'<ul style="color:{colour};margin:0.3em 0">{items}</ul>'


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _layout(width: str = "100%", max_width: str = "560px", **more: Any) -> widgets.Layout:
    return widgets.Layout(width=width, max_width=max_width, **more)


def _text(label: str, *, placeholder: str = "", max_width: str = "560px", stack: bool = False,
          area: bool = False, rows: int | None = None, label_width: str = "10em") -> widgets.Text | widgets.Textarea:
    """A labelled text field whose label is its accessible name (the label's ``for``)."""
    kind = widgets.Textarea if area else widgets.Text
    field = kind(description=label, placeholder=placeholder, layout=_layout(max_width=max_width),
                 style={"description_width": label_width})
    if area and rows:
        field.rows = rows
    if stack or area:
        field.add_class("fk-stack")
    return field


def _message() -> widgets.HTML:
    box = widgets.HTML(layout=widgets.Layout(display="none"))
    box.add_class("fk-msg")
    return box


def _say(box: widgets.HTML, text: str) -> None:
    """Show ``text`` in a message box, or hide the box when there is nothing to say."""
    box.value = html.escape(text) if text else ""
    box.layout.display = None if text else "none"


def _mark(widget: widgets.Widget, invalid: bool) -> None:
    if invalid:
        widget.add_class("fk-invalid")
    else:
        widget.remove_class("fk-invalid")


def _hint(text: str) -> widgets.HTML:
    hint = widgets.HTML(html.escape(text))
    hint.add_class("fk-hint")
    return hint


def _html(value: str = "", css: str = "fk-auto") -> widgets.HTML:
    box = widgets.HTML(value)
    box.add_class(css)
    return box


def _row(*children: widgets.Widget) -> widgets.HBox:
    """Widgets side by side that wrap onto the next line on a narrow screen."""
    return widgets.HBox(list(children), layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start"))


def _button(description: str, **options: Any) -> widgets.Button:
    """A button as wide as its words (never cut off), named by its words alone: no icon,
    whose glyph a screen reader would read out as part of its name."""
    layout = options.pop("layout", None) or widgets.Layout()
    if not layout.width:
        layout.width = "max-content"
    return widgets.Button(description=description, layout=layout, **options)


def _download_box() -> widgets.HTML:
    box = widgets.HTML(layout=widgets.Layout(display="none"))
    box.add_class("fk-auto")
    return box


def _offer(box: widgets.HTML, data: bytes, filename: str, label: str, note: str = "") -> None:
    box.value = uikit.download_html(data, filename, label) + (f"<span>{html.escape(note)}</span>" if note else "")
    box.layout.display = None


class InterviewChooser(widgets.Dropdown):
    """The interview menu: 'Company: role (date)', bound to a :class:`Selection`."""

    def __init__(self, session: Session, selection: Selection, *, new_entry: str = ""):
        self.session, self.selection, self.new_entry = session, selection, new_entry
        super().__init__(description="Interview", layout=_layout(max_width="640px"),
                         style={"description_width": "10em"})
        self.refresh()
        self.observe(self._on_value_change, names="value")
        self._unsubscribe = selection.subscribe(self._on_selection_change)

    def refresh(self) -> None:
        try:
            options = uikit.interview_options(self.session.interviews)
        except FollowupKitError:
            options = []
        if self.new_entry:
            options = [(self.new_entry, ""), *options]
        wanted = self.selection.id
        # Setting the options selects the first one: that is no choice of the user's.
        self._refreshing = True
        try:
            self.options = options
            ids = [value for _, value in options]
            self.value = wanted if wanted in ids else None
        finally:
            self._refreshing = False

    def _on_value_change(self, change: Any) -> None:
        if change["new"] is not None and not getattr(self, "_refreshing", False):
            self.selection.set(change["new"])

    def _on_selection_change(self, interview_id: str) -> None:
        ids = [value for _, value in self.options]
        self.value = interview_id if interview_id in ids else None


# -- the profile --------------------------------------------------------------------------------

class ProfileForm(widgets.VBox):
    """Who signs the notes: name, contact, postal address, time zone, country and region,
    and how notes greet people. Creates the workspace when its folder has none yet."""

    def __init__(self, session: Session | None = None, *, root: Path | str | None = None,
                 on_saved: Callable[[Session], None] | None = None):
        self.session = session
        self.root = Path(root) if root is not None else (session.root if session else None)
        self.on_saved = on_saved
        self.touched: set[str] = set()
        self.show_all = False
        self.name = _text("Your name", placeholder="as you sign your notes", max_width="520px")
        self.email = _text("Your email", placeholder="e.g. ana.lopez@example.org", max_width="520px")
        self.phone = _text("Your phone", placeholder="optional", max_width="520px")
        self.address = _text("Postal address", area=True, rows=4,
                             placeholder="your return address for the cards, one line per line")
        zones = _zone_options()
        self.timezone = widgets.Combobox(description="Time zone", options=zones, ensure_option=False,
                                         placeholder="type a city to search, e.g. Berlin",
                                         layout=_layout(max_width="520px"), style={"description_width": "10em"})
        self.country = widgets.Dropdown(description="Country", options=[("Choose your country", ""),
                                                                         *uikit.country_options()],
                                        value="", layout=_layout(max_width="520px"),
                                        style={"description_width": "10em"})
        self.subdivision = widgets.Dropdown(description="Region", options=[("The whole country", "")], value="",
                                            layout=_layout(max_width="520px"), style={"description_width": "10em"})
        self.greeting = widgets.Dropdown(description="Greet people", options=[
            ("By first name: \"Dear Anna,\"", "given-name"), ("By full name: \"Dear Anna Müller,\"", "full-name")],
            value="given-name", layout=_layout(max_width="520px"), style={"description_width": "10em"})
        self.fields: dict[str, widgets.Widget] = {
            "name": self.name, "email": self.email, "phone": self.phone, "address": self.address,
            "timezone": self.timezone, "country": self.country, "subdivision": self.subdivision,
            "greeting": self.greeting}
        self.messages = {key: _message() for key in self.fields}
        self.save = _button("Save profile", button_style="primary")
        self.status = _html()
        self._filling = False
        self.save.on_click(self._on_save_click)
        self.country.observe(self._on_country_change, names="value")
        for key, widget in self.fields.items():
            widget.observe(lambda change, key=key: self._on_field_change(key), names="value")
        body = [widgets.HTML("<h3>About you</h3>"),
                _hint("The notes and cards are signed with your name; your address goes on the back of the "
                      "cards; the time zone and country set when each follow-up falls due (public holidays "
                      "are not business days).")]
        for key, widget in self.fields.items():
            body += [widget, self.messages[key]]
        super().__init__([*body, self.save, self.status])
        self.add_class("fk-profile")
        if session is not None:
            try:
                self.fill(session.profile)
            except FollowupKitError as exc:
                self.status.value = message_html([str(exc)])

    def fill(self, profile: Profile) -> None:
        """Show a saved profile."""
        self._filling = True
        try:
            self.name.value = profile.name
            self.email.value = profile.email or ""
            self.phone.value = profile.phone or ""
            self.address.value = profile.address or ""
            self.timezone.value = profile.timezone
            self.country.value = profile.country if profile.country in [c for _, c in self.country.options] else ""
            self.subdivision.value = profile.subdivision if profile.subdivision in [
                c for _, c in self.subdivision.options] else ""
            self.greeting.value = profile.greeting or "given-name"
        finally:
            self._filling = False

    @property
    def record(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": PROFILE_FORMAT, "name": self.name.value.strip(),
                                "timezone": self.timezone.value.strip(), "country": self.country.value}
        for key in ("email", "phone", "address"):
            value = self.fields[key].value.strip()
            if value:
                data[key] = value
        if self.subdivision.value:
            data["subdivision"] = self.subdivision.value
        if self.greeting.value != "given-name":
            data["greeting"] = self.greeting.value
        if self.session is not None:
            try:  # what the form does not show (the follow-up settings) is kept
                for key, value in self.session.profile.model_dump(mode="json", exclude_none=True).items():
                    data.setdefault(key, value)
            except FollowupKitError:
                pass
        return data

    def validate(self) -> Profile | None:
        problems: dict[str, str] = {}
        if not self.country.value:
            problems["country"] = "Choose the country you live in: its public holidays are not business days."
        if not self.timezone.value.strip():
            problems["timezone"] = "Choose your time zone; type a city to search."
        try:
            profile = Profile.from_record(self.record, file="your profile")
        except InvalidFileError as exc:
            profile = None
            for problem in exc.problems:
                key = uikit.field_key(uikit.field_path(problem.field))
                words = {"name": "Write your name as you sign your notes.",
                         "subdivision": "Choose a region from the list, or the whole country."}.get(key)
                problems.setdefault(key, words or uikit.problem_words(problem))
        for key, box in self.messages.items():
            shown = problems.get(key) if (key in self.touched or self.show_all) else None
            _say(box, shown or "")
            _mark(self.fields[key], bool(shown))
        return None if problems else profile

    def _on_field_change(self, key: str) -> None:
        if not self._filling:
            self.touched.add(key)
            self.validate()

    def _on_country_change(self, change: Any) -> None:
        self.subdivision.options = [("The whole country", ""), *uikit.region_options(change["new"])]
        self.subdivision.value = ""

    def _on_save_click(self, _button: widgets.Button) -> None:
        self.show_all = True
        profile = self.validate()
        if profile is None:
            left = [f"{uikit.FIELD_LABELS.get(k, k)}: {box.value}" for k, box in self.messages.items() if box.value]
            self.status.value = message_html(["Not saved yet. Still to do:", *map(html.unescape, left)])
            return
        try:
            if self.session is None:
                from .session import create

                self.session = create(self.root, profile)
                done = f"Your workspace is ready in {self.root}."
            else:
                self.session.save_profile(profile)
                done = "Saved your profile."
        except FollowupKitError as exc:
            self.status.value = message_html([str(exc)])
            return
        self.status.value = message_html([done], kind="ok")
        if self.on_saved is not None:
            self.on_saved(self.session)


def _zone_options() -> list[str]:
    from .places import time_zones  # the zones a record accepts: no 'EST' or 'US/Eastern'

    return sorted(z for z in time_zones() if "/" in z)


# -- the interview form -------------------------------------------------------------------------

def _second_reader() -> str:
    """The advice to read each note aloud or have someone read it, in the templates' words."""
    from .compose import second_reader

    return second_reader()


class InterviewerEditor(widgets.VBox):
    """One interviewer: titled with the name, with where the name and title were checked."""

    FIELDS = ("name", "name_checked", "title", "title_checked", "email", "address", "topics", "concerns",
              "personal", "salutation")

    def __init__(self, number: int, on_change: Callable[["InterviewerEditor", str], None] | None = None,
                 on_remove: Callable[["InterviewerEditor"], None] | None = None):
        self.number = number
        self.base: dict[str, Any] = {}
        self.touched: set[str] = set()
        self.heading = widgets.HTML()
        self.name = _text("Name", placeholder="exactly as printed on the business card", max_width="520px")
        self.name_checked = widgets.Combobox(description="Name checked on", options=SOURCES, ensure_option=False,
                                             placeholder="e.g. business card", layout=_layout(max_width="520px"),
                                             style={"description_width": "10em"})
        self.title = _text("Title", placeholder="job title as printed", max_width="520px")
        self.title_checked = widgets.Combobox(description="Title checked on", options=SOURCES,
                                              ensure_option=False, placeholder="e.g. email signature",
                                              layout=_layout(max_width="520px"), style={"description_width": "10em"})
        self.email = _text("Email", placeholder="e.g. zoe.angstrom@example.com", max_width="520px")
        self.address = _text("Postal address", area=True, rows=3,
                             placeholder="only if the card goes elsewhere than the company's address")
        self.topics = _text("Topics discussed", area=True, rows=3,
                            placeholder="short phrases, e.g. 'the move to dbt', one per line")
        self.concerns = _text("Concerns they raised", area=True, rows=2,
                              placeholder="short phrases, e.g. 'my experience with Kafka', one per line")
        self.personal = _text("Something personal", placeholder="optional, e.g. we both cycle to work",
                              max_width="560px")
        self.salutation = _text("Greet as", placeholder="optional, e.g. Ms Hà or Dr Weiß", max_width="520px")
        self.remove = _button("Remove this interviewer")
        self.fields = {key: getattr(self, key) for key in self.FIELDS}
        self.messages = {key: _message() for key in self.FIELDS}
        self._on_change, self._on_remove = on_change, on_remove
        self._filling = False
        self.remove.on_click(self._on_remove_click)
        for key, widget in self.fields.items():
            widget.observe(lambda change, key=key: self._on_field_change(key), names="value")
        body: list[widgets.Widget] = [self.heading]
        for key in self.FIELDS:
            body += [self.fields[key], self.messages[key]]
            if key == "topics":
                body.append(_hint("What you talked about with this person, so that the note names it."))
        super().__init__([*body, self.remove])
        self.add_class("fk-person")
        self._title_heading()

    def _title_heading(self) -> None:
        name = self.name.value.strip()
        self.heading.value = (f"<b>Interviewer {self.number}: {html.escape(name)}</b>" if name
                              else f"<b>Interviewer {self.number}</b>")

    def _on_field_change(self, key: str) -> None:
        if key == "name":
            self._title_heading()
        if self._filling:
            return
        self.touched.add(key)
        if self._on_change is not None:
            self._on_change(self, key)

    def _on_remove_click(self, _button: widgets.Button) -> None:
        if self._on_remove is not None:
            self._on_remove(self)

    @property
    def record(self) -> dict[str, Any]:
        """The interviewer as the file stores it: what it was, with the fields shown here."""
        data = {k: v for k, v in copy.deepcopy(self.base).items()
                if k not in ("name", "title", "email", "address", "checked", "topics", "concerns", "personal",
                             "salutation")}
        data["name"] = self.name.value.strip()
        checked = {key: widget.value.strip() for key, widget in
                   (("name", self.name_checked), ("title", self.title_checked)) if widget.value.strip()}
        data["checked"] = checked
        data["topics"] = _lines(self.topics.value)
        concerns = _lines(self.concerns.value)
        if concerns:  # answered in this person's note only
            data["concerns"] = concerns
        for key in ("title", "email", "address", "personal", "salutation"):
            value = self.fields[key].value.strip()
            if value:
                data[key] = value
        return data

    def fill(self, person: dict[str, Any]) -> None:
        """Show an interviewer of a record."""
        self._filling = True
        try:
            self.base = copy.deepcopy(person)
            checked = person.get("checked") or {}
            self.name.value = person.get("name", "")
            self.name_checked.value = checked.get("name", "")
            self.title.value = person.get("title", "")
            self.title_checked.value = checked.get("title", "")
            self.email.value = person.get("email", "")
            self.address.value = person.get("address", "")
            self.topics.value = "\n".join(person.get("topics", []))
            self.concerns.value = "\n".join(person.get("concerns", []))
            self.personal.value = person.get("personal", "")
            self.salutation.value = person.get("salutation", "")
            self.touched.clear()
        finally:
            self._filling = False
        self._title_heading()

    def values(self) -> dict[str, Any]:
        return {"base": self.base, **{key: widget.value for key, widget in self.fields.items()}}

    def set_values(self, values: dict[str, Any]) -> None:
        self._filling = True
        try:
            self.base = values.get("base") or {}
            for key, widget in self.fields.items():
                if isinstance(values.get(key), str):
                    widget.value = values[key]
        finally:
            self._filling = False
        self._title_heading()


class InterviewForm(widgets.VBox):
    """Every field of an interview, checked as you type, each message beside its field;
    New, Duplicate for the next round, Delete with Undo; Save combines your edits with
    anything saved meanwhile and never overwrites another tab's change."""

    def __init__(self, workspace: "Session | Workspace", *, interview_id: str | None = None,
                 now: dt.datetime | None = None, selection: Selection | None = None,
                 memory: AppMemory | None = None):
        self.session = as_session(workspace)
        self.workspace = self.session.workspace
        self.selection = selection or Selection(interview_id or "")
        if interview_id is not None and selection is not None:
            self.selection.set(interview_id)
        self.memory = memory
        self.now = now
        self.base: dict[str, Any] | None = None  # the record as loaded: what edits are measured against
        self.interview: Interview | None = None
        self.touched: set[str] = set()
        self.show_all = False
        self.dirty = False
        self._filling = False
        self._stash: dict[str, dict[str, Any]] = {}
        self._trashed: tuple[Any, str] | None = None
        self._saving = False
        self._keep = Debouncer(self._keep_unsaved, KEEP_DELAY)

        self.choice = InterviewChooser(self.session, self.selection, new_entry="A new interview (not saved yet)")
        self.new = _button("New interview")
        self.duplicate = _button("Duplicate for the next round")
        self.delete = _button("Delete")
        self.undo = _button("Undo delete", layout=widgets.Layout(display="none"))
        self.banner = _html(css="fk-banner")
        self.banner.layout.display = "none"

        self.company = _text("Company")
        self.role = _text("Role", placeholder="the job title you applied for")
        self.stage = widgets.Dropdown(description="Stage", options=[(w, k) for k, w in STAGE_WORDS.items()],
                                      value="first-round", style={"description_width": "10em"},
                                      layout=_layout(max_width="360px"))
        self.medium = widgets.Dropdown(description="How", options=[(w, k) for k, w in MEDIUM_WORDS.items()],
                                       value="in-person", style={"description_width": "4em"},
                                       layout=_layout(max_width="260px"))
        self.day = _text("Date", placeholder="e.g. 2026-11-24 or 24.11.2026", max_width="360px")
        self.start = _text("From", placeholder="e.g. 14:00", max_width="160px", label_width="4em")
        self.end = _text("To", placeholder="e.g. 15:30", max_width="160px", label_width="4em")
        self.when = _hint("")
        self.when.layout.margin = "0 0 4px 10.5em"
        self.timezone = widgets.Combobox(description="Time zone", options=_zone_options(), ensure_option=False,
                                         placeholder=f"yours: {self._profile_zone()}",
                                         layout=_layout(max_width="420px"), style={"description_width": "10em"})
        self.company_address = _text("Company address", area=True, rows=3,
                                     placeholder="the company's postal address, for the cards")
        self.timeline_kind = widgets.Dropdown(description="Decision", options=[
            (label, kind) for kind, label in TIMELINE_WORDS.items()], value="none",
            style={"description_width": "10em"}, layout=_layout(max_width="420px"))
        self.timeline_date = _text("Decision by", placeholder="e.g. 2026-12-04", max_width="360px")
        self.timeline_days = widgets.BoundedIntText(description="Days", value=10, min=1, max=366,
                                                    style={"description_width": "10em"},
                                                    layout=_layout(max_width="240px"))
        self.timeline_business = widgets.Checkbox(description="business days", value=True, indent=False)
        self.timeline_said = _text("Their words", placeholder="what they said, word for word")
        self.people = widgets.VBox()
        self.add_person = _button("Add interviewer")
        self.people_message = _message()
        self.reflection = {key: _text(prompt, area=True, rows=3, placeholder="one point per line")
                           for key, prompt in REFLECTION_QUESTIONS.items()}
        self.extras = _text("Worth sending along", area=True, rows=2,
                            placeholder="an article or work sample: Title | https://… (one per line)")
        self.fields: dict[str, widgets.Widget] = {
            "company": self.company, "role": self.role, "stage": self.stage, "medium": self.medium,
            "day": self.day, "start": self.start, "end": self.end, "timezone": self.timezone,
            "company_address": self.company_address, "timeline.kind": self.timeline_kind,
            "timeline.date": self.timeline_date, "timeline.days": self.timeline_days,
            "timeline.business": self.timeline_business, "timeline.said": self.timeline_said,
            **{f"reflection.{k}": w for k, w in self.reflection.items()}, "extras": self.extras}
        self.messages = {key: _message() for key in self.fields}
        self.summary = _html()
        self.status = _html()
        self.save = _button("Save", button_style="primary")
        self.discard = _button("Discard my changes")
        self.keep_mine = _button("Keep my version of these", layout=widgets.Layout(display="none"))

        self.new.on_click(self._on_new_click)
        self.duplicate.on_click(self._on_duplicate_click)
        self.delete.on_click(self._on_delete_click)
        self.undo.on_click(self._on_undo_click)
        self.add_person.on_click(self._on_add_person_click)
        self.save.on_click(self._on_save_click)
        self.discard.on_click(self._on_discard_click)
        self.keep_mine.on_click(self._on_keep_mine_click)
        self.timeline_kind.observe(self._on_timeline_kind_change, names="value")
        for key, widget in self.fields.items():
            widget.observe(lambda change, key=key: self._on_field_change(key), names="value")

        self.timeline_box = widgets.VBox()
        m = self.messages
        super().__init__([
            _row(self.choice), _row(self.new, self.duplicate, self.delete, self.undo), self.banner,
            widgets.HTML("<h3>The interview</h3>"),
            self.company, m["company"], self.role, m["role"],
            _row(self.stage, self.medium), m["stage"], m["medium"],
            _row(self.day, self.start, self.end), m["day"], m["start"], m["end"], self.when,
            self.timezone, m["timezone"], self.company_address, m["company_address"],
            widgets.HTML("<h3>What they said about the decision</h3>"),
            self.timeline_kind, m["timeline.kind"], self.timeline_box, self.timeline_said, m["timeline.said"],
            widgets.HTML("<h3>Who interviewed you</h3>"),
            _hint("Each name and title exactly as on their business card, and where you checked it: "
                  "a name nobody checked is not printed on a card."),
            self.people, self.people_message, self.add_person,
            widgets.HTML("<h3>While it is fresh</h3>"),
            *[w for key, area in self.reflection.items() for w in (area, m[f"reflection.{key}"])],
            self.extras, m["extras"],
            self.summary, _row(self.save, self.discard, self.keep_mine), self.status,
        ])
        self.add_class("fk-interview-form")  # lets a browser test find the panel
        self.selection.subscribe(self._on_selection_change)
        self.session.subscribe(self._on_session_change)
        self.show(self.selection.id)

    # -- showing ------------------------------------------------------------------------

    def _profile_zone(self) -> str:
        try:
            return self.session.profile.timezone
        except FollowupKitError:
            return "e.g. America/Chicago"

    @property
    def key(self) -> str:
        return self.interview.id if self.interview is not None else ""

    def show(self, interview_id: str) -> None:
        """Show a saved interview, or a new blank one (``""``); unsaved edits of either
        are kept, here and for the next visit, and come back when it is shown again."""
        self._keep.flush()
        if self.dirty:
            self._stash[self.key] = self.values()
        self.interview = None
        record: dict[str, Any] | None = None
        if interview_id:
            try:
                self.interview = self.session.interview(interview_id)
                record = self.interview.to_record()
            except FollowupKitError as exc:
                self.status.value = message_html([str(exc)])
        self._fill(record)
        kept = self._stash.pop(self.key, None)
        if kept is None and self.memory is not None:
            kept = self.memory.unsaved(self.session.root, "form", self.key)
        if kept:
            self.set_values(kept)
            self.dirty = True
            self._banner("Your changes that were not saved yet are back. Save to keep them, or discard them.")
        self.validate()

    def _fill(self, record: dict[str, Any] | None) -> None:
        self._filling = True
        try:
            self.base = copy.deepcopy(record)
            record = record or {}
            today = dt.date.today() if self.now is None else self.now.date()
            start = record.get("start", "")
            end = record.get("end", "")
            self.company.value = record.get("company", "")
            self.role.value = record.get("role", "")
            self.stage.value = record.get("stage", "first-round")
            self.medium.value = record.get("medium", "in-person")
            self.day.value = start[:10] if start else today.isoformat()
            self.start.value = start[11:16] if start else ""
            self.end.value = end[11:16] if end else ""
            self.timezone.value = record.get("timezone", "")
            self.company_address.value = record.get("company_address", "")
            timeline = record.get("timeline") or {"kind": "none"}
            self.timeline_kind.value = timeline.get("kind", "none")
            self.timeline_date.value = timeline.get("date", "")
            self.timeline_days.value = timeline.get("days", 10)
            self.timeline_business.value = timeline.get("business", True) if "days" in timeline else True
            self.timeline_said.value = timeline.get("said", "")
            reflection = record.get("reflection") or {}
            for key, area in self.reflection.items():
                area.value = "\n".join(reflection.get(key, []))
            self.extras.value = "\n".join(f"{e['title']} | {e['url']}" for e in record.get("extras", []))
            self.people.children = ()
            for person in record.get("interviewers", []) or [{}]:
                self._add_person().fill(person)
        finally:
            self._filling = False
        self.touched.clear()
        self.show_all = False
        self.dirty = False
        self.keep_mine.layout.display = "none"
        self.summary.value = ""
        self.banner.layout.display = "none"
        self.delete.disabled = self.duplicate.disabled = self.interview is None
        self._on_timeline_kind_change({"new": self.timeline_kind.value})

    def _banner(self, text: str) -> None:
        self.banner.value = html.escape(text)
        self.banner.layout.display = None

    def _add_person(self) -> InterviewerEditor:
        editor = InterviewerEditor(len(self.people.children) + 1, on_change=self._on_person_change,
                                   on_remove=self._remove_person)
        self.people.children = (*self.people.children, editor)
        return editor

    def _remove_person(self, editor: InterviewerEditor) -> None:
        self.people.children = tuple(c for c in self.people.children if c is not editor)
        for number, other in enumerate(self.people.children, 1):
            other.number = number
            other._title_heading()
        self._changed()

    # -- the record -------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What the form shows, as typed: kept when the page is reloaded before Save."""
        return {"base": self.base, "fields": {k: w.value for k, w in self.fields.items()},
                "people": [e.values() for e in self.people.children]}

    def set_values(self, values: dict[str, Any]) -> None:
        self._filling = True
        try:
            if values.get("base") is not None or self.base is None:
                self.base = values.get("base") or self.base
            for key, value in (values.get("fields") or {}).items():
                if key in self.fields:
                    try:
                        self.fields[key].value = value
                    except Exception:  # a value the widget no longer takes is skipped
                        pass
            people = values.get("people") or []
            if people:
                self.people.children = ()
                for person in people:
                    self._add_person().set_values(person)
        finally:
            self._filling = False
        self._on_timeline_kind_change({"new": self.timeline_kind.value})

    def _entries(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The typed dates and times read, and a message per field that cannot be read."""
        problems: dict[str, str] = {}
        month_first = False
        try:
            month_first = self.session.profile.country == "US"
        except FollowupKitError:
            pass
        found: dict[str, Any] = {}
        try:
            found["day"] = uikit.parse_day(self.day.value, month_first=month_first)
        except EntryError as exc:
            problems["day"] = str(exc)
        for key in ("start", "end"):
            try:
                found[key] = uikit.parse_clock(self.fields[key].value)
            except EntryError as exc:
                problems[key] = str(exc)
        if self.timeline_kind.value == "date":
            try:
                found["timeline.date"] = uikit.parse_day(self.timeline_date.value, month_first=month_first)
            except EntryError as exc:
                problems["timeline.date"] = "Write the date they gave, e.g. 2026-12-04." if not \
                    self.timeline_date.value.strip() else str(exc)
        return found, problems

    def _mine(self) -> tuple[dict[str, Any], dict[str, str]]:
        found, problems = self._entries()
        kind = self.timeline_kind.value
        timeline: dict[str, Any] = {"kind": kind}
        if kind == "date" and "timeline.date" in found:
            timeline["date"] = found["timeline.date"].isoformat()
        if kind == "within":
            timeline.update(days=int(self.timeline_days.value), business=bool(self.timeline_business.value))
        if self.timeline_said.value.strip():
            timeline["said"] = self.timeline_said.value.strip()
        data = {k: v for k, v in copy.deepcopy(self.base or {}).items()
                if k not in ("company_address", "timezone", "extras", "reflection")}
        data.update({
            "format": INTERVIEW_FORMAT,
            "company": self.company.value.strip(),
            "role": self.role.value.strip(),
            "stage": self.stage.value,
            "medium": self.medium.value,
            "timeline": timeline,
            "interviewers": [editor.record for editor in self.people.children],
        })
        for key in ("start", "end"):
            data.pop(key, None)
            if "day" in found and key in found:
                data[key] = dt.datetime.combine(found["day"], found[key]).strftime("%Y-%m-%dT%H:%M")
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
        return data, problems

    @property
    def record(self) -> dict[str, Any]:
        """The interview as the file stores it, built from the widgets."""
        return self._mine()[0]

    def validate(self) -> Interview | None:
        """Show what is wrong beside each field (once it was touched, or Save was pressed);
        return the interview when it is valid."""
        data, problems = self._mine()
        interview = None
        try:
            interview = Interview.from_record(data, file="this form")
        except InvalidFileError as exc:
            for problem in exc.problems:
                key = uikit.field_key(uikit.field_path(problem.field))
                if key in ("start", "end", "day") and ("day" in problems or key in problems):
                    continue
                problems.setdefault(key, uikit.problem_words(problem))
        if "end" not in problems and "start" not in problems and "day" not in problems:
            self.when.value = html.escape(_say_when(data))
        else:
            self.when.value = ""
        self._show(problems)
        return None if problems else interview

    def _show(self, problems: dict[str, str]) -> None:
        for key, box in self.messages.items():
            text = problems.get(key) if (key in self.touched or self.show_all) else None
            _say(box, text or "")
            _mark(self.fields[key], bool(text))
        people_text = problems.get("interviewers") if self.show_all else None
        _say(self.people_message, people_text or "")
        for index, editor in enumerate(self.people.children):
            for field_name, box in editor.messages.items():
                key = f"interviewers.{index}." + {"name_checked": "checked.name",
                                                    "title_checked": "checked.title"}.get(field_name, field_name)
                text = problems.get(key) if (field_name in editor.touched or self.show_all) else None
                _say(box, text or "")
                _mark(editor.fields[field_name], bool(text))
        self._problems = problems

    def _left(self) -> list[str]:
        """What is left to do, one line per message shown beside its field."""
        left = []
        for key, box in self.messages.items():
            if box.value:
                left.append(f"{uikit.FIELD_LABELS.get(key, key)}: {html.unescape(box.value)}")
        if self.people_message.value:
            left.append(html.unescape(self.people_message.value))
        for editor in self.people.children:
            who = editor.name.value.strip() or f"Interviewer {editor.number}"
            for field_name, box in editor.messages.items():
                if box.value:
                    label = editor.fields[field_name].description
                    left.append(f"{who}, {label}: {html.unescape(box.value)}")
        return left

    # -- handlers ----------------------------------------------------------------------------

    def _changed(self) -> None:
        self.dirty = True
        self.validate()
        self._keep()

    def _keep_unsaved(self) -> None:
        if self.memory is not None:
            self.memory.keep_unsaved(self.session.root, "form", self.key, self.values() if self.dirty else None)

    def _on_field_change(self, key: str) -> None:
        if self._filling:
            return
        self.touched.add(key)
        self._changed()

    def _on_person_change(self, _editor: InterviewerEditor, _key: str) -> None:
        if not self._filling:
            self._changed()

    def _on_timeline_kind_change(self, change: Any) -> None:
        kind = change["new"]
        m = self.messages
        self.timeline_box.children = {
            "date": (self.timeline_date, m["timeline.date"]),
            "within": (_row(self.timeline_days, self.timeline_business), m["timeline.days"]),
        }.get(kind, ())

    def _on_add_person_click(self, _button: widgets.Button) -> None:
        self._add_person()
        self._changed()

    def _on_selection_change(self, interview_id: str) -> None:
        if interview_id != self.key:
            self.show(interview_id)

    def _on_session_change(self, what: str, record: Any) -> None:
        self.choice.refresh()
        if self._saving:
            return
        if what == "profile":
            self.timezone.placeholder = f"yours: {self._profile_zone()}"
            return
        if what == "deleted" or self.interview is None:
            return
        if what == "interview" and record.id != self.interview.id:
            return
        try:
            latest = self.session.interview(self.interview.id)
        except FollowupKitError:
            return
        if latest.to_record() == (self.base or {}):
            return
        if not self.dirty:
            self.interview = latest
            self._fill(latest.to_record())
            self.validate()
            if what == "reload":
                self._banner("This interview was saved elsewhere (another tab or program); the form shows "
                             "that version.")
        else:
            self.interview = latest
            self._banner("This interview was just saved elsewhere (another panel or tab). Your changes here "
                         "are kept; Save combines them with it.")

    def _on_new_click(self, _button: widgets.Button) -> None:
        self.selection.set("")
        if self.selection.id == "" and self.key == "":
            self.show("")
        self.status.value = message_html(["A new interview: fill it in, then Save."], kind="ok")

    def _on_duplicate_click(self, _button: widgets.Button) -> None:
        if self.interview is None:
            return
        copy_of = uikit.next_round(self.session.interview(self.interview.id).to_record())
        label = uikit.interview_label(self.interview)
        self.selection.set("")
        if self.key:
            self.show("")
        self._fill(copy_of)
        self.base, self.interview = None, None
        self._filling = True
        self.day.value = ""
        self.start.value = self.end.value = ""
        self._filling = False
        self.dirty = True
        self._keep()
        self.status.value = message_html([f"A copy of {label} for the next round: set its date and times, "
                                          "then Save. The earlier round stays as it was."], kind="ok")
        self.validate()

    def _on_delete_click(self, _button: widgets.Button) -> None:
        if self.interview is None:
            return
        label = uikit.interview_label(self.interview)
        try:
            trashed = self.session.delete(self.interview.id)
        except FollowupKitError as exc:
            self.status.value = message_html([str(exc)])
            return
        self._trashed = (trashed, self.interview.id)
        if self.memory is not None:
            self.memory.keep_unsaved(self.session.root, "form", self.interview.id, None)
        self.interview = None
        self.dirty = False
        remaining = self.session.interviews
        self.selection.set(remaining[-1].id if remaining else "")
        if self.key == "" and self.selection.id == "":
            self.show("")
        self.undo.layout.display = None
        self.status.value = message_html([f"Deleted {label}. Undo puts it back."], kind="ok")

    def _on_undo_click(self, _button: widgets.Button) -> None:
        if self._trashed is None:
            return
        trashed, interview_id = self._trashed
        try:
            restored = self.session.restore(trashed, interview_id)
        except FollowupKitError as exc:
            self.status.value = message_html([str(exc)])
            return
        self._trashed = None
        self.undo.layout.display = "none"
        self.selection.set(restored.id)
        self.status.value = message_html([f"{uikit.interview_label(restored)} is back."], kind="ok")

    def _on_discard_click(self, _button: widgets.Button) -> None:
        self.dirty = False
        self._keep.cancel()
        if self.memory is not None:
            self.memory.keep_unsaved(self.session.root, "form", self.key, None)
        self.show(self.key)
        self.status.value = message_html(["Your changes were discarded."], kind="ok")

    def _on_save_click(self, _button: widgets.Button) -> None:
        self._save(force=False)

    def _on_keep_mine_click(self, _button: widgets.Button) -> None:
        self._save(force=True)

    def _save(self, *, force: bool) -> None:
        self.show_all = True
        self.keep_mine.layout.display = "none"
        interview = self.validate()
        if interview is None:
            left = self._left()
            self.summary.value = message_html(["Not saved yet. Still to do:"] + left)
            self.status.value = ""
            return
        self.summary.value = ""
        self._saving = True
        try:
            if self.interview is None:
                saved = self.session.save(interview, new=True)
            else:
                saved = self._save_over(interview, force=force)
                if saved is None:
                    return
        except ConflictError:
            self.status.value = message_html([
                "Not saved: this interview was changed in another tab or program since you opened it, and "
                "that version has not been shown here yet. Nothing was overwritten. Press Save again to "
                "combine your changes with it."])
            self.session.reload()
            return
        except FollowupKitError as exc:
            self.status.value = message_html([str(exc)])
            return
        finally:
            self._saving = False
        self.dirty = False
        self._keep.cancel()
        if self.memory is not None:
            self.memory.keep_unsaved(self.session.root, "form", self.key, None)
            self.memory.keep_unsaved(self.session.root, "form", saved.id, None)
        self.interview = saved
        self._fill(saved.to_record())
        self.interview = saved
        self.selection.set(saved.id)
        self.choice.refresh()
        self.status.value = message_html([f"Saved {uikit.interview_label(saved)}."], kind="ok")
        self.validate()

    def _save_over(self, interview: Interview, *, force: bool) -> Interview | None:
        """Save an edited interview, combined with whatever was saved since it was loaded."""
        assert self.interview is not None
        mine = interview.to_record()
        theirs = self.session.interview(self.interview.id).to_record()
        base = self.base or theirs
        merged, conflicts = uikit.merge(base, mine, theirs)
        if conflicts and not force:
            fields = ", ".join(dict.fromkeys(uikit.conflict_words(path, mine) for path in conflicts))
            self.status.value = message_html([
                f"Not saved: since you opened this interview it was saved elsewhere with other values for: "
                f"{fields}. Nothing was overwritten. Press \"Keep my version of these\" to save yours, "
                "or Discard my changes to see theirs."])
            self.keep_mine.layout.display = None
            return None
        record = merged if not force else uikit.merge(base, mine, theirs)[0]
        combined = Interview.from_record(record, id=self.interview.id, file="this form")
        return self.session.save(combined)


def _say_when(data: dict[str, Any]) -> str:
    start, end = data.get("start"), data.get("end")
    if not start or not end:
        return ""
    begins = dt.datetime.fromisoformat(start)
    return f"{uikit.say_day(begins.date())}, {start[11:]} to {end[11:]}"


def _extra(line: str) -> dict[str, str]:
    """'Title | https://…' as an extra; the model says what is wrong with a half-written line."""
    title, _, url = line.rpartition("|") if "|" in line else ("", "", line)
    return {"title": title.strip(), "url": url.strip()}


# -- the notes ---------------------------------------------------------------------------------

class NoteEditor(widgets.HBox):
    """One interviewer's note, editable, proofread as you type, with its own Save."""

    def __init__(self, panel: "NotesPanel", index: int, note: Any, *, unsaved: str | None = None):
        self.panel, self.index, self.note = panel, index, note
        person = note.interviewer
        medium = "handwritten card" if note.medium == "card" else "email"
        self.heading = widgets.HTML(f"<b>{html.escape(person.name)}</b>"
                                    + (f", {html.escape(person.title)}" if person.title else "")
                                    + f" · {medium}" + (" · your own wording" if note.own else " · draft"))
        self.subject = widgets.HTML(f"Subject: {html.escape(note.subject)}" if note.subject else "")
        self.text = widgets.Textarea(value=unsaved if unsaved is not None else note.text, continuous_update=True,
                                     description=f"Note to {person.name}",
                                     layout=widgets.Layout(width="100%", max_width="600px", height="320px"))
        self.text.add_class("fk-stack")
        self.state = _hint("Not saved yet: your edits are kept until you save them." if unsaved is not None else "")
        self.findings = _html()
        self.findings.layout = widgets.Layout(flex="1 1 280px", min_width="260px", max_width="520px")
        self.save = _button("Save this note", button_style="primary")
        self.reset = _button("Back to the draft")
        self.text.observe(self._on_text_change, names="value")
        self.save.on_click(self._on_save_click)
        self.reset.on_click(self._on_reset_click)
        left = widgets.VBox([self.heading, self.subject, self.text, self.state, _row(self.save, self.reset)],
                            layout=widgets.Layout(flex="1 1 520px", max_width="620px", min_width="0"))
        super().__init__([left, self.findings], layout=widgets.Layout(flex_flow="row wrap", margin="6px 0"))

    def _on_text_change(self, change: Any) -> None:
        self.panel.edited(self.index, change["new"])

    def _on_save_click(self, _button: widgets.Button) -> None:
        self.panel.save_note(self.index, self.text.value)

    def _on_reset_click(self, _button: widgets.Button) -> None:
        self.panel.save_note(self.index, None)


class NotesPanel(widgets.VBox):
    """One note per interviewer, proofread as you type; each saved on its own, and edits
    not saved yet kept per note whatever else is saved meanwhile. Email drafts to download."""

    def __init__(self, workspace: "Session | Workspace", interview_id: str | None = None, *,
                 selection: Selection | None = None, memory: AppMemory | None = None,
                 card_size: str | None = None):
        self.session = as_session(workspace)
        self.workspace = self.session.workspace
        self.selection = selection or Selection(interview_id or _latest(self.session))
        if interview_id is not None and selection is not None:
            self.selection.set(interview_id)
        self.memory = memory
        self.card_size = card_size
        self.interview: Interview | None = None
        self.unsaved: dict[tuple[str, int], str] = {}
        self.bases: dict[tuple[str, int], str | None] = {}
        self.choice = InterviewChooser(self.session, self.selection)
        self.status = _html()
        self.notes = widgets.VBox()
        self.prepare = _button("Prepare the email drafts")
        self.emails = _download_box()
        self.prepare.on_click(self._on_prepare_click)
        self._proofread = Debouncer(self._proofread_now, PROOFREAD_DELAY)
        self._keep = Debouncer(self._keep_unsaved, KEEP_DELAY)
        super().__init__([
            _row(self.choice),
            _hint("Edit each draft until it sounds like you. The proofreading beside it checks spelling, "
                  "each name against its record, tone and length as you type."),
            _hint(_second_reader()),
            self.notes, self.status,
            widgets.HTML("<h3>Emails to send</h3>"),
            _hint("Each email as a draft file: open it in your mail program, read it over and send it."),
            self.prepare, self.emails,
        ])
        self.add_class("fk-notes-panel")  # lets a browser test find the panel
        self.selection.subscribe(lambda interview_id: self.show(interview_id))
        self.session.subscribe(self._on_session_change)
        self.show(self.selection.id)

    def _on_session_change(self, what: str, record: Any) -> None:
        self.choice.refresh()
        if self.interview is None:
            if self.selection.id:
                self.show(self.selection.id)
            return
        if what == "deleted" and record.id == self.interview.id:
            return
        if what in ("reload", "profile") or (what == "interview" and record.id == self.interview.id):
            self.show(self.interview.id, refresh=True)

    def show(self, interview_id: str, *, refresh: bool = False) -> None:
        """Compose and proofread the notes of one interview, with the edits not saved yet."""
        if not refresh and self.interview is not None and self.interview.id == interview_id and self.notes.children:
            return
        self.emails.layout.display = "none"
        if not interview_id:
            self.interview = None
            self.notes.children = ()
            self.status.value = message_html(["Save the interview first: its notes appear here."], kind="warning")
            return
        try:
            self.interview = self.session.interview(interview_id)
            notes = self.session.notes(self.interview)
        except FollowupKitError as exc:
            self.interview = None
            self.notes.children = ()
            self.status.value = message_html([str(exc)])
            return
        self.notes.children = tuple(
            NoteEditor(self, i, note, unsaved=self._unsaved_text(interview_id, i, note.interviewer.name))
            for i, note in enumerate(notes))
        self.status.value = ""
        self._proofread_now()

    def _unsaved_text(self, interview_id: str, index: int, name: str) -> str | None:
        text = self.unsaved.get((interview_id, index))
        if text is None and self.memory is not None:
            kept = self.memory.unsaved(self.session.root, "note", f"{interview_id}#{index}")
            if isinstance(kept, dict) and kept.get("name") == name and isinstance(kept.get("text"), str):
                text = self.unsaved[(interview_id, index)] = kept["text"]
        return text

    def _with_edits(self) -> Interview:
        assert self.interview is not None
        interview = self.interview
        for editor in self.notes.children:
            if (interview.id, editor.index) in self.unsaved:
                interview = interview.with_interviewer(editor.index, note=editor.text.value)
        return interview

    def edited(self, index: int, text: str) -> None:
        """An edit typed into note ``index``: kept as unsaved, proofread once typing pauses."""
        if self.interview is None:
            return
        key = (self.interview.id, index)
        self.unsaved[key] = text
        # The saved version the edit began from: a later save elsewhere is then noticed.
        self.bases.setdefault(key, self.interview.interviewers[index].note)
        editor = self.notes.children[index]
        editor.state.value = "Not saved yet: your edits are kept until you save them."
        self._proofread()
        self._keep()

    def proofread_edit(self, index: int, text: str) -> None:
        """Proofread an edited note at once, as if it were saved."""
        self.edited(index, text)
        self._proofread.flush()

    def _proofread_now(self) -> None:
        if self.interview is None or not self.notes.children:
            return
        try:
            interview = self._with_edits()
            notes = self.session.notes(interview)
            findings = self.session.proofread(interview, notes)
        except FollowupKitError as exc:
            self.status.value = message_html([str(exc)])
            return
        for editor, note in zip(self.notes.children, notes):
            name = interview.interviewers[editor.index].name
            mine = [f for f in findings if f.interviewer == name]
            errors = [f.message for f in mine if f.severity == "error"]
            warnings = [f.message for f in mine if f.severity == "warning"]
            warnings += self._card_warnings(note, interview)
            editor.findings.value = (message_html(errors) + message_html(warnings, kind="warning")
                                     or message_html(["No problems found."], kind="ok"))

    def _card_warnings(self, note: Any, interview: Interview) -> list[str]:
        if note.medium != "card":
            return []
        from .cards import default_size_and_sheet, faces_needed

        size = self.card_size or default_size_and_sheet(self.session.profile)[0]
        try:
            faces = faces_needed(note, self.session.profile, interview, size=size)
        except FollowupKitError as exc:
            return [plain(str(exc))]
        if faces > 1:
            return [f"This note runs onto a second card at the card size {size}: shorten it, or choose a "
                    "bigger card under Card size in the Cards tab."]
        return []

    def _keep_unsaved(self) -> None:
        if self.memory is None or self.interview is None:
            return
        for editor in self.notes.children:
            key = (self.interview.id, editor.index)
            if key in self.unsaved:
                self.memory.keep_unsaved(self.session.root, "note", f"{key[0]}#{key[1]}",
                                         {"name": editor.note.interviewer.name, "text": self.unsaved[key]})

    def save_note(self, index: int, text: str | None) -> None:
        """Save ``text`` as the interviewer's own note (``None`` goes back to the draft); the
        other notes keep their edits not saved yet. A note saved elsewhere since the edit
        began (another tab, the command line) is not overwritten without a second Save."""
        if self.interview is None:
            return
        self._keep.flush()
        interview_id, key = self.interview.id, (self.interview.id, index)
        for attempt in (1, 2):
            try:
                latest = self.session.interview(interview_id)
                theirs = latest.interviewers[index].note
                began = self.bases.get(key, theirs)
                if theirs != began and theirs != text:
                    self.bases[key] = theirs  # told once: a second Save replaces it knowingly
                    self._say_note(index, message_html([
                        "Not saved: this note was saved elsewhere (another tab or program) since you began "
                        "editing it. Your text is still here; Save again to replace that version with "
                        "yours, or Back to the draft."]))
                    return
                kept = self.unsaved.pop(key, None)  # so that the panel, refreshed by the save, shows it saved
                try:
                    updated = self.session.save(latest.with_interviewer(index, note=text))
                except FollowupKitError:
                    if kept is not None:
                        self.unsaved[key] = kept
                    raise
                break
            except ConflictError as exc:
                if attempt == 2:
                    self._say_note(index, message_html([str(exc)]))
                    return
                self.session.reload()  # read what the other tab saved, then check again
            except FollowupKitError as exc:
                self._say_note(index, message_html([str(exc)]))
                return
        self.bases.pop(key, None)
        if self.memory is not None:
            self.memory.keep_unsaved(self.session.root, "note", f"{interview_id}#{index}", None)
        who = updated.interviewers[index].name
        said = f"Saved your wording for {who}." if text else f"Back to the composed draft for {who}."
        self._say_note(index, message_html([said], kind="ok"))

    def _say_note(self, index: int, value: str) -> None:
        if index < len(self.notes.children):  # beside the note's own Save button
            self.notes.children[index].state.value = value

    def _on_prepare_click(self, _button: widgets.Button) -> None:
        if self.interview is None:
            return
        from .emails import draft_bytes
        from .session import unique_names

        try:
            interview = self.session.interview(self.interview.id)
            drafts = [d for d in self.session.drafts(interview) if d.status == "open"]
            sendable = [d for d in drafts if not d.problem]
            files = [(name, draft_bytes(d, self.session.profile))
                     for d, name in zip(sendable, unique_names(d.filename for d in sendable))]
        except FollowupKitError as exc:
            self.status.value = message_html([str(exc)])
            return
        missing = [f"No draft to {d.recipient.name}: {d.problem}. Add the address in the Interview tab, or write "
                   "through the company's HR department." for d in drafts if d.problem]
        if not files:
            self.emails.value = message_html(missing or ["No email is left to send for this interview."],
                                             kind="warning")
            self.emails.layout.display = None
            return
        links = "".join(uikit.download_html(data, name, f"{d.kind.replace('-', ' ').capitalize()}: "
                                            f"{d.recipient.name} (.eml)")
                        for d, (name, data) in zip(sendable, files))
        bundle = uikit.zip_bytes(files)
        links += uikit.download_html(bundle, f"emails-{interview.id}.zip", "All of them (.zip)")
        self.emails.value = links + message_html(missing, kind="warning")
        self.emails.layout.display = None


def _latest(session: Session) -> str:
    try:
        interviews = session.interviews
    except FollowupKitError:
        return ""
    return interviews[-1].id if interviews else ""


# -- the cards ---------------------------------------------------------------------------------

def verification_table(notes: list[Any]) -> str:
    """The list to tick before copying: each name and title and where it was checked."""
    rows = []
    for note in notes:
        person = note.interviewer
        cells = [html.escape(person.name), html.escape(person.title or "")]
        for field_name, source in (("name", person.checked.name), ("title", person.checked.title)):
            if source:
                cells.append(f"✓ {html.escape(source)}")
            elif field_name == "title" and not person.title:
                cells.append("")
            else:
                cells.append('<span style="color:#b00020">✗ not checked</span>')
        rows.append(cells)
    return uikit.table_html(("Name", "Title", "Name checked on", "Title checked on"), rows)


class CardsPanel(widgets.VBox):
    """Printable cards: size and sheet, a preview, the list to tick, Generate and download."""

    def __init__(self, workspace: "Session | Workspace", interview_id: str | None = None, *,
                 selection: Selection | None = None):
        from .cards import default_size_and_sheet

        self.session = as_session(workspace)
        self.workspace = self.session.workspace
        self.selection = selection or Selection(interview_id or _latest(self.session))
        if interview_id is not None and selection is not None:
            self.selection.set(interview_id)
        self.interview: Interview | None = None
        self.notes: list[Any] = []
        self.profile = self.session.profile
        size, sheet = default_size_and_sheet(self.profile)
        self.choice = InterviewChooser(self.session, self.selection)
        self.size = widgets.Combobox(description="Card size", value=size,
                                     options=["a2", "a6", "a7", "iso-a6"], ensure_option=False,
                                     placeholder="a2, a6, a7, iso-a6 or WxH such as 4x6in",
                                     style={"description_width": "10em"}, layout=_layout(max_width="420px"))
        self.sheet = widgets.Dropdown(description="Paper", options=[
            ("Letter, several cards a page", "letter"), ("A4, several cards a page", "a4"),
            ("One card a page, card stock", "card")], value=sheet, style={"description_width": "10em"},
            layout=_layout(max_width="420px"))
        self.draft = widgets.Checkbox(description="Print as a draft: names nobody checked are marked DRAFT",
                                      indent=False, layout=widgets.Layout(width="auto"))
        self.ruled = widgets.Checkbox(description="Faint ruled lines", indent=False)
        self.person = widgets.Dropdown(description="Preview", style={"description_width": "10em"},
                                       layout=_layout(max_width="420px"))
        self.preview = widgets.Image(format="png", layout=widgets.Layout(
            max_width="min(100%, 520px)", border="1px solid #999", margin="4px 0"))  # the card's edge
        self.checklist = _html()
        self.generate = _button("Generate", button_style="primary")
        self.status = _html()
        self.download = _download_box()
        for control in (self.size, self.draft, self.ruled, self.person):
            control.observe(self._on_preview_change, names="value")
        self.generate.on_click(self._on_generate_click)
        super().__init__([
            _row(self.choice), _row(self.size, self.sheet), _row(self.draft, self.ruled),
            widgets.HTML("<b>Check each name and title against its source before copying</b>"),
            self.checklist, self.person, self.preview, self.generate, self.status, self.download,
        ])
        self.add_class("fk-cards-panel")  # lets a browser test find the panel
        self.selection.subscribe(lambda interview_id: self.show(interview_id))
        self.session.subscribe(self._on_session_change)
        self.show(self.selection.id)

    def _on_session_change(self, what: str, record: Any) -> None:
        self.choice.refresh()
        try:
            self.profile = self.session.profile
        except FollowupKitError:
            return
        if what == "deleted" and self.interview is not None and record.id == self.interview.id:
            return
        self.show(self.selection.id)

    def show(self, interview_id: str) -> None:
        """Lay out the cards of one interview: the list to tick and a preview."""
        self.download.layout.display = "none"
        self.interview, self.notes = None, []
        self.checklist.value = ""
        self.person.options = []
        self.preview.value = b""
        if not interview_id:
            self.status.value = message_html(["Save the interview first: its cards appear here."], kind="warning")
            return
        try:
            self.interview = self.session.interview(interview_id)
            self.notes = [n for n in self.session.notes(self.interview) if n.medium == "card"]
        except FollowupKitError as exc:
            self.status.value = message_html([str(exc)])
            return
        if self.interview.medium != "in-person":
            self.status.value = message_html([
                f"This interview was by {MEDIUM_WORDS[self.interview.medium].lower()}: the thank-you note "
                "goes by email (see the Notes tab), so there are no cards to print."], kind="warning")
            return
        self.status.value = ""
        self.checklist.value = verification_table(self.notes)
        self.person.options = [(n.interviewer.name, i) for i, n in enumerate(self.notes)]
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
        self.download.layout.display = "none"
        if self.interview is None or self.interview.medium != "in-person":
            self.status.value = message_html([
                "No cards to print for this interview: after a phone or video interview the thank-you note "
                "goes by email."])
            return
        unchecked = [f"{n.interviewer.name} ({' and '.join(n.interviewer.unverified)})" for n in self.notes
                     if n.interviewer.unverified]
        if unchecked and not self.draft.value:
            self.status.value = message_html([
                "Not printed: nobody has checked the spelling of " + "; ".join(unchecked) + ". A handwritten "
                "card cannot be corrected once posted. Check each against a business card or an email "
                "signature and choose where under \"checked on\" in the Interview tab; or tick \"Print as a "
                "draft\"."])
            return
        try:
            path = self.session.write_cards(ids=[self.interview.id], size=self.size.value,
                                            sheet=self.sheet.value, draft=self.draft.value, ruled=self.ruled.value)
            data = path.read_bytes()
        except UnverifiedError as exc:
            self.status.value = message_html([str(exc)])
            return
        except (FollowupKitError, OSError) as exc:
            self.status.value = message_html([str(exc)])
            return
        self.status.value = message_html([
            f"Cards written to {path}. Print at 100% (actual size), double-sided, flipping on the long "
            "edge."], kind="ok")
        _offer(self.download, data, path.name, f"Download {path.name}")


# -- the calendar -------------------------------------------------------------------------------

def events_table(events: list[Any], interviews: list[Interview] | None = None, profile: Profile | None = None,
                 now: dt.datetime | None = None) -> str:
    """The planned steps as an HTML table, each with its state in words."""
    if interviews is not None and profile is not None:
        return uikit.steps_table(interviews, events, profile, _aware(now))
    rows = [(f"{event.due:%a %d %b %Y %H:%M}", html.escape(event.title)) for event in events]
    return uikit.table_html(("Due", "What"), rows) if rows else "<p>Nothing to plan.</p>"


class CalendarPanel(widgets.VBox):
    """The planned follow-up dates, an .ics export for any calendar app (to download), and a
    sync to the user's own calendar on a CalDAV server."""

    def __init__(self, workspace: "Session | Workspace", *, now: dt.datetime | None = None):
        self.session = as_session(workspace)
        self.workspace = self.session.workspace
        self.now = now
        self.table = _html()
        self.export = _button("Export .ics", button_style="primary")
        self.status = _html()
        self.download = _download_box()
        self.export.on_click(self._on_export_click)
        self.caldav_url = _text("Address", placeholder="https://… your calendar's CalDAV address",
                                max_width="640px")
        self.caldav_user = _text("User name", max_width="420px")
        # Typed for one sync and emptied after it, so it is never kept in the notebook.
        self.caldav_password = widgets.Password(description="Password", style={"description_width": "10em"},
                                                layout=_layout(max_width="420px"))
        self.sync = _button("Sync to my calendar")
        self.sync_status = _html()
        self.sync.on_click(self._on_sync_click)
        sync_section = widgets.VBox([
            widgets.HTML("<h3>Sync to my calendar</h3>"),
            _hint("Adds new steps to your calendar on iCloud, Fastmail, Nextcloud or any CalDAV server, "
                  "updates the changed ones and removes the done ones; your other events are never "
                  "touched. The password is not saved."),
            self.caldav_url, self.caldav_user, self.caldav_password, self.sync, self.sync_status])
        super().__init__([
            _hint("Every follow-up step of every interview. Export the calendar file and import it into "
                  "your calendar app; to keep your own calendar in step as plans change, sync it below."),
            self.table, self.export, self.status, self.download, sync_section])
        self.add_class("fk-calendar-panel")  # lets a browser test find the panel
        self.session.subscribe(lambda _what, _record: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Plan every interview of the workspace again."""
        self.download.layout.display = "none"
        try:
            events = self.session.plan(now=_aware(self.now))
            self.table.value = (events_table(events, self.session.interviews, self.session.profile, self.now)
                                + message_html([str(e) for e in self.session.invalid]))
        except FollowupKitError as exc:
            self.table.value = message_html([str(exc)])

    def _on_export_click(self, _button: widgets.Button) -> None:
        try:
            result = self.session.write_calendar()
            data = result.path.read_bytes()
        except (FollowupKitError, OSError) as exc:
            self.status.value = message_html([str(exc)])
            return
        self.status.value = message_html([f"Calendar written to {result.path} ({len(result.events)} events)."],
                                         kind="ok")
        _offer(self.download, data, result.path.name, f"Download {result.path.name}",
               "Open it with your calendar app, or import it there.")

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


# -- the tracker --------------------------------------------------------------------------------

class TrackerRow(widgets.HBox):
    """One interview in the tracker with its own actions."""

    def __init__(self, tracker: "Tracker", row: uikit.TrackerRow):
        self.interview_id = row.interview.id
        self.label = widgets.HTML(f"<b>{html.escape(row.interview.company)}</b>: "
                                  f"{html.escape(row.interview.role)}<br>"
                                  f"<small>{html.escape(uikit.say_day(row.interview.start.date()))}</small>",
                                  layout=widgets.Layout(flex="1 1 220px", min_width="200px"))
        self.next = widgets.HTML(uikit.state_html(row.next_text, row.state),
                                 layout=widgets.Layout(flex="2 1 280px", min_width="240px"))
        self.mark = _button("Mark done…", tooltip=f"Mark a step of "
                                   f"{uikit.interview_label(row.interview)} done",
                                   disabled=row.next_kind is None)
        self.ended = _button("Record outcome…",
                                    tooltip=f"Record how {uikit.interview_label(row.interview)} ended")
        self.mark.on_click(lambda _b: tracker.open_done(self.interview_id))
        self.ended.on_click(lambda _b: tracker.open_outcome(self.interview_id))
        super().__init__([self.label, self.next, self.mark, self.ended],
                         layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        self.add_class("fk-row")


class Tracker(widgets.VBox):
    """Every interview, its next step and when it is due; per row, mark a step done on a
    date, or record how it ended (a choice, a confirmation, and Undo)."""

    def __init__(self, workspace: "Session | Workspace", *, now: dt.datetime | None = None):
        from .model import EVENT_KINDS

        self.session = as_session(workspace)
        self.workspace = self.session.workspace
        self.now = now
        self.rows = widgets.VBox()
        self.table = _html()  # the same rows as text, for a screen reader and for tests
        self.chart = widgets.Image(format="png", layout=widgets.Layout(max_width="100%", height="auto"))
        self.steps = _html()
        self.choice = widgets.Dropdown(description="Interview", style={"description_width": "10em"},
                                       layout=_layout(max_width="640px"))
        self.step = widgets.Dropdown(description="Step", options=[(STEP_WORDS[k], k) for k in EVENT_KINDS],
                                     style={"description_width": "10em"}, layout=_layout(max_width="420px"))
        self.when = _text("On", placeholder="e.g. 2026-11-24", max_width="320px")
        self.done = _button("Mark done", button_style="success")
        self.outcome = widgets.Dropdown(description="How it ended", options=[
            ("Choose…", ""), *((w, k) for k, w in OUTCOME_WORDS.items())], value="",
            style={"description_width": "10em"}, layout=_layout(max_width="420px"))
        self.record = _button("Record outcome")
        self.confirm = _button("Yes, close it", button_style="danger",
                                      layout=widgets.Layout(display="none"))
        self.cancel = _button("Cancel")
        self.undo = _button("Undo", layout=widgets.Layout(display="none"))
        self.status = _html()
        self.done_box = widgets.VBox([_row(self.step, self.when), self.done])
        self.outcome_box = widgets.VBox([_row(self.outcome), _row(self.record, self.confirm)])
        self.editor = widgets.VBox([widgets.HTML("<h3>Update an interview</h3>"), self.choice, self.done_box,
                                    self.outcome_box, self.cancel],
                                   layout=widgets.Layout(border="1px solid #bbb", padding="6px 10px", margin="8px 0"))
        self._previous: Interview | None = None
        self.done.on_click(self._on_done_click)
        self.record.on_click(self._on_record_click)
        self.confirm.on_click(self._on_confirm_click)
        self.cancel.on_click(lambda _b: self._close_editor())
        self.undo.on_click(self._on_undo_click)
        self.outcome.observe(lambda _c: self._hide_confirm(), names="value")
        self.choice.observe(self._on_choice_change, names="value")
        super().__init__([
            _hint("Your interviews, each with its next step and when it is due. One status follow-up is "
                  "enough; after a month with no word, move on: ask for general feedback and keep networking."),
            self.rows, self.editor, _row(self.status, self.undo),
            widgets.HTML("<h3>The timeline</h3>"), self.chart,
            _hint("Shapes: ○ thank-you email, ◇ cards, △ status follow-up, ▽ move on; hollow means done, "
                  "red means overdue. The same steps as text:"), self.steps,
        ])
        self.add_class("fk-tracker")  # lets a browser test find the panel
        self._close_editor()
        self.session.subscribe(lambda _what, _record: self.refresh())
        self.refresh()

    def _today(self) -> dt.date:
        return _aware(self.now).astimezone(self.session.profile.zone).date()

    def refresh(self) -> None:
        """Plan the whole workspace again; redraw the rows, the chart and its table."""
        from .chart import timeline_png

        try:
            listing = self.session.listing
            profile = self.session.profile
        except FollowupKitError as exc:
            self.table.value = message_html([str(exc)])
            return
        now = _aware(self.now)
        events = self.session.plan(now=now, include_done=True)
        rows = uikit.tracker_rows(listing.interviews, events, profile, now, self.session.settings)
        self.rows.children = tuple(TrackerRow(self, row) for row in rows) or (
            widgets.HTML("<p>No interviews yet: write the first in the Interview tab.</p>"),)
        self.table.value = uikit.table_html(("Interview", "Next step"), [
            (html.escape(row.label), uikit.state_html(row.next_text, row.state)) for row in rows]) + \
            message_html([str(e) for e in listing.invalid])
        states = {(e.interview_id, e.kind): uikit.step_state(e, i, profile, now, self.session.settings)
                  for i in listing.interviews for e in events if e.interview_id == i.id}
        import dataclasses

        shown = [dataclasses.replace(e, overdue=states[(e.interview_id, e.kind)].overdue) for e in events
                 if (e.interview_id, e.kind) in states]
        self.chart.value = timeline_png(listing.interviews, shown, now=now.astimezone(profile.zone))
        self.steps.value = uikit.steps_table(listing.interviews, events, profile, now, self.session.settings)
        current = self.choice.value
        self.choice.options = uikit.interview_options(listing.interviews)
        ids = [i.id for i in listing.interviews]
        self.choice.value = current if current in ids else (ids[0] if ids else None)
        self._rows = {row.interview.id: row for row in rows}

    def _on_choice_change(self, change: Any) -> None:
        row = getattr(self, "_rows", {}).get(change["new"])
        if row is not None and row.next_kind:
            self.step.value = row.next_kind

    def _close_editor(self) -> None:
        self.editor.layout.display = "none"
        self._hide_confirm()

    def _hide_confirm(self) -> None:
        self.confirm.layout.display = "none"

    def open_done(self, interview_id: str) -> None:
        """Show the editor to mark a step of one interview done (the next step, today)."""
        self.choice.value = interview_id
        row = self._rows.get(interview_id)
        if row is not None and row.next_kind:
            self.step.value = row.next_kind
        self.when.value = self._today().isoformat()
        self.editor.layout.display = None
        self.done_box.layout.display = None
        self.outcome_box.layout.display = "none"

    def open_outcome(self, interview_id: str) -> None:
        """Show the editor to record how one interview ended: nothing chosen yet."""
        self.choice.value = interview_id
        self.outcome.value = ""
        self.when.value = self._today().isoformat()
        self.editor.layout.display = None
        self.done_box.layout.display = "none"
        self.outcome_box.layout.display = None
        self._hide_confirm()

    def _day(self) -> dt.date | None:
        try:
            day = uikit.parse_day(self.when.value or self._today().isoformat())
        except EntryError as exc:
            self.status.value = message_html([str(exc)])
            return None
        if day > self._today():
            self.status.value = message_html(["That day is still to come: write the day it was done."])
            return None
        return day

    def _save(self, change: Callable[[Interview], Interview], message: str) -> bool:
        if not self.choice.value:
            self.status.value = message_html(["Choose an interview first."])
            return False
        try:
            before = self.session.interview(self.choice.value)
            changed = change(before)  # may be another round of the application (the one that holds the step)
            before = self.session.interview(changed.id) if changed.id != before.id else before
            self.session.save(changed)
        except ConflictError:
            self.session.reload()
            self.status.value = message_html([
                "Not saved: this interview was just changed elsewhere (another tab or program); the tracker "
                "now shows that version. Look at it, then try again."])
            return False
        except FollowupKitError as exc:
            self.status.value = message_html([str(exc)])
            return False
        self._previous = before
        self.undo.layout.display = None
        self.status.value = message_html([message], kind="ok")
        return True

    def _on_done_click(self, _button: widgets.Button) -> None:
        from .schedule import mark_step_done

        day = self._day()
        if day is None:
            return
        label = dict((v, k) for k, v in self.choice.options).get(self.choice.value, "")
        rounds = self.session.interviews
        if self._save(lambda i: mark_step_done(self.session.profile, i, self.step.value, day, rounds=rounds,
                                               settings=self.session.settings),
                      f"{STEP_WORDS[self.step.value]} of {label}: marked done on {uikit.say_day(day)}."):
            self._close_editor()

    def _on_record_click(self, _button: widgets.Button) -> None:
        if not self.outcome.value:
            self.status.value = message_html(["Choose how it ended first."])
            return
        if self._day() is None:
            return
        label = dict((v, k) for k, v in self.choice.options).get(self.choice.value, "")
        self.status.value = message_html([
            f"Close {label} as \"{OUTCOME_WORDS[self.outcome.value]}\"? No more reminders will come for it. "
            "You can undo this."], kind="warning")
        self.confirm.layout.display = None

    def _on_confirm_click(self, _button: widgets.Button) -> None:
        from .schedule import record_application_outcome

        if not self.outcome.value:
            return
        day = self._day()
        if day is None:
            return
        outcome = self.outcome.value
        label = dict((v, k) for k, v in self.choice.options).get(self.choice.value, "")
        rounds = self.session.interviews
        if self._save(lambda i: record_application_outcome(i, outcome, day, rounds=rounds),
                      f"{label} is closed: {OUTCOME_WORDS[outcome].lower()}, on {uikit.say_day(day)}."):
            self._close_editor()

    def _on_undo_click(self, _button: widgets.Button) -> None:
        if self._previous is None:
            return
        previous = self._previous
        try:
            self.session.save(previous)
        except FollowupKitError as exc:
            self.status.value = message_html([str(exc)])
            return
        self._previous = None
        self.undo.layout.display = "none"
        self.status.value = message_html([f"Undone: {uikit.interview_label(previous)} is as it was."], kind="ok")


# -- the app ----------------------------------------------------------------------------------

TABS = ("Profile", "Interview", "Notes", "Cards", "Calendar", "Tracker")


class App(widgets.VBox):
    """The whole evening in one place: your workspace and profile, the interview, the
    notes, the cards, the calendar and the tracker, each a tab over one session.

    It opens the workspace it was last given (remembered in :func:`uikit.config_dir`), so
    a reload of the page finds everything as it was, unsaved input included; on a first
    visit it asks for a folder and your profile. ``now`` fixes the clock (for tests).
    """

    def __init__(self, workspace: Path | str | None = None, *, memory: AppMemory | None = None,
                 now: dt.datetime | None = None, tab: str | None = None):
        self.memory = memory or AppMemory()
        self.now = now
        self.session: Session | None = None
        self.selection = Selection()
        self.panels: dict[str, widgets.Widget] = {}
        self.css = widgets.HTML(STYLE)
        self.where = _html()
        self.folder = _text("Workspace folder", placeholder="a folder of your own, e.g. ~/job-search",
                            max_width="640px")
        self.open_folder_button = _button("Open or create", button_style="primary")
        self.example = _button("Try it with example data")
        self.folder_status = _html()
        self.tabs = widgets.ToggleButtons(options=TABS, value=TABS[0], style={"button_width": "auto"})
        self.tabs.add_class("fk-tabs")
        self.pages = widgets.VBox()
        self.pages.add_class("fk-pages")
        self.open_folder_button.on_click(self._on_open_click)
        self.example.on_click(self._on_example_click)
        self.tabs.observe(self._on_tab_change, names="value")
        self.chooser = widgets.VBox([
            widgets.HTML("<h3>Your workspace</h3>"),
            _hint("A folder that holds your profile and one file per interview. Choose an empty folder to "
                  "start; the example data goes to a folder of its own and never into yours."),
            self.folder, _row(self.open_folder_button, self.example), self.folder_status])
        super().__init__([self.css, self.where, self.tabs, self.pages])
        self.add_class("fk-app")
        start = Path(workspace) if workspace is not None else self.memory.workspace
        wanted = tab or self.memory.recall("tab")
        self.folder.value = str(start or uikit.default_workspace())
        self.open_folder(start) if start is not None else self._build(None, None)
        if wanted in TABS and self.session is not None:
            self.tabs.value = wanted

    # -- the workspace ----------------------------------------------------------------------

    def open_folder(self, path: Path | str) -> None:
        """Open the workspace in ``path``, or get ready to create one there (profile first)."""
        folder = Path(str(path)).expanduser()
        if not folder.is_absolute():
            folder = Path.home() / folder
        self.folder.value = str(folder)
        if folder.exists() and not folder.is_dir():
            self.folder_status.value = message_html([f"{folder}: is a file, not a folder. Choose a folder."])
            return
        if (folder / PROFILE_FILE).is_file():
            try:
                session = Session(Workspace.open(folder))
            except FollowupKitError as exc:
                self.folder_status.value = message_html([str(exc)])
                self._build(None, folder)
                return
            try:
                session.profile
            except FollowupKitError as exc:  # its profile needs mending first: the form writes it anew
                self.folder_status.value = message_html([
                    "The profile in this workspace has problems; correct them below and press Save profile.",
                    str(exc)])
                self._build(None, folder, session)
                return
            self.memory.remember(workspace=folder)
            self._build(session, folder)
            return
        others = folder.is_dir() and any(folder.iterdir())
        self.folder_status.value = message_html([
            f"No workspace in {folder} yet. Fill in your profile below and press Save profile to create it"
            + (" (the files it needs go beside the ones already there)." if others else ".")], kind="warning")
        self._build(None, folder)

    def _on_open_click(self, _button: widgets.Button) -> None:
        if not self.folder.value.strip():
            self.folder_status.value = message_html(["Write the path of a folder for your workspace."])
            return
        self.folder_status.value = ""
        self.open_folder(self.folder.value.strip())

    def _on_example_click(self, _button: widgets.Button) -> None:
        from .demo import copy_demo

        target = uikit.example_workspace()
        try:
            copy_demo(target, force=True)
        except FollowupKitError as exc:
            self.folder_status.value = message_html([str(exc)])
            return
        self.folder_status.value = ""
        self.open_folder(target)

    def _created(self, session: Session) -> None:
        self.memory.remember(workspace=session.root)
        self._build(session, session.root)
        self.tabs.value = "Interview"

    def _build(self, session: Session | None, folder: Path | None, mending: Session | None = None) -> None:
        self.session = session
        example = folder is not None and Path(folder).absolute() == uikit.example_workspace().absolute()
        if session is None:
            self.where.value = ""
            self.profile = ProfileForm(mending, root=folder, on_saved=self._created) if folder else None
            waiting = widgets.HTML("<p>First choose your workspace folder and fill in your profile "
                                   "in the Profile tab.</p>")
            first = widgets.VBox([self.chooser, *([self.profile] if self.profile else [])])
            self._pages([first] + [waiting for _ in TABS[1:]])
            self.tabs.value = TABS[0]
            return
        who = html.escape(session.profile.name)
        self.where.value = (
            (f"<div class='fk-example'><b>Example data</b> ({who}'s made-up interviews): nothing you do here "
             f"touches your own workspace. To use your own, choose its folder in the Profile tab.</div>"
             if example else "")
            + f"<small>Workspace: {html.escape(str(session.root))} · signed by {who}</small>")
        remembered = self.memory.recall("interview", "")
        ids = [i.id for i in session.interviews]
        if remembered not in ids:  # the latest interview, or the new one being written
            typing = self.memory.unsaved(session.root, "form", "")
            remembered = "" if typing or not ids else ids[-1]
        self.selection = Selection(remembered)
        self.selection.subscribe(lambda interview_id: self.memory.remember(interview=interview_id))
        self.profile = ProfileForm(session, on_saved=lambda s: self._on_profile_saved())
        self.form = InterviewForm(session, selection=self.selection, memory=self.memory, now=self.now)
        self.cards = CardsPanel(session, selection=self.selection)
        self.notes = NotesPanel(session, selection=self.selection, memory=self.memory,
                                card_size=self.cards.size.value)
        self.cards.size.observe(lambda change: self._on_card_size_change(change["new"]), names="value")
        self.calendar = CalendarPanel(session, now=self.now)
        self.tracker = Tracker(session, now=self.now)
        self.panels = dict(zip(TABS, (self.profile, self.form, self.notes, self.cards, self.calendar,
                                      self.tracker)))
        self._pages([widgets.VBox([self.chooser, self.profile]), self.form, self.notes, self.cards,
                     self.calendar, self.tracker])
        self.tabs.value = "Interview"

    def _on_profile_saved(self) -> None:
        if self.session is not None:
            who = html.escape(self.session.profile.name)
            self.where.value = f"<small>Workspace: {html.escape(str(self.session.root))} · signed by {who}</small>"

    def _on_card_size_change(self, size: str) -> None:
        self.notes.card_size = size
        self.notes._proofread_now()

    def _pages(self, pages: list[widgets.Widget]) -> None:
        # A row of buttons and the page of the one chosen: every page stays in place (with
        # what was typed in it), and grows with its content as a page should.
        self.pages.children = tuple(widgets.VBox([page], layout=widgets.Layout(display="none"))
                                    for page in pages)
        self._show_page(self.tabs.value)

    def _show_page(self, name: str) -> None:
        for title, box in zip(TABS, self.pages.children):
            box.layout.display = None if title == name else "none"

    def _on_tab_change(self, change: Any) -> None:
        self._show_page(change["new"])
        if self.session is not None and change["new"] is not None:
            self.memory.remember(tab=change["new"])
