import json

import jsonschema
import pytest

from newsfuse import brief
from newsfuse.model import Briefing, SourceRecord, Span, SummarySentence
from newsfuse.render import to_json, to_markdown
from newsfuse.render.json import schema

from ..conftest import SAMPLE


def test_json_validates_against_the_shipped_schema():
    data = json.loads(to_json(brief([SAMPLE])))
    jsonschema.validate(data, schema())
    assert data["schema"] == "newsfuse.briefing/1"


def test_schema_rejects_what_it_should():
    data = json.loads(to_json(brief([SAMPLE])))
    data["sources"][0]["status"] = "lost"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema())


def test_markdown_escapes_document_text():
    hostile = "<script>alert(1)</script> [click](javascript:alert(1)) *bold* # not a heading"
    briefing = Briefing(
        title="<img src=x onerror=alert(1)>",
        summary=(SummarySentence(hostile, ("a|b",), (Span("a|b", 0, 10),)),),
        facts=(),
        sources=(SourceRecord("a|b", "Outlet | Evil", None, None, "article", "used"),),
    )
    md = to_markdown(briefing)
    assert "<script>" not in md and "<img" not in md
    assert "\\[click\\](javascript:" in md  # brackets escaped: shown as text, never a link
    assert "| a\\|b |" in md  # a pipe in an id cannot break the table
