"""Font coverage per character, and right-to-left text put in display order."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_kit.errors import RenderError
from followup_kit.fonts import FontSet, base_direction, font_package, load_face, shape, visual

from cardkit import need_fonts


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return FontSet()


def test_latin_greek_cyrillic_vietnamese_use_dejavu_alone(fonts: FontSet) -> None:
    """The DejaVu Sans that matplotlib ships sets these scripts in one run."""
    for text in ("Małgorzata Wiśniewska", "Γεώργιος Παπαδόπουλος", "Олександр Шевченко", "Nguyễn Thị Hương"):
        assert [font for font, _ in fonts.runs(text)] == [fonts.primary_name]


@pytest.mark.parametrize("text", ["王秀英", "山田 さくら", "김민준"])
def test_cjk_falls_back_to_an_installed_truetype_font(fonts: FontSet, text: str) -> None:
    """Characters DejaVu lacks come from one system TrueType font that has them all, spaces
    included in the run (whichever font that is: a Chinese font may well set Korean)."""
    from fontTools.ttLib import TTFont

    need_fonts(fonts, text)
    letters = [c for c in text if not c.isspace()]
    assert not any(fonts.primary.covers(c) for c in letters)
    runs = fonts.runs(text)
    assert len(runs) == 1 and runs[0][1] == text
    face = fonts.face_for(letters[0])
    assert runs[0][0] == face.name != fonts.primary.name
    # The font file itself, read afresh, maps every letter.
    cmap = TTFont(str(face.path), fontNumber=face.index, lazy=True).getBestCmap()
    assert all(ord(c) in cmap for c in letters), face.path


def test_mixed_text_is_split_into_runs_without_losing_a_character(fonts: FontSet) -> None:
    """'Dear 王秀英,' is two runs whose text joins back to the original."""
    need_fonts(fonts, "王秀英")
    runs = fonts.runs("Dear 王秀英, thanks")
    assert "".join(text for _, text in runs) == "Dear 王秀英, thanks"
    assert len({font for font, _ in runs}) == 2


def test_missing_font_names_character_and_package() -> None:
    """Without system fonts a Chinese name is refused, naming U+738B and fonts-wqy-zenhei."""
    with pytest.raises(RenderError) as caught:
        FontSet(system=False).check("王秀英", "card to 王秀英: name")
    message = str(caught.value)
    assert "U+738B CJK UNIFIED IDEOGRAPH-738B" in message
    assert "apt install fonts-wqy-zenhei" in message


@pytest.mark.parametrize("char, package", [
    ("김", "fonts-nanum"), ("王", "fonts-wqy-zenhei"), ("さ", "fonts-wqy-zenhei"), ("ש", "fonts-noto-core"),
    ("م", "fonts-noto-core"),
])
def test_missing_font_package_depends_on_script(char: str, package: str) -> None:
    """Korean points to fonts-nanum, Chinese and Japanese to fonts-wqy-zenhei, others to Noto."""
    assert font_package(char) == package


def test_character_no_installed_font_has_is_refused(fonts: FontSet) -> None:
    """A letter no font on the machine covers is an error, never a box or a gap."""
    char = "\U0001E290"  # TOTO LETTER PA (Unicode 14)
    if shutil.which("fc-list") and subprocess.run(["fc-list", f":charset={ord(char):x}"],
                                                  capture_output=True, text=True).stdout.strip():
        pytest.skip("this machine has a font for Toto")
    # Python 3.10's Unicode database predates Toto, so the name is looked up, not written out.
    name = unicodedata.name(char, "unnamed character")
    with pytest.raises(RenderError, match=rf"U\+1E290 {name}.*fonts-noto-core"):
        fonts.check(f"Dear {char}", "note")


def test_script_needing_a_shaping_engine_is_refused(fonts: FontSet) -> None:
    """Devanagari would print misspelt without conjuncts and reordering, so it is refused."""
    with pytest.raises(RenderError, match="Devanagari.*would print misspelt"):
        fonts.check("प्रिया शर्मा", "name")


def test_cff_font_is_not_embeddable(tmp_path) -> None:
    """An OpenType font with CFF outlines is skipped: reportlab embeds TrueType outlines only."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder([".notdef", "A"])
    builder.setupCharacterMap({ord("A"): "A"})
    pen = T2CharStringPen(500, None)
    pen.moveTo((0, 0)), pen.lineTo((500, 0)), pen.lineTo((250, 700)), pen.closePath()
    strings = {".notdef": T2CharStringPen(500, None).getCharString(), "A": pen.getCharString()}
    builder.setupCFF("TestCFF", {"FullName": "Test CFF"}, strings, {})
    builder.setupHorizontalMetrics({".notdef": (500, 0), "A": (500, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Test CFF", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    path = tmp_path / "TestCFF.otf"
    builder.save(str(path))
    assert load_face(str(path)) is None
    assert FontSet(extra=[path], system=False).face_for("A") is not None  # DejaVu, not the CFF font
    assert FontSet(extra=[path], system=False).face_for("A").path != path


def _truetype_font(path, cmap: dict[int, str]) -> None:
    """A small TrueType font: '.notdef' and 'A' (a triangle), with ``cmap`` as its character map."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "A"])
    builder.setupCharacterMap(cmap)
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0)), pen.lineTo((500, 0)), pen.lineTo((250, 700)), pen.closePath()
    builder.setupGlyf({".notdef": TTGlyphPen(None).glyph(), "A": pen.glyph()})
    builder.setupHorizontalMetrics({".notdef": (500, 0), "A": (500, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Test TT", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(path))


def test_a_character_mapped_to_the_missing_glyph_is_not_covered(tmp_path) -> None:
    """A cmap entry that points at glyph 0 would print the font's empty box: it does not count."""
    path = tmp_path / "Boxes.ttf"
    _truetype_font(path, {ord("A"): "A", ord("B"): ".notdef"})
    face = load_face(str(path))
    assert face is not None and face.covers("A") and not face.covers("B")
    fonts = FontSet(path, system=False)
    fonts.check("AAA", "name")
    with pytest.raises(RenderError, match="'B' .*no installed font has it"):
        fonts.check("AB", "name")


def test_arabic_is_shaped_without_word_ligatures() -> None:
    """Letters take their joined forms; 'الله' stays four letters, not the ALLAH ligature."""
    shaped = shape("عبد الله")
    assert "\ufdf2" not in shaped
    assert unicodedata.normalize("NFKC", shaped) == "عبد الله"
    assert all(0xFE70 <= ord(c) <= 0xFEFF for c in shaped if c != " ")


def test_arabic_harakat_are_kept() -> None:
    """Vowel marks of a name are never deleted."""
    assert "\u064e" in shape("مَحمد")


@pytest.mark.parametrize("text, expected", [
    ("Dear שרה", "L"), ("שרה כהן", "R"), ("محمد", "R"), ("123 abc", "L"), ("", "L"),
])
def test_paragraph_direction_from_first_strong_letter(text: str, expected: str) -> None:
    """UAX #9 P2: the first strong letter decides a paragraph's direction."""
    assert base_direction(text) == expected


def test_visual_order_reverses_right_to_left_runs_only() -> None:
    """'Dear שרה כהן,' draws Latin left to right and the Hebrew name right to left."""
    shown = visual("Dear שרה כהן,", "L")
    assert shown.startswith("Dear ") and "ןהכ הרש" in shown
    assert visual("Plain text", "L") == "Plain text"


@pytest.mark.parametrize("text", ["שָׁלוֹם", "مُحَمَّد"])
def test_vowel_marks_are_drawn_just_before_their_letter(text: str) -> None:
    """In drawing order each mark comes right before its letter: DejaVu and Noto draw a
    zero-width right-to-left mark over the glyph that follows it (checked on rendered PNGs)."""
    shown = visual(shape(text), "R")
    assert unicodedata.category(shown[-1]) != "Mn"
    clusters: list[str] = []
    pending = ""
    for char in shown:
        if unicodedata.category(char) == "Mn":
            pending += char
        else:
            clusters.append(char + pending)
            pending = ""
    # Reading the clusters right to left gives back the logical text, marks on their letters.
    assert unicodedata.normalize("NFKC", "".join(reversed(clusters))) == unicodedata.normalize("NFKC", text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ.,’\u00a0éłżŁđườngΑλέξηςЖуковский王秀英\u05e9\u0644\u0627"
    "\u2603\U0001f600\u0301"), max_size=30), max_size=40),
       st.integers(min_value=0, max_value=400))
def test_text_is_split_into_subset_codes_as_reportlab_splits_it(texts: list[str], spread: int) -> None:
    """The kit's quicker way to a text's subset codes gives what reportlab's own gives, text after
    text as the document's subsets fill (past the first 256 codes too), and leaves the same state."""
    from reportlab.pdfbase.ttfonts import TTFont

    from followup_kit.fonts import _font_class, dejavu_sans

    path = str(dejavu_sans())
    theirs, ours = TTFont("Theirs", path), _font_class()("Ours", path)
    doc_a, doc_b = object.__new__(type("Doc", (), {})), object.__new__(type("Doc", (), {}))
    # Many other characters first, as a long document would have: the subsets fill up.
    filler = "".join(chr(c) for c in range(0x100, 0x100 + spread) if c in theirs.face.charToGlyph)
    for text in [filler, *texts, *texts]:
        assert ours.splitString(text, doc_b) == theirs.splitString(text, doc_a), text
    assert ours.state[doc_b].assignments == theirs.state[doc_a].assignments
    assert ours.state[doc_b].subsets == theirs.state[doc_a].subsets
