"""Printable cards: real sizes, verified names in any script, nothing cut off (R2, R7, R9, R11, R12)."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest

from followup_kit.cards import check_verified, fit, preview_png, render_cards, card_preview
from followup_kit.compose import Note
from followup_kit.errors import RenderError, UnverifiedError
from followup_kit.fonts import FontSet, matplotlib_dejavu, shape
from followup_kit.geometry import CardSize, Layout

from cardkit import (PROFILE, drawn_characters, fonts_in, glyphs, interview, need_fonts, note_text, notes_for,
                      pdfium_pages, person, pypdf_pages, squash, top_level_lines)

IN, MM = 72.0, 72.0 / 25.4

# Names and titles in twelve scripts and orthographies, as printed on business cards.
PEOPLE = [
    ("Małgorzata Wiśniewska", "Kierowniczka Zespołu Danych"),          # Polish
    ("Nguyễn Thị Hương", "Trưởng phòng Phân tích"),                     # Vietnamese
    ("Γεώργιος Παπαδόπουλος", "Διευθυντής Τεχνολογίας"),                # Greek
    ("Олександр Шевченко", "Керівник відділу даних"),                    # Cyrillic (Ukrainian)
    ("Ana Dvořák", "Ředitelka analytiky"),                               # Czech
    ("Jürgen Weiß", "Leiter Datenplattform"),                            # German ß
    ("王秀英", "数据平台负责人"),                                          # Chinese
    ("山田 さくら", "データ基盤部長"),                                     # Japanese
    ("김민준", "데이터 엔지니어"),                                          # Korean
    ("محمد عبد الله الحسيني", "مدير التحليلات"),                          # Arabic
    ("שרה כהן", "מנהלת מוצר"),                                           # Hebrew
    ("Ayşe Yılmaz", "Veri Mühendisliği Müdürü"),                         # Turkish
]


def _rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def _front_of(pages: list[str], name: str) -> str:
    """The card front whose greeting names ``name``."""
    fronts = [p for p in pages if "Dear" in p and name in p]
    assert len(fronts) == 1, f"no single card front for {name}"
    return fronts[0]


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return FontSet()


@pytest.fixture(scope="module")
def world_pdf(fonts: FontSet) -> bytes:
    """One card per person of PEOPLE, one card per page (skipped, naming the package, without CJK fonts)."""
    need_fonts(fonts, *(text for pair in PEOPLE for text in pair))
    iv = interview([person(n, t) for n, t in PEOPLE])
    return render_cards(notes_for(iv), PROFILE, [iv], size="a6", sheet="card", invariant=True, fonts=fonts)


# -- names in every script --------------------------------------------------------------

@pytest.mark.parametrize("name, title", PEOPLE, ids=[n for n, _ in PEOPLE])
def test_name_and_title_intact_on_the_card(world_pdf: bytes, name: str, title: str) -> None:
    """Name and title come back out of the card's text exactly (NFKC folds Arabic joined forms).

    pypdf returns right-to-left runs in logical order, so the comparison is the same for
    every script: the NFC name is a substring of the NFKC-folded page text.
    """
    page = _front_of(pypdf_pages(world_pdf), name)
    assert unicodedata.normalize("NFC", name) in page
    assert unicodedata.normalize("NFC", title) in page


@pytest.mark.parametrize("name, title", PEOPLE, ids=[n for n, _ in PEOPLE])
def test_checklist_lists_every_name_and_title(world_pdf: bytes, name: str, title: str) -> None:
    """The first page names every card's person and title, with where they were verified."""
    pages = pypdf_pages(world_pdf)
    checklist = "".join(p for p in pages[: pages.index(_front_of(pages, PEOPLE[0][0]))])
    assert name in checklist and title in checklist
    assert checklist.count("verified on business card") == len(PEOPLE)


