"""A short summary of an event: its sentence, cut around the predicate and the date."""
from __future__ import annotations

import re

from annals.model import Event

__all__ = ["summary"]


def summary(event: Event, *, width: int = 90) -> str:
    text = re.sub(r"\s+", " ", event.evidence_text).strip()
    if len(text) <= width:
        return text
    anchors = [text.find(event.date_text)]
    if event.trigger:
        anchors.append(text.find(event.trigger))
    anchors = [a for a in anchors if a >= 0] or [0]
    centre = sum(anchors) // len(anchors)
    start = max(0, min(centre - width // 2, len(text) - width))
    end = start + width
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")
