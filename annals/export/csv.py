"""CSV for spreadsheets: one row per event, the columns of rows.EXPORT_COLUMNS, RFC 4180 quoting.

Lists are joined with "; "; `start` and `end` are ISO days (empty where the
date is open or its year unknown), so a spreadsheet can sort and filter.

A cell that starts with = + - @, a tab or a carriage return is one a
spreadsheet may run as a formula (`=HYPERLINK(...)` in a scraped sentence):
it gets a single quote before it, the OWASP rule against CSV injection, so
the spreadsheet shows it as text. `raw=True` (`--raw-csv`) keeps cells as
they are, for programs that read the file. DictWriter is the one CSV writer
of annals: `annals export`, `annals events` and `annals extract` use it.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from annals.export.registry import Context, Format
from annals.export.rows import EXPORT_COLUMNS, export_row

__all__ = ["FORMAT", "FORMULA_STARTS", "DictWriter", "defuse", "write"]

# What a cell may start with for a spreadsheet to take it as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: Any) -> Any:
    """`value` with a `'` before it if a spreadsheet would run it as a formula; other values as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class DictWriter(csv.DictWriter):
    """csv.DictWriter whose cells are defused, unless `raw`."""

    def __init__(self, out, fieldnames, *, raw: bool = False, **options) -> None:
        super().__init__(out, fieldnames, **options)
        self.raw = raw

    def _cells(self, row: Mapping[str, Any]) -> Mapping[str, Any]:
        return row if self.raw else {key: defuse(value) for key, value in row.items()}

    def writerow(self, rowdict: Mapping[str, Any]):
        return super().writerow(self._cells(rowdict))

    def writerows(self, rowdicts: Iterable[Mapping[str, Any]]) -> None:
        for row in rowdicts:
            self.writerow(row)


def write(events: Iterable[dict], context: Context) -> Iterator[str]:
    buffer = io.StringIO()
    writer = DictWriter(buffer, EXPORT_COLUMNS, raw=context.raw_csv, lineterminator="\r\n")
    writer.writeheader()
    for event in events:
        writer.writerow(export_row(event))
        context.report.events += 1
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


FORMAT = Format("csv", "csv", "text/csv; charset=utf-8", write, description="one row per event (spreadsheets)")
