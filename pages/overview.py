"""总览: the parsed list, its metadata, parse report and the two tables."""

import streamlit as st

from lib.export import with_headers
from lib.report import report_text
from lib.ui import escape_markdown, load_document

doc = load_document()
if doc is not None:
    st.title(escape_markdown(doc.meta.get("title") or "责任清单"))
    a = doc.assignments
    cols = st.columns(4)
    cols[0].metric("工作事项", len(doc.items))
    cols[1].metric("责任单位", a["unit"].nunique())
    cols[2].metric("提及次数", len(a))
    cols[3].metric("未标注牵头的事项", len(doc.items) - a.loc[a["role"] == "lead", "item_no"].nunique())
    tab_items, tab_assignments, tab_report = st.tabs(["事项", "责任分工", "解析报告"])
    tab_items.dataframe(with_headers(doc.items), width="stretch", hide_index=True)
    tab_assignments.dataframe(with_headers(a), width="stretch", hide_index=True)
    tab_report.code(report_text(doc), language=None)
