"""Charts as SVG drawn on the server: no JavaScript library, nothing fetched at run time.

Each function returns a list of shapes (plain dicts) that a template turns into
SVG elements, so every label goes through the template's escaping.
"""

from __future__ import annotations

import math
from typing import Any


def dyad_bars(rows: list[dict[str, Any]], width: int = 900, height: int = 260) -> dict[str, Any]:
    """One bar per period: cooperation-conflict score (Goldstein sum), up for cooperation, down for conflict."""
    if not rows:
        return {"width": width, "height": height, "bars": [], "zero": height / 2}
    top = max(1.0, max(abs(r.get("score") or 0.0) for r in rows))
    pad, label_h = 40, 30
    plot_h = height - label_h - 10
    zero = 10 + plot_h / 2
    step = (width - pad) / len(rows)
    bars = []
    for i, r in enumerate(rows):
        score = r.get("score") or 0.0
        h = abs(score) / top * (plot_h / 2)
        x = pad + i * step + step * 0.15
        bars.append({
            "x": round(x, 1), "y": round(zero - h if score >= 0 else zero, 1), "w": round(step * 0.7, 1), "h": round(max(h, 1.0), 1),
            "kind": "cooperation" if score >= 0 else "conflict", "period": r["period"], "score": round(score, 1),
            "events": r.get("events", 0), "label_x": round(x + step * 0.35, 1), "label_y": height - 8,
        })
    return {"width": width, "height": height, "bars": bars, "zero": round(zero, 1), "top": round(top, 1), "pad": pad}


def network(rows: list[dict[str, Any]], size: int = 760, max_nodes: int = 40) -> dict[str, Any]:
    """Actors on a circle, most connected first; one line per dyad and relation kind, width by distinct events."""
    degree: dict[str, float] = {}
    names: dict[str, str] = {}
    for r in rows:
        for k, n in ((r["a"], r.get("a_name")), (r["b"], r.get("b_name"))):
            degree[k] = degree.get(k, 0) + r.get("events", 0)
            names[k] = n or k
    nodes = sorted(degree, key=lambda k: (-degree[k], k))[:max_nodes]
    c = size / 2
    radius = size / 2 - 70
    pos = {}
    for i, k in enumerate(nodes):
        a = 2 * math.pi * i / max(1, len(nodes)) - math.pi / 2
        pos[k] = (round(c + radius * math.cos(a), 1), round(c + radius * math.sin(a), 1))
    top = max([r.get("events", 0) for r in rows] or [1])
    edges = []
    for r in rows:
        if r["a"] in pos and r["b"] in pos:
            (x1, y1), (x2, y2) = pos[r["a"]], pos[r["b"]]
            # the two relation kinds of one dyad are drawn side by side, not on top of each other
            off = 4 if r["relation"] == "conflict" else -4
            edges.append({"a": r["a"], "b": r["b"], "x1": x1 + off, "y1": y1 + off, "x2": x2 + off, "y2": y2 + off, "kind": r["relation"],
                          "w": round(1 + 6 * r.get("events", 0) / top, 1), "events": r.get("events", 0),
                          "label": f"{names[r['a']]} – {names[r['b']]}: {r['relation']}, {r.get('events', 0)} events"})
    return {"size": size, "nodes": [{"id": k, "name": names[k], "x": pos[k][0], "y": pos[k][1], "degree": degree[k]} for k in nodes], "edges": edges}
