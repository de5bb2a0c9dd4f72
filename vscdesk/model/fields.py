"""Constrained field types shared by every model class: ids, names, texts, numbers."""

from __future__ import annotations

import math
import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

MAX_NAME = 200
MAX_TEXT = 10_000
MAX_LIST = 500

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
# C0 and C1 control characters, DEL, and lone surrogates (which JSON can smuggle in).
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_IN_TEXT_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


def _check_id(value: str) -> str:
    if not _ID_RE.match(value):
        raise ValueError(
            "an id is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
        )
    return value


def _check_name(value: str) -> str:
    # isprintable() is False for every control character and surrogate, and runs in C: the
    # regular expression only has to look at the rare names that are not plainly printable.
    if not value.isprintable() and _CONTROL_RE.search(value):
        raise ValueError("a name may not contain control characters or line breaks")
    if not value.strip():
        raise ValueError("a name may not be blank")
    return value


def _check_text(value: str) -> str:
    if not value.isprintable() and _CONTROL_IN_TEXT_RE.search(value):
        raise ValueError("text may not contain control characters")
    return value


def _refuse_non_finite(value: object) -> object:
    """Say "not NaN or infinity" before range checks turn it into a puzzling bound message."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("must be a finite number (not NaN or infinity)")
    return value


def _check_finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("must be a finite number (not NaN or infinity)")
    return value


Id = Annotated[str, Field(max_length=64), AfterValidator(_check_id)]
Name = Annotated[str, Field(max_length=MAX_NAME), AfterValidator(_check_name)]
ShortText = Annotated[str, Field(max_length=MAX_NAME), AfterValidator(_check_text)]
Text = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_check_text)]
Color = Annotated[str, Field(pattern=_COLOR_RE.pattern)]
Finite = Annotated[float, AfterValidator(_check_finite)]
NonNegative = Annotated[float, Field(ge=0, le=1e12), BeforeValidator(_refuse_non_finite)]
Percent = Annotated[float, Field(ge=0, le=100), BeforeValidator(_refuse_non_finite)]
NameList = Annotated[list[Name], Field(max_length=MAX_LIST)]


def is_valid_id(value: str) -> bool:
    """True when ``value`` can be used as an id."""
    return bool(_ID_RE.match(value))
