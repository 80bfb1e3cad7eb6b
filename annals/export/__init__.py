"""Exports of events to the formats people already use."""
