"""What the kit knows about places: the time zones and the countries a record may name.

A time zone is one of the IANA zones that stand for a place today (those of
tzdata's ``zone1970.tab`` and ``zone.tab``), or ``UTC``. The other names tzdata
still answers to are refused, each with the zone to use: abbreviations such as
``EST`` (no daylight saving: every reminder an hour off for half the year),
POSIX-style ``PST8PDT``, old aliases such as ``US/Eastern`` or
``Asia/Calcutta``, and ``localtime`` (whatever the computer says). A city that
is not a zone of its own gets the zone it lies in (``Europe/Munich`` →
``Europe/Berlin``), from a small table of big cities; anything else gets the
closest name.

A country is an ISO 3166-1 alpha-2 code (tzdata's ``iso3166.tab``); an
alpha-3 code, a common alias or a country's name gets the code to use
(``USA`` → ``US``, ``UK`` → ``GB``, ``Germany`` → ``DE``).
"""

from __future__ import annotations

import difflib
import re
import sys
import unicodedata
from contextlib import nullcontext
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

#: The longest zone name tzdata has is 32 characters; anything much longer is not a zone.
MAX_ZONE_LENGTH = 64

#: Names people use that are not a place's zone, with the zone to use and why.
_ZONE_ALIASES = {
    "est": ("America/New_York", "'{got}' is Eastern Standard Time all year, without daylight saving"),
    "edt": ("America/New_York", "'{got}' is Eastern Daylight Time, summer only"),
    "est5edt": ("America/New_York", "'{got}' is an old rule-based name, not a place"),
    "cst": ("America/Chicago", "'{got}' is Central Standard Time all year, without daylight saving"),
    "cdt": ("America/Chicago", "'{got}' is Central Daylight Time, summer only"),
    "cst6cdt": ("America/Chicago", "'{got}' is an old rule-based name, not a place"),
    "mst": ("America/Denver", "'{got}' is Mountain Standard Time all year (Arizona's time: use "
                              "'America/Phoenix' there)"),
    "mdt": ("America/Denver", "'{got}' is Mountain Daylight Time, summer only"),
    "mst7mdt": ("America/Denver", "'{got}' is an old rule-based name, not a place"),
    "pst": ("America/Los_Angeles", "'{got}' is Pacific Standard Time all year, without daylight saving"),
    "pdt": ("America/Los_Angeles", "'{got}' is Pacific Daylight Time, summer only"),
    "pst8pdt": ("America/Los_Angeles", "'{got}' is an old rule-based name, not a place"),
    "hst": ("Pacific/Honolulu", "'{got}' is an abbreviation, not a place"),
    "akst": ("America/Anchorage", "'{got}' is an abbreviation, not a place"),
    "cet": ("Europe/Berlin", "'{got}' is an abbreviation, not a place"),
    "cest": ("Europe/Berlin", "'{got}' is the summer time of Central Europe only"),
    "met": ("Europe/Berlin", "'{got}' is an abbreviation, not a place"),
    "eet": ("Europe/Athens", "'{got}' is an abbreviation, not a place"),
    "wet": ("Europe/Lisbon", "'{got}' is an abbreviation, not a place"),
    "bst": ("Europe/London", "'{got}' is British Summer Time, summer only"),
    "ist": ("Asia/Kolkata", "'{got}' is an abbreviation shared by India, Ireland and Israel "
                            "(use 'Europe/Dublin' or 'Asia/Jerusalem' there)"),
    "jst": ("Asia/Tokyo", "'{got}' is an abbreviation, not a place"),
    "aest": ("Australia/Sydney", "'{got}' is an abbreviation, not a place"),
    "localtime": ("", "'{got}' is whatever the computer is set to, which can differ from the interview's"),
    "gmt": ("UTC", "'{got}' has no summer time (in Britain use 'Europe/London')"),
}
_UTC_NAMES = {"utc", "z", "zulu", "uct", "universal", "etc/utc", "etc/uct", "etc/universal", "etc/zulu",
              "gmt0", "gmt+0", "gmt-0", "greenwich", "etc/gmt", "etc/gmt0", "etc/gmt+0", "etc/gmt-0",
              "etc/greenwich"}

