"""The `verbatim` command line."""
