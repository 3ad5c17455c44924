"""JSON output: ``dataclasses.asdict`` of the briefing, schema ``newsfuse.briefing/1``."""

from __future__ import annotations

import dataclasses
import json
from importlib import resources
from typing import Any

from newsfuse.model import Briefing


def to_dict(briefing: Briefing) -> dict[str, Any]:
    data = dataclasses.asdict(briefing)
    data["summary_text"] = briefing.summary_text
    return data


def to_json(briefing: Briefing, indent: int | None = 2) -> str:
    return json.dumps(to_dict(briefing), ensure_ascii=False, indent=indent) + "\n"


def schema() -> dict[str, Any]:
    """The JSON Schema the output follows (shipped with the package)."""
    text = resources.files("newsfuse").joinpath("schema/briefing-1.schema.json").read_text(encoding="utf-8")
    return json.loads(text)
