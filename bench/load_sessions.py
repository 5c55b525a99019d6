"""Many users at once: N browser sessions open the app together, each with its own filters
(in its link) and most with their own upload, and each must see only its own view.

Loopback only: the app is started headless on a free port of 127.0.0.1 and Chromium resolves
no other host. Bounded: at most 50 sessions and a total time limit. One headless Debian
Chromium, one browser context (own cookies, own websocket, own Streamlit session) per session.

Each session opens the overview with its filters in the URL, uploads its list in the sidebar
(the sample lists in tests/fixtures/samples/ and the bundled list; some keep the bundled
default), then must show its own document's title, its own numbers (the list's, or its one unit's), its
own filter chips (and no other), its own file in the uploader and its own document id and
filters in the URL; then it moves to a second page (explorer, keywords or network) through
the sidebar and must still show all of that. When every session is done, each document is
opened once more in a fresh session without filters: its numbers must still be those of the
document parsed here, so no session changed what the server keeps for the others.

Cached objects, checked in this process (the server's memory cannot be read from outside):
every process-wide cache of lib/ (the ``lru_cache`` loaders: reference tables, patterns,
jieba's tokenizer, theme index) and every mutable module-level table are fingerprinted, the
sessions' whole workload (parse, filters, every view the pages draw) is run, and the
fingerprints must not change; no view may change the tables it is given; and what the app
shares between sessions without copying (the parsed document, each view) is the same after
every view of every session has run on it.

Fails (exit status 1) on any of those, when any session's first chart (or, for one unit's view, its first numbers) takes over 30 s, or
when ``/_stcore/health``, polled throughout, takes over 2 s.

Run: .venv/bin/python bench/load_sessions.py --sessions 20
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import functools
import hashlib
import importlib
import inspect
import math
import os
import pickle
import pkgutil
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import lib  # noqa: E402
from lib.analyse.filters import Filters, apply_filters, select  # noqa: E402
from lib.analyse.review import apply_aliases  # noqa: E402
from lib.analyse.tables import headline_facts, overview_kpis, unit_ranking  # noqa: E402
from lib.parse.pipeline import ParsedDocument, parse_bytes  # noqa: E402
from lib.write.report import display_title  # noqa: E402

MAX_SESSIONS = 50
FIRST_CHART_LIMIT = 30.0  # seconds from opening the page to its first chart
HEALTH_LIMIT = 2.0  # seconds for one answer of /_stcore/health
HEALTH_EVERY = 0.25  # seconds between health probes
STEP_TIMEOUT_MS = 120_000  # one wait in the browser: long enough to measure a slow session
BUNDLED = ROOT / "data" / "zhuji-2023-key-work-list.txt"
SAMPLES = ROOT / "tests" / "fixtures" / "samples"
SHOTS = ROOT / "tests" / "browser" / "screenshots"  # a failed session's page, for a look
# the second page of session i: (URL path, its name in the sidebar)
SECOND_PAGES = (("explorer", "数据明细与下载"), ("keywords", "关键词"), ("network", "协同网络"))
TEXT_CANDIDATES = ("建设", "服务", "推进", "提升", "改造", "保障")


@dataclasses.dataclass(frozen=True)
class Document:
    """A list a session shows: uploaded from ``upload``, or the bundled default (None)."""

    label: str
    upload: Path | None
    doc: ParsedDocument

    @property
    def title(self) -> str:
        """The title as the app shows it (with the place in front when the title lacks it)."""
        return display_title(self.doc.meta)


@dataclasses.dataclass(frozen=True)
class Session:
    number: int
    document: Document
    filters: Filters
    second_page: tuple[str, str] | None

    def url(self, base: str) -> str:
        query = {"doc": self.document.doc.doc_id, **self.filters.to_query()}
        return f"{base}/?{urlencode(query, doseq=True)}"

    def tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        return apply_filters(self.document.doc.items, self.document.doc.assignments, self.filters)

    def selection(self):
        return select(self.document.doc, self.filters)

    def describe(self) -> str:
        chips = "、".join(label for _, _, label in self.filters.chips())
        if self.filters.include_collectives:
            chips = "、".join(filter(None, [chips, "含泛指单位"]))
        return f"{self.document.label} {chips or '无筛选'}"


@dataclasses.dataclass
class SessionResult:
    session: Session
    first_chart: float | None = None  # opening the page → first chart (or numbers) visible
    server_run: float | None = None  # websocket open → the server finished the first run
    ready: float | None = None  # opening the page → its own view complete (after its upload)
    problems: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class LoadReport:
    sessions: list[SessionResult]
    controls: list[SessionResult]
    health: list[float]  # seconds per probe; inf for a probe that failed
    cache_problems: list[str]
    seconds: float
    budget_exceeded: bool = False
    server_cpu: float | None = None  # CPU seconds the app server used while the sessions ran
    load_average: tuple[float, float] = (0.0, 0.0)  # the machine's, before and after

    def first_charts(self) -> list[float]:
        return [r.first_chart for r in self.sessions if r.first_chart is not None]

    def failures(self) -> list[str]:
        found = [
            f"#{r.session.number:02d} {p}"
            for r in self.sessions + self.controls
            for p in r.problems
        ]
        found += [
            f"#{r.session.number:02d} 首个图表用了 {r.first_chart:.1f} s（上限 {FIRST_CHART_LIMIT:.0f} s）"
            for r in self.sessions
            if r.first_chart is not None and r.first_chart > FIRST_CHART_LIMIT
        ]
        slow = [t for t in self.health if t > HEALTH_LIMIT]
        if slow:
            found.append(
                f"/_stcore/health 有 {len(slow)} 次超过 {HEALTH_LIMIT:.0f} s 或无应答（最慢 {max(slow):.2f} s）"
            )
        if not self.health:
            found.append("/_stcore/health 一次也没有测到")
        if self.budget_exceeded:
            found.append("超出总时限")
        return found + self.cache_problems

    def table(self) -> str:
        charts = self.first_charts()
        ready = [r.ready for r in self.sessions if r.ready is not None]
        runs = [r.server_run for r in self.sessions if r.server_run is not None]

        def seconds(values: list[float], pick: Callable[[list[float]], float]) -> str:
            return f"{pick(values):.1f} s" if values else "—"

        health = (
            f"{max(self.health):.2f} s"
            if self.health and math.isfinite(max(self.health))
            else "失败"
        )
        cpu = f"{self.server_cpu:.1f} s" if self.server_cpu is not None else "—"
        verdict = "通过" if not self.failures() else f"失败（{len(self.failures())} 项）"
        return "\n".join(
            [
                "| 同时打开的会话 | 首个图表（最慢） | 首个图表（中位数） | 服务器首轮运行（最慢） "
                f"| 各自视图就绪（最慢） | /_stcore/health（最慢，共 {len(self.health)} 次） | 服务器 CPU | 结果 |",
                "|---:|---:|---:|---:|---:|---:|---:|---|",
                f"| {len(self.sessions)} | {seconds(charts, max)} | {seconds(charts, statistics.median)} "
                f"| {seconds(runs, max)} | {seconds(ready, max)} | {health} | {cpu} | {verdict} |",
            ]
        )


# --- the plan: which document and filters each session gets ---


def documents() -> list[Document]:
    """The lists the sessions show, uploads first so that a small run is mostly uploads."""

    def uploaded(path: Path, label: str) -> Document:
        return Document(label, path, parse_bytes(path.read_bytes(), path.name))

    samples = [uploaded(p, "-".join(p.stem.split("_")[:2])) for p in sorted(SAMPLES.glob("*.txt"))]
    default = Document("诸暨（默认）", None, parse_bytes(BUNDLED.read_bytes(), BUNDLED.name))
    return samples[:2] + [default] + samples[2:] + [uploaded(BUNDLED, "诸暨（上传）")]


def filter_variants(doc: ParsedDocument) -> list[Filters]:
    """Filters that suit ``doc``, each leaving a chart on the overview."""
    a, items = doc.assignments, doc.items
    named = a[a["kind"] != "collective"]
    top = (
        named.groupby("unit")["item_no"].nunique().sort_values(ascending=False, kind="stable").index
    )
    sections = pd.concat([items["section"], items["theme"]])
    section = sections[sections != ""].value_counts().index[0]
    word = next((w for w in TEXT_CANDIDATES if items["task"].str.contains(w).sum() >= 2), "")
    candidates = [
        Filters(units=(top[0],)),
        Filters(role="lead", sections=(section,)),
        Filters(kinds=("department",), text=word),
        Filters(units=tuple(top[1:3])),
        Filters(include_collectives=True, role="co"),
        Filters(),
    ]
    usable = []
    for filters in candidates:
        chosen = select(doc, filters)
        if len(chosen.items) and not unit_ranking(chosen, filters.include_collectives).empty:
            usable.append(filters)
    return usable


def plan(count: int) -> list[Session]:
    """``count`` sessions over the documents and their filters, no two alike up to 35."""
    docs = documents()
    variants = {d.label: filter_variants(d.doc) for d in docs}
    sessions = []
    for i in range(count):
        document = docs[i % len(docs)]
        choices = variants[document.label]
        sessions.append(
            Session(i + 1, document, choices[i % len(choices)], SECOND_PAGES[i % len(SECOND_PAGES)])
        )
    return sessions


def controls(sessions: list[Session]) -> list[Session]:
    """One fresh, unfiltered session per document the load used."""
    seen: dict[str, Document] = {}
    for s in sessions:
        seen.setdefault(s.document.label, s.document)
    return [Session(100 + i, d, Filters(), None) for i, d in enumerate(seen.values(), 1)]


# --- cached objects, checked in this process ---


def fingerprint(value: object) -> str:
    """A digest of a value's content: frames by their cells, containers by their items."""
    digest = hashlib.sha256()
    _feed(digest, value, depth=0)
    return digest.hexdigest()


