"""Read news from files into Documents: plain text (with lagebild's header), JSONL, CSV,
ACLED CSV, HTML and RSS/Atom.

`read_paths` yields a Document for every article it can read and a ReadError (file, line,
reason) for every one it cannot, so one broken input never stops a batch.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import email.utils
import html.parser
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import ReadError
from .models import MAX_DOCUMENT_CHARS, MAX_ID_CHARS, Document

ReadResult = Document | ReadError

SUFFIX_FORMATS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html", ".htm": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}  # fmt: skip

DATE_HEADER = re.compile(r"\s*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?![\d-])[ \t]*")
FIELD_HEADER = re.compile(r"(url|title|lang)[ \t]+(\S.*)")
ISO_DATE_PREFIX = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
TABLE_FIELDS = ("id", "text", "published", "url", "title", "language")
BLOCK_TAGS = ("p", "div", "br", "li", "tr", "td", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")
BYTE_ORDER_MARKS = (  # UTF-32's before UTF-16's, whose marks begin theirs
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
LEGACY_LATIN = "cp1252"  # what Western European text is in when it is not in UTF-8
MAX_ACCENTED = 0.3  # share of letters beyond ASCII above which cp1252 is not the text's encoding
MAX_HTML_DEPTH = 200  # lxml, and so trafilatura, drop what is nested deeper than 255


def read_paths(paths: Iterable[str | Path]) -> Iterator[ReadResult]:
    """Read files and folders (recursively, files with known suffixes) in the order given."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIX_FORMATS:
                    yield from read_file(child)
        else:
            yield from read_file(path)


def read_file(path: str | Path) -> Iterator[ReadResult]:
    """Read one file of any supported format; the format comes from its suffix or its content."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        yield ReadError(name, f"cannot open ({error.strerror or error})")
        return
    try:
        text = decode(name, data)
    except ReadError as error:
        yield error
        return
    reader = READERS[sniff_format(Path(path).suffix.lower(), text)]
    yield from reader(name, text)


def decode(name: str, data: bytes) -> str:
    """The text of a file: by its byte order mark (UTF-8, UTF-16, UTF-32), else UTF-8, else
    Windows-1252 (Latin-1's superset) when it reads as Western European text, else the
    encoding charset-normalizer finds."""
    for mark, codec in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return checked_text(name, data.decode(codec))
            except UnicodeDecodeError as error:
                reason = f"not {codec} text though it opens with its byte order mark"
                raise ReadError(name, f"{reason} (bad byte at offset {error.start})") from None
    if b"\x00" in data[:8192]:
        raise ReadError(name, "binary file (NUL bytes), not text")
    try:
        return checked_text(name, data.decode("utf-8"))
    except UnicodeDecodeError as error:
        text = legacy_text(data)
        if text is None:
            line = data[: error.start].count(b"\n") + 1
            reason = f"not UTF-8 text (bad byte at offset {error.start}), nor in another encoding"
            raise ReadError(name, reason, line) from None
        return checked_text(name, text)


def legacy_text(data: bytes) -> str | None:
    """Text in an encoding older than UTF-8: Windows-1252 if every byte is one of its
    characters and few letters lie beyond ASCII (Cyrillic read as it would be all accents),
    else charset-normalizer's best guess; None if nothing reads as text."""
    try:
        text = data.decode(LEGACY_LATIN)
        letters = [c for c in text if c.isalpha()]
        if sum(not c.isascii() for c in letters) <= MAX_ACCENTED * max(len(letters), 1):
            return text
    except UnicodeDecodeError:
        pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else None


def checked_text(name: str, text: str) -> str:
    if not text.strip():
        raise ReadError(name, "empty file")
    return text


def document(name: str, line: int | None, format: str, **fields) -> Document | ReadError:
    """A Document read from `name` (at `line` of a file of many), or why it cannot be one: a
    text longer than a document may be."""
    if len(fields["text"]) > MAX_DOCUMENT_CHARS:
        reason = (
            f"the text has {len(fields['text']):,} characters; "
            f"a document may have at most {MAX_DOCUMENT_CHARS:,}"
        )
        return ReadError(name, reason, line)
    return Document(path=name, line=line, format=format, **fields)


def sniff_format(suffix: str, text: str) -> str:
    """The format named by the suffix, else guessed from the first characters (an XHTML page
    opens with `<?xml` too, so HTML is recognised before a bare XML declaration means a feed)."""
    if suffix in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix]
    head = text.lstrip()[:500].lower()
    if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
        return "feed"
    if "<!doctype html" in head or "<html" in head:
        return "html"
    if head.startswith("<?xml"):
        return "feed"
    return "text"


