"""JSON output: ``dataclasses.asdict`` of the briefing, schema ``newsfuse.briefing/1``."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from importlib import resources
from typing import Any

from newsfuse.model import Briefing


def to_dict(briefing: Briefing) -> dict[str, Any]:
    data = dataclasses.asdict(briefing)
    data["summary_text"] = briefing.summary_text
    return data


def to_json(briefing: Briefing, indent: int | None = 2) -> str:
    return json.dumps(to_dict(briefing), ensure_ascii=False, indent=indent) + "\n"


def from_dict(data: dict[str, Any]) -> Briefing:
    """A briefing back from its JSON form (a stored briefing rendered again as Markdown or HTML)."""
    return _build(Briefing, {k: v for k, v in data.items() if k != "summary_text"})


def _build(cls: type, data: Any) -> Any:
    hints = typing.get_type_hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            values[f.name] = _value(hints[f.name], data[f.name])
    return cls(**values)


def _value(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return _build(hint, value)  # type: ignore[arg-type]
    if origin is tuple and isinstance(value, list | tuple):
        item = typing.get_args(hint)[0]
        return tuple(_value(item, v) for v in value)
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(hint):
            if dataclasses.is_dataclass(option) and isinstance(value, dict):
                return _build(option, value)  # type: ignore[arg-type]
    return value


def schema() -> dict[str, Any]:
    """The JSON Schema the output follows (shipped with the package)."""
    text = resources.files("newsfuse").joinpath("schema/briefing-1.schema.json").read_text(encoding="utf-8")
    return json.loads(text)
