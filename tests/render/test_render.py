import json
import re

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


def test_html_report_is_self_contained_and_links_evidence():
    from newsfuse.render import to_html

    briefing = brief([SAMPLE])
    page = to_html(briefing)
    assert page.startswith("<!doctype html>")
    assert "http://" not in page and "https://" not in page.replace("https://radio.example", "")
    for i in range(1, len(briefing.summary) + 1):
        assert f"data-ev='s{i}'" in page
        assert re.search(rf"<mark data-ids='[^']*\bs{i}\b", page), f"no evidence marked for sentence {i}"
    assert "<svg" in page and "Where sources disagree" in page and "Quotes" in page


def test_html_escapes_everything_a_document_brings():
    from newsfuse.render import to_html

    hostile = (
        "<script>alert('x')</script> The council voted on Monday to approve the plan, officials said. "
        '<a href="javascript:alert(1)">click</a> <img src=x onerror=alert(1)> The vote was close, they said.'
    )
    briefing = brief(
        [{"id": "<b>evil</b>.txt", "title": "<i>T</i>", "source": '"><script>', "text": hostile}]
    )
    page = to_html(briefing)
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>evil" not in page
    assert 'href="javascript:' not in page and "&lt;script&gt;" in page
