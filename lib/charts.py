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
    figure = go.Figure()
    for column, name in (("lead", "牵头"), ("sole", "独立承担"), ("co", "配合")):
        figure.add_bar(
            y=labels, x=shown[column], name=name, orientation="h",
            marker_color=ROLE_COLORS[name], customdata=shown["unit"].map(plain),
            hovertemplate="%{customdata}<br>" + name + "：%{x} 项<extra></extra>",
        )
    figure.update_layout(
        barmode="stack", font={"family": FONT, "size": 14},
        height=max(320, 28 * len(shown) + 120), margin={"l": 10, "r": 10, "t": 30, "b": 40},
        legend={"orientation": "h", "y": 1.02, "x": 0, "yanchor": "bottom", "traceorder": "normal"},
        xaxis={"title": "事项数（同一事项只计一次）"}, yaxis={"automargin": True},
    )
    return figure
