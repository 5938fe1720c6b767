"""The cards benchmark's baseline: bare reportlab drawing the kit's pages from finished texts.

    python bench/cards_bare.py INPUT.json OUTPUT.pdf

INPUT.json is written by bench/cards.py (texts, slots, fonts). This script imports
reportlab and nothing of the kit: it is what drawing these pages costs at least.
"""

from __future__ import annotations

import json
import sys

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

SMALL = 6.5


def main(source: str, target: str) -> None:
    with open(source, encoding="utf-8") as f:
        data = json.load(f)
    names = []
    for n, path in enumerate(data["fonts"]):
        pdfmetrics.registerFont(TTFont(f"Bare{n}", path))
        names.append(f"Bare{n}")
    maps = [pdfmetrics.getFont(name).face.charToGlyph for name in names]
    primary = names[0]

    plain = frozenset(map(chr, maps[0]))  # what the first font sets alone

    def runs(line):
        """``line`` in runs of the first font that has each character."""
        if plain.issuperset(line):
            return [(primary, line)]
        out, font, run = [], None, ""
        for ch in line:
            chosen = next((name for name, m in zip(names, maps) if ord(ch) in m), primary)
            if chosen != font and run:
                out.append((font, run))
                run = ""
            font, run = chosen, run + ch
        return out + [(font, run)] if run else out

    def measure(line, size):
        if plain.issuperset(line):
            return pdfmetrics.stringWidth(line, primary, size)
        return sum(pdfmetrics.stringWidth(run, font, size) for font, run in runs(line))

    def simpleSplit(line, _font, size, width):
        """reportlab's simpleSplit, measuring each run in its own font."""
        space, rows, row, row_width = measure(" ", size), [], "", 0.0
        for word in line.split():
            word_width = measure(word, size)
            if row and row_width + space + word_width > width:
                rows.append(row)
                row, row_width = "", 0.0
            row, row_width = (f"{row} {word}", row_width + space + word_width) if row else (word, word_width)
        return rows + [row] if row else rows

    def text(c, x, y, line, size):
        obj = c.beginText(x, y)
        for font, run in runs(line):
            obj.setFont(font, size)
            obj.textOut(run)
        c.drawText(obj)

    def paragraph(c, x, y, body, size, width, leading):
        for part in body.split("\n"):
            for row in simpleSplit(part, primary, size, width):
                text(c, x, y, row, size)
                y -= leading
        return y

    page_w, page_h = data["page"]
    card_w, card_h = data["card"]
    pad = max(18.0, min(card_w, card_h) * 0.07)
    text_w = card_w - 2 * pad
    c = Canvas(target, pagesize=(page_w, page_h), initialFontName=primary, pageCompression=1)

    def crop_marks():
        c.setLineWidth(0.3)
        for x0, y0, x1, y1 in data["crop_marks"]:
            c.line(x0, y0, x1, y1)

    # The checklist, each page followed by a blank back.
    margin = data["margin"]
    left, top, width = margin, page_h - margin, page_w - 2 * margin
    y = paragraph(c, left, top - 11, data["title"], 11, width, 14)
    y = paragraph(c, left, y, data["hint"], 7.5, width, 9.5) - 6
    for card in data["cards"]:
        name_rows = simpleSplit(card["name"], primary, 11, width - 17)
        title_rows = simpleSplit(card["title"], primary, 9, width - 17)
        detail_rows = simpleSplit(card["details"], primary, 7.5, width - 17)
        if y - (14 * len(name_rows) + 11 * len(title_rows) + 9.5 * len(detail_rows) + 8) < margin:
            c.showPage()
            c.showPage()
            y = top - 11
        c.rect(left, y - 1, 9, 9)
        for rows, size, step, lift in ((name_rows, 11, 14, 0), (title_rows, 9, 11, 2), (detail_rows, 7.5, 9.5, 2)):
            for row in rows:
                text(c, left + 17, y + lift, row, size)
                y -= step
        y -= 8
    c.showPage()
    c.showPage()

    # Fronts, then the backs of the same cards mirrored.
    per_page = len(data["fronts"])
    cards = data["cards"]
    for start in range(0, len(cards), per_page):
        page = cards[start:start + per_page]
        crop_marks()
        for matrix, card in zip(data["fronts"], page):
            c.saveState()
            c.transform(*matrix)
            y = paragraph(c, pad, card_h - 13 - SMALL, card["header"], SMALL, text_w, SMALL * 1.3)
            c.line(pad, y + SMALL * 1.3 - 4, card_w - pad, y + SMALL * 1.3 - 4)
            text(c, pad, 10, card["footer"], SMALL)
            y = y + SMALL * 1.3 - 10 - 13
            for block in card["note"].split("\n\n"):
                y = paragraph(c, pad, y, block, 13, text_w, 13 * 1.6) - 13 * 1.6
            c.restoreState()
        c.showPage()
        crop_marks()
        for matrix, card in zip(data["backs"], page):
            c.saveState()
            c.transform(*matrix)
            y = card_h - pad - 8
            for line in card["sender"]:
                y = paragraph(c, pad, y, line, 8, text_w * 0.7, 10)
            y = card_h * 0.55
            for line in card["address"]:
                y = paragraph(c, pad + text_w * 0.18, y, line, 11, text_w * 0.82, 11 * 1.35)
            paragraph(c, pad, 10 + SMALL * 1.3, card["tag"], SMALL, text_w, SMALL * 1.3)
            c.restoreState()
        c.showPage()
    c.save()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
