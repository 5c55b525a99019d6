"""Column names of the data contract, their Chinese headers and the fixed list of flags."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa

ITEM_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "item_no",
    "item_label",
    "section",
    "theme",
    "task",
    "units_text",
    "leaders",
    "deadline",
    "source_ref",
)

ASSIGNMENT_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "item_no",
    "item_label",
    "position",
    "raw",
    "unit",
    "sub_office",
    "role",
    "sole",
    "kind",
    "flags",
)

ZH_HEADERS: dict[str, str] = {
    "doc_id": "文档",
    "item_no": "序号",
    "item_label": "原编号",
    "section": "分块",
    "theme": "主题",
    "task": "主要工作",
    "units_text": "责任单位原文",
    "leaders": "分管领导",
    "deadline": "完成时限",
    "source_ref": "出处",
    "position": "位次",
    "raw": "原文",
    "unit": "责任单位",
    "sub_office": "内设机构",
    "role": "牵头/配合",
    "duty": "职责",
    "sole": "独立承担",
    "kind": "单位类型",
    "flags": "校正说明",
    "metric": "指标",
    "value": "目标值",
    "value_min": "下限",
    "baseline": "基数",
    "measure_unit": "计量单位",
    "qualifier": "限定词",
    "span": "目标原文",
    "lead_units": "牵头单位",
    "co_units": "配合单位",
    "sole_units": "独立承担单位",
    # the tables of the analyses
    "lead_targets": "牵头的目标",
    "sole_targets": "独立承担的目标",
    "co_targets": "配合的目标",
    "total_targets": "合计",
    "partner": "协同单位",
    "shared": "共担事项数",
    "shared_labels": "共担事项（原编号）",
    "shared_tasks": "共担的事项",
    # comparing two lists
    "items_a": "事项（甲）",
    "items_b": "事项（乙）",
    "items_change": "事项增减",
    "lead_a": "牵头（甲）",
    "lead_b": "牵头（乙）",
    "lead_change": "牵头增减",
    "change": "变化",
    "item_label_a": "甲清单编号",
    "task_a": "甲清单事项",
    "item_label_b": "乙清单编号",
    "task_b": "乙清单事项",
    "score": "文字相似度",
    "partner_count": "协同单位数",
    "weighted_degree": "共担事项数（与各单位合计）",
    "betweenness": "桥梁作用",
    "led": "牵头事项",
    "item_count": "承担事项",
    "community": "协同群组",
    "keyword": "关键词",
    "weight": "权重",
    "count": "事项数",
    "sources": "出自事项（原编号）",
    # progress reports
    "base_doc_id": "基准清单",
    "period_start": "起始日期",
    "period_end": "截止日期",
    "status": "进度状态",
    "status_source": "判断来源",
    "evidence": "判断依据",
    "progress_text": "进展情况",
    "match_score": "与基准清单事项的相似度",
    "report_label": "进度表编号",
}

# An item's progress as a supervision office records it (lib/analyse/progress/)
STATUSES: dict[str, str] = {
    "done": "已完成",
    "on_track": "序时推进",
    "behind": "滞后",
    "not_started": "未启动",
    "unknown": "无法判断",
}
# What a 督办单 chases, as it names them (an item no report row covers is unknown too)
CHASED: dict[str, str] = {
    "behind": "滞后",
    "not_started": "未启动",
    "unknown": "未报进度或无法判断",
}
# Where a status came from
STATUS_SOURCES: dict[str, str] = {
    "column": "状态列（如是否达序）",
    "phrase": "进展表述中的词语",
    "figures": "报告数字与目标比较（按序时）",
    "rate": "完成率与序时进度比较",
    "goal": "报告数字与本期目标比较",
    "stage": "工程所处阶段与本期目标比较",
    "year_end": "年度完成情况，未写明差距",
    "reported": "写有进展，未写明滞后",
    "none": "未写进展",
    "earlier": "此前期次已完成，本期未再填写",
    "parent": "随所属事项（报告只写了上级事项）",
    "heading": "事项所在的标题",
    "summary": "报告中归类事项的一句（如某某等7项已完成、以上项目均滞后）",
    "cut": "事项被截断，进展不全",
}

# Text a spreadsheet would read as a formula starts with one of these; exports guard such a
# cell with a leading ', and reading an export back removes it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

ROLES: dict[str, str] = {"lead": "牵头", "co": "配合"}

# A unit's duty in an item, one meaning on every page, export and sheet: 牵头 (marked lead in
# any clause of the item), 独立承担 (the item's only named unit, no lead marked for it), 配合.
DUTIES: dict[str, str] = {"lead": "牵头", "sole": "独立承担", "co": "配合"}
DUTY_MEANING = (
    "牵头：写明为牵头单位；独立承担：事项只写了这一个具体单位，且未写明牵头；配合：其余。"
)

KINDS: dict[str, str] = {
    "department": "政府部门",
    "town": "镇乡街道",
    "collective": "泛指",
    "enterprise": "企业",
    "judicial": "司法机关",
    "party": "党群机关",
    "other": "其他",
}

# Every code that may appear in assignments.flags, with what it tells the reader.
FLAGS: dict[str, str] = {
    "alias": "简称或别称，已归并到标准名称",
    "separator_missing": "与相邻单位之间缺少分隔符，已按已知名称拆分",
    "split_by_ending": "缺少分隔符，已按单位名称结尾拆分",
    "dropped_char": "疑似漏字，已按唯一相近的已知单位校正",
    "swapped_chars": "疑似相邻两字颠倒，已校正",
    "unknown_unit": "未收录的单位，按原文保留",
    "sub_office": "括号内为内设机构或挂牌机构",
    "repeated": "同一事项中重复出现",
    "mapped_by_user": "校对时由用户修改（归并、改名、确认类型或合并误拆的名称）",
}

# Short Chinese labels of the flags, for Chinese headers (the 校正说明 column).
FLAG_LABELS: dict[str, str] = {
    "alias": "别称归并",
    "separator_missing": "缺分隔符",
    "split_by_ending": "按结尾拆分",
    "dropped_char": "漏字校正",
    "swapped_chars": "颠倒校正",
    "unknown_unit": "未收录单位",
    "sub_office": "内设机构",
    "repeated": "重复提及",
    "mapped_by_user": "人工校对",
}


def columns_frame(
    columns: dict[str, list], ints: Iterable[str] = (), bools: Iterable[str] = ()
) -> pd.DataFrame:
    """A table from its columns (text unless named in ``ints`` or ``bools``), built by Arrow:
    three times quicker than pandas converting a list of rows, the same dtypes.

    >>> columns_frame({"unit": ["发改局"], "item_no": [1]}, ints=["item_no"]).dtypes.tolist()
    [<StringDtype(na_value=nan)>, dtype('int64')]
    """
    types = dict.fromkeys(ints, pa.int64()) | dict.fromkeys(bools, pa.bool_())
    table = pa.table(
        {
            name: pa.array(values, type=types.get(name, pa.large_string()))
            for name, values in columns.items()
        }
    )
    return table.to_pandas()


def flag_codes(flags: str) -> tuple[str, ...]:
    """The codes of one ``flags`` cell.

    >>> flag_codes("alias;repeated"), flag_codes("")
    (('alias', 'repeated'), ())
    """
    return tuple(code for code in flags.split(";") if code)


def join_flags(codes: Iterable[str]) -> str:
    """Codes as one ``flags`` cell, as the data contract writes them."""
    return ";".join(codes)


def has_flag(flags: pd.Series, *codes: str) -> pd.Series:
    """Which ``flags`` cells hold any of ``codes`` (whole codes, never a part of one)."""
    return flag_masks(flags, codes)[0]


def flag_masks(flags: pd.Series, *groups: Iterable[str]) -> list[pd.Series]:
    """``has_flag`` for each group of codes, the cells read once."""
    positions, cells = pd.factorize(flags)  # a list writes a few dozen distinct cells
    masks = []
    for codes in groups:
        wanted = set(codes)
        holds = np.array([not wanted.isdisjoint(flag_codes(cell)) for cell in cells] + [False])
        masks.append(pd.Series(holds[positions], index=flags.index, dtype=bool))  # -1: False
    return masks


def flag_table(assignments: pd.DataFrame) -> pd.DataFrame:
    """The flags as their own long table: one row per (mention, code), the mention by its
    ``item_no`` and ``position``."""
    codes = assignments["flags"].map(flag_codes)
    long = assignments[["item_no", "position"]].assign(flag=codes).explode("flag")
    return long.dropna(subset=["flag"]).reset_index(drop=True)
