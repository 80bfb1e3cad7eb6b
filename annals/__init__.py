"""annals: texts about international relations in, a sourced chronology out.

    >>> import annals
    >>> doc = annals.extract("azerbaijan-nato.txt")
    >>> doc.events[0].date_value
"""
from annals.errors import AnnalsError
from annals.model import Document, Event, TimeMention
from annals.pipeline import extract, times
from annals.read import read

__all__ = ["AnnalsError", "Document", "Event", "TimeMention", "__version__", "extract", "read", "times"]

__version__ = "0.1.0"
