"""Parse review: what the parser corrected or could not resolve, in context, and the
user's own mappings of unknown names onto units (for the session, and as an alias table)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from lib.analyse.filters import Selection
from lib.parse.pipeline import ParsedDocument
from lib.parse.schema import flag_codes, has_flag, join_flags

REVIEW_PARTS = ("corrections", "flagged", "splits")  # the report's tables of mentions


def review_table(selection: Selection, part: str) -> pd.DataFrame:
    """A view: the report's ``part`` (one of ``REVIEW_PARTS``) in context, or the items
    without units (``part="without_units"``), of the selection's whole document."""
    doc = selection.doc
    if part == "without_units":
        return items_without_units(doc)
    return in_context(doc, getattr(doc.report, part))


def review_choices(selection: Selection) -> tuple[list[str], list[str]]:
    """A view: ``mapping_choices`` of the selection's whole document."""
    return mapping_choices(selection.doc)


def in_context(doc: ParsedDocument, rows: pd.DataFrame) -> pd.DataFrame:
    """Report rows (mentions) with their item's task and ``source_ref``."""
    joined = rows.merge(doc.items[["item_no", "task", "source_ref"]], on="item_no", how="left")
    return joined[["item_label", "raw", "unit", "kind", "flags", "task", "source_ref"]]


def items_without_units(doc: ParsedDocument) -> pd.DataFrame:
    """The items no unit was read from (they stay in the items table), with their units text
    as written and where they are, so that nothing is dropped unseen."""
    missing = doc.items[~doc.items["item_no"].isin(doc.assignments["item_no"])]
    return missing[["item_label", "task", "units_text", "source_ref"]].reset_index(drop=True)


def apply_aliases(doc: ParsedDocument, aliases: dict[str, str]) -> ParsedDocument:
    """The document with each name in ``aliases`` mapped onto its chosen unit.

    The mapped rows take the unit's kind, lose ``unknown_unit`` and gain ``mapped_by_user``;
    独立承担 is recomputed; the report's list of unresolved mentions shrinks accordingly.
    """
    if not aliases:
        return doc
    a = doc.assignments
    mapped = a["unit"].isin(list(aliases))
    if not mapped.any():
        return doc
    kinds = a.drop_duplicates("unit").set_index("unit")["kind"]
    units = a["unit"].where(~mapped, a["unit"].map(aliases))
    flags = a["flags"].where(~mapped, a["flags"].map(_mapped_flags))
    kind = a["kind"].where(~mapped, units.map(kinds).fillna(a["kind"]))
    updated = a.assign(unit=units, kind=kind, flags=flags)
    named = updated[updated["kind"] != "collective"].groupby("item_no")["unit"].nunique()
    sole = (updated["kind"] != "collective") & updated["item_no"].map(named).eq(1)
    updated = updated.assign(sole=sole.astype(bool))
    flagged = updated[has_flag(updated["flags"], "unknown_unit")].reset_index(drop=True)
    report = replace(doc.report, flagged=flagged)
    return replace(doc, assignments=updated, report=report)


def _mapped_flags(flags: str) -> str:
    return join_flags([*(c for c in flag_codes(flags) if c != "unknown_unit"), "mapped_by_user"])


def alias_table(aliases: dict[str, str], assignments: pd.DataFrame) -> pd.DataFrame:
    """The mappings as rows for data/units.csv: canonical, kind, aliases joined with |."""
    kinds = assignments.drop_duplicates("unit").set_index("unit")["kind"]
    rows = {}
    for name, unit in sorted(aliases.items()):
        rows.setdefault(unit, []).append(name)
    return pd.DataFrame(
        [(unit, kinds.get(unit, "other"), "|".join(names)) for unit, names in rows.items()],
        columns=["canonical", "kind", "aliases"],
    )


def mapping_choices(doc: ParsedDocument) -> tuple[list[str], list[str]]:
    """(names to map: the unresolved ones, units to map onto: the named, non-collective ones)."""
    a = doc.assignments
    return sorted(set(doc.report.flagged["unit"])), sorted(
        set(a.loc[a["kind"] != "collective", "unit"])
    )


def corrected_counts(doc: ParsedDocument) -> dict[str, int]:
    """Mentions the parser corrected on its own (listed on the review page and in
    ``report_text``): names read as a canonical name, and runs written without separators."""
    return {"名称已校正": len(doc.report.corrections), "连写已拆分": len(doc.report.splits)}


def unresolved_counts(doc: ParsedDocument) -> dict[str, int]:
    """What the parser could not resolve, for someone to check: nothing is dropped silently.

    Item 3's units cell is ``/`` (none written): the item counts as one without units, and
    number 2 is missing.

    >>> from lib.parse.pipeline import parse_bytes
    >>> text = "序号\\n主要工作\\n责任单位\\n1\\n任务一\\n发改局\\n3\\n任务二\\n/\\n4\\n任务三\\n财政局"
    >>> unresolved_counts(parse_bytes(text.encode()))
    {'未收录的单位提及': 0, '无责任单位的事项': 1, '编号问题': 1, '未能识别的字符': 0, '可能不完整的事项': 0}
    """
    report = doc.report
    return {
        "未收录的单位提及": len(report.flagged),
        "无责任单位的事项": len(report.items_without_units),
        "编号问题": len(report.numbering_problems),
        "未能识别的字符": len(report.leftovers),
        "可能不完整的事项": len(report.incomplete_items),
    }
