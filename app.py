"""责任清单看板: the frame. Page config, navigation, the shared data source and filters,
then the page."""

from pathlib import Path

import streamlit as st

from lib.app.frame import entry, frame

# a local icon: a Material icon as page_icon makes every browser fetch it from Google's servers
ICON = Path(__file__).resolve().parent / "assets" / "icon.png"
st.set_page_config(page_title="责任清单看板", page_icon=str(ICON), layout="wide")

with entry():
    page = st.navigation([
        st.Page("pages/overview.py", title="总览", icon=":material/dashboard:", default=True),
        st.Page("pages/workload.py", title="工作量热力图", icon=":material/grid_on:"),
        st.Page("pages/leads.py", title="牵头单位", icon=":material/flag:"),
        st.Page("pages/network.py", title="协同网络", icon=":material/hub:"),
        st.Page("pages/keywords.py", title="关键词", icon=":material/label:"),
        st.Page("pages/targets.py", title="量化目标", icon=":material/target:"),
        st.Page("pages/explorer.py", title="数据明细与下载", icon=":material/table_view:"),
        st.Page("pages/review.py", title="解析校对", icon=":material/fact_check:"),
    ])
    frame()
    page.run()
