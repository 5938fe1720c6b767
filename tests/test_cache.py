"""What the kit keeps between runs: rebuilt when missing or damaged, never an error."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from followup_kit import cache, dictionary


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own, and the dictionary read afresh (and afterwards)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("FOLLOWUP_KIT_CACHE", str(folder))
    cache.cache_dir.cache_clear()
    dictionary._english.cache_clear()
    yield folder
    cache.cache_dir.cache_clear()
    dictionary._english.cache_clear()


def _json_words() -> set[str]:
    import gzip

    return set(json.loads(gzip.decompress(dictionary._stored())))


def test_the_cache_folder_is_made_for_the_user_alone(own_cache: Path) -> None:
    assert cache.cache_dir() == own_cache
    assert stat.S_IMODE(own_cache.stat().st_mode) == 0o700


def test_the_dictionary_s_words_are_read_from_the_kept_list(own_cache: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The first run parses pyspellchecker's JSON and keeps the words; the next reads them
    from that list alone, and they are the same words."""
    first = dictionary._english()
    (kept,) = own_cache.glob("english-words-*.txt")
    dictionary._english.cache_clear()
    monkeypatch.setattr(dictionary, "_parsed", lambda data: pytest.fail("parsed the JSON again"))
    again = dictionary._english()
    assert isinstance(again, dictionary.SortedWords) and set(again) == set(first) == _json_words()
    assert dictionary.known("roadmap") and dictionary.known("colour") and not dictionary.known("evry")


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_damaged_word_list_is_read_again_from_the_dictionary(own_cache: Path, damage: str) -> None:
    """A list cut short or overwritten is noticed (the digest in its first line), not believed."""
    dictionary._english()
    (kept,) = own_cache.glob("english-words-*.txt")
    whole = kept.read_bytes()
    kept.write_bytes({"truncated": whole[: len(whole) // 2], "garbage": b"\x00\xff" * 50, "empty": b""}[damage])
    dictionary._english.cache_clear()
    assert set(dictionary._english()) == _json_words()
    assert kept.read_bytes() == whole  # and kept whole again


def test_a_cache_that_cannot_be_made_changes_nothing(tmp_path: Path) -> None:
    """With the cache folder's place taken by a file, a run works and says nothing of it."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = {**os.environ, "FOLLOWUP_KIT_CACHE": str(blocker / "cache")}
    code = ("from followup_kit import cache, dictionary, templating\n"
            "assert cache.cache_dir() is None\n"
            "assert templating.environment().bytecode_cache is None\n"
            "assert dictionary.known('roadmap') and not dictionary.known('evry')\n"
            "print(templating.get_template('card.j2').name)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "card.j2", done.stderr
    assert done.stderr == "" and blocker.read_text() == "not a folder"


def test_writing_to_the_cache_leaves_no_temporary_file(own_cache: Path) -> None:
    cache.write("x.txt", b"one")
    cache.write("x.txt", b"two")
    assert cache.read("x.txt") == b"two"
    assert sorted(p.name for p in own_cache.iterdir()) == ["x.txt"]


def test_a_list_changed_by_hand_is_not_believed(own_cache: Path) -> None:
    """A word added to the kept list (or one taken out) does not become known (or unknown)."""
    dictionary._english()
    (kept,) = own_cache.glob("english-words-*.txt")
    whole = kept.read_bytes()
    kept.write_bytes(whole.replace(b"\nevery\n", b"\nevery\nevry\n", 1))
    dictionary._english.cache_clear()
    assert "evry" not in dictionary._english() and "every" in dictionary._english()


def test_a_list_for_another_dictionary_version_is_replaced(own_cache: Path) -> None:
    """The list kept for an earlier pyspellchecker is deleted once the current one is written."""
    own_cache.mkdir(parents=True, exist_ok=True)
    (own_cache / "english-words-0123456789abcdef.txt").write_text("from an older version")
    (own_cache / "other.txt").write_text("not ours to delete")
    dictionary._english()
    assert len(list(own_cache.glob("english-words-*.txt"))) == 1
    assert not (own_cache / "english-words-0123456789abcdef.txt").exists()
    assert (own_cache / "other.txt").read_text() == "not ours to delete"