@pytest.mark.parametrize("name", [n for n, _ in PEOPLE if _rtl(n)])
def test_right_to_left_name_is_drawn_right_to_left(world_pdf: bytes, name: str) -> None:
    """Reading the name's glyphs from right to left on the page spells the name.

    This checks the drawing itself, not an extractor's reordering: the glyphs of the
    greeting line are sorted by their x position, right to left, and NFKC-folded.
    """
    pages = pypdf_pages(world_pdf)
    chars = glyphs(world_pdf, pages.index(_front_of(pages, name)))
    letters = set(name.replace(" ", ""))
    lines: dict[float, list[tuple[str, float]]] = {}
    for char, x, y in chars:
        folded = unicodedata.normalize("NFKC", char)
        if folded and all(c in letters for c in folded):
            lines.setdefault(round(y), []).append((folded, x))
    spelled = ["".join(c for c, _ in sorted(row, key=lambda cx: -cx[1])) for row in lines.values()]
    assert any(name.replace(" ", "") in row for row in spelled), spelled


def test_every_font_is_embedded_and_no_helvetica(world_pdf: bytes) -> None:
    """Each font is an embedded TrueType subset (FontFile2); no standard-14 font is referenced."""
    fonts = fonts_in(world_pdf)
    assert fonts, "no fonts found"
    for font in fonts:
        assert font["subtype"] == "/TrueType" and font["files"] == ["/FontFile2"], font
    assert b"Helvetica" not in world_pdf


def test_every_character_is_drawn_by_an_embedded_font_that_has_it(world_pdf: bytes) -> None:
    """Every letter of every name and title, in twelve scripts, is drawn from an embedded font
    whose glyph for it is real: no box, no gap, whichever fonts this machine had."""
    drawn = set().union(*drawn_characters(world_pdf).values())  # asserts each glyph's font has it
    for name, title in PEOPLE:
        for text in (name, title):
            # Arabic is drawn in its joined (presentation) forms.
            wanted = {c for c in unicodedata.normalize("NFC", shape(text)) if not c.isspace()}
            assert wanted <= drawn, (text, sorted(wanted - drawn))


def test_the_coverage_check_sees_a_box() -> None:
    """A character drawn in a font that lacks it (reportlab alone, no fallback) fails the check."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("CoverageCheckDejaVu", str(matplotlib_dejavu())))
    pages = {}
    for text in ("Dear Ana", "Dear 王秀英"):
        out = io.BytesIO()
        page = canvas.Canvas(out, invariant=1)
        page.setFont("CoverageCheckDejaVu", 12)
        page.drawString(72, 72, text)
        page.save()
        pages[text] = out.getvalue()
    assert set().union(*drawn_characters(pages["Dear Ana"]).values()) == set("Dear Ana")
    with pytest.raises(AssertionError, match="lacks"):
        drawn_characters(pages["Dear 王秀英"])


# -- sizes, boxes, marks -------------------------------------------------------------------

@pytest.mark.parametrize("size, width, height", [
    ("a2", 4.25 * IN, 5.5 * IN), ("a6", 4.5 * IN, 6.25 * IN), ("a7", 5 * IN, 7 * IN),
    ("iso-a6", 105 * MM, 148 * MM), ("100x150mm", 100 * MM, 150 * MM),
])
def test_card_sheet_pages_are_the_card_size(fonts: FontSet, size: str, width: float, height: float) -> None:
    """--sheet card: every card page's MediaBox and TrimBox are the card, within 0.5 pt."""
    import pypdf

    iv = interview([person("Ana Dvořák")])
    pdf = render_cards(notes_for(iv), PROFILE, [iv], size=size, sheet="card", checklist=False, fonts=fonts)
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 2  # front and back
    for page in pages:
        for box in (page.mediabox, page.trimbox):
            assert float(box.width) == pytest.approx(width, abs=0.5)
            assert float(box.height) == pytest.approx(height, abs=0.5)


