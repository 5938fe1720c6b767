"""Printable thank-you cards: one card per note, at the real card size, as PDF bytes.

The user prints the PDF and copies each note by hand onto a blank card, so the
printed card is the size of the real one and its line breaks are the ones that
fit by hand. A card carries only verified names and titles (R2, R11) unless it
is a marked draft; every script prints, or the kit says which font to install;
no text is ever cut off.

Pages, in order: a checklist of every card; an optional printer alignment page;
then sheets of card fronts, each followed (``backs="duplex"``) by the matching
backs, mirrored so that they land behind their fronts when printed double-sided
flipping on the long edge. ``backs="separate"`` puts the backs on their own
sheets at the end (an envelope sheet), ``backs="none"`` leaves them out.

reportlab is imported inside the functions that draw, so ``import followup_kit``
stays light.
"""

from __future__ import annotations

import datetime as dt
import io
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Iterable, Literal, Mapping, NamedTuple, Sequence

from .compose import Note
from .errors import RenderError, UnverifiedError
from .fonts import FontSet, base_direction, nfc, shape, visual
from .geometry import INCH, SHEETS, CardSize, Layout, Slot
from .model import Interview, Interviewer, Profile
from .vocabulary import Backs

Overflow = Literal["continue", "refuse"]

#: Type sizes for the note, largest first: 13 pt is about the size of neat handwriting,
#: so the printed line breaks are ones that fit by hand; 10 pt is the smallest we shrink to.
BODY_SIZES = (13.0, 12.5, 12.0, 11.5, 11.0, 10.5, 10.0)
LEADING = 1.6  # line pitch / type size: close to college-ruled lines at 13 pt
MAX_FACES = 2  # a note may continue on one more card face, never further
SMALL = 6.5  # the not-to-copy print
GREY = (0.42, 0.42, 0.42)
RULE_GREY = (0.82, 0.82, 0.82)
DRAFT_RED = (0.85, 0.2, 0.2)
# Countries that use US Letter paper and US card sizes.
_LETTER_COUNTRIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR", "CR", "DO", "SV", "PA", "NI", "HN"}


#: The workspace's own templates folder while a PDF is drawn (its cards.j2 replaces the kit's).
_OVERRIDES: ContextVar[str | None] = ContextVar("card_templates", default=None)


@lru_cache(maxsize=8)
def _text(overrides: str | None) -> tuple[Any, dict[tuple[Any, ...], str]]:
    """The card wording macros from ``templates/cards.j2`` (the workspace's own, if it has one),
    and what they said so far: a macro given the same values says the same words."""
    from .templating import module

    return module("cards.j2", overrides), {}


def _say(macro: str, *args: Any) -> str:
    text, said = _text(_OVERRIDES.get())
    key = (macro, *args)
    try:
        return said[key]
    except KeyError:
        hashable = True
    except TypeError:  # a list (the PDF title's companies): said once per document anyway
        hashable = False
    from .templating import call

    # A workspace's own cards.j2 written before a macro existed still prints: the kit's words fill in.
    words = getattr(text, macro, None) or getattr(_text(None)[0], macro)
    if not hashable:
        return call("cards.j2", None, words, *args).strip()
    if len(said) > 50_000:
        said.clear()
    said[key] = result = call("cards.j2", None, words, *args).strip()
    return result


def default_size_and_sheet(profile: Profile) -> tuple[str, str]:
    """US A2 cards on Letter where Letter is the paper; ISO A6 on A4 elsewhere."""
    return ("a2", "letter") if profile.country in _LETTER_COUNTRIES else ("iso-a6", "a4")


# -- what goes on one card ---------------------------------------------------------------

