"""Every command output goes through the one atomic writer: a failure part-way is one line and
exit 2 with the old file intact; read-only files, devices, FIFOs and links to them are refused;
``-o -`` prints; long names are one line, not a traceback."""

import errno
import os
import stat
import sys
from pathlib import Path

import pytest

from vscdesk.cli import main
from vscdesk.storage import backup_path, load, save

pytestmark = pytest.mark.linux_host

OLD = b"the old file\n"


def _err_line(capsys) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    return lines[0]


def _names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def _merge_inputs(example_file, tmp_path):
    """base, ours, theirs: ours renames the title, theirs renames a stream (no conflict)."""
    base = load(example_file)
    ours = base.model_copy(update={"title": "Ours"})
    streams = [base.streams[0].model_copy(update={"name": "Theirs"}), *base.streams[1:]]
    theirs = base.model_copy(update={"streams": streams})
    paths = []
    for name, doc in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / "in" / f"{name}.vsc.json"
        path.parent.mkdir(exist_ok=True)
        save(doc, path)
        paths.append(str(path))
    return paths


#: every kind of output a command writes: (name of the output, arguments; {out} is the output)
OUTPUTS = [
    ("d.png", ["export", "{ex}", "-o", "{out}"]),
    ("d.svg", ["export", "{ex}", "-o", "{out}"]),
    ("d.pdf", ["export", "{ex}", "-o", "{out}"]),
    ("d.pptx", ["export", "{ex}", "-o", "{out}"]),
    ("d.csv", ["convert", "{ex}", "-o", "{out}"]),
    ("d.xml", ["convert", "{ex}", "-o", "{out}"]),
    ("d.vsc.json", ["convert", "{ex}", "-o", "{out}"]),
    ("s.json", ["schema", "-o", "{out}"]),
    ("m.vsc.json", ["merge", "{base}", "{ours}", "{theirs}", "-o", "{out}"]),
    ("n.vsc.json", ["new", "--force", "-o", "{out}"]),
]


def _args(args, example_file, out, merge_inputs):
    base, ours, theirs = merge_inputs
    return [a.format(ex=example_file, out=out, base=base, ours=ours, theirs=theirs) for a in args]


def _fill_up_after(monkeypatch, budget: int) -> None:
    """The disk fills up after ``budget`` more bytes: os.write writes what fits, then fails."""
    real_write = os.write
    left = [budget]

    def write(fd, data):
        if left[0] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        done = real_write(fd, bytes(memoryview(data)[:left[0]]))
        left[0] -= done
        return done

    monkeypatch.setattr(os, "write", write)


@pytest.mark.parametrize("name, args", OUTPUTS, ids=[o[0] for o in OUTPUTS])
def test_a_disk_that_fills_up_part_way_keeps_the_old_file(example_file, tmp_path, capsys,
                                                          monkeypatch, name, args):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / name
    out.write_bytes(OLD)
    argv = _args(args, example_file, out, _merge_inputs(example_file, tmp_path))
    _fill_up_after(monkeypatch, 100)
    assert main(argv) == 2
    monkeypatch.undo()
    line = _err_line(capsys)
    assert line == f"vscdesk: Could not {'save' if name.endswith('.vsc.json') else 'write'} " \
                   f"{name}: the disk is full. The file on disk was not changed."
    assert out.read_bytes() == OLD
    assert _names(folder) == [name]  # no temp file, no .bak of a failed save


def test_merge_driver_on_a_full_disk_leaves_ours_intact(example_file, tmp_path, capsys,
                                                        monkeypatch):
    base, ours, theirs = _merge_inputs(example_file, tmp_path)
    before = Path(ours).read_bytes()
    _fill_up_after(monkeypatch, 1000)
    assert main(["merge-driver", base, ours, theirs, "plan.vsc.json"]) == 2
    monkeypatch.undo()
    assert _err_line(capsys) == ("vscdesk merge: plan.vsc.json: the disk is full; your version "
                                 "is left unchanged")
    assert Path(ours).read_bytes() == before
    assert _names(Path(ours).parent) == ["base.vsc.json", "ours.vsc.json", "theirs.vsc.json"]
    assert main(["merge-driver", base, ours, theirs, "plan.vsc.json"]) == 0
    merged = load(ours)
    assert merged.title == "Ours" and merged.streams[0].name == "Theirs"
    assert _names(Path(ours).parent) == ["base.vsc.json", "ours.vsc.json", "theirs.vsc.json"]


