"""Render: a ``Briefing`` to Markdown or JSON. Pure functions from the briefing to a string."""

from newsfuse.render.json import to_json
from newsfuse.render.markdown import to_markdown

__all__ = ["to_json", "to_markdown"]
