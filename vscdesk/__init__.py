"""vscdesk: value streams drawn across the swimlanes of a value chain."""

__version__ = "0.1.0"