#: Big cities that are not a zone of their own, and the zone they lie in.
CITY_ZONES = {
    # Europe
    "munich": "Europe/Berlin", "munchen": "Europe/Berlin", "hamburg": "Europe/Berlin",
    "frankfurt": "Europe/Berlin", "cologne": "Europe/Berlin", "koln": "Europe/Berlin",
    "dusseldorf": "Europe/Berlin", "stuttgart": "Europe/Berlin", "leipzig": "Europe/Berlin",
    "dresden": "Europe/Berlin", "hanover": "Europe/Berlin", "hannover": "Europe/Berlin",
    "nuremberg": "Europe/Berlin", "nurnberg": "Europe/Berlin", "bonn": "Europe/Berlin",
    "geneva": "Europe/Zurich", "basel": "Europe/Zurich", "bern": "Europe/Zurich", "lausanne": "Europe/Zurich",
    "salzburg": "Europe/Vienna", "graz": "Europe/Vienna", "innsbruck": "Europe/Vienna",
    "milan": "Europe/Rome", "milano": "Europe/Rome", "naples": "Europe/Rome", "turin": "Europe/Rome",
    "florence": "Europe/Rome", "venice": "Europe/Rome", "bologna": "Europe/Rome",
    "barcelona": "Europe/Madrid", "valencia": "Europe/Madrid", "seville": "Europe/Madrid",
    "bilbao": "Europe/Madrid", "porto": "Europe/Lisbon",
    "lyon": "Europe/Paris", "marseille": "Europe/Paris", "toulouse": "Europe/Paris", "nice": "Europe/Paris",
    "bordeaux": "Europe/Paris", "lille": "Europe/Paris", "strasbourg": "Europe/Paris",
    "rotterdam": "Europe/Amsterdam", "the_hague": "Europe/Amsterdam", "utrecht": "Europe/Amsterdam",
    "eindhoven": "Europe/Amsterdam", "antwerp": "Europe/Brussels", "ghent": "Europe/Brussels",
    "manchester": "Europe/London", "birmingham": "Europe/London", "edinburgh": "Europe/London",
    "glasgow": "Europe/London", "leeds": "Europe/London", "liverpool": "Europe/London",
    "bristol": "Europe/London", "cardiff": "Europe/London", "belfast": "Europe/London",
    "cambridge": "Europe/London", "oxford": "Europe/London", "cork": "Europe/Dublin",
    "gothenburg": "Europe/Stockholm", "malmo": "Europe/Stockholm", "bergen": "Europe/Oslo",
    "aarhus": "Europe/Copenhagen", "espoo": "Europe/Helsinki", "tampere": "Europe/Helsinki",
    "krakow": "Europe/Warsaw", "cracow": "Europe/Warsaw", "wroclaw": "Europe/Warsaw", "gdansk": "Europe/Warsaw",
    "poznan": "Europe/Warsaw", "lodz": "Europe/Warsaw", "brno": "Europe/Prague", "ostrava": "Europe/Prague",
    "cluj": "Europe/Bucharest", "thessaloniki": "Europe/Athens", "lviv": "Europe/Kyiv",
    "kharkiv": "Europe/Kyiv", "odesa": "Europe/Kyiv", "odessa": "Europe/Kyiv", "dnipro": "Europe/Kyiv",
    "kiev": "Europe/Kyiv", "st_petersburg": "Europe/Moscow", "saint_petersburg": "Europe/Moscow",
    "ankara": "Europe/Istanbul", "izmir": "Europe/Istanbul",
    # The Americas
    "new_york_city": "America/New_York", "nyc": "America/New_York", "boston": "America/New_York",
    "washington": "America/New_York", "washington_dc": "America/New_York", "philadelphia": "America/New_York",
    "atlanta": "America/New_York", "miami": "America/New_York", "pittsburgh": "America/New_York",
    "baltimore": "America/New_York", "charlotte": "America/New_York", "raleigh": "America/New_York",
    "orlando": "America/New_York", "tampa": "America/New_York", "cleveland": "America/New_York",
    "columbus": "America/New_York", "cincinnati": "America/New_York", "buffalo": "America/New_York",
    "houston": "America/Chicago", "dallas": "America/Chicago", "austin": "America/Chicago",
    "san_antonio": "America/Chicago", "minneapolis": "America/Chicago", "st_louis": "America/Chicago",
    "kansas_city": "America/Chicago", "nashville": "America/Chicago", "new_orleans": "America/Chicago",
    "milwaukee": "America/Chicago", "oklahoma_city": "America/Chicago", "memphis": "America/Chicago",
    "salt_lake_city": "America/Denver", "albuquerque": "America/Denver", "el_paso": "America/Denver",
    "tucson": "America/Phoenix",
    "san_francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles", "san_diego": "America/Los_Angeles",
    "san_jose": "America/Los_Angeles", "portland": "America/Los_Angeles", "las_vegas": "America/Los_Angeles",
    "sacramento": "America/Los_Angeles", "oakland": "America/Los_Angeles", "palo_alto": "America/Los_Angeles",
    "honolulu": "Pacific/Honolulu", "ottawa": "America/Toronto", "montreal": "America/Toronto",
    "quebec": "America/Toronto", "calgary": "America/Edmonton", "victoria": "America/Vancouver",
    "guadalajara": "America/Mexico_City", "rio_de_janeiro": "America/Sao_Paulo", "rio": "America/Sao_Paulo",
    "brasilia": "America/Sao_Paulo", "buenos_aires": "America/Argentina/Buenos_Aires",
    "medellin": "America/Bogota", "valparaiso": "America/Santiago",
    # Asia, Africa, Oceania
    "mumbai": "Asia/Kolkata", "bombay": "Asia/Kolkata", "delhi": "Asia/Kolkata", "new_delhi": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata", "chennai": "Asia/Kolkata",
    "hyderabad": "Asia/Kolkata", "pune": "Asia/Kolkata", "calcutta": "Asia/Kolkata",
    "beijing": "Asia/Shanghai", "shenzhen": "Asia/Shanghai", "guangzhou": "Asia/Shanghai",
    "hangzhou": "Asia/Shanghai", "chengdu": "Asia/Shanghai", "wuhan": "Asia/Shanghai",
    "osaka": "Asia/Tokyo", "kyoto": "Asia/Tokyo", "yokohama": "Asia/Tokyo", "nagoya": "Asia/Tokyo",
    "busan": "Asia/Seoul", "taichung": "Asia/Taipei", "hanoi": "Asia/Bangkok",
    "saigon": "Asia/Ho_Chi_Minh", "ho_chi_minh_city": "Asia/Ho_Chi_Minh",
    "tel_aviv": "Asia/Jerusalem", "haifa": "Asia/Jerusalem", "abu_dhabi": "Asia/Dubai",
    "doha": "Asia/Qatar", "lahore": "Asia/Karachi", "islamabad": "Asia/Karachi",
    "bandung": "Asia/Jakarta", "surabaya": "Asia/Jakarta", "cebu": "Asia/Manila",
    "cape_town": "Africa/Johannesburg", "durban": "Africa/Johannesburg", "pretoria": "Africa/Johannesburg",
    "alexandria": "Africa/Cairo", "abuja": "Africa/Lagos", "casablanca": "Africa/Casablanca",
    "canberra": "Australia/Sydney", "gold_coast": "Australia/Brisbane", "wellington": "Pacific/Auckland",
    "christchurch": "Pacific/Auckland",
}

