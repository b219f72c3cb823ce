"""Encoder, index, search and composing an answer from quoted passages."""
