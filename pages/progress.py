"""进度督查: the progress reports of the current list, item by item and unit by unit."""

import streamlit as st

from lib.analyse.progress import (
    FEW_MATCHED,
    base_statuses,
    behind_per_period,
    lagging_items,
    period_words,
    progress_sentence,
    share_on_base,
    status_over_time,
    unit_lagging_items,
    unit_status_counts,
    unit_trend,
    with_unreported,
)
from lib.app import reports
from lib.app.state import current, escape_markdown
from lib.app.widgets import clickable_chart, file_button, show_table
from lib.parse.schema import CHASED, STATUSES, ZH_HEADERS
from lib.write.charts import PROGRESS_UNITS, progress_figure
from lib.write.export import safe_filename, to_xlsx_sheets
from lib.write.sheet_files import DOCX_MIME, XLSX_MIME, supervision_docx

state = current()  # first: a deep link to a fresh server runs the page alone (see current)
doc, selection = state.doc, state.selection
st.caption(
    escape_markdown(
        "进度督查的基准清单即上方这份清单（侧栏“当前清单”，可在侧栏更换）。"
        "上传这份清单的进展情况表或完成情况汇总表（每月、每季度各一份均可），"
        "按事项文字和编号对应到清单的事项。"
    )
)
reports.load_stored(doc)
st.file_uploader(
    "上传进度报告（可一次选多份）",
    key=reports.upload_key(doc.doc_id),
    accept_multiple_files=True,
    on_change=reports.take_upload,
    args=(doc,),
)
if note := st.session_state.pop("_progress_note", ""):
    st.warning(escape_markdown(note))
if not reports.held(doc.doc_id):
    st.info("尚未上传进度报告。")
    st.stop()
for digest, name, period in reports.listed(doc.doc_id):
    left, right = st.columns([5, 1], vertical_alignment="center")
    left.caption(
        escape_markdown(f"已上传：{name}（{f'截至{period}' if period else '期间未写明'}）")
    )
    right.button(
        "移除",
        key=f"progress_remove_{digest[:12]}",
        on_click=reports.remove,
        args=(doc.doc_id, digest),
    )
better = reports.better_base(doc)
if better is not None:
    doc_id, name, theirs, ours = better
    st.info(
        escape_markdown(
            f"这份报告与清单库中的《{name}》更对得上（{theirs:.0%} 的事项对应，"
            f"当前清单只有 {ours:.0%}）。"
        )
    )
    st.button(
        "改用这份清单作为基准",
        key="progress_switch_base",
        on_click=reports.rebase,
        args=(doc.doc_id, doc_id),
    )
matched, uncovered, problems, doubts = reports.matched(doc)
for problem in problems:
    st.error(escape_markdown(problem))
for doubt in doubts:
    st.warning(escape_markdown(doubt))
if matched.empty:
    st.stop()
share = share_on_base(matched)
if share < FEW_MATCHED:  # its numbers would be about another list's work
    st.error(
        escape_markdown(
            f"上传的进度报告只有 {share:.0%} 的事项对应到当前清单《"
            f"{doc.meta.get('title') or doc.report.source_name}》的事项：它多半不是这份清单的"
            "进度报告。请在侧栏把“当前清单”换成它的基准清单"
            + ("（或用上方建议的清单）" if better is not None else "")
            + "，或移除这份报告。"
        )
    )
    st.stop()
statuses = base_statuses(matched)
mine = statuses[statuses["item_no"].isin(selection.items["item_no"])]
periods = sorted({str(p) for p in matched["period_end"].dropna()})
st.markdown("#### " + escape_markdown(progress_sentence(mine, len(selection.items), periods)))
unmatched = matched[matched["item_no"].isna()]
if len(unmatched):
    st.warning(
        escape_markdown(
            f"进度报告中有 {unmatched['report_label'].nunique()} 项没有对应到清单的事项"
            "（见页末），请确认侧栏选的是这份报告的基准清单。"
        )
    )
units = unit_status_counts(selection.assignments, mine)
st.subheader("各单位承担事项的进度")
if units.empty:
    st.caption("所选事项没有写明责任单位（泛指的单位不计）。")
