"""协同网络: which units must work together, in which groups, and who sits in the middle."""

import streamlit as st

from lib.analyse.network import network, partners
from lib.app.state import current, escape_markdown, view
from lib.app.widgets import clickable_chart, downloads, show_table, unit_sheet_downloads
from lib.write.charts import network_figure

filters = current().filters
left, middle, right = st.columns(3)
min_weight = left.slider("连线至少共担事项数", 1, 5, 2, key="net_min_weight")
resolution = middle.slider("分组细度（Louvain 分辨率）", 0.5, 2.0, 1.0, 0.1, key="net_resolution")
color_by = right.radio(
    "颜色",
    ["community", "kind"],
    horizontal=True,
    key="net_color",
    format_func={"community": "协同群组", "kind": "单位类型"}.get,
)
# a unit filter shows that unit with everyone it shares items with
net = view(network, filters.include_collectives, min_weight, resolution)
if net.nodes.empty:
    st.info("当前筛选条件下没有可显示的单位。")
    st.stop()
if net.edges.empty and min_weight > 1:  # nothing to draw: show every shared item instead
    net = view(network, filters.include_collectives, 1, resolution)
    if not net.edges.empty:
        st.info(
            f"没有两个单位共同承担 {min_weight} 项及以上的事项，已改为显示共同承担 1 项及以上的协同。"
        )
if net.edges.empty:
    st.info("当前筛选条件下没有两个具体单位共同承担的事项，协同网络为空。")
    st.stop()
clickable_chart(network_figure(net.nodes, net.edges, color_by), "network", "协同网络")
hidden = net.hidden
st.caption(
    "圆的大小为承担事项数，连线越粗共担事项越多；悬停连线中点可看共担的事项；点击单位即按该单位筛选。"
    + (f"另有 {hidden} 个单位在此门槛下没有协同伙伴，未画出（见下方中心度表）。" if hidden else "")
)
stats = st.columns(3)
stats[0].metric("网络密度", f"{net.density:.3f}")
stats[1].metric("连通分量", net.components)
stats[2].metric("协同群组", len(net.communities))

st.subheader("单位的协同伙伴")
units = net.ranked_units
focus = st.selectbox(
    "选择单位",
    units,
    index=units.index(filters.units[0]) if filters.units and filters.units[0] in units else 0,
    key=f"net_focus_{'|'.join(filters.units)}",
)
show_table(view(partners, focus, filters.include_collectives), key="net_partners")
unit_sheet_downloads(focus, "net")

st.subheader("中心度")
table = net.centrality
show_table(table, key="net_centrality")
downloads(table, "centrality", "协同中心度")
with st.expander("协同群组成员"):
    for number, members in enumerate(net.communities, start=1):
        st.write(escape_markdown(f"群组 {number}（{len(members)} 个）：" + "、".join(members)))
