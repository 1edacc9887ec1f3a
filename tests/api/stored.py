"""Six hand-coded events, one of them reported twice (in German and English, so the store
merges the two reports): what the API tests store and expect."""

import datetime as dt

from conftest import build_event, evidence_for

from lagebild.models import Document, Source

TOKEN = "test-token"
PAGE_SIZE = 2

TEXTS = {
    "prison": "Hasaka, 23. Januar 2022. Der Islamische Staat griff das Gefängnis in al-Hasaka an. "
    "Mindestens zwei Zivilisten starben.",
    "prison-en": "Hasakah, 25 January 2022. Islamic State militants attacked the prison in "
    "al-Hasakah on Sunday; three civilians were killed.",
    "protest": "Berlin, 20. Januar 2022. Rund 300 Menschen demonstrierten vor dem Reichstag.",
    "drone": "Erbil, 25. Januar 2022. Eine Drohne traf einen Stützpunkt bei Erbil.",
    "clash": "Manbidsch, 10. Februar 2022. Syrische Armee und SDF lieferten sich Gefechte; "
    "sieben Kämpfer starben.",
    "fiji": "Labasa, 23. Januar 2022. Hunderte protestierten in Labasa gegen Holzfällerei.",
    "unplaced": "Maiduguri, 5. März 2022. Bei Kämpfen in Borno starben sieben Menschen.",
}

EVENTS = {  # name: how the event differs from conftest's build_event
    "prison": dict(notes="Islamic State militants killed 2 civilians in Al-Hasakah."),
    "prison-en": dict(fatalities=3, notes="Islamic State militants killed 3 civilians."),
    "protest": dict(
        event_date=dt.date(2022, 1, 20), event_type="Protests",
        sub_event_type="Peaceful protest", actor1="Protesters (Germany)", inter1=6, actor2=None,
        inter2=None, country="Germany", iso3="DEU", admin1="Berlin", location="Berlin",
        latitude=52.5244, longitude=13.4105, fatalities=0,
        notes="Around 300 people demonstrated in Berlin.",
    ),
    "drone": dict(
        event_date=dt.date(2022, 1, 25), event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", actor1="Unidentified Armed Group (Iraq)", inter1=3,
        actor2=None, inter2=None, country="Iraq", iso3="IRQ", admin1="Erbil", location="Erbil",
        latitude=36.1901, longitude=44.0091, fatalities=0,
        notes="A drone hit a base near Erbil.",
    ),
    "clash": dict(
        event_date=dt.date(2022, 2, 10), event_type="Battles", sub_event_type="Armed clash",
        actor1="Military Forces of Syria (2000-)", inter1=1,
        actor2="SDF: Syrian Democratic Forces", inter2=2, admin1="Aleppo", location="Manbij",
        latitude=36.5281, longitude=37.9549, fatalities=7,
        notes="Government forces and the SDF clashed near Manbij; 7 fighters were killed.",
    ),
    "fiji": dict(
        event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Fiji)",
        inter1=6, actor2=None, inter2=None, country="Fiji", iso3="FJI", admin1="Northern",
        location="Labasa", latitude=-16.4167, longitude=179.3833, fatalities=0,
        notes="Hundreds protested against logging in Labasa.",
    ),
    "unplaced": dict(
        event_date=dt.date(2022, 3, 5), event_type="Battles", sub_event_type="Armed clash",
        actor1="Military Forces of Nigeria (2015-2023)", inter1=1,
        actor2="Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", inter2=2,
        country="Nigeria", iso3="NGA", admin1="Borno", location=None, latitude=None,
        longitude=None, geo_precision=None, fatalities=7,
        notes="Soldiers and Boko Haram fought in Borno; 7 people were killed.",
    ),
}  # fmt: skip
NAMES = [name for name in EVENTS if name != "prison-en"]  # prison-en merges into prison
ALL = set(NAMES)
FILTERS = {  # a query of /events and the events it selects
    "": ALL,
    "date_from=2022-01-23": ALL - {"protest"},
    "date_to=2022-01-23": {"protest", "prison", "fiji"},
    "date_from=2022-01-21&date_to=2022-01-25": {"prison", "fiji", "drone"},
    "bbox=35,32,45,38": {"prison", "drone", "clash"},
    "bbox=170,-20,-170,-10": {"fiji"},  # across the antimeridian
    "country=Syria": {"prison", "clash"},
    "admin1=Erbil": {"drone"},
    "event_type=Protests": {"protest", "fiji"},
    "sub_event_type=Armed clash": {"clash", "unplaced"},
    "actor=syria": {"prison", "clash"},  # either actor, any case; clash by both
    "actor=democratic&country=Syria": {"clash"},  # actor2's name only
    "actor=%25": set(),  # "%", which LIKE would take for any text, is a plain character
    "text=Gefängnis": {"prison"},  # a source's words
    "text=logging": {"fiji"},  # the notes' words
    "text=three civilians": {"prison"},  # the merged English report's words
    "min_fatalities=3": {"prison", "clash", "unplaced"},
    "country=Syria&min_fatalities=5": {"clash"},
    "country=Atlantis": set(),
    "located=false": {"unplaced"},
    "located=true&country=Nigeria": set(),
    "country=sYRIA": {"prison", "clash"},  # names match whatever their case and accents
    "admin1=%C3%89rbil": {"drone"},  # Érbil
    "event_type=protests&sub_event_type=PEACEFUL protest": {"protest", "fiji"},
}


def coded_batch() -> list:
    """Each text as a document with its one event; the English prison report comes last and
    later, so the store merges it into the German one's event."""
    batch = []
    for name, fields in EVENTS.items():
        published = "2022-01-25" if name == "prison-en" else "2022-01-24"
        language = "en" if name == "prison-en" else "de"
        document = Document(
            id=f"{language}/{name}.txt",
            text=TEXTS[name],
            published=published,
            language=language,
            title=f"Report: {name}",
        )
        evidence = [evidence_for(document, "location", TEXTS[name].split(",")[0])]
        if name == "prison":
            evidence.append(evidence_for(document, "actor1", "Islamische Staat"))
        event = build_event(sources=[Source.of(document)], evidence=evidence, **fields)
        batch.append((document, [event]))
    return batch


def names_by_id() -> dict[str, str]:
    """The name of each event by the id it is coded with (prison-en's id finds prison)."""
    batch = coded_batch()
    return {events[0].event_id: name for (_, events), name in zip(batch, EVENTS, strict=True)}
