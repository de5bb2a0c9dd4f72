"""Older files are upgraded on load by small registered functions, and the first time one is
overwritten a copy of the old version is kept beside it (NAME.v<N>.bak).

There is only schema 1 today, so these tests register a fake schema 0 whose upgrade renames
the document's "name" key to "title"."""

import json

import pytest

from vscdesk.model import SCHEMA_VERSION
from vscdesk.storage import (
    LoadError,
    backup_path,
    load,
    loads,
    migrate,
    save,
    version_backup_path,
)


def _rename_name_to_title(data: dict) -> dict:
    data["title"] = data.pop("name")
    return data


@pytest.fixture
def schema_0(monkeypatch):
    monkeypatch.setitem(migrate.MIGRATIONS, 0, _rename_name_to_title)


OLD = {"format": "vscdesk", "schema_version": 0, "name": "Old plan",
       "chain": {"lanes": [{"id": "plan", "name": "Plan"}]}}


def test_without_an_upgrade_the_old_schema_is_refused():
    with pytest.raises(LoadError) as info:
        loads(json.dumps(OLD), "old.vsc.json")
    assert info.value.kind == "unsupported"


def test_old_file_is_upgraded_on_load(schema_0):
    doc = loads(json.dumps(OLD))
    assert doc.title == "Old plan" and doc.schema_version == SCHEMA_VERSION
    assert migrate.oldest_readable() == 0


def test_first_overwrite_keeps_the_old_version_once(schema_0, tmp_path):
    path = tmp_path / "plan.vsc.json"
    path.write_text(json.dumps(OLD, indent=2), encoding="utf-8")
    original = path.read_bytes()
    doc = load(path)
    assert path.read_bytes() == original  # loading never rewrites

    save(doc, path)
    kept = version_backup_path(path, 0)
    assert kept.name == "plan.vsc.json.v0.bak" and kept.read_bytes() == original
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION

    save(doc.model_copy(update={"title": "Newer"}), path)
    assert kept.read_bytes() == original  # the v0 copy is never overwritten
    assert load(backup_path(path)) == doc  # .bak moves on as usual
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "plan.vsc.json", "plan.vsc.json.bak", "plan.vsc.json.v0.bak"]


def test_current_schema_files_get_no_version_copy(tmp_path, example_file):
    path = tmp_path / "it.vsc.json"
    path.write_bytes(example_file.read_bytes())
    save(load(path), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["it.vsc.json", "it.vsc.json.bak"]


def test_a_failing_upgrade_is_a_load_error(schema_0):
    broken = dict(OLD)
    del broken["name"]
    with pytest.raises(LoadError) as info:
        loads(json.dumps(broken), "old.vsc.json")
    assert info.value.kind == "migration"
    assert str(info.value) == ("old.vsc.json: could not be upgraded from schema 0 "
                               "(KeyError: 'name')")


def test_upgrades_run_in_order_and_set_the_version(monkeypatch):
    seen = []

    def step(version):
        def upgrade(data):
            seen.append((version, data["schema_version"]))
            return data
        return upgrade

    monkeypatch.setitem(migrate.MIGRATIONS, -1, step(-1))
    monkeypatch.setitem(migrate.MIGRATIONS, 0, step(0))
    doc = loads(json.dumps({"format": "vscdesk", "schema_version": -1}))
    assert seen == [(-1, -1), (0, 0)] and doc.schema_version == SCHEMA_VERSION


def test_an_upgrade_is_registered_once(monkeypatch):
    monkeypatch.setattr(migrate, "MIGRATIONS", {})
    migrate.upgrades_from(0)(_rename_name_to_title)
    with pytest.raises(ValueError, match="already has an upgrade"):
        migrate.upgrades_from(0)(_rename_name_to_title)