@pytest.mark.parametrize("sheet, width, height", [("letter", 8.5 * IN, 11 * IN), ("a4", 210 * MM, 297 * MM)])
@pytest.mark.parametrize("size", ["a2", "a6", "a7", "iso-a6"])
def test_crop_marks_sit_at_every_card_corner(fonts: FontSet, sheet: str, width: float, height: float,
                                             size: str) -> None:
    """On paper, each card corner has a horizontal and a vertical mark in line with its edges,
    the cards measure the card size, and the page is the sheet, all within 0.5 pt."""
    import pypdf

    iv = interview([person(f"Person {i}") for i in range(3)])
    pdf = render_cards(notes_for(iv), PROFILE, [iv], size=size, sheet=sheet, checklist=False, fonts=fonts)
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) == pytest.approx(width, abs=0.5)
    assert float(page.mediabox.height) == pytest.approx(height, abs=0.5)
    layout = Layout.build(size, sheet)
    card = CardSize.parse(size)
    lines = top_level_lines(pdf, 0)
    for slot in layout.fronts:
        assert sorted((slot.width, slot.height)) == pytest.approx(sorted((card.width, card.height)), abs=0.5)
        for cx, cy in slot.corners:
            horizontal = [ln for ln in lines if abs(ln[1] - cy) < 0.5 and abs(ln[3] - cy) < 0.5
                          and min(abs(ln[0] - cx), abs(ln[2] - cx)) < 5]
            vertical = [ln for ln in lines if abs(ln[0] - cx) < 0.5 and abs(ln[2] - cx) < 0.5
                        and min(abs(ln[1] - cy), abs(ln[3] - cy)) < 5]
            assert horizontal and vertical, (cx, cy)
            for x0, y0, x1, y1 in horizontal + vertical:  # marks stay off the card
                x0_, y0_, x1_, y1_ = slot.box
                mid = ((x0 + x1) / 2, (y0 + y1) / 2)
                assert not (x0_ < mid[0] < x1_ and y0_ < mid[1] < y1_)
    trim = page.trimbox
    assert (float(trim.left), float(trim.bottom)) == pytest.approx(layout.trim_box[:2], abs=0.5)


def test_duplex_back_lands_behind_its_front(fonts: FontSet) -> None:
    """Flipped on the long edge, each address is behind its own note."""
    iv = interview([person("Ana Dvořák"), person("Jürgen Weiß"), person("Ayşe Yılmaz")],
                   company_address="Acme Analytics GmbH\nLeopoldstraße 28\n80802 München")
    pdf = render_cards(notes_for(iv), PROFILE, [iv], size="3x4in", sheet="letter", checklist=False, fonts=fonts)
    layout = Layout.build("3x4in", "letter")
    front, back = glyphs(pdf, 0), glyphs(pdf, 1)

    def where(chars: list[tuple[str, float, float]], word: str) -> tuple[float, float]:
        text = "".join(c for c, _, _ in chars)
        i = text.index(word)
        return chars[i][1], chars[i][2]

    for index, name in enumerate(["Ana", "Jürgen", "Ayşe"]):
        fx, fy = where(front, f"Dear {name}")
        bx, by = where(back, f"{name} ")
        slot = layout.fronts[index]
        assert slot.x < fx < slot.x + slot.width and slot.y < fy < slot.y + slot.height
        mirrored = layout.page_width - bx  # where the back point is, seen through the paper
        assert slot.x < mirrored < slot.x + slot.width and slot.y < by < slot.y + slot.height


def test_metadata_and_viewer_preferences(fonts: FontSet) -> None:
    """Title, author and subject are set; printing is unscaled and duplex flips on the long edge."""
    import pypdf

    iv = interview([person("Ana Dvořák")])
    reader = pypdf.PdfReader(io.BytesIO(render_cards(notes_for(iv), PROFILE, [iv], fonts=fonts)))
    meta = reader.metadata
    assert meta.title == "Thank-you cards: Acme Analytics GmbH"
    assert meta.author == "Lena Hoffmann"
    assert "US A2" in meta.subject and "100%" in meta.subject
    prefs = reader.trailer["/Root"]["/ViewerPreferences"]
    assert prefs["/PrintScaling"] == "/None" and prefs["/Duplex"] == "/DuplexFlipLongEdge"


