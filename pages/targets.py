"""量化目标: every measurable target of the filtered items, and who owes it."""

import streamlit as st

from lib.analyse.targets import targets_per_unit, targets_view
from lib.app.frame import document_header, downloads, filter_chips, filtered, view
from lib.analyse.tables import display_table

doc, filters, items, rows = filtered()
document_header(doc)
filter_chips(filters)
targets = view(targets_view, needs_doc=True)
units = sorted(set(targets["measure_unit"]))
chosen = st.multiselect("计量单位", units, key="tg_units", placeholder="全部计量单位")
if chosen:
    targets = targets[targets["measure_unit"].isin(chosen)]
cols = st.columns(3)
cols[0].metric("量化目标", len(targets))
cols[1].metric("涉及事项", targets["item_no"].nunique())
cols[2].metric("计量单位种类", targets["measure_unit"].nunique())
if targets.empty:
    st.info("当前筛选条件下没有量化目标。")
    st.stop()
left, right = st.columns([3, 2])
with left:
    st.subheader("目标明细")
    st.dataframe(display_table(targets.drop(columns="doc_id")), width="stretch", hide_index=True,
                 key="tg_table")
    downloads(doc, filters, targets, "targets", "量化目标")
with right:
    st.subheader("各单位承担的目标")
    st.dataframe(display_table(targets_per_unit(targets, doc.assignments, filters.include_collectives), "en"),
                 width="stretch", hide_index=True, key="tg_units_table")
    if not filters.include_collectives:
        st.caption("泛指单位（各部门、各镇乡(街道)等）未计入，可在侧栏勾选纳入。")
