"""lagebild turns German and English news into ACLED-style conflict-event data.

>>> import lagebild
>>> events = lagebild.extract("…", published="2022-01-24")

The names below are imported when first used, so that `import lagebild.store` (or the CLI's
`--help`) does not load the language models the extractor needs.
"""

from importlib import import_module

__version__ = "0.1.0"

EXPORTS = {
    "ConfigError": "errors",
    "Document": "models",
    "EvalError": "errors",
    "Event": "models",
    "Evidence": "models",
    "LagebildError": "errors",
    "ReadError": "errors",
    "ResourceError": "errors",
    "Source": "models",
    "StorageError": "errors",
    "Store": "store",
    "extract": "pipeline",
    "load_language": "extraction",
    "read_paths": "read",
}
RENAMED = {"extract": "extract_text"}

__all__ = sorted(EXPORTS)


def __getattr__(name: str):
    if name not in EXPORTS:
        raise AttributeError(f"module 'lagebild' has no attribute {name!r}")
    value = getattr(import_module(f".{EXPORTS[name]}", __name__), RENAMED.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return [*globals(), *__all__]
