"""Page speed against a reference measured in the same run (shared machines are noisy).

1. Warm rerun of each page on the bundled list (Streamlit's AppTest, caches warm) vs a
   minimal app that draws one plotly chart and one 100-row dataframe. Goal: within 2×.
2. In Chromium: from opening the overview to its first chart being visible, vs the same for
   the minimal app. Goal: within 1.3×. Skipped when Playwright or /usr/bin/chromium is missing.

Run: .venv/bin/python bench/bench_pages.py [--no-browser]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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


def warm_rerun(app: AppTest) -> float:
    app.run()  # cold: parse, caches
    app.run()
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - start)
        assert not app.exception, app.exception
    return statistics.median(times)


def apptest_table() -> None:
    minimal = warm_rerun(AppTest.from_string(MINIMAL, default_timeout=120))
    print("| 页面 | 热重跑（中位数） | 最小应用 | 倍数（目标 ≤ 2×） |")
    print("|---|---:|---:|---:|")
    for name in PAGES:
        app = AppTest.from_function(
            _page_harness, kwargs={"page": f"{name}.py"}, default_timeout=120
        )
        seconds = warm_rerun(app)
        print(
            f"| {name} | {seconds * 1000:.0f} ms | {minimal * 1000:.0f} ms | {seconds / minimal:.2f}× |"
        )


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
    from tests.browser.conftest import running_app

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
            browser.close()
    print("\n| 浏览器：打开页面到首个图表可见 | 用时（中位数） | 倍数（目标 ≤ 1.3×） |")
    print("|---|---:|---:|")
    print(f"| 最小应用 | {theirs * 1000:.0f} ms | 1.00× |")
    print(f"| 总览 | {ours * 1000:.0f} ms | {ours / theirs:.2f}× |")


if __name__ == "__main__":
    apptest_table()
    if "--no-browser" not in sys.argv:
        browser_table()
