"""ACLED's vocabulary: its 31 columns, event types, actor types, countries and regions.

The columns and words follow ACLED's codebook (the export format of 2023 on, where
``inter1``, ``inter2`` and ``interaction`` are words such as ``State forces`` and
``State forces-Rebel group``). Our event kinds map onto ACLED's types so:

=================  =======================  =============================================  ======================
kind               event_type               sub_event_type                                 disorder_type
=================  =======================  =============================================  ======================
``captured``       Battles                  Government regains territory when the gaining  Political violence
``regained``                                side is the state, else Non-state actor
                                            overtakes territory
``entered``        Battles                  Armed clash (fighters inside, not yet held)    Political violence
``contested``      Battles                  Armed clash                                    Political violence
``besieged``       Battles                  Armed clash                                    Political violence
``siege_broken``   Battles                  Armed clash                                    Political violence
``withdrew``       Strategic developments   Non-violent transfer of territory              Strategic developments
=================  =======================  =============================================  ======================

``held`` (a statement of standing control) is not an event ACLED codes, nor a denial.

Actors: :func:`acled_actor` names a faction by its theatre's label and gives its ACLED
actor type: the theatre's incumbent government is ``State forces``.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

from geo.theatres import UNKNOWN, Theatre, packaged_theatres

__all__ = [
    "ACLED_COLUMNS", "INTER_TYPES", "Actor", "Country", "acled_actor", "acled_type", "country",
    "disorder_type", "interaction", "time_precision", "unidentified",
]

#: ACLED's 31 columns, in ACLED's order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
#: ACLED's actor types, in the order of their old numeric codes (1 to 8), which orders
#: the two sides of an ``interaction``.
INTER_TYPES: tuple[str, ...] = (
    "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
    "Civilians", "External/Other forces",
)
_BATTLES, _STRATEGIC = "Battles", "Strategic developments"
_CLASH = (_BATTLES, "Armed clash")
_TYPES: dict[str, tuple[str, str]] = {
    "entered": _CLASH, "contested": _CLASH, "besieged": _CLASH, "siege_broken": _CLASH,
    "withdrew": (_STRATEGIC, "Non-violent transfer of territory"),
}
#: ACLED ``time_precision`` of our date precisions (a year-precise date is 3, ACLED's coarsest).
_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
#: The faction that is the state in the theatres geo knows today.
_STATE = "government"


class Actor(NamedTuple):
    """An actor as ACLED writes it: its name and its actor type (one of :data:`INTER_TYPES`)."""

    name: str
    inter: str


@dataclass(frozen=True, slots=True)
class Country:
    """A country as ACLED writes it."""

    iso2: str
    iso3: str
    iso: int
    name: str
    region: str


def acled_type(kind: str, gaining: str | None, theatre: str | None = None) -> tuple[str, str] | None:
    """Return ACLED's ``(event_type, sub_event_type)`` of an event kind, None for a kind ACLED does not code.

    Parameters
    ----------
    kind : str
        One of :data:`geo.model.EVENT_KINDS`.
    gaining : str or None
        The faction that gains (decides between the two territory sub-event types).
    theatre : str, optional
        The event's theatre id, whose government is the state.

    Examples
    --------
    >>> acled_type("captured", "opposition")
    ('Battles', 'Non-state actor overtakes territory')
    >>> acled_type("held", "opposition") is None
    True
    """
    if kind in ("captured", "regained"):
        state = gaining is not None and acled_actor(gaining, theatre=theatre).inter == INTER_TYPES[0]
        return _BATTLES, "Government regains territory" if state else "Non-state actor overtakes territory"
    return _TYPES.get(kind)


def disorder_type(event_type: str) -> str:
    """Return ACLED's ``disorder_type`` of an event type (Battles are political violence)."""
    return _STRATEGIC if event_type == _STRATEGIC else "Political violence"


def time_precision(precision: str | None) -> int:
    """Return ACLED's ``time_precision`` (1 day, 2 week, 3 month or coarser) of a date precision."""
    return _PRECISION.get(precision or "", 3)


def unidentified(country_name: str | None) -> Actor:
    """Return ACLED's name for an armed group no source identifies, a political militia."""
    where = f" ({country_name})" if country_name else ""
    return Actor(f"Unidentified Armed Group{where}", INTER_TYPES[2])


def acled_actor(faction: str | None, country_name: str | None = None, theatre: str | None = None,
                labels: Mapping[str, tuple[str, str]] | None = None) -> Actor:
    """Return a faction as an ACLED actor: its label and actor type.

    The theatre's government and every faction its file marks ``state = true`` (a foreign
    state's army, such as Russia's in Ukraine) are ``State forces``, every other named
    faction a ``Rebel group``;
    an unknown or missing faction is an unidentified armed group of the country. This is
    the one place a theatre's factions become ACLED actors.

    Parameters
    ----------
    faction : str or None
        A faction id of the event's theatre.
    country_name : str, optional
        The country, for the name of an unidentified group.
    theatre : str, optional
        The event's theatre id (:mod:`geo.theatres`): its labels name the faction and its
        government is the state. Without one, ``government`` is the state.
    labels : mapping, optional
        The map's palette (faction id -> (label, colour)), naming a faction whose event has
        no theatre; else the id is the name.

    Returns
    -------
    Actor
        Name and actor type.
    """
    if not faction or faction == UNKNOWN:
        return unidentified(country_name)
    war: Theatre | None = packaged_theatres().get(theatre or "")
    fallback = labels[faction][0] if labels and faction in labels else faction
    name = war.labels.get(faction, fallback) if war else fallback
    if war is not None:
        found = next((f for f in war.factions if f.id == faction), None)
        state = faction == war.government or (found is not None and found.state)
    else:
        state = faction == _STATE
    return Actor(name, INTER_TYPES[0] if state else INTER_TYPES[1])


def interaction(inter1: str, inter2: str | None) -> str:
    """Return ACLED's ``interaction`` of two actor types: the pair in code order, or ``X only``.

    Examples
    --------
    >>> interaction("Rebel group", "State forces")
    'State forces-Rebel group'
    >>> interaction("Rebel group", None)
    'Rebel group only'
    """
    if not inter2:
        return f"{inter1} only"
    first, second = sorted((inter1, inter2), key=INTER_TYPES.index)
    return f"{first}-{second}"


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, Country]:
    text = resources.files("geo.export").joinpath("data", "acled_countries.csv").read_text("utf-8")
    return {r["iso2"]: Country(r["iso2"], r["iso3"], int(r["iso_numeric"]), r["country"], r["region"])
            for r in csv.DictReader(text.splitlines())}


def country(iso2: str | None) -> Country | None:
    """Return the country of an ISO 3166 alpha-2 code as ACLED writes it, None when unknown.

    The table (``geo/export/data/acled_countries.csv``) is built by
    ``geo/export/build/acled_countries.py`` from GeoNames' country list.

    Examples
    --------
    >>> country("SY")
    Country(iso2='SY', iso3='SYR', iso=760, name='Syria', region='Middle East')
    """
    return _countries().get((iso2 or "").upper())
