"""GraphML for network analysis (Gephi, networkx, igraph): actors as nodes, events as edges.

Nodes (`n0`, `n1`, ... in order of first appearance) carry `label` (the
canonical name) and `kind`. Each event gives a directed edge from its first
actor to each other actor (see dyads.py), carrying `event` (its id),
`type`, `date` (EDTF), `start` and `end` (ISO days, empty where open or
unknown), `plover` and `text` (the sentence); an event with fewer than two
actors has no edge (counted in the report). The XML is written as the events
come: only the node ids are remembered.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

from annals.export.crosswalk import crosswalk
from annals.export.dates import day_bounds
from annals.export.dyads import sources_and_targets
from annals.export.registry import Context, Format
from annals.export.text import sentence

__all__ = ["EDGE_KEYS", "FORMAT", "NODE_KEYS", "write"]

NODE_KEYS = ("label", "kind")
EDGE_KEYS = ("event", "type", "date", "start", "end", "plover", "text")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
"""


def _text(value: object) -> str:
    return escape(_NOT_XML.sub("", "" if value is None else str(value)))


def _data(key: str, value: object) -> str:
    return f'<data key="{key}">{_text(value)}</data>'


def _keys() -> str:
    lines = [f'  <key id="{k}" for="node" attr.name="{k}" attr.type="string"/>\n' for k in NODE_KEYS]
    lines += [f'  <key id="{k}" for="edge" attr.name="{k}" attr.type="string"/>\n' for k in EDGE_KEYS]
    return "".join(lines)


def write(events: Iterable[dict], context: Context) -> Iterator[str]:
    yield _HEAD + _keys() + f'  <graph id={quoteattr(_NOT_XML.sub("", context.title))} edgedefault="directed">\n'
    nodes: dict[str, str] = {}
    edges = 0

    def node(actor: dict) -> tuple[str, str]:
        if actor["name"] in nodes:
            return nodes[actor["name"]], ""
        nodes[actor["name"]] = node_id = f"n{len(nodes)}"
        return node_id, (f'    <node id="{node_id}">{_data("label", actor["name"])}'
                         f'{_data("kind", actor["kind"])}</node>\n')

    for event in events:
        sources, targets = sources_and_targets(event)
        out = []
        for actor in sources + targets:
            out.append(node(actor)[1])
        if not targets or not sources:
            context.report.skip("with fewer than two actors")
            if out:
                yield "".join(out)
            continue
        first, last = day_bounds(event["date"]["value"])
        values = {"event": event["id"], "type": event["type"], "date": event["date"]["value"],
                  "start": first.isoformat() if first else "", "end": last.isoformat() if last else "",
                  "plover": crosswalk()[event["type"]].plover or "", "text": sentence(event)}
        data = "".join(_data(k, values[k]) for k in EDGE_KEYS)
        for source in sources:
            for target in targets:
                out.append(f'    <edge id="e{edges}" source="{nodes[source["name"]]}" '
                           f'target="{nodes[target["name"]]}">{data}</edge>\n')
                edges += 1
        context.report.events += 1
        yield "".join(out)
    yield "  </graph>\n</graphml>\n"


FORMAT = Format("graphml", "graphml", "application/graphml+xml", write,
                description="actors as nodes, events as edges (Gephi, networkx)")
