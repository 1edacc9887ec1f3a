"""The timeline in Chromium: counts on a y-axis, whole date labels, the chosen dates shaded
in the span they came from, a single day drawn narrow, and far-off events not stretching it."""

from browsing import brush, open_page, url_query, wait_for_render


def texts(page, selector: str) -> list[str]:
    return page.locator(selector).all_text_contents()


def timeline_box(page) -> dict:
    return page.locator("#timeline").bounding_box()


def test_the_y_axis_counts_and_every_date_label_is_whole(page):
    open_page(page)
    counts = [int(t.replace(",", "")) for t in texts(page, "#timeline text.count")]
    assert counts[0] == 0 and counts == sorted(counts) and len(counts) >= 2
    box = timeline_box(page)
    for label in page.locator("#timeline text.date").all():
        bounds = label.bounding_box()
        assert box["x"] <= bounds["x"] and bounds["x"] + bounds["width"] <= box["x"] + box["width"]
    assert all(len(t) in (4, 7, 10) for t in texts(page, "#timeline text.date"))


def test_brushing_keeps_the_span_and_shades_the_chosen_dates(page):
    open_page(page)
    bars = page.locator("#timeline g.bar").count()
    box = brush(page, 0.6, 0.9)
    wait_for_render(page, 2)
    assert "date_from" in url_query(page)
    assert page.locator("#timeline g.bar").count() == bars  # the same span, faded outside
    assert page.locator("#timeline g.bar.outside").count() > 0
    shade = page.locator("#timeline rect.chosen").bounding_box()
    assert box["x"] + box["width"] * 0.55 < shade["x"] < box["x"] + box["width"] * 0.65


def spread(page, query: str = "", renders: int = 1):
    page.base = page.spread
    return open_page(page, query, renders)


def test_a_few_far_older_events_do_not_stretch_the_span_and_can_be_shown(page, spread_server):
    page.spread = spread_server
    spread(page)
    labels = texts(page, "#timeline text.date")
    assert labels and all(label.startswith("2022") for label in labels)
    button = page.locator("#everything")
    assert button.is_visible() and "2 events outside" in button.text_content()
    button.click()
    wait_for_render(page, 2)
    assert min(texts(page, "#timeline text.date")) < "2010"
    page.locator("#everything").click()
    wait_for_render(page, 3)
    assert all(label.startswith("2022") for label in texts(page, "#timeline text.date"))


def test_a_single_day_is_a_narrow_bar_with_its_date(page, spread_server):
    page.spread = spread_server
    spread(page, "?actor=Lone")
    (bar,) = page.locator("#timeline g.bar rect").all()
    assert bar.bounding_box()["width"] < timeline_box(page)["width"] / 4
    assert "2022-01-31" in texts(page, "#timeline text.date")
