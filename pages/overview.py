"""总览: who carries the year's work, in a minute."""

import streamlit as st

from lib.analyse.tables import overview_kpis, unit_ranking
from lib.app.state import current, document_view, view
from lib.app.widgets import link_to_page
from lib.write.charts import chart_config, unit_bars_figure
from lib.write.report import QUALITY_HELP, corrected_counts, document_report, unresolved_counts

state = current()
doc, filters = state.doc, state.filters
k = view(overview_kpis)
first, second = st.columns(4), st.columns(4)
first[0].metric("工作事项", k["items"])
first[1].metric("责任单位（不含泛指）", k["units"])
first[2].metric("提及次数", k["mentions"])
first[3].metric("标注牵头的事项", k["led_items"])
second[0].metric("未标注牵头", k["unmarked_items"])
second[1].metric("独立承担的事项", k["sole_items"])
second[2].metric("平均每项单位数", f"{k['mean_units']:.1f}")
second[3].metric("单项最多单位数", k["max_units"])

st.subheader("承担事项最多的单位")
ranking = view(unit_ranking, filters.include_collectives)
if ranking.empty:
    st.info("当前筛选条件下没有责任单位。")
else:
    st.plotly_chart(
        unit_bars_figure(ranking),
        config=chart_config("承担事项最多的单位"),
        width="stretch",
        key="overview_units",
    )
if not filters.include_collectives:
    st.caption("泛指单位（各部门、相关单位、各镇乡(街道)等）未计入排名，可在侧栏勾选纳入。")

st.subheader("解析质量")
corrected, unresolved = corrected_counts(doc), unresolved_counts(doc)
quality = [*corrected.items(), *unresolved.items()]
for start in range(0, len(quality), 4):  # four to a row, as the KPIs above, so labels fit
    for column, (label, count) in zip(st.columns(4), quality[start : start + 4]):
        column.metric(label, count, help=QUALITY_HELP[label])
if doc.report.conservation_failures:
    st.warning("守恒检查未通过：部分责任单位原文没有全部计入，请在解析校对页核对。")
else:
    problems = sum(unresolved.values())
    st.caption(
        f"名称和连写已在解析时自动校正。责任单位原文逐字核对：{doc.report.mention_count} 次提及全部计入，"
        + (f"另有 {problems} 处问题待核对。" if problems else "没有待核对的问题。")
    )
link_to_page("review.py", "逐条查看并校对解析结果", ":material/fact_check:")
with st.expander("查看解析报告全文"):
    st.code(document_view(document_report), language=None)
