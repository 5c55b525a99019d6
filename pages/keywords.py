"""关键词: what the filtered items are about, and what sets one unit's part apart."""

import streamlit as st

from lib.analyse.keywords import keyword_item_table, keyword_table, unit_keyword_table
from lib.analyse.tables import units_by_items
from lib.app.state import current, view
from lib.app.widgets import clickable_chart, downloads, page_control, set_filter, show_table
from lib.write.charts import keyword_bars_figure

current()  # first: a deep link to a fresh server runs the page alone (see current)
left, right = st.columns(2)
page_control("kw_method", "tfidf", ("tfidf", "textrank"))
page_control("kw_top", 20, bounds=(5, 50))
method = left.radio(
    "方法",
    ["tfidf", "textrank"],
    horizontal=True,
    key="kw_method",
    format_func={"tfidf": "特色词", "textrank": "核心词"}.get,
    help="特色词：所选事项中常写、而一般政府文件少见的词语，以及清单用引号标出的名称"
    "（与近两千份政府工作报告和清单对比）；核心词：在所选事项中与其他词语关联最多的词。",
)
top = right.slider("显示前 K 个关键词", 5, 50, key="kw_top")
with st.spinner("正在分词……"):
    table = view(keyword_table, method, top)
if table.empty:
    st.info("当前筛选条件下没有关键词。")
    st.stop()
clickable_chart(keyword_bars_figure(table), "keyword_bars", "关键词", field="keyword")
st.caption(
    "引号中的名称（如“揭榜挂帅”）按原文保留；已去除数字、单位名称、地名、"
    "“推进、加快、以上”等套话和一般政府文件都常用的词（如“企业、创新”）。"
    "鼠标移到条形上可看到关键词出自哪些事项，点击条形即按该关键词筛选全部页面。"
)
downloads(table, "keywords", "关键词")

st.subheader("关键词对应的事项")
word = st.selectbox("关键词", table["keyword"].tolist(), key=f"kw_pick_{method}_{top}")
st.button("按此关键词筛选全部页面", on_click=set_filter, args=("keyword", word), key="kw_apply")
show_table(view(keyword_item_table, word), key="kw_items")

st.subheader("单位的特色关键词")
ranked = view(units_by_items)
if ranked:
    unit = st.selectbox("单位", ranked, key="kw_unit")
    show_table(view(unit_keyword_table, unit), key="kw_unit_table")
