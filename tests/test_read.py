"""Readers of lagebild.read: every input format, broken inputs, folders and format sniffing."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from lagebild.errors import ReadError
from lagebild.models import Document
from lagebild.read import read_file, read_paths

HASAKAH = "data/corpus/hasakah-prison-2022-01.txt"
PESHAWAR = "data/corpus/de/zeit-peshawar-selbstmordanschlag-polizeichef.txt"

ARTICLE = (
    "Peshawar (AFP) Bei einem Selbstmord-Anschlag auf einen Polizeichef in Pakistan sind "
    "mindestens zehn Menschen getötet worden. Die Polizei sprach von rund 30 Verletzten."
)


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parents[1]


def write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def read(path: Path) -> list[Document | ReadError]:
    return list(read_file(path))


def read_one(path: Path) -> Document | ReadError:
    [result] = read(path)
    return result


def documents(results) -> list[Document]:
    assert all(isinstance(r, Document) for r in results), results
    return results


# --- plain text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "published", "url", "title", "language", "body"),
    [
        pytest.param(
            " date 2022-01 Die brutalen Gefechte in al-Hasakah dauern an.\nZweiter Absatz.",
            "2022-01", None, None, None, "Die brutalen Gefechte",
            id="date-on-the-text-line",
        ),
        pytest.param(
            "date 2013-03-29\nurl https://www.zeit.de/news/2013-03/29/peshawar\n"
            "title Mindestens zehn Tote bei Anschlag\nlang de\n\n" + ARTICLE,
            "2013-03-29", "https://www.zeit.de/news/2013-03/29/peshawar",
            "Mindestens zehn Tote bei Anschlag", "de", "Peshawar (AFP)",
            id="header-block",
        ),
        pytest.param(
            "date 2022-01-24 " + ARTICLE, "2022-01-24", None, None, None, "Peshawar (AFP)",
            id="full-date",
        ),
        pytest.param(
            "date 2022-01\n" + ARTICLE, "2022-01", None, None, None, "Peshawar (AFP)",
            id="date-line-without-blank-line",
        ),
        pytest.param(
            "date 2022-01-24\r\ntitle Anschlag in Peshawar\r\n\r\n" + ARTICLE,
            "2022-01-24", None, "Anschlag in Peshawar", None, "Peshawar (AFP)",
            id="crlf-line-ends",
        ),
        pytest.param(
            "\ufeffdate 2022-01-24\n\n" + ARTICLE, "2022-01-24", None, None, None,
            "Peshawar (AFP)", id="utf8-bom",
        ),
    ],
)  # fmt: skip
def test_text_header_fields(tmp_path, content, published, url, title, language, body):
    doc = read_one(write(tmp_path, "artikel.txt", content))
    assert (doc.published, doc.url, doc.title, doc.language) == (published, url, title, language)
    assert doc.text[doc.body_start :].startswith(body)


def test_text_without_header_is_all_body(tmp_path):
    doc = read_one(write(tmp_path, "artikel.txt", ARTICLE))
    assert doc.text == ARTICLE
    assert doc.body_start == 0
    assert (doc.published, doc.url, doc.title, doc.language) == (None, None, None, None)


def test_text_keeps_the_header_in_the_text(tmp_path):
    content = "date 2022-01-24\ntitle Anschlag\n\n" + ARTICLE
    doc = read_one(write(tmp_path, "artikel.txt", content))
    assert doc.text == content
    assert doc.body == ARTICLE


def test_document_id_is_the_path_as_given(tmp_path, monkeypatch):
    write(tmp_path, "de/artikel.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    [doc] = read_paths(["de/artikel.txt"])
    assert doc.id == "de/artikel.txt"


def test_text_header_with_impossible_date_is_an_error(tmp_path):
    path = write(tmp_path, "artikel.txt", "date 2022-13-45\n\n" + ARTICLE)
    error = read_one(path)
    assert isinstance(error, ReadError)
    assert (error.path, error.line) == (str(path), 1)
    assert "date" in error.reason


def test_shipped_hasakah_document(repo_root, monkeypatch):
    monkeypatch.chdir(repo_root)
    doc = read_one(HASAKAH)
    assert doc.id == HASAKAH
    assert doc.published == "2022-01"
    assert doc.text[doc.body_start :].startswith("Die brutalen Gefechte in der Hauptstadt")
    assert doc.url is None and doc.title is None


def test_shipped_zeit_document(repo_root, monkeypatch):
    monkeypatch.chdir(repo_root)
    doc = read_one(PESHAWAR)
    assert doc.id == PESHAWAR
    assert doc.published == "2013-03-29"
    assert doc.url.startswith("https://www.zeit.de/news/2013-03/29/pakistan-mindestens-zehn-tote")
    assert doc.title == "Mindestens zehn Tote bei Anschlag auf Polizeichef in Pakistan"
    assert doc.text[doc.body_start :].startswith("Peshawar (AFP) Bei einem Selbstmord-Anschlag")


# --- JSON Lines ---------------------------------------------------------------------------------


def jsonl(*records) -> str:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return "\n".join(lines) + "\n"


def test_jsonl_reads_every_field(tmp_path):
    record = {
        "id": "zeit-1",
        "text": ARTICLE,
        "published": "2013-03-29",
        "url": "https://www.zeit.de/x",
        "title": "Anschlag in Peshawar",
        "language": "de",
    }
    doc = read_one(write(tmp_path, "news.jsonl", jsonl(record)))
    assert doc.model_dump(exclude={"body_start"}) == record


def test_jsonl_needs_only_text(tmp_path):
    path = write(tmp_path, "news.jsonl", jsonl({"text": ARTICLE}))
    doc = read_one(path)
    assert doc.text == ARTICLE
    assert doc.id == f"{path}#1"
    assert (doc.published, doc.url, doc.title, doc.language) == (None, None, None, None)


def test_jsonl_broken_lines_are_reported_and_the_rest_read(tmp_path):
    content = jsonl(
        {"id": "a", "text": "Erster Bericht über Gefechte."},
        '{"id": "b", "text": "abgeschnitten',
        '["kein", "Objekt"]',
        "",
        {"id": "c", "text": "   "},
        {"id": "d", "text": "Bericht.", "published": "gestern"},
        {"id": "e", "text": "Letzter Bericht über Gefechte."},
    )
    path = write(tmp_path, "news.jsonl", content)
    results = read(path)
    assert [r.id for r in results if isinstance(r, Document)] == ["a", "e"]
    errors = [r for r in results if isinstance(r, ReadError)]
    assert [e.line for e in errors] == [2, 3, 5, 6]
    assert all(e.path == str(path) for e in errors)
    reasons = [e.reason for e in errors]
    assert "invalid JSON" in reasons[0]
    assert "object" in reasons[1]
    assert "text" in reasons[2]
    assert "published" in reasons[3] and "gestern" in reasons[3]


def test_jsonl_line_separator_inside_a_string_does_not_split_the_line(tmp_path):
    """json.dumps(ensure_ascii=False) writes U+2028 raw; it is no line break in JSON Lines."""
    content = jsonl({"id": "a", "text": "Absatz eins\u2028Absatz zwei"}, "{kaputt", {"text": "x"})
    results = read(write(tmp_path, "news.jsonl", content))
    assert results[0].text == "Absatz eins\u2028Absatz zwei"
    assert isinstance(results[1], ReadError) and results[1].line == 2
    assert results[2].id.endswith("#3")


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2022-01-24", "2022-01-24"),
        ("2022-01", "2022-01"),
        ("2022-01-24T10:15:00Z", "2022-01-24"),
        ("2022-01-24T00:30:00+01:00", "2022-01-24"),
        ("2022-01-24 10:15:00", "2022-01-24"),
        ("Mon, 24 Jan 2022 10:15:00 +0100", "2022-01-24"),
        ("Mon, 24 Jan 2022 10:15:00 GMT", "2022-01-24"),
    ],
)
def test_jsonl_published_is_normalised(tmp_path, published, expected):
    doc = read_one(write(tmp_path, "news.jsonl", jsonl({"text": "x", "published": published})))
    assert doc.published == expected


@pytest.mark.parametrize("published", ["2022-02-30", "2022-13", "24.01.2022", "gestern"])
def test_jsonl_impossible_published_is_an_error(tmp_path, published):
    error = read_one(write(tmp_path, "news.jsonl", jsonl({"text": "x", "published": published})))
    assert isinstance(error, ReadError)
    assert error.line == 1 and "published" in error.reason


# --- CSV ----------------------------------------------------------------------------------------


def test_csv_reads_rows_as_documents(tmp_path):
    content = (
        "id,text,published,url,title,language\n"
        'a1,"Bei einem Anschlag in Kabul starben zwei Menschen, so die Polizei.",2022-01-24,'
        "https://example.org/a1,Anschlag in Kabul,de\n"
        "a2,Clashes erupted in Marib.,2020-05-09T18:00:00Z,,,\n"
    )
    first, second = documents(read(write(tmp_path, "news.csv", content)))
    assert first.id == "a1"
    assert first.text == "Bei einem Anschlag in Kabul starben zwei Menschen, so die Polizei."
    assert (first.published, first.url, first.title, first.language) == (
        "2022-01-24",
        "https://example.org/a1",
        "Anschlag in Kabul",
        "de",
    )
    assert (second.id, second.published, second.url, second.language) == (
        "a2",
        "2020-05-09",
        None,
        None,
    )


def test_csv_needs_only_a_text_column(tmp_path):
    path = write(tmp_path, "news.csv", "text\nErster Bericht.\nZweiter Bericht.\n")
    assert [d.id for d in documents(read(path))] == [f"{path}#2", f"{path}#3"]


def test_csv_cell_longer_than_a_document_is_one_error_and_the_rest_is_read(tmp_path):
    long = "x" * 1_000_001
    content = f"id,text\na1,Erster Bericht.\na2,{long}\na3,Dritter Bericht.\n"
    first, error, third = read(write(tmp_path, "news.csv", content))
    assert (first.id, third.id) == ("a1", "a3")
    assert isinstance(error, ReadError) and error.line == 3
    assert "longer than a document may be" in error.reason


def test_the_csv_cell_limit_holds_after_a_library_raised_it(tmp_path):
    import csv
    import sys

    csv.field_size_limit(sys.maxsize)  # as reverse_geocoder does when the gazetteer is built
    long = "x" * 1_000_001
    content = f"id,text\na1,Erster Bericht.\na2,{long}\na3,Dritter Bericht.\n"
    _, error, _ = read(write(tmp_path, "news.csv", content))
    assert "longer than a document may be" in error.reason


def test_csv_rows_know_the_line_they_start_on(tmp_path):
    content = 'id,text\na1,"Zwei\nZeilen."\na2,Danach.\n'
    first, second = read(write(tmp_path, "news.csv", content))
    assert (first.line, second.line) == (2, 4)
    assert second.location() == f"{tmp_path / 'news.csv'}:4"


def test_csv_bad_rows_are_reported_with_their_line(tmp_path):
    content = (
        "id,text,published\n"
        'a1,"Ein Bericht,\nder über zwei Zeilen geht.",2022-01-24\n'
        "a2,Zu viele Zellen,2022-01-24,extra,noch eine\n"
        "a3\n"
        "a4,,2022-01-24\n"
        "a5,Letzter Bericht.,2022-01-25\n"
    )
    path = write(tmp_path, "news.csv", content)
    results = read(path)
    assert [r.id for r in results if isinstance(r, Document)] == ["a1", "a5"]
    assert results[0].text == "Ein Bericht,\nder über zwei Zeilen geht."
    errors = [r for r in results if isinstance(r, ReadError)]
    assert [e.line for e in errors] == [4, 5, 6]
    assert all(e.path == str(path) for e in errors)
    assert "5 cells" in errors[0].reason and "header has 3" in errors[0].reason
    assert "1 cells" in errors[1].reason and "header has 3" in errors[1].reason
    assert "text" in errors[2].reason


ACLED_SAMPLE = (  # ACLED's pre-2023 columns, rows made up for the test
    "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,"
    "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,"
    "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    "notes,fatalities,timestamp,iso3\n"
    "1,887,YEM1,1,9-May-20,2020,1,Battles,Armed clash,Houthis,,2,Military Forces of Yemen,,1,12,"
    "Middle East,Yemen,Marib,Sirwah,,Sirwah,15.45,45.02,1,Local,National,"
    '"On 9 May 2020, Houthi forces clashed with government troops in Sirwah.",3,1589155200,YEM\n'
    "2,706,SOM1,1,9-May-20,2020,1,Violence against civilians,Attack,Al Shabaab,,2,"
    "Civilians (Somalia),,7,27,Eastern Africa,Somalia,Lower Juba,Kismayo,,Kismayo,-0.36,42.55,1,"
    'Local,National,"On 9 May 2020, Al Shabaab militants shot a man in Kismayo.",1,1589241599,SOM\n'
)


def test_acled_csv_notes_become_documents_published_at_the_upload_timestamp(tmp_path):
    docs = documents(read(write(tmp_path, "acled.csv", ACLED_SAMPLE)))
    assert [d.id for d in docs] == ["YEM1", "SOM1"]
    assert docs[0].text == "On 9 May 2020, Houthi forces clashed with government troops in Sirwah."
    assert {d.language for d in docs} == {"en"}
    assert [d.published for d in docs] == ["2020-05-11", "2020-05-11"]  # UTC days
    assert [d.line for d in docs] == [2, 3]


def test_the_acled_development_file_reads_as_its_notes(acled_dev):
    docs = documents(read(acled_dev))
    assert len(docs) == 1542 and docs[0].id == "YEM52360"


def test_acled_row_without_notes_is_an_error(tmp_path):
    content = (
        "event_id_cnty,event_date,notes,timestamp\n"
        "SYR1,2022-01-20,,1642700000\n"
        "SYR2,2022-01-21,IS fighters attacked al-Sina prison.,1642790000\n"
    )
    error, doc = read(write(tmp_path, "acled.csv", content))
    assert isinstance(error, ReadError) and error.line == 2 and "SYR1" in error.reason
    assert doc.id == "SYR2" and doc.published == "2022-01-21"


# --- HTML ---------------------------------------------------------------------------------------

PARAGRAPHS = [
    "Bei einem Selbstmordanschlag auf einen Polizeichef in Pakistan sind mindestens zehn "
    "Menschen getötet worden. Zudem seien bei dem Attentat in der Stadt Peshawar rund 30 "
    "Menschen verletzt worden, sagten ein Krankenhaussprecher und ein Sicherheitsvertreter.",
    "Der Anschlag richtete sich nach Angaben der örtlichen Polizei gegen den Polizeichef des "
    "Bezirks. Der Attentäter habe sein mit Sprengstoff beladenes Auto neben dessen Fahrzeug "
    "zur Explosion gebracht.",
    "Zu dem Anschlag bekannte sich zunächst niemand. In der Region sind die pakistanischen "
    "Taliban aktiv, die immer wieder Anschläge auf Sicherheitskräfte verüben.",
]

NAV = (
    '<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li>'
    '<li><a href="/sport">Sport</a></li></ul></nav>'
)

ARTICLE_PAGE = f"""<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <title>Mindestens zehn Tote bei Anschlag in Peshawar | Beispielzeitung</title>
  <meta property="article:published_time" content="2013-03-29T11:20:00+01:00">
