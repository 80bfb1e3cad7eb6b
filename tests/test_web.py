"""The timeline page in a real headless Chromium (Debian's, driven by Playwright), against uvicorn on loopback.

Skipped only where Chromium or Playwright is missing and ANNALS_REQUIRE_BROWSER is unset (CI sets it).
Screenshots are kept in test-artifacts/.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from test_api import HOSTILE_SOURCE, build_corpus

from annals.api.app import create_app, vendor_ready
from annals.store.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("ANNALS_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _missing() -> str | None:
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


@pytest.fixture(scope="module")
def browser():
    missing = _missing()
    if missing:
        if os.environ.get("ANNALS_REQUIRE_BROWSER"):
            pytest.fail(f"browser tests are required (ANNALS_REQUIRE_BROWSER) but {missing}")
        pytest.skip(missing)
    if not vendor_ready():
        pytest.fail("the page's vendor files are missing: run `npm ci && npm run build` (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(path: Path):
    """uvicorn serving the corpus at `path` on a free loopback port, in a thread; yields the base URL."""
    import uvicorn

    corpus = Corpus(path)
    port = _free_port()
    config = uvicorn.Config(create_app(corpus), host="127.0.0.1", port=port, log_level="warning", access_log=False)
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)
    corpus.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The example corpus (and the hostile document)."""
    yield from _serve(build_corpus(tmp_path_factory.mktemp("web") / "corpus.db"))


