"""解析校对: what the parser corrected or could not resolve, and the user's own mappings."""

import streamlit as st

from lib.analyse.review import alias_table, review_choices, review_table
from lib.app import shelf
from lib.app.state import aliases, current, document_view, escape_markdown
from lib.app.widgets import show_table
from lib.parse.conventions import CONVENTION_NAMES
from lib.write.export import to_csv_bytes
from lib.write.report import QUALITY_HELP, corrected_counts, document_report, unresolved_counts

doc = current().doc
report = doc.report
st.title("解析校对")
st.caption(
    escape_markdown(
        f"{report.source_name} · 格式约定：{CONVENTION_NAMES.get(report.convention, report.convention)}"
        f" · 事项 {report.item_count} 条 · 提及 {report.mention_count} 次"
    )
)
if report.readings or report.traditional:
    st.caption(
        escape_markdown(
            ("原文为繁体，已转为简体识别（“原文”列保留繁体）。" if report.traditional else "")
            + "各事项的责任单位读法："
            + "；".join(f"{how} {n} 条" for how, n in report.readings)
        )
    )
quality = [*corrected_counts(doc).items(), *unresolved_counts(doc).items()]
for start in range(0, len(quality), 4):  # four to a row, so that the labels fit
    for column, (label, count) in zip(st.columns(4), quality[start : start + 4]):
        column.metric(label, count, help=QUALITY_HELP[label])
if doc.report.conservation_failures:
    st.warning("守恒检查未通过：部分责任单位原文没有全部计入，请逐条核对。")
else:
    st.caption(f"责任单位原文逐字核对：{report.mention_count} 次提及全部计入。")
with st.expander("查看解析报告全文"):
    st.code(document_view(document_report), language=None)
st.subheader(f"名称已自动校正（{len(report.corrections)} 处）")
show_table(document_view(review_table, "corrections"), key="corrections")
st.subheader(f"未收录的单位（{len(report.flagged)} 处）")
show_table(document_view(review_table, "flagged"), key="flagged")
ALIAS_HEADERS = {"canonical": "标准名称", "kind": "单位类型", "aliases": "归并的名称"}
unknown, targets = document_view(review_choices)
engine = shelf.open_engine()  # None: mappings hold for this session only
note = st.session_state.pop("_review_note", "")
if note:
    st.info(escape_markdown(note))
if unknown:
    with st.form("map_unit", clear_on_submit=True):
        if engine is not None:
            st.text_input("您的姓名（记入修改记录）", key="review_author")
        name = st.selectbox("把这个名称", unknown, key="map_name")
        target = st.selectbox("归并到单位", [t for t in targets if t != name], key="map_target")
        place = doc.meta.get("place", "")
        where = f"{place}的全部清单" if place else "这份清单"
        label = "归并（本次会话有效）" if engine is None else f"归并（保存，适用于{where}）"
        if st.form_submit_button(escape_markdown(label)):
            if engine is None:
                aliases(doc.doc_id)[name] = target
            else:  # kept in the library for every list of the place, with who and when
                author = st.session_state.get("review_author", "")
                st.session_state["_review_note"] = shelf.map_name(engine, doc, name, target, author)
            st.rerun()
if engine is None:
    mapping = aliases(doc.doc_id)
else:
    history = shelf.correction_history(engine, doc)
    active = [made for made in history if made.undone_at is None]
    mapping = {made.name: made.target for made in active}
    if history:
        st.subheader("修改记录")
        show_table(shelf.history_table(history), key="corrections_history", headers={})
        if active:
            left, right = st.columns([3, 1], vertical_alignment="bottom")
            chosen = left.selectbox(
                "撤销一条归并",
                [made.id for made in active],
                format_func=lambda i: next(f"{m.name} → {m.target}" for m in active if m.id == i),
                key="undo_pick",
            )
            if right.button("撤销", key="undo_button", width="stretch"):
                st.session_state["_review_note"] = shelf.undo(engine, chosen)
                st.rerun()
if mapping:
    st.subheader("归并的名称" if engine is not None else "本次会话的归并")
    table = alias_table(mapping, doc.assignments)
    show_table(table, key="aliases", headers=ALIAS_HEADERS)
    st.download_button(
        "下载别名表（CSV，供维护人员并入单位名称表）",
        to_csv_bytes(table, "en", bom=False),
        file_name="units-aliases.csv",
        mime="text/csv",
        on_click="ignore",
    )
    if engine is None:
        st.button("撤销全部归并", on_click=mapping.clear)
st.subheader(f"连写已拆分（{len(report.splits)} 处）")
st.caption("原文在这些单位之间没有分隔符，已按已知单位名称或单位名称结尾拆开，请核对。")
show_table(document_view(review_table, "splits"), key="splits")
st.subheader(f"无责任单位的事项（{len(report.items_without_units)} 项）")
st.caption("这些事项保留在事项表中，但未能读出任何责任单位。")
show_table(document_view(review_table, "without_units"), key="without_units")
leftovers = [f"第{label}项“{text}”" for label, text in report.leftovers]
for label, found in (
    ("编号问题", report.numbering_problems),
    ("未能识别的字符", leftovers),
    ("可能不完整的事项", report.incomplete_items),
):
    if found:
        st.warning(escape_markdown(f"{label}：{'、'.join(found)}"))
if report.ignored:
    st.info(escape_markdown("有意略过、未读入的内容：" + "；".join(report.ignored)))
if report.headings:
    st.info(
        escape_markdown(
            f"以下编号行没有写责任单位，按分块标题处理，未计为事项：{'；'.join(report.headings)}"
        )
    )