</head>
<body>
  {NAV}
  <article>
    <h1>Mindestens zehn Tote bei Anschlag in Peshawar</h1>
    {"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
  </article>
  <footer><p>© 2013 Beispielzeitung. Alle Rechte vorbehalten.</p></footer>
</body>
</html>
"""


def test_html_article_text_title_and_date(tmp_path):
    doc = read_one(write(tmp_path, "peshawar.html", ARTICLE_PAGE))
    assert all(paragraph in doc.text for paragraph in PARAGRAPHS)
    assert doc.title.startswith("Mindestens zehn Tote bei Anschlag in Peshawar")
    assert doc.published == "2013-03-29"
    assert doc.id == str(tmp_path / "peshawar.html")


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("", id="empty-body"),
        pytest.param(NAV, id="navigation-only"),
        pytest.param(
            '<ul><li><a href="/a">Anschlag in Kabul: zwei Tote</a></li>'
            '<li><a href="/b">Gefechte in Mali</a></li></ul>',
            id="list-of-links",
        ),
    ],
)
def test_html_without_article_text_is_an_error(tmp_path, body):
    page = f"<!DOCTYPE html><html><head><title>Startseite</title></head><body>{body}</body></html>"
    error = read_one(write(tmp_path, "index.htm", page))
    assert isinstance(error, ReadError)
    assert "no article text" in error.reason


@pytest.mark.parametrize("depth", [300, 5000])
def test_html_nested_deeper_than_lxml_parses_still_gives_its_article(tmp_path, depth):
    nested = "<div>" * depth + f"<p>{ARTICLE}</p>" * 3 + "</div>" * depth
    page = f"<html><head><title>Anschlag</title></head><body><nav>Menü</nav>{nested}</body></html>"
    found = read_one(write(tmp_path, "deep.html", page))
    assert isinstance(found, Document), found
    assert ARTICLE in found.text


# --- RSS and Atom -------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Nachrichten</title>
    <link>https://example.org/</link>
    <language>de-DE</language>
    <item>
      <title>Anschlag in Peshawar</title>
      <link>https://example.org/peshawar</link>
      <guid>https://example.org/id/1</guid>
      <pubDate>Mon, 24 Jan 2022 00:30:00 +0100</pubDate>
      <description>&lt;p&gt;Bei einem Anschlag starben &lt;b&gt;zehn&lt;/b&gt; Menschen.&lt;/p&gt;\
&lt;p&gt;Polizei &amp;amp; Armee ermitteln.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Gefechte in Hasaka</title>
      <link>https://example.org/hasaka</link>
      <pubDate>Sun, 23 Jan 2022 10:00:00 GMT</pubDate>
      <description><![CDATA[<p>K&auml;mpfer griffen das Gef&auml;ngnis an.<br>Die SDF \
k&auml;mpfen.</p>]]></description>
    </item>
    <item>
      <title>Nur eine Schlagzeile</title>
      <link>https://example.org/schlagzeile</link>
    </item>
  </channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>World news</title>
  <id>urn:uuid:feed</id>
  <updated>2020-05-10T12:00:00Z</updated>
  <entry>
    <title>Clashes in Marib</title>
    <link href="https://example.com/marib"/>
    <id>urn:uuid:1</id>
    <published>2020-05-09T18:00:00Z</published>
    <updated>2020-05-10T08:00:00Z</updated>
    <summary type="html">&lt;p&gt;Clashes erupted between pro-Houthi &amp;amp; \
pro-Hadi forces.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>Shelling near Luhansk</title>
    <link href="https://example.com/luhansk"/>
    <id>urn:uuid:2</id>
    <updated>2020-05-09T23:30:00-04:00</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Forces fired \
<em>82mm</em> mortars.</p><p>No casualties were reported.</p></div></content>
  </entry>
</feed>
"""


def test_rss_entries_become_documents(tmp_path):
    docs = documents(read(write(tmp_path, "feed.rss", RSS)))
    assert [d.id for d in docs] == [
        "https://example.org/id/1",
        "https://example.org/hasaka",
        "https://example.org/schlagzeile",
    ]
    assert [d.url for d in docs] == [
        "https://example.org/peshawar",
        "https://example.org/hasaka",
        "https://example.org/schlagzeile",
    ]
    assert [d.title for d in docs] == [
        "Anschlag in Peshawar",
        "Gefechte in Hasaka",
        "Nur eine Schlagzeile",
    ]
    assert {d.language for d in docs} == {"de"}


def test_rss_description_html_becomes_plain_text(tmp_path):
    first, second, third = read(write(tmp_path, "feed.rss", RSS))
    assert first.text == (
        "Anschlag in Peshawar\n\nBei einem Anschlag starben zehn Menschen. "
        "Polizei & Armee ermitteln."
    )
    assert second.text == (
        "Gefechte in Hasaka\n\nKämpfer griffen das Gefängnis an. Die SDF kämpfen."
    )
    assert third.text == "Nur eine Schlagzeile"


def test_rss_published_is_the_date_the_publisher_states(tmp_path):
    """00:30 on 24 January in Berlin is 23 January in UTC; the article is of the 24th."""
    first, second, third = read(write(tmp_path, "feed.rss", RSS))
    assert (first.published, second.published, third.published) == (
        "2022-01-24",
        "2022-01-23",
        None,
    )


def test_atom_entries_become_documents(tmp_path):
    marib, luhansk = documents(read(write(tmp_path, "feed.atom", ATOM)))
    assert (marib.id, marib.url, marib.title) == (
        "urn:uuid:1",
        "https://example.com/marib",
        "Clashes in Marib",
    )
    assert marib.text == "Clashes in Marib\n\nClashes erupted between pro-Houthi & pro-Hadi forces."
    assert luhansk.text == (
        "Shelling near Luhansk\n\nForces fired 82mm mortars. No casualties were reported."
    )
    assert (marib.published, luhansk.published) == ("2020-05-09", "2020-05-09")
    assert marib.language == "en"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("config.xml", '<?xml version="1.0"?>\n<config><setting name="a">1</setting></config>\n'),
        ("empty.rss", '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Leer</title>'
                      "</channel></rss>\n"),
        ("garbage.rss", "<rss><channel><item><title>kaputt</ti"),
        ("notes.atom", "Dies ist kein Feed, sondern eine Notiz.\n"),
    ],
)  # fmt: skip
def test_not_a_feed_is_an_error(tmp_path, name, content):
    error = read_one(write(tmp_path, name, content))
    assert isinstance(error, ReadError)
    assert "feed" in error.reason


