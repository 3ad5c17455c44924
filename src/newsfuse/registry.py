"""Swappable algorithms by versioned name. The names that ran are recorded in the briefing's settings,
so a report can be reproduced; `newsfuse info` lists them."""

from __future__ import annotations

from newsfuse.select import SELECTORS

__all__ = ["SELECTORS"]