def test_separate_backs_are_not_duplex(fonts: FontSet) -> None:
    """backs='separate' (an envelope sheet) asks for no duplex, and puts the addresses last."""
    import pypdf

    iv = interview([person("Ana Dvořák"), person("Jürgen Weiß")])
    pdf = render_cards(notes_for(iv), PROFILE, [iv], backs="separate", sheet="card", checklist=False, fonts=fonts)
    prefs = pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/ViewerPreferences"]
    assert "/Duplex" not in prefs
    pages = pypdf_pages(pdf)
    assert ["Dear" in p for p in pages] == [True, True, False, False]


def test_same_input_same_bytes(fonts: FontSet) -> None:
    """With invariant output, rendering twice gives identical PDFs."""
    need_fonts(fonts, "王秀英")
    iv = interview([person("王秀英"), person("Ana Dvořák")])
    first = render_cards(notes_for(iv), PROFILE, [iv], invariant=True, fonts=fonts)
    assert render_cards(notes_for(iv), PROFILE, [iv], invariant=True, fonts=fonts) == first


def test_alignment_page_has_rulers_and_outlines(fonts: FontSet) -> None:
    """The printer check page comes after the checklist, with rulers and one outline per card slot."""
    import pypdf
    from pypdf.generic import ContentStream

    iv = interview([person("Ana Dvořák")])
    pdf = render_cards(notes_for(iv), PROFILE, [iv], size="a2", sheet="letter", alignment_page=True, fonts=fonts)
    pages = pypdf_pages(pdf)
    # A2 cards lie sideways on Letter: 5.5 in wide, room for a 4 in and a 12 cm ruler.
    assert "Printer check" in pages[2] and "exactly 4 in" in pages[2] and "12 cm" in pages[2]
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    ops = ContentStream(reader.pages[2].get_contents(), reader).operations
    rects = [tuple(float(v) for v in o) for o, op in ops if op == b"re"]
    layout = Layout.build("a2", "letter")
    for slot in layout.fronts:
        assert any(r == pytest.approx((slot.x, slot.y, slot.width, slot.height), abs=0.5) for r in rects)


# -- verified names (R2, R11) ---------------------------------------------------------------

def test_unverified_names_are_refused_naming_each_person_and_field(fonts: FontSet) -> None:
    """Without --draft, every unchecked name or title is listed, and nothing is rendered."""
    iv = interview([person("Ana Dvořák", checked={"title": "business card"}),
                    person("Jürgen Weiß", checked={"name": "business card"}),
                    person("Ayşe Yılmaz")])
    with pytest.raises(UnverifiedError) as caught:
        render_cards(notes_for(iv), PROFILE, [iv], fonts=fonts)
    message = str(caught.value)
    assert "Ana Dvořák (interviews/2026-11-19-acme-onsite.json): name not verified" in message
    assert "Jürgen Weiß (interviews/2026-11-19-acme-onsite.json): title not verified" in message
    assert "Ayşe" not in message and "--draft" in message


def test_draft_marks_only_the_unverified_cards(fonts: FontSet) -> None:
    """With draft=True the cards print, and each unverified card (front and back) says DRAFT."""
    iv = interview([person("Ana Dvořák", checked={}), person("Ayşe Yılmaz")])
    pdf = render_cards(notes_for(iv), PROFILE, [iv], sheet="card", draft=True, fonts=fonts)
    pages = pypdf_pages(pdf)
    ana_front, ana_back, ayse_front, ayse_back = pages[2:6]
    assert "DRAFT" in ana_front and "NAME AND TITLE NOT VERIFIED" in ana_front
    assert "DRAFT" in ana_back
    assert "DRAFT" not in ayse_front and "DRAFT" not in ayse_back
    assert "NAME AND TITLE NOT VERIFIED" in pages[0]


