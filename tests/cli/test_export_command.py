"""``vscdesk export``: each format, --stream by name or id, PDF handout pages, hostile names."""

import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from export_checks import hostile_document, pdf_pages, strict_svg, svg_texts
from vscdesk.cli import main
from vscdesk.model import Slide
from vscdesk.storage import load, save


@pytest.fixture
def hostile_file(tmp_path):
    path = tmp_path / "hostile.vsc.json"
    save(hostile_document(), path)
    return path


def _one_error_line(capsys) -> str:
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize("view", ["chain", "stream"])
def test_svg_of_hostile_names_is_well_formed_and_inert(hostile_file, tmp_path, view):
    out = tmp_path / "h.svg"
    assert main(["export", str(hostile_file), "-o", str(out), "--view", view]) == 0
    root = strict_svg(out.read_text(encoding="utf-8"))
    shown = svg_texts(root)
    assert "alert" in shown and "🚀" in shown  # names drawn as text, not dropped


def test_stream_by_name_draws_only_that_stream(example_file, tmp_path):
    out = tmp_path / "one.svg"
    assert main(["export", str(example_file), "-o", str(out), "--stream", "fulfil a SERVICE request"]) == 0
    shown = svg_texts(strict_svg(out.read_text(encoding="utf-8")))
    doc = load(example_file)
    assert "Fulfil a service request" in shown
    assert all(stage.name.split()[0] in shown for stage in doc.streams[1].stages)
    assert "Restore service for a user" not in shown and "Deliver a new service" not in shown


def test_stream_by_id_with_hostile_name(hostile_file, tmp_path):
    out = tmp_path / "evil.svg"
    assert main(["export", str(hostile_file), "-o", str(out), "--stream", "evil", "--view", "stream"]) == 0
    shown = svg_texts(strict_svg(out.read_text(encoding="utf-8")))
    assert "Plain" not in shown and "foreignObject" in shown


def test_unknown_stream_is_one_line_naming_the_streams(example_file, tmp_path, capsys):
    out = tmp_path / "x.png"
    assert main(["export", str(example_file), "-o", str(out), "--stream", "Nope"]) == 2
    line = _one_error_line(capsys)
    assert "no stream called 'Nope'" in line and "Restore service for a user" in line
    assert not out.exists()


def _pixels(image: QImage) -> tuple[set[int], int]:
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    return colours, image.pixelColor(0, 0).alpha()


def test_png_scaled_white_and_transparent(qapp, example_file, tmp_path):
    white, clear = tmp_path / "w.png", tmp_path / "t.png"
    assert main(["export", str(example_file), "-o", str(white), "--scale", "2"]) == 0
    assert main(["export", str(example_file), "-o", str(clear), "--transparent", "--view", "stream"]) == 0
    image = QImage(str(white))
    svg = tmp_path / "size.svg"
    main(["export", str(example_file), "-o", str(svg)])
    width = float(strict_svg(svg.read_text(encoding="utf-8")).get("width"))
    assert image.width() == round(width * 2)
    colours, alpha = _pixels(image)
    assert len(colours) > 20 and alpha == 255  # a diagram, on white
    colours, alpha = _pixels(QImage(str(clear)))
    assert len(colours) > 20 and alpha == 0


def test_pdf_handout_has_an_overview_then_a_page_per_stream(qapp, example_file, tmp_path):
    out = tmp_path / "handout.pdf"
    assert main(["export", str(example_file), "-o", str(out), "--view", "stream"]) == 0
    assert len(pdf_pages(out)) == 1 + len(load(example_file).streams) == 4
    data = out.read_bytes()
    assert b"/Font" in data and b"/Subtype /Image" not in data  # vector text, no bitmaps


def test_pdf_handout_has_a_page_per_slide(qapp, example_file, tmp_path):
    doc = load(example_file)
    slides = [Slide(id="s1", name="Overview", view="chain"),
              Slide(id="s2", name="Restore", view="stream", stream="restore-service")]
    path = tmp_path / "slides.vsc.json"
    save(doc.model_copy(update={"slides": slides}), path)
    out = tmp_path / "slides.pdf"
    assert main(["export", str(path), "-o", str(out)]) == 0
    pages = pdf_pages(out)
    assert len(pages) == 2
    assert pages[0] == pages[1] and pages[0][0] > pages[0][1]  # the same landscape sheet
    fit = tmp_path / "fit.pdf"
    assert main(["export", str(path), "-o", str(fit), "--paper", "fit"]) == 0
    pages = pdf_pages(fit)
    assert pages[0][1] > pages[1][1]  # sized to each drawing: the whole chain is taller