def _feed(digest, value: object, depth: int) -> None:
    put = digest.update
    if depth > 20:
        put(repr(type(value)).encode())
    elif isinstance(value, (pd.DataFrame, pd.Series)):
        labels = list(value.columns) if isinstance(value, pd.DataFrame) else [value.name]
        put(repr((type(value).__name__, value.shape, labels)).encode())
        try:
            put(pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes())
        except TypeError:  # unhashable cells (lists)
            put(pickle.dumps(value))
    elif hasattr(value, "FREQ") and hasattr(value, "total"):  # a jieba tokenizer: its dictionary
        put(repr((len(value.FREQ), value.total, hash(frozenset(value.FREQ.items())))).encode())
    elif isinstance(value, dict):
        put(b"{")
        for key in sorted(value, key=repr):
            _feed(digest, key, depth + 1)
            _feed(digest, value[key], depth + 1)
    elif isinstance(value, (list, tuple)):
        put(f"{type(value).__name__}[{len(value)}".encode())
        for item in value:
            _feed(digest, item, depth + 1)
    elif isinstance(value, (set, frozenset)):
        put(repr(sorted(map(repr, value))).encode())
    elif isinstance(value, re.Pattern):
        put(repr((value.pattern, value.flags)).encode())
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        # its fields, and its cached properties (computed now if they were not yet)
        state = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        state |= {
            name: getattr(value, name)
            for name, attr in vars(type(value)).items()
            if isinstance(attr, functools.cached_property)
        }
        put(type(value).__name__.encode())
        _feed(digest, state, depth + 1)
    else:
        put(repr(value).encode())