def test_check_verified_passes_verified_people() -> None:
    """Verified names and titles raise nothing."""
    iv = interview([person("Ana Dvořák")])
    check_verified(notes_for(iv))


# -- nothing cut off (R9) -----------------------------------------------------------------

def _words_in_order(words: list[str], text: str) -> list[str]:
    """The words of ``words`` not found, in order, in ``text`` (whitespace ignored)."""
    haystack, at, missing = squash(text), 0, []
    for word in words:
        found = haystack.find(word, at)
        if found < 0:
            missing.append(word)
        else:
            at = found + len(word)
    return missing


def test_a_longer_note_shrinks_to_stay_on_one_face(fonts: FontSet) -> None:
    """A note a little too long at handwriting size is set smaller, on one face."""
    text = note_text("Ana", words=50)
    layout = fit(text, 4.25 * IN - 40, 5.5 * IN - 70, fonts)
    assert len(layout.faces) == 1 and 10 <= layout.size < 13


def test_a_long_note_continues_on_a_second_face_without_losing_a_word(fonts: FontSet) -> None:
    """A note too long for one face continues on a second, marked, and every word is printed."""
    iv = interview([person("Ana Dvořák")])
    note = Note(iv.id, iv.interviewers[0], "card", note_text("Ana", words=120) +
                "\n\nhttps://example.org/lena/a-very-long-link-to-the-talk-about-exactly-once-ingestion-pipelines")
    pdf = render_cards([note], PROFILE, [iv], size="a2", sheet="card", checklist=False, fonts=fonts)
    pages = pypdf_pages(pdf)
    assert len(pages) == 4  # two faces, each with its back page (the second back is blank)
    assert "continues on the next card" in pages[0] and "continued from the previous card" in pages[2]
    assert "part 1 of 2" in pages[0] and "part 2 of 2" in pages[2]
    body = pages[0] + pages[2]
    assert _words_in_order(note.text.split(), body) == []
    assert "Dear" not in pages[3]


@pytest.mark.parametrize("overflow, faces", [("continue", "2 card faces"), ("refuse", "one card face")])
def test_a_note_that_cannot_fit_is_refused_with_the_words_over(fonts: FontSet, overflow: str, faces: str) -> None:
    """Too long even at the smallest size: refused, saying how many words to cut; never truncated."""
    iv = interview([person("Ana Dvořák")])
    words = 700 if overflow == "continue" else 260
    with pytest.raises(RenderError) as caught:
        render_cards(notes_for(iv, words=words), PROFILE, [iv], size="a2", overflow=overflow, fonts=fonts)
    message = str(caught.value)
    total = len(notes_for(iv, words=words)[0].text.split())
    match = re.search(r"(\d+) words do not fit on (.+?) even at 10 pt; about (\d+) fit\. "
                      r"Shorten the note by about (\d+) words?", message)
    assert match, message
    assert int(match[1]) == total and match[2] == faces
    assert int(match[4]) == total - int(match[3]) > 0


@pytest.mark.parametrize("size", ["a2", "a6", "a7", "iso-a6"])
def test_typical_note_fits_one_face_at_handwriting_size(fonts: FontSet, size: str) -> None:
    """A 60-word note keeps the 13 pt handwriting size on every card size."""
    card = CardSize.parse(size)
    text = note_text("Ana") + "\n\n" + " ".join(["I would be glad to tell you more about it."] * 4)
    assert len(text.split()) >= 60
    layout = fit(text, card.width - 50, card.height - 70, fonts)
    assert len(layout.faces) == 1 and layout.size == 13


# -- addresses (R12) ------------------------------------------------------------------------

