"""责任清单看板: the frame. Page config, navigation, the shared data source and filters,
then the page."""

from pathlib import Path

import streamlit as st

from lib.app.frame import frame
from lib.app.state import entry
from lib.app.warm import warm_up

ROOT = Path(__file__).resolve().parent
# a local icon: a Material icon as page_icon makes every browser fetch it from Google's servers
ICON = ROOT / "assets" / "icon.png"
PAGES = (
    ("overview.py", "总览", ":material/dashboard:"),
    ("workload.py", "工作量热力图", ":material/grid_on:"),
    ("leads.py", "牵头单位", ":material/flag:"),
    ("network.py", "协同网络", ":material/hub:"),
    ("keywords.py", "关键词", ":material/label:"),
    ("targets.py", "量化目标", ":material/target:"),
    ("progress.py", "进度督查", ":material/trending_up:"),
    ("explorer.py", "数据明细与下载", ":material/table_view:"),
    ("review.py", "解析校对", ":material/fact_check:"),
    ("library.py", "清单库", ":material/folder_open:"),
    ("compare.py", "对比", ":material/compare_arrows:"),
)
# pages (by title) that draw their own heading instead of the document's header and chips
OWN_HEADING = {"解析校对", "清单库", "对比"}


def main(default: str = "overview.py", position: str = "sidebar") -> None:
    """The navigation, the frame, then the chosen page (tests and benchmarks run this too)."""
    with entry():
        page = st.navigation(
            [
                st.Page(str(ROOT / "pages" / name), title=title, icon=icon, default=name == default)
                for name, title, icon in PAGES
            ],
            position=position,
        )
        frame(header=page.title not in OWN_HEADING)
        try:
            page.run()
        finally:  # once per process, after the first page is drawn (or stopped)
            warm_up()


if __name__ == "__main__":
    st.set_page_config(page_title="责任清单看板", page_icon=str(ICON), layout="wide")
    main()
