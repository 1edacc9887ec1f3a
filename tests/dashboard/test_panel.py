"""The event panel in Chromium: ACLED's codes with their meaning, a key to the highlight
colours, the header lines apart from the text, no link where a source has no address, and
the German interface's country names, numbers and a word on ACLED's English terms."""

from browsing import api, open_page, wait_for_render


def prison_event(page) -> dict:
    events = api(page, "/events?limit=1000&country=Syria")["events"]
    return next(
        e
        for e in events
        if e["inter2"] and e["sources"][0]["doc_id"].endswith("prison-2022-01.txt")
    )


def open_event(page, event_id: str, query: str = "") -> None:
    open_page(page, f"?event={event_id}{query}")
    page.locator("#event article").wait_for()


def field(page, name: str) -> str:
    return page.text_content(f"#event dd[data-field={name}]")


def test_acled_codes_are_shown_with_their_meaning(page):
    event = prison_event(page)
    open_event(page, event["event_id"])
    assert field(page, "inter1").startswith(f"{event['inter1']} · ")
    assert field(page, "inter1") != str(event["inter1"])
    names = {1: "State forces", 2: "Rebel groups", 7: "Civilians", 8: "External/Other forces"}
    assert names.get(event["inter2"], "") in field(page, "inter2")
    assert field(page, "interaction").startswith(f"{event['interaction']} · ")
    assert " – " in field(page, "interaction")
    assert "known" in field(page, "time_precision")


def test_the_highlight_colours_have_a_key(page):
    open_event(page, prison_event(page)["event_id"])
    key = page.locator("#event .mark-key mark")
    assert key.all_text_contents() == ["event", "actors", "place", "date", "fatalities"]
    colour = key.nth(2).evaluate("m => getComputedStyle(m).backgroundColor")
    place = page.locator("#event .source .text mark[data-field=location]").first
    assert place.evaluate("m => getComputedStyle(m).backgroundColor") == colour


def test_header_lines_stand_apart_and_the_text_does_not_scroll_on_its_own(page):
    events = api(page, "/events?limit=1000")["events"]
    with_header = next(e for e in events if "/corpus/de/" in e["sources"][0]["doc_id"])
    open_event(page, with_header["event_id"])
    header = page.text_content("#event .source .text-header")
    assert header.startswith("date ") and "\ntitle " in header
    assert not page.text_content("#event .source .text").startswith("date ")
    overflow = page.locator("#event .source .text").evaluate("t => getComputedStyle(t).overflowY")
    assert overflow == "visible"


def test_a_source_without_an_address_has_no_link(page):
    events = api(page, "/events?limit=1000")["events"]
    hostile = next(e for e in events if e["sources"][0]["doc_id"] == "de/hostile.txt")
    open_event(page, hostile["event_id"])
    assert page.locator("#event .source-head a").count() == 0
    assert page.locator('a[href$="/null"]').count() == 0


def test_the_german_interface_names_countries_and_numbers_in_german(page):
    event = prison_event(page)
    open_event(page, event["event_id"], "&lang=de")
    assert field(page, "country") == "Syrien"
    options = page.locator("select[name=country] option").all_text_contents()
    assert "Syrien" in options and "Deutschland" in options
    latitude = field(page, "latitude")
    assert "," in latitude and "." not in latitude
    assert "ACLED" in page.text_content("#event .note")
    total = api(page, "/events?limit=1")["total"]
    german = page.evaluate("n => n.toLocaleString('de')", total)
    assert page.text_content("#summary-text").startswith(f"{german} Ereignisse")


def test_the_english_interface_keeps_acleds_names(page):
    open_event(page, prison_event(page)["event_id"], "&lang=en")
    assert field(page, "country") == "Syria"
    assert page.locator("#event .note").count() == 0
    page.click("#language")
    wait_for_render(page, 2)
    assert "Syrien" in page.locator("select[name=country] option").all_text_contents()
