"""Fonts that cover every character to be printed, and text put in display order.

reportlab has no font fallback: a character outside the current font becomes a
silent box (or a gap). So every string is split into runs, each run set in an
embeddable TrueType font whose cmap (as reportlab reads it) holds all its
characters: the DejaVu Sans shipped inside the kit first (``data/fonts/``, with
its licence), then fonts that fontconfig knows (``fc-match``), or, without
fontconfig, the TrueType files in the usual font folders. A character no font
covers is a :class:`~followup_kit.errors.RenderError` naming it and the Debian
package to install, never a box.

Right-to-left text is shaped (arabic-reshaper, with only the lam-alef ligatures
the script requires, so a name's letters stay as written) and put in visual
order (python-bidi), after line breaking.

reportlab is imported inside the functions that use it, so
``import followup_kit`` stays light.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

from .errors import RenderError

# Characters whose direction is strongly right-to-left (Hebrew, Arabic, Syriac, Thaana,
# NKo, Samaritan, Mandaic and their presentation forms).
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
# Scripts whose letters must be reordered or fused into conjuncts by a shaping engine
# (Indic, Sinhala, Tibetan, Myanmar, Khmer, Mongolian, Balinese, Javanese…). Drawn glyph
# by glyph, as reportlab does, a name in them prints misspelt, so it is refused instead.
_COMPLEX = re.compile("[\u0900-\u0dff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u1800-\u18af"
                      "\u1a00-\u1aaf\u1b00-\u1b7f\ua8e0-\ua8ff\ua980-\ua9df\U00011000-\U000111ff]")
# Spaces, punctuation and digits borrow the font of the run they sit in.
_NEUTRAL_CATEGORIES = {"Zs", "Po", "Pd", "Ps", "Pe", "Pi", "Pf", "Pc", "Nd", "Sm", "Sc", "Sk", "So", "Cf"}
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad"}

#: Which Debian package to install for a character no installed font covers.
_PACKAGES: tuple[tuple[int, int, str], ...] = (
    (0x1100, 0x11FF, "fonts-nanum"), (0x3130, 0x318F, "fonts-nanum"), (0xA960, 0xA97F, "fonts-nanum"),
    (0xAC00, 0xD7FF, "fonts-nanum"),
    (0x2E80, 0x2FDF, "fonts-wqy-zenhei"), (0x3000, 0x30FF, "fonts-wqy-zenhei"),
    (0x3100, 0x312F, "fonts-wqy-zenhei"), (0x31F0, 0x9FFF, "fonts-wqy-zenhei"),
    (0xF900, 0xFAFF, "fonts-wqy-zenhei"), (0xFF00, 0xFFEF, "fonts-wqy-zenhei"),
    (0x20000, 0x3FFFF, "fonts-wqy-zenhei"),
    (0x1F000, 0x1FAFF, "fonts-symbola"),
)


def font_package(char: str) -> str:
    """The Debian package with a TrueType font for ``char``: CJK, Korean, else Noto."""
    code = ord(char)
    for low, high, package in _PACKAGES:
        if low <= code <= high:
            return package
    return "fonts-noto-core"


def describe(char: str) -> str:
    """``'ł' (U+0142 LATIN SMALL LETTER L WITH STROKE)``: a character named for people."""
    name = unicodedata.name(char, "unnamed character")
    return f"{char!r} (U+{ord(char):04X} {name})"


def dejavu_sans() -> Path:
    """DejaVu Sans as shipped inside the kit (``followup_kit/data/fonts/``, licence beside it)."""
    from .resources import font_file

    try:
        return font_file("DejaVuSans.ttf")
    except FileNotFoundError as exc:
        raise RenderError(str(exc)) from None


#: The name this had while the font came from matplotlib's copy (the same file).
matplotlib_dejavu = dejavu_sans


@dataclass(frozen=True)
class Face:
    """One embeddable TrueType face: file, index inside a .ttc, and the characters it maps.

    ``font`` is reportlab's parsed font: the characters come from the very cmap reportlab
    draws with, so a character counted as covered never prints as the font's empty box.
    """

    name: str
    path: Path
    index: int
    cmap: frozenset[int]
    font: Any = field(compare=False, repr=False)

    def covers(self, char: str) -> bool:
        return ord(char) in self.cmap


@lru_cache(maxsize=1)
def _font_class() -> type:
    """reportlab's TrueType font, with a quicker way to a text's subset codes once its
    characters have them (see :meth:`splitString`)."""
    from reportlab.pdfbase.ttfonts import TTFont

    class Font(TTFont):
        def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
            """What reportlab's own returns, found by one look-up a character (done in C) when
            every character of ``text`` already has its code in the first subset of ``doc``,
            as nearly all have after the first cards; reportlab's own loop (a dozen steps a
            character, in Python) otherwise, which also gives the new characters their codes."""
            state = self.state.get(doc) if isinstance(text, str) else None
            if state is not None:
                assignments = state.assignments
                try:
                    # reportlab sets a no-break space as a space (its code is never assigned)
                    codes = bytes([assignments[code] for code in map(ord, text.replace("\xa0", " "))])
                except (KeyError, ValueError):  # a new character, or one past the first subset
                    pass
                else:
                    return [(0, codes)] if codes else []
            return super().splitString(text, doc, encoding)

    return Font


@lru_cache(maxsize=None)
def load_face(path: str, index: int = 0) -> Face | None:
    """Parse a font with reportlab, or ``None`` if reportlab cannot embed it (CFF outlines,
    bitmaps only, embedding forbidden by its licence bits, a damaged table)."""
    stem = re.sub(r"[^A-Za-z0-9]+", "", Path(path).stem)
    name = f"FK-{stem}-{index}"
    try:
        font = _font_class()(name, path, subfontIndex=index)
    except Exception:  # TTFError mostly, but a damaged table can raise struct.error, IndexError…
        return None
    # A character mapped to glyph 0 would print as the missing-glyph box: not covered.
    cmap = frozenset(code for code, glyph in font.face.charToGlyph.items() if glyph)
    return Face(name, Path(path), index, cmap, font)


def _fontconfig_candidates(char: str) -> list[tuple[str, int]]:
    """Fonts fontconfig would use for ``char``, best first (empty without fontconfig)."""
    exe = shutil.which("fc-match")
    if exe is None:
        return []
    pattern = f"sans-serif:charset={ord(char):x}"
    if font_package(char) == "fonts-nanum":
        # Korean names look right in a Korean font rather than in a Chinese one that has Hangul.
        pattern = f"NanumGothic,NanumBarunGothic,sans-serif:charset={ord(char):x}:lang=ko"
    try:
        out = subprocess.run(
            [exe, "-s", "--format", "%{file}\t%{index}\t%{fontformat}\n", pattern],
            capture_output=True, text=True, timeout=20, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0] and (len(parts) < 3 or parts[2] in ("TrueType", "")):
            found.append((parts[0], int(parts[1] or 0)))
    return found


def _font_folders() -> list[Path]:
    """Where Windows, macOS and Linux keep fonts, the user's own included."""
    import os
    import sys

    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", "C:\\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windows / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    data = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), data / "fonts", home / ".fonts"]


