from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from lib.parse.pipeline import ParsedDocument, parse_path
from lib.parse.units import Lexicon, document_lexicon

# The app's list library during the tests: a fresh SQLite file of their own, never the
# project's var/ (servers the browser tests start inherit it)
os.environ["ZRQD_DATA_DIR"] = tempfile.mkdtemp(prefix="zrqd-test-library-")
os.environ.pop("ZRQD_DATABASE_URL", None)

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "zhuji-2023-key-work-list.txt"
FIXTURES = ROOT / "tests" / "fixtures"

settings.register_profile("ci", deadline=None, derandomize=True, max_examples=200)
settings.register_profile("dev", deadline=None, max_examples=200)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tiers by place: tests/browser are ``browser``, tests/test_office.py is ``office``
    (``slow`` is marked in the modules and tests that are)."""
    for item in items:
        path = str(item.fspath).replace("\\", "/")
        if "/tests/browser/" in path:
            item.add_marker(pytest.mark.browser)
        elif path.endswith("/tests/test_office.py"):
            item.add_marker(pytest.mark.office)


@pytest.fixture(scope="session")
def bundled() -> ParsedDocument:
    return parse_path(BUNDLED)


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return document_lexicon("诸暨")