@dataclass(frozen=True)
class Card:
    """Everything drawn for one note: the note, who it is to, and the addresses."""

    note: Note
    interview: Interview
    profile: Profile
    unverified: tuple[str, ...]
    #: The planner's dates by interview id, shared by the cards of one document.
    planned: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def person(self) -> Interviewer:
        return self.note.interviewer

    @property
    def mail_by(self) -> dt.date:
        """The day to post the card: the planner's, within 24 hours of the interview's end (R7) on a
        day the post is collected (R21)."""
        cards = self.dates.thank_you_cards
        return cards.date() if cards is not None else (self.interview.end + dt.timedelta(days=1)).date()

    @property
    def optional(self) -> bool:
        """True when a card posted on its mail-by day would arrive after the decision date: the
        same-day email carries the full note, and the card is optional (R21)."""
        return self.dates.late_card

    @property
    def dates(self) -> Any:
        """The planner's dates of the card's interview (:class:`~followup_kit.schedule.Dates`),
        worked out once per interview."""
        dates = self.planned.get(self.note.interview_id)
        if dates is None:
            from .schedule import due_dates

            dates = self.planned[self.note.interview_id] = due_dates(self.profile, self.interview)
        return dates

    def sender(self) -> list[str]:
        """The return address, top left on the back as on an envelope: "From:", the candidate's
        name (the post returns a card to a person, not to a street), then their address."""
        name = nfc(self.profile.name)
        address = nfc(self.profile.address or "")
        return [f"{_say('return_label')}:", *([] if name in address else [name]), *address.splitlines()]

    def address(self) -> tuple[list[str], str]:
        """The recipient's postal address lines, and where it came from (R12 fallback)."""
        name = nfc(self.person.name)
        if self.person.address:
            lines = nfc(self.person.address).splitlines()
            return (lines if name in self.person.address else [name, *lines]), "interviewer"
        if self.interview.company_address:
            return [name, *nfc(self.interview.company_address).splitlines()], "company"
        return [name, _say("hr_department"), nfc(self.interview.company)], "none"


def _day(date: dt.date) -> str:
    from .templating import short_day  # one way of writing dates, on one line of a card

    return short_day(date)


def check_verified(notes: Sequence[Note], interviews: Mapping[str, Interview] | None = None) -> None:
    """Raise :class:`UnverifiedError` naming every person whose name or title nobody checked (R2, R11)."""
    problems = []
    for note in notes:
        missing = note.interviewer.unverified
        if missing:
            where = f"interviews/{note.interview_id}.json" if note.interview_id else "the interview file"
            fields = " and ".join(missing)
            problems.append(f"{note.interviewer.name} ({where}): {fields} not verified")
    if problems:
        raise UnverifiedError(
            "Cards not printed, because a name or title on them was never checked, and a handwritten card "
            "cannot be corrected once it is posted:\n  "
            + "\n  ".join(problems)
            + "\nCheck each against a business card, an email signature or the company website and "
            "record where under \"checked\" (e.g. \"checked\": {\"name\": \"business card\", \"title\": "
            "\"business card\"}); or print drafts marked DRAFT with --draft (draft=True)."
        )


# -- text layout --------------------------------------------------------------------------

class Row(NamedTuple):
    """One printed line: logical text (shaped) and its paragraph's direction; '' is a blank line."""

    text: str
    base: str = "L"


_BLANK = Row("")
_row = partial(tuple.__new__, Row)  # Row((text, base)) without the keyword handling: wrap makes many


def _break_long(token: str, width: float, size: float, fonts: FontSet) -> list[str]:
    """Split a token wider than the line (a long link, a CJK sentence) without losing a character."""
    pieces, current, last_break = [], "", -1
    for char in token:
        if current and fonts.width(current + char, size) > width:
            if 0 < last_break < len(current):
                pieces.append(current[:last_break])
                current = current[last_break:]
            else:
                pieces.append(current)
                current = ""
            last_break = -1
        current += char
        if char in "/-.?&_=":
            last_break = len(current)
    if current:
        pieces.append(current)
    return pieces


#: One hard line of a paragraph: its tokens, their widths at 1000 pt, and the widest of them.
_Line = tuple[tuple[str, ...], tuple[float, ...], float]


def _paragraphs(text: str, fonts: FontSet) -> tuple[tuple[str, tuple[_Line, ...]], ...]:
    """``text`` as paragraphs, each its direction and its lines (:data:`_Line`).

    Kept with the fonts: the words of a note are measured once, whatever size it is tried at
    (a long text only until the next one, see :data:`_KEPT_UP_TO`).
    """
    kept = len(text) <= _KEPT_UP_TO
    key = ("paragraphs", text) if kept else "paragraphs of the last note"
    cached = fonts.layouts.get(key)
    if cached is not None and not kept:
        cached = cached[1] if cached[0] == text else None
    if cached is None:
        paragraphs = []
        for paragraph in nfc(text).replace("\r\n", "\n").split("\n\n"):
            if not paragraph.strip():
                continue
            lines = []
            for hard_line in shape(paragraph.strip("\n")).split("\n"):
                tokens = tuple([token for token in hard_line.replace("\t", " ").split(" ") if token])
                units = tuple(fonts.unit_widths(tokens))
                lines.append((tokens, units, max(units, default=0.0)))
            paragraphs.append((base_direction(paragraph), tuple(lines)))
        cached = tuple(paragraphs)
        fonts.layouts[key] = cached if kept else (text, cached)
    return cached


