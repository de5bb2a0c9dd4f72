"""Sizes of the chain view, in pixels (see docs/visual-language.md, "Spacing and grid")."""

MARGIN = 32
MIN_WIDTH = 1600
TITLE_BASELINE = MARGIN + 18
SUBTITLE_BASELINE = MARGIN + 42
HEADER_Y = 102
HEADER_H = 46
ROW_HEADER_W = 214
LANES_X = 252
GUTTER = 6
TILE_RADIUS = 6
LANE_INSET = 12
CELL_PAD = 12

CARD_W = 140
CARD_H = 108
CARD_PAD = 10
CARD_GAP = 10
CARD_NAME_SIZE = 12.5
CARD_NAME_LEADING = 16

LANE_NAME_SIZE = 13
LANE_NAME_MAX = 236  # longer lane names are elided rather than widening the lane further
ROW_NAME_SIZE = 14.5
ROW_NAME_LEADING = 19
ROW_PAD = 18
ROW_TEXT_W = ROW_HEADER_W - 2 * ROW_PAD
SMALL_SIZE = 11.5

TRACK_FIRST = 18
TRACK_STEP = 12
CHANNEL_END = 14
CHANNEL_EMPTY = 20
TRACK_CLEARANCE = 8

LEGEND_GAP = 24
LEGEND_H = 74


def channel_height(tracks: int) -> float:
    """Height of an arrow channel above or below the cards."""
    if tracks == 0:
        return CHANNEL_EMPTY
    return TRACK_FIRST + TRACK_STEP * (tracks - 1) + CHANNEL_END


def track_offset(track: int) -> float:
    """Distance of a channel track from the card edge."""
    return TRACK_FIRST + TRACK_STEP * track


def row_header_height(name_lines: int) -> float:
    """What a row header needs: tag, name, trigger, value and stats lines."""
    return ROW_PAD + 16 + 12 + name_lines * ROW_NAME_LEADING + 8 + 2 * 20 + 8 + 14 + ROW_PAD