@lru_cache(maxsize=1)
def _scanned_candidates() -> list[tuple[str, int]]:
    """Without fontconfig (Windows, some Macs): every TrueType file in the usual font folders."""
    found: set[str] = set()
    for folder in _font_folders():
        try:
            found.update(str(f) for f in folder.rglob("*") if f.suffix.lower() in (".ttf", ".ttc"))
        except OSError:
            continue
    return [(f, 0) for f in sorted(found)]


class FontSet:
    """The fonts a document may use, chosen per character, embedded when used.

    ``primary`` (default: the DejaVu Sans shipped with the kit) sets everything it covers;
    other characters go to the first embeddable system font that has them. With
    ``system=False`` only ``primary`` and ``extra`` are used, which makes a
    document independent of the machine's fonts.
    """

    def __init__(self, primary: Path | str | None = None, *, extra: Sequence[Path | str] = (),
                 system: bool = True):
        face = load_face(str(primary or dejavu_sans()))
        if face is None:
            raise RenderError(f"{primary}: not an embeddable TrueType font (.ttf with glyf outlines).")
        self.primary = face
        self.extra = [f for f in (load_face(str(p)) for p in extra) if f is not None]
        self.system = system
        self._by_char: dict[str, Face | None] = {}
        self._system: dict[str, list[Face]] = {}  # system faces found so far, by font package
        self._registered: set[str] = set()
        self._runs: dict[str, tuple[tuple[str, str], ...]] = {}
        self._widths: dict[str, float] = {}
        # Characters the primary face sets, as str, to test a whole text at once.
        self._primary_chars = frozenset(map(chr, face.cmap))
        # What check() skips or the primary face sets: text made only of these needs no look-up.
        self._plain = self._primary_chars | set("\n\r\t") | _INVISIBLE
        self._plain_ltr: frozenset[str] | None = None
        #: Layouts computed with these fonts (e.g. wrapped rows), kept by their callers
        #: under keys of their own: the same text is measured and wrapped once per document.
        self.layouts: dict[Any, Any] = {}

    # -- choosing -----------------------------------------------------------------

    def face_for(self, char: str) -> Face | None:
        """The face that sets ``char``, or ``None`` if no available font has it."""
        cached = self._by_char.get(char, False)
        if cached is not False:
            return cached  # type: ignore[return-value]
        found: Face | None = None
        for face in [self.primary, *self.extra]:
            if face.covers(char):
                found = face
                break
        if found is None and self.system:
            # A system face already chosen for a character of the same kind (Chinese, Korean…)
            # is asked first: fontconfig would name it again, and each question is a process.
            package = font_package(char)
            found = next((face for face in self._system.get(package, ()) if face.covers(char)), None)
            candidates = [] if found is not None else _fontconfig_candidates(char) or _scanned_candidates()
            for path, index in candidates:
                face = load_face(path, index)
                if face is not None and face.covers(char) and self._embeddable(face):
                    found = face
                    self._system.setdefault(package, []).append(face)
                    break
        self._by_char[char] = found
        return found

    def _embeddable(self, face: Face) -> bool:
        try:
            self.register(face)
        except RenderError:
            return False
        return True

    def check(self, text: str, where: str) -> None:
        """Raise :class:`RenderError` if any character of ``text`` has no font."""
        complex_script = _COMPLEX.search(text)
        if complex_script:
            char = complex_script.group()
            script = unicodedata.name(char, "this script").split()[0].title()
            raise RenderError(
                f"{where}: cannot print {text!r} correctly: {script} letters (such as {describe(char)}) "
                "must be reordered and joined by a text shaping engine, which the card renderer does not "
                "have, so the name would print misspelt. Copy this card from the interview file instead, "
                "or write the name in Latin letters as the person does on their business card."
            )
        if self._plain.issuperset(text):
            return
        for char in dict.fromkeys(text):
            if char in "\n\r\t" or char in _INVISIBLE:
                continue
            if self.face_for(char) is None:
                raise RenderError(
                    f"{where}: cannot print {describe(char)} in {text!r}: no installed font has it. "
                    f"Install a font for it (on Debian or Ubuntu: sudo apt install {font_package(char)}), "
                    "or correct the text if the character is a typo."
                )

    def left_to_right_primary(self, text: str) -> bool:
        """Whether the primary face sets every character of ``text`` and none is right-to-left:
        such a line is drawn as it is (no reordering), in one run of the primary face."""
        if self._plain_ltr is None:
            self._plain_ltr = frozenset(c for c in self._primary_chars if _RTL.match(c) is None)
        return self._plain_ltr.issuperset(text)

    def runs(self, text: str) -> tuple[tuple[str, str], ...]:
        """``text`` split into (reportlab font name, characters) runs, in the order given."""
        cached = self._runs.get(text)
        if cached is not None:
            return cached
        if self._primary_chars.issuperset(text):
            result: tuple[tuple[str, str], ...] = ((self.register(self.primary), text),) if text else ()
        else:
            result = tuple(self._split(text))
        self._runs[text] = result
        return result

    def _split(self, text: str) -> Iterable[tuple[str, str]]:
        chosen: list[Face | None] = []
        for char in text:
            if char in _INVISIBLE:
                chosen.append(None)
                continue
            face = self.face_for(char)
            if face is None:
                self.check(char, "text")
            chosen.append(face)
        # A space or comma inside a run of another script stays in that run's font,
        # so that a Chinese name is not cut into three runs by its spaces.
        previous: Face | None = None  # the face of the last character that has one
        for i, char in enumerate(text):
            if previous is not None and unicodedata.category(char) in _NEUTRAL_CATEGORIES \
                    and previous.covers(char):
                chosen[i] = previous
            elif chosen[i] is not None:
                previous = chosen[i]
        run_face: Face | None = None
        run = ""
        for char, face in zip(text, chosen):
            if face is None:
                continue  # zero-width controls are not drawn
            if face is not run_face and run:
                yield self.register(run_face), run  # type: ignore[arg-type]
                run = ""
            run_face = face
            run += char
        if run:
            yield self.register(run_face), run  # type: ignore[arg-type]

    # -- measuring and registering ---------------------------------------------------

    def width(self, text: str, size: float) -> float:
        """The width of ``text`` at ``size`` points, summed over its runs."""
        return self.unit_width(text) * size / 1000.0

    def unit_widths(self, texts: Sequence[str]) -> list[float]:
        """:meth:`unit_width` of each text (the words of a line, measured in one go)."""
        known = self._widths
        return [known[text] if text in known else self.unit_width(text) for text in texts]

    def unit_width(self, text: str) -> float:
        """The width of ``text`` at 1000 points; ``width`` is this times ``size / 1000``."""
        unit = self._widths.get(text)
        if unit is None:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            if text and self._primary_chars.issuperset(text):  # one run: no need to keep its runs
                unit = stringWidth(text, self.primary_name, 1000.0)
            else:
                unit = sum(stringWidth(run, font, 1000.0) for font, run in self.runs(text))
            self._widths[text] = unit
        return unit

    def register(self, face: Face) -> str:
        """Register ``face`` with reportlab (embedded, subset) and return its font name."""
        if face.name in self._registered:
            return face.name
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError

        # Not getFont(): for a name it does not know, it searches the disk for Type 1 fonts first.
        if face.name not in pdfmetrics.getRegisteredFontNames():
            try:
                pdfmetrics.registerFont(face.font)
            except (TTFError, OSError, ValueError) as exc:
                raise RenderError(f"{face.path}: reportlab cannot embed this font ({exc}).") from exc
        self._registered.add(face.name)
        return face.name

    @property
    def primary_name(self) -> str:
        return self.register(self.primary)


