"""牵头单位: who leads what; click a bar to filter every page to that unit."""

import streamlit as st

from lib.analyse.tables import lead_concentration, lead_exceptions, unit_ranking
from lib.app.state import current, view
from lib.app.widgets import clickable_chart, page_control, show_table, unit_sheet_downloads
from lib.parse.schema import DUTY_MEANING
from lib.write.charts import unit_bars_figure

filters = current().filters
concentration = view(lead_concentration)
exceptions = view(lead_exceptions)
cols = st.columns(3)
cols[0].metric(
    "写明的牵头（单位次）",
    concentration["marked"],
    help="每个事项写明的每个牵头单位各计一次。",
)
cols[1].metric(
    "未写明牵头的事项", len(exceptions["unmarked"]), help="没有任何单位被写明为牵头的事项。"
)
if len(filters.units) != 1:  # how concentrated the leads are means nothing for one unit
    cols[2].metric(
        "牵头最多的 5 个单位所占比例",
        f"{concentration['top_share']:.0%}",
        help="写明的牵头中，牵头最多的 5 个单位合计所占的比例。",
    )
    with st.expander("专业指标"):
        st.caption(
            f"赫芬达尔指数（HHI）：{concentration['hhi']:.3f}。各单位牵头份额的平方和，"
            "越接近 1 越集中于少数单位，越接近 0 越分散。"
        )
left, right = st.columns(2)
page_control("leads_order", "lead", ("lead", "items"))
page_control("leads_top", 20, bounds=(5, 80))
order = left.radio(
    "排序",
    ["lead", "items"],
    horizontal=True,
    key="leads_order",
    format_func={"lead": "按牵头事项", "items": "按承担总数"}.get,
)
top = right.slider("显示前 N 个单位", 5, 80, key="leads_top")
ranking = view(unit_ranking, filters.include_collectives, order)
if ranking.empty:
    st.info("当前筛选条件下没有责任单位。")
else:
    clickable_chart(unit_bars_figure(ranking, top), "lead_bars", "牵头单位")
    st.caption("点击条形即按该单位筛选全部页面。" + DUTY_MEANING)
st.subheader("该单位任务清单")
if not ranking.empty:
    units = ranking["unit"].tolist()
    chosen = filters.units[0] if filters.units and filters.units[0] in units else units[0]
    unit = st.selectbox("选择单位", units, index=units.index(chosen), key=f"leads_sheet_{chosen}")
    unit_sheet_downloads(unit, "leads")
with st.expander(f"未写明牵头的事项（{len(exceptions['unmarked'])} 项）"):
    show_table(exceptions["unmarked"])
with st.expander(f"有多个牵头单位的事项（{len(exceptions['several'])} 项）"):
    show_table(exceptions["several"])
