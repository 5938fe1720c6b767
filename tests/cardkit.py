"""Helpers for the card tests: records built in code, and PDFs read back with pypdf/pypdfium2."""

from __future__ import annotations

import io
import re
import unicodedata
from typing import Any

from followup_kit.compose import Note
from followup_kit.fonts import FontSet, describe, font_package, shape
from followup_kit.model import Interview, Profile

VERIFIED = {"name": "business card", "title": "business card"}

PROFILE = Profile.from_record({
    "format": "followup-kit/profile@1",
    "name": "Lena Hoffmann",
    "email": "lena.hoffmann@example.org",
    "address": "Lena Hoffmann\nGollierstraße 42\n80339 München\nGermany",
    "timezone": "Europe/Berlin",
    "country": "DE",
})


def interview(people: list[dict[str, Any]], *, id: str = "2026-11-19-acme-onsite",
              company: str = "Acme Analytics GmbH", company_address: str | None = None,
              medium: str = "in-person") -> Interview:
    """An in-person interview with ``people`` (dicts of Interviewer fields)."""
    data: dict[str, Any] = {
        "format": "followup-kit/interview@1", "company": company, "role": "Data Engineer",
        "stage": "onsite", "medium": medium, "start": "2026-11-19T09:30", "end": "2026-11-19T13:00",
        "timeline": {"kind": "few-days"}, "interviewers": people,
    }
    if company_address:
        data["company_address"] = company_address
    return Interview.from_record(data, id=id)


