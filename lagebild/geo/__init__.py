"""The geoparser: a GeoNames gazetteer, place names in text, and which place each means."""

from .gazetteer import Gazetteer, Place, acled_region, build_gazetteer, default_gazetteer
from .resolve import (
    best_place,
    document_country,
    named_regions,
    qualifying_regions,
    town_regions,
)
from .toponyms import Cues, Mention, find_places, find_regions

__all__ = [
    "Cues",
    "Gazetteer",
    "Mention",
    "Place",
    "acled_region",
    "best_place",
    "build_gazetteer",
    "default_gazetteer",
    "document_country",
    "find_places",
    "find_regions",
    "named_regions",
    "qualifying_regions",
    "town_regions",
]