def parse_text(name: str, text: str) -> Iterator[ReadResult]:
    """Plain text, optionally opening with `date YYYY-MM[-DD]` and `url`/`title`/`lang` lines."""
    try:
        fields = text_fields(name, text)
    except ReadError as error:
        yield error
        return
    yield document(name, None, "text", id=name, **fields)


def document_from_text(doc_id: str, text: str) -> Document:
    """The document a text file of this text would be (raises ReadError as `text_fields`)."""
    if len(text) > MAX_DOCUMENT_CHARS:
        raise ReadError(doc_id, f"the text has more than {MAX_DOCUMENT_CHARS:,} characters")
    return Document(id=doc_id, **text_fields(doc_id, text))


def text_fields(name: str, text: str) -> dict:
    """A text's header fields and where its body starts. Raises ReadError for an impossible
    header date, which later stages could not resolve, and for a header with no text after."""
    header = DATE_HEADER.match(text)
    if not header:
        return {"text": text}
    if safe_date(header.group(1)) is None:
        line = text.count("\n", 0, header.start(1)) + 1
        raise ReadError(name, f"header date {header.group(1)!r} is not a date", line)
    fields = {"published": header.group(1)}
    position = header.end()
    if text[position : position + 1] in ("\n", "\r", ""):
        position, fields = read_field_lines(text, position, fields)
    if not text[position:].strip():
        line = text.count("\n", 0, position) + 1
        raise ReadError(name, "a header but no article text after it", line)
    return {
        "text": text,
        "body_start": position,
        "published": fields["published"],
        "url": fields.get("url"),
        "title": fields.get("title"),
        "language": fields.get("lang"),
    }


def read_field_lines(text: str, position: int, fields: dict) -> tuple[int, dict]:
    """Consume `url`/`title`/`lang` lines after the date line, up to the first blank line."""
    lines = text[position:].splitlines(keepends=True)
    position += len(lines[0]) if lines and not lines[0].strip() else 0
    for line in lines[1:] if lines and not lines[0].strip() else lines:
        match = FIELD_HEADER.fullmatch(line.strip())
        if not line.strip():
            return position + len(line), fields
        if not match:
            return position, fields
        fields[match.group(1)] = match.group(2).strip()
        position += len(line)
    return position, fields


def parse_jsonl(name: str, text: str) -> Iterator[ReadResult]:
    """One JSON object a line. Lines end at `\n` only: str.splitlines() would also break at
    U+2028 and other separators that JSON strings may hold raw."""
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield ReadError(name, f"invalid JSON ({error.msg} at column {error.colno})", number)
            continue
        if not isinstance(record, dict):
            yield ReadError(name, "a line must hold a JSON object", number)
            continue
        yield document_from_record(name, number, record)


def parse_csv(name: str, text: str) -> Iterator[ReadResult]:
    """Rows of a CSV file with a header; ACLED's exports (`notes`, `event_id_cnty`) too. A bad
    row is an error at the line it starts on, and the rows after it are read."""
    lines = CountedLines(text)
    rows = csv.DictReader(lines)
    try:
        header = rows.fieldnames or []
    except csv.Error as error:
        yield ReadError(name, f"broken CSV header ({error})", 1)
        return
    acled = {"notes", "event_id_cnty"} <= set(header)
    for line, row in csv_rows(name, rows, lines):
        if isinstance(row, ReadError):
            yield row
        elif acled:
            yield acled_document(name, line, row)
        elif None in row or None in row.values():
            reason = f"row has {cell_count(row)} cells, header has {len(header)}"
            yield ReadError(name, reason, line)
        else:
            yield document_from_record(name, line, row)


