"""The reader's examples in its docstrings are true (they document the rules by example)."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("module", ["lib.duties", "lib.records", "lib.simplify", "lib.conventions",
                                    "lib.normalize", "lib.blocks"])
def test_docstring_examples_hold(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