def test_feed_content_is_never_taken_as_a_file_name(tmp_path):
    """feedparser opens a string naming a file (or fetches one naming a URL)."""
    real = write(tmp_path, "real.rss", RSS)
    error = read_one(write(tmp_path, "pointer.rss", str(real)))
    assert isinstance(error, ReadError)


# --- broken inputs ------------------------------------------------------------------------------

BROKEN = {
    "binary": ("report.txt", b"%PDF-1.4\n\x00\x01\x02\x03 binary stream", "binary"),
    "empty": ("empty.txt", b"", "empty"),
    "whitespace": ("blank.txt", b"  \n\t\n   \n", "empty"),
    "undecodable": (
        "noise.txt",
        b"date 2022-01\n\n" + bytes(b | 0x80 for b in random.Random(3).randbytes(500)),
        "not UTF-8 text",
    ),
    "header only": ("only-header.txt", b"date 2022-01-24\ntitle Eilmeldung\n\n  \n", "header"),
}


@pytest.mark.parametrize("kind", BROKEN)
def test_broken_file_is_an_error(tmp_path, kind):
    name, content, phrase = BROKEN[kind]
    path = write(tmp_path, name, content)
    error = read_one(path)
    assert isinstance(error, ReadError)
    assert error.path == str(path)
    assert phrase in error.reason


