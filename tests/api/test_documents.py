"""POST /documents: only with the token, a German article coded, stored and then found by
/events, on SQLite and PostgreSQL; sending it again changes nothing; bad input is a 4xx and
stores nothing (those tests share one SQLite store)."""

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from stored import TOKEN

from lagebild.api import create_app

ARTICLE = (
    Path(__file__).parents[2] / "data" / "corpus" / "de" / "orf-dnipro-raketenangriff-hochhaus.txt"
)
AUTHORISED = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def article() -> str:
    return ARTICLE.read_text(encoding="utf-8")


def test_writes_are_off_without_a_token_setting(open_store):
    client = TestClient(create_app(open_store()))
    response = client.post("/documents", json={"text": "Text"}, headers=AUTHORISED)
    assert response.status_code == 403
    assert "LAGEBILD_TOKEN" in response.json()["detail"]


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": "Bearer"}],
)
def test_a_missing_or_wrong_token_is_a_401(client, headers):
    response = client.post("/documents", json={"text": "Text"}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert client.get("/health").json()["documents"] == 7


def test_a_token_that_is_not_ascii_is_a_401(client):
    headers = {"Authorization": "Bearer tökén".encode()}
    assert client.post("/documents", json={"text": "Text"}, headers=headers).status_code == 401


def test_a_german_article_is_coded_stored_and_found(api, named, article):
    response = api.post("/documents", json={"text": article}, headers=AUTHORISED)
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "stored" and body["id"].startswith("doc-")
    assert {e["location"] for e in body["events"]} >= {"Dnipro"}
    found = api.get("/events?country=Ukraine&limit=1000").json()["events"]
    assert {e["event_id"] for e in found} == {e["event_id"] for e in body["events"]}
    (source,) = found[0]["sources"]
    assert source["doc_id"] == body["id"]
    assert source["published"] == "2023-01-14"  # from the article's header lines
    assert source["url"].startswith("https://")


def test_the_same_text_again_is_already_stored(api, article):
    first = api.post("/documents", json={"text": article, "id": "orf/dnipro"}, headers=AUTHORISED)
    again = api.post("/documents", json={"text": article, "id": "other"}, headers=AUTHORISED)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == {**first.json(), "status": "already stored"}
    assert api.get("/health").json()["documents"] == 8


def test_another_text_under_a_stored_id_is_a_409(api):
    body = {"text": "Ein anderer Text.", "id": "de/prison.txt"}
    response = api.post("/documents", json=body, headers=AUTHORISED)
    assert response.status_code == 409
    assert "de/prison.txt" in response.json()["detail"]


def test_a_report_of_a_stored_event_is_merged_into_it(api):
    text = (
        "Hasaka, 23. Januar 2022. Der Islamische Staat hat das Gefängnis in al-Hasaka "
        "angegriffen. Mindestens vier Zivilisten starben."
    )
    body = {"text": text, "published": "2022-01-26", "language": "de", "id": "de/more.txt"}
    response = api.post("/documents", json=body, headers=AUTHORISED)
    assert response.status_code == 201
    (event,) = response.json()["events"]
    sources = {source["doc_id"]: source for source in event["sources"]}
    assert set(sources) == {"de/prison.txt", "en/prison-en.txt", "de/more.txt"}
    assert sources["de/more.txt"]["merged_by"] and sources["de/more.txt"]["fatalities"] == 4
    assert event["fatalities"] == 4  # the latest report's figure
    assert api.get("/health").json()["events"] == 6


def test_untrusted_text_comes_back_json_escaped(api):
    title = '<script>alert("x")</script> & \\ \u2028'
    body = {"text": "Am 3. Mai 2022 griffen Milizen Soldaten in Kismayo an.", "title": title}
    response = api.post("/documents", json=body, headers=AUTHORISED)
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert '\\"x\\"' in response.text and "\\\\" in response.text
    event = api.get(f"/events/{response.json()['events'][0]['event_id']}").json()
    assert event["sources"][0]["title"] == title


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": " \n "}, "text"),
        ({"text": "a\x00b"}, "text"),
        ({"text": "x" * 1_000_001}, "text"),
        ({"text": "Text", "id": "a\x00"}, "id"),
        ({"text": "Text", "published": "24.01.2022"}, "published"),
        ({"text": "Text", "published": "2022-02-30"}, "published"),
        ({"text": "Text", "published": "0001-01-01"}, "published"),
        ({"text": "Text", "language": "german"}, "language"),
        ({"text": "Text", "body_start": 3}, "body_start"),
    ],
)
def test_a_bad_field_is_a_422_naming_it(client, body, field):
    response = client.post("/documents", json=body, headers=AUTHORISED)
    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["detail"]] == [["body", field]]


