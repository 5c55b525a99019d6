"""总览: who carries the year's work and who leads it, in one sentence and one chart."""

import streamlit as st

from lib.analyse.keywords import unit_keyword_table
from lib.analyse.profile import unit_items, unit_partners, unit_targets
from lib.analyse.tables import headline_facts, unit_ranking
from lib.app import reports
from lib.app.state import current, escape_markdown, view
from lib.app.widgets import clickable_chart, link_to_page, show_table, unit_sheet_downloads
from lib.parse.schema import DUTY_MEANING
from lib.write.charts import unit_bars_figure
from lib.write.report import headline_sentence, quality_line

state = current()
doc, filters = state.doc, state.filters
facts = view(headline_facts)
st.markdown("## " + escape_markdown(headline_sentence(facts, filtered=bool(filters.chips()))))
if progress := reports.glance(doc, state.selection.items):  # the list's latest progress
    link_to_page("progress.py", f"进度督查 · {progress}", ":material/trending_up:")

cols = st.columns(4)
if facts["unit"]:  # one unit: its own profile; list-wide numbers would mean nothing here
    unit, roles = facts["unit"], facts["unit_roles"]
    cols[0].metric("承担事项", roles["items"], help="写有该单位的事项（同一事项只计一次）。")
    cols[1].metric("牵头", roles["lead"], help="该单位被写明为牵头单位的事项。")
    cols[2].metric("独立承担", roles["sole"], help="只写了该单位一个具体单位、且未写明牵头的事项。")
    cols[3].metric("协同单位", facts["partners"], help="与该单位共同承担事项的其他具体单位。")
    st.subheader("该单位的事项")
    show_table(view(unit_items, unit), key="profile_items")
    st.caption(DUTY_MEANING)
    st.subheader("协同单位与共担的事项")
    show_table(view(unit_partners, unit), key="profile_partners")
    left, right = st.columns(2)
    with left:
        st.subheader("量化目标")
        show_table(view(unit_targets, unit), key="profile_targets")
    with right:
        st.subheader("特色关键词")
        show_table(view(unit_keyword_table, unit), key="profile_keywords")
        st.caption("与清单中其他单位的事项相比，该单位事项里更常出现的词。")
    st.subheader("该单位任务清单")
    unit_sheet_downloads(unit, "profile")
else:
    cols[0].metric("工作事项", facts["items"], help="清单中编号的工作事项。")
    cols[1].metric(
        "责任单位",
        facts["units"],
        help="承担至少一项工作的具体单位；“各部门”“相关单位”等泛指不计。",
    )
    cols[2].metric(
        "写明牵头单位的事项",
        facts["led_items"],
        help=f"以▲、★、“牵头”等写明牵头单位的事项；其余 {facts['items'] - facts['led_items']} 项未写明。",
    )
    cols[3].metric(
        "多个单位共同承担的事项",
        facts["shared_items"],
        help="写了两个及以上具体单位的事项，需要协同推进。",
    )
    st.subheader("承担事项最多的单位")
    ranking = view(unit_ranking, filters.include_collectives)
    if ranking.empty:
        st.info("当前筛选条件下没有责任单位。")
    else:
        clickable_chart(unit_bars_figure(ranking), "overview_bars", "承担事项最多的单位")
        st.caption(
            "条形末端为承担事项总数；点击条形即按该单位筛选全部页面。"
            + DUTY_MEANING
            + (
                ""
                if filters.include_collectives
                else "“各部门”等泛指单位未计入，可在侧栏勾选纳入。"
            )
        )

st.caption(escape_markdown(quality_line(doc)))
link_to_page("review.py", "查看解析校对", ":material/fact_check:")
