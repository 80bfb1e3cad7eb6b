"""Write extracted documents in the formats `annals extract` offers."""
from __future__ import annotations

import csv
import json
from typing import TextIO

from annals.model import Document

__all__ = ["FORMATS", "STORED_COLUMNS", "write_events", "write_stored_csv"]

FORMATS = ("table", "json", "jsonl", "csv")


def write_events(docs: list[Document], format: str, out: TextIO) -> None:
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
        from annals.export.rows import COLUMNS, event_rows

        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for doc in docs:
            writer.writerows(event_rows(doc))
    else:
        from annals.render import events_table

        events_table(docs)


STORED_COLUMNS = ("id", "date", "date_text", "type", "actors", "places", "quantities", "evidence", "sources",
                  "conflicts")


def write_stored_csv(events, out: TextIO) -> None:
    """Corpus events, one per row; lists joined with "; "."""
    writer = csv.DictWriter(out, fieldnames=STORED_COLUMNS, lineterminator="\n")
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
