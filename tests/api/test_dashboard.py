"""The dashboard's page, static files and the two routes it reads besides /events: the page
carries its settings escaped and a policy that lets nothing but this server's scripts run."""

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from stored import FILTERS, coded_batch

from lagebild.api import create_app
from lagebild.api.dashboard import content_policy
from lagebild.errors import ConfigError

EPOCH = dt.date(1970, 1, 1)


def test_the_page_is_served_at_the_root_with_a_strict_policy(client):
    response = client.get("/")
    assert response.status_code == 200 and "text/html" in response.headers["content-type"]
    assert '<script type="module" src="/static/app.js">' in response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe" not in policy


def test_static_files_and_the_offline_map_are_served(client):
    for path in ["app.js", "style.css", "vendor/leaflet/leaflet.js", "vendor/leaflet/LICENSE"]:
        assert client.get(f"/static/{path}").status_code == 200
    world = client.get("/static/vendor/world-atlas/countries-50m.json").json()
    assert len(world["objects"]["countries"]["geometries"]) > 200


def test_tile_settings_reach_the_page_escaped(client, open_store):
    tiles = 'https://{s}.tile.example.org/{z}/{x}/{y}.png"><script>alert(1)</script>'
    app = create_app(open_store(), tile_url=tiles, tile_attribution="© <b>Example</b>")
    page = TestClient(app).get("/").text
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert 'content="© &lt;b&gt;Example&lt;/b&gt;"' in page


@pytest.mark.parametrize("url", ["//tiles.example.org/{z}/{x}/{y}.png",
                                 "https://a.org; script-src *; x/{z}/{x}/{y}.png",
                                 "javascript:alert(1)"])  # fmt: skip
def test_a_tile_url_that_is_no_web_address_is_refused(url):
    with pytest.raises(ConfigError, match="LAGEBILD_TILE_URL must be an http"):
        content_policy(url)


def test_a_tile_server_may_send_images_and_nothing_else():
    policy = content_policy("https://{s}.tile.example.org/{z}/{x}/{y}.png")
    assert "img-src 'self' data: https://*.tile.example.org;" in policy
    assert "connect-src 'self';" in policy


def test_points_hold_exactly_the_events_a_filter_selects(api):
    for query in FILTERS:
        points = api.get(f"/points?{query}").json()
        listed = api.get(f"/events?limit=1000&{query}").json()["events"]
        assert sorted(points["id"]) == sorted(e["event_id"] for e in listed), query
        assert points["count"] == len(listed)


def test_points_are_columns_with_names_by_index(api):
    points = api.get("/points").json()
    first = api.get(f"/events/{points['id'][0]}").json()
    assert points["event_types"][points["event_type"][0]] == first["event_type"]
    assert points["countries"][points["country"][0]] == first["country"]
    codes = dict(zip(points["countries"], points["country_codes"], strict=True))
    assert codes["Syria"] == "SY" and codes["Fiji"] == "FJ"
    assert points["day"][0] == (dt.date.fromisoformat(first["event_date"]) - EPOCH).days
    assert None in points["latitude"]  # an event without coordinates is still counted


def test_a_document_is_served_by_its_id_slashes_included(client):
    document, _ = coded_batch()[0]
    served = client.get(f"/documents/{document.id}").json()
    assert served["text"] == document.text and served["id"] == document.id
    assert client.get("/documents/no/such.txt").status_code == 404


def test_the_page_answers_head_as_get(client):
    response = client.head("/")
    assert response.status_code == 200 and "text/html" in response.headers["content-type"]


def test_places_are_the_most_populous_towns_in_the_box(client):
    places = client.get("/places?bbox=35.7,32.3,42.4,37.3&limit=20").json()["places"]
    assert len(places) == 20 and "Aleppo" in {name for name, *_ in places}
    assert all(35.7 <= lon <= 42.4 and 32.3 <= lat <= 37.3 for _, lat, lon, _ in places)
    populations = [population for *_, population in places]
    assert populations == sorted(populations, reverse=True)


def test_places_across_the_antimeridian():
    from lagebild.api.dashboard import towns_in

    assert {name for name, *_ in towns_in((177, -19, -178, -17), 10)} >= {"Suva"}


def test_places_refuse_a_box_they_cannot_read(client):
    response = client.get("/places?bbox=1,2,3")
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["query", "bbox"]
