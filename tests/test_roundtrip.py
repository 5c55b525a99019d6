"""The app's and the command line's own exports read back into the same tables."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.parse.pipeline import parse_bytes
from lib.write.export import to_csv_bytes, to_xlsx_bytes


@pytest.mark.parametrize(
    ("fmt", "headers"), [("csv", "zh"), ("csv", "en"), ("xlsx", "zh"), ("xlsx", "en")]
)
def test_assignments_export_reads_back_the_same(bundled, fmt: str, headers: str) -> None:
    write = to_csv_bytes if fmt == "csv" else to_xlsx_bytes
    back = parse_bytes(write(bundled.assignments, headers), f"分工.{fmt}")
    pd.testing.assert_frame_equal(back.assignments, bundled.assignments, check_dtype=False)
    assert back.doc_id == bundled.doc_id
    assert len(back.items) == 97


def test_formula_guard_is_undone_on_reading_back(bundled) -> None:
    a = bundled.assignments.assign(
        raw=["=" + r if i == 0 else r for i, r in enumerate(bundled.assignments["raw"])]
    )
    back = parse_bytes(to_csv_bytes(a), "分工.csv")
    assert back.assignments["raw"].iloc[0] == a["raw"].iloc[0]


@pytest.mark.parametrize("headers", ["zh", "en"])
def test_items_export_reads_back_the_same_items_and_assignments(bundled, headers: str) -> None:
    back = parse_bytes(to_xlsx_bytes(bundled.items, headers), "事项.xlsx")
    pd.testing.assert_frame_equal(back.items, bundled.items, check_dtype=False)
    columns = ["item_no", "position", "raw", "role", "kind", "sole"]
    pd.testing.assert_frame_equal(back.assignments[columns], bundled.assignments[columns])
    # the file does not carry the place (诸暨), so 海关诸暨站 cannot be recognized as 诸暨海关
    differ = back.assignments["unit"] != bundled.assignments["unit"]
    assert back.assignments.loc[differ, "raw"].tolist() == ["海关诸暨站"]
