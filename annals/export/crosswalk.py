"""Our event types in PLOVER and CAMEO, from the table annals/data/export/crosswalk.yaml.

    crosswalk()["visit"] -> Mapping(plover="CONSULT", mode="visit", context="diplomatic", cameo="04", ...)

The table is checked when it is read: every type of the contract, nothing
else, and only values the ontologies define (DataError otherwise).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from annals.data import check_keys, load
from annals.errors import DataError
from annals.events.classify import TYPES

__all__ = ["PLOVER_CATEGORIES", "PLOVER_CONTEXTS", "PLOVER_MODES", "QUAD", "Mapping", "crosswalk"]

PATH = "export/crosswalk.yaml"

# PLOVER event categories with their modes, and the quad class (1 verbal cooperation, 2 material
# cooperation, 3 verbal conflict, 4 material conflict) of each.
PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (), "CONSULT": ("visit", "third-party", "multilateral", "phone"), "SUPPORT": (), "CONCEDE": (),
    "COOPERATE": (), "AID": ("economic", "military", "humanitarian", "asylum"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"),
    "DEMAND": ("assist", "change", "yield", "meet"), "ACCUSE": (), "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"),
    "SANCTION": ("convict", "cancel", "expel", "withdraw", "sever"),
    "MOBILIZE": ("troops", "weapons", "police"),
    "COERCE": ("confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"),
    "ASSAULT": ("abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "heavy-weapons"),
}
PLOVER_CATEGORIES = tuple(PLOVER_MODES)
QUAD = {**dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
        **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
        **dict.fromkeys(("DEMAND", "ACCUSE", "REJECT", "THREATEN", "SANCTION"), 3),
        **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4)}
PLOVER_CONTEXTS = (
    "political", "military", "intelligence", "peacekeeping", "economic", "diplomatic", "resource", "culture",
    "disease", "enviro_disaster", "migration", "humanitarian", "legal", "human_rights", "rights_freedoms", "gender",
    "lgbt", "terrorism", "human_security", "religion_ethnicity", "government", "election", "legislative", "cbrn",
    "cyber", "political_institutions", "corruption", "crime",
)
_CAMEO_ROOT = re.compile(r"(0[1-9]|1[0-9]|20)")


@dataclass(frozen=True)
class Mapping:
    type: str
    plover: str | None
    mode: str | None
    context: str | None
    cameo: str | None
    why: str

    @property
    def quad(self) -> int | None:
        return QUAD.get(self.plover) if self.plover else None


def _check(type_: str, entry: dict) -> Mapping:
    where = f"{PATH}:{type_}"
    check_keys(where, entry, required={"plover", "mode", "context", "cameo", "why"}, allowed=set())
    plover, mode, context, cameo = entry["plover"], entry["mode"], entry["context"], entry["cameo"]
    if plover is not None and plover not in PLOVER_MODES:
        raise DataError(f"{where}: {plover!r} is not a PLOVER category ({', '.join(PLOVER_CATEGORIES)})")
    if mode is not None and (plover is None or mode not in PLOVER_MODES[plover]):
        raise DataError(f"{where}: {mode!r} is not a mode of {plover}")
    if context is not None and context not in PLOVER_CONTEXTS:
        raise DataError(f"{where}: {context!r} is not a PLOVER context")
    if cameo is not None and not (isinstance(cameo, str) and _CAMEO_ROOT.fullmatch(cameo)):
        raise DataError(f"{where}: {cameo!r} is not a CAMEO root code (a quoted \"01\"..\"20\")")
    return Mapping(type_, plover, mode, context, cameo, str(entry["why"]))


@cache
def crosswalk() -> dict[str, Mapping]:
    data = load(PATH)
    if not isinstance(data, dict):
        raise DataError(f"{PATH}: expected a mapping of event types")
    unknown = sorted(set(data) - set(TYPES))
    missing = [t for t in TYPES if t not in data]
    if unknown:
        raise DataError(f"{PATH}: unknown event type {unknown[0]!r}")
    if missing:
        raise DataError(f"{PATH}: no entry for event type {missing[0]!r}")
    return {type_: _check(type_, data[type_]) for type_ in TYPES}