@pytest.mark.parametrize("paper, size", [("a4", (841.89, 595.28)), ("letter", (792, 612))])
def test_pdf_handout_pages_are_landscape_paper(qapp, example_file, tmp_path, paper, size):
    """Pages were 1600 x 456 pt, a strip no printer takes: now sheets that print."""
    out = tmp_path / "paper.pdf"
    assert main(["export", str(example_file), "-o", str(out), "--paper", paper]) == 0
    pages = pdf_pages(out)
    assert len(pages) == 4
    assert all(w == pytest.approx(size[0], abs=0.5) and h == pytest.approx(size[1], abs=0.5)
               for w, h in pages)


def test_pdf_default_paper_is_a4_or_letter(qapp, example_file, tmp_path):
    out = tmp_path / "default.pdf"
    assert main(["export", str(example_file), "-o", str(out), "--stream", "new-service"]) == 0
    (w, h), = pdf_pages(out)
    assert (round(w), round(h)) in ((842, 595), (792, 612))


def test_pdf_of_one_stream_is_one_page(qapp, example_file, tmp_path):
    out = tmp_path / "one.pdf"
    assert main(["export", str(example_file), "-o", str(out), "--stream", "new-service"]) == 0
    assert len(pdf_pages(out)) == 1


def test_export_in_a_fresh_process_prints_page_count(example_file, tmp_path):
    out = tmp_path / "h.pdf"
    result = subprocess.run([sys.executable, "-m", "vscdesk", "export", str(example_file), "-o", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "(4 pages)" in result.stdout  # the overview, then each of the 3 streams


def test_pptx_is_the_presentation_as_a_deck(example_file, tmp_path, capsys):
    from pptx import Presentation

    from vscdesk.render.slides import slide_sequence

    out = tmp_path / "deck.pptx"
    assert main(["export", str(example_file), "-o", str(out), "--aspect", "4:3"]) == 0
    assert "23 slides" in capsys.readouterr().out
    deck = Presentation(str(out))
    assert len(deck.slides) == 1 + len(slide_sequence(load(example_file)))
    assert abs(deck.slide_width / deck.slide_height - 4 / 3) < 0.01
    assert not list(tmp_path.glob(".*tmp"))  # written through a temporary file, then renamed


def test_pptx_saved_slides_need_saved_slides(example_file, tmp_path, capsys):
    out = tmp_path / "deck.pptx"
    assert main(["export", str(example_file), "-o", str(out), "--slides", "saved"]) == 2
    assert "no saved slides" in _one_error_line(capsys)
    assert not out.exists()
    doc = load(example_file).model_copy(update={"slides": [
        Slide(id="s1", name="Only this", view="chain")]})
    path = tmp_path / "slides.vsc.json"
    save(doc, path)
    assert main(["export", str(path), "-o", str(out), "--slides", "saved"]) == 0
    from pptx import Presentation

    assert [s.shapes.title.text for s in Presentation(str(out)).slides][1:] == ["Only this"]


def test_slides_option_is_only_for_a_deck(example_file, tmp_path, capsys):
    assert main(["export", str(example_file), "-o", str(tmp_path / "a.png"), "--slides",
                 "default"]) == 2
    assert "--slides is for a .pptx deck" in _one_error_line(capsys)


@pytest.mark.parametrize("aspect, ratio", [("16:9", 16 / 9), ("4:3", 4 / 3), ("a4", 297 / 210),
                                           ("letter", 11 / 8.5)])
def test_aspect_frames_a_png(example_file, tmp_path, aspect, ratio):
    out = tmp_path / "framed.png"
    assert main(["export", str(example_file), "-o", str(out), "--aspect", aspect]) == 0
    image = QImage(str(out))
    assert abs(image.width() / image.height() - ratio) < 0.01


def test_pptx_goes_through_the_atomic_writer(example_file, tmp_path, capsys):
    out = tmp_path / "locked.pptx"
    out.write_bytes(b"old deck")
    out.chmod(0o444)
    assert main(["export", str(example_file), "-o", str(out)]) == 2
    assert "locked.pptx" in _one_error_line(capsys)
    assert out.read_bytes() == b"old deck"
    assert not [p for p in tmp_path.iterdir() if p.name != "locked.pptx"]  # no temp left


@pytest.mark.parametrize("suffix", [".svg", ".pdf", ".pptx"])
def test_scale_is_refused_for_what_is_not_a_png(example_file, tmp_path, capsys, suffix):
    """--scale used to be taken and ignored: a user asked for a bigger SVG and got none."""
    out = tmp_path / f"x{suffix}"
    assert main(["export", str(example_file), "-o", str(out), "--scale", "2"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("vscdesk: --scale is for a .png picture; ")
    assert suffix[1:].upper() in err[0] and not out.exists()
