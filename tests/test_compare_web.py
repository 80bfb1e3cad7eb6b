"""The page's compare view in a real headless Chromium, over the invented countries' corpus (tests/fixtures/compare).

The browser, the page (with its screenshot in test-artifacts/) and the server come from test_web.py.
"""
from __future__ import annotations

import pytest
import test_web
from test_compare import DOCUMENTS, FIXTURES
from test_web import ARTIFACTS, _serve

from annals.store.corpus import Corpus

browser = test_web.browser  # the fixtures, shared
page = test_web.page

URL = "/?actor=Brevonia&actor=Valdoria&actor=Kestria"


@pytest.fixture(scope="module")
def compare_server(tmp_path_factory):
    path = tmp_path_factory.mktemp("compare_web") / "corpus.db"
    with Corpus(path) as corpus:
        for name in DOCUMENTS:
            corpus.add(FIXTURES / name)
    yield from _serve(path)


def _compared(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("() => /milestone/.test(document.getElementById('compare-status').textContent)",
                           timeout=15000)


def test_compare_web_matrix_shows_each_actor_s_dates(page, compare_server):
    _compared(page, compare_server + URL)
    headers = page.locator(".compare-matrix thead th").all_inner_texts()
    assert [h.strip() for h in headers] == ["Milestone", "Type", "Brevonia", "Valdoria", "Kestria"]
    rows = page.locator(".compare-matrix tbody tr")
    assert [r.strip() for r in rows.locator("th").all_inner_texts()] == [
        "Coastal Cooperation Council", "Harbour Partnership Programme", "Harbour Partnership Framework Document",
        "Joint Readiness Action Plan"]
    programme = rows.nth(1).locator("td").all_inner_texts()
    assert programme[1:] == ["1996-03-12 (2)", "1995-02-03 (2)", "1997-05-30 (2) ≠"]
    assert rows.nth(3).locator("td").all_inner_texts()[3] == "—"
    page.locator("#compare").screenshot(path=str(ARTIFACTS / "compare-view.png"))


def test_compare_web_chart_draws_one_path_per_actor(page, compare_server):
    _compared(page, compare_server + URL)
    chart = page.locator("svg.compare-chart")
    assert chart.locator("g.point").count() == 10  # 4 + 4 + 2 cells reached
    assert chart.locator("polyline.path").count() == 3
    assert chart.locator("g.point.conflict").count() == 1
    assert page.locator(".compare-legend li").all_inner_texts() == ["Brevonia", "Valdoria", "Kestria"]
    # Valdoria's line runs through its four milestones, left to right in time as they go down.
    xs = page.evaluate("""() => document.querySelector('svg.compare-chart polyline.actor-1').getAttribute('points')
        .split(' ').map((p) => Number(p.split(',')[0]))""")
    assert len(xs) == 4 and xs[0] < xs[1] < xs[2] < xs[3]


def test_compare_web_cell_opens_the_event_with_its_sources(page, compare_server):
    _compared(page, compare_server + URL)
    page.locator(".compare-matrix tbody tr").nth(1).locator("td").nth(3).locator("button").click()
    panel = page.locator("#panel")
    panel.wait_for(state="visible")
    page.wait_for_function("() => document.querySelectorAll('#panel-body figure.source').length === 2")
    assert "30 May 1997" in page.locator("#panel-title").inner_text()
    assert page.locator("#panel-body h3").inner_text() == "Sources (2)"
    assert "Kestria joins the Harbour Partnership Programme" in page.locator("#panel-body .headline").inner_text()
    assert page.locator("#panel-body .conflict-mark").inner_text() == "Another date: 30 June 1997"


def test_compare_web_point_opens_its_event_from_the_keyboard(page, compare_server):
    _compared(page, compare_server + URL)
    event_id = page.locator(".compare-matrix tbody tr").nth(3).locator("td").nth(2).locator("button").get_attribute(
        "data-event")
    point = page.locator(f"svg.compare-chart g.point[data-event='{event_id}']")
    assert point.count() == 1
    point.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => /9 October 2004/.test(document.getElementById('panel-title').textContent)")
    assert "Valdoria agrees the Joint Readiness Action Plan" in page.locator("#panel-body .headline").inner_text()
    page.keyboard.press("Escape")
    assert page.locator("#panel").is_hidden()


def test_compare_web_type_filter_reaches_the_matrix(page, compare_server):
    _compared(page, compare_server + URL + "&type=agreement")
    assert page.locator(".compare-matrix tbody th").all_inner_texts() == [
        "Harbour Partnership Framework Document", "Joint Readiness Action Plan"]


def test_compare_web_unknown_actor_is_a_message_not_a_crash(page, compare_server):
    page.goto(compare_server + "/?actor=Brevonia&actor=Atlantis")
    page.wait_for_function("() => document.getElementById('compare-status').classList.contains('error')",
                           timeout=15000)
    assert "no actor 'Atlantis'" in page.locator("#compare-status").inner_text()
    assert page.locator(".compare-matrix").count() == 0
    page.errors[:] = [e for e in page.errors if "status of 400" not in e]  # the failed requests, on purpose


def test_compare_web_phone_layout_fits_and_a_cell_opens_the_panel(browser, compare_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    try:
        _compared(phone, compare_server + URL)
        assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
        phone.locator(".compare-matrix tbody tr").first.locator("td button").first.tap()
        phone.wait_for_function("() => /10 March 1992/.test(document.getElementById('panel-title').textContent)")
        ARTIFACTS.mkdir(exist_ok=True)
        phone.screenshot(path=str(ARTIFACTS / "test_compare_web_phone_layout.png"), full_page=True)
    finally:
        context.close()
