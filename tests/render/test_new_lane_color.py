"""New lanes get a muted hue of their own, never the accent violet or a status colour."""

import colorsys

from vscdesk.render.palette import ACCENT, STATUS, new_lane_color

MOCKUP_INKS = ["#44618F", "#357568", "#8E5C22", "#5F6B33", "#94503F", "#366A83"]


def _hls(color: str) -> tuple[float, float, float]:
    r, g, b = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    h, lightness, s = colorsys.rgb_to_hls(r, g, b)
    return h * 360, lightness, s


def _apart(a: float, b: float) -> float:
    d = abs(a - b) % 360
    return min(d, 360 - d)


def test_the_mockup_inks_come_first_in_order():
    used: list[str] = []
    for ink in MOCKUP_INKS:
        assert new_lane_color(used) == ink
        used.append(ink)


def test_after_the_six_every_new_lane_has_a_distinct_muted_hue():
    used = list(MOCKUP_INKS)
    reserved = [_hls(ACCENT)[0]] + [_hls(s.fg)[0] for k, s in STATUS.items() if k != "no_data"]
    for n in range(12):
        color = new_lane_color(used)
        hue, lightness, saturation = _hls(color)
        assert 0.3 <= saturation <= 0.5 and 0.33 <= lightness <= 0.42, color  # muted, not grey
        nearest = min(_apart(hue, _hls(u)[0]) for u in used)
        assert nearest >= (10 if n < 7 else 5), (color, used)  # 13 lanes: still 10 degrees apart
        assert all(_apart(hue, r) >= 10 for r in reserved), color
        assert not 230 <= hue <= 320, color  # no violets beside the accent
        used.append(color)
    assert len(set(used)) == len(used)


def test_a_chain_with_its_own_colours_gets_the_hue_farthest_from_them():
    used = ["#44618F", "#44618F".replace("44", "45")]  # two blues, and a free mockup ink first
    assert new_lane_color(used) == "#357568"
    custom = [f"#{c}" for c in ("3C6586", "3C8286", "86563C", "65863C", "863C5D", "5F6B33",
                                "8E5C22", "94503F", "366A83", "357568", "44618F")]
    hue = _hls(new_lane_color(custom))[0]
    assert min(_apart(hue, _hls(c)[0]) for c in custom) >= 10
