"""Numbers typed into panels: a point or a decimal comma, always finite, errors in words."""

from __future__ import annotations

import math


def parse_number(text: str, what: str, optional: bool = False) -> float | None:
    """A finite number from a field or cell, or a ValueError that says what is wrong.

    "4,5" is 4.5, as European users type it. "1,500" could be 1500 or 1.5, so it is refused
    with both readings rather than guessed."""
    text = text.strip()
    if not text:
        if optional:
            return None
        raise ValueError(f"{what} is required")
    candidate = _with_point(text, what)
    try:
        value = float(candidate)
    except ValueError:
        raise ValueError(f"{what} “{text}” is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number (not NaN or infinity)")
    return value


def _with_point(text: str, what: str) -> str:
    """One decimal comma becomes a point; a thousands-looking comma is refused."""
    if text.count(",") != 1 or "." in text:
        return text
    whole, fraction = text.split(",")
    digits = whole.lstrip("+-")
    if len(fraction) == 3 and digits.isdigit() and digits.lstrip("0") and fraction.isdigit():
        raise ValueError(f"{what} “{text}” could mean {whole}{fraction} or {whole}.{fraction}: "
                         "type it without the comma, or with a decimal point")
    return f"{whole}.{fraction}"
