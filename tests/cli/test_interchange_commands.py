"""convert, import, diff, merge, merge-driver, schema and new on the command line."""

import json
import os
import shutil
import subprocess
import sys

import jsonschema
import pytest

from vscdesk.cli import main
from vscdesk.interop.templates import load_template, template_names
from vscdesk.storage import dumps, load, save

DATA = os.path.join(os.path.dirname(__file__), "..", "data", "archimate")


def _err_line(capsys) -> str:
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_convert_round_trips_through_csv_and_archimate(example_file, tmp_path, capsys):
    csv, xml, back = tmp_path / "a.csv", tmp_path / "a.xml", tmp_path / "b.vsc.json"
    assert main(["convert", str(example_file), "-o", str(csv)]) == 0
    assert main(["convert", str(csv), "-o", str(back), "--chain", "itil4"]) == 0
    doc, again = load(example_file), load(back)
    assert [[s.name for s in st.stages] for st in again.streams] == \
           [[s.name for s in st.stages] for st in doc.streams]
    assert [lane.name for lane in again.chain.lanes][:6] == [lane.name for lane in doc.chain.lanes]
    assert main(["convert", str(example_file), "-o", str(xml)]) == 0
    assert xml.read_bytes().startswith(b"<?xml")
    out = capsys.readouterr().out
    assert "wrote" in out and "15 stages" in out


