"""Importing a GeoNames dump: villages below the bundled threshold, admin names from the dump,
alternate names, and bad rows reported by line while the rest is imported."""

import os

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.geo import gazetteer as gazetteer_module
from lagebild.geo.geonames import import_geonames


def dump_row(geonames_id, name, feature, code, admin1, admin2="", population=0, alternates=""):
    feature_class, feature_code = feature.split(".")
    fields = [
        str(geonames_id), name, name, alternates, "36.6500", "40.3700", feature_class,
        feature_code, code, "", admin1, admin2, "", "", str(population), "", "300",
        "Asia/Damascus", "2024-01-01",
    ]  # fmt: skip
    return "\t".join(fields) + "\n"


@pytest.fixture
def dump(tmp_path):
    path = tmp_path / "SY.txt"
    path.write_text(
        dump_row(900001, "Muhafazat al Hasakah", "A.ADM1", "SY", "01", population=1_500_000)
        + dump_row(900002, "Tall Tamr District", "A.ADM2", "SY", "01", "0102")
        + dump_row(900003, "Tall Tamr", "P.PPL", "SY", "01", "0102", 0, "Tell Tamer")
        + "900004\tbroken row\n"
        + dump_row(900005, "Umm Ghurqan", "P.PPL", "IQ", "05"),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def alternates(tmp_path):
    path = tmp_path / "alternateNamesV2.txt"
    path.write_text(
        "1\t900003\ten\tTal Tamer\t\t\t\t\t\t\n2\t900003\tlink\thttps://example.org\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    return path


def test_a_village_below_the_bundled_threshold_becomes_a_place(dump, alternates):
    gazetteer, added, _ = import_geonames(dump, alternates, {"SY"})
    for name in ("Tall Tamr", "Tell Tamer", "Tal Tamer"):
        (village,) = [p for p in gazetteer.lookup(name) if p.geonames_id == 900003]
        assert village.country_code == "SY"
        assert (village.admin1, village.admin2) == ("Al-Hasakah", "Tall Tamr District")
    assert added == 1  # Umm Ghurqan is outside the chosen countries
    assert not gazetteer.lookup("https://example.org")


def test_a_region_keeps_the_bundled_name_of_its_code(dump):
    """The dump calls SY.01 "Muhafazat al Hasakah"; the bundled gazetteer, as ACLED does,
    "Al-Hasakah": the village takes that name, and the dump's name finds the same region."""
    gazetteer, _, _ = import_geonames(dump)
    assert gazetteer.admin1_codes[("SY", "01")] == "Al-Hasakah"
    regions = [p for p in gazetteer.lookup("Muhafazat al Hasakah") if p.kind == "admin1"]
    assert {(p.country_code, p.admin1) for p in regions} == {("SY", "Al-Hasakah")}


def test_a_real_country_dump_puts_its_villages_on_the_map(geonames_nl):
    """GeoNames' full Netherlands file (22,852 rows): Zwilbroek, a hamlet with no population
    figure, is not in the bundled towns of 500 people or more; after the import it is, in its
    province and municipality."""
    assert not gazetteer_module.bundled_gazetteer().lookup("Zwilbroek")
    gazetteer, added, errors = import_geonames(geonames_nl)
    assert errors == [] and added > 5000
    (village,) = gazetteer.lookup("Zwilbroek")
    assert (village.country_code, village.admin1, village.admin2) == (
        "NL",
        "Gelderland",
        "Berkelland",
    )
    assert village.population == 0


def test_bad_rows_are_reported_by_line_and_the_rest_imported(dump):
    gazetteer, _, errors = import_geonames(dump)
    assert [(e.line, e.path) for e in errors] == [(4, str(dump))]
    assert gazetteer.lookup("Umm Ghurqan")


def test_the_command_imports_and_every_command_then_uses_it(dump, alternates, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    bundled = gazetteer_module.cache_dir() / f"gazetteer-{gazetteer_module.source_key()}.pickle"
    gazetteer_module.bundled_gazetteer()  # make sure the bundled cache exists, then share it
    os.symlink(bundled, cache / bundled.name)
    env = {"LAGEBILD_CACHE_DIR": str(cache)}
    runner = CliRunner()
    args = ["gazetteer", "import", str(dump), "--alternate-names", str(alternates)]
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 1  # one row was bad; the others are in
    assert "SY.txt:4" in result.output
    assert any(p.name.startswith("gazetteer-geonames-") for p in cache.iterdir())
    info = runner.invoke(app, ["gazetteer", "info"], env=env)
    assert "imported" in info.output
    runner.invoke(app, ["gazetteer", "reset"], env=env)
    assert "bundled" in runner.invoke(app, ["gazetteer", "info"], env=env).output
