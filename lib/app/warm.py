"""Work every server does once, done before a user asks for it: jieba's dictionary (about a
second: the first keyword view would wait for it) and plotly's machinery for the charts the
pages draw (the first chart of each kind would).

``warm_up`` starts one background thread per process after the first page's run (app.py
calls it at the end of its run); the thread waits ``DELAY`` seconds first, while the browser
draws that page (measured: starting at once made a fresh server's first chart 12% slower),
then works while the user reads it. The health check and other sessions go on meanwhile (the
thread gives up the interpreter like any other); a keyword view asked for before the thread
is done waits for the one build (``lib.analyse.keywords.tokenizer`` holds a lock).
"""

from __future__ import annotations

import logging
import threading
import time

DELAY = 2.0  # seconds
_STARTED = threading.Event()


def warm_up(delay: float = DELAY) -> threading.Thread | None:
    """Start the warm-up thread, once per process; returns it the first time, else None."""
    if _STARTED.is_set():
        return None
    _STARTED.set()
    thread = threading.Thread(target=_warm, args=(delay,), name="zrqd-warm-up", daemon=True)
    thread.start()
    return thread


def _warm(delay: float) -> None:
    time.sleep(delay)
    try:
        _warm_charts()
        _warm_keywords()
        import networkx  # noqa: F401 - the network page's first visit
        import xlsxwriter  # noqa: F401 - the first download
    except Exception:  # a warm-up is an optimisation: its failure must not reach anyone
        logging.getLogger(__name__).exception("warm-up failed")


def _warm_charts() -> None:
    """Each kind of trace the pages draw, built and serialized once (plotly loads each
    trace's validators on first use)."""
    import plotly.graph_objects as go

    figure = go.Figure(
        [
            go.Bar(x=[1], y=["单位"], orientation="h", text=["1"]),
            go.Heatmap(z=[[1]], x=["主题"], y=["单位"]),
            go.Scatter(x=[0, 1], y=[0, 1], mode="lines+markers+text", text=["甲", "乙"]),
        ]
    )
    figure.update_layout(title="预热", xaxis={"title": "事项"}, yaxis={"autorange": "reversed"})
    figure.to_json()


def _warm_keywords() -> None:
    from lib.analyse.keywords import _textrank, load_vocabulary, tokenizer, word_tags

    tokenizer()
    _textrank()
    word_tags()
    load_vocabulary()
