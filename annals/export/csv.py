"""CSV for spreadsheets: one row per event, the columns of rows.EXPORT_COLUMNS, RFC 4180 quoting.

Lists are joined with "; "; `start` and `end` are ISO days (empty where the
date is open or its year unknown), so a spreadsheet can sort and filter.
Cells are the text as it is: a sentence that starts with "=" is not
defused, so open untrusted corpora in a spreadsheet with formulas off.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from annals.export.registry import Context, Format
from annals.export.rows import EXPORT_COLUMNS, export_row

__all__ = ["FORMAT", "write"]


def write(events: Iterable[dict], context: Context) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for event in events:
        writer.writerow(export_row(event))
        context.report.events += 1
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


FORMAT = Format("csv", "csv", "text/csv; charset=utf-8", write, description="one row per event (spreadsheets)")
