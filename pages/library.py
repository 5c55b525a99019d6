"""清单库: every stored list and progress report; open, rename or delete one (deleting asks
first); a report is opened on 进度督查 with its list, or given a list when it has none."""

import streamlit as st

from lib.app import shelf
from lib.app.frame import PICK_KEY
from lib.app.state import current, escape_markdown
from lib.app.widgets import PAGES_DIR, show_table

current()  # first: a deep link to a fresh server runs the page alone (see current)
st.title("清单库")
engine = shelf.open_engine()  # the sidebar already says when it is unavailable
if engine is None:
    st.info(shelf.UNAVAILABLE)
    st.stop()
entries = {entry.doc_id: entry for entry in shelf.entries(engine, lists_only=False)}
periods = shelf.report_periods(engine)
default_id = st.session_state.get("_default_doc_id", "")
reports_note = f"、{len(periods)} 份进度报告" if periods else ""
st.caption(
    f"共 {len(entries) - len(periods)} 份清单{reports_note}。上传的清单和进度报告自动存入；同一文件只存一份。"
    "复制页面链接发给同事，对方打开即看到同一份清单和同样的筛选。"
)
bases = shelf.report_bases(engine)
table = shelf.library_table(list(entries.values()), periods, bases)
show_table(table, key="library_table", headers={}, widths={"原文件名": "medium", "名称": "medium"})


def open_list(doc_id: str) -> None:
    st.session_state[PICK_KEY] = doc_id
    st.session_state["_library_opened"] = True


def open_report(base_doc_id: str) -> None:
    st.session_state[PICK_KEY] = base_doc_id
    st.session_state["_library_opened"] = "progress.py"


def attach_report(doc_id: str) -> None:
    base_doc_id = st.session_state.get("library_base", "")
    st.session_state["_library_note"] = shelf.attach_report(engine, doc_id, base_doc_id)


def rename_list(doc_id: str) -> None:
    name = st.session_state.get("library_new_name", "")
    st.session_state["_library_note"] = shelf.rename(engine, doc_id, name)


def delete_list(doc_id: str) -> None:
    with_reports = st.session_state.get("library_delete_reports", False)
    st.session_state["_library_note"] = shelf.remove(engine, doc_id, with_reports)
    if st.session_state.get(PICK_KEY) == doc_id:
        st.session_state.pop(PICK_KEY, None)  # the sidebar falls back to the default list


opened = st.session_state.pop("_library_opened", False)
if opened:
    st.switch_page(str(PAGES_DIR / (opened if isinstance(opened, str) else "overview.py")))
note = st.session_state.pop("_library_note", "")
if note:
    st.success(escape_markdown(note))
st.subheader("管理")
chosen = st.selectbox(
    "选择清单或进度报告",
    list(entries),
    format_func=lambda doc_id: shelf.label(entries[doc_id]),
    key="library_chosen",
)
lists = [doc_id for doc_id in entries if doc_id not in periods]
if chosen in periods:  # a progress report: it is read on 进度督查, against its list
    base = bases.get(chosen, "")
    if base in lists:
        st.button(
            "在“进度督查”页打开（所属清单）",
            on_click=open_report,
            args=(base,),
            key="library_open_report",
        )
    else:
        st.caption("这份进度报告的清单已删除：重新上传那份清单，或选一份清单作为它所属的清单。")
    if lists:
        st.selectbox(
            "所属清单",
            lists,
            index=lists.index(base) if base in lists else None,
            format_func=lambda doc_id: shelf.label(entries[doc_id]),
            key="library_base",
            placeholder="选择这份报告所属的清单",
        )
        st.button(
            "设为它所属的清单",
            on_click=attach_report,
            args=(chosen,),
            key="library_attach",
            disabled=not st.session_state.get("library_base"),
        )
if chosen:
    if chosen in periods:  # a report is opened above, on 进度督查
        middle, right = st.columns(2)
    else:
        left, middle, right = st.columns(3)
        left.button("打开", on_click=open_list, args=(chosen,), key="library_open", width="stretch")
    with middle.popover("改名", width="stretch"):
        st.text_input("新名称", value=entries[chosen].display_name, key="library_new_name")
        st.button("保存名称", on_click=rename_list, args=(chosen,), key="library_rename")
    with right.popover("删除", width="stretch", disabled=chosen == default_id):
        st.write(
            escape_markdown(
                f"删除《{entries[chosen].display_name}》：原文件和由它得到的全部数据都将删除，不能恢复。"
            )
        )
        reports = shelf.report_count(engine, chosen)
        if reports:
            st.checkbox(
                f"同时删除它的 {reports} 份进度报告（不勾选则保留报告，只是不再对应这份清单）",
                key="library_delete_reports",
            )
        st.button("确认删除", on_click=delete_list, args=(chosen,), key="library_delete")
    if chosen == default_id:
        st.caption("默认清单始终保留在清单库中，不能删除。")
