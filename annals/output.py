"""Write extracted documents in the formats `annals extract` offers."""
from __future__ import annotations

import csv
import json
from typing import TextIO

from annals.model import Document

__all__ = ["write_events", "FORMATS"]

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
