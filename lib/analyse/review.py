"""Parse review: what the parser corrected or could not resolve, in context, and a person's
corrections of the reading (``Rule``: a name mapped onto a unit, renamed, accepted as a unit
of a kind or as a collective, a wrongly split name merged), applied to a document and written
as, or read from, rows of ``data/units.csv``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import pandas as pd

from lib.analyse.filters import Selection
from lib.parse.errors import ListError
from lib.parse.pipeline import SPLIT_FLAGS, ParsedDocument
from lib.parse.reference import load_reference
from lib.parse.schema import KINDS, flag_codes, has_flag, join_flags

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


def review_splits(selection: Selection) -> list[tuple[str, str]]:
    """A view: ``split_runs`` of the selection's whole document."""
    return split_runs(selection.doc)


def in_context(doc: ParsedDocument, rows: pd.DataFrame) -> pd.DataFrame:
    """Report rows (mentions) with their item's task and ``source_ref``."""
    joined = rows.merge(doc.items[["item_no", "task", "source_ref"]], on="item_no", how="left")
    return joined[["item_label", "raw", "unit", "kind", "flags", "task", "source_ref"]]


def items_without_units(doc: ParsedDocument) -> pd.DataFrame:
    """The items no unit was read from (they stay in the items table), with their units text
    as written and where they are, so that nothing is dropped unseen."""
    missing = doc.items[~doc.items["item_no"].isin(doc.assignments["item_no"])]
    return missing[["item_label", "task", "units_text", "source_ref"]].reset_index(drop=True)


MAP, RENAME, ACCEPT, MERGE = "map", "rename", "accept", "merge"
ACTIONS: dict[str, str] = {  # how the review page and the history name each correction
    MAP: "归并到已有单位",
    RENAME: "改名",
    ACCEPT: "确认为单位",
    MERGE: "合并误拆的名称",
}


@dataclass(frozen=True)
class Rule:
    """One person's correction of the reading, applied to every list of its scope.

    - ``map``: the unit ``name`` is ``target``, an existing unit (it takes that unit's kind);
    - ``rename``: the unit ``name`` is called ``target`` (it keeps its kind);
    - ``accept``: the name is a unit of ``kind`` (``collective`` marks it as a collective);
    - ``merge``: runs of names the parser split from text written without separators whose
      texts joined are ``name`` are one unit, ``target`` (of ``kind``, else guessed).
    """

    action: str
    name: str
    target: str
    kind: str = ""


LONGEST_NAME = 60  # characters of a unit's name; a longer one is no unit


def checked(rule: Rule) -> Rule:
    """``rule`` with its names' spaces tidied; ``ListError`` (a sentence for the user) when it
    cannot be kept: a name missing or too long, an unknown kind, a name renamed to itself."""
    name, target = " ".join(rule.name.split()), " ".join(rule.target.split())
    if not name or not target:
        raise ListError("请填写单位名称。")
    if max(len(name), len(target)) > LONGEST_NAME:
        raise ListError(f"单位名称过长（超过 {LONGEST_NAME} 个字）。")
    if rule.kind and rule.kind not in KINDS:
        raise ListError("单位类型无法识别。")
    if rule.action not in ACTIONS:
        raise ListError("无法识别的修改。")
    if rule.action in (MAP, RENAME) and name == target:
        raise ListError("新名称和原名称相同。")
    return Rule(rule.action, name, target, rule.kind)


def describe(rule: Rule) -> str:
    """A correction in words, for its history.

    >>> describe(Rule(MAP, "开发委", "发改局")), describe(Rule(ACCEPT, "各有关方面", "各有关方面", "collective"))
    ('开发委 → 发改局（归并到已有单位）', '各有关方面：标为泛指（不计为具体单位）')
    """
    if rule.action == ACCEPT:
        if rule.kind == "collective":
            return f"{rule.name}：标为泛指（不计为具体单位）"
        kind = f"（{KINDS[rule.kind]}）" if rule.kind in KINDS else ""
        return f"{rule.name}：确认为单位{kind}"
    if rule.action == MERGE and rule.name == rule.target:
        return f"{rule.name}：合并误拆的名称"
    return f"{rule.name} → {rule.target}（{ACTIONS.get(rule.action, rule.action)}）"


def apply_aliases(doc: ParsedDocument, aliases: dict[str, str]) -> ParsedDocument:
    """The document with each name in ``aliases`` mapped onto its chosen unit (``map`` rules)."""
    return apply_corrections(doc, [Rule(MAP, name, target) for name, target in aliases.items()])


