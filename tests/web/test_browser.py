"""End-to-end: the web app in headless Chromium (Debian's, driven by Playwright; no downloaded browser).

Screenshots land in test-output/ so a person can look at them.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import ROOT, SAMPLE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
OUT = ROOT / "test-output"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (scripts/setup.sh --dev installs it)"
)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    import uvicorn

    from newsfuse.web import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


def test_upload_the_sample_and_follow_a_sentence_to_its_evidence(server, browser):
    OUT.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    page.goto(server)
    page.set_input_files("#files", [str(p) for p in sorted(SAMPLE.iterdir())])
    page.click("#go")
    page.wait_for_selector("#downloads a", timeout=60_000)
    assert "Briefed 9 documents" in page.inner_text("#status")
    report = page.frame_locator("#report")
    first = report.locator("[data-ev='s1']")
    first.click()
    highlighted = report.locator("mark.hit")
    assert highlighted.count() >= 1
    assert first.inner_text() in " ".join(highlighted.all_inner_texts())
    page.screenshot(path=str(OUT / "app-after-upload.png"), full_page=True)
    downloads = page.locator("#downloads a").all_inner_texts()
    assert downloads == ["Download briefing.json", "Download briefing.md"]


def test_a_script_in_a_document_never_runs(server, browser):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server)
    hostile = (
        "<script>window.pwned = 1; alert('pwned')</script>\n"
        'The council voted on Monday to approve the plan <img src=x onerror="window.pwned=1">, officials said.\n'
        '---\n<a href="javascript:alert(1)">A link</a> The vote was close, the clerk said on Tuesday evening.'
    )
    page.fill("#text", hostile)
    page.click("#go")
    page.wait_for_selector("#downloads a", timeout=60_000)
    frame = page.frame_locator("#report")
    frame.locator("[data-ev='s1']").click()
    time.sleep(0.3)
    assert dialogs == []
    assert page.evaluate("window.pwned") is None
    report = next(f for f in page.frames if f != page.main_frame)
    assert report.evaluate("window.pwned") is None
    assert report.locator("a[href^='javascript']").count() == 0
    assert "&lt;script&gt;" in report.content() or "<script>window.pwned" not in report.content()


def test_the_report_file_renders_on_its_own(browser, tmp_path):
    from newsfuse import brief
    from newsfuse.render import to_html

    OUT.mkdir(exist_ok=True)
    path = tmp_path / "report.html"
    path.write_text(to_html(brief([SAMPLE])), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 1800})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.hover("[data-ev='s2']")
    assert page.locator("mark.hit").count() >= 1
    page.screenshot(path=str(OUT / "report-sample.png"), full_page=True)
    assert all(url.startswith("file:") for url in requests)  # self-contained: nothing else is fetched
    assert Path(path).stat().st_size > 10_000
