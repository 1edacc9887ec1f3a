"""lagebild turns German and English news into ACLED-style conflict-event data.

>>> import lagebild
>>> events = lagebild.extract("…", published="2022-01-24")
"""

from .errors import ConfigError, EvalError, LagebildError, ReadError, ResourceError, StorageError
from .extraction import load_language
from .models import Document, Event, Evidence, Source
from .pipeline import extract_text as extract
from .read import read_paths
from .store import Store

__all__ = [
    "ConfigError",
    "Document",
    "EvalError",
    "Event",
    "Evidence",
    "LagebildError",
    "ReadError",
    "ResourceError",
    "Source",
    "StorageError",
    "Store",
    "extract",
    "load_language",
    "read_paths",
]
__version__ = "0.1.0"
