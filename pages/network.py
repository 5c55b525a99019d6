"""协同网络: which units must work together, in which groups, and who sits in the middle."""

import streamlit as st

from lib.analyse.network import network, partners
from lib.app.state import current, escape_markdown, view
from lib.app.widgets import (
    clickable_chart,
    downloads,
    page_control,
    show_table,
    unit_sheet_downloads,
)
from lib.write.charts import network_figure

filters = current().filters
left, right = st.columns(2)
page_control("net_min_weight", 1, bounds=(1, 5))
page_control("net_color", "community", ("community", "kind"))
page_control("net_resolution", 1.0, bounds=(0.5, 2.0))
min_weight = left.slider(
    "连线至少共担事项数",
    1,
    5,
    key="net_min_weight",
    help="两个单位共同承担的事项达到这个数才画连线；调高可只看协同最紧密的单位。",
)
resolution = st.session_state["net_resolution"]  # its slider is under 专业指标
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
if filters.role != "all":  # who works together on an item is every unit of it
    st.caption(
        "协同网络画出所选事项的全部单位（牵头、独立承担和配合），侧栏的“职责”只用来选出事项。"
    )
if net.edges.empty and min_weight > 1:  # nothing to draw: show every shared item instead
    net = view(network, filters.include_collectives, 1, resolution)
    if not net.edges.empty:
        st.info(
            f"没有两个单位共同承担 {min_weight} 项及以上的事项，已改为显示共同承担 1 项及以上的协同。"
        )
if net.edges.empty:
    st.info("当前筛选条件下没有两个具体单位共同承担的事项，协同网络为空。")
    st.stop()
drawn = len(net.nodes) - net.hidden
most = net.centrality.iloc[0]
stats = st.columns(3)
stats[0].metric("画出的单位", drawn, help="在当前门槛下至少有一个协同伙伴的具体单位。")
stats[1].metric(
    "协同伙伴最多",
    escape_markdown(str(most["unit"])),  # a metric value is markdown
    f"{int(most['partner_count'])} 个协同单位",
    delta_color="off",
    help="与最多其他单位共同承担事项的单位。",
)
stats[2].metric(
    "协同群组", len(net.communities), help="彼此协同更紧密的单位组，按组内核心单位命名。"
)
figure = current().loaded.derived(  # drawn once per network, not on every rerun
    net.nodes,
    ("network_figure", color_by),
    lambda: network_figure(net.nodes, net.edges, color_by, net.group_names),
)
clickable_chart(figure, "network", "协同网络")
hidden = net.hidden
st.caption(
    "圆的大小为承担事项数，连线越粗共担事项越多；标出协同最多的 15 个单位的名称，其余悬停可见；"
    "悬停连线中点可看共担的事项；点击单位即按该单位筛选。"
    + (
        f"另有 {hidden} 个单位在此门槛下没有协同伙伴，未画出（见下方协同情况表）。"
        if hidden
        else ""
    )
)

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

st.subheader("各单位协同情况")
table = net.centrality
show_table(table, key="net_centrality")
st.caption(
    "协同单位数：与之共同承担事项的其他单位；共担事项数：与各单位共担事项的合计；"
    "桥梁作用：0 到 1，越大表示越多单位之间的协同要经过它。"
)
downloads(table, "centrality", "协同情况")
with st.expander("协同群组成员"):
    for number, members in enumerate(net.communities, start=1):
        st.write(escape_markdown(f"{net.group_names[number]}：" + "、".join(members)))
with st.expander("专业指标"):
    st.slider(
        "分组细度",
        0.5,
        2.0,
        step=0.1,
        key="net_resolution",
        help="越大分出的群组越多、越小（社区发现算法的分辨率参数）。",
    )
    st.write(
        escape_markdown(
            f"网络密度 {net.density:.3f}（实际连线占所有可能连线的比例）；"
            f"连通分量 {net.components} 个（彼此无协同的单位群数，含无伙伴的单独单位）。"
            "桥梁作用即中介中心度，按共担事项越多距离越近计算。"
        )
    )