# -- right-to-left ----------------------------------------------------------------------

def has_rtl(text: str) -> bool:
    """Whether ``text`` holds right-to-left letters."""
    return _RTL.search(text) is not None


@lru_cache(maxsize=1)
def _reshaper():
    import arabic_reshaper

    # Keep every character of a name (no deleted harakat) and only the mandatory
    # lam-alef ligatures: a word ligature such as ALLAH would change how a name looks.
    return arabic_reshaper.ArabicReshaper(configuration={
        "delete_harakat": False,
        "support_ligatures": True,
        "ARABIC LIGATURE ALLAH": False,
    })


def shape(text: str) -> str:
    """Arabic letters in their joined forms (presentation forms), still in logical order."""
    if _ARABIC.search(text) is None:
        return text
    if "\u200d" in text:  # the reshaper drops a joiner wherever it stands: shaped whole
        return _reshaped(text)
    # Letters join only within a word (no space joins, and the only ligatures kept are lam-alef),
    # so each word is shaped on its own: a name once, however many lines of small print hold it.
    return _ARABIC_WORD.sub(_reshaped_word, text)


_ARABIC_WORD = re.compile(r"\S*[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]\S*")


def _reshaped_word(match: re.Match[str]) -> str:
    return _reshaped(match.group())


@lru_cache(maxsize=4096)
def _reshaped(text: str) -> str:
    return _reshaper().reshape(text)


def base_direction(text: str) -> str:
    """'R' if the first strong letter of ``text`` is right-to-left, else 'L' (UAX #9 P2)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return "L"


def visual(text: str, base: str = "L") -> str:
    """One line in left-to-right drawing order (python-bidi); unchanged if it has no RTL letters."""
    if not has_rtl(text):
        return text
    from bidi import get_display

    # python-bidi leaves each vowel mark just before its letter in drawing order; that is
    # what the fonts expect (a zero-width mark is drawn over the glyph that follows it).
    return get_display(text, base_dir=base)


def nfc(text: str) -> str:
    """Unicode NFC: one spelling for 'Dvořák' however it was typed."""
    return unicodedata.normalize("NFC", text)


__all__ = ["Face", "FontSet", "base_direction", "dejavu_sans", "describe", "font_package", "has_rtl",
           "load_face", "matplotlib_dejavu", "nfc", "shape", "visual"]
