"""The app's one state: the document, the filters and what they select, behind one accessor.

The frame (``lib.app.frame``) sets it on every run before the page; pages read it with
``current()`` or ``selection()`` and compute their views with ``view(fn, *options)``.
"""

from __future__ import annotations

import contextlib
import re
import runpy
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from lib.analyse.filters import FilterChoices, Filters, Selection, filter_choices, select
from lib.analyse.review import Rule
from lib.parse.pipeline import ParsedDocument

APP_PATH = Path(__file__).resolve().parents[2] / "app.py"
_STATE_KEY = "_state"
_NOT_LOADED = "尚未加载清单。"
_MARKDOWN_SPECIALS = "\\`*_{}[]()<>#+-.!|~$"
# Streamlit turns :name[…], :material/icon: and :emoji: into markup after unescaping, so a
# backslash cannot stop them: an invisible word joiner after the colon does.
_SHORTCODE_START = re.compile(r":(?=[A-Za-z0-9_+\-])")


def escape_markdown(text: str) -> str:
    """Document text shown through Markdown renders literally (``**x**`` stays ``**x**``,
    ``:red[x]`` and ``:material/warning:`` stay text)."""
    joined = _SHORTCODE_START.sub(":\u2060", str(text))
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in joined)


class Loaded:
    """One document as the app holds it (with the user's mappings), shared by every session
    that shows it, and what was worked out from it: the sidebar's choices, the selections
    and the views, each computed once per (filters, arguments) and kept while the document
    is (the most recent ``MAX_VIEWS`` of them). Nothing here is copied on use: views and
    tables are never changed after they are made (the load check in bench/ verifies it),
    and a document no session shows any more takes its views with it."""

    MAX_VIEWS = 256
    MAX_SELECTIONS = 16
    MAX_DERIVED = 64

    def __init__(self, doc: ParsedDocument, key: str, content_key: str = "") -> None:
        self.doc = doc
        self.key = key  # content, parser version and the user's mappings
        self.content_key = content_key  # content and parser version
        self.choices: FilterChoices = filter_choices(doc)
        self._selections: OrderedDict[Filters, Selection] = OrderedDict()
        self._views: OrderedDict[Hashable, object] = OrderedDict()
        self._derived: OrderedDict[Hashable, tuple[weakref.ref, object]] = OrderedDict()
        self._lock = threading.Lock()

    def selection(self, filters: Filters) -> Selection:
        return self._remembered(
            self._selections, filters, self.MAX_SELECTIONS, select, self.doc, filters
        )

    def view(self, fn: Callable[..., object], filters: Filters, args: tuple) -> object:
        key = (f"{fn.__module__}.{fn.__qualname__}", filters, args)
        return self._remembered(
            self._views, key, self.MAX_VIEWS, lambda: fn(self.selection(filters), *args)
        )

    def derived(self, source: object, key: Hashable, make: Callable[[], object]) -> object:
        """``make()``, remembered for as long as ``source`` (a table a view returned) lives:
        a table presented for the screen is presented once, not on every rerun."""
        memo_key = (id(source), key)
        with self._lock:
            found = self._derived.get(memo_key)
        if found is not None and found[0]() is source:
            return found[1]
        value = make()
        # apart from the views: a table made afresh each run never evicts them
        self._store(self._derived, memo_key, (weakref.ref(source), value), self.MAX_DERIVED)
        return value

    def _remembered(
        self, memo: OrderedDict, key: Hashable, limit: int, make: Callable, *args: object
    ) -> object:
        with self._lock:
            if key in memo:
                memo.move_to_end(key)
                return memo[key]
        value = make(*args)  # outside the lock: two sessions may both compute, one result stays
        self._store(memo, key, value, limit)
        return value

    def _store(self, memo: OrderedDict, key: Hashable, value: object, limit: int) -> None:
        """``value`` under ``key`` (replacing what was there), the oldest entries over
        ``limit`` dropped."""
        with self._lock:
            memo[key] = value
            memo.move_to_end(key)
            while len(memo) > limit:
                memo.popitem(last=False)


@dataclass(frozen=True, eq=False)
class AppState:
    """What every page works from: the loaded document and the filters; ``problem`` is why
    there is no document; ``link_mismatch`` says that the link's document is not the one
    loaded."""

    loaded: Loaded | None
    filters: Filters | None
    problem: str = ""
    link_mismatch: bool = False

    @property
    def doc(self) -> ParsedDocument | None:
        return self.loaded.doc if self.loaded else None

    @property
    def doc_key(self) -> str:
        """The document as the caches see it: content, parser version, the user's mappings."""
        return self.loaded.key if self.loaded else ""

    @property
    def selection(self) -> Selection:
        assert self.loaded is not None and self.filters is not None
        return self.loaded.selection(self.filters)


def set_state(state: AppState) -> None:
    st.session_state[_STATE_KEY] = state


_ENTRY = threading.local()


@contextlib.contextmanager
def entry() -> Iterator[None]:
    """Marks the run of app.py, so a page can tell that the frame was drawn before it."""
    _ENTRY.active = True
    try:
        yield
    finally:
        _ENTRY.active = False


def current() -> AppState:
    """The state with a document; stops the page with the reason when there is none.

    A deep link (``/explorer?unit=…``) to a freshly started server runs the page file alone,
    because Streamlit treats a ``pages/`` folder as pages until app.py has run once. The page
    then runs app.py itself (which draws the frame and this page) and stops.
    """
    if not getattr(_ENTRY, "active", False):
        runpy.run_path(str(APP_PATH), run_name="__main__")
        st.stop()
    state = st.session_state.get(_STATE_KEY) or AppState(None, None, problem=_NOT_LOADED)
    if state.link_mismatch:
        st.stop()  # the frame said why, once, above the page
    if state.problem or state.doc is None:
        st.error(escape_markdown(state.problem or _NOT_LOADED))
        st.stop()
    return state


def selection() -> Selection:
    """The current document, filters and the tables they select."""
    return current().selection


def view(fn: Callable[..., object], *args: object) -> object:
    """``fn(selection, *args)``, computed once per (document, user mappings, filters,
    arguments): reruns that change nothing reuse it (see ``Loaded``)."""
    state = current()
    assert state.loaded is not None and state.filters is not None
    return state.loaded.view(fn, state.filters, args)


def document_view(fn: Callable[..., object], *args: object) -> object:
    """``fn(selection of the whole document, *args)``, once per document whatever the
    filters: the parse report, the review tables, the unit sheets."""
    loaded = current().loaded
    assert loaded is not None
    return loaded.view(fn, Filters(), args)


def session_rules(doc_id: str) -> list[Rule]:
    """The user's corrections of this document, this session (when there is no library)."""
    return st.session_state.setdefault("_corrections", {}).setdefault(doc_id, [])
