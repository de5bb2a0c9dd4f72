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
LANE_NAME_MAX = 236  # longer lane names wrap (the headers grow) rather than widening the lane
LANE_NAME_TOP = 22  # baseline of a lane header's first name line
LANE_NAME_LEADING = 16
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


SMALL_LEADING = 15  # between the wrapped lines of a trigger or value


def row_header_height(name_lines: int, trigger_lines: int = 1, value_lines: int = 1,
                      name_leading: float = ROW_NAME_LEADING) -> float:
    """What a row header needs: tag, name, trigger, value and stats lines."""
    ends = sum(20 + SMALL_LEADING * (max(n, 1) - 1) for n in (trigger_lines, value_lines))
    return ROW_PAD + 16 + 12 + name_lines * name_leading + 8 + ends + 8 + 14 + ROW_PAD


CARD_NAME_TOP = 48  # baseline of a card's first name line
CARD_BADGES_ROOM = 44  # last name baseline to the card's bottom: badges centred at h - 20


def name_leading(size: float) -> float:
    """Line pitch of a card name set at ``size`` (a stepped-down font keeps the proportion)."""
    return CARD_NAME_LEADING * size / CARD_NAME_SIZE


def card_height(lines: int, size: float = CARD_NAME_SIZE) -> float:
    """A card tall enough for ``lines`` name lines: the mockup's 108 up to two lines."""
    need = CARD_NAME_TOP + max(lines - 1, 0) * name_leading(size) + CARD_BADGES_ROOM
    return max(float(CARD_H), need)


def lane_name_leading(size: float) -> float:
    """Line pitch of a lane name set at ``size`` in its header."""
    return LANE_NAME_LEADING * size / LANE_NAME_SIZE
