"""Who must work with whom: the co-responsibility graph of units.

Nodes are units (collectives only when asked), an edge joins two units that share an item,
weighted by the distinct items they share. Nodes and edges go in sorted order and every
random step is seeded, so results never depend on hash order (PYTHONHASHSEED).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from itertools import combinations

import networkx as nx
import pandas as pd

from lib.analyse.filters import Selection
from lib.analyse.roles import named_roles

LAYOUT_SEED = 7
COMMUNITY_SEED = 11


@dataclass(frozen=True)
class Network:
    """Everything the network page shows, computed once per (document, filters, options)."""

    nodes: pd.DataFrame  # unit, kind, items, led, community (0: no partner), x, y (NaN: not drawn),
    # degree, weighted_degree, betweenness
    edges: pd.DataFrame  # a, b, weight, item_labels (a tuple)
    communities: tuple[tuple[str, ...], ...]
    density: float
    components: int

    @property
    def hidden(self) -> int:
        """Units without a partner at the weight threshold (listed, not drawn)."""
        return int(self.nodes["x"].isna().sum())

    @functools.cached_property  # a network is a view: made once, read on every rerun
    def ranked_units(self) -> list[str]:
        """Units by weighted degree, most connected first."""
        return self.nodes.sort_values(["weighted_degree", "unit"], ascending=[False, True])[
            "unit"
        ].tolist()

    @functools.cached_property
    def group_names(self) -> dict[int, str]:
        """Each community by its most central unit (most shared items, ties by name) and its
        size: ``财政局等 12 个单位``; a group of two names both."""
        names = {}
        order = self.nodes.sort_values(["weighted_degree", "unit"], ascending=[False, True])
        central = order.drop_duplicates("community").set_index("community")["unit"]
        for number, members in enumerate(self.communities, start=1):
            if len(members) == 2:
                names[number] = "、".join(members)
            else:
                names[number] = f"{central[number]}等 {len(members)} 个单位"
        return names

    @functools.cached_property
    def centrality(self) -> pd.DataFrame:
        """``centrality_table`` of this network."""
        return centrality_table(self)


def shared_items(
    items: pd.DataFrame, assignments: pd.DataFrame, include_collectives: bool = False
) -> pd.DataFrame:
    """Every pair of units named in the same item: a, b (a < b), weight = distinct items shared,
    and the shared items' labels and numbers (tuples). Sorted by weight, then names."""
    per_item = named_roles(assignments, include_collectives)
    labels = items.set_index("item_no")["item_label"]
    pairs: dict[tuple[str, str], list[int]] = {}
    for item_no, units in per_item.groupby("item_no", sort=True)["unit"]:
        for a, b in combinations(sorted(set(units)), 2):
            pairs.setdefault((a, b), []).append(item_no)
    edges = pd.DataFrame(
        [
            (a, b, len(nos), tuple(str(labels.get(n, n)) for n in nos), tuple(nos))
            for (a, b), nos in pairs.items()
        ],
        columns=["a", "b", "weight", "item_labels", "item_nos"],
    )
    return edges.sort_values(["weight", "a", "b"], ascending=[False, True, True], ignore_index=True)


def unit_graph(
    items: pd.DataFrame,
    assignments: pd.DataFrame,
    include_collectives: bool = False,
    min_weight: int = 1,
) -> nx.Graph:
    """The weighted graph; nodes carry items, led and kind; edges weight and distance = 1/weight."""
    per_item = named_roles(assignments, include_collectives)
    graph = nx.Graph()
    stats = (
        per_item.assign(led=per_item["role"] == "lead")
        .groupby("unit")
        .agg(items=("item_no", "nunique"), led=("led", "sum"), kind=("kind", "first"))
    )
    for unit in sorted(stats.index):
        row = stats.loc[unit]
        graph.add_node(unit, items=int(row["items"]), led=int(row["led"]), kind=row["kind"])
    edges = shared_items(items, assignments, include_collectives)
    for edge in edges[edges["weight"] >= min_weight].sort_values(["a", "b"]).itertuples():
        graph.add_edge(
            edge.a,
            edge.b,
            weight=int(edge.weight),
            distance=1.0 / edge.weight,
            item_labels=edge.item_labels,
        )
    return graph


def communities(graph: nx.Graph, resolution: float = 1.0) -> tuple[tuple[str, ...], ...]:
    """Louvain communities (fixed seed), numbered by size, then first member."""
    if graph.number_of_nodes() == 0:
        return ()
    found = nx.community.louvain_communities(
        graph, weight="weight", resolution=resolution, seed=COMMUNITY_SEED
    )
    groups = [tuple(sorted(group)) for group in found]
    return tuple(sorted(groups, key=lambda g: (-len(g), g[0])))


def layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """A fixed-seed spring layout: the same graph is always drawn the same way. The largest
    connected part fills the square [-1, 1]²; the small parts (two or three units sharing an
    item among themselves) sit in rows under it, instead of being flung to the corners and
    shrinking the part a reader looks at to a knot."""
    if graph.number_of_nodes() == 0:
        return {}
    parts = sorted(nx.connected_components(graph), key=lambda part: (-len(part), min(part)))
    positions = _spread_core(_spring(_ordered(graph, parts[0]), scale=1.0))
    per_row = 4
    for index, part in enumerate(parts[1:]):
        row, column = divmod(index, per_row)
        centre = (-0.75 + column * 0.5, -1.3 - row * 0.35)
        for node, (x, y) in _spring(_ordered(graph, part), scale=0.12).items():
            positions[node] = (centre[0] + x, centre[1] + y)
    return {node: (round(float(x), 6), round(float(y), 6)) for node, (x, y) in positions.items()}


