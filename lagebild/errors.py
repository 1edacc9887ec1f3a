"""lagebild's errors, one hierarchy so one handler can map them to exit codes and HTTP status.

LagebildError
 ├── ReadError        a document could not be read (file, line, reason)
 │    ├── ExtractError     … or it was read but could not be coded
 │    ├── IdConflict       … or another text is stored under its id
 │    └── NotStored        … or the database refused it
 ├── ResourceError    a language data file is missing or malformed
 ├── StorageError     the database refused an operation
 ├── ConfigError      a setting or option has an unusable value
 └── EvalError        a gold or prediction file cannot be scored
"""

from __future__ import annotations


class LagebildError(Exception):
    """Base class of every error lagebild raises on purpose."""

    exit_code = 1
    http_status = 500


class ReadError(LagebildError):
    """A document (or one line of a multi-document file) could not be read."""

    http_status = 400

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class ExtractError(ReadError):
    """A document was read but coding it failed; the batch goes on without it."""


class IdConflict(ReadError):
    """A document comes with the id of a stored document whose text is another."""

    http_status = 409


class NotStored(ReadError):
    """The database refused a document (the rest of its batch is stored)."""

    http_status = 500


class ResourceError(LagebildError):
    """A language resource file is missing or has a malformed row."""


class StorageError(LagebildError):
    """The store could not complete an operation."""


class ConfigError(LagebildError):
    """A setting or command-line option has an unusable value."""

    exit_code = 2
    http_status = 400


class EvalError(LagebildError):
    """A gold, prediction or ACLED file cannot be scored."""

    exit_code = 2
