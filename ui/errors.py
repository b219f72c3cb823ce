"""Errors raised by the web layer's own services, converted to HTTP status codes in routes."""

from corpus.errors import VerbatimError


class LogbookError(VerbatimError):
    """The conversation log cannot be read or written (database down, locked or read-only)."""


class UnknownAnswerError(LogbookError):
    """No logged answer has this id (never logged, or deleted by retention)."""
