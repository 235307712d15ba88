"""The collaboration network of organisations (pure, networkx).

Nodes are organisations; two organisations are linked when they take part in the same
partnership, the link's weight being the number of partnerships they share. Measures:
* degree centrality: links / (n − 1) (networkx `degree_centrality`);
* betweenness centrality: the share of shortest paths between other pairs that pass through the
  organisation, normalised by (n − 1)(n − 2)/2, on the unweighted graph (networkx
  `betweenness_centrality`): a shared partnership is one step, however many there are;
* cut points: organisations whose removal splits their component (`articulation_points`);
* bridges of municipalities: organisations whose partnerships together reach two or more
  municipalities, with the municipalities reached;
* connected components, largest first.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

import networkx as nx

from trekant.partnerships.model import Partnership


def build(partnerships: Iterable[Partnership]) -> nx.Graph:
    graph = nx.Graph()
    for p in partnerships:
        members = sorted({partner.organisation for partner in p.partners})
        for org in members:
            graph.add_node(org)
            graph.nodes[org].setdefault("partnerships", []).append(p.key)
            graph.nodes[org].setdefault("municipalities", set()).update(p.municipalities)
        for a, b in combinations(members, 2):
            if graph.has_edge(a, b):
                graph[a][b]["weight"] += 1
                graph[a][b]["partnerships"].append(p.key)
            else:
                graph.add_edge(a, b, weight=1, partnerships=[p.key])
    return graph


LAYOUT_SEED = 7  # the drawing's positions are the same on every run


def positions(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Where to draw each organisation: a force-directed layout (networkx spring_layout), fixed by its seed."""
    if not len(graph):
        return {}
    return {n: (round(float(x), 4), round(float(y), 4))
            for n, (x, y) in nx.spring_layout(graph, seed=LAYOUT_SEED).items()}


def report(partnerships: Iterable[Partnership], names: dict[str, str] | None = None) -> dict:
    partnerships = list(partnerships)
    names = names or {}
    graph = build(partnerships)
    xy = positions(graph)
    degree = nx.degree_centrality(graph) if len(graph) > 1 else {n: 0.0 for n in graph}
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    cut_points = set(nx.articulation_points(graph))
    nodes = []
    for org in sorted(graph, key=lambda n: (-betweenness[n], -degree[n], n)):
        reached = sorted(graph.nodes[org]["municipalities"])
        nodes.append(dict(organisation=org, name=names.get(org, org), degree=graph.degree(org),
                          degree_centrality=round(degree[org], 6), betweenness_centrality=round(betweenness[org], 6),
                          cut_point=org in cut_points, partnerships=sorted(graph.nodes[org]["partnerships"]),
                          municipalities=reached, bridges_municipalities=len(reached) >= 2,
                          x=xy[org][0], y=xy[org][1]))
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    edges = [dict(source=a, target=b, weight=d["weight"], partnerships=sorted(d["partnerships"]))
             for a, b, d in sorted(graph.edges(data=True), key=lambda e: (min(e[0], e[1]), max(e[0], e[1])))]
    return dict(
        organisations=len(graph), links=graph.number_of_edges(), nodes=nodes, edges=edges,
        components=[dict(size=len(c), organisations=c) for c in components],
        cut_points=sorted(cut_points),
        bridges=[dict(organisation=n["organisation"], name=n["name"], municipalities=n["municipalities"])
                 for n in nodes if n["bridges_municipalities"]],
        demo=any(p.is_demo for p in partnerships),
        method=("degree centrality = links / (n − 1); betweenness centrality normalised by (n − 1)(n − 2)/2 on the "
                "unweighted graph; a link = at least one shared partnership (weight = how many)"),
    )
