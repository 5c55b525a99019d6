"""The parse report as plain Chinese text, for the command line (and any plain-text view)."""

from __future__ import annotations

from lib.analyse.filters import Selection
from lib.analyse.review import corrected_counts, unresolved_counts
from lib.parse.conventions import CONVENTION_NAMES
from lib.parse.pipeline import ParsedDocument
from lib.parse.schema import FLAGS, flag_codes

_META_LABELS = {
    "title": "标题",
    "notice_title": "通知",
    "issuer": "发布机构",
    "date": "成文日期",
    "doc_number": "文号",
    "place": "地区",
}


def headline_sentence(facts: dict[str, object], filtered: bool = False) -> str:
    """The landing page's answer in one sentence (``headline_facts``), in plain words.

    >>> headline_sentence({"items": 97, "units": 59, "top_unit": "财政局", "top_items": 21,
    ...     "top_lead_unit": "发改局", "top_leads": 6, "lead_units": 30, "unit": ""})
    '97 项工作，59 个单位承担；财政局承担最多（21 项），发改局牵头最多（6 项）。'
    >>> headline_sentence({"items": 19, "units": 25, "top_unit": "市发改委", "top_items": 2,
    ...     "top_lead_unit": "市政府办公厅", "top_leads": 1, "lead_units": 1, "unit": ""})
    '19 项工作，25 个单位承担；市发改委承担最多（2 项），只有市政府办公厅写明牵头（1 项）。'
    >>> headline_sentence({"items": 16, "units": 15, "top_unit": "市发改委", "top_items": 3,
    ...     "top_ties": 1, "top_lead_unit": "市发改委", "top_leads": 1, "lead_ties": 5,
    ...     "lead_units": 5, "unit": ""})
    '16 项工作，15 个单位承担；市发改委承担最多（3 项），市发改委等 5 个单位并列牵头最多（各 1 项）。'
    """
    if not facts["items"]:
        return "当前筛选条件下没有工作事项。"
    if facts["unit"]:
        roles = facts["unit_roles"]
        return (
            f"{facts['unit']}承担 {roles['items']} 项工作：牵头 {roles['lead']} 项，"
            f"独立承担 {roles['sole']} 项，配合 {roles['co']} 项。"
        )
    sentence = f"{facts['items']} 项工作，{facts['units']} 个单位承担"
    if facts["top_unit"]:
        ties = facts.get("top_ties", 1)
        sentence += "；" + _most(facts["top_unit"], ties, "承担", facts["top_items"])
    if facts["top_lead_unit"] and facts.get("lead_units") == 1:  # "most" of one says nothing
        sentence += f"，只有{facts['top_lead_unit']}写明牵头（{facts['top_leads']} 项）"
    elif facts["top_lead_unit"]:
        ties = facts.get("lead_ties", 1)
        sentence += "，" + _most(facts["top_lead_unit"], ties, "牵头", facts["top_leads"])
    return ("按当前筛选：" if filtered else "") + sentence + "。"


def _most(unit: str, ties: int, duty: str, count: int) -> str:
    """财政局承担最多（21 项）; with units level: 市发改委等 5 个单位并列牵头最多（各 1 项）.

    >>> _most("市发改委", 5, "牵头", 1)
    '市发改委等 5 个单位并列牵头最多（各 1 项）'
    """
    if ties > 1:
        return f"{unit}等 {ties} 个单位并列{duty}最多（各 {count} 项）"
    return f"{unit}{duty}最多（{count} 项）"


def display_title(meta: dict[str, str]) -> str:
    """The list's title with its place in front when the title lacks it (诸暨市 · 2023年…), the
    place written as the notice or issuer writes it (诸暨 → 诸暨市).

    >>> display_title({"title": "2023年重点工作清单", "place": "诸暨",
    ...     "notice_title": "诸暨市人民政府办公室关于印发…的通知"})
    '诸暨市 · 2023年重点工作清单'
    """
    title = meta.get("title") or meta.get("notice_title") or "责任清单"
    place = meta.get("place") or ""
    if not place or place in title:
        return title
    written = " ".join(meta.get(key) or "" for key in ("notice_title", "issuer"))
    level = next((place + end for end in "市县区州盟旗省" if place + end in written), place)
    return f"{level} · {title}"


def document_report(selection: Selection) -> str:
    """A view: ``report_text`` of the selection's whole document."""
    return report_text(selection.doc)


