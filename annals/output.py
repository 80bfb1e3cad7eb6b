"""Write extracted documents in the formats `annals extract` offers.

CSV goes through annals.export.csv.DictWriter: cells that a spreadsheet would
run as formulas get a `'` before them unless `raw_csv` (`--raw-csv`).
"""
from __future__ import annotations

import json
from typing import TextIO

from annals.model import Document

__all__ = ["FORMATS", "STORED_COLUMNS", "write_compare_csv", "write_events", "write_stored_csv"]

FORMATS = ("table", "json", "jsonl", "csv")


def write_events(docs: list[Document], format: str, out: TextIO, *, raw_csv: bool = False) -> None:
    """json: the contract's object (a list of them for several files); jsonl: one per line."""
    if format == "json":
        data = docs[0].to_dict() if len(docs) == 1 else [doc.to_dict() for doc in docs]
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif format == "jsonl":
        for doc in docs:
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False))
            out.write("\n")
    elif format == "csv":
        from annals.export.csv import DictWriter
        from annals.export.rows import COLUMNS, event_rows

        writer = DictWriter(out, COLUMNS, raw=raw_csv, lineterminator="\n")
        writer.writeheader()
        for doc in docs:
            writer.writerows(event_rows(doc))
    else:
        from annals.render import events_table

        events_table(docs)


STORED_COLUMNS = ("id", "date", "date_text", "type", "actors", "places", "quantities", "evidence", "sources",
                  "conflicts")


def write_stored_csv(events, out: TextIO, *, raw_csv: bool = False) -> None:
    """Corpus events, one per row; lists joined with "; "."""
    from annals.export.csv import DictWriter

    writer = DictWriter(out, STORED_COLUMNS, raw=raw_csv, lineterminator="\n")
    writer.writeheader()
    for e in events:
        writer.writerow({
            "id": e["id"], "date": e["date"]["value"], "date_text": e["date"]["text"], "type": e["type"],
            "actors": "; ".join(a["name"] for a in e["actors"]), "places": "; ".join(e["places"]),
            "quantities": "; ".join(q["text"] for q in e["quantities"]),
            "evidence": e["evidence"]["text"] if e["evidence"] else "",
            "sources": "; ".join(s["document"]["source"] for s in e["sources"]),
            "conflicts": "; ".join(f"{c['value']} ({c['source']})" for c in e["conflicts"]),
        })


def write_compare_csv(found: dict, out: TextIO, *, raw_csv: bool = False) -> None:
    """A milestone matrix (annals.compare), one row per milestone: object, type, then for each actor its
    date, event id, number of sources and conflict (true or false); empty where the actor did not reach it."""
    from annals.export.csv import DictWriter

    columns = ["object", "type"]
    for actor in found["actors"]:
        columns += [actor, f"{actor} event", f"{actor} sources", f"{actor} conflict"]
    writer = DictWriter(out, columns, raw=raw_csv, lineterminator="\n")
    writer.writeheader()
    for milestone in found["milestones"]:
        row = {"object": milestone["object"], "type": milestone["type"]}
        for actor, cell in milestone["cells"].items():
            if cell:
                row.update({actor: cell["date"], f"{actor} event": cell["event"], f"{actor} sources": cell["sources"],
                            f"{actor} conflict": "true" if cell["conflict"] else "false"})
        writer.writerow(row)
