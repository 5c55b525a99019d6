"""解析校对: what the parser corrected or could not resolve, and the user's own mappings."""

import streamlit as st

from lib.analyse.review import (
    ACCEPT,
    LONGEST_NAME,
    MAP,
    MERGE,
    RENAME,
    Rule,
    describe,
    review_choices,
    review_splits,
    review_table,
    rules_table,
)
from lib.app import shelf
from lib.app.state import current, document_view, escape_markdown, session_rules
from lib.app.widgets import show_table
from lib.parse.conventions import CONVENTION_NAMES
from lib.parse.errors import ListError
from lib.parse.schema import KINDS
from lib.write.export import to_csv_bytes
from lib.write.report import (
    QUALITY_HELP,
    corrected_counts,
    document_report,
    item_numbers,
    unresolved_counts,
)

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
for line in report.read_as:  # a column read otherwise than its header says: said first
    st.info(escape_markdown(line))
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
KIND_LABELS = {"": "按名称判断", **KINDS}
KIND_CHOICES = list(KIND_LABELS)
unknown, targets = document_view(review_choices)
runs = dict(document_view(review_splits))
units = sorted(set(doc.assignments["unit"]))
engine = shelf.open_engine()  # None: corrections hold for this session only
place = doc.meta.get("place", "")
st.subheader("人工校对")
st.caption(
    "这里的修改只在本次浏览中有效。"
    if engine is None
    else f"修改保存在清单库中，适用于{place + '的全部清单' if place else '这份清单'}，"
    "包括以后上传的；每条都记下修改人和时间，可以撤销。"
)
note = st.session_state.pop("_review_note", "")
if note:
    st.info(escape_markdown(note))
if engine is not None:
    author = st.text_input("您的姓名（记入修改记录）", key="review_author")
else:
    author = ""
made: list[Rule] = []
mapping_tab, accept_tab, rename_tab, merge_tab, import_tab = st.tabs(
    ["归并到已有单位", "确认为新单位", "改名", "合并误拆的名称", "导入别名表"]
)
with mapping_tab, st.form("map_unit", clear_on_submit=True, border=False):
    if unknown:
        name = st.selectbox("把这个名称", unknown, key="map_name")
        target = st.selectbox("归并到单位", [t for t in targets if t != name], key="map_target")
        if st.form_submit_button("归并"):
            made = [Rule(MAP, name, target)]
    else:
        st.caption("没有未收录的名称。")
        st.form_submit_button("归并", disabled=True)
with accept_tab, st.form("accept_unit", clear_on_submit=True, border=False):
    if unknown:
        name = st.selectbox("名称", unknown, key="accept_name")
        kind = st.selectbox(
            "单位类型（泛指：如“各有关单位”，不计为具体单位）",
            KIND_CHOICES,
            format_func=KIND_LABELS.get,
            key="accept_kind",
        )
        if st.form_submit_button("确认为单位"):
            made = [Rule(ACCEPT, name, name, kind)]
    else:
        st.caption("没有未收录的名称。")
        st.form_submit_button("确认为单位", disabled=True)
with rename_tab, st.form("rename_unit", clear_on_submit=True, border=False):
    name = st.selectbox("单位", units, key="rename_name")
    new_name = st.text_input("改为", key="rename_target", max_chars=LONGEST_NAME)
    if st.form_submit_button("改名"):
        made = [Rule(RENAME, name, new_name)]
with merge_tab, st.form("merge_split", clear_on_submit=True, border=False):
    if runs:
        joined = st.selectbox("误拆开的名称", list(runs), format_func=runs.get, key="merge_run")
        merged = st.text_input(
            "合并后的单位名称（不填则按原文）", key="merge_target", max_chars=LONGEST_NAME
        )
        kind = st.selectbox("单位类型", KIND_CHOICES, format_func=KIND_LABELS.get, key="merge_kind")
        if st.form_submit_button("合并"):
            made = [Rule(MERGE, joined, merged.strip() or joined, kind)]
    else:
        st.caption("没有拆分的名称。")
        st.form_submit_button("合并", disabled=True)
with import_tab, st.form("import_aliases", clear_on_submit=True, border=False):
    st.caption(
        "与单位名称表（data/units.csv）相同的三列：canonical（标准名称）、kind（单位类型）、"
        "aliases（别称，用 | 分隔）。每个别称归并到标准名称。"
    )
    upload = st.file_uploader("别名表（CSV）", key="import_file")
    if st.form_submit_button("导入") and upload is not None:
        try:
            made = shelf.import_rules(upload.getvalue())
        except ListError as error:
            st.session_state["_review_note"] = error.message
            st.rerun()
if made:
    st.session_state["_review_note"] = shelf.correct(engine, doc, made, author)
    st.rerun()
if engine is None:
    rules = session_rules(doc.doc_id)
else:
    history = shelf.correction_history(engine, doc)
    active = [m for m in history if m.undone_at is None]
    rules = [m.rule for m in reversed(active)]
    if history:
        st.subheader("修改记录")
        show_table(shelf.history_table(history), key="corrections_history", headers={})
        if active:
            left, right = st.columns([3, 1], vertical_alignment="bottom")
            chosen = left.selectbox(
                "撤销一条修改",
                [m.id for m in active],
                format_func=lambda i: next(describe(m.rule) for m in active if m.id == i),
                key="undo_pick",
            )
            if right.button("撤销", key="undo_button", width="stretch"):
                st.session_state["_review_note"] = shelf.undo(engine, chosen)
                st.rerun()
if rules:
    st.subheader("别名表" if engine is not None else "本次会话的修改")
    table = rules_table(rules, doc.assignments)
    show_table(table, key="aliases", headers=ALIAS_HEADERS)
    st.download_button(
        "下载别名表（CSV，可在另一台服务器导入，或由维护人员并入单位名称表）",
        to_csv_bytes(table, "en", bom=False),
        file_name="units-aliases.csv",
        mime="text/csv",
        on_click="ignore",
    )
    if engine is None:
        st.button("撤销全部修改", on_click=rules.clear)
st.subheader(f"连写已拆分（{len(report.splits)} 处）")
st.caption("原文在这些单位之间没有分隔符，已按已知单位名称或单位名称结尾拆开，请核对。")
show_table(document_view(review_table, "splits"), key="splits")
st.subheader(f"无责任单位的事项（{len(report.items_without_units)} 项）")
st.caption("这些事项保留在事项表中，但未能读出任何责任单位。")
show_table(document_view(review_table, "without_units"), key="without_units")
leftovers = [f"{item_numbers([label])}“{text}”" for label, text in report.leftovers]
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
