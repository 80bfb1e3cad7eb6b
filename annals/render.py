"""Rich renderings for the terminal (only the CLI prints them)."""
from __future__ import annotations

from contextlib import contextmanager

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from annals.model import Document

__all__ = [
    "actors_table",
    "add_summary",
    "compare_table",
    "console",
    "events_table",
    "progress_bar",
    "stored_events_table",
    "timeline_table",
    "times_table",
]


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


def _summary(event) -> str:
    # Importing annals.events loads the whole package: only for an event without a headline.
    from annals.events.summary import summary

    return summary(event)


def events_table(docs: list[Document]) -> None:
    """The events of one or more documents, in date order."""
    from rich.markup import escape

    from annals.store.dates import sort_key

    out = console()
    for doc in docs:
        table = Table(title=f"{doc.title or doc.source}: {len(doc.events)} events", title_justify="left",
                      show_lines=False, expand=False)
        table.add_column("date", style="bold", no_wrap=True)
        table.add_column("type", no_wrap=True)
        table.add_column("actors", max_width=40)
        table.add_column("what", ratio=3)  # the headline (from the frame), else the sentence cut short
        table.add_column("section", style="dim", max_width=28)
        for event in sorted(doc.events, key=lambda e: (sort_key(e.date_value), e.evidence_start)):
            style = _TYPE_STYLE.get(event.type, "")
            table.add_row(
                escape(event.date_value),
                f"[{style}]{event.type}[/{style}]" if style else event.type,
                escape(", ".join(a.name for a in sorted(event.actors, key=lambda a: a.part != "source"))),
                escape(event.headline or _summary(event)),
                escape(" › ".join(event.section)),
            )
        out.print(table)


def _style(type_: str) -> str:
    style = _TYPE_STYLE.get(type_, "")
    return f"[{style}]{type_}[/{style}]" if style else type_


def stored_events_table(events: list[dict]) -> None:
    """Corpus events: date, type, actors, headline (else the first source sentence), number of sources,
    conflicts."""
    table = Table(title=f"{len(events)} events", title_justify="left")
    for column, options in (("date", {"style": "bold", "no_wrap": True}), ("type", {"no_wrap": True}),
                            ("actors", {"max_width": 40}), ("what", {"ratio": 3}), ("sources", {"justify": "right"})):
        table.add_column(column, **options)
    for event in events:
        sentence = event.get("headline") or (event["evidence"]["text"] if event["evidence"] else "")
        if len(sentence) > 110:
            sentence = sentence[:107].rsplit(" ", 1)[0] + "…"
        date = escape(event["date"]["value"])
        if event["conflicts"]:
            date += "\n[red]≠ " + escape(", ".join(c["value"] for c in event["conflicts"])) + "[/red]"
        table.add_row(date, _style(event["type"]), escape(", ".join(a["name"] for a in event["actors"])),
                      escape(sentence), str(len(event["sources"])))
    console().print(table)


def actors_table(actors: list[dict]) -> None:
    table = Table(title=f"{len(actors)} actors", title_justify="left")
    table.add_column("actor", style="bold")
    table.add_column("kind")
    table.add_column("events", justify="right")
    table.add_column("also called", style="dim")
    for actor in actors:
        table.add_row(escape(actor["name"]), actor["kind"], str(actor["events"]), escape(", ".join(actor["aliases"])))
    console().print(table)


def timeline_table(found: dict) -> None:
    """One column per actor, one row per year; each cell lists that year's events."""
    lanes = found["lanes"]
    table = Table(title="Timeline", title_justify="left", show_lines=True)
    table.add_column("year", style="bold", no_wrap=True)
    for lane in lanes:
        table.add_column(escape(lane["actor"]["name"]), ratio=1)
    by_year: dict[str, list[list[str]]] = {}
    for index, lane in enumerate(lanes):
        for event in lane["events"]:
            value = event["date"]["value"]
            year = value[:4] if value[:4].isdigit() else ("…" if value.startswith("..") else "undated")
            cells = by_year.setdefault(year, [[] for _ in lanes])
            label = f"{escape(_within_year(value))} {_style(event['type'])}" if year.isdigit() else _style(event["type"])
            others = [a["name"] for a in event["actors"] if a["name"] != lane["actor"]["name"]][:2]
            cells[index].append(label + (f" [dim]{escape(', '.join(others))}[/dim]" if others else ""))
    for year in sorted(by_year, key=lambda y: (not y.isdigit(), y)):
        table.add_row(year, *["\n".join(cell) for cell in by_year[year]])
    console().print(table)


def compare_table(found: dict) -> None:
    """One row per milestone, one column per actor: the date it reached it, its sources, ≠ where they conflict."""
    actors = found["actors"]
    table = Table(title=f"Milestones of {', '.join(escape(a) for a in actors)}", title_justify="left")
    table.add_column("milestone", ratio=2)
    table.add_column("type", no_wrap=True)
    for actor in actors:
        table.add_column(escape(actor), no_wrap=True)
    for milestone in found["milestones"]:
        cells = []
        for actor in actors:
            cell = milestone["cells"].get(actor)
            if cell is None:
                cells.append("[dim]—[/dim]")
                continue
            text = f"[bold]{escape(cell['date'])}[/bold] [dim]({cell['sources']})[/dim]"
            cells.append(text + (" [red]≠[/red]" if cell["conflict"] else ""))
        table.add_row(escape(milestone["object"]), _style(milestone["type"]), *cells)
    out = console()
    out.print(table)
    out.print(f"{len(found['milestones'])} milestones; (n): sources; ≠: sources give other dates")


def _within_year(value: str) -> str:
    """"1997-11-21" as "Nov 21", "1997-11" as "Nov", a span or a year as written."""
    import calendar

    if "/" in value or len(value) == 4:
        return value
    parts = value.split("-")
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    name = calendar.month_abbr[month] if 1 <= month <= 12 else parts[1]
    return f"{name} {int(parts[2])}" if len(parts) > 2 else name


@contextmanager
def progress_bar(*, total: int, enabled: bool):
    """A Rich progress bar over documents; yields a callback taking each AddResult."""
    if not enabled:
        yield lambda result: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("adding"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  TextColumn("{task.fields[source]}", style="dim"), console=Console(stderr=True)) as progress:
        task = progress.add_task("add", total=total, source="")

        def advance(result) -> None:
            progress.update(task, advance=1, source=result.source[-40:])

        yield advance


def add_summary(summary) -> None:
    out = Console(stderr=True)
    # One line each, however narrow the terminal or the pipe: a failure's line is read by scripts.
    out.print(
        f"documents: [green]{summary.added} added[/green], {summary.replaced} replaced, "
        f"{summary.unchanged} unchanged, [red]{len(summary.failed)} failed[/red]; "
        f"events: {summary.events_new} new, {summary.events_merged} merged", soft_wrap=True
    )
    for source, reason in summary.failed:
        out.print(f"  [red]failed[/red] {escape(source)}: {escape(reason)}", soft_wrap=True)
