"""Rich renderings for the terminal (only the CLI prints them)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from annals.model import Document

__all__ = ["times_table", "console"]


def console() -> Console:
    """The terminal, or a wide virtual one when the output goes to a file or a pipe."""
    out = Console(soft_wrap=False)
    return out if out.is_terminal else Console(soft_wrap=False, width=200)


def times_table(doc: Document) -> None:
    table = Table(title=f"Time expressions in {doc.title or doc.source}", title_justify="left")
    for column, style in (("offsets", "dim"), ("text", ""), ("type", "cyan"), ("TimeML", "green"), ("EDTF", "bold")):
        table.add_column(column, style=style, overflow="fold")
    for m in doc.times:
        text = m.text if not m.signal else f"[dim]{m.signal}[/dim] {m.text}"
        table.add_row(f"{m.start}–{m.end}", text, m.type, m.value, m.edtf or "")
    out = console()
    out.print(table)
    out.print(f"{len(doc.times)} time expressions" + (f"; document date {doc.dct}" if doc.dct else ""))