@pytest.mark.parametrize("extra, company_address, expected", [
    ({"address": "Ana Dvořák\nAcme, 3rd floor\nBerlin"}, "Acme Analytics GmbH\nMain St 1", "Acme, 3rd floor"),
    ({}, "Acme Analytics GmbH\nLeopoldstraße 28\n80802 München", "Leopoldstraße 28"),
    ({}, None, "c/o HR department"),
])
def test_back_carries_the_best_known_address(fonts: FontSet, extra: dict, company_address: str | None,
                                            expected: str) -> None:
    """Interviewer's address, else the company's, else via the HR department (R12); and the return address."""
    iv = interview([person("Ana Dvořák", **extra)], company_address=company_address)
    pdf = render_cards(notes_for(iv), PROFILE, [iv], sheet="card", checklist=False, fonts=fonts)
    back = pypdf_pages(pdf)[1]
    assert expected in back and "Ana Dvořák" in back
    assert "Gollierstraße 42" in back
    if company_address is None:
        assert "Acme Analytics GmbH" in back and "write via HR" in back


@pytest.mark.parametrize("address, expected", [
    ("Gollierstraße 42\n80339 München", ["From:", "Lena Hoffmann", "Gollierstraße 42", "80339 München"]),
    ("Lena Hoffmann\nGollierstraße 42\n80339 München", ["From:", "Lena Hoffmann", "Gollierstraße 42", "80339 München"]),
    (None, ["From:", "Lena Hoffmann"]),
])
def test_the_return_address_names_the_sender(fonts: FontSet, address: str | None, expected: list[str]) -> None:
    """The back's return address starts with the candidate's name, once, as on an envelope."""
    from followup_kit.model import replace

    profile = replace(PROFILE, address=address)
    iv = interview([person("Ana Dvořák")])
    back = pypdf_pages(render_cards(notes_for(iv), profile, [iv], sheet="card", checklist=False, fonts=fonts))[1]
    lines = [line.strip() for line in back.splitlines()]
    start = lines.index("From:")
    assert lines[start:start + len(expected)] == expected
    assert lines.count("Lena Hoffmann") == 1


def test_header_says_who_how_verified_and_when_to_mail(fonts: FontSet) -> None:
    """The not-to-copy line: name, title, source, and the mail-by date a day after the interview (R7)."""
    iv = interview([person("Ana Dvořák", "Director of Analytics",
                           checked={"name": "business card", "title": "company website"})])
    front = pypdf_pages(render_cards(notes_for(iv), PROFILE, [iv], sheet="card", checklist=False, fonts=fonts))[0]
    assert ("To Ana Dvořák, Director of Analytics · name verified on business card, title on company "
            "website · mail by Fri 20 Nov") in " ".join(front.split())


def test_a_workspace_cards_template_words_the_small_print(fonts: FontSet, tmp_path) -> None:
    """A workspace's own templates/cards.j2 words what is printed besides the note; nothing else changes."""
    from followup_kit.resources import templates_dir

    shipped = (templates_dir() / "cards.j2").read_text("utf-8")
    (tmp_path / "cards.j2").write_text(shipped.replace("· mail by {{ mail_by }}", "· post by {{ mail_by }}"), "utf-8")
    iv = interview([person("Ana Dvořák", "Director of Analytics",
                           checked={"name": "business card", "title": "company website"})])
    front = " ".join(pypdf_pages(render_cards(notes_for(iv), PROFILE, [iv], sheet="card", checklist=False,
                                              fonts=fonts, templates=tmp_path))[0].split())
    assert "website · post by Fri 20 Nov" in front and "mail by" not in front


def test_uncovered_character_in_a_note_is_refused_before_drawing() -> None:
    """A name no available font has is an error naming the card, the character and the package."""
    iv = interview([person("王秀英")])
    with pytest.raises(RenderError, match=r"card to 王秀英: name: cannot print '王' \(U\+738B"):
        render_cards(notes_for(iv), PROFILE, [iv], fonts=FontSet(system=False))


