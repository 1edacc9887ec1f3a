"""What an analyst does on the dashboard, in headless Chromium: the map, filters, the
timeline brush, an event's evidence, the language switch, and hostile text staying text."""

from urllib.request import urlopen

from browsing import api, brush, open_page, shown_count, url_query, wait_for_render


def test_the_page_shows_every_stored_event_on_the_map_and_loads_nothing_from_elsewhere(page):
    open_page(page)
    assert shown_count(page) == api(page, "/events?limit=1")["total"] > 10
    markers = page.locator(".lb-event").count() + page.locator(".lb-cluster").count()
    assert markers > 0
    assert page.locator("#list .event-item").count() > 0
    assert page.locator("#timeline .bar").count() > 0
    assert [url for url in page.requests if not url.startswith((page.base, "data:"))] == []
    assert page.errors == []


def test_a_filter_changes_the_count_the_list_the_url_and_the_downloads(page):
    open_page(page)
    before = shown_count(page)
    page.select_option("select[name=event_type]", "Protests")
    wait_for_render(page, 2)
    expected = api(page, "/events?event_type=Protests&limit=1")["total"]
    assert shown_count(page) == expected < before
    assert url_query(page)["event_type"] == "Protests"
    types = page.locator("#list .event-item .type").all_text_contents()
    assert types and all(t in ("Peaceful protest", "Protest with intervention",
                               "Excessive force against protesters") for t in types)  # fmt: skip
    csv_link = page.get_attribute("#download-csv", "href")
    with urlopen(f"{page.base}{csv_link}") as response:
        assert len(response.read().decode().strip().splitlines()) - 1 == expected


def test_a_shared_url_opens_the_same_view(page):
    open_page(page, "?event_type=Battles&lang=de")
    assert page.input_value("select[name=event_type]") == "Battles"
    assert shown_count(page) == api(page, "/events?event_type=Battles&limit=1")["total"]
    assert page.text_content("[data-text=event_type]") == "Ereignistyp"


def test_clicking_an_event_opens_its_fields_sources_and_marked_evidence(page):
    open_page(page)
    page.locator("#list .event-item").first.click()
    article = page.locator("#event article")
    article.wait_for()
    event = api(page, f"/events/{article.get_attribute('data-id')}")
    assert page.text_content("#event dd[data-field=sub_event_type]") == event["sub_event_type"]
    marks = page.locator("#event .source mark")
    assert marks.count() > 0
    spans = {(e["field"], e["text"]) for e in event["evidence"]}
    for i in range(marks.count()):
        assert (marks.nth(i).get_attribute("data-field"), marks.nth(i).text_content()) in spans
    assert "event=" in page.url


def test_clicking_a_marker_opens_its_event(page):
    open_page(page)
    while not (markers := markers_in_view(page)):  # clusters split as the map zooms in
        page.locator(".lb-cluster").first.click()
        page.wait_for_timeout(400)
    markers[0].click()
    page.locator("#event article").wait_for()


def markers_in_view(page) -> list:
    """Event markers on top where they are drawn: inside the map's box, under no cluster."""
    on_top = """(marker) => {
        const box = marker.getBoundingClientRect();
        const x = box.left + box.width / 2, y = box.top + box.height / 2;
        return document.elementFromPoint(x, y) === marker;
    }"""
    return [marker for marker in page.locator(".lb-event").all() if marker.evaluate(on_top)]


def test_brushing_the_timeline_filters_map_list_and_count(page):
    open_page(page)
    before = shown_count(page)
    brush(page, 0.5, 0.99)
    wait_for_render(page, 2)
    query = url_query(page)
    assert query["date_from"] < query["date_to"]
    assert page.input_value("input[name=date_from]") == query["date_from"]
    total = api(page, f"/events?date_from={query['date_from']}&date_to={query['date_to']}&limit=1")
    assert shown_count(page) == total["total"] < before
    page.dblclick("#timeline")
    wait_for_render(page, 3)
    assert shown_count(page) == before


def test_the_language_switch_changes_the_interface(page):
    open_page(page, "?lang=en")
    assert page.text_content("[data-text=event_type]") == "Event type"
    page.click("#language")
    wait_for_render(page, 2)
    assert page.text_content("[data-text=event_type]") == "Ereignistyp"
    assert page.get_attribute("html", "lang") == "de" and url_query(page)["lang"] == "de"
    assert "Ereignisse" in page.text_content("#summary")
    page.click("#language")
    wait_for_render(page, 3)
    assert page.text_content("[data-text=event_type]") == "Event type"


def test_markup_in_a_source_shows_as_text_and_runs_nothing(page):
    hostile = [e for e in api(page, "/events?limit=1000")["events"]
               if e["sources"][0]["doc_id"] == "de/hostile.txt"]  # fmt: skip
    assert hostile
    open_page(page, f"?event={hostile[0]['event_id']}")
    page.locator("#event article").wait_for()
    text = page.text_content("#event .source .text")
    assert "<img src=x onerror=\"window.__ran = 'img'\">" in text
    assert "<script>window.__ran = 'script'</script>" in text
    assert "<b onmouseover" in page.text_content("#event .source-head")
    page.hover("#event .source-head")
    assert page.locator("#event img, #event script, #event b").count() == 0
    assert page.evaluate("() => window.__ran") is None
    assert page.errors == []


def test_evidence_after_characters_beyond_utf_16_is_marked_where_it_is(page):
    hostile = [e for e in api(page, "/events?limit=1000")["events"]
               if e["sources"][0]["doc_id"] == "de/hostile.txt"]  # fmt: skip
    open_page(page, f"?event={hostile[0]['event_id']}")
    page.locator("#event article").wait_for()
    spans = {(e["field"], e["text"]) for e in hostile[0]["evidence"] if e["start"] is not None}
    marks = page.locator("#event .source mark")
    shown = {(m.get_attribute("data-field"), m.text_content()) for m in marks.all()}
    assert shown and shown <= spans  # a span that ends after the 🔥 too


def test_a_tile_server_draws_its_map_when_one_is_set(browser, store):
    from fastapi import FastAPI, Response

    from lagebild.api import create_app
    from lagebild.api.server import BackgroundServer

    tiles = FastAPI()
    pixel = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d4944415478da63f8cfc0f01f0005050201a5dd4f940000000049454e44ae426082"
    )
    tiles.get("/{z}/{x}/{y}.png")(lambda z, x, y: Response(pixel, media_type="image/png"))
    with (
        BackgroundServer(tiles) as tile_url,
        BackgroundServer(
            create_app(
                store, tile_url=f"{tile_url}/{{z}}/{{x}}/{{y}}.png", tile_attribution="Tiles"
            )
        ) as url,
    ):
        page = browser.new_page()
        errors = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        with page.expect_response(lambda r: r.url.startswith(tile_url) and r.ok):
            page.goto(f"{url}/")
        wait_for_render(page, 1)
        assert page.locator(".leaflet-tile-loaded").count() > 0
        assert "Tiles" in page.text_content(".leaflet-control-attribution")
        assert errors == []
        page.close()


def test_the_api_documentation_works_offline(page):
    page.goto(f"{page.base}/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = page.locator(".opblock-summary-path").all_text_contents()
    assert "/events" in paths and "/places" in paths
    assert [url for url in page.requests if not url.startswith((page.base, "data:"))] == []
    assert page.errors == []