def report_text(doc: ParsedDocument) -> str:
    """Everything the parser corrected or could not resolve, one finding per line."""
    report = doc.report
    a = doc.assignments
    lines = [f"文件：{report.source_name}（编码 {report.encoding}，文档 {doc.doc_id}）"]
    lines += [
        f"{label}：{doc.meta[key]}" for key, label in _META_LABELS.items() if doc.meta.get(key)
    ]
    if report.traditional:
        lines.append("文字：繁体，已转为简体识别（“原文”列保留繁体）")
    lines += [
        f"格式约定：{report.convention}（{CONVENTION_NAMES.get(report.convention, '')}；按多数事项的写法选定）",
        f"事项 {report.item_count} 条，提及 {report.mention_count} 次，"
        f"单位 {a['unit'].nunique()} 个，牵头 {int((a['role'] == 'lead').sum())} 次，"
        f"未标注牵头的事项 {report.item_count - a.loc[a['role'] == 'lead', 'item_no'].nunique()} 条",
    ]
    if report.readings:
        lines.append(
            "各事项的责任单位读法：" + "；".join(f"{how} {n} 条" for how, n in report.readings)
        )
    lines.append(f"校正 {len(report.corrections)} 处：")
    lines += [
        f"  {item_numbers([r.item_label])} {r.raw} → {r.unit}（{_flag_text(r.flags)}）"
        for r in report.corrections.itertuples()
    ]
    splits = report.splits.groupby("item_no", sort=False).agg(
        label=("item_label", "first"), raws=("raw", "、".join)
    )
    lines.append(f"补分隔符拆分的提及 {len(report.splits)} 处（原文连写，已按单位名称拆开）：")
    lines += [f"  {item_numbers([row.label])} {row.raws}" for row in splits.itertuples()]
    unknown = report.flagged.groupby("unit", sort=False)["item_label"].agg(list)
    lines.append(f"未收录单位 {len(unknown)} 个、{len(report.flagged)} 处（按原文保留，请核对）：")
    lines += [f"  {unit}：{item_numbers(labels)}" for unit, labels in unknown.items()]
    lines.append(
        f"无责任单位的事项 {len(report.items_without_units)} 条"
        + (f"：{item_numbers(report.items_without_units)}" if report.items_without_units else "")
    )
    lines.append(
        f"编号问题 {len(report.numbering_problems)} 处"
        + (f"：{'；'.join(report.numbering_problems)}" if report.numbering_problems else "")
    )
    lines.append(
        f"未能识别的字符 {len(report.leftovers)} 处"
        + (
            ": " + "；".join(f"{item_numbers([label])}“{text}”" for label, text in report.leftovers)
            if report.leftovers
            else ""
        )
    )
    if report.legends:
        lines.append(
            f"“列第一位者为牵头单位”说明见于：{'、'.join(report.legends)}（此后各项首位单位为牵头）"
        )
    if report.incomplete_items:
        lines.append(f"可能不完整（被截断）的事项：{item_numbers(report.incomplete_items)}")
    if report.not_items:
        lines.append(f"通知正文中的编号段落（未计为事项）：{'、'.join(report.not_items)}")
    if report.headings:
        lines.append(
            f"未写责任单位的编号标题（按分块处理，未计为事项）{len(report.headings)} 条："
            + "；".join(report.headings)
        )
    lines += list(report.read_as)
    if report.ignored:
        lines.append(f"未读入 {len(report.ignored)} 处（有意略过，请核对）：")
        lines += [f"  {line}" for line in report.ignored]
    if report.furniture_lines:
        lines.append(f"已忽略网页杂项 {report.furniture_lines} 行（发布时间、分享等）")
    if report.unplaced_lines:
        lines.append(f"表格中未归入任何事项的行 {len(report.unplaced_lines)} 行：")
        lines += [f"  {line}" for line in report.unplaced_lines]
    conservation = (
        "通过：责任单位原文的每个字符都已归入单位、标记、分隔符或连接词"
        if not report.conservation_failures
        else f"未通过：{item_numbers(report.conservation_failures)}"
    )
    lines.append(f"守恒检查{conservation}")
    return "\n".join(lines)


def quality_line(doc: ParsedDocument) -> str:
    """The landing page's one quiet line on the reading: all counted, what was corrected, what
    waits for a person (the review page has each of them)."""
    report = doc.report
    if report.conservation_failures:
        return "解析：部分责任单位原文没有全部计入（守恒检查未通过），请到“解析校对”页核对。"
    corrected = sum(corrected_counts(doc).values())
    waiting = sum(unresolved_counts(doc).values())
    return (
        f"解析：{report.item_count} 项、{report.mention_count} 次单位提及全部读入；"
        + (f"自动校正 {corrected} 处；" if corrected else "")
        + (f"{waiting} 处待核对。" if waiting else "没有待核对的问题。")
    )


# What each of the review's quality counts means, for a leader who hovers over the number.
QUALITY_HELP: dict[str, str] = {
    "名称已校正": "简称、别称、漏字或颠倒的单位名称，已归并到标准名称。",
    "连写已拆分": "原文中连写、缺少分隔符的单位，已按单位名称拆开。",
    "未收录的单位提及": "参考表中没有的单位名称，按原文保留。",
    "无责任单位的事项": "保留在事项表中，但未能读出任何责任单位的事项。",
    "编号问题": "编号重复、跳号或回退（事项不重新编号）。",
    "未能识别的字符": "责任单位原文中既不是单位、也不是分隔符的文字。",
    "可能不完整的事项": "看起来被截断的事项。",
}


def _flag_text(flags: str) -> str:
    return "；".join(FLAGS.get(code, code) for code in flag_codes(flags))


def item_numbers(labels) -> str:
    """Items by their numbers as written (第3、5项); an item without one is 无编号事项.

    >>> item_numbers(["3", "5"]), item_numbers([""]), item_numbers(["2", ""])
    ('第3、5项', '无编号事项', '第2项、无编号事项')
    """
    labels = [str(label) for label in labels]
    numbered = [label for label in labels if label]
    parts = [f"第{'、'.join(numbered)}项"] if numbered else []
    if len(numbered) < len(labels):
        parts.append("无编号事项")
    return "、".join(parts)
