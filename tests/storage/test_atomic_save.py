"""Saving is atomic: a failed save raises SaveError, leaves the old file byte-identical and the
folder free of temp files; a good save keeps the previous version as NAME.bak."""

import errno
import os
import stat

import pytest
from pydantic import ValidationError

from vscdesk.model import DocumentModel
from vscdesk.storage import SaveError, backup_path, dumps, load, save

pytestmark = pytest.mark.posix


@pytest.fixture
def saved(tmp_path, doc):
    """A folder holding one saved document: (path, its bytes)."""
    path = tmp_path / "it.vsc.json"
    save(doc, path)
    return path, path.read_bytes()


def _edited(doc: DocumentModel) -> DocumentModel:
    return doc.model_copy(update={"title": "Edited"})


def _names(folder) -> list[str]:
    return sorted(os.listdir(folder))


def test_first_save_writes_only_the_file(tmp_path, doc):
    path = tmp_path / "new.vsc.json"
    assert save(doc, path) == path
    assert _names(tmp_path) == ["new.vsc.json"]
    assert path.read_text(encoding="utf-8") == dumps(doc)


def test_saving_again_keeps_the_previous_version_as_bak(saved, doc):
    path, before = saved
    save(_edited(doc), path)
    assert _names(path.parent) == ["it.vsc.json", "it.vsc.json.bak"]
    assert backup_path(path).read_bytes() == before
    assert load(path).title == "Edited"
    save(doc, path)
    assert load(backup_path(path)).title == "Edited"  # .bak is always the version before


