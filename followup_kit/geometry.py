"""Card and sheet geometry: sizes, grids, crop marks. Pure and validated, no drawing.

All lengths are PDF points (1 in = 72 pt, 1 mm = 72/25.4 pt); the origin is the
bottom-left corner of the page, as in PDF. A :class:`Layout` says where every
card goes on a sheet, front and back, and where the crop marks are; the card
renderer only asks it (the pylabels pattern: the sheet owns layout, a function
draws one card).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import RenderError

INCH = 72.0
MM = 72.0 / 25.4

#: Cards are portrait; write a custom size the other way round ("5.5x4.25in") for landscape.
CARD_SIZES: dict[str, tuple[float, float, str]] = {
    "a2": (4.25 * INCH, 5.5 * INCH, "US A2 (4.25 × 5.5 in)"),
    "a6": (4.5 * INCH, 6.25 * INCH, "US A6 (4.5 × 6.25 in)"),
    "a7": (5 * INCH, 7 * INCH, "US A7 (5 × 7 in)"),
    "iso-a6": (105 * MM, 148 * MM, "ISO A6 (105 × 148 mm)"),
}

#: Paper sheets; ``card`` means one card per page at the card's own size.
SHEETS: dict[str, tuple[float, float, str] | None] = {
    "letter": (8.5 * INCH, 11 * INCH, "US Letter (8.5 × 11 in)"),
    "a4": (210 * MM, 297 * MM, "A4 (210 × 297 mm)"),
    "card": None,
}

_UNITS = {"in": INCH, "inch": INCH, "mm": MM, "cm": 10 * MM, "pt": 1.0}
_CUSTOM = re.compile(
    r"^\s*(?P<w>\d+(?:\.\d+)?)\s*(?P<wu>in|inch|mm|cm|pt)?\s*[x×]\s*"
    r"(?P<h>\d+(?:\.\d+)?)\s*(?P<hu>in|inch|mm|cm|pt)\s*$",
    re.IGNORECASE,
)
# Smaller than a business card or bigger than a sheet of paper is surely a typo.
_MIN_SIDE, _MAX_SIDE = 2 * INCH, 12 * INCH


@dataclass(frozen=True)
class CardSize:
    """A card's trimmed size in points, and how it is named to people."""

    width: float
    height: float
    label: str

    def __post_init__(self) -> None:
        for side, value in (("width", self.width), ("height", self.height)):
            if not _MIN_SIDE <= value <= _MAX_SIDE:
                raise RenderError(
                    f"card size: expected a {side} between {_MIN_SIDE / INCH:g} and {_MAX_SIDE / INCH:g} in "
                    f"(got {value / INCH:.2f} in). Check the size, e.g. '4.25x5.5in' or '105x148mm'."
                )

    @classmethod
    def parse(cls, text: "str | CardSize") -> "CardSize":
        """A named size (``a2``, ``a6``, ``a7``, ``iso-a6``) or ``WxH`` with a unit (``4x6in``, ``100x150mm``)."""
        if isinstance(text, CardSize):
            return text
        key = text.strip().lower()
        if key in CARD_SIZES:
            width, height, label = CARD_SIZES[key]
            return cls(width, height, label)
        match = _CUSTOM.match(key)
        if not match:
            raise RenderError(
                f"card size: expected one of {', '.join(CARD_SIZES)} or a custom size WxH with a unit "
                f"(in, mm, cm, pt), e.g. '4x6in' or '100x150mm' (got {text!r})."
            )
        unit_h = match["hu"].lower()
        unit_w = (match["wu"] or unit_h).lower()
        width, height = float(match["w"]) * _UNITS[unit_w], float(match["h"]) * _UNITS[unit_h]
        return cls(width, height, f"custom ({match['w']}{unit_w} × {match['h']}{unit_h})")


