"""JSON printed by the commands is valid JSON: no ``Infinity`` or ``NaN`` literals.

Figures can overflow (an SLA of 1e308 weeks is a valid document; in minutes it is infinite),
and Python's json module would print ``Infinity``, which no JSON parser accepts. Such a
number is printed as ``null``: there is no figure to give."""

from __future__ import annotations

import json
import math
from typing import Any


def finite(value: Any) -> Any:
    """``value`` with every non-finite float inside it replaced by None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [finite(item) for item in value]
    return value


def dumps(value: Any) -> str:
    """Indented, UTF-8-friendly JSON that any parser reads."""
    return json.dumps(finite(value), indent=2, ensure_ascii=False, allow_nan=False)