def test_import_prints_what_was_left_out(tmp_path, capsys):
    out = tmp_path / "claims.vsc.json"
    assert main(["import", os.path.join(DATA, "claims-exchange.xml"), "-o", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith(f"wrote {out}: 1 streams, 3 stages")
    assert any("Goal element ('Fast settlement')" in line for line in printed[1:])
    assert load(out).streams[0].name == "Settle a claim"


def test_import_of_archi_model_file(tmp_path):
    out = tmp_path / "onboarding.vsc.json"
    assert main(["import", os.path.join(DATA, "onboarding.archimate"), "-o", str(out)]) == 0
    assert load(out).streams[0].name == "Onboard a customer"


@pytest.mark.parametrize("args, words", [
    (["convert", "{tmp}/a.txt", "-o", "{tmp}/b.csv"], "unknown input format"),
    (["convert", "{ex}", "-o", "{tmp}/b.archimate"], "unknown output format"),
    (["import", "{ex}", "-o", "{tmp}/b.csv"], "unknown output format"),
    (["convert", "{tmp}/missing.csv", "-o", "{tmp}/b.vsc.json"], "no such file"),
    (["convert", "{ex}", "-o", "{tmp}/b.csv", "--chain", "porter"], "CSV input only"),
    (["convert", "{ex}", "-o", "{tmp}/nodir/b.csv"], "no such directory"),
    (["import", "{tmp}/broken.xml", "-o", "{tmp}/b.vsc.json"], "not well-formed"),
    (["import", "{tmp}/bad.csv", "-o", "{tmp}/b.vsc.json"], "row 1"),
    (["diff", "{ex}", "{tmp}/missing.vsc.json"], "missing.vsc.json"),
    (["merge", "{ex}", "{ex}", "{tmp}/broken.xml", "-o", "{tmp}/m.vsc.json"], "broken.xml"),
    (["merge-driver", "{ex}", "{tmp}/broken.xml", "{ex}", "it.vsc.json"], "it.vsc.json: cannot merge"),
    (["new", "--template", "itil4"], "-o/--output"),
    (["new", "-o", "{tmp}/exists.vsc.json"], "already exists"),
    (["new", "-o", "{tmp}/n.txt"], ".vsc.json"),
    (["schema", "-o", "{tmp}/nodir/s.json"], "no such directory"),
])
def test_bad_input_is_one_line_exit_2(example_file, tmp_path, capsys, args, words):
    (tmp_path / "broken.xml").write_text("<model><elements>")
    (tmp_path / "bad.csv").write_text("stream,stage\nA,B\n")
    (tmp_path / "exists.vsc.json").write_text("keep me")
    argv = [a.format(ex=example_file, tmp=tmp_path) for a in args]
    assert main(argv) == 2
    assert words in _err_line(capsys)
    assert (tmp_path / "exists.vsc.json").read_text() == "keep me"
    assert not (tmp_path / "b.vsc.json").exists() and not (tmp_path / "m.vsc.json").exists()


def test_failed_convert_leaves_the_old_output_untouched(tmp_path, capsys):
    (tmp_path / "bad.csv").write_text("stream,stage,lane\nA,,Plan\n")
    out = tmp_path / "out.xml"
    out.write_text("old")
    assert main(["convert", str(tmp_path / "bad.csv"), "-o", str(out)]) == 2
    assert "row 2" in _err_line(capsys)
    assert out.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "out.xml"]  # no temp left


def _edited(example_file, tmp_path, name, **stage_names):
    doc = load(example_file)
    data = json.loads(dumps(doc))
    for stream in data["streams"]:
        for stage in stream["stages"]:
            stage["name"] = stage_names.get(stage["id"], stage["name"])
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def test_diff_same_and_changed(example_file, tmp_path, capsys):
    assert main(["diff", str(example_file), str(example_file)]) == 0
    assert capsys.readouterr().out.strip() == "no differences"
    changed = _edited(example_file, tmp_path, "c.vsc.json", approve="Approve budget")
    assert main(["diff", str(example_file), str(changed)]) == 1
    assert capsys.readouterr().out.strip() == "~ stage 'approve' name: \"Approve\" → \"Approve budget\""


def test_merge_writes_both_edits_or_reports_conflicts(example_file, tmp_path, capsys):
    ours = _edited(example_file, tmp_path, "o.vsc.json", approve="Approve budget")
    theirs = _edited(example_file, tmp_path, "t.vsc.json", **{"build-test": "Build it"})
    out = tmp_path / "m.vsc.json"
    assert main(["merge", str(example_file), str(ours), str(theirs), "-o", str(out)]) == 0
    merged = load(out)
    names = {s.id: s.name for st in merged.streams for s in st.stages}
    assert names["approve"] == "Approve budget" and names["build-test"] == "Build it"
    other = _edited(example_file, tmp_path, "x.vsc.json", approve="Approve spend")
    out2 = tmp_path / "m2.vsc.json"
    assert main(["merge", str(example_file), str(ours), str(other), "-o", str(out2)]) == 1
    err = capsys.readouterr().err
    assert "1 conflict" in err and "approve" in err and not out2.exists()


def _git(repo, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)


def test_git_merge_through_the_merge_driver_command(example_file, tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "merge.vscdesk.driver", f"{sys.executable} -m vscdesk merge-driver %O %A %B %P")
    (repo / ".gitattributes").write_text("*.vsc.json merge=vscdesk\n")
    doc = repo / "it.vsc.json"
    shutil.copy(example_file, doc)
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    _git(repo, "checkout", "-q", "-b", "theirs")
    shutil.copy(_edited(example_file, tmp_path, "t.vsc.json", **{"build-test": "Build it"}), doc)
    _git(repo, "commit", "-q", "-am", "theirs")
    _git(repo, "checkout", "-q", "main")
    shutil.copy(_edited(example_file, tmp_path, "o.vsc.json", approve="Approve budget"), doc)
    _git(repo, "commit", "-q", "-am", "ours")
    done = _git(repo, "merge", "-q", "--no-edit", "theirs")
    assert done.returncode == 0, done.stderr
    names = {s.id: s.name for st in load(doc).streams for s in st.stages}
    assert names["approve"] == "Approve budget" and names["build-test"] == "Build it"


def test_schema_printed_and_written_validates_the_example(example_file, tmp_path, capsys):
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    schema = json.loads(printed)
    jsonschema.validate(json.loads(example_file.read_text(encoding="utf-8")), schema)
    out = tmp_path / "s.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == printed


@pytest.mark.parametrize("name", template_names())
def test_new_from_each_template_passes_check(name, tmp_path, capsys):
    out = tmp_path / f"{name}.vsc.json"
    assert main(["new", "--template", name, "-o", str(out)]) == 0
    assert main(["check", str(out)]) == 0
    assert "valid" in capsys.readouterr().out


def test_new_lists_templates_and_replaces_only_with_force(tmp_path, capsys):
    assert main(["new", "--list"]) == 0
    listed = capsys.readouterr().out
    assert all(name in listed for name in template_names())
    out = tmp_path / "n.vsc.json"
    save(load_template("porter"), out)
    assert main(["new", "-o", str(out), "--template", "blank", "--force"]) == 0
    assert load(out).streams == []