def test_a_lone_surrogate_is_a_422(client):
    content = json.dumps({"text": "Text \ud800"}).encode()
    headers = {**AUTHORISED, "Content-Type": "application/json"}
    response = client.post("/documents", content=content, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "text"]


@pytest.mark.parametrize(
    "text",
    [
        "date 9999-12-31\n\nDer Islamische Staat griff das Gefängnis in al-Hasaka an.",
        "Am 31. Dezember 9999 griff der Islamische Staat das Gefängnis in al-Hasaka an.",
    ],
)
def test_a_year_beyond_2100_is_a_422(client, text):
    response = client.post("/documents", json={"text": text}, headers=AUTHORISED)
    assert response.status_code == 422
    assert "between 1900 and 2100" in response.json()["detail"]


def test_an_impossible_header_date_is_a_400(client):
    response = client.post(
        "/documents", json={"text": "date 2022-02-30\n\nText"}, headers=AUTHORISED
    )
    assert response.status_code == 400
    assert "2022-02-30" in response.json()["detail"]


def test_a_header_without_text_is_a_400(client):
    response = client.post(
        "/documents", json={"text": "date 2022-01-24\ntitle Eilmeldung\n\n"}, headers=AUTHORISED
    )
    assert response.status_code == 400
    assert "no article text" in response.json()["detail"]


def test_a_body_over_the_limit_is_a_413_before_it_is_read(open_store):
    app = create_app(open_store(), token=TOKEN, max_body_bytes=10_000)
    with TestClient(app) as small:
        response = small.post("/documents", json={"text": "x" * 20_000}, headers=AUTHORISED)
        assert response.status_code == 413
        assert small.get("/health").json()["documents"] == 0


def test_a_write_without_the_token_is_refused_before_its_body_is_parsed(client):
    response = client.post("/documents", content=b"{" * 5_000)  # no token, and no JSON either
    assert response.status_code == 401


def test_a_422_does_not_echo_the_rejected_text(client):
    text = "Kämpfer " * 200_000  # 1.6 M characters: over the document limit
    response = client.post("/documents", json={"text": text}, headers=AUTHORISED)
    assert response.status_code == 422
    assert len(response.content) < 1000
    assert "Kämpfer" not in response.text and "K\\u00e4mpfer" not in response.text


def test_a_number_too_large_for_a_count_is_no_toll_and_the_document_is_stored(api):
    text = "Bei einem Angriff auf das Gefängnis in al-Hasaka gab es 99999999999999999999 Tote."
    body = {"text": text, "published": "2022-01-24", "language": "de", "id": "de/absurd.txt"}
    response = api.post("/documents", json=body, headers=AUTHORISED)
    assert response.status_code == 201
    assert [e["fatalities"] for e in response.json()["events"]] == [0]


def test_answers_kept_for_reads_give_way_to_what_a_write_stored(api):
    first = api.get("/events", params={"limit": 1000}).json()
    assert api.get("/events", params={"limit": 1000}).json() == first  # kept
    text = "Am 3. Mai 2022 griffen Milizen Soldaten in Kismayo an; zwei Soldaten starben."
    body = {"text": text, "published": "2022-05-04", "language": "de", "id": "de/kismayo.txt"}
    assert api.post("/documents", json=body, headers=AUTHORISED).status_code == 201
    after = api.get("/events", params={"limit": 1000}).json()
    assert after["total"] == first["total"] + 1
    assert "de/kismayo.txt" in {s["doc_id"] for e in after["events"] for s in e["sources"]}
