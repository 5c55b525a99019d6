"""Server memory over many uploads: twenty distinct 1,000-item lists, one after another.

Each list is served as the default list (``ZRQD_DEFAULT_LIST``) and opened, page by page,
in a new session (Streamlit's AppTest, in this process, so this process is the server); the
resident memory after the first list and after the twentieth are compared. Goal: ≤ 1.3×,
i.e. what a list leaves behind is bounded (the caches forget old lists), not per upload.
Also prints the XLSX export of a 10,000-item assignments table (goal ≤ 2 s of CPU).

Run: .venv/bin/python bench/bench_memory.py [--lists 20]
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from bench.bench_pages import _page_harness  # noqa: E402
from bench.bench_parse import synthetic_list  # noqa: E402

PAGES = ("overview", "workload", "leads", "network", "keywords", "targets", "explorer", "review")


def resident_mb() -> float:
    """This process's resident memory (VmRSS) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def open_every_page() -> None:
    for page in PAGES:
        app = AppTest.from_function(
            _page_harness, kwargs={"page": f"{page}.py"}, default_timeout=300
        )
        app.run()
        assert not app.exception, (page, app.exception)


def memory_table(lists: int) -> None:
    print("| 已打开的清单（各 1,000 条） | 常驻内存 | 与第 1 份之比（目标 ≤ 1.3×） |")
    print("|---:|---:|---:|")
    first = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for number in range(1, lists + 1):
            path = Path(folder) / f"list-{number}.txt"
            path.write_bytes(synthetic_list(1_000, seed=number, distinct_tasks=True))
            os.environ["ZRQD_DEFAULT_LIST"] = str(path)
            open_every_page()
            gc.collect()
            memory = resident_mb()
            first = first or memory
            if number in (1, 2, 5, 10, lists):
                print(f"| {number} | {memory:.0f} MB | {memory / first:.2f}× |")
        del os.environ["ZRQD_DEFAULT_LIST"]


def export_table() -> None:
    from lib.analyse.filters import select
    from lib.analyse.tables import assignment_table
    from lib.parse.pipeline import parse_bytes
    from lib.write.export import to_csv_bytes, to_xlsx_bytes

    doc = parse_bytes(synthetic_list(10_000), "list.txt")
    table = assignment_table(select(doc))

    def cpu(action) -> float:
        start = time.process_time()
        action()
        return time.process_time() - start

    csv = min(cpu(lambda: to_csv_bytes(table, "zh")) for _ in range(3))
    xlsx = min(cpu(lambda: to_xlsx_bytes(table, "zh")) for _ in range(3))
    print(f"\n| 导出（合成清单 10,000 条的责任分工，{len(table):,} 行） | CPU 时间 | 与 CSV 之比 |")
    print("|---|---:|---:|")
    print(f"| CSV | {csv:.2f} s | 1.00× |")
    print(f"| XLSX（目标 ≤ 2 s） | {xlsx:.2f} s | {xlsx / csv:.1f}× |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", type=int, default=20)
    arguments = parser.parse_args()
    # AppTest in this process: Streamlit's "missing ScriptRunContext" warning is expected
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True
    memory_table(arguments.lists)
    export_table()