def wrap(text: str, width: float, size: float, fonts: FontSet) -> list[Row]:
    """``text`` in rows that fit ``width`` at ``size``: paragraphs split by blank lines
    (a blank row between them), single newlines kept as line breaks."""
    key = ("wrap", text, width, size)
    cached = fonts.layouts.get(key)
    if cached is not None:
        return list(cached)
    rows: list[Row] = []
    space = fonts.width(" ", size)
    for index, (base, lines) in enumerate(_paragraphs(text, fonts)):
        if index:
            rows.append(_BLANK)
        for tokens, units, widest in lines:
            if widest * size / 1000.0 > width:  # a long link, a CJK sentence
                tokens = tuple(piece for token, unit in zip(tokens, units)
                               for piece in (_break_long(token, width, size, fonts)
                                             if unit * size / 1000.0 > width else (token,)))
                units = tuple(fonts.unit_widths(tokens))
            if not tokens:
                rows.append(_row(("", base)))
                continue
            # Each token's width at this size, as fonts.width(token, size) gives it.
            widths = [unit * size / 1000.0 for unit in units]
            start, line_width = 0, widths[0]
            for i, token_width in enumerate(widths[1:], 1):
                longer = line_width + space + token_width
                if longer > width:
                    rows.append(_row((" ".join(tokens[start:i]), base)))
                    start, line_width = i, token_width
                else:
                    line_width = longer
            rows.append(_row((" ".join(tokens[start:]), base)))
    if len(text) <= _KEPT_UP_TO:
        fonts.layouts[key] = tuple(rows)
    return rows


#: Texts up to this long (small print, names, addresses, headers) keep their layout for the whole
#: document: they recur (the sender's name on every back) or are laid out twice. A note is laid out
#: once, at a few sizes, and only the size chosen is kept (in its FaceLayout): keeping every size's
#: rows and every note's measured words took 10 MB for 1,000 cards.
_KEPT_UP_TO = 300


@dataclass(frozen=True)
class FaceLayout:
    """A note laid out: type size and the rows of each card face."""

    size: float
    faces: tuple[tuple[Row, ...], ...]