def process_caches() -> Iterator[tuple[str, object]]:
    """Every object lib/ keeps for the whole process: what ``lru_cache`` loaders without
    arguments return, and module-level dicts, lists and sets."""
    for info in pkgutil.walk_packages(lib.__path__, "lib."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            where = f"{info.name}.{name}"
            if (
                callable(value)
                and hasattr(value, "cache_info")
                and getattr(value, "__module__", "") == module.__name__
            ):
                if all(
                    p.default is not p.empty for p in inspect.signature(value).parameters.values()
                ):
                    yield f"{where}()", value()
            elif isinstance(value, (dict, list, set)) and not name.startswith("__"):
                yield where, value


def _workload(session: Session) -> list[str]:
    """What the server computes for one session (parse, filters, the views of its pages);
    the problems when a step changes the tables it is given."""
    from lib.analyse.keywords import keyword_table
    from lib.analyse.network import network
    from lib.analyse.tables import assignment_table, item_table

    document = session.document
    data = (document.upload or BUNDLED).read_bytes()
    doc = apply_aliases(parse_bytes(data, (document.upload or BUNDLED).name), {})
    chosen = select(doc, session.filters)
    given = (doc, chosen.items, chosen.assignments, chosen.item_assignments)
    inc = session.filters.include_collectives
    steps: list[tuple[str, Callable[[], object], tuple[object, ...]]] = [
        ("overview_kpis", lambda: overview_kpis(chosen), given),
        ("unit_ranking", lambda: unit_ranking(chosen, inc), given),
        ("item_table", lambda: item_table(chosen), given),
        ("assignment_table", lambda: assignment_table(chosen), given),
        ("keyword_table", lambda: keyword_table(chosen, "tfidf", 20), given),
        ("network", lambda: network(chosen, inc, 2, 1.0), given),
    ]
    problems = []
    for name, step, given in steps:
        before = fingerprint(given)
        step()
        if fingerprint(given) != before:
            problems.append(f"{name} 改动了传给它的表（会话 #{session.number:02d}）")
    if fingerprint(doc) != fingerprint(document.doc):
        problems.append(f"再次解析《{document.title}》得到的表与第一次不同")
    return problems


def _shared_objects_unchanged(sessions: list[Session]) -> list[str]:
    """The app shares one parsed document and one result per view between sessions, without
    copies (``lib.app.state.Loaded``): after every session's views ran on the shared objects,
    the document and every view's result are what they were when first made."""
    from lib.analyse.keywords import keyword_table
    from lib.analyse.network import network
    from lib.analyse.tables import assignment_table, item_table
    from lib.app import frame, state

    data = BUNDLED.read_bytes() + b"\n\n\n"  # bytes no session uploads: an entry of its own
    shared = frame.parse_source(frame.Source("shared-check.txt", data))
    loaded = state.Loaded(shared, "shared-check")
    document_before = fingerprint(shared)
    made: dict[tuple, tuple[object, str]] = {}
    for session in sessions:
        inc = session.filters.include_collectives
        for fn, args in (
            (overview_kpis, ()),
            (unit_ranking, (inc,)),
            (item_table, ()),
            (assignment_table, ()),
            (keyword_table, ("tfidf", 20)),
            (network, (inc, 2, 1.0)),
        ):
            result = loaded.view(fn, session.filters, args)
            key = (fn.__qualname__, session.filters, args)
            made.setdefault(key, (result, fingerprint(result)))
    problems = []
    if fingerprint(shared) != document_before:
        problems.append("共用的解析结果在各会话的计算之后变了")
    problems += [
        f"共用的视图 {key[0]} 在其他视图计算之后变了"
        for key, (result, before) in made.items()
        if fingerprint(result) != before
    ]
    return problems


def check_caches(sessions: list[Session]) -> list[str]:
    """No session's work changes what the process keeps for every session."""
    from streamlit.logger import set_log_level

    set_log_level("error")  # "no runtime" warnings: the caches are used outside the app here
    before = {name: fingerprint(value) for name, value in process_caches()}
    problems = [p for s in sessions for p in _workload(s)]
    after = {name: fingerprint(value) for name, value in process_caches()}
    problems += [
        f"进程级缓存 {name} 在会话的计算之后变了"
        for name in before
        if after.get(name) != before[name]
    ]
    return problems + _shared_objects_unchanged(sessions)


# --- the browser ---


async def _app_ready(page) -> None:
    """The app's own word that its run is over (Streamlit's script state on stApp, as the
    browser tests wait for it), then the content: until the run ends, elements of the run
    before (another document's numbers) may still be on the page."""
    from playwright.async_api import expect

    await page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']")
    await page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    await expect(page.get_by_test_id("stMain")).to_be_visible()
    await expect(page.get_by_test_id("stSidebar").get_by_text("筛选")).to_be_visible()
    await expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
    await expect(page.get_by_test_id("stStatusWidget")).to_be_hidden()


async def _check_own_view(
    page, session: Session, on_overview: bool, uploaded: bool = True
) -> list[str]:
    """The page shows this session's document, filters and upload (``uploaded``: the file in
    the uploader; else opened from the library: none there), and nothing else's."""
    from playwright.async_api import expect

    document = session.document
    main = page.get_by_test_id("stMain")
    await expect(main.locator("h1").first).to_have_text(document.title)
    await _app_ready(page)
    problems = []
    items, rows = session.tables()
    if on_overview:
        facts = headline_facts(session.selection())
        shown = (  # one unit's own numbers, or the list's
            (
                ("承担事项", facts["unit_roles"]["items"]),
                ("牵头", facts["unit_roles"]["lead"]),
                ("协同单位", facts["partners"]),
            )
            if facts["unit"]
            else (
                ("工作事项", facts["items"]),
                ("责任单位", facts["units"]),
                ("写明牵头单位的事项", facts["led_items"]),
            )
        )
        for label, value in shown:
            metric = main.get_by_test_id("stMetric").filter(
                has=page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
            )
            await expect(metric.get_by_test_id("stMetricValue")).to_have_text(str(value))
    chips = main.get_by_role("button", name=re.compile(r"^✕ "))
    expected = sorted(f"✕ {label}" for _, _, label in session.filters.chips())
    await expect(chips).to_have_count(len(expected))
    shown = sorted(t.strip() for t in await chips.all_inner_texts())
    if shown != expected:
        problems.append(f"筛选标签是 {shown}，应为 {expected}")
    files = page.get_by_test_id("stSidebar").get_by_test_id("stFileChipName")
    if document.upload and uploaded:
        await expect(files).to_have_count(1)
        await expect(files).to_have_attribute(
            "title", document.upload.name
        )  # the text is shortened
    else:
        await expect(files).to_have_count(0)
    await expect(main.get_by_test_id("stException")).to_have_count(0)
    await expect(main.get_by_text("链接对应的清单不在清单库中")).to_have_count(0)
    await page.wait_for_function(
        "id => new URLSearchParams(location.search).get('doc') === id", arg=document.doc.doc_id
    )
    query = parse_qs(urlsplit(page.url).query)
    if Filters.from_query(query) != session.filters:
        problems.append(
            f"链接中的筛选条件 {Filters.from_query(query)} 不是本会话的 {session.filters}"
        )
    return problems


def _is_script_finished(payload: str | bytes) -> bool:
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    if isinstance(payload, str):
        return False
    message = ForwardMsg()
    message.ParseFromString(payload)
    return message.WhichOneof("type") == "script_finished"


def _watch_first_run(page, result: SessionResult) -> None:
    """Time the server's part of the first chart: from the websocket opening (the page asks
    for a run right away) to the message that says the run is over."""
    opened: list[float] = []

    def on_frame(payload: str | bytes) -> None:
        if result.server_run is None and opened and _is_script_finished(payload):
            result.server_run = time.perf_counter() - opened[0]

    def on_websocket(socket) -> None:
        if socket.url.endswith("/_stcore/stream") and not opened:
            opened.append(time.perf_counter())
            socket.on("framereceived", on_frame)

    page.on("websocket", on_websocket)


async def _open(browser, base: str, session: Session) -> SessionResult:
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import expect

    result = SessionResult(session)
    context = await browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page = await context.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)
    _watch_first_run(page, result)
    try:
        start = time.perf_counter()
        await page.goto(session.url(base))
        # the overview's first answer: its chart, or its numbers (one unit's view has no chart)
        chart = page.locator(".js-plotly-plot .main-svg, [data-testid='stMetricValue']").first
        missing = page.get_by_text("链接对应的清单不在清单库中")
        opened_from_library = False
        if session.document.upload:
            # the link names the session's own list: opened from the library when an earlier
            # run stored it, else one message and no data until it is uploaded
            await expect(missing.or_(chart).first).to_be_visible()
            await page.wait_for_selector(
                "[data-testid='stApp'][data-test-script-state='notRunning']"
            )
            opened_from_library = not await missing.count()
            if not opened_from_library:
                if await page.locator(".js-plotly-plot").count():
                    result.problems.append("链接对应的清单不在清单库中时仍显示了图表")
                await page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
                    str(session.document.upload)
                )
        await expect(chart).to_be_visible()
        result.first_chart = time.perf_counter() - start
        uploaded = bool(session.document.upload) and not opened_from_library
        result.problems += await _check_own_view(page, session, True, uploaded)
        result.ready = time.perf_counter() - start
        if session.second_page:
            path, name = session.second_page
            await page.get_by_test_id("stSidebarNav").get_by_role("link", name=name).click()
            await expect(page).to_have_url(re.compile(rf"/{path}\?"))
            result.problems += await _check_own_view(page, session, False, uploaded)
            if path == "explorer":
                items, rows = session.tables()
                await expect(
                    page.get_by_text(f"当前筛选：{len(items)} 个事项，{len(rows)} 条责任分工")
                ).to_be_visible()
    except (PlaywrightError, AssertionError) as error:
        lines = str(error).strip().splitlines()
        waited = next((line.strip(" -") for line in lines if "waiting for" in line), "")
        result.problems.append(f"{lines[0][:200]}（{waited[:200]}）" if waited else lines[0][:300])
        SHOTS.mkdir(exist_ok=True)
        await page.screenshot(path=str(SHOTS / f"load-{session.number:02d}.png"), full_page=True)
    finally:
        await context.close()
    return result


