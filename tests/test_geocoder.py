"""OfflineGeocoder: geopy's geocoder contract over the offline gazetteer."""

from __future__ import annotations

import inspect

import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from gazetteer import Gazetteer
from gazetteer.geocoder import OfflineGeocoder
from gazetteer.store import load_store


@pytest.fixture(scope="module")
def geocoder() -> OfflineGeocoder:
    return OfflineGeocoder(Gazetteer(load_store(include_user=False)))


class RecordingFallback:
    """A stand-in for an online geopy geocoder that records what it was asked."""

    def __init__(self) -> None:
        self.queries: list[tuple[str, bool]] = []

    def geocode(self, query: str, *, exactly_one: bool = True) -> str:
        self.queries.append((query, exactly_one))
        return f"fallback:{query}"


def test_geocode_returns_a_location_with_the_record(geocoder: OfflineGeocoder) -> None:
    loc = geocoder.geocode("Deraa")
    assert isinstance(loc, Location)
    assert loc.raw["id"] == "geonames:170905"
    assert (round(loc.latitude, 1), round(loc.longitude, 1)) == (32.6, 36.1)
    assert "Daraa" in loc.address and loc.raw["country"] == "SY"


def test_exactly_one_false_returns_a_ranked_list(geocoder: OfflineGeocoder) -> None:
    locs = geocoder.geocode("Homs", exactly_one=False)
    assert isinstance(locs, list) and len(locs) >= 2
    assert all(isinstance(x, Location) for x in locs)
    assert locs[0].raw["country"] == "SY"
    assert [x.raw["score"] for x in locs] == sorted((x.raw["score"] for x in locs), reverse=True)
    assert len(geocoder.geocode("Homs", exactly_one=False, limit=1)) == 1


@pytest.mark.parametrize("exactly_one", [True, False])
def test_unknown_name_returns_none_never_an_empty_list(geocoder: OfflineGeocoder, exactly_one: bool) -> None:
    assert geocoder.geocode("Qwxzvbrtt", exactly_one=exactly_one) is None


def test_reverse_finds_aleppo(geocoder: OfflineGeocoder) -> None:
    loc = geocoder.reverse((36.2, 37.16))
    assert isinstance(loc, Location)
    assert loc.raw["id"] == "geonames:170063" and loc.raw["distance_km"] < 2
    assert geocoder.reverse("36.2, 37.16", exactly_one=False)[0].raw["id"] == "geonames:170063"


def test_works_behind_geopy_rate_limiter(geocoder: OfflineGeocoder) -> None:
    geocode = RateLimiter(geocoder.geocode, min_delay_seconds=0)
    reverse = RateLimiter(geocoder.reverse, min_delay_seconds=0)
    assert geocode("Idleb").raw["id"] == geocoder.geocode("Idlib").raw["id"]
    assert reverse((32.62, 36.10)).raw["id"] == "geonames:170905"
    assert geocode("Homs", exactly_one=False)[0].raw["country"] == "SY"


@pytest.mark.parametrize("method", ["geocode", "reverse"])
def test_parameters_after_query_are_keyword_only(method: str) -> None:
    params = list(inspect.signature(getattr(OfflineGeocoder, method)).parameters.values())
    assert [p.name for p in params[:2]] == ["self", "query"]
    assert params[2:] and all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params[2:])
    with pytest.raises(TypeError):
        getattr(OfflineGeocoder(Gazetteer(load_store(include_user=False))), method)("Deraa", False)


def test_fallback_is_only_asked_when_nothing_is_found() -> None:
    fallback = RecordingFallback()
    geocoder = OfflineGeocoder(Gazetteer(load_store(include_user=False)), fallback=fallback)
    assert geocoder.geocode("Deraa").raw["id"] == "geonames:170905"
    assert fallback.queries == []
    assert geocoder.geocode("Qwxzvbrtt", exactly_one=False) == "fallback:Qwxzvbrtt"
    assert fallback.queries == [("Qwxzvbrtt", False)]


def test_focus_prefers_the_given_country() -> None:
    libya = OfflineGeocoder(Gazetteer(load_store(include_user=False)), focus=("LY",))
    assert libya.geocode("Homs").raw["country"] == "LY"
