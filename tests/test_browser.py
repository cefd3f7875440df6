"""The web UI in a real headless Chromium (Debian's chromium + chromedriver), on the example corpus.

Each page must load without console errors; clicking from the event list to an
event, then to one of its actors, must show the expected names and counts.
Screenshots of each page are saved to test-artifacts/screenshots/ for a person
to look at. Skipped (saying why) when chromium or chromedriver is not installed;
.ci/run installs them.
"""

import os
import shutil
import socket
import threading
import time

import pytest

from newsgraph import api

from .conftest import EXAMPLES, ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SHOTS = ROOT / "test-artifacts" / "screenshots"

pytestmark = pytest.mark.skipif(
    not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)),
    reason="headless browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, resources):
    import uvicorn

    from newsgraph.web import create_app

    db = str(tmp_path_factory.mktemp("browser") / "ui.duckdb")
    api.ingest([str(EXAMPLES)], db=db, resources=resources)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", db
    srv.should_exit = True
    t.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1400,1000", "--disable-dev-shm-usage"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def visit(driver, url: str, shot: str) -> None:
    driver.get(url)
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{shot}.png"))
    errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert not errors, f"console errors on {url}: {errors}"


def test_pages_load_without_console_errors(server, browser):
    base, _ = server
    for path, name in [("/", "overview"), ("/events", "events"), ("/events?type=SANCTION&order=desc", "events-sanction"), ("/actors/VEN", "actor-venezuela"),
                       ("/network", "network"), ("/dyad?a=VEN&b=USA&by=year", "dyad"), ("/sources?actor=Maduro", "sources")]:
        visit(browser, base + path, name)
        assert browser.find_element("css selector", "h1").text


def test_click_event_then_actor(server, browser):
    from selenium.webdriver.common.by import By

    base, _ = server
    visit(browser, base + "/events?actor=PDVSA", "events-pdvsa")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")
    assert rows and "PDVSA" in browser.page_source or "Petróleos de Venezuela" in browser.page_source
    rows[0].find_element(By.CSS_SELECTOR, "td:nth-child(2) a").click()
    assert "/events/" in browser.current_url
    visit(browser, browser.current_url, "event")
    marks = browser.find_elements(By.CSS_SELECTOR, ".evidence-full mark")
    assert any(m.get_attribute("class") == "trigger" for m in marks)
    actor_links = browser.find_elements(By.CSS_SELECTOR, "dl.facts a.actor")
    assert actor_links
    name = actor_links[0].text
    actor_links[0].click()
    visit(browser, browser.current_url, "actor")
    assert browser.find_element(By.CSS_SELECTOR, "h1").text.startswith(name)
    count = int(browser.find_element(By.CSS_SELECTOR, "main > p").text.split()[0])
    assert count >= 1
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")) == min(count, 200)


def test_click_network_edge_to_dyad(server, browser):
    from selenium.webdriver.common.by import By

    base, _ = server
    visit(browser, base + "/network", "network-click")
    links = [a for a in browser.find_elements(By.CSS_SELECTOR, "table.counts a") if "/dyad?" in a.get_attribute("href")]
    assert links
    label = links[0].text
    links[0].click()
    visit(browser, browser.current_url, "dyad-click")
    heading = browser.find_element(By.CSS_SELECTOR, "h1").text
    assert " – " in heading and browser.find_elements(By.CSS_SELECTOR, "svg.chart rect"), (label, heading)
