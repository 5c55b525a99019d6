"""The app's one state: the document, the filters and what they select, behind one accessor.

The frame (``lib.app.frame``) sets it on every run before the page; pages read it with
``current()`` or ``selection()`` and compute their views with ``view(fn, *options)``.
"""

from __future__ import annotations

import contextlib
import functools
import re
import runpy
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from lib.analyse.filters import Filters, Selection, select
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


@dataclass(frozen=True, eq=False)
class AppState:
    """What every page works from. ``doc_key`` names the document as the caches see it
    (content, parser version, the user's mappings); ``problem`` is why there is no document;
    ``link_mismatch`` says that the link's document is not the one loaded."""

    doc: ParsedDocument | None
    filters: Filters | None
    doc_key: str = ""
    problem: str = ""
    link_mismatch: bool = False

    @functools.cached_property
    def selection(self) -> Selection:
        return select(self.doc, self.filters)


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
    if state.problem or state.doc is None:
        st.error(escape_markdown(state.problem or _NOT_LOADED))
        st.stop()
    return state


def selection() -> Selection:
    """The current document, filters and the tables they select."""
    return current().selection


@st.cache_data(max_entries=512, ttl=3600, show_spinner=False)
def _view(
    name: str, doc_key: str, filters: Filters, args: tuple, _fn: Callable, _selection: Selection
) -> object:
    return _fn(_selection, *args)


def view(fn: Callable[..., object], *args: object) -> object:
    """``fn(selection, *args)``, computed once per (document, user mappings, filters,
    arguments): reruns that change nothing reuse it."""
    state = current()
    return _view(
        f"{fn.__module__}.{fn.__qualname__}",
        state.doc_key,
        state.filters,
        args,
        fn,
        state.selection,
    )


def aliases(doc_id: str) -> dict[str, str]:
    """The user's mappings of names onto units for this document, this session."""
    return st.session_state.setdefault("_aliases", {}).setdefault(doc_id, {})