else:
    clickable_chart(progress_figure(units), "progress_bars", "各单位进度")
    st.caption(
        "每个单位承担的事项（牵头、独立承担和配合都计，同一事项只计一次）按最近一期的进度状态着色，"
        "有滞后、未启动、未报进度事项的单位排在前面。点击条形即按该单位筛选全部页面。"
        + (
            f"图中只画前 {PROGRESS_UNITS} 个单位，另有 {len(units) - PROGRESS_UNITS} 个单位可在下方督办单中选看。"
            if len(units) > PROGRESS_UNITS
            else ""
        )
    )
st.subheader("滞后和未启动的事项")
behind = lagging_items(selection.items, selection.assignments, mine)
if behind.empty:
    st.caption("所选事项中没有滞后或未启动的事项。")
else:
    wide = {
        ZH_HEADERS["task"]: "medium",
        ZH_HEADERS["evidence"]: "large",
    }  # the evidence read whole
    show_table(behind, key="progress_behind", widths=wide)
if len(periods) > 1:
    st.subheader("各期进度")
    over_time = status_over_time(
        matched[matched["item_no"].isin(selection.items["item_no"])], selection.items
    )
    trend = behind_per_period(unit_trend(matched, selection.assignments))
    when = {period: "截至" + period_words(period) for period in periods}  # the columns' names
    st.caption("各单位各期滞后的事项数（有过滞后的单位）：")
    show_table(trend.rename(columns=when), key="progress_trend", headers={"unit": "责任单位"})
    st.caption("各事项各期的进度状态：")
    show_table(
        over_time.replace(STATUSES).fillna("未报").rename(columns=when),
        key="progress_over_time",
        headers={"item_no": "序号", "item_label": "原编号", "task": ZH_HEADERS["task"]},
        widths={ZH_HEADERS["task"]: "large"},
    )
st.subheader("督办单")
chased = units[units[list(CHASED)].sum(axis=1) > 0] if len(units) else units
named = chased["unit"].tolist()  # units with something to chase, most first (as the chart)
if not named:
    st.caption("所选事项中没有哪个单位有滞后、未启动或未报进度的事项，无需督办。")
else:
    unit = st.selectbox("单位", named, key="progress_unit")
    # the unit's items among those the filters select, with all their units
    rows = unit_lagging_items(unit, selection.items, doc.assignments, statuses)
    counts = rows["status"].value_counts()
    filtered = len(selection.items) < len(doc.items)
    st.caption(
        escape_markdown(
            f"{unit}："
            + "，".join(
                f"{label} {int(counts.get(status, 0))} 项" for status, label in CHASED.items()
            )
            + "。督办单列出这些事项和判断依据"
            + ("（只含当前筛选的事项）。" if filtered else "。")
        )
    )
    period = period_words(periods[-1]) if periods else ""
    left, right = st.columns(2)
    file_button(
        left,
        "下载督办单（Word）",
        lambda: supervision_docx(unit, rows, doc.meta, period),
        safe_filename(f"{unit}-督办单", ".docx"),
        DOCX_MIME,
        "progress_docx",
    )
    file_button(
        right,
        "下载督办单（Excel）",
        lambda: to_xlsx_sheets({"督办单": rows}, [("单位", unit), ("截至", period)]),
        safe_filename(f"{unit}-督办单", ".xlsx"),
        XLSX_MIME,
        "progress_xlsx",
    )
with st.expander("全部事项的进度"):
    show_table(
        lagging_items(
            selection.items,
            selection.assignments,
            with_unreported(mine, selection.items),
            tuple(STATUSES),
        ),
        key="progress_all",
    )
if len(uncovered):  # the list's items the filters select
    uncovered = uncovered[uncovered["item_no"].isin(selection.items["item_no"])]
with st.expander(
    f"对应情况：报告中未对应的 {unmatched['report_label'].nunique()} 项，清单中未报进度的 {len(uncovered)} 项"
):
    if unmatched.empty and uncovered.empty:
        st.caption("报告的每一项都对应到了清单的事项，清单的每一项都有报告。")
    if len(unmatched):
        st.caption("报告中没有对应到清单事项的行：")
        show_table(
            unmatched[["report_label", "progress_text", "status"]],
            key="progress_unmatched",
            headers={
                "report_label": "进度表编号",
                "progress_text": "进展情况",
                "status": "进度状态",
            },
        )
    if len(uncovered):
        st.caption("清单中最近一期报告没有写到的事项：")
        show_table(uncovered, key="progress_uncovered")