# a process of its own, so that the Playwright traffic of this one never delays a probe
_HEALTH_PROBE = """
import sys, time, urllib.request
url, every = sys.argv[1], float(sys.argv[2])
while True:
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            ok = answer.read().strip() == b"ok"
    except OSError:
        ok = False
    print(time.perf_counter() - start if ok else "inf", flush=True)
    time.sleep(every)
"""


async def _poll_health(base: str, stop: asyncio.Event, times: list[float]) -> None:
    """Probe /_stcore/health every HEALTH_EVERY seconds until ``stop``; seconds per answer
    (inf for none) go to ``times``."""
    probe = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        _HEALTH_PROBE,
        f"{base}/_stcore/health",
        str(HEALTH_EVERY),
        stdout=asyncio.subprocess.PIPE,
    )

    async def read() -> None:
        async for line in probe.stdout:
            times.append(float(line))

    reader = asyncio.create_task(read())
    await stop.wait()
    probe.terminate()
    await probe.wait()
    await reader


async def _browse(base: str, sessions: list[Session], report: LoadReport) -> None:
    from playwright.async_api import async_playwright, expect

    from tests.browser.conftest import CHROMIUM

    expect.set_options(timeout=STEP_TIMEOUT_MS)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        )  # loopback only
        stop = asyncio.Event()
        health = asyncio.create_task(_poll_health(base, stop, report.health))
        try:
            report.sessions = list(
                await asyncio.gather(*(_open(browser, base, s) for s in sessions))
            )
            report.controls = list(
                await asyncio.gather(*(_open(browser, base, c) for c in controls(sessions)))
            )
        finally:
            stop.set()
            await health
            await browser.close()


