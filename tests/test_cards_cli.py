"""The `followup-kit cards` command and the demo's cards, through the real CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import followup_kit.compose
from followup_kit.cli import main
from followup_kit.workspace import Workspace

from cardkit import pypdf_pages

needs_composer = pytest.mark.skipif(not hasattr(followup_kit.compose, "compose_notes"),
                                    reason="compose_notes is not on this branch yet")

NORDWIND = "2026-11-19-nordwind-energie-onsite"


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_help_has_examples() -> None:
    """--help shows the options and an Examples block."""
    result = _run("cards", "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.output and "--size" in result.output and "--draft" in result.output


@pytest.mark.parametrize("args, words", [
    (["--size", "huge"], "card size: expected one of a2, a6, a7, iso-a6"),
    (["--sheet", "legal"], "Invalid value for '--sheet'"),
    (["--size", "9x12in", "--sheet", "letter"], "does not fit on US Letter"),
    (["--interview", "2026-01-01-nowhere"], "no interview file 2026-01-01-nowhere"),
])
def test_bad_options_exit_2_with_a_message(demo_ws: Workspace, tmp_path: Path, args: list[str], words: str) -> None:
    """A wrong size, sheet or interview id is bad input: exit 2, no traceback, no file."""
    out = tmp_path / "cards.pdf"
    result = _run("cards", str(demo_ws.root), "-o", str(out), *args)
    assert result.exit_code == 2
    assert words in result.output
    assert not out.exists()


@needs_composer
def test_cards_for_the_demo_workspace(demo_ws: Workspace, tmp_path: Path) -> None:
    """The demo's in-person interviews give one card per interviewer, ISO A6 on A4 for a German profile."""
    import pypdf

    out = tmp_path / "cards.pdf"
    result = _run("cards", str(demo_ws.root), "-o", str(out))
    assert result.exit_code == 0, result.output
    pdf = out.read_bytes()
    pages = pypdf_pages(pdf)
    for name in ("Małgorzata Wiśniewska", "Jürgen Weiß", "Sophie Laurent", "Σοφία Νικολάου", "Dimitris Georgiou"):
        assert name in pages[0]
    assert "Олена" not in pages[0]  # a video interview gets an email, not a card (R8)
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((595.28, 841.89), abs=0.5)


@needs_composer
def test_one_interview_on_card_pages(demo_ws: Workspace, tmp_path: Path) -> None:
    """--interview and --sheet card: only that interview's people, pages of the card's size."""
    import pypdf

    out = tmp_path / "one.pdf"
    result = _run("cards", str(demo_ws.root), "-o", str(out), "--interview", NORDWIND, "--size", "a7",
                  "--sheet", "card", "--quiet")
    assert result.exit_code == 0 and result.output == ""
    reader = pypdf.PdfReader(str(out))
    assert (float(reader.pages[-1].mediabox.width), float(reader.pages[-1].mediabox.height)) == \
        pytest.approx((360, 504), abs=0.5)
    text = "".join(pypdf_pages(out.read_bytes()))
    assert "Wiśniewska" in text and "Σοφία" not in text


@needs_composer
def test_unverified_name_refused_then_printed_as_draft(demo_ws: Workspace, tmp_path: Path) -> None:
    """An unchecked name stops the command (exit 2, naming the person); --draft prints it marked."""
    path = demo_ws.interview_path(NORDWIND)
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["interviewers"][1]["checked"]["name"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "cards.pdf"
    refused = _run("cards", str(path), "-o", str(out))
    assert refused.exit_code == 2
    assert "Jürgen Weiß" in refused.output and "name not verified" in refused.output
    assert not out.exists()
    drafted = _run("cards", str(path), "-o", str(out), "--draft")
    assert drafted.exit_code == 0
    assert "DRAFT" in "".join(pypdf_pages(out.read_bytes()))


def test_interview_without_cards_is_explained(demo_ws: Workspace, tmp_path: Path) -> None:
    """A phone screen has no card (R8): the command says so and exits 2."""
    if not hasattr(followup_kit.compose, "compose_notes"):
        pytest.skip("compose_notes is not on this branch yet")
    path = demo_ws.interview_path("2026-11-20-mekong-freight-labs-phone-screen")
    result = _run("cards", str(path), "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 2 and "no in-person interview" in result.output


@needs_composer
def test_demo_writes_the_cards(tmp_path: Path) -> None:
    """`followup-kit demo` builds cards.pdf among its outputs."""
    result = _run("demo", str(tmp_path / "demo"), "-o", str(tmp_path / "output"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "cards.pdf").read_bytes().startswith(b"%PDF-")
    assert "cards:" in result.output
