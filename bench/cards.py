"""Benchmark: ``followup-kit cards`` on 1,000 cards vs a bare reportlab script, both as processes.

The kit is the whole command, ``python -m followup_kit cards WORKSPACE -o FILE -q``:
the interpreter, the imports, loading and validating the interview files,
composing every note, checking fonts, laying out and writing the PDF. The
workspace holds made-up in-person interviews (``followup_kit.sample``) with
1,000 interviewers between them, names in several scripts.

The baseline is ``bench/cards_bare.py``, a process that imports reportlab only
and draws the same pages from the finished texts: the checklist pages (with a
blank back each, as the kit prints them for duplex), every card front (small
print, rule, the note wrapped with reportlab's ``simpleSplit``, footer) in the
kit's slots on the kit's sheets, and every back (return address, recipient
address, tag), with crop marks, in the same fonts. The texts, slots and fonts
are prepared beforehand (not timed) with the kit's own wording and geometry, so
both processes print the same words on the same number of pages. Right-to-left
names reach the baseline already shaped and in drawing order.

With ``--split``, a third process is timed as often: the same command's work through
``Session.cards_pdf``, reporting the CPU time of ``render_cards`` alone (laying out and
drawing the composed notes), so the rest is start-up, loading and composing.

Both run alternately ``repeat`` times (7), after one untimed run each, with their bytecode
kept between runs (as pip leaves it in an installed kit; here in a temporary folder, even
where ``PYTHONDONTWRITEBYTECODE`` is set), and the fastest run of each is compared:
CPU time (user + system, children such as ``fc-match`` included), which other work on
a shared machine disturbs less than wall time, and wall time too. As a slow spell of a
shared machine can last minutes and so spoil every run of one side, the median ratio of
the pairs (each kit run and the baseline run right after it) is printed as well. The
kit's cache folder (compiled templates, the dictionary's words) is filled by the untimed
run, as by any first run. Target: the kit at most 1.5x the baseline.

    python bench/cards.py [COUNT] [--split]
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BARE = HERE / "cards_bare.py"


def make_workspace(root: Path, count: int = 1000) -> Path:
    """A workspace of made-up in-person interviews holding ``count`` interviewers in all."""
    from followup_kit.model import Interview
    from followup_kit.sample import sample_interview_record, sample_profile
    from followup_kit.workspace import Workspace

    workspace = Workspace.create(root, sample_profile())
    cards, i = 0, 0
    while cards < count:
        record = sample_interview_record(i)
        i += 1
        record["medium"] = "in-person"
        record["interviewers"] = record["interviewers"][: count - cards]
        cards += len(record["interviewers"])
        workspace.save(Interview.from_record(record))
    return root


def bare_input(root: Path) -> dict:
    """Everything the baseline draws, as the kit words and places it (prepared, not timed)."""
    from followup_kit import cards as kit
    from followup_kit.compose import compose_notes
    from followup_kit.fonts import FontSet, nfc, shape, visual
    from followup_kit.geometry import CardSize, Layout
    from followup_kit.workspace import Workspace

    workspace = Workspace(root)
    profile = workspace.profile()
    size, sheet = kit.default_size_and_sheet(profile)
    card_size, layout = CardSize.parse(size), Layout.build(size, sheet)
    interviews = workspace.interviews().interviews
    notes = [n for i in interviews for n in compose_notes(profile, i) if n.medium == "card"]
    cards = kit._cards_for(notes, profile, interviews)
    fonts = FontSet()

    def shown(text: str) -> str:  # the baseline gets right-to-left text ready to draw
        return visual(shape(nfc(text)))

    used = {fonts.primary.path: None}
    for card in cards:
        for char in nfc(card.person.name + card.interview.company + card.note.text):
            face = fonts.face_for(char)
            if face is not None:
                used.setdefault(face.path, None)
    per_card = []
    for card in cards:
        person = card.person
        verified = kit._say("verified_on", person.checked.name, person.checked.title, bool(person.title))
        lines, source = card.address()
        per_card.append({
            "name": shown(person.name), "title": shown(person.title or ""),
            "details": shown(kit._say("checklist_details", verified, nfc(card.interview.company),
                                      kit._day(card.interview.start.date()), kit._day(card.mail_by),
                                      card_size.label)),
            "header": shown(kit._header(card, False)),
            "note": shown(card.note.text),
            "footer": shown(kit._say("footer", nfc(card.interview.company), kit._day(card.interview.start.date()),
                                     card_size.label, 1, 1)),
            "sender": [shown(line) for line in card.sender()],
            "address": [shown(line) for line in lines],
            "tag": shown(kit._say("back_tag", nfc(person.name), kit._say("address_source", source))),
        })
    return {
        "fonts": [str(path) for path in used],
        "page": [layout.page_width, layout.page_height],
        "card": [card_size.width, card_size.height],
        "fronts": [slot.transform(card_size) for slot in layout.fronts],
        "backs": [slot.transform(card_size) for slot in layout.backs],
        "crop_marks": layout.crop_marks,
        "margin": max(layout.margin, min(layout.page_width, layout.page_height) * 0.07),
        "title": shown(kit._say("checklist_title", len(cards))),
        "hint": kit._say("checklist_hint"),
        "cards": per_card,
    }


#: The cards command's work in one process, printing the CPU time of render_cards alone.
_RENDER_ONLY = """
import sys, time
from followup_kit import cards
from followup_kit.session import Session

