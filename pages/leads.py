"""牵头单位: who leads what; click a bar to filter every page to that unit."""

import streamlit as st

from lib.analyse.tables import lead_concentration, lead_exceptions, unit_ranking
from lib.app.state import current, view
from lib.app.widgets import click_to_filter, show_table, unit_sheet_downloads
from lib.write.charts import chart_config, unit_bars_figure

filters = current().filters
concentration = view(lead_concentration)
exceptions = view(lead_exceptions)
cols = st.columns(4)
cols[0].metric("标注的牵头（事项×单位）", concentration["marked"])
cols[1].metric("前 5 个单位所占份额", f"{concentration['top_share']:.0%}")
cols[2].metric("集中度 HHI", f"{concentration['hhi']:.3f}")
cols[3].metric("未标注牵头的事项", len(exceptions["unmarked"]))
left, right = st.columns(2)
order = left.radio(
    "排序",
    ["lead", "items"],
    horizontal=True,
    key="leads_order",
    format_func={"lead": "按牵头事项", "items": "按承担总数"}.get,
)
top = right.slider("显示前 N 个单位", 5, 80, 20, key="leads_top")
ranking = view(unit_ranking, filters.include_collectives, order)
if ranking.empty:
    st.info("当前筛选条件下没有责任单位。")
else:
    key, on_select = click_to_filter("lead_bars")
    st.plotly_chart(
        unit_bars_figure(ranking, top),
        on_select=on_select,
        selection_mode="points",
        key=key,
        config=chart_config("牵头单位"),
        width="stretch",
    )
    st.caption("点击条形即按该单位筛选全部页面。独立承担：事项只列一个单位且未标注牵头。")
st.subheader("该单位任务清单")
if not ranking.empty:
    units = ranking["unit"].tolist()
    chosen = filters.units[0] if filters.units and filters.units[0] in units else units[0]
    unit = st.selectbox("选择单位", units, index=units.index(chosen), key=f"leads_sheet_{chosen}")
    unit_sheet_downloads(unit, "leads")
with st.expander(f"未标注牵头的事项（{len(exceptions['unmarked'])} 项）"):
    show_table(exceptions["unmarked"])
with st.expander(f"有多个牵头单位的事项（{len(exceptions['several'])} 项）"):
    show_table(exceptions["several"])
