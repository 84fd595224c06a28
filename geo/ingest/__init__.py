"""Ingest: planning which files changed, extracting them in a local process pool or on Dask, writing the store."""
