"""What the dashboard tests do in the page: open it, wait for a render, read what it shows."""

import json
from urllib.parse import parse_qs, urlsplit
from urllib.request import urlopen


def open_page(page, query: str = "", renders: int = 1):
    page.goto(f"{page.base}/{query}")
    wait_for_render(page, renders)
    return page


def wait_for_render(page, renders: int) -> None:
    page.wait_for_selector(f'body[data-renders="{renders}"]', timeout=20_000)


def shown_count(page) -> int:
    return int(page.get_attribute("#summary", "data-count"))


def api(page, path: str) -> dict:
    with urlopen(f"{page.base}{path}") as response:
        return json.load(response)


def url_query(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def brush(page, start: float, end: float) -> dict:
    """Drag across the timeline from one share of its width to another; its box."""
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * start, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * end, y, steps=5)
    page.mouse.up()
    return box
