"""A report's rows matched to the items of its base list, by number and by task text, with
the score (an item's parts, 1.1 and 1.2 under 1, reported in its place); and the stored
lists a report most likely reports on."""

from __future__ import annotations

import pandas as pd

from lib.analyse.progress.reading import _label_style
from lib.parse.labels import label_number
from lib.parse.pipeline import ParsedDocument

NUMBER_SCORE = 30.0
SAME_MEASURE = 60.0  # the same figure in the same measure, but indicators less alike than this
SAME_NUMBERING = 0.8  # share of the pairs found by text whose numbers agree


def _other_indicator(report_task: str, base_task: str) -> bool:
    """Do the two tasks state the same figure of different indicators? (数字经济增加值增长7%
    is not 工业增加值增长7%: the shared figure and words make the texts look alike, so the
    names of what they measure must agree.)

    >>> _other_indicator("实现数字经济增加值增长7%", "工业增加值增长7%左右")
    True
    >>> _other_indicator("新建城市公园5个", "新建城市公园3个"), _other_indicator("工业增加值增长7%", "全市工业增加值增长7%")
    (False, False)
    """
    from rapidfuzz import fuzz

    from lib.analyse.targets import extract_targets

    report, base = extract_targets(report_task)[:1], extract_targets(base_task)[:1]
    return (
        bool(report and base)
        and (report[0].value, report[0].measure_unit) == (base[0].value, base[0].measure_unit)
        and fuzz.ratio(report[0].metric, base[0].metric) < SAME_MEASURE
    )


def _numbered_alike(pairs: dict[int, tuple[int, float]], report_numbers, base_numbers) -> bool:
    """Does the report number its items as the base list does? Only then is the same number
    evidence: a report of the items behind numbers them 1, 2, 3 afresh."""
    agree = sum(1 for i, (j, _) in pairs.items() if report_numbers[i] == base_numbers[j])
    return len(pairs) >= 2 and agree >= SAME_NUMBERING * len(pairs)