def apply_corrections(doc: ParsedDocument, rules: Iterable[Rule]) -> ParsedDocument:
    """The document with a person's corrections applied, merges first, then the others in
    the order they were made (so that a renamed unit can be renamed again).

    The corrected rows lose ``unknown_unit`` and gain ``mapped_by_user``; 独立承担 is recomputed;
    the report's lists of unresolved mentions and of splits shrink accordingly.
    """
    rules = sorted(rules, key=lambda rule: rule.action != MERGE)  # stable: merges first
    if not rules:
        return doc
    a = doc.assignments
    for rule in rules:
        a = _merged(a, rule) if rule.action == MERGE else _renamed(a, rule)
    if a is doc.assignments:
        return doc
    named = a[a["kind"] != "collective"].groupby("item_no")["unit"].nunique()
    sole = (a["kind"] != "collective") & a["item_no"].map(named).eq(1)
    a = a.assign(sole=sole.astype(bool)).reset_index(drop=True)
    report = replace(
        doc.report,
        flagged=a[has_flag(a["flags"], "unknown_unit")].reset_index(drop=True),
        splits=a[has_flag(a["flags"], *SPLIT_FLAGS)].reset_index(drop=True),
    )
    return replace(doc, assignments=a, report=report)


def _renamed(a: pd.DataFrame, rule: Rule) -> pd.DataFrame:
    """``a`` with the rows of the unit ``rule.name`` corrected by a map, rename or accept."""
    hit = a["unit"] == rule.name
    if not hit.any():
        return a
    if rule.action == ACCEPT:
        unit, kind = rule.name, rule.kind or a.loc[hit, "kind"].iloc[0]
    elif rule.action == MAP:
        unit, kind = rule.target, rule.kind or _kind_of(a, rule.target, a.loc[hit, "kind"].iloc[0])
    else:  # rename: the unit keeps its kind unless one was chosen
        unit, kind = rule.target, rule.kind or a.loc[hit, "kind"].iloc[0]
    return a.assign(
        unit=a["unit"].mask(hit, unit),
        kind=a["kind"].mask(hit, kind),
        flags=a["flags"].mask(hit, a.loc[hit, "flags"].map(_mapped_flags)),
    )


def _merged(a: pd.DataFrame, rule: Rule) -> pd.DataFrame:
    """``a`` with each run of split rows of one item whose texts joined are ``rule.name``
    made one row, in the first's place and with its role (one cell, one role)."""
    split = has_flag(a["flags"], *SPLIT_FLAGS)
    if not split.any():
        return a
    drop, first = [], {}
    rows = a[split]
    for _, mentions in rows.groupby("item_no", sort=False):
        indexes, raws, positions = (
            list(mentions.index),
            list(mentions["raw"]),
            list(mentions["position"]),
        )
        start = 0
        while start < len(indexes):
            text, end = raws[start], start + 1
            while len(text) < len(rule.name) and end < len(indexes):
                if positions[end] != positions[end - 1] + 1:
                    break
                text, end = text + raws[end], end + 1
            if text == rule.name and end - start > 1:
                first[indexes[start]] = indexes[start:end]
                drop += indexes[start + 1 : end]
                start = end
            else:
                start += 1
    if not first:
        return a
    a = a.copy()
    kind = rule.kind or _kind_of(a, rule.target, "")
    for keep, run in first.items():
        codes = {c for f in a.loc[run, "flags"] for c in flag_codes(f)}
        codes -= {*SPLIT_FLAGS, "unknown_unit", "alias"}
        a.loc[keep, ["raw", "unit", "sub_office"]] = [rule.name, rule.target, ""]
        a.loc[keep, "kind"] = kind or guess_kind(rule.target)
        a.loc[keep, "flags"] = join_flags([*sorted(codes), "mapped_by_user"])
    a = a.drop(index=drop)
    return a.assign(position=a.groupby("item_no").cumcount() + 1)  # 1, 2 … in each item again


def _kind_of(a: pd.DataFrame, unit: str, otherwise: str) -> str:
    """The kind of ``unit``: as the list has it, else as the reference table has it."""
    found = a.loc[a["unit"] == unit, "kind"]
    if len(found):
        return found.iloc[0]
    return load_reference().kind_of(unit) or otherwise


def guess_kind(name: str) -> str:
    """The kind a new unit's name suggests (its ending, a Party prefix), else ``other``.

    >>> guess_kind("科技城建管办"), guess_kind("越美集团"), guess_kind("有关单位")
    ('department', 'enterprise', 'collective')
    """
    reference = load_reference()
    if reference.is_collective(name):
        return "collective"
    return reference.kind_of(name) or reference.guess_kind(name) or "other"


