"""The parse report as plain Chinese text, for the command line (and any plain-text view)."""

from __future__ import annotations

from lib.conventions import CONVENTION_NAMES
from lib.pipeline import ParsedDocument
from lib.schema import FLAGS

_META_LABELS = {"title": "标题", "notice_title": "通知", "issuer": "发布机构", "date": "成文日期",
                "doc_number": "文号", "place": "地区"}


def report_text(doc: ParsedDocument) -> str:
    """Everything the parser corrected or could not resolve, one finding per line."""
    report = doc.report
    a = doc.assignments
    lines = [f"文件：{report.source_name}（编码 {report.encoding}，文档 {doc.doc_id}）"]
    lines += [f"{label}：{doc.meta[key]}" for key, label in _META_LABELS.items() if doc.meta.get(key)]
    lines += [
        f"格式约定：{report.convention}（{CONVENTION_NAMES.get(report.convention, '')}）",
        f"事项 {report.item_count} 条，提及 {report.mention_count} 次，"
        f"单位 {a['unit'].nunique()} 个，牵头 {int((a['role'] == 'lead').sum())} 次，"
        f"未标注牵头的事项 {report.item_count - a.loc[a['role'] == 'lead', 'item_no'].nunique()} 条",
    ]
    lines.append(f"校正 {len(report.corrections)} 处：")
    lines += [f"  第{r.item_label}项 {r.raw} → {r.unit}（{_flag_text(r.flags)}）"
              for r in report.corrections.itertuples()]
    unknown = report.flagged.groupby("unit", sort=False)["item_label"].agg(list)
    lines.append(f"未收录单位 {len(unknown)} 个、{len(report.flagged)} 处（按原文保留，请核对）：")
    lines += [f"  {unit}：第{'、'.join(labels)}项" for unit, labels in unknown.items()]
    lines.append(f"无责任单位的事项 {len(report.items_without_units)} 条"
                 + (f"：{'、'.join(report.items_without_units)}" if report.items_without_units else ""))
    lines.append(f"编号问题 {len(report.numbering_problems)} 处"
                 + (f"：{'；'.join(report.numbering_problems)}" if report.numbering_problems else ""))
    lines.append(f"未能识别的字符 {len(report.leftovers)} 处"
                 + (": " + "；".join(f"第{label}项“{text}”" for label, text in report.leftovers)
                    if report.leftovers else ""))
    if report.legends:
        lines.append(f"“列第一位者为牵头单位”说明见于：{'、'.join(report.legends)}（此后各项首位单位为牵头）")
    if report.incomplete_items:
        lines.append(f"可能不完整（被截断）的事项：第{'、'.join(report.incomplete_items)}项")
    if report.not_items:
        lines.append(f"通知正文中的编号段落（未计为事项）：{'、'.join(report.not_items)}")
    if report.furniture_lines:
        lines.append(f"已忽略网页杂项 {report.furniture_lines} 行（发布时间、分享等）")
    if report.unplaced_lines:
        lines.append(f"表格中未归入任何事项的行 {len(report.unplaced_lines)} 行：")
        lines += [f"  {line}" for line in report.unplaced_lines]
    conservation = ("通过：责任单位原文的每个字符都已归入单位、标记、分隔符或连接词"
                    if not report.conservation_failures
                    else f"未通过：第{'、'.join(report.conservation_failures)}项")
    lines.append(f"守恒检查{conservation}")
    return "\n".join(lines)


def _flag_text(flags: str) -> str:
    return "；".join(FLAGS.get(code, code) for code in flags.split(";") if code)
