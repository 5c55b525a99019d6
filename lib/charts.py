"""Plotly figures: builders return figures, pages draw them. Chinese labels readable."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

FONT = '"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Noto Sans SC",sans-serif'
ROLE_COLORS = {"牵头": "#c0392b", "独立承担": "#e67e22", "配合": "#7f8c8d"}


def chart_config(name: str) -> dict[str, object]:
    """``st.plotly_chart(config=…)``: no plotly logo; PNG export named after the chart."""
    return {"displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": name, "scale": 2}}


def plain(text: str) -> str:
    """Document text for plotly labels: plotly renders <b>, <br> and links, so escape it."""
    return html.escape(str(text), quote=False)


def unit_bars_figure(ranking: pd.DataFrame, top: int = 15) -> go.Figure:
    """Horizontal stacked bars per unit: 牵头 / 独立承担 / 配合 items, largest on top."""
    shown = ranking.head(top).iloc[::-1]
    labels = [plain(u) for u in shown["unit"]]
    units = [plain(u) for u in shown["unit"]]
    bars = [
        {"type": "bar", "y": labels, "x": shown[column].tolist(), "name": name, "orientation": "h",
         "marker": {"color": ROLE_COLORS[name]}, "customdata": units,
         "hovertemplate": "%{customdata}<br>" + name + "：%{x} 项<extra></extra>"}
        for column, name in (("lead", "牵头"), ("sole", "独立承担"), ("co", "配合"))
    ]
    layout = {
        "barmode": "stack", "font": {"family": FONT, "size": 14},
        "height": max(320, 28 * len(shown) + 120), "margin": {"l": 10, "r": 10, "t": 30, "b": 40},
        "legend": {"orientation": "h", "y": 1.02, "x": 0, "yanchor": "bottom", "traceorder": "normal"},
        "xaxis": {"title": {"text": "事项数（同一事项只计一次）"}}, "yaxis": {"automargin": True},
    }
    # a figure from a plain spec validates once, ten times faster than add_bar/update_layout
    return go.Figure({"data": bars, "layout": layout})


TOTAL = "合计"


def workload_figure(cells: pd.DataFrame, top: int = 25) -> go.Figure:
    """Units × themes as square markers (so a click selects a cell), with row and column
    totals; ``customdata`` carries the unit and theme of each cell (合计 for totals)."""
    totals = cells.groupby("unit")["value"].sum().sort_values(ascending=False, kind="stable")
    units = list(totals.head(top).index)
    shown = cells[cells["unit"].isin(units)]
    themes = list(shown.groupby("theme")["value"].sum().sort_values(ascending=False, kind="stable").index)
    x_order, y_order = [*themes, TOTAL], [*units, TOTAL][::-1]
    data: list[dict] = []
    if not shown.empty:
        peak = shown["value"].max()
        values = shown["value"].tolist()
        data.append({
            "type": "scatter", "mode": "markers+text", "showlegend": False, "name": "单元格",
            "x": [plain(t) for t in shown["theme"]], "y": [plain(u) for u in shown["unit"]],
            "marker": {"symbol": "square", "size": 30, "color": values, "colorscale": "Reds",
                       "cmin": 0, "cmax": peak, "line": {"width": 0}},
            "text": [_number(v) for v in values],
            "textfont": {"size": 12, "color": ["white" if v > peak / 2 else "#2c3e50" for v in values]},
            "customdata": [[plain(u), plain(t), int(i), int(lead), int(co)] for u, t, i, lead, co in
                           zip(shown["unit"], shown["theme"], shown["items"], shown["lead"], shown["co"])],
            "hovertemplate": "%{customdata[0]} · %{customdata[1]}<br>事项 %{customdata[2]} 项"
                             "（牵头 %{customdata[3]}，配合 %{customdata[4]}）<extra></extra>",
        })
        row_totals = shown.groupby("unit")["value"].sum().reindex(units)
        column_totals = shown.groupby("theme")["value"].sum().reindex(themes)
        data.append({
            "type": "scatter", "mode": "markers+text", "showlegend": False, "name": "合计",
            "x": [TOTAL] * len(units) + [plain(t) for t in themes],
            "y": [plain(u) for u in units] + [TOTAL] * len(themes),
            "marker": {"symbol": "square", "size": 30, "color": "#ecf0f1"},
            "text": [_number(v) for v in [*row_totals, *column_totals]],
            "customdata": [[plain(u), TOTAL] for u in units] + [[TOTAL, plain(t)] for t in themes],
            "hovertemplate": "%{customdata[0]} · %{customdata[1]}：%{text}<extra></extra>",
        })
    layout = {
        "font": {"family": FONT, "size": 13}, "height": max(360, 34 * len(y_order) + 160),
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10}, "clickmode": "event+select", "dragmode": False,
        "xaxis": {"categoryorder": "array", "categoryarray": [plain(t) for t in x_order],
                  "side": "top", "showgrid": False, "tickangle": -30},
        "yaxis": {"categoryorder": "array", "categoryarray": [plain(u) for u in y_order],
                  "showgrid": False, "automargin": True},
        "plot_bgcolor": "white",
    }
    return go.Figure({"data": data, "layout": layout})


def _number(value: float) -> str:
    return f"{value:g}"


def points_of(event: object) -> list[dict]:
    """The clicked points of an ``st.plotly_chart`` selection event (empty when none)."""
    try:
        return list(event["selection"]["points"])  # type: ignore[index]
    except (KeyError, TypeError):
        return []


def units_from_selection(event: object) -> list[str]:
    """The units of the bars clicked in ``unit_bars_figure`` (its ``customdata``)."""
    units = [html.unescape(str(p.get("customdata"))) for p in points_of(event) if p.get("customdata")]
    return list(dict.fromkeys(units))


def cell_from_selection(event: object) -> tuple[str | None, str | None] | None:
    """(unit, theme) of the clicked heatmap cell; None stands for a total. None if no click."""
    for point in points_of(event):
        data = point.get("customdata")
        if isinstance(data, (list, tuple)) and len(data) >= 2:
            unit, theme = (html.unescape(str(v)) for v in data[:2])
            return (None if unit == TOTAL else unit, None if theme == TOTAL else theme)
    return None
