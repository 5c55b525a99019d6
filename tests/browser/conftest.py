"""Browser harness every page's tests reuse: the real app on a free loopback port, driven by
Playwright in Debian's Chromium. Screenshots land in tests/browser/screenshots/ (ignored)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
# How long a page may take on a busy 2-core machine: the first load compiles the plotly
# bundle, a cold parse and a first chart each take seconds there. Every wait uses it, the
# assertions (expect) as well as the actions.
PAGE_TIMEOUT_MS = 90_000
SHOTS = Path(__file__).resolve().parent / "screenshots"
# REQUIRE_BROWSER=1 (set by scripts/test) turns a missing browser into a failure, not a skip.
REQUIRED = os.environ.get("REQUIRE_BROWSER") == "1"


def _missing() -> str:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    return ""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reason = _missing()
    if reason and not REQUIRED:
        for item in items:
            if "tests/browser" in str(item.fspath).replace("\\", "/"):
                item.add_marker(pytest.mark.skip(reason=reason))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """The app, started headless once for the session."""
    with running_app() as base:
        yield base


@pytest.fixture()
def fresh_server() -> Iterator[str]:
    """The app on a server that has served nobody yet (for first-visit deep links)."""
    with running_app() as base:
        yield base


@contextlib.contextmanager
def running_app(script: Path | None = None, data_dir: Path | None = None) -> Iterator[str]:
    """Start the app (or ``script``) headless on a free port; wait for its health endpoint.
    ``data_dir``: a library of its own (else the test run's, shared with the other tests)."""
    assert not _missing(), _missing()
    port = _free_port()
    log = open(ROOT / "tests" / "browser" / f"server-{port}.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script or ROOT / "app.py"),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "ZRQD_DATA_DIR": str(data_dir)} if data_dir else None,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                if answer.read().strip() == b"ok":
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"streamlit did not start: {Path(log.name).read_text()}")
        time.sleep(0.2)  # polling a port, not waiting on the page
    try:
        yield base
    finally:  # also when the body raises: a server left behind holds a port and a core
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        Path(log.name).unlink(missing_ok=True)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, tmp_path):
    from playwright.sync_api import expect

    context = browser.new_context(
        viewport={"width": 1400, "height": 1000}, locale="zh-CN", accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.set_default_navigation_timeout(PAGE_TIMEOUT_MS)
    expect.set_options(timeout=PAGE_TIMEOUT_MS)  # Playwright's default is 5 s
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def app_ready(page) -> None:
    """Wait until the app says its script has finished (Streamlit's own state on stApp, as in
    Streamlit's e2e tests), then for the content: the page, the sidebar, no skeleton."""
    from playwright.sync_api import expect

    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']")
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    expect(page.get_by_test_id("stMain")).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_text("筛选")).to_be_visible()
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden()


def click_center(page, locator) -> None:
    """Click the middle of a chart element the way a user does: plotly listens on its own
    drag layer, which lies over the bars and markers."""
    from playwright.sync_api import expect

    expect(locator).to_be_visible()
    locator.scroll_into_view_if_needed()  # a mouse click outside the viewport reaches nothing
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
