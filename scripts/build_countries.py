"""Generate the country tables under lagebild/lang/ from pycountry and countryinfo.

    python scripts/build_countries.py

Writes lang/base/countries.tsv (ISO codes and ACLED's English country name) and, for each
language, lang/<code>/countries.tsv (the country's names and the adjectives that name its
state forces: "Turkish forces", "türkische Armee"). English adjectives are countryinfo's
demonyms; German adjectives are matched by stem at run time, so the table lists the stems that
German adjective formation starts from ("syr" for "syrisch", "jemen" for "jemenitisch").
Needs the `build` extra: pip install -e '.[build]'.
"""

from __future__ import annotations

import gettext
import json
from pathlib import Path

import pycountry
from countryinfo import CountryInfo

LANG = Path(__file__).parents[1] / "lagebild" / "lang"

# ACLED's spelling where it differs from ISO's common name (ACLED codebook country list).
ACLED_NAMES = {
    "BO": "Bolivia", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
    "CI": "Ivory Coast", "CZ": "Czech Republic", "FM": "Micronesia", "GB": "United Kingdom",
    "IR": "Iran", "KP": "North Korea", "KR": "South Korea", "LA": "Laos", "MD": "Moldova",
    "PS": "Palestine", "RU": "Russia", "SY": "Syria", "TW": "Taiwan", "TZ": "Tanzania",
    "VE": "Venezuela", "VN": "Vietnam", "TR": "Turkey", "BN": "Brunei", "CV": "Cape Verde",
    "SZ": "eSwatini", "MK": "North Macedonia", "VA": "Vatican City", "TL": "East Timor",
}  # fmt: skip
# Short German names that news use where ISO's are long or inverted.
GERMAN_NAMES = {
    "US": "USA; US; Vereinigte Staaten", "GB": "Großbritannien", "RU": "Russland", "SY": "Syrien",
    "IR": "Iran", "KR": "Südkorea", "KP": "Nordkorea", "CG": "Kongo; Republik Kongo",
    "CD": "Kongo; DR Kongo; Demokratische Republik Kongo; Demokratischen Republik Kongo;"
    " Demokratischer Republik Kongo",
    "TZ": "Tansania", "VE": "Venezuela", "BO": "Bolivien", "MD": "Moldau", "LA": "Laos",
    "PS": "Palästina; Palästinensergebiete", "TW": "Taiwan", "VN": "Vietnam",
}  # fmt: skip
# English short names that news use beside the official one.
ENGLISH_NAMES = {
    "US": "United States; US; U.S.; USA; America", "GB": "United Kingdom; UK; Britain",
    "AE": "United Arab Emirates; UAE", "CD": "Democratic Republic of Congo; DRC; DR Congo",
}  # fmt: skip
# English adjectives news use beside the demonym.
ENGLISH_ADJECTIVES = {
    "SA": "Saudi", "US": "US; U.S.", "GB": "UK", "KP": "North Korean", "KR": "South Korean",
    "CD": "Congolese", "PS": "Palestinian", "SY": "Syrian", "RU": "Russian", "IR": "Iranian",
}  # fmt: skip
# ACLED's region from the UN geoscheme (countryinfo), where ACLED draws it differently.
ACLED_REGIONS = {
    "Central Asia": "Caucasus and Central Asia", "Western Asia": "Middle East",
    "Southern Asia": "Southern Asia", "South-eastern Asia": "South-Eastern Asia",
    "Eastern Asia": "East Asia", "Northern America": "North America",
    "Northern Africa": "Northern Africa",
}  # fmt: skip
ACLED_REGION_EXCEPTIONS = {
    "AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia",
    "GE": "Caucasus and Central Asia", "AF": "Caucasus and Central Asia", "CY": "Europe",
    "IR": "Middle East",
}  # fmt: skip
# German adjectives not formed from the country's name.
GERMAN_IRREGULAR = {
    "US": "amerikanisch; us-amerikanisch", "FR": "französisch", "GB": "britisch",
    "PL": "polnisch", "GR": "griechisch", "NL": "niederländisch", "CH": "schweizerisch",
    "NE": "nigrisch", "VE": "venezolanisch", "DK": "dänisch", "SA": "saudisch",
    "CD": "kongolesisch", "DE": "deutsch", "IE": "irisch", "CY": "zyprisch", "BY": "belarussisch",
}  # fmt: skip
GERMAN_SUFFIXES = ("ien", "ia", "ei", "land", "en", "on", "a", "e", "o", "i", "istan")
MIN_STEM = 3


