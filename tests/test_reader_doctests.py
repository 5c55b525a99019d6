"""The reader's examples in its docstrings are true (they document the rules by example)."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("module", ["lib.parse.duties", "lib.parse.records", "lib.parse.simplify", "lib.parse.conventions",
                                    "lib.parse.normalize", "lib.parse.blocks"])
def test_docstring_examples_hold(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
