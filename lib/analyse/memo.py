"""What is worked out from a table, remembered for exactly as long as the table lives.

A keyword view tokenizes every task of a document once; a filter change then only recounts.
A global cache keyed by the tasks' text would keep every document ever uploaded; this one
forgets a document's tokens when its table is collected (a weak reference's callback).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from typing import TypeVar

Value = TypeVar("Value")


class TableMemo:
    """Values keyed by (a table's identity, a key); an entry goes when its table does."""

    def __init__(self) -> None:
        self._entries: dict[tuple[int, Hashable], tuple[weakref.ref, object]] = {}
        self._lock = threading.Lock()

    def along(self, table: object, key: Hashable, make: Callable[[], Value]) -> Value:
        """``make()`` for ``table`` and ``key``, made once while ``table`` lives.

        >>> import pandas as pd
        >>> memo, table, calls = TableMemo(), pd.DataFrame({"a": [1]}), []
        >>> [memo.along(table, "n", lambda: calls.append(1) or len(calls)) for _ in range(2)]
        [1, 1]
        >>> del table; len(memo)
        0
        """
        entry_key = (id(table), key)
        with self._lock:
            found = self._entries.get(entry_key)
        if found is not None and found[0]() is table:
            return found[1]  # type: ignore[return-value]
        value = make()
        ref = weakref.ref(table, lambda _, entry_key=entry_key: self._forget(entry_key))
        with self._lock:
            self._entries[entry_key] = (ref, value)
        return value

    def _forget(self, entry_key: tuple[int, Hashable]) -> None:
        with self._lock:
            found = self._entries.get(entry_key)
            if found is not None and found[0]() is None:
                del self._entries[entry_key]

    def __len__(self) -> int:
        return len(self._entries)