@pytest.fixture(scope="module")
def big_server(tmp_path_factory):
    """A corpus of 10,000 events (copies of the example's, built straight into the tables)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("load_benchmark", ROOT / "benchmarks" / "load.py")
    load = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(load)
    path = tmp_path_factory.mktemp("big") / "corpus.db"
    load.build(path, events=10_000)
    yield from _serve(path)


@pytest.fixture()
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    opened.errors = errors  # a test that provokes an error on purpose clears it
    yield opened
    ARTIFACTS.mkdir(exist_ok=True)
    opened.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert errors == [], errors


def _ready(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("() => /events\\./.test(document.getElementById('status').textContent)", timeout=15000)


def test_web_page_shows_two_lanes_for_two_actors(page, server):
    _ready(page, f"{server}/?actor=Azerbaijan&actor=NATO")
    labels = page.locator(".vis-labelset .vis-label").all_inner_texts()
    assert [label.strip() for label in labels] == ["Azerbaijan", "NATO"]
    assert page.locator(".vis-item").count() > 5
    assert page.locator(".vis-cluster").count() >= 1  # zoomed out: groups, not every event
    assert "Azerbaijan:" in page.locator("#status").inner_text()


def test_web_default_page_picks_the_two_busiest_actors(page, server):
    _ready(page, server + "/")
    assert page.locator(".vis-labelset .vis-label").count() == 2
    assert "actor=Azerbaijan" in page.url


def test_web_filters_by_type(page, server):
    _ready(page, f"{server}/?actor=Azerbaijan&actor=NATO")
    before = page.locator("#status").inner_text()
    page.click("#types-none")
    page.check("#type-list input[value=visit]")
    page.wait_for_function(f"() => document.getElementById('status').textContent !== {before!r}"
                           " && /events\\./.test(document.getElementById('status').textContent)")
    assert "type=visit" in page.url
    kinds = page.eval_on_selector_all(".vis-item:not(.vis-cluster)", "items => items.map(i => i.className)")
    assert kinds and all("type-visit" in k for k in kinds)
    listed = page.eval_on_selector_all("#event-list .badge", "badges => badges.map(b => b.textContent)")
    assert listed and set(listed) == {"visit"}


def test_web_date_and_text_filters_go_to_the_api(page, server):
    _ready(page, f"{server}/?actor=Azerbaijan")
    page.fill("#since", "2004")
    page.fill("#until", "2006")
    page.click("button[type=submit]")
    page.wait_for_url("**until=2006**")
    page.wait_for_function("() => /events\\./.test(document.getElementById('status').textContent)")
    dates = page.eval_on_selector_all("#event-list .when", "cells => cells.map(c => c.textContent)")
    assert dates
    page.fill("#since", "not a date")
    page.click("button[type=submit]")
    page.wait_for_selector("#status.error")
    assert "since" in page.locator("#status").inner_text()
    assert all("400 (Bad Request)" in error for error in page.errors)
    page.errors.clear()


def test_web_click_opens_the_event_with_its_sentence_highlighted(page, server):
    _ready(page, f"{server}/?actor=Javier%20Solana&type=visit")
    page.locator(".vis-item .item-label").first.click()
    panel = page.locator("#panel")
    panel.wait_for(state="visible")
    page.wait_for_selector("#panel blockquote mark.hl-date")
    assert page.locator("#panel .edtf").inner_text()
    assert page.locator("#panel .event-type").inner_text() == "visit"
    date_text = page.locator("#panel .date-text").inner_text()
    assert date_text in page.locator("#panel blockquote mark.hl-date").all_inner_texts()
    assert page.locator("#panel blockquote mark.hl-actor").count() >= 1
    link = page.locator("#panel figcaption a").first.get_attribute("href")
    assert link.startswith("/documents/") and "#at-" in link
    page.keyboard.press("Escape")
    panel.wait_for(state="hidden")


@pytest.mark.issue(13)
def test_web_panel_shows_the_frame_of_the_event(page, server):
    _ready(page, f"{server}/?actor=Javier%20Solana&type=visit")
    label = page.locator(".vis-item .item-label").first
    text = label.inner_text()
    assert " visits " in text  # the headline ("X visits Y"), not the sentence cut short
    label.click()
    page.wait_for_selector("#panel blockquote mark.hl-date")
    assert page.locator("#panel .headline").inner_text().startswith(text.rstrip("…"))
    acted = page.locator("#panel li[data-part='source']").all_inner_texts()
    assert acted and text.startswith(acted[0].split(" (")[0])  # who acted is marked, and heads the headline
    assert page.locator("#panel .source-headline").count() >= 1


def test_web_keyboard_opens_and_closes_an_event(page, server):
    _ready(page, f"{server}/?actor=Javier%20Solana&type=visit")
    page.locator(".vis-item .item-label").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel blockquote mark")
    assert page.evaluate("() => document.activeElement.id") == "panel"
    page.keyboard.press("Escape")
    page.locator("#panel").wait_for(state="hidden")
    assert page.evaluate("() => document.activeElement.classList.contains('item-label')")


def test_web_script_in_a_sentence_renders_as_text(page, server):
    _ready(page, f"{server}/?actor=Azerbaijan&text=pwned")
    page.locator(".vis-item .item-label").first.click()
    page.wait_for_selector("#panel blockquote")
    sentence = page.locator("#panel blockquote").inner_text()
    assert "<script>window.__pwned = 1</script>" in sentence
    assert page.locator("#panel script, #panel img, #event-list script").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    page.locator("#panel figcaption a").first.click()
    page.wait_for_selector("#doc-text mark#here")
    assert page.locator("#doc-title").inner_text().startswith("<img src=x")
    assert "<script>" in page.locator("#doc-text mark#here").inner_text()
    assert page.locator("main img, main script").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    assert HOSTILE_SOURCE in page.url


def test_web_ten_thousand_events_are_clustered_not_each_drawn(page, big_server):
    started = time.monotonic()
    page.goto(f"{big_server}/?actor=Azerbaijan&actor=NATO")
    page.wait_for_function("() => /events\\./.test(document.getElementById('status').textContent)", timeout=60000)
    loaded = time.monotonic() - started
    assert page.evaluate("() => page.items.length") > 10_000
    drawn = page.locator(".vis-item").count()
    assert 0 < drawn < 1000 and page.locator(".vis-cluster").count() > 0
    panned = page.evaluate("""async () => {
      const times = [];
      for (let i = 0; i < 5; i++) {
        const w = page.timeline.getWindow(), shift = (w.end - w.start) * 0.05, t0 = performance.now();
        page.timeline.setWindow(new Date(+w.start + shift), new Date(+w.end + shift), {animation: false});
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        times.push(performance.now() - t0);
      }
      return Math.max(...times.slice(1)); }""")
    assert loaded < 30 and panned < 500, (loaded, panned)


def test_web_phone_layout_fits_and_opens_the_panel(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    try:
        _ready(phone, f"{server}/?actor=Azerbaijan&actor=NATO&type=membership")
        assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
        phone.locator("#list-box summary").tap()
        phone.locator("#event-list button").first.tap()
        phone.wait_for_selector("#panel blockquote mark")
        ARTIFACTS.mkdir(exist_ok=True)
        phone.screenshot(path=str(ARTIFACTS / "test_web_phone_layout.png"))
    finally:
        context.close()
