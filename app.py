"""责任清单看板: the frame. Page config, navigation, then the page."""

import streamlit as st

st.set_page_config(page_title="责任清单看板", page_icon="📋", layout="wide")

page = st.navigation([
    st.Page("pages/overview.py", title="总览", icon="📋", default=True),
])
page.run()
