"""工作量热力图: how the year's work spreads over units and themes; click a cell for its items."""

import streamlit as st

from lib.analyse.tables import WORKLOAD_MODES, cell_items, workload_cells
from lib.app.state import current, escape_markdown, view
from lib.app.widgets import show_table
from lib.write.charts import cell_from_selection, chart_config, workload_figure

filters = current().filters
left, right = st.columns([3, 2])
mode = left.radio(
    "口径", list(WORKLOAD_MODES), format_func=WORKLOAD_MODES.get, horizontal=True, key="heat_mode"
)
top = right.slider("显示前 N 个单位", 5, 80, 25, key="heat_top")
cells = view(workload_cells, mode, filters.include_collectives)
if cells.empty:
    st.info("当前筛选条件下没有可显示的单位。")
    st.stop()
st.caption("每格为该单位在该主题下承担的事项数（同一事项只计一次）；点击格子或合计查看对应事项。")
event = st.plotly_chart(
    workload_figure(cells, top),
    on_select="rerun",
    selection_mode="points",
    key="heatmap",
    config=chart_config("工作量热力图"),
    width="stretch",
)
picked = cell_from_selection(event)
if picked is None:
    st.info("点击热力图中的格子，查看其背后的事项。")
else:
    unit, theme = picked
    st.subheader(escape_markdown(f"{unit or '全部单位'} · {theme or '全部主题'}"))
    show_table(view(cell_items, unit, theme, mode), key="heat_items")
