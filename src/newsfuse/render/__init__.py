"""Render: a ``Briefing`` to Markdown, JSON or HTML. Pure functions from the briefing to a string."""

from newsfuse.render.html import to_html
from newsfuse.render.json import to_json
from newsfuse.render.markdown import to_markdown

__all__ = ["to_html", "to_json", "to_markdown"]