@dataclass(frozen=True)
class Slot:
    """Where one card sits on a page: its rectangle, and whether it is turned.

    ``x, y, width, height`` is the rectangle on the page. A card turned by 90°
    (``rotation`` 90 or -90) has its own width along the page's y axis; the
    renderer draws it in card coordinates and lets the transform turn it.
    """

    x: float
    y: float
    width: float
    height: float
    rotation: int = 0

    @property
    def corners(self) -> tuple[tuple[float, float], ...]:
        """The four corners on the page: bottom-left, bottom-right, top-right, top-left."""
        x0, y0, x1, y1 = self.x, self.y, self.x + self.width, self.y + self.height
        return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))

    @property
    def box(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) on the page."""
        return (self.x, self.y, self.x + self.width, self.y + self.height)

    def transform(self, card: CardSize) -> tuple[float, float, float, float, float, float]:
        """The PDF matrix (a b c d e f) from card coordinates to page coordinates."""
        if self.rotation == 0:
            return (1, 0, 0, 1, self.x, self.y)
        if self.rotation == 90:
            # The card's up points to the page's left: its bottom edge runs up the slot's right side.
            return (0, 1, -1, 0, self.x + self.width, self.y)
        return (0, -1, 1, 0, self.x, self.y + self.height)


@dataclass(frozen=True)
class Layout:
    """Cards on a sheet: page size, card slots front and back, crop marks.

    Build it with :meth:`Layout.build`. ``fronts`` and ``backs`` hold one slot per
    card position; ``backs[i]`` is the same piece of paper as ``fronts[i]`` after a
    long-edge duplex flip, so the address lands behind its note.
    """

    card: CardSize
    sheet: str
    page_width: float
    page_height: float
    fronts: tuple[Slot, ...]
    backs: tuple[Slot, ...]
    margin: float
    mark_offset: float
    mark_length: float
    crop_marks: tuple[tuple[float, float, float, float], ...] = field(repr=False)

    @property
    def per_page(self) -> int:
        return len(self.fronts)

    @property
    def trim_box(self) -> tuple[float, float, float, float]:
        """The union of the card rectangles: the finished area of each page."""
        xs = [v for s in self.fronts for v in (s.x, s.x + s.width)]
        ys = [v for s in self.fronts for v in (s.y, s.y + s.height)]
        return (min(xs), min(ys), max(xs), max(ys))

    @classmethod
    def build(
        cls,
        card: "CardSize | str",
        sheet: str = "letter",
        *,
        margin: float = 0.25 * INCH,
        mark_offset: float = 3.0,
        mark_length: float = 9.0,
        rotate: bool = True,
    ) -> "Layout":
        """Lay ``card`` out on ``sheet`` (``letter``, ``a4`` or ``card``).

        On paper, cards sit in a centred grid; nothing is drawn closer than
        ``margin`` to the paper's edge (most printers cannot print there), and the
        crop marks, ``mark_offset`` away from each corner and ``mark_length`` long,
        need room outside every card. Cards are turned by 90° when that fits more
        of them on a sheet. A card that does not fit raises :class:`RenderError`.
        """
        card = CardSize.parse(card)
        key = sheet.strip().lower()
        if key not in SHEETS:
            raise RenderError(f"sheet: expected one of {', '.join(SHEETS)} (got {sheet!r}).")
        paper = SHEETS[key]
        if paper is None:
            slot = Slot(0.0, 0.0, card.width, card.height)
            return cls(card, key, card.width, card.height, (slot,), (slot,), 0.0, 0.0, 0.0, ())
        page_w, page_h, label = paper
        room = mark_offset + mark_length  # outside each card edge, for its marks
        usable_w, usable_h = page_w - 2 * (margin + room), page_h - 2 * (margin + room)
        gap = 2 * room

        def grid(w: float, h: float) -> tuple[int, int]:
            cols = int((usable_w + gap) // (w + gap)) if w <= usable_w else 0
            rows = int((usable_h + gap) // (h + gap)) if h <= usable_h else 0
            return cols, rows

        upright = grid(card.width, card.height)
        turned = grid(card.height, card.width) if rotate else (0, 0)
        use_turned = turned[0] * turned[1] > upright[0] * upright[1]
        cols, rows = turned if use_turned else upright
        if cols * rows == 0:
            need_w = card.width + 2 * (margin + room)
            need_h = card.height + 2 * (margin + room)
            raise RenderError(
                f"{card.label} does not fit on {label}: it needs {need_w / INCH:.2f} × {need_h / INCH:.2f} in "
                f"with the printer margin ({margin / INCH:g} in) and room for crop marks. "
                "Use --sheet card to print one card per page at its own size, or a bigger sheet."
            )
        w, h = (card.height, card.width) if use_turned else (card.width, card.height)
        block_w, block_h = cols * w + (cols - 1) * gap, rows * h + (rows - 1) * gap
        x0, y0 = (page_w - block_w) / 2, (page_h - block_h) / 2
        fronts, backs = [], []
        for row in range(rows):  # top row first: cards are read top to bottom
            y = y0 + (rows - 1 - row) * (h + gap)
            for col in range(cols):
                x = x0 + col * (w + gap)
                fronts.append(Slot(x, y, w, h, 90 if use_turned else 0))
                # Long-edge flip of a portrait sheet mirrors left and right, and turns
                # a sideways card's up the other way.
                backs.append(Slot(page_w - x - w, y, w, h, -90 if use_turned else 0))
        marks = _crop_marks(fronts, mark_offset, mark_length)
        return cls(card, key, page_w, page_h, tuple(fronts), tuple(backs), margin,
                   mark_offset, mark_length, marks)


def _crop_marks(slots: list[Slot], offset: float, length: float) -> tuple[tuple[float, float, float, float], ...]:
    """Two short lines per corner, in line with the card's edges and clear of the card."""
    marks: list[tuple[float, float, float, float]] = []
    for slot in slots:
        x0, y0, x1, y1 = slot.box
        for cx, dx in ((x0, -1), (x1, 1)):
            for cy, dy in ((y0, -1), (y1, 1)):
                marks.append((cx + dx * offset, cy, cx + dx * (offset + length), cy))  # horizontal
                marks.append((cx, cy + dy * offset, cx, cy + dy * (offset + length)))  # vertical
    return tuple(marks)
