"""The server's one-time work (jieba's dictionary, plotly's chart machinery) is done in one
background thread after the first page, once per process."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

PROBE = """
import threading
from lib.analyse import keywords
from lib.app import warm

assert keywords._tokenizer.cache_info().currsize == 0
thread = warm.warm_up(delay=0)
assert thread is not None and thread.daemon
assert warm.warm_up() is None  # once per process
thread.join(120)
assert not thread.is_alive()
assert keywords._tokenizer.cache_info().currsize == 1  # the first keyword view finds it built
assert keywords._textrank.cache_info().currsize == 1
assert keywords.load_vocabulary.cache_info().currsize == 1  # and the background corpus
print("ok")
"""


@pytest.mark.slow
def test_warm_up_builds_jieba_once_in_the_background() -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"
