"""Helpers for the card tests: records built in code, and PDFs read back with pypdf/pypdfium2."""

from __future__ import annotations

import io
import re
import unicodedata
from typing import Any

from followup_kit.compose import Note
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
