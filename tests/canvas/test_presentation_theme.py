"""The dark presentation theme: a Qt-free pass that flips lightness and keeps meaning."""

import colorsys
import subprocess
import sys

import pytest

from vscdesk.render import palette as P
from vscdesk.render.chain import chain_drawing
from vscdesk.render.primitives import Drawing, Group, Rect, Stroke, Text
from vscdesk.render.theme import DARK_SURFACE, background, dark_color, themed
from vscdesk.storage import load


def _lightness(color: str) -> float:
    r, g, b = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[1]


def _hue(color: str) -> float:
    r, g, b = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[0]


def test_light_surfaces_become_dark_and_dark_ink_light():
    assert dark_color(P.CANVAS) == DARK_SURFACE
    assert _lightness(dark_color(P.INK_50)) < 0.2
    assert _lightness(dark_color(P.INK_900)) > 0.75
    assert _lightness(background("dark")) < _lightness(DARK_SURFACE)  # cards sit above the canvas
    assert background("light") == P.CANVAS


@pytest.mark.parametrize("status", ["met", "at_risk", "breached"])
def test_status_colours_keep_their_hue_and_stay_visible(status):
    fg = P.STATUS[status].fg
    assert abs(_hue(dark_color(fg)) - _hue(fg)) < 0.02
    assert _lightness(dark_color(fg)) >= 0.6


def test_text_keeps_its_contrast_with_the_card_under_it():
    """Ink on a card is still far from the card's colour after the flip."""
    for ink in (P.INK_900, P.INK_700, P.INK_500):
        assert abs(_lightness(dark_color(ink)) - _lightness(dark_color(P.CANVAS))) > 0.35


def test_themed_drawing_maps_every_colour_and_nothing_else():
    group = Group("stage:a", "stage", 10, 20, (0, 0, 100, 50),
                  (Rect(0, 0, 100, 50, fill=P.CANVAS, stroke=Stroke(P.INK_200, 1, (3, 2)),
                        radius=6, opacity=0.5),
                   Text(8, 20, "Approve", 12, P.INK_900, True)), z=2, ref="a")
    dark = themed(Drawing(200, 100, (group,), "T"), "dark")
    rect, text = dark.groups[0].items
    assert rect.fill == DARK_SURFACE and rect.stroke.color == dark_color(P.INK_200)
    assert (rect.stroke.dash, rect.radius, rect.opacity) == ((3, 2), 6, 0.5)
    assert text.color == dark_color(P.INK_900) and text.text == "Approve" and text.bold
    assert dark.groups[0].key == "stage:a" and dark.groups[0].x == 10 and dark.groups[0].z == 2
    assert themed(dark, "light") is dark
    with pytest.raises(ValueError, match="unknown theme"):
        themed(dark, "sepia")


def test_the_whole_example_has_no_light_colour_left_on_large_shapes(example_file):
    dark = themed(chain_drawing(load(example_file)), "dark")
    big_fills = [p.fill for g in dark.groups for p in g.items
                 if isinstance(p, Rect) and p.fill and p.w * p.h > 4000 and p.opacity == 1.0]
    assert big_fills and all(_lightness(f) < 0.3 for f in big_fills)


def test_theme_module_imports_no_qt():
    code = ("import sys, vscdesk.render.theme, vscdesk.render.callout, vscdesk.render.slides; "
            "print([m for m in sys.modules if m.startswith('PySide6')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