def _ordered(graph: nx.Graph, nodes) -> nx.Graph:
    """The subgraph on ``nodes`` built in sorted order (``graph.subgraph`` iterates a set of
    names, whose order follows PYTHONHASHSEED, and the layout follows that order)."""
    part = nx.Graph()
    part.add_nodes_from((node, graph.nodes[node]) for node in sorted(nodes))
    edges = sorted((min(a, b), max(a, b)) for a, b in graph.edges(nodes))
    part.add_edges_from((a, b, graph.edges[a, b]) for a, b in edges)
    return part


def _spread_core(positions: dict, power: float = 0.5) -> dict[str, tuple[float, float]]:
    """Push the crowded middle of a spring layout outwards (radius r → r^power, then back to
    the unit disc): the most connected units sit close together there and their names would
    pile up, while the units on the rim had room to spare."""
    if len(positions) < 3:
        return positions
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
    polar = {
        node: (math.hypot(x - cx, y - cy), math.atan2(y - cy, x - cx))
        for node, (x, y) in positions.items()
    }
    largest = max(r for r, _ in polar.values()) or 1.0
    return {
        node: ((r / largest) ** power * math.cos(a), (r / largest) ** power * math.sin(a))
        for node, (r, a) in polar.items()
    }


def _spring(graph: nx.Graph, scale: float) -> dict[str, tuple[float, float]]:
    if graph.number_of_nodes() == 1:
        return {next(iter(graph)): (0.0, 0.0)}
    spread = 2.0 / graph.number_of_nodes() ** 0.5  # looser than the default: labels need room
    return nx.spring_layout(
        graph, weight="weight", seed=LAYOUT_SEED, iterations=200, k=spread, scale=scale
    )


def network(
    selection: Selection,
    include_collectives: bool = False,
    min_weight: int = 1,
    resolution: float = 1.0,
) -> Network:
    """The graph of the chosen items (with all their units: a unit filter shows that unit with
    everyone it shares items with), its communities, layout and centralities as tables."""
    graph = unit_graph(selection.items, selection.item_assignments, include_collectives, min_weight)
    # units with no partner at this threshold are listed but not drawn: they would only
    # ring the picture and squeeze the connected part into its middle
    # (a copy, not graph.subgraph: a subgraph iterates its nodes in the order of a set of
    # names, which follows PYTHONHASHSEED, and Louvain and the layout follow that order)
    linked = graph.copy()
    linked.remove_nodes_from([n for n in graph if not graph.degree(n)])
    groups = communities(linked, resolution)
    community_of = {unit: number for number, group in enumerate(groups, start=1) for unit in group}
    positions = layout(linked)
    betweenness = (
        nx.betweenness_centrality(graph, weight="distance") if graph.number_of_nodes() else {}
    )
    nodes = pd.DataFrame(
        [
            (
                unit,
                data["kind"],
                data["items"],
                data["led"],
                community_of.get(unit, 0),
                *positions.get(unit, (None, None)),
                graph.degree(unit),
                graph.degree(unit, weight="weight"),
                betweenness.get(unit, 0.0),
            )
            for unit, data in graph.nodes(data=True)
        ],
        columns=[
            "unit",
            "kind",
            "items",
            "led",
            "community",
            "x",
            "y",
            "degree",
            "weighted_degree",
            "betweenness",
        ],
    )
    edges = pd.DataFrame(
        [(a, b, data["weight"], data["item_labels"]) for a, b, data in graph.edges(data=True)],
        columns=["a", "b", "weight", "item_labels"],
    )
    return Network(
        nodes,
        edges,
        groups,
        nx.density(graph) if graph.number_of_nodes() > 1 else 0.0,
        nx.number_connected_components(graph) if graph.number_of_nodes() else 0,
    )


def centrality_table(net: Network) -> pd.DataFrame:
    """Units by weighted degree: partners, shared items (weighted degree), betweenness (桥梁作用),
    items led and carried, and the unit's group by name (empty: no partner at the threshold)."""
    table = net.nodes.sort_values(["weighted_degree", "unit"], ascending=[False, True])
    return pd.DataFrame(
        {
            "unit": table["unit"],
            "partner_count": table["degree"],
            "weighted_degree": table["weighted_degree"],
            "betweenness": table["betweenness"].round(4),
            "led": table["led"],
            "item_count": table["items"],
            "community": table["community"].map(net.group_names).fillna(""),
        }
    ).reset_index(drop=True)


def partners(selection: Selection, unit: str, include_collectives: bool = False) -> pd.DataFrame:
    """A unit's partners ranked by shared items, with those items' labels (a tuple)."""
    edges = shared_items(selection.items, selection.item_assignments, include_collectives)
    mine = edges[(edges["a"] == unit) | (edges["b"] == unit)]
    partner = mine["b"].where(mine["a"] == unit, mine["a"])
    return pd.DataFrame(
        {"partner": partner, "shared": mine["weight"], "shared_labels": mine["item_labels"]}
    ).reset_index(drop=True)