render, spent = cards.render_cards, []

def timed(*args, **kwargs):
    start = time.process_time()
    try:
        return render(*args, **kwargs)
    finally:
        spent.append(time.process_time() - start)

cards.render_cards = timed
Session.open(sys.argv[1]).cards_pdf()
print(sum(spent))
"""


def _env(cache: Path) -> dict[str, str]:
    """The environment of the timed processes: Python keeps the bytecode it compiles (in
    ``cache``), as an installed kit has it from pip, even where PYTHONDONTWRITEBYTECODE is set."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def _run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one process, in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, cwd=REPO, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(count: int = 1000, repeat: int = 7, split: bool = False) -> dict:
    """The fastest of ``repeat`` runs of the kit's command and of the baseline script, run alternately.

    ``kit`` and ``bare`` are CPU times (user + system), which other work on the
    machine disturbs less than wall time; ``kit_wall`` and ``bare_wall`` are wall times;
    ``paired`` is the median ratio of the CPU times of each kit run and the baseline run after it.
    With ``split``, ``render`` is the fastest CPU time of ``render_cards`` alone in such a process.
    """
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        root = make_workspace(Path(tmp) / "workspace", count)
        data = Path(tmp) / "bare.json"
        data.write_text(json.dumps(bare_input(root), ensure_ascii=False), "utf-8")
        kit_pdf, bare_pdf = Path(tmp) / "kit.pdf", Path(tmp) / "bare.pdf"
        kit_argv = [python, "-m", "followup_kit", "cards", str(root), "-o", str(kit_pdf), "-q"]
        bare_argv = [python, str(BARE), str(data), str(bare_pdf)]
        env = _env(Path(tmp) / "bytecode")
        _run(kit_argv, env), _run(bare_argv, env)  # untimed: compiles the bytecode both then reuse
        kit_times, bare_times, render_times = [], [], []
        for _ in range(repeat):
            kit_times.append(_run(kit_argv, env))
            bare_times.append(_run(bare_argv, env))
            if split:
                render_times.append(float(subprocess.run(
                    [python, "-c", _RENDER_ONLY, str(root)], check=True, capture_output=True, text=True,
                    cwd=REPO, env=env).stdout))
        kit_pages = kit_pdf.read_bytes().count(b"/Type /Page\n")
        bare_pages = bare_pdf.read_bytes().count(b"/Type /Page\n")
    assert kit_pages == bare_pages, f"the baseline must print as many pages ({bare_pages}) as the kit ({kit_pages})"
    result = {"count": count, "pages": kit_pages, "repeat": repeat,
              "kit": min(t[1] for t in kit_times), "bare": min(t[1] for t in bare_times),
              "kit_wall": min(t[0] for t in kit_times), "bare_wall": min(t[0] for t in bare_times),
              # Each kit run against the baseline run right after it: a slow spell of the machine
              # (which can last minutes on a shared one) then slows both sides of a pair alike.
              "paired": statistics.median(k[1] / b[1] for k, b in zip(kit_times, bare_times))}
    if split:
        result["render"] = min(render_times)
    return result


def main() -> None:
    args = [arg for arg in sys.argv[1:] if arg != "--split"]
    count = int(args[0]) if args else 1000
    result = measure(count, split="--split" in sys.argv[1:])
    print(f"{count} cards, {result['pages']} pages, fastest of {result['repeat']} processes each "
          "(CPU time; wall time)")
    print(f"  bare reportlab script: {result['bare']:6.2f} s  {result['bare_wall']:6.2f} s")
    print(f"  followup-kit cards:    {result['kit']:6.2f} s  {result['kit_wall']:6.2f} s")
    if "render" in result:
        print(f"    of which render_cards: {result['render']:4.2f} s (CPU time, fastest); the rest is "
              "start-up, loading and composing")
    print(f"  ratio kit/bare:        {result['kit'] / result['bare']:.2f}x  "
          f"{result['kit_wall'] / result['bare_wall']:.2f}x (target <= 1.5x)")
    print(f"  median ratio of the {result['repeat']} pairs (each kit run and the baseline run after it): "
          f"{result['paired']:.2f}x (CPU time)")


if __name__ == "__main__":
    main()
