"""The workspace: loading, listing, atomic saves, conflicts and ids."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from followup_kit import ConflictError, InvalidFileError, Workspace, WorkspaceError, replace
from followup_kit.sample import sample_interview_record, sample_profile
from followup_kit.workspace import locate, slug, write_atomic


def test_fixture_workspace_loads_as_it_is(fixture_dir: Path) -> None:
    """Every file of the suite's workspace is valid and keeps its id (the file's stem)."""
    listing = Workspace.open(fixture_dir).interviews()
    assert not listing.invalid
    assert [i.id for i in listing] == [
        "2026-11-20-lakeshore-metrics-onsite",
        "2026-11-23-meridian-freight-phone-screen",
        "2026-11-24-cobalt-video",
    ]


def test_demo_workspace_is_valid(demo_ws: Workspace) -> None:
    """The bundled demo has several valid interviews and a valid profile."""
    demo_ws.profile()
    listing = demo_ws.interviews()
    assert not listing.invalid and len(listing.interviews) >= 4
    assert {i.medium for i in listing} == {"phone", "video", "in-person"}
    assert {i.timeline.kind for i in listing} >= {"date", "within", "few-days"}


def test_save_round_trips_the_record(fixture_ws: Workspace) -> None:
    """A loaded interview saved unchanged loads back equal."""
    interview = fixture_ws.load("2026-11-20-lakeshore-metrics-onsite")
    fixture_ws.save(interview)
    assert fixture_ws.load(interview.id) == interview


def test_save_keeps_previous_version_as_bak(fixture_ws: Workspace) -> None:
    """Saving keeps the file as it was before as <id>.json.bak."""
    path = fixture_ws.interview_path("2026-11-24-cobalt-video")
    before = path.read_bytes()
    interview = fixture_ws.load("2026-11-24-cobalt-video")
    fixture_ws.save(replace(interview, role="Senior BI Developer"))
    assert path.with_name(path.name + ".bak").read_bytes() == before
    assert json.loads(path.read_text("utf-8"))["role"] == "Senior BI Developer"


def test_failed_replace_leaves_old_file_intact(fixture_ws: Workspace, monkeypatch) -> None:
    """If os.replace fails mid-save, the old file is whole and no temp file is left."""
    path = fixture_ws.interview_path("2026-11-24-cobalt-video")
    before = path.read_bytes()
    interview = fixture_ws.load("2026-11-24-cobalt-video")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(WorkspaceError, match="No space left on device") as caught:
        fixture_ws.save(replace(interview, role="Changed"))
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_file_changed_on_disk_is_not_overwritten(fixture_ws: Workspace) -> None:
    """Two sessions on one interview: the second save is refused, the first edit kept."""
    interview_id = "2026-11-24-cobalt-video"
    mine = Workspace(fixture_ws.root)
    theirs = Workspace(fixture_ws.root)
    my_copy = mine.load(interview_id)
    their_copy = theirs.load(interview_id)
    theirs.save(replace(their_copy, role="Their edit"))
    saved = fixture_ws.interview_path(interview_id).read_bytes()
    with pytest.raises(ConflictError, match="changed on disk since it was loaded") as caught:
        mine.save(replace(my_copy, role="My edit"))
    assert "Load the file again" in str(caught.value)
    assert fixture_ws.interview_path(interview_id).read_bytes() == saved


def test_new_interview_never_replaces_existing_file(fixture_ws: Workspace) -> None:
    """Saving a new interview gets a fresh id instead of overwriting one with the same name."""
    interview = fixture_ws.load("2026-11-24-cobalt-video")
    fresh = Workspace(fixture_ws.root).save(interview.with_id(""))
    assert fresh.name == "2026-11-24-cobalt-ledger-first-round.json"
    again = Workspace(fixture_ws.root).save(interview.with_id(""))
    assert again.name == "2026-11-24-cobalt-ledger-first-round-2.json"


def test_saving_as_new_over_unloaded_file_is_refused(fixture_ws: Workspace) -> None:
    """An explicit id that names a file this session never loaded is not overwritten."""
    interview = fixture_ws.load("2026-11-24-cobalt-video")
    other = Workspace(fixture_ws.root)
    with pytest.raises(ConflictError, match="already exists"):
        other.save(interview, new=True)


def test_invalid_file_does_not_hide_the_others(fixture_ws: Workspace) -> None:
    """Listing returns the valid interviews and reports the invalid one."""
    fixture_ws.interview_path("2026-12-01-broken").write_text('{"format": "followup-kit/interview@1"}')
    listing = fixture_ws.interviews()
    assert len(listing.interviews) == 3
    assert len(listing.invalid) == 1 and "2026-12-01-broken.json" in str(listing.invalid[0])
    assert isinstance(listing.invalid[0], InvalidFileError)


@pytest.mark.parametrize(
    ("company", "expected"),
    [
        ("Acme Analytics", "acme-analytics"),
        ("Nordwind Energie GmbH", "nordwind-energie"),
        ("Café Łódź & Co.", "cafe-lodz"),
        ("Straßenbahn Köln AG", "strassenbahn-koln"),
        ("Initech, Inc.", "initech"),
    ],
)
def test_slug(company: str, expected: str) -> None:
    """Ids are readable ASCII; legal suffixes are dropped."""
    assert slug(company) == expected


def test_locate_an_interview_file(fixture_ws: Workspace) -> None:
    """PATH may be one interview file inside a workspace."""
    workspace, ids = locate(fixture_ws.interview_path("2026-11-24-cobalt-video"))
    assert workspace.root == fixture_ws.root and ids == ["2026-11-24-cobalt-video"]


def test_locate_refuses_a_folder_without_profile(tmp_path: Path) -> None:
    """A folder that is not a workspace is named, with what to do."""
    with pytest.raises(WorkspaceError, match="no profile.json"):
        locate(tmp_path)


def test_write_atomic_creates_parent_folders(tmp_path: Path) -> None:
    """Output files land in folders that do not exist yet."""
    path = write_atomic(tmp_path / "output" / "cards" / "x.txt", b"data")
    assert path.read_bytes() == b"data"


def test_replace_with_bad_value_says_so_in_plain_words(fixture_ws: Workspace) -> None:
    """Editing a record in code gets the same plain-words error as a file, naming the file."""
    interview = fixture_ws.load("2026-11-24-cobalt-video")
    with pytest.raises(InvalidFileError, match=r"interviews/2026-11-24-cobalt-video.json: medium: expected one of"):
        replace(interview, medium="zoom")


def test_text_is_stored_in_nfc_however_the_file_writes_it(tmp_path: Path) -> None:
    """A name typed with a combining accent, written as it is or as a JSON escape, is read in
    NFC (composed); a file whose text is NFC already is read as written."""
    import unicodedata

    workspace = Workspace.create(tmp_path / "ws", sample_profile())
    record = sample_interview_record(0)
    record["interviewers"][0]["name"] = "Zoe\u0308 Dvor\u030ca\u0301k"  # decomposed
    composed = unicodedata.normalize("NFC", record["interviewers"][0]["name"])
    folder = workspace.root / "interviews"
    folder.mkdir(exist_ok=True)
    (folder / "literal.json").write_bytes(json.dumps(record, ensure_ascii=False).encode("utf-8"))
    (folder / "escaped.json").write_bytes(json.dumps(record, ensure_ascii=True).encode("utf-8"))
    record["interviewers"][0]["name"] = composed
    (folder / "composed.json").write_bytes(json.dumps(record, ensure_ascii=False).encode("utf-8"))
    listing = workspace.interviews()
    assert not listing.invalid
    assert {i.id: i.interviewers[0].name for i in listing.interviews} == {
        "literal": composed, "escaped": composed, "composed": composed}



def test_reading_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    """The collector is paused while the files are read, and on again after, also when a
    file is broken; a caller that had paused it finds it paused still."""
    import gc

    workspace = Workspace.create(tmp_path / "ws", sample_profile())
    (workspace.root / "interviews").mkdir(exist_ok=True)
    (workspace.root / "interviews" / "broken.json").write_text("{", "utf-8")
    assert gc.isenabled()
    assert len(workspace.interviews().invalid) == 1
    assert gc.isenabled()
    gc.disable()
    try:
        workspace.interviews()
        assert not gc.isenabled()
    finally:
        gc.enable()


def _reported_size(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    """Every stat of a file says ``size`` bytes: as if the file grew after it was looked at."""
    real = Path.stat

    def stat(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        info = real(self, *args, **kwargs)
        return os.stat_result((info.st_mode, info.st_ino, info.st_dev, info.st_nlink, info.st_uid,
                               info.st_gid, size, info.st_atime, info.st_mtime, info.st_ctime))

    monkeypatch.setattr(Path, "stat", stat)


def test_a_file_that_grows_while_it_is_read_is_read_whole_or_refused(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A file read just as it grows is read to its end while within the limit, else refused by name."""
    from followup_kit.workspace import read_bytes

    path = tmp_path / "grown.json"
    path.write_bytes(b"x" * 100)
    _reported_size(monkeypatch, 10)
    assert read_bytes(path, limit=200) == b"x" * 100
    assert read_bytes(path, limit=100) == b"x" * 100
    with pytest.raises(WorkspaceError, match=r"grown\.json: is more than 50 bytes now; .* at most 50"):
        read_bytes(path, limit=50)
