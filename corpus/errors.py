"""Errors raised while loading the corpus."""


class VerbatimError(Exception):
    """Base class of every error Verbatim raises on purpose."""


class CorpusError(VerbatimError):
    """The corpus folder or one of its documents cannot be used."""
