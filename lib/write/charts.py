"""Plotly figures: builders return figures, pages draw them. Chinese labels readable."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from lib.parse.schema import KINDS as KIND_LABELS
from lib.parse.schema import STATUSES

FONT = '"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Noto Sans SC",sans-serif'
# No plotly template: Streamlit's own theme styles the chart, and a figure that carries
# plotly's default template costs four times as much to build and to copy.
NO_TEMPLATE = {"template": "none"}
ROLE_COLORS = {"牵头": "#c0392b", "独立承担": "#e67e22", "配合": "#7f8c8d"}


# plotly's own words for its one kept button, in Chinese (plotly.js config ``locales``)
_PLOTLY_ZH = {
    "Download plot as a PNG": "下载图片",
    "Download plot as a png": "下载图片",
    "Download plot": "下载图片",
}


def chart_config(name: str) -> dict[str, object]:
    """``st.plotly_chart(config=…)``: no plotly logo; of plotly's toolbar only 下载图片 (a PNG
    named after the chart), its tooltip in Chinese: zoom and pan are not for a leader."""
    return {
        "displaylogo": False,
        "modeBarButtons": [["toImage"]],
        "locale": "zh-CN",
        "locales": {"zh-CN": {"dictionary": _PLOTLY_ZH, "format": {}}},
        "toImageButtonOptions": {"format": "png", "filename": name, "scale": 2},
    }


def plain(text: str) -> str:
    """Document text for plotly labels: plotly renders <b>, <br> and links, so escape it."""
    return html.escape(str(text), quote=False)


def compare_figure(changes: pd.DataFrame, top: int = 20) -> go.Figure:
    """A dumbbell per unit: its items in list 甲 (grey) and 乙 (red) joined by a line, the
    units with most items in either first (``top`` of them)."""
    shown = changes.assign(most=changes[["items_a", "items_b"]].max(axis=1))
    shown = shown.sort_values(["most", "unit"], ascending=[False, True]).head(top).iloc[::-1]
    units = [plain(u) for u in shown["unit"]]
    lines_x: list[float | None] = []
    lines_y: list[str | None] = []
    for unit, a, b in zip(units, shown["items_a"], shown["items_b"]):
        lines_x += [a, b, None]
        lines_y += [unit, unit, None]
    data = [
        {
            "type": "scatter",
            "mode": "lines",
            "x": lines_x,
            "y": lines_y,
            "line": {"color": "#bdc3c7", "width": 3},
            "hoverinfo": "skip",
            "showlegend": False,
        },
        *(
            {
                "type": "scatter",
                "mode": "markers",
                "name": name,
                "x": shown[column].tolist(),
                "y": units,
                "marker": {"size": 12, "color": color},
                "hovertemplate": "%{y}：%{x} 项<extra>" + name + "</extra>",
            }
            for column, name, color in (
                ("items_a", "清单甲", "#7f8c8d"),
                ("items_b", "清单乙", "#c0392b"),
            )
        ),
    ]
    layout = {
        "font": {"family": FONT, "size": 13},
        "height": max(320, 28 * len(units) + 120),
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "legend": {"orientation": "h", "y": 1.04},
        "xaxis": {"title": {"text": "承担事项"}, "rangemode": "tozero", "gridcolor": "#ecf0f1"},
        "yaxis": {"automargin": True},
        "plot_bgcolor": "white",
    }
    return go.Figure({"data": data, "layout": {**layout, **NO_TEMPLATE}})


def unit_bars_figure(ranking: pd.DataFrame, top: int = 15) -> go.Figure:
    """Horizontal stacked bars per unit: 牵头 / 独立承担 / 配合 items, largest on top."""
    shown = ranking.head(top).iloc[::-1]
    labels = [plain(u) for u in shown["unit"]]
    units = [plain(u) for u in shown["unit"]]
    bars = [
        {
            "type": "bar",
            "y": labels,
            "x": shown[column].tolist(),
            "name": name,
            "orientation": "h",
            "marker": {"color": ROLE_COLORS[name]},
            "customdata": units,
            "hovertemplate": "%{customdata}<br>" + name + "：%{x} 项<extra></extra>",
        }
        for column, name in (("lead", "牵头"), ("sole", "独立承担"), ("co", "配合"))
    ]
    # each bar's total at its end: the number a leader reads first
    totals = [
        {
            "x": items,
            "y": label,
            "text": str(items),
            "xanchor": "left",
            "xshift": 4,
            "showarrow": False,
            "font": {"size": 13},
        }
        for label, items in zip(labels, shown["items"].tolist())
    ]
    layout = {
        **_stacked_layout(
            len(shown), "事项数（同一事项只计一次）", int(shown["items"].max()) if len(shown) else 0
        ),
        "annotations": totals,
    }
    # a figure from a plain spec validates once, ten times faster than add_bar/update_layout
    return go.Figure({"data": bars, "layout": {**layout, **NO_TEMPLATE}})


def _stacked_layout(rows: int, x_title: str, most: int = 0) -> dict:
    """The layout of horizontal stacked bars, one per unit, the legend on top; counts up to
    ``most`` get a tick at every whole number (never 0.5 of an item)."""
    ticks = {"dtick": 1} if 0 < most <= 10 else {"tickformat": ",d"}
    return {
        "barmode": "stack",
        "font": {"family": FONT, "size": 14},
        "height": max(320, 28 * rows + 120),
        "margin": {"l": 10, "r": 30, "t": 30, "b": 40},
        "legend": {
            "orientation": "h",
            "y": 1.02,
            "x": 0,
            "yanchor": "bottom",
            "traceorder": "normal",
        },
        "xaxis": {"title": {"text": x_title}, **ticks},
        "yaxis": {"automargin": True},
    }


TOTAL = "合计"


def workload_figure(cells: pd.DataFrame, top: int = 25) -> go.Figure:
    """Units × themes as square markers (so a click selects a cell), with row and column
    totals; ``customdata`` carries the unit and theme of each cell (合计 for totals)."""
    totals = cells.groupby("unit")["value"].sum().sort_values(ascending=False, kind="stable")
    units = list(totals.head(top).index)
    shown = cells[cells["unit"].isin(units)]
    # the themes by their own items (an item of several units is one), most first
    theme_items = shown.groupby("theme")["theme_items"].first() if len(shown) else pd.Series()
    themes = list(theme_items.sort_values(ascending=False, kind="stable").index)
    x_order, y_order = [*themes, TOTAL], [*units, TOTAL][::-1]
    data: list[dict] = []
    if not shown.empty:
        peak = shown["value"].max()
        values = shown["value"].tolist()
        data.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "showlegend": False,
                "name": "单元格",
                "x": [plain(t) for t in shown["theme"]],
                "y": [plain(u) for u in shown["unit"]],
                "marker": {
                    "symbol": "square",
                    "size": 30,
                    "color": values,
                    "colorscale": "Reds",
                    "cmin": 0,
                    "cmax": peak,
                    "line": {"width": 0},
                },
                "text": [_number(v) for v in values],
                "textfont": {
                    "size": 12,
                    "color": ["white" if v > peak / 2 else "#2c3e50" for v in values],
                },
                "customdata": [
                    [plain(u), plain(t), int(i), int(lead), int(sole), int(co)]
                    for u, t, i, lead, sole, co in zip(
                        shown["unit"],
                        shown["theme"],
                        shown["items"],
                        shown["lead"],
                        shown["sole"],
                        shown["co"],
                    )
                ],
                "hovertemplate": "%{customdata[0]} · %{customdata[1]}<br>事项 %{customdata[2]} 项"
                "（牵头 %{customdata[3]}，独立承担 %{customdata[4]}，配合 %{customdata[5]}）"
                "<extra></extra>",
                # a clicked cell keeps its colour; the others fade only a little, so that
                # their numbers stay readable
                "selected": {"marker": {"opacity": 1}},
                "unselected": {"marker": {"opacity": 0.45}, "textfont": {"color": "#2c3e50"}},
            }
        )
        row_totals = shown.groupby("unit")["value"].sum().reindex(units)
        column_totals = theme_items.reindex(themes)  # the theme's items, not the cells' sum
        data.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "showlegend": False,
                "name": "合计",
                "x": [TOTAL] * len(units) + [plain(t) for t in themes],
                "y": [plain(u) for u in units] + [TOTAL] * len(themes),
                "marker": {"symbol": "square", "size": 30, "color": "#ecf0f1"},
                "text": [_number(v) for v in [*row_totals, *column_totals]],
                "customdata": [[plain(u), TOTAL] for u in units]
                + [[TOTAL, plain(t)] for t in themes],
                "hovertemplate": "%{customdata[0]} · %{customdata[1]}：%{text}"
                "（不同事项只计一次）<extra></extra>",
                "selected": {"marker": {"opacity": 1}},
                "unselected": {"marker": {"opacity": 0.6}, "textfont": {"color": "#2c3e50"}},
            }
        )
    layout = {
        "font": {"family": FONT, "size": 13},
        "height": max(360, 34 * len(y_order) + 160),
        "margin": {"l": 10, "r": 10, "t": 60, "b": 10},
        "clickmode": "event+select",
        "dragmode": False,
        "xaxis": {
            "categoryorder": "array",
            "categoryarray": [plain(t) for t in x_order],
            "side": "top",
            "showgrid": False,
            # theme names level and wrapped (城乡建设 / 与交通), never tilted
            "tickangle": 0,
            "tickmode": "array",
            "tickvals": [plain(t) for t in x_order],
            "ticktext": [wrapped(t) for t in x_order],
            "tickfont": {"size": 12},
        },
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": [plain(u) for u in y_order],
            "showgrid": False,
            "automargin": True,
        },
        "plot_bgcolor": "white",
    }
    return go.Figure({"data": data, "layout": {**layout, **NO_TEMPLATE}})


def wrapped(text: str, width: int = 4) -> str:
    """A label in lines of ``width`` characters (plotly's <br>), escaped: a short last line
    joins the one before.

    >>> wrapped("城乡建设与交通"), wrapped("民生事业"), wrapped("<i>")
    ('城乡建设<br>与交通', '民生事业', '&lt;i&gt;')
    """
    text = str(text)
    if len(text) <= width + 1:
        return plain(text)
    lines = [text[i : i + width] for i in range(0, len(text), width)]
    if len(lines) > 1 and len(lines[-1]) == 1:
        lines[-2:] = [lines[-2] + lines[-1]]
    return "<br>".join(plain(line) for line in lines)


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
    units = [
        html.unescape(str(p.get("customdata"))) for p in points_of(event) if p.get("customdata")
    ]
    return list(dict.fromkeys(units))


def cell_from_selection(event: object) -> tuple[str | None, str | None] | None:
    """(unit, theme) of the clicked heatmap cell; None stands for a total. None if no click."""
    for point in points_of(event):
        data = point.get("customdata")
        if isinstance(data, (list, tuple)) and len(data) >= 2:
            unit, theme = (html.unescape(str(v)) for v in data[:2])
            return (None if unit == TOTAL else unit, None if theme == TOTAL else theme)
    return None


PALETTE = [
    "#c0392b",
    "#2980b9",
    "#27ae60",
    "#8e44ad",
    "#d35400",
    "#16a085",
    "#2c3e50",
    "#f39c12",
    "#7f8c8d",
    "#e84393",
    "#00a8ff",
    "#6ab04c",
]


def network_figure(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    color_by: str = "community",
    group_names: dict[int, str] | None = None,
    labelled: int = 15,
) -> go.Figure:
    """Units as circles (size = items) coloured by group (named by ``group_names``) or kind,
    edges by shared items; hover on an edge's midpoint lists the shared items. The ``labelled``
    units with most shared items carry their name (so that names do not pile up in the dense
    core); every unit names itself on hover. Node ``customdata`` is the unit. Nodes without a
    position (no partner at this threshold) are not drawn."""
    nodes = nodes.dropna(subset=["x", "y"])
    named = set(
        nodes.sort_values(["weighted_degree", "unit"], ascending=[False, True])["unit"].head(
            labelled
        )
    )
    where = {row.unit: (row.x, row.y) for row in nodes.itertuples()}
    data: list[dict] = []
    for low, high, width in ((1, 1, 0.6), (2, 2, 1.5), (3, 4, 3.0), (5, 10**6, 5.0)):
        band = edges[(edges["weight"] >= low) & (edges["weight"] <= high)]
        if band.empty:
            continue
        xs: list[float | None] = []
        ys: list[float | None] = []
        for edge in band.itertuples():
            (x0, y0), (x1, y1) = where[edge.a], where[edge.b]
            xs += [x0, x1, None]
            ys += [y0, y1, None]
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": xs,
                "y": ys,
                "hoverinfo": "skip",
                "line": {"width": width, "color": "rgba(127,140,141,0.55)"},
                "showlegend": False,
            }
        )
    if not edges.empty:
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "showlegend": False,
                "name": "共担事项",
                "x": [(where[e.a][0] + where[e.b][0]) / 2 for e in edges.itertuples()],
                "y": [(where[e.a][1] + where[e.b][1]) / 2 for e in edges.itertuples()],
                "marker": {"size": 9, "color": "rgba(0,0,0,0)"},
                "text": [
                    f"{plain(e.a)} — {plain(e.b)}：共担 {e.weight} 项<br>事项 {plain('、'.join(e.item_labels))}"
                    for e in edges.itertuples()
                ],
                "hovertemplate": "%{text}<extra></extra>",
            }
        )
    groups = nodes.groupby(color_by, sort=True)
    for index, (group, members) in enumerate(groups):
        if color_by == "community":
            label = (group_names or {}).get(group, f"群组 {group}")
        else:
            label = KIND_LABELS.get(group, group)
        data.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "name": plain(label),
                "x": members["x"].tolist(),
                "y": members["y"].tolist(),
                "text": [plain(u) if u in named else "" for u in members["unit"]],
                "textposition": "top center",
                "textfont": {"size": 12},
                "marker": {
                    "size": [10 + 4 * n**0.5 for n in members["items"]],
                    "color": PALETTE[index % len(PALETTE)],
                    "line": {"width": 1, "color": "white"},
                },
                "customdata": [plain(u) for u in members["unit"]],
                "hovertemplate": "%{customdata}<extra>" + plain(label) + "</extra>",
            }
        )
    axis = {"visible": False, "showgrid": False, "zeroline": False}
    low, high = (nodes["y"].min(), nodes["y"].max()) if len(nodes) else (-1.0, 1.0)
    layout = {
        "font": {"family": FONT, "size": 13},
        # the picture keeps its proportions: a row of small groups under it adds height
        "height": int(min(1100, max(420, 330 * (high - low + 0.3)))),
        "showlegend": True,
        "legend": {"orientation": "h", "y": -0.02},
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "xaxis": axis,
        "yaxis": {**axis, "range": [low - 0.12, high + 0.12]},  # room for the top labels
        "plot_bgcolor": "white",
        "clickmode": "event+select",
        "dragmode": "pan",
        "hovermode": "closest",
    }
    return go.Figure({"data": data, "layout": {**layout, **NO_TEMPLATE}})


def keyword_bars_figure(table: pd.DataFrame) -> go.Figure:
    """Keywords as horizontal bars, heaviest on top; ``customdata`` is the keyword; hovering
    names the items it comes from (``sources``, when the table has them)."""
    shown = table.iloc[::-1]
    words = [plain(w) for w in shown["keyword"]]
    sources = shown["sources"].tolist() if "sources" in shown else [""] * len(shown)
    bar = {
        "type": "bar",
        "orientation": "h",
        "y": words,
        "x": shown["weight"].tolist(),
        "customdata": words,
        "hovertext": [f"出自{plain(s)}" if s else "" for s in sources],
        "marker": {"color": "#c0392b"},
        "hovertemplate": "%{customdata}：%{hovertext}<extra></extra>",
    }
    layout = {
        "font": {"family": FONT, "size": 14},
        "height": max(320, 26 * len(shown) + 80),
        "margin": {"l": 10, "r": 10, "t": 20, "b": 40},
        "yaxis": {"automargin": True},
        "xaxis": {"title": {"text": "权重"}},
        "showlegend": False,
    }
    return go.Figure({"data": [bar], "layout": {**layout, **NO_TEMPLATE}})


STATUS_COLORS = {  # green done, blue on track, red behind, greys for not started and unknown
    "done": "#2e7d32",
    "on_track": "#1f6fb2",
    "behind": "#c0392b",
    "not_started": "#8d8d8d",
    "unknown": "#d5d9de",
}


PROGRESS_UNITS = 40  # units drawn in the progress chart (the page says when there are more)


def progress_figure(counts: pd.DataFrame, top: int = PROGRESS_UNITS) -> go.Figure:
    """Horizontal stacked bars per unit of its items by progress status (``counts`` from
    ``unit_status_counts``), the units with most items behind on top; clicking a bar's
    ``customdata`` is the unit."""
    shown = counts.head(top).iloc[::-1]
    units = [plain(u) for u in shown["unit"]]
    bars = [
        {
            "type": "bar",
            "y": units,
            "x": shown[status].tolist(),
            "name": STATUSES[status],
            "orientation": "h",
            "marker": {"color": STATUS_COLORS[status]},
            "customdata": units,
            "hovertemplate": "%{customdata}<br>" + STATUSES[status] + "：%{x} 项<extra></extra>",
        }
        for status in ("behind", "not_started", "on_track", "done", "unknown")
    ]
    layout = _stacked_layout(
        len(shown),
        "事项数（同一事项只计一次；未报进度的计为无法判断）",
        int(shown["total"].max()) if len(shown) else 0,
    )
    return go.Figure({"data": bars, "layout": {**layout, **NO_TEMPLATE}})