def test_undecodable_text_error_names_the_line_of_the_bad_byte(tmp_path):
    error = read_one(write(tmp_path, "noise.txt", BROKEN["undecodable"][1]))
    assert error.line == 3


LEGACY = "Die „Kämpfer“ griffen das Gefängnis in al-Hasaka an – über 100 Tote."


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8-sig", LEGACY),
        ("utf-16", LEGACY),  # Python writes the byte order mark
        ("utf-16-be", LEGACY),  # with the mark written by hand
        ("utf-32", LEGACY),
        ("latin-1", "Kämpfer griffen das Gefängnis an; die Wärter flohen."),
        ("cp1252", LEGACY),
        ("cp1251", "В Харькове обстреляли жилой дом, погибли трое мирных жителей."),
    ],
)
def test_text_in_other_encodings_is_decoded(tmp_path, encoding, text):
    mark = "\ufeff" if encoding == "utf-16-be" else ""
    content = f"{mark}date 2022-01-24\n\n{text}\n".encode(encoding)
    found = read_one(write(tmp_path, "bericht.txt", content))
    assert isinstance(found, Document), found
    assert found.body.strip() == text
    assert found.published == "2022-01-24"


def test_a_text_longer_than_a_document_may_be_is_refused_up_front(tmp_path):
    path = write(tmp_path, "huge.txt", "Kämpfer griffen an. " * 600_000)  # 12 MB, one line
    error = read_one(path)
    assert isinstance(error, ReadError)
    assert "12,000,000 characters" in error.reason and "at most 1,000,000" in error.reason