def match_to_base(
    progress: pd.DataFrame, report: ParsedDocument, base: ParsedDocument
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The report's rows on the items of its base list: each report item to a base item by
    task-text similarity (``task_pairs``, one to one, with the score), never two that state the
    same figure of different indicators (``_other_indicator``); then, when the report numbers
    its items as the base does (``_numbered_alike``), by the same number (``(二)`` is 二) if
    that base item is still free and the texts share something (a score of ``NUMBER_SCORE``
    at least: a report may reword a task, not replace it). Returns the progress rows with
    ``base_doc_id``, the base's ``item_no`` (missing when nothing matched) and
    ``match_score``, and the base items no report row covers."""
    from rapidfuzz import fuzz

    from lib.analyse.compare import MATCH_SCORE, task_pairs

    report_tasks = report.items["task"].tolist()
    base_tasks = base.items["task"].tolist()

    def allowed(i: int, j: int) -> bool:
        return not _other_indicator(report_tasks[i], base_tasks[j])

    pairs = task_pairs(report_tasks, base_tasks, MATCH_SCORE, allowed)
    used = {j for j, _ in pairs.values()}
    report_numbers = [label_number(label) for label in report.items["item_label"].astype(str)]
    base_numbers_written = [label_number(label) for label in base.items["item_label"].astype(str)]
    if _numbered_alike(pairs, report_numbers, base_numbers_written):
        numbered: dict[int, list[int]] = {}
        for j, number in enumerate(base_numbers_written):
            numbered.setdefault(number, []).append(j)
        for i, number in enumerate(report_numbers):
            for j in numbered.get(number, []) if number is not None and i not in pairs else []:
                score = float(fuzz.partial_ratio(report_tasks[i], base_tasks[j]))
                if j not in used and score >= NUMBER_SCORE and allowed(i, j):
                    pairs[i] = (j, score)
                    used.add(j)
                    break
    position = {no: i for i, no in enumerate(report.items["item_no"])}
    base_numbers = base.items["item_no"].tolist()
    matched = [pairs.get(position[no]) for no in progress["item_no"]]
    rows = progress.assign(
        base_doc_id=base.doc_id,
        item_no=pd.array([base_numbers[m[0]] if m else None for m in matched], dtype="Int64"),
        match_score=[round(m[1]) if m else float("nan") for m in matched],
        report_label=progress["item_label"],
        item_label=[str(base.items["item_label"].iloc[m[0]]) if m else "" for m in matched],
    )
    inherited = _sub_item_rows(rows, base, used)
    index_of = {no: j for j, no in enumerate(base_numbers)}
    used |= {index_of[no] for no in inherited["item_no"]}
    rows = pd.concat([rows, inherited], ignore_index=True) if len(inherited) else rows
    uncovered = base.items[~base.items.index.isin([base.items.index[j] for j in used])]
    return rows, uncovered[["item_no", "item_label", "task", "units_text"]].reset_index(drop=True)


def sub_items(items: pd.DataFrame) -> dict[int, int]:
    """Items numbered in another style between two items of the list's own style (十三, then
    1 2 3 4, then 十四: the four parts of 十三) → that item's number. A report may cover only
    the item. A run at the end is not taken (a second attachment numbered 1, 2, 3).

    >>> sub_items(pd.DataFrame({"item_no": [1, 2, 3, 4, 5], "item_label": ["十二", "十三", "1", "2", "十四"]}))
    {3: 2, 4: 2}
    >>> sub_items(pd.DataFrame({"item_no": [1, 2, 3], "item_label": ["一", "二", "1"]}))
    {}
    """
    labels = items["item_label"].astype(str).tolist()
    if not labels:
        return {}
    top = _label_style(labels[0])
    out: dict[int, int] = {}
    parent, parts = None, []
    for no, label in zip(items["item_no"], labels):
        if _label_style(label) == top:
            out.update(dict.fromkeys(parts, parent))
            parent, parts = int(no), []
        elif parent is not None:
            parts.append(int(no))
    return out


def _sub_item_rows(rows: pd.DataFrame, base: ParsedDocument, used: set[int]) -> pd.DataFrame:
    """Rows for the base items no report row covers whose item one does (``sub_items``): the
    item's status, said to come from it (``parent``)."""
    parents = sub_items(base.items)
    if not parents:
        return rows.iloc[0:0]
    covered = {int(base.items["item_no"].iloc[j]) for j in used}
    labels = dict(zip(base.items["item_no"], base.items["item_label"].astype(str)))
    out = []
    for sub, parent in parents.items():
        if sub in covered or parent not in covered:
            continue
        for row in rows[rows["item_no"] == parent].itertuples(index=False):
            out.append(
                row._replace(
                    item_no=sub,
                    item_label=labels[sub],
                    status_source="parent",
                    evidence=f"随第{labels[parent]}项：{row.evidence}".rstrip("："),
                    match_score=float("nan"),
                )
            )
    return pd.DataFrame(out, columns=rows.columns).astype({"item_no": "Int64"})


def matched_share(report: ParsedDocument, rows: pd.DataFrame, base: ParsedDocument) -> float:
    """The share of the report's items that ``match_to_base`` puts on an item of ``base``."""
    if report.items.empty:
        return 0.0
    on_base, _ = match_to_base(rows, report, base)
    return share_on_base(on_base)


FEW_MATCHED = 0.5  # under this share of a report's items on the list, it is not its report


def share_on_base(matched: pd.DataFrame) -> float:
    """The share of the report rows (each report's items once) put on an item of the base
    list; the items' parts that took their status count with the item.

    >>> share_on_base(pd.DataFrame({"report_label": ["1", "2", "2"], "item_no": [5, None, 7]}))
    0.5
    """
    own = matched[matched.get("status_source", pd.Series("", index=matched.index)) != "parent"]
    keys = [c for c in ("report", "report_label") if c in own]
    rows = own.drop_duplicates(keys)
    return float(rows["item_no"].notna().mean()) if len(rows) else 0.0


def likely_bases(
    report: ParsedDocument, year: int | None, candidates: list[tuple[str, str, str]]
) -> list[str]:
    """The ids of the ``candidates`` (doc_id, place, year) a report probably belongs to: its
    place (when both name one) and its period's year (when both have one), in their order."""
    place = report.meta.get("place", "")
    return [
        doc_id
        for doc_id, their_place, their_year in candidates
        if (not place or not their_place or place == their_place)
        and (year is None or not their_year or str(year) == their_year)
    ]
