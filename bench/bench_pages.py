"""Page speed against a reference measured in the same run (shared machines are noisy).

1. Warm rerun of each page (Streamlit's AppTest, caches warm) vs a minimal app that draws
   one plotly chart and one 100-row dataframe, on the bundled list (goal ≤ 1.5×) and on a
   synthetic 10,000-item list served as the deployment's default list (``ZRQD_DEFAULT_LIST``;
   goal ≤ 5×), with each page's first visit in a new session once the list is parsed (goal
   ≤ 3 s of server time).
2. In Chromium: from opening the overview to its first chart being visible, vs the same for
   the minimal app. Goal: within 1.3×. Skipped when Playwright or /usr/bin/chromium is missing.

Run: .venv/bin/python bench/bench_pages.py [--no-browser] [--no-large]
"""

from __future__ import annotations

import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# a list library of the run's own (the app stores every list it shows), never the project's var/
os.environ.setdefault("ZRQD_DATA_DIR", tempfile.mkdtemp(prefix="zrqd-bench-library-"))

from streamlit.testing.v1 import AppTest  # noqa: E402

PAGES = ["overview", "workload", "leads", "network", "keywords", "explorer", "review"]
MINIMAL = """
import numpy as np
import pandas as pd
import plotly.express as px
import streamlit as st

frame = pd.DataFrame({"单位": [f"单位{i}" for i in range(100)], "事项": np.arange(100) % 17})
st.plotly_chart(px.bar(frame.head(20), x="事项", y="单位", orientation="h"), key="chart")
st.dataframe(frame)
"""
REPEATS = 7


def _page_harness(page: str) -> None:
    """The app's own frame (app.main), opening on ``page``."""
    from app import main

    main(default=page, position="hidden")


def warm_rerun(app: AppTest) -> tuple[float, float]:
    """(first run, median warm rerun) in seconds."""
    start = time.perf_counter()
    app.run()  # cold: the page's own views (the list is parsed already, see apptest_table)
    first = time.perf_counter() - start
    assert not app.exception, app.exception
    app.run()
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - start)
        assert not app.exception, app.exception
    return first, statistics.median(times)


def apptest_table(title: str, goal: float) -> None:
    _, minimal = warm_rerun(AppTest.from_string(MINIMAL, default_timeout=300))
    # the list parsed once, as a server does for its first visitor
    AppTest.from_function(_page_harness, kwargs={"page": "review.py"}, default_timeout=300).run()
    print(f"\n{title}\n")
    print(f"| 页面 | 首次打开 | 热重跑（中位数） | 最小应用 | 倍数（目标 ≤ {goal:g}×） |")
    print("|---|---:|---:|---:|---:|")
    for name in PAGES:
        app = AppTest.from_function(
            _page_harness, kwargs={"page": f"{name}.py"}, default_timeout=300
        )
        first, seconds = warm_rerun(app)
        print(
            f"| {name} | {first:.2f} s | {seconds * 1000:.0f} ms | {minimal * 1000:.0f} ms "
            f"| {seconds / minimal:.2f}× |"
        )


def large_table(size: int = 10_000) -> None:
    """The same on a synthetic list of ``size`` items, served as the default list."""
    from bench.bench_parse import synthetic_list

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"synthetic-{size}.txt"
        path.write_bytes(synthetic_list(size))
        os.environ["ZRQD_DEFAULT_LIST"] = str(path)
        try:
            apptest_table(f"合成清单（{size:,} 条，ZRQD_DEFAULT_LIST）", 5)
        finally:
            del os.environ["ZRQD_DEFAULT_LIST"]


def browser_table() -> None:
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        print("\n(浏览器测量已跳过：未安装 playwright)")
        return
    if not Path("/usr/bin/chromium").exists():
        print("\n(浏览器测量已跳过：没有 /usr/bin/chromium)")
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from tests.browser.conftest import app_ready, running_app

    with tempfile.TemporaryDirectory() as folder:
        minimal_app = Path(folder) / "minimal.py"
        minimal_app.write_text(MINIMAL, encoding="utf-8")
        with (
            running_app() as app_url,
            running_app(minimal_app) as minimal_url,
            sync_playwright() as p,
        ):
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=[
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                ],
            )

            def first_chart(url: str) -> float:
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                start = time.perf_counter()
                page.goto(url)
                expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible(
                    timeout=120_000
                )
                seconds = time.perf_counter() - start
                context.close()
                return seconds

            first_chart(app_url), first_chart(minimal_url)  # warm both servers and caches
            ours = statistics.median(first_chart(app_url) for _ in range(5))
            theirs = statistics.median(first_chart(minimal_url) for _ in range(5))

            def fresh_first_chart(script: Path | None) -> float:
                """A new server each time: its first visitor's first chart."""
                with running_app(script) as url:
                    return first_chart(url)

            cold_ours = statistics.median(fresh_first_chart(None) for _ in range(3))
            cold_theirs = statistics.median(fresh_first_chart(minimal_app) for _ in range(3))

            def fresh_switches() -> dict[tuple[str, int], float]:
                """A new server: open the overview, read it for five seconds (a leader reads it
                for ten), then switch to each page in turn through the sidebar until its chart
                shows; twice, so that a first visit can be told from the page's own weight."""
                switches = {}
                with running_app() as url:
                    context = browser.new_context(viewport={"width": 1400, "height": 1000})
                    page = context.new_page()
                    page.goto(url)
                    app_ready(page)
                    page.wait_for_timeout(5000)  # the user reading the overview
                    for visit in (1, 2):
                        for title in ("工作量热力图", "关键词", "协同网络"):
                            start = time.perf_counter()
                            nav = page.get_by_test_id("stSidebarNav")
                            nav.get_by_role("link", name=title).click()
                            app_ready(page)
                            expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible()
                            switches[title, visit] = time.perf_counter() - start
                    context.close()
                return switches

            runs = [fresh_switches() for _ in range(3)]
            switches = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
            browser.close()
    print("\n| 浏览器：打开页面到首个图表可见 | 用时（中位数） | 倍数（目标 ≤ 1.3×） |")
    print("|---|---:|---:|")
    print(f"| 最小应用 | {theirs * 1000:.0f} ms | 1.00× |")
    print(f"| 总览 | {ours * 1000:.0f} ms | {ours / theirs:.2f}× |")
    print(f"| 新启动服务的第一个图表：最小应用 | {cold_theirs * 1000:.0f} ms | 1.00× |")
    print(
        f"| 新启动服务的第一个图表：总览 | {cold_ours * 1000:.0f} ms | {cold_ours / cold_theirs:.2f}× |"
    )
    print(
        "\n| 新启动的服务，看过总览后切换到 | 第一次（中位数） | 第二次（中位数） | 第一次 ÷ 第二次 |"
    )
    print("|---|---:|---:|---:|")
    for title in ("工作量热力图", "关键词", "协同网络"):
        first, second = switches[title, 1], switches[title, 2]
        print(
            f"| {title} | {first * 1000:.0f} ms | {second * 1000:.0f} ms | {first / second:.2f}× |"
        )


if __name__ == "__main__":
    # AppTest in this process: Streamlit's "missing ScriptRunContext" warning is expected
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True
    apptest_table("内置清单（97 条）", 1.5)
    if "--no-large" not in sys.argv:
        large_table()
    if "--no-browser" not in sys.argv:
        browser_table()
