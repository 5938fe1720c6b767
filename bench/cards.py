"""Benchmark: 1,000 cards through followup-kit vs a bare reportlab script, as a ratio in one run.

The baseline draws the same text (header, note wrapped with reportlab's simpleSplit,
footer) on card-sized pages with the same embedded TrueType font (matplotlib's
DejaVu Sans), and nothing else: no coverage checks, no bidi, no fitting. The kit
runs ``render_cards`` with one card per page, no checklist and no backs, so both
produce the same number of pages. Target: the kit at most 1.5× the baseline.

    python bench/cards.py [COUNT]
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from cardkit import PROFILE, interview, person  # noqa: E402

from followup_kit.cards import render_cards  # noqa: E402
from followup_kit.compose import Note  # noqa: E402
from followup_kit.fonts import FontSet, matplotlib_dejavu  # noqa: E402

NAMES = ["Ana Dvořák", "Małgorzata Wiśniewska", "Jürgen Weiß", "Nguyễn Thị Hương", "Γεώργιος Παπαδόπουλος",
         "Олександр Шевченко", "Ayşe Yılmaz", "Sophie Laurent"]
BODY = ("Thank you for taking the time to meet with me on Thursday about the Data Engineer role. Our "
        "conversation about moving the telemetry pipeline to streaming has stayed with me, as has what you "
        "said about how the platform team shares on-call.\n\nI am very excited about the role and the team, "
        "and I look forward to the next steps.\n\nKind regards,\nLena Hoffmann")


def notes(count: int):
    iv = interview([person(name) for name in NAMES])
    people = iv.interviewers
    return iv, [Note(iv.id, people[i % len(people)], "card",
                     f"Dear {people[i % len(people)].name.split()[0]},\n\n{BODY} ({i})") for i in range(count)]


def kit(count: int) -> bytes:
    iv, batch = notes(count)
    return render_cards(batch, PROFILE, [iv], size="a6", sheet="card", checklist=False, backs="none",
                        invariant=True, fonts=FontSet())


def bare(count: int) -> bytes:
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(TTFont("BareDejaVu", str(matplotlib_dejavu())))
    iv, batch = notes(count)
    width, height = 4.5 * 72, 6.25 * 72
    out = io.BytesIO()
    c = Canvas(out, pagesize=(width, height), invariant=1, initialFontName="BareDejaVu")
    for note in batch:
        c.setFont("BareDejaVu", 6.5)
        c.drawString(22, height - 20, f"To {note.interviewer.name}, {note.interviewer.title} · verified on "
                                      "business card · mail by Fri 20 Nov")
        y = height - 45
        c.setFont("BareDejaVu", 13)
        for paragraph in note.text.split("\n\n"):
            for line in paragraph.split("\n"):
                for row in simpleSplit(line, "BareDejaVu", 13, width - 44):
                    c.drawString(22, y, row)
                    y -= 13 * 1.6
            y -= 13 * 1.6
        c.setFont("BareDejaVu", 6.5)
        c.drawString(22, 10, "Acme Analytics GmbH · Thu 19 Nov · US A6 (4.5 × 6.25 in)")
        c.showPage()
    return c.getpdfdata()


def timed(function, count: int, repeat: int = 3) -> tuple[float, int]:
    best, size = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = len(function(count))
        best = min(best, time.perf_counter() - start)
    return best, size


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    kit(10), bare(10)  # warm up: font registration, imports
    base_time, base_size = timed(bare, count)
    kit_time, kit_size = timed(kit, count)
    print(f"{count} cards, best of 3")
    print(f"  bare reportlab: {base_time:6.2f} s  {base_size / 1e6:5.2f} MB")
    print(f"  followup-kit:   {kit_time:6.2f} s  {kit_size / 1e6:5.2f} MB")
    print(f"  ratio kit/bare: {kit_time / base_time:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