def test_missing_file_is_an_error(tmp_path):
    path = tmp_path / "fehlt.txt"
    error = read_one(path)
    assert isinstance(error, ReadError)
    assert error.path == str(path) and "cannot open" in error.reason


@pytest.mark.parametrize("kind", [*BROKEN, "missing"])
def test_batch_goes_on_after_a_broken_file(tmp_path, kind):
    first = write(tmp_path, "a.txt", "date 2022-01-23 Erster Bericht.")
    if kind == "missing":
        broken = tmp_path / "fehlt.txt"
    else:
        broken = write(tmp_path, BROKEN[kind][0], BROKEN[kind][1])
    last = write(tmp_path, "z.txt", "date 2022-01-24 Letzter Bericht.")
    results = list(read_paths([first, broken, last]))
    assert [type(r) for r in results] == [Document, ReadError, Document]
    assert [results[0].id, results[1].path, results[2].id] == [str(first), str(broken), str(last)]


# --- folders and sniffing -----------------------------------------------------------------------


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    write(tmp_path, "news/b.txt", "Zweiter Bericht.")
    write(tmp_path, "news/a.TXT", "Erster Bericht.")
    write(tmp_path, "news/de/c.jsonl", jsonl({"id": "c", "text": "Dritter Bericht."}))
    write(tmp_path, "news/de/d.html", ARTICLE_PAGE)
    write(tmp_path, "news/notizen.docx", b"PK\x03\x04 not read")
    write(tmp_path, "news/README", "Keine Nachricht.")
    results = list(read_paths([tmp_path / "news"]))
    folder = tmp_path / "news"
    assert [d.id for d in documents(results)] == [
        str(folder / "a.TXT"),
        str(folder / "b.txt"),
        "c",
        str(folder / "de" / "d.html"),
    ]


