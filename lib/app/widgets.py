"""What pages draw from the shared state: the filter chips, click-to-filter, drill-down buttons,
the document's header, page links and downloads (tables, unit sheets, the brief)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from lib.analyse.filters import Filters
from lib.app.state import Loaded, current, document_view, escape_markdown
from lib.parse.pipeline import ParsedDocument
from lib.write.charts import chart_config, units_from_selection
from lib.write.export import safe_filename, to_csv_bytes, to_xlsx_bytes
from lib.write.present import for_screen, present, without_empty_columns
from lib.write.report import display_title

# the session key of each filter's widget
WIDGET_KEYS = {
    "units": "f_units",
    "kinds": "f_kinds",
    "role": "f_role",
    "sections": "f_sections",
    "leaders": "f_leaders",
    "include_collectives": "f_coll",
    "text": "f_text",
    "keyword": "f_kw",
}
DEFAULT_FILTERS = Filters()
PAGES_DIR = Path(__file__).resolve().parents[2] / "pages"


def page_control(
    key: str,
    default: str | int | float,
    options: tuple | list | None = None,
    bounds: tuple[float, float] | None = None,
) -> None:
    """A page's own control (口径, 前 N 个, 门槛, 方法 …) in the URL beside the filters, so a
    copied link shows the same view: call it before drawing the widget ``key`` without a
    value of its own. The first visit takes the link's value (checked against ``options``
    or ``bounds``, else ``default``); the URL then carries the value while it is not the
    default."""
    state = st.session_state
    if key not in state:
        wanted = state.get("_url_controls", {}).pop(key, None)
        state[key] = _control_value(wanted, default, options, bounds)
    if state[key] == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = str(state[key])


def _control_value(text: str | None, default, options, bounds):
    """``text`` from the URL as a value of the control's type, or ``default``."""
    if text is None:
        return default
    try:
        value = type(default)(text)
    except ValueError:
        return default
    if options is not None and value not in options:
        return default
    if bounds is not None and not bounds[0] <= value <= bounds[1]:
        return default
    return value


def set_widgets(filters: Filters) -> None:
    """Every filter widget set to ``filters`` (a callback, or before the widgets are drawn)."""
    for field, key in WIDGET_KEYS.items():
        value = getattr(filters, field)
        st.session_state[key] = list(value) if isinstance(value, tuple) else value


def filter_chips(filters: Filters) -> None:
    """Active filters as removable chips, with a clear-all."""
    chips = filters.chips()
    if not chips:
        return
    columns = st.columns(min(len(chips), 5) + 1)
    for index, (field, value, label) in enumerate(chips):
        columns[index % 5].button(
            f"✕ {escape_markdown(label)}",
            key=f"chip_{field}_{value}",
            on_click=_remove_filter,
            args=(field, value),
            help="移除这个筛选条件",
        )
    columns[-1].button(
        "清除全部", key="chip_clear_all", on_click=set_widgets, args=(DEFAULT_FILTERS,)
    )


def _remove_filter(field: str, value: str) -> None:
    """Chip callback: runs before the widgets are drawn, so it may set their keys."""
    key = WIDGET_KEYS[field]
    chosen = st.session_state.get(key)
    if isinstance(chosen, list):
        st.session_state[key] = [v for v in chosen if v != value]
    else:
        st.session_state[key] = getattr(DEFAULT_FILTERS, field)


def click_to_filter(name: str, field: str = "units") -> tuple[str, Callable[[], None]]:
    """A chart key and its ``on_select`` callback: clicking bars (or nodes) sets a filter:
    the units clicked, or the first keyword clicked.

    The key changes once a click is applied, so the chart is drawn afresh and its old
    selection never applies again.
    """
    clicks = st.session_state.setdefault(f"_{name}_clicks", 0)
    key = f"{name}_{clicks}"

    def on_select() -> None:
        values = units_from_selection(st.session_state.get(key))
        if values:
            st.session_state[WIDGET_KEYS[field]] = values if field == "units" else values[0]
            st.session_state[f"_{name}_clicks"] = clicks + 1

    return key, on_select


def clickable_chart(figure, name: str, title: str, field: str = "units") -> None:
    """A chart whose clicked bars (or nodes) set a filter on every page (``click_to_filter``);
    its PNG export is named ``title``."""
    key, on_select = click_to_filter(name, field)
    st.plotly_chart(
        figure,
        on_select=on_select,
        selection_mode="points",
        key=key,
        config=chart_config(title),
        width="stretch",
    )


def set_filter(field: str, value: object) -> None:
    """Callback: set one filter (a drill-down button)."""
    st.session_state[WIDGET_KEYS[field]] = value


# --- page furniture ---


def link_to_page(page: str, label: str, icon: str | None = None) -> None:
    """A link to another page by its file (an absolute path resolves wherever the entry is)."""
    st.page_link(str(PAGES_DIR / page), label=label, icon=icon)


def document_header(doc: ParsedDocument) -> None:
    """The list's title (with its place) and its issuer, number, date and file, in one compact
    block (heading sizes in .streamlit/config.toml: a long title fits a laptop's width)."""
    st.title(escape_markdown(display_title(doc.meta)))
    facts = [doc.meta.get(k, "") for k in ("issuer", "doc_number", "date")]
    facts.append(f"文件：{doc.report.source_name}")
    st.caption(escape_markdown(" · ".join(f for f in facts if f)))


def _export_bytes(
    frame: pd.DataFrame, fmt: str, headers: str, conditions: list[tuple[str, str]]
) -> bytes:
    if fmt == "xlsx":
        return to_xlsx_bytes(frame, headers, conditions=conditions)
    return to_csv_bytes(frame, headers, bom=(fmt == "csv"))


