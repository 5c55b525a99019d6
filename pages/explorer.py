"""数据明细与下载: exactly the filtered rows, on screen and as files."""

import streamlit as st

from lib.analyse.tables import assignment_table, item_table
from lib.app.state import view
from lib.app.widgets import batch_downloads, downloads, show_table

items, rows = view(item_table), view(assignment_table)
st.caption(f"当前筛选：{len(items)} 个事项，{len(rows)} 条责任分工（提及次数）。")
by_item, by_mention = st.tabs(["按事项", "按责任分工"])
with by_item:
    show_table(items, key="items_table")  # every unit of each chosen item
    downloads(items, "items", "事项清单")
with by_mention:
    show_table(rows, key="rows_table")
    downloads(rows, "assignments", "责任分工")

st.subheader("各单位任务清单与一页简报")
batch_downloads()
