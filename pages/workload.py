"""工作量热力图: how the year's work spreads over units and themes; click a cell for its items."""

import streamlit as st

from lib.analyse.tables import WORKLOAD_MODES, cell_items, workload_cells
from lib.app.state import current, escape_markdown, view
from lib.app.widgets import page_control, show_table
from lib.write.charts import cell_from_selection, chart_config, workload_figure

filters = current().filters


def clear_selection() -> None:
    st.session_state["heat_clear"] = st.session_state.get("heat_clear", 0) + 1


@st.dialog("格子对应的事项", width="large")
def cell_dialog(name: str, unit: str | None, theme: str | None, mode: str) -> None:
    st.subheader(escape_markdown(name))
    show_table(view(cell_items, unit, theme, mode), key="heat_items")


left, right = st.columns([3, 2])
page_control("heat_mode", "all", tuple(WORKLOAD_MODES))
page_control("heat_top", 25, bounds=(5, 80))
mode = left.radio(
    "口径", list(WORKLOAD_MODES), format_func=WORKLOAD_MODES.get, horizontal=True, key="heat_mode"
)
top = right.slider("显示前 N 个单位", 5, 80, key="heat_top")
cells = view(workload_cells, mode, filters.include_collectives)
if cells.empty:
    st.info("当前筛选条件下没有可显示的单位。")
    st.stop()
st.caption(
    "每格为该单位在该主题下承担的事项数（同一事项只计一次）；右列合计为该单位的事项数，"
    "末行合计为该主题的事项数（几个单位共担的事项只计一次）。点击格子或合计，即列出对应事项。"
)
# a new key clears the chart's selection (清除选择)
event = st.plotly_chart(
    workload_figure(cells, top),
    on_select="rerun",
    selection_mode="points",
    key=f"heatmap_{st.session_state.get('heat_clear', 0)}",
    config=chart_config("工作量热力图"),
    width="stretch",
)
picked = cell_from_selection(event)
if picked is None:
    st.session_state.pop("heat_shown", None)
else:
    unit, theme = picked
    name = f"{unit or '全部单位'} · {theme or '全部主题'}"
    left, middle, right = st.columns([4, 1, 1], vertical_alignment="center")
    left.markdown(escape_markdown(f"已选：{name}"))
    again = middle.button("查看事项", key="heat_again", width="stretch")
    right.button("清除选择", on_click=clear_selection, key="heat_clear_button", width="stretch")
    # opened once per click (a rerun for another reason does not open it again)
    if again or st.session_state.get("heat_shown") != picked:
        st.session_state["heat_shown"] = picked
        cell_dialog(name, unit, theme, mode)