def _server_cpu_seconds() -> float | None:
    """CPU time of the app server this process started (Linux /proc), else None."""
    total, found = 0.0, False
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(stat[1]) == os.getpid() and b"streamlit" in (entry / "cmdline").read_bytes():
                total += (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
                found = True
        except (OSError, IndexError, ValueError):
            continue
    return total if found else None


def run_load(count: int, max_seconds: float = 600.0) -> LoadReport:
    """Open ``count`` sessions at once on a fresh app; the report says what held."""
    if not 1 <= count <= MAX_SESSIONS:
        raise ValueError(f"会话数应在 1 到 {MAX_SESSIONS} 之间，而不是 {count}")
    from tests.browser.conftest import running_app

    started = time.perf_counter()
    sessions = plan(count)
    report = LoadReport([], [], [], check_caches(sessions), 0.0)
    load_before = os.getloadavg()[0]
    with running_app() as base:
        assert urlsplit(base).hostname == "127.0.0.1", base
        cpu_before = _server_cpu_seconds()
        try:
            asyncio.run(asyncio.wait_for(_browse(base, sessions, report), max_seconds))
        except TimeoutError:
            report.budget_exceeded = True
        cpu_after = _server_cpu_seconds()
    if cpu_before is not None and cpu_after is not None:
        report.server_cpu = cpu_after - cpu_before
    report.load_average = (load_before, os.getloadavg()[0])
    report.seconds = time.perf_counter() - started
    return report


def _session_lines(report: LoadReport) -> Iterator[str]:
    def fmt(value: float | None) -> str:
        return f"{value:5.1f} s" if value is not None else "    —  "

    for result in report.sessions + report.controls:
        s = result.session
        page = s.second_page[0] if s.second_page else "复查"
        mark = "✓" if not result.problems else "✗ " + "；".join(result.problems)
        yield (
            f"#{s.number:02d} 首图 {fmt(result.first_chart)}  服务器首轮 {fmt(result.server_run)}  "
            f"就绪 {fmt(result.ready)}  {page:<9} {s.describe()}  {mark}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sessions", type=int, default=20, help=f"同时打开的会话数（1–{MAX_SESSIONS}）"
    )
    parser.add_argument("--max-seconds", type=float, default=600.0, help="总时限（秒，至多 1800）")
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= MAX_SESSIONS:
        parser.error(f"--sessions 应在 1 到 {MAX_SESSIONS} 之间")
    if not 0 < args.max_seconds <= 1800:
        parser.error("--max-seconds 应在 0 到 1800 之间")
    report = run_load(args.sessions, args.max_seconds)
    print("\n".join(_session_lines(report)))
    print(
        f"\n总用时 {report.seconds:.0f} s；本机 {os.cpu_count()} 核，1 分钟平均负载 "
        f"开始 {report.load_average[0]:.1f}、结束 {report.load_average[1]:.1f}\n"
    )
    print(report.table())
    for failure in report.failures():
        print(f"失败：{failure}", file=sys.stderr)
    return 1 if report.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
