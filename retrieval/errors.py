"""Errors raised by retrieval."""

from corpus.errors import VerbatimError


class ModelError(VerbatimError):
    """The embedding model cannot be loaded from its local path."""


class IndexError_(VerbatimError):
    """The saved index is missing, damaged or was built from something else."""


class StaleIndexError(IndexError_):
    """The saved index does not match the corpus or the model the settings ask for."""
