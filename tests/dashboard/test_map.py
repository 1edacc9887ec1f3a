"""The map in Chromium: a picked country is zoomed to, with its regions and town names; the
chosen event is ringed and in view; clusters never cover each other; sizes have a key."""

from browsing import api, open_page, url_query, wait_for_render


def map_box(page) -> dict:
    return page.locator("#map").bounding_box()


def inside(box: dict, outer: dict) -> bool:
    return (
        outer["x"] <= box["x"] + box["width"] / 2 <= outer["x"] + outer["width"]
        and outer["y"] <= box["y"] + box["height"] / 2 <= outer["y"] + outer["height"]
    )


def test_at_the_worlds_scale_no_regions_or_town_names_are_drawn(page):
    open_page(page)
    assert page.locator(".lb-place").count() == 0
    assert not [url for url in page.requests if "/admin1/" in url or "/places" in url]


def test_picking_a_country_zooms_to_it_with_its_regions_and_town_names(page):
    open_page(page)
    page.select_option("select[name=country]", "Syria")
    wait_for_render(page, 2)
    page.wait_for_selector(".lb-place span")
    names = set(page.locator(".lb-place").all_text_contents())
    assert {"Aleppo", "Damascus"} & names
    assert any(url.endswith("/static/vendor/admin1/syr.topo.json") for url in page.requests)
    aleppo = page.locator(".lb-place span", has_text="Aleppo").first
    assert inside(aleppo.bounding_box(), map_box(page))
    assert page.errors == []


def test_town_names_do_not_overlap(page):
    open_page(page, "?country=Syria")
    page.wait_for_selector(".lb-place span")
    boxes = [label.locator("span").bounding_box() for label in page.locator(".lb-place").all()]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = (
                a["x"] + a["width"] <= b["x"] + 2
                or b["x"] + b["width"] <= a["x"] + 2
                or a["y"] + a["height"] <= b["y"] + 2
                or b["y"] + b["height"] <= a["y"] + 2
            )
            assert apart, (a, b)


def test_the_chosen_event_is_ringed_and_brought_into_view(page):
    placed = [e for e in api(page, "/events?limit=1000")["events"] if e["latitude"] is not None]
    far = min(placed, key=lambda e: e["longitude"])  # the westernmost: off the initial view
    open_page(page, "?country=Syria")
    page.goto(f"{page.base}/?country=Syria&event={far['event_id']}")
    wait_for_render(page, 1)
    ring = page.locator("path.lb-selected").last
    ring.wait_for()
    assert inside(ring.bounding_box(), map_box(page))
    assert url_query(page)["event"] == far["event_id"]


def test_clusters_never_cover_each_others_counts(page):
    open_page(page)
    boxes = [c.bounding_box() for c in page.locator(".lb-cluster").all()]
    assert len(boxes) >= 2
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap_x = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
            overlap_y = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
            assert overlap_x <= 0 or overlap_y <= 0, (a, b)


def test_the_map_has_a_key_to_marker_sizes(page):
    open_page(page)
    key = page.locator(".lb-size-legend")
    assert key.is_visible()
    assert page.locator(".lb-size-legend .size").all_text_contents() == [
        "no fatalities", "10 killed", "100 killed", "12events close together",
    ]  # fmt: skip
    sizes = [c.bounding_box()["width"] for c in page.locator(".lb-size-legend .circle").all()]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]


def test_events_without_coordinates_are_listed_on_request(page):
    open_page(page)
    unplaced = api(page, "/events?located=false&limit=1")["total"]
    assert unplaced > 0
    page.click("#unplaced")
    wait_for_render(page, 2)
    assert url_query(page)["located"] == "false"
    assert int(page.get_attribute("#summary", "data-count")) == unplaced
    assert page.locator("#list .event-item").count() == min(unplaced, 50)
    assert page.locator("#unplaced").is_hidden()
