from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from lib.parse.pipeline import ParsedDocument, parse_path
from lib.parse.units import Lexicon, document_lexicon

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "zhuji-2023-key-work-list.txt"
FIXTURES = ROOT / "tests" / "fixtures"

settings.register_profile("ci", deadline=None, derandomize=True, max_examples=200)
settings.register_profile("dev", deadline=None, max_examples=200)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def bundled() -> ParsedDocument:
    return parse_path(BUNDLED)


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return document_lexicon("诸暨")