def test_permissions_of_the_old_file_are_kept(saved, doc):
    path, _ = saved
    path.chmod(0o640)
    save(_edited(doc), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def _fail(errno_: int, only_to: str | None = None):
    """A replacement for an os function that fails (for ``only_to``: when its last argument
    names that file) and otherwise does what the real one does."""
    real = {}

    def failing(*args, **kwargs):
        if only_to is None or os.path.basename(args[-1]) == only_to:
            raise OSError(errno_, os.strerror(errno_))
        return real["fn"](*args, **kwargs)

    def bind(name):
        real["fn"] = getattr(os, name)
        return failing
    failing.bind = bind
    return failing


@pytest.mark.parametrize("function, errno_, only_to, reason", [
    ("write", errno.ENOSPC, None, "the disk is full"),
    ("fsync", errno.EIO, None, "the disk reported an input/output error"),
    ("open", errno.EACCES, None, "permission denied"),
    ("replace", errno.EROFS, "it.vsc.json", "the disk is read-only"),
    ("replace", errno.ENOSPC, "it.vsc.json.bak",
     "could not keep the previous version as it.vsc.json.bak (the disk is full)"),
    ("link", errno.EDQUOT, None, "could not keep the previous version as it.vsc.json.bak "
                                 "(the disk quota is exceeded)"),
])
def test_a_failing_step_leaves_the_old_file_intact(saved, doc, monkeypatch, function, errno_,
                                                  only_to, reason):
    path, before = saved
    save(doc, path)  # now there is a .bak too; it must survive as well
    bak_before = backup_path(path).read_bytes()
    edited = _edited(doc)
    with monkeypatch.context() as patch, pytest.raises(SaveError) as info:
        patch.setattr(os, function, _fail(errno_, only_to).bind(function))
        save(edited, path)
    assert str(info.value) == f"Could not save it.vsc.json: {reason}. The file on disk was not changed."
    assert path.read_bytes() == before
    assert backup_path(path).read_bytes() == bak_before
    assert _names(path.parent) == ["it.vsc.json", "it.vsc.json.bak"]  # no temp files left
    assert edited.title == "Edited" and load(path) == doc  # the document in memory is kept


def test_fsync_happens_before_the_replace_and_the_folder_after(saved, doc, monkeypatch):
    path, _ = saved
    calls = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        kind = "dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"
        calls.append(("fsync", kind))
        real_fsync(fd)

    def replace(src, dst):
        calls.append(("replace", os.path.basename(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    save(_edited(doc), path)
    assert calls == [("fsync", "file"), ("replace", "it.vsc.json.bak"),
                     ("replace", "it.vsc.json"), ("fsync", "dir")]


def test_hard_links_missing_the_backup_is_copied(saved, doc, monkeypatch):
    path, before = saved
    monkeypatch.setattr(os, "link", _fail(errno.EPERM).bind("link"))  # e.g. FAT or some network drives
    save(_edited(doc), path)
    assert backup_path(path).read_bytes() == before
    assert _names(path.parent) == ["it.vsc.json", "it.vsc.json.bak"]


def test_read_only_folder(open_dir, doc, as_nobody):
    path = open_dir / "it.vsc.json"
    save(doc, path)
    before = path.read_bytes()
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)  # nobody owns the file, but not the folder
    open_dir.chmod(0o555)
    with as_nobody(), pytest.raises(SaveError) as info:
        save(_edited(doc), path)
    assert "permission denied" in str(info.value) and "not changed" in str(info.value)
    assert path.read_bytes() == before and _names(open_dir) == ["it.vsc.json"]


def test_file_of_another_user(open_dir, doc, as_nobody):
    path = open_dir / "theirs.vsc.json"
    save(doc, path)
    open_dir.chmod(0o777)
    before = path.read_bytes()
    with as_nobody(), pytest.raises(SaveError) as info:
        save(_edited(doc), path)
    if os.geteuid() == 0:
        assert "permission denied (you may not change this file)" in str(info.value)
    assert path.read_bytes() == before and _names(open_dir) == ["theirs.vsc.json"]


def test_read_only_file_is_not_replaced(saved, doc):
    path, before = saved
    path.chmod(0o444)
    with pytest.raises(SaveError, match="the file is read-only"):
        save(_edited(doc), path)
    assert path.read_bytes() == before


def test_missing_folder(tmp_path, doc):
    with pytest.raises(SaveError, match="the folder does not exist"):
        save(doc, tmp_path / "nowhere" / "x.vsc.json")


def test_folder_in_the_way(tmp_path, doc):
    (tmp_path / "x.vsc.json").mkdir()
    with pytest.raises(SaveError, match="a folder has that name"):
        save(doc, tmp_path / "x.vsc.json")


def test_backup_that_cannot_be_replaced_stops_the_save(saved, doc):
    path, before = saved
    backup_path(path).mkdir()
    (backup_path(path) / "keep").write_text("x")
    with pytest.raises(SaveError, match="could not keep the previous version"):
        save(_edited(doc), path)
    assert path.read_bytes() == before
    assert _names(path.parent) == ["it.vsc.json", "it.vsc.json.bak"]


def test_symlink_target_is_replaced_and_the_link_kept(tmp_path, doc):
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    real = real_dir / "doc.vsc.json"
    save(doc, real)
    before = real.read_bytes()
    link = tmp_path / "link.vsc.json"
    link.symlink_to(real)
    assert save(_edited(doc), link) == real
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load(real).title == "Edited"
    assert (real_dir / "doc.vsc.json.bak").read_bytes() == before
    assert _names(tmp_path) == ["link.vsc.json", "real"]


def test_dangling_symlink_creates_its_target(tmp_path, doc):
    link = tmp_path / "link.vsc.json"
    link.symlink_to(tmp_path / "later.vsc.json")
    save(doc, link)
    assert link.is_symlink() and load(tmp_path / "later.vsc.json") == doc


def test_spaces_and_non_ascii_in_paths(tmp_path, doc):
    folder = tmp_path / "Mes documents ☃" / "värde ström 価値"
    folder.mkdir(parents=True)
    path = folder / "Réseau — plan 2025 🚀.vsc.json"
    save(doc, path)
    save(_edited(doc), path)
    assert load(path).title == "Edited"
    assert load(backup_path(path)) == doc


def test_dangling_reference_is_never_written(saved, doc):
    path, before = saved
    broken = doc.model_copy(deep=True)
    broken.streams[0].stages[1].lane = "ghost"  # assignment is not validated by pydantic
    with pytest.raises(SaveError) as info:
        save(broken, path)
    assert str(info.value) == (
        "Could not save it.vsc.json: the document is inconsistent: streams[0].stages[1].lane "
        "refers to lane 'ghost', which does not exist. The file on disk was not changed.")
    assert path.read_bytes() == before and _names(path.parent) == ["it.vsc.json"]


def test_invalid_value_is_never_written(saved, doc):
    """The model refuses an invalid value when it is assigned, so it never reaches a save."""
    path, before = saved
    broken = doc.model_copy(deep=True)
    with pytest.raises(ValidationError, match="finite number"):
        broken.streams[0].stages[0].slas[0].target = float("nan")
    with pytest.raises(ValidationError, match="a name may not contain control"):
        broken.streams[0].name = "two\nlines"
    save(broken, path)
    assert path.read_bytes() == before and load(path) == doc


def test_invalid_file_name(doc):
    with pytest.raises(SaveError, match="the file name is not valid"):
        save(doc, "bad\0name.vsc.json")


def test_dumps_refuses_a_value_that_cannot_be_written(doc):
    broken = doc.model_copy(deep=True)
    broken.streams[0].stages[0].practices.append(3 + 4j)  # a list is changed in place, unchecked
    with pytest.raises(SaveError) as info:
        dumps(broken)
    assert str(info.value).startswith("Could not save the document: it holds a value that "
                                      "cannot be written")


def test_stale_temp_files_of_killed_saves_are_swept(saved, doc):
    path, _ = saved
    folder = path.parent
    stale = folder / ".it.vsc.json.0123456789ab.tmp"
    stale_bak = folder / ".it.vsc.json.bak.0123456789ab.bak.tmp"
    fresh = folder / ".it.vsc.json.ba9876543210.tmp"  # maybe another process saving now
    other = folder / ".notes.txt.0123456789ab.tmp"  # not ours
    for temp in (stale, stale_bak, fresh, other):
        temp.write_text("partial")
    for temp in (stale, stale_bak, other):
        os.utime(temp, (1_000_000_000, 1_000_000_000))
    save(_edited(doc), path)
    assert _names(folder) == sorted([".notes.txt.0123456789ab.tmp", fresh.name,
                                     "it.vsc.json", "it.vsc.json.bak"])