#: Codes and names people use for a country that are not its ISO 3166-1 alpha-2 code.
_COUNTRY_ALIASES = {
    "uk": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "great britain": "GB", "britain": "GB", "u.k.": "GB", "usa": "US", "u.s.": "US", "u.s.a.": "US",
    "america": "US", "united states of america": "US", "uae": "AE", "holland": "NL", "el": "GR",
    "south korea": "KR", "korea": "KR", "czechia": "CZ", "russia": "RU", "vietnam": "VN",
    "taiwan": "TW", "iran": "IR", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "syria": "SY",
    "laos": "LA", "moldova": "MD", "turkiye": "TR", "türkiye": "TR",
}


def _tz_file(name: str) -> str:
    return resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def time_zones() -> frozenset[str]:
    """Every time zone a record may name: the IANA zones of places, and ``UTC``."""
    names = {"UTC"}
    for table in ("zone1970.tab", "zone.tab"):
        for line in _tz_file(table).splitlines():
            if line and not line.startswith("#"):
                names.add(line.split("\t")[2].strip())
    return frozenset(names)


@lru_cache(maxsize=1)
def _zone_links() -> dict[str, str]:
    """tzdata's old names and the zone each now stands for."""
    links = {}
    for line in _tz_file("tzdata.zi").splitlines():
        if line.startswith("L "):
            _, target, link = line.split()
            links[link] = target
    return links


@lru_cache(maxsize=1)
def _zones_by_city() -> dict[str, str]:
    return {_key(zone.rsplit("/", 1)[-1]): zone for zone in sorted(time_zones()) if "/" in zone}


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """'america', 'europe', 'us', 'etc': the folders of zone names."""
    return frozenset(n.split("/")[0].casefold() for n in (*time_zones(), *_zone_links()) if "/" in n)


