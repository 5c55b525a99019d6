"""量化目标: every measurable target of the filtered items, and who owes it."""

import streamlit as st

from lib.analyse.targets import targets_per_unit, targets_table
from lib.app.state import current, view
from lib.app.widgets import downloads, show_table

filters = current().filters
units = sorted(set(view(targets_table)["measure_unit"]))
chosen = tuple(
    st.multiselect("计量单位", units, key="tg_units", placeholder="全部计量单位", select_all=False)
)
targets = view(targets_table, chosen)
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
    show_table(targets, key="tg_table")
    downloads(targets, "targets", "量化目标")
with right:
    st.subheader("各单位承担的目标")
    show_table(view(targets_per_unit, chosen, filters.include_collectives), key="tg_units_table")
    if not filters.include_collectives:
        st.caption("泛指单位（各部门、各镇乡(街道)等）未计入，可在侧栏勾选纳入。")
