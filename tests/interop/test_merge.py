"""Three-way merge by id, directly and as a git merge driver in a real repository."""

import os
import shutil
import subprocess
import sys

import pytest

from vscdesk.interop.docio import document_text, read_document
from vscdesk.interop.merge import merge_documents
from vscdesk.model import DocumentModel


def _edited(doc: DocumentModel, edit) -> DocumentModel:
    data = doc.model_dump(mode="json")
    edit(data)
    return DocumentModel.model_validate(data)


def _rename_stage(d):
    d["streams"][0]["stages"][0]["name"] = "Report it"


def _add_stage_and_retime(d):
    d["streams"][0]["stages"].insert(2, {"id": "escalate", "name": "Escalate", "lane": "plan"})
    d["streams"][0]["stages"][0]["wait_time"] = {"value": 1, "unit": "min"}


def _other_name(d):
    d["streams"][0]["stages"][0]["name"] = "Log the call"


def test_edits_to_different_objects_and_fields_merge(example_doc):
    ours = _edited(example_doc, _rename_stage)
    theirs = _edited(example_doc, lambda d: (_add_stage_and_retime(d), d["links"].pop()))
    result = merge_documents(example_doc, ours, theirs)
    assert result.conflicts == []
    stages = result.document.streams[0].stages
    assert stages[0].name == "Report it" and stages[0].wait_time.value == 1
    assert [s.id for s in stages][:4] == ["report-problem", "diagnose-fix", "escalate", "confirm-user"]
    assert [link.id for link in result.document.links] == ["ops-feeds-fix"]


def test_additions_on_both_sides_keep_their_places(example_doc):
    ours = _edited(example_doc, lambda d: d["streams"][0]["stages"].insert(
        1, {"id": "triage", "name": "Triage", "lane": "engage"}))
    theirs = _edited(example_doc, lambda d: d["streams"][0]["stages"].append(
        {"id": "survey", "name": "Survey", "lane": "improve"}))
    ids = [s.id for s in merge_documents(example_doc, ours, theirs).document.streams[0].stages]
    assert ids == ["report-problem", "triage", "diagnose-fix", "confirm-user",
                   "review-root-cause", "survey"]


def test_same_field_changed_both_ways_is_a_conflict(example_doc):
    result = merge_documents(example_doc, _edited(example_doc, _rename_stage),
                             _edited(example_doc, _other_name))
    assert result.document is None
    assert result.conflicts == [
        "stage 'report-problem' name: changed on both sides "
        "(ours \"Report it\", theirs \"Log the call\")"]


def test_removed_on_one_side_changed_on_the_other_is_a_conflict(example_doc):
    theirs = _edited(example_doc, lambda d: d["streams"][0]["stages"].pop(0))
    result = merge_documents(example_doc, _edited(example_doc, _rename_stage), theirs)
    assert result.conflicts == [
        "stage 'report-problem' (Report it): removed in theirs but changed in the other"]


def test_edits_that_break_references_together_are_reported(example_doc):
    link = {"id": "needs-device", "kind": "handoff", "source": "report-problem", "target": "approve"}
    ours = _edited(example_doc, lambda d: d["links"].append(link))
    theirs = _edited(example_doc, lambda d: d["streams"].pop(1))  # the stream holding 'approve'
    result = merge_documents(example_doc, ours, theirs)
    assert result.document is None
    assert result.conflicts == [
        "the combined edits do not fit together: "
        "links[2].target: refers to stage 'approve', which does not exist"]


# -- a real git merge with the driver configured -----------------------------------------------

def _git(repo, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path, example_doc):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git(tmp_path, "init", "-q", "-b", "main")
    driver = f"{sys.executable} -m vscdesk.interop.merge_driver %O %A %B %P"
    _git(tmp_path, "config", "merge.vscdesk.driver", driver)
    (tmp_path / ".gitattributes").write_text("*.vsc.json merge=vscdesk\n")
    (tmp_path / "it.vsc.json").write_text(document_text(example_doc), encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def _branches(repo, example_doc, ours_edit, theirs_edit):
    path = repo / "it.vsc.json"
    _git(repo, "checkout", "-q", "-b", "theirs")
    path.write_text(document_text(_edited(example_doc, theirs_edit)), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "theirs")
    _git(repo, "checkout", "-q", "main")
    path.write_text(document_text(_edited(example_doc, ours_edit)), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "ours")
    return path


def test_git_merge_with_the_driver_merges_by_id(repo, example_doc):
    path = _branches(repo, example_doc, _rename_stage, _add_stage_and_retime)
    done = _git(repo, "merge", "-q", "--no-edit", "theirs")
    assert done.returncode == 0, done.stderr
    merged = read_document(path)
    assert merged.streams[0].stages[0].name == "Report it"
    assert "escalate" in [s.id for s in merged.streams[0].stages]
    assert "<<<<<<<" not in path.read_text(encoding="utf-8")


def test_git_merge_conflict_keeps_our_file_and_explains(repo, example_doc):
    path = _branches(repo, example_doc, _rename_stage, _other_name)
    ours_text = path.read_text(encoding="utf-8")
    done = _git(repo, "merge", "--no-edit", "theirs")
    assert done.returncode != 0
    assert "stage 'report-problem' name: changed on both sides" in done.stderr + done.stdout
    assert path.read_text(encoding="utf-8") == ours_text
    assert "it.vsc.json" in _git(repo, "diff", "--name-only", "--diff-filter=U").stdout