def _mapped_flags(flags: str) -> str:
    return join_flags([*(c for c in flag_codes(flags) if c != "unknown_unit"), "mapped_by_user"])


def alias_table(aliases: dict[str, str], assignments: pd.DataFrame) -> pd.DataFrame:
    """The mappings as rows for data/units.csv: canonical, kind, aliases joined with |."""
    return rules_table([Rule(MAP, name, unit) for name, unit in aliases.items()], assignments)


def rules_table(rules: Iterable[Rule], assignments: pd.DataFrame) -> pd.DataFrame:
    """Corrections as rows of ``data/units.csv`` (canonical, kind, aliases joined with |): a
    unit with the names mapped, renamed or merged onto it; an accepted name with its kind."""
    kinds = assignments.drop_duplicates("unit").set_index("unit")["kind"]
    rows: dict[str, list] = {}  # canonical → [kind, names]
    for rule in rules:
        canonical = rule.name if rule.action == ACCEPT else rule.target
        row = rows.setdefault(canonical, [kinds.get(canonical) or guess_kind(canonical), []])
        if rule.kind:
            row[0] = rule.kind
        if rule.name != canonical and rule.name not in row[1]:
            row[1].append(rule.name)
    return pd.DataFrame(
        [(unit, kind, "|".join(sorted(names))) for unit, (kind, names) in sorted(rows.items())],
        columns=["canonical", "kind", "aliases"],
    )


def rules_from_table(table: pd.DataFrame) -> list[Rule]:
    """Rows in the ``data/units.csv`` format as corrections: each alias mapped onto its
    canonical name of the row's kind, and the canonical name accepted as a unit of that kind
    when the reference table does not know it. Raises ``ListError`` naming a bad row.

    >>> rows = pd.DataFrame({"canonical": ["开发委"], "kind": ["department"], "aliases": ["开发区管委会|开发区"]})
    >>> [(r.action, r.name, r.target) for r in rules_from_table(rows)]
    [('accept', '开发委', '开发委'), ('map', '开发区管委会', '开发委'), ('map', '开发区', '开发委')]
    """
    missing = {"canonical", "kind", "aliases"} - set(table.columns)
    if missing:
        raise ListError("别名表须有 canonical、kind、aliases 三列（与 data/units.csv 相同）。")
    reference = load_reference()
    rules = []
    for number, (canonical, kind, names) in enumerate(
        table[["canonical", "kind", "aliases"]].fillna("").astype(str).itertuples(index=False),
        start=2,  # the header is line 1
    ):
        canonical, kind = canonical.strip(), kind.strip()
        if not canonical:
            if kind or names.strip():
                raise ListError(f"别名表第 {number} 行没有标准名称（canonical）。")
            continue  # a blank row
        if kind and kind not in KINDS:
            raise ListError(
                f"别名表第 {number} 行的单位类型“{kind[:20]}”无法识别，应为 {'、'.join(KINDS)} 之一。"
            )
        if reference.kind_of(canonical) is None:
            rules.append(Rule(ACCEPT, canonical, canonical, kind or guess_kind(canonical)))
        for name in (n.strip() for n in names.split("|")):
            if name and name != canonical:
                rules.append(Rule(MAP, name, canonical, kind))
    return rules


def split_runs(doc: ParsedDocument) -> list[tuple[str, str]]:
    """Runs of names the parser split apart that a person may join again: (the text as
    written, the names as split joined with “ + ”), each once, in the list's order.

    >>> from lib.parse.pipeline import parse_bytes
    >>> text = "序号\\n主要工作\\n责任单位\\n1\\n任务一\\n发改局财政局\\n2\\n任务二\\n发改局财政局"
    >>> split_runs(parse_bytes(text.encode()))
    [('发改局财政局', '发改局 + 财政局')]
    """
    split = doc.assignments[has_flag(doc.assignments["flags"], *SPLIT_FLAGS)]
    found: dict[str, str] = {}
    for _, mentions in split.groupby("item_no", sort=False):
        raws, positions = list(mentions["raw"]), list(mentions["position"])
        for start in range(len(raws)):
            for end in range(start + 2, len(raws) + 1):
                if positions[end - 1] != positions[end - 2] + 1:
                    break
                found.setdefault("".join(raws[start:end]), " + ".join(raws[start:end]))
    return list(found.items())


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
