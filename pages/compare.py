"""对比: two stored lists side by side: who carries more or less, which items go on, which are
new, which are no longer listed."""

import streamlit as st

from lib.analyse.compare import item_matches, theme_changes, unit_changes
from lib.app import shelf
from lib.app.state import current, escape_markdown
from lib.app.widgets import file_button, show_table
from lib.write.charts import chart_config, compare_figure
from lib.write.export import safe_filename, to_xlsx_sheets
from lib.write.sheet_files import XLSX_MIME

current()  # first: a deep link to a fresh server runs the page alone (see current)
st.title("两份清单对比")
engine = shelf.open_engine()
entries = {entry.doc_id: entry for entry in shelf.entries(engine)} if engine is not None else {}
if len(entries) < 2:
    st.info("清单库中至少要有两份清单才能对比：请先上传另一份清单（如上一年的）。")
    st.stop()
ids = list(entries)
first, second = (
    column.selectbox(
        label,
        ids,
        index=ids.index(default),
        format_func=lambda i: shelf.label(entries[i]),
        key=key,
    )
    for column, label, default, key in zip(
        st.columns(2),
        ("清单甲（如上一年）", "清单乙（如本年）"),
        shelf.default_pair(list(entries.values())),
        ("cmp_a", "cmp_b"),
    )
)
if first == second:
    st.info("请选择两份不同的清单。")
    st.stop()
if doubt := shelf.pair_doubt(entries[first], entries[second]):
    st.warning(escape_markdown(doubt))
a, b = shelf.stored_document(engine, first), shelf.stored_document(engine, second)
if a is None or b is None:
    st.warning("所选清单已不在清单库中。")
    st.stop()
units, matches, themes = unit_changes(a, b), item_matches(a, b), theme_changes(a, b)
counts = matches["change"].value_counts()
st.markdown(
    "#### "
    + escape_markdown(
        f"清单乙 {len(b.items)} 项：延续 {counts.get('延续', 0)} 项，新增 {counts.get('新增', 0)} 项；"
        f"清单甲中 {counts.get('不再列出', 0)} 项不再列出。"
    )
)
st.subheader("各单位承担事项的变化")
st.plotly_chart(compare_figure(units), config=chart_config("两份清单对比"), width="stretch")
show_table(units, key="cmp_units")
st.caption("单位按标准名称对应；“各部门”等泛指单位不计。")
st.subheader("事项对应")
show_table(matches, key="cmp_items")
st.caption("按主要工作的文字相似度（不计数字和标点）一一对应，相似度达 50 即视为延续。")
st.subheader("主题变化")
show_table(themes, key="cmp_themes")
names = [("清单甲", entries[first].display_name), ("清单乙", entries[second].display_name)]
file_button(
    st,
    "下载对比结果（Excel）",
    lambda: to_xlsx_sheets({"单位变化": units, "事项对应": matches, "主题变化": themes}, names),
    safe_filename(f"对比-{entries[first].display_name}-{entries[second].display_name}", ".xlsx"),
    XLSX_MIME,
    "cmp_download",
)
