"""The HTML report in a real headless browser (Debian's chromium, driven by Playwright).

Skips when chromium or Playwright is missing; `.ci/run` installs chromium. The screenshot
is kept in tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cliutil import run

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = Path(__file__).parent / "artifacts"
ARTICLE = """Officials weigh the leaked report

The minister allegedly hid the figures before the vote. <script>window.__pwned=1</script>

Some analysts claim the deal failed. <img src=x onerror="window.__pwned=2">

The general was reportedly dismissed last week, and he have remain in the the capital.
"""

sync_api = pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).exists():
    pytest.skip("chromium is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("html")
    (tmp / "story.txt").write_text(ARTICLE, encoding="utf-8")
    p = run(tmp, "story.txt", "--format", "html", "-o", "report.html")
    assert p.returncode in (0, 1), p.stderr
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1100, "height": 800})
        requests: list[str] = []
        pg.on("request", lambda r: requests.append(r.url))
        pg.goto((tmp / "report.html").as_uri())
        pg.wait_for_load_state("load")
        pg.requests = requests  # type: ignore[attr-defined]
        yield pg
        browser.close()


def test_no_script_from_the_article_ran(page) -> None:  # type: ignore[no-untyped-def]
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    text = page.locator(".article").inner_text()
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=2">' in text
    # nothing was fetched but the report itself
    assert all(u.startswith("file://") for u in page.requests)  # type: ignore[attr-defined]


def test_highlights_show_their_message_on_hover_and_focus(page) -> None:  # type: ignore[no-untyped-def]
    marks = page.locator("mark.hl")
    words = [marks.nth(i).evaluate("m => m.firstChild.textContent") for i in range(marks.count())]
    assert "allegedly" in words and "Some analysts claim" in words
    first = page.locator("mark.hl", has_text="allegedly").first
    tip = first.locator(".tip")
    assert not tip.is_visible()
    first.hover()
    assert tip.is_visible()
    assert "name the source" in tip.inner_text()
    page.mouse.move(0, 0)
    # keyboard: tab from the top of the page to the first highlight
    page.locator("body").focus()
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "MARK":
            break
    focused = page.evaluate("document.activeElement.firstChild.textContent")
    assert focused == "allegedly"
    assert tip.is_visible()
    described = page.evaluate(
        "document.getElementById(document.activeElement.getAttribute('aria-describedby'))"
        ".textContent"
    )
    assert "hedges.allegedly" in described
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "html-report.png"), full_page=True)
    assert (ARTIFACTS / "html-report.png").stat().st_size > 10_000


def test_filters_hide_a_pack(page) -> None:  # type: ignore[no-untyped-def]
    assert page.locator("#filters").is_visible()  # shown by the script, hidden without it
    hedges = page.locator('#filters input[value="hedges"]')
    n_before = page.locator("mark.hl:not(.off)").count()
    hedges.uncheck()
    n_after = page.locator("mark.hl:not(.off)").count()
    assert 0 < n_after < n_before  # grammar highlights stay
    assert not page.locator("li.finding[data-pack=hedges]").first.is_visible()
    warning = page.locator('#filters input[value="warning"]')
    hedges.check()
    warning.uncheck()
    assert page.locator("mark.hl.sev-warning:not(.off)").count() == 0
    warning.check()
    assert page.locator("mark.hl:not(.off)").count() == n_before
