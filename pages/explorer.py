"""数据明细与下载: exactly the filtered rows, on screen and as files."""

import streamlit as st

from lib.app.frame import batch_downloads, document_header, downloads, filter_chips, filtered, view
from lib.analyse.tables import assignments_view, display_table, item_table

doc, filters, items, rows = filtered()
document_header(doc)
filter_chips(filters)
st.caption(f"当前筛选：{len(items)} 个事项，{len(rows)} 条责任分工（提及次数）。")
by_item, by_mention = st.tabs(["按事项", "按责任分工"])
with by_item:
    table = view(item_table, whole_items=True)  # every unit of each chosen item
    st.dataframe(display_table(table, "en"), width="stretch", hide_index=True, key="items_table")
    downloads(doc, filters, table, "items", "事项清单", headers="en")
with by_mention:
    st.dataframe(view(assignments_view), width="stretch", hide_index=True, key="rows_table")
    downloads(doc, filters, rows, "assignments", "责任分工")

st.subheader("各单位任务清单与一页简报")
batch_downloads(doc)