def fit(text: str, width: float, height: float, fonts: FontSet, *, who: str = "the note",
        overflow: Overflow = "continue", sizes: Sequence[float] = BODY_SIZES) -> FaceLayout:
    """Lay ``text`` out in a ``width`` × ``height`` area: shrink within ``sizes`` to fit one
    face, else (``overflow="continue"``) continue on a second face; else refuse.

    Never truncates: a note too long for two faces at the smallest size raises
    :class:`RenderError` saying how many words to cut.
    """
    attempts = (1, MAX_FACES) if overflow == "continue" else (1,)
    for faces in attempts:
        for size in sizes:
            rows = wrap(text, width, size, fonts)
            per_face = int(height // (size * LEADING))
            if per_face < 1:
                break
            chunks = _paginate(rows, per_face)
            if len(chunks) <= faces:
                return FaceLayout(size, tuple(tuple(c) for c in chunks))
    smallest = sizes[-1]
    rows = wrap(text, width, smallest, fonts)
    per_face = max(1, int(height // (smallest * LEADING)))
    kept = _paginate(rows, per_face)[: attempts[-1]]
    words_total = len(text.split())
    words_fit = sum(len(r.text.split()) for chunk in kept for r in chunk)
    over = words_total - words_fit
    faces_word = "one card face" if attempts[-1] == 1 else f"{attempts[-1]} card faces"
    raise RenderError(
        f"{who}: {words_total} words do not fit on {faces_word} even at {smallest:g} pt; about "
        f"{words_fit} fit. Shorten the note by about {over} word{'s' if over != 1 else ''} (a card holds "
        "about 60–120 handwritten words), or choose a bigger card with --size."
    )


def _paginate(rows: list[Row], per_face: int) -> list[list[Row]]:
    faces: list[list[Row]] = [[]]
    for row in rows:
        if len(faces[-1]) == per_face:
            faces.append([])
        if not faces[-1] and not row.text and len(faces) > 1:
            continue  # a blank line does not open a card face
        faces[-1].append(row)
    return faces


# -- drawing ------------------------------------------------------------------------------

@dataclass
class _Pen:
    """Draws text in runs of embedded fonts, in visual order."""

    canvas: Any
    fonts: FontSet

    def width(self, text: str, size: float, base: str = "L") -> float:
        return self.fonts.width(visual(text, base), size)

    def _runs(self, text: str, base: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """``text`` (logical order, shaped) in drawing order, and its runs of fonts."""
        if self.fonts.left_to_right_primary(text):  # most lines: no reordering, one font
            return text, ((self.fonts.primary_name, text),)
        shown = visual(text, base)
        return shown, self.fonts.runs(shown)

    def text(self, x: float, y: float, text: str, size: float, *, base: str = "L",
             align: str = "left") -> None:
        """Draw one line. ``text`` is logical order, already shaped."""
        shown, runs = self._runs(text, base)
        if align != "left":
            width = self.fonts.width(shown, size)
            x -= width if align == "right" else width / 2
        obj = self.canvas.beginText(x, y)
        for font, run in runs:
            obj.setFont(font, size)
            obj.textOut(run)
        self.canvas.drawText(obj)

    def rows(self, x: float, y: float, rows: Iterable[Row], size: float, leading: float, *,
             right: float | None = None, lift: float = 0.0) -> float:
        """Draw ``rows`` from baseline ``y`` down, ``leading`` apart, as one text object, each
        ``lift`` above its baseline; a right-to-left row ends at ``right`` when given.
        Returns the next baseline.

        Each row starts at its own absolute origin, so every glyph lands where a text object
        per row would put it; the font is set again only when a run changes it.
        """
        obj = None
        font_now = None
        for row in rows:
            if row.text:
                shown, runs = self._runs(row.text, row.base)
                start = x
                if right is not None and row.base == "R":
                    start = right - self.fonts.width(shown, size)
                if obj is None:
                    obj = self.canvas.beginText(start, y + lift)
                else:
                    obj.setTextOrigin(start, y + lift)
                last = len(runs) - 1
                for n, (font, run) in enumerate(runs):
                    if font != font_now:
                        obj.setFont(font, size)
                        font_now = font
                    if n < last:
                        obj.textOut(run)  # the next run starts where this one ends
                    else:
                        obj.textLine(run)  # the next row has its own origin: no need to measure
            y -= leading
        if obj is not None:
            self.canvas.drawText(obj)
        return y

    def paragraph(self, x: float, y: float, text: str, size: float, width: float,
                  leading: float) -> float:
        """Wrap and draw ``text`` from baseline ``y`` down; returns the next baseline."""
        return self.rows(x, y, wrap(text, width, size, self.fonts), size, leading)


@dataclass(frozen=True)
class CardStyle:
    """Where things go on a card face, derived from its size."""

    width: float
    height: float
    pad: float = field(init=False)
    header_top: float = field(init=False)
    footer_y: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pad", max(18.0, min(self.width, self.height) * 0.07))
        object.__setattr__(self, "header_top", self.height - 13.0)
        object.__setattr__(self, "footer_y", 10.0)

    @property
    def text_width(self) -> float:
        return self.width - 2 * self.pad


def _header(card: Card, draft: bool) -> str:
    person = card.person
    verified = _say("verified_on", person.checked.name, person.checked.title, bool(person.title))
    return _say("header", nfc(person.name), nfc(person.title or ""), verified, _day(card.mail_by),
                draft and bool(card.unverified))


def _draw_front(pen: _Pen, card: Card, layout: FaceLayout, part: int, style: CardStyle,
                size_label: str, *, header: str, draft: bool, ruled: bool) -> None:
    c = pen.canvas
    w, h, pad = style.width, style.height, style.pad
    draft_card = draft and bool(card.unverified)
    if draft_card:
        c.saveState()
        c.setFillColorRGB(1.0, 0.86, 0.86)
        c.translate(w / 2, h / 2)
        c.rotate(55 if h > w else 30)
        pen.text(0, -0.15 * min(w, h) * 0.3, _say("draft_mark"), min(w, h) * 0.3, align="center")
        c.restoreState()
    # The small print, not to copy: who, how verified, when to mail.
    c.setFillColorRGB(*(DRAFT_RED if draft_card else GREY))
    y = style.header_top - SMALL
    if part > 1:
        header = f"{_say('continued')} · {header}"
    y = pen.paragraph(pad, y, header, SMALL, style.text_width, SMALL * 1.3)
    rule_y = y + SMALL * 1.3 - 4
    c.setStrokeColorRGB(*RULE_GREY)
    c.setLineWidth(0.5)
    c.line(pad, rule_y, w - pad, rule_y)
    c.setFillColorRGB(*GREY)
    parts = len(layout.faces)
    footer = _say("footer", nfc(card.interview.company), _day(card.interview.start.date()), size_label,
                  part, parts)
    pen.text(pad, style.footer_y, footer, SMALL)
    if part < parts:
        c.setFillColorRGB(0, 0, 0)
        pen.text(w - pad, style.footer_y + SMALL * 1.6, _say("continues"), SMALL + 1.5, align="right")
    # The note.
    size = layout.size
    leading = size * LEADING
    top = rule_y - 6
    baseline = top - size
    bottom = _body_bottom(style)
    if ruled:
        c.setStrokeColorRGB(*RULE_GREY)
        c.setLineWidth(0.4)
        y_rule = baseline - size * 0.28
        while y_rule >= bottom - size * 0.3:
            c.line(pad, y_rule, w - pad, y_rule)
            y_rule -= leading
    c.setFillColorRGB(0, 0, 0)
    pen.rows(pad, baseline, layout.faces[part - 1], size, leading, right=w - pad)


def _body_bottom(style: CardStyle) -> float:
    return style.footer_y + SMALL * 1.6 + SMALL + 4


def _body_area(style: CardStyle, header_rows: int) -> float:
    """Height available to the note on a face with ``header_rows`` lines of small print."""
    rule_y = style.header_top - SMALL - (header_rows - 1) * SMALL * 1.3 - 4
    return rule_y - 6 - _body_bottom(style) + 0.01


def _draw_back(pen: _Pen, card: Card, style: CardStyle, *, draft: bool) -> None:
    c = pen.canvas
    w, h, pad = style.width, style.height, style.pad
    draft_card = draft and bool(card.unverified)
    # Return address, top left and small, as on an envelope.
    c.setFillColorRGB(0.2, 0.2, 0.2)
    y = h - pad - 8
    for line in card.sender():
        y = pen.paragraph(pad, y, line, 8, style.text_width * 0.7, 10)
    # The recipient, in the lower half, large enough to copy from.
    lines, source = card.address()
    size = 11.0
    block_x = pad + style.text_width * 0.18
    block_w = w - pad - block_x
    rows = [row for line in lines for row in wrap(line, block_w, size, pen.fonts)]
    y = min(h * 0.55, y - 2 * size) if h > w else h * 0.6
    c.setFillColorRGB(*(DRAFT_RED if draft_card else (0, 0, 0)))
    pen.rows(block_x, y, rows, size, size * 1.35)
    c.setFillColorRGB(*GREY)
    tag = _say("back_tag", nfc(card.person.name), _say("address_source", source))
    if draft_card:
        tag = f"{_say('draft_mark')} · {tag}"
    pen.paragraph(pad, 10 + SMALL * 1.3, tag, SMALL, style.text_width, SMALL * 1.3)


def _crop_marks(canvas: Any, layout: Layout) -> None:
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineWidth(0.3)
    for x0, y0, x1, y1 in layout.crop_marks:
        canvas.line(x0, y0, x1, y1)


def _checklist(pen: _Pen, cards: list[Card], width: float, height: float, size_label: str,
               *, margin: float, new_page: Any) -> None:
    """The first page(s): every card with name, title and where verified, to tick."""
    c = pen.canvas
    left, right, top = margin, width - margin, height - margin
    text_w = right - left
    y = top - 11
    c.setFillColorRGB(0, 0, 0)
    y = pen.paragraph(left, y, _say("checklist_title", len(cards)), 11, text_w, 14)
    c.setFillColorRGB(*GREY)
    y = pen.paragraph(left, y, _say("checklist_hint"), 7.5, text_w, 9.5) - 6
    box = 9.0
    for card in cards:
        person = card.person
        verified = _say("verified_on", person.checked.name, person.checked.title, bool(person.title))
        detail = _say("checklist_details", verified, nfc(card.interview.company),
                      _day(card.interview.start.date()), _day(card.mail_by), size_label)
        if card.optional:  # R21: it would arrive after the decision; the email carried the note
            detail = _say("optional_card", detail, _day(card.dates.card_arrives), _day(card.dates.stated))
        name_rows = wrap(nfc(person.name), text_w - box - 8, 11, pen.fonts)
        title_rows = wrap(nfc(person.title), text_w - box - 8, 9, pen.fonts) if person.title else []
        detail_rows = wrap(detail, text_w - box - 8, 7.5, pen.fonts)
        needed = 14 * len(name_rows) + 11 * len(title_rows) + 9.5 * len(detail_rows) + 8
        if y - needed < margin:
            new_page()
            c.setFillColorRGB(0, 0, 0)
            y = top - 11
        c.setStrokeColorRGB(0, 0, 0)
        c.setLineWidth(0.8)
        c.rect(left, y - 1, box, box)
        x = left + box + 8
        c.setFillColorRGB(0, 0, 0)
        y = pen.rows(x, y, name_rows, 11, 14)
        y = pen.rows(x, y, title_rows, 9, 11, lift=2)
        c.setFillColorRGB(*(DRAFT_RED if card.unverified else GREY))
        y = pen.rows(x, y, detail_rows, 7.5, 9.5, lift=2)
        y -= 8


def _alignment_page(pen: _Pen, layout: Layout) -> None:
    """Card outlines, and inside the first one rulers in inches and centimetres, to check 100% printing."""
    c = pen.canvas
    c.setDash(3, 2)
    c.setStrokeColorRGB(0.5, 0.5, 0.5)
    c.setLineWidth(0.5)
    for slot in layout.fronts:
        c.rect(slot.x, slot.y, slot.width, slot.height)
    c.setDash()
    first = layout.fronts[0]
    inset = 14.0
    left, usable = first.x + inset, first.width - 2 * inset - 12
    length_in = int(usable // INCH)
    length_cm = int(usable // (INCH / 2.54))
    top = first.y + first.height / 2 + 40
    c.setStrokeColorRGB(0, 0, 0)
    c.setFillColorRGB(0, 0, 0)
    y = pen.paragraph(left, top, _say("alignment_title"), 9, first.width - 2 * inset, 11) - 18
    for count, unit, step, major in ((length_in * 8, "in", INCH / 8, 8), (length_cm * 10, "cm", INCH / 25.4, 10)):
        c.setLineWidth(0.4)
        c.line(left, y, left + count * step, y)
        for i in range(count + 1):
            tick = 9 if i % major == 0 else (6 if i % (major // 2) == 0 else 3)
            c.line(left + i * step, y, left + i * step, y + tick)
            if i % major == 0:
                pen.text(left + i * step, y - 8, f"{i // major}", 6, align="center")
        pen.text(left + count * step + 4, y + 1, unit, 7)
        y -= 34
    pen.paragraph(left, y + 8, _say("alignment_hint", length_in, length_cm), 7.5, first.width - 2 * inset, 9.5)


# -- the document -------------------------------------------------------------------------

def _cards_for(notes: Sequence[Note], profile: Profile,
               interviews: Mapping[str, Interview] | Iterable[Interview]) -> list[Card]:
    by_id = dict(interviews) if isinstance(interviews, Mapping) else {i.id: i for i in interviews}
    cards = []
    planned: dict[str, Any] = {}
    for note in notes:
        interview = by_id.get(note.interview_id)
        if interview is None:
            raise RenderError(
                f"note to {note.interviewer.name}: its interview {note.interview_id!r} was not given; "
                "pass the interview with the notes."
            )
        cards.append(Card(note, interview, profile, tuple(note.interviewer.unverified), planned))
    return cards


def _check_fonts(cards: list[Card], fonts: FontSet) -> None:
    passed: set[str] = set()  # a name, a title or an address printed on many cards is checked once

    def check(text: str, where: str) -> None:
        if text not in passed:
            fonts.check(text, where)
            passed.add(text)

    for card in cards:
        who = f"interviews/{card.note.interview_id}.json: card to {card.person.name}"
        check(nfc(card.person.name), f"{who}: name")
        if card.person.title:
            check(nfc(card.person.title), f"{who}: title")
        check(nfc(card.note.text), f"{who}: note")
        check("\n".join(card.address()[0]), f"{who}: address")
        check(nfc(card.profile.address or card.profile.name), "profile.json: address")


def render_cards(
    notes: Sequence[Note],
    profile: Profile,
    interviews: Mapping[str, Interview] | Iterable[Interview],
    *,
    size: "str | CardSize" = "a2",
    sheet: str = "letter",
    draft: bool = False,
    ruled: bool = False,
    backs: Backs = "duplex",
    checklist: bool = True,
    alignment_page: bool = False,
    overflow: Overflow = "continue",
    invariant: bool = False,
    fonts: FontSet | None = None,
    templates: "Path | str | None" = None,
) -> bytes:
    """Lay out one card per note and return the PDF bytes.

    ``notes`` need only their interviewer, text and interview id (whatever composed
    them); ``interviews`` supplies company, dates and addresses. Unverified names or
    titles raise :class:`UnverifiedError` unless ``draft`` (each such card then says
    DRAFT). ``invariant`` makes the bytes depend on the input only (for tests).
    ``templates`` is a workspace's own templates folder, whose ``cards.j2`` replaces the kit's.
    """
    from .workspace import collector_paused

    token = _OVERRIDES.set(str(templates) if templates else None)
    # Drawing makes a few hundred thousand short-lived containers (rows, text objects, PDF
    # dictionaries) that reference counting frees, and no cycles: left on, the cyclic collector
    # would walk the whole process's heap several times over (an eighth of the time for 1,000
    # cards) and find nothing. It runs again as soon as the PDF is made.
    try:
        with collector_paused():
            return _render_cards(notes, profile, interviews, size=size, sheet=sheet, draft=draft, ruled=ruled,
                                 backs=backs, checklist=checklist, alignment_page=alignment_page,
                                 overflow=overflow, invariant=invariant, fonts=fonts)
    finally:
        _OVERRIDES.reset(token)


def _render_cards(notes: Sequence[Note], profile: Profile, interviews: Mapping[str, Interview] | Iterable[Interview],
                  *, size: "str | CardSize", sheet: str, draft: bool, ruled: bool, backs: Backs, checklist: bool,
                  alignment_page: bool, overflow: Overflow, invariant: bool, fonts: FontSet | None) -> bytes:
    if not notes:
        raise RenderError("no notes to print: the interviews given have no card notes.")
    if not draft:
        check_verified(notes)
    card_size = CardSize.parse(size)
    layout = Layout.build(card_size, sheet)
    fonts = fonts or FontSet()
    cards = _cards_for(notes, profile, interviews)
    _check_fonts(cards, fonts)
    style = CardStyle(card_size.width, card_size.height)

    # Lay every note out before drawing: a note that cannot fit refuses the whole document.
    faces: list[tuple[Card, FaceLayout, int, str]] = []
    continued = _say("continued")
    for card in cards:
        header = _header(card, draft)
        header_rows = len(wrap(f"{continued} · {header}", style.text_width, SMALL, fonts))
        layout_note = fit(card.note.text, style.text_width, _body_area(style, header_rows), fonts,
                          who=f"note to {card.person.name}", overflow=overflow)
        for part in range(1, len(layout_note.faces) + 1):
            faces.append((card, layout_note, part, header))

    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(layout.page_width, layout.page_height), invariant=int(invariant),
                    initialFontName=fonts.primary_name, initialFontSize=10, pageCompression=1)
    companies = list(dict.fromkeys(nfc(c.interview.company) for c in cards))
    sheet_label = (SHEETS[layout.sheet] or (0, 0, f"{card_size.label} pages"))[2]
    canvas.setTitle(_say("pdf_title", companies))
    canvas.setAuthor(nfc(profile.name))
    canvas.setSubject(_say("pdf_subject", len(cards), card_size.label, sheet_label))
    canvas.setCreator("followup-kit")
    canvas.setViewerPreference("PrintScaling", "None")
    if backs == "duplex":
        canvas.setViewerPreference("Duplex", "DuplexFlipLongEdge")
    pen = _Pen(canvas, fonts)
    full_page = (0, 0, layout.page_width, layout.page_height)
    canvas.setTrimBox(full_page)
    duplex = backs == "duplex"

    def end_page(blank_back: bool) -> None:
        canvas.showPage()
        if blank_back and duplex:
            canvas.setTrimBox(full_page)
            canvas.showPage()

    if checklist:
        margin = max(layout.margin, min(layout.page_width, layout.page_height) * 0.07)
        _checklist(pen, cards, layout.page_width, layout.page_height, card_size.label, margin=margin,
                   new_page=lambda: end_page(blank_back=True))
        end_page(blank_back=True)
    if alignment_page:
        _alignment_page(pen, layout)
        end_page(blank_back=True)

    per_page = layout.per_page
    pages = [faces[i:i + per_page] for i in range(0, len(faces), per_page)]
    back_pages: list[list[tuple[Slot, Card | None]]] = []
    for page in pages:
        canvas.setTrimBox(layout.trim_box)
        _crop_marks(canvas, layout)
        for slot, (card, note_layout, part, header) in zip(layout.fronts, page):
            _in_slot(canvas, slot, card_size, lambda: _draw_front(
                pen, card, note_layout, part, style, card_size.label, header=header, draft=draft,
                ruled=ruled))
        canvas.showPage()
        # A continuation face has no back of its own: the address is behind part 1.
        backs_here = [(slot, card if part == 1 else None) for slot, (card, _, part, _) in
                      zip(layout.backs if duplex else layout.fronts, page)]
        if duplex:
            _back_page(canvas, pen, layout, backs_here, style, card_size, draft)
        else:
            back_pages.append(backs_here)
    if backs == "separate":
        for backs_here in back_pages:
            _back_page(canvas, pen, layout, backs_here, style, card_size, draft)
    return canvas.getpdfdata()


def _in_slot(canvas: Any, slot: Slot, card: CardSize, draw: Any) -> None:
    canvas.saveState()
    canvas.transform(*slot.transform(card))
    draw()
    canvas.restoreState()


def _back_page(canvas: Any, pen: _Pen, layout: Layout, backs_here: list[tuple[Slot, Card | None]],
               style: CardStyle, card_size: CardSize, draft: bool) -> None:
    canvas.setTrimBox(layout.trim_box if layout.sheet != "card" else (0, 0, layout.page_width, layout.page_height))
    _crop_marks(canvas, layout)
    for slot, card in backs_here:
        if card is not None:
            _in_slot(canvas, slot, card_size, lambda: _draw_back(pen, card, style, draft=draft))
    canvas.showPage()


# -- previews and the workspace -----------------------------------------------------------

def preview_png(pdf: bytes, page: int = 0, *, scale: float = 2.0) -> bytes:
    """Render one page of a PDF to PNG bytes (pypdfium2), e.g. for a notebook."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        if not 0 <= page < len(document):
            raise RenderError(f"preview: page {page} does not exist (the PDF has {len(document)} pages).")
        image = document[page].render(scale=scale).to_pil()
        out = io.BytesIO()
        image.save(out, format="PNG")
        return out.getvalue()
    finally:
        document.close()


def card_preview(note: Note, profile: Profile, interview: Interview, *, size: "str | CardSize" = "a2",
                 draft: bool = False, ruled: bool = False, back: bool = False, scale: float = 2.0,
                 fonts: FontSet | None = None, templates: "Path | str | None" = None) -> bytes:
    """A PNG of one card's front (or back) at its real proportions, for a notebook."""
    pdf = render_cards([note], profile, [interview], size=size, sheet="card", draft=draft,
                       ruled=ruled, backs="duplex", checklist=False, invariant=True, fonts=fonts,
                       templates=templates)
    return preview_png(pdf, 1 if back else 0, scale=scale)




def faces_needed(note: Note, profile: Profile, interview: Interview, *, size: "str | CardSize" = "a2",
                 draft: bool = False, fonts: FontSet | None = None) -> int:
    """How many card faces ``note`` takes at ``size``, laid out as :func:`render_cards` does:
    1 when it fits on one card, 2 when it runs onto a second. Raises :class:`RenderError`
    when it fits on neither."""
    card_size = CardSize.parse(size)
    fonts = fonts or FontSet()
    card = _cards_for([note], profile, [interview])[0]
    style = CardStyle(card_size.width, card_size.height)
    header_rows = len(wrap(f"{_say('continued')} · {_header(card, draft)}", style.text_width, SMALL, fonts))
    layout = fit(card.note.text, style.text_width, _body_area(style, header_rows), fonts,
                 who=f"note to {card.person.name}")
    return len(layout.faces)