def downloads(frame: pd.DataFrame, table: str, stem: str, headers: str = "zh") -> None:
    """CSV for Excel, plain UTF-8 CSV and XLSX (with a 筛选条件 sheet) of exactly ``frame``,
    presented as on screen (``lib.write.present``); each file is written when clicked."""
    state = current()
    doc, filters = state.doc, state.filters
    frame = without_empty_columns(frame)
    conditions = [
        ("来源文件", doc.report.source_name),
        ("文档编号", doc.doc_id),
        ("表格", stem),
        ("行数", str(len(frame))),
        *filters.describe(),
    ]
    label = filters.file_label()
    name = f"{doc.meta.get('title') or '责任清单'}-{stem}" + (f"-{label}" if label else "")
    columns = st.columns(3)
    for column, (fmt, label, suffix, mime) in zip(
        columns,
        (
            ("csv", "下载 CSV（Excel 用）", ".csv", "text/csv"),
            # a name of its own: both downloaded, neither becomes 文件(1).csv
            ("csv-plain", "下载 CSV（UTF-8）", "-UTF8.csv", "text/csv"),
            (
                "xlsx",
                "下载 Excel",
                ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
        ),
    ):
        data = functools.partial(_export_bytes, frame, fmt, headers, conditions)
        file_button(column, label, data, safe_filename(name, suffix), mime, f"dl_{table}_{fmt}")


# --- unit sheets and the brief ---


def _book(loaded: Loaded):
    """The whole list's sheets, written once per document when first asked for (on a click:
    a 10,000-item list takes seconds)."""
    from lib.analyse.sheets import sheet_book

    return loaded.view(sheet_book, DEFAULT_FILTERS, ())  # as document_view, outside a run


def unit_sheet_downloads(unit: str, key: str) -> None:
    """该单位任务清单 (Word and Excel) of ``unit``, from the whole list whatever the filters;
    written when clicked."""
    from lib.write.sheet_files import DOCX_MIME, XLSX_MIME, sheet_docx, sheets_xlsx

    state = current()
    loaded = state.loaded
    if unit in loaded.choices.collectives:
        st.caption(escape_markdown(f"“{unit}”是泛指单位，没有单独的任务清单。"))
        return
    stem = f"{unit}-任务清单"
    word, excel = st.columns(2)
    for column, (fmt, label, mime, write) in zip(
        (word, excel),
        (
            ("docx", "Word", DOCX_MIME, lambda: sheet_docx(_book(loaded), unit)),
            ("xlsx", "Excel", XLSX_MIME, lambda: sheets_xlsx(_book(loaded), [unit])),
        ),
    ):
        file_button(
            column,
            f"该单位任务清单（{label}）",
            write,
            safe_filename(stem, f".{fmt}"),
            mime,
            f"{key}_sheet_{fmt}",
        )
    st.caption(
        "任务清单按全文生成（不受筛选影响）：牵头、独立承担、配合、共同责任分组，附其他责任单位和目标任务。"
    )


def batch_downloads() -> None:
    """Every unit's sheet (one workbook, or a ZIP of Word files) and the one-page brief; built
    when clicked, since the ZIP takes seconds."""
    from lib.analyse.sheets import build_brief, sheet_scope
    from lib.write.sheet_files import DOCX_MIME, XLSX_MIME, brief_docx, sheets_xlsx, sheets_zip

    state = current()
    doc, loaded = state.doc, state.loaded
    title = doc.meta.get("title") or "责任清单"
    files = (
        (
            "全部单位任务清单（Excel）",
            lambda: sheets_xlsx(_book(loaded)),
            "各单位任务清单",
            ".xlsx",
            XLSX_MIME,
            "batch_xlsx",
        ),
        (
            "全部单位任务清单（Word，ZIP）",
            lambda: sheets_zip(_book(loaded)),
            "各单位任务清单",
            ".zip",
            "application/zip",
            "batch_zip",
        ),
        (
            "一页简报（Word）",
            lambda: brief_docx(build_brief(doc)),
            "一页简报",
            ".docx",
            DOCX_MIME,
            "brief_docx",
        ),
    )
    for column, (label, build, stem, suffix, mime, key) in zip(st.columns(3), files):
        file_button(column, label, build, safe_filename(f"{title}-{stem}", suffix), mime, key)
    count, note = document_view(sheet_scope)
    st.caption(escape_markdown(f"共 {count} 个单位，按全文生成（不受筛选影响）。{note}"))


def show_table(
    frame: pd.DataFrame,
    key: str | None = None,
    headers: str | dict[str, str] = "zh",
    widths: dict[str, str] | None = None,
) -> None:
    """An analysis table on screen, presented as every export presents it (once per table);
    an empty one as a line of words (Streamlit would draw an empty grid saying ``empty``).
    ``widths``: a shown header → small, medium or large, for a column that must be read
    whole (判断依据) beside a long one."""
    if frame.empty:
        st.caption("（没有符合条件的行。）")
        return
    words = headers if isinstance(headers, str) else tuple(sorted(headers.items()))
    shown = current().loaded.derived(
        frame, ("present", words), lambda: present(for_screen(frame), headers)
    )
    config = {name: st.column_config.Column(width=width) for name, width in (widths or {}).items()}
    st.dataframe(shown, width="stretch", hide_index=True, key=key, column_config=config or None)


def file_button(column, label: str, data, file_name: str, mime: str, key: str) -> None:
    """A download button filling its column; ``data`` is bytes, or a function that builds
    them when clicked. The page does not rerun on a download."""
    column.download_button(
        label, data, file_name=file_name, mime=mime, key=key, on_click="ignore", width="stretch"
    )
