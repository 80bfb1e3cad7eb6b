"""Rich renderings for the terminal (only the CLI prints them)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from annals.model import Document

__all__ = ["times_table", "events_table", "console"]


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


_TYPE_STYLE = {
    "membership": "green", "withdrawal": "red", "agreement": "cyan", "establishment": "blue",
    "appointment": "magenta", "visit": "yellow", "meeting": "yellow", "summit": "bright_yellow",
    "deployment": "bright_red", "deployment_end": "red", "project": "bright_blue", "exercise": "bright_magenta",
    "decision": "bright_cyan", "statement": "white", "conflict": "bold red", "political": "bright_green",
}


def events_table(docs: list[Document]) -> None:
    """The events of one or more documents, in date order."""
    from rich.markup import escape

    from annals.events.order import date_key
    from annals.events.summary import summary

    out = console()
    for doc in docs:
        table = Table(title=f"{doc.title or doc.source}: {len(doc.events)} events", title_justify="left",
                      show_lines=False, expand=False)
        table.add_column("date", style="bold", no_wrap=True)
        table.add_column("type", no_wrap=True)
        table.add_column("actors", max_width=40)
        table.add_column("what", ratio=3)
        table.add_column("section", style="dim", max_width=28)
        for event in sorted(doc.events, key=lambda e: (date_key(e.date_value), e.evidence_start)):
            style = _TYPE_STYLE.get(event.type, "")
            table.add_row(
                escape(event.date_value),
                f"[{style}]{event.type}[/{style}]" if style else event.type,
                escape(", ".join(a.name for a in event.actors)),
                escape(summary(event)),
                escape(" › ".join(event.section)),
            )
        out.print(table)