def person(name: str, title: str | None = "Head of Data", *, checked: dict[str, str] | None = None,
           **extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {"name": name, "checked": VERIFIED if checked is None else checked, **extra}
    if title is not None:
        record["title"] = title
    return record


def note_text(name: str, words: int = 0) -> str:
    """A short thank-you note to ``name``; ``words`` adds a paragraph of that many numbered words."""
    body = (f"Dear {name},\n\nThank you for meeting me on Thursday and for the conversation about "
            "streaming telemetry; it made me keen to join the team.")
    if words:
        body += "\n\n" + " ".join(f"word{i:03d}" for i in range(words)) + "."
    return body + "\n\nBest regards,\nLena Hoffmann"


def notes_for(iv: Interview, words: int = 0) -> list[Note]:
    return [Note(iv.id, p, "card", note_text(p.name, words)) for p in iv.interviewers]


def _drawn(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char) != "Cf"


def need_fonts(fonts: FontSet, *texts: str) -> None:
    """Skip the test, naming the Debian package to install, if no font on this machine has a
    character of ``texts`` (as drawn: Arabic in its joined forms)."""
    __tracebackhide__ = True  # the skip is reported at the test's line, not here
    import pytest

    for text in texts:
        for char in dict.fromkeys(unicodedata.normalize("NFC", text) + shape(text)):
            if _drawn(char) and fonts.face_for(char) is None:
                pytest.skip(f"no installed font has {describe(char)}; "
                            f"install the Debian package {font_package(char)}")


def drawn_characters(pdf: bytes) -> dict[str, set[str]]:
    """Every character the PDF draws, by the embedded font that draws it.

    For each glyph shown, asserts what makes it print: the font is embedded (FontFile2),
    its ToUnicode map says which character the code is, and the embedded font maps that
    code to a real glyph (not .notdef, and with an outline unless the character is a
    space): no box and no gap, whichever font it is.
    """
    import pypdf
    from fontTools.ttLib import TTFont
    from pypdf.generic import ContentStream

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts: dict[int, tuple[str, dict[int, str], Any]] = {}
    found: dict[str, set[str]] = {}

    def load(ref: Any) -> tuple[str, dict[int, str], Any]:
        key = ref.idnum if hasattr(ref, "idnum") else id(ref)
        if key not in fonts:
            font = ref.get_object()
            base = str(font["/BaseFont"])
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object(), f"{base} is not embedded"
            descriptor = descriptor.get_object()
            embedded = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
            to_unicode = _to_unicode(font["/ToUnicode"].get_object().get_data().decode("latin-1"))
            fonts[key] = (base, to_unicode, embedded)
        return fonts[key]

    for number, page in enumerate(reader.pages):
        resources = (page.get("/Resources") or {}).get("/Font") or {}
        refs = {str(name): resources.raw_get(name) for name in resources}
        current: Any = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = refs[str(operands[0])]
                continue
            if operator == b"TJ":
                strings = [o for o in operands[0] if not isinstance(o, (int, float))]
            elif operator in (b"Tj", b"'", b'"'):
                strings = [operands[-1]]
            else:
                continue
            assert current is not None, f"page {number + 1}: text shown before a font was chosen"
            base, to_unicode, embedded = load(current)
            for string in strings:
                raw = string.get_original_bytes() if hasattr(string, "get_original_bytes") else bytes(string)
                for code in raw:
                    text = to_unicode.get(code)
                    assert text, (f"page {number + 1}: {base} draws code {code:#04x}, which stands for no "
                                  "character: one the font lacks, printed as its .notdef box")
                    glyph = _glyph_name(embedded, code)
                    for char in text:
                        where = f"page {number + 1}: {describe(char)} drawn with {base}"
                        assert glyph not in (None, ".notdef"), f"{where}, which has no glyph for it"
                        if _drawn(char):
                            assert embedded["glyf"][glyph].numberOfContours != 0, f"{where}, whose glyph is empty"
                        found.setdefault(base, set()).add(char)
    return found


def _to_unicode(cmap: str) -> dict[int, str]:
    """A ToUnicode CMap's single-byte codes and the text each stands for."""
    out: dict[int, str] = {}

    def text(hexa: str) -> str:
        return bytes.fromhex(hexa).decode("utf-16-be")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(code, 16)] = text(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int(dst, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                out[code] = chr(first + offset)
    return {code: value for code, value in out.items() if value != "\x00"}


def _glyph_name(font: Any, code: int) -> str | None:
    """The glyph an embedded subset font draws for a one-byte code, through any of its cmaps."""
    for table in font["cmap"].tables:
        for key in (code, 0xF000 + code):
            if key in table.cmap:
                return table.cmap[key]
    return None


# -- reading PDFs back ----------------------------------------------------------------

def pypdf_pages(pdf: bytes) -> list[str]:
    """Each page's text as pypdf extracts it, NFKC-folded (Arabic presentation forms → letters)."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [unicodedata.normalize("NFKC", page.extract_text()) for page in reader.pages]


def pdfium_pages(pdf: bytes) -> list[str]:
    """Each page's text as pdfium extracts it."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def glyphs(pdf: bytes, page: int) -> list[tuple[str, float, float]]:
    """Every character pdfium finds on a page, with the centre of its box."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        text = document[page].get_textpage()
        out = []
        for i in range(text.count_chars()):
            char = text.get_text_range(i, 1)
            left, bottom, right, top = text.get_charbox(i, loose=True)  # line-high boxes
            out.append((char, (left + right) / 2, (bottom + top) / 2))
        return out
    finally:
        document.close()


def top_level_lines(pdf: bytes, page: int) -> list[tuple[float, float, float, float]]:
    """Straight lines drawn in page coordinates (outside any q … cm … Q): the crop marks."""
    import pypdf
    from pypdf.generic import ContentStream

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    content = ContentStream(reader.pages[page].get_contents(), reader)
    depth, lines, start = 0, [], None
    for operands, operator in content.operations:
        if operator == b"q":
            depth += 1
        elif operator == b"Q":
            depth -= 1
        elif depth == 0 and operator == b"m":
            start = tuple(float(v) for v in operands)
        elif depth == 0 and operator == b"l" and start is not None:
            end = tuple(float(v) for v in operands)
            lines.append((start[0], start[1], end[0], end[1]))
    return lines


def fonts_in(pdf: bytes) -> list[dict[str, Any]]:
    """Every font dictionary in the document: base font, subtype, embedded font file keys."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for name, ref in (resources.get("/Font") or {}).items():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[str(font.get("/BaseFont"))] = {
                "subtype": str(font.get("/Subtype")),
                "files": sorted(k for k in descriptor if str(k).startswith("/FontFile")),
            }
    return [{"base": k, **v} for k, v in sorted(found.items())]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