class CountedLines:
    """A text's lines as the csv module reads them, counted: its own `line_num` misses the
    line of a row it refused."""

    def __init__(self, text: str):
        self.lines = iter(io.StringIO(text, newline=""))
        self.count = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.count += 1
        return line


def csv_rows(
    name: str, rows: csv.DictReader, lines: CountedLines
) -> Iterator[tuple[int, dict | ReadError]]:
    """(line a row starts on, the row or why it cannot be read)."""
    while True:
        line = lines.count + 1
        # A longer cell is one bad row, not the end of the file. The limit is process-wide and
        # reverse_geocoder raises it when imported (as building the gazetteer does), so it is
        # set again before every row.
        csv.field_size_limit(MAX_DOCUMENT_CHARS)
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            reason = str(error)
            if "field larger than field limit" in reason:
                reason = f"a cell is longer than a document may be ({MAX_DOCUMENT_CHARS:,} chars)"
            yield line, ReadError(name, f"broken CSV row ({reason})", line)
            continue  # the reader has consumed the row's lines and goes on after them
        yield line, row


def cell_count(row: dict) -> int:
    """Cells of a DictReader row: extra cells sit in a list under None, missing ones are None."""
    present = sum(value is not None for key, value in row.items() if key is not None)
    return present + len(row.get(None) or [])


def acled_document(name: str, line: int, row: dict) -> ReadResult:
    """An ACLED row's `notes` as one document, published at its upload `timestamp`."""
    doc_id = row.get("event_id_cnty") or row.get("data_id") or f"{name}#{line}"
    if not (row.get("notes") or "").strip():
        return ReadError(name, f"ACLED row {doc_id} has no notes", line)
    return document(
        name,
        line,
        "acled",
        id=doc_id,
        text=row["notes"],
        published=timestamp_date(row.get("timestamp")),
        language="en",
    )


def timestamp_date(value: str | None) -> str | None:
    if not value or not value.strip().isdigit():
        return None
    return dt.datetime.fromtimestamp(int(value), dt.UTC).date().isoformat()


def document_from_record(name: str, line: int, record: dict) -> ReadResult:
    """A JSONL object or CSV row with `text` and optional `id, published, url, title, language`."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return ReadError(name, "field 'text' is missing or empty", line)
    for field in TABLE_FIELDS:
        value = record.get(field)
        if value is not None and not isinstance(value, str | int):
            return ReadError(name, f"field {field!r} must be a string", line)
    try:
        published = normalise_date(record.get("published"))
    except ValueError:
        return ReadError(name, f"field 'published' is not a date: {record['published']!r}", line)
    doc_id = str(record.get("id") or f"{name}#{line}")
    if len(doc_id) > MAX_ID_CHARS:
        return ReadError(name, f"field 'id' is longer than {MAX_ID_CHARS} characters", line)
    return document(
        name,
        line,
        "record",
        id=doc_id,
        text=text,
        published=published,
        url=record.get("url") or None,
        title=record.get("title") or None,
        language=record.get("language") or None,
    )


def normalise_date(value: str | None) -> str | None:
    """ISO dates (any time part dropped) and RFC 822 feed dates to YYYY-MM[-DD]."""
    if not value or not str(value).strip():
        return None
    value = str(value).strip()
    match = ISO_DATE_PREFIX.match(value)
    if match:
        dt.date.fromisoformat(match.group() if len(match.group()) == 10 else match.group() + "-01")
        return match.group()
    parsed = email.utils.parsedate_to_datetime(value)
    return parsed.date().isoformat()


def parse_html(name: str, text: str) -> Iterator[ReadResult]:
    article = html_article(flattened_html(text) if too_deep(text) else text)
    if article is None:
        yield ReadError(name, "no article text found in the HTML")
        return
    yield document(
        name,
        None,
        "html",
        id=name,
        text=article.text,
        published=safe_date(article.date),
        url=article.url,
        title=article.title,
        language=article.language,
    )


def html_article(page: str):
    """The article of a page by trafilatura, or None. `favor_precision`: without it a page with
    no article yields its menu as the "article"."""
    import trafilatura

    article = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, favor_precision=True
    )
    return article if article is not None and (article.text or "").strip() else None


class Flattener(html.parser.HTMLParser):
    """Writes a page back with the tags nested deeper than `MAX_HTML_DEPTH` left out and their
    text kept: the HTML parser under trafilatura drops everything below depth 255."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if self.depth < MAX_HTML_DEPTH:
            self.parts.append(self.get_starttag_text() or "")
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")
        self.depth += tag not in VOID_TAGS

    def handle_endtag(self, tag):
        self.depth = max(0, self.depth - (tag not in VOID_TAGS))
        if self.depth < MAX_HTML_DEPTH:
            self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        self.parts.append(data)

    def handle_entityref(self, name):
        self.parts.append(f"&{name};")

    def handle_charref(self, name):
        self.parts.append(f"&#{name};")


VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
LXML_DEPTH = 250  # elements this deep are near where lxml stops


def too_deep(page: str) -> bool:
    """Elements nest as deep as lxml goes, so it may have dropped what lies deeper."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return False
    return bool(root.xpath("/" + "/".join(["*"] * LXML_DEPTH)))


def flattened_html(page: str) -> str:
    flattener = Flattener()
    flattener.feed(page)
    flattener.close()
    return "".join(flattener.parts)


def parse_feed(name: str, text: str) -> Iterator[ReadResult]:
    import feedparser

    # a stream, never a str: feedparser opens a str that names a file or fetches one naming a URL
    feed = feedparser.parse(io.BytesIO(text.encode("utf-8")))
    if not feed.entries:
        reason = feed.get("bozo_exception") or "no entries"
        yield ReadError(name, f"not a readable RSS/Atom feed ({reason})")
        return
    for number, entry in enumerate(feed.entries, 1):
        body = html_to_text(entry_html(entry))
        title = html_to_text(entry.get("title", ""))
        if not (body or title):
            yield ReadError(name, f"feed entry {number} has neither title nor text")
            continue
        yield document(
            name,
            None,
            "feed",
            id=(entry.get("id") or entry.get("link") or f"{name}#{number}")[:MAX_ID_CHARS],
            text="\n\n".join(part for part in (title, body) if part),
            published=feed_date(entry),
            url=entry.get("link"),
            title=title or None,
            language=(entry.get("language") or feed.feed.get("language") or "")[:2] or None,
        )


def entry_html(entry) -> str:
    if entry.get("content"):
        return entry.content[0].get("value", "")
    return entry.get("summary", "")


def feed_date(entry) -> str | None:
    """The date as the publisher states it: feedparser's parsed dates are in UTC, which moves
    an article of 00:30 in Berlin to the day before."""
    stated = safe_date(entry.get("published") or entry.get("updated"))
    if stated:
        return stated
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(*parsed[:3]).isoformat() if parsed else None


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment, as a reader sees it (tags dropped, entities resolved, and a
    space where a paragraph or line ends, so that `<p>A.</p><p>B.</p>` does not become `A.B.`)."""
    import lxml.html

    if not fragment.strip():
        return ""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    root = lxml.html.fromstring(fragment)
    for element in root.iter(*BLOCK_TAGS):
        element.tail = " " + (element.tail or "")
    return " ".join(root.text_content().split())


def safe_date(value: str | None) -> str | None:
    try:
        return normalise_date(value)
    except (ValueError, TypeError):
        return None


READERS = {
    "text": parse_text,
    "jsonl": parse_jsonl,
    "csv": parse_csv,
    "html": parse_html,
    "feed": parse_feed,
}
