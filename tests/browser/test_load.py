"""Five users at once (bench/load_sessions.py): each sees only its own upload and filters,
no cached object changes, first charts within 30 s, the health endpoint within 2 s."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.load_sessions import FIRST_CHART_LIMIT, MAX_SESSIONS, run_load


def test_five_sessions_at_once_each_see_only_their_own_view() -> None:
    # a thread of its own: the async Playwright run needs a thread without the sync API's loop
    with ThreadPoolExecutor(1) as pool:
        report = pool.submit(run_load, 5, 150.0).result()
    print(report.table())
    assert report.failures() == []
    assert len(report.sessions) == 5 and all(r.ready is not None for r in report.sessions)
    assert sum(r.session.document.upload is not None for r in report.sessions) >= 4
    assert len({(r.session.document.label, r.session.filters) for r in report.sessions}) == 5
    assert max(report.first_charts()) <= FIRST_CHART_LIMIT
    assert report.controls and all(not r.problems for r in report.controls)


@pytest.mark.parametrize("count", [0, MAX_SESSIONS + 1])
def test_the_load_is_bounded(count: int) -> None:
    with pytest.raises(ValueError):
        run_load(count)
