"""Card sizes and sheet layouts: a pure object, checked without drawing anything."""

from __future__ import annotations

import pytest

from followup_kit.errors import RenderError
from followup_kit.geometry import CardSize, Layout

IN, MM = 72.0, 72.0 / 25.4


@pytest.mark.parametrize("name, width, height", [
    ("a2", 4.25 * IN, 5.5 * IN),
    ("a6", 4.5 * IN, 6.25 * IN),
    ("a7", 5 * IN, 7 * IN),
    ("iso-a6", 105 * MM, 148 * MM),
    ("ISO-A6", 105 * MM, 148 * MM),
    ("4x6in", 4 * IN, 6 * IN),
    ("100x150mm", 100 * MM, 150 * MM),
    ("10 x 15 cm", 100 * MM, 150 * MM),
    ("5.5x4.25in", 5.5 * IN, 4.25 * IN),
    ("4inx150mm", 4 * IN, 150 * MM),
])
def test_card_size_in_points(name: str, width: float, height: float) -> None:
    """Named and custom sizes convert to points exactly."""
    size = CardSize.parse(name)
    assert size.width == pytest.approx(width, abs=0.01)
    assert size.height == pytest.approx(height, abs=0.01)


@pytest.mark.parametrize("text, words", [
    ("huge", "custom size WxH"),
    ("4x6", "custom size WxH"),
    ("1x1in", "between 2 and 12 in"),
    ("40x60in", "between 2 and 12 in"),
])
def test_bad_card_size_is_explained(text: str, words: str) -> None:
    """A size that is not a card is refused with an example of a good one."""
    with pytest.raises(RenderError, match=words):
        CardSize.parse(text)


def test_unknown_sheet_is_refused() -> None:
    """Only letter, a4 and card are sheets."""
    with pytest.raises(RenderError, match="letter, a4, card"):
        Layout.build("a2", "legal")


@pytest.mark.parametrize("size", ["a2", "a6", "a7", "iso-a6", "4x6in"])
@pytest.mark.parametrize("sheet", ["letter", "a4"])
def test_cards_and_marks_stay_inside_the_printable_area(size: str, sheet: str) -> None:
    """Nothing lies within the printer margin, and no two cards overlap."""
    layout = Layout.build(size, sheet)
    m = layout.margin
    for x0, y0, x1, y1 in layout.crop_marks:
        for x, y in ((x0, y0), (x1, y1)):
            assert m - 1e-6 <= x <= layout.page_width - m + 1e-6
            assert m - 1e-6 <= y <= layout.page_height - m + 1e-6
    boxes = [s.box for s in layout.fronts]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


@pytest.mark.parametrize("size, sheet, count, turned", [
    ("a2", "letter", 2, True),
    ("iso-a6", "a4", 2, True),
    ("a6", "letter", 2, True),
    ("a7", "letter", 1, False),
    ("3x4in", "letter", 4, False),
])
def test_several_cards_per_sheet(size: str, sheet: str, count: int, turned: bool) -> None:
    """Cards are turned sideways when more of them fit that way."""
    layout = Layout.build(size, sheet)
    assert layout.per_page == count
    assert all((s.rotation != 0) == turned for s in layout.fronts)


@pytest.mark.parametrize("size", ["a2", "a7", "iso-a6"])
def test_grid_is_centred(size: str) -> None:
    """The block of cards has equal space left and right, above and below."""
    layout = Layout.build(size, "letter")
    x0, y0, x1, y1 = layout.trim_box
    assert x0 == pytest.approx(layout.page_width - x1)
    assert y0 == pytest.approx(layout.page_height - y1)


def test_backs_mirror_fronts_for_a_long_edge_flip() -> None:
    """Each back slot is its front slot mirrored left to right, turned the other way."""
    layout = Layout.build("3x4in", "letter")
    for front, back in zip(layout.fronts, layout.backs):
        assert back.x == pytest.approx(layout.page_width - front.x - front.width)
        assert (back.y, back.width, back.height) == (front.y, front.width, front.height)
    turned = Layout.build("a2", "letter")
    assert {s.rotation for s in turned.fronts} == {90} and {s.rotation for s in turned.backs} == {-90}


def test_card_sheet_is_the_card() -> None:
    """--sheet card: one card per page, the page is the card."""
    layout = Layout.build("iso-a6", "card")
    assert (layout.page_width, layout.page_height) == pytest.approx((105 * MM, 148 * MM))
    assert layout.per_page == 1 and layout.crop_marks == ()


def test_card_bigger_than_the_sheet_is_a_clear_error() -> None:
    """A card that cannot fit names the sizes and suggests --sheet card."""
    with pytest.raises(RenderError, match=r"does not fit on US Letter.*--sheet card"):
        Layout.build("8x11in", "letter")


@pytest.mark.parametrize("rotation", [90, -90])
def test_turned_card_maps_onto_its_slot(rotation: int) -> None:
    """The transform of a turned slot sends the card's corners onto the slot's corners."""
    card = CardSize.parse("a2")
    layout = Layout.build(card, "letter")
    slot = (layout.fronts if rotation == 90 else layout.backs)[0]
    a, b, c, d, e, f = slot.transform(card)
    mapped = {(round(a * u + c * v + e, 6), round(b * u + d * v + f, 6))
              for u, v in ((0, 0), (card.width, 0), (card.width, card.height), (0, card.height))}
    assert mapped == {(round(x, 6), round(y, 6)) for x, y in slot.corners}