def german_translation():
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])


def english_demonym(country) -> str:
    try:
        return CountryInfo(country.alpha_2).info().get("demonym") or ""
    except KeyError:
        return ""


def acled_region(code: str) -> str:
    if code in ACLED_REGION_EXCEPTIONS:
        return ACLED_REGION_EXCEPTIONS[code]
    try:
        info = CountryInfo(code).info()
    except KeyError:
        return ""
    region, subregion = info.get("region") or "", info.get("subregion") or ""
    if region in ("Europe", "Oceania"):
        return region
    if subregion in ("Sub-Saharan Africa", "Latin America and the Caribbean"):
        return info.get("intermediateregion") or ""
    return ACLED_REGIONS.get(subregion, "")


def german_stems(names: list[str]) -> list[str]:
    """Stems German adjectives grow from: 'Syrien' → 'syr', 'Afghanistan' → 'afghan'."""
    stems = set()
    for name in names:
        if " " in name:
            continue
        word = name.casefold()
        stems.add(word)
        for suffix in GERMAN_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                stems.add(word[: -len(suffix)])
    return sorted(stems)


def rows():
    translate = german_translation()
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = country.alpha_2
        english = ACLED_NAMES.get(code) or getattr(country, "common_name", None) or country.name
        german = GERMAN_NAMES.get(code) or translate.gettext(country.name).split(",")[0]
        german_names = [n.strip() for n in german.split(";")]
        yield {
            "iso2": code,
            "iso3": country.alpha_3,
            "region": acled_region(code),
            "country": english,
            "en_names": "; ".join(
                dict.fromkeys(
                    [*ENGLISH_NAMES.get(code, english).split("; "), country.name.split(",")[0]]
                )
            ),
            "en_adjectives": "; ".join(
                dict.fromkeys(
                    filter(
                        None,
                        [english_demonym(country), *ENGLISH_ADJECTIVES.get(code, "").split("; ")],
                    )
                )
            ),
            "de_names": "; ".join(german_names),
            "de_adjectives": GERMAN_IRREGULAR.get(code, ""),
            "de_stems": "; ".join(german_stems(german_names)),
        }


def write(path: Path, header: str, columns: list[str], table: list[dict]) -> None:
    lines = [header, "\t".join(c.split("_")[-1] if "_" in c else c for c in columns)]
    lines += ["\t".join(row[c] for c in columns) for row in table]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def population(code: str) -> int:
    try:
        return CountryInfo(code).info().get("population") or 0
    except KeyError:
        return 0


def unshared_adjectives(table: list[dict]) -> None:
    """An adjective several countries claim ("American": the United States and the Northern
    Mariana Islands) names the most populous of them only."""
    claims: dict[str, list[str]] = {}
    for row in table:
        for adjective in filter(None, row["en_adjectives"].split("; ")):
            claims.setdefault(adjective, []).append(row["iso2"])
    owner = {a: max(codes, key=population) for a, codes in claims.items()}
    for row in table:
        kept = [
            a for a in filter(None, row["en_adjectives"].split("; ")) if owner[a] == row["iso2"]
        ]
        row["en_adjectives"] = "; ".join(kept)


def main() -> None:
    table = list(rows())
    unshared_adjectives(table)
    generated = (
        "# Generated by scripts/build_countries.py from pycountry and countryinfo; do not edit."
    )
    write(LANG / "base" / "countries.tsv", generated, ["iso2", "iso3", "country", "region"], table)
    write(LANG / "en" / "countries.tsv", generated, ["iso2", "en_names", "en_adjectives"], table)
    write(
        LANG / "de" / "countries.tsv",
        generated,
        ["iso2", "de_names", "de_adjectives", "de_stems"],
        table,
    )
    print(json.dumps({"countries": len(table)}))


if __name__ == "__main__":
    main()
