"""Shared test helpers. Inputs are built in code from a short notation, so stage tests need no files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsfuse.clean import clean_documents
from newsfuse.model import Document
from newsfuse.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "port-alder-fire"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def parse_docs(notation: str) -> list[Document]:
    """Documents from ``=== id`` headers, each followed by its raw text (leading indentation removed)."""
    parts = re.split(r"^=== (\S+)[ \t]*\n", _dedent(notation), flags=re.MULTILINE)
    return [
        Document(id=doc_id, raw=text.strip("\n") + "\n")
        for doc_id, text in zip(parts[1::2], parts[2::2], strict=True)
    ]


def cleaned(notation: str, settings: Settings | None = None) -> list[Document]:
    return clean_documents(parse_docs(notation), settings or Settings())


def _dedent(text: str) -> str:
    lines = text.split("\n")
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(line[cut:] for line in lines)


def seeds() -> list[Path]:
    """The real seed documents, when the shared folder is beside the checkout (CI has it)."""
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip("../shared/seeds is not available")
    return sorted(folder.glob("*.txt"))


@pytest.fixture(scope="session")
def sample_docs() -> list[Document]:
    from newsfuse.ingest import load_documents

    settings = Settings()
    return clean_documents(load_documents([SAMPLE], settings), settings)


@pytest.fixture(scope="session")
def sample_raw() -> list[Document]:
    from newsfuse.ingest import load_documents

    return load_documents([SAMPLE])
