"""The co-responsibility graph: counts that agree with the tables, and determinism."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from itertools import combinations

import pytest

from lib.analyse.filters import select
from lib.analyse.network import (
    centrality_table,
    communities,
    network,
    partners,
    shared_items,
    unit_graph,
)
from lib.write.present import present
from tests.conftest import ROOT


def direct_pairs(assignments) -> Counter:
    """Shared distinct items per pair, counted straight from the assignments."""
    named = assignments[assignments["kind"] != "collective"]
    pairs: Counter = Counter()
    for _, units in named.groupby("item_no")["unit"]:
        for pair in combinations(sorted(set(units)), 2):
            pairs[pair] += 1
    return pairs


def test_the_strongest_pair_equals_a_direct_count(bundled) -> None:
    pairs = direct_pairs(bundled.assignments)
    edges = shared_items(bundled.items, bundled.assignments)
    top = edges.iloc[0]
    assert (top["a"], top["b"]) == ("公管办", "财政局")
    assert top["weight"] == max(pairs.values()) == pairs[("公管办", "财政局")]
    assert dict(zip(zip(edges["a"], edges["b"]), edges["weight"])) == dict(pairs)


def test_the_most_central_unit_equals_a_direct_count(bundled) -> None:
    pairs = direct_pairs(bundled.assignments)
    weighted: Counter = Counter()
    for (a, b), n in pairs.items():
        weighted[a] += n
        weighted[b] += n
    table = centrality_table(network(select(bundled)))
    assert table.iloc[0]["unit"] == weighted.most_common(1)[0][0] == "财政局"
    assert table.iloc[0]["weighted_degree"] == weighted["财政局"]


def test_collectives_are_left_out_unless_asked(bundled) -> None:
    without = unit_graph(bundled.items, bundled.assignments)
    with_them = unit_graph(bundled.items, bundled.assignments, include_collectives=True)
    assert "各镇乡(街道)" not in without and "各镇乡(街道)" in with_them


@pytest.mark.parametrize("min_weight", [1, 2, 3])
def test_min_weight_keeps_only_strong_edges(bundled, min_weight: int) -> None:
    graph = unit_graph(bundled.items, bundled.assignments, min_weight=min_weight)
    assert all(d["weight"] >= min_weight for _, _, d in graph.edges(data=True))


def test_communities_are_numbered_by_size_then_first_member(bundled) -> None:
    groups = communities(unit_graph(bundled.items, bundled.assignments))
    keys = [(-len(g), g[0]) for g in groups]
    assert keys == sorted(keys)
    assert sorted(u for g in groups for u in g) == sorted(
        unit_graph(bundled.items, bundled.assignments)
    )


def test_partners_of_a_unit(bundled) -> None:
    table = partners(select(bundled), "财政局")
    assert table.iloc[0]["partner"] == "公管办"
    assert table.iloc[0]["shared"] == 7
    assert table.iloc[0]["shared_labels"] == ("88", "89", "91", "92", "93", "94", "97")
    assert present(table).iloc[0]["共担事项（原编号）"] == "88、89、91、92、93、94、97"


SNIPPET = """
import json
from lib.parse.pipeline import parse_path
from lib.analyse.filters import select
from lib.write.present import present
from lib.analyse.network import network
doc = parse_path("data/zhuji-2023-key-work-list.txt")
net = network(select(doc))
print(json.dumps({"nodes": net.nodes[["unit", "x", "y", "community"]].values.tolist(),
                  "communities": net.communities}, ensure_ascii=False))
"""


@pytest.mark.slow  # five subprocesses
def test_layout_and_communities_do_not_depend_on_the_hash_seed() -> None:
    runs = []
    for seed in ("1", "4242", "6", "7", "8"):
        done = subprocess.run(
            [sys.executable, "-c", SNIPPET],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        runs.append(json.loads(done.stdout))
    assert all(run == runs[0] for run in runs[1:])