# -- previews -------------------------------------------------------------------------------

@pytest.mark.parametrize("size", ["a2", "iso-a6"])
def test_card_preview_is_a_png_of_the_card(fonts: FontSet, size: str) -> None:
    """card_preview renders one card at its proportions as PNG bytes."""
    from PIL import Image

    iv = interview([person("Ana Dvořák")])
    png = card_preview(notes_for(iv)[0], PROFILE, iv, size=size, scale=1.0, fonts=fonts)
    image = Image.open(io.BytesIO(png))
    card = CardSize.parse(size)
    assert image.format == "PNG"
    assert image.width / image.height == pytest.approx(card.width / card.height, abs=0.01)


def test_preview_of_a_missing_page_is_an_error(fonts: FontSet) -> None:
    """Asking for a page the PDF lacks names the page count."""
    iv = interview([person("Ana Dvořák")])
    pdf = render_cards(notes_for(iv), PROFILE, [iv], sheet="card", checklist=False, fonts=fonts)
    with pytest.raises(RenderError, match="has 2 pages"):
        preview_png(pdf, 5)


def test_card_fronts_always_start_a_sheet_in_duplex(world_pdf: bytes) -> None:
    """However many checklist pages there are, each card front is on a recto (odd page number)."""
    pages = pypdf_pages(world_pdf)
    fronts = [i for i, page in enumerate(pages) if "Dear" in page]
    assert len(fronts) == len(PEOPLE)
    assert all(i % 2 == 0 for i in fronts)  # 0-based even index = page 1, 3, 5…
    assert len(pages) % 2 == 0


def test_decomposed_text_prints_composed(fonts: FontSet) -> None:
    """A note typed with combining accents (NFD) prints the composed letters (NFC)."""
    iv = interview([person("Ana Dvořák")])
    note = Note(iv.id, iv.interviewers[0], "card", unicodedata.normalize("NFD", "Dear Ana Dvořák,\n\nDěkuji."))
    front = pypdf_pages(render_cards([note], PROFILE, [iv], sheet="card", checklist=False, fonts=fonts))[0]
    assert "Dear Ana Dvořák," in front and "Děkuji." in front


def test_ruled_lines_only_when_asked(fonts: FontSet) -> None:
    """ruled=True adds faint lines under the note; the default has only the header rule."""
    import pypdf
    from pypdf.generic import ContentStream

    iv = interview([person("Ana Dvořák")])

    def strokes(ruled: bool) -> int:
        pdf = render_cards(notes_for(iv), PROFILE, [iv], sheet="card", checklist=False, ruled=ruled, fonts=fonts)
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        return sum(op == b"l" for _, op in ContentStream(reader.pages[0].get_contents(), reader).operations)

    assert strokes(False) == 1
    assert strokes(True) >= 12


def test_a_document_keeps_the_layout_of_its_small_print_only() -> None:
    """Laying out many notes keeps no rows of theirs beyond the layout chosen for each, so a
    cohort's thousands of cards do not hold every size each note was tried at."""
    import dataclasses

    from followup_kit.cards import _KEPT_UP_TO

    fonts = FontSet()
    iv = interview([person(f"Anna Nowak {k}", "Engineer") for k in range(6)])
    notes = [dataclasses.replace(note, text=note.text.replace(
        "the team.", "the team. " + " ".join(f"Sentence {i} of note {k} says a little more." for i in range(12))))
        for k, note in enumerate(notes_for(iv))]
    assert all(len(note.text) > _KEPT_UP_TO for note in notes)
    pdf = render_cards(notes, PROFILE, [iv], size="a6", sheet="card", checklist=False, fonts=fonts)
    assert pdf.startswith(b"%PDF")
    texts = [key[1] for key in fonts.layouts if isinstance(key, tuple)]
    assert texts and max(map(len, texts)) <= _KEPT_UP_TO