def _key(text: str) -> str:
    """'São Paulo', 'sao-paulo', 'Sao_Paulo' → 'sao_paulo'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[\s\-_.']+", "_", plain).strip("_")


def zone_hint(name: str) -> str:
    """How to fix ``name``, a time zone the kit does not accept: the zone to use, in plain words."""
    example = "Use a place's zone, such as 'America/Chicago' or 'Europe/Berlin'"
    if len(name) > MAX_ZONE_LENGTH:
        return f"A time zone's name is a region and a city, a few dozen letters at most. {example}"
    if name.strip() in time_zones():
        return "Remove the spaces around it"
    lower = name.strip().casefold()
    if lower in _UTC_NAMES:
        return "Write 'UTC'"
    if lower in _ZONE_ALIASES:
        zone, why = _ZONE_ALIASES[lower]
        why = why.format(got=name.strip())
        if zone:
            return f"{why}; use '{zone}' (or the zone of your own city)"
        return f"{why}; use the zone of the place, such as 'America/Chicago' or 'Europe/Berlin'"
    target = _zone_links().get(name.strip())
    if target in time_zones() and target != "UTC":
        return f"'{name.strip()}' is an old name; use '{target}'"
    if lower in _regions():
        return f"'{name.strip()}' alone is a whole region; add the city, such as 'America/Chicago'"
    city = _key(name.rsplit("/", 1)[-1])
    if city in CITY_ZONES:
        return f"{name.strip().rsplit('/', 1)[-1]} lies in the zone '{CITY_ZONES[city]}'"
    if city in _zones_by_city():
        return f"Did you mean '{_zones_by_city()[city]}'?"
    # A close spelling of a zone, judged on the city, so that Munich is not taken for Zurich.
    close = difflib.get_close_matches(city, list(_zones_by_city()) + list(CITY_ZONES), n=1, cutoff=0.8)
    if close:
        zone = CITY_ZONES.get(close[0]) or _zones_by_city()[close[0]]
        return f"Did you mean '{zone}'?"
    return f"{example}: the region and the biggest city in your time zone and country"


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Every ISO 3166-1 alpha-2 code and the country's usual English name."""
    names = {}
    for line in _tz_file("iso3166.tab").splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t")[:2]
            names[code] = name.strip()
    return names


@lru_cache(maxsize=1)
def _alpha3() -> dict[str, str]:
    import holidays.registry  # imported here: only needed to suggest a code

    codes = {}
    for entry in holidays.registry.COUNTRIES.values():
        if len(entry) >= 3 and len(entry[1]) == 2 and len(entry[2]) == 3:
            codes[entry[2]] = entry[1]
    return codes


def holiday_class(country: str) -> Any:
    """The holidays package's class for ``country`` (a code it knows), loading that country's module only.

    holidays reaches a country through its ``holidays.countries`` package, whose ``__init__``
    imports all of its 250 country modules (some 70 ms, each time a profile is read).
    Its registry names the module of each code, so that module is loaded on its own, under
    its own name; holidays' lazy loader (``holidays.DE``, ``country_holidays('DE')``) and the
    package's ``__init__``, should anything import it later, find it in ``sys.modules`` and
    use the same class. A module that needs a sibling (an overseas territory that borrows
    its state's holidays), and anything unexpected, take holidays' own route.
    """
    import holidays
    from holidays import registry

    try:
        module = next((m for m, entry in registry.COUNTRIES.items() if country in entry[1:]), None)
    except (AttributeError, TypeError):  # a holidays release whose registry is laid out otherwise
        module = None
    name = f"holidays.countries.{module}"
    if module is not None and name not in sys.modules and "holidays.countries" not in sys.modules:
        _load_alone(name, Path(holidays.__file__).parent / "countries" / f"{module}.py",
                    getattr(registry, "IMPORT_LOCK", None))
    if module is not None and name in sys.modules:
        found = getattr(sys.modules[name], country, None)  # the class holidays.<country> stands for
        if found is not None:
            return found
    return getattr(holidays, country).get_entity()


def _load_alone(name: str, path: Path, lock: Any) -> None:
    """Load the module ``name`` from ``path`` without its package's ``__init__``, unless it
    imports a sibling module (which would import that ``__init__`` half-way through)."""
    from importlib.util import module_from_spec, spec_from_file_location

    try:
        if b"holidays.countries" in path.read_bytes():
            return
    except OSError:
        return
    with lock if lock is not None else nullcontext():
        if name in sys.modules:
            return
        spec = spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            return
        module = module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[name]
            raise


def country_hint(value: str) -> str:
    """The ISO code to use for ``value``, a country the kit does not accept, in plain words."""
    text = value.strip()
    if len(text) > 60:
        return "Write the country's two-letter code, such as 'US' or 'DE'"
    lower = text.casefold()
    names = country_names()
    code = _COUNTRY_ALIASES.get(lower) or _alpha3().get(text.upper())
    if code is None:
        by_name = {_key(name): c for c, name in names.items()}
        code = by_name.get(_key(text))
        if code is None and len(text) > 3:
            close = difflib.get_close_matches(_key(text), list(by_name), n=1, cutoff=0.8)
            code = by_name[close[0]] if close else None
    if code is not None and code in names:
        return f"Write '{code}' for {names[code]}"
    return "Write the country's two-letter ISO code, such as 'US', 'GB' or 'DE'"
