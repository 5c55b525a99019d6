"""解析校对: what the parser corrected or could not resolve, and the user's own mappings."""

import streamlit as st

from lib.conventions import CONVENTION_NAMES
from lib.export import to_csv_bytes
from lib.review import alias_table, in_context, mapping_choices
from lib.ui import aliases, context, escape_markdown

doc, _ = context()
report = doc.report
st.title("解析校对")
st.caption(escape_markdown(f"{report.source_name} · 格式约定：{CONVENTION_NAMES.get(report.convention, report.convention)}"
                           f" · 事项 {report.item_count} 条 · 提及 {report.mention_count} 次"))
st.subheader(f"已自动校正（{len(report.corrections)} 处）")
st.dataframe(in_context(doc, report.corrections), width="stretch", hide_index=True, key="corrections")
st.subheader(f"未收录的单位（{len(report.flagged)} 处）")
st.dataframe(in_context(doc, report.flagged), width="stretch", hide_index=True, key="flagged")
mapping = aliases(doc.doc_id)
unknown, targets = mapping_choices(doc)
if unknown:
    with st.form("map_unit", clear_on_submit=True):
        name = st.selectbox("把这个名称", unknown, key="map_name")
        target = st.selectbox("归并到单位", [t for t in targets if t != name], key="map_target")
        if st.form_submit_button("归并（本次会话有效）"):
            mapping[name] = target
            st.rerun()
if mapping:
    st.subheader("本次会话的归并")
    table = alias_table(mapping, doc.assignments)
    st.dataframe(table, width="stretch", hide_index=True, key="aliases")
    st.download_button("下载别名表（可追加到 data/units.csv）", to_csv_bytes(table, "en", bom=False),
                       file_name="units-aliases.csv", mime="text/csv", on_click="ignore")
    st.button("撤销全部归并", on_click=mapping.clear)
for label, items in (("无责任单位的事项", report.items_without_units),
                     ("编号问题", report.numbering_problems),
                     ("可能不完整的事项", report.incomplete_items)):
    if items:
        st.warning(escape_markdown(f"{label}：{'、'.join(items)}"))