@pytest.mark.parametrize("name, args", OUTPUTS, ids=[o[0] for o in OUTPUTS])
def test_read_only_targets_are_refused_by_every_output(example_file, tmp_path, capsys, name,
                                                       args):
    out = tmp_path / name
    out.write_bytes(OLD)
    out.chmod(0o444)
    argv = _args(args, example_file, out, _merge_inputs(example_file, tmp_path))
    assert main(argv) == 2
    assert "the file is read-only" in _err_line(capsys)
    assert out.read_bytes() == OLD and stat.S_IMODE(out.stat().st_mode) == 0o444


@pytest.mark.parametrize("name, args", OUTPUTS, ids=[o[0] for o in OUTPUTS])
def test_outputs_refuse_a_fifo(example_file, tmp_path, capsys, name, args):
    out = tmp_path / name
    os.mkfifo(out)
    argv = _args(args, example_file, out, _merge_inputs(example_file, tmp_path))
    assert main(argv) == 2  # and it did not block opening the FIFO
    assert "it is not a regular file" in _err_line(capsys)
    assert stat.S_ISFIFO(os.lstat(out).st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
@pytest.mark.parametrize("args", [["schema", "-o", "/dev/null"],
                                  ["export", "{ex}", "-o", "/dev/null"],
                                  ["convert", "{ex}", "-o", "{link}"]])
def test_devices_and_links_to_devices_are_never_replaced(example_file, tmp_path, capsys, args):
    link = tmp_path / "out.csv"
    link.symlink_to("/dev/null")
    before = os.stat("/dev/null")
    argv = [a.format(ex=example_file, link=link) for a in args]
    assert main(argv) == 2
    line = _err_line(capsys)
    assert "not a regular file" in line or "unknown format" in line
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino
    assert link.is_symlink()


def test_a_link_to_standard_output_is_refused(tmp_path):
    """A symlink to /proc/self/fd/1 (standard output, here a pipe) is not replaced."""
    import subprocess

    link = tmp_path / "schema.json"
    link.symlink_to("/proc/self/fd/1")
    run = subprocess.run([sys.executable, "-m", "vscdesk", "schema", "-o", str(link)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.strip().splitlines() == [
        "vscdesk: Could not write schema.json: it is not a regular file (vscdesk writes only "
        "regular files). The file on disk was not changed."]
    assert link.is_symlink()


@pytest.mark.parametrize("args, starts", [
    (["schema", "-o", "-"], b'{\n  "$schema"'),
    (["export", "{ex}", "-o", "-"], b'<?xml version="1.0" encoding="UTF-8"?>\n<svg'),
    (["convert", "{ex}", "-o", "-", "--to", "csv"], b"stream,"),
    (["convert", "{ex}", "-o", "-", "--to", "xml"], b"<?xml"),
    (["convert", "{ex}", "-o", "-", "--to", "vsc.json"], b'{\n  "format": "vscdesk"'),
    (["new", "-o", "-"], b'{\n  "format": "vscdesk"'),
    (["merge", "{ex}", "{ex}", "{ex}", "-o", "-"], b'{\n  "format": "vscdesk"'),
    (["import-flow", "{ex}", "{flow}", "-o", "-"], b'{\n  "format": "vscdesk"'),
])
def test_dash_writes_to_standard_output(example_file, tmp_path, capfdbinary, args, starts):
    flow = example_file.with_name("it-services-flow-items.csv")
    argv = [a.format(ex=example_file, flow=flow) for a in args]
    assert main(argv) == 0
    captured = capfdbinary.readouterr()
    assert captured.out.lstrip().startswith(starts), captured.out[:80]
    assert b"wrote" not in captured.out + captured.err  # what it left out may go to stderr
    assert b"left out" not in captured.out
    assert os.listdir(tmp_path) == []


def test_binary_formats_are_not_printed(example_file, capsys):
    assert main(["convert", str(example_file), "-o", "-"]) == 2
    assert "--to" in _err_line(capsys)


@pytest.mark.parametrize("args", [["schema", "-o", "{long}"], ["export", "{ex}", "-o", "{long}"],
                                  ["convert", "{ex}", "-o", "{long}"],
                                  ["new", "-o", "{long}"]])
def test_an_output_name_too_long_for_the_disk_is_one_line(example_file, tmp_path, capsys, args):
    long = tmp_path / ("x" * 300 + ".vsc.json")
    argv = [a.format(ex=example_file, long=long) for a in args]
    assert main(argv) == 2
    line = _err_line(capsys)
    assert "the file name is too long" in line or "unknown" in line or "ends in" in line
    assert _names(tmp_path) == []


def test_a_name_that_leaves_no_room_for_bak_still_saves_again(example_file, tmp_path):
    """A 250-character name fits; NAME.bak (254) does too, NAME.vsc.json.bak would not: the
    backup gets a shortened name instead of making every later save fail."""
    path = tmp_path / ("p" * 245 + ".vsc.json")  # 254 bytes
    doc = load(example_file)
    save(doc, path)
    save(doc.model_copy(update={"title": "Second"}), path)
    save(doc.model_copy(update={"title": "Third"}), path)
    assert load(path).title == "Third"
    bak = backup_path(path)
    assert len(bak.name.encode()) <= 255 and bak.name.endswith(".bak")
    assert load(bak).title == "Second"
    assert _names(tmp_path) == sorted([path.name, bak.name])


def test_temporary_names_never_reach_a_message(example_file, tmp_path, capsys, monkeypatch):
    out = tmp_path / "d.svg"

    def fail(*_args, **_kwargs):
        raise OSError(errno.EIO, "Input/output error", str(tmp_path / ".d.svg.0123456789ab.tmp"))

    monkeypatch.setattr(os, "fsync", fail)
    assert main(["export", str(example_file), "-o", str(out)]) == 2
    monkeypatch.undo()
    line = _err_line(capsys)
    assert ".tmp" not in line and "input/output error" in line


def _with_slides_and_flow(example_file, tmp_path) -> Path:
    import datetime as dt

    from vscdesk.model import FlowItem, Slide

    doc = load(example_file)
    stream = doc.streams[0].id
    doc = doc.model_copy(update={
        "slides": [Slide(id="s1", name="Overview"), Slide(id="s2", name="Detail")],
        "flow_items": [FlowItem(id=f"f{i}", type="feature", stream=stream,
                                started=dt.date(2026, 1, 1 + i)) for i in range(3)]})
    path = tmp_path / "full.vsc.json"
    save(doc, path)
    return path


def test_convert_to_xml_says_it_left_out_slides_and_flow_items(example_file, tmp_path, capsys):
    source = _with_slides_and_flow(example_file, tmp_path)
    assert main(["convert", str(source), "-o", str(tmp_path / "a.xml")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:] == ["  left out (an ArchiMate exchange file has no place for them):",
                       "    2 slides", "    3 flow items"]


def test_convert_to_csv_lists_what_a_stage_list_cannot_hold(example_file, tmp_path, capsys):
    source = _with_slides_and_flow(example_file, tmp_path)
    assert main(["convert", str(source), "-o", str(tmp_path / "a.csv")]) == 0
    out = capsys.readouterr().out
    for item in ("the document's title", "3 stream SLAs", "2 links", "2 slides",
                 "3 flow items", "6 lane colours"):
        assert f"\n    {item}\n" in out


@pytest.mark.parametrize("suffix", [".xml", ".csv"])
def test_strict_makes_a_lossy_conversion_an_error_that_writes_nothing(example_file, tmp_path,
                                                                      capsys, suffix):
    source = _with_slides_and_flow(example_file, tmp_path)
    out = tmp_path / f"a{suffix}"
    out.write_bytes(OLD)
    assert main(["convert", "--strict", str(source), "-o", str(out)]) == 2
    line = _err_line(capsys)
    assert "2 slides, 3 flow items; nothing was written (--strict)" in line
    assert out.read_bytes() == OLD


def test_strict_lossless_conversion_succeeds(example_file, tmp_path):
    out = tmp_path / "copy.vsc.json"
    assert main(["convert", "--strict", str(example_file), "-o", str(out)]) == 0
    assert load(out) == load(example_file)


def test_strict_refuses_an_import_that_left_something_out(tmp_path, capsys):
    data = Path(__file__).parent.parent / "data" / "archimate" / "claims-exchange.xml"
    out = tmp_path / "claims.vsc.json"
    assert main(["import", "--strict", str(data), "-o", str(out)]) == 2
    assert "nothing was written (--strict)" in _err_line(capsys)
    assert not out.exists()


def test_an_import_larger_than_open_accepts_is_never_written(example_file, tmp_path, capsys,
                                                            monkeypatch):
    """One limit for reading and writing: what `open` would refuse, convert does not write."""
    from vscdesk.storage import codec

    source, out = tmp_path / "in.csv", tmp_path / "big.vsc.json"
    assert main(["convert", str(example_file), "-o", str(source)]) == 0
    save(load(example_file), out)
    before = out.read_bytes()
    capsys.readouterr()
    monkeypatch.setattr(codec, "MAX_FILE_BYTES", 4096)  # the CSV's document is larger
    assert main(["convert", str(source), "-o", str(out)]) == 2
    line = _err_line(capsys)
    assert line.startswith("vscdesk: Could not save big.vsc.json: the document would be ")
    assert "vscdesk opens documents up to" in line
    assert out.read_bytes() == before and _names(tmp_path) == ["big.vsc.json", "in.csv"]


@pytest.mark.parametrize("suffix, module, name", [
    (".csv", "vscdesk.interop.stages_csv", "MAX_CSV_BYTES"),
    (".xml", "vscdesk.interop.safe_xml", "MAX_XML_BYTES")])
def test_an_export_larger_than_import_accepts_is_never_written(example_file, tmp_path, capsys,
                                                              monkeypatch, suffix, module, name):
    import importlib

    monkeypatch.setattr(importlib.import_module(module), name, 1000)
    out = tmp_path / f"a{suffix}"
    assert main(["convert", str(example_file), "-o", str(out)]) == 2
    line = _err_line(capsys)
    assert line.startswith(f"vscdesk: a{suffix}: it would be ") and "nothing was written" in line
    assert not out.exists()


@pytest.mark.parametrize("name", ["d.pdf", "d.png"])
def test_a_painter_that_fails_to_finish_is_an_error_not_a_file(example_file, tmp_path, capsys,
                                                              monkeypatch, name):
    """QPainter.end() reports what went wrong while painting (QPdfWriter says nothing else):
    its result is checked before anything is replaced."""
    from PySide6.QtGui import QPainter

    out = tmp_path / name
    out.write_bytes(OLD)
    real_end = QPainter.end
    monkeypatch.setattr(QPainter, "end", lambda self: real_end(self) and False)
    assert main(["export", str(example_file), "-o", str(out)]) == 2
    monkeypatch.undo()
    line = _err_line(capsys)
    assert line.startswith(f"vscdesk: Could not write {name}: the ")
    assert line.endswith("The file on disk was not changed.")
    assert out.read_bytes() == OLD and _names(tmp_path) == [name]


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4\n1 0 obj", b"not a pdf %%EOF\n"])
def test_a_pdf_that_is_not_whole_is_refused(data):
    from vscdesk.paint.export import ExportError, _checked_pdf

    with pytest.raises(ExportError, match="the PDF could not be completed"):
        _checked_pdf(data, True)
    assert _checked_pdf(b"%PDF-1.4\n...\n%%EOF\n", True).endswith(b"%%EOF\n")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["schema", "-o", "-"], ["export", "{ex}", "-o", "-"],
                                  ["convert", "{ex}", "-o", "-", "--to", "csv"]])
def test_standard_output_on_a_full_disk_is_one_line(example_file, args):
    import subprocess

    argv = [a.format(ex=example_file) for a in args]
    with open("/dev/full", "wb") as full:
        run = subprocess.run([sys.executable, "-m", "vscdesk", *argv], stdout=full,
                             stderr=subprocess.PIPE, text=True, timeout=60)
    assert run.returncode == 2
    assert run.stderr.splitlines() == ["vscdesk: Could not write standard output: the disk is "
                                       "full. Nothing was written."]


@pytest.mark.parametrize("command", [["convert", "{long}", "-o", "{tmp}/out.csv"],
                                     ["check", "{long}"], ["export", "{long}", "-o", "{tmp}/o.svg"]])
@pytest.mark.parametrize("ext", [".csv", ".xml", ".vsc.json"])
def test_an_input_name_too_long_for_the_disk_is_one_line(tmp_path, capsys, command, ext):
    long = tmp_path / ("x" * 300 + ext)
    argv = [a.format(long=long, tmp=tmp_path) for a in command]
    assert main(argv) == 2
    assert "too long" in _err_line(capsys)
    assert _names(tmp_path) == []