def test_folder_named_like_a_file_is_entered_not_read(tmp_path):
    write(tmp_path, "news/archiv.txt/a.txt", "Erster Bericht.")
    results = list(read_paths([tmp_path / "news"]))
    assert [d.id for d in documents(results)] == [str(tmp_path / "news/archiv.txt/a.txt")]


@pytest.mark.parametrize(
    ("name", "content", "check"),
    [
        ("feed.dat", RSS, lambda d: d.id == "https://example.org/id/1"),
        ("atom.dat", ATOM.replace('<?xml version="1.0" encoding="utf-8"?>\n', ""),
         lambda d: d.id == "urn:uuid:1"),
        ("artikel.page", ARTICLE_PAGE, lambda d: d.title.startswith("Mindestens zehn Tote")),
        ("artikel.news", "date 2022-01-24\n\n" + ARTICLE,
         lambda d: d.published == "2022-01-24" and d.body == ARTICLE),
        ("artikel", ARTICLE, lambda d: d.text == ARTICLE),
    ],
)  # fmt: skip
def test_unknown_suffix_is_sniffed_from_content(tmp_path, name, content, check):
    doc = read(write(tmp_path, name, content))[0]
    assert isinstance(doc, Document) and check(doc)


def test_xhtml_page_is_sniffed_as_html(tmp_path):
    xhtml = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        + ARTICLE_PAGE.replace("<!DOCTYPE html>\n", "").replace(
            '<html lang="de">', '<html xmlns="http://www.w3.org/1999/xhtml" lang="de">'
        )
    )
    doc = read_one(write(tmp_path, "artikel.page", xhtml))
    assert isinstance(doc, Document)
    assert PARAGRAPHS[0] in doc.text
